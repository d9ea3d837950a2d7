//! `overlay dump`: whole outputs compared verbatim with committed snapshots in
//! `cli/tests/snapshots/` (`OVERLAY_SNAPSHOTS=overwrite` rewrites them), and every row of dumps of
//! random bytes checked by CPython: the value column must be `repr` of what `struct.unpack_from`
//! returns at that place of the tuple, and the hex column the bytes at the row's offset.
//!
//! Without `python3` the CPython checks print a notice and pass, except under `CI=true`.

#[path = "../../tests/support/snapshot.rs"]
mod snapshot;
#[path = "../../tests/support/tools.rs"]
mod tools;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value as Json};
use snapshot::assert_snapshot;

const OVERLAY: &str = env!("CARGO_BIN_EXE_overlay");

/// A fresh, empty directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("overlay-dump")
        .join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

/// Runs `overlay args...`, expecting success and nothing on standard error.
fn success(args: &[&str]) -> String {
    let output = Command::new(OVERLAY)
        .args(args)
        .output()
        .expect("overlay runs");
    assert!(
        output.status.success() && output.stderr.is_empty(),
        "overlay {args:?}: {:?}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// The snapshot inputs, as bytes written out by hand so that the snapshots need no Python:
/// `(name, arguments before FORMAT, FORMAT, file contents)`.
fn snapshot_cases() -> Vec<(&'static str, Vec<&'static str>, &'static str, Vec<u8>)> {
    let little = [
        b"RIFF".as_slice(),
        &[0x01, 0x00, 0xff, 0xff, 0x00, 0x80], // 3h: 1, -1, -32768
        &[0, 0],                               // 2x
        &[0x24, 0x00, 0x00, 0x00],             // I: 36
        &(-2i64).to_le_bytes(),                // q
        b"name: \"it's\"\n\x00\xff tail",      // 20s, wraps onto three lines
        &[0x02],                               // ?: any non-zero byte is True
        &[0x00, 0x3c],                         // e: 1.0
        &0.1f32.to_le_bytes(),                 // f
        &f64::NAN.to_le_bytes(),               // d
    ]
    .concat();
    let big = [
        &[0xaa, 0xbb, 0xcc][..], // skipped with --offset 3
        &[0x01, 0x02],           // H: 258
        &[0xfe],                 // b: -2
        &[0x00],                 // x
        &[0, 0, 0, 1, 0xff, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff], // 3i
        &[0x80, 0, 0, 0, 0, 0, 0, 0], // i, i: -2**31, 0
        b"abc",                  // 3c
        &[0x05, b'h', b'e', b'l', b'l', b'o', b'!', b'?'], // 8p: b'hello'
        &1e16f64.to_be_bytes(),  // d
        &f32::NEG_INFINITY.to_be_bytes(), // f
        &[0xee; 5],              // stride padding
    ]
    .concat();
    let mut big_two = big.clone();
    big_two.extend_from_slice(&big[3..big.len() - 5]);
    let native = (0u8..80).collect::<Vec<_>>();
    vec![
        ("dump_little", vec![], "<4s3h2xIq20s?efd", little),
        (
            "dump_big_stride",
            vec!["--offset", "3", "--stride", "52"],
            ">Hbx3i2i3c8pdf",
            big_two,
        ),
        (
            "dump_native",
            vec!["--count", "1"],
            "@b3hI4s?0q5xcp2d",
            native,
        ),
    ]
}

#[test]
fn dumps_are_the_committed_snapshots() {
    let dir = scratch("snapshots");
    for (name, options, format, bytes) in snapshot_cases() {
        let path = dir.join(format!("{name}.bin"));
        fs::write(&path, &bytes).unwrap();
        let mut args = vec!["dump"];
        args.extend(options);
        args.extend([format, path_str(&path)]);
        assert_snapshot(name, &success(&args));
    }
}

#[test]
fn the_help_example_is_what_dump_prints() {
    let dir = scratch("help");
    let path = dir.join("sound.bin");
    let mut bytes = vec![0u8; 44];
    bytes.extend_from_slice(b"RIFF\x01\x00\xff\xff\x00\x80\x00\x00");
    fs::write(&path, &bytes).unwrap();
    let printed = success(&["dump", "--offset", "44", "<4s3h2x", path_str(&path)]);
    let help = success(&["dump", "--help"]);
    for row in printed.lines().skip(1) {
        assert!(
            help.contains(&format!("\n    {row}\n")),
            "{row}\nnot in\n{help}"
        );
    }
}

#[test]
fn the_readme_example_is_what_dump_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = fs::read_to_string(root.join("README.md")).expect("the README");
    let args = [
        "dump",
        "--count",
        "1",
        ">HB?I3h2xfI",
        "examples/data/readings.bin",
    ];
    let output = Command::new(OVERLAY)
        .args(args)
        .current_dir(&root)
        .output()
        .expect("overlay runs");
    assert!(output.status.success(), "{output:?}");
    let transcript = format!(
        "$ overlay dump --count 1 '>HB?I3h2xfI' examples/data/readings.bin\n{}",
        String::from_utf8(output.stdout).unwrap()
    );
    assert!(
        readme.contains(&transcript),
        "the README shows this verbatim:\n{transcript}"
    );
}

#[test]
fn errors_are_those_of_unpack() {
    let dir = scratch("errors");
    let empty = dir.join("empty.bin");
    fs::write(&empty, b"").unwrap();
    let ten = dir.join("ten.bin");
    fs::write(&ten, [7u8; 10]).unwrap();
    let (empty, ten) = (path_str(&empty), path_str(&ten));
    let missing = dir.join("missing.bin");
    let cases: &[&[&str]] = &[
        &["<I", empty],
        &["<I", ten],
        &["--count", "3", "<I", ten],
        &["--offset", "11", "<I", ten],
        &["--stride", "2", "<I", ten],
        &["<0s", ten],
        &["<4s 12hZ", ten],
        &["<I", path_str(&missing)],
    ];
    for args in cases {
        let run = |command: &str| {
            let output = Command::new(OVERLAY)
                .arg(command)
                .args(*args)
                .output()
                .expect("overlay runs");
            assert_eq!(output.status.code(), Some(1), "{command} {args:?}");
            assert!(
                output.stdout.is_empty(),
                "{command} {args:?} printed something"
            );
            String::from_utf8(output.stderr).unwrap()
        };
        let said = run("dump");
        assert_eq!(said, run("unpack"), "{args:?}");
        assert!(
            said.starts_with("overlay: ") && !said.contains("panicked"),
            "{said}"
        );
    }
}

/// One row of a dump as the checker reads it.
fn row_json(header: &str, lines: &[&str]) -> Json {
    let at = |name: &str| header.find(name).expect("a column");
    let (field, ty, hex, ascii, value) =
        (at("field"), at("type"), at("hex"), at("ascii"), at("value"));
    let cell = |line: &str, from: usize, to: usize| {
        line.get(from.min(line.len())..to.min(line.len()))
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let first = lines[0];
    let numbers: Vec<usize> = cell(first, 0, field)
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    let mut bytes = Vec::new();
    let mut values = Vec::new();
    for line in lines {
        bytes.extend(
            cell(line, hex, ascii)
                .split_whitespace()
                .map(|b| u8::from_str_radix(b, 16).unwrap()),
        );
        let piece = cell(line, value, line.len());
        if !piece.is_empty() {
            values.push(piece);
        }
    }
    json!({
        "offset": numbers[0],
        "size": numbers[1],
        "label": cell(first, field, ty),
        "type": cell(first, ty, hex),
        "hex": bytes,
        "values": values,
    })
}

/// Every record of a dump: its offset and rows.
fn records_json(format: &str, dump: &str) -> Vec<Json> {
    dump.split("\n\n")
        .map(|record| {
            let lines: Vec<&str> = record.lines().collect();
            let offset: usize = lines[0]
                .split(" at offset ")
                .nth(1)
                .and_then(|rest| rest.split(',').next())
                .and_then(|n| n.parse().ok())
                .expect("the first line says the offset");
            let header = lines[1];
            let offset_end = header.find("offset").unwrap() + "offset".len();
            let size_end = header.find("size").unwrap() + "size".len();
            // A row starts on a line with a size; lines without one continue it.
            let starts = |line: &&str| {
                !line
                    .get(offset_end..size_end)
                    .unwrap_or("")
                    .trim()
                    .is_empty()
            };
            let mut rows = Vec::new();
            let mut start = 2;
            for i in 3..=lines.len() {
                if lines.get(i).is_none_or(starts) {
                    rows.push(row_json(header, &lines[start..i]));
                    start = i;
                }
            }
            json!({"format": format, "offset": offset, "rows": rows})
        })
        .collect()
}

/// Reads PATH and checks each record of the JSON on standard input (as `records_json` makes
/// it) against `struct.unpack_from`; prints `ok` or the problems, one a line.
const CHECKER: &str = r#"
import json, struct, sys

data = open(sys.argv[1], "rb").read()
problems = []
for record in json.load(sys.stdin):
    fmt, start = record["format"], record["offset"]
    values = struct.unpack_from(fmt, data, start)
    seen = []
    end = start
    for row in record["rows"]:
        where = f"{fmt} at {start}, row {row}"
        if row["offset"] != end:
            problems.append(f"{where}: starts at {row['offset']}, the row before ends at {end}")
        end = row["offset"] + row["size"]
        if bytes(row["hex"]) != data[row["offset"]:end]:
            problems.append(f"{where}: hex is not the bytes there")
        shown = " ".join(row["values"])
        label = row["label"]
        if not label:
            zeros = not any(row["hex"])
            if shown != ("pad" if zeros else "pad (not zeros)"):
                problems.append(f"{where}: not shown as pad")
            continue
        index = label[1:-1]
        if ":" in index:
            a, b = map(int, index.split(":"))
            seen.extend(range(a, b))
            if shown != repr(values[a:b]):
                problems.append(f"{where}: {shown} is not {values[a:b]!r}")
            continue
        k = int(index)
        seen.append(k)
        value = values[k]
        if isinstance(value, bytes):
            # An s value is one literal a line, of that line's 8 bytes; p and c values one.
            if row["type"].endswith("s"):
                want = [repr(value[i:i + 8]) for i in range(0, len(value), 8)] or [repr(b"")]
            else:
                want = [repr(value)]
            if row["values"] != want:
                problems.append(f"{where}: {shown} is not {value!r}")
        elif shown != repr(value):
            problems.append(f"{where}: {shown} is not {value!r}")
    if end != start + struct.calcsize(fmt):
        problems.append(f"{fmt} at {start}: rows end at {end}")
    if seen != list(range(len(values))):
        problems.append(f"{fmt} at {start}: rows show values {seen} of {len(values)}")
print("\n".join(problems) or "ok")
"#;

/// Formats with every code, both byte orders, native alignment, repeat counts that wrap, and
/// items of no bytes.
const FORMATS: &[&str] = &[
    "<4s3h2xIq20s?efd",
    ">Hbx3i2i3c8pdf",
    "@b3hI4s?0q5xcp2d",
    "!12B 5Q",
    "=e e 9e",
    "@c i c q c 3d ? 2P",
    "<0s 0h 1s 1h 17s 3p 0x 3x",
    "@lLnN",
    ">10c",
];

#[test]
fn every_row_shows_what_cpython_unpacks() {
    if !tools::cpython_struct() {
        return;
    }
    let dir = scratch("cpython");
    let mut seed = 0x5eed_u64;
    for (index, format) in FORMATS.iter().enumerate() {
        let path = dir.join(format!("random{index}.bin"));
        // Random bytes: every value is some value (NaNs, infinities, any bool byte).
        let bytes: Vec<u8> = (0..997)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (seed >> 56) as u8
            })
            .collect();
        fs::write(&path, &bytes).unwrap();
        let dump = success(&[
            "dump",
            "--offset",
            "5",
            "--stride",
            "97",
            format,
            path_str(&path),
        ]);
        let records = records_json(format, &dump);
        assert!(records.len() >= 9, "{format}: {} records", records.len());
        let said = tools::run_python(
            CHECKER,
            &[path_str(&path)],
            serde_json::to_string(&records).unwrap(),
        );
        assert_eq!(said.trim_end(), "ok", "{format}:\n{dump}");
    }
}
