//! The `Overlay` trait.

use crate::endian::{Endian, RuntimeEndian};
use crate::entry::{entry_points, Buffer, Entry};
use crate::error::Error;
use crate::field_info::FieldInfo;
use crate::meta::Meta;
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
/// The methods ending in `_with` take the byte order as an argument; they exist only for types
/// whose byte order is chosen at run time ([`RuntimeEndian`]).
pub trait Overlay:
    for<'a> Raw<
    __View<'a> = <Self as Overlay>::View<'a>,
    __ViewMut<'a> = <Self as Overlay>::ViewMut<'a>,
>
{
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

    entry_points!(default: Self::__META.default_endian);

    /// Copies a record out of a buffer that holds exactly one.
    #[inline]
    fn unpack(bytes: &[u8]) -> Result<Self, Error> {
        unpack::<Self>(bytes, Self::__META.default_endian)
    }

    /// Copies out the record that starts `offset` bytes into `bytes`, like Python's
    /// `struct.unpack_from`.
    #[inline]
    fn unpack_from(bytes: &[u8], offset: usize) -> Result<Self, Error> {
        unpack_from::<Self>(bytes, offset, Self::__META.default_endian)
    }

    /// Writes this record into `bytes` at `offset`, like Python's `struct.pack_into`.
    /// Pad fields are written as zeros; a bit field value too wide for its field is an error
    /// ([`ErrorKind::BitFieldOverflow`](crate::ErrorKind::BitFieldOverflow)) and nothing is written.
    #[inline]
    fn pack_into(&self, bytes: &mut [u8], offset: usize) -> Result<(), Error> {
        pack_into(self, bytes, offset, Self::__META.default_endian)
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

    /// [`unpack`](Overlay::unpack) in byte order `endian`.
    #[inline]
    fn unpack_with(bytes: &[u8], endian: Endian) -> Result<Self, Error>
    where
        Self: RuntimeEndian,
    {
        unpack::<Self>(bytes, endian)
    }

    /// [`unpack_from`](Overlay::unpack_from) in byte order `endian`.
    #[inline]
    fn unpack_from_with(bytes: &[u8], offset: usize, endian: Endian) -> Result<Self, Error>
    where
        Self: RuntimeEndian,
    {
        unpack_from::<Self>(bytes, offset, endian)
    }

    /// [`pack_into`](Overlay::pack_into) in byte order `endian`.
    #[inline]
    fn pack_into_with(&self, bytes: &mut [u8], offset: usize, endian: Endian) -> Result<(), Error>
    where
        Self: RuntimeEndian,
    {
        pack_into(self, bytes, offset, endian)
    }

    /// [`records`](Overlay::records) in byte order `endian`.
    #[inline]
    fn records_with(bytes: &[u8], endian: Endian) -> Result<Records<'_, Self>, Error>
    where
        Self: RuntimeEndian,
    {
        Records::new_with(bytes, endian)
    }

    /// [`records_mut`](Overlay::records_mut) in byte order `endian`.
    #[inline]
    fn records_mut_with(bytes: &mut [u8], endian: Endian) -> Result<RecordsMut<'_, Self>, Error>
    where
        Self: RuntimeEndian,
    {
        RecordsMut::new_with(bytes, endian)
    }
}

/// How generated code and the runtime read, write and check an [`Overlay`] type: its hidden
/// half, a supertrait so that `Overlay` shows only what users call. Not part of the API: may
/// change in any release. Implemented by `#[derive(Overlay)]` beside `Overlay`, with the same
/// view types. Generated code calls it on field types directly (`<F as Raw>::__view`); a
/// field whose type implements neither trait is reported once for each, this one's message
/// saying what to do.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an overlay type",
    label = "`{Self}` does not implement `Overlay`",
    note = "derive it with `#[derive(Overlay)]`, or give the field a type that implements \
            `Overlay`: an integer, a float, `bool`, an array, a derived record or enum",
    note = "a payload enum (variants with `#[overlay(tag = ..)]`) is a field with \
            `#[overlay(tag = \"field\")]`, naming the earlier field that chooses the variant"
)]
pub trait Raw: Sized {
    /// Everything else the runtime needs to know about the type.
    const __META: Meta;

    /// `Overlay::View`, which `Overlay` requires to be this type.
    type __View<'a>;
    /// `Overlay::ViewMut`, which `Overlay` requires to be this type.
    type __ViewMut<'a>;

