use overlay::Overlay;

#[derive(Overlay)]
struct Header {
    #[overlay(endian = "runtime")]
    len: u32,
}

fn main() {}
