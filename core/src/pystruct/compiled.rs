//! The compiled format.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::iter::FusedIterator;

use super::code::{decode_at, encode, lookup, Item, Mode, Op};
use super::error::StructError;
use super::value::Value;
use crate::endian::{Endian, RuntimeEndian};
use crate::error::Error;
use crate::overlay::Overlay;
use crate::tables::Records;

/// A Python `struct` format string, parsed once: `Struct::new("<4sIHH")`.
///
/// Packing and unpacking give the same bytes, values and errors as CPython's `struct.Struct`
/// for the same format (CPython 3.11 on x86-64 Linux: in native `@` mode `l`, `L`, `n`, `N` and
/// `P` are 8 bytes and items are aligned as C aligns them). Error messages are CPython's words,
/// as [`ErrorKind::Struct`](crate::ErrorKind::Struct).
///
/// ```
/// use overlay_core::{Struct, Value};
///
/// let header = Struct::new("<4sIH?")?;
/// assert_eq!(header.size(), 11);
/// let bytes = header.pack(&[Value::Bytes(b"RIFF"), 36u32.into(), 1u16.into(), true.into()])?;
/// assert_eq!(bytes, b"RIFF\x24\x00\x00\x00\x01\x00\x01");
/// let values = header.unpack(&bytes)?;
/// assert_eq!(format!("{values:?}"), "[b'RIFF', 36, 1, True]");
/// // No allocation: iterate the values of one record in place.
/// let total: u64 = header.fields(&bytes)?.filter_map(|v| u64::try_from(v).ok()).sum();
/// assert_eq!(total, 38);
/// assert_eq!(
///     header.unpack(&bytes[..3]).unwrap_err().to_string(),
///     "unpack requires a buffer of 11 bytes"
/// );
/// # Ok::<(), overlay_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Struct {
    format: String,
    items: Vec<Item>,
    /// The items that hold values (all but `x`), with their readers, for `fields`.
    readers: Vec<Reader>,
    size: usize,
    values: usize,
}

impl fmt::Debug for Struct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Struct({:?}, size={})", self.format, self.size)
    }
}

/// The index in characters of the character that starts at byte `index` of `format`.
fn char_index(format: &str, index: usize) -> usize {
    format
        .get(..index)
        .map_or(index, |before| before.chars().count())
}

/// Python's `isspace` on bytes.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

impl Struct {
    /// Parses `format` as CPython's `struct` does.
    ///
    /// Two deviations: CPython rejects a non-ASCII format with `UnicodeEncodeError` before
    /// parsing; here it is [`StructError::BadChar`]. And a `0p` item, which has no room for its
    /// length byte, makes CPython write that byte outside the item when packing and raise
    /// `SystemError` when unpacking; here it packs nothing and unpacks as `b''`.
    pub fn new(format: &str) -> Result<Struct, Error> {
        let bytes = format.as_bytes();
        if let Some(nul) = bytes.iter().position(|&b| b == 0) {
            let position = char_index(format, nul);
            return Err(StructError::EmbeddedNull { position }.into());
        }
        let (mode, prefix) = match bytes.first() {
            Some(b'@') => (Mode::Native, 1),
            Some(b'=' | b'<') => (Mode::Little, 1),
            Some(b'>' | b'!') => (Mode::Big, 1),
            _ => (Mode::Native, 0),
        };
        // Positions count characters. Before any other error every character is an ASCII
        // code, digit or space, so only a NUL can have wider characters before it.
        let at = |index: usize| char_index(format, index);
        let big = mode == Mode::Big;
        let mut items = Vec::new();
        let (mut size, mut values) = (0usize, 0usize);
        let mut i = prefix;
        while i < bytes.len() {
            // The item starts here: its repeat count, else its code.
            let start = i;
            let mut c = bytes[i];
            i += 1;
            if is_space(c) {
                continue;
            }
            let too_long = || {
                Error::from(StructError::TooLong {
                    position: at(start),
                })
            };
            let mut count = 1usize;
            if c.is_ascii_digit() {
                count = usize::from(c - b'0');
                loop {
                    let Some(&d) = bytes.get(i) else {
                        let position = at(start);
                        return Err(StructError::RepeatWithoutCode { position }.into());
                    };
                    i += 1;
                    if !d.is_ascii_digit() {
                        c = d;
                        break;
                    }
                    let digit = usize::from(d - b'0');
                    if count > (isize::MAX as usize - digit) / 10 {
                        return Err(too_long());
                    }
                    count = count * 10 + digit;
                }
            }
            let (item_size, align, kind) = lookup(c, mode).ok_or_else(|| StructError::BadChar {
                position: at(i - 1),
            })?;
            if align > 1 && size > 0 {
                let extra = (align - 1) - (size - 1) % align;
                if extra > isize::MAX as usize - size {
                    return Err(too_long());
                }
                size += extra;
            }
            if count > (isize::MAX as usize - size) / item_size {
                return Err(too_long());
            }
            let item = Item {
                kind,
                code: char::from(c),
                size: item_size,
                count,
                offset: size,
                big,
            };
            size += count * item_size;
            values += item.values();
            items.push(item);
        }
        let readers = items
            .iter()
            .filter(|item| item.values() > 0)
            .map(|item| Reader {
                op: Op::new(item.kind, item.size, item.big),
                code: item.code,
                offset: item.offset,
                count: item.values(),
                width: item.value_size(),
            })
            .collect();
        Ok(Struct {
            format: String::from(format),
            items,
            readers,
            size,
            values,
        })
    }