    /// What a field of type `[Self; N]` reads as (an [`ArrayView`](crate::ArrayView), or
    /// `&[u8; N]` for bytes).
    type __ArrayView<'a, const N: usize>: Copy;
    /// What a field of type `[Self; N]` writes through.
    type __ArrayViewMut<'a, const N: usize>;

    /// Checks enum and bool fields of a record. `bytes` is one record.
    #[inline]
    fn __check_bytes(bytes: &[u8], endian: Endian) -> Result<(), Error> {
        let _ = (bytes, endian);
        Ok(())
    }

    /// Checks that every bit field of this value fits its width, before it is written.
    #[inline]
    fn __check_value(&self) -> Result<(), Error> {
        Ok(())
    }

    /// `__check_bytes` of a field of this type at `record[start..end]`, when the type has
    /// anything to check: one call per field in generated code.
    #[inline(always)]
    fn __check_field(record: &[u8], start: usize, end: usize, endian: Endian) -> Result<(), Error> {
        if Self::__META.checks_bytes {
            Self::__check_bytes(&record[start..end], endian)
        } else {
            Ok(())
        }
    }

    /// `__check_value` of a field, when the type has anything to check.
    #[inline(always)]
    fn __check_field_value(&self) -> Result<(), Error> {
        if Self::__META.checks_value {
            self.__check_value()
        } else {
            Ok(())
        }
    }

    /// `__view` of a field of this type at `record[start..end]`: one call per field in
    /// generated code, rather than an index expression and a call.
    #[inline(always)]
    fn __view_in(record: &[u8], start: usize, end: usize, endian: Endian) -> Self::__View<'_> {
        Self::__view(&record[start..end], endian)
    }

    /// `__view_mut` of a field of this type at `record[start..end]`.
    #[inline(always)]
    fn __view_mut_in(
        record: &mut [u8],
        start: usize,
        end: usize,
        endian: Endian,
    ) -> Self::__ViewMut<'_> {
        Self::__view_mut(&mut record[start..end], endian)
    }

    /// `__unpack` of a field of this type at `record[start..end]`.
    #[inline(always)]
    fn __unpack_in(record: &[u8], start: usize, end: usize, endian: Endian) -> Self {
        Self::__unpack(&record[start..end], endian)
    }

    /// `__pack` of a field of this type into `record[start..end]`.
    #[inline(always)]
    fn __pack_in(&self, record: &mut [u8], start: usize, end: usize, endian: Endian) {
        self.__pack(&mut record[start..end], endian)
    }

    /// Record `index` of `bytes`, records of `size` (`Overlay::SIZE`) bytes back to back, or
    /// `None` past the end. Types whose size is a constant here (every derived type and
    /// scalar) use typed chunks of that size: one bounds check rather than two.
    #[inline(always)]
    fn __record(bytes: &[u8], index: usize, size: usize) -> Option<&[u8]> {
        let start = index.checked_mul(size)?;
        bytes.get(start..start.checked_add(size)?)
    }

    /// Writable counterpart of `__record`.
    #[inline(always)]
    fn __record_mut(bytes: &mut [u8], index: usize, size: usize) -> Option<&mut [u8]> {
        let start = index.checked_mul(size)?;
        bytes.get_mut(start..start.checked_add(size)?)
    }

    /// Reads a record that `__check_bytes` accepted. `bytes.len() == SIZE`.
    fn __view(bytes: &[u8], endian: Endian) -> Self::__View<'_>;

    /// Writable counterpart of `__view`.
    fn __view_mut(bytes: &mut [u8], endian: Endian) -> Self::__ViewMut<'_>;

    /// Copies a record that `__check_bytes` accepted out of `bytes`.
    fn __unpack(bytes: &[u8], endian: Endian) -> Self;

    /// Writes the record into `bytes`, `bytes.len() == SIZE`.
    fn __pack(&self, bytes: &mut [u8], endian: Endian);

    /// Reads an array field `[Self; N]`.
    fn __view_array<const N: usize>(bytes: &[u8], endian: Endian) -> Self::__ArrayView<'_, N>;

    /// Writable counterpart of `__view_array`.
    fn __view_array_mut<const N: usize>(
        bytes: &mut [u8],
        endian: Endian,
    ) -> Self::__ArrayViewMut<'_, N>;

    /// Copies an array field `[Self; N]` out of `bytes`.
    #[inline]
    fn __unpack_array<const N: usize>(bytes: &[u8], endian: Endian) -> [Self; N]
    where
        Self: Overlay,
    {
        core::array::from_fn(|i| Self::__unpack(&bytes[i * Self::SIZE..][..Self::SIZE], endian))
    }

    /// Writes an array field `[Self; N]` into `bytes`.
    #[inline]
    fn __pack_array(items: &[Self], bytes: &mut [u8], endian: Endian)
    where
        Self: Overlay,
    {
        for (item, chunk) in items.iter().zip(bytes.chunks_exact_mut(Self::SIZE)) {
            item.__pack(chunk, endian);
        }
    }
}

