use overlay::Overlay;

#[derive(Overlay)]
#[overlay(assert = "lenght <= 64", assert = "tag > 0")]
pub struct Header {
    pub length: u16,
    pub tag: [u8; 2],
    pub ratio: f32,
}

fn main() {}
