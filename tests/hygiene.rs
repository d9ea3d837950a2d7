//! The derive's output names everything by full path and holds no `unsafe`, so it compiles
//! wherever a user puts it: in a crate that forbids `unsafe` (this one), under
//! `#![no_implicit_prelude]`, next to user types called `Result`, `Option`, `Error`, `Ok`,
//! `Some`, `None`, `Vec` or `Overlay`, and with `overlay` reached through a re-export
//! (`#[overlay(crate = "...")]`). Each setting holds every record shape: fixed fields of every
//! kind, bit fields, a run-time byte order and variable-length fields. The types are defined in
//! those settings; the tests, outside them, check that their views read and write the right
//! bytes. (`tests/renamed/` does the same with `overlay` under another name, serde included;
//! `tests/features/tests/serde.rs` checks serialization without the prelude.)
#![forbid(unsafe_code)]

use overlay::{Endian, Overlay as _, VarOverlay as _};

/// Every field kind, derived where the standard prelude does not exist.
mod bare {
    #![no_implicit_prelude]

    use ::overlay::Overlay;

    #[derive(
        Overlay,
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
    )]
    #[repr(u8)]
    pub enum Kind {
        Data = 1,
        Ack = 2,
    }

    /// An enum with its own byte order, which it keeps in a little-endian field.
    #[derive(
        Overlay,
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
    )]
    #[repr(i16)]
    #[overlay(endian = "big")]
    pub enum Level {
        Low = -1,
        High = 300,
    }

    #[derive(
        Overlay,
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
    )]
    #[overlay(endian = "big")]
    pub struct Point {
        pub x: i32,
        pub y: i32,
    }

    #[derive(Overlay, ::core::fmt::Debug, ::core::cmp::PartialEq)]
    #[overlay(endian = "big")]
    pub struct Everything {
        pub magic: [u8; 4],
        pub version: u16,
        pub kind: Kind,
        #[overlay(endian = "little")]
        pub level: Level,
        pub urgent: bool,
        #[overlay(endian = "little")]
        pub len: u32,
        pub origin: Point,
        pub samples: [i16; 3],
        pub path: [Point; 2],
        pub kinds: [Kind; 2],
        pub flags: [bool; 2],
        pub grid: [[u8; 2]; 2],
        #[overlay(pad)]
        pub _reserved: [u8; 3],
        pub wide: u128,
        pub ratio: f64,
        #[overlay(endian = "native")]
        pub scale: f32,
        pub r#type: i8,
    }

    /// Bit fields: an enum, a bool and a signed field in one byte, then a 12-bit field.
    #[derive(Overlay, ::core::fmt::Debug, ::core::cmp::PartialEq)]
    #[overlay(endian = "big")]
    pub struct Flags {
        #[overlay(bits = 3)]
        pub kind: Kind,
        #[overlay(bits = 1)]
        pub urgent: bool,
        #[overlay(bits = 4)]
        pub delta: i8,
        #[overlay(bits = 12)]
        pub count: u16,
        #[overlay(bits = 4)]
        pub spare: u8,
    }

    /// A byte order chosen at run time, with a nested fixed-order record and a bit group.
    #[derive(Overlay, ::core::fmt::Debug, ::core::cmp::PartialEq)]
    #[overlay(endian = "runtime", bit_order = "msb")]
    pub struct Runtime {
        pub len: u16,
        pub level: Level,
        pub origin: Point,
        #[overlay(bits = 4)]
        pub high: u8,
        #[overlay(bits = 4)]
        pub low: u8,
    }

    /// Variable-length fields: a count of records, bytes of a given length, the rest.
    /// An open enum.
    #[derive(
        Overlay,
        ::core::clone::Clone,
        ::core::marker::Copy,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
    )]
    #[repr(u16)]
    pub enum Code {
        Known = 7,
        #[overlay(other)]
        Other(u16),
    }

    /// Magic values, assertions and an open enum field.
    #[derive(Overlay, ::core::fmt::Debug, ::core::cmp::PartialEq)]
    #[overlay(
        endian = "big",
        assert = "version == 1 && min(len, 4) >= 0",
        assert = "flag || if_else(flag, 0, len) < 9"
    )]
    pub struct Checked {
        #[overlay(magic = b"OV")]
        pub magic: [u8; 2],
        #[overlay(magic = -1)]
        pub marker: i8,
        pub version: u8,
        pub flag: bool,
        pub len: u16,
        pub code: Code,
    }

    /// A conditional length.
    #[derive(Overlay)]
    #[overlay(endian = "big", assert = "len < 100")]
    pub struct Conditional {
        pub has: bool,
        pub len: u8,
        #[overlay(bytes = "if_else(has, max(len, 1), 0)")]
        pub body: ::overlay::VarBytes,
    }

    #[derive(Overlay)]
    #[overlay(endian = "big")]
    pub struct Message {
        pub n: u8,
        pub note_len: u8,
        #[overlay(count = "n")]
        pub points: ::overlay::VarRecords<Point>,
        #[overlay(bytes = "note_len")]
        pub note: ::overlay::VarBytes,
        #[overlay(rest)]
        pub rest: ::overlay::VarBytes,
    }

    /// A payload enum, its field chosen by an open enum, and self-delimiting integers.
    #[derive(Overlay)]
    pub enum Payload {
        #[overlay(tag = 1)]
        Point(Point),
        #[overlay(tag = 2, tag = 3)]
        Message(Message),
        #[overlay(other)]
        Unknown(::overlay::VarBytes),
    }

    #[derive(Overlay)]
    #[overlay(endian = "big")]
    pub struct Tagged {
        pub code: Code,
        #[overlay(tag = "code", rest)]
        pub payload: Payload,
    }

    #[derive(Overlay)]
    #[overlay(param = "scale")]
    pub struct Varints {
        pub len: ::overlay::Uleb128,
        pub delta: ::overlay::Sleb128,
        pub row: ::overlay::SqliteVarint,
        #[overlay(bytes = "min(len * scale, 100)")]
        pub data: ::overlay::VarBytes,
    }
}

