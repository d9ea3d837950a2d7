//! Tables of consecutive records.

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::slice;

use crate::endian::Endian;
use crate::error::Error;
use crate::overlay::{too_short, validate, Overlay};

/// Checks that `count` records of `T` spaced `stride` bytes apart fit in `bytes`, validates
/// them, and returns the bytes the table spans.
fn table<T: Overlay>(
    bytes: &[u8],
    count: usize,
    stride: usize,
    endian: Endian,
) -> Result<usize, Error> {
    if stride < T::SIZE {
        return Err(Error::StrideTooSmall {
            type_name: T::__TYPE_NAME,
            stride,
            record_size: T::SIZE,
        });
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
    if T::__VALIDATES {
        for index in 0..count {
            let start = index * stride;
            validate::<T>(&bytes[start..start + T::SIZE], start, endian)?;
        }
    }
    Ok(span)
}

fn dense_count<T: Overlay>(bytes: &[u8]) -> Result<usize, Error> {
    if T::SIZE == 0 {
        return if bytes.is_empty() {
            Ok(0)
        } else {
            Err(Error::NotMultiple {
                type_name: T::__TYPE_NAME,
                record_size: 0,
                found: bytes.len(),
                remainder: bytes.len(),
            })
        };
    }
    let remainder = bytes.len() % T::SIZE;
    if remainder != 0 {
        return Err(Error::NotMultiple {
            type_name: T::__TYPE_NAME,
            record_size: T::SIZE,
            found: bytes.len(),
            remainder,
        });
    }
    Ok(bytes.len() / T::SIZE)
}

/// A read-only table of records of type `T` inside a byte slice, like Python's
/// `struct.iter_unpack`: `get(i)` and iteration give [`Overlay::View`]s.
///
/// Built by [`Overlay::records`] (records back to back) or [`Records::with_stride`] (records
/// in larger slots, as in an ELF section header table). Every record was validated when the
/// table was built, so reading never fails.
pub struct Records<'a, T: Overlay> {
    bytes: &'a [u8],
    len: usize,
    stride: usize,
    endian: Endian,
    _type: PhantomData<fn() -> T>,
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
        Self::new_with(bytes, T::__DEFAULT_ENDIAN)
    }

    /// [`new`](Records::new) in byte order `endian` (for run-time byte order types).
    pub fn new_with(bytes: &'a [u8], endian: Endian) -> Result<Self, Error> {
        let len = dense_count::<T>(bytes)?;
        Self::with_stride_endian(bytes, len, T::SIZE, endian)
    }

    /// `count` records whose starts are `stride` bytes apart (`stride >= T::SIZE`); the bytes
    /// between records are skipped, and bytes after the last record are ignored.
    pub fn with_stride(bytes: &'a [u8], count: usize, stride: usize) -> Result<Self, Error> {
        Self::with_stride_endian(bytes, count, stride, T::__DEFAULT_ENDIAN)
    }

    /// [`with_stride`](Records::with_stride) in byte order `endian`.
    pub fn with_stride_endian(
        bytes: &'a [u8],
        count: usize,
        stride: usize,
        endian: Endian,
    ) -> Result<Self, Error> {
        let span = table::<T>(bytes, count, stride, endian)?;
        Ok(Records {
            bytes: &bytes[..span],
            len: count,
            stride,
            endian,
            _type: PhantomData,
        })
    }

    /// A table over records that were validated when the record holding them was viewed.
    #[doc(hidden)]
    #[inline]
    pub fn __trusted(bytes: &'a [u8], len: usize, stride: usize, endian: Endian) -> Self {
        Records {
            bytes,
            len,
            stride,
            endian,
            _type: PhantomData,
        }
    }

    /// The number of records.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no records.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The distance in bytes between the starts of two consecutive records.
    #[inline]
    pub fn stride(&self) -> usize {
        self.stride
    }

    /// The bytes the table spans.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The record at `index`, or `None` past the end.
    #[inline]
    pub fn get(&self, index: usize) -> Option<T::View<'a>> {
        if index >= self.len {
            return None;
        }
        let start = index * self.stride;
        let record = self.bytes.get(start..start + T::SIZE)?;
        Some(T::__read(record, self.endian))
    }

    /// The first record, if any.
    #[inline]
    pub fn first(&self) -> Option<T::View<'a>> {
        self.get(0)
    }

    /// The last record, if any.
    #[inline]
    pub fn last(&self) -> Option<T::View<'a>> {
        self.len.checked_sub(1).and_then(|i| self.get(i))
    }

    /// Iterates over the records in order.
    #[inline]
    pub fn iter(&self) -> RecordsIter<'a, T> {
        // Back-to-back records (the usual case) span exactly `len * SIZE` bytes: chunking by
        // the constant `T::SIZE` lets LLVM count, unroll and vectorize the loop.
        if self.stride == T::SIZE && T::SIZE > 0 {
            return RecordsIter {
                slots: self.bytes.chunks_exact(T::SIZE),
                tail: None,
                zero_sized: 0,
                endian: self.endian,
                _type: PhantomData,
            };
        }
        let (slots, tail) = slots(self.bytes, self.len, self.stride);
        RecordsIter {
            slots: slots.chunks_exact(self.stride.max(1)),
            tail,
            zero_sized: zero_sized(self.len, self.stride),
            endian: self.endian,
            _type: PhantomData,
        }
    }
}

