//! Views over fixed-layout records: every field kind, both byte orders, reading and writing in
//! place, and the Python format of each record.
//!
//! - The unit tests write the expected bytes out by hand (or with the standard library's
//!   `to_be_bytes`/`to_le_bytes`), never with overlay itself.
//! - `properties`: over every shared record type (tests/support/types.rs), owned values
//!   round-trip through bytes, views read what `unpack` reads, each setter writes exactly its
//!   field's bytes, every buffer that is accepted round-trips (pads aside), and no input,
//!   however malformed, makes any entry point panic. The expected values come from proptest
//!   strategies written field by field, and field positions from `FIELDS`; floats are compared
//!   by their bits, so NaN equals itself.
//! - `cpython`: byte-exact agreement with CPython's `struct` module. For each record type with
//!   a Python format, `struct.calcsize(FORMAT)` must be `SIZE`; seeded random values packed by
//!   `struct.pack(FORMAT, ...)` must be the bytes `to_bytes` writes and read back (through
//!   views, `unpack` and record tables) as the values Rust generated; and
//!   `struct.unpack(FORMAT, ...)` of the bytes `to_bytes` writes must give those values.
//!   Records go to Python in batches, one process per type and direction. Without `python3`
//!   these tests print a notice and pass, except under `CI=true`, where they fail.
//! - `zero_alloc`: reading and writing records allocates nothing (tests/support/counting.rs).

mod support;

use overlay::{ArrayView, Endian, FieldKind, Overlay};
use support::types::{Kind, Level};

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

mod properties {
    use std::ops::Range;

    use super::support::types::{
        Arrays, BigEnumOnly, Color, Empty, Header, Mixed, Native, Packet, Point, PointLe,
        ScalarsBe, ScalarsLe, Tag1, Tags, Trend, Wide,
    };
    use super::support::values::{
        damaged, field_mismatch, flat, same, Record, ToOwnedValue, Value,
    };
    use overlay::{Error, ErrorKind, FieldInfo, FieldKind, Overlay, Records, RecordsMut};
    use proptest::collection::vec;
    use proptest::prelude::*;

    /// How many records the loops over a table visit at most: a table of zero-sized records can
    /// claim any length.
    const MAX_VISITED: usize = 1000;

