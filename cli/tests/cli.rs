//! The built `overlay` binary, run on files that CPython's `struct` module wrote, against what
//! CPython prints for the same bytes: `repr(struct.unpack_from(...))` line by line, and the
//! documented JSON encoding built from CPython's values.
//!
//! Without `python3` the comparisons print a notice and pass, except under `CI=true`, where
//! they fail. The error, exit-status and pipe tests need no Python.

#[path = "../../tests/support/tools.rs"]
mod tools;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value as Json;

const OVERLAY: &str = env!("CARGO_BIN_EXE_overlay");

/// Writes `records` (a Python expression: a list of value tuples; `nan` and `inf` are defined)
/// packed with FORMAT to PATH: PREFIX bytes of 0xaa first, each record but the last followed by
/// 0xee up to STRIDE bytes (0: no padding), SUFFIX bytes of 0x55 last. Then reads the file back
/// and prints, as one JSON list, for each record: `repr(struct.unpack_from(...))` and its
/// values in overlay's JSON encoding (bytes as lists of ints, NaN and infinities as null).
const WRITER: &str = r#"
import json, math, struct, sys

fmt, path = sys.argv[1], sys.argv[2]
prefix, stride, suffix = map(int, sys.argv[3:6])
records = eval(sys.stdin.read(), {"nan": math.nan, "inf": math.inf})
size = struct.calcsize(fmt)
stride = stride or size
slots = []
for i, values in enumerate(records):
    record = struct.pack(fmt, *values)
    last = i == len(records) - 1
    slots.append(record if last else record + b"\xee" * (stride - size))
with open(path, "wb") as f:
    f.write(b"\xaa" * prefix + b"".join(slots) + b"\x55" * suffix)

