//! Every example is a program users run on their own files, so no file may make one panic:
//! each example binary is run on a missing file, a directory, an empty file, truncated copies
//! of its sample, random bytes, seeded mutations of its sample, a sparse 3 GiB file and a FIFO
//! with no writer. Every
//! run must end by itself with exit status 0 or 1, never 101 (a panic) or a signal; a failure
//! is exactly one line on standard error, `error: ...` (`Display`, not the `Debug` that
//! `main` returning `Err` prints), and a success prints nothing there.
//!
//! The runs are made under a 256 MiB data limit (`ulimit -d`, where there is a shell), which
//! counts the heap but not read-only file maps: an example that read the 3 GiB file whole
//! would fail to allocate, and an allocation failure is not an acceptable error line.
//!
//! `frames` is a loopback demo that also decodes a recorded stream named on the command
//! line: its sample is a stream of frames written by hand below.

#[path = "support/rng.rs"]
mod rng;
#[path = "support/tools.rs"]
mod tools;

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// A run that takes longer than this is stuck (the slowest run takes a fraction of it).
const WATCHDOG: Duration = Duration::from_secs(20);

/// The data limit of every run, in KiB.
const DATA_LIMIT_KIB: u64 = 256 * 1024;

/// The oversized file: 3 GiB and one byte, sparse (no disk space, no time to write). The odd
/// byte makes it no whole number of quickstart's 24-byte readings; a valid 3 GiB file of
/// readings is read in full, which is right but takes minutes in a debug build. Every other
/// example rejects the zeros at its magic number: what this checks is that none of them reads
/// or copies the file before looking at it.
const OVERSIZED: u64 = 3 * 1024 * 1024 * 1024 + 1;

/// An example, its sample input and how its command line is made.
struct Example {
    name: &'static str,
    /// The case's name: its scratch directory and its random bytes' seed (an example can have
    /// several cases, one per input format).
    case: &'static str,
    sample: Vec<u8>,
    /// Arguments after the input path (image writes an edited copy: into the scratch dir).
    extra_args: fn(&Path) -> Vec<OsString>,
}

fn no_args(_: &Path) -> Vec<OsString> {
    Vec::new()
}

