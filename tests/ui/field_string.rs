use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    name: String,
}

fn main() {}
