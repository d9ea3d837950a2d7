use overlay::Overlay;

#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 1)]
    One(u32) = 1,
}

fn main() {}
