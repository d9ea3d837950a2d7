use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    x: u32,
    set_x: u32,
}

fn main() {}
