use overlay::Overlay;

#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 1)]
    One(u32),
    Two(u64),
}

fn main() {}
