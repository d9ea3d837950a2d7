//! The `npy` example against NumPy: NumPy writes seeded random arrays of every element type
//! the example reads (`|i1 |u1`, `<` and `>` of `i2 u2 i4 u4 i8 u8 f4 f8`, with NaN,
//! infinities, negative zero and subnormals among the floats), 1-D and 2-D, empty ones too, in
//! C and Fortran order, in format versions 1.0, 2.0 and 3.0 (`np.lib.format.write_array`), and
//! for each makes random selections `a[r0:r1:rs, c0:c1:cs]` (negative steps and indices, out of
//! range bounds), transposes and flips, printing the view's shape, strides, raw bytes
//! (`np.ascontiguousarray(v).tobytes()`) and values (`repr`), and the exact sum of the array.
//!
//! - In process, `npy::copy_view` (the example's `Grid` pipeline and `Grid::copy_to`) must give
//!   NumPy's bytes and shape, and NumPy's strides on every axis longer than one.
//! - The built example must print the same values (parsed back, compared bit for bit), the
//!   dtype, order, shape, version and sum (exact for integers, within rounding for floats).
//! - Edits: NumPy edits the same view of a copy (`v[r, c] = x`, `v += x`) and writes what the
//!   file must become; the example edits another copy in place through `GridMut`, and the two
//!   files must be byte for byte equal and read back equal by `np.load`. Edits NumPy would do
//!   but the example refuses (an index out of range, a value outside the type, an integer sum
//!   that overflows) must fail with exit status 1 and leave the file unchanged.
//!
//! Malformed files (bad magic, truncated, a dict that does not match the data, unknown dtypes,
//! missing, extra or repeated keys, negative or 0-d shapes, ...) must give exit status 1 and one
//! line on standard error; seeded random mutations of valid files must never panic the example;
//! proptest feeds arbitrary headers to the decoder in process.
//!
//! Without python3 and NumPy the comparisons are skipped with a notice, except under
//! `CI=true`, where they fail.

#[allow(dead_code)]
#[path = "../examples/npy.rs"]
mod npy;
#[path = "support/rng.rs"]
mod rng;
#[path = "support/tools.rs"]
mod tools;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use npy::{NpyError, Selection};
use proptest::prelude::*;

/// Writes the test arrays into the directory given as the first argument and prints one line
/// per array (`F`), per selection (`S`) and per edit (`E`), tab-separated.
const SCRIPT: &str = r##"import math
import os
import shutil
import sys

import numpy as np

out = sys.argv[1]
rng = np.random.default_rng(9)
DTYPES = ["|i1", "|u1", "<i2", ">i2", "<u2", ">u2", "<i4", ">i4", "<u4", ">u4",
          "<i8", ">i8", "<u8", ">u8", "<f4", ">f4", "<f8", ">f8"]
VERSIONS = [(1, 0), (2, 0), (3, 0)]


def make(d, shape):
    if d.kind == "f":
        a = (rng.standard_normal(shape) * 10.0 ** int(rng.integers(-3, 4))).astype(d)
        if a.size >= 4 and rng.integers(0, 3) == 0:
            # Special values: NaN, infinities, negative zero, a subnormal.
            flat = a.reshape(-1)
            specials = [np.nan, np.inf, -np.inf, -0.0, float(np.finfo(d).smallest_normal) / 8]
            for k in rng.choice(a.size, size=3, replace=False):
                flat[k] = specials[int(rng.integers(0, len(specials)))]
        return a
    info = np.iinfo(d)
    native = d.newbyteorder("=")
    return rng.integers(info.min, info.max, size=shape, endpoint=True, dtype=native).astype(d)


def show(x, d):
    return repr(float(x)) if d.kind == "f" else str(int(x))


def axis_part(n):
    """A random part of --slice for an axis of n elements: (text, slice or None if an error)."""
    if n > 0 and rng.integers(0, 6) == 0:
        i = int(rng.integers(-n, n))
        if rng.integers(0, 6) == 0:
            i = n + int(rng.integers(0, 3)) if rng.integers(0, 2) else -n - 1
        k = i + n if i < 0 else i
        return str(i), (slice(k, k + 1) if 0 <= k < n else None)
    def bound():
        return None if rng.integers(0, 4) == 0 else int(rng.integers(-n - 3, n + 4))
    start, stop = bound(), bound()
    step = None if rng.integers(0, 4) == 0 else int(rng.choice([-4, -3, -2, -1, -1, 1, 2, 3]))
    text = ("" if start is None else str(start)) + ":" + ("" if stop is None else str(stop))
    if step is not None or rng.integers(0, 2):
        text += ":" + ("" if step is None else str(step))
    return text, slice(start, stop, step)


