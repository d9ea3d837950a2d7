//! The error type: every failure names the type, the field path, the offset and the sizes.

use core::fmt;

/// How many path segments an [`Error`] keeps; deeper paths are shortened with `...`.
const MAX_DEPTH: usize = 6;

/// One step of a [`FieldPath`]: a named field or an array index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// A struct field, by name.
    Field(&'static str),
    /// An element of an array field.
    Index(usize),
}

/// Where in a record a value was found: the outermost type name and the fields below it,
/// printed as `Header.origin.x` or `Header.samples[2]`.
///
/// Kept inline (no allocation) so errors work without `alloc`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    root: &'static str,
    segments: [Segment; MAX_DEPTH],
    len: u8,
    truncated: bool,
}

impl FieldPath {
    /// A path naming just a type.
    pub const fn new(root: &'static str) -> Self {
        FieldPath {
            root,
            segments: [Segment::Index(0); MAX_DEPTH],
            len: 0,
            truncated: false,
        }
    }

    /// The outermost type name.
    pub const fn root(&self) -> &'static str {
        self.root
    }

    /// The segments below the root, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.segments[..usize::from(self.len)]
    }

    /// Appends a field step (for errors built where the field is known).
    pub(crate) fn push_field(&mut self, field: &'static str) {
        self.prepend(self.root, Segment::Field(field));
    }

    /// The path of the same place seen from one level up: `step` is prepended and `root`
    /// becomes the new outermost type.
    fn prepend(&mut self, root: &'static str, step: Segment) {
        let len = usize::from(self.len);
        if len == MAX_DEPTH {
            // Keep the outermost steps, which say where to look first; drop the deepest.
            self.truncated = true;
            self.segments.copy_within(0..MAX_DEPTH - 1, 1);
        } else {
            self.segments.copy_within(0..len, 1);
            self.len += 1;
        }
        self.segments[0] = step;
        self.root = root;
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.root)?;
        for segment in self.segments() {
            match segment {
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        if self.truncated {
            f.write_str("...")?;
        }
        Ok(())
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

/// Everything that can go wrong when viewing, unpacking or packing a record.
///
/// Each variant carries what a person needs to find and fix the problem in the input:
/// the type (or field path), the byte offset into the buffer the caller passed, and the
/// sizes or value involved. No input, however malformed, makes `overlay` panic; it returns
/// one of these.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The buffer ends before the record does.
    #[error("{type_name}: need {} at offset {offset}, buffer has {available}", Bytes(*needed))]
    TooShort {
        /// The record type.
        type_name: &'static str,
        /// Where the record starts in the buffer.
        offset: usize,
        /// The record's size in bytes.
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
        /// `found % record_size`.
        remainder: usize,
    },
    /// An enum field holds a value that is none of the enum's discriminants.
    #[error("{path} at offset {offset}: {value} is not a valid {enum_name}")]
    InvalidEnum {
        /// The field, from the outermost record: `Header.kind`.
        path: FieldPath,
        /// Where the field starts in the buffer.
        offset: usize,
        /// The enum type.
        enum_name: &'static str,
        /// The value found, widened.
        value: i128,
    },
    /// A `bool` field holds a byte other than 0 or 1.
    #[error("{path} at offset {offset}: {value} is not a valid bool (expected 0 or 1)")]
    InvalidBool {
        /// The field, from the outermost record: `Header.urgent`.
        path: FieldPath,
        /// Where the field starts in the buffer.
        offset: usize,
        /// The byte found.
        value: u8,
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
    /// A variable-length field whose declared length is negative, overflows, or does not fit
    /// the bytes left.
    #[error("{path} at offset {offset}: {}", LengthProblem { expression, needed: *needed, available: *available })]
    VarLength {
        /// The field: `Ipv4.options`.
        path: FieldPath,
        /// Where the field starts in the buffer.
        offset: usize,
        /// The length as declared: `ihl * 4 - 20`.
        expression: &'static str,
        /// The bytes the length asks for; `None` if computing it overflowed.
        needed: Option<i128>,
        /// The bytes left in the buffer from `offset`.
        available: usize,
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
    Struct(crate::structfmt::StructError),
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
    /// A grid whose origin, shape and strides reach outside the buffer, or that holds more
    /// bytes than an address space.
    #[error("{}", GridReach { type_name, origin: *origin, shape: *shape, strides: *strides, record_size: *record_size, available: *available })]
    GridBounds {
        /// The element type.
        type_name: &'static str,
        /// Where element `[0, 0]` starts.
        origin: usize,
        /// Rows and columns.
        shape: [usize; 2],
        /// Bytes from one row to the next and from one column to the next.
        strides: [isize; 2],
        /// The size of one element in bytes.
        record_size: usize,
        /// The buffer's length in bytes.
        available: usize,
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
        "GridMut<{type_name}> of shape {shape:?} with strides {strides:?}: elements {first:?} and \
         {second:?} share bytes, and a writable grid needs every element in bytes of its own"
    )]
    GridOverlap {
        /// The element type.
        type_name: &'static str,
        /// Rows and columns.
        shape: [usize; 2],
        /// Bytes from one row to the next and from one column to the next.
        strides: [isize; 2],
        /// Two elements, as `[row, column]`, that overlap.
        first: [usize; 2],
        /// The other element.
        second: [usize; 2],
    },
    /// Writable rows asked of a grid whose rows interleave in memory (a column-major array), so
    /// that no row can be given its own bytes.
    #[error(
        "GridMut<{type_name}> of shape {shape:?} with strides {strides:?}: its rows interleave \
         in memory, so they cannot be borrowed one by one (transpose the grid first, or use \
         get_mut or row_mut)"
    )]
    RowsInterleave {
        /// The element type.
        type_name: &'static str,
        /// Rows and columns.
        shape: [usize; 2],
        /// Bytes from one row to the next and from one column to the next.
        strides: [isize; 2],
    },
    /// Copying between grids of different shapes.
    #[error("GridMut<{type_name}>: cannot copy a grid of shape {found:?} into one of shape {expected:?}")]
    ShapeMismatch {
        /// The element type.
        type_name: &'static str,
        /// The destination's shape.
        expected: [usize; 2],
        /// The source's shape.
        found: [usize; 2],
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

impl Error {
    #[doc(hidden)]
    #[cold]
    pub fn var_length(
        root: &'static str,
        field: &'static str,
        offset: usize,
        expression: &'static str,
        needed: Option<i128>,
        available: usize,
    ) -> Self {
        let mut path = FieldPath::new(root);
        path.push_field(field);
        Error::VarLength {
            path,
            offset,
            expression,
            needed,
            available,
        }
    }

    /// The offset this error reports, if it reports one.
    pub fn offset(&self) -> Option<usize> {
        match *self {
            Error::TooShort { offset, .. }
            | Error::InvalidEnum { offset, .. }
            | Error::InvalidBool { offset, .. }
            | Error::VarLength { offset, .. } => Some(offset),
            _ => None,
        }
    }

    /// The field path this error reports, if it concerns one field.
    pub fn path(&self) -> Option<&FieldPath> {
        match self {
            Error::InvalidEnum { path, .. }
            | Error::InvalidBool { path, .. }
            | Error::BitFieldOverflow { path, .. }
            | Error::VarLength { path, .. } => Some(path),
            _ => None,
        }
    }

    /// The same error with its offset moved `by` bytes further: for a record viewed in a
    /// sub-slice that starts `by` bytes into a larger buffer (a packet inside a capture file),
    /// this makes the offset count from the start of the larger buffer.
    #[cold]
    pub fn offset_by(mut self, by: usize) -> Self {
        match &mut self {
            Error::TooShort { offset, .. }
            | Error::InvalidEnum { offset, .. }
            | Error::InvalidBool { offset, .. }
            | Error::VarLength { offset, .. } => *offset = offset.saturating_add(by),
            _ => {}
        }
        self
    }

    /// The same error seen from the record `root` whose field `field` (at `field_offset`)
    /// holds the value that failed.
    #[doc(hidden)]
    #[cold]
    pub fn in_field(self, root: &'static str, field: &'static str, field_offset: usize) -> Self {
        self.with_step(Some(root), Segment::Field(field))
            .offset_by(field_offset)
    }

    /// The same error seen from the array whose element `index` (at `element_offset`)
    /// holds the value that failed.
    #[doc(hidden)]
    #[cold]
    pub fn at_index(self, index: usize, element_offset: usize) -> Self {
        self.with_step(None, Segment::Index(index))
            .offset_by(element_offset)
    }

    fn with_step(mut self, root: Option<&'static str>, step: Segment) -> Self {
        if let Error::InvalidEnum { path, .. }
        | Error::InvalidBool { path, .. }
        | Error::BitFieldOverflow { path, .. } = &mut self
        {
            let root = root.unwrap_or(path.root);
            path.prepend(root, step);
        }
        self
    }
}

/// The end of a [`Error::VarLength`] message.
struct LengthProblem<'a> {
    expression: &'a str,
    needed: Option<i128>,
    available: usize,
}

impl fmt::Display for LengthProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let expression = self.expression;
        match self.needed {
            None => write!(
                f,
                "length `{expression}` cannot be computed (it overflows or divides by zero)"
            ),
            Some(n) if n < 0 => write!(f, "length `{expression}` is negative ({n})"),
            Some(n) => write!(
                f,
                "length `{expression}` is {}, but only {} left",
                Bytes(n as u128),
                Left(self.available)
            ),
        }
    }
}

