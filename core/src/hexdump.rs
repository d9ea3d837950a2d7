//! Field-annotated hex dumps: one row per field with its offset, size, name, type, bytes (in hex
//! and as ASCII) and the value they hold; nested records indented under their parent.
//!
//! Everything is written straight to the formatter: no allocation, so this works without
//! `alloc`. The row layout here is shared with [`Struct::hexdump_from`](crate::Struct), which
//! prints run-time Python formats the same way.

use core::fmt::{self, Write};
use core::marker::PhantomData;
use core::ops::Range;

use crate::bits::{mask, read_group};
use crate::endian::{Endian, RuntimeEndian};
use crate::field_info::{EnumType, FieldInfo, FieldKind, ValueType};
use crate::overlay::Overlay;

mod view;

pub use view::VarHexDump;
#[doc(hidden)]
pub use view::{DumpVar, Inner, Part, PartKind};

/// Prints `bytes` as a record of type `T`, one row per field: offset, size, field name (nested
/// fields indented under their record), type, the bytes in hex (8 a line, long fields wrapped
/// onto continuation lines), the bytes as ASCII, and the value they hold.
///
/// ```text
/// Reading: 24 bytes, buffer has 24
/// offset  size  field        type         hex                      ascii     value
///      0     2  sensor_id    u16 be       00 66                    .f        102
///      2     1  status       Status       01                       .         Warn
///      3     1  calibrated   bool         01                       .         true
///      4     4  timestamp    u32 be       65 53 f1 78              eS.x      1700000120
///      8     6  accel        [i16; 3] be  ff e6 ff ea 03 d3        ......    [-26, -22, 979]
///     14     2  _reserved    [u8; 2]      00 00                    ..        pad
///     16     4  temperature  f32 be       41 b0 00 00              A...      22.0
///     20     4  sequence     u32 be       00 00 00 02              ....      2
/// ```
///
/// Multi-byte numbers say their byte order after the type (`be`, `le`). Array values are
/// listed on the lines where their elements start; byte arrays show as byte strings, 8 bytes a
/// line. A group of bit fields is one `(bits)` row with the group's bytes, read as one integer
/// of its width (`u16 be`), and a row per field under it with the field's bits, counted from the
/// group's least significant bit (`bits 12..16 = 0b0100`). Pads show `pad`. A value that is not
/// valid (a `bool` byte other than 0 and 1, an unknown enum discriminant) is shown with the
/// reason; bytes past the end of `bytes` are reported as missing. Nothing is validated first:
/// any bytes can be dumped.
///
/// Fields are read in the byte order `T` declares; for `#[overlay(endian = "runtime")]` types
/// see [`hexdump_with`].
pub fn hexdump<T: Overlay>(bytes: &[u8]) -> HexDump<'_, T> {
    HexDump {
        bytes,
        endian: T::__META.default_endian,
        _type: PhantomData,
    }
}

/// [`hexdump`] for a type whose byte order is chosen at run time: fields without a byte order
/// of their own are read in byte order `endian`.
pub fn hexdump_with<T: Overlay + RuntimeEndian>(bytes: &[u8], endian: Endian) -> HexDump<'_, T> {
    HexDump {
        bytes,
        endian,
        _type: PhantomData,
    }
}

/// Returned by [`hexdump`] and [`hexdump_with`]; prints with [`Display`](fmt::Display).
pub struct HexDump<'a, T> {
    bytes: &'a [u8],
    endian: Endian,
    _type: PhantomData<fn() -> T>,
}

impl<T: Overlay> fmt::Display for HexDump<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}: {}, buffer has {}",
            T::__META.type_name,
            Bytes(T::SIZE),
            self.bytes.len()
        )?;
        let mut widths = Widths::default();
        measure(T::FIELDS, 0, self.endian, &mut widths);
        let dump = TypedDump {
            bytes: self.bytes,
            columns: Columns::new(T::SIZE, T::SIZE, widths.field, widths.ty),
        };
        dump.columns.header(f)?;
        dump.fields(f, 0, T::FIELDS, 0, self.endian)
    }
}

