use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Message {
    len: u8,
    #[overlay(bytes = "body_len")]
    body: VarBytes,
    #[overlay(bytes = "len")]
    body_len: VarBytes,
}

fn main() {}
