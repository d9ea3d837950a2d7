//! Parallel iteration (feature `rayon`): every parallel iterator yields exactly what its
//! sequential counterpart yields, in the same order, on pools of 1 to 4 threads.
//!
//! - Tables (`par_iter`, `par_chunks`) of 0 to 2,000 records with gaps between them, sliced,
//!   stepped and reversed, collected whole, backwards, split into pieces of 1 record
//!   (`with_max_len(1)`) or left whole (`with_min_len`), zipped and enumerated.
//! - Writable tables (`par_iter_mut`, `par_chunks_mut`) and grids (`par_rows_mut`): a write
//!   per record that depends on its position, done in parallel, leaves the same bytes as the
//!   same writes done sequentially on a copy (gaps included).
//! - Grids (`par_rows`) of random shape and strides, sliced, stepped, flipped, transposed.
//! - Variable-length streams (`par_records`): valid streams, streams with a corrupted record
//!   (a bad enum, a bad bool, a length past the end) at a random place, streams already
//!   partly read, and record starts kept sparsely (K > 1): the same views, the same error at
//!   the same position, with the same offset.
//! - `zero_alloc`: the allocations of a parallel call, counted on every thread of its pool, do
//!   not grow with the number of records.

#[allow(dead_code)]
#[path = "../../support/counting.rs"]
mod counting;
#[path = "../../support/rng.rs"]
mod rng;

use std::fmt::Debug;
use std::sync::{Mutex, OnceLock};

use overlay::rayon::prelude::*;
use overlay::rayon::{ThreadPool, ThreadPoolBuilder};
use overlay::{Error, ErrorKind, Grid, GridMut, Overlay, Records, RecordsMut, VarBytes};
use overlay::{VarOverlay, VarRecords};
use proptest::prelude::*;
use rng::Rng;

// ---- Types ----

/// 7 bytes, any bytes valid: tables of it are made from random bytes.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Sample {
    pub id: u32,
    pub value: i16,
    pub tag: u8,
}

/// What a test compares of a sample's view.
fn key(view: SampleView<'_>) -> (u32, i16, u8) {
    (view.id(), view.value(), view.tag())
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Data = 1,
    Ack = 2,
    Close = 7,
}

/// 2 bytes: `on` must be 0 or 1.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Flag {
    pub on: bool,
    pub level: u8,
}

/// A length byte, then that many bytes: the only way to be malformed is to run past the end.
#[derive(Overlay)]
pub struct Chunk {
    pub len: u8,
    #[overlay(bytes = "len")]
    pub data: VarBytes,
}

/// A validated enum, then a count of records with a validated bool.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Msg {
    pub kind: Kind,
    pub n: u8,
    #[overlay(count = "n")]
    pub items: VarRecords<Flag>,
}

/// No bytes at all: a stream of them is one record, after which the stream stops.
#[derive(Overlay)]
pub struct Nil {
    #[overlay(bytes = "0")]
    pub data: VarBytes,
}

// ---- Thread pools ----

/// A pool of `threads` threads (1 to 4), built once.
fn pool(threads: usize) -> &'static ThreadPool {
    static POOLS: OnceLock<Vec<ThreadPool>> = OnceLock::new();
    let pools = POOLS.get_or_init(|| {
        (1..=4)
            .map(|n| ThreadPoolBuilder::new().num_threads(n).build().unwrap())
            .collect()
    });
    &pools[threads - 1]
}

/// How a parallel iterator is cut: rayon's own splits, pieces of one item, or few pieces.
#[derive(Debug, Clone, Copy)]
enum Cut {
    Adaptive,
    MaxLen(usize),
    MinLen(usize),
}

fn cut() -> impl Strategy<Value = Cut> {
    prop_oneof![
        Just(Cut::Adaptive),
        (1usize..8).prop_map(Cut::MaxLen),
        (1usize..600).prop_map(Cut::MinLen),
    ]
}

