use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    #[overlay(endian)]
    id: u32,
}

fn main() {}
