//! The main job, end to end: view a file of binary records in place, print some, change one
//! field of a record and show exactly which bytes changed.
//!
//! `cargo run --example quickstart` reads `examples/data/readings.bin` (written by CPython's
//! `struct` module, see `make_readings.py` beside it); pass another path to read that instead.
//! The file is memory-mapped, not read: the views read each value where it lies, whatever the
//! file's size. The edit is made on a copy of the one record it changes, so the file itself is
//! never written.
//!
//! A file that is not a whole number of readings, or holds a status or bool byte out of range,
//! is one line on standard error and exit status 1. Files of fewer than three readings, or
//! none, are fine.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use overlay::Overlay;

#[path = "input.rs"]
mod input;

/// A sensor's state, one byte on disk; any other value is rejected when the file is viewed.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Status {
    Ok = 0,
    Warn = 1,
    Fault = 2,
}

/// One 24-byte reading, big-endian, as the Python script writes it (`>HB?I3h2xfI`).
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Reading {
    pub sensor_id: u16,
    pub status: Status,
    pub calibrated: bool,
    /// Seconds since the Unix epoch.
    pub timestamp: u32,
    /// Acceleration in milli-g, x, y, z.
    pub accel: [i16; 3],
    #[overlay(pad)]
    pub _reserved: [u8; 2],
    /// Degrees Celsius.
    pub temperature: f32,
    pub sequence: u32,
}

/// How many fault sequence numbers are listed; the rest are only counted.
const FAULTS_LISTED: usize = 10;

/// Prints the report on `bytes`, the whole file at `path`.
fn report(path: &Path, bytes: &[u8], out: &mut impl Write) -> Result<(), Failure> {
    writeln!(out, "{}: {} bytes", path.display(), bytes.len())?;
    writeln!(
        out,
        "Reading: {} bytes per record, Python struct format {}",
        Reading::SIZE,
        Reading::FORMAT.unwrap_or("(none)")
    )?;

    // View the whole file in place: checks the length and every status/bool byte once.
    let readings = Reading::records(bytes)?;
    match readings.len() {
        0 => writeln!(out, "0 readings")?,
        1 => writeln!(out, "1 reading:")?,
        n @ 2..=3 => writeln!(out, "{n} readings:")?,
        n => writeln!(out, "{n} readings; the first 3:")?,
    }
    for reading in readings.iter().take(3) {
        writeln!(
            out,
            "  #{:<2} sensor {} {:?} at {} accel {:?} {:.2} C",
            reading.sequence(),
            reading.sensor_id(),
            reading.status(),
            reading.timestamp(),
            reading.accel().to_array(),
            reading.temperature(),
        )?;
    }
    let mut faults = readings.iter().filter(|r| r.status() == Status::Fault);
    let listed: Vec<u32> = faults
        .by_ref()
        .take(FAULTS_LISTED)
        .map(|r| r.sequence())
        .collect();
    match faults.count() {
        _ if listed.is_empty() => writeln!(out, "readings with a fault: none")?,
        0 => writeln!(out, "readings with a fault: {listed:?}")?,
        more => writeln!(out, "readings with a fault: {listed:?} and {more} more")?,
    }
    // `reduce`, not a fold from `f32::MIN`: no readings have no hottest one.
    match readings.iter().map(|r| r.temperature()).reduce(f32::max) {
        Some(hottest) => writeln!(out, "hottest: {hottest:.2} C")?,
        None => writeln!(out, "hottest: none, the file holds no readings")?,
    }

    // Change two fields of the third reading (or the last, in a shorter file) and show which
    // bytes moved. The edit goes to a copy of that one record: the file stays as it is.
    let Some(index) = readings.len().checked_sub(1).map(|last| last.min(2)) else {
        writeln!(out, "\nno reading to edit")?;
        return Ok(());
    };
    let before = readings.slice(index..=index)?.as_bytes();
    let mut after = [0u8; Reading::SIZE];
    after.copy_from_slice(before);
    let mut reading = Reading::view_mut(&mut after)?;
    reading.set_temperature(reading.temperature() + 1.5);
    reading.set_status(Status::Warn);

    writeln!(
        out,
        "\nreading #{index} after set_temperature(+1.5) and set_status(Warn):"
    )?;
    write!(out, "{}", overlay::hexdump::<Reading>(&after))?;
    let changed: Vec<String> = Reading::FIELDS
        .iter()
        .filter_map(|f| {
            let range = f.offset..f.offset + f.size;
            let (old, new) = (before.get(range.clone())?, after.get(range)?);
            (old != new).then(|| format!("{} ({old:02x?} -> {new:02x?})", f.name))
        })
        .collect();
    writeln!(out, "changed fields: {}", changed.join(", "))?;
    writeln!(out, "now: {:?}", Reading::view(&after)?)?;
    Ok(())
}

/// Why `report` stopped: the file's contents, or the output. `overlay::Error` is four words
/// and `Copy`, so it goes in an enum as it is.
enum Failure {
    Layout(overlay::Error),
    Write(io::Error),
}

impl From<overlay::Error> for Failure {
    fn from(error: overlay::Error) -> Self {
        Failure::Layout(error)
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Write(error)
    }
}

fn main() -> ExitCode {
    let path = std::env::args_os().nth(1).map_or_else(
        || concat!(env!("CARGO_MANIFEST_DIR"), "/data/readings.bin").into(),
        PathBuf::from,
    );
    let input = match input::open(&path) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match report(&path, &input, &mut io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) is not an error.
        Err(Failure::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Write(e)) => {
            eprintln!("error: writing the output: {e}");
            ExitCode::FAILURE
        }
        Err(Failure::Layout(e)) => {
            eprintln!("error: {}: {e}", path.display());
            ExitCode::FAILURE
        }
    }
}
