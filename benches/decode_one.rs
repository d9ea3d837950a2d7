//! `decode_one`: the latency of getting one field (`id`) of one record out of a 32-byte buffer.

mod common;

use std::hint::black_box;

use common::*;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let raw = raw(1);
    let postcard = postcard::to_allocvec(&records_owned(1)[0]).expect("encodes");
    let expected = one_hand(&raw);
    for (name, id) in [
        ("overlay", one_overlay(&raw)),
        ("zerocopy", one_zerocopy(&raw)),
        ("bincode", one_bincode(&raw)),
        ("postcard", one_postcard(&postcard)),
        ("binrw", one_binrw(&raw)),
    ] {
        assert_eq!(
            id, expected,
            "{name} decodes the same id as hand-written code"
        );
    }

    let mut group = c.benchmark_group("decode_one");
    group.throughput(Throughput::Bytes(RECORD_SIZE as u64));
    group.bench_function(BenchmarkId::from_parameter("hand_written"), |b| {
        b.iter(|| one_hand(black_box(&raw)))
    });
    group.bench_function(BenchmarkId::from_parameter("overlay"), |b| {
        b.iter(|| one_overlay(black_box(&raw)))
    });
    group.bench_function(BenchmarkId::from_parameter("zerocopy"), |b| {
        b.iter(|| one_zerocopy(black_box(&raw)))
    });
    // With fixed-width big-endian integers, bincode's encoding of one record is the raw layout.
    group.bench_function(BenchmarkId::from_parameter("bincode"), |b| {
        b.iter(|| one_bincode(black_box(&raw)))
    });
    group.bench_function(BenchmarkId::from_parameter("postcard"), |b| {
        b.iter(|| one_postcard(black_box(&postcard)))
    });
    group.bench_function(BenchmarkId::from_parameter("binrw"), |b| {
        b.iter(|| one_binrw(black_box(&raw)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
