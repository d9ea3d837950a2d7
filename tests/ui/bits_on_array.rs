use overlay::Overlay;

#[derive(Overlay)]
struct Header {
    #[overlay(bits = 8)]
    version: [u8; 1],
}

fn main() {}
