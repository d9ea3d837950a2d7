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
/// use overlay_core::Struct;
///
/// let error = Struct::new(">HB?Q3h2xfZ").unwrap_err().struct_error().unwrap();
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
    /// `pack` was asked for a record larger than [`Struct::PACK_LIMIT`](crate::Struct) bytes;
    /// `pack_into` a buffer of your own allocates nothing and has no limit.
    TooLargeToPack {
        /// The format's size.
        size: usize,
    },
    /// A finite float too large for `f` or `e` (Python raises `OverflowError`).
    FloatTooLarge {
        /// The format code.
        code: char,
    },
    /// [`Struct::column`](crate::Struct::column) asked for a value the format does not have.
    ColumnIndex {
        /// The value asked for.
        index: usize,
        /// How many values a record has.
        values: usize,
    },
    /// [`Struct::column`](crate::Struct::column) asked for a value as a type that does not
    /// read it: another width, signedness or kind, or a code with no such type (`s`, `p`, `e`,
    /// `?`).
    ColumnType {
        /// The value asked for.
        index: usize,
        /// Its format code.
        code: char,
        /// The type asked for (`"u64"`, `"f32"`, ...).
        wanted: &'static str,
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
    /// use overlay_core::Struct;
    ///
    /// let position = |format| Struct::new(format).err()?.struct_error()?.position();
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
            StructError::TooLargeToPack { size } => write!(
                f,
                "pack would allocate {size} bytes, more than its limit of {PACK_LIMIT} (pack_into \
                 a buffer of your own allocates nothing)"
            ),
            StructError::FloatTooLarge { code } => {
                write!(f, "float too large to pack with {code} format")
            }
            StructError::ColumnIndex { index, values } => write!(
                f,
                "column {index} out of range: a record has {values} values"
            ),
            StructError::ColumnType {
                index,
                code,
                wanted,
            } => write!(
                f,
                "column {index} is '{code}', which does not read as {wanted}"
            ),
        }
    }
}

/// The names [`StructError::NamedRange`] can carry, so that it packs into numbers.
const RANGE_NAMES: [&str; 4] = ["byte", "ubyte", "short", "ushort"];

/// The types [`StructError::ColumnType`] can name, so that it packs into numbers.
pub(crate) const COLUMN_TYPES: [&str; 10] = [
    "u8", "i8", "u16", "i16", "u32", "i32", "u64", "i64", "f32", "f64",
];

/// How many variants [`StructError::encode`] numbers.
pub(crate) const STRUCT_ERROR_VARIANTS: usize = 23;

/// The largest record [`Struct::pack`](crate::Struct) allocates: 1 GiB.
pub(crate) const PACK_LIMIT: usize = 1 << 30;

impl StructError {
    /// The error as a variant number and three numbers, which is how [`Error`](crate::Error)
    /// keeps it; [`decode`](Self::decode) gives it back.
    pub(crate) fn encode(self) -> (u8, [u64; 3]) {
        let n = |v: usize| v as u64;
        match self {
            StructError::BadChar { position } => (0, [n(position), 0, 0]),
            StructError::EmbeddedNull { position } => (1, [n(position), 0, 0]),
            StructError::RepeatWithoutCode { position } => (2, [n(position), 0, 0]),
            StructError::TooLong { position } => (3, [n(position), 0, 0]),
            StructError::UnpackSize { size } => (4, [n(size), 0, 0]),
            StructError::UnpackFromSize { size, offset, len } => (5, [n(size), n(offset), n(len)]),
            StructError::PackIntoSize { size, offset, len } => (6, [n(size), n(offset), n(len)]),
            StructError::IterZeroSize => (7, [0; 3]),
            StructError::IterMultiple { size } => (8, [n(size), 0, 0]),
            StructError::ValueCount {
                pack_into,
                expected,
                got,
            } => (9, [n(expected), n(got), u64::from(pack_into)]),
            StructError::NotAnInteger => (10, [0; 3]),
            StructError::NotAFloat => (11, [0; 3]),
            StructError::NotBytes { code } => (12, [u64::from(code), 0, 0]),
            StructError::NotAChar => (13, [0; 3]),
            StructError::ArgumentOutOfRange => (14, [0; 3]),
            StructError::IntTooLarge => (15, [0; 3]),
            StructError::NamedRange { name, min, max } => {
                let index = RANGE_NAMES.iter().position(|&known| known == name);
                let index = index.unwrap_or(RANGE_NAMES.len());
                (16, [n(index), min as i64 as u64, max as i64 as u64])
            }
            StructError::CodeRange { code, min, max } => (17, [u64::from(code), min as u64, max]),
            StructError::OutOfMemory { size } => (18, [n(size), 0, 0]),
            StructError::FloatTooLarge { code } => (19, [u64::from(code), 0, 0]),
            StructError::TooLargeToPack { size } => (20, [n(size), 0, 0]),
            StructError::ColumnIndex { index, values } => (21, [n(index), n(values), 0]),
            StructError::ColumnType {
                index,
                code,
                wanted,
            } => {
                let name = COLUMN_TYPES.iter().position(|&known| known == wanted);
                let name = name.unwrap_or(COLUMN_TYPES.len());
                (22, [n(index), u64::from(code), n(name)])
            }
        }
    }

    /// The error [`encode`](Self::encode) gave these numbers for.
    pub(crate) fn decode(variant: u8, [a, b, c]: [u64; 3]) -> StructError {
        let n = |v: u64| v as usize;
        let code = |v: u64| {
            u32::try_from(v)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('?')
        };
        match variant {
            0 => StructError::BadChar { position: n(a) },
            1 => StructError::EmbeddedNull { position: n(a) },
            2 => StructError::RepeatWithoutCode { position: n(a) },
            3 => StructError::TooLong { position: n(a) },
            4 => StructError::UnpackSize { size: n(a) },
            5 => StructError::UnpackFromSize {
                size: n(a),
                offset: n(b),
                len: n(c),
            },
            6 => StructError::PackIntoSize {
                size: n(a),
                offset: n(b),
                len: n(c),
            },
            7 => StructError::IterZeroSize,
            8 => StructError::IterMultiple { size: n(a) },
            9 => StructError::ValueCount {
                pack_into: c != 0,
                expected: n(a),
                got: n(b),
            },
            10 => StructError::NotAnInteger,
            11 => StructError::NotAFloat,
            12 => StructError::NotBytes { code: code(a) },
            13 => StructError::NotAChar,
            14 => StructError::ArgumentOutOfRange,
            15 => StructError::IntTooLarge,
            16 => StructError::NamedRange {
                name: RANGE_NAMES.get(n(a)).copied().unwrap_or("int"),
                min: b as i64 as i32,
                max: c as i64 as i32,
            },
            17 => StructError::CodeRange {
                code: code(a),
                min: b as i64,
                max: c,
            },
            18 => StructError::OutOfMemory { size: n(a) },
            20 => StructError::TooLargeToPack { size: n(a) },
            21 => StructError::ColumnIndex {
                index: n(a),
                values: n(b),
            },
            22 => StructError::ColumnType {
                index: n(a),
                code: code(b),
                wanted: COLUMN_TYPES.get(n(c)).copied().unwrap_or("that type"),
            },
            _ => StructError::FloatTooLarge { code: code(a) },
        }
    }
}