// ---------------------------------------------------------------------------------------------
// Rows and columns, shared with the run-time format dump.

/// Bytes shown on one line.
pub(crate) const BYTES_PER_LINE: usize = 8;
const HEX_WIDTH: usize = 3 * BYTES_PER_LINE - 1;
/// Spaces between columns.
const GAP: usize = 2;
/// Spaces per level of nesting in the field column.
const INDENT: usize = 2;

/// `1 byte`, `24 bytes`.
pub(crate) struct Bytes(pub usize);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if self.0 == 1 { "byte" } else { "bytes" };
        write!(f, "{} {unit}", self.0)
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

/// The widths of the columns of one dump; hex, ASCII and value columns have fixed places
/// after the type column.
#[derive(Clone, Copy)]
pub(crate) struct Columns {
    offset: usize,
    size: usize,
    field: usize,
    ty: usize,
}

impl Columns {
    /// Columns for offsets up to `last_offset`, sizes up to `max_size`, and field and type
    /// cells of the given widths.
    pub(crate) fn new(last_offset: usize, max_size: usize, field: usize, ty: usize) -> Self {
        Columns {
            offset: digits(last_offset).max("offset".len()),
            size: digits(max_size).max("size".len()),
            field: field.max("field".len()),
            ty: ty.max("type".len()),
        }
    }

    fn size_end(&self) -> usize {
        self.offset + GAP + self.size
    }

    fn field_start(&self) -> usize {
        self.size_end() + GAP
    }

    fn type_start(&self) -> usize {
        self.field_start() + self.field + GAP
    }

    fn hex_start(&self) -> usize {
        self.type_start() + self.ty + GAP
    }

    fn ascii_start(&self) -> usize {
        self.hex_start() + HEX_WIDTH + GAP
    }

    fn value_start(&self) -> usize {
        self.ascii_start() + BYTES_PER_LINE + GAP
    }

    /// The line naming the columns.
    pub(crate) fn header(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut line = Line::new(f);
        line.tab(self.offset - "offset".len());
        line.write_str("offset")?;
        line.tab(self.size_end() - "size".len());
        line.write_str("size")?;
        line.tab(self.field_start());
        line.write_str("field")?;
        line.tab(self.type_start());
        line.write_str("type")?;
        line.tab(self.hex_start());
        line.write_str("hex")?;
        line.tab(self.ascii_start());
        line.write_str("ascii")?;
        line.tab(self.value_start());
        line.write_str("value")?;
        line.end()
    }

    /// Offset, size, field and type of a row's first line; only the offset on later lines.
    fn start(
        &self,
        line: &mut Line<'_, '_>,
        row: &Row<'_>,
        offset: usize,
        first: bool,
    ) -> fmt::Result {
        line.tab(self.offset.saturating_sub(digits(offset)));
        write!(line, "{offset}")?;
        if !first {
            return Ok(());
        }
        if let Some(size) = row.size {
            line.tab(self.size_end().saturating_sub(digits(size)));
            write!(line, "{size}")?;
        }
        line.tab(self.field_start() + INDENT * row.depth);
        write!(line, "{}", row.label)?;
        line.tab(self.type_start());
        write!(line, "{}", row.ty)
    }

    /// A row with no bytes of its own: a nested record, whose fields follow.
    pub(crate) fn heading(&self, f: &mut fmt::Formatter<'_>, row: &Row<'_>) -> fmt::Result {
        let mut line = Line::new(f);
        self.start(&mut line, row, row.offset, true)?;
        line.end()
    }

    /// A row whose hex and ASCII columns hold `text` (a bit field's bits) and whose value
    /// column holds `value`.
    pub(crate) fn text(
        &self,
        f: &mut fmt::Formatter<'_>,
        row: &Row<'_>,
        text: &dyn fmt::Display,
        value: &dyn fmt::Display,
    ) -> fmt::Result {
        let mut line = Line::new(f);
        self.start(&mut line, row, row.offset, true)?;
        line.tab(self.hex_start());
        write!(line, "{text}")?;
        line.tab(self.value_start());
        write!(line, "{value}")?;
        line.end()
    }

