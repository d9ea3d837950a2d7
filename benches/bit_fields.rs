//! Bit-field getters against hand-written shift-and-mask and the bit-field crates, over 1,000
//! IPv4 headers in cache: the sum of `ihl` (low nibble of byte 0) and of `fragment_offset`
//! (13 bits of bytes 6-7, big-endian). The contenders are in `benches/common/mod.rs`
//! (`bits_*`), where `bench_probe instr bits CONTENDER 1000 R` also runs them under callgrind.

mod common;

use std::hint::black_box;

use common::*;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use overlay::Overlay;

const N: usize = 1_000;

/// `ihl` alone through a view of each header, as the view entry point is used on its own.
#[inline(never)]
fn ihl_overlay_views(bytes: &[u8]) -> u32 {
    bytes
        .chunks_exact(IPV4_SIZE)
        .map(|h| Ipv4Header::view(h).map_or(0, |h| u32::from(h.ihl())))
        .sum()
}

fn bench(c: &mut Criterion) {
    let bytes = ipv4_headers(N);
    let expected = bits_hand(&bytes).wrapping_sub(1);
    assert_eq!(bits_overlay(&bytes), expected);
    assert_eq!(bits_bitfield_struct(&bytes).wrapping_sub(2), expected);
    assert_eq!(bits_modular_bitfield(&bytes).wrapping_sub(3), expected);
    assert!(ihl_overlay_views(&bytes) > 0);

    let mut group = c.benchmark_group("bit_field_1000");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    for (name, f) in [
        ("hand_written", bits_hand as fn(&[u8]) -> u32),
        ("overlay", bits_overlay),
        ("bitfield_struct", bits_bitfield_struct),
        ("modular_bitfield", bits_modular_bitfield),
    ] {
        group.bench_function(BenchmarkId::new("ihl_and_fragment", name), |b| {
            b.iter(|| f(black_box(&bytes)))
        });
    }
    group.bench_function(BenchmarkId::new("ihl", "overlay_views"), |b| {
        b.iter(|| ihl_overlay_views(black_box(&bytes)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
