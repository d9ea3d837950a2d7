//! Runs one benchmark contender in a fresh process, for what criterion's repeated in-process
//! runs cannot show: first-touch costs of opening a file, heap bytes allocated, and
//! instruction counts under callgrind. `benches/report.sh` drives it; see the README.
//!
//! ```text
//! bench_probe make DIR RECORDS              write DIR/raw.bin, DIR/bincode.bin, DIR/postcard.bin
//! bench_probe cold-open CONTENDER DIR       open a file, read the id of its last record
//! bench_probe heap QUESTION CONTENDER N     heap bytes one call allocates on N records
//! bench_probe instr QUESTION CONTENDER N R  run one call R times (for callgrind); CONTENDER
//!                                           "none" runs the set-up only, as a baseline
//! bench_probe column DIR RUNS               the sum of `id` over DIR/raw.bin, read through a run-
//!                                           time `Struct` column, `fields`, and the derived view:
//!                                           best-of-RUNS nanoseconds per record, one line each
//!                                           (benches/struct_numpy.py compares them with NumPy)
//! ```
//! Questions: scan, decode_one, write_in_place, random_access, loops (hand_written, overlay and
//! zerocopy only), bits (hand_written, overlay, bitfield_struct, modular_bitfield), dispatch
//! (hand_written and overlay: N mixed Ethernet frames), leb128 (hand_written and overlay: N
//! unsigned LEB128 values). Contenders: hand_written, overlay,
//! overlay_unpack (scan only), zerocopy, bincode, postcard, binrw.

mod common;

use std::alloc::System;
use std::error::Error;
use std::fs::File;
use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use common::*;
use overlay::Overlay;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use zerocopy::FromBytes;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| -> Result<&str> {
        args.get(i)
            .map(String::as_str)
            .ok_or_else(|| format!("missing argument {i}; see the usage in the source").into())
    };
    match arg(0)? {
        "make" => make(Path::new(arg(1)?), arg(2)?.parse()?),
        "cold-open" => cold_open(arg(1)?, Path::new(arg(2)?)),
        "heap" => heap(arg(1)?, arg(2)?, arg(3)?.parse()?),
        "instr" => instr(arg(1)?, arg(2)?, arg(3)?.parse()?, arg(4)?.parse()?),
        "column" => column(Path::new(arg(1)?), arg(2)?.parse()?),
        other => Err(format!("unknown command {other:?}").into()),
    }
}

/// Writes the three files of `records` records, each in its own format, streaming the raw one.
fn make(dir: &Path, records: usize) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    write_raw(&dir.join("raw.bin"), records)?;
    let owned = records_owned(records);
    let mut out = BufWriter::new(File::create(dir.join("bincode.bin"))?);
    bincode::serde::encode_into_std_write(&owned, &mut out, bincode_config())?;
    out.flush()?;
    std::fs::write(dir.join("postcard.bin"), postcard::to_allocvec(&owned)?)?;
    Ok(())
}

/// Maps a file read-only.
fn map(path: &Path) -> Result<memmap2::Mmap> {
    let file = File::open(path)?;
    // SAFETY: the benchmark files are written once by `make` and not modified while mapped;
    // a concurrent writer could change the bytes under the view, which overlay tolerates
    // (every read is a plain load) but would make the result meaningless.
    Ok(unsafe { memmap2::Mmap::map(&file)? })
}