    /// The format string this was made from.
    pub fn format(&self) -> &str {
        &self.format
    }

    /// The parsed items, in order.
    pub(crate) fn items(&self) -> &[Item] {
        &self.items
    }

    /// Bytes per record, like Python's `struct.calcsize`.
    pub fn size(&self) -> usize {
        self.size
    }

    /// How many values one record packs and unpacks.
    pub fn value_count(&self) -> usize {
        self.values
    }

    /// Unpacks a buffer of exactly [`size`](Struct::size) bytes, like `struct.unpack`.
    pub fn unpack<'a>(&self, bytes: &'a [u8]) -> Result<Vec<Value<'a>>, Error> {
        Ok(self.fields(bytes)?.collect())
    }

    /// Unpacks the record at `offset`, like `struct.unpack_from`; later bytes are ignored.
    pub fn unpack_from<'a>(&self, bytes: &'a [u8], offset: usize) -> Result<Vec<Value<'a>>, Error> {
        Ok(self.fields_from(bytes, offset)?.collect())
    }

    /// The values of a buffer of exactly `size` bytes, read one by one as the iterator is
    /// advanced: no allocation, for hot loops.
    #[inline]
    pub fn fields<'s, 'a>(&'s self, bytes: &'a [u8]) -> Result<Fields<'s, 'a>, Error> {
        if bytes.len() != self.size {
            return Err(StructError::UnpackSize { size: self.size }.into());
        }
        Ok(self.fields_unchecked(bytes))
    }

    /// The values of the record at `offset`, without allocating.
    #[inline]
    pub fn fields_from<'s, 'a>(
        &'s self,
        bytes: &'a [u8],
        offset: usize,
    ) -> Result<Fields<'s, 'a>, Error> {
        let record = offset
            .checked_add(self.size)
            .and_then(|end| bytes.get(offset..end))
            .ok_or(StructError::UnpackFromSize {
                size: self.size,
                offset,
                len: bytes.len(),
            })?;
        Ok(self.fields_unchecked(record))
    }

    #[inline]
    fn fields_unchecked<'s, 'a>(&'s self, record: &'a [u8]) -> Fields<'s, 'a> {
        Fields {
            readers: &self.readers,
            index: 0,
            record,
            remaining: self.values,
        }
    }

    /// Iterates over consecutive records, like `struct.iter_unpack`: the buffer must be a whole
    /// number of records, and the format's size must not be 0.
    pub fn iter_unpack<'s, 'a>(&'s self, bytes: &'a [u8]) -> Result<IterUnpack<'s, 'a>, Error> {
        self.record_count(bytes)?;
        Ok(IterUnpack {
            format: self,
            records: bytes.chunks_exact(self.size),
        })
    }

    /// Value `index` of every record of `bytes` (records back to back, as `iter_unpack` takes
    /// them) as a table of `T` read in place: the value's offset, width and byte order are
    /// fixed here, once, so reading one is a plain load, as from a derived record's field. The
    /// NumPy equivalent is `np.frombuffer(bytes, dtype)[name]`.
    ///
    /// `T` is the integer or float type of the value's code and size: `u8`/`i8` for `B`/`b`,
    /// `u16`/`i16` for `H`/`h`, `u32`/`i32` for `I`/`i` (and `L`/`l` in standard sizes),
    /// `u64`/`i64` for `Q`/`q` (and native `L`, `l`, `n`, `N`, `P`), `f32` for `f`, `f64` for
    /// `d`. Other codes (`s`, `p`, `c`, `e`, `?`) have no column type: read them with
    /// [`fields`](Self::fields).
    ///
    /// ```
    /// use overlay_core::Struct;
    ///
    /// let format = Struct::new(">IHHQ")?;
    /// let mut bytes = Vec::new();
    /// for id in [7u64, 8, 9] {
    ///     bytes.extend_from_slice(&[0, 0, 0, 1, 0, 2, 0, 3]);
    ///     bytes.extend_from_slice(&id.to_be_bytes());
    /// }
    /// let ids = format.column::<u64>(&bytes, 3)?;
    /// assert_eq!(ids.iter().sum::<u64>(), 24);
    /// assert_eq!(
    ///     format.column::<u32>(&bytes, 3).unwrap_err().to_string(),
    ///     "column 3 is 'Q', which does not read as u32"
    /// );
    /// # Ok::<(), overlay_core::Error>(())
    /// ```
    pub fn column<'a, T: Overlay + RuntimeEndian>(
        &self,
        bytes: &'a [u8],
        index: usize,
    ) -> Result<Records<'a, T>, Error> {
        let (reader, element) = self.value(index).ok_or(StructError::ColumnIndex {
            index,
            values: self.values,
        })?;
        let endian = column_order::<T>(reader.op).ok_or(StructError::ColumnType {
            index,
            code: reader.code,
            wanted: T::__META.type_name,
        })?;
        let count = self.record_count(bytes)?;
        let offset = reader.offset + element * reader.width;
        let from_value = bytes.get(offset..).unwrap_or(&[]);
        Records::with_stride_endian(from_value, count, self.size, endian)
    }

    /// How many records `bytes` holds back to back, refused as `struct.iter_unpack` refuses
    /// it: a format of size 0, or a buffer that is not a whole number of records.
    fn record_count(&self, bytes: &[u8]) -> Result<usize, Error> {
        if self.size == 0 {
            return Err(StructError::IterZeroSize.into());
        }
        if !bytes.len().is_multiple_of(self.size) {
            return Err(StructError::IterMultiple { size: self.size }.into());
        }
        Ok(bytes.len() / self.size)
    }

    /// The reader of value `index`, and which of its values it is.
    fn value(&self, mut index: usize) -> Option<(&Reader, usize)> {
        for reader in &self.readers {
            if index < reader.count {
                return Some((reader, index));
            }
            index -= reader.count;
        }
        None
    }

    /// The largest record [`pack`](Self::pack) allocates, in bytes (1 GiB): a format can
    /// describe more bytes than memory holds (`1000000000000x`), and a format read from input
    /// should not decide how much memory a program takes. Larger records are an error
    /// ([`StructError::TooLargeToPack`]); [`pack_into`](Self::pack_into) a buffer of your own
    /// allocates nothing and has no limit.
    pub const PACK_LIMIT: usize = super::error::PACK_LIMIT;

    /// Packs `values` into a new buffer, like `struct.pack`. Records larger than
    /// [`PACK_LIMIT`](Self::PACK_LIMIT) are refused.
    pub fn pack(&self, values: &[Value<'_>]) -> Result<Vec<u8>, Error> {
        self.check_count(false, values)?;
        if self.size > Self::PACK_LIMIT {
            return Err(StructError::TooLargeToPack { size: self.size }.into());
        }
        // Memory may still run short under the limit: report it, as Python raises
        // MemoryError, instead of aborting.
        let mut out = Vec::new();
        out.try_reserve_exact(self.size)
            .map_err(|_| StructError::OutOfMemory { size: self.size })?;
        out.resize(self.size, 0);
        self.write(&mut out, values)?;
        Ok(out)
    }

    /// Packs `values` into `buf` at `offset`, like `struct.pack_into`. Every value is checked
    /// before any byte is written, so on error `buf` is unchanged.
    pub fn pack_into(
        &self,
        buf: &mut [u8],
        offset: usize,
        values: &[Value<'_>],
    ) -> Result<(), Error> {
        self.check_count(true, values)?;
        let len = buf.len();
        let record = offset
            .checked_add(self.size)
            .and_then(|end| buf.get_mut(offset..end))
            .ok_or(StructError::PackIntoSize {
                size: self.size,
                offset,
                len,
            })?;
        self.write(record, values)
    }

    fn check_count(&self, pack_into: bool, values: &[Value<'_>]) -> Result<(), Error> {
        if values.len() == self.values {
            Ok(())
        } else {
            Err(StructError::ValueCount {
                pack_into,
                expected: self.values,
                got: values.len(),
            }
            .into())
        }
    }

    /// Checks every value, then writes them all; `record` is `size` bytes.
    fn write(&self, record: &mut [u8], values: &[Value<'_>]) -> Result<(), Error> {
        for dry_run in [true, false] {
            if !dry_run {
                // Pad items and the alignment gaps between items are zeros, as CPython's
                // `memset` of the whole record makes them (`pack_into` may reuse a buffer).
                record.fill(0);
            }
            let mut values = values.iter();
            for item in &self.items {
                let width = item.value_size();
                for n in 0..item.values() {
                    let value = values.next().ok_or(StructError::ValueCount {
                        pack_into: false,
                        expected: self.values,
                        got: 0,
                    })?;
                    let start = item.offset + n * width;
                    let out = if dry_run {
                        None
                    } else {
                        Some(&mut record[start..start + width])
                    };
                    encode(item, value, out)?;
                }
            }
        }
        Ok(())
    }
}

/// One item's values as `fields` reads them.
#[derive(Clone, Copy, Debug)]
struct Reader {
    op: Op,
    code: char,
    offset: usize,
    count: usize,
    width: usize,
}

/// The values of one record, decoded as the iterator advances; made by [`Struct::fields`].
#[derive(Clone)]
pub struct Fields<'s, 'a> {
    /// Readers still to go; the first is the current one.
    readers: &'s [Reader],
    /// Values of the current reader already read.
    index: usize,
    record: &'a [u8],
    remaining: usize,
}

impl<'a> Iterator for Fields<'_, 'a> {
    type Item = Value<'a>;

    #[inline]
    fn next(&mut self) -> Option<Value<'a>> {
        let (reader, rest) = self.readers.split_first()?;
        let start = reader.offset + self.index * reader.width;
        self.index += 1;
        if self.index == reader.count {
            self.readers = rest;
            self.index = 0;
        }
        self.remaining -= 1;
        decode_at(reader.op, self.record, start, reader.width)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Fields<'_, '_> {}
impl FusedIterator for Fields<'_, '_> {}

/// Records of a buffer, each as a `Vec` of values; made by [`Struct::iter_unpack`].
pub struct IterUnpack<'s, 'a> {
    format: &'s Struct,
    records: core::slice::ChunksExact<'a, u8>,
}

impl<'a> IterUnpack<'_, 'a> {
    /// The remaining records as [`Fields`] iterators, which allocate nothing.
    pub fn fields(self) -> impl Iterator<Item = Fields<'a, 'a>> + 'a
    where
        Self: 'a,
    {
        let format = self.format;
        self.records
            .map(move |record| format.fields_unchecked(record))
    }
}

impl<'a> Iterator for IterUnpack<'_, 'a> {
    type Item = Vec<Value<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        let record = self.records.next()?;
        Some(self.format.fields_unchecked(record).collect())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.records.size_hint()
    }
}

