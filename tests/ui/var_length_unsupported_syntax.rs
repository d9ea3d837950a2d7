use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Message {
    len: u8,
    #[overlay(bytes = "len.pow(2)")]
    body: VarBytes,
}

fn main() {}
