//! `overlay unpack`: check the request, open the input, print its records. The checks are
//! shared with `overlay dump`.

use std::io::Write;

use overlay::{Struct, StructError};

use crate::args::{RecordArgs, UnpackArgs};
use crate::error::Failure;
use crate::input::{self, Input, Reading};
use crate::layout::{Layout, Misfit, Request};
use crate::output::{self, Style};

/// Compiles FORMAT, or says why it is not a Python struct format.
pub fn compile(format: &str) -> Result<Struct, Failure> {
    Struct::new(format).map_err(|source| Failure::BadFormat {
        format: format.to_owned(),
        source,
    })
}

/// The records that the command line asks for: where they are in which input, read how.
pub struct Selected {
    /// FORMAT, compiled.
    pub format: Struct,
    /// How the input is named in messages.
    pub name: String,
    pub data: Input,
    pub layout: Layout,
}

/// Compiles FORMAT, opens FILE and lays the records out, or says why they cannot be read.
pub fn select(args: &RecordArgs) -> Result<Selected, Failure> {
    // Check everything that does not need the file first, so mistakes in the command line are
    // reported the same whatever the file holds.
    let format = compile(&args.format)?;
    let size = format.size();
    if size == 0 {
        return Err(Failure::EmptyRecord {
            format: args.format.clone(),
        });
    }
    if let Some(stride) = args.stride.filter(|&stride| stride < size) {
        return Err(Failure::StrideTooSmall {
            format: args.format.clone(),
            stride,
            size,
        });
    }
    let name = input::display_name(&args.file);
    let request = Request {
        size,
        offset: args.offset,
        count: args.count,
        stride: args.stride,
    };
    let reading = Reading {
        limit: request.bytes_needed(),
        no_mmap: args.no_mmap,
    };
    let data = input::open(&args.file, reading)?;
    let len = data.len();
    let layout = request.layout(len).map_err(|misfit| match misfit {
        Misfit::OffsetPastEnd => Failure::OffsetPastEnd {
            name: name.clone(),
            offset: args.offset,
            len,
            cpython: StructError::UnpackFromSize {
                size,
                offset: args.offset,
                len,
            },
        },
        Misfit::PartialRecord { available } => Failure::PartialRecord {
            name: name.clone(),
            available,
            offset: args.offset,
            size,
            cpython: StructError::IterMultiple { size },
        },
        Misfit::TooFewRecords {
            available,
            found,
            missing_at,
        } => Failure::TooFewRecords {
            name: name.clone(),
            count: args.count,
            available,
            offset: args.offset,
            size,
            found,
            cpython: StructError::UnpackFromSize {
                size,
                offset: missing_at,
                len,
            },
        },
    })?;
    Ok(Selected {
        format,
        name,
        data,
        layout,
    })
}

/// Prints the records that `args` asks for to `out`.
pub fn unpack(args: &UnpackArgs, out: &mut impl Write) -> Result<(), Failure> {
    let Selected {
        format,
        name,
        data,
        layout,
    } = select(&args.records)?;
    let style = if args.json {
        Style::Json
    } else {
        Style::Python
    };
    for offset in layout.offsets() {
        let fields = format
            .fields_from(&data, offset)
            .map_err(|source| Failure::Unpack {
                name: name.clone(),
                offset,
                source,
            })?;
        output::write_record(out, style, fields)?;
    }
    Ok(())
}
