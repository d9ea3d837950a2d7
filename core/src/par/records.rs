//! Parallel iteration over a read-only table: its records ([`Records::par_iter`]) and
//! sub-tables of it ([`Records::par_chunks`]).

use rayon::iter::plumbing::Producer;
use rayon::iter::IntoParallelIterator;

use crate::error::Error;
use crate::error_kind::{TableAxis, TableRequest};
use crate::overlay::Overlay;
use crate::records::{RecordsChunks, RecordsIter};
use crate::strided;
use crate::tables::Records;

impl<'a, T: Overlay> Records<'a, T> {
    /// The records in parallel: a rayon `IndexedParallelIterator` yielding the same views, in
    /// the same order, as [`iter`](Records::iter) (with `collect`, `zip`, `enumerate`, `rev`,
    /// `with_min_len`, ...).
    ///
    /// Rayon splits the table with the O(1) split of [`split_at`](Records::split_at) whatever
    /// its stride (reversed, stepped, a grid's column), and each thread walks its part with the
    /// sequential iterator, so a thread's loop is the loop `iter()` compiles to.
    ///
    /// # What a call costs
    ///
    /// - Allocations: none, per record or per call, on a pool that is running (counted on every
    ///   thread of a 2-thread pool: 0 for 1,000 records and 0 for 100,000, in
    ///   `tests/features/tests/parallel.rs`; the first call from a thread outside the pool may
    ///   allocate rayon's state for that thread once). The same holds for every parallel
    ///   iterator over tables and grids.
    /// - Time: handing the work to the pool and waking its threads, about 7 µs a call from
    ///   outside the pool on a 2-core machine, and a few records' worth per piece rayon makes.
    ///   A scan of one field per record pays for it from about 100,000 records; on fewer,
    ///   `iter()` is faster.
    /// - Speed-up: summing one field over 1 GiB of 32-byte records mapped from the page cache
    ///   (`benches/parallel.rs`, group `scan`), 2 threads take 66 to 70 ms where `iter()`
    ///   takes 126 to 129 ms (1.8 to 1.95 times as fast; criterion medians of two runs on a
    ///   2-core machine), and rayon's own `par_chunks_exact` over the same bytes 75 ms. The
    ///   limit is memory bandwidth: the sequential loop already reads 8 GiB/s, as fast as a
    ///   loop written by hand over the bytes.
    ///
    /// ```
    /// use overlay_core::rayon::prelude::*;
    /// use overlay_core::Overlay;
    ///
    /// let bytes: Vec<u8> = (0..=255).collect();
    /// let table = u16::records(&bytes)?; // 128 little-endian u16s
    /// let total: u64 = table.par_iter().map(u64::from).sum();
    /// assert_eq!(total, table.iter().map(u64::from).sum::<u64>());
    ///
    /// // Any stride: every third record, last first.
    /// let picked = table.step_by(3)?.rev();
    /// let values: Vec<u16> = picked.par_iter().collect();
    /// assert_eq!(values, picked.iter().collect::<Vec<_>>());
    /// # Ok::<(), overlay_core::Error>(())
    /// ```
    #[inline]
    pub fn par_iter(&self) -> RecordsParIter<'a, T>
    where
        T::View<'a>: Send,
    {
        RecordsParIter {
            producer: IterProducer(*self),
        }
    }

    /// Consecutive sub-tables of `size` records each (the last may be shorter), in parallel:
    /// the tables [`chunks`](Records::chunks) gives, in the same order, as a rayon
    /// `IndexedParallelIterator`. `size` must be at least 1, as for `chunks`: 0 is the same
    /// [`ErrorKind::BadRequest`](crate::ErrorKind::BadRequest).
    ///
    /// For work per block of records (a checksum, a histogram) rather than per record.
    ///
    /// ```
    /// use overlay_core::rayon::prelude::*;
    /// use overlay_core::Overlay;
    ///
    /// let bytes = [1u8; 1000];
    /// let table = u8::records(&bytes)?;
    /// let sums: Vec<u32> = table
    ///     .par_chunks(300)?
    ///     .map(|chunk| chunk.iter().map(u32::from).sum())
    ///     .collect();
    /// assert_eq!(sums, [300, 300, 300, 100]);
    /// assert!(table.par_chunks(0).is_err());
    /// # Ok::<(), overlay_core::Error>(())
    /// ```
    #[inline]
    pub fn par_chunks(&self, size: usize) -> Result<RecordsParChunks<'a, T>, Error> {
        let size = strided::at_least_one(
            size,
            TableRequest::Chunks(size),
            self.len(),
            TableAxis::Records,
            Error::bad_request::<T>,
        )?;
        Ok(RecordsParChunks {
            producer: ChunksProducer { table: *self, size },
        })
    }
}

