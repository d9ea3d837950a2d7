//! Records with a variable-length tail: fields whose length comes from earlier fields (IPv4
//! options, pcap packet bodies, RIFF chunks) or that take the rest of the buffer.

use core::fmt;
use core::marker::PhantomData;

use crate::endian::Endian;
use crate::error::{Error, Site};
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
pub trait VarOverlay: Sized {
    /// Bytes before the first variable-length field.
    const FIXED_SIZE: usize;

    /// A read-only view of one record in place.
    type View<'a>: Copy;

    /// A writable view of one record in place: the fixed fields' setters through `DerefMut`,
    /// and `&mut [u8]` or [`RecordsMut`](crate::RecordsMut) for the variable fields. Their
    /// lengths are fixed when the view is made: changing a length field through it does not
    /// move them.
    type ViewMut<'a>;

    #[doc(hidden)]
    const __DEFAULT_ENDIAN: Endian;
    #[doc(hidden)]
    const __INFO: TypeInfo;

    /// Views the record at the start of `bytes` in byte order `endian`; returns the view and
    /// the bytes after the record.
    #[doc(hidden)]
    fn __view_prefix(bytes: &[u8], endian: Endian) -> Result<(Self::View<'_>, &[u8]), Error>;

    /// Writable counterpart of `__view_prefix`.
    #[doc(hidden)]
    fn __view_prefix_mut(
        bytes: &mut [u8],
        endian: Endian,
    ) -> Result<(Self::ViewMut<'_>, &mut [u8]), Error>;

    /// Writable view of the record at the start of `bytes`, and the bytes after it.
    #[inline]
    fn view_prefix_mut(bytes: &mut [u8]) -> Result<(Self::ViewMut<'_>, &mut [u8]), Error> {
        Self::__view_prefix_mut(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// [`view_prefix_mut`](VarOverlay::view_prefix_mut) in byte order `endian`.
    #[inline]
    fn view_prefix_mut_with(
        bytes: &mut [u8],
        endian: Endian,
    ) -> Result<(Self::ViewMut<'_>, &mut [u8]), Error> {
        Self::__view_prefix_mut(bytes, endian)
    }

    /// Writable view of a buffer that holds exactly one record.
    #[inline]
    fn view_mut(bytes: &mut [u8]) -> Result<Self::ViewMut<'_>, Error> {
        let len = bytes.len();
        let (view, rest) = Self::__view_prefix_mut(bytes, Self::__DEFAULT_ENDIAN)?;
        if rest.is_empty() {
            Ok(view)
        } else {
            let site = const { &Site::wrong_length(&Self::__INFO) };
            Err(Error::wrong_length_of(site, len - rest.len(), len))
        }
    }

    /// Views the record at the start of `bytes` and returns the bytes after it, so a stream of
    /// messages can be walked.
    #[inline]
    fn view_prefix(bytes: &[u8]) -> Result<(Self::View<'_>, &[u8]), Error> {
        Self::view_prefix_with(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// [`view_prefix`](VarOverlay::view_prefix) in byte order `endian`, for run-time byte order
    /// records.
    #[inline]
    fn view_prefix_with(bytes: &[u8], endian: Endian) -> Result<(Self::View<'_>, &[u8]), Error> {
        Self::__view_prefix(bytes, endian)
    }

    /// Views a buffer that holds exactly one record.
    #[inline]
    fn view(bytes: &[u8]) -> Result<Self::View<'_>, Error> {
        Self::view_with(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// [`view`](VarOverlay::view) in byte order `endian`.
    #[inline]
    fn view_with(bytes: &[u8], endian: Endian) -> Result<Self::View<'_>, Error> {
        let (view, rest) = Self::__view_prefix(bytes, endian)?;
        if rest.is_empty() {
            Ok(view)
        } else {
            let site = const { &Site::wrong_length(&Self::__INFO) };
            Err(Error::wrong_length_of(
                site,
                bytes.len() - rest.len(),
                bytes.len(),
            ))
        }
    }

    /// Views the record that starts `offset` bytes into `bytes`.
    #[inline]
    fn view_at(bytes: &[u8], offset: usize) -> Result<Self::View<'_>, Error> {
        Self::view_at_with(bytes, offset, Self::__DEFAULT_ENDIAN)
    }

    /// [`view_at`](VarOverlay::view_at) in byte order `endian`.
    #[inline]
    fn view_at_with(bytes: &[u8], offset: usize, endian: Endian) -> Result<Self::View<'_>, Error> {
        prefix_at::<Self>(bytes, offset, endian).map(|(view, _)| view)
    }

    /// Iterates over records laid back to back in `bytes` (a capture, a log, a message
    /// stream): each item is the next record's view, and the first record that is malformed
    /// ends the stream with its error, its offset counted from the start of `bytes` (see the
    /// crate guide for an example).
    #[inline]
    fn stream(bytes: &[u8]) -> VarStream<'_, Self> {
        Self::stream_with(bytes, Self::__DEFAULT_ENDIAN)
    }

    /// [`stream`](VarOverlay::stream) in byte order `endian`.
    #[inline]
    fn stream_with(bytes: &[u8], endian: Endian) -> VarStream<'_, Self> {
        VarStream {
            bytes,
            offset: 0,
            endian,
            done: false,
            _type: PhantomData,
        }
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
}

/// The record at `offset` and the bytes after it, with errors reported from the start of
/// `bytes`.
fn prefix_at<T: VarOverlay>(
    bytes: &[u8],
    offset: usize,
    endian: Endian,
) -> Result<(T::View<'_>, &[u8]), Error> {
    let site = const { &Site::too_short(&T::__INFO) };
    let too_short = || Error::too_short_of(site, offset, bytes.len());
    let rest = bytes.get(offset..).ok_or_else(too_short)?;
    match T::__view_prefix(rest, endian) {
        Ok(found) => Ok(found),
        // Report the whole buffer's length, as `Overlay::view_at` does.
        Err(_) if rest.len() < T::FIXED_SIZE => Err(too_short()),
        Err(e) => Err(e.offset_by(offset)),
    }
}

/// Iterator over variable-length records laid back to back: see [`VarOverlay::stream`].
pub struct VarStream<'a, T: VarOverlay> {
    bytes: &'a [u8],
    offset: usize,
    endian: Endian,
    done: bool,
    _type: PhantomData<fn() -> T>,
}

impl<'a, T: VarOverlay> VarStream<'a, T> {
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
        match prefix_at::<T>(self.bytes, self.offset, self.endian) {
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
