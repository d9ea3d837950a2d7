use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
enum Kind {
    Data = 1,
    Ack = 2,
}

fn main() {}