def to_json(value):
    if isinstance(value, bytes):
        return list(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value

with open(path, "rb") as f:
    data = f.read()
out = []
for i in range(len(records)):
    values = struct.unpack_from(fmt, data, prefix + i * stride)
    out.append({"repr": repr(values), "json": [to_json(v) for v in values]})
print(json.dumps(out))
"#;

/// A fresh, empty directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("overlay-cli")
        .join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// Where the records go in the file Python writes.
#[derive(Clone, Copy, Default)]
struct Slots {
    prefix: usize,
    stride: usize,
    suffix: usize,
}

/// What CPython read back from the file it wrote.
struct Expected {
    path: PathBuf,
    reprs: Vec<String>,
    json: Vec<Json>,
}

impl Expected {
    fn text(&self) -> String {
        self.reprs.iter().map(|line| format!("{line}\n")).collect()
    }
}

/// Has CPython write `records` with `format` into `dir/name`; `None` (after a notice) if
/// python3 is missing outside CI.
fn python_writes(
    dir: &Path,
    name: &str,
    format: &str,
    records: &str,
    slots: Slots,
) -> Option<Expected> {
    if !tools::cpython_struct() {
        return None;
    }
    let path = dir.join(name);
    let path_arg = path_str(&path).to_owned();
    let slot_args = [slots.prefix, slots.stride, slots.suffix].map(|n| n.to_string());
    let mut args = vec![format, path_arg.as_str()];
    args.extend(slot_args.iter().map(String::as_str));
    let output = tools::run_python(WRITER, &args, records.to_owned());
    let parsed: Json = serde_json::from_str(&output).expect("python3 prints JSON");
    let records = parsed.as_array().expect("a list of records");
    Some(Expected {
        path,
        reprs: records
            .iter()
            .map(|r| r["repr"].as_str().expect("repr is a string").to_owned())
            .collect(),
        json: records.iter().map(|r| r["json"].clone()).collect(),
    })
}

fn overlay(args: &[&str]) -> Output {
    overlay_with_stdin(args, &[])
}

fn overlay_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(OVERLAY)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("overlay starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    // From another thread: overlay may fill its output pipe before it has read all its input,
    // and it may not read stdin at all (a closed pipe is then fine).
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("overlay runs");
    writer.join().expect("the stdin writer does not panic");
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs overlay expecting success and no diagnostics; returns standard output.
fn success(args: &[&str]) -> String {
    let output = overlay(args);
    assert!(
        output.status.success() && output.stderr.is_empty(),
        "overlay {args:?}: {:?}\n{}",
        output.status,
        stderr(&output)
    );
    stdout(&output)
}

/// Runs overlay expecting exit status 1 and nothing on standard output; returns the one line
/// of standard error.
fn failure(args: &[&str]) -> String {
    failure_with_stdin(args, &[])
}

/// `failure`, with `input` on overlay's standard input.
fn failure_with_stdin(args: &[&str], input: &[u8]) -> String {
    let message = failed(&overlay_with_stdin(args, input), args);
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    message
}

/// Runs overlay expecting exit status 1 and nothing on standard output; returns standard
/// error, however many lines it has.
fn failure_text(args: &[&str]) -> String {
    failed(&overlay(args), args)
}

/// Checks that `overlay ARGS` exited with status 1, printed nothing on standard output and did
/// not panic; returns its standard error.
fn failed(output: &Output, args: &[&str]) -> String {
    assert_eq!(
        output.status.code(),
        Some(1),
        "overlay {args:?}: {:?}",
        output
    );
    assert!(
        output.stdout.is_empty(),
        "overlay {args:?} printed {}",
        stdout(output)
    );
    let message = stderr(output);
    assert!(!message.contains("panicked"), "{message}");
    message
}

/// A Python program that reads what `overlay unpack` is asked to read, with `struct`: COUNT
/// records one every STRIDE bytes from OFFSET (-1: no --count, 0: no --stride); without
/// --count, every record (`iter_unpack` over the bytes after OFFSET without --stride), and at
/// least one. Prints `ok`, or the `struct.error` it stops on.
const READER: &str = r#"
import struct, sys

fmt, path = sys.argv[1:3]
offset, count, stride = map(int, sys.argv[3:6])
data = open(path, "rb").read()
size = struct.calcsize(fmt)

def read(i):
    return struct.unpack_from(fmt, data, offset + i * (stride or size))

try:
    if count >= 0:
        for i in range(count):
            read(i)
    elif stride == 0:
        if not list(struct.iter_unpack(fmt, data[offset:])):
            read(0)
    else:
        read(0)
    print("ok")
except struct.error as e:
    print(e)
"#;

/// What CPython's `struct` says when a Python program reads the records of PATH that
/// `overlay unpack --offset OFFSET [--count COUNT] [--stride STRIDE] FORMAT PATH` is asked
/// for (see `READER`); `None` (after a notice) if python3 is missing outside CI.
fn cpython_says(
    format: &str,
    path: &str,
    offset: usize,
    count: Option<usize>,
    stride: Option<usize>,
) -> Option<String> {
    if !tools::cpython_struct() {
        return None;
    }
    let numbers = [
        offset.to_string(),
        count.map_or("-1".to_owned(), |n| n.to_string()),
        stride.unwrap_or(0).to_string(),
    ];
    let mut args = vec![format, path];
    args.extend(numbers.iter().map(String::as_str));
    let said = tools::run_python(READER, &args, String::new());
    Some(said.trim_end().to_owned())
}

/// Checks that CPython says `message` when a Python program reads what the command line
/// `overlay ARGS` (`unpack [OPTIONS] FORMAT PATH`) is asked to read (when python3 is there),
/// and returns it.
fn cpython_message(args: &[&str], message: &'static str) -> &'static str {
    let ["unpack", options @ .., format, path] = args else {
        panic!("not an unpack command line: {args:?}");
    };
    let (mut offset, mut count, mut stride) = (0, None, None);
    let mut options = options.iter();
    while let Some(&option) = options.next() {
        let mut number = || -> usize {
            let number = options.next().and_then(|n| n.parse().ok());
            number.unwrap_or_else(|| panic!("{option} takes a decimal number in {args:?}"))
        };
        match option {
            "--offset" => offset = number(),
            "--count" => count = Some(number()),
            "--stride" => stride = Some(number()),
            "--json" => {}
            other => panic!("no option {other} for the reader in {args:?}"),
        }
    }
    if let Some(said) = cpython_says(format, path, offset, count, stride) {
        assert_eq!(said, message, "CPython reading what overlay {args:?} reads");
    }
    message
}

/// Runs `overlay ARGS` (`unpack [OPTIONS] FORMAT PATH`) expecting it to fail with the one line
/// `overlay: PATH: PROBLEM: CPYTHON`, CPYTHON being `cpython`, what CPython's `struct` says
/// reading the same records (see `cpython_message`). Returns `cpython`.
fn unpack_fails_as_cpython(args: &[&str], problem: &str, cpython: &'static str) -> &'static str {
    let cpython = cpython_message(args, cpython);
    let path = args.last().expect("a path");
    assert_eq!(
        failure(args),
        format!("overlay: {path}: {problem}: {cpython}\n")
    );
    cpython
}

fn json_lines(text: &str) -> Vec<Json> {
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

/// Formats and records that exercise every kind of value, Python's repr rules and native
/// alignment.
const CASES: &[(&str, &str)] = &[
    ("<IHH", "[(0, 0, 0), (4294967295, 65535, 65535), (1, 2, 3)]"),
    ("<B", "[(5,), (255,), (0,)]"),
    ("<2x", "[(), ()]"),
    ("!H", "[(258,), (65535,)]"),
    (
        "<Qq",
        "[(2**64 - 1, -2**63), (0, 2**63 - 1), (12345678901234567890, -1)]",
    ),
    (
        ">q?3sd",
        r#"[(-2**63, True, b"a'\\", 1e16), (2**63 - 1, False, b'\x00"\xff', -0.0),
            (0, True, b"'\"x", 0.1), (7, False, b'\t\n\r', 1e-05)]"#,
    ),
    (
        "<efd",
        "[(nan, inf, -inf), (0.5, 0.1, 1.5e300), (65504.0, 3.4e38, 5e-324), \
          (-6e-08, -0.0, 123456789.125), (1.0, 1e-7, 1e22)]",
    ),
    (
        "@bhilqnNPc?",
        "[(-128, -32768, -2**31, -2**63, -2**63, -2**63, 2**64 - 1, 2**64 - 1, b'z', True), \
          (1, 2, 3, 4, 5, 6, 7, 8, b'\\x00', False)]",
    ),
    (
        "<5p3c",
        "[(b'hi', b'a', b'b', b'c'), (b'toolongvalue', b'\\xff', b'\\'', b'\\\\')]",
    ),
    (
        "=i 2h x f",
        "[(-1, 2, -3, 2.5), (2**31 - 1, -2**15, 2**15 - 1, -0.75)]",
    ),
];

#[test]
fn unpack_prints_the_tuples_cpython_prints() {
    let dir = scratch("tuples");
    for (index, (format, records)) in CASES.iter().enumerate() {
        let name = format!("case{index}.bin");
        let Some(expected) = python_writes(&dir, &name, format, records, Slots::default()) else {
            return;
        };
        let printed = success(&["unpack", format, path_str(&expected.path)]);
        assert_eq!(printed, expected.text(), "format {format}");
    }
}

#[test]
fn json_lines_carry_cpython_values() {
    let dir = scratch("json");
    for (index, (format, records)) in CASES.iter().enumerate() {
        let name = format!("case{index}.bin");
        let Some(expected) = python_writes(&dir, &name, format, records, Slots::default()) else {
            return;
        };
        let printed = success(&["unpack", "--json", format, path_str(&expected.path)]);
        assert_eq!(json_lines(&printed), expected.json, "format {format}");
    }
}

#[test]
fn json_floats_are_exact_and_keep_their_sign() {
    let dir = scratch("json_floats");
    let Some(expected) = python_writes(
        &dir,
        "floats.bin",
        "<d",
        "[(0.1,), (-0.0,), (5e-324,), (1.7976931348623157e308,), (2/3,), (nan,)]",
        Slots::default(),
    ) else {
        return;
    };
    let printed = success(&["unpack", "--json", "<d", path_str(&expected.path)]);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines[1], "[-0.0]");
    assert_eq!(lines[5], "[null]");
    let data = fs::read(&expected.path).unwrap();
    for (line, record) in lines.iter().zip(data.chunks_exact(8)).take(5) {
        let value: Json = serde_json::from_str(line).unwrap();
        let parsed = value[0].as_f64().expect("a number");
        let written = f64::from_le_bytes(record.try_into().unwrap());
        assert_eq!(parsed.to_bits(), written.to_bits(), "{line}");
    }
}

/// Random bytes, so every bit pattern has its chance: NaN payloads, subnormals, `?` bytes other
/// than 0 and 1, quotes and escapes in bytes. CPython writes the file and prints the records.
#[test]
fn random_records_print_as_cpython_prints_them() {
    if !tools::cpython_struct() {
        return;
    }
    let dir = scratch("random");
    let script = "import random, struct, sys\n\
        fmt, path = sys.argv[1:3]\n\
        data = random.Random(20240607).randbytes(struct.calcsize(fmt) * 500)\n\
        open(path, 'wb').write(data)\n\
        for values in struct.iter_unpack(fmt, data): print(values)";
    for (index, format) in ["<?dfe4sbhHqQ", ">d2e", "@c?xiL5p", "!3s?hf"]
        .iter()
        .enumerate()
    {
        let path = dir.join(format!("random{index}.bin"));
        let output = Command::new("python3")
            .args(["-c", script, format, path_str(&path)])
            .output()
            .expect("python3 runs");
        assert!(output.status.success(), "{}", stderr(&output));
        let expected = String::from_utf8(output.stdout).expect("python3 prints UTF-8");
        assert_eq!(expected.lines().count(), 500);
        assert_eq!(
            success(&["unpack", format, path_str(&path)]),
            expected,
            "{format}"
        );
    }
}

#[test]
fn calcsize_matches_cpython() {
    if !tools::cpython_struct() {
        return;
    }
    let formats = ["<4sIHH", "@bq", "@qb", "!Hd?", "3s 0l", "@?Pe", "", "=5x2L"];
    let script = "import struct, sys\nfor f in sys.argv[1:]: print(struct.calcsize(f))";
    let sizes = tools::run_python(script, &formats, String::new());
    for (format, size) in formats.iter().zip(sizes.lines()) {
        assert_eq!(
            success(&["calcsize", format]),
            format!("{size}\n"),
            "{format}"
        );
    }
}

#[test]
fn offset_skips_a_header() {
    let dir = scratch("offset");
    let slots = Slots {
        prefix: 44,
        ..Slots::default()
    };
    let Some(expected) = python_writes(
        &dir,
        "sound.bin",
        "<hh",
        "[(1, -1), (300, -300), (-32768, 32767)]",
        slots,
    ) else {
        return;
    };
    let path = path_str(&expected.path);
    assert_eq!(
        success(&["unpack", "--offset", "44", "<hh", path]),
        expected.text()
    );
    assert_eq!(
        success(&["unpack", "--offset", "0x2c", "<hh", path]),
        expected.text()
    );
    // The header is 11 records of 0xaaaa; the offset is where the file really starts.
    let all = success(&["unpack", "<hh", path]);
    assert_eq!(all.lines().count(), 14);
    assert!(all.ends_with(&expected.text()));
}

/// Five big-endian `u32` records, 1 to 5, that CPython wrote to `five.bin` in the fresh
/// scratch directory `test`; `None` (after a notice) if python3 is missing outside CI.
fn five_records(test: &str) -> Option<Expected> {
    let records = "[(1,), (2,), (3,), (4,), (5,)]";
    python_writes(&scratch(test), "five.bin", ">I", records, Slots::default())
}

#[test]
fn count_reads_that_many_records() {
    let Some(expected) = five_records("count") else {
        return;
    };
    let path = path_str(&expected.path);
    let first_two: String = expected.reprs[..2]
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(success(&["unpack", "--count", "2", ">I", path]), first_two);
    assert_eq!(
        success(&["unpack", "--count", "5", ">I", path]),
        expected.text()
    );
    assert_eq!(success(&["unpack", "--count", "0", ">I", path]), "");
    let last: String = format!("{}\n", expected.reprs[4]);
    assert_eq!(
        success(&["unpack", "--offset", "16", "--count", "1", ">I", path]),
        last
    );
}

/// `--count` is how many records to print: fewer whole records than that is an error, with
/// nothing printed, naming how many there are and what CPython's `unpack_from` says of the
/// first missing one.
#[test]
fn a_short_count_is_an_error() {
    let Some(expected) = five_records("short_count") else {
        return;
    };
    let path = path_str(&expected.path);
    unpack_fails_as_cpython(
        &["unpack", "--count", "10", ">I", path],
        "--count 10 is more than the 5 whole 4-byte records in the 20 bytes after offset 0",
        "unpack_from requires a buffer of at least 24 bytes for unpacking 4 bytes at offset 20 \
         (actual buffer size is 20)",
    );
    unpack_fails_as_cpython(
        &[
            "unpack", "--json", "--offset", "16", "--count", "3", ">I", path,
        ],
        "--count 3 is more than the 1 whole 4-byte record in the 4 bytes after offset 16",
        "unpack_from requires a buffer of at least 24 bytes for unpacking 4 bytes at offset 20 \
         (actual buffer size is 20)",
    );

    // The case of issue 10: one 24-byte record asked of 10 bytes.
    let ten = expected.path.with_file_name("ten.bin");
    fs::write(&ten, [7u8; 10]).unwrap();
    let ten = path_str(&ten);
    let cpython = unpack_fails_as_cpython(
        &["unpack", "--count", "1", ">24s", ten],
        "--count 1 is more than the 0 whole 24-byte records in the 10 bytes after offset 0",
        "unpack_from requires a buffer of at least 24 bytes for unpacking 24 bytes at offset 0 \
         (actual buffer size is 10)",
    );
    // The same bytes on standard input.
    assert_eq!(
        failure_with_stdin(&["unpack", "--count", "1", ">24s", "-"], &[7; 10]),
        format!(
            "overlay: <stdin>: --count 1 is more than the 0 whole 24-byte records in the 10 \
             bytes after offset 0: {cpython}\n"
        )
    );
}

#[test]
fn stride_reads_records_inside_larger_slots() {
    let dir = scratch("stride");
    let records = "[(1, 1.5, True), (2, -2.5, False), (3, 1e100, True)]";
    // Slots of 24 bytes after a 3-byte prefix; the last slot holds only its 13 record bytes.
    let slots = Slots {
        prefix: 3,
        stride: 24,
        suffix: 0,
    };
    let Some(expected) = python_writes(&dir, "slots.bin", "<Id?", records, slots) else {
        return;
    };
    let path = path_str(&expected.path);
    let args = ["unpack", "--offset", "3", "--stride", "24", "<Id?", path];
    assert_eq!(success(&args), expected.text());
    // Junk after the last record, shorter than a record, is ignored with --stride.
    let padded = Slots {
        suffix: 12,
        ..slots
    };
    let expected = python_writes(&dir, "padded.bin", "<Id?", records, padded).unwrap();
    let path = path_str(&expected.path);
    let args = ["unpack", "--offset", "3", "--stride", "24", "<Id?", path];
    assert_eq!(success(&args), expected.text());
    let json = success(&[
        "unpack", "--json", "--offset", "3", "--stride", "24", "<Id?", path,
    ]);
    assert_eq!(json_lines(&json), expected.json);
    // A fourth record would start at 75, in the 12 junk bytes that end the 76-byte file.
    unpack_fails_as_cpython(
        &[
            "unpack", "--offset", "3", "--stride", "24", "--count", "4", "<Id?", path,
        ],
        "--count 4 is more than the 3 whole 13-byte records in the 73 bytes after offset 3",
        "unpack_from requires a buffer of at least 88 bytes for unpacking 13 bytes at offset 75 \
         (actual buffer size is 76)",
    );
}

#[test]
fn a_partial_last_record_is_an_error_unless_count_or_stride_is_given() {
    let dir = scratch("partial");
    let slots = Slots {
        suffix: 2,
        ..Slots::default()
    };
    let Some(expected) = python_writes(&dir, "data.bin", "<I", "[(7,), (8,)]", slots) else {
        return;
    };
    let path = path_str(&expected.path);
    // CPython's iter_unpack error, then how to read the records anyway.
    let refused = |args: &[&str], problem: &str| {
        let cpython = cpython_message(
            args,
            "iterative unpacking requires a buffer of a multiple of 4 bytes",
        );
        assert_eq!(
            failure(args),
            format!(
                "overlay: {path}: {problem}: {cpython}; use --count or --stride to read part of \
                 it\n"
            )
        );
    };
    refused(
        &["unpack", "<I", path],
        "10 bytes after offset 0 is not a whole number of 4-byte records (2 bytes left over)",
    );
    assert_eq!(
        success(&["unpack", "--count", "2", "<I", path]),
        expected.text()
    );
    assert_eq!(
        success(&["unpack", "--stride", "4", "<I", path]),
        expected.text()
    );
    refused(
        &["unpack", "--offset", "1", "<I", path],
        "9 bytes after offset 1 is not a whole number of 4-byte records (1 byte left over)",
    );
}

#[test]
fn dash_reads_standard_input() {
    let dir = scratch("stdin");
    let Some(expected) = python_writes(
        &dir,
        "in.bin",
        ">hq",
        "[(-2, 2**40), (3, -3)]",
        Slots::default(),
    ) else {
        return;
    };
    let bytes = fs::read(&expected.path).unwrap();
    let output = overlay_with_stdin(&["unpack", ">hq", "-"], &bytes);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), expected.text());
    let output = overlay_with_stdin(&["unpack", "--offset", "10", ">hq", "-"], &bytes);
    assert_eq!(stdout(&output), format!("{}\n", expected.reprs[1]));
    let message = failure_with_stdin(&["unpack", ">hq", "-"], &bytes[..11]);
    assert!(message.starts_with("overlay: <stdin>: 11 bytes after offset 0 "));
}

#[cfg(target_os = "linux")]
#[test]
fn files_that_cannot_be_mapped_are_read() {
    // A pipe opened by name: not a regular file, so it is read, not mapped.
    let output = overlay_with_stdin(&["unpack", "<2s", "/dev/stdin"], b"abcd");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "(b'ab',)\n(b'cd',)\n");
    // /proc files report a size of 0 but have content.
    let version = fs::read("/proc/version").expect("/proc/version");
    let expected = format!("(b'{}',)\n", String::from_utf8_lossy(&version[..5]));
    assert_eq!(
        success(&["unpack", "--count", "1", "<5s", "/proc/version"]),
        expected
    );
}