/// The table or grid axis an [`Error::BadRequest`] concerns.
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

/// What was asked of a table or grid axis, in an [`Error::BadRequest`].
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

/// The message of an [`Error::BadRequest`].
struct RequestProblem<'a> {
    type_name: &'a str,
    axis: TableAxis,
    request: TableRequest,
    len: usize,
}

impl fmt::Display for RequestProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (type_name, len) = (self.type_name, self.len);
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let noun = match self.axis {
            TableAxis::Records => {
                write!(f, "Records<{type_name}> of {len} record{}: ", plural(len))?;
                "record"
            }
            TableAxis::Rows => {
                write!(f, "Grid<{type_name}> with {len} row{}: ", plural(len))?;
                "row"
            }
            TableAxis::Columns => {
                write!(f, "Grid<{type_name}> with {len} column{}: ", plural(len))?;
                "column"
            }
        };
        let nouns = plural(len);
        match self.request {
            TableRequest::Range { start, end } if start > end => {
                write!(f, "range {start}..{end} ends before it starts")
            }
            TableRequest::Range { start, end } => {
                write!(
                    f,
                    "range {start}..{end} is past the end of the {len} {noun}{nouns}"
                )
            }
            TableRequest::StepBy(n) => {
                write!(f, "a step of {n} is not allowed (it must be at least 1)")
            }
            TableRequest::SplitAt(mid) => {
                write!(
                    f,
                    "cannot split at {mid}, past the end of the {len} {noun}{nouns}"
                )
            }
            TableRequest::Chunks(size) => write!(
                f,
                "chunks of {size} {noun}s are not allowed (a chunk must hold at least 1)"
            ),
        }
    }
}

