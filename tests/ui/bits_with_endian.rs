use overlay::Overlay;

#[derive(Overlay)]
struct Header {
    #[overlay(bits = 8, endian = "big")]
    version: u8,
}

fn main() {}
