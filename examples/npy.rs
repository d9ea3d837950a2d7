//! A NumPy `.npy` file read and edited in place: the header decoded, the array viewed as an
//! `overlay::Grid` of its element type where it lies in the memory-mapped file, sliced with
//! Python's `start:stop:step` syntax (negative steps too), transposed and flipped without
//! copying, summed, printed, and edited through a `GridMut`.
//!
//! ```text
//! cargo run --example npy -- [FILE] [--slice ROWS[,COLS]] [--transpose] [--flip-rows]
//!                            [--flip-cols] [--set ROW,COL,VALUE]... [--add VALUE] [-o OUTPUT]
//! ```
//!
//! With no FILE it reads `examples/data/sample.npy` (written by NumPy, see `make_npy.py`
//! beside it). Format versions 1.0, 2.0 and 3.0; the element types NumPy writes as `|i1 |u1`,
//! `<i2 <u2 <i4 <u4 <i8 <u8 <f4 <f8` and the same with `>` (big-endian); C or Fortran order;
//! 1-D arrays (viewed as one row) and 2-D arrays.
//!
//! - `--slice` selects like `a[ROWS, COLS]` in Python: each part is an index (`3`, `-1`) or a
//!   slice (`1:5`, `::2`, `::-1`, `-2:`); a 1-D array takes one part. Then `--transpose`,
//!   then `--flip-rows` and `--flip-cols`, all on the selected view: nothing is copied, the
//!   view only gets another origin, shape and (signed) strides.
//! - `--set ROW,COL,VALUE` (repeatable; negative indices count from the end) and `--add VALUE`
//!   edit the view's elements in the file, in command-line order. Every value is parsed and
//!   every integer sum checked for overflow before the first byte is written, so a failed
//!   edit leaves the file as it was. Edits write FILE in place, or a copy of it with
//!   `-o OUTPUT`; the shipped sample is only ever edited through `-o`.
//!
//! The report: the format version, dtype, order, shape, where the header and the data lie,
//! the sum of all elements (exact for integers; floats are added in f64), the view's shape
//! and strides in bytes, then the view's values, one row per line, separated by spaces.
//! Floats print as Rust's `{:?}`, the shortest text that parses back to the same value (and
//! that Python's `float()` reads).
//!
//! The header is a Python dict literal, parsed strictly by hand: exactly the keys `descr`,
//! `fortran_order` and `shape`, string, `True`/`False` and a tuple of one or two non-negative
//! integers; the data must be exactly `product(shape) * itemsize` bytes, as NumPy writes it.
//! Bad input (a wrong magic, an unknown version, a truncated file, a malformed dict, an
//! unsupported dtype such as `<c16` or object arrays, a shape that does not match the data)
//! is one line on standard error naming what is wrong and its offset, and exit status 1;
//! a bad command line is exit status 2.
//!
//! `tests/npy_numpy.rs` compares views, sums and edits with NumPy's on arrays NumPy wrote.

use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;

use overlay::{
    Endian, ErrorKind, Grid, GridMut, Overlay, RuntimeEndian, ScalarMut, VarBytes, VarOverlay,
};

#[path = "input.rs"]
mod input;

/// The first 8 bytes of every `.npy` file, the same in every version.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preamble {
    /// `\x93NUMPY`.
    pub magic: [u8; 6],
    /// The format version: 1, 2 or 3.
    pub major: u8,
    /// 0 in every version so far.
    pub minor: u8,
}

/// A version 1.0 file: the header's length fits in 16 bits.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct FileV1 {
    pub preamble: Preamble,
    /// The length of the header dict, padding and newline included.
    pub header_len: u16,
    #[overlay(bytes = "header_len")]
    pub header: VarBytes,
    #[overlay(rest)]
    pub data: VarBytes,
}

/// A version 2.0 or 3.0 file: a 32-bit header length (3.0 also allows UTF-8 in the header,
/// where 1.0 and 2.0 have Latin-1).
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct FileV2 {
    pub preamble: Preamble,
    /// The length of the header dict, padding and newline included.
    pub header_len: u32,
    #[overlay(bytes = "header_len")]
    pub header: VarBytes,
    #[overlay(rest)]
    pub data: VarBytes,
}

const MAGIC: [u8; 6] = *b"\x93NUMPY";

/// Why a file could not be read, or an edit not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The part of the file, such as `preamble`, `header` or `data`.
    pub record: String,
    /// Where it starts in the file.
    pub offset: usize,
    /// What is wrong, as the end of a sentence.
    pub problem: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at offset {}: {}",
            self.record, self.offset, self.problem
        )
    }
}

impl std::error::Error for DecodeError {}

fn fail<T>(record: &str, offset: usize, problem: impl Into<String>) -> Result<T, DecodeError> {
    Err(DecodeError {
        record: record.to_owned(),
        offset,
        problem: problem.into(),
    })
}

/// The element types this example reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    F32,
    F64,
}

impl Kind {
    /// From NumPy's type code without the byte order: `f8`, `u1`, ...
    fn from_code(code: &str) -> Option<Kind> {
        Some(match code {
            "i1" => Kind::I8,
            "u1" => Kind::U8,
            "i2" => Kind::I16,
            "u2" => Kind::U16,
            "i4" => Kind::I32,
            "u4" => Kind::U32,
            "i8" => Kind::I64,
            "u8" => Kind::U64,
            "f4" => Kind::F32,
            "f8" => Kind::F64,
            _ => return None,
        })
    }

    /// The size of one element in bytes.
    pub fn size(self) -> usize {
        match self {
            Kind::I8 | Kind::U8 => 1,
            Kind::I16 | Kind::U16 => 2,
            Kind::I32 | Kind::U32 | Kind::F32 => 4,
            Kind::I64 | Kind::U64 | Kind::F64 => 8,
        }
    }

