//! The `elf` example against GNU readelf: the built example runs on real ELF files (this test
//! binary, the example itself, system programs, libraries and object files when they exist,
//! ELF32 and ELF64 objects, libraries and programs of both byte orders assembled and linked
//! here with the cross binutils from the sources in tests/data/elf, and big-endian and
//! extended-numbering variants made by rewriting a real file's headers), and its output for
//! each of readelf's flags it knows (`-h -S -l -s -d -n`, alone and combined, always `-W`) must
//! equal `readelf FLAGS -W FILE` line for line once runs of spaces are collapsed.
//!
//! Bad input (truncated copies, corrupted header fields, tables past the end) must end with
//! exit status 1 and one line on standard error, never a panic; proptest feeds arbitrary and
//! mutated bytes to the decoder in process.
//!
//! Without `readelf` or the cross binutils the comparisons are skipped with a notice, except
//! under `CI=true`, where they fail.

#[allow(dead_code)]
#[path = "support/counting.rs"]
mod counting;
#[allow(dead_code)]
#[path = "../examples/elf.rs"]
mod elf;
#[path = "support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use proptest::prelude::*;

fn run_example(file: &Path) -> Output {
    tools::run_example("elf", &[file])
}

fn readelf(args: &[&str], file: &Path) -> String {
    let output = Command::new("readelf")
        .args(args)
        // readelf's messages are translated; the example prints the English ones.
        .env("LC_ALL", "C")
        .arg(file)
        .output()
        .expect("readelf starts");
    assert!(
        output.status.success(),
        "readelf {args:?} {} failed: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("readelf prints UTF-8 for these files")
}

fn have_readelf() -> bool {
    tools::tool_available("readelf", &["--version"], "the comparison with GNU readelf")
}

/// The flag sets compared: each flag alone, a few combinations, and none (the example's
/// default, readelf's `-h -S`).
const FLAG_SETS: &[&[&str]] = &[
    &[],
    &["-h"],
    &["-S"],
    &["-l"],
    &["-s"],
    &["-d"],
    &["-n"],
    &["-h", "-l"],
    &["-S", "-l", "-d"],
    &["-h", "-S", "-l", "-s", "-d", "-n"],
];

/// The flag sets that read only headers, for copies whose section contents were left as they
/// were while their headers changed.
const HEADER_FLAG_SETS: &[&[&str]] = &[&[], &["-S"], &["-h", "-l"]];

/// `text`'s lines with every run of spaces collapsed to one.
fn collapsed(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            for c in line.chars() {
                if !(c == ' ' && out.ends_with(' ')) {
                    out.push(c);
                }
            }
            out
        })
        .collect()
}

