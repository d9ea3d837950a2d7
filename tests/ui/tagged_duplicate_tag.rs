use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
#[overlay(endian = "big")]
struct Arp {
    oper: u16,
}

#[derive(Overlay)]
#[overlay(endian = "big")]
struct Rarp {
    oper: u16,
}

#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 0x0806)]
    Arp(Arp),
    #[overlay(tag = 0x8035, tag = 2054)]
    Rarp(Rarp),
    #[overlay(other)]
    Unknown(VarBytes),
}

fn main() {}