/// Runs `command` and waits at most `seconds` for it; `None` if it was still running (and was
/// killed then).
fn finishes_within(mut child: std::process::Child, seconds: u64) -> Option<Output> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while std::time::Instant::now() < deadline {
        if child
            .try_wait()
            .expect("the child can be waited on")
            .is_some()
        {
            return Some(child.wait_with_output().expect("its output is read"));
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(OVERLAY)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("overlay runs")
}

/// `--count` says how much input is needed: standard input is not read past it, so a stream
/// that stays open (or never ends) is no reason to wait.
#[test]
fn standard_input_is_read_only_as_far_as_count_needs() {
    let mut child = spawn(&["unpack", "--count", "2", "--offset", "1", "<H", "-"]);
    let mut stdin = child.stdin.take().expect("a stdin pipe");
    stdin.write_all(&[9, 1, 0, 2, 0]).expect("written");
    stdin.flush().expect("flushed");
    // stdin stays open: overlay has what it needs and must not wait for more.
    let output = finishes_within(child, 10).expect("overlay stops once it has 2 records");
    drop(stdin);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "(1,)\n(2,)\n");
}

/// A FIFO is read as a stream from the writers it has when it is opened, and one with no
/// writer is read at once as empty: never an open(2) that waits for a writer forever.
#[cfg(target_os = "linux")]
#[test]
fn a_fifo_is_read_as_a_stream_and_never_waited_on() {
    let dir = scratch("fifo");
    let fifo = dir.join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a FIFO");
    let name = path_str(&fifo);

    let output = finishes_within(spawn(&["unpack", "<H", name]), 10)
        .expect("a FIFO with no writer does not block");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "overlay: {name}: no whole 2-byte record in the 0 bytes after offset 0: unpack_from \
             requires a buffer of at least 2 bytes for unpacking 2 bytes at offset 0 (actual \
             buffer size is 0)\n"
        )
    );

    // With a writer (opened read-write, which Linux allows without waiting for a reader), its
    // bytes are read until it closes.
    let mut writer = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&fifo)
        .expect("the FIFO opens");
    let child = spawn(&["unpack", "<H", name]);
    writer.write_all(&[1, 0, 2, 0]).expect("written");
    std::thread::sleep(std::time::Duration::from_millis(200));
    drop(writer);
    let output = finishes_within(child, 10).expect("the stream ends when its writer closes");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output), "(1,)\n(2,)\n");
}

