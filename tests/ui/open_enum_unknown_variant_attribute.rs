use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
#[repr(u8)]
enum Kind {
    #[overlay(default)]
    Data = 1,
    #[overlay(other = true)]
    Other(u8),
}

fn main() {}