    /// A row of bytes, `BYTES_PER_LINE` a line: `bytes` are the field's bytes that the buffer
    /// holds (fewer than `row.size` if it ends early, and then no value is shown).
    pub(crate) fn bytes(
        &self,
        f: &mut fmt::Formatter<'_>,
        row: &Row<'_>,
        bytes: &[u8],
        values: &dyn Values,
    ) -> fmt::Result {
        let missing = row.size.unwrap_or(0).saturating_sub(bytes.len());
        let lines = bytes.len().div_ceil(BYTES_PER_LINE).max(1);
        for index in 0..lines {
            let start = index * BYTES_PER_LINE;
            let range = start..bytes.len().min(start + BYTES_PER_LINE);
            let chunk = &bytes[range.clone()];
            let mut line = Line::new(f);
            self.start(&mut line, row, row.offset + start, index == 0)?;
            line.tab(self.hex_start());
            for (i, byte) in chunk.iter().enumerate() {
                if i > 0 {
                    line.write_char(' ')?;
                }
                write!(line, "{byte:02x}")?;
            }
            line.tab(self.ascii_start());
            for &byte in chunk {
                line.write_char(if byte.is_ascii_graphic() || byte == b' ' {
                    char::from(byte)
                } else {
                    '.'
                })?;
            }
            line.tab(self.value_start());
            if missing > 0 {
                if index == 0 {
                    write!(line, "(missing {})", Bytes(missing))?;
                }
            } else {
                values.write(&mut line, range, index == 0)?;
            }
            line.end()?;
        }
        Ok(())
    }
}

/// What a row says before its bytes.
pub(crate) struct Row<'a> {
    /// Absolute offset of the first byte.
    pub offset: usize,
    /// Size in bytes, if the row shows one.
    pub size: Option<usize>,
    /// Nesting level: the field is indented by this many steps.
    pub depth: usize,
    pub label: Label<'a>,
    pub ty: Type<'a>,
}

/// The field column of a row.
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "alloc"), allow(dead_code))] // the tuple labels are `Struct`'s
pub(crate) enum Label<'a> {
    /// A field's name.
    Name(&'a str),
    /// An element of an array of records: `name[index]`.
    Element(&'a str, usize),
    /// One value of an unpacked tuple: `[index]`.
    Index(usize),
    /// Several values of an unpacked tuple: `[start:end]`.
    Slice(usize, usize),
    /// Nothing.
    Empty,
}

impl Label<'_> {
    pub(crate) fn width(&self) -> usize {
        match *self {
            Label::Name(name) => name.chars().count(),
            Label::Element(name, index) => name.chars().count() + 2 + digits(index),
            Label::Index(index) => 2 + digits(index),
            Label::Slice(start, end) => 3 + digits(start) + digits(end),
            Label::Empty => 0,
        }
    }
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Label::Name(name) => f.write_str(name),
            Label::Element(name, index) => write!(f, "{name}[{index}]"),
            Label::Index(index) => write!(f, "[{index}]"),
            Label::Slice(start, end) => write!(f, "[{start}:{end}]"),
            Label::Empty => Ok(()),
        }
    }
}

