//! Tagged payloads: a field whose layout an earlier field of the record chooses (an EtherType
//! picks IPv4, IPv6 or ARP; an IP protocol number picks TCP or UDP). A derived payload enum
//! names its variants' record types and the tag values that select them; the record that holds
//! the field views the chosen variant once, when its own view is made.

use core::fmt;

use crate::endian::Endian;
use crate::error::Error;
use crate::hexdump::Inner;
use crate::overlay::Overlay;
use crate::type_info::TypeInfo;

/// A payload enum, derived with `#[derive(Overlay)]` on an enum whose variants each hold one
/// record type and name the tag values that select it:
///
/// ```ignore
/// #[derive(Overlay)]
/// enum EtherPayload {
///     #[overlay(tag = 0x0806)]
///     Arp(Arp),
///     #[overlay(tag = 0x8100, tag = 0x88a8)]
///     Vlan(Vlan),
///     #[overlay(other)]
///     Unknown(VarBytes),
/// }
/// ```
///
/// (The `overlay` crate's guide, section "Tagged payloads", has a runnable example.)
///
/// A record holds one as a field with `#[overlay(tag = "ether_type")]`, naming the earlier
/// field whose value chooses the variant; its getter returns the enum of views
/// (`EtherPayloadView::Arp(ArpView)`), which users match exhaustively. The field's extent is the
/// chosen variant's own size, a length (`bytes = "..."`) or the rest of the buffer (`rest`); the
/// read-only view's `<field>_bytes()` returns the whole extent, with any bytes after a shorter
/// variant (Ethernet padding after ARP). A writable view's `<field>()` and `<field>_mut()` give
/// the variant's writable view. The catch-all (`#[overlay(other)]`, holding `VarBytes`, last) takes the whole extent
/// when no variant has the tag; without one, an unknown tag is an error
/// ([`ErrorKind::UnknownTag`](crate::ErrorKind::UnknownTag)).
pub trait Tagged: TaggedRaw {
    /// An enum of the variants' read-only views (the catch-all's is `&[u8]`).
    type View<'a>: Copy + fmt::Debug;

    /// An enum of the variants' writable views (the catch-all's is `&mut [u8]`).
    type ViewMut<'a>;

    /// The variants in order, with the tags that select them.
    const VARIANTS: &'static [TagVariant];

    /// Views the variant that `tag` selects at the start of `bytes` (records in their own byte
    /// order; those that take one at run time in little-endian): its view and the bytes after
    /// it, or `None` if no variant has this tag and the enum has no catch-all.
    ///
    /// For a tag read outside the record (a capture file's link type choosing each packet's
    /// link layer).
    #[inline]
    #[allow(clippy::type_complexity)]
    fn view_prefix(tag: i128, bytes: &[u8]) -> Result<Option<(Self::View<'_>, &[u8])>, Error> {
        Ok(Self::__view_tagged(tag, bytes, Endian::Little)?
            .map(|(view, used)| (view, bytes.get(used..).unwrap_or(&[]))))
    }

    /// [`view_prefix`](Tagged::view_prefix) with variants that take their byte order at run
    /// time read in `endian` (a pcapng section's, an ELF file's).
    #[inline]
    #[allow(clippy::type_complexity)]
    fn view_prefix_with(
        tag: i128,
        bytes: &[u8],
        endian: Endian,
    ) -> Result<Option<(Self::View<'_>, &[u8])>, Error> {
        Ok(Self::__view_tagged(tag, bytes, endian)?
            .map(|(view, used)| (view, bytes.get(used..).unwrap_or(&[]))))
    }

    /// Writable counterpart of [`view_prefix`](Tagged::view_prefix).
    #[inline]
    #[allow(clippy::type_complexity)]
    fn view_prefix_mut(
        tag: i128,
        bytes: &mut [u8],
    ) -> Result<Option<(Self::ViewMut<'_>, &mut [u8])>, Error> {
        Self::__view_tagged_mut(tag, bytes, Endian::Little)
    }
}

/// One variant of a [`Tagged`] payload enum, as [`Tagged::VARIANTS`] lists it.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TagVariant {
    /// The variant's name: `Ipv4`.
    pub name: &'static str,
    /// The record type it holds, as written: `Ipv4Packet` (`VarBytes` for the catch-all).
    pub type_name: &'static str,
    /// The tag values that select it; empty for the catch-all.
    pub tags: &'static [i128],
    /// Whether this is the catch-all, which holds the bytes of every tag no variant names.
    pub other: bool,
}

