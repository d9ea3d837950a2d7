//! Snapshot comparison: a whole output compared verbatim with a committed file under the
//! including package's `tests/snapshots/` (`OVERLAY_SNAPSHOTS=overwrite` rewrites the files).
//! Shared by the root package's tests (`mod support`) and `cli/tests/dump.rs` (`#[path]`).

use std::fs;
use std::path::Path;

/// Compares `actual` with `tests/snapshots/NAME.txt` of the package under test, or writes it
/// there when `OVERLAY_SNAPSHOTS=overwrite`.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"));
    if std::env::var("OVERLAY_SNAPSHOTS").as_deref() == Ok("overwrite") {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with OVERLAY_SNAPSHOTS=overwrite to write it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "the dump differs from {} (OVERLAY_SNAPSHOTS=overwrite rewrites it)\n\
         --- expected\n{expected}--- actual\n{actual}",
        path.display()
    );
}
