use overlay::{Overlay, VarBytes};

#[derive(Overlay)]
#[overlay(param = "usable", param = "usable")]
struct Cell {
    n: u16,
    #[overlay(bytes = "min(n, usable)")]
    local: VarBytes,
}

fn main() {}
