use overlay::Overlay;

#[derive(Overlay)]
#[overlay(endian = big)]
struct Record {
    id: u32,
}

fn main() {}
