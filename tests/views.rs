//! Views over fixed-layout records: every field kind, both byte orders, reading and writing in
//! place. Expected bytes are written out by hand (or with the standard library's
//! `to_be_bytes`/`to_le_bytes`), never produced by overlay itself.

use overlay::{ArrayView, Endian, FieldKind, Overlay};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Data = 1,
    Ack = 2,
    Close = 7,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i16)]
pub enum Level {
    Low = -300,
    High = 300,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Header {
    pub magic: [u8; 4],
    pub version: u16,
    pub kind: Kind,
    pub urgent: bool,
    #[overlay(endian = "little")]
    pub len: u32,
    pub origin: Point,
    pub samples: [i16; 4],
    #[overlay(pad)]
    pub _reserved: [u8; 3],
    pub ratio: f64,
}

fn header_bytes() -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(b"OVLY");
    b.extend_from_slice(&[0x01, 0x02]); // version 0x0102, big
    b.push(7); // kind Close
    b.push(1); // urgent
    b.extend_from_slice(&[0x10, 0x20, 0x30, 0x40]); // len 0x40302010, little
    b.extend_from_slice(&[0xff, 0xff, 0xff, 0xfe]); // x = -2
    b.extend_from_slice(&[0x00, 0x00, 0x01, 0x00]); // y = 256
    b.extend_from_slice(&[0x00, 0x01, 0xff, 0xff, 0x7f, 0xff, 0x80, 0x00]); // 1, -1, 32767, -32768
    b.extend_from_slice(&[0xaa, 0xbb, 0xcc]); // reserved: any bytes are accepted
    b.extend_from_slice(&[0x3f, 0xf8, 0, 0, 0, 0, 0, 0]); // 1.5
    b
}

#[test]
fn size_and_format_match_the_declared_layout() {
    assert_eq!(Header::SIZE, 39);
    assert_eq!(Point::SIZE, 8);
    assert_eq!(Kind::SIZE, 1);
    assert_eq!(Level::SIZE, 2);
    // `len` is little-endian inside a big-endian struct: no single Python prefix.
    assert_eq!(Header::FORMAT, None);
    assert_eq!(Point::FORMAT, Some(">ii"));
    assert_eq!(Kind::FORMAT, Some("<B"));
    assert_eq!(Level::FORMAT, Some("<h"));
}

#[test]
fn getters_read_every_field_kind() {
    let bytes = header_bytes();
    let h = Header::view(&bytes).unwrap();
    assert_eq!(h.magic(), b"OVLY");
    assert_eq!(h.version(), 0x0102);
    assert_eq!(h.kind(), Kind::Close);
    assert!(h.urgent());
    assert_eq!(h.len(), 0x4030_2010);
    assert_eq!(h.origin().x(), -2);
    assert_eq!(h.origin().y(), 256);
    let samples: ArrayView<'_, i16, 4> = h.samples();
    assert_eq!(samples.len(), 4);
    assert_eq!(samples.get(2), Some(32767));
    assert_eq!(samples.get(4), None);
    assert_eq!(samples.to_array(), [1, -1, 32767, -32768]);
    assert_eq!(
        samples.iter().rev().collect::<Vec<_>>(),
        [-32768, 32767, -1, 1]
    );
    assert_eq!(h.ratio(), 1.5);
    assert_eq!(h.as_bytes(), &bytes[..]);
}

#[test]
fn unpack_copies_out_with_zeroed_pads() {
    let bytes = header_bytes();
    let owned = Header::unpack(&bytes).unwrap();
    assert_eq!(
        owned,
        Header {
            magic: *b"OVLY",
            version: 0x0102,
            kind: Kind::Close,
            urgent: true,
            len: 0x4030_2010,
            origin: Point { x: -2, y: 256 },
            samples: [1, -1, 32767, -32768],
            _reserved: [0; 3],
            ratio: 1.5,
        }
    );
    assert_eq!(Header::view(&bytes).unwrap().unpack(), owned);
    // Written back, the pad is zeros; everything else is the input.
    let mut expected = bytes.clone();
    expected[28..31].copy_from_slice(&[0, 0, 0]);
    assert_eq!(owned.to_bytes().to_vec(), expected);
}