def selection(a):
    """A random selection: (slice text, flags, view of `a` as a 2-D array, or None)."""
    grid = a.reshape(1, a.shape[0]) if a.ndim == 1 else a
    parts = []
    if a.ndim == 1:
        if rng.integers(0, 5):
            parts = [axis_part(a.shape[0])]
        sl = (slice(None), parts[0][1] if parts else slice(None))
    else:
        count = int(rng.choice([0, 1, 2, 2, 2]))
        parts = [axis_part(grid.shape[i]) for i in range(count)]
        sl = tuple(p[1] for p in parts) + (slice(None),) * (2 - count)
    flags = "".join(f for f in "trc" if rng.integers(0, 3) == 0)
    if any(s is None for s in sl):
        return ",".join(p[0] for p in parts), flags, None
    v = grid[sl]
    if "t" in flags:
        v = v.T
    if "r" in flags:
        v = v[::-1]
    if "c" in flags:
        v = v[:, ::-1]
    return ",".join(p[0] for p in parts), flags, v


def value_text(d):
    if d.kind == "f":
        return repr(float(d.type(rng.standard_normal() * 100)))
    info = np.iinfo(d)
    if rng.integers(0, 4) == 0:  # out of the type's range: the edit must fail
        return str(info.max + 1 if rng.integers(0, 2) else info.min - 1)
    return str(int(rng.integers(info.min, info.max, endpoint=True, dtype=d.newbyteorder("="))))


def edit(path, a, case):
    """Edits a copy of `path` the way the example will, and writes what the file must be after."""
    d = a.dtype
    edited = os.path.join(out, "case%03d-edited.npy" % case)
    expected = os.path.join(out, "case%03d-expected.npy" % case)
    shutil.copyfile(path, edited)
    c = np.load(path)
    for _ in range(8):  # mostly a view with elements to edit
        text, flags, v = selection(c)
        if v is not None and v.size:
            break
    args, status = [], "ok" if v is not None else "selection"
    info = np.iinfo(d) if d.kind != "f" else None
    operations = int(rng.integers(1, 4)) if status == "ok" else 0
    if operations and v.size and info is not None and rng.integers(0, 4) == 0:
        # An element set to the type's limit, then a sum past it: the edit must fail.
        r, col = int(rng.integers(0, v.shape[0])), int(rng.integers(0, v.shape[1]))
        up = info.min == 0 or bool(rng.integers(0, 2))
        args += ["--set", "%d,%d,%d" % (r, col, info.max if up else info.min)]
        args += ["--add", str(int(rng.integers(1, 4)) * (1 if up else -1))]
        status, operations = "overflow", 0
    for _ in range(operations):
        if rng.integers(0, 2):
            def index(n):
                if n == 0 or rng.integers(0, 10) == 0:  # out of range: the edit must fail
                    return n if rng.integers(0, 2) else -n - 1
                return int(rng.integers(-n, n))
            r, col = index(v.shape[0]), index(v.shape[1])
            value = value_text(d)
            args += ["--set", "%d,%d,%s" % (r, col, value)]
            if not (-v.shape[0] <= r < v.shape[0] and -v.shape[1] <= col < v.shape[1]):
                status = "index"
            elif d.kind == "f":
                v[r, col] = float(value)
            elif info.min <= int(value) <= info.max:  # Python's int reads what Rust's does
                v[r, col] = int(value)
            else:
                status = "value"
        elif d.kind == "f":
            amount = value_text(d)
            args += ["--add", amount]
            v += d.type(float(amount))
        else:
            amount = int(rng.integers(-3 if info.min < 0 or rng.integers(0, 8) == 0 else 0, 4))
            args += ["--add", str(amount)]
            if amount < info.min:
                status = "value"
            elif any(not (info.min <= int(x) + amount <= info.max) for x in v.flat):
                status = "overflow"
            else:
                v += d.type(amount)
        if status != "ok":
            break
    if status == "ok":
        with open(expected, "wb") as f:
            np.lib.format.write_array(f, c, version=VERSIONS[case % 3])
    else:
        shutil.copyfile(path, expected)
    print("\t".join(["E", edited, expected, text, flags or "-", " ".join(args), status]))


case = 0
for descr in DTYPES:
    d = np.dtype(descr)
    assert d.str == descr, (d.str, descr)
    for _ in range(3):
        if rng.integers(0, 4) == 0:
            shape = (int(rng.integers(0, 12)),)
        else:
            shape = (int(rng.integers(1, 8)), int(rng.integers(1, 8)))
            if rng.integers(0, 12) == 0:
                shape = (0, shape[1]) if rng.integers(0, 2) else (shape[0], 0)
        a = make(d, shape)
        if a.ndim == 2 and rng.integers(0, 2):
            a = np.asfortranarray(a)
        fortran = a.flags.f_contiguous and not a.flags.c_contiguous  # as NumPy's writer decides
        version = VERSIONS[case % 3]
        path = os.path.join(out, "case%03d.npy" % case)
        with open(path, "wb") as f:
            np.lib.format.write_array(f, a, version=version)
        back = np.load(path)
        assert back.dtype == d and back.shape == a.shape and np.array_equal(back, a, equal_nan=True)
        values = [float(x) for x in a.flat] if d.kind == "f" else [int(x) for x in a.flat]
        if d.kind != "f":
            total, magnitude = str(sum(values)), "0"
        elif all(math.isfinite(x) for x in values):
            total, magnitude = repr(math.fsum(values)), repr(math.fsum(abs(x) for x in values))
        else:
            total, magnitude = repr(float(np.sum(a.astype(np.float64)))), "nan"
        print("\t".join(["F", path, descr, "Fortran" if fortran else "C", ",".join(map(str, a.shape)),
                         "%d.%d" % version, total, magnitude]))
        for _ in range(4):
            text, flags, v = selection(a)
            if v is None:
                print("\t".join(["S", path, text, flags or "-", "error"]))
                continue
            rows = [" ".join(show(x, d) for x in row) for row in v]
            print("\t".join(["S", path, text, flags or "-", "ok", "%d,%d" % v.shape,
                             "%d,%d" % v.strides, np.ascontiguousarray(v).tobytes().hex(),
                             ";".join(rows)]))
        edit(path, a, case)
        case += 1
