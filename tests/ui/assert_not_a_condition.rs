use overlay::Overlay;

#[derive(Overlay)]
#[overlay(
    assert = "length",
    assert = "length + 1",
    assert = "length << 2 > 0",
    assert = "abs(length) > 0",
    assert = "1 < 2",
    assert = "length >="
)]
pub struct Header {
    pub length: u16,
}

fn main() {}
