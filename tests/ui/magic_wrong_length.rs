use overlay::Overlay;

#[derive(Overlay)]
pub struct Ident {
    #[overlay(magic = b"ELF")]
    pub magic: [u8; 4],
}

fn main() {}
