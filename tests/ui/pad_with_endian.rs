use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    #[overlay(pad, endian = "big")]
    reserved: [u8; 2],
}

fn main() {}