/// Collects `iter` cut as `cut` says.
fn collect_cut<I>(iter: I, cut: Cut) -> Vec<I::Item>
where
    I: IndexedParallelIterator,
{
    match cut {
        Cut::Adaptive => iter.collect(),
        Cut::MaxLen(n) => iter.with_max_len(n).collect(),
        Cut::MinLen(n) => iter.with_min_len(n).collect(),
    }
}

// ---- Tables ----

/// A table of samples: `len` records `SIZE + pad` bytes apart over random bytes, then the
/// records `start..`, every `step`th, maybe reversed.
#[derive(Debug, Clone)]
struct TableCase {
    len: usize,
    pad: usize,
    start: usize,
    step: usize,
    reversed: bool,
    seed: u64,
    threads: usize,
    cut: Cut,
    chunk: usize,
}

fn table_case() -> impl Strategy<Value = TableCase> {
    (
        prop_oneof![0usize..20, 0usize..2000],
        0usize..4,
        any::<usize>(),
        prop_oneof![Just(1usize), 1usize..6],
        any::<bool>(),
        any::<u64>(),
        1usize..=4,
        cut(),
        prop_oneof![1usize..5, 1usize..100, 1usize..3000],
    )
        .prop_map(
            |(len, pad, start, step, reversed, seed, threads, cut, chunk)| TableCase {
                len,
                pad,
                start: start % (len + 1),
                step,
                reversed,
                seed,
                threads,
                cut,
                chunk,
            },
        )
}

impl TableCase {
    fn stride(&self) -> usize {
        Sample::SIZE + self.pad
    }

    fn bytes(&self) -> Vec<u8> {
        Rng::new(self.seed).bytes(self.len * self.stride())
    }

    fn table<'a>(&self, bytes: &'a [u8]) -> Records<'a, Sample> {
        let table = Records::<Sample>::with_stride(bytes, self.len, self.stride()).unwrap();
        let table = table
            .slice(self.start..)
            .unwrap()
            .step_by(self.step)
            .unwrap();
        if self.reversed {
            table.rev()
        } else {
            table
        }
    }

    /// Calls `f` with the writable table over `bytes` that `table` gives over them.
    fn with_table_mut<R>(
        &self,
        bytes: &mut [u8],
        f: impl FnOnce(RecordsMut<'_, Sample>) -> R,
    ) -> R {
        let mut table = RecordsMut::<Sample>::with_stride(bytes, self.len, self.stride()).unwrap();
        let table = table.slice_mut(self.start..).unwrap();
        let table = table.step_by(self.step).unwrap();
        f(if self.reversed { table.rev() } else { table })
    }
}

