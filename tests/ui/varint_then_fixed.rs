use overlay::{Overlay, Uleb128};

#[derive(Overlay)]
struct Import {
    len: Uleb128,
    kind: u8,
}

fn main() {}
