//! What an [`Error`](crate::Error) says, as a value to match on, and the words it says it in.

use core::fmt;

use crate::endian::Endian;
use crate::field_info::Magic;
use crate::field_path::FieldPath;
use crate::varint::VarintProblem;

/// What went wrong, with every number the message prints: what [`Error::kind`](crate::Error::kind)
/// returns.
///
/// [`Error`](crate::Error) itself is four words, so that functions returning
/// `Result<_, overlay::Error>` stay cheap; this is the same error unpacked for matching, built on
/// demand. Its `Display` is the error's message.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// The buffer ends before the record does.
    #[error("{type_name}: need {} at offset {offset}, buffer has {available}", Bytes(*needed))]
    TooShort {
        /// The record type.
        type_name: &'static str,
        /// Where the record starts in the buffer.
        offset: usize,
        /// The record's size in bytes (a variable-length record's fixed fields).
        needed: usize,
        /// The whole buffer's length in bytes.
        available: usize,
    },
    /// An exact-length call (`view`, `unpack`) got a buffer of another length.
    #[error(
        "{type_name}: expected exactly {}, buffer has {found} \
         (use view_prefix or view_at to read a record at the start of a longer buffer)",
        Bytes(*expected)
    )]
    WrongLength {
        /// The record type.
        type_name: &'static str,
        /// The record's size in bytes.
        expected: usize,
        /// The buffer's length in bytes.
        found: usize,
    },
    /// A buffer that should hold whole records has bytes left over.
    #[error(
        "{type_name}: a buffer of {} is not a whole number of {record_size}-byte records \
         ({} left over)",
        Bytes(*found),
        Bytes(*remainder)
    )]
    NotMultiple {
        /// The record type.
        type_name: &'static str,
        /// The size of one record in bytes.
        record_size: usize,
        /// The buffer's length in bytes.
        found: usize,
        /// `found % record_size` (all of `found` for zero-byte records).
        remainder: usize,
    },
    /// An enum field holds a value that is none of the enum's discriminants.
    #[error("{path} at offset {offset}{}: {value} is not a valid {enum_name}", InBits(*bits))]
    InvalidEnum {
        /// The field, from the outermost record: `Header.kind`, `Msg.items[1].kind`.
        path: FieldPath,
        /// Where the field starts in the buffer; for a bit field, the byte that holds its
        /// first bits.
        offset: usize,
        /// The enum type.
        enum_name: &'static str,
        /// The value found.
        value: i128,
        /// For a bit field, where its bits are.
        bits: Option<BitRange>,
    },
    /// A `bool` field holds a byte other than 0 or 1.
    #[error(
        "{path} at offset {offset}{}: {value} is not a valid bool (expected 0 or 1)",
        InBits(*bits)
    )]
    InvalidBool {
        /// The field, from the outermost record: `Header.urgent`.
        path: FieldPath,
        /// Where the field starts in the buffer; for a bit field, the byte that holds its
        /// first bits.
        offset: usize,
        /// The byte found (the bits, for a bit field).
        value: u8,
        /// For a bit field, where its bits are.
        bits: Option<BitRange>,
    },
    /// A value too wide for its bit field; nothing was written.
    #[error("{path}: {value} does not fit in {bits} bits")]
    BitFieldOverflow {
        /// The field, from the record: `Ipv4Header.ihl`.
        path: FieldPath,
        /// The value given.
        value: i128,
        /// The field's width.
        bits: u32,
    },
    /// A field declared with `#[overlay(magic = ..)]` does not hold its constant.
    #[error("{path} at offset {offset}: {}", MagicProblem { expected: *expected, found: *found })]
    BadMagic {
        /// The field, from the outermost record: `Elf.ident.magic`.
        path: FieldPath,
        /// Where the field starts in the buffer.
        offset: usize,
        /// The constant declared (`None` only if the record's `FIELDS` were not derived).
        expected: Option<Magic>,
        /// What the field holds instead.
        found: MagicFound,
    },
    /// A record's assertion (`#[overlay(assert = "..")]`) does not hold.
    #[error("{path} at offset {offset}: {value} fails the assertion `{condition}`")]
    AssertFailed {
        /// The first field the assertion names, from the outermost record: `Frame.ip.ihl`.
        path: FieldPath,
        /// Where that field starts in the buffer (for a bit field, its group).
        offset: usize,
        /// The assertion as written: `ihl >= 5`.
        condition: &'static str,
        /// That field's value.
        value: i128,
    },
    /// A variable-length field whose declared length is negative, overflows, or does not fit
    /// the bytes left.
    #[error(
        "{record}.{field} at offset {offset}: {}",
        LengthProblem { expression, needed: *needed, available: *available, record_size: *record_size }
    )]
    VarLength {
        /// The record type: `Ipv4`.
        record: &'static str,
        /// The field: `options`.
        field: &'static str,
        /// Where the field starts in the buffer.
        offset: usize,
        /// The length as declared: `ihl * 4 - 20`.
        expression: &'static str,
        /// The length: bytes, or records if `record_size` is given; `None` if computing it
        /// overflowed.
        needed: Option<i128>,
        /// The bytes left in the buffer from `offset`.
        available: usize,
        /// For a length that counts records (`count = ...`), the size of one record.
        record_size: Option<usize>,
    },
    /// A variable-length field of records (`VarRecords<T>` sized in bytes or by the rest of the
    /// buffer) whose bytes are not a whole number of records.
    #[error(
        "{record}.{field} at offset {offset}: a field of {} is not a whole number of \
         {record_size}-byte {item} records ({} left over)",
        Bytes(*found),
        Bytes(*remainder)
    )]
    TailNotMultiple {
        /// The record type: `Msg`.
        record: &'static str,
        /// The field: `items`.
        field: &'static str,
        /// Where the field starts in the buffer.
        offset: usize,
        /// The type of its records.
        item: &'static str,
        /// The size of one of its records in bytes.
        record_size: usize,
        /// The field's length in bytes.
        found: usize,
        /// `found % record_size` (all of `found` for zero-byte records).
        remainder: usize,
    },
    /// A tagged payload whose tag no variant of its payload enum names, in an enum without a
    /// catch-all (`#[overlay(other)]`) variant.
    #[error(
        "{record}.{field} at offset {offset}: {payload} has no variant for {tag_field} = {}",
        TagValue(*tag)
    )]
    UnknownTag {
        /// The record type: `Frame`.
        record: &'static str,
        /// The payload field: `payload`.
        field: &'static str,
        /// Where the payload starts in the buffer.
        offset: usize,
        /// The payload enum: `EtherPayload`.
        payload: &'static str,
        /// The field whose value chose no variant: `ether_type`.
        tag_field: &'static str,
        /// Its value.
        tag: i128,
    },
    /// A self-delimiting integer (LEB128, SQLite varint) whose bytes cannot be read.
    #[error("{record}.{field} at offset {offset}: cannot read the {encoding}: {problem}")]
    BadVarint {
        /// The record type: `Section`.
        record: &'static str,
        /// The field: `size`.
        field: &'static str,
        /// Where the integer starts in the buffer.
        offset: usize,
        /// The encoding: `unsigned LEB128`.
        encoding: &'static str,
        /// What is wrong.
        problem: VarintProblem,
        /// The bytes left in the buffer from `offset`.
        available: usize,
    },
    /// A value set on a self-delimiting integer through a writable view that needs more bytes
    /// than the integer has: writing it would move the fields after it.
    #[error(
        "{record}.{field}: {value} needs {} as {encoding}, but the field has {}; writing it \
         would move the fields after it",
        Bytes(*needed),
        Bytes(*width)
    )]
    VarintWidth {
        /// The record type.
        record: &'static str,
        /// The field.
        field: &'static str,
        /// The encoding: `unsigned LEB128`.
        encoding: &'static str,
        /// The value that was refused.
        value: i128,
        /// The bytes its shortest encoding takes.
        needed: usize,
        /// The bytes the field has.
        width: usize,
    },
    /// A record table whose stride is smaller than its records.
    #[error(
        "{type_name}: a stride of {} is smaller than the {record_size}-byte record",
        Bytes(*stride)
    )]
    StrideTooSmall {
        /// The record type.
        type_name: &'static str,
        /// The stride asked for.
        stride: usize,
        /// The size of one record in bytes.
        record_size: usize,
    },
    /// A Python `struct` format, buffer or value problem, worded as CPython words it.
    #[error("{0}")]
    Struct(crate::pystruct::StructError),
    /// A slice range, step, split point or chunk size that does not fit a record table or a
    /// grid axis.
    #[error("{}", RequestProblem { type_name, axis: *axis, request: *request, len: *len })]
    BadRequest {
        /// The element type.
        type_name: &'static str,
        /// The table or grid axis the request was made of.
        axis: TableAxis,
        /// What was asked.
        request: TableRequest,
        /// The number of elements along that axis.
        len: usize,
    },
    /// A grid whose elements reach outside the buffer.
    #[error("{}", GridReach { type_name, low: *low, high: *high, available: *available })]
    GridBounds {
        /// The element type.
        type_name: &'static str,
        /// Where the lowest element starts (negative: before the buffer); for a grid of no
        /// elements, its origin.
        low: i64,
        /// Where the highest element ends (exclusive); `low` for a grid of no elements.
        high: u64,
        /// The buffer's length in bytes.
        available: usize,
    },
    /// A grid that holds more bytes, or reaches further, than an address space.
    #[error("Grid<{type_name}> of shape {shape:?} holds or reaches more bytes than an address space can")]
    GridTooLarge {
        /// The element type.
        type_name: &'static str,
        /// Rows and columns.
        shape: [usize; 2],
    },
    /// A dense grid whose shape does not match its buffer's length.
    #[error("Grid<{type_name}> of shape {shape:?} {}", DenseProblem { needed: *needed, found: *found })]
    GridLength {
        /// The element type.
        type_name: &'static str,
        /// Rows and columns.
        shape: [usize; 2],
        /// `rows * cols * size`, or `None` when that overflows.
        needed: Option<usize>,
        /// The buffer's length in bytes.
        found: usize,
    },
    /// A writable grid whose strides would make two elements share bytes.
    #[error(
        "GridMut<{type_name}>: elements {first:?} and {second:?} share bytes, and a writable \
         grid needs every element in bytes of its own"
    )]
    GridOverlap {
        /// The element type.
        type_name: &'static str,
        /// Two elements, as `[row, column]`, that overlap.
        first: [usize; 2],
        /// The other element.
        second: [usize; 2],
    },
    /// Writable rows asked of a grid whose rows interleave in memory (a column-major array), so
    /// that no row can be given its own bytes.
    #[error(
        "GridMut<{type_name}> with strides {strides:?}: its rows interleave in memory, so they \
         cannot be borrowed one by one (transpose the grid first, or use get_mut or row_mut)"
    )]
    RowsInterleave {
        /// The element type.
        type_name: &'static str,
        /// Bytes from one row to the next and from one column to the next.
        strides: [isize; 2],
    },
    /// Copying between grids of different shapes.
    #[error("{}", ShapeProblem { type_name, axis: *axis, expected: *expected, found: *found })]
    ShapeMismatch {
        /// The element type.
        type_name: &'static str,
        /// The first axis whose lengths differ.
        axis: TableAxis,
        /// The destination's length along `axis`.
        expected: usize,
        /// The source's length along `axis`.
        found: usize,
    },
    /// `copy_to` given a buffer whose length is not the elements' total size.
    #[error("{type_name}: copy_to needs a buffer of exactly {}, got {found}", Bytes(*needed))]
    CopyLength {
        /// The element type.
        type_name: &'static str,
        /// The number of elements times their size.
        needed: usize,
        /// The buffer's length in bytes.
        found: usize,
    },
    /// A grid that cannot be handed to `ndarray` without copying (feature `ndarray`).
    #[error("Grid<{type_name}> cannot be viewed as an ndarray array without copying: {reason}")]
    NotNdarray {
        /// The element type.
        type_name: &'static str,
        /// Which condition fails: byte order, alignment or strides.
        reason: &'static str,
    },
    /// An element index past the end of an array or record table.
    #[error("{type_name}: index {index} is out of range for length {len}")]
    IndexOutOfRange {
        /// The element type.
        type_name: &'static str,
        /// The index asked for.
        index: usize,
        /// The number of elements.
        len: usize,
    },
}

