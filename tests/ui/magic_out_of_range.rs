use overlay::Overlay;

#[derive(Overlay)]
pub struct Header {
    #[overlay(magic = 300)]
    pub version: u8,
}

fn main() {}
