//! `Struct::column`: one value of every record as a typed table, against CPython's
//! `struct.iter_unpack` on the same bytes (the column of value `i` is `[r[i] for r in ...]`),
//! and its errors.

use overlay::{ErrorKind, Overlay, RuntimeEndian, Struct, StructError, Value};

use super::rng::Rng;
use super::tools;

/// Formats of every code with a column type, in every byte-order mode (native ones aligned),
/// with the Rust type of each value in order.
const CASES: &[(&str, &[&str])] = &[
    (
        ">IHHQQfI",
        &["u32", "u16", "u16", "u64", "u64", "f32", "u32"],
    ),
    (
        "<bBhHiIlLqQfd",
        &[
            "i8", "u8", "i16", "u16", "i32", "u32", "i32", "u32", "i64", "u64", "f32", "f64",
        ],
    ),
    (
        "@bhiqlnNPfd",
        &[
            "i8", "i16", "i32", "i64", "i64", "i64", "u64", "u64", "f32", "f64",
        ],
    ),
    ("!Qd", &["u64", "f64"]),
    (
        "3H2x5i",
        &["u16", "u16", "u16", "i32", "i32", "i32", "i32", "i32"],
    ),
    ("=B3sHc", &["u8", "", "u16", ""]),
];

/// Column `index` of `bytes` as `T`, each value printed as Python prints it.
fn column_of<T>(format: &Struct, bytes: &[u8], index: usize) -> String
where
    T: Overlay + RuntimeEndian + Copy,
    for<'a> T::View<'a>: Into<Value<'static>>,
{
    let column = format
        .column::<T>(bytes, index)
        .unwrap_or_else(|e| panic!("column {index}: {e}"));
    let values: Vec<String> = column
        .iter()
        .map(|value| format!("{:?}", value.into()))
        .collect();
    format!("[{}]", values.join(", "))
}

fn column(format: &Struct, bytes: &[u8], index: usize, ty: &str) -> Option<String> {
    Some(match ty {
        "u8" => column_of::<u8>(format, bytes, index),
        "i8" => column_of::<i8>(format, bytes, index),
        "u16" => column_of::<u16>(format, bytes, index),
        "i16" => column_of::<i16>(format, bytes, index),
        "u32" => column_of::<u32>(format, bytes, index),
        "i32" => column_of::<i32>(format, bytes, index),
        "u64" => column_of::<u64>(format, bytes, index),
        "i64" => column_of::<i64>(format, bytes, index),
        "f32" => column_of::<f32>(format, bytes, index),
        "f64" => column_of::<f64>(format, bytes, index),
        _ => return None,
    })
}

const SCRIPT: &str = r#"
import struct, sys
for line in sys.stdin:
    fmt, data = line.split()
    records = list(struct.iter_unpack(fmt, bytes.fromhex(data)))
    n = len(struct.unpack(fmt, bytes(struct.calcsize(fmt))))
    print(" | ".join(repr([r[i] for r in records]) for i in range(n)))
"#;

#[test]
fn columns_read_what_cpython_iter_unpack_reads() {
    if !tools::cpython_struct() {
        return;
    }
    let mut rng = Rng::new(0x0c01_u64);
    let mut requests = Vec::new();
    let mut cases = Vec::new();
    for &(text, types) in CASES {
        let format = Struct::new(text).expect("the format parses");
        let bytes = rng.bytes(format.size() * 7);
        requests.push(format!("{text} {}\n", tools::hex(&bytes)));
        cases.push((format, bytes, types));
    }
    let answers = tools::run_python(SCRIPT, &[], requests.concat());
    for ((format, bytes, types), answer) in cases.iter().zip(answers.lines()) {
        let expected: Vec<&str> = answer.split(" | ").collect();
        assert_eq!(expected.len(), types.len(), "{format:?}");
        for (index, (&ty, expected)) in types.iter().zip(&expected).enumerate() {
            match column(format, bytes, index, ty) {
                Some(ours) => assert_eq!(&ours, expected, "{format:?} column {index}"),
                // No column type for this code: asking is an error that names the code.
                None => {
                    let err = format.column::<u8>(bytes, index).unwrap_err();
                    assert!(
                        matches!(err.kind(), ErrorKind::Struct(StructError::ColumnType { index: i, .. }) if i == index),
                        "{err}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_column_of_the_wrong_type_or_index_is_refused_with_what_is_there() {
    let format = Struct::new(">IHHQQfI").unwrap();
    let bytes = vec![0u8; format.size() * 2];
    let wrong = format.column::<u32>(&bytes, 3).unwrap_err();
    assert_eq!(
        wrong.to_string(),
        "column 3 is 'Q', which does not read as u32"
    );
    let signed = format.column::<i64>(&bytes, 3).unwrap_err();
    assert!(
        signed.to_string().ends_with("does not read as i64"),
        "{signed}"
    );
    let float = format.column::<u32>(&bytes, 5).unwrap_err();
    assert_eq!(
        float.to_string(),
        "column 5 is 'f', which does not read as u32"
    );
    let past = format.column::<u32>(&bytes, 7).unwrap_err();
    assert_eq!(
        past.to_string(),
        "column 7 out of range: a record has 7 values"
    );
    let ragged = format.column::<u64>(&bytes[1..], 3).unwrap_err();
    assert_eq!(
        ragged.to_string(),
        "iterative unpacking requires a buffer of a multiple of 32 bytes"
    );
    // An empty buffer is an empty column.
    assert_eq!(format.column::<u64>(&[], 3).unwrap().len(), 0);
}
