use overlay::Overlay;

#[derive(Overlay)]
union Word {
    int: u32,
    float: f32,
}

fn main() {}
