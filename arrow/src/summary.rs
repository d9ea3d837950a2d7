//! What a writer did: [`Summary`].

/// What a writer did.
#[derive(Clone, Copy, Debug)]
pub struct Summary {
    /// Rows written.
    pub rows: u64,
    /// Batches converted (Arrow IPC: record batches written).
    pub batches: u64,
    /// Parquet row groups written ([`Options::row_group_rows`](crate::Options::row_group_rows));
    /// 0 for Arrow IPC.
    pub row_groups: u64,
    /// Bytes the rows covered in their input ([`Source::input_bytes`](crate::Source::input_bytes)).
    pub input_bytes: u64,
    /// Bytes of the file written.
    pub output_bytes: u64,
}
