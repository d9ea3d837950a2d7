use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
#[repr(u16)]
enum EtherType {
    Ipv4 = 0x0800,
    #[overlay(other)]
    Other(u8),
}

#[derive(Overlay, Clone, Copy, Debug)]
#[repr(u8)]
enum Kind {
    Data = 1,
    #[overlay(other)]
    Other,
}

fn main() {}
