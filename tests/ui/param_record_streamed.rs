use overlay::{Overlay, SqliteVarint, VarBytes, VarOverlay};

#[derive(Overlay)]
#[overlay(param = "usable")]
struct Cell {
    payload_size: SqliteVarint,
    #[overlay(bytes = "min(payload_size, usable - 35)")]
    local: VarBytes,
}

fn main() {
    let _ = Cell::stream(&[]);
}
