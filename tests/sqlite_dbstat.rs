//! The sqlite example against the `sqlite3` tool: `--pages` equals its `dbstat` table line for
//! line, and `--header` agrees with its PRAGMAs, on databases written by python3's `sqlite3`
//! module (and, for reserved bytes, by the tool itself): every page size from 512 to 65536,
//! tables with and without rowid, indexes, payloads that spill onto overflow chains, deletes
//! that fill the freelist, the three auto-vacuum modes and the three text encodings. Also:
//! decoding allocates nothing per record (the example's source, included here, run under the
//! counting allocator on a small and a large database).

#[macro_use]
mod support;

#[allow(dead_code)]
#[path = "../examples/sqlite.rs"]
mod sqlite_example;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::tools::{self, run_python, tool_available};

/// Writes one database: page size, auto_vacuum, encoding, and the number of rows; prints
/// nothing.
const MAKE_DB: &str = r#"
import os, sqlite3, sys
path, page_size, vacuum, encoding, rows = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
if os.path.exists(path):
    os.remove(path)
db = sqlite3.connect(path)
db.execute("PRAGMA page_size = %d" % page_size)
db.execute("PRAGMA auto_vacuum = %s" % vacuum)
db.execute("PRAGMA encoding = '%s'" % encoding)
db.execute("PRAGMA user_version = 42")
db.execute("PRAGMA application_id = -559038737")
db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, value REAL, raw BLOB)")
db.execute("CREATE INDEX t_name ON t (name)")
db.execute("CREATE INDEX t_raw ON t (raw)")
db.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID")
for i in range(rows):
    size = (i * 97) % (3 * page_size) if i % 5 == 0 else i % 50
    db.execute("INSERT INTO t (name, value, raw) VALUES (?, ?, ?)",
               ("name-%d" % (i % 13) * (1 + i % 4), i / 3, bytes((i + j) % 256 for j in range(size))))
    db.execute("INSERT INTO kv VALUES (?, ?)", ("key-%05d" % i + "x" * (i % 300), bytes(i % 200)))
db.execute("DELETE FROM t WHERE id % 3 = 0")
db.execute("DELETE FROM kv WHERE length(k) % 4 = 1")
db.commit()
db.close()
"#;

fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sqlite_dbstat");
    std::fs::create_dir_all(&dir).expect("the scratch dir is made");
    dir
}

