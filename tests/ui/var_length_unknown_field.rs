use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
struct Message {
    len: u8,
    #[overlay(bytes = "lenght * 2")]
    body: VarBytes,
}

fn main() {}