/// The write a test makes to the record at `index` of a table: depends on the index and on
/// what the record held, so a write to the wrong record, a missed one or one made twice shows.
fn write(index: usize, mut view: SampleViewMut<'_>) {
    view.set_id(view.id() ^ (index as u32).wrapping_mul(0x9e37_79b9));
    view.set_value(view.value().wrapping_add(index as i16));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// `par_iter` and `into_par_iter` yield the sequential iterator's records in its order,
    /// however rayon cuts the table; backwards too, and zipped or enumerated with it.
    #[test]
    fn par_iter_yields_the_records_of_iter(case in table_case()) {
        let bytes = case.bytes();
        let table = case.table(&bytes);
        let expected: Vec<_> = table.iter().map(key).collect();
        let pool = pool(case.threads);
        let got = pool.install(|| collect_cut(table.par_iter().map(key), case.cut));
        prop_assert_eq!(&got, &expected);
        let backwards = pool.install(|| collect_cut(table.par_iter().rev().map(key), case.cut));
        prop_assert_eq!(backwards, expected.iter().rev().copied().collect::<Vec<_>>());
        prop_assert!(pool.install(|| table
            .par_iter()
            .zip(expected.par_iter())
            .enumerate()
            .all(|(i, (view, want))| key(view) == *want && table.get(i).map(key) == Some(*want))));
        prop_assert_eq!(pool.install(|| (&table).into_par_iter().count()), table.len());
        prop_assert_eq!(pool.install(|| table.into_par_iter().len()), table.len());
    }

    /// `par_chunks` yields the tables `chunks` yields, in order; a size of 0 is the same error.
    #[test]
    fn par_chunks_yields_the_tables_of_chunks(case in table_case()) {
        let bytes = case.bytes();
        let table = case.table(&bytes);
        let contents = |chunk: Records<'_, Sample>| chunk.iter().map(key).collect::<Vec<_>>();
        let expected: Vec<_> = table.chunks(case.chunk).unwrap().map(contents).collect();
        let got = pool(case.threads)
            .install(|| collect_cut(table.par_chunks(case.chunk).unwrap().map(contents), case.cut));
        prop_assert_eq!(got, expected);
        prop_assert_eq!(table.par_chunks(0).err(), table.chunks(0).err());
    }

    /// `par_iter_mut` writes land in the records the sequential writes reach, and nowhere
    /// else: the same writes made with `iter_mut` on a copy leave the same bytes.
    #[test]
    fn par_iter_mut_writes_the_records_of_iter_mut(case in table_case(), backwards in any::<bool>()) {
        let mut sequential = case.bytes();
        let mut parallel = sequential.clone();
        case.with_table_mut(&mut sequential, |mut table| {
            if backwards {
                table.iter_mut().rev().enumerate().for_each(|(i, view)| write(i, view));
            } else {
                table.iter_mut().enumerate().for_each(|(i, view)| write(i, view));
            }
        });
        let pool = pool(case.threads);
        case.with_table_mut(&mut parallel, |mut table| pool.install(|| {
            match (backwards, case.cut) {
                (true, _) => table.par_iter_mut().rev().enumerate().for_each(|(i, v)| write(i, v)),
                (false, Cut::MaxLen(n)) => table
                    .par_iter_mut()
                    .with_max_len(n)
                    .enumerate()
                    .for_each(|(i, v)| write(i, v)),
                // Consuming the table: `IntoParallelIterator for RecordsMut`.
                (false, _) => table.into_par_iter().enumerate().for_each(|(i, v)| write(i, v)),
            }
        }));
        prop_assert!(parallel == sequential, "parallel writes differ from sequential ones");
    }

    /// `par_chunks_mut` hands out the tables `chunks_mut` gives: writes that depend on the
    /// chunk's number and the record's place in it land where the sequential ones do.
    #[test]
    fn par_chunks_mut_writes_the_tables_of_chunks_mut(case in table_case()) {
        let mut sequential = case.bytes();
        let mut parallel = sequential.clone();
        let size = case.chunk;
        let write_chunk = |c: usize, mut chunk: RecordsMut<'_, Sample>| {
            for (i, view) in chunk.iter_mut().enumerate() {
                write(c * 7919 + i, view);
            }
        };
        case.with_table_mut(&mut sequential, |mut table| {
            table.chunks_mut(size).unwrap().enumerate().for_each(|(c, t)| write_chunk(c, t));
        });
        case.with_table_mut(&mut parallel, |mut table| {
            prop_assert_eq!(table.par_chunks_mut(0).err(), table.chunks_mut(0).err());
            pool(case.threads).install(|| {
                let chunks = table.par_chunks_mut(size).unwrap();
                match case.cut {
                    Cut::MaxLen(n) => chunks.with_max_len(n).enumerate().for_each(|(c, t)| write_chunk(c, t)),
                    _ => chunks.enumerate().for_each(|(c, t)| write_chunk(c, t)),
                }
            });
            Ok(())
        })?;
        prop_assert!(parallel == sequential, "parallel writes differ from sequential ones");
    }
}

// ---- Grids ----

#[derive(Debug, Clone, Copy)]
enum GridOp {
    Transpose,
    FlipRows,
    FlipCols,
    Step(usize, usize),
    /// Rows and columns picked from the current shape by these numbers.
    Slice([usize; 4]),
}

fn grid_op() -> impl Strategy<Value = GridOp> {
    prop_oneof![
        Just(GridOp::Transpose),
        Just(GridOp::FlipRows),
        Just(GridOp::FlipCols),
        (1usize..4, 1usize..4).prop_map(|(r, c)| GridOp::Step(r, c)),
        any::<[usize; 4]>().prop_map(GridOp::Slice),
    ]
}

