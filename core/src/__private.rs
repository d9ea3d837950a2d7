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
pub use crate::hexdump::{DumpVar, Inner, Part, PartKind};
pub use crate::meta::Meta;
pub use crate::overlay::Raw;
pub use crate::scalar::{array_mut, array_ref, record_chunk, record_chunk_mut};
#[cfg(feature = "serde")]
pub use crate::serde_impl::{serialize_elements, AsBytes, SerializeView, ViewAs};
pub use crate::tagged::{Tag, TaggedRaw, Variant};
pub use crate::type_info::VarField;
pub use crate::var::VarRaw;
pub use crate::varint::Varint;
pub use core;

use crate::endian::Endian;
use crate::error::Error;
use crate::overlay::Overlay;
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

/// Checks and views the record of `T` at the start of `bytes`, in byte order `endian`: the
/// fixed fields of a variable-length record.
#[inline(always)]
pub fn view_prefix<T: Overlay>(
    bytes: &[u8],
    endian: Endian,
) -> Result<(T::View<'_>, &[u8]), Error> {
    crate::overlay::view_at::<T>(bytes, 0, endian)
}

/// Checks `count` records of `T` whose starts are `stride` bytes apart in `bytes`: a
/// variable-length record's `VarRecords` field.
#[inline]
pub fn check_records<T: Overlay>(
    bytes: &[u8],
    count: usize,
    stride: usize,
    endian: Endian,
) -> Result<(), Error> {
    crate::records::table::<T>(bytes, count, stride, endian).map(|_| ())
}

/// The entry points' checks for a variable-length record whose fixed fields are `F`.
#[inline]
fn var_entry<F: Overlay>() -> &'static crate::entry::Entry {
    const { &crate::entry::Entry::variable(const { &crate::type_info::TypeInfo::of::<F>() }) }
}

/// The view of a variable-length record (fixed fields `F`) that `prefix` reads, which must
/// take all of `bytes`: the inherent `view_in` of records with parameters.
#[inline]
pub fn view_var<'a, F: Overlay, V>(
    bytes: &'a [u8],
    prefix: impl FnOnce(&'a [u8]) -> Result<(V, &'a [u8]), Error>,
) -> Result<V, Error> {
    var_entry::<F>().exact(bytes, prefix)
}

/// The view of a variable-length record at the start of `bytes`, and the bytes after it.
#[inline]
pub fn view_var_prefix<'a, F: Overlay, V>(
    bytes: &'a [u8],
    prefix: impl FnOnce(&'a [u8]) -> Result<(V, &'a [u8]), Error>,
) -> Result<(V, &'a [u8]), Error> {
    var_entry::<F>().at(bytes, 0, prefix)
}

/// Writable counterpart of [`view_var`].
#[inline]
pub fn view_var_mut<'a, F: Overlay, V>(
    bytes: &'a mut [u8],
    prefix: impl FnOnce(&'a mut [u8]) -> Result<(V, &'a mut [u8]), Error>,
) -> Result<V, Error> {
    var_entry::<F>().exact(bytes, prefix)
}

/// Writable counterpart of [`view_var_prefix`].
#[inline]
pub fn view_var_prefix_mut<'a, F: Overlay, V>(
    bytes: &'a mut [u8],
    prefix: impl FnOnce(&'a mut [u8]) -> Result<(V, &'a mut [u8]), Error>,
) -> Result<(V, &'a mut [u8]), Error> {
    var_entry::<F>().at(bytes, 0, prefix)
}
