//! Format codes: their sizes in each byte-order mode, and how each is read and written.
//!
//! The rules mirror CPython 3.11's `_struct.c` on a little-endian 64-bit host, including which
//! standard-size codes borrow the native packers (and so their error messages).

use byteorder::{BigEndian, ByteOrder, LittleEndian};

use super::error::StructError;
use super::value::Value;

/// The byte-order/size/alignment mode a format starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `@` (or nothing): native sizes, native alignment, native order.
    Native,
    /// `=` or `<`: standard sizes, little-endian.
    Little,
    /// `>` or `!`: standard sizes, big-endian.
    Big,
}

/// How an integer value is range-checked, following the CPython packer the code uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IntCheck {
    /// Native `b`, `B`, `h`, `H`: a C long, then a named range.
    Named(&'static str, i64, i64),
    /// Native `i`: a C long, then `'i' format requires ...`.
    NativeSigned,
    /// Native `I`: an unsigned C long, then `'I' format requires ...`.
    NativeUnsigned,
    /// Native 8-byte signed (`l`, `q`, `n`): a C long.
    Long,
    /// Native 8-byte unsigned (`L`, `Q`, `N`): an unsigned C long.
    ULong,
    /// `P`: any integer in [-2^63, 2^64), negative ones as two's complement.
    Pointer,
    /// Standard signed (`>h`, `>i`, `<l`, ...): a C long, then `'c' format requires ...`.
    StdSigned,
    /// Standard unsigned (`>H`, `>I`, `<L`, ...): an unsigned C long, then the range.
    StdUnsigned,
    /// Standard 8-byte (`>q`, `>Q`): "int too large to convert" outside the range.
    StdLongLong,
}

/// What one format item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Pad,
    Char,
    Str,
    Pascal,
    Bool,
    Int {
        signed: bool,
        check: IntCheck,
    },
    Half,
    Float {
        /// Standard `f` refuses finite values that overflow; native `f` casts to infinity.
        checked: bool,
    },
    Double,
}

/// One parsed item: `count` values of `size` bytes each from `offset` (for `s` and `p`, one
/// value of `count` bytes; for `x`, no value).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Item {
    pub kind: Kind,
    pub code: char,
    pub size: usize,
    pub count: usize,
    pub offset: usize,
    pub big: bool,
}

impl Item {
    /// How many values the item packs and unpacks.
    pub fn values(&self) -> usize {
        match self.kind {
            Kind::Pad => 0,
            Kind::Str | Kind::Pascal => 1,
            _ => self.count,
        }
    }

    /// Bytes taken by one value.
    pub fn value_size(&self) -> usize {
        match self.kind {
            Kind::Str | Kind::Pascal => self.count,
            _ => self.size,
        }
    }
}

