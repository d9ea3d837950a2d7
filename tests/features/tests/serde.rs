//! Views and record tables serialize straight from the bytes: checked by parsing the JSON that
//! serde_json writes and comparing it with values written out by hand.

use overlay::Overlay;
use serde_json::{json, Value};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Data = 1,
    Ack = 2,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Point {
    pub x: i16,
    pub y: i16,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big", serialize)]
pub struct Header {
    pub magic: [u8; 4],
    pub kind: Kind,
    pub urgent: bool,
    #[overlay(pad)]
    pub _reserved: [u8; 2],
    pub origin: Point,
    pub samples: [u16; 3],
    pub path: [Point; 2],
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub ratio: f32,
}

fn header_bytes() -> Vec<u8> {
    let mut b = b"OVLY".to_vec();
    b.extend_from_slice(&[2, 1, 0xee, 0xee]);
    b.extend_from_slice(&[0xff, 0xfe, 0x00, 0x03]);
    b.extend_from_slice(&[0, 1, 0, 2, 0, 3]);
    b.extend_from_slice(&[0, 4, 0, 5, 0xff, 0xfa, 0, 6]);
    b.push(0x45);
    b.extend_from_slice(&1.5f32.to_be_bytes());
    b
}

fn expected() -> Value {
    json!({
        "magic": [79, 86, 76, 89],
        "kind": "Ack",
        "urgent": true,
        "origin": {"x": -2, "y": 3},
        "samples": [1, 2, 3],
        "path": [{"x": 4, "y": 5}, {"x": -6, "y": 6}],
        "version": 4,
        "ihl": 5,
        "ratio": 1.5
    })
}

#[test]
fn a_view_serializes_its_fields_without_pads() {
    let bytes = header_bytes();
    let view = Header::view(&bytes).unwrap();
    let text = serde_json::to_string(&view).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), expected());
    let mut copy = bytes.clone();
    let view_mut = Header::view_mut(&mut copy).unwrap();
    assert_eq!(serde_json::to_value(&view_mut).unwrap(), expected());
}

#[test]
fn record_tables_and_arrays_serialize_as_sequences() {
    let mut bytes = header_bytes();
    bytes.extend_from_slice(&header_bytes());
    let table = Header::records(&bytes).unwrap();
    assert_eq!(
        serde_json::to_value(table).unwrap(),
        json!([expected(), expected()])
    );
    let view = Header::view(&bytes[..Header::SIZE]).unwrap();
    assert_eq!(
        serde_json::to_value(view.samples()).unwrap(),
        json!([1, 2, 3])
    );
}

#[test]
fn byte_arrays_are_bytes_to_formats_that_have_bytes() {
    // serde_json has no byte strings (it writes bytes as numbers, as above); a serializer that
    // notes what it is asked shows that a byte array field asks for bytes.
    let bytes = header_bytes();
    let view = Header::view(&bytes).unwrap();
    let mut seen = Vec::new();
    let magic = overlay::__private::ViewAs::<[u8; 4]>(view.magic());
    serde::Serialize::serialize(&magic, BytesProbe(&mut seen)).unwrap();
    assert_eq!(seen, ["bytes"]);
}

/// A serializer that only notes which method was called.
struct BytesProbe<'a>(&'a mut Vec<&'static str>);

