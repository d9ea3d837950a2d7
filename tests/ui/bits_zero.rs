use overlay::Overlay;

#[derive(Overlay)]
struct Header {
    #[overlay(bits = 0)]
    version: u8,
}

fn main() {}
