/// A validated fieldless enum.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
#[overlay(endian = "little")]
pub enum Kind {
    Data = 1,
    Ack = 2,
    Reset = 0x8000,
}