/// The table or grid axis an [`ErrorKind::BadRequest`] or [`ErrorKind::ShapeMismatch`]
/// concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableAxis {
    /// A one-dimensional record table ([`Records`](crate::Records) or
    /// [`RecordsMut`](crate::RecordsMut)).
    Records,
    /// The rows of a grid.
    Rows,
    /// The columns of a grid.
    Columns,
}

/// What was asked of a table or grid axis, in an [`ErrorKind::BadRequest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableRequest {
    /// `slice(start..end)`, with the range's bounds made exclusive (`usize::MAX` stands for a
    /// bound that has no exclusive form, such as `..=usize::MAX`).
    Range {
        /// The first element asked for.
        start: usize,
        /// One past the last element asked for.
        end: usize,
    },
    /// `step_by(n)` or a grid's `step`.
    StepBy(usize),
    /// `split_at(mid)`.
    SplitAt(usize),
    /// `chunks(size)`.
    Chunks(usize),
}

/// Where the bits of a bit field are: `width` bits at `shift` (from the least significant
/// bit) of the group of `size` bytes at offset `group`, read as one integer in `endian`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BitRange {
    /// Where the group starts in the buffer.
    pub group: usize,
    /// The group's size in bytes.
    pub size: usize,
    /// The byte order the group is read in.
    pub endian: Endian,
    /// The field's lowest bit, counted from the group's least significant bit.
    pub shift: u32,
    /// The field's width in bits.
    pub width: u32,
}

