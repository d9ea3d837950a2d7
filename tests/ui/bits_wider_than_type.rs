use overlay::Overlay;

#[derive(Overlay)]
struct Header {
    #[overlay(bits = 9)]
    version: u8,
    #[overlay(bits = 7)]
    rest: u8,
}

fn main() {}
