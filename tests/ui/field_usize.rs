use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    len: usize,
}

fn main() {}
