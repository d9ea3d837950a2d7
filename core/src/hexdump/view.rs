//! Hex dumps of variable-length records' views: the fixed fields as [`hexdump`](super::hexdump)
//! shows them, then one row (or a nested block) per variable-length field: bytes, tables of
//! records, self-delimiting integers with their values, and tagged payloads with the chosen
//! variant's fields under them. The view was validated when it was made, so every length and
//! variant is known.

use core::fmt;

use super::{
    measure, write_value, Bytes, Columns, Label, NoValue, Row, Single, Type, TypedDump, Widths,
};
use crate::endian::Endian;
use crate::type_info::TypeInfo;

/// A variable-length record's view, as its hex dump walks it. Generated code implements it;
/// not part of the API.
#[doc(hidden)]
pub trait DumpVar {
    /// The record's fixed part, all of its bytes, and the byte order of its fields that have
    /// none of their own.
    fn __dump_record(&self) -> (&'static TypeInfo, &[u8], Endian);

    /// Calls `visit` with each variable-length field, in order.
    fn __dump_parts(&self, visit: &mut dyn FnMut(Part<'_>) -> fmt::Result) -> fmt::Result;
}

/// One variable-length field of a view. Not part of the API.
#[doc(hidden)]
pub struct Part<'a> {
    pub name: &'static str,
    /// All of the field's bytes.
    pub bytes: &'a [u8],
    pub kind: PartKind<'a>,
}

/// What a variable-length field holds. Not part of the API.
#[doc(hidden)]
pub enum PartKind<'a> {
    /// `VarBytes`.
    Bytes,
    /// `VarRecords<T>`: records of this type.
    Records(&'static TypeInfo),
    /// A self-delimiting integer: its type's name and value.
    Varint(&'static str, i128),
    /// A tagged payload: the payload enum's name, the chosen variant's, what it holds, and
    /// the bytes the variant takes (the field's extent may hold more).
    Payload {
        payload: &'static str,
        variant: &'static str,
        inner: Inner<'a>,
        used: usize,
    },
}

/// What a payload's chosen variant holds. Not part of the API.
#[doc(hidden)]
pub enum Inner<'a> {
    /// A fixed-size type (a record, a scalar, an enum).
    Fixed(&'static TypeInfo),
    /// A variable-length record's view.
    Var(&'a dyn DumpVar),
    /// The catch-all's bytes.
    Bytes,
}

/// The row label of the bytes of a payload's extent after its variant.
const AFTER_VARIANT: &str = "(after the variant)";

/// The hex dump of a variable-length record's view, returned by its `hexdump()`; prints with
/// [`Display`](fmt::Display), allocating nothing.
///
/// ```text
/// Frame: 60 bytes (14 fixed)
/// offset  size  field                  type                hex                      ascii     value
///      0     6  dst                    [u8; 6]             ff ff ff ff ff ff        ......    b"\xff\xff\xff\xff\xff\xff"
///      ...
///     14    46  payload                EtherPayload::Arp
///     14     2    htype                u16 be              00 01                    ..        1
///      ...
///     42    18    (after the variant)  bytes               00 00 00 00 00 00 00 00  ........
/// ```
pub struct VarHexDump<'a> {
    view: &'a dyn DumpVar,
}

impl<'a> VarHexDump<'a> {
    #[doc(hidden)]
    pub fn __new(view: &'a dyn DumpVar) -> Self {
        VarHexDump { view }
    }
}

impl fmt::Display for VarHexDump<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (fixed, bytes, _) = self.view.__dump_record();
        writeln!(
            f,
            "{}: {} ({} fixed)",
            fixed.name,
            Bytes(bytes.len()),
            fixed.size
        )?;
        let mut widths = Widths::default();
        measure_view(self.view, 0, &mut widths)?;
        let columns = Columns::new(bytes.len(), bytes.len(), widths.field, widths.ty);
        columns.header(f)?;
        dump_view(f, self.view, bytes, 0, 0, columns)
    }
}

/// Widens `widths` to the cells of `view`'s rows at `depth`.
fn measure_view(view: &dyn DumpVar, depth: usize, widths: &mut Widths) -> fmt::Result {
    let (fixed, _, endian) = view.__dump_record();
    measure(fixed.fields, depth, endian, widths);
    view.__dump_parts(&mut |part| {
        match part.kind {
            PartKind::Bytes => {
                widths.cell(depth, Label::Name(part.name), Type::Name("bytes", None))
            }
            PartKind::Records(item) => {
                let count = part.bytes.len().checked_div(item.size).unwrap_or(0);
                widths.cell(
                    depth,
                    Label::Name(part.name),
                    Type::Records(item.name, count),
                );
                widths.cell(
                    depth + 1,
                    Label::Element(part.name, count.saturating_sub(1)),
                    Type::Name(
                        item.name,
                        (item.fields.is_empty() && item.size > 1).then_some(endian),
                    ),
                );
                measure(item.fields, depth + 2, endian, widths);
            }
            PartKind::Varint(ty, _) => {
                widths.cell(depth, Label::Name(part.name), Type::Name(ty, None))
            }
            PartKind::Payload {
                payload,
                variant,
                inner,
                used,
            } => {
                widths.cell(
                    depth,
                    Label::Name(part.name),
                    Type::Variant(payload, variant),
                );
                match inner {
                    Inner::Fixed(info) if info.fields.is_empty() => {
                        widths.cell(
                            depth + 1,
                            Label::Name(variant),
                            Type::Name(info.name, (used > 1).then_some(endian)),
                        );
                    }
                    Inner::Fixed(info) => measure(info.fields, depth + 1, endian, widths),
                    Inner::Var(inner) => measure_view(inner, depth + 1, widths)?,
                    Inner::Bytes => {
                        widths.cell(depth + 1, Label::Name(variant), Type::Name("bytes", None))
                    }
                }
                if used < part.bytes.len() {
                    widths.cell(
                        depth + 1,
                        Label::Name(AFTER_VARIANT),
                        Type::Name("bytes", None),
                    );
                }
            }
        }
        Ok(())
    })
}

/// The rows of `view`, whose record starts `base` bytes into `bytes` (the outermost record's).
fn dump_view(
    f: &mut fmt::Formatter<'_>,
    view: &dyn DumpVar,
    bytes: &[u8],
    base: usize,
    depth: usize,
    columns: Columns,
) -> fmt::Result {
    let (fixed, _, endian) = view.__dump_record();
    let typed = TypedDump { bytes, columns };
    typed.fields(f, base, fixed.fields, depth, endian)?;
    let mut offset = base + fixed.size;
    view.__dump_parts(&mut |part| {
        let size = part.bytes.len();
        let row = |label, ty| Row {
            offset,
            size: Some(size),
            depth,
            label,
            ty,
        };
        match part.kind {
            PartKind::Bytes => {
                columns.bytes(
                    f,
                    &row(Label::Name(part.name), Type::Name("bytes", None)),
                    part.bytes,
                    &NoValue,
                )?;
            }
            PartKind::Records(item) => {
                let count = size.checked_div(item.size).unwrap_or(0);
                columns.heading(
                    f,
                    &row(Label::Name(part.name), Type::Records(item.name, count)),
                )?;
                for index in 0..count {
                    let start = offset + index * item.size;
                    let element = Row {
                        offset: start,
                        size: Some(item.size),
                        depth: depth + 1,
                        label: Label::Element(part.name, index),
                        ty: Type::Name(
                            item.name,
                            (item.fields.is_empty() && item.size > 1).then_some(endian),
                        ),
                    };
                    if !item.fields.is_empty() {
                        columns.heading(f, &element)?;
                        typed.fields(f, start, item.fields, depth + 2, endian)?;
                        continue;
                    }
                    // Scalars and enums: one row each, with the value.
                    let held = part
                        .bytes
                        .get(index * item.size..(index + 1) * item.size)
                        .unwrap_or(&[]);
                    value_row(f, columns, &element, held, item, endian)?;
                }
            }
            PartKind::Varint(ty, value) => {
                let shown = Single(|out: &mut super::Line<'_, '_>| {
                    use fmt::Write as _;
                    write!(out, "{value}")
                });
                columns.bytes(
                    f,
                    &row(Label::Name(part.name), Type::Name(ty, None)),
                    part.bytes,
                    &shown,
                )?;
            }
            PartKind::Payload {
                payload,
                variant,
                inner,
                used,
            } => {
                columns.heading(
                    f,
                    &row(Label::Name(part.name), Type::Variant(payload, variant)),
                )?;
                let held = part.bytes.get(..used).unwrap_or(part.bytes);
                match inner {
                    Inner::Fixed(info) if info.fields.is_empty() => {
                        let leaf = Row {
                            offset,
                            size: Some(used),
                            depth: depth + 1,
                            label: Label::Name(variant),
                            ty: Type::Name(info.name, (used > 1).then_some(endian)),
                        };
                        value_row(f, columns, &leaf, held, info, endian)?;
                    }
                    Inner::Fixed(info) => {
                        typed.fields(f, offset, info.fields, depth + 1, endian)?
                    }
                    Inner::Var(inner) => dump_view(f, inner, bytes, offset, depth + 1, columns)?,
                    Inner::Bytes => {
                        let leaf = Row {
                            offset,
                            size: Some(used),
                            depth: depth + 1,
                            label: Label::Name(variant),
                            ty: Type::Name("bytes", None),
                        };
                        columns.bytes(f, &leaf, held, &NoValue)?;
                    }
                }
                if let Some(after) = part.bytes.get(used..).filter(|rest| !rest.is_empty()) {
                    let leaf = Row {
                        offset: offset + used,
                        size: Some(after.len()),
                        depth: depth + 1,
                        label: Label::Name(AFTER_VARIANT),
                        ty: Type::Name("bytes", None),
                    };
                    columns.bytes(f, &leaf, after, &NoValue)?;
                }
            }
        }
        offset += size;
        Ok(())
    })?;
    Ok(())
}

/// The row of a value of type `info`, which has no fields (a scalar, an enum): its bytes
/// `held` and what they read as.
fn value_row(
    f: &mut fmt::Formatter<'_>,
    columns: Columns,
    row: &Row<'_>,
    held: &[u8],
    info: &TypeInfo,
    endian: Endian,
) -> fmt::Result {
    match info.value {
        Some(ty) => {
            let shown = Single(|out: &mut super::Line<'_, '_>| write_value(out, ty, held, endian));
            columns.bytes(f, row, held, &shown)
        }
        None => columns.bytes(f, row, held, &NoValue),
    }
}
