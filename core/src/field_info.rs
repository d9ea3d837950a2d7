//! The layout of a record as data: what [`hexdump`](crate::hexdump) and users' own tools read.

use crate::endian::{Endian, EndianClass};

/// What kind of value a field holds.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// An integer or float.
    Scalar,
    /// A `bool` (one byte, 0 or 1).
    Bool,
    /// A byte array `[u8; N]`.
    Bytes,
    /// An array of other elements; see [`FieldInfo::elements`].
    Array,
    /// A nested record; see [`FieldInfo::fields`].
    Struct,
    /// A fieldless enum with a validated discriminant.
    Enum,
    /// Reserved bytes (`#[overlay(pad)]`): no accessors, written as zeros.
    Pad,
}

/// One field of a record's layout, as listed by [`Overlay::FIELDS`](crate::Overlay::FIELDS).
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// The field's name.
    pub name: &'static str,
    /// Byte offset from the start of the record.
    pub offset: usize,
    /// Size in bytes.
    pub size: usize,
    /// The field's type as written in the source, such as `"[i16; 4]"`.
    pub type_name: &'static str,
    /// The byte order the field is read in, or `None` if it does not depend on one (single
    /// bytes, byte arrays), is a nested record with byte orders of its own, or is read in the
    /// byte order given at run time (`#[overlay(endian = "runtime")]`). For a bit field, the
    /// byte order its group is read in. For a nested record (or array of records) declared
    /// `#[overlay(endian = "runtime")]`, the byte order this field reads it in, which its
    /// fields without an order of their own (listed with `None`) take.
    pub endian: Option<Endian>,
    /// What the field holds.
    pub kind: FieldKind,
    /// For arrays, the number of innermost elements (`12` for `[[i16; 4]; 3]`); 1 otherwise.
    pub elements: usize,
    /// For arrays, the length of each dimension, outermost first (`[3, 4]` for
    /// `[[i16; 4]; 3]`); empty otherwise.
    pub dims: &'static [usize],
    /// For nested records and arrays of them, the layout of one record (offsets relative to
    /// that record); empty otherwise.
    pub fields: &'static [FieldInfo],
    /// For a bit field, `(shift, width)`: its value is `width` bits at `shift` from the least
    /// significant bit of its group (`offset`, `size` bytes, read as one integer in the
    /// struct's byte order).
    pub bits: Option<(u32, u32)>,
    /// How the field's bytes (each element's, for an array; the field's bits, for a bit field)
    /// read as a value; `None` for nested records, byte arrays and pads.
    pub value: Option<ValueType>,
    /// The constant the field must hold (`#[overlay(magic = ..)]`), checked when a view is
    /// made.
    pub magic: Option<Magic>,
    /// The record's assertions (`#[overlay(assert = "..")]`) that name this field first, as
    /// written; checked when a view is made.
    pub asserts: &'static [&'static str],
}

/// The constant a field must hold: `#[overlay(magic = b"\x7fELF")]` on a byte array, or
/// `#[overlay(magic = 0xa1b2c3d4)]` on an integer.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Magic {
    /// The bytes of a byte array field.
    Bytes(&'static [u8]),
    /// The value of an integer field (read in the field's byte order).
    Integer(i128),
}

impl core::fmt::Display for Magic {
    /// A byte string as Rust writes it (`b"\x7fELF"`), an integer in hex (`0xa1b2c3d4`; negative
    /// ones in decimal).
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match *self {
            Magic::Bytes(bytes) => write!(f, "b\"{}\"", bytes.escape_ascii()),
            Magic::Integer(value) if value < 0 => write!(f, "{value}"),
            Magic::Integer(value) => write!(f, "{value:#x}"),
        }
    }
}

/// How the bytes of a field read as one value, for tools that print or compare fields
/// ([`hexdump`](crate::hexdump) prints with it). Integers are read in the field's byte order
/// ([`FieldInfo::endian`]) from as many bytes as one element has.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueType {
    /// An unsigned integer (`u8`..`u128`).
    Unsigned,
    /// A two's complement integer (`i8`..`i128`).
    Signed,
    /// An IEEE 754 float (`f32`, `f64`).
    Float,
    /// A `bool`: 0 or 1.
    Bool,
    /// A fieldless enum: its discriminant, read as its `repr` integer.
    Enum(&'static EnumType),
}

/// A fieldless enum that derives `Overlay`, as data.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EnumType {
    /// The enum's name.
    pub name: &'static str,
    /// Whether its `repr` is a signed integer type.
    pub signed: bool,
    /// Its variants, in declaration order.
    pub variants: &'static [EnumVariant],
    /// An open enum's catch-all variant (`#[overlay(other)]`), which holds every value no
    /// variant names; `None` for a closed enum, which rejects those values.
    pub other: Option<&'static str>,
}

/// One variant of an [`EnumType`].
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EnumVariant {
    /// The variant's name.
    pub name: &'static str,
    /// Its discriminant.
    pub value: i128,
}

impl EnumType {
    #[doc(hidden)]
    pub const fn __new(name: &'static str, signed: bool, variants: &'static [EnumVariant]) -> Self {
        EnumType {
            name,
            signed,
            variants,
            other: None,
        }
    }

    #[doc(hidden)]
    pub const fn __with_other(mut self, other: &'static str) -> Self {
        self.other = Some(other);
        self
    }

    /// The name of the variant whose discriminant is `value`, if there is one.
    pub fn variant(&self, value: i128) -> Option<&'static str> {
        self.variants
            .iter()
            .find(|variant| variant.value == value)
            .map(|variant| variant.name)
    }
}

impl EnumVariant {
    #[doc(hidden)]
    pub const fn __new(name: &'static str, value: i128) -> Self {
        EnumVariant { name, value }
    }
}

impl FieldInfo {
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        name: &'static str,
        offset: usize,
        size: usize,
        type_name: &'static str,
        class: EndianClass,
        kind: FieldKind,
        elements: usize,
        fields: &'static [FieldInfo],
    ) -> Self {
        FieldInfo {
            name,
            offset,
            size,
            type_name,
            endian: match class {
                EndianClass::Fixed(endian) if !matches!(kind, FieldKind::Struct) => Some(endian),
                _ => None,
            },
            kind,
            elements,
            dims: &[],
            fields,
            bits: None,
            value: None,
            magic: None,
            asserts: &[],
        }
    }

    #[doc(hidden)]
    pub const fn __with_value(mut self, value: Option<ValueType>) -> Self {
        self.value = value;
        self
    }

    #[doc(hidden)]
    pub const fn __with_endian(mut self, endian: Option<Endian>) -> Self {
        self.endian = endian;
        self
    }

    #[doc(hidden)]
    pub const fn __with_magic(mut self, magic: Magic) -> Self {
        self.magic = Some(magic);
        self
    }

    #[doc(hidden)]
    pub const fn __with_asserts(mut self, asserts: &'static [&'static str]) -> Self {
        self.asserts = asserts;
        self
    }

    #[doc(hidden)]
    pub const fn __with_dims(mut self, dims: &'static [usize]) -> Self {
        self.dims = dims;
        self
    }

    #[doc(hidden)]
    pub const fn __with_bits(mut self, shift: u32, width: u32) -> Self {
        self.bits = Some((shift, width));
        self
    }
}