/// `--no-mmap` reads the file instead of mapping it, with the same output. (With `--count`
/// only the bytes up to the last record are read, so `dump`'s header, which gives the
/// buffer's length, then counts those.)
#[test]
fn no_mmap_reads_the_same_records() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data/readings.bin");
    for args in [
        vec!["unpack", ">HB?I3h2xfI", sample],
        vec![
            "unpack",
            "--count",
            "2",
            "--offset",
            "24",
            ">HB?I3h2xfI",
            sample,
        ],
        vec!["dump", ">HB?I3h2xfI", sample],
    ] {
        let mapped = success(&args);
        let mut read = args.clone();
        read.insert(1, "--no-mmap");
        assert_eq!(success(&read), mapped, "{args:?}");
    }
}

/// No record at all is an error, like a short `--count`: an empty file, empty standard input,
/// an `--offset` at the end, or fewer bytes than one record.
#[test]
fn an_empty_input_is_an_error() {
    let dir = scratch("empty");
    let path = dir.join("empty.bin");
    fs::write(&path, b"").unwrap();
    let path = path_str(&path);
    let cpython = cpython_message(
        &["unpack", "<I", path],
        "unpack_from requires a buffer of at least 4 bytes for unpacking 4 bytes at offset 0 \
         (actual buffer size is 0)",
    );
    let expected = format!(
        "overlay: {path}: no whole 4-byte record in the 0 bytes after offset 0: {cpython}\n"
    );
    assert_eq!(failure(&["unpack", "<I", path]), expected);
    assert_eq!(failure(&["unpack", "--json", "<I", path]), expected);
    assert_eq!(failure(&["unpack", "--stride", "8", "<I", path]), expected);
    assert_eq!(
        failure_with_stdin(&["unpack", "<I", "-"], b""),
        format!(
            "overlay: <stdin>: no whole 4-byte record in the 0 bytes after offset 0: {cpython}\n"
        )
    );
    // Asking for no records is not asking for too many.
    assert_eq!(success(&["unpack", "--count", "0", "<I", path]), "");
}

