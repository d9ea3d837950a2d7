use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
#[repr(u8)]
enum Message {
    Ping,
    Data(u32),
    Move { x: i16, y: i16 },
}

fn main() {}
