//! Fixed-size arrays of records or scalars inside a record.

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ops::Range;

use crate::endian::{Endian, EndianClass, RuntimeEndian};
use crate::error::{Error, Site};
use crate::field_info::{FieldInfo, FieldKind};
use crate::meta::Meta;
use crate::overlay::{Overlay, Raw};
use crate::type_info::TypeInfo;

#[inline]
fn element<T: Overlay>(index: usize) -> Option<Range<usize>> {
    let start = index.checked_mul(T::SIZE)?;
    Some(start..start.checked_add(T::SIZE)?)
}

#[cold]
fn index_error<T: Overlay>(index: usize, len: usize) -> Error {
    Error::index_out_of_range::<T>(index, len)
}

/// A read-only view of an array field `[T; N]` (for `T` other than `u8`, whose arrays read as
/// `&[u8; N]`). Each element is read in the field's byte order when asked for.
pub struct ArrayView<'a, T: Overlay, const N: usize> {
    bytes: &'a [u8],
    endian: Endian,
    _type: PhantomData<fn() -> T>,
}

impl<T: Overlay, const N: usize> Clone for ArrayView<'_, T, N> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Overlay, const N: usize> Copy for ArrayView<'_, T, N> {}

impl<'a, T: Overlay, const N: usize> ArrayView<'a, T, N> {
    #[doc(hidden)]
    #[inline]
    pub fn __new(bytes: &'a [u8], endian: Endian) -> Self {
        ArrayView {
            bytes,
            endian,
            _type: PhantomData,
        }
    }

    /// The number of elements, `N`.
    #[inline]
    pub const fn len(&self) -> usize {
        N
    }

    /// Whether `N == 0`.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        N == 0
    }

    /// The element at `index`, or `None` if `index >= N`.
    #[inline]
    pub fn get(&self, index: usize) -> Option<T::View<'a>> {
        if index >= N {
            return None;
        }
        let bytes = self.bytes.get(element::<T>(index)?)?;
        Some(T::__view(bytes, self.endian))
    }

    /// Iterates over the elements.
    #[inline]
    pub fn iter(&self) -> ArrayIter<'a, T> {
        ArrayIter {
            bytes: self.bytes,
            indices: 0..N,
            endian: self.endian,
            _type: PhantomData,
        }
    }

    /// Copies the elements out into an owned array.
    #[inline]
    pub fn to_array(&self) -> [T; N] {
        T::__unpack_array::<N>(self.bytes, self.endian)
    }

    /// The bytes of the whole array.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

impl<'a, T: Overlay, const N: usize> IntoIterator for ArrayView<'a, T, N> {
    type Item = T::View<'a>;
    type IntoIter = ArrayIter<'a, T>;
    #[inline]
    fn into_iter(self) -> ArrayIter<'a, T> {
        self.iter()
    }
}

impl<'a, T: Overlay, const N: usize> fmt::Debug for ArrayView<'a, T, N>
where
    T::View<'a>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a, T, const N: usize> PartialEq<[T; N]> for ArrayView<'a, T, N>
where
    T: Overlay + PartialEq,
{
    fn eq(&self, other: &[T; N]) -> bool {
        self.to_array() == *other
    }
}

/// Iterator over the elements of an [`ArrayView`].
pub struct ArrayIter<'a, T: Overlay> {
    bytes: &'a [u8],
    indices: Range<usize>,
    endian: Endian,
    _type: PhantomData<fn() -> T>,
}

impl<'a, T: Overlay> ArrayIter<'a, T> {
    #[inline]
    fn read(&self, index: usize) -> Option<T::View<'a>> {
        let bytes = self.bytes.get(element::<T>(index)?)?;
        Some(T::__view(bytes, self.endian))
    }
}

impl<'a, T: Overlay> Iterator for ArrayIter<'a, T> {
    type Item = T::View<'a>;
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let index = self.indices.next()?;
        self.read(index)
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl<T: Overlay> DoubleEndedIterator for ArrayIter<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let index = self.indices.next_back()?;
        self.read(index)
    }
}

impl<T: Overlay> ExactSizeIterator for ArrayIter<'_, T> {}
impl<T: Overlay> FusedIterator for ArrayIter<'_, T> {}

/// A writable view of an array field `[T; N]` (for `T` other than `u8`, whose arrays are
/// `&mut [u8; N]`).
pub struct ArrayViewMut<'a, T: Overlay, const N: usize> {
    bytes: &'a mut [u8],
    endian: Endian,
    _type: PhantomData<fn() -> T>,
}

impl<'a, T: Overlay, const N: usize> ArrayViewMut<'a, T, N> {
    #[doc(hidden)]
    #[inline]
    pub fn __new(bytes: &'a mut [u8], endian: Endian) -> Self {
        ArrayViewMut {
            bytes,
            endian,
            _type: PhantomData,
        }
    }