/// An `--offset` that leaves too few bytes for a record: the example of issue 10 (24-byte
/// records from offset 10 of a 10-byte file), and offsets past the end.
#[test]
fn a_short_offset_is_an_error() {
    let dir = scratch("short_offset");
    let ten = dir.join("ten.bin");
    fs::write(&ten, [0x55u8; 10]).unwrap();
    let ten = path_str(&ten);
    unpack_fails_as_cpython(
        &["unpack", "--offset", "10", ">24s", ten],
        "no whole 24-byte record in the 0 bytes after offset 10",
        "unpack_from requires a buffer of at least 34 bytes for unpacking 24 bytes at offset 10 \
         (actual buffer size is 10)",
    );
    unpack_fails_as_cpython(
        &["unpack", "--offset", "10", "--count", "2", ">24s", ten],
        "--count 2 is more than the 0 whole 24-byte records in the 0 bytes after offset 10",
        "unpack_from requires a buffer of at least 34 bytes for unpacking 24 bytes at offset 10 \
         (actual buffer size is 10)",
    );
    // Fewer bytes than a record after the offset, with --stride (without it, they are a
    // partial record: the iter_unpack error).
    unpack_fails_as_cpython(
        &["unpack", "--offset", "9", "--stride", "4", "<I", ten],
        "no whole 4-byte record in the 1 byte after offset 9",
        "unpack_from requires a buffer of at least 13 bytes for unpacking 4 bytes at offset 9 \
         (actual buffer size is 10)",
    );
    unpack_fails_as_cpython(
        &["unpack", "--offset", "11", "<B", ten],
        "--offset 11 is past the end of the data (10 bytes)",
        "unpack_from requires a buffer of at least 12 bytes for unpacking 1 bytes at offset 11 \
         (actual buffer size is 10)",
    );
}

