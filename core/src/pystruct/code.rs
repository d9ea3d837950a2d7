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
    Named(&'static str, i32, i32),
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

/// How one value is read, fixed per item when the format is parsed so that reading a value is
/// one dispatch and one load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Bytes,
    Pascal,
    Bool,
    U8,
    I8,
    U16Le,
    U16Be,
    I16Le,
    I16Be,
    U32Le,
    U32Be,
    I32Le,
    I32Be,
    U64Le,
    U64Be,
    I64Le,
    I64Be,
    F16Le,
    F16Be,
    F32Le,
    F32Be,
    F64Le,
    F64Be,
}

impl Op {
    /// The reader for values of `kind` that are `size` bytes each.
    pub fn new(kind: Kind, size: usize, big: bool) -> Op {
        let pick = |le, be| if big { be } else { le };
        match (kind, size) {
            (Kind::Char | Kind::Str | Kind::Pad, _) => Op::Bytes,
            (Kind::Pascal, _) => Op::Pascal,
            (Kind::Bool, _) => Op::Bool,
            (Kind::Int { signed: false, .. }, 1) => Op::U8,
            (Kind::Int { signed: true, .. }, 1) => Op::I8,
            (Kind::Int { signed: false, .. }, 2) => pick(Op::U16Le, Op::U16Be),
            (Kind::Int { signed: true, .. }, 2) => pick(Op::I16Le, Op::I16Be),
            (Kind::Int { signed: false, .. }, 4) => pick(Op::U32Le, Op::U32Be),
            (Kind::Int { signed: true, .. }, 4) => pick(Op::I32Le, Op::I32Be),
            (Kind::Int { signed: false, .. }, _) => pick(Op::U64Le, Op::U64Be),
            (Kind::Int { signed: true, .. }, _) => pick(Op::I64Le, Op::I64Be),
            (Kind::Half, _) => pick(Op::F16Le, Op::F16Be),
            (Kind::Float { .. }, _) => pick(Op::F32Le, Op::F32Be),
            (Kind::Double, _) => pick(Op::F64Le, Op::F64Be),
        }
    }
}

/// `N` bytes of `record` from `start`.
#[inline(always)]
fn array<const N: usize>(record: &[u8], start: usize) -> Option<[u8; N]> {
    record.get(start..start.checked_add(N)?)?.try_into().ok()
}

