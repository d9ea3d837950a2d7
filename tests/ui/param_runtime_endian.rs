use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
#[overlay(endian = "runtime", param = "usable")]
struct Cell {
    n: u16,
    #[overlay(bytes = "min(n, usable)")]
    local: VarBytes,
}

fn main() {}
