//! Proves that `#[derive(Overlay)]` works when `overlay` is a dependency under another name:
//! this crate sees it only as `renamed_overlay`, so any `::overlay::...` path in the generated
//! code (or in the stand-in impl emitted after an error) would fail to compile here.
//! `#[overlay(crate = "::renamed_overlay")]` tells the derive where to look. Every record shape
//! is here: fixed fields of every kind, bit fields, a run-time byte order, variable-length
//! fields, and serialization (serde is on for this crate).
#![forbid(unsafe_code)]

use renamed_overlay::{Overlay, VarBytes, VarRecords};

/// A message kind, read from one byte.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[overlay(crate = "::renamed_overlay")]
#[repr(u8)]
pub enum Kind {
    /// Carries data.
    Data = 1,
    /// Acknowledges data.
    Ack = 2,
}

/// A status with its own byte order.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[overlay(crate = "::renamed_overlay", endian = "big")]
#[repr(u16)]
pub enum Status {
    /// Everything went well.
    Ok = 0x0100,
    /// Something did not.
    Failed = 0x0200,
}

/// A point, nested in [`Header`].
#[derive(Overlay, Clone, Copy, Debug, PartialEq)]
#[overlay(crate = "::renamed_overlay", endian = "big")]
pub struct Point {
    /// Horizontal.
    pub x: i16,
    /// Vertical.
    pub y: i16,
}

/// A record with every field kind.
#[derive(Overlay, Debug, PartialEq)]
#[overlay(crate = "::renamed_overlay", endian = "big")]
pub struct Header {
    /// Four magic bytes.
    pub magic: [u8; 4],
    /// Format version.
    pub version: u16,
    /// What the message is.
    pub kind: Kind,
    /// How it went.
    pub status: Status,
    /// Whether to hurry.
    pub urgent: bool,
    /// Payload length, little-endian.
    #[overlay(endian = "little")]
    pub len: u32,
    /// Where it starts.
    pub origin: Point,
    /// A path of two points.
    pub path: [Point; 2],
    /// Measurements.
    pub samples: [i16; 2],
    /// Kinds of the previous messages.
    pub previous: [Kind; 2],
    /// Reserved.
    #[overlay(pad)]
    pub reserved: [u8; 2],
    /// A ratio.
    pub ratio: f32,
}

/// Bit fields, serializable.
#[derive(Overlay, Debug, PartialEq)]
#[overlay(crate = "::renamed_overlay", endian = "big", serialize)]
pub struct Flags {
    /// A signed adjustment, in the high bits.
    #[overlay(bits = 4)]
    pub delta: i8,
    /// Whether to hurry.
    #[overlay(bits = 1)]
    pub urgent: bool,
    /// What the message is, in the low three bits.
    #[overlay(bits = 3)]
    pub kind: Kind,
}

/// A record whose byte order is chosen when it is viewed, serializable.
#[derive(Overlay, Debug, PartialEq)]
#[overlay(
    crate = "::renamed_overlay",
    endian = "runtime",
    bit_order = "lsb",
    serialize
)]
pub struct Sample {
    /// A reading.
    pub value: i32,
    /// Its status, which keeps its own byte order.
    pub status: Status,
    /// The channel, in the low bits.
    #[overlay(bits = 4)]
    pub channel: u8,
    /// Whether the reading is valid.
    #[overlay(bits = 4)]
    pub flags: u8,
}

/// Variable-length fields, serializable.
#[derive(Overlay)]
#[overlay(crate = "::renamed_overlay", endian = "big", serialize)]
pub struct Trace {
    /// How many points follow.
    pub n: u8,
    /// The points.
    #[overlay(count = "n")]
    pub points: VarRecords<Point>,
    /// Whatever is left.
    #[overlay(rest)]
    pub rest: VarBytes,
}

#[cfg(test)]
mod tests {
    use super::*;
    use renamed_overlay::{Endian, VarOverlay};
    use serde_json::json;

    fn header() -> Header {
        Header {
            magic: *b"RNMD",
            version: 3,
            kind: Kind::Ack,
            status: Status::Failed,
            urgent: true,
            len: 0x0102_0304,
            origin: Point { x: -1, y: 2 },
            path: [Point { x: 3, y: 4 }, Point { x: 5, y: 6 }],
            samples: [7, -8],
            previous: [Kind::Data, Kind::Ack],
            reserved: [0; 2],
            ratio: 1.5,
        }
    }

    /// The bytes of [`header`], written out by hand.
    fn header_bytes() -> Vec<u8> {
        let mut bytes = b"RNMD".to_vec();
        bytes.extend_from_slice(&[0, 3, 2, 2, 0, 1, 4, 3, 2, 1]);
        bytes.extend_from_slice(&[0xFF, 0xFF, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6]);
        bytes.extend_from_slice(&[0, 7, 0xFF, 0xF8, 1, 2, 0, 0]);
        bytes.extend_from_slice(&1.5f32.to_be_bytes());
        bytes
    }

