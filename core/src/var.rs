//! Records with a variable-length tail: fields whose length comes from earlier fields (IPv4
//! options, pcap packet bodies, RIFF chunks) or that take the rest of the buffer.

use core::fmt;
use core::marker::PhantomData;

use crate::endian::{Endian, RuntimeEndian};
use crate::entry::{entry_points, Entry};
use crate::error::Error;
use crate::type_info::TypeInfo;

/// A field of bytes whose length the data gives: `#[overlay(bytes = "len")]`,
/// `#[overlay(count = "len")]` or `#[overlay(rest)]`. In a view it reads as `&[u8]`.
///
/// The struct that holds it describes a layout; its views are made with [`VarOverlay`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct VarBytes;

/// A field of records of `T` whose count the data gives: `#[overlay(count = "n")]`,
/// `#[overlay(bytes = "len")]` (a whole number of records) or `#[overlay(rest)]`. In a view it
/// reads as [`Records`](crate::Records).
pub struct VarRecords<T>(PhantomData<fn() -> T>);

impl<T> Clone for VarRecords<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for VarRecords<T> {}
impl<T> Default for VarRecords<T> {
    fn default() -> Self {
        VarRecords(PhantomData)
    }
}
impl<T> PartialEq for VarRecords<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
impl<T> Eq for VarRecords<T> {}
impl<T> fmt::Debug for VarRecords<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VarRecords")
    }
}

/// A record with variable-length fields, derived with `#[derive(Overlay)]` on a struct whose
/// last fields are [`VarBytes`] or [`VarRecords`]. Its fixed fields form a generated struct
/// `<Name>Fixed` (an ordinary [`Overlay`](crate::Overlay) type); the view reads those through
/// `Deref` and the variable fields as slices and record tables.
///
/// Making a view checks that every declared length fits the buffer (and validates the fixed
/// part and every record), so reading never fails afterwards.
///
/// The methods ending in `_with` take the byte order as an argument; they exist only for
/// records declared with `#[overlay(endian = "runtime")]` ([`RuntimeEndian`]).
pub trait VarOverlay: VarRaw {
    /// Bytes before the first variable-length field.
    const FIXED_SIZE: usize;

    /// A read-only view of one record in place.
    type View<'a>: Copy;

    /// A writable view of one record in place: the fixed fields' setters through `DerefMut`,
    /// and `&mut [u8]` or [`RecordsMut`](crate::RecordsMut) for the variable fields. Their
    /// lengths are fixed when the view is made: changing a length field through it does not
    /// move them.
    type ViewMut<'a>;

    entry_points!(default: Self::__DEFAULT_ENDIAN);

    /// Iterates over records laid back to back in `bytes` (a capture, a log, a message
    /// stream): each item is the next record's view, and the first record that is malformed
    /// ends the stream with its error, its offset counted from the start of `bytes` (see the
    /// crate guide for an example).
    #[inline]
    fn stream(bytes: &[u8]) -> VarStream<'_, Self> {
        VarStream::new(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// A variable-length record has no fixed size, so there is no table of them; this
    /// iterates them as a [`stream`](VarOverlay::stream).
    #[deprecated(
        note = "variable-length records have no fixed size, so there is no table of them: \
                iterate them with `stream(bytes)`, or walk them with `view_prefix`"
    )]
    #[inline]
    fn records(bytes: &[u8]) -> VarStream<'_, Self> {
        Self::stream(bytes)
    }

    /// [`stream`](VarOverlay::stream) in byte order `endian`.
    #[inline]
    fn stream_with(bytes: &[u8], endian: Endian) -> VarStream<'_, Self>
    where
        Self: RuntimeEndian,
    {
        VarStream::new(bytes, endian)
    }
}

/// The hidden half of [`VarOverlay`]: how generated code reads a record from the start of a
/// buffer. Not part of the API: may change in any release.
#[doc(hidden)]
pub trait VarRaw: Sized {
    /// The byte order the entry points without `_with` use.
    const __DEFAULT_ENDIAN: Endian;
    /// The record's fixed fields, under the record's name.
    const __INFO: TypeInfo;

    /// Views the record at the start of `bytes` in byte order `endian`; returns the view and
    /// the bytes after the record.
    fn __view_prefix(
        bytes: &[u8],
        endian: Endian,
    ) -> Result<(<Self as VarOverlay>::View<'_>, &[u8]), Error>
    where
        Self: VarOverlay;

    /// Writable counterpart of `__view_prefix`.
    fn __view_prefix_mut(
        bytes: &mut [u8],
        endian: Endian,
    ) -> Result<(<Self as VarOverlay>::ViewMut<'_>, &mut [u8]), Error>
    where
        Self: VarOverlay;
}

/// The entry points' view of `T`: its fixed size and how errors name it.
#[inline]
fn entry<T: VarOverlay>() -> &'static Entry {
    const { &Entry::variable(const { &T::__INFO }) }
}

#[inline]
fn view<T: VarOverlay>(bytes: &[u8], endian: Endian) -> Result<T::View<'_>, Error> {
    entry::<T>().exact(bytes, |bytes| T::__view_prefix(bytes, endian))
}

#[inline]
pub(crate) fn view_at<T: VarOverlay>(
    bytes: &[u8],
    offset: usize,
    endian: Endian,
) -> Result<(T::View<'_>, &[u8]), Error> {
    entry::<T>().at(bytes, offset, |bytes| T::__view_prefix(bytes, endian))
}

#[inline]
fn view_mut<T: VarOverlay>(bytes: &mut [u8], endian: Endian) -> Result<T::ViewMut<'_>, Error> {
    entry::<T>().exact(bytes, |bytes| T::__view_prefix_mut(bytes, endian))
}

#[inline]
fn view_at_mut<T: VarOverlay>(
    bytes: &mut [u8],
    offset: usize,
    endian: Endian,
) -> Result<(T::ViewMut<'_>, &mut [u8]), Error> {
    entry::<T>().at(bytes, offset, |bytes| T::__view_prefix_mut(bytes, endian))
}

/// Iterator over variable-length records laid back to back: see [`VarOverlay::stream`].
pub struct VarStream<'a, T: VarOverlay> {
    pub(crate) bytes: &'a [u8],
    offset: usize,
    pub(crate) endian: Endian,
    done: bool,
    _type: PhantomData<fn() -> T>,
}

impl<'a, T: VarOverlay> VarStream<'a, T> {
    #[inline]
    fn new(bytes: &'a [u8], endian: Endian) -> Self {
        VarStream {
            bytes,
            offset: 0,
            endian,
            done: false,
            _type: PhantomData,
        }
    }

    /// Where the next record starts, from the start of the stream's bytes.
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The bytes not yet read: after an error, from the start of the bad record.
    #[inline]
    pub fn remainder(&self) -> &'a [u8] {
        self.bytes.get(self.offset..).unwrap_or(&[])
    }
}

impl<'a, T: VarOverlay> Iterator for VarStream<'a, T> {
    type Item = Result<T::View<'a>, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.offset >= self.bytes.len() {
            return None;
        }
        match view_at::<T>(self.bytes, self.offset, self.endian) {
            Ok((view, rest)) => {
                let next = self.bytes.len() - rest.len();
                if next == self.offset {
                    // A record of no bytes would repeat forever: yield it once and stop.
                    self.done = true;
                }
                self.offset = next;
                Some(Ok(view))
            }
            Err(error) => {
                self.done = true;
                Some(Err(error))
            }
        }
    }
}

impl<T: VarOverlay> core::iter::FusedIterator for VarStream<'_, T> {}
