//! Dispatch on a tag: 1,000 Ethernet frames of mixed kinds (IPv4/TCP, IPv4/UDP, IPv4/ICMP, ARP
//! and an unknown EtherType, in a seeded random order), each viewed and matched on its tagged
//! payloads (`EtherPayload`, then `IpPayload`), against a hand-written `match` on the
//! EtherType and protocol bytes with the same length checks. Both sum one field per kind.
//! The contenders are in `benches/common/mod.rs` (`dispatch_*`), where
//! `bench_probe instr dispatch CONTENDER 1000 R` also runs them under callgrind.

mod common;

use std::hint::black_box;

use common::*;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const N: usize = 1_000;

fn bench(c: &mut Criterion) {
    let (bytes, ends) = mixed_frames(N);
    let frames = split_frames(&bytes, &ends);
    let expected = dispatch_hand(&frames);
    assert_ne!(expected, u64::MAX, "every frame is well formed");
    assert_eq!(dispatch_overlay(&frames), expected);

    let mut group = c.benchmark_group("dispatch_1000");
    group.throughput(Throughput::Elements(N as u64));
    for (name, f) in [
        ("hand_written", dispatch_hand as fn(&[&[u8]]) -> u64),
        ("overlay", dispatch_overlay),
    ] {
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| f(black_box(&frames)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
