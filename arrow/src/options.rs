//! How records become Arrow columns: [`Options`].

/// How records become Arrow columns: how many rows a batch holds, which extra columns are
/// added, and how large a Parquet row group grows.
///
/// ```
/// let options = overlay_arrow::Options::new()
///     .batch_rows(10_000)
///     .enum_names(true)
///     .row_group_rows(100_000);
/// assert_eq!(options.rows_per_batch(), 10_000);
/// assert!(options.adds_enum_names());
/// assert_eq!(options.rows_per_row_group(), 100_000);
/// assert_eq!(options.row_group_byte_limit(), 64 << 20);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    batch_rows: usize,
    enum_names: bool,
    row_group_rows: usize,
    row_group_bytes: usize,
}

impl Default for Options {
    /// Batches of 65 536 rows, enums as their integers only, Parquet row groups of up to
    /// 1 048 576 rows and 64 MiB.
    fn default() -> Self {
        Options {
            batch_rows: 65_536,
            enum_names: false,
            row_group_rows: 1 << 20,
            row_group_bytes: 64 << 20,
        }
    }
}

impl Options {
    /// The defaults: batches of 65 536 rows, enums as their integers only, Parquet row groups
    /// of up to 1 048 576 rows (the parquet crate's and pyarrow's default) and 64 MiB.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rows per batch: `batches` and the writers convert this many rows at a time, so memory
    /// grows with it (see the crate docs for the bound). It does not decide Parquet's row
    /// groups ([`row_group_rows`](Options::row_group_rows) does). 0 is taken as 1.
    pub fn batch_rows(mut self, rows: usize) -> Self {
        self.batch_rows = rows.max(1);
        self
    }

    /// With `on`, every enum field `f` (a derived fieldless enum, bit fields and arrays of
    /// enums included) gets a second column `f_name` beside its integer column: the variant's
    /// name, dictionary-encoded (`Dictionary(Int32, Utf8)`), null where the value has no
    /// variant of its own (an open enum's catch-all values). Off by default.
    pub fn enum_names(mut self, on: bool) -> Self {
        self.enum_names = on;
        self
    }

    /// The most rows a Parquet row group holds: [`write_parquet`](crate::write_parquet)
    /// closes a row group when it has this many rows or its encoded pages reach
    /// [`row_group_bytes`](Options::row_group_bytes), whichever comes first, whatever the
    /// batches. The open row group's encoded pages stay in memory until it closes, and the
    /// file's footer lists every row group (its metadata stays in memory until the file is
    /// closed, about 1 KiB per column per row group), so row groups of very few rows cost
    /// memory on a large input. 0 is taken as 1.
    pub fn row_group_rows(mut self, rows: usize) -> Self {
        self.row_group_rows = rows.max(1);
        self
    }

    /// The size at which a Parquet row group is closed: once the parquet crate's estimate of
    /// its encoded (compressed) pages reaches this many bytes, and before a write that the
    /// average row so far says would pass it. The estimate is made after a write, so a row
    /// group holds at least the rows of one write (up to 8 192) whatever the limit; see
    /// [`row_group_rows`](Options::row_group_rows). 0 is taken as 1.
    pub fn row_group_bytes(mut self, bytes: usize) -> Self {
        self.row_group_bytes = bytes.max(1);
        self
    }

    /// The most rows of a Parquet row group, as set by
    /// [`row_group_rows`](Options::row_group_rows).
    pub fn rows_per_row_group(&self) -> usize {
        self.row_group_rows
    }

    /// The encoded size at which a Parquet row group is closed, as set by
    /// [`row_group_bytes`](Options::row_group_bytes).
    pub fn row_group_byte_limit(&self) -> usize {
        self.row_group_bytes
    }

    /// Rows per batch, as set by [`batch_rows`](Options::batch_rows) (at least 1).
    pub fn rows_per_batch(&self) -> usize {
        self.batch_rows
    }

    /// Whether enum fields get a `_name` column, as set by
    /// [`enum_names`](Options::enum_names).
    pub fn adds_enum_names(&self) -> bool {
        self.enum_names
    }
}