impl<'a, T: Overlay> IntoParallelIterator for Records<'a, T>
where
    T::View<'a>: Send,
{
    type Iter = RecordsParIter<'a, T>;
    type Item = T::View<'a>;

    /// [`Records::par_iter`].
    #[inline]
    fn into_par_iter(self) -> Self::Iter {
        self.par_iter()
    }
}

impl<'a, T: Overlay> IntoParallelIterator for &Records<'a, T>
where
    T::View<'a>: Send,
{
    type Iter = RecordsParIter<'a, T>;
    type Item = T::View<'a>;

    /// [`Records::par_iter`].
    #[inline]
    fn into_par_iter(self) -> Self::Iter {
        self.par_iter()
    }
}

/// A parallel iterator over the records of a [`Records`] table: see [`Records::par_iter`].
///
/// ```
/// use overlay_core::rayon::prelude::*;
/// use overlay_core::{Overlay, RecordsParIter};
///
/// let bytes = [7u8; 10];
/// let records: RecordsParIter<'_, u8> = u8::records(&bytes)?.par_iter();
/// assert_eq!(records.len(), 10);
/// assert!(records.all(|value| value == 7));
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct RecordsParIter<'a, T: Overlay> {
    producer: IterProducer<'a, T>,
}

indexed_by_producer!(RecordsParIter => T::View<'a>, where T::View<'a>: Send);

/// Rayon's view of a table: split in O(1), walked by [`RecordsIter`].
struct IterProducer<'a, T: Overlay>(Records<'a, T>);

impl<T: Overlay> IterProducer<'_, T> {
    #[inline]
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl<'a, T: Overlay> Producer for IterProducer<'a, T>
where
    T::View<'a>: Send,
{
    type Item = T::View<'a>;
    type IntoIter = RecordsIter<'a, T>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }

    #[inline]
    fn split_at(self, index: usize) -> (Self, Self) {
        let (head, tail) = self.0.split(index);
        (IterProducer(head), IterProducer(tail))
    }
}

/// A parallel iterator over consecutive sub-tables of a [`Records`] table: see
/// [`Records::par_chunks`].
///
/// ```
/// use overlay_core::rayon::prelude::*;
/// use overlay_core::{Overlay, RecordsParChunks};
///
/// let bytes = [0u8; 10];
/// let chunks: RecordsParChunks<'_, u8> = u8::records(&bytes)?.par_chunks(4)?;
/// assert_eq!(chunks.map(|chunk| chunk.len()).collect::<Vec<_>>(), [4, 4, 2]);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct RecordsParChunks<'a, T: Overlay> {
    producer: ChunksProducer<'a, T>,
}

indexed_by_producer!(RecordsParChunks => Records<'a, T>);

/// Rayon's view of a table cut in chunks of `size >= 1` records: split between chunks.
struct ChunksProducer<'a, T: Overlay> {
    table: Records<'a, T>,
    size: usize,
}

impl<T: Overlay> ChunksProducer<'_, T> {
    #[inline]
    fn len(&self) -> usize {
        self.table.len().div_ceil(self.size)
    }
}

impl<'a, T: Overlay> Producer for ChunksProducer<'a, T> {
    type Item = Records<'a, T>;
    type IntoIter = RecordsChunks<'a, T>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        RecordsChunks {
            rest: self.table,
            size: self.size,
        }
    }

    #[inline]
    fn split_at(self, index: usize) -> (Self, Self) {
        // Past the end only for the last, shorter chunk: `split` stops at the end.
        let (head, tail) = self.table.split(index.saturating_mul(self.size));
        let size = self.size;
        (
            ChunksProducer { table: head, size },
            ChunksProducer { table: tail, size },
        )
    }
}