#[test]
fn view_debug_prints_like_the_owned_struct() {
    let bytes = header_bytes();
    let view = Header::view(&bytes).unwrap();
    assert_eq!(format!("{view:?}"), format!("{:?}", view.unpack()));
    let mut copy = bytes.clone();
    let view_mut = Header::view_mut(&mut copy).unwrap();
    assert_eq!(
        format!("{view_mut:?}"),
        format!("{:?}", Header::unpack(&bytes).unwrap())
    );
}

#[test]
fn setters_write_in_place_in_the_fields_byte_order() {
    let mut bytes = header_bytes();
    let mut h = Header::view_mut(&mut bytes).unwrap();
    h.set_version(0xbeef);
    h.set_kind(Kind::Ack);
    h.set_urgent(false);
    h.set_len(0x0102_0304);
    h.set_ratio(-2.0);
    h.origin_mut().set_x(1);
    h.set_samples([5, 6, 7, 8]);
    h.samples_mut().set(0, -5).unwrap();
    assert!(h.samples_mut().set(4, 0).is_err());
    h.magic_mut()[0] = b'o';
    assert_eq!(h.version(), 0xbeef);
    assert_eq!(h.as_view().kind(), Kind::Ack);
    assert_eq!(&bytes[0..4], b"oVLY");
    assert_eq!(&bytes[4..6], &[0xbe, 0xef]);
    assert_eq!(bytes[6], 2);
    assert_eq!(bytes[7], 0);
    assert_eq!(&bytes[8..12], &[0x04, 0x03, 0x02, 0x01]);
    assert_eq!(&bytes[12..16], &1i32.to_be_bytes());
    assert_eq!(&bytes[20..28], &[0xff, 0xfb, 0, 6, 0, 7, 0, 8]);
    assert_eq!(
        &bytes[28..31],
        &[0xaa, 0xbb, 0xcc],
        "setters never touch pads"
    );
    assert_eq!(&bytes[31..39], &(-2.0f64).to_be_bytes());
}

#[test]
fn pack_overwrites_the_whole_record_and_zeroes_pads() {
    let mut bytes = header_bytes();
    let value = Header {
        magic: *b"ABCD",
        version: 9,
        kind: Kind::Data,
        urgent: false,
        len: 3,
        origin: Point { x: 4, y: 5 },
        samples: [6, 7, 8, 9],
        _reserved: [1, 2, 3],
        ratio: 0.25,
    };
    Header::view_mut(&mut bytes).unwrap().pack(&value);
    assert_eq!(&bytes[28..31], &[0, 0, 0]);
    let mut via_pack_into = vec![0xee; 45];
    value.pack_into(&mut via_pack_into, 3).unwrap();
    assert_eq!(&via_pack_into[3..42], &bytes[..]);
    assert_eq!(
        &via_pack_into[..3],
        &[0xee; 3],
        "bytes before the offset untouched"
    );
    assert_eq!(
        &via_pack_into[42..],
        &[0xee; 3],
        "bytes after the record untouched"
    );
    assert_eq!(
        Header::unpack(&bytes).unwrap(),
        Header {
            _reserved: [0; 3],
            ..value
        }
    );
}

