use overlay::Overlay;

#[derive(Overlay)]
#[overlay(endian = "middle")]
struct Record {
    id: u32,
}

fn main() {}