#[test]
fn errors_are_one_line_with_status_1() {
    let dir = scratch("errors");
    let data = dir.join("data.bin");
    fs::write(&data, [1u8; 8]).unwrap();
    let data = path_str(&data);
    assert_eq!(
        failure(&["unpack", "--stride", "2", "<I", data]),
        "overlay: --stride 2 is smaller than one '<I' record (4 bytes); the stride must be at \
         least the record size\n"
    );
    assert_eq!(
        failure(&["unpack", "--offset", "9", "<B", data]),
        format!(
            "overlay: {data}: --offset 9 is past the end of the data (8 bytes): unpack_from \
             requires a buffer of at least 10 bytes for unpacking 1 bytes at offset 9 (actual \
             buffer size is 8)\n"
        )
    );
    assert_eq!(
        failure(&["unpack", "--stride", "0x1", "<H", data]),
        "overlay: --stride 1 is smaller than one '<H' record (2 bytes); the stride must be at \
         least the record size\n"
    );
    assert_eq!(
        failure(&["unpack", "0s", data]),
        "overlay: format '0s' describes records of 0 bytes; there are no records to unpack\n"
    );
    assert_eq!(
        failure(&["unpack", "<B", path_str(&dir)]),
        format!(
            "overlay: cannot read {}: Is a directory (os error 21)\n",
            path_str(&dir)
        )
    );
}

