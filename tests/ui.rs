//! Compile-fail cases for `#[derive(Overlay)]`: every error the derive reports, with its
//! message and span pinned in a `.stderr` snapshot. Refresh with `TRYBUILD=overwrite`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
