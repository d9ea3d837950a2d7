use overlay::Overlay;

#[derive(Overlay)]
#[overlay(crate = "not a path")]
struct Record {
    id: u32,
}

fn main() {}
