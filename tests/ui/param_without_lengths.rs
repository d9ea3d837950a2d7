use overlay::Overlay;

#[derive(Overlay)]
#[overlay(param = "usable")]
struct Header {
    size: u16,
}

fn main() {}
