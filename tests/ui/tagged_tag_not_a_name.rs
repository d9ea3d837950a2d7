use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 1)]
    One(u32),
    #[overlay(other)]
    Unknown(VarBytes),
}

#[derive(Overlay)]
struct Message {
    kind: u8,
    #[overlay(tag = "kind + 1", rest)]
    payload: Payload,
}

fn main() {}
