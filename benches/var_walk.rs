//! Walking a stream of variable-length messages with `VarOverlay::view_prefix`, against a
//! hand-written walker that reads the same lengths and slices the same bytes: 1,000 messages
//! in cache, summing a field of every record in every message.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use overlay::{Overlay, VarBytes, VarOverlay, VarRecords};

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "little")]
pub struct Sample {
    pub value: i16,
    pub channel: u8,
}

/// `n_samples` 3-byte samples, then a note of `note_len` bytes.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct Frame {
    pub n_samples: u16,
    pub note_len: u8,
    #[overlay(count = "n_samples")]
    pub samples: VarRecords<Sample>,
    #[overlay(bytes = "note_len")]
    pub note: VarBytes,
}

const MESSAGES: usize = 1_000;

fn stream() -> Vec<u8> {
    let mut bytes = Vec::new();
    for i in 0..MESSAGES {
        let n = (i * 7 % 13) as u16;
        let note = (i % 5) as u8;
        bytes.extend_from_slice(&n.to_le_bytes());
        bytes.push(note);
        for s in 0..n {
            bytes.extend_from_slice(&((i as i16).wrapping_mul(31) ^ s as i16).to_le_bytes());
            bytes.push(s as u8);
        }
        bytes.extend(std::iter::repeat_n(b'n', usize::from(note)));
    }
    bytes
}

#[inline(never)]
fn walk_overlay(mut bytes: &[u8]) -> i64 {
    let mut sum = 0i64;
    while !bytes.is_empty() {
        let Ok((frame, rest)) = Frame::view_prefix(bytes) else {
            return -1;
        };
        for sample in frame.samples() {
            sum += i64::from(sample.value());
        }
        sum += frame.note().len() as i64;
        bytes = rest;
    }
    sum
}

#[inline(never)]
fn walk_hand(mut bytes: &[u8]) -> i64 {
    let mut sum = 0i64;
    while !bytes.is_empty() {
        if bytes.len() < 3 {
            return -2;
        }
        let n = usize::from(u16::from_le_bytes([bytes[0], bytes[1]]));
        let note_len = usize::from(bytes[2]);
        let samples_end = 3 + n * 3;
        let end = samples_end + note_len;
        if bytes.len() < end {
            return -2;
        }
        for sample in bytes[3..samples_end].chunks_exact(3) {
            sum += i64::from(i16::from_le_bytes([sample[0], sample[1]]));
        }
        sum += (end - samples_end) as i64;
        bytes = &bytes[end..];
    }
    sum
}

fn bench(c: &mut Criterion) {
    let bytes = stream();
    assert_eq!(walk_overlay(&bytes), walk_hand(&bytes));
    let mut group = c.benchmark_group("var_walk_1000");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(BenchmarkId::from_parameter("hand_written"), |b| {
        b.iter(|| walk_hand(black_box(&bytes)))
    });
    group.bench_function(BenchmarkId::from_parameter("overlay"), |b| {
        b.iter(|| walk_overlay(black_box(&bytes)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