impl DoubleEndedIterator for IterUnpack<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let record = self.records.next_back()?;
        Some(self.format.fields_unchecked(record).collect())
    }
}

impl ExactSizeIterator for IterUnpack<'_, '_> {}

/// The byte order `T` reads a value of `op` in, if `T` is that value's type.
fn column_order<T: Overlay>(op: Op) -> Option<Endian> {
    use crate::field_info::ValueType::{Float, Signed, Unsigned};
    use Endian::{Big, Little};
    let (kind, size, endian) = match op {
        Op::U8 => (Unsigned, 1, Little),
        Op::I8 => (Signed, 1, Little),
        Op::U16Le => (Unsigned, 2, Little),
        Op::U16Be => (Unsigned, 2, Big),
        Op::I16Le => (Signed, 2, Little),
        Op::I16Be => (Signed, 2, Big),
        Op::U32Le => (Unsigned, 4, Little),
        Op::U32Be => (Unsigned, 4, Big),
        Op::I32Le => (Signed, 4, Little),
        Op::I32Be => (Signed, 4, Big),
        Op::U64Le => (Unsigned, 8, Little),
        Op::U64Be => (Unsigned, 8, Big),
        Op::I64Le => (Signed, 8, Little),
        Op::I64Be => (Signed, 8, Big),
        Op::F32Le => (Float, 4, Little),
        Op::F32Be => (Float, 4, Big),
        Op::F64Le => (Float, 8, Little),
        Op::F64Be => (Float, 8, Big),
        Op::Bytes | Op::Pascal | Op::Bool | Op::F16Le | Op::F16Be => return None,
    };
    let same_kind = matches!(
        (T::__META.value, kind),
        (Some(Unsigned), Unsigned) | (Some(Signed), Signed) | (Some(Float), Float)
    );
    (same_kind && T::SIZE == size).then_some(endian)
}
