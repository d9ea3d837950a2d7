//! Writable tables of records: [`RecordsMut`] and its iterators.

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ops::RangeBounds;
use core::slice;

use crate::endian::{Endian, RuntimeEndian};
use crate::error::Error;
use crate::error_kind::{TableAxis, TableRequest};
use crate::overlay::Overlay;
use crate::records::{dense_count, signed_stride, table};
use crate::strided::{self, offset, Line};
use crate::tables::Records;
use crate::tables::RecordsMut;

impl<'a, T: Overlay> RecordsMut<'a, T> {
    /// A table over records that were validated when the record holding them was viewed.
    #[doc(hidden)]
    #[inline]
    pub fn __trusted(bytes: &'a mut [u8], len: usize, stride: usize, endian: Endian) -> Self {
        let line = Line {
            first: 0,
            len,
            step: signed_stride(stride),
        };
        Self::from_line(bytes, line, endian)
    }

    /// A table of the records `line` describes: all lie in `bytes`, were validated, and no two
    /// share a byte.
    /// Records back to back keep exactly their bytes (see [`Line::dense_span`]).
    #[inline]
    pub(crate) fn from_line(bytes: &'a mut [u8], line: Line, endian: Endian) -> Self {
        let (bytes, line) = match line.dense_span(T::SIZE) {
            // Out of range only if the caller broke its promise: then no records, not others.
            Some((start, end)) => (
                bytes.get_mut(start..end).unwrap_or(&mut []),
                Line { first: 0, ..line },
            ),
            None => (bytes, line),
        };
        RecordsMut {
            bytes,
            line,
            endian,
            _type: PhantomData,
        }
    }

    /// Records back to back; the length must be a multiple of `T::SIZE`.
    pub fn new(bytes: &'a mut [u8]) -> Result<Self, Error> {
        Self::dense(bytes, T::__META.default_endian)
    }

    /// [`new`](RecordsMut::new) in byte order `endian` (for run-time byte order types).
    pub fn new_with(bytes: &'a mut [u8], endian: Endian) -> Result<Self, Error>
    where
        T: RuntimeEndian,
    {
        Self::dense(bytes, endian)
    }

    /// [`with_stride`](RecordsMut::with_stride) in byte order `endian`.
    pub fn with_stride_endian(
        bytes: &'a mut [u8],
        count: usize,
        stride: usize,
        endian: Endian,
    ) -> Result<Self, Error>
    where
        T: RuntimeEndian,
    {
        Self::strided(bytes, count, stride, endian)
    }

    fn dense(bytes: &'a mut [u8], endian: Endian) -> Result<Self, Error> {
        let len = dense_count::<T>(bytes)?;
        Self::strided(bytes, len, T::SIZE, endian)
    }

    /// `count` records whose starts are `stride` bytes apart (`stride >= T::SIZE`).
    pub fn with_stride(bytes: &'a mut [u8], count: usize, stride: usize) -> Result<Self, Error> {
        Self::strided(bytes, count, stride, T::__META.default_endian)
    }

    fn strided(
        bytes: &'a mut [u8],
        count: usize,
        stride: usize,
        endian: Endian,
    ) -> Result<Self, Error> {
        let span = table::<T>(bytes, count, stride, endian)?;
        Ok(Self::__trusted(&mut bytes[..span], count, stride, endian))
    }

    /// A read-only table over the same records.
    #[inline]
    pub fn as_records(&self) -> Records<'_, T> {
        Records::from_line(self.bytes, self.line, self.endian)
    }

    /// A writable table over the same records that borrows this one, so that this one can be
    /// used again afterwards (like reborrowing a `&mut`).
    #[inline]
    pub fn reborrow(&mut self) -> RecordsMut<'_, T> {
        RecordsMut::from_line(self.bytes, self.line, self.endian)
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

    /// The distance in bytes from one record's start to the next's; negative when reversed.
    #[inline]
    pub fn stride(&self) -> isize {
        self.line.step
    }

