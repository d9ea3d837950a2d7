//! `overlay::hexdump`: the whole dump of representative records compared verbatim with committed
//! snapshots in `tests/snapshots/` (`OVERLAY_SNAPSHOTS=overwrite cargo test --test hexdump`
//! rewrites them), and, on seeded random records, every row checked against the bytes and
//! against what the view's getters return; and dumping into a stack buffer allocates nothing.

#[macro_use]
mod support;

use std::fmt::Write as _;

use overlay::{Endian, Overlay};
use support::rng::Rng;
use support::snapshot::assert_snapshot;

enum_value! {
    pub enum Status: u8 { Ok = 0, Warn = 1, Fault = 2 }
}

enum_value! {
    pub enum Trend: i16 { Down = -1, Flat = 0, Up = 1 }
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "little")]
pub struct Point {
    pub x: i32,
    pub y: f32,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    pub id: u16,
    pub on: bool,
}

/// Big-endian, with a little-endian field, a little-endian nested record, an array of
/// records, long arrays, enums of both signs, a group of bit fields (msb first), a pad,
/// a float and a byte array that wraps.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Record {
    pub magic: [u8; 4],
    pub version: u16,
    pub status: Status,
    pub trend: Trend,
    #[overlay(endian = "little")]
    pub length: u32,
    pub origin: Point,
    pub samples: [Sample; 2],
    pub readings: [i16; 6],
    #[overlay(bits = 4)]
    pub major: u8,
    #[overlay(bits = 1)]
    pub urgent: bool,
    #[overlay(bits = 3)]
    pub level: i8,
    #[overlay(bits = 2)]
    pub state: Status,
    #[overlay(bits = 6)]
    pub count: u8,
    #[overlay(pad)]
    pub _reserved: [u8; 3],
    pub ratio: f64,
    pub flags: [bool; 3],
    pub name: [u8; 20],
    pub levels: [Status; 3],
}

fn record() -> Record {
    Record {
        magic: *b"OVLY",
        version: 3,
        status: Status::Warn,
        trend: Trend::Down,
        length: 0x0102_0304,
        origin: Point { x: -7, y: 1.5 },
        samples: [Sample { id: 1, on: true }, Sample { id: 513, on: false }],
        readings: [1, -2, 300, -400, 5000, -32768],
        major: 4,
        urgent: true,
        level: -3,
        state: Status::Fault,
        count: 37,
        _reserved: [0; 3],
        ratio: 0.1,
        flags: [true, false, true],
        name: *b"sensor\x00\x01 \"quoted\"\n\xff!",
        levels: [Status::Ok, Status::Warn, Status::Fault],
    }
}

/// Little-endian (bit fields lsb first), with the wide integers, float edge values and a
/// nested record of another byte order.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Wide {
    pub tiny: i8,
    pub huge: u128,
    pub negative: i128,
    pub floats: [f32; 4],
    #[overlay(bits = 3)]
    pub low: u8,
    #[overlay(bits = 2)]
    pub state: Status,
    #[overlay(bits = 1)]
    pub on: bool,
    #[overlay(bits = 18)]
    pub counter: u32,
    #[overlay(bits = 8)]
    pub delta: i16,
    pub status: Status,
    pub flag: bool,
    #[overlay(pad)]
    pub _pad: [u8; 2],
    pub at: BigPoint,
    pub seconds: u64,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct BigPoint {
    pub x: i32,
    pub y: f32,
}

fn wide() -> Wide {
    Wide {
        tiny: -128,
        huge: u128::MAX - 1,
        negative: i128::MIN,
        floats: [f32::NAN, f32::NEG_INFINITY, -0.0, 1e-7],
        low: 5,
        state: Status::Warn,
        on: true,
        counter: 0x2_abcd,
        delta: -100,
        status: Status::Fault,
        flag: false,
        _pad: [0; 2],
        at: BigPoint { x: 65536, y: -2.25 },
        seconds: 1_700_000_000,
    }
}

/// Byte order given at run time.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime", bit_order = "msb")]
pub struct Frame {
    pub kind: u16,
    pub len: i32,
    pub words: [u16; 2],
    #[overlay(bits = 4)]
    pub high: u8,
    #[overlay(bits = 12)]
    pub low: u16,
    pub trend: Trend,
}

/// Run-time byte order records in a big-endian one: each reads in its field's order.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Holder {
    #[overlay(endian = "little")]
    pub le: Frame,
    pub be: Frame,
    #[overlay(endian = "little")]
    pub pair: [Frame; 2],
}