/// User items that shadow the prelude names (and `core`, `std`, `overlay`) that generated code
/// could have used by accident.
mod shadowed {
    // `::overlay`, because the `overlay` module below takes the plain name.
    use ::overlay::Overlay;

    pub struct Error;
    pub struct Vec;
    pub struct Ok;
    pub struct Some;
    pub struct None;
    pub struct String;
    // Traits are only named, never used: they are here to shadow the prelude's.
    #[allow(dead_code)]
    pub trait Clone {}
    #[allow(dead_code)]
    pub trait Copy {}
    #[allow(dead_code)]
    pub trait Debug {}
    #[allow(dead_code)]
    pub trait Sized {}
    #[allow(dead_code)]
    pub trait Into {}
    #[allow(dead_code)]
    pub trait From {}
    #[allow(dead_code)]
    pub trait TryFrom {}
    pub mod core {}
    pub mod std {}
    pub mod overlay {}
    pub fn from_raw() {}
    pub const FORMAT: u8 = 0;
    pub const SIZE: u8 = 0;

    /// A derived enum named `Option`.
    #[derive(
        Overlay, ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug, PartialEq,
    )]
    #[repr(u8)]
    pub enum Option {
        Off = 0,
        On = 1,
    }

    /// A derived record named `Result`.
    #[derive(Overlay, ::core::fmt::Debug, PartialEq)]
    #[overlay(endian = "big")]
    pub struct Result {
        pub code: u16,
        pub option: Option,
    }

    /// A payload enum chosen by `Option`, next to every shadowing name.
    #[derive(Overlay)]
    pub enum Either {
        #[overlay(tag = 1)]
        Result(Result),
        #[overlay(other)]
        Other(::overlay::VarBytes),
    }

    #[derive(Overlay)]
    #[overlay(param = "extra")]
    pub struct Chosen {
        pub option: Option,
        pub len: ::overlay::Uleb128,
        #[overlay(tag = "option", bytes = "len + extra")]
        pub either: Either,
    }

    #[derive(Overlay, ::core::fmt::Debug, PartialEq)]
    pub struct Record {
        pub outcome: Result,
        pub options: [Option; 2],
        pub history: [Result; 2],
        pub count: u32,
    }

    /// Bit fields and a run-time byte order next to the shadowing items.
    #[derive(Overlay, ::core::fmt::Debug, PartialEq)]
    #[overlay(endian = "runtime", bit_order = "msb")]
    pub struct Switches {
        #[overlay(bits = 1)]
        pub on: bool,
        #[overlay(bits = 7)]
        pub some: u8,
        pub option: Option,
        pub code: u16,
    }

    /// A variable-length record of `Result`s next to the shadowing items.
    #[derive(Overlay)]
    #[overlay(endian = "big")]
    pub struct Batch {
        pub n: u8,
        #[overlay(count = "n")]
        pub results: ::overlay::VarRecords<Result>,
        #[overlay(rest)]
        pub tail: ::overlay::VarBytes,
    }
}

