use overlay::{Overlay, SqliteVarint};

#[derive(Overlay)]
struct Cell {
    #[overlay(bits = 8)]
    payload_size: SqliteVarint,
}

fn main() {}