/// Splits a table's span into whole `stride`-byte slots and, when the last record's slot is
/// cut short by the end of the buffer, that last record on its own.
#[inline]
fn slots(bytes: &[u8], len: usize, stride: usize) -> (&[u8], Option<&[u8]>) {
    if stride == 0 {
        return (&[], None);
    }
    let whole = bytes.len() / stride;
    if whole >= len {
        (&bytes[..len * stride], None)
    } else {
        let (full, last) = bytes.split_at(whole * stride);
        (full, Some(last))
    }
}

/// How many zero-byte records a table of `len` records with stride `stride` yields without
/// slots: all of them when the stride is 0, none otherwise.
#[inline]
fn zero_sized(len: usize, stride: usize) -> usize {
    if stride == 0 {
        len
    } else {
        0
    }
}

#[inline]
fn take_zero_sized(left: &mut usize) -> Option<()> {
    *left = left.checked_sub(1)?;
    Some(())
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

/// Iterator over the records of a [`Records`] table.
pub struct RecordsIter<'a, T: Overlay> {
    slots: slice::ChunksExact<'a, u8>,
    tail: Option<&'a [u8]>,
    /// Records left when the stride is 0 (records of zero bytes, which have no slots).
    zero_sized: usize,
    endian: Endian,
    _type: PhantomData<fn() -> T>,
}

impl<T: Overlay> Clone for RecordsIter<'_, T> {
    fn clone(&self) -> Self {
        RecordsIter {
            slots: self.slots.clone(),
            tail: self.tail,
            zero_sized: self.zero_sized,
            endian: self.endian,
            _type: PhantomData,
        }
    }
}

#[inline]
fn read_slot<T: Overlay>(slot: &[u8], endian: Endian) -> Option<T::View<'_>> {
    slot.get(..T::SIZE).map(|record| T::__read(record, endian))
}

impl<'a, T: Overlay> Iterator for RecordsIter<'a, T> {
    type Item = T::View<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self.slots.next() {
            Some(slot) => read_slot::<T>(slot, self.endian),
            None => match self.tail.take() {
                Some(last) => read_slot::<T>(last, self.endian),
                None => take_zero_sized(&mut self.zero_sized)
                    .and_then(|()| read_slot::<T>(&[], self.endian)),
            },
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.slots.len() + usize::from(self.tail.is_some()) + self.zero_sized;
        (n, Some(n))
    }
}

impl<T: Overlay> DoubleEndedIterator for RecordsIter<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        if take_zero_sized(&mut self.zero_sized).is_some() {
            return read_slot::<T>(&[], self.endian);
        }
        match self.tail.take() {
            Some(last) => read_slot::<T>(last, self.endian),
            None => self
                .slots
                .next_back()
                .and_then(|slot| read_slot::<T>(slot, self.endian)),
        }
    }
}

impl<T: Overlay> ExactSizeIterator for RecordsIter<'_, T> {}
impl<T: Overlay> FusedIterator for RecordsIter<'_, T> {}

/// A writable table of records of type `T` inside a mutable byte slice.
///
/// Built by [`Overlay::records_mut`] or [`RecordsMut::with_stride`]; every record was validated
/// when the table was built.
pub struct RecordsMut<'a, T: Overlay> {
    bytes: &'a mut [u8],
    len: usize,
    stride: usize,
    endian: Endian,
    _type: PhantomData<fn() -> T>,
}

impl<'a, T: Overlay> RecordsMut<'a, T> {
    /// A table over records that were validated when the record holding them was viewed.
    #[doc(hidden)]
    #[inline]
    pub fn __trusted(bytes: &'a mut [u8], len: usize, stride: usize, endian: Endian) -> Self {
        RecordsMut {
            bytes,
            len,
            stride,
            endian,
            _type: PhantomData,
        }
    }

    /// Records back to back; the length must be a multiple of `T::SIZE`.
    pub fn new(bytes: &'a mut [u8]) -> Result<Self, Error> {
        Self::new_with(bytes, T::__DEFAULT_ENDIAN)
    }

    /// [`new`](RecordsMut::new) in byte order `endian` (for run-time byte order types).
    pub fn new_with(bytes: &'a mut [u8], endian: Endian) -> Result<Self, Error> {
        let len = dense_count::<T>(bytes)?;
        Self::with_stride_endian(bytes, len, T::SIZE, endian)
    }