/// Size, alignment and kind of `code` in `mode`; `None` for a bad char.
pub(crate) fn lookup(code: u8, mode: Mode) -> Option<(usize, usize, Kind)> {
    use IntCheck::*;
    let native = mode == Mode::Native;
    let int = |signed, check| Kind::Int { signed, check };
    // Standard little-endian mode borrows the native packers where sizes agree (all but l, L);
    // big-endian mode on a little-endian host never does.
    let borrowed = mode != Mode::Big;
    let (size, kind) = match code {
        b'x' => (1, Kind::Pad),
        b'c' => (1, Kind::Char),
        b's' => (1, Kind::Str),
        b'p' => (1, Kind::Pascal),
        b'?' => (1, Kind::Bool),
        b'b' => (1, int(true, Named("byte", -128, 127))),
        b'B' => (1, int(false, Named("ubyte", 0, 255))),
        b'h' if borrowed => (2, int(true, Named("short", -32768, 32767))),
        b'H' if borrowed => (2, int(false, Named("ushort", 0, 65535))),
        b'h' => (2, int(true, StdSigned)),
        b'H' => (2, int(false, StdUnsigned)),
        b'i' if borrowed => (4, int(true, NativeSigned)),
        b'I' if borrowed => (4, int(false, NativeUnsigned)),
        b'i' => (4, int(true, StdSigned)),
        b'I' => (4, int(false, StdUnsigned)),
        b'l' if native => (8, int(true, Long)),
        b'L' if native => (8, int(false, ULong)),
        b'l' => (4, int(true, StdSigned)),
        b'L' => (4, int(false, StdUnsigned)),
        b'q' if borrowed => (8, int(true, Long)),
        b'Q' if borrowed => (8, int(false, ULong)),
        b'q' => (8, int(true, StdLongLong)),
        b'Q' => (8, int(false, StdLongLong)),
        b'n' if native => (8, int(true, Long)),
        b'N' if native => (8, int(false, ULong)),
        b'P' if native => (8, int(false, Pointer)),
        b'e' => (2, Kind::Half),
        b'f' => (4, Kind::Float { checked: !native }),
        b'd' => (8, Kind::Double),
        _ => return None,
    };
    let align = match kind {
        _ if !native => 1,
        Kind::Pad | Kind::Char | Kind::Str | Kind::Pascal | Kind::Bool => 1,
        _ => size,
    };
    Some((size, align, kind))
}

fn read_uint(bytes: &[u8], big: bool) -> u64 {
    let n = bytes.len();
    if big {
        BigEndian::read_uint(bytes, n)
    } else {
        LittleEndian::read_uint(bytes, n)
    }
}

/// Reads one value of `item` from `bytes` (exactly one value's bytes).
#[inline]
pub(crate) fn decode<'a>(item: &Item, bytes: &'a [u8]) -> Value<'a> {
    match item.kind {
        Kind::Char | Kind::Str => Value::Bytes(bytes),
        Kind::Pascal => match bytes.split_first() {
            Some((&len, rest)) => Value::Bytes(&rest[..usize::from(len).min(rest.len())]),
            None => Value::Bytes(&[]),
        },
        Kind::Bool => Value::Bool(bytes.iter().any(|&b| b != 0)),
        Kind::Int { signed, .. } => {
            let raw = read_uint(bytes, item.big);
            if signed {
                let shift = 64 - 8 * bytes.len() as u32;
                Value::Int(((raw << shift) as i64) >> shift)
            } else {
                Value::UInt(raw)
            }
        }
        Kind::Half => {
            let bits = read_uint(bytes, item.big) as u16;
            Value::Float(half::f16::from_bits(bits).to_f64())
        }
        Kind::Float { .. } => {
            Value::Float(f64::from(f32::from_bits(read_uint(bytes, item.big) as u32)))
        }
        Kind::Double => Value::Float(f64::from_bits(read_uint(bytes, item.big))),
        Kind::Pad => Value::Bytes(&[]),
    }
}

/// Checks an integer as the CPython packer for `item` does.
fn check_int(item: &Item, v: i128) -> Result<(), StructError> {
    let long = i128::from(i64::MIN)..=i128::from(i64::MAX);
    let ulong = 0..=i128::from(u64::MAX);
    let bits = 8 * item.size as u32;
    let (smin, smax) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
    let umax = (1i128 << bits) - 1;
    let code_range = |min: i128, max: i128| StructError::CodeRange {
        code: item.code,
        min: min as i64,
        max: max as u64,
    };
    let Kind::Int { check, .. } = item.kind else {
        return Ok(());
    };
    match check {
        IntCheck::Named(name, min, max) => {
            if !long.contains(&v) {
                return Err(StructError::ArgumentOutOfRange);
            }
            if v < i128::from(min) || v > i128::from(max) {
                return Err(StructError::NamedRange { name, min, max });
            }
        }
        IntCheck::NativeSigned | IntCheck::StdSigned => {
            if !long.contains(&v) {
                return Err(StructError::ArgumentOutOfRange);
            }
            if v < smin || v > smax {
                return Err(code_range(smin, smax));
            }
        }
        IntCheck::NativeUnsigned | IntCheck::StdUnsigned => {
            if !ulong.contains(&v) {
                return Err(StructError::ArgumentOutOfRange);
            }
            if v > umax {
                return Err(code_range(0, umax));
            }
        }
        IntCheck::Long => {
            if !long.contains(&v) {
                return Err(StructError::ArgumentOutOfRange);
            }
        }
        IntCheck::ULong => {
            if !ulong.contains(&v) {
                return Err(StructError::ArgumentOutOfRange);
            }
        }
        IntCheck::Pointer => {
            if v < i128::from(i64::MIN) || v > i128::from(u64::MAX) {
                return Err(StructError::IntTooLarge);
            }
        }
        IntCheck::StdLongLong => {
            let range = if let Kind::Int { signed: true, .. } = item.kind {
                long
            } else {
                ulong
            };
            if !range.contains(&v) {
                return Err(StructError::IntTooLarge);
            }
        }
    }
    Ok(())
}

