//! Read-only tables of records: back to back, in larger slots, or any arithmetic progression of
//! a buffer's bytes (a slice, a step, a reversal, a column of a grid).

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ops::RangeBounds;
use core::slice;

use crate::endian::{Endian, RuntimeEndian};
use crate::error::Error;
use crate::error_kind::{TableAxis, TableRequest};
use crate::overlay::{too_short, validate, Overlay};
use crate::strided::{self, offset, Line};
use crate::tables::Records;

/// Checks that `count` records of `T` spaced `stride` bytes apart fit in `bytes`, validates
/// them, and returns the bytes the table spans.
pub(crate) fn table<T: Overlay>(
    bytes: &[u8],
    count: usize,
    stride: usize,
    endian: Endian,
) -> Result<usize, Error> {
    if stride < T::SIZE {
        return Err(Error::stride_too_small::<T>(stride));
    }
    let span = match count {
        0 => Some(0),
        n => (n - 1)
            .checked_mul(stride)
            .and_then(|start| start.checked_add(T::SIZE)),
    };
    let span = match span {
        Some(span) if span <= bytes.len() => span,
        _ => {
            // Report the first record that does not fit.
            let first_missing = match bytes.len().checked_sub(T::SIZE) {
                None => 0,
                Some(room) => room / stride.max(1) + 1,
            };
            return Err(too_short::<T>(
                first_missing.saturating_mul(stride),
                bytes.len(),
            ));
        }
    };
    if T::__META.checks_bytes {
        for index in 0..count {
            let start = index * stride;
            validate::<T>(&bytes[start..start + T::SIZE], start, endian)?;
        }
    }
    Ok(span)
}

pub(crate) fn dense_count<T: Overlay>(bytes: &[u8]) -> Result<usize, Error> {
    if T::SIZE == 0 {
        return if bytes.is_empty() {
            Ok(0)
        } else {
            Err(Error::__not_multiple::<T>(bytes.len()))
        };
    }
    let remainder = bytes.len() % T::SIZE;
    if remainder != 0 {
        return Err(Error::__not_multiple::<T>(bytes.len()));
    }
    Ok(bytes.len() / T::SIZE)
}

/// A stride given as `usize` as the signed step tables keep. A stride past `isize::MAX` only
/// fits a buffer when the table has at most one record, where the step is never used.
pub(crate) fn signed_stride(stride: usize) -> isize {
    isize::try_from(stride).unwrap_or(isize::MAX)
}

impl<T: Overlay> Clone for Records<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Overlay> Copy for Records<'_, T> {}

impl<'a, T: Overlay> Records<'a, T> {
    /// Records back to back; the length must be a multiple of `T::SIZE`.
    pub fn new(bytes: &'a [u8]) -> Result<Self, Error> {
        Self::dense(bytes, T::__META.default_endian)
    }

