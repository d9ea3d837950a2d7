//! `overlay convert`, run as users run it, on files of random bytes, against readers we did
//! not write: pyarrow reads the Parquet and Arrow IPC files, DuckDB queries them, and every
//! column must equal what CPython's `struct.unpack_from` reads from the same bytes (floats
//! compared bit for bit, NaN payloads included, by reading the same bytes with the float codes
//! replaced by unsigned integers of their size). JSON lines must hold CPython's values under
//! the given names.
//!
//! Without python3, pyarrow or duckdb the comparisons print a notice and pass, except under
//! `CI=true`, where they fail. The error tests need no Python.

#[path = "../../tests/support/tools.rs"]
mod tools;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value as Json;

const OVERLAY: &str = env!("CARGO_BIN_EXE_overlay");

/// Reads OUT (parquet, arrow or jsonl) and checks it against `struct.unpack_from` over DATA:
/// COUNT records one every STRIDE bytes from OFFSET, columns named NAMES (a JSON list).
/// Parquet files are also read by DuckDB. Prints a JSON summary: rows, column types, row
/// groups and compression (Parquet), or raises.
const CHECKER: &str = r#"
import json, math, struct, sys

fmt, data_path, out_path, kind = sys.argv[1:5]
offset, count, stride = map(int, sys.argv[5:8])
names = json.loads(sys.argv[8])
data = open(data_path, "rb").read()
stride = stride or struct.calcsize(fmt)
rows = [struct.unpack_from(fmt, data, offset + i * stride) for i in range(count)]
# The bit patterns of the floats: the same layout with e, f, d read as H, I, Q.
bits_fmt = fmt.translate(str.maketrans({"e": "H", "f": "I", "d": "Q"}))
bits = [struct.unpack_from(bits_fmt, data, offset + i * stride) for i in range(count)]
summary = {"rows": count}

def same_float(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b

if kind == "jsonl":
    lines = open(out_path).read().splitlines()
    assert len(lines) == count, (len(lines), count)
    for i, line in enumerate(lines):
        obj = json.loads(line)
        assert list(obj) == names, (list(obj), names)
        for j, name in enumerate(names):
            want = rows[i][j]
            got = obj[name]
            if isinstance(want, bytes):
                assert got == list(want), (i, name, got, want)
            elif isinstance(want, float):
                assert (got is None and not math.isfinite(want)) or got == want, (i, name, got, want)
            else:
                assert got == want and type(got) == type(want), (i, name, got, want)
    print(json.dumps(summary))
    sys.exit(0)

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

if kind == "parquet":
    table = pq.read_table(out_path)
    meta = pq.ParquetFile(out_path).metadata
    summary["row_groups"] = meta.num_row_groups
    summary["compression"] = sorted({meta.row_group(g).column(c).compression
                                     for g in range(meta.num_row_groups)
                                     for c in range(meta.num_columns)})
else:
    reader = ipc.open_file(out_path)
    table = reader.read_all()
    summary["batches"] = reader.num_record_batches
assert table.column_names == names, (table.column_names, names)
assert table.num_rows == count, (table.num_rows, count)
summary["types"] = [str(t) for t in table.schema.types]
widths = {16: "<u2", 32: "<u4", 64: "<u8"}
for j, name in enumerate(names):
    column = table.column(name).combine_chunks()
    if pa.types.is_floating(column.type):
        got = column.to_numpy(zero_copy_only=False).view(widths[column.type.bit_width]).tolist()
        want = [b[j] for b in bits]
    else:
        got = column.to_pylist()
        want = [r[j] for r in rows]
    assert got == want, (name, str(column.type), got[:5], want[:5])

if kind == "parquet" and "e" not in fmt:
    import duckdb
    fetched = duckdb.sql(f"SELECT * FROM read_parquet('{out_path}')").fetchall()
    assert len(fetched) == count
    for i, (got_row, want_row) in enumerate(zip(fetched, rows)):
        for j, (got, want) in enumerate(zip(got_row, want_row)):
            if isinstance(want, float):
                assert same_float(got, want), ("duckdb", i, names[j], got, want)
            else:
                assert got == want, ("duckdb", i, names[j], got, want)
    summary["duckdb"] = True
print(json.dumps(summary))
"#;

/// Writes COUNT records of FORMAT (random bytes, every byte pattern being a valid record) with
/// PREFIX bytes before them and each record in a STRIDE-byte slot, into PATH; some float
/// values are replaced by NaNs with payloads and by infinities.
const WRITER: &str = r#"
import random, struct, sys

fmt, path = sys.argv[1:3]
count, prefix, stride, seed = map(int, sys.argv[3:7])
rng = random.Random(seed)
size = struct.calcsize(fmt)
stride = stride or size
data = bytearray(rng.randbytes(prefix + stride * count))
specials = [b"\x01\x00\xf8\x7f\x00\x00\x00\x00"[::-1], b"\x7f\xf0\x00\x00\x00\x00\x00\x01",
            b"\xff\xf8\x00\x00\xde\xad\xbe\xef", b"\x7f\x80\x00\x01", b"\xff\xc0\x12\x34",
            b"\x7f\xf0\x00\x00\x00\x00\x00\x00"]
# Plant special float bit patterns at random 8-byte-aligned places.
for _ in range(count):
    at = rng.randrange(0, max(1, len(data) - 8))
    special = rng.choice(specials)
    data[at:at + len(special)] = special
open(path, "wb").write(bytes(data))
"#;

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("overlay-convert")
        .join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("scratch paths are UTF-8")
}

