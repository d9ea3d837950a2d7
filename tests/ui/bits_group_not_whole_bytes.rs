use overlay::Overlay;

#[derive(Overlay)]
#[overlay(endian = "big")]
struct Header {
    #[overlay(bits = 4)]
    version: u8,
    #[overlay(bits = 3)]
    ihl: u8,
    len: u16,
}

fn main() {}