    /// NumPy's name: `float32`, `uint8`, ...
    pub fn name(self) -> &'static str {
        match self {
            Kind::I8 => "int8",
            Kind::U8 => "uint8",
            Kind::I16 => "int16",
            Kind::U16 => "uint16",
            Kind::I32 => "int32",
            Kind::U32 => "uint32",
            Kind::I64 => "int64",
            Kind::U64 => "uint64",
            Kind::F32 => "float32",
            Kind::F64 => "float64",
        }
    }
}

/// Runs `$body` with `$t` the Rust type of the element kind `$kind`: the one place where the
/// type chosen at run time becomes a type parameter.
macro_rules! with_element {
    ($kind:expr, $t:ident => $body:expr) => {
        match $kind {
            Kind::I8 => {
                type $t = i8;
                $body
            }
            Kind::U8 => {
                type $t = u8;
                $body
            }
            Kind::I16 => {
                type $t = i16;
                $body
            }
            Kind::U16 => {
                type $t = u16;
                $body
            }
            Kind::I32 => {
                type $t = i32;
                $body
            }
            Kind::U32 => {
                type $t = u32;
                $body
            }
            Kind::I64 => {
                type $t = i64;
                $body
            }
            Kind::U64 => {
                type $t = u64;
                $body
            }
            Kind::F32 => {
                type $t = f32;
                $body
            }
            Kind::F64 => {
                type $t = f64;
                $body
            }
        }
    };
}

/// The array's element type: `descr` in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dtype {
    pub kind: Kind,
    pub endian: Endian,
    /// As written: `<`, `>` or `|`.
    pub order_char: char,
}

impl fmt::Display for Dtype {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = match self.kind {
            Kind::I8 => "i1",
            Kind::U8 => "u1",
            Kind::I16 => "i2",
            Kind::U16 => "u2",
            Kind::I32 => "i4",
            Kind::U32 => "u4",
            Kind::I64 => "i8",
            Kind::U64 => "u8",
            Kind::F32 => "f4",
            Kind::F64 => "f8",
        };
        write!(f, "{}{code}", self.order_char)
    }
}

const DTYPES_READ: &str = "i1 u1 i2 u2 i4 u4 i8 u8 f4 f8, '<' or '>' for multi-byte ones";

/// Parses a `descr` string as NumPy writes it for a simple dtype.
fn parse_descr(descr: &str) -> Result<Dtype, String> {
    let mut chars = descr.chars();
    let order_char = chars.next().unwrap_or(' ');
    let code = chars.as_str();
    if code.starts_with('O') {
        return Err(format!(
            "object arrays ('{descr}') hold pickled Python objects, which cannot be read in place"
        ));
    }
    let Some(kind) = Kind::from_code(code).filter(|_| "<>|=".contains(order_char)) else {
        return Err(format!(
            "unsupported dtype '{descr}' (this example reads {DTYPES_READ})"
        ));
    };
    let endian = match order_char {
        '<' => Endian::Little,
        '>' => Endian::Big,
        '|' if kind.size() == 1 => Endian::Little,
        '|' => {
            return Err(format!(
                "dtype '{descr}' gives no byte order for a {}-byte type; expected '<{code}' or \
                 '>{code}'",
                kind.size()
            ))
        }
        // NumPy resolves '=' to '<' or '>' before writing; a file cannot mean "native".
        _ => {
            return Err(format!(
                "dtype '{descr}' has byte order '=' (native), which NumPy never writes to a \
                 file; expected '<{code}' or '>{code}'"
            ))
        }
    };
    Ok(Dtype {
        kind,
        endian,
        order_char,
    })
}

/// A decoded `.npy` file: where its parts lie and what the header says. Owns nothing of the
/// file, so the same description serves a read-only and a writable map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Npy {
    /// `(major, minor)`.
    pub version: (u8, u8),
    pub header_offset: usize,
    pub header_len: usize,
    pub data_offset: usize,
    pub data_len: usize,
    pub dtype: Dtype,
    pub fortran_order: bool,
    /// One or two dimensions.
    pub shape: Vec<usize>,
}

/// Decodes the preamble and the header of the `.npy` file `bytes`, and checks that the data
/// after the header is exactly what the header describes.
pub fn decode(bytes: &[u8]) -> Result<Npy, DecodeError> {
    let preamble = match Preamble::view_prefix(bytes) {
        Ok((preamble, _)) => preamble,
        Err(_) if bytes.is_empty() || !bytes.starts_with(&MAGIC[..bytes.len().min(6)]) => {
            return fail("preamble", 0, not_npy(bytes));
        }
        Err(_) => {
            return fail(
                "preamble",
                0,
                format!(
                    "the file ends after {} bytes, the preamble needs {}",
                    bytes.len(),
                    Preamble::SIZE
                ),
            );
        }
    };
    if *preamble.magic() != MAGIC {
        return fail("preamble", 0, not_npy(bytes));
    }
    let version = (preamble.major(), preamble.minor());
    let (header, data, header_offset) = match version {
        (1, 0) => match FileV1::view(bytes) {
            Ok(file) => (file.header(), file.data(), FileV1::FIXED_SIZE),
            Err(error) => return Err(header_length_error(bytes, 2, error)),
        },
        (2 | 3, 0) => match FileV2::view(bytes) {
            Ok(file) => (file.header(), file.data(), FileV2::FIXED_SIZE),
            Err(error) => return Err(header_length_error(bytes, 4, error)),
        },
        (major, minor) => {
            return fail(
                "preamble",
                6,
                format!(
                    "format version {major}.{minor} is not one this example reads (1.0, 2.0, \
                     3.0)"
                ),
            )
        }
    };
    if version.0 == 3 {
        if let Err(error) = std::str::from_utf8(header) {
            return fail(
                "header",
                header_offset + error.valid_up_to(),
                "a version 3.0 header must be UTF-8, and this byte starts no UTF-8 character",
            );
        }
    }
    let fields = HeaderParser::new(header, header_offset).parse()?;
    let data_offset = header_offset + header.len();
    let npy = Npy {
        version,
        header_offset,
        header_len: header.len(),
        data_offset,
        data_len: data.len(),
        dtype: fields.dtype,
        fortran_order: fields.fortran_order,
        shape: fields.shape,
    };
    let needed = npy
        .shape
        .iter()
        .try_fold(npy.dtype.kind.size(), |total, &n| total.checked_mul(n));
    match needed {
        Some(needed) if needed == data.len() => Ok(npy),
        Some(needed) => fail(
            "data",
            data_offset,
            format!(
                "shape {} of '{}' needs {needed} bytes of data, but {} bytes follow the header",
                shape_text(&npy.shape),
                npy.dtype,
                data.len()
            ),
        ),
        None => fail(
            "data",
            data_offset,
            format!(
                "shape {} of '{}' needs more bytes than this machine can address",
                shape_text(&npy.shape),
                npy.dtype
            ),
        ),
    }
}