/// The type column: a type name, then `be` or `le` for fields that depend on byte order.
#[derive(Clone, Copy)]
#[cfg_attr(not(feature = "alloc"), allow(dead_code))] // format items are `Struct`'s
pub(crate) enum Type<'a> {
    Name(&'a str, Option<Endian>),
    /// A bit group read as one unsigned integer of `bytes` bytes: `u16 be`.
    Group(usize, Option<Endian>),
    /// A Python format item: `4s`, `3h`, `x` (a count of 1 is not written).
    Code(usize, char),
    /// Alignment padding that native Python formats insert before an item.
    Align,
    /// A variable-length table of records: `[Sample; 3]`.
    Records(&'a str, usize),
    /// A tagged payload's chosen variant: `EtherPayload::Arp`.
    Variant(&'a str, &'a str),
}

impl Type<'_> {
    pub(crate) fn width(&self) -> usize {
        let endian = |e: Option<Endian>| if e.is_some() { 3 } else { 0 };
        match *self {
            Type::Name(name, e) => name.chars().count() + endian(e),
            Type::Group(bytes, e) => 1 + digits(bytes * 8) + endian(e),
            Type::Code(count, _) => usize::from(count != 1) * digits(count) + 1,
            Type::Align => "align".len(),
            Type::Records(name, count) => name.chars().count() + 4 + digits(count),
            Type::Variant(payload, variant) => {
                payload.chars().count() + 2 + variant.chars().count()
            }
        }
    }
}

fn endian_suffix(f: &mut fmt::Formatter<'_>, endian: Option<Endian>) -> fmt::Result {
    match endian {
        Some(Endian::Big) => f.write_str(" be"),
        Some(Endian::Little) => f.write_str(" le"),
        None => Ok(()),
    }
}

impl fmt::Display for Type<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Type::Name(name, e) => {
                f.write_str(name)?;
                endian_suffix(f, e)
            }
            Type::Group(bytes, e) => {
                write!(f, "u{}", bytes * 8)?;
                endian_suffix(f, e)
            }
            Type::Code(1, code) => f.write_char(code),
            Type::Code(count, code) => write!(f, "{count}{code}"),
            Type::Align => f.write_str("align"),
            Type::Records(name, count) => write!(f, "[{name}; {count}]"),
            Type::Variant(payload, variant) => write!(f, "{payload}::{variant}"),
        }
    }
}

/// One output line. Spaces are held back until something follows them, so lines never end in
/// spaces, and columns are reached with [`tab`](Line::tab).
pub(crate) struct Line<'a, 'b> {
    f: &'a mut fmt::Formatter<'b>,
    /// Characters written or held back so far.
    column: usize,
    /// Spaces not written yet.
    pending: usize,
}

impl<'a, 'b> Line<'a, 'b> {
    fn new(f: &'a mut fmt::Formatter<'b>) -> Self {
        Line {
            f,
            column: 0,
            pending: 0,
        }
    }

    /// Moves to `column`, or `GAP` spaces on if the line is already past it.
    fn tab(&mut self, column: usize) {
        let target = if self.column == 0 {
            column
        } else {
            column.max(self.column + GAP)
        };
        self.pending += target - self.column;
        self.column = target;
    }

    fn end(self) -> fmt::Result {
        self.f.write_char('\n')
    }
}

impl Write for Line<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if s.is_empty() {
            return Ok(());
        }
        const SPACES: &str = "                                ";
        while self.pending > 0 {
            let n = self.pending.min(SPACES.len());
            self.f.write_str(&SPACES[..n])?;
            self.pending -= n;
        }
        self.column += s.chars().count();
        self.f.write_str(s)
    }
}

/// What a row of bytes shows in its value column, line by line.
pub(crate) trait Values {
    /// Writes the value text of the line that shows bytes `line` of the field (offsets in the
    /// field); `first` says whether it is the field's first line.
    fn write(&self, out: &mut Line<'_, '_>, line: Range<usize>, first: bool) -> fmt::Result;
}

/// No value.
pub(crate) struct NoValue;

impl Values for NoValue {
    fn write(&self, _: &mut Line<'_, '_>, _: Range<usize>, _: bool) -> fmt::Result {
        Ok(())
    }
}

/// `pad`, and whether the pad bytes are not zeros (they are written as zeros).
pub(crate) struct Pad<'a>(pub &'a [u8]);

impl Values for Pad<'_> {
    fn write(&self, out: &mut Line<'_, '_>, _: Range<usize>, first: bool) -> fmt::Result {
        if !first {
            return Ok(());
        }
        out.write_str("pad")?;
        if self.0.iter().any(|&b| b != 0) {
            out.write_str(" (not zeros)")?;
        }
        Ok(())
    }
}

