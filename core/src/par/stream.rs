//! Parallel iteration over variable-length records laid back to back
//! ([`VarStream::par_records`]).
//!
//! Where record `i` starts is known only once every record before it has been read, so a
//! stream cannot be split in O(1) like a table. A first, sequential pass walks the stream with
//! its own iterator and keeps where every K-th record starts (K a power of two, 1 for short
//! streams); rayon then splits the record numbers, and each piece finds its first record from
//! the nearest kept start (at most K - 1 records before it) and views its records again, one
//! after another, as the stream did.

use alloc::vec::Vec;
use core::marker::PhantomData;

use rayon::iter::plumbing::{bridge, Consumer, Producer, ProducerCallback, UnindexedConsumer};
use rayon::iter::{IndexedParallelIterator, ParallelIterator};

use crate::endian::Endian;
use crate::error::Error;
use crate::var::{view_at, VarOverlay, VarStream};

/// The most record starts the first pass keeps (64 KiB of `usize`s on a 64-bit machine): up
/// to this many records, every start; beyond, every K-th, K the smallest power of two that
/// keeps them under this. Enough pieces for any number of threads, and each piece wastes at
/// most K - 1 views finding its first record.
const MOST_MARKS: usize = 8192;

/// The records of a window filled for iteration from the back (`next_back`).
const WINDOW: usize = 64;

impl<'a, T: VarOverlay> VarStream<'a, T> {
    /// The records left in the stream, in parallel: a rayon `IndexedParallelIterator` whose
    /// items are exactly the items this stream would yield, in the same order — each record's
    /// view, and, if a record is malformed, its error as the last item.
    ///
    /// # How
    ///
    /// A stream cannot be split without reading it: record `i` starts where record `i - 1`
    /// ends. So this method first walks the rest of the stream sequentially, with the
    /// stream's own iterator (each record is viewed, and so validated, exactly as
    /// `next()` does), counting the records and keeping the start of every K-th one: every
    /// start for streams of up to 8,192 records; beyond, K is the smallest power of two that
    /// keeps at most 8,192 starts. Then rayon splits the record numbers in O(1); each piece
    /// finds its first record's start from the nearest kept one (walking at most K - 1
    /// records) and views its records one after another.
    ///
    /// If a record is malformed, the first pass stops there, as the sequential stream does:
    /// the parallel iterator has `n + 1` items, the `n` records before the bad one (`Ok`, at
    /// positions `0..n`) and then, at position `n`, the same [`Error`] the stream gives (same
    /// kind, field, and offset counted from the start of the stream's bytes). A record of no
    /// bytes ends the stream after it, as it ends the sequential one.
    ///
    /// # What it costs
    ///
    /// - The first pass is a sequential walk of the whole stream that views every record: it
    ///   takes as long as a sequential walk that does nothing with the records (over 64 MiB of
    ///   654,722 length-prefixed frames, `benches/parallel.rs` group `stream`: 22.1 ms, where
    ///   a sequential walk summing the frames' lengths takes 20.3 ms). It runs before any
    ///   parallel work starts, so it bounds the speed-up by Amdahl's law: parallel iteration
    ///   pays off when the work per record is large compared to reading it (a checksum, a
    ///   decode, a lookup), not for reading one field. Measured on 2 cores: summing lengths,
    ///   39.7 ms in parallel against 20.3 ms sequentially (twice as slow); hashing each
    ///   frame's bytes (FNV-1a, about 100 bytes a frame), 70.6 ms against 119.3 ms (1.7 times
    ///   as fast).
    /// - Every record is viewed twice (validated twice): once by the first pass, once by the
    ///   thread that yields it, and up to K - 1 more views per piece rayon makes (to find its
    ///   first record; K = 1 for streams of up to 8,192 records).
    /// - One allocation, made by this method: the kept starts, at most 8,192 `usize`s (64 KiB),
    ///   and no more than one per record the rest of the stream could hold
    ///   (`remainder().len() / FIXED_SIZE + 1`). Nothing is allocated per record.
    /// - Iterating from the back (`rev()`) views the records of each window of 64 records
    ///   from the nearest kept start: free for short streams (K = 1); past 8,192 records about
    ///   K / 128 extra views per record.
    ///
    /// ```
    /// # use overlay_derive::Overlay;
    /// use overlay_core::rayon::prelude::*;
    /// use overlay_core::{VarBytes, VarOverlay};
    ///
    /// /// A length byte, then that many bytes.
    /// #[derive(Overlay)]
    /// # #[overlay(crate = "overlay_core")]
    /// struct Chunk {
    ///     len: u8,
    ///     #[overlay(bytes = "len")]
    ///     data: VarBytes,
    /// }
    ///
    /// let mut bytes = Vec::new();
    /// for i in 0..1000u32 {
    ///     let len = (i % 7) as u8;
    ///     bytes.push(len);
    ///     bytes.extend(std::iter::repeat(len).take(usize::from(len)));
    /// }
    /// let total: usize = Chunk::stream(&bytes)
    ///     .par_records()
    ///     .map(|chunk| chunk.map(|c| c.data().len()))
    ///     .sum::<Result<usize, _>>()?;
    /// assert_eq!(total, bytes.len() - 1000);
    ///
    /// // A bad length: the records before it, then the stream's own error, last.
    /// bytes.extend_from_slice(&[9, 1, 2]);
    /// let items: Vec<_> = Chunk::stream(&bytes).par_records().collect();
    /// assert_eq!(items.len(), 1001);
    /// let error = Chunk::stream(&bytes).last().unwrap().unwrap_err();
    /// assert_eq!(items[1000].as_ref().err(), Some(&error));
    /// assert_eq!(error.offset(), Some(bytes.len() - 2));
    /// # Ok::<(), overlay_core::Error>(())
    /// ```
    pub fn par_records(self) -> VarParStream<'a, T>
    where
        T::View<'a>: Send,
    {
        self.__par_records_keeping(MOST_MARKS)
    }

