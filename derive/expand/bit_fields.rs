/// Bit fields of integers, an enum and a bool in groups, most significant bit first.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ipv4Start {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    #[overlay(bits = 6)]
    pub dscp: u8,
    #[overlay(bits = 2)]
    pub ecn: Ecn,
    #[overlay(bits = 1)]
    pub flag: bool,
    #[overlay(bits = 15)]
    pub rest: u16,
}
