//! The `Overlay` trait.

use crate::endian::{Endian, EndianClass};
use crate::error::Error;
use crate::field_info::{FieldInfo, FieldKind, ValueType};
use crate::tables::{Grid, GridMut, Records, RecordsMut};
use crate::type_info::TypeInfo;

/// A type with a fixed binary layout that can be read and written in place inside a byte slice.
///
/// Derive it with `#[derive(Overlay)]` on a struct with named fields or a fieldless enum with a
/// `#[repr]`; it is also implemented for the scalars (`u8`..`u128`, `i8`..`i128`, `f32`, `f64`,
/// `bool`, little-endian when used on their own) and for arrays of any `Overlay` type.
///
/// The provided methods check the buffer length once and validate every enum and `bool` field
/// once; the view they return reads fields with plain loads and never fails again.
///
/// Items whose names start with `__` are used by generated code and are not part of the API.
pub trait Overlay: Sized {
    /// The record's length in bytes. Layout is packed: no implicit padding.
    const SIZE: usize;

    /// The equivalent Python `struct` format string, such as `">4sHB?I"`, or `None` where no
    /// single format describes the layout (fields of both byte orders, 128-bit integers, or a
    /// bare array type). `struct.calcsize(FORMAT) == SIZE` and `struct.pack(FORMAT, ...)`
    /// produces the bytes that [`pack_into`](Overlay::pack_into) does.
    const FORMAT: Option<&'static str>;

    /// The layout as data: one entry per field, nested records as children.
    const FIELDS: &'static [FieldInfo];

    /// A read-only view of one record inside a byte slice (for scalars and enums, the value).
    type View<'a>: Copy;

    /// A writable view of one record inside a mutable byte slice.
    type ViewMut<'a>;

    #[doc(hidden)]
    const __CHECKS_BYTES: bool;
    #[doc(hidden)]
    const __ENDIAN_CLASS: EndianClass;
    #[doc(hidden)]
    const __FORMAT_BODY: Option<&'static str>;
    #[doc(hidden)]
    const __DEFAULT_ENDIAN: Endian;
    #[doc(hidden)]
    const __KIND: FieldKind;
    #[doc(hidden)]
    const __TYPE_NAME: &'static str;
    /// How a field of this type reads as a value, for [`FieldInfo::value`].
    #[doc(hidden)]
    const __VALUE: Option<ValueType> = None;
    /// Whether `__check_value` has anything to check (bit fields, here or nested).
    #[doc(hidden)]
    const __CHECKS_VALUE: bool = false;

    /// Checks that every bit field of this value fits its width, before it is written.
    #[doc(hidden)]
    fn __check_value(&self) -> Result<(), Error> {
        Ok(())
    }

    /// What a field of type `[Self; N]` reads as (an [`ArrayView`](crate::ArrayView), or
    /// `&[u8; N]` for bytes).
    #[doc(hidden)]
    type __ArrayView<'a, const N: usize>: Copy;
    #[doc(hidden)]
    type __ArrayViewMut<'a, const N: usize>;