fn sqlite3(db: &Path, sql: &str) -> String {
    let output = Command::new("sqlite3")
        .args(["-separator", " "])
        .arg(db)
        .arg(sql)
        .output()
        .expect("sqlite3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn example(args: &[&str], db: &Path) -> String {
    let output = Command::new(tools::example_binary("sqlite"))
        .args(args)
        .arg(db)
        .output()
        .expect("the example runs");
    assert!(
        output.status.success(),
        "{}: {}",
        db.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// `--pages` against `dbstat`, `--header` against the PRAGMAs.
fn compare(db: &Path) {
    let expected = sqlite3(
        db,
        "SELECT pageno, pagetype, ncell, payload, unused, mx_payload FROM dbstat ORDER BY pageno",
    );
    let found = example(&["--pages"], db);
    assert!(expected.lines().count() > 1, "{expected}");
    if found != expected {
        for (a, b) in found.lines().zip(expected.lines()) {
            assert_eq!(a, b, "{}: first difference", db.display());
        }
        assert_eq!(
            found.lines().count(),
            expected.lines().count(),
            "{}",
            db.display()
        );
    }

    let header = example(&["--header"], db);
    let field = |name: &str| -> String {
        header
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no {name} in {header}"))
            .to_owned()
    };
    let pragmas = sqlite3(
        db,
        "PRAGMA page_size; PRAGMA page_count; PRAGMA freelist_count; PRAGMA schema_version; \
         PRAGMA user_version; PRAGMA application_id; PRAGMA encoding; PRAGMA auto_vacuum;",
    );
    let p: Vec<&str> = pragmas.lines().collect();
    assert_eq!(field("page_size"), p[0]);
    assert_eq!(field("page_count"), p[1]);
    assert_eq!(field("freelist_count"), p[2]);
    assert_eq!(field("schema_cookie"), p[3]);
    assert_eq!(field("user_version"), p[4]);
    // The PRAGMA reads the application id as a signed 32-bit integer.
    let id: u32 = field("application_id").parse().unwrap();
    assert_eq!((id as i32).to_string(), p[5]);
    let encoding = field("text_encoding");
    assert!(
        encoding.ends_with(&format!("({})", p[6])),
        "{encoding} vs {}",
        p[6]
    );
    let vacuum = match (
        field("largest_root").as_str(),
        field("incremental_vacuum").as_str(),
    ) {
        ("0", _) => "0",
        (_, "0") => "1",
        _ => "2",
    };
    assert_eq!(vacuum, p[7], "auto_vacuum");
}

fn tools_present() -> bool {
    tool_available("sqlite3", &["-version"], "the SQLite dbstat comparison")
        && support::tools::python_with("sqlite3", "the SQLite dbstat comparison")
}

#[test]
fn every_page_size_matches_dbstat_and_the_pragmas() {
    if !tools_present() {
        return;
    }
    let dir = scratch();
    for page_size in [512, 1024, 2048, 4096, 8192, 16384, 32768, 65536] {
        let db = dir.join(format!("size-{page_size}.db"));
        let rows = if page_size >= 16384 { 120 } else { 300 };
        run_python(
            MAKE_DB,
            &[
                db.to_str().unwrap(),
                &page_size.to_string(),
                "NONE",
                "UTF-8",
                &rows.to_string(),
            ],
            String::new(),
        );
        compare(&db);
    }
}

#[test]
fn auto_vacuum_modes_and_text_encodings_match() {
    if !tools_present() {
        return;
    }
    let dir = scratch();
    for (vacuum, encoding) in [
        ("FULL", "UTF-16le"),
        ("INCREMENTAL", "UTF-16be"),
        ("NONE", "UTF-16le"),
        ("FULL", "UTF-8"),
    ] {
        let db = dir.join(format!("vacuum-{vacuum}-{encoding}.db"));
        run_python(
            MAKE_DB,
            &[db.to_str().unwrap(), "1024", vacuum, encoding, "200"],
            String::new(),
        );
        compare(&db);
    }
}

#[test]
fn reserved_bytes_match() {
    if !tools_present() {
        return;
    }
    let db = scratch().join("reserved.db");
    let _ = std::fs::remove_file(&db);
    let status = Command::new("sqlite3")
        .arg(&db)
        .args([
            ".filectrl reserve_bytes 32",
            "PRAGMA page_size = 1024",
            "CREATE TABLE t (a, b)",
            "CREATE INDEX t_b ON t (b)",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) \
             INSERT INTO t SELECT i, randomblob(i * 7 % 2000) FROM n",
            "DELETE FROM t WHERE a % 4 = 0",
        ])
        .status()
        .expect("sqlite3 runs");
    assert!(status.success());
    assert!(example(&["--header"], &db).contains("reserved_bytes: 32\n"));
    compare(&db);
}

#[test]
fn the_shipped_sample_matches() {
    if !tools_present() {
        return;
    }
    compare(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.db"));
}

#[test]
fn damaged_copies_are_one_error_line() {
    let sample =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.db"))
            .expect("the sample");
    let dir = scratch();
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated header", sample[..60].to_vec()),
        ("bad magic", {
            let mut b = sample.clone();
            b[3] = b'X';
            b
        }),
        ("odd page size", {
            let mut b = sample.clone();
            b[16..18].copy_from_slice(&1000u16.to_be_bytes());
            b
        }),
        (
            "cut in the middle",
            sample[..sample.len() / 2 + 100].to_vec(),
        ),
    ];
    // Each page's kind byte set to something that is not a b-tree page.
    for page in 2..sample.len() / 1024 {
        let mut b = sample.clone();
        b[page * 1024] = 0x77;
        cases.push(("bad page kind", b));
    }
    for (what, bytes) in cases {
        let path = dir.join("damaged.db");
        std::fs::write(&path, &bytes).unwrap();
        for mode in ["--header", "--pages"] {
            let output = Command::new(tools::example_binary("sqlite"))
                .args([mode])
                .arg(&path)
                .output()
                .expect("the example runs");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(!stderr.contains("panicked"), "{what}: {stderr}");
            if !output.status.success() {
                assert_eq!(output.status.code(), Some(1), "{what}");
                assert_eq!(stderr.lines().count(), 1, "{what}: {stderr}");
                assert!(stderr.starts_with("error: "), "{what}: {stderr}");
            }
        }
    }
}

mod zero_alloc {
    use super::support::counting::counted;
    use super::*;

    #[test]
    fn decoding_allocates_nothing_per_record() {
        if !support::tools::python_with("sqlite3", "the allocation count on real databases") {
            return;
        }
        let dir = scratch();
        let mut counts = Vec::new();
        for rows in [20, 2000] {
            let db = dir.join(format!("alloc-{rows}.db"));
            run_python(
                MAKE_DB,
                &[
                    db.to_str().unwrap(),
                    "1024",
                    "NONE",
                    "UTF-8",
                    &rows.to_string(),
                ],
                String::new(),
            );
            let bytes = std::fs::read(&db).unwrap();
            let mut out = String::with_capacity(1 << 20);
            let (result, allocations) =
                counted(|| sqlite_example::run("--pages", &bytes, &mut out));
            result.unwrap();
            counts.push((out.lines().count(), allocations));
        }
        let (small, large) = (counts[0], counts[1]);
        assert!(large.0 > 20 * small.0 / 2, "{counts:?}");
        // Growing vectors double: a few more allocations for a hundred times more records.
        assert!(large.1 <= small.1 + 32, "{counts:?}");
    }
}
