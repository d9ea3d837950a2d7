//! `random_access`: read `id` of 1,000 records at pseudo-random indices. In-place contenders
//! index the table directly; serde formats and binrw must decode everything first.

mod common;

use std::hint::black_box;

use common::*;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const LOOKUPS: usize = 1_000;

fn bench(c: &mut Criterion) {
    for n in [1_000usize, 1_000_000] {
        let raw = raw(n);
        let indices = indices(n, LOOKUPS);
        let bincode = bincode_encoded(n);
        let postcard = postcard_encoded(n);
        let expected = random_hand(&raw, &indices);
        for (name, sum) in [
            ("overlay", random_overlay(&raw, &indices)),
            ("zerocopy", random_zerocopy(&raw, &indices)),
            ("bincode", random_bincode(&bincode, &indices)),
            ("postcard", random_postcard(&postcard, &indices)),
            ("binrw", random_binrw(&raw, &indices)),
        ] {
            assert_eq!(
                sum, expected,
                "{name} reads the same ids as hand-written code"
            );
        }

        let mut group = c.benchmark_group(format!("random_access_{n}"));
        group.throughput(Throughput::Bytes((LOOKUPS * RECORD_SIZE) as u64));
        if n > 1_000 {
            group.sample_size(20);
        }
        group.bench_function(BenchmarkId::from_parameter("hand_written"), |b| {
            b.iter(|| random_hand(black_box(&raw), black_box(&indices)))
        });
        group.bench_function(BenchmarkId::from_parameter("overlay"), |b| {
            b.iter(|| random_overlay(black_box(&raw), black_box(&indices)))
        });
        group.bench_function(BenchmarkId::from_parameter("zerocopy"), |b| {
            b.iter(|| random_zerocopy(black_box(&raw), black_box(&indices)))
        });
        group.bench_function(BenchmarkId::from_parameter("bincode"), |b| {
            b.iter(|| random_bincode(black_box(&bincode), black_box(&indices)))
        });
        group.bench_function(BenchmarkId::from_parameter("postcard"), |b| {
            b.iter(|| random_postcard(black_box(&postcard), black_box(&indices)))
        });
        group.bench_function(BenchmarkId::from_parameter("binrw"), |b| {
            b.iter(|| random_binrw(black_box(&raw), black_box(&indices)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
