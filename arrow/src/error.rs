//! The errors of this crate: [`Error`].

use std::path::PathBuf;

use arrow_schema::ArrowError;

use crate::compression::Compression;

/// The errors of this crate. `Display` is one line, naming the record or format, the field or
/// column, the offset or the path it is about.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The column names given for a run-time format are not one per value.
    #[error(
        "format {format:?} has {values} values, so it needs {values} column names, not {names}"
    )]
    NameCount {
        /// The format string.
        format: Box<str>,
        /// How many values one record of the format has.
        values: usize,
        /// How many names were given.
        names: usize,
    },
    /// Two columns of one table would have the same name (two names given alike, or a field
    /// named like the `_name` column of an enum field beside it).
    #[error("{table}: two columns are named `{column}`")]
    DuplicateColumn {
        /// The record (`record Tick`) or format (`format "<IH"`) whose columns clash.
        table: Box<str>,
        /// The name given twice, as a path from the record (`quote.side_name`).
        column: Box<str>,
    },
    /// A run-time format's records are larger than the distance between them.
    #[error("format {format:?} has records of {size} bytes, more than the stride of {stride} bytes between them")]
    StrideTooSmall {
        /// The format string.
        format: Box<str>,
        /// Bytes per record.
        size: usize,
        /// The stride asked for.
        stride: usize,
    },
    /// The bytes given end before the last record of a run-time format table.
    #[error("format {format:?}: record {record} (offset {offset}, {size} bytes) ends past the {len} bytes given")]
    TooShort {
        /// The format string.
        format: Box<str>,
        /// The first record that does not fit.
        record: usize,
        /// Where that record starts.
        offset: u128,
        /// Bytes per record.
        size: usize,
        /// The length of the bytes given.
        len: usize,
    },
    /// Rows outside the table were asked for.
    #[error("rows {start}..{end} are outside the table's {len} rows")]
    Rows {
        /// First row asked for.
        start: usize,
        /// One past the last row asked for.
        end: usize,
        /// Rows in the table.
        len: usize,
    },
    /// The record type has no layout to make columns from: a bare array type, or a record
    /// without fields.
    #[error("type {record} has no fields to make columns of: convert a record that holds it")]
    NoFields {
        /// The type's name.
        record: &'static str,
    },
    /// A field whose values have no Arrow type here (a float or integer of an unusual size).
    #[error("column `{column}`: values of type {type_name} have no Arrow type here")]
    Unsupported {
        /// The column, as a path from the record.
        column: Box<str>,
        /// The field's type.
        type_name: &'static str,
    },
    /// A column Parquet cannot store: zero-length byte strings (`[u8; 0]`, `0s`), which no
    /// Parquet fixed-length byte array can be.
    #[error("column `{column}` holds zero-length byte strings, which Parquet cannot store: write Arrow IPC, or leave the field out")]
    NotInParquet {
        /// The column, as a path from the record.
        column: Box<str>,
    },
    /// A variable-length column (a `p` value) would hold more bytes in one batch than Arrow's
    /// 32-bit offsets can address.
    #[error("column `{column}` would hold {bytes} bytes in one batch, more than Arrow's 2 GiB limit for a Binary column: convert fewer rows per batch")]
    BinaryTooLarge {
        /// The column.
        column: Box<str>,
        /// The bytes its values take in the batch asked for.
        bytes: u64,
    },
    /// A column of the batch asked for needs more memory than can be had.
    #[error("column `{column}` would take {bytes} bytes in one batch, more than can be allocated: convert fewer rows per batch")]
    OutOfMemory {
        /// The column.
        column: Box<str>,
        /// The bytes it would take (`u64::MAX`: more than can be counted).
        bytes: u64,
    },
    /// The compression asked for was not compiled in.
    #[error("{codec} compression is not built in: enable overlay-arrow's `{codec}` feature")]
    CodecNotBuilt {
        /// The codec asked for.
        codec: Compression,
    },
    /// The file format has no such compression.
    #[error("{format} files have no {codec} compression: use {supported}")]
    CodecUnsupported {
        /// The codec asked for.
        codec: Compression,
        /// The file format.
        format: &'static str,
        /// What the format supports.
        supported: &'static str,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The Parquet writer failed.
    #[cfg(feature = "parquet")]
    #[error("{}: {source}", path.display())]
    Parquet {
        /// The file being written.
        path: PathBuf,
        /// What went wrong.
        source: Box<parquet::errors::ParquetError>,
    },
    /// The Arrow IPC writer failed.
    #[cfg(feature = "ipc")]
    #[error("{}: {source}", path.display())]
    Ipc {
        /// The file being written.
        path: PathBuf,
        /// What went wrong.
        source: ArrowError,
    },
    /// Arrow refused an array or batch this crate built.
    #[error("building Arrow arrays: {0}")]
    Arrow(#[from] ArrowError),
    /// An error of a [`Source`](crate::Source) implemented outside this crate.
    #[error("{0}")]
    Source(Box<dyn std::error::Error + Send + Sync>),
}
