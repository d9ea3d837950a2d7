//! `VarStream::par_records` yields exactly what the sequential stream yields, on any bytes:
//! the same records (each the same size, its variable fields at the same places), in the same
//! order, and the same error (kind, field, offset) as the last item when a record is
//! malformed; collected whole, backwards, cut into pieces of 1 to 4 records, from a stream
//! already partly read, and with the record starts kept sparsely (every 2nd, 4th, ... record)
//! or all of them. Never panics.
//!
//! Input: as `var_stream`'s (its corpus seeds this one): byte 0 picks the record type (low
//! bits modulo 5) and the byte order of the run-time one (high bit); the low bits divided by
//! 5 pick how the parallel iterator is cut. The rest is the stream.
#![no_main]

use std::fmt::Debug;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use overlay::rayon::prelude::*;
use overlay::rayon::{ThreadPool, ThreadPoolBuilder};
use overlay::{Endian, Error, VarOverlay, VarStream};
use overlay_fuzz::place;
use overlay_fuzz::streams::{Bulk, Chunk, Msg, Ratio, Rt};

/// Three threads, so that pieces run on other threads than the caller's.
fn pool() -> &'static ThreadPool {
    static POOL: OnceLock<ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .expect("builds a pool")
    })
}

/// Checks the parallel records of the stream `make` gives against its sequential ones;
/// `key` says what is compared of a view.
fn run<'a, T, K>(
    make: impl Fn() -> VarStream<'a, T> + Sync,
    key: impl Fn(&T::View<'a>) -> K + Sync + Send,
    cut: usize,
) where
    T: VarOverlay,
    T::View<'a>: Send,
    K: PartialEq + Debug + Clone + Send,
{
    let keyed = |item: Result<T::View<'a>, Error>| item.map(|view| key(&view));
    let expected: Vec<Result<K, Error>> = make().map(keyed).collect();
    let errors = expected.iter().filter(|item| item.is_err()).count();
    assert!(errors <= 1, "a stream ends at its first error");
    if errors == 1 {
        assert!(
            expected.last().is_some_and(|item| item.is_err()),
            "the error is last"
        );
    }
    let max_len = 1 + cut % 4;
    let pool = pool();
    for most in [1, 2, 3, 8, usize::MAX] {
        let records = || make().__par_records_keeping(most);
        assert_eq!(records().len(), expected.len());
        let whole: Vec<_> = pool.install(|| records().map(keyed).collect());
        assert_eq!(whole, expected, "keeping {most} starts");
        let pieces: Vec<_> = pool.install(|| records().with_max_len(max_len).map(keyed).collect());
        assert_eq!(
            pieces, expected,
            "keeping {most} starts, pieces of {max_len}"
        );
        let backwards: Vec<_> =
            pool.install(|| records().rev().with_max_len(max_len).map(keyed).collect());
        assert!(
            backwards.iter().rev().eq(expected.iter()),
            "keeping {most} starts, backwards"
        );
    }
    // From the middle of a stream: the records the stream has left.
    let skip = cut % 3 + 1;
    let mut rest = make();
    rest.by_ref().take(skip).for_each(drop);
    let left: Vec<_> = pool.install(|| rest.par_records().map(keyed).collect());
    assert_eq!(
        left,
        expected.get(skip..).unwrap_or(&[]),
        "after {skip} records"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let endian = if pick & 0x80 != 0 {
        Endian::Big
    } else {
        Endian::Little
    };
    let (kind, cut) = (usize::from(pick & 0x7f) % 5, usize::from(pick & 0x7f) / 5);
    match kind {
        0 => run(
            || Chunk::stream(bytes),
            |v| (v.size(), place(bytes, v.data())),
            cut,
        ),
        1 => run(
            || Msg::stream(bytes),
            |v| {
                let items = v.items();
                (
                    v.size(),
                    items.len(),
                    place(bytes, items.as_bytes()),
                    place(bytes, v.body()),
                )
            },
            cut,
        ),
        2 => run(
            || Rt::stream_with(bytes, endian),
            |v| {
                let pairs = v.pairs();
                (
                    v.size(),
                    pairs.len(),
                    place(bytes, pairs.as_bytes()),
                    place(bytes, v.extra()),
                )
            },
            cut,
        ),
        3 => run(
            || Ratio::stream(bytes),
            |v| {
                let pairs = v.pairs();
                (
                    v.size(),
                    place(bytes, v.quotient()),
                    pairs.len(),
                    place(bytes, pairs.as_bytes()),
                )
            },
            cut,
        ),
        _ => run(
            || Bulk::stream(bytes),
            |v| {
                (
                    v.size(),
                    v.marks().len(),
                    place(bytes, v.words().as_bytes()),
                )
            },
            cut,
        ),
    }
});
