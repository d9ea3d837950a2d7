//! The entry points that make a view of one record from a buffer (`view`, `view_prefix`,
//! `view_at`, their writable twins and their `_with` twins), written once for both record
//! traits: a fixed record ([`Overlay`](crate::Overlay)) and a variable-length one
//! ([`VarOverlay`](crate::VarOverlay)) differ only in how they read a record from the start of
//! a buffer, which the caller passes to [`Entry`] as `prefix`. [`entry_points!`] declares the
//! trait methods once for both traits.

use crate::error::{n, Error, Site};
use crate::type_info::TypeInfo;

/// The view entry points of a record trait, declared once for `Overlay` and `VarOverlay`. The
/// trait's module defines `view`, `view_at`, `view_mut` and `view_at_mut` over [`Entry`];
/// `$default` is the byte order of the entry points without `_with`.
macro_rules! entry_points {
    (default: $default:expr) => {
        /// Views a buffer that holds exactly one record.
        ///
        /// Errors with [`ErrorKind::WrongLength`](crate::ErrorKind::WrongLength) if the
        /// buffer is longer or shorter than the record, or with the first invalid enum or bool
        /// field (or, for a variable-length record, length).
        #[inline]
        fn view(bytes: &[u8]) -> Result<Self::View<'_>, Error> {
            view::<Self>(bytes, $default)
        }

        /// Views the record at the start of `bytes` and returns the bytes after it, so that
        /// records laid back to back can be walked.
        #[inline]
        fn view_prefix(bytes: &[u8]) -> Result<(Self::View<'_>, &[u8]), Error> {
            view_at::<Self>(bytes, 0, $default)
        }

        /// Views the record that starts `offset` bytes into `bytes`, like Python's
        /// `struct.unpack_from`; bytes after the record are ignored. Offsets in errors count
        /// from the start of `bytes`.
        #[inline]
        fn view_at(bytes: &[u8], offset: usize) -> Result<Self::View<'_>, Error> {
            Ok(view_at::<Self>(bytes, offset, $default)?.0)
        }

        /// Writable view of a buffer that holds exactly one record.
        #[inline]
        fn view_mut(bytes: &mut [u8]) -> Result<Self::ViewMut<'_>, Error> {
            view_mut::<Self>(bytes, $default)
        }

        /// Writable view of the record at the start of `bytes`, and the bytes after it.
        #[inline]
        fn view_prefix_mut(bytes: &mut [u8]) -> Result<(Self::ViewMut<'_>, &mut [u8]), Error> {
            view_at_mut::<Self>(bytes, 0, $default)
        }

        /// Writable view of the record that starts `offset` bytes into `bytes`.
        #[inline]
        fn view_at_mut(bytes: &mut [u8], offset: usize) -> Result<Self::ViewMut<'_>, Error> {
            Ok(view_at_mut::<Self>(bytes, offset, $default)?.0)
        }

        /// [`view`](Self::view) in byte order `endian`, for types declared with
        /// `#[overlay(endian = "runtime")]` (formats that announce their byte order in the
        /// data, like pcap, ELF or TIFF).
        #[inline]
        fn view_with(bytes: &[u8], endian: Endian) -> Result<Self::View<'_>, Error>
        where
            Self: RuntimeEndian,
        {
            view::<Self>(bytes, endian)
        }

        /// [`view_prefix`](Self::view_prefix) in byte order `endian`.
        #[inline]
        fn view_prefix_with(bytes: &[u8], endian: Endian) -> Result<(Self::View<'_>, &[u8]), Error>
        where
            Self: RuntimeEndian,
        {
            view_at::<Self>(bytes, 0, endian)
        }

        /// [`view_at`](Self::view_at) in byte order `endian`.
        #[inline]
        fn view_at_with(
            bytes: &[u8],
            offset: usize,
            endian: Endian,
        ) -> Result<Self::View<'_>, Error>
        where
            Self: RuntimeEndian,
        {
            Ok(view_at::<Self>(bytes, offset, endian)?.0)
        }

        /// [`view_mut`](Self::view_mut) in byte order `endian`.
        #[inline]
        fn view_mut_with(bytes: &mut [u8], endian: Endian) -> Result<Self::ViewMut<'_>, Error>
        where
            Self: RuntimeEndian,
        {
            view_mut::<Self>(bytes, endian)
        }

        /// [`view_prefix_mut`](Self::view_prefix_mut) in byte order `endian`.
        #[inline]
        fn view_prefix_mut_with(
            bytes: &mut [u8],
            endian: Endian,
        ) -> Result<(Self::ViewMut<'_>, &mut [u8]), Error>
        where
            Self: RuntimeEndian,
        {
            view_at_mut::<Self>(bytes, 0, endian)
        }

        /// [`view_at_mut`](Self::view_at_mut) in byte order `endian`.
        #[inline]
        fn view_at_mut_with(
            bytes: &mut [u8],
            offset: usize,
            endian: Endian,
        ) -> Result<Self::ViewMut<'_>, Error>
        where
            Self: RuntimeEndian,
        {
            Ok(view_at_mut::<Self>(bytes, offset, endian)?.0)
        }
    };
}
pub(crate) use entry_points;

