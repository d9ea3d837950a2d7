//! Decoding LEB128: 1,000 unsigned values back to back (mostly one and two bytes, some five and
//! ten, as in WebAssembly modules), read through a derived record with a `Uleb128` field,
//! against the hand-written loop with the same checks (a truncated encoding, more than ten
//! bytes and bits past the 64th are errors). The contenders are in `benches/common/mod.rs`
//! (`leb128_*`), where `bench_probe instr leb128 CONTENDER 1000 R` also runs them under
//! callgrind.

mod common;

use std::hint::black_box;

use common::*;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const N: usize = 1_000;

fn bench(c: &mut Criterion) {
    let bytes = leb128_encoded(N);
    let expected = leb128_hand(&bytes);
    assert_ne!(expected, u64::MAX, "every value is well formed");
    assert_eq!(leb128_overlay(&bytes), expected);

    let mut group = c.benchmark_group("leb128_1000");
    group.throughput(Throughput::Elements(N as u64));
    for (name, f) in [
        ("hand_written", leb128_hand as fn(&[u8]) -> u64),
        ("overlay", leb128_overlay),
    ] {
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| f(black_box(&bytes)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
