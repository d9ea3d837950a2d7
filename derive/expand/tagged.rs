#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 0x0806)]
    Arp(Arp),
    #[overlay(tag = 17, tag = 18)]
    Udp(Udp),
    #[overlay(other)]
    Unknown(VarBytes),
}

#[derive(Overlay)]
#[overlay(endian = "big")]
struct Frame {
    kind: u16,
    #[overlay(tag = "kind", rest)]
    payload: Payload,
}
