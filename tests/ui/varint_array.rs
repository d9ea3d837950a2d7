use overlay::{Overlay, Uleb128};

#[derive(Overlay)]
struct Entry {
    lens: [Uleb128; 2],
}

fn main() {}
