use overlay::Overlay;

#[derive(Overlay)]
#[overlay(endian = "big")]
enum Payload {
    #[overlay(tag = 1)]
    One(u32),
}

fn main() {}
