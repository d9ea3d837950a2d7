use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    #[overlay(pad = 2)]
    reserved: [u8; 2],
}

fn main() {}
