/// A record whose byte order is chosen when it is viewed.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct PcapHeader {
    pub magic: u32,
    pub major: u16,
    pub minor: u16,
    pub snaplen: u32,
}
