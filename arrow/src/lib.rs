//! Arrow record batches, Parquet and Arrow IPC files from `overlay` record tables.
#![forbid(unsafe_code)]