    /// A read-only view of the same elements.
    #[inline]
    pub fn as_view(&self) -> ArrayView<'_, T, N> {
        ArrayView::__new(self.bytes, self.endian)
    }

    /// The number of elements, `N`.
    #[inline]
    pub const fn len(&self) -> usize {
        N
    }

    /// Whether `N == 0`.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        N == 0
    }

    /// The element at `index`, or `None` if `index >= N`.
    #[inline]
    pub fn get(&self, index: usize) -> Option<T::View<'_>> {
        if index >= N {
            return None;
        }
        let bytes = self.bytes.get(element::<T>(index)?)?;
        Some(T::__view(bytes, self.endian))
    }

    /// A writable view of the element at `index`, or `None` if `index >= N`.
    #[inline]
    pub fn get_mut(&mut self, index: usize) -> Option<T::ViewMut<'_>> {
        if index >= N {
            return None;
        }
        let bytes = self.bytes.get_mut(element::<T>(index)?)?;
        Some(T::__view_mut(bytes, self.endian))
    }

    /// Writes `value` to the element at `index`.
    ///
    /// Errors with [`ErrorKind::IndexOutOfRange`](crate::ErrorKind::IndexOutOfRange) if `index >= N`; nothing is written then.
    #[inline]
    pub fn set(&mut self, index: usize, value: T) -> Result<(), Error> {
        let slot = match element::<T>(index) {
            Some(range) if index < N => self.bytes.get_mut(range),
            _ => None,
        };
        match slot {
            Some(bytes) => {
                value.__pack(bytes, self.endian);
                Ok(())
            }
            None => Err(index_error::<T>(index, N)),
        }
    }

    /// Overwrites every element.
    #[inline]
    pub fn set_all(&mut self, values: [T; N]) {
        T::__pack_array(&values, self.bytes, self.endian);
    }

    /// Iterates over the elements, read-only.
    #[inline]
    pub fn iter(&self) -> ArrayIter<'_, T> {
        self.as_view().iter()
    }

    /// Copies the elements out into an owned array.
    #[inline]
    pub fn to_array(&self) -> [T; N] {
        self.as_view().to_array()
    }
}

impl<T: Overlay, const N: usize> fmt::Debug for ArrayViewMut<'_, T, N>
where
    for<'b> T::View<'b>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Arrays of any `Overlay` type lay out their elements back to back.
///
/// `FORMAT` is `None` for a bare array type; a derived struct's `FORMAT` includes its array
/// fields (`4h`, `4s`).
impl<T: Overlay, const N: usize> Overlay for [T; N] {
    const SIZE: usize = T::SIZE * N;
    const FORMAT: Option<&'static str> = None;
    const FIELDS: &'static [FieldInfo] = &[];
    type View<'a> = T::__ArrayView<'a, N>;
    type ViewMut<'a> = T::__ArrayViewMut<'a, N>;
}

/// An array takes its byte order when viewed if its elements do.
impl<T: Overlay + RuntimeEndian, const N: usize> RuntimeEndian for [T; N] {}

impl<T: Overlay, const N: usize> Raw for [T; N] {
    const __META: Meta = Meta {
        endian_class: if N == 0 {
            EndianClass::Any
        } else {
            T::__META.endian_class
        },
        default_endian: T::__META.default_endian,
        runtime_endian: T::__META.runtime_endian,
        checks_bytes: T::__META.checks_bytes && N > 0,
        checks_value: T::__META.checks_value,
        ..Meta::new("array", FieldKind::Array)
    };
    type __View<'a> = T::__ArrayView<'a, N>;
    type __ViewMut<'a> = T::__ArrayViewMut<'a, N>;
    type __ArrayView<'a, const M: usize> = ArrayView<'a, [T; N], M>;
    type __ArrayViewMut<'a, const M: usize> = ArrayViewMut<'a, [T; N], M>;

    fn __check_value(&self) -> Result<(), Error> {
        for (index, element) in self.iter().enumerate() {
            element
                .__check_value()
                .map_err(|e| e.at_index(index * T::SIZE))?;
        }
        Ok(())
    }

    fn __check_bytes(bytes: &[u8], endian: Endian) -> Result<(), Error> {
        if bytes.len() != Self::SIZE {
            // Named after the element type, as the field's type reads.
            let site = const { &Site::wrong_length(const { &TypeInfo::of::<T>() }) };
            return Err(Error::wrong_length_of(site, Self::SIZE, bytes.len()));
        }
        if T::__META.checks_bytes && T::SIZE > 0 {
            for (index, element) in bytes.chunks_exact(T::SIZE).enumerate() {
                T::__check_bytes(element, endian).map_err(|e| e.at_index(index * T::SIZE))?;
            }
        }
        Ok(())
    }
    #[inline(always)]
    fn __view(bytes: &[u8], endian: Endian) -> T::__ArrayView<'_, N> {
        T::__view_array::<N>(bytes, endian)
    }
    #[inline(always)]
    fn __view_mut(bytes: &mut [u8], endian: Endian) -> T::__ArrayViewMut<'_, N> {
        T::__view_array_mut::<N>(bytes, endian)
    }
    #[inline]
    fn __unpack(bytes: &[u8], endian: Endian) -> Self {
        T::__unpack_array::<N>(bytes, endian)
    }
    #[inline]
    fn __pack(&self, bytes: &mut [u8], endian: Endian) {
        T::__pack_array(self, bytes, endian);
    }
    #[inline]
    fn __view_array<const M: usize>(bytes: &[u8], endian: Endian) -> ArrayView<'_, Self, M> {
        ArrayView::__new(bytes, endian)
    }
    #[inline]
    fn __view_array_mut<const M: usize>(
        bytes: &mut [u8],
        endian: Endian,
    ) -> ArrayViewMut<'_, Self, M> {
        ArrayViewMut::__new(bytes, endian)
    }
}
