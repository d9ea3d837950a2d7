use overlay::Overlay;

#[derive(Overlay)]
#[overlay(view_mut = "Record")]
struct Record {
    id: u32,
}

fn main() {}