#[test]
fn big_endian_record_with_nested_records_arrays_enums_and_bit_fields() {
    let bytes = record().to_bytes();
    assert_snapshot(
        "hexdump_record",
        &overlay::hexdump::<Record>(&bytes).to_string(),
    );
}

#[test]
fn little_endian_record_with_wide_integers_and_float_edge_values() {
    let bytes = wide().to_bytes();
    assert_snapshot(
        "hexdump_wide",
        &overlay::hexdump::<Wide>(&bytes).to_string(),
    );
}

#[test]
fn invalid_values_are_shown_with_the_reason() {
    let mut bytes = wide().to_bytes();
    let offset = |name: &str| Wide::FIELDS.iter().find(|f| f.name == name).unwrap().offset;
    bytes[offset("status")] = 7;
    bytes[offset("flag")] = 2;
    bytes[offset("_pad") + 1] = 0x55;
    // The bit group's first byte: low = 0b111, state = 0b11 (no variant), on = 0.
    bytes[offset("low")] = 0b0001_1111;
    // Not a valid view, but any bytes can be dumped.
    assert!(Wide::view(&bytes).is_err());
    assert_snapshot(
        "hexdump_invalid",
        &overlay::hexdump::<Wide>(&bytes).to_string(),
    );
}

#[test]
fn a_short_buffer_shows_what_is_there_and_what_is_missing() {
    let bytes = record().to_bytes();
    // Ends inside `readings`; the bit group and everything after it are missing.
    let dump = overlay::hexdump::<Record>(&bytes[..30]).to_string();
    assert_snapshot("hexdump_short", &dump);
    let empty = overlay::hexdump::<Sample>(&[]).to_string();
    assert_eq!(
        empty.lines().collect::<Vec<_>>(),
        [
            "Sample: 3 bytes, buffer has 0",
            "offset  size  field  type    hex                      ascii     value",
            "     0     2  id     u16 le                                     (missing 2 bytes)",
            "     2     1  on     bool                                       (missing 1 byte)",
        ]
    );
}

#[test]
fn run_time_byte_order_in_both_orders() {
    let frame = Frame {
        kind: 0x0102,
        len: -2,
        words: [1, 0x8000],
        high: 0xa,
        low: 0x123,
        trend: Trend::Up,
    };
    let mut text = String::new();
    for endian in [Endian::Big, Endian::Little] {
        let bytes = frame.to_bytes_with(endian);
        writeln!(text, "{endian:?}:").unwrap();
        write!(text, "{}", overlay::hexdump_with::<Frame>(&bytes, endian)).unwrap();
    }
    assert_snapshot("hexdump_runtime", &text);
    // The same bytes read in the other order give other values.
    let big = frame.to_bytes_with(Endian::Big);
    let misread = overlay::hexdump_with::<Frame>(&big, Endian::Little).to_string();
    assert!(
        misread.contains("u16 le       01 02                    ..        513"),
        "{misread}"
    );
    assert!(misread.contains("256 (not a valid Trend)"), "{misread}");
}

#[test]
fn fields_say_how_to_read_their_values() {
    use overlay::ValueType;
    let field = |name: &str| Record::FIELDS.iter().find(|f| f.name == name).unwrap();
    assert_eq!(field("version").value, Some(ValueType::Unsigned));
    assert_eq!(field("readings").value, Some(ValueType::Signed));
    assert_eq!(field("ratio").value, Some(ValueType::Float));
    assert_eq!(field("flags").value, Some(ValueType::Bool));
    for none in ["magic", "origin", "samples", "_reserved", "name"] {
        assert_eq!(field(none).value, None, "{none}");
    }
    let Some(ValueType::Enum(trend)) = field("trend").value else {
        panic!("trend is an enum");
    };
    assert_eq!((trend.name, trend.signed), ("Trend", true));
    let variants: Vec<_> = trend.variants.iter().map(|v| (v.name, v.value)).collect();
    assert_eq!(variants, [("Down", -1), ("Flat", 0), ("Up", 1)]);
    assert_eq!(trend.variant(1), Some("Up"));
    assert_eq!(trend.variant(2), None);
    let Some(ValueType::Enum(levels)) = field("levels").value else {
        panic!("levels is an array of enums");
    };
    assert_eq!((levels.name, levels.signed), ("Status", false));
    // Bit fields: the value of their own type, and the byte order of their group.
    assert_eq!(field("urgent").value, Some(ValueType::Bool));
    assert_eq!(field("level").value, Some(ValueType::Signed));
    assert_eq!(field("urgent").endian, Some(Endian::Big));
    assert_eq!(field("count").endian, Some(Endian::Big));
    let low = Frame::FIELDS.iter().find(|f| f.name == "low").unwrap();
    assert_eq!(low.endian, None, "run-time byte order");
    // A nested record: no order if it has its own, its field's if it takes one at run time.
    assert_eq!(
        field("origin").endian,
        None,
        "Point is little-endian on its own"
    );
    let held: Vec<_> = Holder::FIELDS.iter().map(|f| (f.name, f.endian)).collect();
    let (little, big) = (Some(Endian::Little), Some(Endian::Big));
    assert_eq!(held, [("le", little), ("be", big), ("pair", little)]);
}

