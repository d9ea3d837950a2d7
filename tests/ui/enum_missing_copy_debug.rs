use overlay::Overlay;

#[derive(Overlay)]
#[repr(u8)]
enum Kind {
    Data = 1,
    Ack = 2,
}

#[derive(Overlay)]
struct Record {
    kind: Kind,
}

fn main() {}