/// The range `a..b` of `0..n` that `picks` choose.
fn pick_range(picks: [usize; 2], n: usize) -> std::ops::Range<usize> {
    let start = picks[0] % (n + 1);
    start..start + picks[1] % (n - start + 1)
}

/// A grid of samples over random bytes: `rows` rows of `cols` samples, `gap` bytes between
/// two samples of a row and `pad` bytes after each row; then `ops`.
#[derive(Debug, Clone)]
struct GridCase {
    rows: usize,
    cols: usize,
    gap: usize,
    pad: usize,
    ops: Vec<GridOp>,
    seed: u64,
    threads: usize,
    cut: Cut,
}

fn grid_case() -> impl Strategy<Value = GridCase> {
    (
        0usize..40,
        0usize..40,
        0usize..3,
        0usize..9,
        proptest::collection::vec(grid_op(), 0..5),
        any::<u64>(),
        1usize..=4,
        cut(),
    )
        .prop_map(|(rows, cols, gap, pad, ops, seed, threads, cut)| GridCase {
            rows,
            cols,
            gap,
            pad,
            ops,
            seed,
            threads,
            cut,
        })
}

impl GridCase {
    fn strides(&self) -> [isize; 2] {
        let col = Sample::SIZE + self.gap;
        [(self.cols * col + self.pad) as isize, col as isize]
    }

    fn bytes(&self) -> Vec<u8> {
        Rng::new(self.seed).bytes(self.rows * self.strides()[0] as usize)
    }

    fn grid<'a>(&self, bytes: &'a [u8]) -> Grid<'a, Sample> {
        let shape = [self.rows, self.cols];
        let mut grid = Grid::<Sample>::with_strides(bytes, 0, shape, self.strides()).unwrap();
        for op in &self.ops {
            grid = match *op {
                GridOp::Transpose => grid.transpose(),
                GridOp::FlipRows => grid.flip_rows(),
                GridOp::FlipCols => grid.flip_cols(),
                GridOp::Step(r, c) => grid.step(r, c).unwrap(),
                GridOp::Slice([a, b, c, d]) => {
                    let [rows, cols] = grid.shape();
                    grid.slice(pick_range([a, b], rows), pick_range([c, d], cols))
                        .unwrap()
                }
            };
        }
        grid
    }

    /// Calls `f` with the writable grid over `bytes` that `grid` gives over them.
    fn with_grid_mut(&self, bytes: &mut [u8], f: &mut dyn FnMut(GridMut<'_, Sample>)) {
        let shape = [self.rows, self.cols];
        let grid = GridMut::<Sample>::with_strides(bytes, 0, shape, self.strides()).unwrap();
        apply_mut(grid, &self.ops, f);
    }
}

