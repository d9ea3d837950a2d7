//! Helpers for generated code. Not part of the API: may change in any release.

pub use crate::bits::{
    check as check_bits, fits as bits_fit, get as get_bits, insert as insert_bits, read_group,
    set as set_bits, write_group, BitField,
};
pub use crate::endian::EndianClass;
pub use crate::error::{Site, TailSites};
pub use crate::format::{
    format_body, format_class, format_for, format_len, format_prefix, format_str, format_write,
    FormatPart,
};
#[cfg(feature = "serde")]
pub use crate::serde_impl::{serialize_elements, AsBytes, SerializeView, ViewAs};
pub use crate::type_info::VarField;
pub use core;
#[cfg(feature = "serde")]
pub use serde;

/// Keeps its input when the `serde` feature of overlay is on, drops it otherwise: generated
/// `Serialize` impls go through here because the derive cannot see overlay's features.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __overlay_if_serde {
    ($($tokens:tt)*) => { $($tokens)* };
}

/// See the `serde` version above.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __overlay_if_serde {
    ($($tokens:tt)*) => {};
}

pub use crate::__overlay_if_serde as if_serde;

/// Borrows a slice that the caller has already sized as an array reference.
///
/// Generated code only calls this with constant ranges of a `&[u8; SIZE]`, so the check folds
/// away and the failure branch is dead; it exists only so no `unsafe` is needed.
#[inline(always)]
pub fn array_ref<const N: usize>(bytes: &[u8]) -> &[u8; N] {
    match bytes.try_into() {
        Ok(array) => array,
        Err(_) => length_invariant_broken(bytes.len(), N),
    }
}

/// Mutable counterpart of [`array_ref`].
#[inline(always)]
pub fn array_mut<const N: usize>(bytes: &mut [u8]) -> &mut [u8; N] {
    let len = bytes.len();
    match bytes.try_into() {
        Ok(array) => array,
        Err(_) => length_invariant_broken(len, N),
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn length_invariant_broken(found: usize, expected: usize) -> ! {
    panic!("overlay: internal length invariant broken ({found} bytes where {expected} were sized)")
}
