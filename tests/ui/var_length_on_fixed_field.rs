use overlay::Overlay;

#[derive(Overlay)]
struct Message {
    #[overlay(bytes = "4")]
    len: u8,
}

fn main() {}
