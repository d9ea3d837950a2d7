//! Parallel iteration over a writable table: writable views of its records
//! ([`RecordsMut::par_iter_mut`]) and disjoint writable sub-tables
//! ([`RecordsMut::par_chunks_mut`]).

use rayon::iter::plumbing::Producer;
use rayon::iter::IntoParallelIterator;

use crate::error::Error;
use crate::error_kind::{TableAxis, TableRequest};
use crate::overlay::Overlay;
use crate::records_mut::{RecordsChunksMut, RecordsIterMut};
use crate::strided;
use crate::tables::RecordsMut;

impl<'a, T: Overlay> RecordsMut<'a, T> {
    /// Writable views of the records, in parallel: a rayon `IndexedParallelIterator` yielding
    /// what [`iter_mut`](RecordsMut::iter_mut) yields, in the same order, each record to
    /// exactly one thread.
    ///
    /// Rayon splits the table with the O(1) split of
    /// [`split_at_mut`](RecordsMut::split_at_mut) (the two parts' bytes are disjoint slices,
    /// whatever the stride), and each thread walks its part with the sequential iterator.
    /// Nothing is allocated per record.
    ///
    /// ```
    /// use overlay_core::rayon::prelude::*;
    /// use overlay_core::Overlay;
    ///
    /// let mut bytes = vec![0u8; 2000];
    /// let mut table = u16::records_mut(&mut bytes)?;
    /// table.par_iter_mut().enumerate().for_each(|(i, mut value)| value.set(i as u16));
    /// assert_eq!(u16::records(&bytes)?.get(999), Some(999));
    ///
    /// // Reversed: record 0 of the table is the last one in memory.
    /// let mut table = u16::records_mut(&mut bytes)?.rev();
    /// table.par_iter_mut().enumerate().for_each(|(i, mut value)| value.set(i as u16));
    /// assert_eq!(u16::records(&bytes)?.get(999), Some(0));
    /// # Ok::<(), overlay_core::Error>(())
    /// ```
    #[inline]
    pub fn par_iter_mut<'b>(&'b mut self) -> RecordsParIterMut<'b, T>
    where
        T::ViewMut<'b>: Send,
    {
        RecordsParIterMut {
            producer: IterMutProducer(self.reborrow()),
        }
    }

    /// Consecutive disjoint writable sub-tables of `size` records each (the last may be
    /// shorter), in parallel: the tables [`chunks_mut`](RecordsMut::chunks_mut) gives, in the
    /// same order, as a rayon `IndexedParallelIterator`. `size` must be at least 1, as for
    /// `chunks_mut`: 0 is the same [`ErrorKind::BadRequest`](crate::ErrorKind::BadRequest).
    ///
    /// ```
    /// use overlay_core::rayon::prelude::*;
    /// use overlay_core::Overlay;
    ///
    /// let mut bytes = [0u8; 10];
    /// let mut table = u8::records_mut(&mut bytes)?;
    /// table.par_chunks_mut(4)?.enumerate().for_each(|(i, mut chunk)| {
    ///     for mut value in chunk.iter_mut() {
    ///         value.set(i as u8);
    ///     }
    /// });
    /// assert_eq!(bytes, [0, 0, 0, 0, 1, 1, 1, 1, 2, 2]);
    /// # Ok::<(), overlay_core::Error>(())
    /// ```
    #[inline]
    pub fn par_chunks_mut(&mut self, size: usize) -> Result<RecordsParChunksMut<'_, T>, Error> {
        let size = strided::at_least_one(
            size,
            TableRequest::Chunks(size),
            self.len(),
            TableAxis::Records,
            Error::bad_request::<T>,
        )?;
        Ok(RecordsParChunksMut {
            producer: ChunksMutProducer {
                table: self.reborrow(),
                size,
            },
        })
    }
}

impl<'a, T: Overlay> IntoParallelIterator for RecordsMut<'a, T>
where
    T::ViewMut<'a>: Send,
{
    type Iter = RecordsParIterMut<'a, T>;
    type Item = T::ViewMut<'a>;

    /// [`RecordsMut::par_iter_mut`], consuming the table.
    #[inline]
    fn into_par_iter(self) -> Self::Iter {
        RecordsParIterMut {
            producer: IterMutProducer(self),
        }
    }
}