#[test]
fn prefix_and_offset_views_like_unpack_from() {
    let mut stream = header_bytes();
    stream.extend_from_slice(b"tail");
    let (view, rest) = Header::view_prefix(&stream).unwrap();
    assert_eq!(view.version(), 0x0102);
    assert_eq!(rest, b"tail");

    let mut shifted = vec![0u8; 5];
    shifted.extend_from_slice(&header_bytes());
    shifted.push(0);
    assert_eq!(Header::view_at(&shifted, 5).unwrap().origin().y(), 256);
    assert_eq!(Header::unpack_from(&shifted, 5).unwrap().len, 0x4030_2010);
    Header::view_at_mut(&mut shifted, 5).unwrap().set_version(1);
    assert_eq!(&shifted[9..11], &[0, 1]);
    let (mut first, rest) = Header::view_prefix_mut(&mut shifted[5..]).unwrap();
    first.set_urgent(false);
    assert_eq!(rest.len(), 1);
    assert_eq!(shifted[12], 0);
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "little", view = "SlotRef", view_mut = "SlotRefMut")]
pub struct Slot {
    pub level: Level,
    #[overlay(endian = "big")]
    pub level_be: Level,
    pub grid: [[u8; 2]; 3],
    pub points: [Point; 2],
    pub flags: [bool; 3],
    pub levels: [Level; 2],
    pub wide: u128,
    pub signed: [[i64; 2]; 2],
}

#[test]
fn nested_arrays_arrays_of_records_and_renamed_views() {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&(-300i16).to_le_bytes());
    bytes.extend_from_slice(&300i16.to_be_bytes());
    bytes.extend_from_slice(&[1, 2, 3, 4, 5, 6]);
    for v in [1i32, 2, 3, 4] {
        bytes.extend_from_slice(&v.to_be_bytes()); // Point keeps its own (big) byte order
    }
    bytes.extend_from_slice(&[1, 0, 1]);
    bytes.extend_from_slice(&300i16.to_le_bytes());
    bytes.extend_from_slice(&(-300i16).to_le_bytes());
    bytes.extend_from_slice(&u128::MAX.wrapping_sub(5).to_le_bytes());
    for v in [-1i64, 2, i64::MIN, i64::MAX] {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    assert_eq!(bytes.len(), Slot::SIZE);

    let view: SlotRef<'_> = Slot::view(&bytes).unwrap();
    assert_eq!(view.level(), Level::Low);
    assert_eq!(view.level_be(), Level::High);
    assert_eq!(view.grid().get(1), Some(&[3, 4]));
    assert_eq!(view.points().get(1).unwrap().x(), 3);
    assert_eq!(view.flags().to_array(), [true, false, true]);
    assert_eq!(view.levels().to_array(), [Level::High, Level::Low]);
    assert_eq!(view.wide(), u128::MAX - 5);
    assert_eq!(
        view.signed().get(1).unwrap().to_array(),
        [i64::MIN, i64::MAX]
    );
    assert_eq!(Slot::FORMAT, None, "u128 has no Python struct code");

    let mut copy = bytes.clone();
    let mut slot: SlotRefMut<'_> = Slot::view_mut(&mut copy).unwrap();
    slot.grid_mut().get_mut(2).unwrap()[1] = 9;
    slot.points_mut().get_mut(0).unwrap().set_y(-7);
    slot.levels_mut().set(0, Level::Low).unwrap();
    slot.level_be_mut().set(Level::Low);
    slot.signed_mut().get_mut(0).unwrap().set(1, 42).unwrap();
    assert_eq!(copy[9], 9);
    assert_eq!(&copy[14..18], &(-7i32).to_be_bytes());
    assert_eq!(&copy[29..31], &(-300i16).to_le_bytes());
    assert_eq!(&copy[2..4], &(-300i16).to_be_bytes());
    assert_eq!(Slot::unpack(&copy).unwrap().signed[0], [-1, 42]);
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "native")]
pub struct NativeWord {
    pub word: u32,
    #[overlay(endian = "network")]
    pub net: u32,
}

#[test]
fn native_and_network_byte_orders() {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&0x1234_5678u32.to_ne_bytes());
    bytes.extend_from_slice(&0x1234_5678u32.to_be_bytes());
    let view = NativeWord::view(&bytes).unwrap();
    assert_eq!(view.word(), 0x1234_5678);
    assert_eq!(view.net(), 0x1234_5678);
    assert_eq!(NativeWord::FIELDS[0].endian, Some(Endian::NATIVE));
    assert_eq!(NativeWord::FIELDS[1].endian, Some(Endian::Big));
}