// ---------------------------------------------------------------------------------------------
// Seeded random records: every row against the bytes and the getters.

#[test]
fn runtime_records_in_a_fixed_record_show_their_fields_order() {
    let mut rng = Rng::new(0x4f1d);
    for _ in 0..50 {
        let mut bytes = rng.bytes(Holder::SIZE);
        // Each frame's trend (its last two bytes) a valid one, in the frame's order.
        for (frame, big) in [false, true, false, false].into_iter().enumerate() {
            let trend = rng.below(3) as i16 - 1;
            let at = Frame::SIZE * frame + Frame::SIZE - 2;
            let trend = if big {
                trend.to_be_bytes()
            } else {
                trend.to_le_bytes()
            };
            bytes[at..at + 2].copy_from_slice(&trend);
        }
        let dump = overlay::hexdump::<Holder>(&bytes).to_string();
        // Each frame's values read from its bytes in its field's order, and the type cell
        // each row must show.
        let mut expected = Vec::new();
        for (frame, big) in [false, true, false, false].into_iter().enumerate() {
            let at = Frame::SIZE * frame;
            let (order, sfx) = if big {
                (Endian::Big, "be")
            } else {
                (Endian::Little, "le")
            };
            let u16_at = |at: usize| {
                let pair = [bytes[at], bytes[at + 1]];
                match order {
                    Endian::Big => u16::from_be_bytes(pair),
                    _ => u16::from_le_bytes(pair),
                }
            };
            let len = {
                let quad = bytes[at + 2..at + 6].try_into().unwrap();
                match order {
                    Endian::Big => i32::from_be_bytes(quad),
                    _ => i32::from_le_bytes(quad),
                }
            };
            let group = u16_at(at + 10);
            let trend = ["Down", "Flat", "Up"][(u16_at(at + 12) as i16 + 1) as usize];
            expected.extend([
                ("kind", format!("u16 {sfx}"), u16_at(at).to_string()),
                ("len", format!("i32 {sfx}"), len.to_string()),
                (
                    "words",
                    format!("[u16; 2] {sfx}"),
                    format!("{:?}", [u16_at(at + 6), u16_at(at + 8)]),
                ),
                ("(bits)", format!("u16 {sfx}"), format!("{group:#06x}")),
                ("high", "u8".to_owned(), (group >> 12).to_string()),
                ("low", "u16".to_owned(), (group & 0xfff).to_string()),
                ("trend", format!("Trend {sfx}"), trend.to_owned()),
            ]);
        }
        let rows: Vec<(String, String, String)> = rows(&dump)
            .into_iter()
            .filter(|row| row.field != "le" && row.field != "be" && !row.field.starts_with("pair"))
            .map(|row| (row.field, row.ty, row.value))
            .collect();
        let expected: Vec<(String, String, String)> = expected
            .into_iter()
            .map(|(field, ty, value)| (field.to_owned(), ty, value))
            .collect();
        assert_eq!(rows, expected, "{dump}");
    }
}

fn random_status(rng: &mut Rng) -> Status {
    [Status::Ok, Status::Warn, Status::Fault][rng.below(3)]
}

fn random_trend(rng: &mut Rng) -> Trend {
    [Trend::Down, Trend::Flat, Trend::Up][rng.below(3)]
}

fn random_record(rng: &mut Rng) -> Record {
    let mut name = [0u8; 20];
    name.iter_mut().for_each(|b| *b = rng.next_u64() as u8);
    Record {
        magic: (rng.next_u64() as u32).to_le_bytes(),
        version: rng.next_u64() as u16,
        status: random_status(rng),
        trend: random_trend(rng),
        length: rng.next_u64() as u32,
        origin: Point {
            x: rng.next_u64() as i32,
            y: f32::from_bits(rng.next_u64() as u32),
        },
        samples: [0, 1].map(|_| Sample {
            id: rng.next_u64() as u16,
            on: rng.next_u64() & 1 == 1,
        }),
        readings: [0; 6].map(|_: i16| rng.next_u64() as i16),
        major: (rng.next_u64() & 0xf) as u8,
        urgent: rng.next_u64() & 1 == 1,
        level: (rng.next_u64() % 8) as i8 - 4,
        state: random_status(rng),
        count: (rng.next_u64() & 0x3f) as u8,
        _reserved: [0; 3],
        ratio: f64::from_bits(rng.next_u64()),
        flags: [0; 3].map(|_: u8| rng.next_u64() & 1 == 1),
        name,
        levels: [0; 3].map(|_: u8| random_status(rng)),
    }
}

