//! Variable-length fields: lengths from earlier fields (`bytes`, `count`), the rest of the
//! buffer (`rest`), several in sequence, streams walked with `view_prefix`, and every bad length
//! an error naming the field.
//!
//! - The unit tests read IPv4 options, framed messages and pcap records written out by hand.
//! - The property tests build records by hand from owned models (lengths from arithmetic over
//!   several fields, bit fields included; counts of records with bit fields; a run-time byte
//!   order): no input (bytes of any length, any offset) makes an entry point panic; whatever
//!   is accepted can be read with every getter, its variable fields lying inside the input one
//!   after another and adding up to `size()`; records built by hand read back as their model;
//!   and a stream of them walks back, with `view_prefix`, into exactly the records it was built
//!   from, a truncated stream failing on its last record. Bugs these properties found are kept
//!   at the end as regression tests.
//! - `zero_alloc`: streams walked with every getter and table, and their errors formatted,
//!   allocate nothing.

#[macro_use]
mod support;

use std::fmt::Debug;

use overlay::{
    Endian, Error, ErrorKind, Overlay, Records, RuntimeEndian, Segment, VarBytes, VarOverlay,
    VarRecords,
};
use proptest::collection::vec;
use support::shapes::{
    ok, readable, same_place, sizes, Out, OwnOrder, Reference, RunTime, ENDIANS,
};
use support::types::{Entry, Item, Kind, Mode, Pair, RtInner, RtKind, Unit};
use support::values::*;

/// IPv4 with its options (RFC 791: the header is `ihl` 32-bit words) and payload.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ipv4 {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub tos: u8,
    pub total_length: u16,
    pub identification: u16,
    pub fragment: u16,
    pub ttl: u8,
    pub protocol: u8,
    pub checksum: u16,
    pub source: [u8; 4],
    pub destination: [u8; 4],
    /// Options: what the header has beyond its 20 fixed bytes.
    #[overlay(bytes = "ihl * 4 - 20")]
    pub options: VarBytes,
    #[overlay(rest)]
    pub payload: VarBytes,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "little")]
pub struct Sample {
    pub value: i16,
    pub unit: Unit,
}

/// A framed message: a count of samples, the samples, then a note whose length is given too.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct Frame {
    pub n_samples: u16,
    pub note_len: u8,
    #[overlay(count = "n_samples")]
    pub samples: VarRecords<Sample>,
    #[overlay(bytes = "note_len")]
    pub note: VarBytes,
}

fn ipv4(ihl: u8, options: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut b = vec![
        0x40 | ihl,
        0,
        0,
        0,
        0,
        1,
        0,
        0,
        64,
        17,
        0,
        0,
        10,
        0,
        0,
        1,
        10,
        0,
        0,
        2,
    ];
    b.extend_from_slice(options);
    b.extend_from_slice(payload);
    b
}

/// Lengths with `min`, `max` and `if_else`: a capped preview, an optional body, and what is
/// left of a declared total after the header (never negative).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Conditional {
    pub has_body: bool,
    pub len: u16,
    pub total: u16,
    #[overlay(bytes = "min(len, 4)")]
    pub preview: VarBytes,
    #[overlay(bytes = "if_else(has_body, len - min(len, 4), 0)")]
    pub body: VarBytes,
    #[overlay(bytes = "max(total - 5 - len, 0)")]
    pub trailer: VarBytes,
}

#[test]
fn lengths_with_min_max_and_if_else() {
    // has_body, len = 6, total = 13: preview 4, body 2, trailer 13 - 5 - 6 = 2.
    let bytes = [
        1, 0, 6, 0, 13, b'a', b'b', b'c', b'd', b'e', b'f', b'x', b'y',
    ];
    let view = Conditional::view(&bytes).unwrap();
    assert_eq!(
        (view.preview(), view.body(), view.trailer()),
        (&b"abcd"[..], &b"ef"[..], &b"xy"[..])
    );
    // No body: its length is 0 whatever `len` says; total too small: no trailer.
    let bytes = [0, 0, 2, 0, 1, b'a', b'b'];
    let view = Conditional::view(&bytes).unwrap();
    assert_eq!(
        (view.preview(), view.body(), view.trailer()),
        (&b"ab"[..], &b""[..], &b""[..])
    );
}

#[test]
fn ipv4_options_and_payload_come_from_ihl() {
    let bytes = ipv4(6, &[1, 1, 1, 0], b"hello");
    let ip = Ipv4::view(&bytes).unwrap();
    assert_eq!(ip.version(), 4, "fixed fields read through Deref");
    assert_eq!(ip.ihl(), 6);
    assert_eq!(ip.options(), &[1, 1, 1, 0]);
    assert_eq!(ip.payload(), b"hello");
    assert_eq!(ip.size(), bytes.len());
    assert_eq!(ip.fixed().destination(), &[10, 0, 0, 2]);
    assert_eq!(Ipv4::FIXED_SIZE, 20);
    let bare = ipv4(5, &[], b"");
    let ip = Ipv4::view(&bare).unwrap();
    assert!(ip.options().is_empty() && ip.payload().is_empty());
}

#[test]
fn bad_lengths_name_the_field_and_never_read_out_of_bounds() {
    let bytes = ipv4(4, &[], b"data");
    let err = Ipv4::view(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Ipv4.options at offset 20: length `ihl * 4 - 20` is negative (-4)"
    );
    let bytes = ipv4(15, &[0; 8], b"");
    let err = Ipv4::view(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Ipv4.options at offset 20: length `ihl * 4 - 20` is 40 bytes, but only 8 are left"
    );
    assert_eq!(
        err.kind(),
        ErrorKind::VarLength {
            record: "Ipv4",
            field: "options",
            offset: 20,
            expression: "ihl * 4 - 20",
            needed: Some(40),
            available: 8,
            record_size: None,
        }
    );
    assert_eq!(err.offset(), Some(20));
    let err = Ipv4::view(&bytes[..7]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Ipv4: need 20 bytes at offset 0, buffer has 7"
    );
}

fn frame(samples: &[(i16, u8)], note: &[u8]) -> Vec<u8> {
    let mut b = (samples.len() as u16).to_le_bytes().to_vec();
    b.push(note.len() as u8);
    for (value, unit) in samples {
        b.extend_from_slice(&value.to_le_bytes());
        b.push(*unit);
    }
    b.extend_from_slice(note);
    b
}