impl<'a, 'b, T: Overlay> IntoParallelIterator for &'b mut RecordsMut<'a, T>
where
    T::ViewMut<'b>: Send,
{
    type Iter = RecordsParIterMut<'b, T>;
    type Item = T::ViewMut<'b>;

    /// [`RecordsMut::par_iter_mut`].
    #[inline]
    fn into_par_iter(self) -> Self::Iter {
        self.par_iter_mut()
    }
}

/// A parallel iterator over writable views of the records of a [`RecordsMut`] table: see
/// [`RecordsMut::par_iter_mut`].
///
/// ```
/// use overlay_core::rayon::prelude::*;
/// use overlay_core::{Overlay, RecordsParIterMut};
///
/// let mut bytes = [1u8; 10];
/// let mut table = u8::records_mut(&mut bytes)?;
/// let values: RecordsParIterMut<'_, u8> = table.par_iter_mut();
/// values.for_each(|mut value| value.set(value.get() + 1));
/// assert_eq!(bytes, [2; 10]);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct RecordsParIterMut<'a, T: Overlay> {
    producer: IterMutProducer<'a, T>,
}

indexed_by_producer!(RecordsParIterMut => T::ViewMut<'a>, where T::ViewMut<'a>: Send);

/// Rayon's view of a writable table: split into disjoint tables, walked by
/// [`RecordsIterMut`].
struct IterMutProducer<'a, T: Overlay>(RecordsMut<'a, T>);

impl<T: Overlay> IterMutProducer<'_, T> {
    #[inline]
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl<'a, T: Overlay> Producer for IterMutProducer<'a, T>
where
    T::ViewMut<'a>: Send,
{
    type Item = T::ViewMut<'a>;
    type IntoIter = RecordsIterMut<'a, T>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }

    #[inline]
    fn split_at(self, index: usize) -> (Self, Self) {
        let (head, tail) = self.0.split(index);
        (IterMutProducer(head), IterMutProducer(tail))
    }
}

/// A parallel iterator over consecutive disjoint writable sub-tables of a [`RecordsMut`]
/// table: see [`RecordsMut::par_chunks_mut`].
///
/// ```
/// use overlay_core::rayon::prelude::*;
/// use overlay_core::{Overlay, RecordsParChunksMut};
///
/// let mut bytes = [0u8; 10];
/// let mut table = u8::records_mut(&mut bytes)?;
/// let chunks: RecordsParChunksMut<'_, u8> = table.par_chunks_mut(3)?;
/// chunks.for_each(|mut chunk| {
///     let len = chunk.len() as u8;
///     if let Some(mut first) = chunk.get_mut(0) {
///         first.set(len);
///     }
/// });
/// assert_eq!(bytes, [3, 0, 0, 3, 0, 0, 3, 0, 0, 1]);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct RecordsParChunksMut<'a, T: Overlay> {
    producer: ChunksMutProducer<'a, T>,
}

indexed_by_producer!(RecordsParChunksMut => RecordsMut<'a, T>);

/// Rayon's view of a writable table cut in chunks of `size >= 1` records: split between
/// chunks into disjoint tables.
struct ChunksMutProducer<'a, T: Overlay> {
    table: RecordsMut<'a, T>,
    size: usize,
}

impl<T: Overlay> ChunksMutProducer<'_, T> {
    #[inline]
    fn len(&self) -> usize {
        self.table.len().div_ceil(self.size)
    }
}

impl<'a, T: Overlay> Producer for ChunksMutProducer<'a, T> {
    type Item = RecordsMut<'a, T>;
    type IntoIter = RecordsChunksMut<'a, T>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        RecordsChunksMut {
            rest: Some(self.table),
            size: self.size,
        }
    }

    #[inline]
    fn split_at(self, index: usize) -> (Self, Self) {
        // Past the end only for the last, shorter chunk: `split` stops at the end.
        let (head, tail) = self.table.split(index.saturating_mul(self.size));
        let size = self.size;
        (
            ChunksMutProducer { table: head, size },
            ChunksMutProducer { table: tail, size },
        )
    }
}