/// A bad FORMAT: CPython's message, then the format with a caret under the character the
/// message is about, on every command.
#[test]
fn format_errors_point_at_the_bad_character() {
    let dir = scratch("caret");
    let data = dir.join("data.bin");
    fs::write(&data, [1u8; 8]).unwrap();
    let data = path_str(&data);
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["unpack", ">HB?Q3h2xfZ", data],
            ">HB?Q3h2xfZ",
            "overlay: bad format: bad char in struct format\n\
             \x20 >HB?Q3h2xfZ\n\
             \x20           ^\n",
        ),
        (
            &["unpack", "--json", "<Z", data],
            "<Z",
            "overlay: bad format: bad char in struct format\n\
             \x20 <Z\n\
             \x20  ^\n",
        ),
        (
            &["calcsize", "3"],
            "3",
            "overlay: bad format: repeat count given without format specifier\n\
             \x20 3\n\
             \x20 ^\n",
        ),
        (
            &["calcsize", "<4s 16"],
            "<4s 16",
            "overlay: bad format: repeat count given without format specifier\n\
             \x20 <4s 16\n\
             \x20     ^\n",
        ),
        (
            &["calcsize", "<h 3 h"],
            "<h 3 h",
            "overlay: bad format: bad char in struct format\n\
             \x20 <h 3 h\n\
             \x20     ^\n",
        ),
        (
            &["calcsize", "@i 99999999999999999999x"],
            "@i 99999999999999999999x",
            "overlay: bad format: total struct size too long\n\
             \x20 @i 99999999999999999999x\n\
             \x20    ^\n",
        ),
        // Whitespace control characters are shown escaped, the caret moving with them.
        (
            &["unpack", "<h\t\ni\tq!", data],
            "<h\t\ni\tq!",
            "overlay: bad format: bad char in struct format\n\
             \x20 <h\\t\\ni\\tq!\n\
             \x20           ^\n",
        ),
    ];
    let formats: Vec<&str> = cases.iter().map(|(_, format, _)| *format).collect();
    let script = "import struct, sys\n\
        for f in sys.argv[1:]:\n\
        \x20   try: struct.calcsize(f)\n\
        \x20   except struct.error as e: print(e)";
    let cpython =
        tools::cpython_struct().then(|| tools::run_python(script, &formats, String::new()));
    for (index, (args, format, expected)) in cases.iter().enumerate() {
        assert_eq!(failure_text(args), *expected, "{format:?}");
        if let Some(cpython) = &cpython {
            let said = cpython.lines().nth(index).expect("one message per format");
            assert_eq!(
                expected.lines().next(),
                Some(format!("overlay: bad format: {said}").as_str()),
                "{format:?}"
            );
        }
    }
}

