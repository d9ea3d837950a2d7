use overlay::Overlay;

#[derive(Overlay)]
#[overlay(endian = "big", packed)]
struct Record {
    id: u32,
}

fn main() {}