impl TagVariant {
    #[doc(hidden)]
    pub const fn __new(
        name: &'static str,
        type_name: &'static str,
        tags: &'static [i128],
        other: bool,
    ) -> Self {
        TagVariant {
            name,
            type_name,
            tags,
            other,
        }
    }
}

/// The hidden half of [`Tagged`]: how a record's view reads its payload field. Not part of the
/// API: may change in any release.
#[doc(hidden)]
pub trait TaggedRaw: Sized {
    /// The variant `tag` selects, viewed (and validated) at the start of `bytes` in byte order
    /// `endian`, and the bytes it takes; `None` when no variant has the tag and there is no
    /// catch-all.
    #[allow(clippy::type_complexity)]
    fn __view_tagged(
        tag: i128,
        bytes: &[u8],
        endian: Endian,
    ) -> Result<Option<(<Self as Tagged>::View<'_>, usize)>, Error>
    where
        Self: Tagged;

    /// The chosen variant's name, what the hex dump shows of it, and the bytes it takes.
    fn __dump<'v>(view: &'v <Self as Tagged>::View<'_>) -> (&'static str, Inner<'v>, usize)
    where
        Self: Tagged;

    /// Writable counterpart of `__view_tagged`: the view and the bytes after the variant.
    #[allow(clippy::type_complexity)]
    fn __view_tagged_mut(
        tag: i128,
        bytes: &mut [u8],
        endian: Endian,
    ) -> Result<Option<(<Self as Tagged>::ViewMut<'_>, &mut [u8])>, Error>
    where
        Self: Tagged;
}

/// A record type that can be a payload variant: fixed-size records (every [`Overlay`] type) and
/// variable-length ones (the derive implements it for each). Not part of the API.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a variant of a tagged payload",
    label = "a payload variant holds one record type",
    note = "a variant holds a type that derives Overlay (a fixed-size or variable-length record), \
            a scalar, or `VarBytes` for the #[overlay(other)] catch-all"
)]
pub trait Variant {
    /// Its read-only view.
    type View<'a>: Copy;
    /// Its writable view.
    type ViewMut<'a>;

    /// Views the record at the start of `bytes`; returns the view and the record's size.
    fn __variant(bytes: &[u8], endian: Endian) -> Result<(Self::View<'_>, usize), Error>;

    /// Writable counterpart of `__variant`: the view and the bytes after the record.
    #[allow(clippy::type_complexity)]
    fn __variant_mut(
        bytes: &mut [u8],
        endian: Endian,
    ) -> Result<(Self::ViewMut<'_>, &mut [u8]), Error>;

    /// What the hex dump shows of a view, and the bytes the record takes.
    fn __dump_inner<'v>(view: &'v Self::View<'_>) -> (Inner<'v>, usize);
}

impl<T: Overlay> Variant for T {
    type View<'a> = T::View<'a>;
    type ViewMut<'a> = T::ViewMut<'a>;

    #[inline(always)]
    fn __variant(bytes: &[u8], endian: Endian) -> Result<(T::View<'_>, usize), Error> {
        let (view, _) = crate::overlay::view_at::<T>(bytes, 0, endian)?;
        Ok((view, T::SIZE))
    }

    #[inline]
    fn __variant_mut(
        bytes: &mut [u8],
        endian: Endian,
    ) -> Result<(T::ViewMut<'_>, &mut [u8]), Error> {
        crate::overlay::view_at_mut::<T>(bytes, 0, endian)
    }

    #[inline]
    fn __dump_inner<'v>(view: &'v T::View<'_>) -> (Inner<'v>, usize) {
        let _ = view;
        (Inner::Fixed(const { &TypeInfo::of::<T>() }), T::SIZE)
    }
}

/// A field that can choose a payload's variant: integers up to 64 bits, bools and derived
/// enums. Not part of the API.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the tag of a payload",
    label = "`#[overlay(tag = \"...\")]` names a field of this type",
    note = "a tag is an integer of up to 64 bits, a bool or a derived enum (a bit field too)"
)]
pub trait Tag: Sized {
    /// The value, as tags are compared.
    fn __tag(self) -> i128;
}

macro_rules! int_tag {
    ($($ty:ty),*) => {$(
        impl Tag for $ty {
            #[inline(always)]
            fn __tag(self) -> i128 {
                self as i128
            }
        }
    )*};
}

int_tag!(u8, u16, u32, u64, i8, i16, i32, i64, bool);
