use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Message {
    len: u8,
    body: VarBytes,
}

fn main() {}
