//! `Value`: one item of a Python `struct` record, printed the way Python's `repr` prints it.

use core::fmt::{self, Write};

use super::error::StructError;
use crate::error::Error;

/// One value packed or unpacked by a [`Struct`](crate::Struct) format.
///
/// Unpacking gives `Int` for signed integer codes, `UInt` for unsigned ones (and `P`), `Float`
/// for `e`, `f` and `d`, `Bool` for `?`, and `Bytes` (borrowed from the buffer) for `s`, `p`
/// and `c`. Packing accepts `Int`, `UInt` and `Bool` for any integer code and range-checks them
/// as Python does, any number for float codes, and any value for `?` (its truth value).
///
/// `Display` and `Debug` print like Python's `repr`: `-3`, `1.5`, `1e+16`, `True`, `b'ab\x00'`.
#[derive(Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    UInt(u64),
    /// A float (`e` and `f` values widened to `f64`).
    Float(f64),
    /// A `?` value.
    Bool(bool),
    /// The bytes of an `s`, `p` or `c` item.
    Bytes(&'a [u8]),
}

impl Value<'_> {
    /// The value as an integer, as Python's `operator.index` sees it (bools are 0 and 1).
    pub(crate) fn integer(&self) -> Result<i128, StructError> {
        match *self {
            Value::Int(v) => Ok(i128::from(v)),
            Value::UInt(v) => Ok(i128::from(v)),
            Value::Bool(v) => Ok(i128::from(v)),
            Value::Float(_) | Value::Bytes(_) => Err(StructError::NotAnInteger),
        }
    }

    /// The value as a float, as Python's `float()` sees numbers.
    pub(crate) fn float(&self) -> Result<f64, StructError> {
        match *self {
            Value::Float(v) => Ok(v),
            Value::Int(v) => Ok(v as f64),
            Value::UInt(v) => Ok(v as f64),
            Value::Bool(v) => Ok(f64::from(u8::from(v))),
            Value::Bytes(_) => Err(StructError::NotAFloat),
        }
    }

    /// Python's truth value.
    pub(crate) fn truth(&self) -> bool {
        match *self {
            Value::Int(v) => v != 0,
            Value::UInt(v) => v != 0,
            Value::Float(v) => v != 0.0,
            Value::Bool(v) => v,
            Value::Bytes(v) => !v.is_empty(),
        }
    }
}

/// A small stack buffer for formatting a float before rewriting it in Python's style.
struct Digits {
    bytes: [u8; 40],
    len: usize,
}

impl Write for Digits {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// ASCII digits as a `str`.
fn text(digits: &[u8]) -> Result<&str, fmt::Error> {
    core::str::from_utf8(digits).map_err(|_| fmt::Error)
}

/// Writes `x` as Python's `repr(float)` does: the shortest digits that read back as `x`, in
/// positional notation for exponents -5 < e < 16 (with `.0` for whole numbers) and in
/// scientific notation (`1e+16`, `1.5e-05`) otherwise.
pub(crate) fn write_py_float(f: &mut fmt::Formatter<'_>, x: f64) -> fmt::Result {
    if x.is_nan() {
        return f.write_str("nan");
    }
    if x.is_infinite() {
        return f.write_str(if x < 0.0 { "-inf" } else { "inf" });
    }
    // Rust's `{:e}` gives the shortest round-trip digits: `-1.2345e-7`.
    let mut buf = Digits {
        bytes: [0; 40],
        len: 0,
    };
    write!(buf, "{x:e}")?;
    // When two candidates with the fewest digits are equally near `x` (it lies exactly halfway
    // between them), `{:e}` takes the upper one and Python's repr the even one:
    // 5.9604644775390625e-07 prints as 5.960464477539063e-7 but reprs as 5.960464477539062e-07.
    // The same number of digits correctly rounded (`{:.N$e}` rounds ties to even) is Python's
    // choice whenever it still reads back as `x`.
    let shortest = buf.bytes[..buf.len]
        .iter()
        .take_while(|&&b| b != b'e')
        .filter(|b| b.is_ascii_digit())
        .count();
    let mut rounded = Digits {
        bytes: [0; 40],
        len: 0,
    };
    write!(rounded, "{x:.*e}", shortest.saturating_sub(1))?;
    if text(&rounded.bytes[..rounded.len])?.parse::<f64>() == Ok(x) {
        buf = rounded;
    }
    let written = &buf.bytes[..buf.len];
    let (negative, written) = match written.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, written),
    };
    let e_at = written.iter().position(|&b| b == b'e').ok_or(fmt::Error)?;
    let (mantissa, exponent) = (&written[..e_at], &written[e_at + 1..]);
    let exponent: i32 = core::str::from_utf8(exponent)
        .ok()
        .and_then(|e| e.parse().ok())
        .ok_or(fmt::Error)?;
    let mut digits = [0u8; 24];
    let mut n = 0;
    for &b in mantissa.iter().filter(|b| b.is_ascii_digit()) {
        *digits.get_mut(n).ok_or(fmt::Error)? = b;
        n += 1;
    }
    let digits = &digits[..n];
    if negative {
        f.write_char('-')?;
    }
    if !(-5 < exponent && exponent < 16) {
        f.write_str(text(&digits[..1])?)?;
        if digits.len() > 1 {
            f.write_char('.')?;
            f.write_str(text(&digits[1..])?)?;
        }
        let sign = if exponent < 0 { '-' } else { '+' };
        return write!(f, "e{sign}{:02}", exponent.unsigned_abs());
    }
    if exponent < 0 {
        f.write_str("0.")?;
        for _ in 0..(-exponent - 1) {
            f.write_char('0')?;
        }
        return f.write_str(text(digits)?);
    }
    let point = exponent as usize + 1;
    if digits.len() <= point {
        f.write_str(text(digits)?)?;
        for _ in digits.len()..point {
            f.write_char('0')?;
        }
        f.write_str(".0")
    } else {
        f.write_str(text(&digits[..point])?)?;
        f.write_char('.')?;
        f.write_str(text(&digits[point..])?)
    }
}

