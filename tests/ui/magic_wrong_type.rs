use overlay::Overlay;

#[derive(Overlay)]
pub struct Header {
    #[overlay(magic = 1)]
    pub ratio: f32,
    #[overlay(magic = b"ab")]
    pub code: u16,
    #[overlay(magic = 7)]
    pub tag: [u8; 1],
    #[overlay(pad, magic = b"\0")]
    pub reserved: [u8; 1],
    #[overlay(bits = 4, magic = 3)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
}

fn main() {}
