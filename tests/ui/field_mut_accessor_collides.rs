use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    name: [u8; 4],
    name_mut: u8,
}

fn main() {}
