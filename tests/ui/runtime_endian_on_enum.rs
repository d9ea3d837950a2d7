use overlay::Overlay;

#[derive(Overlay, Debug, Clone, Copy)]
#[overlay(endian = "runtime")]
#[repr(u16)]
enum Kind {
    A = 1,
}

fn main() {}