    /// [`new`](Records::new) in byte order `endian` (for run-time byte order types).
    pub fn new_with(bytes: &'a [u8], endian: Endian) -> Result<Self, Error>
    where
        T: RuntimeEndian,
    {
        Self::dense(bytes, endian)
    }

    /// [`with_stride`](Records::with_stride) in byte order `endian`.
    pub fn with_stride_endian(
        bytes: &'a [u8],
        count: usize,
        stride: usize,
        endian: Endian,
    ) -> Result<Self, Error>
    where
        T: RuntimeEndian,
    {
        Self::strided(bytes, count, stride, endian)
    }

    fn dense(bytes: &'a [u8], endian: Endian) -> Result<Self, Error> {
        let len = dense_count::<T>(bytes)?;
        table::<T>(bytes, len, T::SIZE, endian)?;
        // `bytes` is exactly the records already: cutting it to them again (as `from_line`
        // does) would hide from LLVM that its length is a multiple of the record size.
        Ok(Records {
            bytes,
            line: Line {
                first: 0,
                len,
                step: signed_stride(T::SIZE),
            },
            endian,
            _type: PhantomData,
        })
    }

    /// `count` records whose starts are `stride` bytes apart (`stride >= T::SIZE`); the bytes
    /// between records are skipped, and bytes after the last record are ignored.
    pub fn with_stride(bytes: &'a [u8], count: usize, stride: usize) -> Result<Self, Error> {
        Self::strided(bytes, count, stride, T::__META.default_endian)
    }

    fn strided(
        bytes: &'a [u8],
        count: usize,
        stride: usize,
        endian: Endian,
    ) -> Result<Self, Error> {
        let span = table::<T>(bytes, count, stride, endian)?;
        Ok(Self::__trusted(&bytes[..span], count, stride, endian))
    }

    /// A table over records that were validated when the record holding them was viewed.
    #[doc(hidden)]
    #[inline]
    pub fn __trusted(bytes: &'a [u8], len: usize, stride: usize, endian: Endian) -> Self {
        Self::from_line(
            bytes,
            Line {
                first: 0,
                len,
                step: signed_stride(stride),
            },
            endian,
        )
    }

    /// A table of the records `line` describes, all of which lie in `bytes` and were validated.
    /// Records back to back keep exactly their bytes (see [`Line::dense_span`]).
    #[inline]
    pub(crate) fn from_line(bytes: &'a [u8], line: Line, endian: Endian) -> Self {
        let (bytes, line) = match line.dense_span(T::SIZE) {
            // Out of range only if the caller broke its promise: then no records, not others.
            Some((start, end)) => (
                bytes.get(start..end).unwrap_or(&[]),
                Line { first: 0, ..line },
            ),
            None => (bytes, line),
        };
        Records {
            bytes,
            line,
            endian,
            _type: PhantomData,
        }
    }

    #[inline]
    fn with_line(self, line: Line) -> Self {
        Self::from_line(self.bytes, line, self.endian)
    }

    /// The number of records.
    #[inline]
    pub fn len(&self) -> usize {
        self.line.len
    }

    /// Whether there are no records.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.line.len == 0
    }

    /// The distance in bytes from the start of one record to the start of the next:
    /// `T::SIZE` for records back to back, negative for a reversed table (memoryview's
    /// `strides[0]`).
    #[inline]
    pub fn stride(&self) -> isize {
        self.line.step
    }

    /// The byte order the records are read in.
    #[inline]
    pub fn endian(&self) -> Endian {
        self.endian
    }

