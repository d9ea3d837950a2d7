//! The `wasm` example against wabt's `wasm-objdump` (Debian's `wabt`, 1.0.32): the built example
//! runs on modules that `wat2wasm` assembles from the sources in `tests/data/wasm/` (every kind
//! of import and export, types with parameters and results, globals, a start function,
//! element and data segments of every form, a DataCount section, tags, several memories, the
//! custom `name` section with `--debug-names` and without it), on the shipped sample, on
//! modules written byte by byte here (multi-byte LEB128 counts and sizes, long names, empty
//! sections), and on `rustc --target wasm32-unknown-unknown` output when that target is
//! installed. Its standard output with `-h`, `-x` and both is compared with `wasm-objdump`'s
//! line for line, with no normalisation: the example prints the file's base name in its first
//! lines, as wasm-objdump does, so the outputs are equal byte for byte.
//!
//! Truncated copies print what wasm-objdump prints (the sections before the cut) and end with
//! exit status 1 and one error line; overlong LEB128s, counts past the end of their section and
//! a bad magic end the same way, naming the record and the offset. A property test feeds the
//! decoder arbitrary and mutated bytes in process, and the zero-allocation test shows that
//! decoding and printing allocate the same for ten records as for a thousand.
//!
//! Without `wat2wasm` and `wasm-objdump` the comparisons are skipped with a notice, except
//! under `CI=true`, where they fail.

#[allow(dead_code)]
#[path = "../examples/wasm.rs"]
mod wasm;

#[allow(dead_code)] // StackText
#[path = "support/counting.rs"]
mod counting;
#[path = "support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use proptest::prelude::*;

const NEEDED_FOR: &str = "the wasm-objdump comparison";

/// Whether wabt's two tools are there (see `tools::tool_available`).
fn wabt() -> bool {
    tools::tool_available("wat2wasm", &["--version"], NEEDED_FOR)
        && tools::tool_available("wasm-objdump", &["--version"], NEEDED_FOR)
}

fn wat_source(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/wasm")
        .join(name)
}

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.wasm")
}

/// Assembles `source` with `wat2wasm flags...` into the scratch directory as `name`.
fn assemble(source: &Path, flags: &[&str], name: &str) -> PathBuf {
    let output = tools::scratch_dir("modules").join(name);
    let status = Command::new("wat2wasm")
        .args(flags)
        .arg(source)
        .arg("-o")
        .arg(&output)
        .status()
        .expect("wat2wasm starts");
    assert!(status.success(), "wat2wasm {flags:?} {}", source.display());
    output
}

fn objdump(flags: &[&str], file: &Path) -> Output {
    Command::new("wasm-objdump")
        .args(flags)
        .arg(file)
        .output()
        .expect("wasm-objdump starts")
}

