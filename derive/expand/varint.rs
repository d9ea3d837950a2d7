#[derive(Overlay)]
#[overlay(param = "usable")]
struct Cell {
    kind: u8,
    payload_size: SqliteVarint,
    delta: Sleb128,
    #[overlay(bytes = "min(payload_size, usable - 35)")]
    local: VarBytes,
}