/// Times summing the `id` of every record of `dir/raw.bin` three ways (best of `runs`).
fn column(dir: &Path, runs: usize) -> Result<()> {
    let map = map(&dir.join("raw.bin"))?;
    let bytes: &[u8] = &map;
    let records = (bytes.len() / RECORD_SIZE).max(1) as f64;
    let format = overlay::Struct::new(">IHHQQfI")?;
    let best = |f: &dyn Fn() -> u64| {
        let mut best = f64::INFINITY;
        let mut sum = 0;
        for _ in 0..runs {
            let start = Instant::now();
            sum = black_box(f());
            best = best.min(start.elapsed().as_secs_f64() * 1e9 / records);
        }
        (best, sum)
    };
    let (column_ns, column_sum) = best(&|| {
        format
            .column::<u64>(black_box(bytes), 3)
            .map_or(0, |ids| ids.iter().fold(0u64, u64::wrapping_add))
    });
    let (fields_ns, fields_sum) = best(&|| {
        format.iter_unpack(black_box(bytes)).map_or(1, |records| {
            records.fields().fold(0u64, |sum, mut values| {
                let id = values.nth(3).and_then(|v| u64::try_from(v).ok());
                sum.wrapping_add(id.unwrap_or(0))
            })
        })
    });
    let (view_ns, view_sum) = best(&|| scan_overlay(black_box(bytes)));
    // Every value of every record, as numbers (the float by its value, truncated).
    let (all_ns, _) = best(&|| {
        format.iter_unpack(black_box(bytes)).map_or(2, |records| {
            records.fields().fold(0u64, |sum, values| {
                values.fold(sum, |sum, value| match value {
                    overlay::Value::UInt(v) => sum.wrapping_add(v),
                    overlay::Value::Float(v) => sum.wrapping_add(v as u64),
                    _ => sum,
                })
            })
        })
    });
    if column_sum != view_sum || fields_sum != view_sum {
        return Err(format!("sums differ: {column_sum} {fields_sum} {view_sum}").into());
    }
    println!("struct_column ns_per_record={column_ns:.3} sum={column_sum}");
    println!("struct_fields_nth ns_per_record={fields_ns:.3} sum={fields_sum}");
    println!("derived_view ns_per_record={view_ns:.3} sum={view_sum}");
    println!("struct_fields_all ns_per_record={all_ns:.3}");
    Ok(())
}

/// Opens the data set the contender's own way and reads the `id` of the last record.
fn cold_open(contender: &str, dir: &Path) -> Result<()> {
    let (raw, bincode, postcard) = (
        dir.join("raw.bin"),
        dir.join("bincode.bin"),
        dir.join("postcard.bin"),
    );
    let start = Instant::now();
    let region = Region::new(GLOBAL);
    let id = match contender {
        "overlay" => {
            let map = map(&raw)?;
            let records = Record::records(&map)?;
            records.last().ok_or("empty file")?.id()
        }
        "zerocopy" => {
            let map = map(&raw)?;
            let records = <[ZerocopyRecord]>::ref_from_bytes(&map).map_err(|e| e.to_string())?;
            records.last().ok_or("empty file")?.id.get()
        }
        "bincode" => {
            let bytes = std::fs::read(&bincode)?;
            let (records, _): (Vec<SerdeRecord>, usize) =
                bincode::serde::decode_from_slice(&bytes, bincode_config())?;
            records.last().ok_or("empty file")?.id
        }
        "postcard" => {
            let bytes = std::fs::read(&postcard)?;
            let records: Vec<SerdeRecord> = postcard::from_bytes(&bytes)?;
            records.last().ok_or("empty file")?.id
        }
        "binrw" => {
            use binrw::BinReaderExt;
            let bytes = std::fs::read(&raw)?;
            let count = bytes.len() / RECORD_SIZE;
            let records: Vec<BinrwRecord> =
                std::io::Cursor::new(&bytes).read_be_args(binrw::VecArgs { count, inner: () })?;
            records.last().ok_or("empty file")?.id
        }
        other => return Err(format!("unknown contender {other:?}").into()),
    };
    let micros = start.elapsed().as_secs_f64() * 1e6;
    let heap = region.change().bytes_allocated;
    println!("contender={contender} id={id} micros={micros:.1} heap_bytes={heap}");
    Ok(())
}

/// Inputs for one question, built before anything is measured.
struct Inputs {
    raw: Vec<u8>,
    bincode: Vec<u8>,
    postcard: Vec<u8>,
    indices: Vec<usize>,
    /// The dispatch question's frames, in a buffer that lives as long as the process.
    frames: Vec<&'static [u8]>,
}

fn inputs(question: &str, n: usize) -> Inputs {
    let n = if question == "decode_one" { 1 } else { n };
    let postcard = if question == "decode_one" {
        postcard::to_allocvec(&records_owned(1)[0]).expect("encodes")
    } else {
        postcard_encoded(n)
    };
    Inputs {
        // The bits question reads IPv4 headers rather than the 32-byte records.
        raw: if question == "bits" {
            ipv4_headers(n)
        } else if question == "leb128" {
            leb128_encoded(n)
        } else {
            raw(n)
        },
        bincode: if question == "decode_one" {
            raw(1)
        } else {
            bincode_encoded(n)
        },
        postcard,
        // The loops question reads its second table (half the records) at random.
        indices: indices(if question == "loops" { n / 2 } else { n }, 1_000),
        frames: if question == "dispatch" {
            let (bytes, ends) = mixed_frames(n);
            split_frames(Box::leak(bytes.into_boxed_slice()), &ends)
        } else {
            Vec::new()
        },
    }
}