/// `ops` on a writable grid, then `f` (recursive, since `slice_mut` borrows).
fn apply_mut(grid: GridMut<'_, Sample>, ops: &[GridOp], f: &mut dyn FnMut(GridMut<'_, Sample>)) {
    let Some((op, rest)) = ops.split_first() else {
        return f(grid);
    };
    match *op {
        GridOp::Transpose => apply_mut(grid.transpose(), rest, f),
        GridOp::FlipRows => apply_mut(grid.flip_rows(), rest, f),
        GridOp::FlipCols => apply_mut(grid.flip_cols(), rest, f),
        GridOp::Step(r, c) => apply_mut(grid.step(r, c).unwrap(), rest, f),
        GridOp::Slice([a, b, c, d]) => {
            let mut grid = grid;
            let [rows, cols] = grid.shape();
            let sliced = grid
                .slice_mut(pick_range([a, b], rows), pick_range([c, d], cols))
                .unwrap();
            apply_mut(sliced, rest, f)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// `par_rows` yields the tables `rows` yields, in order, for any shape and strides.
    #[test]
    fn par_rows_yields_the_rows_of_rows(case in grid_case()) {
        let bytes = case.bytes();
        let grid = case.grid(&bytes);
        let contents = |row: Records<'_, Sample>| row.iter().map(key).collect::<Vec<_>>();
        let expected: Vec<_> = grid.rows().map(contents).collect();
        let pool = pool(case.threads);
        let got = pool.install(|| collect_cut(grid.par_rows().map(contents), case.cut));
        prop_assert_eq!(&got, &expected);
        let backwards = pool.install(|| collect_cut(grid.par_rows().rev().map(contents), case.cut));
        prop_assert_eq!(backwards, expected.into_iter().rev().collect::<Vec<_>>());
    }

    /// `par_rows_mut` hands out the rows `rows_mut` gives, or refuses the grids it refuses
    /// with the same error: writes that depend on the row and column land where the
    /// sequential ones do.
    #[test]
    fn par_rows_mut_writes_the_rows_of_rows_mut(case in grid_case()) {
        let mut sequential = case.bytes();
        let mut parallel = sequential.clone();
        let write_row = |r: usize, mut row: RecordsMut<'_, Sample>| {
            for (c, view) in row.iter_mut().enumerate() {
                write(r * 1009 + c, view);
            }
        };
        let mut refused = None;
        case.with_grid_mut(&mut sequential, &mut |mut grid| match grid.rows_mut() {
            Ok(rows) => rows.enumerate().for_each(|(r, row)| write_row(r, row)),
            Err(error) => refused = Some(error),
        });
        let mut refused_in_parallel = None;
        let pool = pool(case.threads);
        case.with_grid_mut(&mut parallel, &mut |mut grid| match grid.par_rows_mut() {
            Ok(rows) => pool.install(|| match case.cut {
                Cut::MaxLen(n) => rows.with_max_len(n).enumerate().for_each(|(r, row)| write_row(r, row)),
                _ => rows.enumerate().for_each(|(r, row)| write_row(r, row)),
            }),
            Err(error) => refused_in_parallel = Some(error),
        });
        prop_assert_eq!(refused_in_parallel, refused);
        if let Some(error) = refused {
            prop_assert!(matches!(error.kind(), ErrorKind::RowsInterleave { .. }), "{}", error);
        }
        prop_assert!(parallel == sequential, "parallel writes differ from sequential ones");
    }
}

// ---- Variable-length streams ----

/// A variable-length record the stream tests build streams of.
trait StreamCase: VarOverlay {
    /// What a test compares of a view: its fields, and where it lies in the stream's bytes.
    type Key: PartialEq + Debug + Clone + Send;
    fn key(base: &[u8], view: &Self::View<'_>) -> Self::Key;
    /// Appends a random valid record to `out`.
    fn push(rng: &mut Rng, out: &mut Vec<u8>);
    /// Makes the record of `size` bytes at `at` malformed (maybe cutting the stream there).
    fn corrupt(rng: &mut Rng, bytes: &mut Vec<u8>, at: usize, size: usize);
}

/// Where `part` starts in `base`.
fn place(base: &[u8], part: &[u8]) -> usize {
    part.as_ptr() as usize - base.as_ptr() as usize
}

impl StreamCase for Chunk {
    type Key = (usize, usize);
    fn key(base: &[u8], view: &ChunkView<'_>) -> (usize, usize) {
        (place(base, view.data()), view.data().len())
    }
    fn push(rng: &mut Rng, out: &mut Vec<u8>) {
        let most = if rng.chance(10) { 80 } else { 6 };
        let len = rng.below(most);
        out.push(len as u8);
        out.extend(rng.bytes(len));
    }
    fn corrupt(rng: &mut Rng, bytes: &mut Vec<u8>, at: usize, _: usize) {
        // A length the rest of the stream does not hold.
        bytes[at] = 255;
        let room = (bytes.len() - at - 1).min(254);
        bytes.truncate(at + 1 + rng.below(room + 1));
    }
}

impl StreamCase for Msg {
    type Key = (Kind, Vec<(bool, u8)>, usize);
    fn key(base: &[u8], view: &MsgView<'_>) -> Self::Key {
        let items = view.items();
        let start = place(base, items.as_bytes());
        let flags = items.iter().map(|flag| (flag.on(), flag.level())).collect();
        (view.kind(), flags, start)
    }
    fn push(rng: &mut Rng, out: &mut Vec<u8>) {
        let n = rng.below(5);
        out.extend([rng.pick(&[1u8, 2, 7]), n as u8]);
        for _ in 0..n {
            out.extend([rng.below(2) as u8, rng.next_u64() as u8]);
        }
    }
    fn corrupt(rng: &mut Rng, bytes: &mut Vec<u8>, at: usize, size: usize) {
        let items = (size - 2) / 2;
        match rng.below(3) {
            0 => bytes[at] = rng.pick(&[0u8, 3, 0xff]),
            1 if items > 0 => bytes[at + 2 + 2 * rng.below(items)] = 2 + rng.below(250) as u8,
            _ => bytes.truncate(at + 1 + rng.below(size - 1)),
        }
    }
}

#[derive(Debug, Clone)]
struct StreamCaseParams {
    records: usize,
    seed: u64,
    /// The record to corrupt, if any (modulo the number of records).
    corrupt: Option<usize>,
    /// Records read sequentially before going parallel.
    skip: usize,
    /// The most record starts kept (the thinning of K happens past it).
    most: usize,
    threads: usize,
    cut: Cut,
}

fn stream_params() -> impl Strategy<Value = StreamCaseParams> {
    (
        prop_oneof![0usize..20, 0usize..2000],
        any::<u64>(),
        proptest::option::of(any::<usize>()),
        prop_oneof![4 => Just(0usize), 1 => 0usize..5],
        prop_oneof![Just(usize::MAX), 1usize..5, 1usize..200],
        1usize..=4,
        cut(),
    )
        .prop_map(
            |(records, seed, corrupt, skip, most, threads, cut)| StreamCaseParams {
                records,
                seed,
                corrupt,
                skip,
                most,
                threads,
                cut,
            },
        )
}

/// Builds the stream `params` describe and checks that its parallel records are its
/// sequential ones: the same views, the same error in the same position.
fn check_stream<T: StreamCase>(params: &StreamCaseParams) -> Result<(), TestCaseError>
where
    for<'a> T::View<'a>: Send,
{
    let mut rng = Rng::new(params.seed);
    let (mut bytes, mut starts) = (Vec::new(), Vec::new());
    for _ in 0..params.records {
        starts.push(bytes.len());
        T::push(&mut rng, &mut bytes);
    }
    let corrupted = match params.corrupt {
        Some(pick) if !starts.is_empty() => {
            let c = pick % starts.len();
            let end = starts.get(c + 1).copied().unwrap_or(bytes.len());
            T::corrupt(&mut rng, &mut bytes, starts[c], end - starts[c]);
            Some(starts[c])
        }
        _ => None,
    };
    let skipped = || {
        let mut stream = T::stream(&bytes);
        for _ in 0..params.skip {
            stream.next();
        }
        stream
    };
    let expected: Vec<Result<T::Key, Error>> = skipped()
        .map(|item| item.map(|view| T::key(&bytes, &view)))
        .collect();
    if let Some(at) = corrupted {
        // The corruption is where the sequential stream stops (unless skipped over).
        if params.skip == 0 {
            let last = expected.last().and_then(|item| item.as_ref().err());
            prop_assert!(last.is_some(), "no error from a corrupted stream");
            let offset = last.and_then(|error| error.offset());
            prop_assert!(
                offset >= Some(at),
                "{:?} before the corrupted record at {}",
                offset,
                at
            );
        }
    }
    let pool = pool(params.threads);
    let records = |most: usize| skipped().__par_records_keeping(most);
    let got = pool.install(|| {
        collect_cut(
            records(params.most).map(|item| item.map(|view| T::key(&bytes, &view))),
            params.cut,
        )
    });
    prop_assert_eq!(&got, &expected);
    prop_assert_eq!(records(params.most).len(), expected.len());
    let backwards = pool.install(|| {
        collect_cut(
            records(params.most)
                .rev()
                .map(|item| item.map(|view| T::key(&bytes, &view))),
            params.cut,
        )
    });
    prop_assert_eq!(
        backwards,
        expected.iter().rev().cloned().collect::<Vec<_>>()
    );
    let whole = pool.install(|| {
        skipped()
            .par_records()
            .map(|item| item.map(|view| T::key(&bytes, &view)))
            .collect::<Vec<_>>()
    });
    prop_assert_eq!(whole, expected);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Streams of length-prefixed chunks: the only malformed chunk is one longer than the
    /// rest of the stream.
    #[test]
    fn par_records_of_chunks_are_the_stream_records(params in stream_params()) {
        check_stream::<Chunk>(&params)?;
    }

    /// Streams of messages with a validated enum and validated bools in a table: a bad value
    /// or a cut anywhere in a record.
    #[test]
    fn par_records_of_messages_are_the_stream_records(params in stream_params()) {
        check_stream::<Msg>(&params)?;
    }
}

#[test]
fn a_record_of_no_bytes_ends_the_parallel_stream_as_it_ends_the_sequential_one() {
    let bytes = [1, 2, 3];
    let sequential: Vec<usize> = Nil::stream(&bytes).map(|nil| nil.unwrap().size()).collect();
    assert_eq!(sequential, [0]);
    for most in [1, 2, usize::MAX] {
        let parallel: Vec<usize> = Nil::stream(&bytes)
            .__par_records_keeping(most)
            .map(|nil| nil.unwrap().size())
            .collect();
        assert_eq!(parallel, sequential);
    }
    assert_eq!(Nil::stream(&[]).par_records().count(), 0);
}

#[test]
fn a_long_stream_keeps_every_kth_start_in_one_small_allocation() {
    // 300,000 records of one byte: more than the 8,192 starts kept, so K = 64.
    let mut bytes = vec![0u8; 300_000];
    bytes.extend([3, 1]); // then a record longer than what is left
    let expected: Vec<Result<usize, Error>> = Chunk::stream(&bytes)
        .map(|item| item.map(|view| place(&bytes, view.data())))
        .collect();
    assert_eq!(expected.len(), 300_001);
    let info = allocation_counter::measure(|| {
        let records = Chunk::stream(&bytes).par_records();
        assert_eq!(records.len(), 300_001);
    });
    assert_eq!(info.count_total, 1, "the first pass allocates once");
    let most = 8192 * std::mem::size_of::<usize>() as u64;
    assert!(info.bytes_total <= most, "{} bytes kept", info.bytes_total);
    for threads in [1, 2, 4] {
        let got: Vec<_> = pool(threads).install(|| {
            Chunk::stream(&bytes)
                .par_records()
                .map(|item| item.map(|view| place(&bytes, view.data())))
                .collect()
        });
        assert!(got == expected, "{threads} threads");
        let last = pool(threads).install(|| {
            Chunk::stream(&bytes)
                .par_records()
                .rev()
                .with_max_len(1000)
                .map(|item| item.map(|view| place(&bytes, view.data())))
                .collect::<Vec<_>>()
        });
        assert!(
            last.iter().rev().eq(expected.iter()),
            "{threads} threads, backwards"
        );
    }
}

// ---- Allocations ----

/// Runs `work` on a new pool of `threads` threads and returns the allocations made by every
/// thread of the pool over its whole life and by this thread while `work` ran: what a
/// parallel call costs, the pool's start and end included.
fn allocations_with_pool(threads: usize, work: impl Fn() + Sync) -> u64 {
    let workers = Mutex::new(Vec::new());
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .spawn_handler(|thread| {
            let worker =
                std::thread::Builder::new().spawn(move || counting::counted(|| thread.run()).1)?;
            workers.lock().unwrap().push(worker);
            Ok(())
        })
        .build()
        .unwrap();
    let (_, here) = counting::counted(|| pool.install(&work));
    drop(pool);
    let workers: u64 = workers
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|worker| worker.join().unwrap())
        .sum();
    here + workers
}

/// The allocations of `work(n)` on a pool of 2 threads for n = 1,000 and n = 100,000 records,
/// beyond what the pool alone allocates (its threads' start and end): fails unless both are
/// `expected`. The first pool this thread uses pays for its thread-locals, so the baseline is
/// measured after one.
fn allocations_per_call(what: &str, expected: u64, work: impl Fn(usize) + Sync) {
    counting::assert_counter_works();
    allocations_with_pool(2, || work(1_000));
    let pool_alone = allocations_with_pool(2, || ());
    for n in [1_000, 100_000] {
        let call = allocations_with_pool(2, || work(n)) - pool_alone;
        eprintln!("{what}: {n} records, {call} allocations beyond the pool's {pool_alone}");
        assert_eq!(call, expected, "{what} over {n} records");
    }
}

/// 100,000 samples of random bytes.
fn samples() -> Vec<u8> {
    Rng::new(7).bytes(100_000 * Sample::SIZE)
}

#[test]
fn zero_alloc_tables_allocate_nothing() {
    let bytes = samples();
    let table = Sample::records(&bytes).unwrap();
    allocations_per_call("par_iter", 0, |n| {
        let table = table.slice(..n).unwrap();
        let sum: u64 = table.par_iter().map(|view| u64::from(view.id())).sum();
        assert_eq!(sum, table.iter().map(|view| u64::from(view.id())).sum());
    });
    allocations_per_call("par_chunks", 0, |n| {
        let table = table.slice(..n).unwrap().rev();
        let count: usize = table
            .par_chunks(10)
            .unwrap()
            .map(|c| c.iter().count())
            .sum();
        assert_eq!(count, n);
    });
    let writable = Mutex::new(bytes.clone());
    allocations_per_call("par_iter_mut", 0, |n| {
        let mut bytes = writable.lock().unwrap();
        let mut table = Sample::records_mut(&mut bytes[..n * Sample::SIZE]).unwrap();
        table
            .par_iter_mut()
            .enumerate()
            .for_each(|(i, view)| write(i, view));
    });
    allocations_per_call("par_chunks_mut", 0, |n| {
        let mut bytes = writable.lock().unwrap();
        let mut table = Sample::records_mut(&mut bytes[..n * Sample::SIZE]).unwrap();
        table.par_chunks_mut(10).unwrap().for_each(|mut chunk| {
            chunk
                .iter_mut()
                .enumerate()
                .for_each(|(i, view)| write(i, view))
        });
    });
}

#[test]
fn zero_alloc_grids_allocate_nothing() {
    let bytes = samples();
    allocations_per_call("par_rows", 0, |n| {
        let grid = Sample::grid(&bytes[..n * Sample::SIZE], n / 10, 10).unwrap();
        let count: usize = grid
            .flip_rows()
            .par_rows()
            .map(|row| row.iter().count())
            .sum();
        assert_eq!(count, n);
    });
    let writable = Mutex::new(bytes.clone());
    allocations_per_call("par_rows_mut", 0, |n| {
        let mut bytes = writable.lock().unwrap();
        let mut grid = Sample::grid_mut(&mut bytes[..n * Sample::SIZE], n / 10, 10).unwrap();
        grid.par_rows_mut().unwrap().for_each(|mut row| {
            row.iter_mut()
                .enumerate()
                .for_each(|(i, view)| write(i, view))
        });
    });
}

#[test]
fn zero_alloc_streams_allocate_their_kept_starts_once() {
    // Records of 1 to 8 bytes.
    let bytes: Vec<u8> = (0..100_000u32)
        .flat_map(|i| {
            let len = (i % 8) as u8;
            std::iter::once(len).chain(std::iter::repeat_n(len, usize::from(len)))
        })
        .collect();
    let starts: Vec<usize> = Chunk::stream(&bytes)
        .map(|chunk| place(&bytes, chunk.unwrap().data()) - 1)
        .collect();
    allocations_per_call("par_records", 1, |n| {
        let stream = &bytes[..starts.get(n).copied().unwrap_or(bytes.len())];
        let total: usize = Chunk::stream(stream)
            .par_records()
            .map(|chunk| chunk.map_or(0, |c| c.data().len()))
            .sum();
        assert_eq!(total, stream.len() - n);
    });
}
