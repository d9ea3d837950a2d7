//! Errors about a type: the constructors generic over [`Overlay`], each of which builds its
//! kind's [`Site`] for the type as a constant, so an error is a pointer and three numbers.

use crate::endian::Endian;
use crate::error::{first_byte, n, Error, Kind, Place, Site, ASSERT_SHIFT};
use crate::error_kind::{TableAxis, TableRequest};
use crate::overlay::Overlay;
use crate::type_info::TypeInfo;

impl Error {
    /// The same error seen from the record `R` whose field at `field_offset` holds the value
    /// that failed.
    #[doc(hidden)]
    #[cold]
    pub fn __in_field<R: Overlay>(self, field_offset: usize) -> Self {
        self.rooted::<R>(field_offset, None)
    }

    /// The same error seen from the record `R` whose bit field (`width` bits at `shift` in the
    /// group of `size` bytes at `group_offset`, read in `endian`) holds the value that failed.
    /// The offset becomes that of the group's byte that holds the field's first bits.
    #[doc(hidden)]
    #[cold]
    pub fn __in_bit_field<R: Overlay>(
        self,
        group_offset: usize,
        size: usize,
        endian: Endian,
        shift: u32,
        width: u32,
    ) -> Self {
        let mut error = self.rooted::<R>(group_offset, Some(shift as u8));
        if matches!(error.site.0, Kind::InvalidEnum(_) | Kind::InvalidBool(_)) {
            let mut place = Place::unpack(error.data[2]);
            place.endian = Some(endian);
            error.data[2] = place.pack();
            let byte = first_byte(size, endian, shift, width);
            error.data[0] = error.data[0].saturating_add(n(byte));
        }
        error
    }

    fn rooted<R: Overlay>(self, by: usize, bit: Option<u8>) -> Self {
        let site = match self.site.0 {
            Kind::InvalidEnum(_) => const { &Site(Kind::InvalidEnum(&TypeInfo::of::<R>())) },
            Kind::InvalidBool(_) => const { &Site(Kind::InvalidBool(&TypeInfo::of::<R>())) },
            Kind::BitFieldOverflow(_) => {
                const { &Site(Kind::BitFieldOverflow(&TypeInfo::of::<R>())) }
            }
            Kind::BadMagic(_) => const { &Site(Kind::BadMagic(&TypeInfo::of::<R>())) },
            Kind::AssertFailed(_) => const { &Site(Kind::AssertFailed(&TypeInfo::of::<R>())) },
            _ => return self.offset_by(by),
        };
        Error { site, ..self }.moved(by, bit)
    }

    // Constructors, for this crate and for generated code.

    #[doc(hidden)]
    #[cold]
    pub fn __too_short<T: Overlay>(offset: usize, available: usize) -> Self {
        let site = const { &Site(Kind::TooShort(&TypeInfo::of::<T>())) };
        Error::new(site, [n(offset), n(available), 0])
    }

    #[doc(hidden)]
    #[cold]
    pub fn __wrong_length<T: Overlay>(found: usize) -> Self {
        let site = const { &Site(Kind::WrongLength(&TypeInfo::of::<T>())) };
        Error::new(site, [n(T::SIZE), n(found), 0])
    }

    #[doc(hidden)]
    #[cold]
    pub fn __not_multiple<T: Overlay>(found: usize) -> Self {
        let site = const { &Site(Kind::NotMultiple(&TypeInfo::of::<T>())) };
        Error::new(site, [n(found), 0, 0])
    }

    /// Field `field_start..field_start + expected.len()` of record `R` holds `found` where it
    /// should hold the magic bytes `expected` (both the field's length).
    #[doc(hidden)]
    #[cold]
    pub fn __bad_magic_bytes<R: Overlay>(
        field_start: usize,
        found: &[u8],
        expected: &[u8],
    ) -> Self {
        let site = const { &Site(Kind::BadMagic(&TypeInfo::of::<R>())) };
        let index = found
            .iter()
            .zip(expected)
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let byte = found.get(index).copied().unwrap_or(0);
        let found = n(index) << 8 | u64::from(byte);
        Error::new(
            site,
            [n(field_start), found, Place::at(n(field_start)).pack()],
        )
    }

