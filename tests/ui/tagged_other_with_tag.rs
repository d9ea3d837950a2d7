use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 1)]
    One(u32),
    #[overlay(other, tag = 2)]
    Unknown(VarBytes),
}

fn main() {}