    /// Checks enum and bool fields of a record. `bytes` is one record.
    #[doc(hidden)]
    fn __check_bytes(bytes: &[u8], endian: Endian) -> Result<(), Error>;
    /// Reads a record that `__check_bytes` accepted. `bytes.len() == SIZE`.
    #[doc(hidden)]
    fn __view(bytes: &[u8], endian: Endian) -> Self::View<'_>;
    #[doc(hidden)]
    fn __view_mut(bytes: &mut [u8], endian: Endian) -> Self::ViewMut<'_>;
    #[doc(hidden)]
    fn __unpack(bytes: &[u8], endian: Endian) -> Self;
    /// Writes the record into `bytes`, `bytes.len() == SIZE`.
    #[doc(hidden)]
    fn __pack(&self, bytes: &mut [u8], endian: Endian);
    #[doc(hidden)]
    fn __view_array<const N: usize>(bytes: &[u8], endian: Endian) -> Self::__ArrayView<'_, N>;
    #[doc(hidden)]
    fn __view_array_mut<const N: usize>(
        bytes: &mut [u8],
        endian: Endian,
    ) -> Self::__ArrayViewMut<'_, N>;
    #[doc(hidden)]
    fn __unpack_array<const N: usize>(bytes: &[u8], endian: Endian) -> [Self; N] {
        core::array::from_fn(|i| Self::__unpack(&bytes[i * Self::SIZE..][..Self::SIZE], endian))
    }
    #[doc(hidden)]
    fn __pack_array(items: &[Self], bytes: &mut [u8], endian: Endian) {
        for (item, chunk) in items.iter().zip(bytes.chunks_exact_mut(Self::SIZE)) {
            item.__pack(chunk, endian);
        }
    }

    /// Views a buffer that holds exactly one record.
    ///
    /// Errors with [`ErrorKind::WrongLength`](crate::ErrorKind::WrongLength) if `bytes.len() != SIZE`, or with the first invalid
    /// enum or bool field.
    #[inline]
    fn view(bytes: &[u8]) -> Result<Self::View<'_>, Error> {
        Self::view_with(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// Views the record at the start of `bytes` and returns the bytes after it.
    #[inline]
    fn view_prefix(bytes: &[u8]) -> Result<(Self::View<'_>, &[u8]), Error> {
        Self::view_prefix_with(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// Views the record that starts `offset` bytes into `bytes`, like Python's
    /// `struct.unpack_from`; bytes after the record are ignored.
    #[inline]
    fn view_at(bytes: &[u8], offset: usize) -> Result<Self::View<'_>, Error> {
        Self::view_at_with(bytes, offset, Self::__DEFAULT_ENDIAN)
    }

    /// Writable view of a buffer that holds exactly one record.
    #[inline]
    fn view_mut(bytes: &mut [u8]) -> Result<Self::ViewMut<'_>, Error> {
        Self::view_mut_with(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// Writable view of the record at the start of `bytes`, and the bytes after it.
    #[inline]
    fn view_prefix_mut(bytes: &mut [u8]) -> Result<(Self::ViewMut<'_>, &mut [u8]), Error> {
        Self::view_prefix_mut_with(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// Writable view of the record that starts `offset` bytes into `bytes`.
    #[inline]
    fn view_at_mut(bytes: &mut [u8], offset: usize) -> Result<Self::ViewMut<'_>, Error> {
        Self::view_at_mut_with(bytes, offset, Self::__DEFAULT_ENDIAN)
    }

    /// Copies a record out of a buffer that holds exactly one.
    #[inline]
    fn unpack(bytes: &[u8]) -> Result<Self, Error> {
        Self::unpack_with(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// Copies out the record that starts `offset` bytes into `bytes`, like Python's
    /// `struct.unpack_from`.
    #[inline]
    fn unpack_from(bytes: &[u8], offset: usize) -> Result<Self, Error> {
        Self::unpack_from_with(bytes, offset, Self::__DEFAULT_ENDIAN)
    }

    /// Writes this record into `bytes` at `offset`, like Python's `struct.pack_into`.
    /// Pad fields are written as zeros; a bit field value too wide for its field is an error
    /// ([`ErrorKind::BitFieldOverflow`](crate::ErrorKind::BitFieldOverflow)) and nothing is written.
    #[inline]
    fn pack_into(&self, bytes: &mut [u8], offset: usize) -> Result<(), Error> {
        self.pack_into_with(bytes, offset, Self::__DEFAULT_ENDIAN)
    }

    /// Views `bytes` as consecutive records, like Python's `struct.iter_unpack`.
    ///
    /// Errors with [`ErrorKind::NotMultiple`](crate::ErrorKind::NotMultiple) if the length is not a multiple of `SIZE`; validates
    /// every record's enum and bool fields here, once, so that reading them cannot fail.
    #[inline]
    fn records(bytes: &[u8]) -> Result<Records<'_, Self>, Error> {
        Records::new(bytes)
    }

    /// Writable view of `bytes` as consecutive records.
    #[inline]
    fn records_mut(bytes: &mut [u8]) -> Result<RecordsMut<'_, Self>, Error> {
        RecordsMut::new(bytes)
    }

    /// Views `bytes` as a dense row-major grid of `rows` by `cols` records (an image, a
    /// matrix); see [`Grid`] for strided, flipped and sliced grids.
    #[inline]
    fn grid(bytes: &[u8], rows: usize, cols: usize) -> Result<Grid<'_, Self>, Error> {
        Grid::new(bytes, rows, cols)
    }

    /// Writable view of `bytes` as a dense row-major grid of `rows` by `cols` records.
    #[inline]
    fn grid_mut(bytes: &mut [u8], rows: usize, cols: usize) -> Result<GridMut<'_, Self>, Error> {
        GridMut::new(bytes, rows, cols)
    }

    /// [`view`](Overlay::view) in byte order `endian`, for types declared with
    /// `#[overlay(endian = "runtime")]` (formats that announce their byte order in the data,
    /// like pcap, ELF or TIFF). Types with a byte order of their own ignore `endian`.
    #[inline]
    fn view_with(bytes: &[u8], endian: Endian) -> Result<Self::View<'_>, Error> {
        check_exact::<Self>(bytes)?;
        validate::<Self>(bytes, 0, endian)?;
        Ok(Self::__view(bytes, endian))
    }

    /// [`view_prefix`](Overlay::view_prefix) in byte order `endian`.
    #[inline]
    fn view_prefix_with(bytes: &[u8], endian: Endian) -> Result<(Self::View<'_>, &[u8]), Error> {
        let (record, rest) = split_record::<Self>(bytes, 0)?;
        validate::<Self>(record, 0, endian)?;
        Ok((Self::__view(record, endian), rest))
    }

    /// [`view_at`](Overlay::view_at) in byte order `endian`.
    #[inline]
    fn view_at_with(bytes: &[u8], offset: usize, endian: Endian) -> Result<Self::View<'_>, Error> {
        let record = record_at::<Self>(bytes, offset)?;
        validate::<Self>(record, offset, endian)?;
        Ok(Self::__view(record, endian))
    }

