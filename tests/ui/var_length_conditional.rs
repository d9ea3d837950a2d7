use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Message {
    len: u8,
    flags: u8,
    #[overlay(bytes = "if_else(len, 1, 2)")]
    head: VarBytes,
    #[overlay(bytes = "if_else(flags > 0, len)")]
    body: VarBytes,
    #[overlay(bytes = "if_else(missing == 1, len, 0)")]
    tail: VarBytes,
}

fn main() {}
