//! The derive's output names everything by full path, so it compiles wherever a user puts it:
//! under `#![no_implicit_prelude]`, next to user types called `Result`, `Option`, `Error`, `Ok`,
//! `Some`, `None`, `Vec` or `Overlay`, and with `overlay` reached through a re-export
//! (`#[overlay(crate = "...")]`). The types are defined in those settings; the tests, outside
//! them, check that their views read and write the right bytes.

use overlay::Overlay as _;

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

    #[derive(Overlay, ::core::fmt::Debug, PartialEq)]
    pub struct Record {
        pub outcome: Result,
        pub options: [Option; 2],
        pub history: [Result; 2],
        pub count: u32,
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