/// One value, shown on the first line.
pub(crate) struct Single<F>(pub F);

impl<F: Fn(&mut Line<'_, '_>) -> fmt::Result> Values for Single<F> {
    fn write(&self, out: &mut Line<'_, '_>, _: Range<usize>, first: bool) -> fmt::Result {
        if first {
            (self.0)(out)
        } else {
            Ok(())
        }
    }
}

/// Bytes, each line's as a literal of its own (`b"RIFF"`, `b'RIFF'`): `write` writes the
/// literal of a slice of `bytes`.
pub(crate) struct Chunks<'a, F> {
    pub bytes: &'a [u8],
    pub write: F,
}

impl<F: Fn(&mut Line<'_, '_>, &[u8]) -> fmt::Result> Values for Chunks<'_, F> {
    fn write(&self, out: &mut Line<'_, '_>, line: Range<usize>, _: bool) -> fmt::Result {
        let chunk = self.bytes.get(line).unwrap_or(&[]);
        (self.write)(out, chunk)
    }
}

/// `count` values of `size` bytes each, as a list (`[1, 2]`) or a Python tuple (`(1, 2)`,
/// `(1,)`): each line lists the values that start in it, and continuation lines are indented
/// by one space, under the first value. `write` writes value `index`.
pub(crate) struct List<F> {
    pub count: usize,
    pub size: usize,
    pub tuple: bool,
    pub write: F,
}