    /// The record at `index`, or `None` past the end.
    #[inline]
    pub fn get(&self, index: usize) -> Option<T::View<'_>> {
        self.as_records().get(index)
    }

    /// Writable view of the record at `index`, or `None` past the end.
    #[inline]
    pub fn get_mut(&mut self, index: usize) -> Option<T::ViewMut<'_>> {
        if self.line.is_dense(T::SIZE) {
            // `bytes` is exactly the records: one bounds check.
            let record = T::__record_mut(self.bytes, index, T::SIZE)?;
            return Some(T::__view_mut(record, self.endian));
        }
        if index >= self.line.len {
            return None;
        }
        let start = offset(self.line.first, index, self.line.step);
        let record = self.bytes.get_mut(start..start.wrapping_add(T::SIZE))?;
        Some(T::__view_mut(record, self.endian))
    }

    /// Iterates over the records, read-only.
    #[inline]
    pub fn iter(&self) -> crate::RecordsIter<'_, T> {
        self.as_records().iter()
    }

    /// Iterates over the records, writable.
    #[inline]
    pub fn iter_mut(&mut self) -> RecordsIterMut<'_, T> {
        iter_mut(self.bytes, self.line, self.endian)
    }

    /// The records `range` (any range form), writable, borrowing this table.
    #[inline]
    pub fn slice_mut(
        &mut self,
        range: impl RangeBounds<usize>,
    ) -> Result<RecordsMut<'_, T>, Error> {
        let (start, end) = strided::resolve(
            range,
            self.len(),
            TableAxis::Records,
            Error::bad_request::<T>,
        )?;
        Ok(RecordsMut::from_line(
            self.bytes,
            self.line.sub(start, end),
            self.endian,
        ))
    }

    /// Every `n`th record starting with the first; `n` must be at least 1.
    #[inline]
    pub fn step_by(self, n: usize) -> Result<RecordsMut<'a, T>, Error> {
        let n = strided::at_least_one(
            n,
            TableRequest::StepBy(n),
            self.len(),
            TableAxis::Records,
            Error::bad_request::<T>,
        )?;
        let line = self.line.every(n);
        Ok(RecordsMut::from_line(self.bytes, line, self.endian))
    }

    /// The same records, last first.
    #[inline]
    #[must_use]
    pub fn rev(self) -> RecordsMut<'a, T> {
        let line = self.line.reversed();
        RecordsMut::from_line(self.bytes, line, self.endian)
    }

    /// Two disjoint writable tables: the records before `mid` and the records from `mid` on.
    #[inline]
    pub fn split_at_mut(
        &mut self,
        mid: usize,
    ) -> Result<(RecordsMut<'_, T>, RecordsMut<'_, T>), Error> {
        let mid =
            strided::split_point(mid, self.len(), TableAxis::Records, Error::bad_request::<T>)?;
        Ok(self.reborrow().split(mid))
    }

    /// Splits at `mid <= len()`, consuming the table (a `mid` past the end splits at the end).
    pub(crate) fn split(self, mid: usize) -> (RecordsMut<'a, T>, RecordsMut<'a, T>) {
        let (line, len, endian) = (self.line, self.line.len, self.endian);
        let mid = mid.min(len);
        let head = line.sub(0, mid);
        let rest = line.sub(mid, len);
        if mid == 0 || mid == len {
            // One side is empty and needs no bytes.
            let (head_bytes, rest_bytes): (&mut [u8], &mut [u8]) = if mid == 0 {
                (&mut [], self.bytes)
            } else {
                (self.bytes, &mut [])
            };
            return (
                RecordsMut::from_line(head_bytes, head, endian),
                RecordsMut::from_line(rest_bytes, rest, endian),
            );
        }
        let (boundary, head_is_low) = strided::boundary(line, mid);
        let boundary = boundary.min(self.bytes.len());
        let (low, high) = self.bytes.split_at_mut(boundary);
        let moved = |line: Line| Line {
            first: line.first.wrapping_sub(boundary),
            ..line
        };
        if head_is_low {
            (
                RecordsMut::from_line(low, head, endian),
                RecordsMut::from_line(high, moved(rest), endian),
            )
        } else {
            (
                RecordsMut::from_line(high, moved(head), endian),
                RecordsMut::from_line(low, rest, endian),
            )
        }
    }

    /// Consecutive disjoint writable tables of `size` records each (the last may be shorter);
    /// `size` must be at least 1.
    #[inline]
    pub fn chunks_mut(&mut self, size: usize) -> Result<RecordsChunksMut<'_, T>, Error> {
        let size = strided::at_least_one(
            size,
            TableRequest::Chunks(size),
            self.len(),
            TableAxis::Records,
            Error::bad_request::<T>,
        )?;
        Ok(RecordsChunksMut {
            rest: Some(self.reborrow()),
            size,
        })
    }

    /// Copies the records' bytes in table order into `out`; see [`Records::copy_to`].
    pub fn copy_to(&self, out: &mut [u8]) -> Result<(), Error> {
        self.as_records().copy_to(out)
    }

    /// The records' bytes in table order; see [`Records::to_vec`].
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<u8> {
        self.as_records().to_vec()
    }

    /// Whether the records lie back to back in order; see [`Records::is_contiguous`].
    #[inline]
    pub fn is_contiguous(&self) -> bool {
        self.as_records().is_contiguous()
    }
}

