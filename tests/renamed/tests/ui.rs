//! Compile-fail cases where `overlay` exists only as `renamed_overlay`: after a derive error,
//! the stand-in impl must use the `crate = "..."` path too, or each error would come with
//! another one about an unresolved `overlay` crate.

#[test]
fn ui() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