fn run_example(flags: &[&str], file: &Path) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = flags.iter().map(|f| f.as_ref()).collect();
    args.push(file.as_os_str());
    tools::run_example("wasm", &args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Fails with the first line where the two listings differ, and both listings.
fn assert_same_lines(ours: &str, theirs: &str, context: &str) {
    if ours == theirs {
        return;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (ours.lines().collect(), theirs.lines().collect());
    let line = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    panic!(
        "{context}: line {} differs\n  ours:         {:?}\n  wasm-objdump: {:?}\n--- ours\n{ours}--- wasm-objdump\n{theirs}",
        line + 1,
        a.get(line),
        b.get(line)
    );
}

/// Compares the example with wasm-objdump on a good module: `-h`, `-x`, both, and no flag
/// (which is `-h`); both succeed and print nothing on standard error.
fn assert_matches_objdump(file: &Path) {
    for flags in [&["-h"][..], &["-x"], &["-h", "-x"]] {
        let theirs = objdump(flags, file);
        assert!(
            theirs.status.success(),
            "wasm-objdump {flags:?} {}: {}",
            file.display(),
            text(&theirs.stderr)
        );
        let ours = run_example(flags, file);
        assert!(
            ours.status.success() && ours.stderr.is_empty(),
            "the example {flags:?} {}: {}",
            file.display(),
            text(&ours.stderr)
        );
        assert_same_lines(
            &text(&ours.stdout),
            &text(&theirs.stdout),
            &format!("{flags:?} {}", file.display()),
        );
    }
    let bare = run_example(&[], file);
    assert_eq!(text(&bare.stdout), text(&objdump(&["-h"], file).stdout));
}

#[test]
fn the_sample_is_what_its_script_assembles_and_matches_wasm_objdump() {
    if !wabt() {
        return;
    }
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.wat");
    let fresh = assemble(&source, &["--debug-names"], "sample.wasm");
    assert_eq!(
        std::fs::read(&fresh).unwrap(),
        std::fs::read(sample_path()).unwrap(),
        "examples/data/sample.wasm is not what `sh examples/data/make_sample.sh` makes"
    );
    assert_matches_objdump(&sample_path());
    // Run bare, the example reads the sample.
    let bare = tools::run_example::<&str>("wasm", &[]);
    assert!(bare.status.success());
    assert_eq!(
        text(&bare.stdout),
        text(&objdump(&["-h"], &sample_path()).stdout)
    );
}

#[test]
fn imports_and_exports_of_every_kind_with_and_without_a_name_section() {
    if !wabt() {
        return;
    }
    let source = wat_source("kinds.wat");
    assert_matches_objdump(&assemble(&source, &["--debug-names"], "kinds-named.wasm"));
    // Without a name section, functions and globals are named by their imports and exports.
    let unnamed = assemble(&source, &[], "kinds.wasm");
    assert_matches_objdump(&unnamed);
    let listing = text(&run_example(&["-x"], &unnamed).stdout);
    assert!(listing.contains(" - func[0] sig=3 <host.print> <- host.print\n"));
    assert!(listing.contains(" - func[1] sig=1 <ünïcödé> <- host.binary\n"));
}

#[test]
fn element_and_data_segments_of_every_form() {
    if !wabt() {
        return;
    }
    let file = assemble(&wat_source("bulk.wat"), &["--debug-names"], "bulk.wasm");
    assert_matches_objdump(&file);
    let listing = text(&run_example(&["-h"], &file).stdout);
    assert!(listing.contains("DataCount start="), "{listing}");
}

#[test]
fn tags_memories_and_extended_constants() {
    if !wabt() {
        return;
    }
    let file = assemble(
        &wat_source("features.wat"),
        &["--enable-all", "--debug-names"],
        "features.wasm",
    );
    assert_matches_objdump(&file);
}

#[test]
fn reference_and_vector_initializers_where_wasm_objdump_prints_garbage() {
    if !wabt() {
        return;
    }
    let file = assemble(
        &wat_source("references.wat"),
        &["--debug-names"],
        "references.wasm",
    );
    // wasm-objdump prints the type of the initializer before these with an uninitialized value,
    // so those three lines are compared up to their initializer.
    let cut = |listing: &str| -> Vec<String> {
        listing
            .lines()
            .map(|line| match line.find(" - init ") {
                Some(at) if line.starts_with(" - global[") && !line.contains("<first>") => {
                    line[..at].to_owned()
                }
                _ => line.to_owned(),
            })
            .collect()
    };
    let ours = text(&run_example(&["-x"], &file).stdout);
    let theirs = text(&objdump(&["-x"], &file).stdout);
    assert_eq!(cut(&ours), cut(&theirs));
    for line in [
        " - global[0] i32 mutable=0 <first> - init i32=1",
        " - global[1] funcref mutable=0 <function> - init ref.func:0 <callback>",
        " - global[2] externref mutable=0 <nothing> - init null",
        " - global[3] v128 mutable=0 <vector> - init v128=0x00000001 0xffffffff 0x12345678 \
         0x00000000 ",
    ] {
        assert!(ours.lines().any(|ours| ours == line), "{line:?} in\n{ours}");
    }
}

/// Modules written here byte by byte.
mod encode {
    pub fn leb(mut value: u64) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let byte = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                out.push(byte);
                return out;
            }
            out.push(byte | 0x80);
        }
    }

    pub fn name(text: &str) -> Vec<u8> {
        let mut out = leb(text.len() as u64);
        out.extend_from_slice(text.as_bytes());
        out
    }

    pub fn vector(entries: &[Vec<u8>]) -> Vec<u8> {
        let mut out = leb(entries.len() as u64);
        for entry in entries {
            out.extend_from_slice(entry);
        }
        out
    }

    pub fn section(id: u8, contents: &[u8]) -> Vec<u8> {
        let mut out = vec![id];
        out.extend(leb(contents.len() as u64));
        out.extend_from_slice(contents);
        out
    }

    /// A module of `n` imported and `n` defined functions, each exported and named in a name
    /// section (with a local name), a memory with a data segment of `n` bytes, and an empty
    /// custom section.
    pub fn module(n: usize) -> Vec<u8> {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        // (i32) -> i32 and () -> nil.
        let types = vector(&[vec![0x60, 1, 0x7f, 1, 0x7f], vec![0x60, 0, 0]]);
        module.extend(section(1, &types));
        let imports: Vec<Vec<u8>> = (0..n)
            .map(|i| [name("env"), name(&format!("import_{i}")), vec![0, 1]].concat())
            .collect();
        module.extend(section(2, &vector(&imports)));
        module.extend(section(3, &vector(&vec![vec![0]; n])));
        module.extend(section(5, &vector(&[vec![0, 1]])));
        let exports: Vec<Vec<u8>> = (0..n)
            .map(|i| [name(&format!("export_{i}")), vec![0], leb((n + i) as u64)].concat())
            .collect();
        module.extend(section(7, &vector(&exports)));
        // Each body: no locals, local.get 0, end.
        module.extend(section(10, &vector(&vec![vec![4, 0, 0x20, 0, 0x0b]; n])));
        let data = [
            vec![0, 0x41, 0x80, 0x01, 0x0b],
            leb(n as u64),
            vec![0x5a; n],
        ]
        .concat();
        module.extend(section(11, &vector(&[data])));
        let functions: Vec<Vec<u8>> = (n..2 * n)
            .map(|i| {
                [
                    leb(i as u64),
                    name(&format!("{}{i}", "long_name_".repeat(20))),
                ]
                .concat()
            })
            .collect();
        let locals: Vec<Vec<u8>> = (n..2 * n)
            .map(|i| [leb(i as u64), vector(&[[leb(0), name("value")].concat()])].concat())
            .collect();
        let mut names = name("name");
        names.extend(section(1, &vector(&functions)));
        names.extend(section(2, &vector(&locals)));
        module.extend(section(0, &names));
        module.extend(section(0, &name("empty")));
        module
    }
}

