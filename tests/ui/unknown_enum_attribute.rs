use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(view = "KindView")]
#[repr(u8)]
enum Kind {
    Data = 1,
    Ack = 2,
}

fn main() {}