impl fmt::Display for BitRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (low, high) = (self.shift, self.shift + self.width);
        if self.size == 1 {
            return write!(f, "bits {low}..{high} of the byte at offset {}", self.group);
        }
        let endian = match self.endian {
            Endian::Big => "big-endian",
            Endian::Little => "little-endian",
        };
        write!(
            f,
            "bits {low}..{high} of the {}-byte {endian} group at offset {}",
            self.size, self.group
        )
    }
}

/// ` (bits ...)` after an offset, for a bit field.
struct InBits(Option<BitRange>);

impl fmt::Display for InBits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(bits) => write!(f, " ({bits})"),
            None => Ok(()),
        }
    }
}

/// A tag in an [`ErrorKind::UnknownTag`] message: `2201 (0x899)`, or just the number when it
/// is negative.
struct TagValue(i128);

impl fmt::Display for TagValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            tag if tag < 0 => write!(f, "{tag}"),
            tag => write!(f, "{tag} ({tag:#x})"),
        }
    }
}

/// The end of an [`ErrorKind::VarLength`] message.
struct LengthProblem<'a> {
    expression: &'a str,
    needed: Option<i128>,
    available: usize,
    record_size: Option<usize>,
}

impl fmt::Display for LengthProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let expression = self.expression;
        match (self.needed, self.record_size) {
            (None, _) => write!(
                f,
                "length `{expression}` cannot be computed (it overflows or divides by zero)"
            ),
            (Some(n), _) if n < 0 => write!(f, "length `{expression}` is negative ({n})"),
            (Some(n), None) => write!(
                f,
                "length `{expression}` is {}, but only {} left",
                Bytes(n as u128),
                Left(self.available, self.available)
            ),
            (Some(n), Some(size)) => write!(
                f,
                "length `{expression}` is {} of {size} bytes ({}), but only {} left",
                Count(n as u128, "record"),
                Bytes(n as u128 * size as u128),
                Left(self.available, Bytes(self.available))
            ),
        }
    }
}

