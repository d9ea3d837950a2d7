use overlay::Overlay;

#[derive(Overlay)]
#[overlay = "big"]
struct Record {
    id: u32,
}

fn main() {}
