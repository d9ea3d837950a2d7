use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    #[overlay(skip)]
    id: u32,
    len: u16,
}

fn main() {}