    /// [`par_records`](VarStream::par_records) keeping at most `most` record starts (at least
    /// one): lets the tests reach the thinning of the kept starts with short streams.
    #[doc(hidden)]
    pub fn __par_records_keeping(mut self, most: usize) -> VarParStream<'a, T>
    where
        T::View<'a>: Send,
    {
        let most = most.max(1);
        // Every record but a last one of no bytes (which ends the stream) takes at least
        // `FIXED_SIZE` bytes, and at least one.
        let records_bound = (self.remainder().len() / T::FIXED_SIZE.max(1)).saturating_add(1);
        let capacity = most.min(records_bound);
        let mut marks: Vec<usize> = Vec::new();
        let mut shift = 0u32;
        let mut len = 0usize;
        let mut error = None;
        loop {
            let start = self.offset();
            let Some(item) = self.next() else {
                break;
            };
            if len & low_bits(shift) == 0 {
                if marks.len() >= most {
                    // Keep every other start (records 0, 2K, 4K, ...): K doubles.
                    let mut keep = false;
                    marks.retain(|_| {
                        keep = !keep;
                        keep
                    });
                    shift += 1;
                }
                if len & low_bits(shift) == 0 {
                    if marks.capacity() == 0 {
                        // The one allocation: `marks` never holds more than `capacity`.
                        marks.reserve_exact(capacity);
                    }
                    marks.push(start);
                }
            }
            len += 1;
            if let Err(found) = item {
                error = Some(found);
                break;
            }
        }
        VarParStream {
            bytes: self.bytes,
            endian: self.endian,
            marks,
            shift,
            len,
            error,
            _type: PhantomData,
        }
    }
}

/// `2^shift - 1`: the bits of a record number below the K = `2^shift` of the kept starts.
#[inline]
fn low_bits(shift: u32) -> usize {
    1usize.checked_shl(shift).map_or(usize::MAX, |k| k - 1)
}

