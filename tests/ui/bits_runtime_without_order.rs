use overlay::Overlay;

#[derive(Overlay)]
#[overlay(endian = "runtime")]
struct Header {
    #[overlay(bits = 8)]
    version: u8,
}

fn main() {}