#[test]
fn multi_byte_counts_and_sizes_long_names_and_empty_sections() {
    if !wabt() {
        return;
    }
    for n in [0, 3, 200] {
        let file = tools::scratch_file(&format!("written-{n}.wasm"), &encode::module(n));
        assert_matches_objdump(&file);
    }
    let empty = tools::scratch_file("empty.wasm", b"\0asm\x01\0\0\0");
    assert_matches_objdump(&empty);
}

#[test]
fn rustc_wasm32_output_if_the_target_is_installed() {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|output| text(&output.stdout))
        .unwrap_or_default();
    if !installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        eprintln!(
            "notice: the wasm32-unknown-unknown target is not installed; skipping the comparison \
             on rustc's output (`rustup target add wasm32-unknown-unknown` to run it)"
        );
        return;
    }
    if !wabt() {
        return;
    }
    let dir = tools::fresh_scratch_dir("rustc");
    let source = dir.join("lib.rs");
    std::fs::write(
        &source,
        "#![no_std]\n\
         #[panic_handler]\nfn panic(_: &core::panic::PanicInfo) -> ! { loop {} }\n\
         use core::sync::atomic::{AtomicU64, Ordering};\n\
         static TOTAL: AtomicU64 = AtomicU64::new(0);\n\
         #[no_mangle]\npub extern \"C\" fn add(a: u64, b: u64) -> u64 { \
         TOTAL.fetch_add(a, Ordering::Relaxed) + b }\n\
         #[no_mangle]\npub extern \"C\" fn scale(x: f64) -> f64 { x * 1.5 }\n",
    )
    .unwrap();
    for opt in ["0", "2"] {
        let output = dir.join(format!("lib-O{opt}.wasm"));
        let status = Command::new("rustc")
            .args([
                "--target",
                "wasm32-unknown-unknown",
                "--crate-type",
                "cdylib",
            ])
            .args(["-C", &format!("opt-level={opt}"), "-o"])
            .arg(&output)
            .arg(&source)
            .status()
            .expect("rustc starts");
        assert!(status.success(), "rustc --target wasm32-unknown-unknown");
        assert_matches_objdump(&output);
    }
}

