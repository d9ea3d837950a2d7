//! Snapshots of the generated code: each `expand/NAME.rs` input is expanded and pretty-printed,
//! and the result must equal the committed `expand/NAME.expanded.rs`, so that a change to the
//! code generator shows exactly what it changes in users' code. Refresh the snapshots with
//! `OVERLAY_SNAPSHOTS=overwrite cargo test -p overlay-derive` and review the diff.

use std::path::Path;

/// The inputs, one per kind of record.
const CASES: [&str; 9] = [
    "fixed",
    "nested",
    "enumeration",
    "bit_fields",
    "runtime",
    "var_length",
    "serialize",
    "tagged",
    "varint",
];

/// The generated code for every item of `source`, pretty-printed.
fn expand(source: &str) -> String {
    // The derive's own syn is built without the `full` feature that `parse_file` needs; the
    // snapshot inputs are split into items with syn 2, which prettyplease needs anyway.
    let file = syn2::parse_file(source).expect("the input parses");
    let mut output = proc_macro2::TokenStream::new();
    for item in file.items {
        let input: syn::DeriveInput =
            syn::parse2(quote::quote!(#item)).expect("the input is a struct or enum");
        output.extend(crate::codegen::expand(&input));
    }
    // prettyplease prints syn 2's syntax tree: parse the generated tokens with it.
    let output: syn2::File = syn2::parse2(output).expect("the expansion parses as items");
    prettyplease::unparse(&output)
}

#[test]
fn generated_code_matches_the_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("expand");
    let overwrite = std::env::var_os("OVERLAY_SNAPSHOTS").is_some_and(|v| v == "overwrite");
    let mut stale = Vec::new();
    for case in CASES {
        let source = std::fs::read_to_string(dir.join(format!("{case}.rs"))).expect("an input");
        let actual = expand(&source);
        let path = dir.join(format!("{case}.expanded.rs"));
        if overwrite {
            std::fs::write(&path, &actual).expect("the snapshot is written");
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            stale.push(case);
        }
    }
    assert!(
        stale.is_empty(),
        "the generated code of {stale:?} differs from derive/expand/*.expanded.rs; if the \
         change is intended, run `OVERLAY_SNAPSHOTS=overwrite cargo test -p overlay-derive` \
         and review the diff"
    );
}
