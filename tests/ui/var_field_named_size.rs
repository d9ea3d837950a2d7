use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Chunk {
    id: [u8; 4],
    size: u32,
    #[overlay(bytes = "size")]
    data: VarBytes,
}

fn main() {}