fn not_npy(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return String::from("not a .npy file (the file is empty)");
    }
    let start: Vec<String> = bytes.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!(
        "not a .npy file (it starts with {}, not 93 4e 55 4d 50 59, \"\\x93NUMPY\")",
        start.join(" ")
    )
}

/// Words an error of viewing the file's fixed fields and header in terms of the file.
fn header_length_error(bytes: &[u8], length_size: usize, error: overlay::Error) -> DecodeError {
    let fixed = Preamble::SIZE + length_size;
    if bytes.len() < fixed {
        return DecodeError {
            record: String::from("preamble"),
            offset: 0,
            problem: format!(
                "the file ends after {} bytes, a version {} preamble and header length need \
                 {fixed}",
                bytes.len(),
                bytes[6]
            ),
        };
    }
    let header_len = if length_size == 2 {
        u64::from(u16::from_le_bytes([bytes[8], bytes[9]]))
    } else {
        u64::from(u32::from_le_bytes([
            bytes[8], bytes[9], bytes[10], bytes[11],
        ]))
    };
    match error.kind() {
        ErrorKind::VarLength { .. } | ErrorKind::TooShort { .. } => DecodeError {
            record: String::from("header"),
            offset: fixed,
            problem: format!(
                "the header length is {header_len} bytes, but only {} bytes follow offset {fixed}",
                bytes.len() - fixed
            ),
        },
        other => DecodeError {
            record: String::from("header"),
            offset: fixed,
            problem: other.to_string(),
        },
    }
}

/// A shape as Python prints a tuple: `(6,)`, `(6, 8)`.
pub fn shape_text(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        dims => {
            let dims: Vec<String> = dims.iter().map(usize::to_string).collect();
            format!("({})", dims.join(", "))
        }
    }
}

/// What the header dict says.
struct HeaderFields {
    dtype: Dtype,
    fortran_order: bool,
    shape: Vec<usize>,
}

/// A strict parser of the header: a Python dict literal with exactly the three keys NumPy
/// writes, their values of the types NumPy writes, whitespace anywhere Python allows it,
/// ending with a newline.
struct HeaderParser<'h> {
    text: &'h [u8],
    at: usize,
    /// Where the header starts in the file, for error offsets.
    base: usize,
}

/// A value in the dict, before its key says what it must be.
enum Literal {
    Str(String),
    Bool(bool),
    Int(i128),
    Tuple(Vec<i128>),
}

impl Literal {
    fn describe(&self) -> String {
        match self {
            Literal::Str(s) => format!("the string '{s}'"),
            Literal::Bool(b) => String::from(if *b { "True" } else { "False" }),
            Literal::Int(n) => format!("the integer {n}"),
            Literal::Tuple(items) => format!("the tuple {}", tuple_text(items)),
        }
    }
}

fn tuple_text(items: &[i128]) -> String {
    match items {
        [n] => format!("({n},)"),
        items => {
            let items: Vec<String> = items.iter().map(i128::to_string).collect();
            format!("({})", items.join(", "))
        }
    }
}

const KEYS: &str = "exactly 'descr', 'fortran_order' and 'shape'";

impl<'h> HeaderParser<'h> {
    fn new(text: &'h [u8], base: usize) -> Self {
        HeaderParser { text, at: 0, base }
    }

