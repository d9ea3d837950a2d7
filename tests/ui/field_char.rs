use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    initial: char,
}

fn main() {}
