//! `overlay`: print the records of a binary file as Python's `struct.unpack` gives them.
//!
//! `overlay unpack '<IHH' data.bin` prints `(1, 2, 3)` per record; `--json` prints JSON lines;
//! `overlay dump '<IHH' data.bin` prints each record item by item with its bytes;
//! `overlay convert '<IHH' data.bin --to parquet --output data.parquet` writes a Parquet file
//! (or an Arrow IPC file, or JSON lines); `overlay calcsize '<IHH'` prints `8`. See
//! `overlay unpack --help`.
#![deny(unsafe_code)]

mod args;
mod convert;
mod dump;
mod error;
mod input;
mod layout;
mod output;
mod unpack;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};
use crate::error::Failure;
use crate::unpack::{compile, unpack};

fn main() -> ExitCode {
    // clap prints usage errors itself and exits with status 2.
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) | Err(Failure::OutputClosed) => ExitCode::SUCCESS,
        Err(failure) => {
            // Nothing more can be done if standard error is closed too.
            let _ = writeln!(io::stderr(), "overlay: {failure}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), Failure> {
    let mut out = BufWriter::new(io::stdout().lock());
    match command {
        Command::Calcsize { format } => writeln!(out, "{}", compile(&format)?.size())?,
        Command::Unpack(args) => unpack(&args, &mut out)?,
        Command::Dump(args) => dump::dump(&args, &mut out)?,
        Command::Convert(args) => convert::convert(&args, &mut io::stderr().lock())?,
    }
    out.flush()?;
    Ok(())
}
