//! Where each value of a compiled format lies in a record and how it reads: what tools that
//! convert whole tables (columns for Arrow, NumPy dtypes) need instead of one value at a time.

use core::iter::FusedIterator;

use super::code::{Item, Kind};
use super::compiled::Struct;
use crate::endian::Endian;

/// What one value of a [`Struct`] format holds, by its format code.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// A two's complement integer: `b`, `h`, `i`, `l`, `q`, `n`.
    Signed,
    /// An unsigned integer: `B`, `H`, `I`, `L`, `Q`, `N`, `P`.
    Unsigned,
    /// An IEEE 754 float: `e` (2 bytes), `f` (4), `d` (8).
    Float,
    /// A `?` byte: any nonzero byte is `True`.
    Bool,
    /// A `c`: one byte, as a bytes object of length 1.
    Char,
    /// An `s` item: all of its bytes, as one value.
    Bytes,
    /// A `p` item (Pascal string): its first byte is a length, clamped to the item's size
    /// less one, and the value is that many of the bytes after it.
    Pascal,
}

/// One value of a [`Struct`] record, as [`Struct::values_layout`] lists them: where its bytes
/// are and how they read.
///
/// ```
/// use overlay_core::pystruct::{ValueKind, ValueLayout};
/// use overlay_core::{Endian, Struct};
///
/// // Native mode aligns the `I` to 4 bytes, after 3 pad bytes.
/// let format = Struct::new("@b2I3s")?;
/// let values: Vec<ValueLayout> = format.values_layout().collect();
/// assert_eq!(values.len(), format.value_count());
/// let offsets: Vec<usize> = values.iter().map(|v| v.offset).collect();
/// assert_eq!(offsets, [0, 4, 8, 12]);
/// assert_eq!(values[1].kind, ValueKind::Unsigned);
/// assert_eq!((values[1].size, values[1].code, values[1].endian), (4, 'I', Endian::Little));
/// assert_eq!((values[3].kind, values[3].size), (ValueKind::Bytes, 3));
/// # Ok::<(), overlay_core::Error>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ValueLayout {
    /// Byte offset of the value from the start of the record (after any alignment padding
    /// that native `@` mode puts before its item).
    pub offset: usize,
    /// Size of the value in bytes: the code's size, or for `s` and `p` the item's length.
    pub size: usize,
    /// The format code (`'I'`, `'s'`, `'?'`, ...).
    pub code: char,
    /// What the value holds.
    pub kind: ValueKind,
    /// The byte order of a multi-byte number: big-endian for `>` and `!`, little-endian for
    /// `<`, `=` and native `@` (CPython's `struct` on the little-endian hosts this crate
    /// follows). Single bytes and byte strings read the same in either.
    pub endian: Endian,
}

/// The values of a [`Struct`] record in order, one [`ValueLayout`] each; made by
/// [`Struct::values_layout`].
#[derive(Clone, Debug)]
pub struct ValuesLayout<'s> {
    /// Items still to go; the first is the current one.
    items: &'s [Item],
    /// Values of the current item already listed.
    index: usize,
    remaining: usize,
}

impl Struct {
    /// Where each value of a record lies and how it reads, in the order
    /// [`unpack`](Struct::unpack) returns the values: one entry per value, so `3I` gives three
    /// and `3s` one. Pad bytes (`x`) and native alignment padding have none.
    pub fn values_layout(&self) -> ValuesLayout<'_> {
        ValuesLayout {
            items: self.items(),
            index: 0,
            remaining: self.value_count(),
        }
    }
}

/// The kind of the values of `item`, or `None` for a pad item.
fn kind_of(item: &Item) -> Option<ValueKind> {
    Some(match item.kind {
        Kind::Pad => return None,
        Kind::Char => ValueKind::Char,
        Kind::Str => ValueKind::Bytes,
        Kind::Pascal => ValueKind::Pascal,
        Kind::Bool => ValueKind::Bool,
        Kind::Int { signed: true, .. } => ValueKind::Signed,
        Kind::Int { signed: false, .. } => ValueKind::Unsigned,
        Kind::Half | Kind::Float { .. } | Kind::Double => ValueKind::Float,
    })
}

impl Iterator for ValuesLayout<'_> {
    type Item = ValueLayout;

    fn next(&mut self) -> Option<ValueLayout> {
        loop {
            let (item, rest) = self.items.split_first()?;
            let (Some(kind), true) = (kind_of(item), self.index < item.values()) else {
                self.items = rest;
                self.index = 0;
                continue;
            };
            let size = item.value_size();
            let layout = ValueLayout {
                offset: item.offset + self.index * size,
                size,
                code: item.code,
                kind,
                endian: if item.big {
                    Endian::Big
                } else {
                    Endian::Little
                },
            };
            self.index += 1;
            self.remaining -= 1;
            return Some(layout);
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for ValuesLayout<'_> {}
impl FusedIterator for ValuesLayout<'_> {}
