//! Self-delimiting integers: LEB128 (WebAssembly, DWARF, protobuf) and SQLite's big-endian
//! varint. Each is a field type of variable-length records: its view decodes it once, when it
//! is made, and later lengths can name it (`len: Uleb128` then `#[overlay(bytes = "len")]`).

use core::fmt;

/// An unsigned LEB128 integer (WebAssembly, DWARF, protobuf): 7 bits a byte, least significant
/// group first, the high bit set on every byte but the last. In a view it reads as `u64`.
///
/// Padded encodings (`0x80 0x00` for 0), which WebAssembly allows and linkers write to reserve
/// room, are accepted. An encoding of more than 10 bytes, a tenth byte with bits past the 64th,
/// and one that the buffer cuts short are errors ([`ErrorKind::BadVarint`](crate::ErrorKind)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Uleb128;

/// A signed LEB128 integer (two's complement, sign-extended from the last byte's bit 6). In a
/// view it reads as `i64`. The same rules as [`Uleb128`]; a tenth byte must be `0x00` or
/// `0x7f`, the sign extension of bit 63.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sleb128;

/// SQLite's varint (the database file format, section 1.6): 1 to 9 bytes, most significant
/// group first, 7 bits a byte with the high bit as continuation, except a ninth byte that gives
/// all 8 of its bits. In a view it reads as `i64`, as SQLite reads it (a 64-bit two's complement
/// integer). It cannot be too long; one that the buffer cuts short is an error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SqliteVarint;

/// What is wrong with a self-delimiting integer's bytes.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarintProblem {
    /// The buffer ends before the encoding's last byte.
    Truncated,
    /// More bytes than any 64-bit value needs (LEB128: over 10).
    TooLong,
    /// The value does not fit in 64 bits.
    Overflow,
}

impl VarintProblem {
    pub(crate) fn code(self) -> u64 {
        match self {
            VarintProblem::Truncated => 0,
            VarintProblem::TooLong => 1,
            VarintProblem::Overflow => 2,
        }
    }

    pub(crate) fn from_code(code: u64) -> Self {
        match code {
            1 => VarintProblem::TooLong,
            2 => VarintProblem::Overflow,
            _ => VarintProblem::Truncated,
        }
    }
}

impl fmt::Display for VarintProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            VarintProblem::Truncated => "the buffer ends before its last byte",
            VarintProblem::TooLong => "it is longer than 10 bytes, more than a 64-bit value needs",
            VarintProblem::Overflow => "its value does not fit in 64 bits",
        })
    }
}

/// How generated code reads and writes one kind of self-delimiting integer. Not part of the API.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a self-delimiting integer",
    note = "the self-delimiting integers are overlay::Uleb128, overlay::Sleb128 and \
            overlay::SqliteVarint"
)]
pub trait Varint {
    /// What the view's getter returns.
    type Value: Copy + Default + Into<i128>;
    /// The encoding's name in errors: `LEB128`.
    const NAME: &'static str;
    /// The value at the start of `bytes`, its encoding and the bytes after it. (Split where the
    /// last byte is found, so that the caller's fast path has no length check of its own.)
    #[allow(clippy::type_complexity)]
    fn __read(bytes: &[u8]) -> Result<(Self::Value, &[u8], &[u8]), VarintProblem>;
    /// Writes `value` in exactly `dst.len()` bytes (padded if it needs fewer), or returns the
    /// bytes it needs at the least if they are more.
    fn __write(value: Self::Value, dst: &mut [u8]) -> Result<(), usize>;
}

/// `bytes` split after its first `len`; the callers have just read byte `len - 1`, so this is
/// never `Err` (and the compiler sees that).
#[inline(always)]
fn split(bytes: &[u8], len: usize) -> Result<(&[u8], &[u8]), VarintProblem> {
    bytes.split_at_checked(len).ok_or(VarintProblem::Truncated)
}

/// The most bytes a LEB128 encoding of a 64-bit value takes.
const LEB_MAX: usize = 10;

impl Varint for Uleb128 {
    type Value = u64;
    const NAME: &'static str = "unsigned LEB128";

