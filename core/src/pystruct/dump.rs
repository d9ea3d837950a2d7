//! A record of a run-time format in the layout of [`hexdump`](crate::hexdump).

use core::fmt::{self, Write as _};

use super::code::{decode_at, Item, Kind, Op};
use super::compiled::Struct;
use super::value::Value;
use crate::hexdump::{Bytes, Chunks, Columns, Label, Line, List, Pad, Row, Single, Type};

impl Struct {
    /// Prints the record that starts `offset` bytes into `bytes` in the layout of
    /// [`hexdump`](crate::hexdump): a row per format item with its offset (from the start of
    /// `bytes`), size, the positions of its values in the tuple `struct.unpack_from` returns
    /// (`[2]`, `[3:6]`), the item (`4s`, `3h`), its bytes in hex and ASCII, and its values as
    /// Python's `repr` prints them. An item of several values shows the tuple of them, `s`
    /// values one bytes literal per line of 8 bytes. Pad items (`x`) and the alignment padding
    /// that native formats insert show `pad`. Bytes past the end of `bytes` are reported as
    /// missing.
    ///
    /// ```
    /// use overlay_core::Struct;
    ///
    /// let format = Struct::new(">4sH2xh")?;
    /// let dump = format.hexdump_from(b"RIFF\x00\x07\x00\x00\xff\xfe", 0).to_string();
    /// assert_eq!(dump, "\
    /// '>4sH2xh': 10 bytes at offset 0, buffer has 10
    /// offset  size  field  type  hex                      ascii     value
    ///      0     4  [0]    4s    52 49 46 46              RIFF      b'RIFF'
    ///      4     2  [1]    H     00 07                    ..        7
    ///      6     2         2x    00 00                    ..        pad
    ///      8     2  [2]    h     ff fe                    ..        -2
    /// ");
    /// # Ok::<(), overlay_core::Error>(())
    /// ```
    pub fn hexdump_from<'s, 'a>(&'s self, bytes: &'a [u8], offset: usize) -> StructDump<'s, 'a> {
        StructDump {
            format: self,
            bytes,
            offset,
        }
    }
}

/// Returned by [`Struct::hexdump_from`]; prints with [`Display`](fmt::Display).
pub struct StructDump<'s, 'a> {
    format: &'s Struct,
    bytes: &'a [u8],
    offset: usize,
}

/// What is shown of one item: its row, and the item unless the row is alignment padding.
struct Shown<'i> {
    row: Row<'static>,
    item: Option<&'i Item>,
    /// The item's (or padding's) offset in the record and length in bytes.
    start: usize,
    len: usize,
}

impl StructDump<'_, '_> {
    /// Every row, alignment padding included, in order.
    fn rows(&self) -> impl Iterator<Item = Shown<'_>> + '_ {
        let mut end = 0usize;
        let mut value = 0usize;
        self.format.items().iter().flat_map(move |item| {
            let len = item.count * item.size;
            let gap = (item.offset > end).then(|| Shown {
                row: Row {
                    offset: self.offset.saturating_add(end),
                    size: Some(item.offset - end),
                    depth: 0,
                    label: Label::Empty,
                    ty: Type::Align,
                },
                item: None,
                start: end,
                len: item.offset - end,
            });
            end = item.offset + len;
            let values = item.values();
            let label = match (item.kind, values) {
                (Kind::Pad, _) => Label::Empty,
                (_, 1) => Label::Index(value),
                _ => Label::Slice(value, value + values),
            };
            value += values;
            let shown = Shown {
                row: Row {
                    offset: self.offset.saturating_add(item.offset),
                    size: Some(len),
                    depth: 0,
                    label,
                    ty: Type::Code(item.count, item.code),
                },
                item: Some(item),
                start: item.offset,
                len,
            };
            gap.into_iter().chain(core::iter::once(shown))
        })
    }
}

impl fmt::Display for StructDump<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let size = self.format.size();
        writeln!(
            f,
            "'{}': {} at offset {}, buffer has {}",
            self.format.format(),
            Bytes(size),
            self.offset,
            self.bytes.len()
        )?;
        let (mut field, mut ty) = (0, 0);
        for shown in self.rows() {
            field = field.max(shown.row.label.width());
            ty = ty.max(shown.row.ty.width());
        }
        let columns = Columns::new(self.offset.saturating_add(size), size, field, ty);
        columns.header(f)?;
        let record = {
            let end = self.offset.saturating_add(size).min(self.bytes.len());
            self.bytes.get(self.offset..end).unwrap_or(&[])
        };
        for shown in self.rows() {
            let end = shown.start.saturating_add(shown.len).min(record.len());
            let bytes = record.get(shown.start..end).unwrap_or(&[]);
            let Some(item) = shown.item else {
                columns.bytes(f, &shown.row, bytes, &Pad(bytes))?;
                continue;
            };
            let op = Op::new(item.kind, item.size, item.big);
            let one = |out: &mut Line<'_, '_>, start: usize, width: usize| match decode_at(
                op, bytes, start, width,
            ) {
                Some(value) => write!(out, "{value}"),
                None => Ok(()),
            };
            match item.kind {
                Kind::Pad => columns.bytes(f, &shown.row, bytes, &Pad(bytes))?,
                Kind::Str => {
                    let chunks = Chunks {
                        bytes,
                        write: |out: &mut Line<'_, '_>, chunk: &[u8]| {
                            write!(out, "{}", Value::Bytes(chunk))
                        },
                    };
                    columns.bytes(f, &shown.row, bytes, &chunks)?;
                }
                Kind::Pascal => {
                    let value = Single(|out: &mut Line<'_, '_>| one(out, 0, shown.len));
                    columns.bytes(f, &shown.row, bytes, &value)?;
                }
                _ if item.count == 1 => {
                    let value = Single(|out: &mut Line<'_, '_>| one(out, 0, item.size));
                    columns.bytes(f, &shown.row, bytes, &value)?;
                }
                _ => {
                    let values = List {
                        count: item.count,
                        size: item.size,
                        tuple: true,
                        write: |out: &mut Line<'_, '_>, index: usize| {
                            one(out, index * item.size, item.size)
                        },
                    };
                    columns.bytes(f, &shown.row, bytes, &values)?;
                }
            }
        }
        Ok(())
    }
}
