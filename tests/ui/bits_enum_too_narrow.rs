use overlay::Overlay;

#[derive(Overlay, Debug, Clone, Copy)]
#[repr(u8)]
enum Mode {
    A = 0,
}

#[derive(Overlay)]
struct Header {
    #[overlay(bits = 16)]
    mode: Mode,
}

fn main() {}