fn overlay(args: &[&str]) -> Output {
    Command::new(OVERLAY)
        .args(args)
        .output()
        .expect("overlay runs")
}

/// Runs `overlay ARGS`, expecting success, nothing on standard output, and one summary line
/// on standard error; returns that line.
fn converts(args: &[&str]) -> String {
    let output = overlay(args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "overlay {args:?}: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "overlay {args:?} printed to stdout"
    );
    assert_eq!(stderr.lines().count(), 1, "one summary line: {stderr}");
    stderr
}

/// Runs `overlay ARGS`, expecting exit status 1, nothing on standard output and one line on
/// standard error (no panic); returns that line.
fn fails(args: &[&str]) -> String {
    let output = overlay(args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "overlay {args:?}: {stderr}");
    assert!(output.stdout.is_empty());
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    stderr.trim_end().to_owned()
}

/// Whether python3 can import what the comparisons need (see `tools::tool_available`).
fn readers() -> bool {
    tools::python_with(
        "numpy, pyarrow, duckdb",
        "the pyarrow and DuckDB comparisons",
    )
}

/// A data file of `count` random `format` records, `prefix` bytes in, one every `stride`.
fn random_file(dir: &Path, format: &str, count: usize, prefix: usize, stride: usize) -> PathBuf {
    let path = dir.join("data.bin");
    let args = [count, prefix, stride, 7].map(|n| n.to_string());
    let mut all = vec![format, path_str(&path)];
    all.extend(args.iter().map(String::as_str));
    tools::run_python(WRITER, &all, String::new());
    path
}

/// What the checker found: it raises (and the test fails) on any difference.
#[allow(clippy::too_many_arguments)]
fn check(
    format: &str,
    data: &Path,
    out: &Path,
    kind: &str,
    offset: usize,
    count: usize,
    stride: usize,
    names: &[&str],
) -> Json {
    let numbers = [offset, count, stride].map(|n| n.to_string());
    let names = serde_json::to_string(names).unwrap();
    let mut args = vec![format, path_str(data), path_str(out), kind];
    args.extend(numbers.iter().map(String::as_str));
    args.push(&names);
    let printed = tools::run_python(CHECKER, &args, String::new());
    serde_json::from_str(&printed).expect("the checker prints JSON")
}

