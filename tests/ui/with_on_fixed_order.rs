//! The `_with` entry points take a byte order, so they exist only for types that take one at
//! run time: a record with a byte order of its own cannot be read in the other by mistake.
use overlay::{Endian, Overlay, VarBytes, VarOverlay};

#[derive(Overlay)]
#[overlay(endian = "big")]
struct Header {
    magic: u32,
    length: u16,
}

#[derive(Overlay)]
struct Packet {
    length: u16,
    #[overlay(bytes = "length")]
    body: VarBytes,
}

fn main() {
    let bytes = [0u8; 8];
    let _ = Header::view_with(&bytes[..6], Endian::Little);
    let _ = Header::records_with(&bytes[..6], Endian::Little);
    let _ = Packet::stream_with(&bytes, Endian::Big);
}
