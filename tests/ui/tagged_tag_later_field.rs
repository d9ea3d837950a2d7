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
    length: u16,
    #[overlay(tag = "kind", rest)]
    payload: Payload,
    kind: u8,
}

fn main() {}
