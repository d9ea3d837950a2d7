//! The error type: four words, `Copy`, and still naming the type, the field path, the offset
//! and the sizes.
//!
//! An [`Error`] is a pointer to a static [`Site`] (what kind of error, about which type or field)
//! and three numbers. Names and field paths are not stored: they are found from the static
//! layout data ([`TypeInfo`], [`FieldInfo`](crate::FieldInfo)) when the error is printed or
//! unpacked into an [`ErrorKind`].

use core::fmt;

use crate::error_kind::{ErrorKind, TableAxis, TableRequest};
use crate::field_info::ValueType;
use crate::field_path::FieldPath;
use crate::overlay::Overlay;
use crate::structfmt::{StructError, STRUCT_ERROR_VARIANTS};
use crate::type_info::TypeInfo;

/// Everything that can go wrong when viewing, unpacking or packing a record.
///
/// Each error carries what a person needs to find and fix the problem in the input: the type
/// (or the field path from the outermost record), the byte offset into the buffer the caller
/// passed, and the sizes or value involved. No input, however malformed, makes `overlay` panic;
/// it returns one of these.
///
/// It is 32 bytes on 64-bit targets and `Copy`, so `Result<_, Error>` is cheap to return; match
/// on it through [`kind`](Error::kind), which unpacks every number the message prints.
///
/// ```
/// use overlay_core::{Error, ErrorKind, Overlay};
///
/// let error = u32::view(&[1, 2]).unwrap_err();
/// assert_eq!(error.to_string(), "u32: expected exactly 4 bytes, buffer has 2 \
///     (use view_prefix or view_at to read a record at the start of a longer buffer)");
/// assert!(matches!(error.kind(), ErrorKind::WrongLength { expected: 4, found: 2, .. }));
/// assert_eq!(core::mem::size_of::<Error>(), 4 * core::mem::size_of::<usize>().max(8));
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Error {
    site: &'static Site,
    data: [u64; 3],
}

/// What kind of error, about which type or field: the static half of an [`Error`].
///
/// Not part of the API; generated code builds these as constants.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Site(Kind);

/// A variable-length field, as static data for its errors.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VarField {
    record: &'static TypeInfo,
    field: &'static str,
    expression: &'static str,
}

