//! The WebAssembly example's decoder (examples/wasm.rs, included as a module, not copied) on
//! arbitrary bytes: it never panics; a refusal is one line whose offset lies inside the file (or
//! at its end); the sections it decoded lie back to back in the file from offset 8 (to its end
//! when nothing failed), each listed once by `-h` with its place; and `-h -x` prints exactly
//! what `-h` and then `-x` print.
#![no_main]

#[path = "../../examples/wasm.rs"]
#[allow(dead_code)]
mod wasm;

use libfuzzer_sys::fuzz_target;
use overlay_fuzz::place;

fn listing(module: &wasm::Module<'_>, headers: bool, details: bool) -> String {
    let mut out = Vec::new();
    module
        .print(b"fuzz.wasm", wasm::Mode { headers, details }, &mut out)
        .expect("printing to memory does not fail");
    String::from_utf8_lossy(&out).into_owned()
}

fuzz_target!(|file: &[u8]| {
    let len = file.len();
    let module = match wasm::decode(file) {
        Ok(module) => module,
        Err(error) => {
            let text = error.to_string();
            assert!(
                !text.contains('\n'),
                "error is more than one line: {text:?}"
            );
            assert!(
                error.offset <= 8.min(len),
                "a header error past the header: {text}"
            );
            return;
        }
    };
    if let Some(error) = &module.error {
        let text = error.to_string();
        assert!(
            !text.contains('\n'),
            "error is more than one line: {text:?}"
        );
        assert!(!error.record.is_empty() && !error.problem.is_empty());
        assert!(
            error.offset <= len,
            "offset {} outside a {len}-byte file: {text}",
            error.offset
        );
    }

    // The sections that decoded: back to back from the header on.
    let mut at = 8;
    let mut places = Vec::new();
    for item in module.sections().take(module.sections) {
        let (offset, section) = item.expect("a section that decoded walks again");
        assert_eq!(offset, at, "sections are back to back");
        assert_eq!(place(file, section.as_bytes()), Some(offset));
        let contents_at = place(file, section.contents()).expect("contents in the file");
        at = offset + section.as_bytes().len();
        assert_eq!(contents_at + section.contents().len(), at);
        places.push((contents_at, at));
    }
    if module.error.is_none() {
        assert_eq!(
            at, len,
            "a module that decoded has nothing after its sections"
        );
    }

    // `-h`: a line per section, with its place, in order. (Lines are not counted: a custom
    // section's name is printed as it is, and it may hold a newline or look like a line.)
    // Neither flag prints what both print first: the file's name and the module's.
    let preamble = listing(&module, false, false);
    let headers = listing(&module, true, false);
    assert!(headers.starts_with(&preamble));
    let mut rest = &headers[preamble.len()..];
    for (start, end) in &places {
        let hex = |v: usize| {
            if v == 0 {
                String::from("0000000000")
            } else {
                format!("{v:#010x}")
            }
        };
        let expected = format!(
            " start={} end={} (size={}) ",
            hex(*start),
            hex(*end),
            hex(end - start)
        );
        let found = rest
            .find(&expected)
            .unwrap_or_else(|| panic!("no {expected:?} in {rest:?}"));
        rest = &rest[found + expected.len()..];
    }

    // `-h -x` is `-h`, then `-x` without the lines before its details.
    let details = listing(&module, false, true);
    let both = listing(&module, true, true);
    assert!(details.starts_with(&preamble));
    assert_eq!(both, format!("{headers}{}", &details[preamble.len()..]));
});