/// The writable iterator over a table; see `Records::iter` for the dense case.
#[inline(always)]
fn iter_mut<T: Overlay>(bytes: &mut [u8], line: Line, endian: Endian) -> RecordsIterMut<'_, T> {
    RecordsIterMut {
        cursor: cursor_mut::<T>(bytes, line),
        endian,
        _type: PhantomData,
    }
}

// Always inlined, so that the variant is known where the loop is and each variant's loop is
// compiled on its own.
#[inline(always)]
fn cursor_mut<T: Overlay>(bytes: &mut [u8], line: Line) -> CursorMut<'_> {
    if line.is_dense(T::SIZE) {
        // `from_line` kept exactly the records, from 0 (also when there are none, so the
        // variant does not depend on the length): chunks of the constant `T::SIZE` in a
        // variant of their own, a counted loop.
        return CursorMut::Dense(bytes.chunks_exact_mut(T::SIZE));
    }
    let Line { first, len, step } = line;
    if len == 0 {
        return CursorMut::ZeroSized(0);
    }
    if T::SIZE == 0 {
        return CursorMut::ZeroSized(len);
    }
    let size = signed_stride(T::SIZE);
    // A table of one record is walked forward whatever its stride.
    let (low, stride, forward) = if len == 1 || step >= size {
        (first, step.max(size) as usize, true)
    } else {
        // Reversed (no two records of a writable table overlap, so `step <= -size`).
        (offset(first, len - 1, step), step.unsigned_abs(), false)
    };
    let Some(from_low) = bytes.get_mut(low..) else {
        return CursorMut::ZeroSized(0);
    };
    let (slots, last) = slots_mut(from_low, len, stride);
    if forward {
        CursorMut::Forward(slots.chunks_exact_mut(stride), last)
    } else {
        CursorMut::Reversed(slots.chunks_exact_mut(stride), last)
    }
}

/// See `records::slots`; `stride >= 1`.
#[inline]
fn slots_mut(bytes: &mut [u8], len: usize, stride: usize) -> (&mut [u8], Option<&mut [u8]>) {
    let whole = bytes.len() / stride;
    if whole >= len {
        (&mut bytes[..len * stride], None)
    } else {
        let (full, last) = bytes.split_at_mut(whole * stride);
        (full, Some(last))
    }
}

impl<'a, T: Overlay> IntoIterator for RecordsMut<'a, T> {
    type Item = T::ViewMut<'a>;
    type IntoIter = RecordsIterMut<'a, T>;
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        iter_mut(self.bytes, self.line, self.endian)
    }
}

impl<'a, 'b, T: Overlay> IntoIterator for &'b mut RecordsMut<'a, T> {
    type Item = T::ViewMut<'b>;
    type IntoIter = RecordsIterMut<'b, T>;
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<T: Overlay> fmt::Debug for RecordsMut<'_, T>
where
    for<'b> T::View<'b>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Iterator over writable views of the records of a [`RecordsMut`] table.
pub struct RecordsIterMut<'a, T: Overlay> {
    cursor: CursorMut<'a>,
    endian: Endian,
    _type: PhantomData<fn() -> T>,
}

