use overlay::Overlay;

const ARP: u16 = 0x0806;
const ALSO_ARP: u16 = 0x0806;

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
    #[overlay(tag = ARP)]
    Arp(Arp),
    #[overlay(tag = ALSO_ARP)]
    Rarp(Rarp),
}

fn main() {}
