//! The stand-in impl after an error uses the `crate = "..."` path too.
mod reexport {
    pub use ::overlay as ov;
}

use reexport::ov::Overlay;

#[derive(Overlay)]
#[overlay(crate = "crate::reexport::ov", endian = "middle")]
struct Record {
    id: u32,
}

fn main() {
    let _ = Record::SIZE;
}
