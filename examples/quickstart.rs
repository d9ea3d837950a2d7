//! The main job, end to end: view a file of binary records in place, print some, change one
//! field in place and show exactly which bytes changed.
//!
//! `cargo run --example quickstart` reads `examples/data/readings.bin` (written by CPython's
//! `struct` module, see `make_readings.py` beside it); pass another path to read that instead.

use std::error::Error;

use overlay::Overlay;

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

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/readings.bin").to_owned()
    });
    let mut bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;

    println!("{path}: {} bytes", bytes.len());
    println!(
        "Reading: {} bytes per record, Python struct format {:?}",
        Reading::SIZE,
        Reading::FORMAT
    );

    // View the whole file in place: checks the length and every status/bool byte once.
    let readings = Reading::records(&bytes)?;
    println!("{} readings; the first three:", readings.len());
    for reading in readings.iter().take(3) {
        println!(
            "  #{:<2} sensor {} {:?} at {} accel {:?} {:.2} C",
            reading.sequence(),
            reading.sensor_id(),
            reading.status(),
            reading.timestamp(),
            reading.accel().to_array(),
            reading.temperature(),
        );
    }
    let faults: Vec<u32> = readings
        .iter()
        .filter(|r| r.status() == Status::Fault)
        .map(|r| r.sequence())
        .collect();
    println!("readings with a fault: {faults:?}");
    let hottest = readings
        .iter()
        .map(|r| r.temperature())
        .fold(f32::MIN, f32::max);
    println!("hottest: {hottest:.2} C");

    // Change one field in place and show which bytes moved.
    let index = 2;
    let start = index * Reading::SIZE;
    let before = bytes[start..start + Reading::SIZE].to_vec();
    {
        let mut table = Reading::records_mut(&mut bytes)?;
        let mut reading = table
            .get_mut(index)
            .ok_or("the file has fewer than 3 readings")?;
        reading.set_temperature(reading.temperature() + 1.5);
        reading.set_status(Status::Warn);
    }
    let after = &bytes[start..start + Reading::SIZE];
    println!("\nreading #{index} after set_temperature(+1.5) and set_status(Warn):");
    print!("{}", overlay::hexdump::<Reading>(after));
    let changed: Vec<String> = Reading::FIELDS
        .iter()
        .filter(|f| before[f.offset..f.offset + f.size] != after[f.offset..f.offset + f.size])
        .map(|f| {
            format!(
                "{} ({:02x?} -> {:02x?})",
                f.name,
                &before[f.offset..f.offset + f.size],
                &after[f.offset..f.offset + f.size]
            )
        })
        .collect();
    println!("changed fields: {}", changed.join(", "));
    println!("now: {:?}", Reading::view(after)?);
    Ok(())
}