/// A parallel iterator over the records of a variable-length stream, found by a first
/// sequential pass: see [`VarStream::par_records`] for how, and what it costs.
///
/// ```
/// # use overlay_derive::Overlay;
/// use overlay_core::rayon::prelude::*;
/// use overlay_core::{VarBytes, VarOverlay, VarParStream};
///
/// #[derive(Overlay)]
/// # #[overlay(crate = "overlay_core")]
/// struct Chunk {
///     len: u8,
///     #[overlay(bytes = "len")]
///     data: VarBytes,
/// }
///
/// let bytes = [2, b'h', b'i', 0, 1, b'!'];
/// let records: VarParStream<'_, Chunk> = Chunk::stream(&bytes).par_records();
/// assert_eq!(records.len(), 3);
/// let data: Vec<&[u8]> = records.map(|chunk| chunk.map(|c| c.data())).collect::<Result<_, _>>()?;
/// assert_eq!(data, [&b"hi"[..], b"", b"!"]);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct VarParStream<'a, T: VarOverlay> {
    bytes: &'a [u8],
    endian: Endian,
    /// `marks[j]` is where record `j << shift` starts, from the start of `bytes`.
    marks: Vec<usize>,
    shift: u32,
    /// The number of items: the records, and the error if there is one.
    len: usize,
    /// The error that ended the first pass: the last item.
    error: Option<Error>,
    _type: PhantomData<fn() -> T>,
}

impl<'a, T: VarOverlay> ParallelIterator for VarParStream<'a, T>
where
    T::View<'a>: Send,
{
    type Item = Result<T::View<'a>, Error>;

    #[inline]
    fn drive_unindexed<C>(self, consumer: C) -> C::Result
    where
        C: UnindexedConsumer<Self::Item>,
    {
        bridge(self, consumer)
    }

    #[inline]
    fn opt_len(&self) -> Option<usize> {
        Some(self.len)
    }
}

impl<'a, T: VarOverlay> IndexedParallelIterator for VarParStream<'a, T>
where
    T::View<'a>: Send,
{
    #[inline]
    fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn drive<C>(self, consumer: C) -> C::Result
    where
        C: Consumer<Self::Item>,
    {
        bridge(self, consumer)
    }

    fn with_producer<CB>(self, callback: CB) -> CB::Output
    where
        CB: ProducerCallback<Self::Item>,
    {
        let walk: Walk<'_, '_, T> = Walk {
            bytes: self.bytes,
            endian: self.endian,
            marks: &self.marks,
            shift: self.shift,
            error: self.error.map(|error| (self.len - 1, error)),
            _type: PhantomData,
        };
        callback.callback(StreamProducer {
            walk,
            front: 0,
            back: self.len,
        })
    }
}

/// What every piece of a stream shares: the bytes, the kept starts, and the error that ends
/// the stream, with its position.
struct Walk<'a, 'm, T> {
    bytes: &'a [u8],
    endian: Endian,
    marks: &'m [usize],
    shift: u32,
    error: Option<(usize, Error)>,
    _type: PhantomData<fn() -> T>,
}

impl<T> Clone for Walk<'_, '_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Walk<'_, '_, T> {}

impl<'a, T: VarOverlay> Walk<'a, '_, T> {
    /// The record at `start` and where the next one starts.
    #[inline]
    fn view(&self, start: usize) -> Result<(T::View<'a>, usize), Error> {
        let (view, rest) = view_at::<T>(self.bytes, start, self.endian)?;
        Ok((view, self.bytes.len() - rest.len()))
    }

    /// Where the record after the one at `start` starts.
    #[inline]
    fn skip(&self, start: usize) -> Result<usize, Error> {
        self.view(start).map(|(_, next)| next)
    }

    /// The nearest kept start at or before record `index`: its record number and offset.
    #[inline]
    fn mark_before(&self, index: usize) -> (usize, usize) {
        let slot = index.checked_shr(self.shift).unwrap_or(0);
        let record = index & !low_bits(self.shift);
        // Every record number below the stream's length has a kept start at or before it
        // (the first pass kept record 0's); 0 only for a broken promise, which then views
        // the wrong bytes but neither panics nor yields more or fewer items.
        (record, self.marks.get(slot).copied().unwrap_or(0))
    }

    /// Where record `index` starts, found from `known`, a record at or before it whose start
    /// is known (else from the kept start before it).
    fn start_of(&self, index: usize, known: Option<(usize, usize)>) -> Result<usize, Error> {
        let (mark, mark_start) = self.mark_before(index);
        let (mut at, mut start) = match known {
            Some((record, start)) if record <= index && record > mark => (record, start),
            _ => (mark, mark_start),
        };
        while at < index {
            // Only records the first pass read: the error (last) is never walked past.
            start = self.skip(start)?;
            at += 1;
        }
        Ok(start)
    }

    /// The error item, if it is at `index`.
    #[inline]
    fn error_at(&self, index: usize) -> Option<Error> {
        match self.error {
            Some((at, error)) if at == index => Some(error),
            _ => None,
        }
    }
}

