use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    as_bytes: [u8; 4],
}

fn main() {}