/// A user type named `Overlay`: the derive is then named by path, and the generated code, which
/// says `::overlay::Overlay`, still finds the trait.
mod named_overlay {
    pub struct Overlay;

    impl Overlay {
        pub fn new() -> Self {
            Overlay
        }
    }

    #[derive(::overlay::Overlay, Debug, PartialEq)]
    #[overlay(endian = "big")]
    pub struct Sample {
        pub t: u32,
        pub value: i16,
    }
}

/// `overlay` reached only through a path inside this crate.
mod reexport {
    pub use ::overlay as ov;
}

mod through_reexport {
    use crate::reexport::ov::Overlay;

    #[derive(Overlay, Clone, Copy, Debug, PartialEq)]
    #[overlay(crate = "crate::reexport::ov", endian = "big")]
    #[repr(u16)]
    pub enum Command {
        Start = 0x0102,
        Stop = 0x0304,
    }

    #[derive(Overlay, Debug, PartialEq)]
    #[overlay(crate = "crate::reexport::ov", endian = "big")]
    pub struct Frame {
        pub command: Command,
        pub commands: [Command; 2],
        pub length: u16,
        #[overlay(pad)]
        pub _pad: [u8; 1],
        pub payload: [u8; 3],
    }

    /// Bit fields and a run-time byte order through the re-export.
    #[derive(Overlay, Debug, PartialEq)]
    #[overlay(crate = "crate::reexport::ov", endian = "runtime", bit_order = "msb")]
    pub struct Status {
        pub command: Command,
        #[overlay(bits = 2)]
        pub level: u8,
        #[overlay(bits = 6)]
        pub retries: u8,
    }

    /// Variable-length fields through the re-export.
    #[derive(Overlay)]
    #[overlay(crate = "crate::reexport::ov", endian = "big")]
    pub struct Packet {
        pub count: u8,
        #[overlay(count = "count")]
        pub commands: crate::reexport::ov::VarRecords<Command>,
        #[overlay(rest)]
        pub body: crate::reexport::ov::VarBytes,
    }

    /// Both at once: no prelude, and a `crate = "..."` path.
    pub mod bare {
        #![no_implicit_prelude]

        use crate::reexport::ov::Overlay;

        #[derive(Overlay, ::core::fmt::Debug, ::core::cmp::PartialEq)]
        #[overlay(crate = "crate::reexport::ov")]
        pub struct Wrapped {
            pub frame: super::Frame,
            pub sequence: u32,
        }
    }
}

fn everything() -> bare::Everything {
    use bare::{Everything, Kind, Level, Point};
    Everything {
        magic: *b"OVLY",
        version: 0x0102,
        kind: Kind::Ack,
        level: Level::High,
        urgent: true,
        len: 0x0A0B_0C0D,
        origin: Point { x: -2, y: 7 },
        samples: [1, -1, 0x1234],
        path: [Point { x: 1, y: 2 }, Point { x: 3, y: 4 }],
        kinds: [Kind::Data, Kind::Ack],
        flags: [false, true],
        grid: [[1, 2], [3, 4]],
        _reserved: [0; 3],
        wide: 0x0102_0304_0506_0708_090A_0B0C_0D0E_0F10,
        ratio: 0.5,
        scale: -1.25,
        r#type: -3,
    }
}

