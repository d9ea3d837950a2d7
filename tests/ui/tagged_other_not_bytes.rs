use overlay::Overlay;

#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 1)]
    One(u32),
    #[overlay(other)]
    Unknown(u16),
}

fn main() {}
