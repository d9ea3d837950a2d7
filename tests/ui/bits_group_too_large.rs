use overlay::Overlay;

#[derive(Overlay)]
struct Header {
    #[overlay(bits = 64)]
    a: u64,
    #[overlay(bits = 8)]
    b: u8,
}

fn main() {}
