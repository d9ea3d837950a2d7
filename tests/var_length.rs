//! Variable-length fields: lengths from earlier fields (`bytes`, `count`), the rest of the
//! buffer (`rest`), several in sequence, streams walked with `view_prefix`, and every bad length
//! an error naming the field.

use overlay::{Endian, ErrorKind, Overlay, Segment, VarBytes, VarOverlay, VarRecords};

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

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Unit {
    Celsius = 1,
    Kelvin = 2,
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