"##;

/// Reads pairs of paths (edited, expected) and checks that NumPy reads the same array from
/// both; prints how many pairs it checked.
const CHECK_EDITS: &str = r#"
import sys
import numpy as np

count = 0
for line in sys.stdin:
    edited, expected = line.rstrip("\n").split("\t")
    a, e = np.load(edited), np.load(expected)
    assert a.dtype == e.dtype and a.shape == e.shape, (edited, a.dtype, a.shape, e.dtype, e.shape)
    assert a.flags.f_contiguous == e.flags.f_contiguous, edited
    assert np.array_equal(a, e, equal_nan=True), (edited, a, e)
    assert a.tobytes() == e.tobytes(), edited
    count += 1
print(count)
"#;

fn numpy_available() -> bool {
    tools::python_with("numpy", "the comparison with NumPy")
}

// Left over from an earlier run: start afresh.
use tools::fresh_scratch_dir as scratch_dir;

fn run_example<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    tools::run_example("npy", args)
}

/// The command-line arguments for a selection.
fn selection_args(text: &str, flags: &str) -> Vec<String> {
    let mut args = Vec::new();
    if !text.is_empty() {
        args.extend(["--slice".to_owned(), text.to_owned()]);
    }
    for (flag, arg) in [
        ('t', "--transpose"),
        ('r', "--flip-rows"),
        ('c', "--flip-cols"),
    ] {
        if flags.contains(flag) {
            args.push(arg.to_owned());
        }
    }
    args
}

fn selection(text: &str, flags: &str) -> Selection {
    Selection {
        axes: if text.is_empty() {
            Vec::new()
        } else {
            Selection::parse_slice(text).expect("Python writes valid slices")
        },
        transpose: flags.contains('t'),
        flip_rows: flags.contains('r'),
        flip_cols: flags.contains('c'),
    }
}

/// What the example printed.
struct Report {
    fields: HashMap<String, String>,
    shape: [usize; 2],
    strides: [isize; 2],
    rows: Vec<Vec<String>>,
}

fn parse_report(output: &Output, context: &str) -> Report {
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{context}: the npy example failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut lines = stdout.lines().skip(1);
    let mut fields = HashMap::new();
    for line in lines.by_ref() {
        let (key, value) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("{context}: not `key: value`: {line:?}"));
        fields.insert(key.to_owned(), value.to_owned());
        if key == "view" {
            break;
        }
    }
    // view: (R, C), strides (A, B) bytes
    let numbers: Vec<i64> = fields
        .get("view")
        .unwrap_or_else(|| panic!("{context}: no view line in {stdout}"))
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("numbers"))
        .collect();
    let [rows, cols, row_stride, col_stride] = numbers[..] else {
        panic!("{context}: view line {:?}", fields["view"]);
    };
    let rows_text: Vec<Vec<String>> = lines
        .map(|line| line.split_whitespace().map(str::to_owned).collect())
        .collect();
    Report {
        fields,
        shape: [rows as usize, cols as usize],
        strides: [row_stride as isize, col_stride as isize],
        rows: rows_text,
    }
}

/// Compares one value as the example printed it with NumPy's `repr` of it.
fn same_value(ours: &str, theirs: &str, descr: &str) -> bool {
    match &descr[1..] {
        "f4" | "f8" => {
            let ours = if descr.ends_with("f4") {
                ours.parse::<f32>().map(f64::from)
            } else {
                ours.parse::<f64>()
            };
            let theirs = theirs.parse::<f64>().expect("Python prints floats");
            match ours {
                Ok(ours) => {
                    ours.to_bits() == theirs.to_bits() || (ours.is_nan() && theirs.is_nan())
                }
                Err(_) => false,
            }
        }
        _ => ours == theirs,
    }
}

fn shape_text(python: &str) -> String {
    if python.contains(',') {
        format!("({})", python.replace(',', ", "))
    } else {
        format!("({python},)")
    }
}