/// Rayon's view of a stream: the record numbers `front..back`, split in O(1); each piece
/// finds its first record's start when it is walked.
struct StreamProducer<'a, 'm, T> {
    walk: Walk<'a, 'm, T>,
    front: usize,
    back: usize,
}

impl<'a, 'm, T: VarOverlay> Producer for StreamProducer<'a, 'm, T>
where
    T::View<'a>: Send,
{
    type Item = Result<T::View<'a>, Error>;
    type IntoIter = Segment<'a, 'm, T>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        Segment {
            walk: self.walk,
            front: self.front,
            back: self.back,
            front_start: None,
            window: [0; WINDOW],
            window_first: 0,
            window_len: 0,
        }
    }

    #[inline]
    fn split_at(self, index: usize) -> (Self, Self) {
        let mid = self.front.saturating_add(index).min(self.back);
        (
            StreamProducer { back: mid, ..self },
            StreamProducer { front: mid, ..self },
        )
    }
}

/// The records `front..back` of a stream, viewed one after another.
struct Segment<'a, 'm, T> {
    walk: Walk<'a, 'm, T>,
    front: usize,
    back: usize,
    /// Where record `front` starts, once the records before it have been read.
    front_start: Option<usize>,
    /// For `next_back`: where the records `window_first..window_first + window_len` start.
    window: [usize; WINDOW],
    window_first: usize,
    window_len: usize,
}

impl<'a, T: VarOverlay> Segment<'a, '_, T> {
    /// Where record `index` (the back one) starts: from the window, or by filling the window
    /// with the starts of the up to `WINDOW` records that end with it.
    fn start_from_back(&mut self, index: usize) -> Result<usize, Error> {
        if let Some(start) = index
            .checked_sub(self.window_first)
            .filter(|&k| k < self.window_len)
            .and_then(|k| self.window.get(k))
        {
            return Ok(*start);
        }
        let first = index.saturating_sub(WINDOW - 1).max(self.front);
        let known = self.front_start.map(|start| (self.front, start));
        self.window_len = 0;
        let mut start = self.walk.start_of(first, known)?;
        for (k, slot) in self.window.iter_mut().enumerate() {
            *slot = start;
            if first + k == index {
                self.window_first = first;
                self.window_len = k + 1;
                break;
            }
            start = self.walk.skip(start)?;
        }
        Ok(start)
    }
}

impl<'a, T: VarOverlay> Iterator for Segment<'a, '_, T> {
    type Item = Result<T::View<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        let index = self.front;
        self.front += 1;
        if let Some(error) = self.walk.error_at(index) {
            return Some(Err(error));
        }
        let start = match self.front_start.take() {
            Some(start) => Ok(start),
            None => self.walk.start_of(index, None),
        };
        Some(start.and_then(|start| {
            let (view, next) = self.walk.view(start)?;
            self.front_start = Some(next);
            Ok(view)
        }))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl<T: VarOverlay> DoubleEndedIterator for Segment<'_, '_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        let index = self.back;
        if let Some(error) = self.walk.error_at(index) {
            return Some(Err(error));
        }
        Some(
            self.start_from_back(index)
                .and_then(|start| self.walk.view(start))
                .map(|(view, _)| view),
        )
    }
}

impl<T: VarOverlay> ExactSizeIterator for Segment<'_, '_, T> {}
