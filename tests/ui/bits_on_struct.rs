use overlay::Overlay;

#[derive(Overlay)]
struct Point {
    x: u8,
}

#[derive(Overlay)]
struct Header {
    #[overlay(bits = 8)]
    point: Point,
}

fn main() {}