/// Half-precision bits of `x` rounded to nearest even, as CPython's `PyFloat_Pack2` does (NaNs
/// become the quiet NaN with the sign kept and no payload).
fn half_bits(x: f64) -> Result<u16, StructError> {
    if x.is_nan() {
        return Ok(if x.is_sign_negative() { 0xfe00 } else { 0x7e00 });
    }
    let h = half::f16::from_f64(x);
    if h.is_infinite() && x.is_finite() {
        return Err(StructError::FloatTooLarge { code: 'e' });
    }
    Ok(h.to_bits())
}

/// The bytes `value` packs to for one value of `item`, checked; `out` is exactly one value's
/// bytes. With `out == None` only checks.
pub(crate) fn encode(
    item: &Item,
    value: &Value<'_>,
    out: Option<&mut [u8]>,
) -> Result<(), StructError> {
    let write_uint = |out: Option<&mut [u8]>, raw: u64| {
        if let Some(out) = out {
            let n = out.len();
            if item.big {
                BigEndian::write_uint(out, raw & mask(n), n);
            } else {
                LittleEndian::write_uint(out, raw & mask(n), n);
            }
        }
    };
    match item.kind {
        Kind::Pad => {
            if let Some(out) = out {
                out.fill(0);
            }
        }
        Kind::Char => match value {
            Value::Bytes(b) if b.len() == 1 => {
                if let Some(out) = out {
                    out.copy_from_slice(b);
                }
            }
            _ => return Err(StructError::NotAChar),
        },
        Kind::Str | Kind::Pascal => {
            let Value::Bytes(b) = value else {
                return Err(StructError::NotBytes { code: item.code });
            };
            if let Some(out) = out {
                out.fill(0);
                if item.kind == Kind::Str {
                    let n = b.len().min(out.len());
                    out[..n].copy_from_slice(&b[..n]);
                } else if let Some((len, data)) = out.split_first_mut() {
                    let n = b.len().min(data.len()).min(255);
                    data[..n].copy_from_slice(&b[..n]);
                    *len = n as u8;
                }
            }
        }
        Kind::Bool => write_uint(out, u64::from(value.truth())),
        Kind::Int { .. } => {
            let v = value.integer()?;
            check_int(item, v)?;
            write_uint(out, v as u64);
        }
        Kind::Half => {
            let bits = half_bits(value.float()?)?;
            write_uint(out, u64::from(bits));
        }
        Kind::Float { checked } => {
            let x = value.float()?;
            let y = x as f32;
            if checked && y.is_infinite() && x.is_finite() {
                return Err(StructError::FloatTooLarge { code: 'f' });
            }
            write_uint(out, u64::from(y.to_bits()));
        }
        Kind::Double => {
            let x = value.float()?;
            write_uint(out, x.to_bits());
        }
    }
    Ok(())
}

fn mask(bytes: usize) -> u64 {
    if bytes >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * bytes)) - 1
    }
}
