use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    data: [u8],
}

fn main() {}
