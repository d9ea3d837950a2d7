use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
#[repr(u128)]
enum Kind {
    Data = 1,
    Ack = 2,
}

fn main() {}
