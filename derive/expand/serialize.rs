/// An owned record that also implements `Serialize` (with overlay's `serde` feature).
#[derive(Overlay)]
#[overlay(serialize)]
pub struct Reading {
    pub sensor: u16,
    pub samples: [i16; 3],
    pub name: [u8; 8],
}