/// The names `f0, f1, ...` of `count` values.
fn default_names(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("f{i}")).collect()
}

#[test]
fn every_code_and_byte_order_round_trips_through_parquet_and_arrow() {
    if !readers() {
        return;
    }
    let formats = [
        "<bBhHiIlLqQ?fd3sc4p",
        ">bBhHiIlLqQ?efd5sc",
        "!HqI?",
        "=d2xIh",
        "@b?IhQdcfl",
        "@3B2d?0q",
    ];
    for format in formats {
        let values = overlay::Struct::new(format).unwrap().value_count();
        let dir = scratch(&format!("codes-{}", format.len()));
        let data = random_file(&dir, format, 300, 0, 0);
        let names = default_names(values);
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        for (kind, to) in [("parquet", "parquet"), ("arrow", "arrow")] {
            let out = dir.join(format!("out.{kind}"));
            converts(&[
                "convert",
                format,
                path_str(&data),
                "--to",
                to,
                "--output",
                path_str(&out),
            ]);
            let summary = check(format, &data, &out, kind, 0, 300, 0, &names);
            assert_eq!(summary["rows"], 300, "{format} {kind}");
        }
    }
}

#[test]
fn names_offset_count_and_stride_choose_the_rows_and_columns() {
    if !readers() {
        return;
    }
    let dir = scratch("selection");
    let format = "<qxxdI";
    let data = random_file(&dir, format, 50, 44, 40);
    let names = ["time", "price", "size"];
    for (kind, extra) in [("parquet", "0x2c"), ("arrow", "44"), ("jsonl", "44")] {
        let out = dir.join(format!("ticks.{kind}"));
        converts(&[
            "convert",
            format,
            path_str(&data),
            "--names",
            "time,price,size",
            "--offset",
            extra,
            "--count",
            "20",
            "--stride",
            "40",
            "--to",
            kind,
            "--output",
            path_str(&out),
        ]);
        check(format, &data, &out, kind, 44, 20, 40, &names);
    }
}

#[test]
fn row_groups_and_every_codec_are_readable() {
    if !readers() {
        return;
    }
    let dir = scratch("codecs");
    let format = ">Hd?3s";
    let data = random_file(&dir, format, 1000, 0, 0);
    let names = default_names(4);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    for (codec, expected) in [
        (None, "SNAPPY"),
        (Some("none"), "UNCOMPRESSED"),
        (Some("snappy"), "SNAPPY"),
        (Some("zstd"), "ZSTD"),
        // The file holds Parquet's LZ4_RAW, which pyarrow names by Arrow's codec, LZ4 (the
        // deprecated Hadoop-framed LZ4 would be LZ4_HADOOP).
        (Some("lz4"), "LZ4"),
    ] {
        let out = dir.join(format!("out-{}.parquet", codec.unwrap_or("default")));
        let mut args = vec![
            "convert",
            format,
            path_str(&data),
            "--to",
            "parquet",
            "--output",
            path_str(&out),
            "--batch-rows",
            "100",
            "--row-group-rows",
            "333",
        ];
        if let Some(codec) = codec {
            args.extend(["--compression", codec]);
        }
        converts(&args);
        let summary = check(format, &data, &out, "parquet", 0, 1000, 0, &names);
        assert_eq!(summary["row_groups"], 4, "{codec:?}");
        assert_eq!(
            summary["compression"],
            serde_json::json!([expected]),
            "{codec:?}"
        );
    }
    for codec in [None, Some("zstd"), Some("lz4")] {
        let out = dir.join(format!("out-{}.arrow", codec.unwrap_or("default")));
        let mut args = vec![
            "convert",
            format,
            path_str(&data),
            "--to",
            "arrow",
            "--output",
            path_str(&out),
            "--batch-rows",
            "100",
        ];
        if let Some(codec) = codec {
            args.extend(["--compression", codec]);
        }
        converts(&args);
        let summary = check(format, &data, &out, "arrow", 0, 1000, 0, &names);
        assert_eq!(summary["batches"], 10, "{codec:?}");
    }
}