    #[inline]
    fn __read(bytes: &[u8]) -> Result<(u64, &[u8], &[u8]), VarintProblem> {
        let mut value = 0u64;
        for (i, &byte) in bytes.iter().take(LEB_MAX).enumerate() {
            if i == LEB_MAX - 1 {
                if byte & 0x80 != 0 {
                    return Err(VarintProblem::TooLong);
                }
                if byte & 0x7e != 0 {
                    return Err(VarintProblem::Overflow);
                }
            }
            value |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                return split(bytes, i + 1).map(|(encoding, rest)| (value, encoding, rest));
            }
        }
        Err(VarintProblem::Truncated)
    }

    #[inline]
    fn __write(value: u64, dst: &mut [u8]) -> Result<(), usize> {
        let needed = (64 - value.leading_zeros() as usize).div_ceil(7).max(1);
        if needed > dst.len() {
            return Err(needed);
        }
        let last = dst.len() - 1;
        for (i, byte) in dst.iter_mut().enumerate() {
            let group = value.checked_shr(7 * i as u32).unwrap_or(0) as u8 & 0x7f;
            *byte = if i == last { group } else { group | 0x80 };
        }
        Ok(())
    }
}

impl Varint for Sleb128 {
    type Value = i64;
    const NAME: &'static str = "signed LEB128";

    #[inline]
    fn __read(bytes: &[u8]) -> Result<(i64, &[u8], &[u8]), VarintProblem> {
        let mut value = 0u64;
        for (i, &byte) in bytes.iter().take(LEB_MAX).enumerate() {
            let shift = 7 * i as u32;
            if i == LEB_MAX - 1 {
                if byte & 0x80 != 0 {
                    return Err(VarintProblem::TooLong);
                }
                // Bit 63 and its sign extension.
                if byte != 0 && byte != 0x7f {
                    return Err(VarintProblem::Overflow);
                }
            }
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                let end = shift + 7;
                if end < 64 && byte & 0x40 != 0 {
                    value |= u64::MAX << end;
                }
                return split(bytes, i + 1).map(|(encoding, rest)| (value as i64, encoding, rest));
            }
        }
        Err(VarintProblem::Truncated)
    }

    #[inline]
    fn __write(value: i64, dst: &mut [u8]) -> Result<(), usize> {
        // Significant bits, with the sign bit.
        let bits = 65
            - if value < 0 {
                value.leading_ones()
            } else {
                value.leading_zeros()
            } as usize;
        let needed = bits.div_ceil(7).clamp(1, LEB_MAX);
        if needed > dst.len() {
            return Err(needed);
        }
        let last = dst.len() - 1;
        for (i, byte) in dst.iter_mut().enumerate() {
            let group = (value >> (7 * i as u32).min(63)) as u8 & 0x7f;
            *byte = if i == last { group } else { group | 0x80 };
        }
        Ok(())
    }
}

impl Varint for SqliteVarint {
    type Value = i64;
    const NAME: &'static str = "SQLite varint";

    #[inline]
    fn __read(bytes: &[u8]) -> Result<(i64, &[u8], &[u8]), VarintProblem> {
        let mut value = 0u64;
        for (i, &byte) in bytes.iter().take(9).enumerate() {
            if i == 8 {
                let value = (value << 8 | u64::from(byte)) as i64;
                return split(bytes, 9).map(|(encoding, rest)| (value, encoding, rest));
            }
            value = value << 7 | u64::from(byte & 0x7f);
            if byte & 0x80 == 0 {
                return split(bytes, i + 1).map(|(encoding, rest)| (value as i64, encoding, rest));
            }
        }
        Err(VarintProblem::Truncated)
    }

    #[inline]
    fn __write(value: i64, dst: &mut [u8]) -> Result<(), usize> {
        let value = value as u64;
        let bits = 64 - value.leading_zeros() as usize;
        let needed = if bits > 56 {
            9
        } else {
            bits.div_ceil(7).max(1)
        };
        if needed > dst.len() || dst.len() > 9 {
            return Err(needed);
        }
        let len = dst.len();
        if len == 9 {
            // Eight 7-bit groups of the top 56 bits, then the low 8 bits whole.
            for (i, byte) in dst[..8].iter_mut().enumerate() {
                *byte = (value >> (8 + 7 * (7 - i))) as u8 & 0x7f | 0x80;
            }
            dst[8] = value as u8;
            return Ok(());
        }
        for (i, byte) in dst.iter_mut().enumerate() {
            let group = (value >> (7 * (len - 1 - i))) as u8 & 0x7f;
            *byte = if i == len - 1 { group } else { group | 0x80 };
        }
        Ok(())
    }
}