/// The message of an [`ErrorKind::BadRequest`].
struct RequestProblem<'a> {
    type_name: &'a str,
    axis: TableAxis,
    request: TableRequest,
    len: usize,
}

impl fmt::Display for RequestProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (type_name, len) = (self.type_name, self.len);
        let noun = match self.axis {
            TableAxis::Records => {
                write!(f, "Records<{type_name}> of {}: ", Count(len, "record"))?;
                "record"
            }
            TableAxis::Rows => {
                write!(f, "Grid<{type_name}> with {}: ", Count(len, "row"))?;
                "row"
            }
            TableAxis::Columns => {
                write!(f, "Grid<{type_name}> with {}: ", Count(len, "column"))?;
                "column"
            }
        };
        match self.request {
            TableRequest::Range { start, end } if start > end => {
                write!(f, "range {start}..{end} ends before it starts")
            }
            TableRequest::Range { start, end } => {
                write!(
                    f,
                    "range {start}..{end} is past the end of the {}",
                    Count(len, noun)
                )
            }
            TableRequest::StepBy(n) => {
                write!(f, "a step of {n} is not allowed (it must be at least 1)")
            }
            TableRequest::SplitAt(mid) => {
                write!(
                    f,
                    "cannot split at {mid}, past the end of the {}",
                    Count(len, noun)
                )
            }
            TableRequest::Chunks(size) => write!(
                f,
                "chunks of {size} {noun}s are not allowed (a chunk must hold at least 1)"
            ),
        }
    }
}