/// Where a [`RecordsIterMut`] is, by the kind of table.
enum CursorMut<'a> {
    /// Records back to back: one `T::SIZE` chunk per record.
    Dense(slice::ChunksExactMut<'a, u8>),
    /// Forward with gaps: one slot per record, the record at its start; then the last record
    /// on its own when its slot is cut short by the end of the buffer.
    Forward(slice::ChunksExactMut<'a, u8>, Option<&'a mut [u8]>),
    /// Reversed: first the record highest in memory when its slot is cut short, then the
    /// slots walked from the back.
    Reversed(slice::ChunksExactMut<'a, u8>, Option<&'a mut [u8]>),
    /// This many records of zero bytes left (no slots); also the empty table.
    ZeroSized(usize),
}

#[inline]
fn read_slot_mut<T: Overlay>(slot: &mut [u8], endian: Endian) -> Option<T::ViewMut<'_>> {
    slot.get_mut(..T::SIZE)
        .map(|record| T::__view_mut(record, endian))
}

impl<'a, T: Overlay> Iterator for RecordsIterMut<'a, T> {
    type Item = T::ViewMut<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let endian = self.endian;
        let slot = match &mut self.cursor {
            CursorMut::Dense(records) => {
                return records.next().map(|record| T::__view_mut(record, endian))
            }
            CursorMut::Forward(slots, tail) => slots.next().or_else(|| tail.take()),
            CursorMut::Reversed(slots, head) => head.take().or_else(|| slots.next_back()),
            CursorMut::ZeroSized(left) => {
                *left = left.checked_sub(1)?;
                Some(&mut [][..])
            }
        };
        slot.and_then(|slot| read_slot_mut::<T>(slot, endian))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match &self.cursor {
            CursorMut::Dense(records) => records.len(),
            CursorMut::Forward(slots, last) | CursorMut::Reversed(slots, last) => {
                slots.len() + usize::from(last.is_some())
            }
            CursorMut::ZeroSized(left) => *left,
        };
        (n, Some(n))
    }
}

impl<T: Overlay> DoubleEndedIterator for RecordsIterMut<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let endian = self.endian;
        let slot = match &mut self.cursor {
            CursorMut::Dense(records) => {
                return records
                    .next_back()
                    .map(|record| T::__view_mut(record, endian))
            }
            CursorMut::Forward(slots, tail) => tail.take().or_else(|| slots.next_back()),
            CursorMut::Reversed(slots, head) => slots.next().or_else(|| head.take()),
            CursorMut::ZeroSized(left) => {
                *left = left.checked_sub(1)?;
                Some(&mut [][..])
            }
        };
        slot.and_then(|slot| read_slot_mut::<T>(slot, endian))
    }
}

impl<T: Overlay> ExactSizeIterator for RecordsIterMut<'_, T> {}
impl<T: Overlay> FusedIterator for RecordsIterMut<'_, T> {}

/// Iterator over consecutive disjoint writable sub-tables: see [`RecordsMut::chunks_mut`].
pub struct RecordsChunksMut<'a, T: Overlay> {
    pub(crate) rest: Option<RecordsMut<'a, T>>,
    pub(crate) size: usize,
}

impl<'a, T: Overlay> Iterator for RecordsChunksMut<'a, T> {
    type Item = RecordsMut<'a, T>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest.take().filter(|rest| !rest.is_empty())?;
        let mid = self.size.min(rest.len());
        let (head, rest) = rest.split(mid);
        self.rest = Some(rest);
        Some(head)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self
            .rest
            .as_ref()
            .map_or(0, |rest| rest.len().div_ceil(self.size));
        (n, Some(n))
    }
}

impl<T: Overlay> DoubleEndedIterator for RecordsChunksMut<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let rest = self.rest.take().filter(|rest| !rest.is_empty())?;
        let len = rest.len();
        let last = match len % self.size {
            0 => self.size,
            short => short,
        };
        let (rest, tail) = rest.split(len - last);
        self.rest = Some(rest);
        Some(tail)
    }
}

impl<T: Overlay> ExactSizeIterator for RecordsChunksMut<'_, T> {}
impl<T: Overlay> FusedIterator for RecordsChunksMut<'_, T> {}
