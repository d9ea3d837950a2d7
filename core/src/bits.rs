//! Bit fields: several fields packed into the bits of one group of bytes.
//!
//! Generated code reads a group as one unsigned integer in the struct's byte order, takes each
//! field's bits out with a shift and a mask, and converts them with [`BitField`].

use crate::endian::Endian;
use crate::error::Error;
use crate::overlay::Overlay;

/// A type that can be a `#[overlay(bits = N)]` field: integers up to 64 bits, `bool`, and
/// fieldless enums that derive `Overlay`. Implemented by the derive for enums; not meant to be
/// implemented by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a bit field",
    label = "`#[overlay(bits = ...)]` needs an integer, a bool or a derived enum here",
    note = "bit fields can be u8..u64, i8..i64, bool, or a fieldless enum that derives Overlay"
)]
pub trait BitField: Sized + Copy {
    /// The type's own width in bits; a field may not be wider.
    const BITS: u32;
    /// Whether values are signed (sign-extended from the field's width when read).
    const SIGNED: bool;
    /// Whether some bit patterns are not values (so views validate them).
    const VALIDATES: bool;
    /// What a getter returns for bits that `check_bits` rejected; never reached after
    /// validation, which is why no panic is needed.
    const FALLBACK: Self;
    /// The value of `raw` (the field's bits, zero-extended; sign-extend yourself if `SIGNED`),
    /// or `None` if no value has these bits (an unknown enum discriminant, a bool other than 0
    /// or 1).
    fn from_bits(raw: i128) -> Option<Self>;
    /// The value as a number, to range-check against the field's width.
    fn to_bits(self) -> i128;
    /// The error for bits that `from_bits` rejected, for a field whose path starts at `root`.
    fn invalid(raw: i128) -> Error;
}

macro_rules! int_bit_field {
    ($($ty:ty),*) => {$(
        impl BitField for $ty {
            const BITS: u32 = <$ty>::BITS;
            const SIGNED: bool = <$ty>::MIN != 0;
            const VALIDATES: bool = false;
            const FALLBACK: Self = 0;
            #[inline(always)]
            fn from_bits(raw: i128) -> Option<Self> {
                Some(raw as $ty)
            }
            #[inline(always)]
            fn to_bits(self) -> i128 {
                self as i128
            }
            fn invalid(raw: i128) -> Error {
                // Never called: every bit pattern is an integer (`from_bits` is always `Some`).
                Error::__invalid_enum::<$ty>(raw as i64)
            }
        }
    )*};
}

int_bit_field!(u8, u16, u32, u64, i8, i16, i32, i64);

