use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    point: (i16, i16),
}

fn main() {}
