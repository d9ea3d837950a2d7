//! The SQLite example's decoder (examples/sqlite.rs, included as a module, not copied) on
//! arbitrary bytes: it never panics or loops; a refusal is one line; `--pages` lists each page
//! once, in page order, every page number inside the database, and an overflow page's payload
//! and unused bytes fill its usable size less the 4-byte next pointer, as `dbstat` counts them.
#![no_main]

#[path = "../../examples/sqlite.rs"]
#[allow(dead_code)]
mod sqlite;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|file: &[u8]| {
    let mut out = String::new();
    if let Err(error) = sqlite::run("--header", file, &mut out) {
        assert!(
            !error.is_empty() && !error.contains('\n'),
            "error {error:?}"
        );
        return;
    }
    let db = sqlite::Database::open(file).expect("the header read above");
    out.clear();
    match sqlite::run("--pages", file, &mut out) {
        Err(error) => assert!(
            !error.is_empty() && !error.contains('\n'),
            "error {error:?}"
        ),
        Ok(()) => {
            let mut last = 0u32;
            for line in out.lines() {
                let fields: Vec<&str> = line.split(' ').collect();
                assert_eq!(fields.len(), 6, "{line}");
                let pageno: u32 = fields[0].parse().unwrap();
                assert!(pageno > last && pageno <= db.page_count(), "{line}");
                last = pageno;
                if fields[1] == "overflow" {
                    let payload: i64 = fields[3].parse().unwrap();
                    let unused: i64 = fields[4].parse().unwrap();
                    assert!(payload > 0 && unused >= 0, "{line}");
                }
            }
        }
    }
});
