//! The real tools the tests compare against (python3, readelf) and the examples they drive:
//! shared by the test files that include this module with `#[path]`.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

/// Whether `program probe...` runs and succeeds. Without it the comparison is skipped with a
/// notice, unless `CI=true`, where a skipped comparison would hide a missing check.
pub fn tool_available(program: &str, probe: &[&str], needed_for: &str) -> bool {
    let found = Command::new(program)
        .args(probe)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{program} is required when CI=true, for {needed_for}"
        );
        eprintln!("notice: {program} not found; skipping {needed_for}");
    }
    found
}

/// Whether `python3` runs and can `import MODULES` (comma-separated); see `tool_available`.
pub fn python_with(modules: &str, needed_for: &str) -> bool {
    tool_available("python3", &["-c", &format!("import {modules}")], needed_for)
}

/// Whether `python3` and its `struct` module are there, for the comparisons with CPython's
/// `struct`.
pub fn cpython_struct() -> bool {
    python_with("struct", "the CPython struct comparison")
}

/// Runs `python3 -c script args...` with `input` on its standard input and returns its
/// standard output; fails the test if python3 fails.
pub fn run_python(script: &str, args: &[&str], input: String) -> String {
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // Write from another thread: Python answers line by line and could fill the output pipe
    // while this thread is still writing.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("python3 runs");
    writer
        .join()
        .expect("the stdin writer does not panic")
        .expect("python3 reads all of its input");
    assert!(
        output.status.success(),
        "python3 {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("python3 prints UTF-8")
}

/// Builds the example `name` once per test process and returns the path of its binary.
///
/// Integration tests are not given the paths of examples, so the example (of the
/// `overlay-examples` package, examples/Cargo.toml) is built with the cargo running this test,
/// into the same target directory and profile, and with the workspace's features: under
/// `cargo test --workspace` that is the binary the test run has already built, so nothing is
/// compiled again.
pub fn example_binary(name: &str) -> PathBuf {
    static BUILT: Mutex<Vec<(String, PathBuf)>> = Mutex::new(Vec::new());
    let mut built = BUILT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, path)) = built.iter().find(|(built_name, _)| built_name == name) {
        return path.clone();
    }
    let test_exe = std::env::current_exe().expect("the test knows its own path");
    // target/<profile>/deps/<this test>
    let profile_dir = test_exe
        .parent()
        .and_then(Path::parent)
        .expect("the test binary lives in target/<profile>/deps");
    let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") | None => "dev",
        Some(other) => other,
    };
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--workspace", "--example", name])
        .args(["--profile", profile])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo starts");
    assert!(status.success(), "cargo build --example {name} failed");
    let binary = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(binary.is_file(), "{} was not built", binary.display());
    built.push((name.to_owned(), binary.clone()));
    binary
}

/// `bytes` as lower-case hex, as Python's `bytes.hex()` writes it.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes of `text` in hex, or `None` if it is not hex.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Runs the example `name` with `args` and returns what it did.
pub fn run_example<S: AsRef<std::ffi::OsStr>>(name: &str, args: &[S]) -> std::process::Output {
    Command::new(example_binary(name))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("the {name} example starts: {e}"))
}

/// A scratch directory under the target directory, named for the test binary and `name`.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{name}", env!("CARGO_CRATE_NAME")));
    std::fs::create_dir_all(&dir).expect("creates the scratch directory");
    dir
}

/// `scratch_dir(name)`, emptied first of what an earlier run left.
pub fn fresh_scratch_dir(name: &str) -> PathBuf {
    let _ = std::fs::remove_dir_all(scratch_dir(name));
    scratch_dir(name)
}

/// A scratch file holding `bytes`, named for the test binary and `name`.
pub fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{}-{name}", env!("CARGO_CRATE_NAME")));
    std::fs::write(&path, bytes).expect("the scratch file is written");
    path
}

/// Checks that a run failed the way bad input must: exit status 1 and exactly one line on
/// standard error, `error: ...`, with no panic. Returns the line.
pub fn assert_one_line_error(output: &std::process::Output, context: &str) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{context}: exit status; stderr: {stderr}"
    );
    assert!(
        !stderr.contains("panicked"),
        "{context}: panicked: {stderr}"
    );
    assert_eq!(
        stderr.lines().count(),
        1,
        "{context}: not one line: {stderr:?}"
    );
    assert!(stderr.starts_with("error: "), "{context}: {stderr}");
    stderr
}

/// Runs the example `example` on a scratch file holding `bytes` and checks it failed the way
/// bad input must: exit status 1 and exactly one line on standard error, naming an offset, with
/// no panic and no report on standard output. Returns the line.
pub fn assert_rejected(example: &str, name: &str, bytes: &[u8]) -> String {
    let output = run_example(example, &[scratch_file(name, bytes)]);
    let stderr = assert_one_line_error(&output, name);
    assert!(
        stderr.contains("offset"),
        "{name}: no offset named: {stderr}"
    );
    assert!(output.stdout.is_empty(), "{name}: printed a report");
    stderr
}

/// One corruption of a sample file: a name for it, the offset it writes at, the bytes it
/// writes there, and what the example's one-line error must then contain.
pub type Patch<'a> = (&'a str, usize, &'a [u8], &'a str);

/// `assert_rejected` on copies of `sample`, each with one of `patches` applied.
pub fn assert_patches_rejected(example: &str, sample: &[u8], patches: &[Patch<'_>]) {
    for &(name, at, bytes, expected) in patches {
        let mut patched = sample.to_vec();
        patched[at..at + bytes.len()].copy_from_slice(bytes);
        let line = assert_rejected(example, name, &patched);
        assert!(line.contains(expected), "{name}: {line}");
    }
}

/// Whether this process runs as root (capturing on loopback needs it).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            == Some("0")
    })
}

/// tcpdump's lines for `file` (`-n`, `TZ=UTC`), its stderr, and whether it exited 0.
pub fn tcpdump(file: &Path) -> (Vec<String>, String, bool) {
    let output = Command::new("tcpdump")
        .args(["-n", "-r"])
        .arg(file)
        .env("TZ", "UTC")
        .output()
        .expect("running tcpdump");
    let lines = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (lines, stderr, output.status.success())
}