#[test]
fn a_stream_of_frames_walks_with_view_prefix() {
    let mut stream = frame(&[(20, 1), (-5, 2)], b"ok");
    stream.extend_from_slice(&frame(&[], b""));
    stream.extend_from_slice(&frame(&[(300, 2)], b"last"));
    let mut rest = &stream[..];
    let mut seen = Vec::new();
    while !rest.is_empty() {
        let (frame, after) = Frame::view_prefix(rest).unwrap();
        let values: Vec<i16> = frame.samples().iter().map(|s| s.value()).collect();
        seen.push((values, frame.note().to_vec(), frame.size()));
        rest = after;
    }
    assert_eq!(
        seen,
        [
            (vec![20, -5], b"ok".to_vec(), 3 + 6 + 2),
            (vec![], vec![], 3),
            (vec![300], b"last".to_vec(), 3 + 3 + 4)
        ]
    );
    let (first, _) = Frame::view_prefix(&stream).unwrap();
    assert_eq!(first.samples().get(1).unwrap().unit(), Unit::Kelvin);
    assert!(format!("{first:?}").contains("note: [111, 107]"));
}

#[test]
fn records_inside_a_tail_are_validated_with_their_offsets() {
    // Samples start at 3; samples[1] at 6; its unit at 8.
    let bytes = frame(&[(1, 1), (2, 9)], b"");
    let err = Frame::view(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Frame.samples[1].unit at offset 8: 9 is not a valid Unit"
    );
    let path = err.path().expect("a path");
    assert_eq!(
        path.segments().collect::<Vec<_>>(),
        [
            Segment::Field("samples"),
            Segment::Index(1),
            Segment::Field("unit")
        ]
    );
    assert_eq!((path.root(), path.within()), ("Frame", 5));
    // Seen from a larger buffer, the offset counts from its start; the path is the same.
    let mut shifted = vec![0; 10];
    shifted.extend_from_slice(&bytes);
    let err = Frame::view_at(&shifted, 10).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Frame.samples[1].unit at offset 18: 9 is not a valid Unit"
    );

    // A count is worded as records, with the bytes they take.
    let mut short = frame(&[(1, 1), (2, 1)], b"abc");
    short.truncate(7);
    let err = Frame::view(&short).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Frame.samples at offset 3: length `n_samples` is 2 records of 3 bytes (6 bytes), but \
         only 4 bytes are left"
    );
    assert_eq!(
        err.kind(),
        ErrorKind::VarLength {
            record: "Frame",
            field: "samples",
            offset: 3,
            expression: "n_samples",
            needed: Some(2),
            available: 4,
            record_size: Some(3),
        }
    );
    let err = Frame::view(&[200, 0, 0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Frame.samples at offset 3: length `n_samples` is 200 records of 3 bytes (600 bytes), \
         but only 0 bytes are left"
    );
    let err = Frame::view(&[1, 0, 0, 5]).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("is 1 record of 3 bytes (3 bytes), but only 1 byte is left"),
        "{err}"
    );
}

#[test]
fn a_length_that_overflows_is_an_error() {
    #[derive(Overlay)]
    struct Huge {
        n: u64,
        #[overlay(count = "n * n * n")]
        items: VarRecords<u64>,
    }
    let bytes = u64::MAX.to_le_bytes();
    let err = Huge::view(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Huge.items at offset 8: length `n * n * n` cannot be computed (it overflows or divides by zero)"
    );
}

#[test]
fn rest_records_must_be_whole() {
    #[derive(Overlay)]
    struct Table {
        id: u8,
        #[overlay(rest)]
        entries: VarRecords<u16>,
    }
    let ok = Table::view(&[7, 1, 0, 2, 0]).unwrap();
    assert_eq!(
        (ok.id(), ok.entries().iter().collect::<Vec<_>>()),
        (7, vec![1, 2])
    );
    let err = Table::view(&[7, 1, 0, 2]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Table.entries at offset 1: a field of 3 bytes is not a whole number of 2-byte u16 \
         records (1 byte left over)"
    );
    assert_eq!(err.offset(), Some(1));
    // view_at counts the offset from the start of the larger buffer.
    let err = Table::view_at(&[0, 0, 0, 7, 1, 0, 2], 3).unwrap_err();
    assert_eq!(err.offset(), Some(4));
    assert!(
        err.to_string().starts_with("Table.entries at offset 4: "),
        "{err}"
    );

    // A byte length over records says the same.
    #[derive(Overlay)]
    struct Sized {
        len: u8,
        #[overlay(bytes = "len")]
        entries: VarRecords<u16>,
    }
    let err = Sized::view(&[3, 1, 0, 2]).unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::TailNotMultiple {
            record: "Sized",
            field: "entries",
            offset: 1,
            item: "u16",
            record_size: 2,
            found: 3,
            remainder: 1,
        }
    );
}

/// A pcap record header: its byte order is the file's, and the packet's length is `incl_len`.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct PcapRecord {
    pub ts_sec: u32,
    pub ts_usec: u32,
    pub incl_len: u32,
    pub orig_len: u32,
    #[overlay(bytes = "incl_len")]
    pub data: VarBytes,
}

#[test]
fn run_time_byte_order_reaches_the_lengths() {
    let mut bytes = Vec::new();
    for v in [1u32, 2, 3, 60] {
        bytes.extend_from_slice(&v.to_be_bytes());
    }
    bytes.extend_from_slice(b"abc+more");
    let (record, rest) = PcapRecord::view_prefix_with(&bytes, Endian::Big).unwrap();
    assert_eq!((record.incl_len(), record.data()), (3, &b"abc"[..]));
    assert_eq!(rest, b"+more");
    let err = PcapRecord::view_prefix_with(&bytes, Endian::Little).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::VarLength { .. }), "{err}");
}

#[test]
fn view_wants_exactly_one_record_and_view_at_counts_from_the_buffer() {
    let mut bytes = frame(&[(1, 1)], b"x");
    bytes.push(0);
    let err = Frame::view(&bytes).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Frame: expected exactly 7 bytes, buffer has 8"),
        "{err}"
    );
    let mut shifted = vec![0xaa; 3];
    shifted.extend_from_slice(&frame(&[(1, 9)], b""));
    let err = Frame::view_at(&shifted, 3).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Frame.samples[0].unit at offset 8: 9 is not a valid Unit"
    );
}

#[test]
fn view_at_reports_the_whole_buffer_when_the_fixed_part_does_not_fit() {
    let bytes = frame(&[(1, 1)], b"");
    let err = Frame::view_at(&bytes, 5).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Frame: need 3 bytes at offset 5, buffer has 6"
    );
    let err = Frame::view_at(&bytes, 9).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Frame: need 3 bytes at offset 9, buffer has 6"
    );
}

