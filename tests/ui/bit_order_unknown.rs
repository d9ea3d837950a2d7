use overlay::Overlay;

#[derive(Overlay)]
#[overlay(bit_order = "middle")]
struct Header {
    #[overlay(bits = 8)]
    version: u8,
}

fn main() {}
