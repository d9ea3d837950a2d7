use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
#[repr(u16)]
enum EtherType {
    Ipv4 = 0x0800,
    #[overlay(other)]
    Other(u16),
    Ipv6 = 0x86dd,
}

fn main() {}