/// Checks that output is a rejection: exit status 1, one line on standard error, no report.
fn assert_one_line_error(output: &Output, context: &str) -> String {
    let stderr = tools::assert_one_line_error(output, context);
    assert!(output.stdout.is_empty(), "{context}: printed a report");
    stderr
}

#[test]
fn agrees_with_numpy() {
    if !numpy_available() {
        return;
    }
    let dir = scratch_dir("arrays");
    let listing = tools::run_python(SCRIPT, &[dir.to_str().expect("UTF-8 path")], String::new());
    let (mut files, mut views, mut rejected) = (0, 0, 0);
    let mut outcomes: HashMap<String, usize> = HashMap::new();
    let mut descrs: HashMap<String, String> = HashMap::new();
    let mut pairs = String::new();
    for line in listing.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[..] {
            ["F", path, descr, order, shape, version, sum, magnitude] => {
                descrs.insert(path.to_owned(), descr.to_owned());
                let report = parse_report(&run_example(&[path]), path);
                let field = |key: &str| report.fields.get(key).map_or("", String::as_str);
                assert!(
                    field("dtype").starts_with(&format!("{descr} (")),
                    "{path}: {}",
                    field("dtype")
                );
                assert_eq!(field("order"), order, "{path}: order");
                assert_eq!(field("shape"), shape_text(shape), "{path}: shape");
                assert_eq!(field("format version"), version, "{path}: version");
                let ours = field("sum");
                if descr.contains('f') {
                    let ours: f64 = ours.parse().expect("the sum parses");
                    let exact: f64 = sum.parse().expect("Python prints floats");
                    let magnitude: f64 = magnitude.parse().expect("Python prints floats");
                    if magnitude.is_nan() {
                        // NaN or infinities in the array: the sum is NaN or the same infinity
                        // in any order of summation.
                        assert!(
                            ours.to_bits() == exact.to_bits() || (ours.is_nan() && exact.is_nan()),
                            "{path}: sum {ours} against NumPy's {exact}"
                        );
                    } else {
                        // Summed in f64 in file order; fsum is exact: the difference is
                        // rounding, at most n * 2**-53 of the sum of magnitudes.
                        assert!(
                            (ours - exact).abs() <= 1e-12 * magnitude,
                            "{path}: sum {ours} against the exact {exact}"
                        );
                    }
                } else {
                    assert_eq!(ours, sum, "{path}: sum");
                }
                files += 1;
            }
            ["S", path, text, flags, "error"] => {
                let flags = flags.trim_start_matches('-');
                let bytes = std::fs::read(path).expect("reads the array");
                let header = npy::decode(&bytes).expect("decodes");
                let result = npy::copy_view(&bytes, &header, &selection(text, flags));
                assert!(
                    matches!(result, Err(NpyError::Request(_))),
                    "{path} [{text}] {flags}: NumPy raises IndexError, we gave {result:?}"
                );
                let mut args = vec![path.to_owned()];
                args.extend(selection_args(text, flags));
                assert_one_line_error(&run_example(&args), &format!("{path} [{text}]"));
                rejected += 1;
            }
            ["S", path, text, flags, "ok", shape, strides, hex, values] => {
                let flags = flags.trim_start_matches('-');
                let context = format!("{path} [{text}] {flags}");
                let descr = &descrs[path];
                let bytes = std::fs::read(path).expect("reads the array");
                let header = npy::decode(&bytes).expect("decodes");
                let view = npy::copy_view(&bytes, &header, &selection(text, flags))
                    .unwrap_or_else(|e| panic!("{context}: {e}"));
                let numbers = |text: &str| -> Vec<i64> {
                    text.split(',')
                        .map(|n| n.parse().expect("numbers"))
                        .collect()
                };
                let (shape, strides) = (numbers(shape), numbers(strides));
                assert_eq!(
                    view.shape.map(|n| n as i64).to_vec(),
                    shape,
                    "{context}: shape"
                );
                for axis in 0..2 {
                    // The stride of an axis of one element, or of any axis of an empty view, is
                    // never used to reach an element, and NumPy's differs.
                    if shape[axis] > 1 && shape[1 - axis] > 0 {
                        assert_eq!(
                            view.strides[axis] as i64, strides[axis],
                            "{context}: stride {axis}"
                        );
                    }
                }
                let ours: String = view.bytes.iter().map(|b| format!("{b:02x}")).collect();
                assert_eq!(ours, hex, "{context}: bytes");

                let mut args = vec![path.to_owned()];
                args.extend(selection_args(text, flags));
                let report = parse_report(&run_example(&args), &context);
                assert_eq!(report.shape, view.shape, "{context}: printed shape");
                assert_eq!(report.strides, view.strides, "{context}: printed strides");
                let theirs: Vec<Vec<&str>> = if shape[0] == 0 {
                    Vec::new()
                } else {
                    values
                        .split(';')
                        .map(|row| row.split_whitespace().collect())
                        .collect()
                };
                assert_eq!(report.rows.len(), theirs.len(), "{context}: rows");
                for (r, (ours, theirs)) in report.rows.iter().zip(&theirs).enumerate() {
                    assert_eq!(ours.len(), theirs.len(), "{context}: row {r}");
                    for (c, (ours, theirs)) in ours.iter().zip(theirs).enumerate() {
                        assert!(
                            same_value(ours, theirs, descr),
                            "{context}: ({r}, {c}) is {ours}, NumPy has {theirs}"
                        );
                    }
                }
                views += 1;
            }
            ["E", edited, expected, text, flags, args, status] => {
                let flags = flags.trim_start_matches('-');
                let context = format!("{edited} [{text}] {flags} {args}");
                let mut command = vec![edited.to_owned()];
                command.extend(selection_args(text, flags));
                command.extend(args.split_whitespace().map(str::to_owned));
                let output = run_example(&command);
                if status == "ok" {
                    parse_report(&output, &context);
                } else {
                    let line = assert_one_line_error(&output, &context);
                    let expected = match status {
                        "selection" => "out of range for axis",
                        "index" => "--set: ",
                        "value" => "is not a valid",
                        "overflow" => "overflows",
                        _ => panic!("unexpected status from Python: {status}"),
                    };
                    assert!(line.contains(expected), "{context}: {status}: {line}");
                }
                *outcomes.entry(status.to_owned()).or_insert(0) += 1;
                let ours = std::fs::read(edited).expect("reads the edited file");
                let theirs = std::fs::read(expected).expect("reads NumPy's file");
                assert!(ours == theirs, "{context}: the file differs from NumPy's");
                pairs.push_str(&format!("{edited}\t{expected}\n"));
            }
            _ => panic!("unexpected line from Python: {line:?}"),
        }
    }
    // The seeded script's counts: every kind of line happened.
    assert_eq!(files, 54, "three arrays of each of 18 dtypes");
    assert!(
        views > 150 && rejected > 0,
        "{views} views, {rejected} rejected"
    );
    for status in ["ok", "index", "value", "overflow"] {
        assert!(
            outcomes.get(status).is_some_and(|&n| n > 0),
            "no {status} edits: {outcomes:?}"
        );
    }
    assert!(outcomes["ok"] > 20, "{outcomes:?}");
    let checked = tools::run_python(CHECK_EDITS, &[], pairs);
    assert_eq!(
        checked.trim(),
        files.to_string(),
        "np.load read every edited file"
    );
}