    /// The bytes from the lowest record's start to the highest record's end, gaps included
    /// (for an empty table, no bytes at the place the table starts).
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        let (low, end) = match self.line.extent() {
            Some((low, high)) => (low, high.wrapping_add(T::SIZE)),
            None => (self.line.first, self.line.first),
        };
        self.bytes.get(low..end).unwrap_or(&self.bytes[..0])
    }

    /// Whether the records lie back to back in order, so that [`as_bytes`](Records::as_bytes)
    /// is exactly their bytes (memoryview's `contiguous`).
    #[inline]
    pub fn is_contiguous(&self) -> bool {
        self.line.len <= 1 || self.line.step == signed_stride(T::SIZE)
    }

    /// The records' bytes as one slice, without copying, if they lie back to back in table
    /// order ([`is_contiguous`](Records::is_contiguous)).
    pub fn as_contiguous_bytes(&self) -> Option<&'a [u8]> {
        if !self.is_contiguous() {
            return None;
        }
        let first = self.line.first;
        self.bytes.get(first..first + self.len() * T::SIZE)
    }

    /// The record at `index`, or `None` past the end.
    #[inline]
    pub fn get(&self, index: usize) -> Option<T::View<'a>> {
        if self.line.is_dense(T::SIZE) {
            // `bytes` is exactly the records: one bounds check.
            let record = T::__record(self.bytes, index, T::SIZE)?;
            return Some(T::__view(record, self.endian));
        }
        if index >= self.line.len {
            return None;
        }
        let start = offset(self.line.first, index, self.line.step);
        let record = self.bytes.get(start..start.wrapping_add(T::SIZE))?;
        Some(T::__view(record, self.endian))
    }

    /// The first record, if any.
    #[inline]
    pub fn first(&self) -> Option<T::View<'a>> {
        self.get(0)
    }

    /// The last record, if any.
    #[inline]
    pub fn last(&self) -> Option<T::View<'a>> {
        self.line.len.checked_sub(1).and_then(|i| self.get(i))
    }

    /// The records `range` (any range form: `a..b`, `a..`, `..b`, `..`, `a..=b`), like
    /// `memoryview[a:b]`. A range past the end, or one that ends before it starts, is an
    /// [`ErrorKind::BadRequest`](crate::ErrorKind::BadRequest).
    #[inline]
    pub fn slice(&self, range: impl RangeBounds<usize>) -> Result<Records<'a, T>, Error> {
        let (start, end) = strided::resolve(
            range,
            self.len(),
            TableAxis::Records,
            Error::bad_request::<T>,
        )?;
        Ok(self.with_line(self.line.sub(start, end)))
    }

    /// Every `n`th record starting with the first, like `memoryview[::n]`; `n` must be at
    /// least 1.
    #[inline]
    pub fn step_by(&self, n: usize) -> Result<Records<'a, T>, Error> {
        let n = strided::at_least_one(
            n,
            TableRequest::StepBy(n),
            self.len(),
            TableAxis::Records,
            Error::bad_request::<T>,
        )?;
        Ok(self.with_line(self.line.every(n)))
    }

    /// The same records, last first, like `memoryview[::-1]`: the stride changes sign.
    #[inline]
    #[must_use]
    pub fn rev(self) -> Records<'a, T> {
        self.with_line(self.line.reversed())
    }

    /// The records before `mid` and the records from `mid` on; `mid` may be 0 or `len()`.
    #[inline]
    pub fn split_at(&self, mid: usize) -> Result<(Records<'a, T>, Records<'a, T>), Error> {
        let mid =
            strided::split_point(mid, self.len(), TableAxis::Records, Error::bad_request::<T>)?;
        Ok(self.split(mid))
    }

    /// Splits at `mid`, which the caller checked; a `mid` past the end splits at the end.
    #[inline]
    pub(crate) fn split(&self, mid: usize) -> (Records<'a, T>, Records<'a, T>) {
        let mid = mid.min(self.len());
        (
            self.with_line(self.line.sub(0, mid)),
            self.with_line(self.line.sub(mid, self.len())),
        )
    }

    /// Consecutive tables of `size` records each (the last may be shorter), like
    /// `slice::chunks`; `size` must be at least 1.
    #[inline]
    pub fn chunks(&self, size: usize) -> Result<RecordsChunks<'a, T>, Error> {
        let size = strided::at_least_one(
            size,
            TableRequest::Chunks(size),
            self.len(),
            TableAxis::Records,
            Error::bad_request::<T>,
        )?;
        Ok(RecordsChunks { rest: *self, size })
    }

    /// Copies the records' bytes, in table order and without the gaps between them, into
    /// `out`, which must be exactly `len() * T::SIZE` bytes long (memoryview's `tobytes`
    /// into a buffer of yours).
    pub fn copy_to(&self, out: &mut [u8]) -> Result<(), Error> {
        let needed = self.len().saturating_mul(T::SIZE);
        if out.len() != needed {
            return Err(Error::copy_length::<T>(needed, out.len()));
        }
        if T::SIZE == 0 {
            return Ok(());
        }
        for (index, chunk) in out.chunks_exact_mut(T::SIZE).enumerate() {
            chunk.copy_from_slice(self.record_bytes(index));
        }
        Ok(())
    }

    /// The records' bytes in table order, without the gaps between them (memoryview's
    /// `tobytes`).
    ///
    /// Allocates `len() * T::SIZE` bytes (see [`Grid::to_vec`](crate::Grid::to_vec) for tables
    /// whose records repeat); [`copy_to`](Records::copy_to) fills a buffer of yours instead.
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<u8> {
        let mut out = alloc::vec::Vec::with_capacity(self.len().saturating_mul(T::SIZE));
        if T::SIZE == 0 {
            return out;
        }
        for index in 0..self.len() {
            out.extend_from_slice(self.record_bytes(index));
        }
        out
    }

    /// The bytes of record `index < len()`.
    #[inline]
    fn record_bytes(&self, index: usize) -> &'a [u8] {
        let start = offset(self.line.first, index, self.line.step);
        self.bytes
            .get(start..start.wrapping_add(T::SIZE))
            .unwrap_or(&[])
    }

    /// Iterates over the records in order.
    #[inline]
    pub fn iter(&self) -> RecordsIter<'a, T> {
        let Line { first, len, step } = self.line;
        let forward = T::SIZE > 0 && len > 0 && step >= signed_stride(T::SIZE);
        let cursor = if self.line.is_dense(T::SIZE) {
            // Back-to-back records (the usual case): `from_line` kept exactly their bytes, from
            // 0, also when there are none, so the variant does not depend on the length.
            // Chunks of the constant `T::SIZE`, in a variant of their own, let LLVM count,
            // unroll and vectorize the loop, also beside other loops in one function.
            // Slicing again (`first` is 0, the span all of `bytes`) costs nothing at run time
            // and is what lets LLVM unroll `fold`: without it, or with `get(..len * SIZE)`
            // alone, the one-field scan takes 6.0 or 7.0 instructions per record, not 3.8.
            let from_first = self.bytes.get(first..).unwrap_or(&[]);
            let span = from_first.get(..len * T::SIZE).unwrap_or(&[]);
            Cursor::Dense(span.chunks_exact(T::SIZE))
        } else if !forward {
            Cursor::Walk(Walk {
                bytes: self.bytes,
                first,
                step,
                front: 0,
                back: len,
            })
        } else {
            let stride = step as usize;
            let from_first = self.bytes.get(first..).unwrap_or(&[]);
            let (slots, tail) = slots(from_first, len, stride);
            Cursor::Slots(slots.chunks_exact(stride), tail)
        };
        RecordsIter {
            cursor,
            endian: self.endian,
            _type: PhantomData,
        }
    }
}