/// How the entry points check lengths and name a record type in their errors.
pub(crate) struct Entry {
    too_short: Site,
    wrong_length: Site,
    /// Bytes needed before anything else is read: the whole record, or a variable-length
    /// record's fixed fields.
    min_size: usize,
    /// Whether every record is `min_size` bytes: then `exact` checks the length first.
    fixed: bool,
}

impl Entry {
    /// A record of `info.size` bytes.
    pub(crate) const fn fixed(info: &'static TypeInfo) -> Entry {
        Entry {
            too_short: Site::too_short(info),
            wrong_length: Site::wrong_length(info),
            min_size: info.size,
            fixed: true,
        }
    }

    /// A variable-length record whose fixed fields are `info`.
    pub(crate) const fn variable(info: &'static TypeInfo) -> Entry {
        Entry {
            fixed: false,
            ..Entry::fixed(info)
        }
    }

    /// The view of a buffer (shared or mutable) that holds exactly one record.
    #[inline]
    pub(crate) fn exact<B: Buffer, V>(
        &'static self,
        bytes: B,
        prefix: impl FnOnce(B) -> Result<(V, B), Error>,
    ) -> Result<V, Error> {
        let len = bytes.size();
        if self.fixed && len != self.min_size {
            return Err(Error::wrong_length_of(
                &self.wrong_length,
                self.min_size,
                len,
            ));
        }
        let (view, rest) = prefix(bytes)?;
        match rest.size() {
            0 => Ok(view),
            left => Err(Error::wrong_length_of(&self.wrong_length, len - left, len)),
        }
    }

    /// The view of the record that starts `offset` bytes into `bytes`, and the bytes after it;
    /// errors count offsets from the start of `bytes`.
    #[inline]
    pub(crate) fn at<B: Buffer, V>(
        &'static self,
        bytes: B,
        offset: usize,
        prefix: impl FnOnce(B) -> Result<(V, B), Error>,
    ) -> Result<(V, B), Error> {
        let len = bytes.size();
        match bytes.skip(offset) {
            Some(rest) if rest.size() >= self.min_size => {
                prefix(rest).map_err(|e| e.offset_by(offset))
            }
            _ => Err(self.too_short(offset, len)),
        }
    }

    /// The record's fixed bytes, `offset` bytes into `bytes`, for writing a whole record.
    #[inline]
    pub(crate) fn record_mut<'a>(
        &'static self,
        bytes: &'a mut [u8],
        offset: usize,
    ) -> Result<&'a mut [u8], Error> {
        let len = bytes.len();
        offset
            .checked_add(self.min_size)
            .and_then(|end| bytes.get_mut(offset..end))
            .ok_or_else(|| self.too_short(offset, len))
    }

    /// Built in place rather than by a call: the caller then sees that the result is an
    /// error (its site pointer is not null), and its fast path keeps a single length check.
    /// Through a cold call the `Result` came back in memory, and every split after a fixed
    /// part grew a saturating-subtraction sequence (measured on the dispatch bench: 1.12x).
    #[inline(always)]
    fn too_short(&'static self, offset: usize, available: usize) -> Error {
        Error::new(&self.too_short, [n(offset), n(available), 0])
    }
}

/// A buffer the entry points take, shared or mutable.
pub(crate) trait Buffer: Sized {
    /// Its length in bytes.
    fn size(&self) -> usize;
    /// Its bytes, to read (and validate) in place.
    fn bytes(&self) -> &[u8];
    /// The bytes from `offset` on, if `offset` is in the buffer.
    fn skip(self, offset: usize) -> Option<Self>;
    /// The first `mid` bytes and the rest, if there are `mid` bytes.
    fn split(self, mid: usize) -> Option<(Self, Self)>;
}

impl Buffer for &[u8] {
    #[inline]
    fn size(&self) -> usize {
        self.len()
    }
    #[inline]
    fn bytes(&self) -> &[u8] {
        self
    }
    #[inline]
    fn skip(self, offset: usize) -> Option<Self> {
        self.get(offset..)
    }
    #[inline]
    fn split(self, mid: usize) -> Option<(Self, Self)> {
        self.split_at_checked(mid)
    }
}

impl Buffer for &mut [u8] {
    #[inline]
    fn size(&self) -> usize {
        self.len()
    }
    #[inline]
    fn bytes(&self) -> &[u8] {
        self
    }
    #[inline]
    fn skip(self, offset: usize) -> Option<Self> {
        self.get_mut(offset..)
    }
    #[inline]
    fn split(self, mid: usize) -> Option<(Self, Self)> {
        self.split_at_mut_checked(mid)
    }
}