/// Reads the value of `op` that starts at `start` in `record` (`width` bytes for `Bytes` and
/// `Pascal`); `None` only if the record is too short, which a parsed format rules out.
#[inline(always)]
pub(crate) fn decode_at<'a>(
    op: Op,
    record: &'a [u8],
    start: usize,
    width: usize,
) -> Option<Value<'a>> {
    Some(match op {
        Op::Bytes => Value::Bytes(record.get(start..start.checked_add(width)?)?),
        Op::Pascal => {
            let bytes = record.get(start..start.checked_add(width)?)?;
            match bytes.split_first() {
                Some((&len, rest)) => Value::Bytes(&rest[..usize::from(len).min(rest.len())]),
                None => Value::Bytes(&[]),
            }
        }
        Op::Bool => Value::Bool(*record.get(start)? != 0),
        Op::U8 => Value::UInt(u64::from(*record.get(start)?)),
        Op::I8 => Value::Int(i64::from(*record.get(start)? as i8)),
        Op::U16Le => Value::UInt(u64::from(u16::from_le_bytes(array(record, start)?))),
        Op::U16Be => Value::UInt(u64::from(u16::from_be_bytes(array(record, start)?))),
        Op::I16Le => Value::Int(i64::from(i16::from_le_bytes(array(record, start)?))),
        Op::I16Be => Value::Int(i64::from(i16::from_be_bytes(array(record, start)?))),
        Op::U32Le => Value::UInt(u64::from(u32::from_le_bytes(array(record, start)?))),
        Op::U32Be => Value::UInt(u64::from(u32::from_be_bytes(array(record, start)?))),
        Op::I32Le => Value::Int(i64::from(i32::from_le_bytes(array(record, start)?))),
        Op::I32Be => Value::Int(i64::from(i32::from_be_bytes(array(record, start)?))),
        Op::U64Le => Value::UInt(u64::from_le_bytes(array(record, start)?)),
        Op::U64Be => Value::UInt(u64::from_be_bytes(array(record, start)?)),
        Op::I64Le => Value::Int(i64::from_le_bytes(array(record, start)?)),
        Op::I64Be => Value::Int(i64::from_be_bytes(array(record, start)?)),
        Op::F16Le => Value::Float(half::f16::from_le_bytes(array(record, start)?).to_f64()),
        Op::F16Be => Value::Float(half::f16::from_be_bytes(array(record, start)?).to_f64()),
        Op::F32Le => Value::Float(f64::from(f32::from_le_bytes(array(record, start)?))),
        Op::F32Be => Value::Float(f64::from(f32::from_be_bytes(array(record, start)?))),
        Op::F64Le => Value::Float(f64::from_le_bytes(array(record, start)?)),
        Op::F64Be => Value::Float(f64::from_be_bytes(array(record, start)?)),
    })
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
///
/// Rounded here in one step from the double's exact value: the `half` crate's `from_f64`
/// either goes through `f32` (rounding twice: 0x1ffdffffff * 2^-26 must give 0x67ff, not
/// 0x6800) or drops the low 32 bits of the mantissa before rounding (so 2^-25 plus a little
/// gives 0, not the smallest subnormal).
fn half_bits(x: f64) -> Result<u16, StructError> {
    let sign = u16::from(x.is_sign_negative()) << 15;
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    if x == 0.0 {
        return Ok(sign);
    }
    // |x| = mantissa * 2^exponent exactly, subnormal doubles included.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    // 2^top <= |x| < 2^(top + 1).
    let top = exponent + 63 - mantissa.leading_zeros() as i32;
    if top >= 16 {
        return Err(StructError::FloatTooLarge { code: 'e' });
    }
    // The half's last place is 2^(top - 10), or 2^-24 below the normal range; count |x| in
    // those units, rounding half to even. A double's last place is always much finer.
    let unit = top.max(-14) - 10;
    let shift = (unit - exponent) as u32;
    let units = if shift >= 64 {
        0
    } else {
        let below = mantissa & ((1 << shift) - 1);
        let half_unit = 1 << (shift - 1);
        let floor = mantissa >> shift;
        floor + u64::from(below > half_unit || (below == half_unit && floor & 1 == 1))
    };
    // Normal halves hold 1024 to 2047 units above an exponent field of `top + 14` (one less
    // than the biased exponent, as the leading 1 is one more unit of 1024); subnormals hold
    // the units alone. A carry to 2048 units moves into the exponent field by itself.
    let magnitude = (((top.max(-14) + 14) as u64) << 10) + units;
    if magnitude >= 0x7c00 {
        return Err(StructError::FloatTooLarge { code: 'e' });
    }
    Ok(sign | magnitude as u16)
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
                    // Every byte that fits is copied, but the length byte saturates at 255:
                    // `1000p` packs 999 bytes behind a length of 255, as CPython does.
                    let n = b.len().min(data.len());
                    data[..n].copy_from_slice(&b[..n]);
                    *len = n.min(255) as u8;
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
            let bits = half_bits(value.float()?).map_err(|e| int_overflow(value, e))?;
            write_uint(out, u64::from(bits));
        }
        Kind::Float { checked } => {
            let x = value.float()?;
            let y = x as f32;
            if checked && y.is_infinite() && x.is_finite() {
                return Err(int_overflow(
                    value,
                    StructError::FloatTooLarge { code: 'f' },
                ));
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

/// CPython's `pack` turns any `OverflowError` raised while packing an `int` (`bool` included)
/// into `struct.error("int too large to convert")`: `struct.pack("e", 70000)` says that, where
/// `struct.pack("e", 70000.0)` says "float too large to pack with e format".
fn int_overflow(value: &Value<'_>, e: StructError) -> StructError {
    match value {
        Value::Int(_) | Value::UInt(_) | Value::Bool(_) => StructError::IntTooLarge,
        Value::Float(_) | Value::Bytes(_) => e,
    }
}

fn mask(bytes: usize) -> u64 {
    if bytes >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * bytes)) - 1
    }
}
