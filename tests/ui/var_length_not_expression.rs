use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Message {
    len: u8,
    #[overlay(bytes = "len *")]
    body: VarBytes,
}

fn main() {}
