use overlay::Overlay;

#[derive(Overlay)]
struct Record {
    id: u32,
    r#unpack: u8,
}

fn main() {}
