//! The Parquet and Arrow IPC writers: row groups of their own size, a record batch per batch,
//! progress after each; on any failure (a source that fails mid-way, a directory that is not there,
//! a path that is a directory, a codec the format lacks) no output is left behind and a file
//! already at the path is untouched; memory stays bounded by the batch and the row group, not
//! the input.

mod support;

use std::ops::Range;
use std::path::{Path, PathBuf};

use overlay::{Overlay, Records, Struct};
use overlay_arrow::{
    write_ipc, write_parquet, Compression, Error, Options, RecordBatch, SchemaRef, Source,
    StructTable,
};
use rayon::ThreadPoolBuilder;
use support::oracle::{assert_only, Writer};
use support::rng::Rng;
use support::tools::fresh_scratch_dir;
use support::types::*;

/// A source that converts like `inner` but fails at batch `fail_at` (counting from 0).
struct Failing<'a> {
    inner: Records<'a, Tick>,
    fail_from_row: usize,
}

impl Source for Failing<'_> {
    fn schema(&self, options: &Options) -> Result<SchemaRef, Error> {
        self.inner.schema(options)
    }
    fn len(&self) -> usize {
        self.inner.len()
    }
    fn batch(&self, rows: Range<usize>, options: &Options) -> Result<RecordBatch, Error> {
        if rows.end > self.fail_from_row {
            return Err(Error::Source("the disk went away".into()));
        }
        self.inner.batch(rows, options)
    }
    fn input_bytes(&self) -> u64 {
        self.inner.input_bytes()
    }
}

fn writers<S: Source>() -> [(&'static str, Writer<S>); 2] {
    [("parquet", write_parquet::<S>), ("arrow", write_ipc::<S>)]
}

#[test]
fn a_source_failing_mid_way_leaves_no_output() {
    let bytes = ticks(&mut Rng::new(41), 1000);
    let source = Failing {
        inner: Tick::records(&bytes).unwrap(),
        fail_from_row: 700,
    };
    let dir = fresh_scratch_dir("failing");
    let options = Options::new().batch_rows(200);
    for (extension, write) in writers::<Failing<'_>>() {
        // Nothing there before, nothing after.
        let path = dir.join(format!("new.{extension}"));
        let mut seen = Vec::new();
        let error = write(&source, &path, &options, Compression::None, &mut |r| {
            seen.push(r)
        })
        .unwrap_err();
        assert_eq!(error.to_string(), "the disk went away");
        assert_eq!(
            seen,
            [200, 400, 600],
            "{extension}: progress before the failure"
        );
        assert!(!path.exists());
        // A file already there stays as it was.
        let path = dir.join(format!("old.{extension}"));
        std::fs::write(&path, b"an older file").unwrap();
        write(&source, &path, &options, Compression::None, &mut |_| {}).unwrap_err();
        assert_eq!(std::fs::read(&path).unwrap(), b"an older file");
    }
    assert_only(&dir, &[dir.join("old.arrow"), dir.join("old.parquet")]);
}

#[test]
fn a_successful_write_replaces_an_older_file() {
    let bytes = ticks(&mut Rng::new(42), 100);
    let table = Tick::records(&bytes).unwrap();
    let dir = fresh_scratch_dir("replace");
    for (extension, write) in writers::<Records<'_, Tick>>() {
        let path = dir.join(format!("out.{extension}"));
        std::fs::write(&path, b"an older file").unwrap();
        let summary = write(
            &table,
            &path,
            &Options::new(),
            Compression::None,
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(summary.rows, 100);
        assert_eq!(summary.input_bytes, bytes.len() as u64);
        assert_ne!(std::fs::read(&path).unwrap(), b"an older file");
    }
}

/// Fails unless `error` is an I/O error naming `path`.
fn assert_names(error: &Error, path: &Path) {
    assert!(matches!(error, Error::Io { .. }), "{error:?}");
    let text = error.to_string();
    assert!(text.starts_with(&format!("{}: ", path.display())), "{text}");
}

#[test]
fn unwritable_places_are_errors_naming_the_path() {
    let bytes = ticks(&mut Rng::new(43), 10);
    let table = Tick::records(&bytes).unwrap();
    let dir = fresh_scratch_dir("unwritable");
    let file = dir.join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let a_directory = dir.join("a-directory");
    std::fs::create_dir(&a_directory).unwrap();
    let places: [PathBuf; 4] = [
        dir.join("missing").join("out"),
        file.join("out"),
        a_directory.clone(),
        dir.join(".."),
    ];
    for (extension, write) in writers::<Records<'_, Tick>>() {
        for path in &places {
            let error = write(
                &table,
                path,
                &Options::new(),
                Compression::None,
                &mut |_| {},
            )
            .unwrap_err();
            assert_names(&error, path);
            eprintln!("{extension}: {error}");
        }
    }
    assert!(a_directory.is_dir());
    assert_only(&dir, &[a_directory, file]);
}

#[test]
fn codecs_a_format_lacks_are_errors() {
    let bytes = ticks(&mut Rng::new(44), 10);
    let table = Tick::records(&bytes).unwrap();
    let dir = fresh_scratch_dir("codecs");
    let path = dir.join("out.arrow");
    let error = write_ipc(
        &table,
        &path,
        &Options::new(),
        Compression::Snappy,
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Arrow IPC files have no snappy compression: use zstd, lz4 or none"
    );
    for codec in support::oracle::CODECS {
        if !codec.is_built() {
            let error =
                write_parquet(&table, &path, &Options::new(), codec, &mut |_| {}).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!(
                    "{codec} compression is not built in: enable overlay-arrow's `{codec}` feature"
                )
            );
        }
    }
    assert_only(&dir, &[]);
}