/// Runs the example with `flags -W FILE` and readelf with the same (`-h -S -W` for no flags)
/// and compares their lines.
fn assert_same_as_readelf(flags: &[&str], file: &Path) {
    let mut args: Vec<&std::ffi::OsStr> = flags.iter().map(|f| f.as_ref()).collect();
    if !flags.is_empty() {
        args.push("-W".as_ref());
    }
    args.push(file.as_os_str());
    let output = tools::run_example("elf", &args);
    assert!(
        output.status.success(),
        "the elf example {flags:?} failed on {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let ours = collapsed(&String::from_utf8_lossy(&output.stdout));
    let their_flags: Vec<&str> = if flags.is_empty() {
        vec!["-h", "-S", "-W"]
    } else {
        flags.iter().copied().chain(["-W"]).collect()
    };
    let theirs = collapsed(&readelf(&their_flags, file));
    for (i, (our, their)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(
            our,
            their,
            "{} {flags:?}: line {} differs from readelf's",
            file.display(),
            i + 1
        );
    }
    assert_eq!(
        ours.len(),
        theirs.len(),
        "{} {flags:?}: {} lines, readelf printed {}",
        file.display(),
        ours.len(),
        theirs.len()
    );
}

/// Every flag set of `sets` on `file`.
fn assert_agrees_with_readelf_on(sets: &[&[&str]], file: &Path) {
    for flags in sets {
        assert_same_as_readelf(flags, file);
    }
}

fn assert_agrees_with_readelf(file: &Path) {
    assert_agrees_with_readelf_on(FLAG_SETS, file);
}

/// Real ELF files on this machine: this test, the example, and whichever common system files
/// exist (a program, shared libraries, relocatable objects).
fn real_files() -> Vec<PathBuf> {
    let mut files = vec![
        std::env::current_exe().expect("the test knows its own path"),
        tools::example_binary("elf"),
    ];
    let candidates = [
        "/bin/ls",
        "/usr/bin/ls",
        "/bin/sh",
        "/lib/x86_64-linux-gnu/libc.so.6",
        "/lib/x86_64-linux-gnu/libz.so.1",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib64/libc.so.6",
        "/lib/aarch64-linux-gnu/libc.so.6",
        "/usr/lib/x86_64-linux-gnu/crt1.o",
        "/usr/lib/x86_64-linux-gnu/crti.o",
        "/usr/lib/aarch64-linux-gnu/crt1.o",
        "/usr/lib64/crt1.o",
    ];
    for candidate in candidates {
        let path = PathBuf::from(candidate);
        let is_elf64 = std::fs::read(&path).is_ok_and(|bytes| bytes.starts_with(b"\x7fELF\x02"));
        if is_elf64 {
            files.push(path);
        }
    }
    files
}

#[test]
fn real_files_agree_with_readelf() {
    if !have_readelf() {
        return;
    }
    let files = real_files();
    assert!(files.len() >= 3, "too few ELF files to compare: {files:?}");
    for file in &files {
        assert_agrees_with_readelf(file);
    }
}

/// The cross binutils the test assembles and links with, and the class and byte order of
/// what they write: one target for each of the four combinations, and the host's.
const TARGETS: &[(&str, u8, u8)] = &[
    ("i686-linux-gnu", 1, 1),
    ("mips-linux-gnu", 1, 2),
    ("powerpc64-linux-gnu", 2, 2),
    ("aarch64-linux-gnu", 2, 1),
    ("x86_64-linux-gnu", 2, 1),
];

fn run_tool(program: &str, args: &[&str], dir: &Path) {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program} starts: {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// For each target whose binutils are installed: an object, a shared library with two
/// version nodes, the program's object, the program linked against the library and an
/// object of notes of every kind, built from tests/data/elf. Returns the files with the class and byte order they must have.
/// Built once per test process: the tests that use them run in parallel.
fn cross_files() -> Vec<(PathBuf, u8, u8)> {
    static BUILT: std::sync::OnceLock<Vec<(PathBuf, u8, u8)>> = std::sync::OnceLock::new();
    BUILT.get_or_init(build_cross_files).clone()
}

fn build_cross_files() -> Vec<(PathBuf, u8, u8)> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/elf");
    let source = |name: &str| data.join(name).to_str().expect("a UTF-8 path").to_owned();
    let mut files = Vec::new();
    for &(target, class, data_byte) in TARGETS {
        let (assembler, linker) = (format!("{target}-as"), format!("{target}-ld"));
        let needed = format!("ELF files of {target} (binutils-{target})");
        if !tools::tool_available(&assembler, &["--version"], &needed)
            || !tools::tool_available(&linker, &["--version"], &needed)
        {
            continue;
        }
        let dir = tools::fresh_scratch_dir(&format!("cross-{target}"));
        run_tool(&assembler, &["-o", "lib.o", &source("lib.s")], &dir);
        run_tool(&assembler, &["-o", "main.o", &source("main.s")], &dir);
        run_tool(&assembler, &["-o", "notes.o", &source("notes.s")], &dir);
        let map = source("lib.map");
        run_tool(
            &linker,
            &[
                "-shared",
                "--build-id",
                "--hash-style=both",
                "-soname",
                "libgreet.so",
                "--version-script",
                &map,
                "-o",
                "libgreet.so",
                "lib.o",
            ],
            &dir,
        );
        run_tool(
            &linker,
            &[
                "--build-id",
                "-e",
                "_start",
                "-dynamic-linker",
                "/lib/ld.so.1",
                "-o",
                "main",
                "main.o",
                "libgreet.so",
            ],
            &dir,
        );
        for name in ["lib.o", "main.o", "libgreet.so", "main", "notes.o"] {
            files.push((dir.join(name), class, data_byte));
        }
    }
    files
}

#[test]
fn cross_built_files_agree_with_readelf() {
    if !have_readelf() {
        return;
    }
    let files = cross_files();
    for (file, class, data) in &files {
        let bytes = std::fs::read(file).expect("reads the built file");
        assert_eq!((bytes[4], bytes[5]), (*class, *data), "{}", file.display());
        assert_agrees_with_readelf(file);
    }
    // The versions readelf appends to dynamic symbols, as the linker wrote them.
    if let Some((main, ..)) = files.iter().find(|(f, ..)| f.ends_with("main")) {
        let symbols = String::from_utf8(
            tools::run_example("elf", &[Path::new("-s"), Path::new("-W"), main]).stdout,
        )
        .unwrap();
        assert!(symbols.contains("greet@LIB_2.0 (3)"), "{symbols}");
        assert!(symbols.contains("counter@LIB_1.0 (2)"), "{symbols}");
    }
    if let Some((library, ..)) = files.iter().find(|(f, ..)| f.ends_with("libgreet.so")) {
        let symbols = String::from_utf8(
            tools::run_example("elf", &[Path::new("-s"), library.as_path()]).stdout,
        )
        .unwrap();
        assert!(symbols.contains("greet@LIB_1.0"), "{symbols}");
        assert!(symbols.contains("greet@@LIB_2.0"), "{symbols}");
    }
}

/// Reads the unsigned integer of `width` bytes at `at` in the byte order of ELF file `b`.
fn read(b: &[u8], at: usize, width: usize) -> u64 {
    let bytes = &b[at..at + width];
    let mut value = 0u64;
    for (i, &byte) in bytes.iter().enumerate() {
        value |= u64::from(byte) << (8 * if b[5] == 2 { width - 1 - i } else { i });
    }
    value
}

/// Writes `value` as `width` bytes at `at` in the byte order of ELF file `b`.
fn write(b: &mut [u8], at: usize, width: usize, value: u64) {
    for i in 0..width {
        let shift = 8 * if b[5] == 2 { width - 1 - i } else { i };
        b[at + i] = (value >> shift) as u8;
    }
}

/// Where `e_shoff` is, its width, and where a section header's `sh_offset` is, its width, and
/// the section header table of ELF file `b`: (shoff, shentsize, shnum).
fn layout(b: &[u8]) -> (usize, usize, usize, usize, (usize, usize, usize)) {
    let elf32 = b[4] == 1;
    let (shoff_at, word) = if elf32 { (0x20, 4) } else { (0x28, 8) };
    let sh_offset_at = if elf32 { 16 } else { 24 };
    let fields = if elf32 { 0x2e } else { 0x3a };
    let table = (
        read(b, shoff_at, word) as usize,
        read(b, fields, 2) as usize,
        read(b, fields + 2, 2) as usize,
    );
    (shoff_at, word, sh_offset_at, word, table)
}

#[test]
fn damaged_cross_built_files_are_one_line_errors() {
    for (file, ..) in cross_files() {
        let b = std::fs::read(&file).expect("reads the built file");
        let name = file
            .parent()
            .and_then(Path::file_name)
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default()
            + "-"
            + &file.file_name().unwrap().to_string_lossy();
        let (shoff_at, word, sh_offset_at, _, (shoff, shentsize, shnum)) = layout(&b);
        assert_eq!(
            shoff + shentsize * shnum,
            b.len(),
            "{name}: the file ends with its section table"
        );
        for cut in [0, 3, 15, 16, 40, shoff / 2, shoff + 1, b.len() - 1] {
            let line = tools::assert_rejected("elf", &format!("{name}-cut-{cut}"), &b[..cut]);
            let expected = match cut {
                0 => "not an ELF file",
                1..=15 => "e_ident needs 16",
                16..=51 => "header needs",
                _ if cut < shoff => "e_shoff points past the end of the file",
                _ => "runs past the end of the file",
            };
            assert!(line.contains(expected), "{name} cut at {cut}: {line}");
        }
        let mut bad_class = b.clone();
        bad_class[4] = 3;
        let line = tools::assert_rejected("elf", &format!("{name}-class"), &bad_class);
        assert!(line.contains("EI_CLASS is 3"), "{line}");
        let mut bad_shoff = b.clone();
        write(&mut bad_shoff, shoff_at, word, b.len() as u64 + 4096);
        let line = tools::assert_rejected("elf", &format!("{name}-shoff"), &bad_shoff);
        assert!(line.contains("e_shoff points past the end"), "{line}");
        // Every section's contents moved past the end: the section names go first.
        let mut bad_sections = b.clone();
        for i in 1..shnum {
            write(
                &mut bad_sections,
                shoff + i * shentsize + sh_offset_at,
                word,
                b.len() as u64 + 16,
            );
        }
        let line = tools::assert_rejected("elf", &format!("{name}-sections"), &bad_sections);
        assert!(line.contains("section name string table"), "{line}");
        // Only the symbol tables moved: -h -S still prints, -s names the table.
        let mut bad_symbols = b.clone();
        for i in 1..shnum {
            let header = shoff + i * shentsize;
            if matches!(read(&b, header + 4, 4), 2 | 11) {
                write(
                    &mut bad_symbols,
                    header + sh_offset_at,
                    word,
                    b.len() as u64 - 2,
                );
            }
        }
        let path = tools::scratch_file(&format!("{name}-symbols"), &bad_symbols);
        assert!(run_example(&path).status.success());
        let output = tools::run_example("elf", &[Path::new("-s"), &path]);
        let line = tools::assert_one_line_error(&output, &format!("{name}-symbols"));
        assert!(
            line.contains("a symbol table") && line.contains("offset"),
            "{line}"
        );
        assert!(output.stdout.is_empty());
    }
}

/// Every report, as the example's flags `-h -S -l -s -d -n` ask.
const EVERYTHING: elf::Options = elf::Options {
    header: true,
    sections: true,
    segments: true,
    symbols: true,
    dynamic: true,
    notes: true,
};

/// Counts the lines written to it, allocating nothing.
struct LineCount(usize);

impl std::fmt::Write for LineCount {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.0 += text.matches('\n').count();
        Ok(())
    }
}

