use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Message {
    len: u8,
    #[overlay(rest)]
    body: VarBytes,
    #[overlay(bytes = "len")]
    tail: VarBytes,
}

fn main() {}