    #[test]
    fn pack_writes_the_documented_layout() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(Header::SIZE, 38);
        // `len` is little-endian in a big-endian record: no one Python format says that.
        assert_eq!(Header::FORMAT, None);
        assert_eq!(Point::FORMAT, Some(">hh"));
        let mut bytes = vec![0xAA; Header::SIZE];
        header().pack_into(&mut bytes, 0)?;
        assert_eq!(bytes, header_bytes());
        assert_eq!(header().to_bytes().as_slice(), header_bytes().as_slice());
        Ok(())
    }

    #[test]
    fn view_reads_every_field() -> Result<(), Box<dyn std::error::Error>> {
        let bytes = header_bytes();
        let view = Header::view(&bytes)?;
        assert_eq!(view.magic(), b"RNMD");
        assert_eq!(view.version(), 3);
        assert_eq!(view.kind(), Kind::Ack);
        assert_eq!(view.status(), Status::Failed);
        assert!(view.urgent());
        assert_eq!(view.len(), 0x0102_0304);
        assert_eq!(view.origin().x(), -1);
        assert_eq!(view.path().get(1).map(|p| p.y()), Some(6));
        assert_eq!(view.samples().to_array(), [7, -8]);
        assert_eq!(view.previous().to_array(), [Kind::Data, Kind::Ack]);
        assert_eq!(view.ratio(), 1.5);
        Ok(())
    }

    #[test]
    fn unpack_round_trips() -> Result<(), Box<dyn std::error::Error>> {
        assert_eq!(Header::unpack(&header_bytes())?, header());
        assert_eq!(Point::unpack(&[0, 1, 0xFF, 0xFE])?, Point { x: 1, y: -2 });
        Ok(())
    }

    #[test]
    fn view_mut_writes_in_place() -> Result<(), Box<dyn std::error::Error>> {
        let mut bytes = header_bytes();
        let mut view = Header::view_mut(&mut bytes)?;
        view.set_kind(Kind::Data);
        view.set_status(Status::Ok);
        view.origin_mut().set_y(-3);
        view.path_mut().get_mut(0).expect("two points").set_x(9);
        view.previous_mut().set(0, Kind::Ack)?;
        view.set_len(5);
        assert_eq!(bytes[6], 1);
        assert_eq!(&bytes[7..9], &[1, 0]);
        assert_eq!(&bytes[10..14], &[5, 0, 0, 0]);
        assert_eq!(&bytes[16..18], &[0xFF, 0xFD]);
        assert_eq!(&bytes[18..20], &[0, 9]);
        assert_eq!(bytes[30], 2);
        Ok(())
    }

    #[test]
    fn invalid_enums_are_errors() {
        let mut bytes = header_bytes();
        bytes[7] = 9;
        let err = Header::view(&bytes).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Header.status at offset 7: 2304 is not a valid Status"
        );
    }

    #[test]
    fn bit_fields_read_write_and_serialize() -> Result<(), Box<dyn std::error::Error>> {
        // delta = -2, urgent, kind = Ack (2), most significant bits first.
        let mut bytes = [0b1110 << 4 | 1 << 3 | 0b010];
        let view = Flags::view(&bytes)?;
        assert_eq!(
            (view.kind(), view.urgent(), view.delta()),
            (Kind::Ack, true, -2)
        );
        assert_eq!(
            serde_json::to_value(view)?,
            json!({"kind": "Ack", "urgent": true, "delta": -2})
        );
        Flags::view_mut(&mut bytes)?.set_kind(Kind::Data)?;
        assert_eq!(bytes, [0b1110 << 4 | 1 << 3 | 0b001]);
        Ok(())
    }

    #[test]
    fn run_time_byte_order_reads_and_serializes() -> Result<(), Box<dyn std::error::Error>> {
        let mut little = (-5i32).to_le_bytes().to_vec();
        little.extend_from_slice(&[1, 0, 0x93]);
        let mut big = (-5i32).to_be_bytes().to_vec();
        big.extend_from_slice(&[1, 0, 0x93]);
        for (bytes, endian) in [(&little, Endian::Little), (&big, Endian::Big)] {
            let view = Sample::view_with(bytes, endian)?;
            assert_eq!((view.value(), view.status()), (-5, Status::Ok));
            assert_eq!((view.channel(), view.flags()), (3, 9));
            assert_eq!(
                serde_json::to_value(view)?,
                json!({"value": -5, "status": "Ok", "channel": 3, "flags": 9})
            );
        }
        Ok(())
    }

    #[test]
    fn variable_length_fields_read_and_serialize() -> Result<(), Box<dyn std::error::Error>> {
        let bytes = [1, 0, 1, 0xff, 0xfe, b'!'];
        let view = Trace::view(&bytes)?;
        assert_eq!(
            view.points().get(0).map(|p| p.unpack()),
            Some(Point { x: 1, y: -2 })
        );
        assert_eq!(view.rest(), b"!");
        assert_eq!(
            serde_json::to_value(view)?,
            json!({"n": 1, "points": [{"x": 1, "y": -2}], "rest": [33]})
        );
        let err = Trace::view(&[2, 0, 1, 0, 2]).unwrap_err();
        assert_eq!(err.offset(), Some(1), "{err}");
        assert!(err.to_string().starts_with("Trace.points at offset 1: "));
        Ok(())
    }

    #[test]
    fn fixed_records_serialize_on_request() -> Result<(), Box<dyn std::error::Error>> {
        // `Header` does not ask for serialize; `Flags` does, and so does its owned struct.
        let err = Flags::unpack(&[0b0001 << 4 | 0b111]).unwrap_err();
        assert!(err.to_string().contains("is not a valid Kind"), "{err}");
        let flags = Flags::unpack(&[0b0001 << 4 | 0b001])?;
        assert_eq!(
            serde_json::to_value(flags)?,
            json!({"kind": "Data", "urgent": false, "delta": 1})
        );
        Ok(())
    }
}