/// Writes bytes as Python's `repr(bytes)` does: `b'...'`, switching to double quotes when the
/// bytes contain `'` but not `"`.
pub(crate) fn write_py_bytes(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    f.write_char('b')?;
    f.write_char(char::from(quote))?;
    for &b in bytes {
        match b {
            b'\\' => f.write_str("\\\\")?,
            b'\t' => f.write_str("\\t")?,
            b'\n' => f.write_str("\\n")?,
            b'\r' => f.write_str("\\r")?,
            _ if b == quote => write!(f, "\\{}", char::from(b))?,
            0x20..=0x7e => f.write_char(char::from(b))?,
            _ => write!(f, "\\x{b:02x}")?,
        }
    }
    f.write_char(char::from(quote))
}

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Value::Int(v) => write!(f, "{v}"),
            Value::UInt(v) => write!(f, "{v}"),
            Value::Float(v) => write_py_float(f, v),
            Value::Bool(true) => f.write_str("True"),
            Value::Bool(false) => f.write_str("False"),
            Value::Bytes(v) => write_py_bytes(f, v),
        }
    }
}

impl fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

macro_rules! from_int {
    ($variant:ident: $($ty:ty),*) => {$(
        impl From<$ty> for Value<'_> {
            fn from(v: $ty) -> Self {
                Value::$variant(v.into())
            }
        }

        impl TryFrom<Value<'_>> for $ty {
            type Error = Error;
            /// Converts an integer value (or a bool, as 0 or 1) that fits; floats and bytes
            /// are refused as Python's `struct` refuses them for integer codes.
            fn try_from(value: Value<'_>) -> Result<Self, Error> {
                let v = value.integer()?;
                <$ty>::try_from(v).map_err(|_| Error::from(StructError::ArgumentOutOfRange))
            }
        }
    )*};
}

from_int!(Int: i8, i16, i32, i64);
from_int!(UInt: u8, u16, u32, u64);

impl From<f32> for Value<'_> {
    fn from(v: f32) -> Self {
        Value::Float(v.into())
    }
}

impl From<f64> for Value<'_> {
    fn from(v: f64) -> Self {
        Value::Float(v)
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

impl<'a> From<&'a [u8]> for Value<'a> {
    fn from(v: &'a [u8]) -> Self {
        Value::Bytes(v)
    }
}

impl<'a, const N: usize> From<&'a [u8; N]> for Value<'a> {
    fn from(v: &'a [u8; N]) -> Self {
        Value::Bytes(v)
    }
}

impl TryFrom<Value<'_>> for f64 {
    type Error = Error;
    /// Converts any number, as Python's `float()` does; bytes are refused.
    fn try_from(value: Value<'_>) -> Result<Self, Error> {
        Ok(value.float()?)
    }
}

impl TryFrom<Value<'_>> for f32 {
    type Error = Error;
    /// Converts any number to the nearest `f32` (infinity past its range, as a C cast does).
    fn try_from(value: Value<'_>) -> Result<Self, Error> {
        Ok(value.float()? as f32)
    }
}

impl TryFrom<Value<'_>> for bool {
    type Error = Error;
    /// Python's truth value of any value, as `?` packs it.
    fn try_from(value: Value<'_>) -> Result<Self, Error> {
        Ok(value.truth())
    }
}

impl<'a> TryFrom<Value<'a>> for &'a [u8] {
    type Error = Error;
    /// The bytes of an `s`, `p` or `c` value.
    fn try_from(value: Value<'a>) -> Result<Self, Error> {
        match value {
            Value::Bytes(v) => Ok(v),
            _ => Err(Error::from(StructError::NotBytes { code: 's' })),
        }
    }
}
