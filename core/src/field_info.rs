//! The layout of a record as data, and a field-annotated hex dump built on it.

use core::fmt;
use core::marker::PhantomData;

use crate::endian::{Endian, EndianClass};
use crate::overlay::Overlay;

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

/// One field of a record's layout, as listed by [`Overlay::FIELDS`].
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
    /// bytes, byte arrays) or is a nested record with byte orders of its own.
    pub endian: Option<Endian>,
    /// What the field holds.
    pub kind: FieldKind,
    /// For arrays, the number of innermost elements (`12` for `[[i16; 4]; 3]`); 1 otherwise.
    pub elements: usize,
    /// For nested records and arrays of them, the layout of one record (offsets relative to
    /// that record); empty otherwise.
    pub fields: &'static [FieldInfo],
    /// For a bit field, `(shift, width)`: its value is `width` bits at `shift` from the least
    /// significant bit of its group (`offset`, `size` bytes, read as one integer in the
    /// struct's byte order).
    pub bits: Option<(u32, u32)>,
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
            fields,
            bits: None,
        }
    }

    #[doc(hidden)]
    pub const fn __with_bits(mut self, shift: u32, width: u32) -> Self {
        self.bits = Some((shift, width));
        self
    }
}

/// A [`Display`](fmt::Display) adaptor that prints `bytes` as a record of type `T`, one line per
/// field: offset, size, field path, type and the field's bytes in hex.
///
/// See the `overlay` crate's guide for an example.
pub fn hexdump<T: Overlay>(bytes: &[u8]) -> HexDump<'_, T> {
    HexDump {
        bytes,
        _type: PhantomData,
    }
}

/// Returned by [`hexdump`].
pub struct HexDump<'a, T> {
    bytes: &'a [u8],
    _type: PhantomData<fn() -> T>,
}

/// A field path under construction, kept on the stack while the dump recurses.
struct PathStep<'p> {
    parent: Option<&'p PathStep<'p>>,
    name: &'static str,
    index: Option<usize>,
}

impl PathStep<'_> {
    /// The printed length, for column alignment (formatting arguments ignore widths).
    fn width(&self) -> usize {
        let index = self.index.map_or(0, |i| 2 + digits(i));
        let parent = self.parent.map_or(0, |p| p.width() + 1);
        parent + self.name.len() + index
    }
}

fn digits(mut n: usize) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

impl fmt::Display for PathStep<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}.")?;
        }
        f.write_str(self.name)?;
        if let Some(index) = self.index {
            write!(f, "[{index}]")?;
        }
        Ok(())
    }
}

/// At most this many bytes of one field are printed; longer fields end in `...`.
const MAX_BYTES_SHOWN: usize = 16;

/// Width of the field-path column.
const PATH_COLUMN: usize = 24;

fn dump_fields(
    f: &mut fmt::Formatter<'_>,
    bytes: &[u8],
    base: usize,
    fields: &[FieldInfo],
    parent: Option<&PathStep<'_>>,
) -> fmt::Result {
    for field in fields {
        let offset = base + field.offset;
        let nested = !field.fields.is_empty() && field.elements > 0;
        if nested {
            let element_size = field.size / field.elements;
            for index in 0..field.elements {
                let step = PathStep {
                    parent,
                    name: field.name,
                    index: (field.kind == FieldKind::Array).then_some(index),
                };
                dump_fields(
                    f,
                    bytes,
                    offset + index * element_size,
                    field.fields,
                    Some(&step),
                )?;
            }
            continue;
        }
        let step = PathStep {
            parent,
            name: field.name,
            index: None,
        };
        let pad = PATH_COLUMN.saturating_sub(step.width());
        write!(
            f,
            "{offset:>6}  {:>4}  {step}{:pad$} {:<12} ",
            field.size, "", field.type_name
        )?;
        let end = offset.saturating_add(field.size);
        let shown = bytes.get(offset..end.min(bytes.len())).unwrap_or(&[]);
        for (i, byte) in shown.iter().take(MAX_BYTES_SHOWN).enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{byte:02x}")?;
        }
        if shown.len() > MAX_BYTES_SHOWN {
            f.write_str(" ...")?;
        }
        if shown.len() < field.size {
            write!(f, " (missing {} bytes)", field.size - shown.len())?;
        }
        f.write_str("\n")?;
    }
    Ok(())
}

impl<T: Overlay> fmt::Display for HexDump<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {} bytes, buffer has {}",
            T::__TYPE_NAME,
            T::SIZE,
            self.bytes.len()
        )?;
        writeln!(
            f,
            "{:>6}  {:>4}  {:<PATH_COLUMN$} {:<12} bytes",
            "offset", "size", "field", "type"
        )?;
        dump_fields(f, self.bytes, 0, T::FIELDS, None)
    }
}
