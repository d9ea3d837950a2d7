use overlay::Overlay;

const ELF: &[u8; 4] = b"\x7fELF";

#[derive(Overlay)]
pub struct Ident {
    #[overlay(magic = "ELF")]
    pub name: [u8; 3],
    #[overlay(magic = ELF)]
    pub magic: [u8; 4],
    #[overlay(magic)]
    pub version: u8,
}

fn main() {}