impl<F: Fn(&mut Line<'_, '_>, usize) -> fmt::Result> Values for List<F> {
    fn write(&self, out: &mut Line<'_, '_>, line: Range<usize>, first: bool) -> fmt::Result {
        let (open, close) = if self.tuple { ("(", ")") } else { ("[", "]") };
        if self.count == 0 || self.size == 0 {
            if first {
                out.write_str(open)?;
                out.write_str(close)?;
            }
            return Ok(());
        }
        let from = line.start.div_ceil(self.size);
        let to = line.end.div_ceil(self.size).min(self.count);
        for index in from..to {
            if index == 0 {
                out.write_str(open)?;
            } else if index == from {
                out.write_str(" ")?;
            } else {
                out.write_str(", ")?;
            }
            (self.write)(out, index)?;
            if index + 1 == self.count {
                if self.tuple && self.count == 1 {
                    out.write_str(",")?;
                }
                out.write_str(close)?;
            } else if index + 1 == to {
                out.write_str(",")?;
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Dumps of derived types, from `FIELDS`.

/// The widest field and type cells of a dump.
#[derive(Default)]
struct Widths {
    field: usize,
    ty: usize,
}

impl Widths {
    fn cell(&mut self, depth: usize, label: Label<'_>, ty: Type<'_>) {
        self.field = self.field.max(INDENT * depth + label.width());
        self.ty = self.ty.max(ty.width());
    }
}

/// How the fields from `fields[0]` are shown: a group of bit fields (how many fields), a
/// nested record (or array of them), or one row of bytes.
enum Shape {
    BitGroup(usize),
    Records,
    Leaf,
}

fn shape(fields: &[FieldInfo]) -> Shape {
    let first = &fields[0];
    if first.bits.is_some() {
        let same_group = fields
            .iter()
            .take_while(|f| f.bits.is_some() && f.offset == first.offset)
            .count();
        return Shape::BitGroup(same_group);
    }
    match first.kind {
        FieldKind::Struct => Shape::Records,
        FieldKind::Array if !first.fields.is_empty() => Shape::Records,
        _ => Shape::Leaf,
    }
}

/// The element type of an array type name: `Point` for `[[Point; 2]; 3]`.
fn element_type(mut type_name: &str) -> &str {
    while let Some(inner) = type_name
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .and_then(|t| t.rsplit_once(';'))
    {
        type_name = inner.0.trim();
    }
    type_name
}

/// The byte order shown after a field's type: only for values of more than one byte.
fn shown_endian(field: &FieldInfo, endian: Endian) -> Option<Endian> {
    let element = field.size.checked_div(field.elements).unwrap_or(0);
    (field.value.is_some() && field.bits.is_none() && element > 1)
        .then(|| field.endian.unwrap_or(endian))
}

/// The byte order a group of bit fields is read in.
fn group_endian(field: &FieldInfo, endian: Endian) -> Option<Endian> {
    (field.size > 1).then(|| field.endian.unwrap_or(endian))
}

const BITS_LABEL: &str = "(bits)";

fn measure(fields: &[FieldInfo], depth: usize, endian: Endian, widths: &mut Widths) {
    let mut i = 0;
    while i < fields.len() {
        let field = &fields[i];
        let inner = field.endian.unwrap_or(endian);
        match shape(&fields[i..]) {
            Shape::BitGroup(n) => {
                let ty = Type::Group(field.size, group_endian(field, endian));
                widths.cell(depth, Label::Name(BITS_LABEL), ty);
                for bit in &fields[i..i + n] {
                    widths.cell(
                        depth + 1,
                        Label::Name(bit.name),
                        Type::Name(bit.type_name, None),
                    );
                }
                i += n;
                continue;
            }
            Shape::Records if field.kind == FieldKind::Array => {
                let last = field.elements.saturating_sub(1);
                let ty = Type::Name(element_type(field.type_name), None);
                widths.cell(depth, Label::Element(field.name, last), ty);
                widths.cell(
                    depth,
                    Label::Name(field.name),
                    Type::Name(field.type_name, None),
                );
                measure(field.fields, depth + 1, inner, widths);
            }
            Shape::Records => {
                widths.cell(
                    depth,
                    Label::Name(field.name),
                    Type::Name(field.type_name, None),
                );
                measure(field.fields, depth + 1, inner, widths);
            }
            Shape::Leaf => {
                let ty = Type::Name(field.type_name, shown_endian(field, endian));
                widths.cell(depth, Label::Name(field.name), ty);
            }
        }
        i += 1;
    }
}

struct TypedDump<'a> {
    bytes: &'a [u8],
    columns: Columns,
}

impl TypedDump<'_> {
    /// The bytes of `size` bytes at `offset` that the buffer holds.
    fn present(&self, offset: usize, size: usize) -> &[u8] {
        let end = offset.saturating_add(size).min(self.bytes.len());
        self.bytes.get(offset..end).unwrap_or(&[])
    }

    fn fields(
        &self,
        f: &mut fmt::Formatter<'_>,
        base: usize,
        fields: &[FieldInfo],
        depth: usize,
        endian: Endian,
    ) -> fmt::Result {
        let mut i = 0;
        while i < fields.len() {
            let field = &fields[i];
            let offset = base + field.offset;
            // A nested record declared `endian = "runtime"` reads in its field's order.
            let inner = field.endian.unwrap_or(endian);
            match shape(&fields[i..]) {
                Shape::BitGroup(n) => {
                    self.bit_group(f, offset, &fields[i..i + n], depth, endian)?;
                    i += n;
                    continue;
                }
                Shape::Records if field.kind == FieldKind::Array && field.elements > 0 => {
                    let element = field.size / field.elements;
                    for index in 0..field.elements {
                        let start = offset + index * element;
                        let row = Row {
                            offset: start,
                            size: Some(element),
                            depth,
                            label: Label::Element(field.name, index),
                            ty: Type::Name(element_type(field.type_name), None),
                        };
                        self.columns.heading(f, &row)?;
                        self.fields(f, start, field.fields, depth + 1, inner)?;
                    }
                }
                Shape::Records => {
                    let row = Row {
                        offset,
                        size: Some(field.size),
                        depth,
                        label: Label::Name(field.name),
                        ty: Type::Name(field.type_name, None),
                    };
                    self.columns.heading(f, &row)?;
                    self.fields(f, offset, field.fields, depth + 1, inner)?;
                }
                Shape::Leaf => self.leaf(f, offset, field, depth, endian)?,
            }
            i += 1;
        }
        Ok(())
    }

    fn leaf(
        &self,
        f: &mut fmt::Formatter<'_>,
        offset: usize,
        field: &FieldInfo,
        depth: usize,
        inherited: Endian,
    ) -> fmt::Result {
        let bytes = self.present(offset, field.size);
        let endian = field.endian.unwrap_or(inherited);
        let row = Row {
            offset,
            size: Some(field.size),
            depth,
            label: Label::Name(field.name),
            ty: Type::Name(field.type_name, shown_endian(field, inherited)),
        };
        let columns = &self.columns;
        match (field.kind, field.value) {
            (FieldKind::Pad, _) => columns.bytes(f, &row, bytes, &Pad(bytes)),
            (FieldKind::Bytes, _) => {
                let values = Chunks {
                    bytes,
                    write: |out: &mut Line<'_, '_>, chunk: &[u8]| {
                        out.write_str("b\"")?;
                        for &byte in chunk {
                            write!(out, "{}", core::ascii::escape_default(byte))?;
                        }
                        out.write_str("\"")
                    },
                };
                columns.bytes(f, &row, bytes, &values)
            }
            (FieldKind::Array, Some(ty)) => {
                let size = field.size.checked_div(field.elements).unwrap_or(0);
                let values = List {
                    count: field.elements,
                    size,
                    tuple: false,
                    write: |out: &mut Line<'_, '_>, index: usize| match bytes
                        .get(index * size..)
                        .and_then(|rest| rest.get(..size))
                    {
                        Some(element) => write_value(out, ty, element, endian),
                        None => Ok(()),
                    },
                };
                columns.bytes(f, &row, bytes, &values)
            }
            (_, Some(ty)) => {
                let value = Single(|out: &mut Line<'_, '_>| write_value(out, ty, bytes, endian));
                columns.bytes(f, &row, bytes, &value)
            }
            (_, None) => columns.bytes(f, &row, bytes, &NoValue),
        }
    }

    /// The `(bits)` row with the group's bytes and its value as one integer, then a row per
    /// field with its bits and value.
    fn bit_group(
        &self,
        f: &mut fmt::Formatter<'_>,
        offset: usize,
        fields: &[FieldInfo],
        depth: usize,
        inherited: Endian,
    ) -> fmt::Result {
        let first = &fields[0];
        let bytes = self.present(offset, first.size);
        let complete = bytes.len() == first.size;
        let endian = first.endian.unwrap_or(inherited);
        let group = read_group(bytes, endian);
        let row = Row {
            offset,
            size: Some(first.size),
            depth,
            label: Label::Name(BITS_LABEL),
            ty: Type::Group(first.size, group_endian(first, inherited)),
        };
        let hex_digits = 2 * first.size;
        let value =
            Single(|out: &mut Line<'_, '_>| write!(out, "{group:#0w$x}", w = hex_digits + 2));
        self.columns.bytes(f, &row, bytes, &value)?;
        for field in fields {
            let Some((shift, width)) = field.bits else {
                continue;
            };
            let bits = (group >> shift) & mask(width);
            let row = Row {
                offset,
                size: None,
                depth: depth + 1,
                label: Label::Name(field.name),
                ty: Type::Name(field.type_name, None),
            };
            let text = BitsText {
                shift,
                width,
                bits: complete.then_some(bits),
            };
            let value = BitsValue {
                ty: field.value,
                bits: complete.then_some(bits),
                width,
            };
            self.columns.text(f, &row, &text, &value)?;
        }
        Ok(())
    }
}

/// `bits 12..16 = 0b0100`, `bit 3 = 0b1`; wider than 16 bits in hex.
struct BitsText {
    shift: u32,
    width: u32,
    bits: Option<u64>,
}

impl fmt::Display for BitsText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (shift, width) = (self.shift, self.width);
        if width == 1 {
            write!(f, "bit {shift}")?;
        } else {
            write!(f, "bits {shift}..{}", shift + width)?;
        }
        match self.bits {
            Some(bits) if width <= 16 => write!(f, " = {bits:#0w$b}", w = width as usize + 2),
            Some(bits) => write!(f, " = {bits:#0w$x}", w = width.div_ceil(4) as usize + 2),
            None => Ok(()),
        }
    }
}

