use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    #[overlay(endian = "big", endian = "big")]
    id: u32,
}

fn main() {}
