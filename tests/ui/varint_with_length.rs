use overlay::{Overlay, Uleb128};

#[derive(Overlay)]
struct Entry {
    n: u8,
    #[overlay(bytes = "n")]
    len: Uleb128,
}

fn main() {}
