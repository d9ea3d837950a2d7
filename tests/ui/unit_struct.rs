use overlay::Overlay;

#[derive(Overlay)]
struct Marker;

fn main() {}