/// The kinds of site, and what each keeps in `Error::data`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `[offset, available]`; the size is the type's.
    TooShort(&'static TypeInfo),
    /// `[expected, found]`.
    WrongLength(&'static TypeInfo),
    /// `[found]`; the record size is the type's.
    NotMultiple(&'static TypeInfo),
    /// The outermost record; `[offset, value, place]`.
    InvalidEnum(&'static TypeInfo),
    /// The outermost record; `[offset, value, place]`.
    InvalidBool(&'static TypeInfo),
    /// The outermost record; `[value, place, width | signed << 32]`.
    BitFieldOverflow(&'static TypeInfo),
    /// `[offset, needed, available]`, with `available == u64::MAX` when `needed` overflowed.
    VarLength(&'static VarField),
    /// `[stride]`.
    StrideTooSmall(&'static TypeInfo),
    /// A [`StructError`] variant; the numbers are its fields.
    Struct(u8),
    /// `[start, end, len]`.
    BadRange(&'static TypeInfo, TableAxis),
    /// `[n, len, axis | request << 8]`.
    BadRequest(&'static TypeInfo),
    /// `[low, high, available]`.
    GridBounds(&'static TypeInfo),
    /// `[rows, cols]`.
    GridTooLarge(&'static TypeInfo),
    /// `[rows, cols, found]`.
    GridLength(&'static TypeInfo),
    /// `[a, row, col]`: elements `[0, a]` and `[row, col]`, or `[a, 0]` and `[row, col]` if
    /// the flag is set.
    GridOverlap(&'static TypeInfo, bool),
    /// `[row stride, column stride]`.
    RowsInterleave(&'static TypeInfo),
    /// `[expected, found]`.
    ShapeMismatch(&'static TypeInfo, TableAxis),
    /// `[needed, found]`.
    CopyLength(&'static TypeInfo),
    /// No numbers.
    #[cfg_attr(not(feature = "ndarray"), allow(dead_code))]
    NotNdarray(&'static TypeInfo, &'static str),
    /// `[index, len]`.
    IndexOutOfRange(&'static TypeInfo),
}

/// One site per [`StructError`] variant.
static STRUCT_SITES: [Site; STRUCT_ERROR_VARIANTS] = {
    let mut sites = [Site(Kind::Struct(0)); STRUCT_ERROR_VARIANTS];
    let mut i = 0;
    while i < STRUCT_ERROR_VARIANTS {
        sites[i] = Site(Kind::Struct(i as u8));
        i += 1;
    }
    sites
};

/// The largest offset a [`FieldPath`] keeps (56 bits; no buffer is larger).
const PLACE_MASK: u64 = (1 << 56) - 1;

/// A field path's offset and bit, as one number.
fn place(within: u64, bit: Option<u8>) -> u64 {
    within.min(PLACE_MASK) | bit.map_or(0, |bit| u64::from(bit) + 1) << 56
}

fn unplace(place: u64) -> (usize, Option<u8>) {
    let bit = (place >> 56) as u8;
    ((place & PLACE_MASK) as usize, bit.checked_sub(1))
}

fn n(v: usize) -> u64 {
    v as u64
}

fn z(v: u64) -> usize {
    v as usize
}

impl Site {
    /// The site of a variable-length field's length errors.
    #[doc(hidden)]
    pub const fn __var_length(field: &'static VarField) -> Site {
        Site(Kind::VarLength(field))
    }
}

impl VarField {
    #[doc(hidden)]
    pub const fn __new(
        record: &'static TypeInfo,
        field: &'static str,
        expression: &'static str,
    ) -> VarField {
        VarField {
            record,
            field,
            expression,
        }
    }
}

impl Error {
    const fn new(site: &'static Site, data: [u64; 3]) -> Error {
        Error { site, data }
    }

    /// What went wrong, with every number the message prints.
    pub fn kind(&self) -> ErrorKind {
        let [a, b, c] = self.data;
        match self.site.0 {
            Kind::TooShort(ty) => ErrorKind::TooShort {
                type_name: ty.name,
                offset: z(a),
                needed: ty.size,
                available: z(b),
            },
            Kind::WrongLength(ty) => ErrorKind::WrongLength {
                type_name: ty.name,
                expected: z(a),
                found: z(b),
            },
            Kind::NotMultiple(ty) => ErrorKind::NotMultiple {
                type_name: ty.name,
                record_size: ty.size,
                found: z(a),
                remainder: z(a).checked_rem(ty.size).unwrap_or(z(a)),
            },
            Kind::InvalidEnum(root) => {
                let (within, bit) = unplace(c);
                let path = FieldPath::new(root, within, bit);
                let (enum_name, value) = match path.value_type() {
                    Some(ValueType::Enum(ty)) if !ty.signed => (ty.name, i128::from(b)),
                    Some(ValueType::Enum(ty)) => (ty.name, i128::from(b as i64)),
                    _ => ("enum", i128::from(b as i64)),
                };
                ErrorKind::InvalidEnum {
                    path,
                    offset: z(a),
                    enum_name,
                    value,
                }
            }
            Kind::InvalidBool(root) => {
                let (within, bit) = unplace(c);
                ErrorKind::InvalidBool {
                    path: FieldPath::new(root, within, bit),
                    offset: z(a),
                    value: b as u8,
                }
            }
            Kind::BitFieldOverflow(root) => {
                let (within, bit) = unplace(b);
                let signed = c >> 32 != 0;
                ErrorKind::BitFieldOverflow {
                    path: FieldPath::new(root, within, bit),
                    value: if signed {
                        i128::from(a as i64)
                    } else {
                        i128::from(a)
                    },
                    bits: c as u32,
                }
            }
            Kind::VarLength(var) => ErrorKind::VarLength {
                record: var.record.name,
                field: var.field,
                offset: z(a),
                expression: var.expression,
                needed: (c != u64::MAX).then_some(i128::from(b as i64)),
                available: if c == u64::MAX { 0 } else { z(c) },
            },
            Kind::StrideTooSmall(ty) => ErrorKind::StrideTooSmall {
                type_name: ty.name,
                stride: z(a),
                record_size: ty.size,
            },
            Kind::Struct(variant) => ErrorKind::Struct(StructError::decode(variant, self.data)),
            Kind::BadRange(ty, axis) => ErrorKind::BadRequest {
                type_name: ty.name,
                axis,
                request: TableRequest::Range {
                    start: z(a),
                    end: z(b),
                },
                len: z(c),
            },
            Kind::BadRequest(ty) => ErrorKind::BadRequest {
                type_name: ty.name,
                axis: match c & 0xff {
                    0 => TableAxis::Records,
                    1 => TableAxis::Rows,
                    _ => TableAxis::Columns,
                },
                request: match c >> 8 {
                    0 => TableRequest::StepBy(z(a)),
                    1 => TableRequest::SplitAt(z(a)),
                    _ => TableRequest::Chunks(z(a)),
                },
                len: z(b),
            },
            Kind::GridBounds(ty) => ErrorKind::GridBounds {
                type_name: ty.name,
                low: a as i64,
                high: b,
                available: z(c),
            },
            Kind::GridTooLarge(ty) => ErrorKind::GridTooLarge {
                type_name: ty.name,
                shape: [z(a), z(b)],
            },
            Kind::GridLength(ty) => ErrorKind::GridLength {
                type_name: ty.name,
                shape: [z(a), z(b)],
                needed: z(a)
                    .checked_mul(z(b))
                    .and_then(|count| count.checked_mul(ty.size)),
                found: z(c),
            },
            Kind::GridOverlap(ty, swapped) => ErrorKind::GridOverlap {
                type_name: ty.name,
                first: if swapped { [z(a), 0] } else { [0, z(a)] },
                second: [z(b), z(c)],
            },
            Kind::RowsInterleave(ty) => ErrorKind::RowsInterleave {
                type_name: ty.name,
                strides: [a as i64 as isize, b as i64 as isize],
            },
            Kind::ShapeMismatch(ty, axis) => ErrorKind::ShapeMismatch {
                type_name: ty.name,
                axis,
                expected: z(a),
                found: z(b),
            },
            Kind::CopyLength(ty) => ErrorKind::CopyLength {
                type_name: ty.name,
                needed: z(a),
                found: z(b),
            },
            Kind::NotNdarray(ty, reason) => ErrorKind::NotNdarray {
                type_name: ty.name,
                reason,
            },
            Kind::IndexOutOfRange(ty) => ErrorKind::IndexOutOfRange {
                type_name: ty.name,
                index: z(a),
                len: z(b),
            },
        }
    }

    /// The offset into the buffer this error reports, if it reports one.
    pub fn offset(&self) -> Option<usize> {
        match self.site.0 {
            Kind::TooShort(_)
            | Kind::InvalidEnum(_)
            | Kind::InvalidBool(_)
            | Kind::VarLength(_) => Some(z(self.data[0])),
            _ => None,
        }
    }

    /// The field path this error reports, if it concerns one field of a fixed layout.
    pub fn path(&self) -> Option<FieldPath> {
        let place = match self.site.0 {
            Kind::InvalidEnum(root) | Kind::InvalidBool(root) => (root, self.data[2]),
            Kind::BitFieldOverflow(root) => (root, self.data[1]),
            _ => return None,
        };
        let (within, bit) = unplace(place.1);
        Some(FieldPath::new(place.0, within, bit))
    }

    /// The Python `struct` error, if this is one.
    pub fn struct_error(&self) -> Option<StructError> {
        match self.site.0 {
            Kind::Struct(variant) => Some(StructError::decode(variant, self.data)),
            _ => None,
        }
    }

    /// The same error with its offset moved `by` bytes further: for a record viewed in a
    /// sub-slice that starts `by` bytes into a larger buffer (a packet inside a capture file),
    /// this makes the offset count from the start of the larger buffer.
    #[cold]
    #[must_use]
    pub fn offset_by(mut self, by: usize) -> Self {
        if self.offset().is_some() {
            self.data[0] = self.data[0].saturating_add(n(by));
        }
        self
    }

    /// The same error seen from the record `R` whose field at `field_offset` holds the value
    /// that failed.
    #[doc(hidden)]
    #[cold]
    pub fn __in_field<R: Overlay>(self, field_offset: usize) -> Self {
        self.rooted::<R>(field_offset, None)
    }

    /// The same error seen from the record `R` whose bit field at `shift` in the group at
    /// `group_offset` holds the value that failed.
    #[doc(hidden)]
    #[cold]
    pub fn __in_bit_field<R: Overlay>(self, group_offset: usize, shift: u32) -> Self {
        self.rooted::<R>(group_offset, Some(shift as u8))
    }

    /// The same error seen from the array whose element at `element_offset` holds the value
    /// that failed.
    #[cold]
    pub(crate) fn at_index(self, element_offset: usize) -> Self {
        self.moved(element_offset, None)
    }

    fn rooted<R: Overlay>(self, by: usize, bit: Option<u8>) -> Self {
        let site = match self.site.0 {
            Kind::InvalidEnum(_) => const { &Site(Kind::InvalidEnum(&TypeInfo::of::<R>())) },
            Kind::InvalidBool(_) => const { &Site(Kind::InvalidBool(&TypeInfo::of::<R>())) },
            Kind::BitFieldOverflow(_) => {
                const { &Site(Kind::BitFieldOverflow(&TypeInfo::of::<R>())) }
            }
            _ => return self.offset_by(by),
        };
        Error { site, ..self }.moved(by, bit)
    }

    /// Moves the offset and the path's place `by` bytes; `bit`, if given, becomes the path's.
    fn moved(mut self, by: usize, bit: Option<u8>) -> Self {
        let slot = match self.site.0 {
            Kind::InvalidEnum(_) | Kind::InvalidBool(_) => 2,
            Kind::BitFieldOverflow(_) => 1,
            _ => return self.offset_by(by),
        };
        let (within, old_bit) = unplace(self.data[slot]);
        let within = n(within).saturating_add(n(by));
        self.data[slot] = place(within, bit.or(old_bit));
        self.offset_by(by)
    }

    // Constructors, for this crate and for generated code.

    #[doc(hidden)]
    #[cold]
    pub fn __too_short<T: Overlay>(offset: usize, available: usize) -> Self {
        let site = const { &Site(Kind::TooShort(&TypeInfo::of::<T>())) };
        Error::new(site, [n(offset), n(available), 0])
    }

    #[cold]
    pub(crate) fn too_short_of(ty: &'static Site, offset: usize, available: usize) -> Self {
        Error::new(ty, [n(offset), n(available), 0])
    }

    #[doc(hidden)]
    #[cold]
    pub fn __wrong_length<T: Overlay>(found: usize) -> Self {
        let site = const { &Site(Kind::WrongLength(&TypeInfo::of::<T>())) };
        Error::new(site, [n(T::SIZE), n(found), 0])
    }

    #[cold]
    pub(crate) fn wrong_length_of(site: &'static Site, expected: usize, found: usize) -> Self {
        Error::new(site, [n(expected), n(found), 0])
    }

    #[doc(hidden)]
    #[cold]
    pub fn __not_multiple<T: Overlay>(found: usize) -> Self {
        let site = const { &Site(Kind::NotMultiple(&TypeInfo::of::<T>())) };
        Error::new(site, [n(found), 0, 0])
    }

    /// An enum `T` read as `value` (its `repr` value, sign- or zero-extended), which is none of
    /// its discriminants.
    #[doc(hidden)]
    #[cold]
    pub fn __invalid_enum<T: Overlay>(value: i64) -> Self {
        let site = const { &Site(Kind::InvalidEnum(&TypeInfo::of::<T>())) };
        Error::new(site, [0, value as u64, place(0, None)])
    }

    #[cold]
    pub(crate) fn invalid_bool(value: u8) -> Self {
        let site = const { &Site(Kind::InvalidBool(&TypeInfo::of::<bool>())) };
        Error::new(site, [0, u64::from(value), place(0, None)])
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
        let where_ = place(n(group_offset), Some(shift as u8));
        let shape = u64::from(width) | u64::from(signed) << 32;
        Error::new(site, [value as u64, where_, shape])
    }

    /// A variable-length field whose length is `needed` (`None`: it overflowed) with
    /// `available` bytes left at `offset`.
    #[doc(hidden)]
    #[cold]
    pub fn __var_length(
        site: &'static Site,
        offset: usize,
        needed: Option<i64>,
        available: usize,
    ) -> Self {
        let (needed, available) = match needed {
            Some(needed) => (needed as u64, n(available).min(u64::MAX - 1)),
            None => (0, u64::MAX),
        };
        Error::new(site, [n(offset), needed, available])
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

    #[cfg(feature = "ndarray")]
    #[cold]
    pub(crate) fn not_ndarray(site: &'static Site) -> Self {
        Error::new(site, [0; 3])
    }

    #[cold]
    pub(crate) fn index_out_of_range<T: Overlay>(index: usize, len: usize) -> Self {
        let site = const { &Site(Kind::IndexOutOfRange(&TypeInfo::of::<T>())) };
        Error::new(site, [n(index), n(len), 0])
    }
}

impl Site {
    /// The site of `TooShort` errors of a type known only by its layout.
    pub(crate) const fn too_short(ty: &'static TypeInfo) -> Site {
        Site(Kind::TooShort(ty))
    }

    /// The site of `WrongLength` errors of a type known only by its layout.
    pub(crate) const fn wrong_length(ty: &'static TypeInfo) -> Site {
        Site(Kind::WrongLength(ty))
    }

    /// The site of `NotNdarray` errors of `T` for `reason`.
    #[cfg(feature = "ndarray")]
    pub(crate) const fn not_ndarray(ty: &'static TypeInfo, reason: &'static str) -> Site {
        Site(Kind::NotNdarray(ty, reason))
    }
}

impl From<StructError> for Error {
    #[cold]
    fn from(error: StructError) -> Self {
        let (variant, data) = error.encode();
        Error::new(&STRUCT_SITES[usize::from(variant)], data)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.kind(), f)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.kind(), f)
    }
}

impl core::error::Error for Error {}
