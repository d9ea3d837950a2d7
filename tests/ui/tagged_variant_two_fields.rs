use overlay::Overlay;

#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 1)]
    One(u32, u32),
    #[overlay(tag = 2)]
    Two { value: u64 },
}

fn main() {}