/// The message of an [`Error::GridBounds`]: where the grid's elements reach.
struct GridReach<'a> {
    type_name: &'a str,
    origin: usize,
    shape: [usize; 2],
    strides: [isize; 2],
    record_size: usize,
    available: usize,
}

impl fmt::Display for GridReach<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self {
            type_name,
            origin,
            shape,
            strides,
            record_size,
            available,
        } = *self;
        write!(
            f,
            "Grid<{type_name}> of shape {shape:?} with strides {strides:?} from offset {origin} "
        )?;
        match crate::grid_layout::extent(origin, shape, strides, record_size) {
            crate::grid_layout::Extent::TooMany => {
                f.write_str("holds more bytes than an address space can")
            }
            crate::grid_layout::Extent::Empty => {
                write!(f, "starts past the end of a buffer of {available} bytes")
            }
            crate::grid_layout::Extent::Bytes { low, high } => write!(
                f,
                "needs bytes {low}..{high}, but the buffer has bytes 0..{available}"
            ),
        }
    }
}

/// The end of an [`Error::GridLength`] message.
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
                "needs exactly {needed} bytes, buffer has {found} (use Grid::with_strides for \
                 rows with padding or a buffer with more bytes)"
            ),
            None => write!(
                f,
                "holds more bytes than an address space can (buffer has {found})"
            ),
        }
    }
}

/// A byte count, as "1 byte" or "N bytes".
struct Bytes<N>(N);

impl<N: fmt::Display + PartialEq + From<u8>> fmt::Display for Bytes<N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if self.0 == N::from(1) {
            "byte"
        } else {
            "bytes"
        };
        write!(f, "{} {unit}", self.0)
    }
}

/// How many bytes are left, as "1 is" or "N are".
struct Left(usize);

impl fmt::Display for Left {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.0 == 1 { "is" } else { "are" };
        write!(f, "{} {verb}", self.0)
    }
}
