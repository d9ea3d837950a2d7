//! Parallel iteration (feature `rayon`) against the sequential loops, on rayon's global pool
//! (one thread per core). One function and one criterion group per question:
//!
//! - `scan`: the sum of one field (`count`) over a 1 GiB file of 33,554,432 records (the data
//!   set of `common`, `target/bench-data/1gb/raw.bin`, written once), mapped in place and in
//!   the page cache (criterion's warm-up reads it): `iter().map(..).sum()` against
//!   `par_iter().map(..).sum()`, beside the same two loops written by hand over the bytes
//!   (`chunks_exact`, and rayon's `par_chunks_exact`).
//! - `stream`: variable-length records (64 MiB of length-prefixed frames): what the first,
//!   sequential pass of `par_records` costs against a sequential walk, and the whole parallel
//!   walk, with light work per record (its length) and heavy work (a hash of its bytes).
//!
//! - `convert`: 512 MiB of 32-byte big-endian market-data ticks to Arrow record batches
//!   (overlay-arrow), on 1 and 2 threads: all rows as one batch, and batches of the default
//!   65 536 rows as the writers convert them; and a big-endian `u32` column against the loop
//!   written by hand and a plain copy (memory speed). `benches/arrow_numpy.py` converts the
//!   same file with NumPy and pyarrow.
//!
//! `cargo bench -p overlay-bench --bench parallel -- scan` runs one group; each group sets
//! `sample_size(10)`, and `--warm-up-time 1 --measurement-time 5` shortens a run.

mod common;
// The examples' one way of opening a file (a read-only memory map): the benchmark maps its
// data file there rather than holding an `unsafe` block of its own.
#[allow(dead_code)]
#[path = "../examples/input.rs"]
mod input;

use std::hint::black_box;

use common::{raw as raw_records, raw_file, Record, RecordView, RECORD_SIZE};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use overlay::rayon::prelude::*;
use overlay::{Overlay, Records, VarBytes, VarOverlay};

// ---- scan ----

/// 1 GiB of 32-byte records.
const SCAN_RECORDS: usize = 1 << 25;

/// The field summed, widened so that the sum of 33 million of them cannot overflow.
#[inline(always)]
fn count(record: RecordView<'_>) -> u64 {
    u64::from(record.count())
}

#[inline(never)]
fn scan_sequential(records: Records<'_, Record>) -> u64 {
    records.iter().map(count).sum()
}

#[inline(never)]
fn scan_parallel(records: Records<'_, Record>) -> u64 {
    records.par_iter().map(count).sum()
}

/// `count` is bytes 28..32 of a record, big-endian.
#[inline(always)]
fn count_by_hand(record: &[u8]) -> u64 {
    u64::from(u32::from_be_bytes([
        record[28], record[29], record[30], record[31],
    ]))
}

#[inline(never)]
fn scan_hand_sequential(bytes: &[u8]) -> u64 {
    bytes.chunks_exact(RECORD_SIZE).map(count_by_hand).sum()
}

#[inline(never)]
fn scan_hand_parallel(bytes: &[u8]) -> u64 {
    bytes.par_chunks_exact(RECORD_SIZE).map(count_by_hand).sum()
}

fn scan(c: &mut Criterion) {
    let map = input::open(&raw_file("1gb", SCAN_RECORDS)).expect("maps the data file");
    let records = Record::records(&map).expect("a whole number of valid records");
    assert_eq!(records.len(), SCAN_RECORDS);
    let expected = scan_hand_sequential(&map);
    assert_eq!(scan_sequential(records), expected);
    assert_eq!(scan_parallel(records), expected);
    assert_eq!(scan_hand_parallel(&map), expected);
    eprintln!(
        "scan: {} records, {} threads",
        records.len(),
        rayon_threads()
    );

    let mut group = c.benchmark_group("scan");
    group.throughput(Throughput::Bytes(map.len() as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::from_parameter("sequential"), |b| {
        b.iter(|| scan_sequential(black_box(records)))
    });
    group.bench_function(BenchmarkId::from_parameter("parallel"), |b| {
        b.iter(|| scan_parallel(black_box(records)))
    });
    group.bench_function(BenchmarkId::from_parameter("hand_sequential"), |b| {
        b.iter(|| scan_hand_sequential(black_box(&map)))
    });
    group.bench_function(BenchmarkId::from_parameter("hand_parallel"), |b| {
        b.iter(|| scan_hand_parallel(black_box(&map)))
    });
    group.finish();
}

fn rayon_threads() -> usize {
    overlay::rayon::current_num_threads()
}

// ---- stream ----

/// A frame: a big-endian length, a kind, then `len` bytes.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Frame {
    pub len: u16,
    pub kind: u8,
    #[overlay(bytes = "len")]
    pub data: VarBytes,
}

