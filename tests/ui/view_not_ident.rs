use overlay::Overlay;

#[derive(Overlay)]
#[overlay(view = "not an ident")]
struct Record {
    id: u32,
}

fn main() {}
