use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
enum Payload {
    #[overlay(other)]
    Unknown(VarBytes),
    #[overlay(tag = 1)]
    One(u32),
}

fn main() {}
