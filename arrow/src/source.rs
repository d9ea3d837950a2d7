//! Tables that convert to Arrow: the [`Source`] trait, [`batches`] and [`to_record_batch`].

use std::iter::FusedIterator;
use std::ops::Range;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;

use crate::error::Error;
use crate::options::Options;

/// A table of records that converts to Arrow: implemented for `overlay::Records<'_, T>` (any
/// derived fixed-size `T`, and the scalars, bools and enums, which make one column named
/// `value`) and for [`StructTable`](crate::StructTable).
///
/// Every batch of one source has the schema [`schema`](Source::schema) returns for the same
/// options.
pub trait Source: Sync {
    /// The Arrow schema of the table's batches.
    fn schema(&self, options: &Options) -> Result<SchemaRef, Error>;

    /// Rows in the table.
    fn len(&self) -> usize;

    /// Whether the table has no rows.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Rows `rows` as one batch, converted in parallel (on the rayon pool the call runs in):
    /// each column's buffer is allocated once and filled in place, every value read once in
    /// its byte order. Rows outside the table are an error ([`Error::Rows`]).
    fn batch(&self, rows: Range<usize>, options: &Options) -> Result<RecordBatch, Error>;

    /// The bytes the rows cover in their buffer (gaps between strided records included), for
    /// summaries.
    fn input_bytes(&self) -> u64;
}

/// Batches of `options.batch_rows` rows, in order (the last may be shorter); made by
/// [`batches`]. Each is converted when the iterator is advanced.
#[derive(Debug)]
pub struct Batches<'s, S> {
    source: &'s S,
    options: Options,
    next: usize,
    len: usize,
}

/// Batches of `options.batch_rows` rows, in order.
///
/// ```
/// use overlay::Struct;
/// use overlay_arrow::{batches, Options, StructTable};
///
/// let format = Struct::new(">HI")?;
/// let bytes: Vec<u8> = (0..60).collect(); // ten records of six bytes
/// let table = StructTable::new(&format, &bytes, 10, 6, None)?;
/// let rows: Vec<usize> = batches(&table, &Options::new().batch_rows(4))
///     .map(|batch| batch.map(|b| b.num_rows()))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(rows, [4, 4, 2]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn batches<'s, S: Source>(source: &'s S, options: &Options) -> Batches<'s, S> {
    Batches {
        source,
        options: options.clone(),
        next: 0,
        len: source.len(),
    }
}

impl<S: Source> Iterator for Batches<'_, S> {
    type Item = Result<RecordBatch, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.next >= self.len {
            return None;
        }
        let start = self.next;
        let end = start
            .saturating_add(self.options.rows_per_batch())
            .min(self.len);
        self.next = end;
        let batch = self.source.batch(start..end, &self.options);
        if batch.is_err() {
            // One error ends the batches.
            self.next = self.len;
        }
        Some(batch)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.len - self.next).div_ceil(self.options.rows_per_batch());
        (left, Some(left))
    }
}

impl<S: Source> FusedIterator for Batches<'_, S> {}

/// All rows of `source` as one batch (`options.batch_rows` does not apply).
///
/// ```
/// use arrow_array::cast::AsArray;
/// use arrow_array::types::UInt32Type;
/// use overlay::Overlay;
/// use overlay_arrow::{to_record_batch, Options};
///
/// #[derive(Overlay)]
/// #[overlay(endian = "big")]
/// struct Sample {
///     id: u32,
///     level: i16,
/// }
///
/// let bytes = [0, 0, 0, 7, 0xff, 0xfe, 0, 0, 1, 0, 0, 3];
/// let table = Sample::records(&bytes)?;
/// let batch = to_record_batch(&table, &Options::new())?;
/// let ids = batch.column(0).as_primitive::<UInt32Type>();
/// assert_eq!(ids.values(), &[7, 256]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_record_batch<S: Source>(source: &S, options: &Options) -> Result<RecordBatch, Error> {
    source.batch(0..source.len(), options)
}
