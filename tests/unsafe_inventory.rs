//! Where `unsafe` is, checked: every `unsafe` block, function or impl in the repository's Rust
//! sources is one of the memory maps the README lists, and the README lists each of them. The
//! library crates forbid `unsafe` outright.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The files allowed to hold `unsafe`, and how many `unsafe` blocks each holds: the README's
/// design section lists the same.
const ALLOWED: [(&str, usize); 4] = [
    ("benches/bench_probe.rs", 1),
    ("benches/struct_fields.rs", 1),
    ("cli/src/input.rs", 1),
    ("examples/input.rs", 2),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, skipping build output and version control.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if !matches!(name.as_ref(), "target" | ".git" | "corpus" | "artifacts") {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") && !path.ends_with("tests/unsafe_inventory.rs") {
            // (This file's own test strings are not code.)
            out.push(path);
        }
    }
}

/// The number of `unsafe` blocks, functions, impls and traits in `source`, outside comments.
fn unsafe_uses(source: &str) -> usize {
    source
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .map(|code| {
            code.match_indices("unsafe")
                .filter(|&(at, _)| {
                    let before = code[..at].chars().next_back();
                    let after = code[at + "unsafe".len()..].trim_start();
                    !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"')
                        && ["{", "fn ", "impl", "trait ", "extern"]
                            .iter()
                            .any(|next| after.starts_with(next))
                })
                .count()
        })
        .sum()
}

#[test]
fn unsafe_is_only_where_the_readme_says() {
    let mut files = Vec::new();
    rust_files(root(), &mut files);
    let mut found = BTreeMap::new();
    for path in &files {
        let source = std::fs::read_to_string(path).expect("a readable source file");
        let count = unsafe_uses(&source);
        if count > 0 {
            let relative = path.strip_prefix(root()).expect("under the root");
            found.insert(relative.to_string_lossy().replace('\\', "/"), count);
        }
    }
    let allowed: BTreeMap<String, usize> =
        ALLOWED.iter().map(|&(f, n)| (f.to_owned(), n)).collect();
    assert_eq!(found, allowed, "unsafe outside the listed memory maps");

    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let design = &readme[readme
        .find("- Where `unsafe` is:")
        .expect("the unsafe list")..];
    for (file, _) in ALLOWED {
        assert!(design.contains(&format!("`{file}`")), "README omits {file}");
    }
}

#[test]
fn the_library_crates_forbid_unsafe() {
    for root_file in ["src/lib.rs", "core/src/lib.rs", "derive/src/lib.rs"] {
        let source = std::fs::read_to_string(root().join(root_file)).expect("a crate root");
        assert!(
            source.contains("#![forbid(unsafe_code)]"),
            "{root_file} does not forbid unsafe"
        );
    }
}

#[test]
fn the_scanner_sees_unsafe() {
    assert_eq!(unsafe_uses("let x = unsafe { f() };"), 1);
    assert_eq!(
        unsafe_uses("unsafe fn f() {}\nunsafe impl Send for X {}"),
        2
    );
    assert_eq!(unsafe_uses("// unsafe { no }\n#![forbid(unsafe_code)]"), 0);
    assert_eq!(unsafe_uses("let s = \"unsafe { }\";"), 0);
}
