use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
#[repr(u8)]
#[overlay(assert = "1 == 1")]
pub enum Kind {
    Data = 1,
}

fn main() {}