#[test]
fn no_implicit_prelude_layout_is_the_documented_one() {
    use bare::Everything;
    // 4 + 2 + 1 + 2 + 1 + 4 + 8 + 6 + 16 + 2 + 2 + 4 + 3 + 16 + 8 + 4 + 1
    assert_eq!(Everything::SIZE, 84);
    let bytes = everything().to_bytes();
    let mut expected = Vec::new();
    expected.extend_from_slice(b"OVLY");
    expected.extend_from_slice(&0x0102u16.to_be_bytes());
    expected.push(2);
    expected.extend_from_slice(&300i16.to_be_bytes());
    expected.push(1);
    expected.extend_from_slice(&0x0A0B_0C0Du32.to_le_bytes());
    expected.extend_from_slice(&(-2i32).to_be_bytes());
    expected.extend_from_slice(&7i32.to_be_bytes());
    for sample in [1i16, -1, 0x1234] {
        expected.extend_from_slice(&sample.to_be_bytes());
    }
    for coordinate in [1i32, 2, 3, 4] {
        expected.extend_from_slice(&coordinate.to_be_bytes());
    }
    expected.extend_from_slice(&[1, 2, 0, 1, 1, 2, 3, 4, 0, 0, 0]);
    expected.extend_from_slice(&0x0102_0304_0506_0708_090A_0B0C_0D0E_0F10u128.to_be_bytes());
    expected.extend_from_slice(&0.5f64.to_be_bytes());
    expected.extend_from_slice(&(-1.25f32).to_ne_bytes());
    expected.push(0xFD);
    assert_eq!(bytes.as_slice(), expected.as_slice());
}

