use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
#[overlay(param = "len")]
struct Chunk {
    len: u8,
    #[overlay(bytes = "len")]
    data: VarBytes,
}

fn main() {}
