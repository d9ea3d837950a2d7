// A variable-length record has no fixed size and so no table: `records()` on it is deprecated
// with a note that points at `stream` and `view_prefix`.
#![deny(deprecated)]

use overlay::{Overlay, VarBytes, VarOverlay};

#[derive(Overlay)]
struct Chunk {
    len: u8,
    #[overlay(bytes = "len")]
    data: VarBytes,
}

fn main() {
    let _ = Chunk::records(&[0]);
}
