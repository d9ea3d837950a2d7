use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Kind {
    major: u8,
    minor: u8,
}

#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 1)]
    One(u32),
    #[overlay(other)]
    Unknown(VarBytes),
}

#[derive(Overlay)]
struct Message {
    kind: Kind,
    #[overlay(tag = "kind", rest)]
    payload: Payload,
}

fn main() {}