    /// Integer field at `field_start` of record `R` holds `found`, not its magic value.
    #[doc(hidden)]
    #[cold]
    pub fn __bad_magic_integer<R: Overlay>(field_start: usize, found: i128) -> Self {
        let site = const { &Site(Kind::BadMagic(&TypeInfo::of::<R>())) };
        Error::new(
            site,
            [
                n(field_start),
                found as u64,
                Place::at(n(field_start)).pack(),
            ],
        )
    }

    /// Assertion `index` of those that name field `field_start` (at `shift`, for a bit field)
    /// of record `R` first does not hold; the field's value is `value`.
    #[doc(hidden)]
    #[cold]
    pub fn __assert_failed<R: Overlay>(
        field_start: usize,
        shift: Option<u8>,
        value: i128,
        index: usize,
    ) -> Self {
        let site = const { &Site(Kind::AssertFailed(&TypeInfo::of::<R>())) };
        let place = Place {
            within: n(field_start),
            bit: shift,
            endian: None,
        };
        let index = n(index) << ASSERT_SHIFT;
        Error::new(site, [n(field_start), value as u64, place.pack() | index])
    }

    /// An enum `T` read as `value` (its `repr` value, sign- or zero-extended), which is none of
    /// its discriminants.
    #[doc(hidden)]
    #[cold]
    pub fn __invalid_enum<T: Overlay>(value: i64) -> Self {
        let site = const { &Site(Kind::InvalidEnum(&TypeInfo::of::<T>())) };
        Error::new(site, [0, value as u64, Place::at(0).pack()])
    }

    /// `value` (of a signed type if `signed`) does not fit the `width`-bit field at `shift` in
    /// the group at `group_offset` of record `R`.
    #[cold]
    pub(crate) fn bit_field_overflow<R: Overlay>(
        value: i128,
        signed: bool,
        width: u32,
        group_offset: usize,
        shift: u32,
    ) -> Self {
        let site = const { &Site(Kind::BitFieldOverflow(&TypeInfo::of::<R>())) };
        let where_ = Place {
            within: n(group_offset),
            bit: Some(shift as u8),
            endian: None,
        }
        .pack();
        let shape = u64::from(width) | u64::from(signed) << 32;
        Error::new(site, [value as u64, where_, shape])
    }

    #[cold]
    pub(crate) fn stride_too_small<T: Overlay>(stride: usize) -> Self {
        let site = const { &Site(Kind::StrideTooSmall(&TypeInfo::of::<T>())) };
        Error::new(site, [n(stride), 0, 0])
    }

    #[cold]
    pub(crate) fn bad_request<T: Overlay>(
        axis: TableAxis,
        request: TableRequest,
        len: usize,
    ) -> Self {
        let (n_, kind) = match request {
            TableRequest::Range { start, end } => {
                let site = match axis {
                    TableAxis::Records => {
                        const { &Site(Kind::BadRange(&TypeInfo::of::<T>(), TableAxis::Records)) }
                    }
                    TableAxis::Rows => {
                        const { &Site(Kind::BadRange(&TypeInfo::of::<T>(), TableAxis::Rows)) }
                    }
                    TableAxis::Columns => {
                        const { &Site(Kind::BadRange(&TypeInfo::of::<T>(), TableAxis::Columns)) }
                    }
                };
                return Error::new(site, [n(start), n(end), n(len)]);
            }
            TableRequest::StepBy(step) => (step, 0),
            TableRequest::SplitAt(mid) => (mid, 1),
            TableRequest::Chunks(size) => (size, 2),
        };
        let axis = match axis {
            TableAxis::Records => 0,
            TableAxis::Rows => 1,
            TableAxis::Columns => 2,
        };
        let site = const { &Site(Kind::BadRequest(&TypeInfo::of::<T>())) };
        Error::new(site, [n(n_), n(len), axis | kind << 8])
    }

