//! `write_in_place`: increment `count` in every record. In-place contenders change the buffer;
//! serde formats and binrw cannot, so they decode all, change, and encode all.

mod common;

use std::hint::black_box;

use common::*;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    for n in [1_000usize, 1_000_000] {
        let raw = raw(n);
        let bincode = bincode_encoded(n);
        let postcard = postcard_encoded(n);
        let mut expected = raw.clone();
        write_hand(&mut expected);
        for (name, write) in [
            ("overlay", write_overlay as fn(&mut [u8])),
            ("zerocopy", write_zerocopy),
        ] {
            let mut bytes = raw.clone();
            write(&mut bytes);
            assert_eq!(
                bytes, expected,
                "{name} writes the same bytes as hand-written code"
            );
        }
        assert_eq!(write_binrw(&raw), expected, "binrw writes the same bytes");
        assert_eq!(
            &write_bincode(&bincode)[8..],
            &expected[..],
            "bincode: same records"
        );
        assert_eq!(
            write_postcard(&postcard).len(),
            postcard.len() + count_growth(n)
        );

        let mut group = c.benchmark_group(format!("write_in_place_{n}"));
        group.throughput(Throughput::Bytes(raw.len() as u64));
        if n > 1_000 {
            group.sample_size(20);
        }
        let mut bytes = raw.clone();
        group.bench_function(BenchmarkId::from_parameter("hand_written"), |b| {
            b.iter(|| write_hand(black_box(&mut bytes)))
        });
        group.bench_function(BenchmarkId::from_parameter("overlay"), |b| {
            b.iter(|| write_overlay(black_box(&mut bytes)))
        });
        group.bench_function(BenchmarkId::from_parameter("zerocopy"), |b| {
            b.iter(|| write_zerocopy(black_box(&mut bytes)))
        });
        group.bench_function(BenchmarkId::from_parameter("bincode"), |b| {
            b.iter(|| write_bincode(black_box(&bincode)))
        });
        group.bench_function(BenchmarkId::from_parameter("postcard"), |b| {
            b.iter(|| write_postcard(black_box(&postcard)))
        });
        group.bench_function(BenchmarkId::from_parameter("binrw"), |b| {
            b.iter(|| write_binrw(black_box(&raw)))
        });
        group.finish();
    }
}

/// How many bytes postcard's varint encoding grows when every `count` goes up by one: a count
/// of 127 (or 16,383) needs one more byte as 128 (or 16,384).
fn count_growth(n: usize) -> usize {
    (0..n as u64)
        .map(|i| record(i).count)
        .filter(|&c| c == 127 || c == 16_383)
        .count()
}

criterion_group!(benches, bench);
criterion_main!(benches);