/// Splits a forward table's span (from its first record on) into whole `stride`-byte slots
/// and, when the last record's slot is cut short by the end of the buffer, that last record
/// on its own. `stride >= 1`.
#[inline]
fn slots(bytes: &[u8], len: usize, stride: usize) -> (&[u8], Option<&[u8]>) {
    let whole = bytes.len() / stride;
    if whole >= len {
        (&bytes[..len * stride], None)
    } else {
        let (full, last) = bytes.split_at(whole * stride);
        (full, Some(last))
    }
}

impl<'a, T: Overlay> IntoIterator for Records<'a, T> {
    type Item = T::View<'a>;
    type IntoIter = RecordsIter<'a, T>;
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T: Overlay> IntoIterator for &Records<'a, T> {
    type Item = T::View<'a>;
    type IntoIter = RecordsIter<'a, T>;
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T: Overlay> fmt::Debug for Records<'a, T>
where
    T::View<'a>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The records of a table that is not walked slot by slot (reversed, overlapping or zero-sized
/// records), by index.
#[derive(Clone, Copy)]
struct Walk<'a> {
    bytes: &'a [u8],
    first: usize,
    step: isize,
    front: usize,
    back: usize,
}

impl<'a> Walk<'a> {
    #[inline]
    fn bytes_of(&self, index: usize, size: usize) -> Option<&'a [u8]> {
        let start = offset(self.first, index, self.step);
        self.bytes.get(start..start.wrapping_add(size))
    }

    #[inline]
    fn next(&mut self, size: usize) -> Option<&'a [u8]> {
        if self.front < self.back {
            self.front += 1;
            self.bytes_of(self.front - 1, size)
        } else {
            None
        }
    }

    #[inline]
    fn next_back(&mut self, size: usize) -> Option<&'a [u8]> {
        if self.front < self.back {
            self.back -= 1;
            self.bytes_of(self.back, size)
        } else {
            None
        }
    }
}

/// Iterator over the records of a [`Records`] table.
pub struct RecordsIter<'a, T: Overlay> {
    cursor: Cursor<'a>,
    endian: Endian,
    _type: PhantomData<fn() -> T>,
}