    fn error<T>(&self, at: usize, problem: impl Into<String>) -> Result<T, DecodeError> {
        fail("header", self.base + at, problem)
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\x0b') = self.peek() {
            self.at += 1;
        }
    }

    /// The next token as the end of "found ...".
    fn found(&self) -> String {
        match self.peek() {
            None => String::from("the end of the header"),
            Some(byte) if byte.is_ascii_graphic() => format!("'{}'", char::from(byte)),
            Some(byte) => format!("byte {byte:#04x}"),
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), DecodeError> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            self.error(self.at, format!("expected {what}, found {}", self.found()))
        }
    }

    fn parse(mut self) -> Result<HeaderFields, DecodeError> {
        if self.text.last() != Some(&b'\n') {
            return self.error(
                self.text.len().saturating_sub(1),
                "the header does not end with a newline, as the format requires",
            );
        }
        self.expect(b'{', "'{' starting the header dict")?;
        let (mut descr, mut fortran_order, mut shape) = (None, None, None);
        loop {
            self.skip_space();
            if self.peek() == Some(b'}') {
                self.at += 1;
                break;
            }
            let key_at = self.at;
            let key = match self.value()? {
                Literal::Str(key) => key,
                other => {
                    return self.error(
                        key_at,
                        format!("expected a string key, found {}", other.describe()),
                    )
                }
            };
            self.expect(b':', "':' after a key")?;
            self.skip_space();
            let value_at = self.at;
            if self.peek() == Some(b'[') && key == "descr" {
                return self.error(
                    value_at,
                    "structured dtypes (a list of fields in 'descr') are not supported",
                );
            }
            let value = self.value()?;
            let slot = match key.as_str() {
                "descr" => &mut descr,
                "fortran_order" => &mut fortran_order,
                "shape" => &mut shape,
                _ => {
                    return self.error(
                        key_at,
                        format!("unexpected key '{key}' (the header has {KEYS})"),
                    )
                }
            };
            if slot.is_some() {
                return self.error(key_at, format!("the key '{key}' appears twice"));
            }
            *slot = Some((value_at, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {}
                _ => {
                    return self.error(
                        self.at,
                        format!("expected ',' or '}}' after a value, found {}", self.found()),
                    )
                }
            }
        }
        self.skip_space();
        if self.at != self.text.len() {
            return self.error(
                self.at,
                format!(
                    "expected only spaces after the header dict, found {}",
                    self.found()
                ),
            );
        }
        let missing = |key: &str| format!("the header has no '{key}' key (it must have {KEYS})");
        let Some((descr_at, descr)) = descr else {
            return self.error(0, missing("descr"));
        };
        let Some((order_at, fortran_order)) = fortran_order else {
            return self.error(0, missing("fortran_order"));
        };
        let Some((shape_at, shape)) = shape else {
            return self.error(0, missing("shape"));
        };
        let dtype = match descr {
            Literal::Str(descr) => match parse_descr(&descr) {
                Ok(dtype) => dtype,
                Err(problem) => return self.error(descr_at, problem),
            },
            other => {
                return self.error(
                    descr_at,
                    format!("'descr' must be a string, found {}", other.describe()),
                )
            }
        };
        let fortran_order = match fortran_order {
            Literal::Bool(b) => b,
            other => {
                return self.error(
                    order_at,
                    format!(
                        "'fortran_order' must be True or False, found {}",
                        other.describe()
                    ),
                )
            }
        };
        let shape = match shape {
            Literal::Tuple(dims) => self.dims(shape_at, &dims)?,
            other => {
                return self.error(
                    shape_at,
                    format!(
                        "'shape' must be a tuple such as (3,) or (3, 4), found {}",
                        other.describe()
                    ),
                )
            }
        };
        Ok(HeaderFields {
            dtype,
            fortran_order,
            shape,
        })
    }

    fn dims(&self, at: usize, dims: &[i128]) -> Result<Vec<usize>, DecodeError> {
        let text = tuple_text(dims);
        if dims.is_empty() || dims.len() > 2 {
            return self.error(
                at,
                format!(
                    "shape {text} has {} dimensions; this example reads 1-D and 2-D arrays",
                    dims.len()
                ),
            );
        }
        dims.iter()
            .map(|&n| match usize::try_from(n) {
                Ok(n) => Ok(n),
                Err(_) if n < 0 => {
                    self.error(at, format!("shape {text} has a negative dimension, {n}"))
                }
                Err(_) => self.error(at, format!("shape {text} has a dimension too large, {n}")),
            })
            .collect()
    }

    fn value(&mut self) -> Result<Literal, DecodeError> {
        self.skip_space();
        let start = self.at;
        match self.peek() {
            Some(quote @ (b'\'' | b'"')) => {
                self.at += 1;
                let body_start = self.at;
                loop {
                    match self.peek() {
                        Some(b) if b == quote => break,
                        Some(b'\\') => {
                            return self
                                .error(self.at, "escape sequences in strings are not supported")
                        }
                        None | Some(b'\n') => {
                            return self.error(start, "a string is not terminated")
                        }
                        Some(_) => self.at += 1,
                    }
                }
                let body = &self.text[body_start..self.at];
                self.at += 1;
                // Latin-1 in versions 1.0 and 2.0; a non-ASCII character cannot match any key
                // or dtype either way, so it only needs to print recognisably.
                Ok(Literal::Str(String::from_utf8_lossy(body).into_owned()))
            }
            Some(b'(') => {
                self.at += 1;
                let mut items = Vec::new();
                let mut after_comma = false;
                loop {
                    self.skip_space();
                    if self.peek() == Some(b')') {
                        self.at += 1;
                        if items.len() == 1 && !after_comma {
                            // `(3)` is the integer 3 in Python, not a tuple.
                            return self.error(
                                start,
                                "a one-element tuple needs a trailing comma, such as (3,)",
                            );
                        }
                        return Ok(Literal::Tuple(items));
                    }
                    let item_at = self.at;
                    match self.value()? {
                        Literal::Int(n) => items.push(n),
                        other => {
                            return self.error(
                                item_at,
                                format!("a shape holds integers, found {}", other.describe()),
                            )
                        }
                    }
                    self.skip_space();
                    match self.peek() {
                        Some(b',') => {
                            self.at += 1;
                            after_comma = true;
                        }
                        Some(b')') => after_comma = false,
                        _ => {
                            return self.error(
                                self.at,
                                format!("expected ',' or ')' in a tuple, found {}", self.found()),
                            )
                        }
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => {
                if self.peek() == Some(b'-') {
                    self.at += 1;
                }
                let digits_start = self.at;
                while let Some(b'0'..=b'9') = self.peek() {
                    self.at += 1;
                }
                let digits = &self.text[digits_start..self.at];
                if digits.is_empty() {
                    return self.error(start, "'-' is not followed by digits");
                }
                if digits.len() > 1 && digits[0] == b'0' {
                    return self.error(start, "an integer has a leading zero");
                }
                if let Some(b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'.') = self.peek() {
                    return self.error(
                        self.at,
                        format!(
                            "only plain decimal integers are allowed, found {} after the digits",
                            self.found()
                        ),
                    );
                }
                // At most 39 digits fit in an i128; anything longer is too large anyway.
                let text = std::str::from_utf8(&self.text[start..self.at]).unwrap_or("");
                match text.parse::<i128>() {
                    Ok(n) => Ok(Literal::Int(n)),
                    Err(_) => self.error(start, format!("the integer {text} is too large")),
                }
            }
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'_') => {
                while let Some(b'A'..=b'Z' | b'a'..=b'z' | b'_' | b'0'..=b'9') = self.peek() {
                    self.at += 1;
                }
                match &self.text[start..self.at] {
                    b"True" => Ok(Literal::Bool(true)),
                    b"False" => Ok(Literal::Bool(false)),
                    name => self.error(
                        start,
                        format!(
                            "unexpected name '{}' (values are strings, True, False and tuples \
                             of integers)",
                            String::from_utf8_lossy(name)
                        ),
                    ),
                }
            }
            _ => self.error(start, format!("expected a value, found {}", self.found())),
        }
    }
}

impl Npy {
    /// The array as a grid: its shape (a 1-D array is one row) and its strides in bytes, from
    /// C order (rows after one another) or Fortran order (columns after one another).
    pub fn layout(&self) -> Result<([usize; 2], [isize; 2]), DecodeError> {
        let shape = match self.shape[..] {
            [n] => [1, n],
            [rows, cols] => [rows, cols],
            _ => return fail("header", self.header_offset, "the shape is not 1-D or 2-D"),
        };
        let size = self.dtype.kind.size();
        // Strides of an empty array can exceed the address space ((0, 2**62) of f8): the
        // data length check passed, so refuse them here rather than overflow.
        let stride = |n: usize| n.checked_mul(size).and_then(|s| isize::try_from(s).ok());
        let strides = if self.fortran_order {
            (stride(1), stride(shape[0]))
        } else {
            (stride(shape[1]), stride(1))
        };
        match strides {
            (Some(row), Some(col)) => Ok((shape, [row, col])),
            _ => fail(
                "header",
                self.header_offset,
                format!(
                    "shape {} is too large to view on this machine",
                    shape_text(&self.shape)
                ),
            ),
        }
    }

    /// The data: the bytes after the header.
    fn data_range(&self) -> Range<usize> {
        self.data_offset..self.data_offset + self.data_len
    }
}

/// One part of `--slice`: Python's index or `start:stop:step`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AxisSpec {
    Index(i64),
    Slice {
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    },
}

impl AxisSpec {
    /// Everything: `:`.
    pub const ALL: AxisSpec = AxisSpec::Slice {
        start: None,
        stop: None,
        step: None,
    };

    /// Parses `3`, `-1`, `1:5`, `::-1`, `2::3` ...
    pub fn parse(text: &str) -> Result<AxisSpec, String> {
        let number = |part: &str| -> Result<Option<i64>, String> {
            let part = part.trim();
            if part.is_empty() {
                return Ok(None);
            }
            part.parse::<i64>()
                .map(Some)
                .map_err(|_| format!("'{part}' is not an integer"))
        };
        let parts: Vec<&str> = text.split(':').collect();
        match parts[..] {
            [index] => match number(index)? {
                Some(index) => Ok(AxisSpec::Index(index)),
                None => Err(String::from("an empty index")),
            },
            [start, stop] => Ok(AxisSpec::Slice {
                start: number(start)?,
                stop: number(stop)?,
                step: None,
            }),
            [start, stop, step] => Ok(AxisSpec::Slice {
                start: number(start)?,
                stop: number(stop)?,
                step: number(step)?,
            }),
            _ => Err(format!("'{text}' has more than two ':'")),
        }
    }

    /// Resolves against an axis of `len` elements as Python does (`slice.indices`), into the
    /// range the elements lie in, whether they run backwards, and the distance between them.
    pub fn resolve(self, axis: usize, len: usize) -> Result<AxisPlan, String> {
        let n = len as i128;
        match self {
            AxisSpec::Index(index) => {
                let i = i128::from(index);
                let i = if i < 0 { i + n } else { i };
                if !(0..n).contains(&i) {
                    return Err(format!(
                        "index {index} is out of range for axis {axis} with {len} elements"
                    ));
                }
                let i = i as usize;
                Ok(AxisPlan {
                    range: i..i + 1,
                    reverse: false,
                    step: 1,
                })
            }
            AxisSpec::Slice { start, stop, step } => {
                let step = i128::from(step.unwrap_or(1));
                if step == 0 {
                    return Err(String::from("a slice step cannot be zero"));
                }
                let (lower, upper) = if step > 0 { (0, n) } else { (-1, n - 1) };
                let clamp = |value: Option<i64>, default: i128| match value {
                    None => default,
                    Some(v) => {
                        let v = i128::from(v);
                        if v < 0 {
                            (v + n).max(lower)
                        } else {
                            v.min(upper)
                        }
                    }
                };
                let first = clamp(start, if step > 0 { lower } else { upper });
                let end = clamp(stop, if step > 0 { upper } else { lower });
                let count = if step > 0 && end > first {
                    (end - first - 1) / step + 1
                } else if step < 0 && first > end {
                    (first - end - 1) / -step + 1
                } else {
                    0
                };
                if count == 0 {
                    return Ok(AxisPlan {
                        range: 0..0,
                        reverse: false,
                        step: 1,
                    });
                }
                // `first` and the last element are within 0..len here.
                let last = first + (count - 1) * step;
                let (low, high) = (first.min(last) as usize, first.max(last) as usize);
                Ok(AxisPlan {
                    range: low..high + 1,
                    reverse: step < 0,
                    // One element needs no step (and a step past the end is not one).
                    step: if count == 1 {
                        1
                    } else {
                        step.unsigned_abs() as usize
                    },
                })
            }
        }
    }
}

/// One axis of a selection, resolved: take `range`, reverse it if asked, then every `step`th
/// element from its first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxisPlan {
    pub range: Range<usize>,
    pub reverse: bool,
    pub step: usize,
}

