//! Several table loops in one function, as user code has them (issue 13, target 1): in one
//! function, increment a field in place over table A and then scan A; scan table B and then
//! increment it; scan both again (`fold` and `for`); read B at 1,000 random indices. The
//! contenders' functions are in `benches/common/mod.rs` (`loops_*`), where `bench_probe` also
//! runs them under callgrind (`bench_probe instr loops CONTENDER 1000 R`).

mod common;

use std::hint::black_box;

use common::*;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    for n in [1_000usize, 100_000] {
        let mut bytes = raw(n);
        let indices = indices(n / 2, 1_000);
        // Every contender computes the same sums (up to its distinct starting value).
        let check = |f: fn(&mut [u8], &[usize]) -> u64, start: u64| {
            let mut copy = bytes.clone();
            f(&mut copy, &indices).wrapping_sub(start)
        };
        let hand = check(loops_hand, 1);
        assert_eq!(check(loops_overlay, 0), hand);
        assert_eq!(check(loops_zerocopy, 2), hand);

        let mut group = c.benchmark_group(format!("loops_{n}"));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        for (name, f) in [
            ("hand_written", loops_hand as fn(&mut [u8], &[usize]) -> u64),
            ("overlay", loops_overlay),
            ("zerocopy", loops_zerocopy),
        ] {
            group.bench_function(name, |b| {
                b.iter(|| f(black_box(&mut bytes), black_box(&indices)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
