//! The error type: four words, `Copy`, and still naming the type, the field path, the offset
//! and the sizes.
//!
//! An [`Error`] is a pointer to a static [`Site`] (what kind of error, about which type or field)
//! and three numbers. Names and field paths are not stored: they are found from the static
//! layout data ([`TypeInfo`], [`FieldInfo`](crate::FieldInfo)) when the error is printed or
//! unpacked into an [`ErrorKind`].

use core::fmt;

use crate::endian::Endian;
use crate::error_kind::{BitRange, ErrorKind, MagicFound, TableAxis, TableRequest};
use crate::field_info::{Magic, ValueType};
use crate::field_path::FieldPath;
use crate::pystruct::{StructError, STRUCT_ERROR_VARIANTS};
use crate::type_info::{TypeInfo, VarField};
use crate::varint::VarintProblem;

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
    pub(crate) site: &'static Site,
    pub(crate) data: [u64; 3],
}

/// What kind of error, about which type or field: the static half of an [`Error`].
///
/// Not part of the API; generated code builds these as constants.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Site(pub(crate) Kind);

/// The sites of the errors of one variable-length field, which generated code builds as one
/// constant per field.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TailSites {
    var_length: Site,
    not_multiple: Site,
    invalid_enum: Site,
    invalid_bool: Site,
    unknown_tag: Site,
    bad_varint: Site,
    varint_width: Site,
}

impl TailSites {
    #[doc(hidden)]
    pub const fn __new(field: &'static VarField) -> TailSites {
        TailSites {
            var_length: Site(Kind::VarLength(field)),
            not_multiple: Site(Kind::TailNotMultiple(field)),
            invalid_enum: Site(Kind::TailInvalidEnum(field)),
            invalid_bool: Site(Kind::TailInvalidBool(field)),
            unknown_tag: Site(Kind::UnknownTag(field)),
            bad_varint: Site(Kind::BadVarint(field)),
            varint_width: Site(Kind::VarintWidth(field)),
        }
    }
}