/// What to show of the array: `--slice`, `--transpose`, `--flip-rows`, `--flip-cols`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// One part per axis of the array, at most two; missing parts select everything.
    pub axes: Vec<AxisSpec>,
    pub transpose: bool,
    pub flip_rows: bool,
    pub flip_cols: bool,
}

impl Selection {
    /// Parses the argument of `--slice`: `ROWS[,COLS]`.
    pub fn parse_slice(text: &str) -> Result<Vec<AxisSpec>, String> {
        text.split(',').map(AxisSpec::parse).collect()
    }

    /// The row and column plans for the grid `[rows, cols]` of `npy`.
    fn plans(&self, npy: &Npy) -> Result<[AxisPlan; 2], String> {
        let spec = |i: usize| self.axes.get(i).copied().unwrap_or(AxisSpec::ALL);
        if self.axes.len() > npy.shape.len() {
            return Err(format!(
                "--slice has {} parts for a {}-D array",
                self.axes.len(),
                npy.shape.len()
            ));
        }
        match npy.shape[..] {
            [n] => Ok([AxisSpec::ALL.resolve(0, 1)?, spec(0).resolve(0, n)?]),
            [rows, cols] => Ok([spec(0).resolve(0, rows)?, spec(1).resolve(1, cols)?]),
            _ => Err(String::from("the shape is not 1-D or 2-D")),
        }
    }
}

