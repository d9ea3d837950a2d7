use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    #[overlay(pad)]
    reserved: u32,
}

fn main() {}