#[test]
fn the_summary_line_counts_rows_and_bytes() {
    let dir = scratch("summary");
    let data = dir.join("data.bin");
    fs::write(&data, [1u8; 8 * 125]).unwrap();
    let out = dir.join("out.jsonl");
    let line = converts(&[
        "convert",
        "<HHI",
        path_str(&data),
        "--to",
        "jsonl",
        "--output",
        path_str(&out),
    ]);
    let expected = format!(
        "overlay: 125 rows, 1000 bytes of records from {} -> {} ({} bytes) in ",
        path_str(&data),
        path_str(&out),
        fs::metadata(&out).unwrap().len()
    );
    assert!(line.starts_with(&expected), "{line}\n{expected}");
    assert!(line.trim_end().ends_with(" MB/s)"), "{line}");
    assert_eq!(
        fs::read_to_string(&out).unwrap().lines().next(),
        Some(r#"{"f0":257,"f1":257,"f2":16843009}"#)
    );
    // --quiet: no summary at all.
    let output = overlay(&[
        "convert",
        "<HHI",
        path_str(&data),
        "--to",
        "jsonl",
        "--output",
        path_str(&out),
        "--quiet",
    ]);
    assert!(output.status.success() && output.stderr.is_empty());
}

/// Every target's OUTPUT gets the permissions a file created the usual way gets (0666 less
/// the umask), though it is written as a temporary file first (tempfile's are owner-only).
/// Run under umask 022, so that the two differ whatever the test's own umask.
#[cfg(unix)]
#[test]
fn outputs_have_the_permissions_of_a_file_created_as_usual() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("permissions");
    let data = dir.join("data.bin");
    fs::write(&data, [1u8; 64]).unwrap();
    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    for to in ["parquet", "arrow", "jsonl"] {
        let out = dir.join(format!("out.{to}"));
        let status = Command::new("sh")
            .args(["-c", "umask 022 && exec \"$0\" \"$@\"", OVERLAY])
            .args(["convert", "<HHI", path_str(&data), "--to", to, "--quiet"])
            .args(["--output", path_str(&out)])
            .status()
            .expect("sh runs");
        assert!(status.success(), "{to}");
        assert_eq!(mode(&out), 0o644, "{to}: {:o}", mode(&out));
    }
}

#[test]
fn jsonl_goes_to_standard_output_with_a_dash() {
    let dir = scratch("stdout");
    let data = dir.join("data.bin");
    fs::write(&data, [0u8, 1, 0xff, 0x7f]).unwrap();
    let output = overlay(&[
        "convert",
        "<bBh",
        path_str(&data),
        "--names",
        "a,b,c",
        "--to",
        "jsonl",
        "--output",
        "-",
        "--quiet",
    ]);
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "{\"a\":0,\"b\":1,\"c\":32767}\n"
    );
}