impl serde::Serializer for BytesProbe<'_> {
    type Ok = ();
    type Error = serde::de::value::Error;
    type SerializeSeq = serde::ser::Impossible<(), Self::Error>;
    type SerializeTuple = serde::ser::Impossible<(), Self::Error>;
    type SerializeTupleStruct = serde::ser::Impossible<(), Self::Error>;
    type SerializeTupleVariant = serde::ser::Impossible<(), Self::Error>;
    type SerializeMap = serde::ser::Impossible<(), Self::Error>;
    type SerializeStruct = serde::ser::Impossible<(), Self::Error>;
    type SerializeStructVariant = serde::ser::Impossible<(), Self::Error>;

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Self::Error> {
        self.0.push("bytes");
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_i8(self, _: i8) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_i16(self, _: i16) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_i32(self, _: i32) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_i64(self, _: i64) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_u8(self, _: u8) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_u16(self, _: u16) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_u32(self, _: u32) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_u64(self, _: u64) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_f32(self, _: f32) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_f64(self, _: f64) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_char(self, _: char) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_str(self, _: &str) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_none(self) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_some<T: ?Sized + serde::Serialize>(self, _: &T) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_unit(self) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_newtype_struct<T: ?Sized + serde::Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_newtype_variant<T: ?Sized + serde::Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Self::Error> {
        self.other()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Err(serde::ser::Error::custom("seq"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Self::Error> {
        Err(serde::ser::Error::custom("tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Self::Error> {
        Err(serde::ser::Error::custom("tuple"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Self::Error> {
        Err(serde::ser::Error::custom("tuple"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
        Err(serde::ser::Error::custom("map"))
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        Err(serde::ser::Error::custom("struct"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Self::Error> {
        Err(serde::ser::Error::custom("struct"))
    }
}

impl BytesProbe<'_> {
    fn other(self) -> Result<(), serde::de::value::Error> {
        self.0.push("other");
        Ok(())
    }
}

#[test]
fn owned_structs_serialize_on_request_like_their_views() {
    let bytes = header_bytes();
    let owned = Header::unpack(&bytes).unwrap();
    assert_eq!(serde_json::to_value(owned).unwrap(), expected());
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Message {
    pub n: u8,
    #[overlay(count = "n")]
    pub points: overlay::VarRecords<Point>,
    #[overlay(rest)]
    pub body: overlay::VarBytes,
}

#[test]
fn variable_length_views_serialize_their_tails() {
    use overlay::VarOverlay;
    let bytes = [1, 0, 4, 0, 5, b'h', b'i'];
    let view = Message::view(&bytes).unwrap();
    assert_eq!(
        serde_json::to_value(view).unwrap(),
        json!({"n": 1, "points": [{"x": 4, "y": 5}], "body": [104, 105]})
    );
}

#[test]
fn grids_serialize_as_rows_of_records_in_view_order() {
    // A 2x3 grid of big-endian points stored bottom-up: row 0 of the view is the last stored row.
    let bytes: Vec<u8> = (0u8..12).flat_map(|v| [0, v]).collect();
    let grid = overlay::Grid::<Point>::with_strides(&bytes, 12, [2, 3], [-12, 4]).unwrap();
    let point = |x: i16, y: i16| json!({"x": x, "y": y});
    assert_eq!(
        serde_json::to_value(grid).unwrap(),
        json!([
            [point(6, 7), point(8, 9), point(10, 11)],
            [point(0, 1), point(2, 3), point(4, 5)]
        ])
    );
    // Transposed and stepped: columns 0 and 2 as rows.
    assert_eq!(
        serde_json::to_value(grid.transpose().step(2, 1).unwrap()).unwrap(),
        json!([[point(6, 7), point(0, 1)], [point(10, 11), point(4, 5)]])
    );
    let mut bytes = bytes;
    let grid = overlay::GridMut::<u16>::new_with(&mut bytes, 3, 4, overlay::Endian::Big).unwrap();
    assert_eq!(
        serde_json::to_value(&grid).unwrap(),
        json!([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]])
    );
}

#[derive(Overlay)]
#[overlay(endian = "big")]
struct Packet {
    tag: [u8; 4],
    kind: Kind,
    urgent: bool,
    #[overlay(pad)]
    _pad: [u8; 2],
    len: u16,
}

/// The JSON shape the guide (src/lib.rs, "serde") shows, verbatim.
#[test]
fn the_guide_json_shape() {
    let bytes = [b'O', b'V', b'L', b'Y', 2, 1, 0, 0, 2, 1];
    let view = Packet::view(&bytes).unwrap();
    assert_eq!(
        serde_json::to_string(&view).unwrap(),
        r#"{"tag":[79,86,76,89],"kind":"Ack","urgent":true,"len":513}"#
    );
}

/// Serialization names everything by full path too: records derived without the prelude.
mod bare {
    #![no_implicit_prelude]

    use ::overlay::Overlay;

    #[derive(Overlay, ::core::fmt::Debug)]
    #[overlay(endian = "big", serialize)]
    pub struct Reading {
        pub id: u16,
        #[overlay(bits = 4)]
        pub high: u8,
        #[overlay(bits = 4)]
        pub low: u8,
        pub tag: [u8; 2],
    }

    #[derive(Overlay)]
    #[overlay(endian = "runtime", serialize)]
    pub struct Log {
        pub n: u8,
        #[overlay(count = "n")]
        pub readings: ::overlay::VarRecords<Reading>,
        #[overlay(rest)]
        pub rest: ::overlay::VarBytes,
    }
}

#[test]
fn records_derived_without_the_prelude_serialize() {
    use overlay::VarOverlay;
    let bytes = [1, 0x01, 0x02, 0xa5, b'o', b'k', b'!'];
    let view = bare::Reading::view(&bytes[1..6]).unwrap();
    assert_eq!(
        serde_json::to_value(view).unwrap(),
        json!({"id": 258, "high": 10, "low": 5, "tag": [111, 107]})
    );
    let log = bare::Log::view_with(&bytes, overlay::Endian::Little).unwrap();
    assert_eq!(
        serde_json::to_value(log).unwrap(),
        json!({"n": 1, "readings": [{"id": 258, "high": 10, "low": 5, "tag": [111, 107]}], "rest": [33]})
    );
}

/// An open enum: unknown codes are kept in the catch-all.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum EtherType {
    Ipv4 = 0x0800,
    Ipv6 = 0x86dd,
    #[overlay(other)]
    Other(u16),
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "big")]
pub struct Ethernet {
    pub destination: [u8; 6],
    pub source: [u8; 6],
    pub ether_type: EtherType,
}

#[test]
fn an_open_enum_serializes_unknown_codes_as_its_catch_all_with_the_value() {
    let mut frame = [0u8; 14];
    frame[12..].copy_from_slice(&[0x88, 0xcc]);
    let value = serde_json::to_value(Ethernet::view(&frame).unwrap()).unwrap();
    assert_eq!(value["ether_type"], json!({"Other": 0x88cc}));
    frame[12..].copy_from_slice(&[0x86, 0xdd]);
    let value = serde_json::to_value(Ethernet::view(&frame).unwrap()).unwrap();
    assert_eq!(value["ether_type"], json!("Ipv6"));
    let codes = EtherType::records_with(&[0x08, 0x00, 0x12, 0x34], overlay::Endian::Big).unwrap();
    assert_eq!(
        serde_json::to_value(codes).unwrap(),
        json!(["Ipv4", {"Other": 0x1234}])
    );
}

/// A tagged payload: the chosen variant, as a newtype variant of the payload enum.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Udp {
    pub src_port: u16,
    pub dst_port: u16,
    pub length: u16,
    pub checksum: u16,
    #[overlay(bytes = "length - 8")]
    pub data: overlay::VarBytes,
}

#[derive(Overlay)]
pub enum EtherPayload {
    #[overlay(tag = 0x0800)]
    Point(Point),
    #[overlay(tag = 17)]
    Udp(Udp),
    #[overlay(other)]
    Unknown(overlay::VarBytes),
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Tagged {
    pub ether_type: EtherType,
    #[overlay(tag = "ether_type", rest)]
    pub payload: EtherPayload,
}

#[test]
fn a_tagged_payload_serializes_as_its_chosen_variant() {
    use overlay::VarOverlay;
    let value = |bytes: &[u8]| serde_json::to_value(Tagged::view(bytes).unwrap()).unwrap();
    assert_eq!(
        value(&[0x08, 0x00, 0xff, 0xfe, 0x00, 0x03]),
        json!({"ether_type": "Ipv4", "payload": {"Point": {"x": -2, "y": 3}}})
    );
    assert_eq!(
        value(&[0x00, 17, 0, 1, 0, 2, 0, 9, 0, 0, 7]),
        json!({"ether_type": {"Other": 17}, "payload": {"Udp": {
            "src_port": 1, "dst_port": 2, "length": 9, "checksum": 0, "data": [7]
        }}})
    );
    assert_eq!(
        value(&[0x12, 0x34, 5, 6]),
        json!({"ether_type": {"Other": 0x1234}, "payload": {"Unknown": [5, 6]}})
    );
}