fn shipped(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A small ELF executable of the system, or the elf example's own binary (its default input).
fn elf_sample() -> Vec<u8> {
    let path = ["/usr/bin/true", "/bin/true"]
        .into_iter()
        .map(PathBuf::from)
        .find(|path| path.is_file())
        .unwrap_or_else(|| tools::example_binary("elf"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A recorded `frames` stream, made by hand from the protocol in examples/frames.rs: magic
/// 0x4f56, kind, flags, big-endian length, body.
fn frames_sample() -> Vec<u8> {
    let mut stream = Vec::new();
    let mut frame = |kind: u8, flags: u8, body: &[u8]| {
        stream.extend_from_slice(&[0x4f, 0x56, kind, flags]);
        stream.extend_from_slice(&(body.len() as u32).to_be_bytes());
        stream.extend_from_slice(body);
    };
    frame(1, 0, b"overlay frames v1");
    for (n, len) in [0usize, 1, 7, 300, 1_000, 64].into_iter().enumerate() {
        let body: Vec<u8> = (0..len).map(|i| (n * 31 + i * 7) as u8).collect();
        frame(2, n as u8, &body);
    }
    frame(3, 0, b"");
    frame(4, 0, b"");
    stream
}

/// How one run ended.
struct Outcome {
    status: ExitStatus,
    stderr: String,
}

/// Runs `binary args...` under the data limit, with the watchdog; `None` if it had to be
/// killed.
fn run(binary: &Path, args: &[OsString]) -> Option<Outcome> {
    let mut command = if cfg!(unix) && Path::new("/bin/sh").exists() {
        let mut shell = Command::new("/bin/sh");
        shell
            .arg("-c")
            .arg(format!("ulimit -d {DATA_LIMIT_KIB} && exec \"$0\" \"$@\""))
            .arg(binary);
        shell
    } else {
        Command::new(binary)
    };
    let mut child = command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{} does not start: {e}", binary.display()));
    // Drain both pipes while the child runs, so that a long report cannot block it.
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let drain_stdout = std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    let drain_stderr = std::thread::spawn(move || {
        let mut text = Vec::new();
        stderr.read_to_end(&mut text).map(|_| text)
    });
    let deadline = Instant::now() + WATCHDOG;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for the example") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    drain_stdout
        .join()
        .expect("the stdout reader does not panic")
        .expect("stdout is readable");
    let stderr = drain_stderr
        .join()
        .expect("the stderr reader does not panic")
        .expect("stderr is readable");
    status.map(|status| Outcome {
        status,
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    })
}

#[cfg(unix)]
fn signal(status: ExitStatus) -> Option<i32> {
    std::os::unix::process::ExitStatusExt::signal(&status)
}

#[cfg(not(unix))]
fn signal(_: ExitStatus) -> Option<i32> {
    None
}

/// Checks one run's outcome; returns the problem, if any, as a line for the report.
fn check(binary: &Path, args: &[OsString], case: &str) -> Result<i32, String> {
    let Some(Outcome { status, stderr }) = run(binary, args) else {
        return Err(format!("{case}: still running after {WATCHDOG:?}, killed"));
    };
    if let Some(signal) = signal(status) {
        return Err(format!(
            "{case}: killed by signal {signal}; stderr: {stderr:?}"
        ));
    }
    let code = status.code().unwrap_or(-1);
    match code {
        0 if stderr.is_empty() => Ok(0),
        0 => Err(format!("{case}: exit 0 but stderr says {stderr:?}")),
        1 => {
            let one_line = stderr.ends_with('\n') && stderr.lines().count() == 1;
            if !one_line || !stderr.starts_with("error: ") {
                Err(format!(
                    "{case}: exit 1 without exactly one `error: ` line: {stderr:?}"
                ))
            } else if stderr.contains("out of memory") || stderr.contains("memory allocation") {
                Err(format!(
                    "{case}: ran out of memory (read the file whole?): {stderr:?}"
                ))
            } else {
                Ok(1)
            }
        }
        other => Err(format!("{case}: exit status {other}; stderr: {stderr:?}")),
    }
}

/// Runs `example` on every kind of bad input; fails listing every run that misbehaved.
fn never_panics(example: Example) {
    let Example {
        name,
        case,
        sample,
        extra_args,
    } = example;
    // FNV-1a of the case's name: each case its own random bytes, the same on every run.
    let seed = case.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    let binary = tools::example_binary(name);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("examples_bad_input-{case}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the scratch dir is made");
    let extra = extra_args(&dir);
    let args = |input: &Path| {
        let mut args = vec![input.as_os_str().to_owned()];
        args.extend(extra.iter().cloned());
        args
    };
    let mut problems = Vec::new();
    let mut runs = 0;
    let mut try_file = |case: String, input: &Path, expected: Option<i32>| {
        runs += 1;
        match check(&binary, &args(input), &case) {
            Ok(code) if expected.is_some_and(|expected| expected != code) => {
                problems.push(format!("{case}: exit {code}, expected {expected:?}"));
            }
            Ok(_) => {}
            Err(problem) => problems.push(problem),
        }
    };
    let write = |file: &str, bytes: &[u8]| {
        let path = dir.join(file);
        std::fs::write(&path, bytes).expect("the scratch file is written");
        path
    };

    // The sample itself, to show the harness runs the example at all.
    try_file("the sample".into(), &write("sample", &sample), Some(0));
    try_file("a missing file".into(), &dir.join("no such file"), Some(1));
    try_file("a directory".into(), &dir, Some(1));
    try_file("an empty file".into(), &write("empty", &[]), None);

    let len = sample.len();
    let mut cuts = vec![
        1,
        2,
        4,
        7,
        8,
        12,
        15,
        16,
        23,
        24,
        25,
        40,
        47,
        48,
        54,
        64,
        100,
        128,
        len / 4,
        len / 3,
        len / 2,
        len.saturating_sub(64),
        len.saturating_sub(8),
        len.saturating_sub(1),
    ];
    cuts.retain(|&cut| cut > 0 && cut < len);
    cuts.sort_unstable();
    cuts.dedup();
    for cut in cuts {
        let input = write(&format!("cut-{cut}"), &sample[..cut]);
        try_file(format!("the sample cut to {cut} bytes"), &input, None);
    }

    // Seeded, so that a failure names an input that can be made again.
    let mut random = rng::Rng::new(seed);
    for len in [1, 8, 24, 64, 1_000, 4_096] {
        let input = write(&format!("random-{len}"), &random.bytes(len));
        try_file(format!("{len} random bytes (seed {seed:#x})"), &input, None);
    }
    for keep in [8, 16, 24, 64] {
        let mut bytes = sample[..keep.min(len)].to_vec();
        bytes.extend(random.bytes(len.saturating_sub(keep)));
        let input = write(&format!("head-{keep}"), &bytes);
        try_file(
            format!("the sample's first {keep} bytes, then random ones (seed {seed:#x})"),
            &input,
            None,
        );
    }
    // Mutations: up to 8 bytes replaced, near the start (headers), near the end (trailing
    // tables, such as ELF's section headers) or anywhere.
    for mutation in 0..24 {
        let mut bytes = sample.clone();
        for _ in 0..=random.below(8) {
            let at = match random.below(3) {
                0 => random.below(len.min(256)),
                1 => len - 1 - random.below(len.min(1_024)),
                _ => random.below(len),
            };
            bytes[at] = random.next_u64() as u8;
        }
        let input = write(&format!("mutation-{mutation}"), &bytes);
        try_file(
            format!("mutation {mutation} of the sample (seed {seed:#x})"),
            &input,
            None,
        );
    }

    let oversized = dir.join("oversized");
    std::fs::File::create(&oversized)
        .and_then(|file| file.set_len(OVERSIZED))
        .expect("the sparse file is made");
    try_file(
        format!("a sparse file of {OVERSIZED} bytes"),
        &oversized,
        Some(1),
    );

    // A FIFO with no writer: opening it the ordinary way blocks until a writer appears, so
    // an example that did would be killed by the watchdog.
    #[cfg(unix)]
    {
        let fifo = dir.join("fifo");
        let made = Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a FIFO");
        try_file("a FIFO with no writer".into(), &fifo, Some(1));
    }

    std::fs::remove_dir_all(&dir).expect("the scratch dir is removed");
    assert!(
        problems.is_empty(),
        "{case}: {} of {runs} runs misbehaved:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn quickstart_never_panics() {
    never_panics(Example {
        name: "quickstart",
        case: "quickstart",
        sample: shipped("readings.bin"),
        extra_args: no_args,
    });
}

#[test]
fn pcap_never_panics() {
    never_panics(Example {
        name: "pcap",
        case: "pcap",
        sample: shipped("sample.pcap"),
        extra_args: no_args,
    });
}

#[test]
fn pcapng_never_panics() {
    never_panics(Example {
        name: "pcap",
        case: "pcapng",
        sample: shipped("sample.pcapng"),
        extra_args: no_args,
    });
}

#[test]
fn elf_never_panics() {
    never_panics(Example {
        name: "elf",
        case: "elf",
        sample: elf_sample(),
        extra_args: no_args,
    });
}

#[test]
fn wav_never_panics() {
    never_panics(Example {
        name: "wav",
        case: "wav",
        sample: shipped("tone.wav"),
        extra_args: no_args,
    });
}

#[test]
fn sqlite_never_panics() {
    never_panics(Example {
        name: "sqlite",
        case: "sqlite",
        sample: shipped("sample.db"),
        extra_args: |_| vec!["--pages".into()],
    });
}

#[test]
fn wasm_never_panics() {
    never_panics(Example {
        name: "wasm",
        case: "wasm",
        sample: shipped("sample.wasm"),
        extra_args: |_| vec!["-x".into()],
    });
}

#[test]
fn image_never_panics() {
    never_panics(Example {
        name: "image",
        case: "image",
        sample: shipped("sample.bmp"),
        extra_args: |dir| vec!["-o".into(), dir.join("edited.bmp").into()],
    });
}

#[test]
fn npy_never_panics() {
    never_panics(Example {
        name: "npy",
        case: "npy",
        sample: shipped("sample.npy"),
        extra_args: no_args,
    });
}

#[test]
fn frames_never_panics() {
    never_panics(Example {
        name: "frames",
        case: "frames",
        sample: frames_sample(),
        extra_args: no_args,
    });
}

/// quickstart on files of 0, 1 and 2 readings (the shipped file cut short): a report, no
/// panic, no `f32::MIN` for the hottest of no readings, the format as Python writes it, and
/// the file left as it was.
#[test]
fn quickstart_reads_files_of_zero_one_and_two_readings() {
    let readings = shipped("readings.bin");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("examples_bad_input-short-quickstart");
    std::fs::create_dir_all(&dir).expect("the scratch dir is made");
    for (count, edited, hottest) in [
        (0, None, "hottest: none, the file holds no readings"),
        (1, Some(0), "hottest: 20.00 C"),
        (2, Some(1), "hottest: 20.25 C"),
        (16, Some(2), "hottest: 23.75 C"),
    ] {
        let path = dir.join(format!("{count}-readings.bin"));
        let bytes = &readings[..24 * count];
        std::fs::write(&path, bytes).expect("the scratch file is written");
        let output = Command::new(tools::example_binary("quickstart"))
            .arg(&path)
            .output()
            .expect("quickstart starts");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let context = format!("{count} readings: {stdout}");
        assert!(output.status.success(), "{context}");
        assert!(output.stderr.is_empty(), "{context}");
        assert!(
            stdout.contains("Python struct format >HB?I3h2xfI\n"),
            "{context}"
        );
        assert!(stdout.lines().any(|line| line == hottest), "{context}");
        match edited {
            Some(index) => assert!(
                stdout.contains(&format!("\nreading #{index} after set_temperature"))
                    && stdout
                        .contains("changed fields: status ([00] -> [01]), temperature ([41, a"),
                "{context}"
            ),
            None => assert!(stdout.contains("\nno reading to edit\n"), "{context}"),
        }
        assert_eq!(
            std::fs::read(&path).expect("the file is still there"),
            bytes,
            "{count} readings: quickstart changed its input"
        );
    }
    std::fs::remove_dir_all(&dir).expect("the scratch dir is removed");
}