/// The sample's sections: where each starts (its id byte) and ends.
fn sample_sections(sample: &[u8]) -> Vec<(usize, usize)> {
    let module = wasm::decode(sample).unwrap();
    assert!(module.error.is_none());
    module
        .sections()
        .map(|item| {
            let (offset, section) = item.unwrap();
            (offset, offset + section.as_bytes().len())
        })
        .collect()
}

#[test]
fn truncated_copies_print_the_sections_before_the_cut_and_one_error() {
    let sample = std::fs::read(sample_path()).unwrap();
    let compare = wabt();
    for (i, (start, end)) in sample_sections(&sample).into_iter().enumerate() {
        // Cut inside the section's header and inside its contents.
        for cut in [start + 1, (start + end).div_ceil(2).max(start + 2)] {
            if cut >= end {
                continue;
            }
            let name = format!("cut-{cut}.wasm");
            let file = tools::scratch_file(&name, &sample[..cut]);
            for flags in [&["-h"][..], &["-x"]] {
                let ours = run_example(flags, &file);
                let line = tools::assert_one_line_error(&ours, &name);
                assert!(
                    line.contains(&format!("at offset {start}:")),
                    "section {i} cut at {cut}: {line}"
                );
                if compare {
                    let theirs = objdump(flags, &file);
                    assert_eq!(theirs.status.code(), Some(1));
                    assert_same_lines(
                        &text(&ours.stdout),
                        &text(&theirs.stdout),
                        &format!("{flags:?} {name}"),
                    );
                }
            }
        }
    }
    // Inside the header: nothing printed.
    for cut in [0, 3, 4, 7] {
        let name = format!("header-cut-{cut}.wasm");
        let ours = run_example(&["-x"], &tools::scratch_file(&name, &sample[..cut]));
        let line = tools::assert_one_line_error(&ours, &name);
        assert!(line.contains("module header at offset 0"), "{line}");
        assert!(ours.stdout.is_empty());
    }
}

/// The sample with the contents of its section `index` replaced (its size written again).
fn with_contents(sample: &[u8], index: usize, contents: &[u8]) -> Vec<u8> {
    let (start, end) = sample_sections(sample)[index];
    let mut module = sample[..start].to_vec();
    module.extend(encode::section(sample[start], contents));
    module.extend_from_slice(&sample[end..]);
    module
}

/// The contents of the sample's section `index`.
fn contents(sample: &[u8], index: usize) -> Vec<u8> {
    let module = wasm::decode(sample).unwrap();
    let (_, section) = module.sections().nth(index).unwrap().unwrap();
    section.contents().to_vec()
}

/// Runs the example with `-h` on `bytes`: it fails with one error line containing `expected`,
/// after listing the first `before` sections of the sample as the sample's listing does.
fn assert_fails_after(name: &str, bytes: &[u8], before: usize, expected: &str) {
    let ours = run_example(&["-h"], &tools::scratch_file(name, bytes));
    let line = tools::assert_one_line_error(&ours, name);
    assert!(line.contains(expected), "{name}: {line}");
    let full = text(&run_example(&["-h"], &sample_path()).stdout);
    let expected: Vec<&str> = section_lines(&full).into_iter().take(before).collect();
    assert_eq!(section_lines(&text(&ours.stdout)), expected, "{name}");
}

/// The section list of a `-h` listing: the lines after `Sections:` (and before the details).
fn section_lines(listing: &str) -> Vec<&str> {
    listing
        .lines()
        .skip_while(|line| *line != "Sections:")
        .skip(2)
        .take_while(|line| !line.is_empty())
        .collect()
}