#[test]
fn decoding_allocates_once_and_printing_never() {
    counting::assert_counter_works();
    let mut files: Vec<PathBuf> = real_files();
    files.extend(cross_files().into_iter().map(|(file, ..)| file));
    for file in files {
        let bytes = std::fs::read(&file).expect("reads the file");
        let (elf, allocations) = counting::counted(|| elf::decode(&bytes).expect("decodes"));
        // The list of sections with their names, allocated at its size.
        let expected = u64::from(!elf.sections.is_empty());
        assert_eq!(allocations, expected, "{}: decoding", file.display());
        let mut lines = LineCount(0);
        let result = counting::assert_no_alloc("printing every report", || {
            elf.write_report(EVERYTHING, &mut lines)
        });
        assert!(result.is_ok(), "{}", file.display());
        assert!(lines.0 > elf.sections.len(), "{}", file.display());
    }
}

#[test]
fn default_input_is_the_shipped_sample() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.elf");
    let bare = tools::run_example::<&str>("elf", &[]);
    assert!(
        bare.status.success(),
        "{}",
        String::from_utf8_lossy(&bare.stderr)
    );
    let explicit = run_example(&sample);
    assert_eq!(bare.stdout, explicit.stdout);
    let text = String::from_utf8_lossy(&bare.stdout);
    assert!(
        text.contains("ELF32") && text.contains("big endian"),
        "{text}"
    );
    if have_readelf() {
        assert_agrees_with_readelf(&sample);
    }
}

