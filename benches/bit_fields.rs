//! A bit-field getter against hand-written shift-and-mask, over 1,000 IPv4 headers in cache:
//! the sum of `ihl` (low nibble of byte 0) and of `fragment_offset` (13 bits of bytes 6-7).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use overlay::Overlay;

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Ipv4Header {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub tos: u8,
    pub total_length: u16,
    pub identification: u16,
    #[overlay(bits = 3)]
    pub flags: u8,
    #[overlay(bits = 13)]
    pub fragment_offset: u16,
    pub ttl: u8,
    pub protocol: u8,
    pub checksum: u16,
    pub source: [u8; 4],
    pub destination: [u8; 4],
}

const N: usize = 1_000;

fn headers() -> Vec<u8> {
    let mut bytes = Vec::with_capacity(N * 20);
    for i in 0..N {
        let ihl = 5 + (i % 11) as u8;
        let fragment = (i * 37 % 8192) as u16;
        bytes.extend_from_slice(&[0x40 | ihl, 0, 0, 60, 0, i as u8]);
        bytes.extend_from_slice(&((0b010 << 13) | fragment).to_be_bytes());
        bytes.extend_from_slice(&[64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
    }
    bytes
}

#[inline(never)]
fn ihl_overlay(bytes: &[u8]) -> u32 {
    match Ipv4Header::records(bytes) {
        Ok(headers) => headers.iter().map(|h| u32::from(h.ihl())).sum(),
        Err(_) => 0,
    }
}

#[inline(never)]
fn ihl_overlay_views(bytes: &[u8]) -> u32 {
    bytes
        .chunks_exact(20)
        .map(|h| Ipv4Header::view(h).map_or(0, |h| u32::from(h.ihl())))
        .sum()
}

#[inline(never)]
fn ihl_hand(bytes: &[u8]) -> u32 {
    bytes.chunks_exact(20).map(|h| u32::from(h[0] & 0x0f)).sum()
}

#[inline(never)]
fn fragment_overlay(bytes: &[u8]) -> u32 {
    match Ipv4Header::records(bytes) {
        Ok(headers) => headers.iter().map(|h| u32::from(h.fragment_offset())).sum(),
        Err(_) => 1,
    }
}

#[inline(never)]
fn fragment_hand(bytes: &[u8]) -> u32 {
    bytes
        .chunks_exact(20)
        .map(|h| u32::from(u16::from_be_bytes([h[6], h[7]]) & 0x1fff))
        .sum()
}

fn bench(c: &mut Criterion) {
    let bytes = headers();
    assert_eq!(ihl_overlay(&bytes), ihl_hand(&bytes));
    assert_eq!(fragment_overlay(&bytes), fragment_hand(&bytes));
    let mut group = c.benchmark_group("bit_field_1000");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(BenchmarkId::new("ihl", "hand_written"), |b| {
        b.iter(|| ihl_hand(black_box(&bytes)))
    });
    group.bench_function(BenchmarkId::new("ihl", "overlay"), |b| {
        b.iter(|| ihl_overlay(black_box(&bytes)))
    });
    group.bench_function(BenchmarkId::new("ihl", "overlay_views"), |b| {
        b.iter(|| ihl_overlay_views(black_box(&bytes)))
    });
    group.bench_function(BenchmarkId::new("fragment_offset", "hand_written"), |b| {
        b.iter(|| fragment_hand(black_box(&bytes)))
    });
    group.bench_function(BenchmarkId::new("fragment_offset", "overlay"), |b| {
        b.iter(|| fragment_overlay(black_box(&bytes)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