/// The shipped sample, written by NumPy (see examples/data/make_npy.py): the values its
/// script chose, and that running the example never changes it.
#[test]
fn the_default_file_is_the_shipped_sample() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.npy");
    let before = std::fs::read(&sample).expect("reads the sample");
    let report = parse_report(&run_example::<&str>(&[]), "(default)");
    assert_eq!(report.fields["dtype"], ">f4 (float32, big-endian)");
    assert_eq!(report.fields["order"], "C");
    assert_eq!(report.fields["shape"], "(6, 8)");
    assert_eq!(report.fields["sum"], "21.0");
    assert_eq!(report.shape, [6, 8]);
    assert_eq!(
        report.rows[0].join(" "),
        "-2.5 -2.375 -2.25 -2.125 -2.0 -1.875 -1.75 -1.625"
    );
    assert_eq!(report.rows[5][7], "3.375");

    let report = parse_report(
        &run_example(&["--slice", "::-2,1:7:3", "--transpose"]),
        "(default) sliced",
    );
    assert_eq!(report.shape, [2, 3]);
    assert_eq!(report.strides, [12, -64]);
    assert_eq!(
        report.rows,
        [["2.625", "0.625", "-1.375"], ["3.0", "1.0", "-1.0"]]
    );

    // Edits without a FILE are refused (a usage error), and with -o they go to the copy.
    let output = run_example(&["--add", "1"]);
    assert_eq!(output.status.code(), Some(2), "edits of the shipped sample");
    let copy = scratch_dir("default").join("copy.npy");
    let copy_text = copy.to_str().expect("UTF-8 path");
    let report = parse_report(
        &run_example(&[
            "-o", copy_text, "--slice", "1:3,::-1", "--set", "0,0,100", "--add", "0.5",
        ]),
        "(default) -o",
    );
    assert_eq!(report.fields["edited elements"], "16");
    assert_eq!(report.rows[0][0], "100.5");
    assert_eq!(report.rows[1][7], "0.0");
    assert_eq!(
        std::fs::read(&sample).expect("reads the sample"),
        before,
        "the sample changed"
    );
    let copied = std::fs::read(&copy).expect("reads the copy");
    assert_eq!(copied.len(), before.len());
    assert_ne!(copied, before);
    if numpy_available() {
        let script = "import sys, numpy as np\n\
                      a, b = np.load(sys.argv[1]), np.load(sys.argv[2])\n\
                      b[1:3, ::-1][0, 0] = 100\n\
                      b[1:3, ::-1] += np.float32(0.5)\n\
                      assert a.dtype == b.dtype and np.array_equal(a, b), (a, b)\n\
                      print('ok')";
        let sample_text = sample.to_str().expect("UTF-8 path");
        assert_eq!(
            tools::run_python(script, &[copy_text, sample_text], String::new()).trim(),
            "ok"
        );
    }
}