impl BitField for bool {
    const BITS: u32 = 1;
    const SIGNED: bool = false;
    const VALIDATES: bool = true;
    const FALLBACK: Self = false;
    #[inline(always)]
    fn from_bits(raw: i128) -> Option<Self> {
        match raw {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    #[inline(always)]
    fn to_bits(self) -> i128 {
        i128::from(self)
    }
    fn invalid(raw: i128) -> Error {
        Error::invalid_bool(raw as u8)
    }
}

/// Reads a group of `bytes.len()` (at most 8) bytes as one unsigned integer.
#[inline(always)]
pub fn read_group(bytes: &[u8], endian: Endian) -> u64 {
    // The common widths as one load each: the bytes are taken as an array whole, so none is
    // loaded on its own. Generated code passes a constant-length slice, so all but one of
    // these tests fold away.
    if let Ok(&[b]) = <&[u8; 1]>::try_from(bytes) {
        return u64::from(b);
    }
    if let Ok(&b) = <&[u8; 2]>::try_from(bytes) {
        return u64::from(match endian {
            Endian::Big => u16::from_be_bytes(b),
            Endian::Little => u16::from_le_bytes(b),
        });
    }
    if let Ok(&b) = <&[u8; 4]>::try_from(bytes) {
        return u64::from(match endian {
            Endian::Big => u32::from_be_bytes(b),
            Endian::Little => u32::from_le_bytes(b),
        });
    }
    if let Ok(&b) = <&[u8; 8]>::try_from(bytes) {
        return match endian {
            Endian::Big => u64::from_be_bytes(b),
            Endian::Little => u64::from_le_bytes(b),
        };
    }
    let mut raw = 0u64;
    match endian {
        Endian::Big => {
            for &b in bytes {
                raw = (raw << 8) | u64::from(b);
            }
        }
        Endian::Little => {
            for &b in bytes.iter().rev() {
                raw = (raw << 8) | u64::from(b);
            }
        }
    }
    raw
}

/// Writes `raw` as a group of `bytes.len()` (at most 8) bytes.
#[inline(always)]
pub fn write_group(bytes: &mut [u8], endian: Endian, mut raw: u64) {
    match endian {
        Endian::Big => {
            for b in bytes.iter_mut().rev() {
                *b = raw as u8;
                raw >>= 8;
            }
        }
        Endian::Little => {
            for b in bytes.iter_mut() {
                *b = raw as u8;
                raw >>= 8;
            }
        }
    }
}

/// The mask of a field `width` bits wide (1..=64).
#[inline(always)]
pub const fn mask(width: u32) -> u64 {
    if width >= 64 {
        u64::MAX
    } else {
        (1u64 << width) - 1
    }
}

/// The field's bits of `group`, as the number `T::from_bits` takes (sign-extended for signed
/// types).
#[inline(always)]
pub fn extract<T: BitField>(group: u64, shift: u32, width: u32) -> i128 {
    let bits = (group >> shift) & mask(width);
    if T::SIGNED && width < 64 && bits >> (width - 1) & 1 == 1 {
        i128::from(bits) - (1i128 << width)
    } else if T::SIGNED && width == 64 {
        i128::from(bits as i64)
    } else {
        i128::from(bits)
    }
}

/// The field's value read from `group`, or `T::FALLBACK` for bits validation rejected.
#[inline(always)]
pub fn get<T: BitField>(group: u64, shift: u32, width: u32) -> T {
    match T::from_bits(extract::<T>(group, shift, width)) {
        Some(value) => value,
        None => T::FALLBACK,
    }
}

/// Checks the field's bits of `group`.
#[inline]
pub fn check<T: BitField>(group: u64, shift: u32, width: u32) -> Result<(), Error> {
    let raw = extract::<T>(group, shift, width);
    match T::from_bits(raw) {
        Some(_) => Ok(()),
        None => Err(T::invalid(raw)),
    }
}

/// `group` with the field's bits replaced by the low `width` bits of `value`; callers check
/// that the value fits first (`fits`).
#[inline(always)]
pub fn insert<T: BitField>(group: u64, shift: u32, width: u32, value: T) -> u64 {
    let field_mask = mask(width) << shift;
    (group & !field_mask) | (((value.to_bits() as u64) << shift) & field_mask)
}

/// Checks that `value` fits in a field `width` bits wide, naming the field of record `R` at
/// `shift` in the group at `group_offset` if not.
#[inline]
pub fn fits<T: BitField, R: Overlay>(
    value: T,
    width: u32,
    group_offset: usize,
    shift: u32,
) -> Result<(), Error> {
    let number = value.to_bits();
    let fits = if T::SIGNED {
        let half = 1i128 << (width - 1);
        -half <= number && number < half
    } else {
        0 <= number && number < (1i128 << width)
    };
    if fits {
        Ok(())
    } else {
        Err(Error::bit_field_overflow::<R>(
            number,
            T::SIGNED,
            width,
            group_offset,
            shift,
        ))
    }
}

/// `group` with the field's bits replaced by `value`, or an error naming the field of record
/// `R` if the value does not fit in `width` bits (see [`fits`]).
#[inline]
pub fn set<T: BitField, R: Overlay>(
    group: u64,
    shift: u32,
    width: u32,
    value: T,
    group_offset: usize,
) -> Result<u64, Error> {
    fits::<T, R>(value, width, group_offset, shift)?;
    Ok(insert(group, shift, width, value))
}
