//! `overlay dump`: the records `unpack` would print, each item by item in the layout of the
//! library's hex dump.

use std::io::Write;

use crate::args::DumpArgs;
use crate::error::Failure;
use crate::unpack::{select, Selected};

/// Prints the records that `args` asks for to `out`, a blank line between records.
pub fn dump(args: &DumpArgs, out: &mut impl Write) -> Result<(), Failure> {
    let Selected {
        format,
        data,
        layout,
        ..
    } = select(&args.records)?;
    for (index, offset) in layout.offsets().enumerate() {
        if index > 0 {
            out.write_all(b"\n")?;
        }
        write!(out, "{}", format.hexdump_from(&data, offset))?;
    }
    Ok(())
}