/// 64 MiB of frames of 0 to 199 bytes of data (from the data set's records, so that the hash
/// has something to chew on).
fn frames() -> Vec<u8> {
    let source = raw_records(1 << 16);
    let (mut bytes, mut at, mut i) = (Vec::with_capacity(64 << 20), 0usize, 0usize);
    while bytes.len() < 64 << 20 {
        let len = (i * 7919) % 200;
        bytes.extend_from_slice(&(len as u16).to_be_bytes());
        bytes.push(i as u8);
        let start = at % (source.len() - 200);
        bytes.extend_from_slice(&source[start..start + len]);
        (at, i) = (at + len + 13, i + 1);
    }
    bytes
}

/// Light work: the frame's length.
#[inline(always)]
fn light(frame: FrameView<'_>) -> u64 {
    frame.data().len() as u64
}

/// Heavy work: FNV-1a over the frame's bytes (about 4 cycles a byte).
#[inline(always)]
fn heavy(frame: FrameView<'_>) -> u64 {
    frame
        .data()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |hash, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
}

#[inline(never)]
fn stream_sequential(bytes: &[u8], work: fn(FrameView<'_>) -> u64) -> u64 {
    Frame::stream(bytes)
        .map(|frame| frame.map_or(u64::MAX, work))
        .fold(0, u64::wrapping_add)
}

#[inline(never)]
fn stream_first_pass(bytes: &[u8]) -> usize {
    Frame::stream(bytes).par_records().len()
}

#[inline(never)]
fn stream_parallel(bytes: &[u8], work: fn(FrameView<'_>) -> u64) -> u64 {
    Frame::stream(bytes)
        .par_records()
        .map(|frame| frame.map_or(u64::MAX, work))
        .reduce(|| 0, u64::wrapping_add)
}

fn stream(c: &mut Criterion) {
    let bytes = frames();
    let records = Frame::stream(&bytes).count();
    assert_eq!(stream_first_pass(&bytes), records);
    for work in [light as fn(FrameView<'_>) -> u64, heavy] {
        assert_eq!(
            stream_parallel(&bytes, work),
            stream_sequential(&bytes, work)
        );
    }
    eprintln!(
        "stream: {records} frames in {} bytes, {} threads",
        bytes.len(),
        rayon_threads()
    );

    let mut group = c.benchmark_group("stream");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::from_parameter("first_pass"), |b| {
        b.iter(|| stream_first_pass(black_box(&bytes)))
    });
    for (name, work) in [
        ("light", light as fn(FrameView<'_>) -> u64),
        ("heavy", heavy),
    ] {
        group.bench_function(BenchmarkId::new("sequential", name), |b| {
            b.iter(|| stream_sequential(black_box(&bytes), work))
        });
        group.bench_function(BenchmarkId::new("parallel", name), |b| {
            b.iter(|| stream_parallel(black_box(&bytes), work))
        });
    }
    group.finish();
}

// ---- convert ----

/// Side of a trade.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Side {
    Buy = 1,
    Sell = 2,
}

/// A market-data tick as exchanges send it: 32 bytes, big-endian, with padding. The record
/// benches/arrow_numpy.py converts with NumPy and pyarrow (the same dtype).
#[derive(Overlay)]
#[overlay(endian = "big")]
struct Tick {
    time: u64,
    id: u32,
    price: f64,
    qty: u32,
    side: Side,
    venue: [u8; 4],
    #[overlay(pad)]
    _pad: [u8; 3],
}

/// 512 MiB of ticks, from `$TMPDIR/overlay-ticks-512M.bin`, the file benches/arrow_numpy.py
/// reads (written here first if it is not there: random values, valid sides).
fn ticks() -> Vec<u8> {
    const SIZE: usize = 512 << 20;
    let path = std::env::temp_dir().join("overlay-ticks-512M.bin");
    if let Ok(bytes) = std::fs::read(&path) {
        if bytes.len() == SIZE {
            return bytes;
        }
    }
    let mut bytes = vec![0u8; SIZE];
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for tick in bytes.chunks_exact_mut(32) {
        for word in tick.chunks_exact_mut(8) {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            word.copy_from_slice(&(z ^ (z >> 31)).to_le_bytes());
        }
        tick[24] = 1 + (tick[0] & 1);
        tick[25..29].copy_from_slice(b"XNAS");
        tick[29..].fill(0);
    }
    std::fs::write(&path, &bytes).expect("writes the ticks file");
    bytes
}

/// A rayon pool of `threads` threads.
fn pool(threads: usize) -> overlay::rayon::ThreadPool {
    overlay::rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
}

/// The rows of every batch of `source`, converted.
fn convert_batches<S: overlay_arrow::Source>(
    source: &S,
    options: &overlay_arrow::Options,
) -> usize {
    overlay_arrow::batches(source, options)
        .map(|batch| batch.expect("converts").num_rows())
        .sum()
}

/// `bytes` as big-endian u32s, as one would write it by hand: the loop overlay-arrow's
/// column of `>I` must match.
#[inline(never)]
fn u32_be_by_hand(bytes: &[u8]) -> Vec<u32> {
    let (words, _) = bytes.as_chunks::<4>();
    words.iter().map(|w| u32::from_be_bytes(*w)).collect()
}

fn convert(c: &mut Criterion) {
    let bytes = ticks();
    let table = Tick::records(&bytes).expect("valid ticks");
    let options = overlay_arrow::Options::new();
    let mut group = c.benchmark_group("convert");
    group.sample_size(10);
    group.sampling_mode(criterion::SamplingMode::Flat);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    for threads in [1, 2] {
        let pool = pool(threads);
        // The whole file as one batch: its ~464 MiB of columns are fresh memory, which the
        // kernel faults in page by page.
        group.bench_function(BenchmarkId::new("tick_one_batch", threads), |b| {
            b.iter(|| {
                pool.install(|| overlay_arrow::to_record_batch(&table, &options).expect("converts"))
            })
        });
        // Batches of the default 65 536 rows, as the writers convert: memory the allocator
        // hands back batch after batch.
        group.bench_function(BenchmarkId::new("tick_batches", threads), |b| {
            b.iter(|| pool.install(|| convert_batches(&table, &options)))
        });
    }
    // A big-endian u32 column at memory speed: the ticks' bytes as 134 million `>I` records
    // in batches of 1 Mi rows (4 MiB), against the hand-written loop and a plain copy of the
    // same 4 MiB pieces, on one thread.
    let words = overlay::Struct::new(">I").expect("a format");
    let column =
        overlay_arrow::StructTable::new(&words, &bytes, bytes.len() / 4, 4, None).expect("fits");
    let piece = overlay_arrow::Options::new().batch_rows(1 << 20);
    let one = pool(1);
    group.bench_function("u32_be/overlay", |b| {
        b.iter(|| one.install(|| convert_batches(&column, &piece)))
    });
    group.bench_function("u32_be/hand_written", |b| {
        b.iter(|| {
            bytes
                .chunks(4 << 20)
                .map(|p| u32_be_by_hand(p).len())
                .sum::<usize>()
        })
    });
    group.bench_function("u32_be/memcpy", |b| {
        b.iter(|| {
            bytes
                .chunks(4 << 20)
                .map(|p| black_box(p.to_vec()).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, scan, stream, convert);
criterion_main!(benches);
