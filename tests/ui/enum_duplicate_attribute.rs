use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "big", crate = "::overlay", endian = "little")]
#[repr(u16)]
enum Kind {
    Data = 1,
    Ack = 2,
}

fn main() {}
