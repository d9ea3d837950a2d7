use overlay::Overlay;

#[derive(Overlay)]
struct Header {
    #[overlay(bits = 8)]
    ratio: f32,
}

fn main() {}
