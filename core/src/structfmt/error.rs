//! Errors of Python `struct` formats, worded exactly as CPython's `struct.error` (or, for the
//! two float overflows, `OverflowError`) words them.

use core::fmt;

/// What went wrong with a Python `struct` format, a buffer or a value; `Display` prints the
/// message CPython 3.11 gives for the same mistake.
///
/// Errors in the format itself also say where: [`position`](StructError::position) is the
/// index of the offending character, which CPython's message does not give.
///
/// At most 32 bytes and `Copy`: nothing in it is allocated.
///
/// ```
/// use overlay_core::{Error, Struct, StructError};
///
/// let Err(Error::Struct(error)) = Struct::new(">HB?Q3h2xfZ") else { panic!() };
/// assert_eq!(error.to_string(), "bad char in struct format");
/// assert_eq!(error.position(), Some(10));
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StructError {
    /// A character that is not a format code (here, or in this byte-order mode).
    BadChar {
        /// Where the character is (see [`position`](StructError::position)).
        position: usize,
    },
    /// The format contains a NUL character.
    EmbeddedNull {
        /// Where the first NUL is.
        position: usize,
    },
    /// The format ends with a number.
    RepeatWithoutCode {
        /// Where that number starts.
        position: usize,
    },
    /// The format's size does not fit in `isize`.
    TooLong {
        /// Where the item starts (its repeat count, else its code) whose count or alignment
        /// makes the size overflow.
        position: usize,
    },
    /// `unpack` got a buffer of another size.
    UnpackSize {
        /// The format's size.
        size: usize,
    },
    /// `unpack_from` got a buffer too short for the format at the offset.
    UnpackFromSize {
        /// The format's size.
        size: usize,
        /// The offset asked for.
        offset: usize,
        /// The buffer's length.
        len: usize,
    },
    /// `pack_into` got a buffer too short for the format at the offset.
    PackIntoSize {
        /// The format's size.
        size: usize,
        /// The offset asked for.
        offset: usize,
        /// The buffer's length.
        len: usize,
    },
    /// `iter_unpack` on a format of size 0.
    IterZeroSize,
    /// `iter_unpack` on a buffer that is not a whole number of records.
    IterMultiple {
        /// The format's size.
        size: usize,
    },
    /// `pack` or `pack_into` got the wrong number of values.
    ValueCount {
        /// Whether the call was `pack_into` (else `pack`).
        pack_into: bool,
        /// How many the format takes.
        expected: usize,
        /// How many were given.
        got: usize,
    },
    /// An integer code got a float or bytes.
    NotAnInteger,
    /// A float code got bytes.
    NotAFloat,
    /// `s` or `p` got something other than bytes.
    NotBytes {
        /// The format code.
        code: char,
    },
    /// `c` got something other than one byte.
    NotAChar,
    /// An integer outside what the conversion to a C integer accepts.
    ArgumentOutOfRange,
    /// An integer outside an 8-byte standard-size code's range, or too large for `e` (CPython
    /// words every overflow of an `int` argument this way).
    IntTooLarge,
    /// An integer outside a native `b`, `B`, `h` or `H` range: `byte format requires ...`.
    NamedRange {
        /// `"byte"`, `"ubyte"`, `"short"` or `"ushort"`.
        name: &'static str,
        /// The smallest accepted value.
        min: i32,
        /// The largest accepted value.
        max: i32,
    },
    /// An integer outside a code's range: `'h' format requires -32768 <= number <= 32767`.
    CodeRange {
        /// The format code.
        code: char,
        /// The smallest accepted value.
        min: i64,
        /// The largest accepted value.
        max: u64,
    },
    /// `pack` could not allocate the record (Python raises `MemoryError`).
    OutOfMemory {
        /// The format's size.
        size: usize,
    },
    /// A finite float too large for `f` or `e` (Python raises `OverflowError`).
    FloatTooLarge {
        /// The format code.
        code: char,
    },
}

impl StructError {
    /// For a mistake in the format string, the index of the offending character: the bad
    /// character, the first NUL, the start of a repeat count with no code after it, or the
    /// start of the item that makes the size too long. `None` for every other error.
    ///
    /// Counted in characters (`format.chars()`) from the start of the format, its byte-order
    /// prefix included; for an ASCII format that is also the byte index. Whitespace counts
    /// like any other character.
    ///
    /// ```
    /// use overlay_core::{Error, Struct};
    ///
    /// let position = |format| match Struct::new(format) {
    ///     Err(Error::Struct(error)) => error.position(),
    ///     _ => None,
    /// };
    /// assert_eq!(position("<4sZ"), Some(3)); // bad char in struct format
    /// assert_eq!(position("<h 12"), Some(3)); // repeat count given without format specifier
    /// assert_eq!(position("<h"), None);
    /// ```
    pub const fn position(&self) -> Option<usize> {
        match *self {
            StructError::BadChar { position }
            | StructError::EmbeddedNull { position }
            | StructError::RepeatWithoutCode { position }
            | StructError::TooLong { position } => Some(position),
            _ => None,
        }
    }
}

impl fmt::Display for StructError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            StructError::BadChar { .. } => f.write_str("bad char in struct format"),
            StructError::EmbeddedNull { .. } => f.write_str("embedded null character"),
            StructError::RepeatWithoutCode { .. } => {
                f.write_str("repeat count given without format specifier")
            }
            StructError::TooLong { .. } => f.write_str("total struct size too long"),
            StructError::UnpackSize { size } => {
                write!(f, "unpack requires a buffer of {size} bytes")
            }
            StructError::UnpackFromSize { size, offset, len } => write!(
                f,
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at \
                 offset {offset} (actual buffer size is {len})",
                size.saturating_add(offset)
            ),
            StructError::PackIntoSize { size, offset, len } => write!(
                f,
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at \
                 offset {offset} (actual buffer size is {len})",
                size.saturating_add(offset)
            ),
            StructError::IterZeroSize => {
                f.write_str("cannot iteratively unpack with a struct of length 0")
            }
            StructError::IterMultiple { size } => write!(
                f,
                "iterative unpacking requires a buffer of a multiple of {size} bytes"
            ),
            StructError::ValueCount {
                pack_into,
                expected,
                got,
            } => {
                let function = if pack_into { "pack_into" } else { "pack" };
                write!(
                    f,
                    "{function} expected {expected} items for packing (got {got})"
                )
            }
            StructError::NotAnInteger => f.write_str("required argument is not an integer"),
            StructError::NotAFloat => f.write_str("required argument is not a float"),
            StructError::NotBytes { code } => {
                write!(f, "argument for '{code}' must be a bytes object")
            }
            StructError::NotAChar => f.write_str("char format requires a bytes object of length 1"),
            StructError::ArgumentOutOfRange => f.write_str("argument out of range"),
            StructError::IntTooLarge => f.write_str("int too large to convert"),
            StructError::NamedRange { name, min, max } => {
                write!(f, "{name} format requires {min} <= number <= {max}")
            }
            StructError::CodeRange { code, min, max } => {
                write!(f, "'{code}' format requires {min} <= number <= {max}")
            }
            StructError::OutOfMemory { size } => {
                write!(f, "out of memory for a {size}-byte record")
            }
            StructError::FloatTooLarge { code } => {
                write!(f, "float too large to pack with {code} format")
            }
        }
    }
}
