//! `scan`: sum one field (`id`) over all N records, for every contender, beside the
//! read-bandwidth ceilings (memcpy of the buffer, a plain sum of its u64 words).
//!
//! N = 1,000 (in cache: judges code generation) and N = 1,000,000 (32 MB: memory-bound).

mod common;

use std::hint::black_box;

use common::*;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    for n in [1_000usize, 1_000_000] {
        let raw = raw(n);
        let bincode = bincode_encoded(n);
        let postcard = postcard_encoded(n);
        let expected = scan_hand(&raw);
        for (name, sum) in [
            ("overlay", scan_overlay(&raw)),
            ("overlay_unpack", scan_overlay_unpack(&raw)),
            ("zerocopy", scan_zerocopy(&raw)),
            ("bincode", scan_bincode(&bincode)),
            ("postcard", scan_postcard(&postcard)),
            ("binrw", scan_binrw(&raw)),
        ] {
            assert_eq!(
                sum, expected,
                "{name} sums the same ids as hand-written code"
            );
        }

        let mut group = c.benchmark_group(format!("scan_{n}"));
        group.throughput(Throughput::Bytes(raw.len() as u64));
        if n > 1_000 {
            group.sample_size(20);
        }
        group.bench_function(BenchmarkId::from_parameter("hand_written"), |b| {
            b.iter(|| scan_hand(black_box(&raw)))
        });
        group.bench_function(BenchmarkId::from_parameter("overlay"), |b| {
            b.iter(|| scan_overlay(black_box(&raw)))
        });
        group.bench_function(BenchmarkId::from_parameter("overlay_unpack"), |b| {
            b.iter(|| scan_overlay_unpack(black_box(&raw)))
        });
        group.bench_function(BenchmarkId::from_parameter("zerocopy"), |b| {
            b.iter(|| scan_zerocopy(black_box(&raw)))
        });
        group.bench_function(BenchmarkId::from_parameter("bincode"), |b| {
            b.iter(|| scan_bincode(black_box(&bincode)))
        });
        group.bench_function(BenchmarkId::from_parameter("postcard"), |b| {
            b.iter(|| scan_postcard(black_box(&postcard)))
        });
        group.bench_function(BenchmarkId::from_parameter("binrw"), |b| {
            b.iter(|| scan_binrw(black_box(&raw)))
        });
        group.bench_function(BenchmarkId::from_parameter("ceiling_sum_u64"), |b| {
            b.iter(|| sum_words(black_box(&raw)))
        });
        let mut out = vec![0u8; raw.len()];
        group.bench_function(BenchmarkId::from_parameter("ceiling_memcpy"), |b| {
            b.iter(|| memcpy(black_box(&raw), black_box(&mut out)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
