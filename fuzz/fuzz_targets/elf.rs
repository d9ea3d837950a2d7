//! The ELF example's decoder (examples/elf.rs, included as a module, not copied) on arbitrary
//! bytes: it never panics; a refusal is one line, and an offset it names lies inside the file
//! (or at its end) unless the message says that something points or runs past the end; a
//! decoded file has its header, every section header and every section name inside the file,
//! as many sections as it says, and prints (`readelf -h` and `-S -W` style) with one row per
//! section. Every other report (`-l`, `-s`, `-d`, `-n`) either prints or stops with such an
//! error.
#![no_main]

#[path = "../../examples/elf.rs"]
#[allow(dead_code)]
mod elf;

use libfuzzer_sys::fuzz_target;
use overlay_fuzz::place;

fn check_error(error: &elf::DecodeError, len: usize) {
    let text = error.to_string();
    assert!(
        !text.contains('\n'),
        "error is more than one line: {text:?}"
    );
    assert!(!error.record.is_empty() && !error.problem.is_empty());
    // An offset may point at the end of the file (a table of no bytes there).
    assert!(
        error.offset <= len as u64 || error.problem.contains("past the end"),
        "offset {:#x} outside a {len}-byte file: {text}",
        error.offset
    );
}

fuzz_target!(|file: &[u8]| {
    let len = file.len();
    let decoded = match elf::decode(file) {
        Ok(decoded) => decoded,
        Err(error) => {
            check_error(&error, len);
            return;
        }
    };
    assert_eq!(place(file, decoded.file_header.as_bytes()), Some(0));
    assert_eq!(place(file, decoded.header.as_bytes()), Some(16));
    assert_eq!(decoded.file_header.magic(), b"\x7fELF");
    let class = decoded.file_header.class();
    assert!(class == 1 || class == 2);
    assert_eq!(decoded.class == elf::Class::Elf32, class == 1);
    let shoff = decoded.header.e_shoff();
    let stride = u64::from(decoded.header.e_shentsize());
    assert_eq!(decoded.sections.len() as u64, decoded.section_count);
    for (i, section) in decoded.sections.iter().enumerate() {
        let at = place(file, section.header.as_bytes())
            .unwrap_or_else(|| panic!("section header {i} is not in the file"));
        assert_eq!(at as u64, shoff + stride * i as u64, "section header {i}");
        if let Some(name) = section.name {
            assert!(place(file, name).is_some(), "the name of section {i}");
            assert!(!name.contains(&0));
        }
    }
    let text = decoded.to_string();
    let rows = text.lines().filter(|l| l.starts_with("  [")).count();
    let table_rows = if decoded.sections.is_empty() {
        assert!(text.contains("There are no sections in this file."));
        0
    } else {
        decoded.sections.len() + 1
    };
    assert_eq!(
        rows, table_rows,
        "one row per section, plus the heading:\n{text}"
    );
    let everything = elf::Options {
        header: true,
        sections: true,
        segments: true,
        symbols: true,
        dynamic: true,
        notes: true,
    };
    let mut report = String::new();
    match decoded.write_report(everything, &mut report) {
        Ok(()) => assert!(report.starts_with(&text)),
        Err(elf::Stop::Bad(error)) => check_error(&error, len),
        Err(elf::Stop::Output(_)) => panic!("writing to a String failed"),
    }
});