/// A bit field's value.
struct BitsValue {
    ty: Option<ValueType>,
    bits: Option<u64>,
    width: u32,
}

impl fmt::Display for BitsValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (Some(ty), Some(bits)) = (self.ty, self.bits) else {
            return Ok(());
        };
        let signed = match ty {
            ValueType::Signed => true,
            ValueType::Enum(e) => e.signed,
            _ => false,
        };
        let negative = signed && bits >> (self.width - 1) & 1 == 1;
        let raw = if negative {
            i128::from(bits) - (1i128 << self.width)
        } else {
            i128::from(bits)
        };
        write_integer(f, ty, raw)
    }
}

// ---------------------------------------------------------------------------------------------
// Values.

/// `bytes` as an unsigned integer in byte order `endian` (at most 16 bytes are read).
fn read_unsigned(bytes: &[u8], endian: Endian) -> u128 {
    let bytes = &bytes[..bytes.len().min(16)];
    let step = |raw: u128, &b: &u8| raw << 8 | u128::from(b);
    match endian {
        Endian::Big => bytes.iter().fold(0, step),
        Endian::Little => bytes.iter().rev().fold(0, step),
    }
}

/// `bytes` as a two's complement integer in byte order `endian`.
fn read_signed(bytes: &[u8], endian: Endian) -> i128 {
    let raw = read_unsigned(bytes, endian);
    let unused = 128 - 8 * bytes.len().clamp(1, 16) as u32;
    ((raw << unused) as i128) >> unused
}