    #[cold]
    pub(crate) fn grid_bounds<T: Overlay>(
        low: i128,
        high: i128,
        available: usize,
        shape: [usize; 2],
    ) -> Self {
        match (i64::try_from(low), u64::try_from(high)) {
            (Ok(low), Ok(high)) => {
                let site = const { &Site(Kind::GridBounds(&TypeInfo::of::<T>())) };
                Error::new(site, [low as u64, high, n(available)])
            }
            _ => Error::grid_too_large::<T>(shape),
        }
    }

    #[cold]
    pub(crate) fn grid_too_large<T: Overlay>(shape: [usize; 2]) -> Self {
        let site = const { &Site(Kind::GridTooLarge(&TypeInfo::of::<T>())) };
        Error::new(site, [n(shape[0]), n(shape[1]), 0])
    }

    #[cold]
    pub(crate) fn grid_length<T: Overlay>(shape: [usize; 2], found: usize) -> Self {
        let site = const { &Site(Kind::GridLength(&TypeInfo::of::<T>())) };
        Error::new(site, [n(shape[0]), n(shape[1]), n(found)])
    }

    /// Elements `first` and `second` share bytes; one coordinate of `first` is 0.
    #[cold]
    pub(crate) fn grid_overlap<T: Overlay>(first: [usize; 2], second: [usize; 2]) -> Self {
        let (site, a) = if first[0] == 0 {
            (
                const { &Site(Kind::GridOverlap(&TypeInfo::of::<T>(), false)) },
                first[1],
            )
        } else {
            (
                const { &Site(Kind::GridOverlap(&TypeInfo::of::<T>(), true)) },
                first[0],
            )
        };
        Error::new(site, [n(a), n(second[0]), n(second[1])])
    }

    #[cold]
    pub(crate) fn rows_interleave<T: Overlay>(strides: [isize; 2]) -> Self {
        let site = const { &Site(Kind::RowsInterleave(&TypeInfo::of::<T>())) };
        Error::new(
            site,
            [strides[0] as i64 as u64, strides[1] as i64 as u64, 0],
        )
    }

    /// Copying a grid of shape `found` into one of shape `expected`.
    #[cold]
    pub(crate) fn shape_mismatch<T: Overlay>(expected: [usize; 2], found: [usize; 2]) -> Self {
        let (site, axis) = if expected[0] != found[0] {
            (
                const { &Site(Kind::ShapeMismatch(&TypeInfo::of::<T>(), TableAxis::Rows)) },
                0,
            )
        } else {
            (
                const {
                    &Site(Kind::ShapeMismatch(
                        &TypeInfo::of::<T>(),
                        TableAxis::Columns,
                    ))
                },
                1,
            )
        };
        Error::new(site, [n(expected[axis]), n(found[axis]), 0])
    }

    #[cold]
    pub(crate) fn copy_length<T: Overlay>(needed: usize, found: usize) -> Self {
        let site = const { &Site(Kind::CopyLength(&TypeInfo::of::<T>())) };
        Error::new(site, [n(needed), n(found), 0])
    }

    #[cold]
    pub(crate) fn index_out_of_range<T: Overlay>(index: usize, len: usize) -> Self {
        let site = const { &Site(Kind::IndexOutOfRange(&TypeInfo::of::<T>())) };
        Error::new(site, [n(index), n(len), 0])
    }

    #[cold]
    pub(crate) fn invalid_bool(value: u8) -> Self {
        let site = const { &Site(Kind::InvalidBool(&TypeInfo::of::<bool>())) };
        Error::new(site, [0, u64::from(value), Place::at(0).pack()])
    }
}