/// Applies a selection to a read-only grid: no element is copied.
pub fn select<'a, T: Overlay>(
    grid: Grid<'a, T>,
    [rows, cols]: &[AxisPlan; 2],
    selection: &Selection,
) -> Result<Grid<'a, T>, NpyError> {
    let mut grid = grid
        .slice(rows.range.clone(), cols.range.clone())
        .map_err(unexpected)?;
    if rows.reverse {
        grid = grid.flip_rows();
    }
    if cols.reverse {
        grid = grid.flip_cols();
    }
    let mut grid = grid.step(rows.step, cols.step).map_err(unexpected)?;
    if selection.transpose {
        grid = grid.transpose();
    }
    if selection.flip_rows {
        grid = grid.flip_rows();
    }
    if selection.flip_cols {
        grid = grid.flip_cols();
    }
    Ok(grid)
}

/// An error of a view that the resolved selection rules out; kept as an error, not a panic.
fn unexpected(error: overlay::Error) -> NpyError {
    NpyError::Request(format!("selecting the view: {error}"))
}

/// [`select`] for a writable grid.
pub fn select_mut<'g, T: Overlay>(
    grid: &'g mut GridMut<'_, T>,
    [rows, cols]: &[AxisPlan; 2],
    selection: &Selection,
) -> Result<GridMut<'g, T>, NpyError> {
    let mut grid = grid
        .slice_mut(rows.range.clone(), cols.range.clone())
        .map_err(unexpected)?;
    if rows.reverse {
        grid = grid.flip_rows();
    }
    if cols.reverse {
        grid = grid.flip_cols();
    }
    let mut grid = grid.step(rows.step, cols.step).map_err(unexpected)?;
    if selection.transpose {
        grid = grid.transpose();
    }
    if selection.flip_rows {
        grid = grid.flip_rows();
    }
    if selection.flip_cols {
        grid = grid.flip_cols();
    }
    Ok(grid)
}

/// The sum of an array: exact for integers, in f64 for floats.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sum {
    Int(i128),
    Float(f64),
}

impl fmt::Display for Sum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Sum::Int(n) => write!(f, "{n}"),
            Sum::Float(x) => write!(f, "{x:?}"),
        }
    }
}

/// A scalar element type read from the file: what the generic code needs beyond `Overlay`.
pub trait Element: Overlay + RuntimeEndian + Copy + FromStr {
    const ZERO: Sum;
    /// The value a read-only view yields (for scalars, the value itself).
    fn from_view(view: Self::View<'_>) -> Self;
    /// Writes through a writable view.
    fn write(view: Self::ViewMut<'_>, value: Self);
    /// `self + other`; `None` when an integer sum overflows the type.
    fn plus(self, other: Self) -> Option<Self>;
    fn add_to(self, sum: &mut Sum);
    /// Text that parses back to the same value.
    fn show(self, out: &mut String);
}

macro_rules! integer_element {
    ($($t:ty),*) => {$(
        impl Element for $t {
            const ZERO: Sum = Sum::Int(0);
            fn from_view(view: $t) -> $t {
                view
            }
            fn write(mut view: ScalarMut<'_, $t>, value: $t) {
                view.set(value);
            }
            fn plus(self, other: $t) -> Option<$t> {
                self.checked_add(other)
            }
            fn add_to(self, sum: &mut Sum) {
                // At most 2**61 elements of at most 2**64 each: no i128 overflow.
                if let Sum::Int(total) = sum {
                    *total += i128::from(self);
                }
            }
            fn show(self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

macro_rules! float_element {
    ($($t:ty),*) => {$(
        impl Element for $t {
            const ZERO: Sum = Sum::Float(0.0);
            fn from_view(view: $t) -> $t {
                view
            }
            fn write(mut view: ScalarMut<'_, $t>, value: $t) {
                view.set(value);
            }
            fn plus(self, other: $t) -> Option<$t> {
                Some(self + other)
            }
            fn add_to(self, sum: &mut Sum) {
                if let Sum::Float(total) = sum {
                    *total += f64::from(self);
                }
            }
            fn show(self, out: &mut String) {
                // `{:?}` is the shortest text that parses back to the same value, with an
                // exponent for very large and very small magnitudes.
                let _ = write!(out, "{self:?}");
            }
        }
    )*};
}

integer_element!(i8, u8, i16, u16, i32, u32, i64, u64);
float_element!(f32, f64);

/// One edit of the selected view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// `--set ROW,COL,VALUE`: indices into the view, negative from the end.
    Set { row: i64, col: i64, value: String },
    /// `--add VALUE`: to every element of the view.
    Add(String),
}

impl Edit {
    /// Parses the argument of `--set`.
    pub fn parse_set(text: &str) -> Result<Edit, String> {
        let mut parts = text.splitn(3, ',');
        let (Some(row), Some(col), Some(value)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("--set takes ROW,COL,VALUE, found '{text}'"));
        };
        let index = |part: &str| {
            part.trim()
                .parse::<i64>()
                .map_err(|_| format!("--set: '{part}' is not an integer index"))
        };
        Ok(Edit::Set {
            row: index(row)?,
            col: index(col)?,
            value: value.trim().to_owned(),
        })
    }
}

fn grid_error(npy: &Npy, error: overlay::Error) -> DecodeError {
    DecodeError {
        record: String::from("data"),
        offset: npy.data_offset,
        problem: error.to_string(),
    }
}

/// What went wrong: the file, or what was asked of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NpyError {
    /// The file is not a `.npy` file this example reads.
    File(DecodeError),
    /// A selection or an edit that does not fit the array: an index out of range, a value
    /// that does not parse or overflows.
    Request(String),
}

impl fmt::Display for NpyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NpyError::File(error) => error.fmt(f),
            NpyError::Request(problem) => f.write_str(problem),
        }
    }
}

impl std::error::Error for NpyError {}

impl From<DecodeError> for NpyError {
    fn from(error: DecodeError) -> Self {
        NpyError::File(error)
    }
}

/// A selected view copied out: its shape, strides in the file, and elements in row-major
/// order, each in the file's byte order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewCopy {
    pub shape: [usize; 2],
    pub strides: [isize; 2],
    pub bytes: Vec<u8>,
}

