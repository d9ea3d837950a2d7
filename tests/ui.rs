//! Compile-fail cases for `#[derive(Overlay)]`: every error the derive reports, with its
//! message and span pinned in a `.stderr` snapshot. Refresh with
//! `TRYBUILD=overwrite cargo test --workspace --test ui`.
//!
//! The snapshots are taken as `cargo test --workspace` builds overlay, which is with the
//! `serde` feature on (the `tests/features` member asks for it): a field type that does not
//! implement `Overlay` is then also reported by the generated `Serialize` impl. Built without
//! that feature the output differs, so the cases run only with it.

#[test]
fn ui() {
    if !cfg!(feature = "serde") {
        eprintln!(
            "skipping the UI snapshots: they are taken with the serde feature on; run \
             `cargo test --workspace` (or add `--features serde`)"
        );
        return;
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