#[test]
fn overlong_leb128_counts_past_the_end_and_a_bad_magic_are_one_error_line() {
    let sample = std::fs::read(sample_path()).unwrap();
    let sections = sample_sections(&sample);
    // The first section's size in 11 bytes: LEB128 takes 10 at most.
    let mut overlong = sample[..9].to_vec();
    overlong.extend_from_slice(&[0x80; 10]);
    overlong.push(0);
    overlong.extend_from_slice(&sample[10..]);
    assert_fails_after(
        "overlong-size.wasm",
        &overlong,
        0,
        "section header at offset 8: Section.len at offset 9: cannot read the unsigned LEB128: \
         it is longer than 10 bytes",
    );
    // The import count (section 1) in 11 bytes.
    let imports = contents(&sample, 1);
    let mut count = vec![0x80 | imports[0]];
    count.extend_from_slice(&[0x80; 9]);
    count.push(0);
    count.extend_from_slice(&imports[1..]);
    let at = sections[1].0 + 2;
    assert_fails_after(
        "overlong-count.wasm",
        &with_contents(&sample, 1, &count),
        1,
        &format!(
            "Import section at offset {at}: Leb.value at offset {at}: cannot read the unsigned \
             LEB128: it is longer than 10 bytes"
        ),
    );
    // A padded LEB128 that fits is read, as wasm-objdump reads it: 5 as 0x85 0x00.
    let mut padded = vec![0x80 | imports[0], 0];
    padded.extend_from_slice(&imports[1..]);
    let padded = with_contents(&sample, 1, &padded);
    let ours = run_example(&["-x"], &tools::scratch_file("padded.wasm", &padded));
    assert!(ours.status.success(), "{}", text(&ours.stderr));
    assert!(text(&ours.stdout).contains("Import[5]:"));
    // A count larger than the bytes left in the section.
    let mut count = imports.clone();
    count[0] = 0x7f;
    assert_fails_after(
        "count-past-the-end.wasm",
        &with_contents(&sample, 1, &count),
        1,
        &format!("Import section at offset {at}: count 127 is more than the"),
    );
    // An import's name running past the end of its section.
    let mut name = imports.clone();
    name[1] = 0x7f;
    assert_fails_after(
        "name-past-the-end.wasm",
        &with_contents(&sample, 1, &name),
        1,
        &format!(
            "Import section entry 0 at offset {}: Import.module at offset {}: length \
             `module_len` is 127 bytes",
            at + 1,
            at + 2
        ),
    );
    // The last section's size past the end of the file.
    let (last, _) = *sections.last().unwrap();
    let mut past = sample.clone();
    // Its size takes two bytes (the name section has more than 127): 16,383 in the same two.
    past[last + 1..last + 3].copy_from_slice(&[0xff, 0x7f]);
    assert_fails_after(
        "size-past-the-end.wasm",
        &past,
        sections.len() - 1,
        &format!("section header at offset {last}: Section.contents at offset"),
    );
    // A bad magic and a bad version: nothing printed.
    for (name, at, bytes, expected) in [
        (
            "bad-magic.wasm",
            0,
            &b"\0ASM"[..],
            "module header at offset 0: not a WebAssembly module (it starts with 00 41 53 4d",
        ),
        (
            "bad-version.wasm",
            4,
            &[2, 0, 0, 0],
            "module header at offset 4: version 0x2",
        ),
    ] {
        let mut bad = sample.clone();
        bad[at..at + bytes.len()].copy_from_slice(bytes);
        let ours = run_example(&["-h"], &tools::scratch_file(name, &bad));
        let line = tools::assert_one_line_error(&ours, name);
        assert!(line.contains(expected), "{name}: {line}");
        assert!(ours.stdout.is_empty());
    }
}