#[test]
fn bad_options_are_one_line_errors() {
    let output = tools::run_example("elf", &["-x", "/bin/ls"]);
    let line = tools::assert_one_line_error(&output, "-x");
    assert!(line.contains("unknown option -x"), "{line}");
}

use tools::scratch_file as scratch;

/// A small real little-endian ELF64 file to copy and damage: a relocatable object when the system has one,
/// else this test binary.
fn sample_file() -> Vec<u8> {
    let files = real_files();
    let smallest = files
        .iter()
        .min_by_key(|f| std::fs::metadata(f).map_or(u64::MAX, |m| m.len()))
        .expect("at least this test binary");
    let bytes = std::fs::read(smallest).expect("reads the sample");
    assert_eq!(bytes[5], 1, "the sample is little-endian");
    bytes
}

fn le16(b: &[u8], at: usize) -> u64 {
    u64::from(u16::from_le_bytes([b[at], b[at + 1]]))
}
fn le32(b: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes(b[at..at + 4].try_into().unwrap()))
}
fn le64(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

/// Where the section header table of the little-endian ELF64 file `b` is, from its file
/// header: (e_shoff, e_shentsize, e_shnum).
fn section_table(b: &[u8]) -> (usize, usize, usize) {
    let shoff = le64(b, 0x28) as usize;
    (shoff, le16(b, 0x3a) as usize, le16(b, 0x3c) as usize)
}

/// Reverses the bytes of the `width`-byte integer at `at`.
fn swap(b: &mut [u8], at: usize, width: usize) {
    b[at..at + width].reverse();
}

/// Reverses the bytes of each integer field of the fields that start at `at`, back to back,
/// `widths` bytes wide.
fn swap_fields(b: &mut [u8], at: usize, widths: &[usize]) {
    let mut field = at;
    for &width in widths {
        swap(b, field, width);
        field += width;
    }
}

/// `bytes` (a little-endian ELF64 file) turned big-endian: EI_DATA, the file header, the
/// program and section headers and the dynamic entries rewritten, by hand, with the field
/// widths the ELF specification gives. Section contents are left as they are; readelf -h and
/// -S read only these.
fn to_big_endian(mut b: Vec<u8>) -> Vec<u8> {
    let (phoff, phentsize, phnum) = (
        le64(&b, 0x20) as usize,
        le16(&b, 0x36) as usize,
        le16(&b, 0x38) as usize,
    );
    let (shoff, shentsize, shnum) = section_table(&b);
    let mut dynamic = None;
    for i in 0..phnum {
        let at = phoff + i * phentsize;
        if le32(&b, at) == 2 {
            dynamic = Some((le64(&b, at + 8) as usize, le64(&b, at + 32) as usize));
        }
        // p_type, p_flags, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align
        swap_fields(&mut b, at, &[4, 4, 8, 8, 8, 8, 8, 8]);
    }
    for i in 0..shnum {
        let at = shoff + i * shentsize;
        // sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info,
        // sh_addralign, sh_entsize
        swap_fields(&mut b, at, &[4, 4, 8, 8, 8, 8, 4, 4, 8, 8]);
    }
    if let Some((offset, size)) = dynamic {
        for at in (offset..offset + size - size % 8).step_by(8) {
            swap(&mut b, at, 8);
        }
    }
    b[5] = 2;
    // From 0x10 to the end of the file header at 0x40: e_type, e_machine, e_version, e_entry,
    // e_phoff, e_shoff, e_flags, e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum,
    // e_shstrndx.
    swap_fields(&mut b, 0x10, &[2, 2, 4, 8, 8, 8, 4, 2, 2, 2, 2, 2, 2]);
    b
}

#[test]
fn big_endian_files_agree_with_readelf() {
    if !have_readelf() {
        return;
    }
    for (i, file) in real_files().iter().enumerate() {
        let bytes = std::fs::read(file).expect("reads the file");
        let path = scratch(&format!("big-endian-{i}"), &to_big_endian(bytes));
        assert_agrees_with_readelf_on(HEADER_FLAG_SETS, &path);
        assert!(readelf(&["-h"], &path).contains("big endian"));
    }
}

#[test]
fn extended_numbering_agrees_with_readelf() {
    if !have_readelf() {
        return;
    }
    // A file with 65,280 sections or more says e_shnum = 0 and e_shstrndx = SHN_XINDEX and
    // keeps the real values in section 0's sh_size and sh_link; e_phnum = PN_XNUM sends the
    // program header count to sh_info. Any file can be rewritten that way.
    let mut b = sample_file();
    let shoff = le64(&b, 0x28) as usize;
    let (phnum, shnum, shstrndx) = (le16(&b, 0x38), le16(&b, 0x3c), le16(&b, 0x3e));
    b[shoff + 32..shoff + 40].copy_from_slice(&shnum.to_le_bytes());
    b[shoff + 40..shoff + 44].copy_from_slice(&(shstrndx as u32).to_le_bytes());
    b[0x3c..0x3e].copy_from_slice(&0u16.to_le_bytes());
    b[0x3e..0x40].copy_from_slice(&0xffffu16.to_le_bytes());
    if phnum != 0 {
        b[shoff + 44..shoff + 48].copy_from_slice(&(phnum as u32).to_le_bytes());
        b[0x38..0x3a].copy_from_slice(&0xffffu16.to_le_bytes());
    }
    let path = scratch("extended", &b);
    assert_agrees_with_readelf_on(HEADER_FLAG_SETS, &path);
    let header = readelf(&["-h"], &path);
    assert!(header.contains(&format!("0 ({shnum})")), "{header}");
}

#[test]
fn a_file_without_sections_agrees_with_readelf() {
    if !have_readelf() {
        return;
    }
    let mut b = sample_file();
    b[0x28..0x30].fill(0); // e_shoff
    b[0x3c..0x40].fill(0); // e_shnum, e_shstrndx
    let path = scratch("no-sections", &b);
    assert_agrees_with_readelf_on(
        &[&[], &["-S"], &["-h", "-l"], &["-s"], &["-d"], &["-n"]],
        &path,
    );
    let stdout = String::from_utf8(run_example(&path).stdout).unwrap();
    assert!(stdout.contains("There are no sections in this file."));
}

#[test]
fn odd_flags_and_types_agree_with_readelf() {
    if !have_readelf() {
        return;
    }
    // Values no linker writes, to check readelf's naming rules for unknown types and flags.
    let mut b = sample_file();
    let (shoff, shentsize, shnum) = section_table(&b);
    let odd: [(u32, u64); 8] = [
        (0x1234_5678, u64::MAX),
        (0x6fff_4c00, 0x0ff0_0003),
        (0x7000_0001, 0x1000_0000),
        (0x7000_0005, 0xf000_0000),
        (0x9000_0001, 0x8000_0800),
        (0x6fff_fff5, 0x0020_0000),
        (0x7fff_ffff, 0x0100_0000),
        (18, 0x1_0000_0000),
    ];
    for (i, (kind, flags)) in odd.iter().enumerate() {
        let at = shoff + shentsize * (1 + i % (shnum - 1));
        b[at + 4..at + 8].copy_from_slice(&kind.to_le_bytes());
        b[at + 8..at + 16].copy_from_slice(&flags.to_le_bytes());
    }
    b[0x10..0x12].copy_from_slice(&0xfe01u16.to_le_bytes()); // e_type: OS-specific
    b[0x12..0x14].copy_from_slice(&0x1234u16.to_le_bytes()); // e_machine: unknown
    b[7] = 99; // EI_OSABI: unknown
    assert_agrees_with_readelf_on(HEADER_FLAG_SETS, &scratch("odd", &b));
}

#[test]
fn truncated_files_are_one_line_errors() {
    let b = sample_file();
    let (shoff, shentsize, shnum) = section_table(&b);
    // The section header table is the last thing in files from the GNU and LLVM linkers and
    // assemblers, so cutting anywhere leaves part of it out.
    assert_eq!(
        shoff + shentsize * shnum,
        b.len(),
        "the sample ends with its section table"
    );
    let cuts = [
        0,
        1,
        4,
        15,
        16,
        63,
        64,
        100,
        shoff / 2,
        shoff,
        shoff + 1,
        shoff + shentsize * 2 + 7,
        b.len() - 1,
    ];
    for cut in cuts {
        let line = tools::assert_rejected("elf", &format!("cut-{cut}"), &b[..cut]);
        let expected = match cut {
            0 => "not an ELF file (the file is empty)",
            1..=63 => "ELF header at offset 0x0: the file ends after",
            _ if cut < shoff => "e_shoff points past the end of the file",
            _ => "runs past the end of the file",
        };
        assert!(line.contains(expected), "cut at {cut}: {line}");
    }
}

#[test]
fn corrupt_headers_are_one_line_errors() {
    let sample = sample_file();
    let (shoff, shentsize, _) = section_table(&sample);
    let shstrndx = le16(&sample, 0x3e) as usize;
    let len = sample.len() as u64;
    let strtab_header = shoff + shentsize * shstrndx;
    #[rustfmt::skip]
    let patches: &[tools::Patch<'_>] = &[
        ("not-elf", 0, b"\x7fELG", "not an ELF file"),
        ("bad-class", 4, &[3], "EI_CLASS is 3"),
        ("no-byte-order", 5, &[0], "EI_DATA"),
        ("shoff-past-end", 0x28, &(len + 4096).to_le_bytes(), "e_shoff points past the end"),
        ("shoff-max", 0x28, &u64::MAX.to_le_bytes(), "e_shoff points past the end"),
        ("shoff-near-end", 0x28, &(len - 10).to_le_bytes(), "runs past the end"),
        ("shentsize-small", 0x3a, &40u16.to_le_bytes(), "e_shentsize is 40"),
        ("shentsize-zero", 0x3a, &0u16.to_le_bytes(), "e_shentsize is 0"),
        ("shnum-huge", 0x3c, &0xff00u16.to_le_bytes(), "runs past the end"),
        ("shstrndx-out-of-range", 0x3e, &0xfff0u16.to_le_bytes(), "out of range"),
        ("name-past-strtab", shoff + shentsize, &0xffff_fff0u32.to_le_bytes(), "name offset"),
        ("strtab-past-end", strtab_header + 24, &(len - 2).to_le_bytes(), "string table"),
        ("strtab-size-huge", strtab_header + 32, &u64::MAX.to_le_bytes(), "string table"),
    ];
    tools::assert_patches_rejected("elf", &sample, patches);
}

#[test]
fn missing_files_are_one_line_errors() {
    let output = run_example(Path::new("/nonexistent/overlay-elf-test"));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stderr).lines().count(), 1);
}