    /// `count` records whose starts are `stride` bytes apart (`stride >= T::SIZE`).
    pub fn with_stride(bytes: &'a mut [u8], count: usize, stride: usize) -> Result<Self, Error> {
        Self::with_stride_endian(bytes, count, stride, T::__DEFAULT_ENDIAN)
    }

    /// [`with_stride`](RecordsMut::with_stride) in byte order `endian`.
    pub fn with_stride_endian(
        bytes: &'a mut [u8],
        count: usize,
        stride: usize,
        endian: Endian,
    ) -> Result<Self, Error> {
        let span = table::<T>(bytes, count, stride, endian)?;
        Ok(RecordsMut {
            bytes: &mut bytes[..span],
            len: count,
            stride,
            endian,
            _type: PhantomData,
        })
    }

    /// A read-only table over the same records.
    #[inline]
    pub fn as_records(&self) -> Records<'_, T> {
        Records {
            bytes: self.bytes,
            len: self.len,
            stride: self.stride,
            endian: self.endian,
            _type: PhantomData,
        }
    }

    /// The number of records.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no records.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The record at `index`, or `None` past the end.
    #[inline]
    pub fn get(&self, index: usize) -> Option<T::View<'_>> {
        self.as_records().get(index)
    }

    /// Writable view of the record at `index`, or `None` past the end.
    #[inline]
    pub fn get_mut(&mut self, index: usize) -> Option<T::ViewMut<'_>> {
        if index >= self.len {
            return None;
        }
        let start = index * self.stride;
        let record = self.bytes.get_mut(start..start + T::SIZE)?;
        Some(T::__read_mut(record, self.endian))
    }

    /// Iterates over the records, read-only.
    #[inline]
    pub fn iter(&self) -> RecordsIter<'_, T> {
        self.as_records().iter()
    }

    /// Iterates over the records, writable.
    #[inline]
    pub fn iter_mut(&mut self) -> RecordsIterMut<'_, T> {
        iter_mut(self.bytes, self.len, self.stride, self.endian)
    }
}

/// The writable iterator over a table's span; see `Records::iter` for the dense case.
#[inline]
fn iter_mut<T: Overlay>(
    bytes: &mut [u8],
    len: usize,
    stride: usize,
    endian: Endian,
) -> RecordsIterMut<'_, T> {
    if stride == T::SIZE && T::SIZE > 0 {
        return RecordsIterMut {
            slots: bytes.chunks_exact_mut(T::SIZE),
            tail: None,
            zero_sized: 0,
            endian,
            _type: PhantomData,
        };
    }
    let (slots, tail) = slots_mut(bytes, len, stride);
    RecordsIterMut {
        slots: slots.chunks_exact_mut(stride.max(1)),
        tail,
        zero_sized: zero_sized(len, stride),
        endian,
        _type: PhantomData,
    }
}

#[inline]
fn slots_mut(bytes: &mut [u8], len: usize, stride: usize) -> (&mut [u8], Option<&mut [u8]>) {
    if stride == 0 {
        return (&mut [], None);
    }
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
        iter_mut(self.bytes, self.len, self.stride, self.endian)
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
    slots: slice::ChunksExactMut<'a, u8>,
    tail: Option<&'a mut [u8]>,
    /// Records left when the stride is 0 (records of zero bytes, which have no slots).
    zero_sized: usize,
    endian: Endian,
    _type: PhantomData<fn() -> T>,
}

#[inline]
fn read_slot_mut<T: Overlay>(slot: &mut [u8], endian: Endian) -> Option<T::ViewMut<'_>> {
    slot.get_mut(..T::SIZE)
        .map(|record| T::__read_mut(record, endian))
}

impl<'a, T: Overlay> Iterator for RecordsIterMut<'a, T> {
    type Item = T::ViewMut<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self.slots.next() {
            Some(slot) => read_slot_mut::<T>(slot, self.endian),
            None => match self.tail.take() {
                Some(last) => read_slot_mut::<T>(last, self.endian),
                None => take_zero_sized(&mut self.zero_sized)
                    .and_then(|()| read_slot_mut::<T>(&mut [], self.endian)),
            },
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.slots.len() + usize::from(self.tail.is_some()) + self.zero_sized;
        (n, Some(n))
    }
}

impl<T: Overlay> DoubleEndedIterator for RecordsIterMut<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        if take_zero_sized(&mut self.zero_sized).is_some() {
            return read_slot_mut::<T>(&mut [], self.endian);
        }
        match self.tail.take() {
            Some(last) => read_slot_mut::<T>(last, self.endian),
            None => self
                .slots
                .next_back()
                .and_then(|slot| read_slot_mut::<T>(slot, self.endian)),
        }
    }
}

impl<T: Overlay> ExactSizeIterator for RecordsIterMut<'_, T> {}
impl<T: Overlay> FusedIterator for RecordsIterMut<'_, T> {}