/// The entry points' view of `T`: its size and how errors name it.
#[inline]
fn entry<T: Overlay>() -> &'static Entry {
    const { &Entry::fixed(const { &TypeInfo::of::<T>() }) }
}

/// `read` of the record at the start of `bytes` (shared or mutable), after validating it,
/// and the bytes after it. `Entry` has checked that the record is there.
#[inline]
fn prefix<T: Overlay, B: Buffer, V>(
    bytes: B,
    endian: Endian,
    read: impl FnOnce(B, Endian) -> V,
) -> Result<(V, B), Error> {
    let len = bytes.size();
    let (record, rest) = bytes.split(T::SIZE).ok_or_else(|| too_short::<T>(0, len))?;
    validate::<T>(record.bytes(), 0, endian)?;
    Ok((read(record, endian), rest))
}

#[inline]
fn view<T: Overlay>(bytes: &[u8], endian: Endian) -> Result<T::View<'_>, Error> {
    entry::<T>().exact(bytes, |bytes| prefix::<T, _, _>(bytes, endian, T::__view))
}

#[inline]
pub(crate) fn view_at<T: Overlay>(
    bytes: &[u8],
    offset: usize,
    endian: Endian,
) -> Result<(T::View<'_>, &[u8]), Error> {
    entry::<T>().at(bytes, offset, |bytes| {
        prefix::<T, _, _>(bytes, endian, T::__view)
    })
}

#[inline]
fn view_mut<T: Overlay>(bytes: &mut [u8], endian: Endian) -> Result<T::ViewMut<'_>, Error> {
    entry::<T>().exact(bytes, |bytes| {
        prefix::<T, _, _>(bytes, endian, T::__view_mut)
    })
}

#[inline]
pub(crate) fn view_at_mut<T: Overlay>(
    bytes: &mut [u8],
    offset: usize,
    endian: Endian,
) -> Result<(T::ViewMut<'_>, &mut [u8]), Error> {
    entry::<T>().at(bytes, offset, |bytes| {
        prefix::<T, _, _>(bytes, endian, T::__view_mut)
    })
}

#[inline]
fn unpack<T: Overlay>(bytes: &[u8], endian: Endian) -> Result<T, Error> {
    entry::<T>().exact(bytes, |bytes| prefix::<T, _, _>(bytes, endian, T::__unpack))
}

#[inline]
fn unpack_from<T: Overlay>(bytes: &[u8], offset: usize, endian: Endian) -> Result<T, Error> {
    let found = entry::<T>().at(bytes, offset, |bytes| {
        prefix::<T, _, _>(bytes, endian, T::__unpack)
    });
    Ok(found?.0)
}

#[inline]
fn pack_into<T: Overlay>(
    value: &T,
    bytes: &mut [u8],
    offset: usize,
    endian: Endian,
) -> Result<(), Error> {
    let record = entry::<T>().record_mut(bytes, offset)?;
    if T::__META.checks_value {
        value.__check_value()?;
    }
    value.__pack(record, endian);
    Ok(())
}

#[inline]
pub(crate) fn too_short<T: Overlay>(offset: usize, available: usize) -> Error {
    Error::__too_short::<T>(offset, available)
}

/// Validates one record (if its type has anything to validate), reporting offsets from the
/// start of the caller's buffer.
#[inline]
pub(crate) fn validate<T: Overlay>(
    record: &[u8],
    offset: usize,
    endian: Endian,
) -> Result<(), Error> {
    if T::__META.checks_bytes {
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
            name: T::__META.type_name,
            size: T::SIZE,
            fields: T::FIELDS,
            value: T::__META.value,
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