/// A `.npy` file as NumPy lays it out: the preamble, `dict` padded with spaces and a newline to
/// a multiple of 64 bytes, then `data`.
fn npy_file(version: u8, dict: &str, data: &[u8]) -> Vec<u8> {
    let fixed = if version == 1 { 10 } else { 12 };
    let mut header = dict.as_bytes().to_vec();
    let total = (fixed + header.len() + 1).div_ceil(64) * 64;
    header.resize(total - fixed - 1, b' ');
    header.push(b'\n');
    let mut file = b"\x93NUMPY".to_vec();
    file.extend([version, 0]);
    if version == 1 {
        file.extend((header.len() as u16).to_le_bytes());
    } else {
        file.extend((header.len() as u32).to_le_bytes());
    }
    file.extend(header);
    file.extend(data);
    file
}

fn dict(descr: &str, fortran: &str, shape: &str) -> String {
    format!("{{'descr': {descr}, 'fortran_order': {fortran}, 'shape': {shape}, }}")
}

fn write_scratch(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(format!("{name}.npy"));
    std::fs::write(&path, bytes).expect("writes the scratch file");
    path
}

#[test]
fn malformed_files_are_one_line_errors() {
    let dir = scratch_dir("malformed");
    let data = [0u8; 48];
    let good = npy_file(1, &dict("'<f8'", "False", "(2, 3)"), &data);
    assert!(
        run_example(&[write_scratch(&dir, "good", &good)])
            .status
            .success(),
        "the hand-made file is valid"
    );
    let mut cases: Vec<(String, Vec<u8>, &str)> = Vec::new();
    let mut case = |name: &str, bytes: Vec<u8>, expected: &'static str| {
        cases.push((name.to_owned(), bytes, expected));
    };
    let mut bad_magic = good.clone();
    bad_magic[5] = b'X';
    case("bad-magic", bad_magic, "not a .npy file");
    case(
        "png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
        "not a .npy file",
    );
    case("empty", Vec::new(), "the file is empty");
    for cut in [3, 7, 8, 9, 10, 11, 60, 127] {
        let expected = match cut {
            ..=7 => "the preamble needs 8",
            8 | 9 => "header length need 10",
            _ => "the header length is 118 bytes",
        };
        case(&format!("cut-{cut}"), good[..cut].to_vec(), expected);
    }
    case(
        "cut-data",
        good[..good.len() - 1].to_vec(),
        "needs 48 bytes of data, but 47",
    );
    let mut cut_v2 = npy_file(2, &dict("'<f8'", "False", "(2, 3)"), &data);
    cut_v2.truncate(11);
    case("cut-v2", cut_v2, "header length need 12");
    let mut long_header = good.clone();
    long_header[8..10].copy_from_slice(&1000u16.to_le_bytes());
    case(
        "header-past-end",
        long_header,
        "the header length is 1000 bytes, but only",
    );
    let mut version4 = good.clone();
    version4[6] = 4;
    case("version-4", version4, "format version 4.0");
    let mut minor = good.clone();
    minor[7] = 1;
    case("version-1.1", minor, "format version 1.1");
    let mut file = |name: &str, version: u8, dict: &str, data: &[u8], expected: &'static str| {
        case(name, npy_file(version, dict, data), expected);
    };
    file(
        "more-data",
        1,
        &dict("'<f8'", "False", "(2, 2)"),
        &data,
        "needs 32 bytes of data, but 48",
    );
    file(
        "less-data",
        1,
        &dict("'<f8'", "False", "(2, 4)"),
        &data,
        "needs 64 bytes of data, but 48",
    );
    file(
        "c16",
        1,
        &dict("'<c16'", "False", "(3,)"),
        &data,
        "unsupported dtype '<c16'",
    );
    file(
        "f2",
        1,
        &dict("'<f2'", "False", "(24,)"),
        &data,
        "unsupported dtype '<f2'",
    );
    file(
        "object",
        1,
        &dict("'|O'", "False", "(6,)"),
        &data,
        "object arrays",
    );
    file(
        "native",
        1,
        &dict("'=f8'", "False", "(2, 3)"),
        &data,
        "'=' (native)",
    );
    file(
        "no-order",
        1,
        &dict("'|i4'", "False", "(12,)"),
        &data,
        "no byte order",
    );
    file(
        "no-order-char",
        1,
        &dict("'f8'", "False", "(6,)"),
        &data,
        "unsupported dtype 'f8'",
    );
    file(
        "structured",
        1,
        &dict("[('a', '<f8')]", "False", "(6,)"),
        &data,
        "structured dtypes",
    );
    file(
        "descr-int",
        1,
        &dict("8", "False", "(6,)"),
        &data,
        "'descr' must be a string",
    );
    file(
        "order-int",
        1,
        &dict("'<f8'", "0", "(6,)"),
        &data,
        "must be True or False",
    );
    file(
        "order-none",
        1,
        &dict("'<f8'", "None", "(6,)"),
        &data,
        "unexpected name 'None'",
    );
    file(
        "negative",
        1,
        &dict("'<f8'", "False", "(-1, 3)"),
        &data,
        "negative dimension",
    );
    file(
        "zero-d",
        1,
        &dict("'<f8'", "False", "()"),
        &data[..8],
        "0 dimensions",
    );
    file(
        "three-d",
        1,
        &dict("'<f8'", "False", "(1, 2, 3)"),
        &data,
        "3 dimensions",
    );
    file(
        "no-comma",
        1,
        &dict("'<f8'", "False", "(6)"),
        &data,
        "trailing comma",
    );
    file(
        "shape-list",
        1,
        &dict("'<f8'", "False", "[2, 3]"),
        &data,
        "expected a value",
    );
    file(
        "shape-float",
        1,
        &dict("'<f8'", "False", "(6.0,)"),
        &data,
        "plain decimal integers",
    );
    file(
        "shape-string",
        1,
        &dict("'<f8'", "False", "('6',)"),
        &data,
        "a shape holds integers",
    );
    file(
        "huge",
        1,
        &dict("'<f8'", "False", "(1099511627776, 1099511627776)"),
        &data,
        "more bytes than this machine can address",
    );
    file(
        "huge-empty",
        1,
        &dict("'<f8'", "False", "(0, 4611686018427387904)"),
        &[],
        "too large to view",
    );
    file(
        "huge-digits",
        1,
        &dict(
            "'<f8'",
            "False",
            "(1000000000000000000000000000000000000000000,)",
        ),
        &data,
        "too large",
    );
    file(
        "missing-key",
        1,
        "{'descr': '<f8', 'shape': (2, 3), }",
        &data,
        "no 'fortran_order' key",
    );
    file(
        "extra-key",
        1,
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'extra': 1}",
        &data,
        "unexpected key 'extra'",
    );
    file(
        "repeated-key",
        1,
        "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2, 3)}",
        &data,
        "'descr' appears twice",
    );
    file(
        "not-a-dict",
        1,
        "['<f8', False, (2, 3)]",
        &data,
        "'{' starting the header dict",
    );
    file(
        "unclosed",
        1,
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3)",
        &data,
        "found the end of the header",
    );
    file(
        "unterminated",
        1,
        "{'descr': '<f8, 'fortran_order': False, 'shape': (2, 3)}",
        &data,
        "expected ',' or '}' after a value",
    );
    file(
        "no-colon",
        1,
        "{'descr' '<f8', 'fortran_order': False, 'shape': (2, 3)}",
        &data,
        "expected ':'",
    );
    file(
        "after-dict",
        1,
        &(dict("'<f8'", "False", "(2, 3)") + " x"),
        &data,
        "only spaces after",
    );
    file(
        "escape",
        1,
        &dict("'<f\\x38'", "False", "(2, 3)"),
        &data,
        "escape sequences",
    );
    let mut no_newline = good.clone();
    no_newline[127] = b' ';
    case("no-newline", no_newline, "does not end with a newline");
    let mut latin1 = npy_file(3, &dict("'<f8'", "False", "(2, 3)"), &data);
    latin1[20] = 0xe9;
    case("v3-not-utf8", latin1, "must be UTF-8");

    assert!(cases.len() > 40);
    for (name, bytes, expected) in cases {
        let path = write_scratch(&dir, &name, &bytes);
        let line = assert_one_line_error(&run_example(&[&path]), &name);
        assert!(
            line.contains(expected),
            "{name}: expected {expected:?} in {line}"
        );
        assert!(line.contains(" at offset "), "{name}: no offset in {line}");
        // In process too: the decoder (or, for shapes too large to view, the layout) refuses it.
        let decoded = npy::decode(&bytes).and_then(|header| header.layout());
        assert!(decoded.is_err(), "{name}: decoded in process: {decoded:?}");
    }
}