#[test]
fn no_implicit_prelude_views_read_and_write() -> Result<(), Box<dyn std::error::Error>> {
    use bare::{Everything, Kind, Level, Point};
    let mut bytes = everything().to_bytes();

    let view = Everything::view(&bytes)?;
    assert_eq!(view.magic(), b"OVLY");
    assert_eq!(view.version(), 0x0102);
    assert_eq!(view.kind(), Kind::Ack);
    assert_eq!(view.level(), Level::High);
    assert!(view.urgent());
    assert_eq!(view.len(), 0x0A0B_0C0D);
    assert_eq!(view.origin().x(), -2);
    assert_eq!(view.origin().y(), 7);
    assert_eq!(view.samples().to_array(), [1, -1, 0x1234]);
    assert_eq!(
        view.path().get(1).map(|p| p.unpack()),
        Some(Point { x: 3, y: 4 })
    );
    assert_eq!(view.kinds().to_array(), [Kind::Data, Kind::Ack]);
    assert_eq!(view.flags().to_array(), [false, true]);
    assert_eq!(view.grid().get(1), Some(&[3, 4]));
    assert_eq!(view.wide(), 0x0102_0304_0506_0708_090A_0B0C_0D0E_0F10);
    assert_eq!(view.ratio(), 0.5);
    assert_eq!(view.scale(), -1.25);
    assert_eq!(view.r#type(), -3);
    assert_eq!(view.unpack(), everything());
    assert_eq!(format!("{view:?}"), format!("{:?}", everything()));

    let mut view = Everything::view_mut(&mut bytes)?;
    view.set_version(9);
    view.set_level(Level::Low);
    view.origin_mut().set_y(-7);
    view.samples_mut().set(0, 5)?;
    view.path_mut().get_mut(0).expect("two points").set_x(11);
    view.kinds_mut().set(1, Kind::Data)?;
    view.grid_mut().set(0, [9, 8])?;
    view.magic_mut()[0] = b'o';
    view.set_type(4);

    let owned = Everything::unpack(&bytes)?;
    assert_eq!(&owned.magic, b"oVLY");
    assert_eq!(owned.version, 9);
    assert_eq!(owned.level, Level::Low);
    assert_eq!(owned.origin, Point { x: -2, y: -7 });
    assert_eq!(owned.samples, [5, -1, 0x1234]);
    assert_eq!(owned.path[0], Point { x: 11, y: 2 });
    assert_eq!(owned.kinds, [Kind::Data, Kind::Data]);
    assert_eq!(owned.grid, [[9, 8], [3, 4]]);
    assert_eq!(owned.r#type, 4);
    assert_eq!(&bytes[7..9], &(-1i16).to_be_bytes());
    Ok(())
}

#[test]
fn no_implicit_prelude_open_enums_magic_assertions_and_conditional_lengths() {
    let good = [b'O', b'V', 0xff, 1, 0, 0, 3, 0, 9];
    let view = bare::Checked::view(&good).unwrap();
    assert_eq!((view.len(), view.code()), (3, bare::Code::Other(9)));
    let mut bad = good;
    bad[1] = b'W';
    assert!(bare::Checked::view(&bad).is_err());
    let mut bad = good;
    bad[6] = 9; // len 9 without the flag
    assert!(bare::Checked::view(&bad).is_err());
    // `has`, `len` 0: the body is max(0, 1) = 1 byte.
    let bytes = [1, 0, b'x'];
    assert_eq!(bare::Conditional::view(&bytes).unwrap().body(), b"x");
    let bytes = [0, 5, b'x'];
    let (view, rest) = bare::Conditional::view_prefix(&bytes).unwrap();
    assert_eq!((view.body(), rest), (&b""[..], &b"x"[..]));
}

#[test]
fn no_implicit_prelude_tagged_payloads_varints_and_parameters() {
    let bytes = [0, 1, 0xff, 0xff, 0xff, 0xfe, 0, 0, 0, 3];
    let view = bare::Tagged::view(&bytes).unwrap();
    assert!(matches!(view.payload(), bare::PayloadView::Point(p) if (p.x(), p.y()) == (-2, 3)));
    let bytes = [0, 2, 0, 0];
    let view = bare::Tagged::view(&bytes).unwrap();
    assert!(matches!(view.payload(), bare::PayloadView::Message(m) if m.rest().is_empty()));
    let bytes = [0, 9, 7];
    let view = bare::Tagged::view(&bytes).unwrap();
    assert!(matches!(view.payload(), bare::PayloadView::Unknown(&[7])));
    let mut bytes = [2, 0x7f, 0x81, 0x00, b'a', b'b', b'c', b'd'];
    let params = bare::VarintsParams { scale: 2 };
    let view = bare::Varints::view_in(&bytes, params).unwrap();
    assert_eq!(
        (view.len(), view.delta(), view.row(), view.data()),
        (2, -1, 128, &b"abcd"[..])
    );
    let mut view = bare::Varints::view_mut_in(&mut bytes, params).unwrap();
    view.set_row(5).unwrap();
    assert!(view.set_len(1000).is_err());
    assert_eq!(bytes[2..4], [0x80, 0x05]);
}

#[test]
fn no_implicit_prelude_enums_validate() {
    use bare::Everything;
    let mut bytes = everything().to_bytes();
    bytes[6] = 3; // kind
    let err = Everything::view(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Everything.kind at offset 6: 3 is not a valid Kind"
    );
}

#[test]
fn types_named_like_the_prelude() -> Result<(), Box<dyn std::error::Error>> {
    use shadowed::{Option, Record, Result as Outcome};
    // The shadowing items exist and are distinct from the prelude's.
    let _ = (
        shadowed::Error,
        shadowed::Vec,
        shadowed::Ok,
        shadowed::Some,
        shadowed::None,
    );
    let _ = (shadowed::String, shadowed::FORMAT, shadowed::SIZE);
    shadowed::from_raw();
    let bytes = [1, 2, 0, 7, 1];
    let chosen = shadowed::Chosen::view_in(&bytes, shadowed::ChosenParams { extra: 1 })?;
    assert!(matches!(chosen.either(), shadowed::EitherView::Result(r) if r.code() == 7));
    assert_eq!(chosen.either_bytes(), &[0, 7, 1]);

    assert_eq!(Outcome::FORMAT, Some(">HB"));
    assert_eq!(Record::SIZE, 3 + 2 + 6 + 4);
    let record = Record {
        outcome: Outcome {
            code: 0x0203,
            option: Option::On,
        },
        options: [Option::Off, Option::On],
        history: [
            Outcome {
                code: 1,
                option: Option::Off,
            },
            Outcome {
                code: 2,
                option: Option::On,
            },
        ],
        count: 0x0100_0000,
    };
    let mut bytes = record.to_bytes();
    assert_eq!(bytes, [2, 3, 1, 0, 1, 0, 1, 0, 0, 2, 1, 0, 0, 0, 1]);

    let view = Record::view(&bytes)?;
    assert_eq!(view.outcome().code(), 0x0203);
    assert_eq!(view.outcome().option(), Option::On);
    assert_eq!(view.options().to_array(), [Option::Off, Option::On]);
    assert_eq!(view.history().get(1).map(|r| r.code()), Some(2));
    assert_eq!(view.count(), 0x0100_0000);
    assert_eq!(view.unpack(), record);

    Record::view_mut(&mut bytes)?
        .outcome_mut()
        .set_option(Option::Off);
    assert_eq!(bytes[2], 0);

    bytes[3] = 2;
    let err = Record::view(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Record.options[0] at offset 3: 2 is not a valid Option"
    );
    Ok(())
}

#[test]
fn user_type_named_overlay() -> Result<(), Box<dyn std::error::Error>> {
    use named_overlay::{Overlay, Sample};
    let _ = Overlay::new();
    let sample = Sample::view(&[0, 0, 1, 0, 0xFF, 0xFE])?;
    assert_eq!(sample.t(), 256);
    assert_eq!(sample.value(), -2);
    assert_eq!(sample.unpack(), Sample { t: 256, value: -2 });
    Ok(())
}

#[test]
fn crate_path_through_a_reexport() -> Result<(), Box<dyn std::error::Error>> {
    use through_reexport::bare::Wrapped;
    use through_reexport::{Command, Frame};

    assert_eq!(Frame::FORMAT, Some(">H2HHx3s"));
    let frame = Frame {
        command: Command::Stop,
        commands: [Command::Start, Command::Stop],
        length: 3,
        _pad: [0],
        payload: *b"abc",
    };
    let bytes = frame.to_bytes();
    assert_eq!(bytes, [3, 4, 1, 2, 3, 4, 0, 3, 0, b'a', b'b', b'c']);
    let view = Frame::view(&bytes)?;
    assert_eq!(view.command(), Command::Stop);
    assert_eq!(view.commands().to_array(), [Command::Start, Command::Stop]);
    assert_eq!(view.payload(), b"abc");
    assert_eq!(view.unpack(), frame);

    let mut wrapped = [0u8; 16];
    wrapped[..12].copy_from_slice(&bytes);
    let mut view = Wrapped::view_mut(&mut wrapped)?;
    view.set_sequence(7);
    view.frame_mut().set_command(Command::Start);
    assert_eq!(&wrapped[..2], &[1, 2]);
    assert_eq!(&wrapped[12..], &[7, 0, 0, 0]);
    let view = Wrapped::view(&wrapped)?;
    assert_eq!(view.frame().length(), 3);
    assert_eq!(view.sequence(), 7);

    let err = Command::unpack(&[0, 0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Command at offset 0: 0 is not a valid Command"
    );
    Ok(())
}

#[test]
fn bit_fields_without_the_prelude() -> Result<(), Box<dyn std::error::Error>> {
    use bare::{Flags, Kind};
    // One 24-bit group, most significant bits first: kind = Ack (2), urgent, delta = -3,
    // count = 0xabc, spare = 5.
    let mut bytes = [0b010 << 5 | 1 << 4 | 0b1101, 0xab, 0xc5];
    let view = Flags::view(&bytes)?;
    assert_eq!(view.kind(), Kind::Ack);
    assert!(view.urgent());
    assert_eq!((view.delta(), view.count(), view.spare()), (-3, 0xabc, 5));
    assert_eq!(format!("{view:?}"), format!("{:?}", view.unpack()));
    let mut view = Flags::view_mut(&mut bytes)?;
    view.set_kind(Kind::Data)?;
    view.set_count(0x123)?;
    assert!(view.set_delta(8).is_err(), "4 signed bits hold -8..=7");
    assert_eq!(bytes, [0b001 << 5 | 1 << 4 | 0b1101, 0x12, 0x35]);
    let err = Flags::view(&[0b111 << 5, 0, 0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Flags.kind at offset 0 (bits 21..24 of the 3-byte big-endian group at offset 0): 7 is \
         not a valid Kind"
    );
    Ok(())
}

#[test]
fn run_time_byte_order_without_the_prelude() -> Result<(), Box<dyn std::error::Error>> {
    use bare::{Level, Point, Runtime};
    let value = Runtime {
        len: 0x0102,
        level: Level::High,
        origin: Point { x: -2, y: 3 },
        high: 0xa,
        low: 0x5,
    };
    for endian in [Endian::Little, Endian::Big] {
        let mut expected = Vec::new();
        let len = match endian {
            Endian::Little => 0x0102u16.to_le_bytes(),
            Endian::Big => 0x0102u16.to_be_bytes(),
        };
        expected.extend_from_slice(&len);
        // `Level` has a byte order of its own (big), and `Point` is a big-endian record.
        expected.extend_from_slice(&300i16.to_be_bytes());
        expected.extend_from_slice(&(-2i32).to_be_bytes());
        expected.extend_from_slice(&3i32.to_be_bytes());
        expected.push(0xa5);
        assert_eq!(value.to_bytes_with(endian).to_vec(), expected, "{endian:?}");
        let view = Runtime::view_with(&expected, endian)?;
        assert_eq!((view.len(), view.level()), (0x0102, Level::High));
        assert_eq!((view.origin().x(), view.high(), view.low()), (-2, 0xa, 0x5));
        assert_eq!(view.unpack(), value);
    }
    Ok(())
}

#[test]
fn variable_length_fields_without_the_prelude() -> Result<(), Box<dyn std::error::Error>> {
    use bare::Message;
    let mut bytes = vec![2, 2];
    for coordinate in [1i32, 2, 3, 4] {
        bytes.extend_from_slice(&coordinate.to_be_bytes());
    }
    bytes.extend_from_slice(b"okrest");
    let view = Message::view(&bytes)?;
    assert_eq!(view.points().len(), 2);
    assert_eq!(view.points().get(1).map(|p| p.y()), Some(4));
    assert_eq!((view.note(), view.rest()), (&b"ok"[..], &b"rest"[..]));
    assert!(format!("{view:?}").contains("note: [111, 107]"));
    let mut view = Message::view_mut(&mut bytes)?;
    view.note_mut().copy_from_slice(b"OK");
    view.points_mut().get_mut(0).expect("two points").set_x(9);
    assert_eq!(&bytes[2..6], &9i32.to_be_bytes());
    assert_eq!(&bytes[18..20], b"OK");
    let err = Message::view(&[3, 0]).unwrap_err();
    assert!(
        err.to_string().starts_with("Message.points at offset 2: "),
        "{err}"
    );
    Ok(())
}

#[test]
fn every_shape_next_to_types_named_like_the_prelude() -> Result<(), Box<dyn std::error::Error>> {
    use shadowed::{Batch, Option, Result as Outcome, Switches};
    let bytes = [0x85, 1, 0x34, 0x12];
    let view = Switches::view_with(&bytes, Endian::Little)?;
    assert!(view.on());
    assert_eq!(
        (view.some(), view.option(), view.code()),
        (5, Option::On, 0x1234)
    );
    let view = Switches::view_with(&bytes, Endian::Big)?;
    assert_eq!(view.code(), 0x3412);

    let bytes = [2, 0, 1, 1, 0, 2, 0, b'!'];
    let view = Batch::view(&bytes)?;
    let results: Vec<Outcome> = view.results().iter().map(|r| r.unpack()).collect();
    assert_eq!(
        results,
        [
            Outcome {
                code: 1,
                option: Option::On
            },
            Outcome {
                code: 2,
                option: Option::Off
            }
        ]
    );
    assert_eq!(view.tail(), b"!");
    Ok(())
}

#[test]
fn every_shape_through_a_reexport() -> Result<(), Box<dyn std::error::Error>> {
    use through_reexport::{Command, Packet, Status};
    let status = Status {
        command: Command::Stop,
        level: 3,
        retries: 17,
    };
    let big = status.to_bytes_with(Endian::Big);
    assert_eq!(big.as_slice(), &[3, 4, 0b11_010001]);
    // `Command` keeps its own (big) byte order, and one byte of bits reads the same in both.
    assert_eq!(
        status.to_bytes_with(Endian::Little).as_slice(),
        &[3, 4, 0b11_010001]
    );
    let view = Status::view_with(&big, Endian::Big)?;
    assert_eq!(
        (view.command(), view.level(), view.retries()),
        (Command::Stop, 3, 17)
    );

    let bytes = [2, 1, 2, 3, 4, b'x'];
    let view = Packet::view(&bytes)?;
    assert_eq!(
        view.commands().iter().collect::<Vec<_>>(),
        [Command::Start, Command::Stop]
    );
    assert_eq!(view.body(), b"x");
    let err = Packet::view(&[1, 0, 0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Packet.commands[0] at offset 1: 0 is not a valid Command"
    );
    Ok(())
}

/// The crate forbids `unsafe` (see the top of this file), and a record of every fixed field
/// kind derives in it.
mod unsafe_forbidden {
    use overlay::Overlay;

    #[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
    #[repr(i8)]
    enum Switch {
        Off = -1,
        On = 1,
    }

    #[derive(Overlay, Clone, Copy, Debug, PartialEq)]
    struct Pair {
        a: u8,
        b: i16,
    }

    #[derive(Overlay, Debug, PartialEq)]
    #[overlay(endian = "big")]
    struct Everything {
        tag: [u8; 2],
        small: u8,
        count: u32,
        #[overlay(endian = "little")]
        little: u64,
        wide: i128,
        ratio: f32,
        flag: bool,
        mode: Switch,
        pair: Pair,
        pairs: [Pair; 2],
        modes: [Switch; 2],
        values: [u16; 2],
        grid: [[i8; 2]; 2],
        #[overlay(pad)]
        _pad: [u8; 1],
    }

    #[test]
    fn derived_types_work_without_unsafe() -> Result<(), Box<dyn std::error::Error>> {
        let value = Everything {
            tag: *b"FU",
            small: 1,
            count: 2,
            little: 3,
            wide: -4,
            ratio: 0.25,
            flag: true,
            mode: Switch::Off,
            pair: Pair { a: 5, b: -6 },
            pairs: [Pair { a: 7, b: 8 }, Pair { a: 9, b: 10 }],
            modes: [Switch::On, Switch::Off],
            values: [11, 12],
            grid: [[1, -1], [2, -2]],
            _pad: [0],
        };
        let mut bytes = value.to_bytes();
        assert_eq!(
            bytes.len(),
            2 + 1 + 4 + 8 + 16 + 4 + 1 + 1 + 3 + 6 + 2 + 4 + 4 + 1
        );
        assert_eq!(&bytes[..7], &[b'F', b'U', 1, 0, 0, 0, 2]);
        assert_eq!(&bytes[7..15], &3u64.to_le_bytes());
        // A nested struct keeps its own (little-endian) byte order.
        assert_eq!(&bytes[37..40], &[5, 0xFA, 0xFF]);

        let view = Everything::view(&bytes)?;
        assert_eq!(view.tag(), b"FU");
        assert_eq!(view.wide(), -4);
        assert_eq!(view.mode(), Switch::Off);
        assert_eq!(view.pair().b(), -6);
        assert_eq!(view.pairs().get(1).map(|p| p.a()), Some(9));
        assert_eq!(view.modes().to_array(), [Switch::On, Switch::Off]);
        assert_eq!(view.grid().to_array(), [[1, -1], [2, -2]]);
        assert_eq!(view.unpack(), value);

        let mut view = Everything::view_mut(&mut bytes)?;
        view.set_mode(Switch::On);
        view.pair_mut().set_b(100);
        view.values_mut().set(1, 13)?;
        assert_eq!(Everything::unpack(&bytes)?.values, [11, 13]);
        assert_eq!(Everything::unpack(&bytes)?.pair, Pair { a: 5, b: 100 });
        Ok(())
    }
}
