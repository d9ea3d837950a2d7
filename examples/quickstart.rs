use overlay::Overlay;

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind { Data = 1, Ack = 2, Close = 7 }

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Point { pub x: i32, pub y: i32 }

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

fn main() {
    println!("{} {:?}", Header::SIZE, Header::FORMAT);
    println!("{:?} {:?}", Point::FORMAT, Kind::FORMAT);
    let h = Header { magic: *b"OVLY", version: 3, kind: Kind::Ack, urgent: true, len: 9, origin: Point{x:-1,y:2}, samples: [1,-2,3,-4], _reserved: [0;3], ratio: 1.5 };
    let bytes = h.to_bytes();
    let v = Header::view(&bytes).unwrap();
    println!("{v:?}");
    println!("{}", overlay::hexdump::<Header>(&bytes));
}