#[test]
fn fields_describe_the_layout() {
    let names: Vec<_> = Header::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(
        names,
        [
            "magic",
            "version",
            "kind",
            "urgent",
            "len",
            "origin",
            "samples",
            "_reserved",
            "ratio"
        ]
    );
    let offsets: Vec<_> = Header::FIELDS.iter().map(|f| f.offset).collect();
    assert_eq!(offsets, [0, 4, 6, 7, 8, 12, 20, 28, 31]);
    let sizes: usize = Header::FIELDS.iter().map(|f| f.size).sum();
    assert_eq!(sizes, Header::SIZE);
    let kinds: Vec<_> = Header::FIELDS.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FieldKind::Bytes,
            FieldKind::Scalar,
            FieldKind::Enum,
            FieldKind::Bool,
            FieldKind::Scalar,
            FieldKind::Struct,
            FieldKind::Array,
            FieldKind::Pad,
            FieldKind::Scalar
        ]
    );
    let origin = &Header::FIELDS[5];
    assert_eq!(origin.fields.len(), 2);
    assert_eq!(origin.fields[1].name, "y");
    assert_eq!(origin.fields[1].offset, 4);
    assert_eq!(Header::FIELDS[6].type_name, "[i16; 4]");
    assert_eq!(Header::FIELDS[6].elements, 4);
    assert_eq!(Header::FIELDS[4].endian, Some(Endian::Little));
    assert_eq!(Header::FIELDS[1].endian, Some(Endian::Big));
    assert_eq!(Header::FIELDS[0].endian, None);
}

#[test]
fn hexdump_labels_nested_fields_with_absolute_offsets() {
    let bytes = header_bytes();
    let dump = overlay::hexdump::<Header>(&bytes).to_string();
    // `y` is indented under `origin`, at its offset in the whole record.
    let mut lines = dump.lines().skip_while(|l| !l.contains(" origin "));
    lines.next().unwrap();
    lines.next().unwrap();
    let line = lines.next().unwrap();
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(cells[..3], ["16", "4", "y"], "{line}");
    assert!(
        line.contains("  y  ") && line.contains("00 00 01 00"),
        "{line}"
    );
    assert!(line.ends_with(" 256"), "{line}");
    let short = overlay::hexdump::<Header>(&bytes[..10]).to_string();
    assert!(short.contains("(missing 2 bytes)"), "{short}");
}

#[test]
fn scalars_and_arrays_are_overlays_on_their_own() {
    assert_eq!(u32::view(&[1, 0, 0, 0]).unwrap(), 1);
    assert_eq!(<[u16; 2]>::view(&[1, 0, 2, 0]).unwrap().to_array(), [1, 2]);
    assert_eq!(<[u8; 3]>::view(b"abc").unwrap(), b"abc");
    let words = u16::records(&[1, 0, 2, 0, 3, 0]).unwrap();
    assert_eq!(words.iter().collect::<Vec<_>>(), [1, 2, 3]);
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Empty {}

#[test]
fn an_empty_record_is_zero_bytes() {
    assert_eq!(Empty::SIZE, 0);
    assert_eq!(Empty::FORMAT, Some("<"));
    assert_eq!(Empty::unpack(&[]).unwrap(), Empty {});
    assert!(Empty::records(&[]).unwrap().is_empty());
    assert!(Empty::records(&[1]).is_err());
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(align(4), u16)]
pub enum Aligned {
    One = 1,
    Big = 0x0102,
}

#[test]
fn an_integer_repr_after_align_is_found() {
    assert_eq!(Aligned::SIZE, 2);
    assert_eq!(Aligned::view(&[2, 1]).unwrap(), Aligned::Big);
    assert!(Aligned::view(&[2, 2]).is_err());
}
