//! `Struct::fields` (a Python format parsed at run time) against the derived view of the same
//! layout, over a 1,000,000-record file mapped in place: every field of every record is read
//! and folded into one checksum. Also checks that a full pass of `fields` allocates nothing.

mod common;

use std::alloc::System;
use std::fs::File;
use std::hint::black_box;
use std::io::Write;

use common::{raw, Record, RECORD_SIZE};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use overlay::{Overlay, Struct, Value};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const N: usize = 1_000_000;

fn mix(hash: u64, word: u64) -> u64 {
    (hash ^ word).wrapping_mul(0x0100_0000_01b3)
}

#[inline(never)]
fn checksum_view(bytes: &[u8]) -> u64 {
    let Ok(records) = Record::records(bytes) else {
        return 0;
    };
    records.iter().fold(0u64, |h, r| {
        let h = mix(h, u64::from(r.magic()));
        let h = mix(h, u64::from(r.version()));
        let h = mix(h, u64::from(r.flags()));
        let h = mix(h, r.id());
        let h = mix(h, r.timestamp());
        let h = mix(h, f64::from(r.value()).to_bits());
        mix(h, u64::from(r.count()))
    })
}

#[inline(never)]
fn checksum_fields(format: &Struct, bytes: &[u8]) -> u64 {
    bytes.chunks_exact(format.size()).fold(0u64, |h, record| {
        let Ok(fields) = format.fields(record) else {
            return h;
        };
        fields.fold(h, |h, value| {
            mix(
                h,
                match value {
                    Value::Int(v) => v as u64,
                    Value::UInt(v) => v,
                    Value::Float(v) => v.to_bits(),
                    Value::Bool(v) => u64::from(v),
                    Value::Bytes(v) => v.len() as u64,
                },
            )
        })
    })
}

fn mapped_file() -> memmap2::Mmap {
    let path =
        std::env::temp_dir().join(format!("overlay-struct-fields-{}.bin", std::process::id()));
    File::create(&path)
        .and_then(|mut f| f.write_all(&raw(N)))
        .expect("writes the data file");
    let file = File::open(&path).expect("opens the data file");
    // SAFETY: the file was written above by this process and nothing else writes it; it is
    // mapped read-only, and removed (unlinked, so the mapping stays valid) right after.
    let map = unsafe { memmap2::Mmap::map(&file) }.expect("maps the data file");
    let _ = std::fs::remove_file(&path);
    map
}

fn bench(c: &mut Criterion) {
    let map = mapped_file();
    let format = Struct::new(">IHHQQfI").expect("valid format");
    assert_eq!(format.size(), RECORD_SIZE);
    assert_eq!(Record::FORMAT, Some(">IHHQQfI"));
    assert_eq!(checksum_fields(&format, &map), checksum_view(&map));

    let region = Region::new(GLOBAL);
    black_box(checksum_fields(&format, black_box(&map)));
    let allocated = region.change();
    assert_eq!(
        (allocated.allocations, allocated.bytes_allocated),
        (0, 0),
        "a pass of Struct::fields over {N} records must not allocate"
    );
    println!("struct_fields: one pass over {N} records allocated 0 bytes");

    let mut group = c.benchmark_group("struct_fields_1000000");
    group.throughput(Throughput::Bytes(map.len() as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::from_parameter("derived_view"), |b| {
        b.iter(|| checksum_view(black_box(&map)))
    });
    group.bench_function(BenchmarkId::from_parameter("struct_fields"), |b| {
        b.iter(|| checksum_fields(&format, black_box(&map)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
