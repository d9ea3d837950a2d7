use overlay::Overlay;

#[derive(Overlay)]
struct Pair(u16, u16);

fn main() {}
