//! The conversion in parallel: batches of any size joined are the one batch of all rows;
//! every thread count gives the same batch; the allocations of a batch do not grow with
//! its rows (each column's buffer is allocated once, whatever the rows).

mod support;

use arrow_array::RecordBatch;
use arrow_select::concat::concat_batches;
use overlay::{Overlay, Struct};
use overlay_arrow::{batches, to_record_batch, Options, Source, StructTable};
use rayon::ThreadPoolBuilder;
use support::counting::{assert_counter_works, counted};
use support::rng::Rng;
use support::types::*;

/// A format with every kind of buffer: numbers of each width, half floats, bools,
/// characters, strings and Pascal strings, with native padding.
const EVERY_BUFFER: &str = "@?bhiqefdc3s5p?B";

fn all_batches<S: Source>(source: &S, options: &Options) -> Vec<RecordBatch> {
    batches(source, options)
        .collect::<Result<_, _>>()
        .expect("converts")
}

/// Fails unless the batches of every size join into the one batch of all rows.
fn assert_batches_join<S: Source>(name: &str, source: &S, options: &Options) {
    let whole = to_record_batch(source, options).unwrap();
    for rows in [1, 7, 8, 13, 64, 333, 1000, source.len() + 1] {
        let parts = all_batches(source, &options.clone().batch_rows(rows));
        assert_eq!(parts.len(), source.len().div_ceil(rows), "{name}: {rows}");
        assert!(parts.iter().all(|b| b.num_rows() <= rows));
        let joined = concat_batches(&whole.schema(), &parts).unwrap();
        assert_eq!(joined, whole, "{name}: batches of {rows} rows");
    }
}

#[test]
fn batches_join_into_one_batch() {
    let mut rng = Rng::new(31);
    let options = Options::new().enum_names(true);
    let bytes = shapes(&mut rng, 2001);
    assert_batches_join("shapes", &Shape::records(&bytes).unwrap(), &options);
    let bytes = rng.bytes(1999 * Flags::SIZE);
    assert_batches_join("flags", &Flags::records(&bytes).unwrap(), &options);
    let format = Struct::new(EVERY_BUFFER).unwrap();
    let stride = format.size() + 3;
    let bytes = rng.bytes(2003 * stride);
    let table = StructTable::new(&format, &bytes, 2003, stride, None).unwrap();
    assert_batches_join("format", &table, &options);
}

/// The batch of all rows of `source` on a pool of `threads` threads.
fn on_threads<S: Source>(source: &S, options: &Options, threads: usize) -> RecordBatch {
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| to_record_batch(source, options)).unwrap()
}

#[test]
fn every_thread_count_gives_the_same_batch() {
    let mut rng = Rng::new(32);
    let options = Options::new().enum_names(true);
    // Enough rows for many blocks per task, and a row count that is not a multiple of 8.
    let bytes = shapes(&mut rng, 40_003);
    let table = Shape::records(&bytes).unwrap();
    let format = Struct::new(EVERY_BUFFER).unwrap();
    let format_bytes = rng.bytes(60_001 * format.size());
    let format_table =
        StructTable::new(&format, &format_bytes, 60_001, format.size(), None).unwrap();
    let one = on_threads(&table, &options, 1);
    let format_one = on_threads(&format_table, &options, 1);
    for threads in 2..=4 {
        assert_eq!(
            on_threads(&table, &options, threads),
            one,
            "{threads} threads"
        );
        let batch = on_threads(&format_table, &options, threads);
        assert_eq!(batch, format_one, "{threads} threads");
    }
    support::values::assert_unpacked(&format_one, &format, &format_bytes, format.size(), 0);
}

/// How many allocations converting rows `0..rows` of `source` makes on this thread.
fn allocations<S: Source>(source: &S, rows: usize, options: &Options) -> u64 {
    let (batch, count) = counted(|| source.batch(0..rows, options).unwrap());
    assert_eq!(batch.num_rows(), rows);
    count
}

#[test]
fn allocations_do_not_grow_with_rows() {
    assert_counter_works();
    // The whole conversion on this thread, where the allocations are counted: a pool of one
    // thread, this one.
    let _pool = ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build()
        .unwrap();
    assert_eq!(rayon::current_num_threads(), 1);
    let mut rng = Rng::new(33);
    let options = Options::new().enum_names(true);
    let bytes = shapes(&mut rng, 100_000);
    let table = Shape::records(&bytes).unwrap();
    let format = Struct::new(EVERY_BUFFER).unwrap();
    let format_bytes = rng.bytes(100_000 * format.size());
    let format_table =
        StructTable::new(&format, &format_bytes, 100_000, format.size(), None).unwrap();
    // Tasks are runs of blocks, at most 4 per thread, each with a list of its parts: from
    // enough rows for 4 blocks on, the allocations are the same for any number of rows.
    let few = allocations(&table, 5_000, &options);
    let many = allocations(&table, 100_000, &options);
    assert_eq!(few, many, "derived: 5 000 rows, then 100 000");
    let few = allocations(&format_table, 5_000, &options);
    let many = allocations(&format_table, 100_000, &options);
    assert_eq!(few, many, "format: 5 000 rows, then 100 000");
    // A bound: per leaf column a few buffers, plus the schema and the tasks.
    assert!(many < 600, "{many} allocations for one batch");
}