/// Views the data of `file` (decoded as `npy`), applies `selection` and copies the view out
/// with `Grid::copy_to`.
pub fn copy_view(file: &[u8], npy: &Npy, selection: &Selection) -> Result<ViewCopy, NpyError> {
    with_element!(npy.dtype.kind, T => {
        let view = selected::<T>(file, npy, selection)?;
        let mut bytes = vec![0; view.len() * T::SIZE];
        view.copy_to(&mut bytes).map_err(|e| grid_error(npy, e))?;
        Ok(ViewCopy { shape: view.shape(), strides: view.strides(), bytes })
    })
}

/// The grid of the whole array in `file`.
fn whole<'a, T: Element>(file: &'a [u8], npy: &Npy) -> Result<Grid<'a, T>, NpyError> {
    let (shape, strides) = npy.layout()?;
    let data = file.get(npy.data_range()).ok_or_else(|| DecodeError {
        record: String::from("data"),
        offset: npy.data_offset,
        problem: format!(
            "data: need {} bytes at offset {}, buffer has {}",
            npy.data_len,
            npy.data_offset,
            file.len()
        ),
    })?;
    Grid::<T>::with_strides_endian(data, 0, shape, strides, npy.dtype.endian)
        .map_err(|e| grid_error(npy, e).into())
}

fn selected<'a, T: Element>(
    file: &'a [u8],
    npy: &Npy,
    selection: &Selection,
) -> Result<Grid<'a, T>, NpyError> {
    let plans = selection.plans(npy).map_err(NpyError::Request)?;
    select(whole::<T>(file, npy)?, &plans, selection)
}

/// Makes `edits` to the selected view of `file`, in place, and returns how many elements they
/// wrote. Nothing is written unless every edit is valid.
pub fn edit(
    file: &mut [u8],
    npy: &Npy,
    selection: &Selection,
    edits: &[Edit],
) -> Result<usize, NpyError> {
    with_element!(npy.dtype.kind, T => edit_as::<T>(file, npy, selection, edits))
}

fn edit_as<T: Element>(
    file: &mut [u8],
    npy: &Npy,
    selection: &Selection,
    edits: &[Edit],
) -> Result<usize, NpyError> {
    let (shape, strides) = npy.layout()?;
    let plans = selection.plans(npy).map_err(NpyError::Request)?;
    let range = npy.data_range();
    let Some(data) = file.get_mut(range) else {
        return Err(NpyError::Request(String::from(
            "the data is not in the file",
        )));
    };
    let mut grid = GridMut::<T>::with_strides_endian(data, 0, shape, strides, npy.dtype.endian)
        .map_err(|e| grid_error(npy, e))?;
    let mut view = select_mut(&mut grid, &plans, selection)?;
    let [rows, cols] = view.shape();
    // The new values are worked out first, so that a bad edit writes nothing.
    let mut values: Vec<T> = view.as_grid().iter().map(T::from_view).collect();
    let mut touched = vec![false; values.len()];
    let kind = npy.dtype.kind;
    let parse = |text: &str| {
        text.parse::<T>()
            .map_err(|_| NpyError::Request(format!("'{text}' is not a valid {}", kind.name())))
    };
    for edit in edits {
        match edit {
            Edit::Set { row, col, value } => {
                let place = |index: i64, len: usize, what: &str| {
                    let i = i128::from(index);
                    let i = if i < 0 { i + len as i128 } else { i };
                    usize::try_from(i).ok().filter(|&i| i < len).ok_or_else(|| {
                        NpyError::Request(format!(
                            "--set: {what} {index} is out of range for a view of shape \
                                 ({rows}, {cols})"
                        ))
                    })
                };
                let (r, c) = (place(*row, rows, "row")?, place(*col, cols, "column")?);
                values[r * cols + c] = parse(value)?;
                touched[r * cols + c] = true;
            }
            Edit::Add(value) => {
                let amount = parse(value)?;
                for (i, element) in values.iter_mut().enumerate() {
                    let mut shown = String::new();
                    element.show(&mut shown);
                    *element = element.plus(amount).ok_or_else(|| {
                        NpyError::Request(format!(
                            "--add: {shown} + {value} at ({}, {}) of the view overflows {}; \
                                 nothing was written",
                            i / cols.max(1),
                            i % cols.max(1),
                            kind.name()
                        ))
                    })?;
                    touched[i] = true;
                }
            }
        }
    }
    let mut written = 0;
    for (i, (value, touched)) in values.into_iter().zip(touched).enumerate() {
        if touched {
            let Some(element) = view.get_mut(i / cols, i % cols) else {
                return Err(NpyError::Request(String::from(
                    "an element of the view is missing",
                )));
            };
            T::write(element, value);
            written += 1;
        }
    }
    Ok(written)
}

/// The report on `file`: what the header says, the sum of all elements, and the selected
/// view's values.
pub fn report(file: &[u8], npy: &Npy, selection: &Selection) -> Result<String, NpyError> {
    with_element!(npy.dtype.kind, T => report_as::<T>(file, npy, selection))
}