/// A small, valid ELF64 file built by hand: the header, a `.text` section and the section name
/// string table, in either byte order. Mutated by the proptests below.
fn tiny_elf(big_endian: bool) -> Vec<u8> {
    let strings = b"\0.text\0.shstrtab\0";
    let text = [0xc3u8; 8];
    let (text_at, strings_at) = (64, 72);
    let shoff = (strings_at + strings.len()).next_multiple_of(8);
    let mut b = vec![0u8; shoff + 3 * 64];
    let put = |b: &mut Vec<u8>, at: usize, value: u64, width: usize| {
        let bytes = value.to_be_bytes();
        let bytes = &bytes[8 - width..];
        if big_endian {
            b[at..at + width].copy_from_slice(bytes);
        } else {
            for (i, byte) in bytes.iter().rev().enumerate() {
                b[at + i] = *byte;
            }
        }
    };
    b[..8].copy_from_slice(&[
        0x7f,
        b'E',
        b'L',
        b'F',
        2,
        if big_endian { 2 } else { 1 },
        1,
        0,
    ]);
    put(&mut b, 0x10, 1, 2); // ET_REL
    put(&mut b, 0x12, 62, 2);
    put(&mut b, 0x14, 1, 4);
    put(&mut b, 0x28, shoff as u64, 8);
    put(&mut b, 0x34, 64, 2);
    put(&mut b, 0x3a, 64, 2);
    put(&mut b, 0x3c, 3, 2);
    put(&mut b, 0x3e, 2, 2);
    b[text_at..text_at + 8].copy_from_slice(&text);
    b[strings_at..strings_at + strings.len()].copy_from_slice(strings);
    for (i, (name, kind, flags, at, size)) in [
        (1u64, 1u64, 6u64, text_at, 8usize),
        (7, 3, 0, strings_at, strings.len()),
    ]
    .into_iter()
    .enumerate()
    {
        let header = shoff + 64 * (i + 1);
        put(&mut b, header, name, 4);
        put(&mut b, header + 4, kind, 4);
        put(&mut b, header + 8, flags, 8);
        put(&mut b, header + 24, at as u64, 8);
        put(&mut b, header + 32, size as u64, 8);
        put(&mut b, header + 48, 1, 8);
    }
    b
}

