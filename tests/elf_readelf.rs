//! The `elf` example against GNU readelf: the built example runs on real ELF files (this test
//! binary, the example itself, system programs, libraries and object files when they exist, and
//! big-endian and extended-numbering variants made by rewriting a real file's headers), and its
//! output is compared with `readelf -h` and `readelf -S -W` field by field: both outputs are
//! parsed the same way, whitespace normalised, numbers compared as numbers.
//!
//! Bad input (truncated copies, corrupted header fields) must end with exit status 1 and one
//! line on standard error, never a panic; proptest feeds arbitrary and mutated bytes to the
//! decoder in process.
//!
//! Without `readelf` the comparisons are skipped with a notice, except under `CI=true`, where
//! they fail.

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
        // readelf's messages are translated; the parser reads the English ones.
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

/// The `key: value` lines of the `ELF Header:` block, in order, values with whitespace
/// collapsed. `Version` appears twice (EI_VERSION, then e_version), so this is a list.
fn parse_header(text: &str) -> Vec<(String, String)> {
    text.lines()
        .skip_while(|line| line.trim() != "ELF Header:")
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .map(|line| {
            let (key, value) = line
                .split_once(':')
                .unwrap_or_else(|| panic!("a header line without a colon: {line:?}"));
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            (key.trim().to_owned(), value)
        })
        .collect()
}

/// One row of `readelf -S -W`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SectionRow {
    index: u64,
    name: String,
    kind: String,
    address: u64,
    offset: u64,
    size: u64,
    entry_size: u64,
    flags: String,
    link: u64,
    info: u64,
    align: u64,
}

/// The section table: `(count, offset)` from the "There are N section headers, starting at
/// offset X" line (`None` for "There are no sections"), and the rows.
fn parse_sections(text: &str) -> (Option<(u64, u64)>, Vec<SectionRow>) {
    let mut summary = None;
    let mut rows = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let ["There", "are" | "is", count, "section", "header" | "headers,", ..] = words[..] {
            let offset = words.last().expect("a summary line ends with the offset");
            let offset = offset.trim_end_matches(':');
            summary = Some((count.parse().expect("a count"), number(offset, 16)));
            continue;
        }
        let Some(row) = line.strip_prefix("  [") else {
            continue;
        };
        if row.starts_with("Nr]") {
            continue;
        }
        let (index, rest) = row.split_once("] ").expect("a row starts with [index]");
        // The name starts right after "] " (padded to 17 columns, longer names push the rest
        // to the right); an empty name leaves blanks there.
        let (name, rest) = if rest.starts_with(' ') {
            ("", rest)
        } else {
            rest.split_once(' ').unwrap_or((rest, ""))
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        // The type may be several words ("SYMTAB SECTION INDICES"); the address after it is
        // 16 hex digits in ELF64.
        let address_at = words
            .iter()
            .position(|w| w.len() == 16 && w.bytes().all(|b| b.is_ascii_hexdigit()))
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        let after = &words[address_at..];
        // address offset size entsize [flags] link info align
        let (flags, numbers) = match after.len() {
            8 => (after[4], [after[5], after[6], after[7]]),
            7 => ("", [after[4], after[5], after[6]]),
            _ => panic!("unexpected columns in {line:?}"),
        };
        rows.push(SectionRow {
            index: number(index.trim(), 10),
            name: name.to_owned(),
            kind: words[..address_at].join(" "),
            address: number(after[0], 16),
            offset: number(after[1], 16),
            size: number(after[2], 16),
            entry_size: number(after[3], 16),
            flags: flags.to_owned(),
            link: number(numbers[0], 10),
            info: number(numbers[1], 10),
            align: number(numbers[2], 10),
        });
    }
    (summary, rows)
}

fn number(text: &str, radix: u32) -> u64 {
    let digits = text.trim_start_matches("0x");
    u64::from_str_radix(digits, radix)
        .unwrap_or_else(|e| panic!("{text:?} is not a base-{radix} number: {e}"))
}

