//! Is a generated getter as fast as hand-written `from_be_bytes`?
//!
//! Same data, same run: one field of one record (latency), and one field summed over 1,000
//! records (in cache), for overlay views against `u32::from_be_bytes(buf[o..o + 4].try_into())`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug, PartialEq)]
#[overlay(endian = "big")]
pub struct Record {
    pub magic: u32,
    pub version: u16,
    pub flags: u16,
    pub id: u64,
    pub timestamp: u64,
    pub value: f32,
    pub count: u32,
}

const N: usize = 1_000;

fn data() -> Vec<u8> {
    let mut bytes = vec![0u8; N * Record::SIZE];
    for (i, chunk) in bytes.chunks_exact_mut(Record::SIZE).enumerate() {
        let record = Record {
            magic: 0x4f56_4c59,
            version: 1,
            flags: (i % 7) as u16,
            id: (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15),
            timestamp: 1_700_000_000 + i as u64,
            value: i as f32 * 0.5,
            count: i as u32,
        };
        record.pack_into(chunk, 0).expect("chunk is one record");
    }
    bytes
}

#[inline(never)]
fn count_overlay(record: &[u8; 32]) -> u32 {
    match Record::view(record) {
        Ok(view) => view.count(),
        Err(_) => 0,
    }
}

#[inline(never)]
fn count_hand(record: &[u8; 32]) -> u32 {
    u32::from_be_bytes(record[28..32].try_into().unwrap())
}

#[inline(never)]
fn sum_ids_overlay(bytes: &[u8]) -> u64 {
    match Record::records(bytes) {
        Ok(records) => records.iter().fold(0u64, |sum, r| sum.wrapping_add(r.id())),
        Err(_) => 0,
    }
}

#[inline(never)]
fn sum_ids_hand(bytes: &[u8]) -> u64 {
    bytes.chunks_exact(32).fold(0u64, |sum, r| {
        sum.wrapping_add(u64::from_be_bytes(r[8..16].try_into().unwrap()))
    })
}

#[inline(never)]
fn sum_ids_overlay_for(bytes: &[u8]) -> u64 {
    let mut sum = 0u64;
    if let Ok(records) = Record::records(bytes) {
        for record in records {
            sum = sum.wrapping_add(record.id());
        }
    }
    sum
}

fn bench(c: &mut Criterion) {
    let bytes = data();
    let one: [u8; 32] = bytes[..32].try_into().unwrap();
    assert_eq!(count_overlay(&one), count_hand(&one));
    assert_eq!(sum_ids_overlay(&bytes), sum_ids_hand(&bytes));
    assert_eq!(sum_ids_overlay_for(&bytes), sum_ids_hand(&bytes));

    let mut group = c.benchmark_group("getter");
    group.bench_function("overlay", |b| b.iter(|| count_overlay(black_box(&one))));
    group.bench_function("hand_written", |b| b.iter(|| count_hand(black_box(&one))));
    group.finish();

    let mut group = c.benchmark_group("scan_1000");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("overlay_fold", |b| {
        b.iter(|| sum_ids_overlay(black_box(&bytes)))
    });
    group.bench_function("overlay_for", |b| {
        b.iter(|| sum_ids_overlay_for(black_box(&bytes)))
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| sum_ids_hand(black_box(&bytes)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