/// The value of one element of type `ty` held in `bytes`.
fn write_value(out: &mut dyn Write, ty: ValueType, bytes: &[u8], endian: Endian) -> fmt::Result {
    match ty {
        ValueType::Unsigned => write!(out, "{}", read_unsigned(bytes, endian)),
        ValueType::Signed => write!(out, "{}", read_signed(bytes, endian)),
        ValueType::Float => match bytes.len() {
            4 => write!(
                out,
                "{:?}",
                f32::from_bits(read_unsigned(bytes, endian) as u32)
            ),
            8 => write!(
                out,
                "{:?}",
                f64::from_bits(read_unsigned(bytes, endian) as u64)
            ),
            _ => Ok(()),
        },
        ValueType::Enum(EnumType { signed: true, .. }) => {
            write_integer(out, ty, read_signed(bytes, endian))
        }
        _ => write_integer(out, ty, read_unsigned(bytes, endian) as i128),
    }
}

/// An integer, bool or enum value from its number.
fn write_integer(out: &mut dyn Write, ty: ValueType, raw: i128) -> fmt::Result {
    match ty {
        ValueType::Bool => match raw {
            0 => out.write_str("false"),
            1 => out.write_str("true"),
            _ => write!(out, "{raw} (not a valid bool)"),
        },
        ValueType::Enum(e) => match (e.variant(raw), e.other) {
            (Some(name), _) => out.write_str(name),
            (None, Some(other)) => write!(out, "{other}({raw})"),
            (None, None) => write!(out, "{raw} (not a valid {})", e.name),
        },
        _ => write!(out, "{raw}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_types() {
        assert_eq!(element_type("[Point; 2]"), "Point");
        assert_eq!(element_type("[[Point; 2]; 3]"), "Point");
        assert_eq!(element_type("Point"), "Point");
    }

    #[test]
    fn integers_of_any_width() {
        assert_eq!(read_unsigned(&[1, 2], Endian::Big), 0x0102);
        assert_eq!(read_unsigned(&[1, 2], Endian::Little), 0x0201);
        assert_eq!(read_signed(&[0xff, 0xfe], Endian::Big), -2);
        assert_eq!(
            read_signed(&[0x80; 16], Endian::Big),
            i128::from_be_bytes([0x80; 16])
        );
        assert_eq!(read_signed(&[0x7f], Endian::Big), 127);
    }
}
