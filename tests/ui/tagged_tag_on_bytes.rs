use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Message {
    kind: u8,
    #[overlay(tag = "kind", rest)]
    payload: VarBytes,
}

fn main() {}