/// The kinds of site, and what each keeps in `Error::data`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `[offset, available]`; the size is the type's.
    TooShort(&'static TypeInfo),
    /// `[expected, found]`.
    WrongLength(&'static TypeInfo),
    /// `[found]`; the record size is the type's.
    NotMultiple(&'static TypeInfo),
    /// The outermost record; `[offset, value, place]`, the offset being that of the byte that
    /// holds the value's first bits.
    InvalidEnum(&'static TypeInfo),
    /// The outermost record; `[offset, value, place]`.
    InvalidBool(&'static TypeInfo),
    /// As `InvalidEnum`, in the records of a variable-length field (the place counts from the
    /// field's start).
    TailInvalidEnum(&'static VarField),
    /// As `InvalidBool`, in the records of a variable-length field.
    TailInvalidBool(&'static VarField),
    /// `[offset, found]`: a variable-length field of `found` bytes that are not whole records.
    TailNotMultiple(&'static VarField),
    /// `[offset, tag, negative]`: a tagged payload whose tag no variant names, the tag's low 64
    /// bits and whether it is negative.
    UnknownTag(&'static VarField),
    /// `[offset, problem, available]`: a self-delimiting integer that cannot be read; the
    /// field's `expression` is its encoding's name.
    BadVarint(&'static VarField),
    /// `[value, signed, needed | width << 32]`: a value written to a self-delimiting integer
    /// that would need more bytes than the field has.
    VarintWidth(&'static VarField),
    /// The outermost record; `[value, place, width | signed << 32]`.
    BitFieldOverflow(&'static TypeInfo),
    /// The outermost record; `[offset, found, place]`, the offset being the field's. `found`
    /// is an integer magic's value (its bits), or for a byte magic the first byte that differs:
    /// `index << 8 | byte`.
    BadMagic(&'static TypeInfo),
    /// The outermost record; `[offset, value, place | index << ASSERT_SHIFT]`: the offset and
    /// place are those of the first field the assertion names (for a bit field, its group), the
    /// value that field's, the index that of the assertion in that field's `FieldInfo::asserts`.
    AssertFailed(&'static TypeInfo),
    /// `[offset, needed, available]`, with `available == u64::MAX` when `needed` overflowed;
    /// `needed` counts records for a `count` length.
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

/// Where a bad value is, packed into one number: its offset from the start of the outermost
/// record (or of a variable-length field), its bit for a bit field, and the byte order the
/// bit field's group was read in.
#[derive(Clone, Copy)]
pub(crate) struct Place {
    pub(crate) within: u64,
    pub(crate) bit: Option<u8>,
    pub(crate) endian: Option<Endian>,
}

/// The largest offset a [`Place`] keeps (48 bits; no record is larger).
const WITHIN_MASK: u64 = (1 << 48) - 1;

/// Where a failed assertion's index sits in the word that holds its field's place: above the
/// place's 58 bits (offset, bit, byte order).
pub(crate) const ASSERT_SHIFT: u32 = 58;

impl Place {
    pub(crate) const fn at(within: u64) -> Place {
        Place {
            within,
            bit: None,
            endian: None,
        }
    }

    pub(crate) fn pack(self) -> u64 {
        let bit = self.bit.map_or(0, |bit| u64::from(bit) + 1);
        let endian = match self.endian {
            None => 0,
            Some(Endian::Little) => 1,
            Some(Endian::Big) => 2,
        };
        self.within.min(WITHIN_MASK) | bit << 48 | endian << 56
    }

    pub(crate) fn unpack(packed: u64) -> Place {
        Place {
            within: packed & WITHIN_MASK,
            bit: ((packed >> 48) as u8).checked_sub(1),
            endian: match (packed >> 56) & 0b11 {
                1 => Some(Endian::Little),
                2 => Some(Endian::Big),
                _ => None,
            },
        }
    }

    fn path(self, root: &'static TypeInfo) -> FieldPath {
        FieldPath::new(root, z(self.within), self.bit)
    }

    fn tail_path(self, tail: &'static VarField) -> FieldPath {
        FieldPath::in_tail(tail, z(self.within), self.bit)
    }
}

/// The byte of a bit group (of `size` bytes read in `endian`) that holds the lowest-addressed
/// bits of the field `width` bits wide at `shift`.
pub(crate) fn first_byte(size: usize, endian: Endian, shift: u32, width: u32) -> usize {
    let (low, high) = (shift / 8, (shift + width.max(1) - 1) / 8);
    match endian {
        Endian::Little => low as usize,
        Endian::Big => size.saturating_sub(1 + high as usize),
    }
}

/// The bit range of the value at `path`, found `offset` bytes into the buffer, if it is a bit
/// field whose group's byte order is known.
fn bit_range(path: &FieldPath, offset: usize, endian: Option<Endian>) -> Option<BitRange> {
    let field = path.field()?;
    let (shift, width) = field.bits?;
    let endian = endian?;
    let group = offset.checked_sub(first_byte(field.size, endian, shift, width))?;
    Some(BitRange {
        group,
        size: field.size,
        endian,
        shift,
        width,
    })
}

/// An enum's name and the value `bits` read as its `repr`, for the enum at `path`.
fn enum_value(path: &FieldPath, bits: u64) -> (&'static str, i128) {
    match path.value_type() {
        Some(ValueType::Enum(ty)) if !ty.signed => (ty.name, i128::from(bits)),
        Some(ValueType::Enum(ty)) => (ty.name, i128::from(bits as i64)),
        _ => ("enum", i128::from(bits as i64)),
    }
}

pub(crate) fn n(v: usize) -> u64 {
    v as u64
}

fn z(v: u64) -> usize {
    v as usize
}

impl Error {
    pub(crate) const fn new(site: &'static Site, data: [u64; 3]) -> Error {
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
                Self::invalid_enum_kind(Place::unpack(c).path(root), a, b, c)
            }
            Kind::TailInvalidEnum(tail) => {
                Self::invalid_enum_kind(Place::unpack(c).tail_path(tail), a, b, c)
            }
            Kind::InvalidBool(root) => {
                Self::invalid_bool_kind(Place::unpack(c).path(root), a, b, c)
            }
            Kind::TailInvalidBool(tail) => {
                Self::invalid_bool_kind(Place::unpack(c).tail_path(tail), a, b, c)
            }
            Kind::BitFieldOverflow(root) => {
                let signed = c >> 32 != 0;
                ErrorKind::BitFieldOverflow {
                    path: Place::unpack(b).path(root),
                    value: if signed {
                        i128::from(a as i64)
                    } else {
                        i128::from(a)
                    },
                    bits: c as u32,
                }
            }
            Kind::BadMagic(root) => {
                let path = Place::unpack(c).path(root);
                let expected = path.field().and_then(|field| field.magic);
                let found = match (expected, path.value_type()) {
                    (Some(Magic::Bytes(_)), _) | (None, _) => MagicFound::Byte {
                        index: z(b >> 8),
                        value: b as u8,
                    },
                    (Some(_), Some(ValueType::Signed)) => MagicFound::Integer(i128::from(b as i64)),
                    (Some(_), _) => MagicFound::Integer(i128::from(b)),
                };
                ErrorKind::BadMagic {
                    path,
                    offset: z(a),
                    expected,
                    found,
                }
            }
            Kind::AssertFailed(root) => {
                let path = Place::unpack(c).path(root);
                let index = z(c >> ASSERT_SHIFT);
                let condition = path
                    .field()
                    .and_then(|field| field.asserts.get(index).copied())
                    .unwrap_or("an assertion");
                let value = match path.value_type() {
                    Some(ValueType::Signed) => i128::from(b as i64),
                    _ => i128::from(b),
                };
                ErrorKind::AssertFailed {
                    path,
                    offset: z(a),
                    condition,
                    value,
                }
            }
            Kind::VarLength(var) => ErrorKind::VarLength {
                record: var.record.name,
                field: var.field,
                offset: z(a),
                expression: var.expression,
                needed: (c != u64::MAX).then_some(i128::from(b as i64)),
                available: if c == u64::MAX { 0 } else { z(c) },
                record_size: var.item.filter(|_| var.counts).map(|item| item.size),
            },
            Kind::TailNotMultiple(var) => {
                let size = var.item.map_or(0, |item| item.size);
                ErrorKind::TailNotMultiple {
                    record: var.record.name,
                    field: var.field,
                    offset: z(a),
                    item: var.item.map_or("", |item| item.name),
                    record_size: size,
                    found: z(b),
                    remainder: z(b).checked_rem(size).unwrap_or(z(b)),
                }
            }
            Kind::UnknownTag(var) => ErrorKind::UnknownTag {
                record: var.record.name,
                field: var.field,
                offset: z(a),
                payload: var.tag.1,
                tag_field: var.tag.0,
                tag: if c != 0 {
                    i128::from(b as i64)
                } else {
                    i128::from(b)
                },
            },
            Kind::BadVarint(var) => ErrorKind::BadVarint {
                record: var.record.name,
                field: var.field,
                offset: z(a),
                encoding: var.expression,
                problem: VarintProblem::from_code(b),
                available: z(c),
            },
            Kind::VarintWidth(var) => ErrorKind::VarintWidth {
                record: var.record.name,
                field: var.field,
                encoding: var.expression,
                value: if b != 0 {
                    i128::from(a as i64)
                } else {
                    i128::from(a)
                },
                needed: z(c & 0xffff_ffff),
                width: z(c >> 32),
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

    fn invalid_enum_kind(path: FieldPath, a: u64, b: u64, c: u64) -> ErrorKind {
        let (enum_name, value) = enum_value(&path, b);
        ErrorKind::InvalidEnum {
            path,
            offset: z(a),
            enum_name,
            value,
            bits: bit_range(&path, z(a), Place::unpack(c).endian),
        }
    }

    fn invalid_bool_kind(path: FieldPath, a: u64, b: u64, c: u64) -> ErrorKind {
        ErrorKind::InvalidBool {
            path,
            offset: z(a),
            value: b as u8,
            bits: bit_range(&path, z(a), Place::unpack(c).endian),
        }
    }

    /// The offset into the buffer this error reports, if it reports one.
    pub fn offset(&self) -> Option<usize> {
        match self.site.0 {
            Kind::TooShort(_)
            | Kind::InvalidEnum(_)
            | Kind::InvalidBool(_)
            | Kind::BadMagic(_)
            | Kind::AssertFailed(_)
            | Kind::TailInvalidEnum(_)
            | Kind::TailInvalidBool(_)
            | Kind::TailNotMultiple(_)
            | Kind::UnknownTag(_)
            | Kind::BadVarint(_)
            | Kind::VarLength(_) => Some(z(self.data[0])),
            _ => None,
        }
    }

    /// The field path this error reports, if it concerns one field.
    pub fn path(&self) -> Option<FieldPath> {
        Some(match self.site.0 {
            Kind::InvalidEnum(root)
            | Kind::InvalidBool(root)
            | Kind::BadMagic(root)
            | Kind::AssertFailed(root) => Place::unpack(self.data[2]).path(root),
            Kind::TailInvalidEnum(tail) | Kind::TailInvalidBool(tail) => {
                Place::unpack(self.data[2]).tail_path(tail)
            }
            Kind::BitFieldOverflow(root) => Place::unpack(self.data[1]).path(root),
            _ => return None,
        })
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

    /// The same error seen from the record holding the variable-length field whose sites are
    /// `sites`: an error in its records (which start `field_offset` bytes into the buffer)
    /// names the record, the field and the element, with offsets from the buffer's start.
    #[doc(hidden)]
    #[cold]
    pub fn __in_tail(self, sites: &'static TailSites, field_offset: usize) -> Self {
        let site = match self.site.0 {
            Kind::InvalidEnum(_) => &sites.invalid_enum,
            Kind::InvalidBool(_) => &sites.invalid_bool,
            _ => return self.offset_by(field_offset),
        };
        // The offset counts from the start of the records, so it also says where the value
        // lies in the field, which the path is found from (for a bit field, its group's
        // start, which the offset is past by the byte that holds its first bits).
        let mut place = Place::unpack(self.data[2]);
        let past_group = match (self.site.0, place.endian) {
            (Kind::InvalidEnum(root) | Kind::InvalidBool(root), Some(endian)) => {
                let field = place
                    .path(root)
                    .field()
                    .and_then(|f| Some((f.size, f.bits?)));
                field.map_or(0, |(size, (shift, width))| {
                    first_byte(size, endian, shift, width)
                })
            }
            _ => 0,
        };
        place.within = self.data[0].saturating_sub(n(past_group));
        let data = [self.data[0], self.data[1], place.pack()];
        Error::new(site, data).offset_by(field_offset)
    }

    /// The same error seen from the record whose payload field starts `at` bytes into the
    /// buffer: offsets count from the buffer's start, and a record that does not fit is
    /// measured against the buffer up to the payload's end.
    #[doc(hidden)]
    #[cold]
    #[must_use]
    pub fn __in_payload(mut self, at: usize) -> Self {
        if let Kind::TooShort(_) = self.site.0 {
            self.data[1] = self.data[1].saturating_add(n(at));
        }
        self.offset_by(at)
    }

    /// The same error seen from the array whose element at `element_offset` holds the value
    /// that failed.
    #[cold]
    pub(crate) fn at_index(self, element_offset: usize) -> Self {
        self.moved(element_offset, None)
    }

    /// Moves the offset and the path's place `by` bytes; `bit`, if given, becomes the path's.
    pub(crate) fn moved(mut self, by: usize, bit: Option<u8>) -> Self {
        let slot = match self.site.0 {
            Kind::InvalidEnum(_)
            | Kind::InvalidBool(_)
            | Kind::BadMagic(_)
            | Kind::AssertFailed(_) => 2,
            Kind::BitFieldOverflow(_) => 1,
            _ => return self.offset_by(by),
        };
        let mut place = Place::unpack(self.data[slot]);
        place.within = place.within.saturating_add(n(by));
        place.bit = bit.or(place.bit);
        // A failed assertion's index rides above the place.
        let index = self.data[slot] >> ASSERT_SHIFT << ASSERT_SHIFT;
        self.data[slot] = place.pack() | index;
        self.offset_by(by)
    }

    #[cold]
    pub(crate) fn wrong_length_of(site: &'static Site, expected: usize, found: usize) -> Self {
        Error::new(site, [n(expected), n(found), 0])
    }

    /// A variable-length field whose length is `needed` (`None`: it overflowed; records, for a
    /// `count` length) with `available` bytes left at `offset`.
    #[doc(hidden)]
    #[cold]
    pub fn __var_length(
        sites: &'static TailSites,
        offset: usize,
        needed: Option<i64>,
        available: usize,
    ) -> Self {
        let site = &sites.var_length;
        let (needed, available) = match needed {
            Some(needed) => (needed as u64, n(available).min(u64::MAX - 1)),
            None => (0, u64::MAX),
        };
        Error::new(site, [n(offset), needed, available])
    }

    /// A tagged payload at `offset` whose `tag` no variant names (and no catch-all takes).
    #[doc(hidden)]
    #[cold]
    pub fn __unknown_tag(sites: &'static TailSites, offset: usize, tag: i128) -> Self {
        Error::new(
            &sites.unknown_tag,
            [n(offset), tag as u64, u64::from(tag < 0)],
        )
    }

    /// A self-delimiting integer at `offset` that cannot be read, with `available` bytes left.
    #[doc(hidden)]
    #[cold]
    pub fn __bad_varint(
        sites: &'static TailSites,
        offset: usize,
        problem: VarintProblem,
        available: usize,
    ) -> Self {
        Error::new(&sites.bad_varint, [n(offset), problem.code(), n(available)])
    }

    /// `value` written to a self-delimiting integer of `width` bytes that needs `needed`.
    #[doc(hidden)]
    #[cold]
    pub fn __varint_width(
        sites: &'static TailSites,
        value: i128,
        needed: usize,
        width: usize,
    ) -> Self {
        let data = [
            value as u64,
            u64::from(value < 0),
            n(needed) | n(width) << 32,
        ];
        Error::new(&sites.varint_width, data)
    }

    /// A variable-length field of `found` bytes at `offset` that are not whole records.
    #[doc(hidden)]
    #[cold]
    pub fn __tail_not_multiple(sites: &'static TailSites, offset: usize, found: usize) -> Self {
        Error::new(&sites.not_multiple, [n(offset), n(found), 0])
    }

    #[cfg(feature = "ndarray")]
    #[cold]
    pub(crate) fn not_ndarray(site: &'static Site) -> Self {
        Error::new(site, [0; 3])
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
