use overlay::Overlay;

struct Timestamp {
    seconds: u32,
}

#[derive(Overlay)]
struct Record {
    id: u32,
    at: Timestamp,
}

fn main() {}