/// One printed row: its cells, and the value cells of its continuation lines joined on.
#[derive(Debug)]
struct Row {
    offset: usize,
    field: String,
    ty: String,
    hex: Vec<u8>,
    ascii: String,
    value: String,
}

/// The rows of a dump, cut at the columns its header line names.
fn rows(dump: &str) -> Vec<Row> {
    let mut lines = dump.lines().skip(1);
    let header = lines.next().unwrap();
    let at = |name: &str| header.find(name).unwrap();
    let (field, ty, hex, ascii, value) =
        (at("field"), at("type"), at("hex"), at("ascii"), at("value"));
    let cell = |line: &str, from: usize, to: usize| -> String {
        line.get(from..to.min(line.len()))
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let mut rows: Vec<Row> = Vec::new();
    for line in lines {
        let offset = cell(line, 0, field)
            .split_whitespace()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let hex_cell = cell(line, hex, ascii);
        let bytes = if hex_cell.starts_with("bit") {
            Vec::new()
        } else {
            hex_cell
                .split_whitespace()
                .map(|b| u8::from_str_radix(b, 16).unwrap())
                .collect()
        };
        // ASCII cells are not trimmed: a space byte shows as a space.
        let (ascii_cell, value_cell) = if hex_cell.starts_with("bit") {
            (String::new(), cell(line, value, line.len()))
        } else {
            let ascii_cell = line
                .get(ascii..)
                .unwrap_or("")
                .chars()
                .take(bytes.len())
                .collect();
            (ascii_cell, cell(line, value, line.len()))
        };
        let name = cell(line, field, ty);
        match rows.last_mut() {
            Some(row) if name.is_empty() && !hex_cell.starts_with("bit") => {
                row.hex.extend(bytes);
                row.ascii.push_str(&ascii_cell);
                if !value_cell.is_empty() {
                    row.value.push(' ');
                    row.value.push_str(&value_cell);
                }
            }
            _ => rows.push(Row {
                offset,
                field: name,
                ty: cell(line, ty, hex),
                hex: bytes,
                ascii: ascii_cell,
                value: value_cell,
            }),
        }
    }
    rows
}

#[test]
fn every_row_shows_the_bytes_and_the_getters_values() {
    let mut rng = Rng::new(0x0dd5_eed5);
    for _ in 0..200 {
        let bytes = random_record(&mut rng).to_bytes();
        let view = Record::view(&bytes).unwrap();
        let dump = overlay::hexdump::<Record>(&bytes).to_string();
        let rows = rows(&dump);
        let group = u16::from_be_bytes([bytes[39], bytes[40]]);
        let expected: Vec<(&str, String)> = vec![
            ("magic", String::new()),
            ("version", format!("{:?}", view.version())),
            ("status", format!("{:?}", view.status())),
            ("trend", format!("{:?}", view.trend())),
            ("length", format!("{:?}", view.length())),
            ("origin", String::new()),
            ("x", format!("{:?}", view.origin().x())),
            ("y", format!("{:?}", view.origin().y())),
            ("samples[0]", String::new()),
            ("id", format!("{:?}", view.samples().get(0).unwrap().id())),
            ("on", format!("{:?}", view.samples().get(0).unwrap().on())),
            ("samples[1]", String::new()),
            ("id", format!("{:?}", view.samples().get(1).unwrap().id())),
            ("on", format!("{:?}", view.samples().get(1).unwrap().on())),
            ("readings", format!("{:?}", view.readings().to_array())),
            ("(bits)", format!("{group:#06x}")),
            ("major", format!("{:?}", view.major())),
            ("urgent", format!("{:?}", view.urgent())),
            ("level", format!("{:?}", view.level())),
            ("state", format!("{:?}", view.state())),
            ("count", format!("{:?}", view.count())),
            ("_reserved", "pad".to_owned()),
            ("ratio", format!("{:?}", view.ratio())),
            ("flags", format!("{:?}", view.flags().to_array())),
            ("name", String::new()),
            ("levels", format!("{:?}", view.levels().to_array())),
        ];
        assert_eq!(rows.len(), expected.len(), "{dump}");
        for (row, (name, value)) in rows.iter().zip(&expected) {
            assert_eq!(row.field, *name, "{dump}");
            if !value.is_empty() {
                assert_eq!(row.value, *value, "{name} in\n{dump}");
            }
            // Every row of bytes shows exactly the bytes at its offset, and their ASCII.
            if !row.hex.is_empty() {
                assert_eq!(
                    row.hex,
                    bytes[row.offset..][..row.hex.len()],
                    "{name}\n{dump}"
                );
                let ascii: String = row
                    .hex
                    .iter()
                    .map(|&b| {
                        if (0x20..0x7f).contains(&b) {
                            b as char
                        } else {
                            '.'
                        }
                    })
                    .collect();
                assert_eq!(row.ascii, ascii, "{name}\n{dump}");
            }
        }
        // Every byte of the record is on exactly one row.
        let shown: usize = rows.iter().map(|row| row.hex.len()).sum();
        assert_eq!(shown, Record::SIZE, "{dump}");
        // Byte arrays: each line is a byte string literal of that line's bytes.
        let name = rows.iter().find(|row| row.field == "name").unwrap();
        let literals: Vec<String> = name.hex.chunks(8).map(rust_byte_literal).collect();
        assert_eq!(name.value, literals.join(" "), "{dump}");
        assert_eq!(name.hex, view.name());
    }
}

/// `b"..."` as Rust's `ascii::escape_default` escapes the bytes.
fn rust_byte_literal(chunk: &[u8]) -> String {
    let escaped: String = chunk
        .iter()
        .flat_map(|&b| std::ascii::escape_default(b))
        .map(char::from)
        .collect();
    format!("b\"{escaped}\"")
}

#[test]
fn any_bytes_of_any_length_dump_without_panicking() {
    let mut rng = Rng::new(7);
    let formats = [
        "<4s3h2xIq20s?efd",
        "@b3hI4s?0q5xcp2d",
        ">10c 0s 3p",
        "1000000s",
        "",
    ];
    let formats: Vec<overlay::Struct> = formats
        .iter()
        .map(|f| overlay::Struct::new(f).unwrap())
        .collect();
    for _ in 0..500 {
        let len = rng.below(100);
        let bytes = rng.bytes(len);
        let record = overlay::hexdump::<Record>(&bytes).to_string();
        assert_eq!(
            record.lines().next(),
            Some(&*format!("Record: 78 bytes, buffer has {len}"))
        );
        let _ = overlay::hexdump::<Wide>(&bytes).to_string();
        for endian in [Endian::Big, Endian::Little] {
            let _ = overlay::hexdump_with::<Frame>(&bytes, endian).to_string();
        }
        for format in &formats {
            for offset in [0, len / 2, len, len + 1, usize::MAX] {
                let dump = format.hexdump_from(&bytes, offset).to_string();
                assert!(dump.contains(&format!(" at offset {offset}, ")), "{dump}");
            }
        }
    }
}

mod zero_alloc {
    use std::fmt::Write as _;

    use super::support::counting::{assert_counter_works, assert_no_alloc, StackText};
    use super::support::types::{header_table, sample_arrays, sample_header, Arrays, Header};
    use overlay::Overlay;

    #[test]
    fn dumping_into_a_stack_buffer_allocates_nothing() {
        assert_counter_works();

        // Prepared outside the measured block.
        let header_bytes = sample_header().to_bytes();
        let arrays_bytes = sample_arrays().to_bytes();
        let table = header_table();

        // Hex dumps write straight to the formatter: a typed one (nested records, arrays of every
        // kind, enums, pads) and one of a run-time format, compiled beforehand.
        let header_format = overlay::Struct::new(Header::FORMAT.unwrap()).unwrap();
        let mut dump = StackText::new();
        let lengths = assert_no_alloc(
            "hexdump and Struct::hexdump_from into a stack buffer",
            || {
                write!(dump, "{}", overlay::hexdump::<Header>(&header_bytes)).unwrap();
                let header = dump.len;
                dump.len = 0;
                write!(dump, "{}", overlay::hexdump::<Arrays>(&arrays_bytes)).unwrap();
                let arrays = dump.len;
                dump.len = 0;
                write!(dump, "{}", header_format.hexdump_from(&table, Header::SIZE)).unwrap();
                (header, arrays, dump.len)
            },
        );
        let text = dump.text();
        assert!(
            text.contains(" b'O\\x01LY'") && text.contains(" (1, -2, 3, -4)"),
            "{text}"
        );
        assert!(lengths.0 > 1000 && lengths.1 > 1000, "{lengths:?}");
    }
}