/// The error examples of the README's command-line section, run as shown there (in a
/// directory holding a 10-byte `ten.bin`) and found in the README verbatim.
#[test]
fn readme_error_examples_are_what_overlay_prints() {
    let dir = scratch("readme");
    fs::write(dir.join("ten.bin"), [0u8; 10]).unwrap();
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
        .expect("the README");
    let record = ">HB?I3h2xfI";
    let examples: &[(&str, &[&str])] = &[
        (
            "overlay unpack '>HB?I3h2xfI' ten.bin",
            &["unpack", record, "ten.bin"],
        ),
        (
            "overlay unpack --count 1 '>HB?I3h2xfI' ten.bin",
            &["unpack", "--count", "1", record, "ten.bin"],
        ),
        (
            "overlay unpack --offset 10 '>HB?I3h2xfI' ten.bin",
            &["unpack", "--offset", "10", record, "ten.bin"],
        ),
        (
            "overlay unpack '>HB?I3h2xZI' ten.bin",
            &["unpack", ">HB?I3h2xZI", "ten.bin"],
        ),
    ];
    for (shown, args) in examples {
        let output = Command::new(OVERLAY)
            .args(*args)
            .current_dir(&dir)
            .output()
            .expect("overlay runs");
        assert_eq!(output.status.code(), Some(1), "{shown}");
        assert!(output.stdout.is_empty(), "{shown}");
        let transcript = format!("$ {shown}\n{}", stderr(&output));
        assert!(
            readme.contains(&transcript),
            "the README shows this verbatim:\n{transcript}"
        );
    }
}

#[test]
fn a_missing_file_is_named() {
    let dir = scratch("missing");
    let output = Command::new(OVERLAY)
        .args(["unpack", "<I", "data.bin"])
        .current_dir(&dir)
        .output()
        .expect("overlay runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "overlay: cannot open data.bin: No such file or directory (os error 2)\n"
    );
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &["unpack", "<I"][..],
        &["unpack", "--count", "ten", "<I", "x"],
        &["unpack", "--offset", "-1", "<I", "x"],
        &["frobnicate"],
        &[],
    ] {
        let output = overlay(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        assert!(!stderr(&output).contains("panicked"));
    }
}

#[test]
fn help_shows_examples_and_the_json_encoding() {
    let top = success(&["--help"]);
    assert!(top.contains("Examples:") && top.contains("overlay unpack '<IHH' data.bin"));
    let unpack = success(&["unpack", "--help"]);
    for needle in [
        "--offset",
        "--count",
        "--stride",
        "--json",
        "null",
        "[97,98,0]",
        "ignored",
    ] {
        assert!(
            unpack.contains(needle),
            "unpack --help mentions {needle}:\n{unpack}"
        );
    }
}

/// `overlay unpack ... | head -1`: the reader goes away; overlay stops quietly, with status 0.
#[test]
fn a_closed_output_pipe_ends_quietly() {
    let dir = scratch("pipe");
    let path = dir.join("big.bin");
    // 256 Ki records, several MiB of output: far more than a pipe buffers.
    let bytes: Vec<u8> = (0u32..1 << 18).flat_map(u32::to_le_bytes).collect();
    fs::write(&path, bytes).unwrap();
    for json in [false, true] {
        let mut args = vec!["unpack", "<I", path_str(&path)];
        if json {
            args.insert(1, "--json");
        }
        let mut child = Command::new(OVERLAY)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("overlay starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout is piped"))
            .read_line(&mut first)
            .expect("one line");
        assert_eq!(first, if json { "[0]\n" } else { "(0,)\n" });
        // The reader (and with it the pipe's read end) is dropped here.
        let mut errors = String::new();
        child
            .stderr
            .take()
            .expect("stderr is piped")
            .read_to_string(&mut errors)
            .expect("stderr");
        let status = child.wait().expect("overlay exits");
        assert!(status.success(), "{args:?}: {status:?}, {errors}");
        assert_eq!(errors, "", "{args:?}");
    }
}