#[test]
fn missing_files_are_one_line_errors() {
    let output = run_example(&["/nonexistent/overlay-npy-test.npy"]);
    assert_one_line_error(&output, "missing file");
    let output = run_example(&["/nonexistent/overlay-npy-test.npy", "--add", "1"]);
    assert_one_line_error(&output, "missing file to edit");
}

#[test]
fn mutated_files_never_panic() {
    let dir = scratch_dir("mutated");
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.npy"
    ))
    .expect("reads the sample");
    let data: Vec<u8> = (0..96).collect();
    let seeds = [
        sample,
        npy_file(2, &dict("'>i2'", "True", "(6, 8)"), &data),
        npy_file(3, &dict("'|u1'", "False", "(96,)"), &data),
    ];
    let options: [&[&str]; 6] = [
        &[],
        &["--slice", "::-1,1:5:2"],
        &["--transpose", "--flip-cols"],
        &["--slice", "-1", "--set", "0,0,7"],
        &["--add", "1"],
        &[
            "--slice",
            "2:,::-3",
            "--flip-rows",
            "--set",
            "-1,-1,1",
            "--add",
            "2",
        ],
    ];
    // Seeded mutations.
    let mut rng = rng::Rng::new(0x9e37_79b9_7f4a_7c15);
    let (mut accepted, mut refused) = (0, 0);
    for case in 0..100 {
        let mut bytes = seeds[case % seeds.len()].clone();
        for _ in 0..1 + rng.below(4) {
            let at = if rng.below(4) == 0 {
                rng.below(bytes.len())
            } else {
                rng.below(128)
            };
            match rng.below(8) {
                0 => bytes.truncate(at),
                1 => bytes.insert(at.min(bytes.len()), rng.next_u64() as u8),
                _ => {
                    if let Some(byte) = bytes.get_mut(at) {
                        // Printable bytes now and then, to get further into the dict.
                        *byte = if rng.below(2) == 0 {
                            b" '(),:-0123456789<>|fiuTF"[rng.below(25)]
                        } else {
                            rng.next_u64() as u8
                        };
                    }
                }
            }
        }
        let path = write_scratch(&dir, &format!("case{case:03}"), &bytes);
        let mut args = vec![path.to_str().expect("UTF-8 path").to_owned()];
        args.extend(
            options[rng.below(options.len())]
                .iter()
                .map(|s| s.to_string()),
        );
        let output = run_example(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            !stderr.contains("panicked"),
            "case {case} {args:?}: {stderr}"
        );
        match output.status.code() {
            Some(0) => accepted += 1,
            Some(1) => {
                assert_eq!(stderr.lines().count(), 1, "case {case}: {stderr:?}");
                refused += 1;
            }
            other => panic!("case {case} {args:?}: exit status {other:?}: {stderr}"),
        }
    }
    assert!(
        accepted > 0 && refused > 0,
        "{accepted} accepted, {refused} refused"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn arbitrary_headers_never_panic(
        dict in proptest::collection::vec(
            prop_oneof![
                Just(b'\''), Just(b'('), Just(b')'), Just(b','), Just(b':'), Just(b' '),
                Just(b'{'), Just(b'}'), Just(b'-'), Just(b'\n'), any::<u8>(),
                (b'0'..=b'9'),
            ],
            0..80,
        ),
        version in 1u8..4,
        data in proptest::collection::vec(any::<u8>(), 0..64),
        slice in "[-0-9:,]{0,12}",
        transpose in any::<bool>(),
    ) {
        let dict = String::from_utf8_lossy(&dict).into_owned();
        let bytes = npy_file(version, &dict, &data);
        if let Ok(header) = npy::decode(&bytes) {
            if let Ok(axes) = Selection::parse_slice(&slice) {
                let selection = Selection { axes, transpose, ..Selection::default() };
                let _ = npy::report(&bytes, &header, &selection);
                let _ = npy::copy_view(&bytes, &header, &selection);
            }
        }
    }

    #[test]
    fn valid_headers_with_any_shape_never_panic(
        descr in prop::sample::select(vec!["'|u1'", "'<i2'", "'>f4'", "'<u8'", "'>f8'"]),
        fortran in any::<bool>(),
        dims in proptest::collection::vec(0usize..6, 1..3),
        slice in "(-?[0-9]?:-?[0-9]?(:-?[0-9])?)(,-?[0-9]?:-?[0-9]?(:-?[0-9])?)?",
        flags in any::<(bool, bool, bool)>(),
        extra in 0usize..3,
    ) {
        let shape = if dims.len() == 1 { format!("({},)", dims[0]) } else { format!("({}, {})", dims[0], dims[1]) };
        let size = match descr { "'|u1'" => 1, "'<i2'" => 2, "'>f4'" => 4, _ => 8 };
        let len = dims.iter().product::<usize>() * size + extra;
        let data: Vec<u8> = (0..len).map(|i| i as u8).collect();
        let bytes = npy_file(1, &dict(descr, if fortran { "True" } else { "False" }, &shape), &data);
        let decoded = npy::decode(&bytes);
        prop_assert_eq!(decoded.is_ok(), extra == 0, "{:?}", decoded);
        if let (Ok(header), Ok(axes)) = (decoded, Selection::parse_slice(&slice)) {
            let selection = Selection { axes, transpose: flags.0, flip_rows: flags.1, flip_cols: flags.2 };
            let report = npy::report(&bytes, &header, &selection);
            let view = npy::copy_view(&bytes, &header, &selection);
            prop_assert_eq!(report.is_ok(), view.is_ok());
            if let Ok(view) = view {
                prop_assert_eq!(view.bytes.len(), view.shape[0] * view.shape[1] * size);
            }
        }
    }
}
