use overlay::{Overlay, SqliteVarint, VarBytes};

#[derive(Overlay)]
#[overlay(param = "usable")]
struct Cell {
    payload_size: SqliteVarint,
    #[overlay(bytes = "min(payload_size, page_size - 35)")]
    local: VarBytes,
}

fn main() {}