    /// The byte range of the top-level field `name`.
    fn field_range<T: Overlay>(name: &str) -> Range<usize> {
        let field = T::FIELDS
            .iter()
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("{} has a field `{name}`", std::any::type_name::<T>()));
        field.offset..field.offset + field.size
    }

    /// The type's name as errors print it.
    fn short_name<T>() -> &'static str {
        let full = std::any::type_name::<T>();
        full.rsplit("::").next().unwrap_or(full)
    }

    /// Zeroes every pad in `bytes` (one record at `base`), nested records' pads included.
    fn zero_pads(fields: &[FieldInfo], bytes: &mut [u8], base: usize) {
        for field in fields {
            let start = base + field.offset;
            if field.kind == FieldKind::Pad {
                bytes[start..start + field.size].fill(0);
            } else if !field.fields.is_empty() && field.elements > 0 {
                let element_size = field.size / field.elements;
                for index in 0..field.elements {
                    zero_pads(field.fields, bytes, start + index * element_size);
                }
            }
        }
    }

    /// What writing every field of the record at `base` with the value it holds does to `bytes`:
    /// pads inside nested records become zeros (a nested record is written whole); the record's own
    /// pads have no setter and stay as they are.
    fn rewritten<T: Overlay>(bytes: &mut [u8], base: usize) {
        for field in T::FIELDS {
            if !field.fields.is_empty() && field.elements > 0 {
                let element_size = field.size / field.elements;
                for index in 0..field.elements {
                    zero_pads(
                        field.fields,
                        bytes,
                        base + field.offset + index * element_size,
                    );
                }
            }
        }
    }

    /// `bytes` differs from `original` only inside `range`.
    fn only_range_changed(
        original: &[u8],
        bytes: &[u8],
        range: Range<usize>,
    ) -> Result<(), String> {
        match (0..original.len()).find(|&i| !range.contains(&i) && original[i] != bytes[i]) {
            None => Ok(()),
            Some(i) => Err(format!(
                "byte {i} outside the field's bytes {range:?} changed from {:#04x} to {:#04x}",
                original[i], bytes[i]
            )),
        }
    }

    /// An error is something a person can read, and its offset (if any) points into the record
    /// it is about.
    fn check_error<T>(error: &Error, record: Option<Range<usize>>) -> Result<(), TestCaseError> {
        prop_assert!(
            !error.to_string().is_empty(),
            "{error:?} displays as an empty string"
        );
        if let (
            ErrorKind::InvalidEnum { offset, path, .. }
            | ErrorKind::InvalidBool { offset, path, .. },
            Some(record),
        ) = (error.kind(), record)
        {
            prop_assert!(
                record.contains(&offset),
                "{error} reports offset {offset}, outside the record at {record:?}"
            );
            prop_assert_eq!(
                path.root(),
                short_name::<T>(),
                "the path of {} starts at the record",
                error
            );
        }
        Ok(())
    }

    /// Reads a view's every getter and checks them against `unpack` of the same bytes.
    fn check_view<T: Record>(view: T::View<'_>, bytes: &[u8]) -> Result<(), TestCaseError> {
        let owned = T::unpack(bytes).map_err(|e| {
            TestCaseError::fail(format!("a view was made of bytes that unpack rejects: {e}"))
        })?;
        if let Some(problem) = field_mismatch(&owned.owned_fields(), &T::view_fields(view)) {
            return Err(TestCaseError::fail(format!(
                "view getters disagree with unpack: {problem}"
            )));
        }
        Ok(())
    }

    /// A read-only table: its length, iteration both ways, `get`, `first` and `last` agree, and every
    /// record's getters read what `unpack` reads.
    fn check_records<T: Record>(
        records: Records<'_, T>,
        bytes: &[u8],
    ) -> Result<(), TestCaseError> {
        let len = records.len();
        {
            prop_assert_eq!(records.iter().len(), len, "iter().len() must equal len()");
            prop_assert_eq!(
                records.iter().count(),
                len,
                "iter() must yield len() records"
            );
            prop_assert_eq!(
                records.iter().rev().count(),
                len,
                "iter().rev() must yield len() records"
            );
        }
        for (index, view) in records.iter().enumerate().take(MAX_VISITED) {
            let start = index * records.stride().unsigned_abs();
            check_view::<T>(view, &bytes[start..start + T::SIZE])?;
        }
        for index in 0..len.min(MAX_VISITED) {
            prop_assert!(
                records.get(index).is_some(),
                "get({}) of {} records",
                index,
                len
            );
        }
        prop_assert!(records.get(len).is_none(), "get(len) must be None");
        prop_assert_eq!(records.first().is_some(), len > 0);
        prop_assert_eq!(records.last().is_some(), len > 0);
        Ok(())
    }

    /// A writable table: reads and rewrites every record (and notes in `expected` what that does).
    fn check_records_mut<T: Record>(
        mut records: RecordsMut<'_, T>,
        rewrite: fn(&mut T::ViewMut<'_>),
        expected: &mut [u8],
    ) -> Result<(), TestCaseError> {
        let len = records.len();
        let stride = records.as_records().stride().unsigned_abs();
        for index in 0..len.min(MAX_VISITED) {
            rewritten::<T>(expected, index * stride);
        }
        if !(T::SIZE == 0 && records.as_records().stride() == 0) {
            prop_assert_eq!(
                records.iter_mut().len(),
                len,
                "iter_mut().len() must equal len()"
            );
            prop_assert_eq!(records.iter().count(), len);
        }
        for mut view in records.iter_mut().take(MAX_VISITED) {
            let _ = T::view_mut_fields(&view);
            rewrite(&mut view);
        }
        for index in 0..len.min(MAX_VISITED) {
            let mut view = records
                .get_mut(index)
                .ok_or_else(|| TestCaseError::fail(format!("get_mut({index}) of {len} records")))?;
            rewrite(&mut view);
        }
        prop_assert!(records.get_mut(len).is_none(), "get_mut(len) must be None");
        prop_assert!(records.get(len).is_none(), "get(len) must be None");
        Ok(())
    }

    /// Calls every entry point that takes a buffer on `bytes`; reads every field of whatever is
    /// accepted; rewrites every field of writable views with its own value, which must leave the
    /// bytes unchanged (except pads inside nested records, which become zeros). Nothing may panic.
    fn exercise<T: Record>(
        bytes: &[u8],
        offset: usize,
        count: usize,
        stride: usize,
        rewrite: fn(&mut T::ViewMut<'_>),
    ) -> Result<(), TestCaseError> {
        let at = offset.checked_add(T::SIZE).map(|end| offset..end);

        // Read-only views and copies.
        match T::view(bytes) {
            Ok(view) => check_view::<T>(view, bytes)?,
            Err(e) => {
                check_error::<T>(&e, Some(0..T::SIZE))?;
                prop_assert_eq!(
                    T::unpack(bytes).err(),
                    Some(e),
                    "unpack must fail like view"
                );
            }
        }
        match T::view_prefix(bytes) {
            Ok((view, rest)) => {
                prop_assert_eq!(rest.len(), bytes.len() - T::SIZE, "view_prefix's rest");
                check_view::<T>(view, &bytes[..T::SIZE])?;
            }
            Err(e) => check_error::<T>(&e, Some(0..T::SIZE))?,
        }
        match T::view_at(bytes, offset) {
            Ok(view) => {
                let record = &bytes[offset..offset + T::SIZE];
                check_view::<T>(view, record)?;
                let from = T::unpack_from(bytes, offset).map_err(|e| {
                    TestCaseError::fail(format!(
                        "view_at accepts offset {offset}, unpack_from: {e}"
                    ))
                })?;
                prop_assert!(
                    same(&from, &T::unpack(record).unwrap()),
                    "unpack_from vs unpack"
                );
            }
            Err(e) => {
                check_error::<T>(&e, at.clone())?;
                prop_assert_eq!(
                    T::unpack_from(bytes, offset).err(),
                    Some(e),
                    "unpack_from vs view_at"
                );
            }
        }
        if let Ok(owned) = T::unpack(bytes) {
            // Every accepted buffer round-trips; pads come back as zeros.
            let mut expected = bytes.to_vec();
            zero_pads(T::FIELDS, &mut expected, 0);
            prop_assert_eq!(
                owned.bytes_of(),
                expected,
                "to_bytes(unpack(bytes)) vs bytes"
            );
        }

        // Writable views: rewriting every field with its value changes nothing but nested pads.
        let mut copy = bytes.to_vec();
        let mut expected = bytes.to_vec();
        match T::view_mut(&mut copy) {
            Ok(mut view) => {
                let _ = T::view_mut_fields(&view);
                rewrite(&mut view);
                rewritten::<T>(&mut expected, 0);
            }
            Err(e) => check_error::<T>(&e, Some(0..T::SIZE))?,
        }
        match T::view_prefix_mut(&mut copy) {
            Ok((mut view, _rest)) => {
                let _ = T::view_mut_fields(&view);
                rewrite(&mut view);
                rewritten::<T>(&mut expected, 0);
            }
            Err(e) => check_error::<T>(&e, Some(0..T::SIZE))?,
        }
        match T::view_at_mut(&mut copy, offset) {
            Ok(mut view) => {
                let _ = T::view_mut_fields(&view);
                rewrite(&mut view);
                rewritten::<T>(&mut expected, offset);
            }
            Err(e) => check_error::<T>(&e, at.clone())?,
        }
        prop_assert_eq!(copy, expected, "rewriting fields with their own values");

        // pack_into at an arbitrary offset writes exactly the record's bytes there.
        let value = T::zero();
        let mut target = bytes.to_vec();
        match value.pack_into(&mut target, offset) {
            Ok(()) => {
                let range = offset..offset + T::SIZE;
                prop_assert_eq!(&target[range.clone()], &value.bytes_of()[..]);
                only_range_changed(bytes, &target, range).map_err(TestCaseError::fail)?;
            }
            Err(e) => {
                check_error::<T>(&e, None)?;
                prop_assert_eq!(&target[..], bytes, "a failed pack_into must write nothing");
            }
        }

        // Tables.
        match T::records(bytes) {
            Ok(records) => check_records(records, bytes)?,
            Err(e) => check_error::<T>(&e, None)?,
        }
        // Zero-byte records with stride 0 take no room, so any count fits and iteration yields all
        // of them: keep the count small enough to iterate.
        let count = if stride == 0 {
            count.min(1 << 12)
        } else {
            count
        };
        match Records::<T>::with_stride(bytes, count, stride) {
            Ok(records) => check_records(records, bytes)?,
            Err(e) => check_error::<T>(&e, None)?,
        }
        let mut copy = bytes.to_vec();
        let mut expected = bytes.to_vec();
        match T::records_mut(&mut copy) {
            Ok(records) => check_records_mut(records, rewrite, &mut expected)?,
            Err(e) => check_error::<T>(&e, None)?,
        }
        match RecordsMut::<T>::with_stride(&mut copy, count, stride) {
            Ok(records) => check_records_mut(records, rewrite, &mut expected)?,
            Err(e) => check_error::<T>(&e, None)?,
        }
        prop_assert_eq!(
            copy,
            expected,
            "rewriting table records with their own values"
        );
        Ok(())
    }

    /// Buffers of up to 200 bytes: pure noise, or valid records with noise around them and a few
    /// bytes changed, so that both the accepting and the rejecting paths run.
    fn buffers<T: Record>() -> BoxedStrategy<Vec<u8>> {
        let records = (
            prop_oneof![1 => Just(1usize), 1 => 0usize..5],
            vec(T::strategy(), 4),
        )
            .prop_map(|(count, records)| records[..count].iter().flat_map(T::bytes_of).collect());
        damaged(records.boxed(), 200, false)
    }

    /// Small numbers most of the time, huge ones sometimes (overflow paths).
    fn sizes() -> BoxedStrategy<usize> {
        prop_oneof![8 => 0usize..220, 1 => any::<usize>(), 1 => Just(usize::MAX)].boxed()
    }

    /// For each record type: a module of properties. The list names each value field and its
    /// setter, in declaration order (checked against `FIELDS`).
    macro_rules! properties {
        ($module:ident: $ty:ident { $($field:ident => $setter:ident),* $(,)? }) => {
            mod $module {
                use super::*;

                /// Writes every field of `view` with the value it holds.
                fn rewrite(view: &mut <$ty as Overlay>::ViewMut<'_>) {
                    $(
                        let current = ToOwnedValue::to_owned_value(view.$field());
                        view.$setter(current);
                    )*
                }

                #[test]
                fn setter_list_names_every_value_field() {
                    let listed: Vec<&str> = vec![$(stringify!($field)),*];
                    let value_fields: Vec<&str> = <$ty as Overlay>::FIELDS
                        .iter()
                        .filter(|f| f.kind != FieldKind::Pad)
                        .map(|f| f.name)
                        .collect();
                    assert_eq!(listed, value_fields, "the test's setter list vs FIELDS");
                }

                proptest! {
                    #[test]
                    fn unpack_of_to_bytes_gives_the_value_back(x in <$ty as Value>::strategy()) {
                        let bytes = x.to_bytes();
                        prop_assert_eq!(bytes.len(), <$ty as Overlay>::SIZE);
                        let back = <$ty>::unpack(&bytes)
                            .map_err(|e| TestCaseError::fail(format!("unpack(to_bytes(x)): {e}")))?;
                        prop_assert!(same(&back, &x), "unpack(to_bytes(x)) = {:?}, x = {:?}", back, x);
                        prop_assert_eq!(back.to_bytes(), bytes);
                    }

                    #[test]
                    fn views_read_the_owned_fields(x in <$ty as Value>::strategy()) {
                        let mut bytes = x.to_bytes();
                        let view = <$ty>::view(&bytes)
                            .map_err(|e| TestCaseError::fail(format!("view(to_bytes(x)): {e}")))?;
                        prop_assert!(same(&view.unpack(), &<$ty>::unpack(&bytes).unwrap()));
                        if let Some(problem) = field_mismatch(&x.owned_fields(), &<$ty>::view_fields(view)) {
                            return Err(TestCaseError::fail(format!("view getter {problem}")));
                        }
                        let view = <$ty>::view_mut(&mut bytes).unwrap();
                        if let Some(problem) = field_mismatch(&x.owned_fields(), &<$ty>::view_mut_fields(&view)) {
                            return Err(TestCaseError::fail(format!("view_mut getter {problem}")));
                        }
                        prop_assert!(same(&view.unpack(), &x), "ViewMut::unpack");
                    }

                    #[test]
                    fn each_setter_writes_exactly_its_field(
                        x in <$ty as Value>::strategy(),
                        y in <$ty as Value>::strategy(),
                    ) {
                        let original = x.to_bytes();
                        $({
                            let field = stringify!($field);
                            let mut bytes = original;
                            let mut view = <$ty>::view_mut(&mut bytes).unwrap();
                            view.$setter(y.$field);
                            let read_back: $ty = {
                                let mut expected = x;
                                expected.$field = y.$field;
                                expected
                            };
                            if let Some(problem) =
                                field_mismatch(&read_back.owned_fields(), &<$ty>::view_mut_fields(&view))
                            {
                                return Err(TestCaseError::fail(format!("after {}: {problem}", stringify!($setter))));
                            }
                            only_range_changed(&original, &bytes, field_range::<$ty>(field))
                                .map_err(|e| TestCaseError::fail(format!("{}: {e}", stringify!($setter))))?;
                            let unpacked = <$ty>::unpack(&bytes).unwrap();
                            prop_assert!(same(&unpacked, &read_back), "{} then unpack", stringify!($setter));
                        })*
                    }

                    #[test]
                    fn pack_writes_the_whole_record(
                        x in <$ty as Value>::strategy(),
                        y in <$ty as Value>::strategy(),
                    ) {
                        let mut bytes = x.to_bytes();
                        <$ty>::view_mut(&mut bytes).unwrap().pack(&y);
                        prop_assert_eq!(bytes, y.to_bytes(), "ViewMut::pack(y) vs to_bytes(y)");
                    }

                    #[test]
                    fn no_input_makes_any_entry_point_panic(
                        bytes in buffers::<$ty>(),
                        offset in sizes(),
                        count in sizes(),
                        stride in sizes(),
                    ) {
                        exercise::<$ty>(&bytes, offset, count, stride, rewrite)?;
                    }
                }
            }
        };
    }

    properties!(scalars_le: ScalarsLe {
        a => set_a, b => set_b, c => set_c, d => set_d, e => set_e, f => set_f, g => set_g,
        h => set_h, x => set_x, y => set_y, flag => set_flag,
    });
    properties!(scalars_be: ScalarsBe {
        flag => set_flag, y => set_y, h => set_h, d => set_d, x => set_x, g => set_g, c => set_c,
        f => set_f, b => set_b, e => set_e, a => set_a,
    });
    properties!(point: Point { x => set_x, y => set_y });
    properties!(point_le: PointLe { x => set_x, y => set_y, on => set_on });
    properties!(header: Header {
        magic => set_magic, version => set_version, color => set_color, opcode => set_opcode,
        urgent => set_urgent, len => set_len, origin => set_origin, samples => set_samples,
        ratio => set_ratio, level => set_level,
    });
    properties!(arrays: Arrays {
        grid => set_grid, names => set_names, flags => set_flags, trends => set_trends,
        levels => set_levels, points => set_points, weights => set_weights,
        counters => set_counters, cube => set_cube, nothing => set_nothing,
        no_bytes => set_no_bytes,
    });
    properties!(native: Native {
        id => set_id, stamps => set_stamps, far => set_far, ratio => set_ratio, magic => set_magic,
        huge => set_huge, delta => set_delta, small => set_small, code => set_code,
        bytes => set_bytes,
    });
    properties!(packet: Packet {
        header => set_header, hops => set_hops, crc => set_crc, trend => set_trend,
        deltas => set_deltas, huge => set_huge, far => set_far, magic => set_magic,
    });
    properties!(tag1: Tag1 { t => set_t });
    properties!(tags: Tags { tags => set_tags, n => set_n });
    properties!(wide: Wide { a => set_a, b => set_b, c => set_c, d => set_d, e => set_e });
    properties!(mixed: Mixed {
        a => set_a, b => set_b, c => set_c, d => set_d, code => set_code, e => set_e,
    });
    properties!(big_enum_only: BigEnumOnly { code => set_code, tag => set_tag, flag => set_flag });
    properties!(empty: Empty { nothing => set_nothing });

    /// The element range `index` of an array field `name` whose elements are `element_size` bytes.
    fn element_range<T: Overlay>(name: &str, index: usize, element_size: usize) -> Range<usize> {
        let start = field_range::<T>(name).start + index * element_size;
        start..start + element_size
    }

    proptest! {
        /// The `_mut` accessors of nested records, arrays, byte arrays and enums write only the
        /// element they are asked to.
        #[test]
        fn header_mut_accessors_write_only_their_element(
            x in Header::strategy(),
            value in any::<i32>(),
            sample in any::<i16>(),
            index in 0usize..6,
            byte in any::<u8>(),
            color in Color::strategy(),
        ) {
            let original = x.to_bytes();

            let mut bytes = original;
            Header::view_mut(&mut bytes).unwrap().origin_mut().set_y(value);
            let y = field_range::<Header>("origin").start + 4;
            only_range_changed(&original, &bytes, y..y + 4).map_err(TestCaseError::fail)?;
            prop_assert_eq!(Header::unpack(&bytes).unwrap().origin.y, value);

            let mut bytes = original;
            let result = Header::view_mut(&mut bytes).unwrap().samples_mut().set(index, sample);
            if index < 4 {
                prop_assert!(result.is_ok());
                only_range_changed(&original, &bytes, element_range::<Header>("samples", index, 2))
                    .map_err(TestCaseError::fail)?;
                prop_assert_eq!(Header::unpack(&bytes).unwrap().samples[index], sample);
            } else {
                let error = result.unwrap_err();
                let expected = matches!(error.kind(), ErrorKind::IndexOutOfRange { index: i, len: 4, .. } if i == index);
                prop_assert!(expected, "set({}) on 4 samples: {:?}", index, error);
                prop_assert_eq!(bytes, original, "a failed set must write nothing");
            }

            let mut bytes = original;
            Header::view_mut(&mut bytes).unwrap().magic_mut()[index % 4] = byte;
            only_range_changed(&original, &bytes, element_range::<Header>("magic", index % 4, 1))
                .map_err(TestCaseError::fail)?;

            let mut bytes = original;
            Header::view_mut(&mut bytes).unwrap().color_mut().set(color);
            only_range_changed(&original, &bytes, field_range::<Header>("color"))
                .map_err(TestCaseError::fail)?;
            prop_assert_eq!(Header::view(&bytes).unwrap().color(), color);
        }

        #[test]
        fn nested_array_mut_accessors_write_only_their_element(
            x in Arrays::strategy(),
            i in 0usize..3,
            j in 0usize..2,
            value in any::<i16>(),
            byte in any::<u8>(),
            trend in Trend::strategy(),
            weight in any::<f32>(),
        ) {
            let original = x.to_bytes();

            let mut bytes = original;
            Arrays::view_mut(&mut bytes).unwrap().grid_mut().get_mut(i).unwrap().set(j, value).unwrap();
            only_range_changed(&original, &bytes, element_range::<Arrays>("grid", i * 2 + j, 2))
                .map_err(TestCaseError::fail)?;
            prop_assert_eq!(Arrays::view(&bytes).unwrap().grid().get(i).unwrap().get(j), Some(value));

            let mut bytes = original;
            Arrays::view_mut(&mut bytes).unwrap().names_mut().get_mut(j).unwrap()[i] = byte;
            only_range_changed(&original, &bytes, element_range::<Arrays>("names", j * 3 + i, 1))
                .map_err(TestCaseError::fail)?;
            prop_assert_eq!(Arrays::view(&bytes).unwrap().names().get(j).unwrap()[i], byte);

            let mut bytes = original;
            Arrays::view_mut(&mut bytes).unwrap().trends_mut().set(j, trend).unwrap();
            only_range_changed(&original, &bytes, element_range::<Arrays>("trends", j, 1))
                .map_err(TestCaseError::fail)?;

            let mut bytes = original;
            Arrays::view_mut(&mut bytes).unwrap().points_mut().get_mut(j).unwrap().set_y(weight);
            let y = element_range::<Arrays>("points", j, PointLe::SIZE).start + 2;
            only_range_changed(&original, &bytes, y..y + 4).map_err(TestCaseError::fail)?;
            let read = Arrays::view(&bytes).unwrap().points().get(j).unwrap().y();
            prop_assert_eq!(read.to_bits(), weight.to_bits());

            let mut bytes = original;
            Arrays::view_mut(&mut bytes).unwrap().cube_mut().get_mut(j).unwrap().get_mut(i % 2).unwrap().set(j, -1).unwrap();
            only_range_changed(&original, &bytes, element_range::<Arrays>("cube", j * 4 + (i % 2) * 2 + j, 1))
                .map_err(TestCaseError::fail)?;

            let mut bytes = original;
            Arrays::view_mut(&mut bytes).unwrap().flags_mut().set_all([true, false, true]);
            only_range_changed(&original, &bytes, field_range::<Arrays>("flags"))
                .map_err(TestCaseError::fail)?;
            prop_assert_eq!(Arrays::unpack(&bytes).unwrap().flags, [true, false, true]);
        }
    }

    #[test]
    fn pad_bytes_are_written_and_read_as_zeros() {
        let mut header = Header::zero();
        header.reserved = [1, 2, 3];
        let bytes = header.to_bytes();
        let range = field_range::<Header>("reserved");
        assert_eq!(
            &bytes[range.clone()],
            &[0, 0, 0],
            "to_bytes writes pads as zeros"
        );

        let mut dirty = bytes;
        dirty[range].copy_from_slice(&[9, 9, 9]);
        assert_eq!(
            Header::unpack(&dirty).unwrap().reserved,
            [0, 0, 0],
            "unpack reads pads as zeros"
        );
        let mut target = dirty;
        Header::zero().pack_into(&mut target, 0).unwrap();
        assert_eq!(target, Header::zero().to_bytes(), "pack_into zeroes pads");
    }

    #[test]
    fn test_helpers_see_a_change_deep_in_a_nested_array() {
        // A sanity check of the test helpers themselves: a change to any field shows.
        let zero = Tags::zero();
        let mut changed = zero;
        changed.tags[2].t = [1];
        assert!(!same(&zero, &changed));
        assert_ne!(flat(&zero), flat(&changed));
    }
}

mod cpython {
    use super::support::tools::{self, hex, unhex};
    use super::support::types::{
        Arrays, BigEnumOnly, Empty, Header, Mixed, Native, Packet, Point, PointLe, ScalarsBe,
        ScalarsLe, Tags, Wide,
    };
    use super::support::values::{field_mismatch, python_values, same, PyVal, Record, Rng};
    use overlay::Overlay;

    /// Random records per type and direction.
    const RECORDS: usize = 300;

    /// The Python side. Modes: `calcsize FMT`, `byteorder`, `pack FMT` (one Python literal list
    /// of values per stdin line, floats as `('f'|'d', bits)`; prints the packed bytes in hex) and
    /// `unpack FMT` (hex per stdin line; prints one token per value: `i<int>`, `?0`/`?1`,
    /// `f<bits>`, `d<bits>`, `s<hex>`).
    const SCRIPT: &str = r#"
import ast, re, struct, sys

def codes(fmt):
    """The format code of each value struct.unpack(fmt) returns, in order."""
    out = []
    for count, code in re.findall(r"(\d*)([a-zA-Z?])", fmt[1:]):
        if code in "sp":
            out.append(code)
        elif code != "x":
            out.extend(code * (int(count) if count else 1))
    return out

def from_rust(value):
    if isinstance(value, tuple):
        code, bits = value
        return struct.unpack("<" + code, bits.to_bytes(struct.calcsize(code), "little"))[0]
    return value

def to_rust(code, value):
    if code == "?":
        assert isinstance(value, bool), value
        return "?1" if value else "?0"
    if code in "fd":
        return code + str(int.from_bytes(struct.pack("<" + code, value), "little"))
    if code == "s":
        return "s" + value.hex()
    assert isinstance(value, int) and not isinstance(value, bool), value
    return "i" + str(value)

mode = sys.argv[1]
if mode == "calcsize":
    print(struct.calcsize(sys.argv[2]))
elif mode == "byteorder":
    print(sys.byteorder)
elif mode == "pack":
    fmt = sys.argv[2]
    for line in sys.stdin:
        print(struct.pack(fmt, *map(from_rust, ast.literal_eval(line))).hex())
elif mode == "unpack":
    fmt = sys.argv[2]
    kinds = codes(fmt)
    for line in sys.stdin:
        values = struct.unpack(fmt, bytes.fromhex(line.strip()))
        assert len(values) == len(kinds), (fmt, values, kinds)
        print(" ".join(to_rust(k, v) for k, v in zip(kinds, values)))
else:
    sys.exit("unknown mode " + mode)
"#;

    /// `values` as a Python literal list for `ast.literal_eval`.
    fn python_literal(values: &[PyVal]) -> String {
        let items: Vec<String> = values
            .iter()
            .map(|value| match value {
                PyVal::Int(v) => v.to_string(),
                PyVal::Wide(v) => v.to_string(),
                PyVal::Bool(v) => if *v { "True" } else { "False" }.to_string(),
                PyVal::F32(bits) => format!("('f', {bits})"),
                PyVal::F64(bits) => format!("('d', {bits})"),
                PyVal::Bytes(bytes) => {
                    let escaped: String = bytes.iter().map(|b| format!("\\x{b:02x}")).collect();
                    format!("b'{escaped}'")
                }
                PyVal::Pad(_) => unreachable!("pads are not Python values"),
            })
            .collect();
        format!("[{}]", items.join(", "))
    }

    /// Parses one line of `unpack` output.
    fn parse_values(line: &str) -> Vec<PyVal> {
        line.split_whitespace()
            .map(|token| {
                let (tag, rest) = token.split_at(1);
                match tag {
                    "i" => PyVal::Int(rest.parse().expect("an integer")),
                    "?" => PyVal::Bool(rest == "1"),
                    "f" => PyVal::F32(rest.parse().expect("f32 bits")),
                    "d" => PyVal::F64(rest.parse().expect("f64 bits")),
                    "s" => PyVal::Bytes(unhex(rest).expect("python prints hex")),
                    _ => panic!("unexpected token {token:?} from python"),
                }
            })
            .collect()
    }

    /// The whole comparison for one type: sizes, Python packing read by Rust, Rust packing read by
    /// Python.
    fn check_against_cpython<T: Record>(seed: u64) {
        if !tools::cpython_struct() {
            return;
        }
        let name = std::any::type_name::<T>();
        let format = T::FORMAT.unwrap_or_else(|| panic!("{name} has a Python format"));

        let calcsize: usize = tools::run_python(SCRIPT, &["calcsize", format], String::new())
            .trim()
            .parse()
            .expect("calcsize prints a number");
        assert_eq!(
            calcsize,
            T::SIZE,
            "struct.calcsize({format:?}) must equal {name}::SIZE"
        );

        let mut rng = Rng::new(seed);
        let values: Vec<T> = std::iter::once(T::zero())
            .chain((0..RECORDS).map(|_| T::random(&mut rng)))
            .collect();

        python_packs_rust_reads(format, &values);
        rust_packs_python_reads(format, &values);
    }

    fn python_packs_rust_reads<T: Record>(format: &str, values: &[T]) {
        let name = std::any::type_name::<T>();
        let input: String = values
            .iter()
            .map(|value| python_literal(&python_values(value)) + "\n")
            .collect();
        let output = tools::run_python(SCRIPT, &["pack", format], input);
        let packed: Vec<Vec<u8>> = output
            .lines()
            .map(|line| unhex(line).expect("python prints hex"))
            .collect();
        assert_eq!(packed.len(), values.len(), "one packed record per value");

        for (value, bytes) in values.iter().zip(&packed) {
            assert_eq!(
                bytes,
                &value.bytes_of(),
                "struct.pack({format:?}) and {name}::to_bytes must agree for {value:?}"
            );

            let view =
                T::view(bytes).unwrap_or_else(|e| panic!("{name}::view of CPython's bytes: {e}"));
            if let Some(problem) = field_mismatch(&value.owned_fields(), &T::view_fields(view)) {
                panic!("{name}::view getters of struct.pack({format:?}) bytes: {problem}");
            }
            let unpacked = T::unpack(bytes).expect("unpack of CPython's bytes");
            assert!(
                same(&unpacked, value),
                "{name}::unpack of struct.pack({format:?}) bytes: expected {value:?}, found {unpacked:?}"
            );

            // The same bytes three bytes into a longer buffer, as struct.unpack_from reads them.
            let mut shifted = vec![0xa5; 3];
            shifted.extend_from_slice(bytes);
            shifted.extend_from_slice(&[0x5a; 2]);
            let view = T::view_at(&shifted, 3).expect("view_at of CPython's bytes");
            if let Some(problem) = field_mismatch(&value.owned_fields(), &T::view_fields(view)) {
                panic!("{name}::view_at(_, 3) getters: {problem}");
            }
            let from = T::unpack_from(&shifted, 3).expect("unpack_from of CPython's bytes");
            assert!(
                same(&from, value),
                "{name}::unpack_from(_, 3) differs from {value:?}"
            );
        }

        // All records back to back, as struct.iter_unpack reads them (which, like `records`,
        // cannot count records of size zero).
        if T::SIZE == 0 {
            return;
        }
        let table: Vec<u8> = packed.concat();
        let records = T::records(&table).expect("records of CPython's packed table");
        assert_eq!(records.len(), values.len(), "{name}::records length");
        for (index, (view, value)) in records.iter().zip(values).enumerate() {
            if let Some(problem) = field_mismatch(&value.owned_fields(), &T::view_fields(view)) {
                panic!("{name}::records item {index}: {problem}");
            }
        }
    }

    fn rust_packs_python_reads<T: Record>(format: &str, values: &[T]) {
        let name = std::any::type_name::<T>();
        let input: String = values
            .iter()
            .map(|value| hex(&value.bytes_of()) + "\n")
            .collect();
        let output = tools::run_python(SCRIPT, &["unpack", format], input);
        let lines: Vec<&str> = output.lines().collect();
        assert_eq!(lines.len(), values.len(), "one unpacked line per record");
        for (value, line) in values.iter().zip(lines) {
            assert_eq!(
                parse_values(line),
                python_values(value),
                "struct.unpack({format:?}) of {name}::to_bytes must give back {value:?}"
            );
        }
    }

    #[test]
    fn scalars_little_endian_match_cpython_struct() {
        check_against_cpython::<ScalarsLe>(1);
    }

    #[test]
    fn scalars_big_endian_match_cpython_struct() {
        check_against_cpython::<ScalarsBe>(2);
    }

    #[test]
    fn network_order_point_matches_cpython_struct() {
        check_against_cpython::<Point>(3);
    }

    #[test]
    fn little_endian_point_with_float_and_bool_matches_cpython_struct() {
        check_against_cpython::<PointLe>(4);
    }

    #[test]
    fn header_with_enums_nested_record_and_pad_matches_cpython_struct() {
        check_against_cpython::<Header>(5);
    }

    #[test]
    fn arrays_of_every_kind_match_cpython_struct() {
        check_against_cpython::<Arrays>(6);
    }

    #[test]
    fn native_byte_order_matches_cpython_struct() {
        check_against_cpython::<Native>(7);
    }

    #[test]
    fn native_format_prefix_is_the_byte_order_python_reports() {
        if !tools::cpython_struct() {
            return;
        }
        let byteorder = tools::run_python(SCRIPT, &["byteorder"], String::new());
        let expected = match byteorder.trim() {
            "little" => '<',
            "big" => '>',
            other => panic!("unexpected sys.byteorder {other:?}"),
        };
        let format = Native::FORMAT.expect("Native has a Python format");
        assert!(
            format.starts_with(expected),
            "native-endian FORMAT {format:?} must start with {expected:?} on a {} machine",
            byteorder.trim()
        );
    }

    #[test]
    fn records_nested_in_records_match_cpython_struct() {
        check_against_cpython::<Packet>(8);
    }

    #[test]
    fn big_endian_enum_in_little_endian_record_matches_cpython_struct() {
        check_against_cpython::<BigEnumOnly>(9);
    }

    #[test]
    fn zero_sized_record_matches_cpython_struct() {
        check_against_cpython::<Empty>(10);
    }

    /// `Tag1 { t: [u8; 1] }` has FORMAT `"<s"`; `[Tag1; 3]` should be `"sss"` (three 1-byte
    /// values) but is written `"3s"` (one 3-byte value), so `Tags::FORMAT` is `"<3sH"`, not
    /// `"<sssH"`: same calcsize, different values for `struct.pack`/`struct.unpack`.
    #[test]

    fn array_of_records_holding_one_byte_array_matches_cpython_struct() {
        check_against_cpython::<Tags>(11);
    }

    #[test]
    fn mixed_byte_orders_and_wide_integers_have_no_python_format() {
        #[derive(Overlay)]
        #[allow(dead_code)]
        struct LittleAroundBigPoint {
            a: u16,
            p: Point,
        }
        #[derive(Overlay)]
        #[overlay(endian = "big")]
        #[allow(dead_code)]
        struct BigWithLittleField {
            a: u16,
            #[overlay(endian = "little")]
            b: [i32; 2],
        }

        assert_eq!(Mixed::FORMAT, None, "Mixed has fields of both byte orders");
        assert_eq!(
            LittleAroundBigPoint::FORMAT,
            None,
            "a little-endian u16 next to a big-endian nested record"
        );
        assert_eq!(
            BigWithLittleField::FORMAT,
            None,
            "a big-endian record with a little-endian array field"
        );
        assert_eq!(Wide::FORMAT, None, "Python's struct has no 128-bit code");
    }
}

mod zero_alloc {
    use super::support::counting::{assert_counter_works, assert_no_alloc};
    use super::support::types::{
        sample_arrays, sample_header, Arrays, Color, Header, Level, Opcode, Packet, Point, PointLe,
        Trend,
    };
    use super::support::values::Value;
    use overlay::Overlay;

    #[test]
    fn reading_and_writing_records_allocates_nothing() {
        assert_counter_works();

        // Prepared outside the measured blocks.
        let header = sample_header();
        let header_bytes = header.to_bytes();
        let arrays_bytes = sample_arrays().to_bytes();
        let packet = Packet {
            header,
            ..Packet::zero()
        };
        let mut table = [0u8; Header::SIZE * 4];
        let mut strided = [0u8; (Header::SIZE + 5) * 3];
        let mut scratch = [0u8; Header::SIZE + 7];

        assert_no_alloc("to_bytes and pack_into", || {
            let bytes = packet.to_bytes();
            header.pack_into(&mut scratch, 7).unwrap();
            for (i, chunk) in table.chunks_exact_mut(Header::SIZE).enumerate() {
                header.pack_into(chunk, 0).unwrap();
                chunk[1] = i as u8;
            }
            for i in 0..3 {
                header
                    .pack_into(&mut strided, i * (Header::SIZE + 5))
                    .unwrap();
            }
            bytes
        });

        assert_no_alloc("view, view_prefix, view_at and every getter", || {
            let view = Header::view(&header_bytes).unwrap();
            let (prefix, rest) = Header::view_prefix(&scratch[7..]).unwrap();
            let at = Header::view_at(&scratch, 7).unwrap();
            let mut sum = i64::from(view.version()) + i64::from(prefix.len()) + rest.len() as i64;
            sum += i64::from(at.magic()[0]) + view.color() as i64 + view.opcode() as i64;
            sum += i64::from(view.urgent())
                + i64::from(view.origin().x())
                + i64::from(view.origin().y());
            sum += view.samples().iter().map(i64::from).sum::<i64>();
            sum +=
                i64::from(view.samples().get(3).unwrap()) + i64::from(view.samples().to_array()[0]);
            sum += view.ratio() as i64 + view.level() as i64 + view.as_bytes().len() as i64;
            sum += view.samples().iter().rev().count() as i64;
            (sum, view.unpack(), at.origin().unpack())
        });

        assert_no_alloc(
            "getters of nested arrays, byte arrays, bools, enums and records",
            || {
                let view = Arrays::view(&arrays_bytes).unwrap();
                let mut sum = 0i64;
                for row in view.grid() {
                    sum += row.iter().map(i64::from).sum::<i64>();
                }
                sum += i64::from(view.grid().get(2).unwrap().get(1).unwrap());
                sum += view
                    .names()
                    .iter()
                    .map(|name| i64::from(name[2]))
                    .sum::<i64>();
                sum += view.flags().iter().filter(|f| *f).count() as i64;
                sum += view.trends().iter().map(|t| t as i64).sum::<i64>();
                sum += view.levels().iter().map(|l| l as i64).sum::<i64>();
                sum += view
                    .points()
                    .iter()
                    .map(|p| i64::from(p.x()) + i64::from(p.on()))
                    .sum::<i64>();
                sum += view.weights().iter().map(|w| w as i64).sum::<i64>();
                sum += view.counters().get(1).unwrap() as i64;
                sum += view.cube().get(1).unwrap().get(1).unwrap().to_array()[1] as i64;
                sum += view.nothing().len() as i64 + view.no_bytes().len() as i64;
                (
                    sum,
                    view.unpack(),
                    view.grid().to_array(),
                    view.points().to_array(),
                )
            },
        );

        assert_no_alloc("unpack and unpack_from", || {
            (
                Header::unpack(&header_bytes).unwrap(),
                Header::unpack_from(&scratch, 7).unwrap(),
                Arrays::unpack(&arrays_bytes).unwrap(),
                Packet::unpack(&packet.to_bytes()).unwrap(),
            )
        });

        assert_no_alloc("view_mut, every setter and every _mut accessor", || {
            let mut view = Header::view_mut(&mut scratch[7..]).unwrap();
            view.set_magic(*b"ABCD");
            view.set_version(9);
            view.set_color(Color::Green);
            view.set_opcode(Opcode::Read);
            view.set_urgent(false);
            view.set_len(77);
            view.set_origin(Point { x: 1, y: 2 });
            view.set_samples([4, 3, 2, 1]);
            view.set_ratio(-1.25);
            view.set_level(Level::Floor);
            view.magic_mut()[0] = b'Z';
            view.color_mut().set(Color::Red);
            let color = view.color_mut().get();
            view.opcode_mut().set(Opcode::Write);
            view.level_mut().set(Level::High);
            view.origin_mut().set_x(-3);
            view.samples_mut().set(2, 99).unwrap();
            let out_of_range = view.samples_mut().set(4, 1).is_err();
            view.samples_mut().set_all([5, 6, 7, 8]);
            let second = view.samples_mut().get(1);
            let sum: i16 = view.samples_mut().iter().sum();
            let version = view.version() + view.as_view().version() + view.as_bytes().len() as u16;
            view.pack(&header);
            let unpacked = view.unpack();
            let view = view.into_view();
            (
                color,
                out_of_range,
                second,
                sum,
                version,
                unpacked,
                view.len(),
            )
        });

        assert_no_alloc(
            "view_prefix_mut, view_at_mut and accessors of nested arrays",
            || {
                let mut bytes = arrays_bytes;
                let mut view = Arrays::view_mut(&mut bytes).unwrap();
                view.set_grid([[0; 2]; 3]);
                view.grid_mut().get_mut(1).unwrap().set(0, 5).unwrap();
                view.names_mut().get_mut(0).unwrap()[1] = b'q';
                view.set_names([*b"one", *b"two"]);
                view.flags_mut().set(1, true).unwrap();
                view.set_flags([false; 3]);
                view.trends_mut().set(0, Trend::Moon).unwrap();
                view.set_trends([Trend::Flat; 2]);
                view.levels_mut().set_all([Level::High; 3]);
                view.set_levels([Level::Zero; 3]);
                view.points_mut().get_mut(0).unwrap().set_y(2.5);
                view.points_mut().get_mut(1).unwrap().set_on(false);
                view.set_points([PointLe::zero(); 2]);
                view.weights_mut().set(1, 0.25).unwrap();
                view.set_weights([1.0, 2.0]);
                view.counters_mut().set(0, u64::MAX).unwrap();
                view.set_counters([1, 2]);
                view.cube_mut()
                    .get_mut(0)
                    .unwrap()
                    .get_mut(1)
                    .unwrap()
                    .set(1, -1)
                    .unwrap();
                view.set_cube([[[1; 2]; 2]; 2]);
                view.set_nothing([]);
                view.set_no_bytes([]);
                let _ = view.nothing_mut().len() + view.no_bytes_mut().len();

                let (mut prefix, rest) = Header::view_prefix_mut(&mut scratch[7..]).unwrap();
                prefix.set_len(rest.len() as u32);
                let mut at = Header::view_at_mut(&mut table, Header::SIZE).unwrap();
                at.set_version(2);
                bytes
            },
        );
    }
}
