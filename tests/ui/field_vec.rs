use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    data: Vec<u8>,
}

fn main() {}