#[test]
fn the_tiny_file_decodes_in_both_byte_orders() {
    for big_endian in [false, true] {
        let bytes = tiny_elf(big_endian);
        let elf = elf::decode(&bytes).expect("the tiny file decodes");
        let names: Vec<&[u8]> = elf
            .sections
            .iter()
            .map(|s| s.name.unwrap_or(b"?"))
            .collect();
        assert_eq!(names, [&b""[..], b".text", b".shstrtab"]);
        if have_readelf() {
            assert_agrees_with_readelf(&scratch(&format!("tiny-{big_endian}"), &bytes));
        }
    }
}

/// Decodes `bytes` and, if they decode, prints every report; a failure must be an error.
fn print_everything(bytes: &[u8]) {
    if let Ok(elf) = elf::decode(bytes) {
        let _ = elf.to_string();
        let mut report = String::new();
        if let Err(elf::Stop::Output(_)) = elf.write_report(EVERYTHING, &mut report) {
            panic!("writing to a String failed");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        print_everything(&bytes);
    }

    #[test]
    fn arbitrary_bytes_after_a_valid_ident_never_panic(
        big_endian in any::<bool>(),
        tail in proptest::collection::vec(any::<u8>(), 0..600),
    ) {
        let class = if tail.len() % 2 == 0 { 1 } else { 2 };
        let mut bytes = vec![0x7f, b'E', b'L', b'F', class, if big_endian { 2 } else { 1 }, 1, 0];
        bytes.extend_from_slice(&tail);
        print_everything(&bytes);
    }

    #[test]
    fn damaged_files_never_panic(
        big_endian in any::<bool>(),
        edits in proptest::collection::vec((0usize..400, any::<u8>()), 1..8),
        cut in 0usize..400,
    ) {
        let mut bytes = tiny_elf(big_endian);
        for (at, value) in edits {
            if let Some(byte) = bytes.get_mut(at) {
                *byte = value;
            }
        }
        if cut < bytes.len() && cut % 3 == 0 {
            bytes.truncate(cut);
        }
        print_everything(&bytes);
    }
}