/// The message of an [`ErrorKind::GridBounds`].
struct GridReach<'a> {
    type_name: &'a str,
    low: i64,
    high: u64,
    available: usize,
}

impl fmt::Display for GridReach<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self {
            type_name,
            low,
            high,
            available,
        } = *self;
        if i128::from(low) == i128::from(high) {
            write!(
                f,
                "Grid<{type_name}> of no elements starts at offset {low}, past the end of a \
                 buffer of {}",
                Bytes(available)
            )
        } else {
            write!(
                f,
                "Grid<{type_name}> needs bytes {low}..{high}, but the buffer has bytes \
                 0..{available}"
            )
        }
    }
}

/// The end of an [`ErrorKind::GridLength`] message.
struct DenseProblem {
    needed: Option<usize>,
    found: usize,
}

impl fmt::Display for DenseProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let found = self.found;
        match self.needed {
            Some(needed) => write!(
                f,
                "needs exactly {}, buffer has {found} (use Grid::with_strides for rows with \
                 padding or a buffer with more bytes)",
                Bytes(needed)
            ),
            None => write!(
                f,
                "holds more bytes than an address space can (buffer has {found})"
            ),
        }
    }
}

/// The message of an [`ErrorKind::ShapeMismatch`].
struct ShapeProblem<'a> {
    type_name: &'a str,
    axis: TableAxis,
    expected: usize,
    found: usize,
}

impl fmt::Display for ShapeProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = match self.axis {
            TableAxis::Columns => "column",
            TableAxis::Records | TableAxis::Rows => "row",
        };
        write!(
            f,
            "GridMut<{}>: cannot copy a grid of {} into one of {}",
            self.type_name,
            Count(self.found, noun),
            Count(self.expected, noun)
        )
    }
}

/// A count and its noun: "1 row", "3 rows".
struct Count<N>(N, &'static str);

impl<N: fmt::Display + PartialEq + From<u8>> fmt::Display for Count<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.0 == N::from(1) { "" } else { "s" };
        write!(f, "{} {}{plural}", self.0, self.1)
    }
}

/// A byte count, as "1 byte" or "N bytes".
pub(crate) struct Bytes<N>(pub(crate) N);

impl<N: fmt::Display + PartialEq + From<u8> + Copy> fmt::Display for Bytes<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Count(self.0, "byte").fmt(f)
    }
}

/// What is left, with the verb its count takes: "1 is", "3 are", "1 byte is".
struct Left<D>(usize, D);

impl<D: fmt::Display> fmt::Display for Left<D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.0 == 1 { "is" } else { "are" };
        write!(f, "{} {verb}", self.1)
    }
}

/// What a field with a magic constant held instead: see [`ErrorKind::BadMagic`].
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MagicFound {
    /// The value of an integer field.
    Integer(i128),
    /// The first byte of a byte array field that differs from the constant: its index in the
    /// field and its value.
    Byte {
        /// Index in the field.
        index: usize,
        /// The byte found there.
        value: u8,
    },
}

/// `expected magic b"\x7fELF", byte 1 is 0x00, not 0x45` or `expected magic 0xa1b2c3d4, found
/// 0x12345678`.
struct MagicProblem {
    expected: Option<Magic>,
    found: MagicFound,
}

impl fmt::Display for MagicProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.expected, self.found) {
            (Some(expected @ Magic::Bytes(bytes)), MagicFound::Byte { index, value }) => {
                write!(f, "expected magic {expected}, byte {index} is {value:#04x}")?;
                match bytes.get(index) {
                    Some(want) => write!(f, ", not {want:#04x}"),
                    None => Ok(()),
                }
            }
            (Some(expected), MagicFound::Integer(found)) => {
                write!(
                    f,
                    "expected magic {expected}, found {}",
                    Magic::Integer(found)
                )
            }
            (expected, found) => match expected {
                Some(expected) => write!(f, "expected magic {expected}, found {found:?}"),
                None => write!(f, "not the magic value: found {found:?}"),
            },
        }
    }
}
