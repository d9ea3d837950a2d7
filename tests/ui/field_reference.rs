use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    name: &'static [u8; 4],
}

fn main() {}
