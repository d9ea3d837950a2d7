use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    #[overlay(pad)]
    reserved: [u16; 2],
}

fn main() {}