    /// [`view_mut`](Overlay::view_mut) in byte order `endian`.
    #[inline]
    fn view_mut_with(bytes: &mut [u8], endian: Endian) -> Result<Self::ViewMut<'_>, Error> {
        check_exact::<Self>(bytes)?;
        validate::<Self>(bytes, 0, endian)?;
        Ok(Self::__view_mut(bytes, endian))
    }

    /// [`view_prefix_mut`](Overlay::view_prefix_mut) in byte order `endian`.
    #[inline]
    fn view_prefix_mut_with(
        bytes: &mut [u8],
        endian: Endian,
    ) -> Result<(Self::ViewMut<'_>, &mut [u8]), Error> {
        split_record::<Self>(bytes, 0)?;
        let (record, rest) = bytes.split_at_mut(Self::SIZE);
        validate::<Self>(record, 0, endian)?;
        Ok((Self::__view_mut(record, endian), rest))
    }

    /// [`view_at_mut`](Overlay::view_at_mut) in byte order `endian`.
    #[inline]
    fn view_at_mut_with(
        bytes: &mut [u8],
        offset: usize,
        endian: Endian,
    ) -> Result<Self::ViewMut<'_>, Error> {
        record_at::<Self>(bytes, offset)?;
        let record = &mut bytes[offset..offset + Self::SIZE];
        validate::<Self>(record, offset, endian)?;
        Ok(Self::__view_mut(record, endian))
    }

    /// [`unpack`](Overlay::unpack) in byte order `endian`.
    #[inline]
    fn unpack_with(bytes: &[u8], endian: Endian) -> Result<Self, Error> {
        check_exact::<Self>(bytes)?;
        validate::<Self>(bytes, 0, endian)?;
        Ok(Self::__unpack(bytes, endian))
    }

    /// [`unpack_from`](Overlay::unpack_from) in byte order `endian`.
    #[inline]
    fn unpack_from_with(bytes: &[u8], offset: usize, endian: Endian) -> Result<Self, Error> {
        let record = record_at::<Self>(bytes, offset)?;
        validate::<Self>(record, offset, endian)?;
        Ok(Self::__unpack(record, endian))
    }

    /// [`pack_into`](Overlay::pack_into) in byte order `endian`.
    #[inline]
    fn pack_into_with(&self, bytes: &mut [u8], offset: usize, endian: Endian) -> Result<(), Error> {
        record_at::<Self>(bytes, offset)?;
        if Self::__CHECKS_VALUE {
            self.__check_value()?;
        }
        self.__pack(&mut bytes[offset..offset + Self::SIZE], endian);
        Ok(())
    }

    /// [`records`](Overlay::records) in byte order `endian`.
    #[inline]
    fn records_with(bytes: &[u8], endian: Endian) -> Result<Records<'_, Self>, Error> {
        Records::new_with(bytes, endian)
    }

    /// [`records_mut`](Overlay::records_mut) in byte order `endian`.
    #[inline]
    fn records_mut_with(bytes: &mut [u8], endian: Endian) -> Result<RecordsMut<'_, Self>, Error> {
        RecordsMut::new_with(bytes, endian)
    }
}