#[test]
fn writable_views_edit_fixed_fields_and_tails_in_place() {
    let mut bytes = frame(&[(20, 1), (-5, 2)], b"ok");
    bytes.extend_from_slice(b"next");
    let (mut view, rest) = Frame::view_prefix_mut(&mut bytes).unwrap();
    assert_eq!(rest, b"next");
    assert_eq!((view.n_samples(), view.size()), (2, 11));
    view.samples_mut().get_mut(1).unwrap().set_value(7);
    view.note_mut().copy_from_slice(b"OK");
    view.set_note_len(1); // a fixed field, through DerefMut; the tails keep their place
    assert_eq!(view.note(), b"OK");
    assert_eq!(view.samples().get(1).unwrap().value(), 7);
    assert_eq!(view.fixed().note_len(), 1);
    assert_eq!(&bytes[..3], &[2, 0, 1]);
    assert_eq!(&bytes[6..8], &7i16.to_le_bytes());
    assert_eq!(&bytes[9..11], b"OK");

    let mut exact = frame(&[(1, 1)], b"");
    assert!(Frame::view_mut(&mut exact).is_ok());
    exact.push(0);
    assert!(
        Frame::view_mut(&mut exact).is_err(),
        "view_mut wants exactly one record"
    );
    let mut bad = frame(&[(1, 9)], b"");
    assert_eq!(
        Frame::view_prefix_mut(&mut bad).unwrap_err().to_string(),
        "Frame.samples[0].unit at offset 5: 9 is not a valid Unit"
    );
}

/// `stream` walks records laid back to back and ends with the first bad one, its error's
/// offset counted from the start of the whole buffer.
#[test]
fn a_stream_yields_records_then_the_first_error_with_its_absolute_offset() {
    let mut bytes = vec![1, 0, 2, 10, 0, 1, b'h', b'i']; // frame 0: one sample, note "hi"
    bytes.extend_from_slice(&[2, 0, 0, 5, 0, 1, 6, 0, 9]); // frame 1: its second unit is 9
    bytes.extend_from_slice(&[0, 0, 1, b'!']); // frame 2: never reached
    let mut stream = Frame::stream(&bytes);
    let first = stream.next().unwrap().unwrap();
    assert_eq!((first.n_samples(), first.note()), (1, &b"hi"[..]));
    assert_eq!(stream.offset(), 8);
    let err = stream.next().unwrap().unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::InvalidEnum {
                offset: 16,
                value: 9,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "Frame.samples[1].unit at offset 16: 9 is not a valid Unit"
    );
    assert!(
        stream.next().is_none(),
        "the stream ends at the first error"
    );
    assert_eq!(stream.remainder(), &bytes[8..]);

    // Without the bad frame the stream reads to the end.
    bytes[16] = 2;
    let frames: Vec<_> = Frame::stream(&bytes).collect::<Result<_, _>>().unwrap();
    assert_eq!(frames.len(), 3);
    assert_eq!(frames[2].note(), b"!");
    // A stream that ends inside a record reports the record's offset and the whole length.
    let err = Frame::stream(&bytes[..18]).nth(2).unwrap().unwrap_err();
    assert_eq!(
        err.to_string(),
        "Frame: need 3 bytes at offset 17, buffer has 18"
    );
}

// ---- Property tests ----

/// Lengths from arithmetic over several fields, bit fields included; a count of records with
/// an enum in a bit field; four variable fields in sequence.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Datagram {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub kind: Kind,
    pub total_len: u16,
    pub n_items: u8,
    pub name_len: u8,
    #[overlay(bytes = "ihl * 4 - 8")]
    pub options: VarBytes,
    #[overlay(count = "n_items")]
    pub items: VarRecords<Item>,
    #[overlay(bytes = "(name_len + 1) / 2 * 2")]
    pub name: VarBytes,
    #[overlay(bytes = "total_len - ihl * 4 - n_items * 3 - (name_len + 1) / 2 * 2")]
    pub trailer: VarBytes,
}

/// Little-endian with bits from the least significant; a count from a bit field, a length
/// from two bit fields, and records taking the rest.
#[derive(Overlay)]
pub struct Catalog {
    #[overlay(bits = 3)]
    pub shift: u8,
    #[overlay(bits = 5)]
    pub n_entries: u8,
    pub tag: Kind,
    #[overlay(bits = 12)]
    pub blob_len: u16,
    #[overlay(bits = 4)]
    pub flags: u8,
    #[overlay(count = "n_entries")]
    pub entries: VarRecords<Entry>,
    #[overlay(bytes = "blob_len / 2 + shift")]
    pub blob: VarBytes,
    #[overlay(rest)]
    pub words: VarRecords<u32>,
}

/// A length with `%`, then bytes taking the rest.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Note {
    pub kind: Kind,
    #[overlay(bits = 1)]
    pub more: bool,
    #[overlay(bits = 7)]
    pub header_words: u8,
    #[overlay(bytes = "header_words * 2 % 9")]
    pub header: VarBytes,
    #[overlay(rest)]
    pub body: VarBytes,
}

/// Five variable fields in sequence: bytes, a count of records, records given in bytes, a
/// count from `%`, and a length with a unary minus.
#[derive(Overlay)]
pub struct Multi {
    pub a: u8,
    pub b: u8,
    pub c: u16,
    #[overlay(bytes = "a")]
    pub first: VarBytes,
    #[overlay(count = "b")]
    pub pairs: VarRecords<Pair>,
    #[overlay(bytes = "b * 3")]
    pub more: VarRecords<Pair>,
    #[overlay(count = "c % 5")]
    pub words: VarRecords<u16>,
    #[overlay(bytes = "-(a - c / 5 - a)")]
    pub last: VarBytes,
}

/// Lengths divided by a field (zero in bad input), and a count from a signed field (negative
/// in bad input).
#[derive(Overlay)]
pub struct Ratio {
    pub a: u8,
    pub b: u8,
    pub k: i8,
    #[overlay(bytes = "a / b")]
    pub quotient: VarBytes,
    #[overlay(bytes = "a % b")]
    pub remainder: VarBytes,
    #[overlay(count = "k")]
    pub pairs: VarRecords<Pair>,
}

/// No bytes at all.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Nothing {}

/// A count of zero-sized records from a signed field.
#[derive(Overlay)]
pub struct Markers {
    pub k: i8,
    #[overlay(count = "k")]
    pub marks: VarRecords<Nothing>,
}

/// Zero-sized records given in bytes.
#[derive(Overlay)]
pub struct MarkerBytes {
    pub n: u8,
    #[overlay(bytes = "n")]
    pub marks: VarRecords<Nothing>,
}

/// A run-time byte order record with bit fields, run-time records, bytes and scalar records.
#[derive(Overlay)]
#[overlay(endian = "runtime", bit_order = "msb")]
pub struct RtFrame {
    pub len: u32,
    #[overlay(bits = 3)]
    pub n: u8,
    #[overlay(bits = 5)]
    pub flags: u8,
    pub kind: RtKind,
    #[overlay(endian = "big")]
    pub always_big: u16,
    #[overlay(count = "n")]
    pub entries: VarRecords<RtInner>,
    #[overlay(bytes = "len")]
    pub data: VarBytes,
    #[overlay(bytes = "(n + 1) * 2")]
    pub stamps: VarRecords<u16>,
}

