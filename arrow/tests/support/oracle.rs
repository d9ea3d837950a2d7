//! Writes a table as Parquet (every codec) and Arrow IPC (every codec it has), checks what
//! each writer reports, and has oracle.py read every file back with pyarrow and DuckDB and
//! compare every value with CPython's `struct` reading the same input bytes.

use std::path::{Path, PathBuf};

use overlay_arrow::{write_ipc, write_parquet, Compression, Error, Options, Source, Summary};

use super::tools;

/// The oracle script (oracle.py beside this file).
pub const ORACLE: &str = include_str!("oracle.py");

/// Every codec, built in or not.
pub const CODECS: [Compression; 4] = [
    Compression::None,
    Compression::Snappy,
    Compression::Zstd,
    Compression::Lz4,
];

/// Whether python3 can import pyarrow and duckdb: without them the comparison is skipped
/// with a notice, except under `CI=true`, where the test fails.
pub fn readers() -> bool {
    tools::python_with(
        "pyarrow, duckdb",
        "reading overlay-arrow's Parquet and Arrow IPC files back with pyarrow and DuckDB",
    )
}

/// A file writer of this crate.
pub type Writer<S> =
    fn(&S, &Path, &Options, Compression, &mut dyn FnMut(u64)) -> Result<Summary, Error>;

/// Writes `source` to `path` with `write`, checking the summary and the progress calls;
/// `None` (and no file at `path`) if the codec is not built in or the format lacks it.
pub fn write_checked<S: Source>(
    source: &S,
    path: &Path,
    options: &Options,
    codec: Compression,
    write: Writer<S>,
) -> Option<PathBuf> {
    let mut seen = Vec::new();
    match write(source, path, options, codec, &mut |rows| seen.push(rows)) {
        Ok(summary) => {
            let rows = source.len() as u64;
            let per_batch = options.rows_per_batch() as u64;
            let expected: Vec<u64> = (1..=rows.div_ceil(per_batch))
                .map(|n| (n * per_batch).min(rows))
                .collect();
            assert_eq!(seen, expected, "{}: progress", path.display());
            assert_eq!(summary.rows, rows, "{}", path.display());
            assert_eq!(summary.batches, expected.len() as u64, "{}", path.display());
            assert_eq!(summary.input_bytes, source.input_bytes());
            let size = std::fs::metadata(path).expect("the output exists").len();
            assert_eq!(summary.output_bytes, size, "{}", path.display());
            Some(path.to_owned())
        }
        Err(Error::CodecNotBuilt { codec: refused }) => {
            assert_eq!(refused, codec);
            assert!(!codec.is_built(), "{codec} is built in, yet refused");
            assert!(!path.exists(), "{} left behind", path.display());
            None
        }
        Err(Error::CodecUnsupported { codec: refused, .. }) => {
            assert_eq!((refused, codec), (Compression::Snappy, Compression::Snappy));
            assert!(!path.exists(), "{} left behind", path.display());
            None
        }
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// Writes `source` (whose records are the `stride`-byte slots of `input`) as Parquet with
/// every codec and Arrow IPC with every codec, in batches of `options`, and checks every
/// value of every file against `expect` (an `expect(r)` for oracle.py). Returns the files.
pub fn check_files<S: Source>(
    name: &str,
    source: &S,
    input: &[u8],
    stride: usize,
    options: &Options,
    expect: &str,
) -> Vec<PathBuf> {
    let dir = tools::fresh_scratch_dir(name);
    let mut files = Vec::new();
    for codec in CODECS {
        let path = dir.join(format!("{codec}.parquet"));
        files.extend(write_checked(
            source,
            &path,
            options,
            codec,
            write_parquet::<S>,
        ));
        let path = dir.join(format!("{codec}.arrow"));
        files.extend(write_checked(source, &path, options, codec, write_ipc::<S>));
    }
    assert_only(&dir, &files);
    if !readers() {
        return files;
    }
    let input_path = dir.join("input.bin");
    std::fs::write(&input_path, input).expect("writes the input");
    let mut args = vec![
        input_path.display().to_string(),
        stride.to_string(),
        source.len().to_string(),
    ];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = tools::run_python(ORACLE, &args, expect.to_owned());
    assert!(out.starts_with("ok: "), "{name}: {out}");
    files
}

/// Fails unless `dir` holds exactly `files` (no temporary file left behind).
pub fn assert_only(dir: &Path, files: &[PathBuf]) {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("reads the scratch directory")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    found.sort();
    let mut expected = files.to_vec();
    expected.sort();
    assert_eq!(found, expected, "{}", dir.display());
}
