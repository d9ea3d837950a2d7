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
    #[error("{type_name}: need {needed} bytes at offset {offset}, buffer has {available}")]
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
        "{type_name}: expected exactly {expected} bytes, buffer has {found} \
         (use view_prefix or view_at to read a record at the start of a longer buffer)"
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
        "{type_name}: a buffer of {found} bytes is not a whole number of {record_size}-byte records \
         ({remainder} bytes left over)"
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
        "{type_name}: a stride of {stride} bytes is smaller than the {record_size}-byte record"
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
                "length `{expression}` is {n} bytes, but only {} are left",
                self.available
            ),
        }
    }
}
