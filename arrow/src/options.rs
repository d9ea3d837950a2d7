//! How records become Arrow columns: [`Options`].

/// How records become Arrow columns: how many rows a batch holds and which extra columns are
/// added.
///
/// ```
/// let options = overlay_arrow::Options::new().batch_rows(10_000).enum_names(true);
/// assert_eq!(options.rows_per_batch(), 10_000);
/// assert!(options.adds_enum_names());
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Options {
    batch_rows: usize,
    enum_names: bool,
}

impl Default for Options {
    /// Batches of 65 536 rows, enums as their integers only.
    fn default() -> Self {
        Options {
            batch_rows: 65_536,
            enum_names: false,
        }
    }
}

impl Options {
    /// The defaults: batches of 65 536 rows, enums as their integers only.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rows per batch (and per Parquet row group): `batches` and the writers convert this
    /// many rows at a time, so memory grows with it (see the crate docs for the bound). 0 is
    /// taken as 1.
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