/// Where a [`RecordsIter`] is, by the kind of table.
#[derive(Clone)]
enum Cursor<'a> {
    /// Records back to back: one `T::SIZE` chunk per record.
    Dense(slice::ChunksExact<'a, u8>),
    /// Forward with gaps: one slot per record, the record at its start; then the last record
    /// on its own when its slot is cut short by the end of the buffer.
    Slots(slice::ChunksExact<'a, u8>, Option<&'a [u8]>),
    /// Every other table (reversed, overlapping or zero-sized records), by index.
    Walk(Walk<'a>),
}

impl<T: Overlay> Clone for RecordsIter<'_, T> {
    fn clone(&self) -> Self {
        RecordsIter {
            cursor: self.cursor.clone(),
            endian: self.endian,
            _type: PhantomData,
        }
    }
}

#[inline]
fn read_slot<T: Overlay>(slot: &[u8], endian: Endian) -> Option<T::View<'_>> {
    slot.get(..T::SIZE).map(|record| T::__view(record, endian))
}

impl<'a, T: Overlay> Iterator for RecordsIter<'a, T> {
    type Item = T::View<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let endian = self.endian;
        match &mut self.cursor {
            Cursor::Dense(records) => records.next().map(|record| T::__view(record, endian)),
            Cursor::Slots(slots, tail) => match slots.next() {
                Some(slot) => read_slot::<T>(slot, endian),
                None => tail.take().and_then(|last| read_slot::<T>(last, endian)),
            },
            Cursor::Walk(walk) => walk.next(T::SIZE).map(|record| T::__view(record, endian)),
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match &self.cursor {
            Cursor::Dense(records) => records.len(),
            Cursor::Slots(slots, tail) => slots.len() + usize::from(tail.is_some()),
            Cursor::Walk(walk) => walk.back - walk.front,
        };
        (n, Some(n))
    }
}

impl<T: Overlay> DoubleEndedIterator for RecordsIter<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let endian = self.endian;
        match &mut self.cursor {
            Cursor::Dense(records) => records.next_back().map(|record| T::__view(record, endian)),
            Cursor::Slots(slots, tail) => match tail.take() {
                Some(last) => read_slot::<T>(last, endian),
                None => slots
                    .next_back()
                    .and_then(|slot| read_slot::<T>(slot, endian)),
            },
            Cursor::Walk(walk) => walk
                .next_back(T::SIZE)
                .map(|record| T::__view(record, endian)),
        }
    }
}

impl<T: Overlay> ExactSizeIterator for RecordsIter<'_, T> {}
impl<T: Overlay> FusedIterator for RecordsIter<'_, T> {}

/// Iterator over consecutive sub-tables of a [`Records`] table: see [`Records::chunks`].
pub struct RecordsChunks<'a, T: Overlay> {
    pub(crate) rest: Records<'a, T>,
    pub(crate) size: usize,
}

impl<T: Overlay> Clone for RecordsChunks<'_, T> {
    fn clone(&self) -> Self {
        RecordsChunks {
            rest: self.rest,
            size: self.size,
        }
    }
}

impl<'a, T: Overlay> Iterator for RecordsChunks<'a, T> {
    type Item = Records<'a, T>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let len = self.rest.len();
        if len == 0 {
            return None;
        }
        let mid = self.size.min(len);
        let rest = self.rest;
        self.rest = rest.with_line(rest.line.sub(mid, len));
        Some(rest.with_line(rest.line.sub(0, mid)))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.rest.len().div_ceil(self.size);
        (n, Some(n))
    }
}

impl<T: Overlay> DoubleEndedIterator for RecordsChunks<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let len = self.rest.len();
        if len == 0 {
            return None;
        }
        let last = match len % self.size {
            0 => self.size,
            short => short,
        };
        let rest = self.rest;
        self.rest = rest.with_line(rest.line.sub(0, len - last));
        Some(rest.with_line(rest.line.sub(len - last, len)))
    }
}

impl<T: Overlay> ExactSizeIterator for RecordsChunks<'_, T> {}
impl<T: Overlay> FusedIterator for RecordsChunks<'_, T> {}