#[test]
fn mistakes_are_one_line_and_leave_no_output_behind() {
    let dir = scratch("mistakes");
    let data = dir.join("data.bin");
    fs::write(&data, [0u8; 30]).unwrap();
    let out = dir.join("out.parquet");
    let data = path_str(&data);
    let out_s = path_str(&out);
    let base = |format: &'static str, extra: &[&'static str]| {
        let mut args = vec![
            "convert", format, data, "--to", "parquet", "--output", out_s,
        ];
        args.extend_from_slice(extra);
        args
    };
    let arrow = |extra: &[&'static str]| {
        let mut args = vec!["convert", "<H", data, "--to", "arrow", "--output", out_s];
        args.extend_from_slice(extra);
        args
    };
    let cases: [(Vec<&str>, &str); 10] = [
        (
            base("<HHI", &["--names", "a,b"]),
            "overlay: --names: 2 names are given; '<HHI' has 3 values (pad bytes x have none): \
             give one name per value, separated by commas",
        ),
        (
            base("<Hx", &["--names", "a,b"]),
            "overlay: --names: 2 names are given; '<Hx' has 1 value (pad bytes x have none): \
             give one name per value, separated by commas",
        ),
        (
            base("<HH", &["--names", "a,a"]),
            "overlay: --names: 'a' is given twice; '<HH' has 2 values (pad bytes x have none): \
             give one name per value, separated by commas",
        ),
        (
            base("<HH", &["--names", "a,"]),
            "overlay: --names: name 2 is empty; '<HH' has 2 values (pad bytes x have none): \
             give one name per value, separated by commas",
        ),
        (
            base("<HHI", &["--batch-rows", "0"]),
            "overlay: --batch-rows 0: a batch must hold at least one row",
        ),
        (
            base("<HHI", &["--row-group-rows", "0"]),
            "overlay: --row-group-rows 0: a row group must hold at least one row",
        ),
        (base("<HHI", &[]), "overlay: "),
        (
            vec!["convert", "<H", data, "--to", "jsonl", "--output", ".."],
            "overlay: --output ..: not a file name; give the file to write",
        ),
        (
            arrow(&["--row-group-rows", "10"]),
            "overlay: --row-group-rows applies to --to parquet; Arrow IPC files have no row \
             groups",
        ),
        (
            arrow(&["--compression", "snappy"]),
            "overlay: --compression snappy: Arrow IPC files support only zstd and lz4",
        ),
    ];
    for (args, expected) in cases {
        let message = fails(&args);
        assert!(
            message.starts_with(expected),
            "{message}\nexpected: {expected}"
        );
        assert!(!out.exists(), "{args:?} left {out_s}");
    }
    // No temporary files either.
    let left: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name != "data.bin")
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // An existing OUTPUT is untouched by a failed conversion.
    fs::write(&out, b"keep me").unwrap();
    fails(&base("<HHI", &[]));
    assert_eq!(fs::read(&out).unwrap(), b"keep me");
    // A directory that cannot be written names the output.
    let message = fails(&[
        "convert",
        "<H",
        data,
        "--to",
        "jsonl",
        "--output",
        "/nonexistent-dir/out.jsonl",
    ]);
    assert!(
        message.starts_with("overlay: cannot write /nonexistent-dir/out.jsonl: "),
        "{message}"
    );
    let message = fails(&[
        "convert",
        "<H",
        data,
        "--to",
        "parquet",
        "--output",
        "/nonexistent-dir/out.parquet",
    ]);
    assert!(
        message.starts_with("overlay: cannot convert ") && message.contains("/nonexistent-dir"),
        "{message}"
    );
}

/// The README's worked example ("Scaling out"): the shell block after the marker, run as
/// shown (with the built binary for `cargo run -q -p overlay-cli --`), prints the text block
/// after it.
#[test]
fn the_readme_duckdb_example_prints_what_the_readme_shows() {
    if !tools::python_with("duckdb", "the README's DuckDB example") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = fs::read_to_string(root.join("README.md")).expect("the README");
    let marker = "<!-- cli/tests/convert.rs runs this example -->";
    let after = &readme[readme.find(marker).expect("the README has the example") + marker.len()..];
    let block = |text: &str, fence: &str| -> (String, usize) {
        let start = text.find(fence).expect("a fenced block") + fence.len();
        let end = start + text[start..].find("\n```").expect("the block ends");
        (
            text[start..end].trim_start_matches('\n').to_owned(),
            end + 4,
        )
    };
    let (script, used) = block(after, "```sh");
    let (expected, _) = block(&after[used..], "```text");
    let script = script
        .replace("cargo run -q -p overlay-cli --", OVERLAY)
        .replace(
            "examples/data/",
            &format!("{}/", root.join("examples/data").display()),
        );
    let dir = scratch("readme");
    let output = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(&dir)
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{script}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim_end(),
        expected.trim_end()
    );
}