fn report_as<T: Element>(
    file: &[u8],
    npy: &Npy,
    selection: &Selection,
) -> Result<String, NpyError> {
    let mut sum = T::ZERO;
    for element in whole::<T>(file, npy)?.iter() {
        T::from_view(element).add_to(&mut sum);
    }
    let view = selected::<T>(file, npy, selection)?;
    let endian = match (npy.dtype.kind.size(), npy.dtype.endian) {
        (1, _) => "one byte, no byte order",
        (_, Endian::Little) => "little-endian",
        (_, Endian::Big) => "big-endian",
    };
    let (major, minor) = npy.version;
    let [rows, cols] = view.shape();
    let [row_stride, col_stride] = view.strides();
    let mut out = String::new();
    let _ = writeln!(out, "format version: {major}.{minor}");
    let _ = writeln!(
        out,
        "dtype: {} ({}, {endian})",
        npy.dtype,
        npy.dtype.kind.name()
    );
    let order = if npy.fortran_order { "Fortran" } else { "C" };
    let _ = writeln!(out, "order: {order}");
    let _ = writeln!(out, "shape: {}", shape_text(&npy.shape));
    let _ = writeln!(
        out,
        "header: {} bytes at offset {}",
        npy.header_len, npy.header_offset
    );
    let _ = writeln!(
        out,
        "data: {} bytes at offset {}",
        npy.data_len, npy.data_offset
    );
    let _ = writeln!(out, "sum: {sum}");
    let _ = writeln!(
        out,
        "view: ({rows}, {cols}), strides ({row_stride}, {col_stride}) bytes"
    );
    for row in view.rows() {
        let mut line = String::new();
        for (i, element) in row.iter().enumerate() {
            if i > 0 {
                line.push(' ');
            }
            T::from_view(element).show(&mut line);
        }
        let _ = writeln!(out, "{line}");
    }
    Ok(out)
}

const USAGE: &str = "usage: npy [FILE] [--slice ROWS[,COLS]] [--transpose] [--flip-rows] \
                     [--flip-cols] [--set ROW,COL,VALUE]... [--add VALUE] [-o OUTPUT]";

/// The command line.
#[derive(Debug, Default)]
struct Options {
    file: Option<PathBuf>,
    output: Option<PathBuf>,
    selection: Selection,
    edits: Vec<Edit>,
    help: bool,
}

fn parse_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Options, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value)),
            _ => (text.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match inline {
                Some(value) => Ok(value.to_owned()),
                None => args
                    .next()
                    .map(|v| v.to_string_lossy().into_owned())
                    .ok_or_else(|| format!("{name} needs a value")),
            }
        };
        match flag.as_str() {
            "-h" | "--help" => options.help = true,
            "--slice" => options.selection.axes = Selection::parse_slice(&value("--slice")?)?,
            "--transpose" => options.selection.transpose = true,
            "--flip-rows" => options.selection.flip_rows = true,
            "--flip-cols" => options.selection.flip_cols = true,
            "--set" => options.edits.push(Edit::parse_set(&value("--set")?)?),
            "--add" => options
                .edits
                .push(Edit::Add(value("--add")?.trim().to_owned())),
            "-o" | "--output" => options.output = Some(PathBuf::from(value("-o")?)),
            _ if text.starts_with('-') && text.len() > 1 => {
                return Err(format!("unknown option '{text}'"))
            }
            _ if options.file.is_none() => options.file = Some(PathBuf::from(arg)),
            _ => return Err(format!("more than one FILE ('{text}')")),
        }
    }
    if options.selection.axes.len() > 2 {
        return Err(String::from("--slice takes at most two parts, ROWS,COLS"));
    }
    if !options.edits.is_empty() && options.file.is_none() && options.output.is_none() {
        return Err(String::from(
            "the shipped sample is never edited in place: name a FILE, or give -o OUTPUT",
        ));
    }
    Ok(options)
}

/// Runs the command line; errors are one line.
fn run(options: &Options) -> Result<String, (PathBuf, String)> {
    let input = options
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample.npy")));
    let path = match &options.output {
        None => input.clone(),
        Some(output) => {
            let same = matches!(
                (std::fs::canonicalize(&input), std::fs::canonicalize(output)),
                (Ok(a), Ok(b)) if a == b
            );
            if !same {
                std::fs::copy(&input, output)
                    .map_err(|e| (output.clone(), format!("copying {}: {e}", input.display())))?;
            }
            output.clone()
        }
    };
    let at = |e: NpyError| (path.clone(), e.to_string());
    let mut bytes = (if options.edits.is_empty() {
        input::open(&path)
    } else {
        input::open_writable(&path)
    })
    .map_err(|e| (path.clone(), e.to_string()))?;
    let file: &mut [u8] = match &mut bytes {
        input::Input::Mapped(map) => {
            let npy = decode(map).map_err(|e| at(e.into()))?;
            return report(map, &npy, &options.selection)
                .map(|report| format!("{}\n{report}", path.display()))
                .map_err(at);
        }
        input::Input::MappedMut(map) => map,
        input::Input::Read(bytes) => bytes,
    };
    let npy = decode(file).map_err(|e| at(e.into()))?;
    let mut edited = String::new();
    if !options.edits.is_empty() {
        let count = edit(file, &npy, &options.selection, &options.edits).map_err(at)?;
        if let input::Input::MappedMut(map) = &bytes {
            map.flush()
                .map_err(|e| (path.clone(), format!("writing the edits: {e}")))?;
        }
        edited = format!("edited elements: {count}\n");
    }
    let file: &[u8] = match &bytes {
        input::Input::Mapped(map) => map,
        input::Input::MappedMut(map) => map,
        input::Input::Read(bytes) => bytes,
    };
    let report = report(file, &npy, &options.selection).map_err(at)?;
    Ok(format!("{}\n{edited}{report}", path.display()))
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args_os().skip(1)) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("error: {e} ({USAGE})");
            return ExitCode::from(2);
        }
    };
    let result = if options.help {
        Ok(format!("{USAGE}\n"))
    } else {
        run(&options)
    };
    let report = match result {
        Ok(report) => report,
        Err((path, e)) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match io::stdout().lock().write_all(report.as_bytes()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