#[test]
fn every_prefix_decodes_to_the_sections_it_holds_or_fails_at_the_cut() {
    let sample = std::fs::read(sample_path()).unwrap();
    let sections = sample_sections(&sample);
    let full = wasm::decode(&sample).unwrap();
    let mut full_listing = Vec::new();
    // The section list only: the details of a truncated module lack the names that the
    // missing name section would give.
    let mode = wasm::Mode {
        headers: true,
        details: false,
    };
    full.print(b"x", mode, &mut full_listing).unwrap();
    for cut in 0..=sample.len() {
        let Ok(module) = wasm::decode(&sample[..cut]) else {
            assert!(cut < 8, "only a cut header fails outright: {cut}");
            continue;
        };
        let whole = sections.iter().take_while(|(_, end)| *end <= cut).count();
        assert_eq!(module.sections, whole, "cut at {cut}");
        let at_boundary = cut == 8 || sections.iter().any(|(_, end)| *end == cut);
        match &module.error {
            None => assert!(at_boundary, "cut at {cut} inside a section decoded"),
            Some(error) => {
                assert!(error.offset <= cut, "cut at {cut}: {error}");
                // A cut after the function section but before the code is an error too.
                assert!(
                    !at_boundary || error.record == "module",
                    "cut at {cut}: {error}"
                );
            }
        }
        let mut listing = Vec::new();
        module.print(b"x", mode, &mut listing).unwrap();
        let listing = text(&listing);
        // Each section's header line and details are the full module's.
        for line in listing.lines() {
            assert!(
                text(&full_listing).lines().any(|full| full == line),
                "cut at {cut}: {line:?}"
            );
        }
    }
}

#[test]
fn decoding_and_printing_allocate_the_same_for_ten_records_as_for_a_thousand() {
    counting::assert_counter_works();
    let mode = wasm::Mode {
        headers: true,
        details: true,
    };
    let mut counts = Vec::new();
    for n in [10, 1000] {
        let module = encode::module(n);
        let (lines, allocations) = counting::counted(|| {
            let decoded = wasm::decode(&module).unwrap();
            assert!(decoded.error.is_none());
            let mut lines = LineCount(0);
            decoded.print(b"written.wasm", mode, &mut lines).unwrap();
            lines.0
        });
        assert!(lines > 6 * n, "{n} records: {lines} lines");
        counts.push(allocations);
    }
    // The table of names, allocated once at its size; nothing per record.
    assert_eq!(counts, [1, 1], "allocations for 10 and for 1000 records");
}

/// Counts the lines written to it, allocating nothing.
struct LineCount(usize);

impl std::io::Write for LineCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.iter().filter(|&&b| b == b'\n').count();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Decodes and prints `bytes`; checks what any outcome must satisfy.
fn check_any(bytes: &[u8]) -> Result<(), TestCaseError> {
    let module = match wasm::decode(bytes) {
        Ok(module) => module,
        Err(error) => {
            prop_assert!(error.offset <= 8);
            prop_assert!(!error.to_string().contains('\n'));
            return Ok(());
        }
    };
    if let Some(error) = &module.error {
        prop_assert!(error.offset <= bytes.len(), "{}", error);
        prop_assert!(!error.to_string().contains('\n'));
    }
    let mut listing = Vec::new();
    let mode = wasm::Mode {
        headers: true,
        details: true,
    };
    prop_assert!(module.print(b"x", mode, &mut listing).is_ok());
    // One header line per section, counted by its `start=` (a custom section's name may hold
    // a line break, which wasm-objdump prints as it is, so lines are not counted).
    let mut headers = Vec::new();
    let mode = wasm::Mode {
        headers: true,
        details: false,
    };
    prop_assert!(module.print(b"x", mode, &mut headers).is_ok());
    prop_assert_eq!(text(&headers).matches(" start=0x").count(), module.sections);
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_modules_never_panic(
        body in proptest::collection::vec(any::<u8>(), 0..200),
    ) {
        let mut bytes = b"\0asm\x01\0\0\0".to_vec();
        bytes.extend(body);
        check_any(&bytes)?;
    }

    #[test]
    fn mutated_samples_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let mut bytes = std::fs::read(sample_path()).unwrap();
        for (at, value) in edits {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        check_any(&bytes)?;
    }
}

/// A custom section's name with a line break (found by `mutated_samples_never_panic`): printed
/// as wasm-objdump prints it, and still one header per section.
#[test]
fn a_line_break_in_a_section_name_is_printed_as_it_is() {
    let mut bytes = std::fs::read(sample_path()).unwrap();
    bytes[277] = b'\n';
    check_any(&bytes).unwrap();
}