#[inline]
fn check_exact<T: Overlay>(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() == T::SIZE {
        Ok(())
    } else {
        Err(Error::__wrong_length::<T>(bytes.len()))
    }
}

#[inline]
pub(crate) fn too_short<T: Overlay>(offset: usize, available: usize) -> Error {
    Error::__too_short::<T>(offset, available)
}

#[inline]
fn split_record<T: Overlay>(bytes: &[u8], offset: usize) -> Result<(&[u8], &[u8]), Error> {
    bytes
        .split_at_checked(T::SIZE)
        .ok_or_else(|| too_short::<T>(offset, bytes.len()))
}

#[inline]
fn record_at<T: Overlay>(bytes: &[u8], offset: usize) -> Result<&[u8], Error> {
    offset
        .checked_add(T::SIZE)
        .and_then(|end| bytes.get(offset..end))
        .ok_or_else(|| too_short::<T>(offset, bytes.len()))
}

/// Validates one record (if its type has anything to validate), reporting offsets from the
/// start of the caller's buffer.
#[inline]
pub(crate) fn validate<T: Overlay>(
    record: &[u8],
    offset: usize,
    endian: Endian,
) -> Result<(), Error> {
    if T::__CHECKS_BYTES {
        T::__check_bytes(record, endian).map_err(|e| e.offset_by(offset))
    } else {
        Ok(())
    }
}

/// A type's layout as static data, for errors and tools.
impl TypeInfo {
    /// The layout of `T`.
    pub const fn of<T: Overlay>() -> TypeInfo {
        TypeInfo {
            name: T::__TYPE_NAME,
            size: T::SIZE,
            fields: T::FIELDS,
            value: T::__VALUE,
        }
    }

    /// The layout of `T`, as a reference to static data.
    #[inline]
    pub fn of_static<T: Overlay>() -> &'static TypeInfo {
        const { &TypeInfo::of::<T>() }
    }

    /// The layout of `T` under another name (a variable-length record's fixed part).
    #[doc(hidden)]
    pub const fn __renamed<T: Overlay>(name: &'static str) -> TypeInfo {
        TypeInfo {
            name,
            ..TypeInfo::of::<T>()
        }
    }
}