/// Runs the example and readelf on `file` and compares every header field and section row.
fn assert_agrees_with_readelf(file: &Path) {
    let output = run_example(file);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the elf example failed on {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let ours = parse_header(&stdout);
    let theirs = parse_header(&readelf(&["-h"], file));
    assert!(theirs.len() >= 19, "readelf -h printed {theirs:?}");
    for (key, _) in &theirs {
        let found = ours.iter().find(|(k, _)| k == key);
        assert!(found.is_some(), "{}: no `{key}` line", file.display());
    }
    assert_eq!(ours, theirs, "{}: the ELF header differs", file.display());

    let (our_summary, our_rows) = parse_sections(&stdout);
    let (their_summary, their_rows) = parse_sections(&readelf(&["-S", "-W"], file));
    assert_eq!(
        our_summary,
        their_summary,
        "{}: the section count or table offset differs",
        file.display()
    );
    assert_eq!(
        our_rows.len(),
        their_rows.len(),
        "{}: a different number of section rows",
        file.display()
    );
    for (ours, theirs) in our_rows.iter().zip(&their_rows) {
        assert_eq!(
            ours,
            theirs,
            "{}: section {} differs",
            file.display(),
            theirs.index
        );
    }
}

/// Real ELF64 files on this machine: this test, the example, and whichever common system
/// files exist (a program, a shared library, relocatable objects).
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
    if !tools::tool_available("readelf", &["--version"], "the comparison with GNU readelf") {
        return;
    }
    let files = real_files();
    assert!(files.len() >= 3, "too few ELF files to compare: {files:?}");
    for file in &files {
        assert_agrees_with_readelf(file);
    }
}

#[test]
fn default_input_is_the_running_executable() {
    let bare = tools::run_example::<&str>("elf", &[]);
    assert!(
        bare.status.success(),
        "{}",
        String::from_utf8_lossy(&bare.stderr)
    );
    let explicit = run_example(&tools::example_binary("elf"));
    assert_eq!(bare.stdout, explicit.stdout);
    assert!(String::from_utf8_lossy(&bare.stdout).contains(".text"));
}

use tools::scratch_file as scratch;

/// A small real ELF64 file to copy and damage: a relocatable object when the system has one,
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
    if !tools::tool_available("readelf", &["--version"], "the comparison with GNU readelf") {
        return;
    }
    for (i, file) in real_files().iter().enumerate() {
        let bytes = std::fs::read(file).expect("reads the file");
        let path = scratch(&format!("big-endian-{i}"), &to_big_endian(bytes));
        assert_agrees_with_readelf(&path);
        assert!(readelf(&["-h"], &path).contains("big endian"));
    }
}

#[test]
fn extended_numbering_agrees_with_readelf() {
    if !tools::tool_available("readelf", &["--version"], "the comparison with GNU readelf") {
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
    assert_agrees_with_readelf(&path);
    let header = readelf(&["-h"], &path);
    assert!(header.contains(&format!("0 ({shnum})")), "{header}");
}

#[test]
fn a_file_without_sections_agrees_with_readelf() {
    if !tools::tool_available("readelf", &["--version"], "the comparison with GNU readelf") {
        return;
    }
    let mut b = sample_file();
    b[0x28..0x30].fill(0); // e_shoff
    b[0x3c..0x40].fill(0); // e_shnum, e_shstrndx
    let path = scratch("no-sections", &b);
    assert_agrees_with_readelf(&path);
    let stdout = String::from_utf8(run_example(&path).stdout).unwrap();
    assert!(stdout.contains("There are no sections in this file."));
}

#[test]
fn odd_flags_and_types_agree_with_readelf() {
    if !tools::tool_available("readelf", &["--version"], "the comparison with GNU readelf") {
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
    assert_agrees_with_readelf(&scratch("odd", &b));
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
        ("elf32", 4, &[1], "ELF64"),
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
        if tools::tool_available("readelf", &["--version"], "the comparison with GNU readelf") {
            assert_agrees_with_readelf(&scratch(&format!("tiny-{big_endian}"), &bytes));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(elf) = elf::decode(&bytes) {
            let _ = elf.to_string();
        }
    }

    #[test]
    fn arbitrary_bytes_after_a_valid_ident_never_panic(
        big_endian in any::<bool>(),
        tail in proptest::collection::vec(any::<u8>(), 0..600),
    ) {
        let mut bytes = vec![0x7f, b'E', b'L', b'F', 2, if big_endian { 2 } else { 1 }, 1, 0];
        bytes.extend_from_slice(&tail);
        if let Ok(elf) = elf::decode(&bytes) {
            let _ = elf.to_string();
        }
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
        if let Ok(elf) = elf::decode(&bytes) {
            let _ = elf.to_string();
        }
    }
}
