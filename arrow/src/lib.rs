//! Arrow record batches, Parquet and Arrow IPC files from `overlay` record tables.
//!
//! A [`Source`] is a table of fixed-size records: an [`overlay::Records`] of a derived type,
//! or a [`StructTable`] of a run-time Python `struct` format. [`to_record_batch`] converts all
//! of its rows, [`batches`] a batch at a time, and [`write_parquet`] and [`write_ipc`] stream
//! it to a file batch by batch.
//!
//! ```
//! use arrow_array::cast::AsArray;
//! use arrow_array::types::{Float64Type, UInt64Type};
//! use overlay::Overlay;
//! use overlay_arrow::{to_record_batch, Options};
//!
//! #[derive(Overlay, Clone, Copy, Debug, PartialEq)]
//! #[repr(u8)]
//! enum Side {
//!     Buy = 1,
//!     Sell = 2,
//! }
//!
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct Tick {
//!     time: u64,
//!     price: f64,
//!     side: Side,
//!     #[overlay(pad)]
//!     _reserved: [u8; 3],
//! }
//!
//! let mut bytes = Vec::new();
//! for (time, price, side) in [(10u64, 1.5f64, 1u8), (11, 2.25, 2)] {
//!     bytes.extend_from_slice(&time.to_be_bytes());
//!     bytes.extend_from_slice(&price.to_be_bytes());
//!     bytes.extend_from_slice(&[side, 0, 0, 0]);
//! }
//! let ticks = Tick::records(&bytes)?;
//! let batch = to_record_batch(&ticks, &Options::new().enum_names(true))?;
//! let schema = batch.schema();
//! let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
//! assert_eq!(names, ["time", "price", "side", "side_name"]);
//! assert_eq!(batch.column(0).as_primitive::<UInt64Type>().values(), &[10, 11]);
//! assert_eq!(batch.column(1).as_primitive::<Float64Type>().values(), &[1.5, 2.25]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Types
//!
//! Values are read in their own byte order and stored little-endian, as Arrow stores them;
//! a record declared `#[overlay(endian = "runtime")]` is read in the table's byte order
//! ([`Records::endian`](overlay::Records::endian)). No column is nullable but the enum names.
//!
//! | field type or format code | Arrow type |
//! |---|---|
//! | `u8` `u16` `u32` `u64`; `B` `H` `I` `L` `Q` `N` `P` | `UInt8` .. `UInt64` by size |
//! | `i8` `i16` `i32` `i64`; `b` `h` `i` `l` `q` `n` | `Int8` .. `Int64` by size |
//! | `i128` | `Decimal128(38, 0)` |
//! | `u128` | `FixedSizeBinary(16)`, most significant byte first |
//! | `f32` `f64`; `e` `f` `d` | `Float16`, `Float32`, `Float64`, bit for bit (NaN payloads kept) |
//! | `bool`; `?` | `Boolean` (any nonzero byte is true, as in CPython) |
//! | `[u8; N]`; `Ns`; `c` | `FixedSizeBinary(N)`; `FixedSizeBinary(1)` for `c` |
//! | `Np` | `Binary`: the length byte, at most N − 1, then that many bytes (CPython's rule) |
//! | nested record | `Struct` of its fields |
//! | `[T; N]` | `FixedSizeList<T>(N)`; `[[T; M]; N]` a list of lists; `[Record; N]` a list of structs |
//! | `[[u8; M]; N]` | `FixedSizeList<FixedSizeBinary(M)>(N)`, as Python reads `N*Ms` |
//! | derived enum | its `repr` integer, as above; with [`Options::enum_names`] also `<field>_name` |
//! | bit field | its declared integer type (an enum's: the smallest integer of its sign that holds its bits); `bool` bit fields `Boolean` |
//! | `#[overlay(pad)]`; `x`, native alignment padding | no column |
//!
//! A run-time format has one column per value (`3I` is three columns), named as given to
//! [`StructTable::new`] or `f0, f1, ...`.
//!
//! **128-bit integers.** Arrow has no 128-bit integer type. `i128` becomes `Decimal128(38, 0)`:
//! exact, and a number to every reader (DuckDB, pyarrow, Polars), though values of 39 digits
//! (|v| ≥ 10³⁸, beyond the declared precision) may be refused by readers that check it.
//! `u128` does not fit `Decimal128` at all (2¹²⁸ − 1 has 39 digits, and DuckDB's decimals stop
//! at 38), so it keeps its 16 bytes as `FixedSizeBinary(16)`, most significant first: the
//! order UUIDs and IPv6 addresses (the usual `u128` fields) are written in, and the one in
//! which comparing bytes compares numbers.
//!
//! **Enum names.** An enum is its integer column; [`Options::enum_names`] adds beside it a
//! `<field>_name` column of the variant names, dictionary-encoded (`Dictionary(Int32, Utf8)`,
//! the dictionary being every variant's name) and null for a value without a name (an open
//! enum's catch-all values). A column rather than field metadata, because readers query
//! columns (`WHERE side_name = 'Buy'` in DuckDB) while most drop Arrow field metadata, and a
//! dictionary so that it costs four bytes a row and Parquet stores each name once per page.
//!
//! # Speed and memory
//!
//! A batch is converted in parallel on the rayon pool the call runs in: its rows are dealt
//! out in runs of whole blocks (a multiple of 8 rows, so that bit-packed columns split at
//! bytes) and each task fills every column for its rows, block by block, so a record's bytes
//! come from memory once and stay in cache while each column reads its values from them.
//! Every column's buffer is allocated once per batch and filled in place (no builders, no
//! copies, no allocation per record); a value is read with one load in its byte order.
//!
//! The writers keep one batch in memory at a time, and Parquet one open row group, whatever
//! the size of the input. With a row `W` bytes wide in Arrow (its values' sizes, a bool an
//! eighth of a byte) and `L` leaf columns, the heap stays below 2 × `batch_rows` × `W` +
//! 2 MiB for Arrow IPC, and for Parquet below 2 × `batch_rows` × `W` + `G` + 2 MiB +
//! `L` × 2 MiB + `L` × 1 KiB per row group written: the batch and the slice being encoded,
//! `G` the open row group's encoded pages (at most `row_group_rows` × `W` and about
//! `row_group_bytes`; far less for data that encodes small), each column's dictionary
//! encoder, and the footer's metadata, which Parquet writes at the end of the file and so
//! keeps for every row group until then (the only term that grows with the input: about
//! 1 KiB per column per million rows with the default row groups). The defaults (batches of
//! 65 536 rows, row groups of 1 048 576 rows and 64 MiB) for a 29-byte record of 6 columns
//! come to at most 47 MiB + 6 KiB per row group written for Parquet and 6 MiB for Arrow
//! IPC.
//!
//! # Features
//!
//! `parquet` ([`write_parquet`]), `ipc` ([`write_ipc`]) and `snappy` are default features;
//! `zstd` and `lz4` add those codecs ([`Compression`]).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod compression;
mod convert;
mod derived;
mod error;
#[cfg(feature = "ipc")]
mod ipc;
mod kernels;
mod options;
#[cfg(any(feature = "parquet", feature = "ipc"))]
mod output;
#[cfg(feature = "parquet")]
mod parquet;
mod plan;
mod source;
mod struct_table;
mod summary;

pub use arrow_array::RecordBatch;
pub use arrow_schema::SchemaRef;

pub use crate::compression::Compression;
pub use crate::error::Error;
#[cfg(feature = "ipc")]
pub use crate::ipc::write_ipc;
pub use crate::options::Options;
#[cfg(feature = "parquet")]
pub use crate::parquet::write_parquet;
pub use crate::source::{batches, to_record_batch, Batches, Source};
pub use crate::struct_table::StructTable;
pub use crate::summary::Summary;
