/// A record of scalars, a byte array and a pad, in one byte order.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Header {
    pub magic: [u8; 4],
    pub version: u16,
    pub urgent: bool,
    #[overlay(pad)]
    pub reserved: [u8; 1],
    pub ratio: f32,
}
