use overlay::{Overlay, Uleb128, VarBytes};

#[derive(Overlay)]
struct Entry {
    #[overlay(bytes = "len")]
    data: VarBytes,
    len: Uleb128,
}

fn main() {}
