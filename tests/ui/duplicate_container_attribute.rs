use overlay::Overlay;

#[derive(Overlay)]
#[overlay(endian = "big")]
#[overlay(endian = "little")]
struct Record {
    id: u32,
}

fn main() {}
