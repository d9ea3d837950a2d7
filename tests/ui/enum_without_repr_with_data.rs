use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
enum Message {
    Ping,
    Data(u32),
}

fn main() {}
