use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
#[repr(u8)]
enum Kind {
    Data = 1,
    #[overlay(other)]
    Unknown(u8),
    #[overlay(other)]
    Other(u8),
}

fn main() {}
