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
    body_bytes: u8,
    #[overlay(tag = "kind", rest)]
    body: Payload,
}

fn main() {}