/// Runs one call of `contender` on `question`; returns a value to keep it from being optimised
/// away.
fn run(question: &str, contender: &str, input: &mut Inputs) -> Result<u64> {
    let Inputs {
        raw,
        bincode,
        postcard,
        indices,
        frames,
    } = input;
    Ok(match (question, contender) {
        (_, "none") => 0,
        ("scan", "hand_written") => scan_hand(raw),
        ("scan", "overlay") => scan_overlay(raw),
        ("scan", "overlay_unpack") => scan_overlay_unpack(raw),
        ("scan", "zerocopy") => scan_zerocopy(raw),
        ("scan", "bincode") => scan_bincode(bincode),
        ("scan", "postcard") => scan_postcard(postcard),
        ("scan", "binrw") => scan_binrw(raw),
        ("decode_one", "hand_written") => one_hand(raw),
        ("decode_one", "overlay") => one_overlay(raw),
        ("decode_one", "zerocopy") => one_zerocopy(raw),
        ("decode_one", "bincode") => one_bincode(bincode),
        ("decode_one", "postcard") => one_postcard(postcard),
        ("decode_one", "binrw") => one_binrw(raw),
        ("write_in_place", "hand_written") => {
            write_hand(raw);
            u64::from(raw[31])
        }
        ("write_in_place", "overlay") => {
            write_overlay(raw);
            u64::from(raw[31])
        }
        ("write_in_place", "zerocopy") => {
            write_zerocopy(raw);
            u64::from(raw[31])
        }
        ("write_in_place", "bincode") => write_bincode(bincode).len() as u64,
        ("write_in_place", "postcard") => write_postcard(postcard).len() as u64,
        ("write_in_place", "binrw") => write_binrw(raw).len() as u64,
        ("random_access", "hand_written") => random_hand(raw, indices),
        ("random_access", "overlay") => random_overlay(raw, indices),
        ("random_access", "zerocopy") => random_zerocopy(raw, indices),
        ("random_access", "bincode") => random_bincode(bincode, indices),
        ("random_access", "postcard") => random_postcard(postcard, indices),
        ("random_access", "binrw") => random_binrw(raw, indices),
        ("loops", "hand_written") => loops_hand(raw, indices),
        ("loops", "overlay") => loops_overlay(raw, indices),
        ("loops", "zerocopy") => loops_zerocopy(raw, indices),
        ("bits", "hand_written") => u64::from(bits_hand(raw)),
        ("bits", "overlay") => u64::from(bits_overlay(raw)),
        ("bits", "bitfield_struct") => u64::from(bits_bitfield_struct(raw)),
        ("bits", "modular_bitfield") => u64::from(bits_modular_bitfield(raw)),
        ("dispatch", "hand_written") => dispatch_hand(frames),
        ("dispatch", "overlay") => dispatch_overlay(frames),
        ("leb128", "hand_written") => leb128_hand(raw),
        ("leb128", "overlay") => leb128_overlay(raw),
        other => return Err(format!("unknown question and contender {other:?}").into()),
    })
}

/// Heap bytes allocated by one call, set-up excluded.
fn heap(question: &str, contender: &str, n: usize) -> Result<()> {
    let mut input = inputs(question, n);
    let region = Region::new(GLOBAL);
    let result = run(question, contender, &mut input)?;
    let stats = region.change();
    black_box(result);
    println!(
        "question={question} contender={contender} n={n} heap_bytes={} allocations={}",
        stats.bytes_allocated, stats.allocations
    );
    Ok(())
}

/// Runs one call `repeat` times after the set-up; callgrind's totals minus those of the
/// contender "none" are the instructions of the calls alone.
fn instr(question: &str, contender: &str, n: usize, repeat: usize) -> Result<()> {
    let mut input = inputs(question, n);
    let mut sink = 0u64;
    for _ in 0..repeat {
        sink = sink.wrapping_add(run(question, contender, black_box(&mut input))?);
    }
    black_box(sink);
    Ok(())
}