/// A variable-length record type under test, with an owned model of one record.
trait VarShape: VarOverlay {
    type Model: Clone + Debug + PartialEq;
    /// Whether the last field takes the rest of the buffer (so nothing can follow a record).
    const HAS_REST: bool;
    /// How the harness reads the type in a byte order: [`RunTime`] or [`OwnOrder`].
    type Order: VarOrder<Self>;
    fn model() -> BoxedStrategy<Self::Model>;
    /// The record's bytes, written by hand.
    fn encode(model: &Self::Model, endian: Endian) -> Vec<u8>;
    /// The record read through every getter (iterating every table).
    fn read(view: &Self::View<'_>) -> Self::Model;
    /// `size()`, `as_bytes()`, `fixed().as_bytes()`, and each variable field's bytes in order.
    #[allow(clippy::type_complexity)]
    fn layout<'a>(view: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>);
    fn debug(view: &Self::View<'_>) -> String;
}

/// The entry points the harness reads a variable-length type through "in byte order
/// `endian`": the `_with` ones for a run-time type, the plain ones (the type's own order,
/// whatever is asked) for the others, as `support::shapes::Order` does for fixed types.
trait VarOrder<T: VarOverlay> {
    const RUNTIME: bool;
    fn view(bytes: &[u8], endian: Endian) -> Result<T::View<'_>, Error>;
    fn view_prefix(bytes: &[u8], endian: Endian) -> Result<(T::View<'_>, &[u8]), Error>;
}

impl<T: VarOverlay + RuntimeEndian> VarOrder<T> for RunTime {
    const RUNTIME: bool = true;
    fn view(bytes: &[u8], endian: Endian) -> Result<T::View<'_>, Error> {
        T::view_with(bytes, endian)
    }
    fn view_prefix(bytes: &[u8], endian: Endian) -> Result<(T::View<'_>, &[u8]), Error> {
        T::view_prefix_with(bytes, endian)
    }
}

impl<T: VarOverlay> VarOrder<T> for OwnOrder {
    const RUNTIME: bool = false;
    fn view(bytes: &[u8], _: Endian) -> Result<T::View<'_>, Error> {
        T::view(bytes)
    }
    fn view_prefix(bytes: &[u8], _: Endian) -> Result<(T::View<'_>, &[u8]), Error> {
        T::view_prefix(bytes)
    }
}

/// A table's records read through every getter, checked against `get`, `len` and reverse
/// iteration.
fn table<T: Record>(records: Records<'_, T>) -> Vec<T> {
    let items: Vec<T> = records.iter().map(T::from_view).collect();
    assert_eq!(items.len(), records.len(), "iter() yields len() records");
    assert_eq!(records.iter().rev().count(), records.len());
    for (index, item) in items.iter().enumerate() {
        let view = records.get(index).expect("get(index) below len()");
        assert!(same(&T::from_view(view), item), "get({index}) vs iter()");
    }
    assert!(records.get(records.len()).is_none());
    assert_eq!(records.as_bytes().len(), records.len() * T::SIZE);
    items
}

#[derive(Clone, Debug, PartialEq)]
struct DatagramModel {
    version: u8,
    ihl: u8,
    kind: Kind,
    total_len: u16,
    n_items: u8,
    name_len: u8,
    options: Vec<u8>,
    items: Vec<Item>,
    name: Vec<u8>,
    trailer: Vec<u8>,
}

impl VarShape for Datagram {
    type Model = DatagramModel;
    const HAS_REST: bool = false;
    type Order = OwnOrder;
    fn model() -> BoxedStrategy<DatagramModel> {
        (
            0u8..16,
            2u8..16,
            Kind::strategy(),
            vec(Item::strategy(), 0..6),
            0u8..20,
            vec(any::<u8>(), 52),
            vec(any::<u8>(), 20),
            vec(any::<u8>(), 0..12),
        )
            .prop_map(
                |(version, ihl, kind, items, name_len, options, name, trailer)| {
                    let options = options[..usize::from(ihl) * 4 - 8].to_vec();
                    let padded = usize::from(name_len).div_ceil(2) * 2;
                    let name = name[..padded].to_vec();
                    let total_len = usize::from(ihl) * 4 + items.len() * 3 + padded + trailer.len();
                    DatagramModel {
                        version,
                        ihl,
                        kind,
                        total_len: total_len as u16,
                        n_items: items.len() as u8,
                        name_len,
                        options,
                        items,
                        name,
                        trailer,
                    }
                },
            )
            .boxed()
    }
    fn encode(m: &DatagramModel, _: Endian) -> Vec<u8> {
        let mut out = Out::new(Endian::Big);
        out.bits(&[(m.version.into(), 4), (m.ihl.into(), 4)], true)
            .raw(&[m.kind as u8])
            .raw(&m.total_len.to_be_bytes())
            .raw(&[m.n_items, m.name_len])
            .raw(&m.options);
        for item in &m.items {
            out.raw(&item.reference(Endian::Big));
        }
        out.raw(&m.name).raw(&m.trailer).done()
    }
    fn read(v: &DatagramView<'_>) -> DatagramModel {
        DatagramModel {
            version: v.version(),
            ihl: v.ihl(),
            kind: v.kind(),
            total_len: v.total_len(),
            n_items: v.n_items(),
            name_len: v.name_len(),
            options: v.options().to_vec(),
            items: table(v.items()),
            name: v.name().to_vec(),
            trailer: v.trailer().to_vec(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![v.options(), v.items().as_bytes(), v.name(), v.trailer()];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &DatagramView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct CatalogModel {
    shift: u8,
    n_entries: u8,
    tag: Kind,
    blob_len: u16,
    flags: u8,
    entries: Vec<Entry>,
    blob: Vec<u8>,
    words: Vec<u32>,
}

impl VarShape for Catalog {
    type Model = CatalogModel;
    const HAS_REST: bool = true;
    type Order = OwnOrder;
    fn model() -> BoxedStrategy<CatalogModel> {
        (
            0u8..8,
            vec(Entry::strategy(), 0..8),
            Kind::strategy(),
            0u16..60,
            0u8..16,
            vec(any::<u8>(), 40),
            vec(any::<u32>(), 0..6),
        )
            .prop_map(|(shift, entries, tag, blob_len, flags, blob, words)| {
                let blob = blob[..usize::from(blob_len / 2 + u16::from(shift))].to_vec();
                CatalogModel {
                    shift,
                    n_entries: entries.len() as u8,
                    tag,
                    blob_len,
                    flags,
                    entries,
                    blob,
                    words,
                }
            })
            .boxed()
    }
    fn encode(m: &CatalogModel, _: Endian) -> Vec<u8> {
        let mut out = Out::new(Endian::Little);
        out.bits(&[(m.shift.into(), 3), (m.n_entries.into(), 5)], false)
            .raw(&[m.tag as u8])
            .bits(&[(m.blob_len.into(), 12), (m.flags.into(), 4)], false);
        for entry in &m.entries {
            out.raw(&entry.reference(Endian::Little));
        }
        out.raw(&m.blob);
        for word in &m.words {
            out.raw(&word.to_le_bytes());
        }
        out.done()
    }
    fn read(v: &CatalogView<'_>) -> CatalogModel {
        let words = v.words();
        assert_eq!(words.iter().len(), words.len());
        CatalogModel {
            shift: v.shift(),
            n_entries: v.n_entries(),
            tag: v.tag(),
            blob_len: v.blob_len(),
            flags: v.flags(),
            entries: table(v.entries()),
            blob: v.blob().to_vec(),
            words: words.iter().collect(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![v.entries().as_bytes(), v.blob(), v.words().as_bytes()];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &CatalogView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct NoteModel {
    kind: Kind,
    more: bool,
    header_words: u8,
    header: Vec<u8>,
    body: Vec<u8>,
}

impl VarShape for Note {
    type Model = NoteModel;
    const HAS_REST: bool = true;
    type Order = OwnOrder;
    fn model() -> BoxedStrategy<NoteModel> {
        (
            Kind::strategy(),
            any::<bool>(),
            0u8..128,
            vec(any::<u8>(), 9),
            vec(any::<u8>(), 0..30),
        )
            .prop_map(|(kind, more, header_words, header, body)| NoteModel {
                kind,
                more,
                header_words,
                header: header[..usize::from(header_words) * 2 % 9].to_vec(),
                body,
            })
            .boxed()
    }
    fn encode(m: &NoteModel, _: Endian) -> Vec<u8> {
        Out::new(Endian::Big)
            .raw(&[m.kind as u8])
            .bits(&[(m.more.number(), 1), (m.header_words.into(), 7)], true)
            .raw(&m.header)
            .raw(&m.body)
            .done()
    }
    fn read(v: &NoteView<'_>) -> NoteModel {
        NoteModel {
            kind: v.kind(),
            more: v.more(),
            header_words: v.header_words(),
            header: v.header().to_vec(),
            body: v.body().to_vec(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        (
            v.size(),
            v.as_bytes(),
            v.fixed().as_bytes(),
            vec![v.header(), v.body()],
        )
    }
    fn debug(v: &NoteView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct MultiModel {
    a: u8,
    b: u8,
    c: u16,
    first: Vec<u8>,
    pairs: Vec<Pair>,
    more: Vec<Pair>,
    words: Vec<u16>,
    last: Vec<u8>,
}

impl VarShape for Multi {
    type Model = MultiModel;
    const HAS_REST: bool = false;
    type Order = OwnOrder;
    fn model() -> BoxedStrategy<MultiModel> {
        (
            vec(any::<u8>(), 0..20),
            0usize..5,
            vec(Pair::strategy(), 4),
            vec(Pair::strategy(), 4),
            0u16..300,
            vec(any::<u16>(), 4),
            vec(any::<u8>(), 60),
        )
            .prop_map(|(first, b, pairs, more, c, words, last)| MultiModel {
                a: first.len() as u8,
                b: b as u8,
                c,
                first,
                pairs: pairs[..b].to_vec(),
                more: more[..b].to_vec(),
                words: words[..usize::from(c % 5)].to_vec(),
                last: last[..usize::from(c / 5)].to_vec(),
            })
            .boxed()
    }
    fn encode(m: &MultiModel, _: Endian) -> Vec<u8> {
        let mut out = Out::new(Endian::Little);
        out.raw(&[m.a, m.b]).raw(&m.c.to_le_bytes()).raw(&m.first);
        for pair in m.pairs.iter().chain(&m.more) {
            out.raw(&pair.reference(Endian::Little));
        }
        for word in &m.words {
            out.raw(&word.to_le_bytes());
        }
        out.raw(&m.last).done()
    }
    fn read(v: &MultiView<'_>) -> MultiModel {
        let words = v.words();
        assert_eq!(words.iter().rev().count(), words.len());
        MultiModel {
            a: v.a(),
            b: v.b(),
            c: v.c(),
            first: v.first().to_vec(),
            pairs: table(v.pairs()),
            more: table(v.more()),
            words: words.iter().collect(),
            last: v.last().to_vec(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![
            v.first(),
            v.pairs().as_bytes(),
            v.more().as_bytes(),
            v.words().as_bytes(),
            v.last(),
        ];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &MultiView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct RatioModel {
    a: u8,
    b: u8,
    k: i8,
    quotient: Vec<u8>,
    remainder: Vec<u8>,
    pairs: Vec<Pair>,
}

impl VarShape for Ratio {
    type Model = RatioModel;
    const HAS_REST: bool = false;
    type Order = OwnOrder;
    fn model() -> BoxedStrategy<RatioModel> {
        (
            0u8..40,
            1u8..12,
            vec(Pair::strategy(), 0..5),
            vec(any::<u8>(), 40),
        )
            .prop_map(|(a, b, pairs, pool)| RatioModel {
                a,
                b,
                k: pairs.len() as i8,
                quotient: pool[..usize::from(a / b)].to_vec(),
                remainder: pool[..usize::from(a % b)].to_vec(),
                pairs,
            })
            .boxed()
    }
    fn encode(m: &RatioModel, _: Endian) -> Vec<u8> {
        let mut out = Out::new(Endian::Little);
        out.raw(&[m.a, m.b, m.k as u8])
            .raw(&m.quotient)
            .raw(&m.remainder);
        for pair in &m.pairs {
            out.raw(&pair.reference(Endian::Little));
        }
        out.done()
    }
    fn read(v: &RatioView<'_>) -> RatioModel {
        RatioModel {
            a: v.a(),
            b: v.b(),
            k: v.k(),
            quotient: v.quotient().to_vec(),
            remainder: v.remainder().to_vec(),
            pairs: table(v.pairs()),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![v.quotient(), v.remainder(), v.pairs().as_bytes()];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &RatioView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct RtFrameModel {
    len: u32,
    n: u8,
    flags: u8,
    kind: RtKind,
    always_big: u16,
    entries: Vec<RtInner>,
    data: Vec<u8>,
    stamps: Vec<u16>,
}

impl VarShape for RtFrame {
    type Model = RtFrameModel;
    const HAS_REST: bool = false;
    type Order = RunTime;
    fn model() -> BoxedStrategy<RtFrameModel> {
        (
            vec(RtInner::strategy(), 0..8),
            uint::<u64>(5),
            RtKind::strategy(),
            any::<u16>(),
            vec(any::<u8>(), 0..40),
            vec(any::<u16>(), 8),
        )
            .prop_map(
                |(entries, flags, kind, always_big, data, stamps)| RtFrameModel {
                    len: data.len() as u32,
                    n: entries.len() as u8,
                    flags: flags as u8,
                    kind,
                    always_big,
                    stamps: stamps[..entries.len() + 1].to_vec(),
                    entries,
                    data,
                },
            )
            .boxed()
    }
    fn encode(m: &RtFrameModel, endian: Endian) -> Vec<u8> {
        let mut out = Out::new(endian);
        put!(out, m.len);
        out.bits(&[(m.n.into(), 3), (m.flags.into(), 5)], true);
        put!(out, m.kind as u16);
        out.raw(&m.always_big.to_be_bytes());
        for entry in &m.entries {
            out.raw(&entry.reference(endian));
        }
        out.raw(&m.data);
        for stamp in &m.stamps {
            put!(out, *stamp);
        }
        out.done()
    }
    fn read(v: &RtFrameView<'_>) -> RtFrameModel {
        RtFrameModel {
            len: v.len(),
            n: v.n(),
            flags: v.flags(),
            kind: v.kind(),
            always_big: v.always_big(),
            entries: table(v.entries()),
            data: v.data().to_vec(),
            stamps: v.stamps().iter().collect(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![v.entries().as_bytes(), v.data(), v.stamps().as_bytes()];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &RtFrameView<'_>) -> String {
        format!("{v:?}")
    }
}

// The fixed-size table record `Pair` (tests/support/types.rs) on its own.
fixed_properties!(pair: Pair);

/// A view made from `input` at `start`: its record, fixed part and every variable field are
/// consecutive slices of the input, adding up to `size()`; every getter can be called. Returns
/// what the getters read.
fn check_var_view<T: VarShape>(
    view: &T::View<'_>,
    input: &[u8],
    start: usize,
) -> Result<T::Model, TestCaseError> {
    let (size, record, fixed, parts) = T::layout(view);
    prop_assert_eq!(record.len(), size, "size() vs as_bytes().len()");
    let expected = input
        .get(start..)
        .and_then(|rest| rest.get(..size))
        .ok_or_else(|| {
            TestCaseError::fail(format!(
                "a record of {size} bytes at {start} does not fit the {}-byte input",
                input.len()
            ))
        })?;
    prop_assert!(
        same_place(record, expected),
        "as_bytes() is not the input's bytes at {}",
        start
    );
    prop_assert!(
        record
            .get(..T::FIXED_SIZE)
            .is_some_and(|head| same_place(fixed, head)),
        "fixed() is not the record's first FIXED_SIZE bytes"
    );
    let mut at = T::FIXED_SIZE;
    for (index, part) in parts.iter().enumerate() {
        let inside = record.get(at..at + part.len()).ok_or_else(|| {
            TestCaseError::fail(format!(
                "variable field {index} ({} bytes at {at}) is outside the {size}-byte record",
                part.len()
            ))
        })?;
        prop_assert!(
            same_place(part, inside),
            "variable field {} is not the record's bytes at {}",
            index,
            at
        );
        at += part.len();
    }
    prop_assert_eq!(
        at,
        size,
        "size() is the fixed part plus every variable field"
    );
    prop_assert!(!T::debug(view).is_empty());
    Ok(T::read(view))
}

/// Property (a) for variable-length types: every entry point on `bytes`.
fn exercise_var<T: VarShape>(bytes: &[u8], offset: usize) -> Result<(), TestCaseError> {
    let prefix = match T::view_prefix(bytes) {
        Ok((view, rest)) => {
            let model = check_var_view::<T>(&view, bytes, 0)?;
            let size = T::layout(&view).0;
            prop_assert!(
                same_place(rest, &bytes[size..]),
                "view_prefix's rest is not &input[size..]"
            );
            if T::HAS_REST {
                prop_assert!(rest.is_empty(), "a record with a rest field takes it all");
            }
            Some((model, size))
        }
        Err(e) => {
            readable(&e)?;
            None
        }
    };
    match T::view(bytes) {
        Ok(view) => {
            let model = check_var_view::<T>(&view, bytes, 0)?;
            prop_assert_eq!(
                T::layout(&view).0,
                bytes.len(),
                "view takes the whole input"
            );
            prop_assert_eq!(
                Some(&model),
                prefix.as_ref().map(|(model, _)| model),
                "view vs view_prefix"
            );
        }
        Err(e) => {
            readable(&e)?;
            if let Some((_, size)) = &prefix {
                prop_assert_ne!(*size, bytes.len(), "view refuses a whole record: {}", e);
            }
        }
    }
    for endian in ENDIANS {
        let prefix_with = match T::Order::view_prefix(bytes, endian) {
            Ok((view, rest)) => {
                let model = check_var_view::<T>(&view, bytes, 0)?;
                let size = T::layout(&view).0;
                prop_assert!(same_place(rest, &bytes[size..]), "view_prefix_with's rest");
                Some((model, size))
            }
            Err(e) => {
                readable(&e)?;
                None
            }
        };
        match T::Order::view(bytes, endian) {
            Ok(view) => {
                let model = check_var_view::<T>(&view, bytes, 0)?;
                prop_assert_eq!(T::layout(&view).0, bytes.len());
                prop_assert_eq!(Some(&model), prefix_with.as_ref().map(|(model, _)| model));
            }
            Err(e) => readable(&e)?,
        }
    }
    match T::view_at(bytes, offset) {
        Ok(view) => {
            let model = check_var_view::<T>(&view, bytes, offset)?;
            let (tail_view, _) = ok(T::view_prefix(&bytes[offset..]), "view_prefix at offset")?;
            prop_assert_eq!(
                model,
                T::read(&tail_view),
                "view_at vs view_prefix at offset"
            );
        }
        Err(e) => {
            readable(&e)?;
            if let Some(tail) = bytes.get(offset..) {
                match T::view_prefix(tail) {
                    Ok(_) => {
                        return Err(TestCaseError::fail(format!(
                            "view_at({offset}) refuses what view_prefix of the tail reads: {e}"
                        )))
                    }
                    Err(tail_error) => prop_assert_eq!(
                        e.offset(),
                        tail_error.offset().map(|o| o + offset),
                        "view_at's offset is the tail's plus {}: {} vs {}",
                        offset,
                        e,
                        tail_error
                    ),
                }
            }
        }
    }
    Ok(())
}

/// Noise, or hand-encoded records with noise and a few changed bytes, up to 300 bytes.
fn var_inputs<T: VarShape + 'static>() -> BoxedStrategy<Vec<u8>> {
    let records = (vec(T::model(), 1..4), any::<bool>()).prop_map(|(models, big)| {
        let endian = if big { Endian::Big } else { Endian::Little };
        models
            .iter()
            .flat_map(|model| T::encode(model, endian))
            .collect()
    });
    damaged(records.boxed(), 300, true)
}

/// Property (d): the stream of `models` walks back into them with `view_prefix` (or
/// `view_prefix_with(endian)`), and cut at `cut` it yields the records before the cut and
/// then fails (unless the cut falls between records).
fn walk_stream<T: VarShape>(
    models: &[T::Model],
    endian: Option<Endian>,
    cut: Option<usize>,
) -> Result<(), TestCaseError> {
    let view_prefix = |bytes| match endian {
        Some(endian) => T::Order::view_prefix(bytes, endian),
        None => T::view_prefix(bytes),
    };
    let encoded: Vec<Vec<u8>> = models
        .iter()
        .map(|m| T::encode(m, endian.unwrap_or(Endian::Little)))
        .collect();
    let stream = encoded.concat();
    let mut ends = Vec::new();
    let mut end = 0;
    for record in &encoded {
        end += record.len();
        ends.push(end);
    }

    let mut rest = &stream[..];
    let mut at = 0;
    let mut seen = Vec::new();
    while !rest.is_empty() && seen.len() < models.len() {
        let (view, after) = view_prefix(rest)
            .map_err(|e| TestCaseError::fail(format!("record {} at {at}: {e}", seen.len())))?;
        seen.push(check_var_view::<T>(&view, &stream, at)?);
        let size = T::layout(&view).0;
        prop_assert_eq!(
            size,
            encoded[seen.len() - 1].len(),
            "size() vs the encoded size"
        );
        prop_assert!(
            same_place(after, &stream[at + size..]),
            "view_prefix's rest"
        );
        at += size;
        rest = after;
    }
    prop_assert!(rest.is_empty(), "the walk ends at the end of the stream");
    prop_assert_eq!(
        &seen[..],
        models,
        "the walk yields the records the stream was built from"
    );

    let Some(cut) = cut else { return Ok(()) };
    let cut = cut % (stream.len() + 1);
    let whole = ends.iter().filter(|&&end| end <= cut).count();
    let mut rest = &stream[..cut];
    let mut seen = Vec::new();
    let mut failed = false;
    while !rest.is_empty() && seen.len() <= models.len() {
        match view_prefix(rest) {
            Ok((view, after)) => {
                seen.push(T::read(&view));
                rest = after;
            }
            Err(e) => {
                readable(&e)?;
                failed = true;
                break;
            }
        }
    }
    prop_assert_eq!(
        &seen[..],
        &models[..whole],
        "records before the cut at {}",
        cut
    );
    let at_boundary = cut == 0 || ends.contains(&cut);
    prop_assert_eq!(
        failed,
        !at_boundary,
        "the record cut at {} must fail, and only it",
        cut
    );
    Ok(())
}

macro_rules! var_properties {
    ($($module:ident: $ty:ident),* $(,)?) => {$(
        mod $module {
            use super::*;

            proptest! {
                #[test]
                fn no_input_makes_an_entry_point_panic(
                    bytes in var_inputs::<$ty>(),
                    offset in prop_oneof![1 => 0usize..4, 1 => sizes()],
                ) {
                    exercise_var::<$ty>(&bytes, offset)?;
                }

                #[test]
                fn records_built_by_hand_read_back(model in <$ty as VarShape>::model(), big in any::<bool>()) {
                    let endian = if big { Endian::Big } else { Endian::Little };
                    let bytes = <$ty as VarShape>::encode(&model, endian);
                    let view = ok(<<$ty as VarShape>::Order as VarOrder<$ty>>::view(&bytes, endian), "view")?;
                    prop_assert_eq!(check_var_view::<$ty>(&view, &bytes, 0)?, model);
                }

                #[test]
                fn streams_walk_back_into_their_records(
                    models in vec(<$ty as VarShape>::model(), 0..6),
                    big in any::<bool>(),
                    cut in any::<usize>(),
                ) {
                    let endian = match (<<$ty as VarShape>::Order as VarOrder<$ty>>::RUNTIME, big) {
                        (false, _) => None,
                        (true, false) => Some(Endian::Little),
                        (true, true) => Some(Endian::Big),
                    };
                    if <$ty as VarShape>::HAS_REST {
                        // A rest field takes everything after it, so a stream holds one
                        // record, and a cut one is a shorter valid record.
                        walk_stream::<$ty>(&models[..models.len().min(1)], endian, None)?;
                    } else {
                        walk_stream::<$ty>(&models, endian, Some(cut))?;
                    }
                }
            }
        }
    )*};
}

var_properties!(
    datagram: Datagram,
    catalog: Catalog,
    note: Note,
    multi: Multi,
    ratio: Ratio,
    rt_frame: RtFrame,
);

proptest! {
    /// A count of zero-sized records takes no bytes, so only its sign can be wrong.
    #[test]
    fn counts_of_zero_sized_records(k in 0i8..=i8::MAX, extra in vec(any::<u8>(), 0..3)) {
        let mut bytes = vec![k as u8];
        bytes.extend_from_slice(&extra);
        let (view, rest) = ok(Markers::view_prefix(&bytes), "Markers")?;
        prop_assert_eq!(view.marks().len(), k as usize);
        prop_assert_eq!(view.marks().iter().count(), k as usize);
        prop_assert_eq!(view.size(), 1);
        prop_assert!(same_place(rest, &bytes[1..]));
    }

    /// Dividing by a zero field is an error that names the field.
    #[test]
    fn a_length_divided_by_zero_is_an_error(a in any::<u8>(), k in any::<i8>()) {
        let err = Ratio::view(&[a, 0, k as u8]).err()
            .ok_or_else(|| TestCaseError::fail("a / 0 accepted"))?;
        prop_assert!(err.to_string().starts_with("Ratio.quotient at offset 3: length `a / b`"), "{}", err);
    }

    /// A negative count is an error, never a huge table.
    #[test]
    fn a_negative_count_of_records_is_an_error(k in i8::MIN..0, more in vec(any::<u8>(), 0..40)) {
        let mut bytes = vec![0, 1, k as u8];
        bytes.extend_from_slice(&more);
        let err = Ratio::view_prefix(&bytes).err()
            .ok_or_else(|| TestCaseError::fail("a negative count accepted"))?;
        let is_negative = matches!(err.kind(), ErrorKind::VarLength { needed: Some(n), .. } if n < 0);
        prop_assert!(is_negative, "{}", err);
    }
}

// ---- Regressions: bugs these properties found, fixed ----

/// `Multi` is little-endian; its `words` table holds bare `u16`s, which have no order of their
/// own, so they read in the record's. (The generated `__view_prefix` once handed the order
/// given to `view_prefix_with` to the tables, not the record's; a fixed-order record has no
/// `_with` entry points any more: `tests/ui/with_on_fixed_order.rs`.)
#[test]
fn fixed_order_var_records_read_their_tables_in_their_own_order() {
    // a = 0, b = 0, c = 1 (so one u16 word and no other variable bytes), word = 1 little-endian.
    let bytes = [0, 0, 1, 0, 1, 0];
    let (view, _) = Multi::view_prefix(&bytes).unwrap();
    assert_eq!(view.c(), 1);
    assert_eq!(view.words().iter().collect::<Vec<_>>(), [1]);
}

/// `Markers` counts zero-sized records with a signed field. A count of -1 asks for
/// `-1 * 0 = 0` bytes, which passes the length check, and is then cast to `usize`: the view
/// is accepted and `marks().len()` is `usize::MAX`. (Generated `var_step` for counts checks
/// `needed = n * SIZE` for `n >= 0`, not `n` itself.) Iterating the table would not end.
#[test]
fn a_negative_count_of_zero_sized_records_is_an_error() {
    let result = Markers::view(&[0xff]).map(|view| view.marks().len());
    assert!(
        matches!(result.map_err(|e| e.kind()), Err(ErrorKind::VarLength { needed: Some(n), .. }) if n < 0),
        "k = -1 gives {result:?}"
    );
}

/// `Nothing::records(&[])` is an empty table, but a variable field of zero-sized records
/// given in bytes (or taking the rest) refuses an empty buffer:
/// "Nothing: a buffer of 0 bytes is not a whole number of 0-byte records (0 bytes left over)".
#[test]
fn no_bytes_of_zero_sized_records_is_an_empty_table() {
    assert_eq!(Nothing::records(&[]).map(|r| r.len()), Ok(0));
    let result = MarkerBytes::view(&[0]).map(|view| view.marks().len());
    assert_eq!(result, Ok(0), "{}", result.unwrap_err());
}

mod zero_alloc {
    use std::fmt::Write as _;

    use super::support::counting::{assert_counter_works, assert_no_alloc, StackText};
    use super::*;

    /// A frame with `n` entries and `data`.
    fn rt_frame(n: u8, data: &[u8]) -> RtFrameModel {
        RtFrameModel {
            len: data.len() as u32,
            n,
            flags: 0b10101,
            kind: RtKind::Alpha,
            always_big: 0x0102,
            entries: (0..n)
                .map(|i| RtInner {
                    a: u16::from(i) * 3,
                    b: -7,
                    kind: RtKind::Beta,
                })
                .collect(),
            data: data.to_vec(),
            stamps: (0..=u16::from(n)).map(|i| 1000 + i).collect(),
        }
    }

    /// A datagram with `ihl`, `n` items and `trailer`.
    fn datagram(ihl: u8, n: u8, trailer: &[u8]) -> DatagramModel {
        let items: Vec<Item> = (0..n)
            .map(|i| Item {
                unit: Unit::Kelvin,
                channel: i,
                value: -i16::from(i),
            })
            .collect();
        let total = usize::from(ihl) * 4 + items.len() * 3 + 4 + trailer.len();
        DatagramModel {
            version: 4,
            ihl,
            kind: Kind::Data,
            total_len: total as u16,
            n_items: n,
            name_len: 3,
            options: vec![0xee; usize::from(ihl) * 4 - 8],
            items,
            name: b"abc\0".to_vec(),
            trailer: trailer.to_vec(),
        }
    }

    #[test]
    fn variable_length_streams_allocate_nothing() {
        assert_counter_works();

        // Prepared outside the measured block.
        let mut frames = [Vec::new(), Vec::new()];
        for (stream, endian) in frames.iter_mut().zip(ENDIANS) {
            for (n, data) in [(2, &b"hello"[..]), (0, b""), (7, b"x"), (3, b"longer data")] {
                stream.extend_from_slice(&RtFrame::encode(&rt_frame(n, data), endian));
            }
        }
        let datagrams = [
            datagram(2, 0, b""),
            datagram(3, 4, b"payload"),
            datagram(15, 31, &[7; 40]),
        ]
        .map(|model| Datagram::encode(&model, Endian::Big));
        let catalog = Catalog::encode(
            &CatalogModel {
                shift: 1,
                n_entries: 1,
                tag: Kind::Ack,
                blob_len: 4,
                flags: 0,
                entries: vec![Entry {
                    id: 7,
                    mode: Mode::Stop,
                    weight: 3,
                }],
                blob: vec![1, 2, 3],
                words: vec![9, 10],
            },
            Endian::Little,
        );
        let mut text = StackText::new();

        assert_no_alloc(
            "variable-length streams walked with every getter and table",
            || {
                let mut sum = 0i64;
                for (stream, endian) in frames.iter().zip(ENDIANS) {
                    let mut rest = &stream[..];
                    while !rest.is_empty() {
                        let (v, after) = RtFrame::view_prefix_with(rest, endian).unwrap();
                        sum += i64::from(v.len()) + i64::from(v.n()) + i64::from(v.flags());
                        sum += v.kind() as i64 + i64::from(v.always_big());
                        sum += v.size() as i64 + v.as_bytes().len() as i64;
                        sum += v.fixed().as_bytes().len() as i64;
                        for entry in v.entries() {
                            sum +=
                                i64::from(entry.a()) + i64::from(entry.b()) + entry.kind() as i64;
                        }
                        sum += v.entries().iter().rev().count() as i64;
                        sum += v.data().iter().map(|&b| i64::from(b)).sum::<i64>();
                        sum += v.stamps().iter().map(i64::from).sum::<i64>();
                        sum += v.stamps().get(0).map_or(0, i64::from);
                        let whole = RtFrame::view_with(&rest[..v.size()], endian).unwrap();
                        sum += whole.size() as i64;
                        write!(text, "{v:?}").unwrap();
                        text.len = 0;
                        rest = after;
                    }
                }
                for bytes in &datagrams {
                    let v = Datagram::view(bytes).unwrap();
                    let (p, rest) = Datagram::view_prefix(bytes).unwrap();
                    let at = Datagram::view_at(bytes, 0).unwrap();
                    sum += i64::from(v.version()) + i64::from(v.ihl()) + v.kind() as i64;
                    sum += i64::from(v.total_len()) + i64::from(v.n_items());
                    sum += i64::from(v.name_len()) + v.name().len() as i64;
                    sum += v.options().len() as i64 + v.trailer().len() as i64;
                    for item in v.items() {
                        sum += item.unit() as i64
                            + i64::from(item.channel())
                            + i64::from(item.value());
                    }
                    sum += p.size() as i64 + rest.len() as i64 + at.items().len() as i64;
                }
                let v = Catalog::view(&catalog).unwrap();
                sum += i64::from(v.shift()) + i64::from(v.n_entries()) + v.tag() as i64;
                sum += i64::from(v.blob_len()) + i64::from(v.flags()) + v.blob().len() as i64;
                for entry in v.entries() {
                    sum += i64::from(entry.id()) + entry.mode() as i64 + i64::from(entry.weight());
                }
                sum += v.words().iter().map(i64::from).sum::<i64>();
                let short = RtFrame::view_prefix_with(&frames[0][..7], Endian::Little).unwrap_err();
                let bad_length = RtFrame::view_prefix_with(&frames[0], Endian::Big).unwrap_err();
                let negative = Datagram::view(&[0x41, 1, 0, 0, 0, 0]).unwrap_err();
                write!(text, "{short} {bad_length} {negative}").unwrap();
                sum
            },
        );
        assert!(text.text().contains("is negative"), "{}", text.text());
    }
}