#[test]
fn a_wrong_count_of_names_writes_nothing() {
    let format = Struct::new("<IH").unwrap();
    let bytes = [0u8; 12];
    let names = Some(vec!["one".to_owned()]);
    let dir = fresh_scratch_dir("names");
    let error = StructTable::new(&format, &bytes, 2, 6, names)
        .and_then(|table| {
            write_parquet(
                &table,
                &dir.join("out.parquet"),
                &Options::new(),
                Compression::None,
                &mut |_| {},
            )
        })
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "format \"<IH\" has 2 values, so it needs 2 column names, not 1"
    );
    assert_only(&dir, &[]);
}

#[test]
fn row_groups_are_sized_by_their_own_options_and_record_batches_by_the_batch() {
    let bytes = shapes(&mut Rng::new(45), 1003);
    let table = Shape::records(&bytes).unwrap();
    let dir = fresh_scratch_dir("groups");
    let groups_of = |path: &std::path::Path| -> Vec<i64> {
        use parquet::file::reader::FileReader;
        let file = std::fs::File::open(path).unwrap();
        let reader = parquet::file::reader::SerializedFileReader::new(file).unwrap();
        let groups = reader.metadata().row_groups().iter();
        groups.map(|g| g.num_rows()).collect()
    };
    // Row groups of 250 rows from batches of 100: a group spans batches and splits one.
    let options = Options::new()
        .batch_rows(100)
        .row_group_rows(250)
        .enum_names(true);
    let path = dir.join("out.parquet");
    let summary = write_parquet(&table, &path, &options, Compression::Snappy, &mut |_| {}).unwrap();
    assert_eq!((summary.batches, summary.row_groups), (11, 5));
    assert_eq!(groups_of(&path), [250, 250, 250, 250, 3]);
    // By default the whole table is one row group.
    let options = Options::new().batch_rows(100);
    let summary = write_parquet(&table, &path, &options, Compression::None, &mut |_| {}).unwrap();
    assert_eq!((summary.batches, summary.row_groups), (11, 1));
    assert_eq!(groups_of(&path), [1003]);
    // A byte limit below a row group's encoded size closes groups before the row limit: a
    // shape is 86 bytes in Arrow, so 20 000 bytes hold a few hundred rows, uncompressed.
    let options = Options::new().batch_rows(100).row_group_bytes(20_000);
    let summary = write_parquet(&table, &path, &options, Compression::None, &mut |_| {}).unwrap();
    let groups = groups_of(&path);
    assert_eq!(summary.row_groups, groups.len() as u64);
    assert!(groups.len() > 2, "{groups:?}");
    assert!(groups.iter().all(|&rows| rows < 1003), "{groups:?}");
    assert_eq!(groups.iter().sum::<i64>(), 1003);
    // A limit below one row: the size is estimated after a write, so each write (a batch of
    // 100 rows here) becomes a row group of its own, not a row.
    let options = Options::new().batch_rows(100).row_group_bytes(0);
    let summary = write_parquet(&table, &path, &options, Compression::None, &mut |_| {}).unwrap();
    assert_eq!(summary.row_groups, 11);
    assert_eq!(
        groups_of(&path),
        [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 3]
    );

    let options = Options::new().batch_rows(100).row_group_rows(250);
    let path = dir.join("out.arrow");
    let summary = write_ipc(&table, &path, &options, Compression::None, &mut |_| {}).unwrap();
    assert_eq!((summary.batches, summary.row_groups), (11, 0));
    let file = std::fs::File::open(&path).unwrap();
    let reader = arrow_ipc::reader::FileReader::try_new(file, None).unwrap();
    let rows: Vec<usize> = reader.map(|b| b.unwrap().num_rows()).collect();
    assert_eq!(rows, [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 3]);
}

/// The most heap the write of `bytes` as shapes with `options` holds at once.
fn peak_heap<'a>(write: Writer<Records<'a, Shape>>, bytes: &'a [u8], options: &Options) -> u64 {
    let table = Shape::records(bytes).unwrap();
    let dir = fresh_scratch_dir("peak");
    let path = dir.join("out");
    let info = allocation_counter::measure(|| {
        write(&table, &path, options, Compression::None, &mut |_| {}).unwrap();
    });
    info.bytes_max
}

#[test]
fn memory_is_bounded_by_the_batch_and_the_row_group_not_the_input() {
    // Every allocation on this thread, where it is counted.
    let _pool = ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build()
        .unwrap();
    let bytes = shapes(&mut Rng::new(46), 200_000);
    let (batch_rows, group_rows) = (20_000, 40_000);
    let options = Options::new()
        .batch_rows(batch_rows)
        .row_group_rows(group_rows);
    // The Arrow width of a shape's row: its 90 bytes less the pad byte and 4 bools of a byte
    // each that are bits in Arrow; and its 12 leaf columns.
    let (width, leaves) = (86, 12);
    let mib = 1 << 20;
    for (name, write) in writers::<Records<'_, Shape>>() {
        // One row group, then five.
        let small = peak_heap(write, &bytes[..group_rows * Shape::SIZE], &options);
        let large = peak_heap(write, &bytes, &options);
        eprintln!("{name}: peak heap {small} bytes for 40 000 rows, {large} for 200 000");
        // The bounds of the crate docs (random data: encoded pages as wide as the values).
        let bound = match name {
            "parquet" => (2 * batch_rows + group_rows) as u64 * width + 2 * mib + leaves * 2 * mib,
            _ => 2 * batch_rows as u64 * width + 2 * mib,
        };
        assert!(large <= bound, "{name}: {large} > {bound}");
        assert!(large < small + small / 8, "{name}: {large} vs {small}");
    }
}
