//! Tables of run-time Python `struct` formats (`StructTable`) to Arrow: every code in every
//! byte-order mode (native `@` alignment included), written as Parquet and Arrow IPC and
//! read back by pyarrow and DuckDB against CPython's `struct.unpack` of the same bytes
//! (support/oracle.py, which finds each value's offset with CPython's own `calcsize`);
//! property tests against `Struct::unpack` for random formats, strides and batch sizes; the
//! column names and the errors of tables that do not fit.

mod support;

use arrow_schema::DataType;
use overlay::Struct;
use overlay_arrow::{
    batches, to_record_batch, write_ipc, write_parquet, Compression, Error, Options, Source,
    StructTable,
};
use proptest::prelude::*;
use support::oracle::check_files;
use support::rng::Rng;
use support::values::assert_unpacked;

/// CPython's reading of one record of `format`: values as `struct.unpack_from` returns
/// them, floats with their bits, columns `f0, f1, ...`.
fn format_py(format: &str) -> String {
    format!(
        r#"
import re
FORMAT = {format:?}
ORDER = FORMAT[0] if FORMAT[:1] in "@=<>!" and FORMAT else ""
BODY = FORMAT[len(ORDER):]
# Each value's offset, by CPython's own calcsize: the prefix's size with the value's item
# repeated up to it, less one value.
OFFSETS = []
prefix = ORDER
for count, code in re.findall(r"\s*(\d*)\s*([a-zA-Z?])", BODY):
    count = int(count) if count else 1
    if code in "sp":
        if True:
            OFFSETS.append((code, struct.calcsize(prefix + f"{{count}}{{code}}") - count))
    elif code != "x":
        size = struct.calcsize(ORDER + code)
        for i in range(count):
            OFFSETS.append((code, struct.calcsize(prefix + f"{{i + 1}}{{code}}") - size))
    prefix += f"{{count}}{{code}}"
def expect(r):
    values = struct.unpack_from(FORMAT, r, 0)
    assert len(values) == len(OFFSETS)
    out = {{}}
    for n, (value, (code, offset)) in enumerate(zip(values, OFFSETS)):
        out[f"f{{n}}"] = F(ORDER + code, r, offset) if code in "efd" else value
    return out
"#
    )
}

/// Formats covering every code in every mode.
const FORMATS: &[&str] = &[
    "<bBhHiIlLqQ",
    ">bBhHiIlLqQ",
    "!bhiqBHIQ",
    "=hHiIlLqQ",
    "@bBhHiIlLqQnNP",
    "bhilqnP",
    "<e2f3d",
    ">e2f3d",
    "@ced?",
    "<?3?c4s1p2p8p",
    "@b3pxIe5sdx?h",
    "@c h 3x i 5s d",
    ">2x3e?2c",
];

#[test]
fn every_code_matches_cpython() {
    let mut rng = Rng::new(21);
    for (n, format) in FORMATS.iter().enumerate() {
        let compiled = Struct::new(format).unwrap();
        // Gaps between records: a stride of the size plus up to 5 bytes.
        let stride = compiled.size() + n % 6;
        let count = 300 + 37 * n;
        let mut bytes = rng.bytes(stride * count);
        // Floats: NaNs with payloads, infinities, zeros and subnormals among the random
        // bits (the random bytes give every bit pattern; these make the specials common).
        for (i, record) in bytes.chunks_exact_mut(stride).enumerate() {
            for value in compiled.values_layout() {
                if value.code == 'd' && i % 3 == 0 {
                    let nan = 0x7ff0_0000_0000_0001u64 + i as u64;
                    record[value.offset..value.offset + 8].copy_from_slice(&nan.to_le_bytes());
                }
                if value.code == 'e' && i % 4 == 0 {
                    let nan = 0x7c01u16 + (i as u16 & 0x1ff);
                    record[value.offset..value.offset + 2].copy_from_slice(&nan.to_le_bytes());
                }
            }
        }
        let table = StructTable::new(&compiled, &bytes, count, stride, None).unwrap();
        let batch = to_record_batch(&table, &Options::new()).unwrap();
        assert_unpacked(&batch, &compiled, &bytes, stride, 0);
        let options = Options::new().batch_rows(101);
        let name = format!("format-{n}");
        check_files(&name, &table, &bytes, stride, &options, &format_py(format));
    }
}

#[test]
fn types_of_each_code() {
    let format = Struct::new("@bBhHiIqQlLnNPefd?c3s4p").unwrap();
    let bytes = vec![0; format.size()];
    let table = StructTable::new(&format, &bytes, 1, format.size(), None).unwrap();
    let schema = table.schema(&Options::new()).unwrap();
    let types: Vec<&DataType> = schema.fields().iter().map(|f| f.data_type()).collect();
    assert_eq!(
        types,
        [
            &DataType::Int8,
            &DataType::UInt8,
            &DataType::Int16,
            &DataType::UInt16,
            &DataType::Int32,
            &DataType::UInt32,
            &DataType::Int64,
            &DataType::UInt64,
            &DataType::Int64,
            &DataType::UInt64,
            &DataType::Int64,
            &DataType::UInt64,
            &DataType::UInt64,
            &DataType::Float16,
            &DataType::Float32,
            &DataType::Float64,
            &DataType::Boolean,
            &DataType::FixedSizeBinary(1),
            &DataType::FixedSizeBinary(3),
            &DataType::Binary,
        ]
    );
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(names[..3], ["f0", "f1", "f2"]);
    assert!(schema.fields().iter().all(|f| !f.is_nullable()));
}

#[test]
fn names_are_one_per_value() {
    let format = Struct::new("<3Ix2s").unwrap();
    let bytes = vec![0; format.size() * 2];
    let names = |list: &[&str]| Some(list.iter().map(|s| s.to_string()).collect());
    let table = StructTable::new(
        &format,
        &bytes,
        2,
        format.size(),
        names(&["a", "b", "c", "d"]),
    )
    .unwrap();
    let schema = table.schema(&Options::new()).unwrap();
    let got: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(got, ["a", "b", "c", "d"]);
    assert_eq!(table.names(), ["a", "b", "c", "d"]);

    let error =
        StructTable::new(&format, &bytes, 2, format.size(), names(&["a", "b", "c"])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "format \"<3Ix2s\" has 4 values, so it needs 4 column names, not 3"
    );
    assert!(matches!(
        error,
        Error::NameCount {
            values: 4,
            names: 3,
            ..
        }
    ));
    let error = StructTable::new(
        &format,
        &bytes,
        2,
        format.size(),
        names(&["a", "b", "a", "d"]),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "format \"<3Ix2s\": two columns are named `a`"
    );
}

#[test]
fn tables_that_do_not_fit_are_errors() {
    let format = Struct::new(">IH").unwrap();
    let bytes = vec![0; 20];
    let error = StructTable::new(&format, &bytes, 2, 5, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "format \">IH\" has records of 6 bytes, more than the stride of 5 bytes between them"
    );
    let error = StructTable::new(&format, &bytes, 3, 8, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "format \">IH\": record 2 (offset 16, 6 bytes) ends past the 20 bytes given"
    );
    let error = StructTable::new(&format, &bytes, 1, 8, None).map(|t| t.len());
    assert_eq!(error.unwrap(), 1);
    let error = StructTable::new(&format, &bytes[..3], 1, 8, None).unwrap_err();
    assert_eq!(
        error.to_string(),
        "format \">IH\": record 0 (offset 0, 6 bytes) ends past the 3 bytes given"
    );
    let huge = StructTable::new(&format, &bytes, usize::MAX, usize::MAX, None).unwrap_err();
    assert!(matches!(huge, Error::TooShort { record: 1, .. }), "{huge}");
}

#[test]
fn zero_length_strings_are_not_parquet() {
    let compiled = Struct::new("<H0s").unwrap();
    let bytes = [1u8, 0, 2, 0];
    let table = StructTable::new(&compiled, &bytes, 2, 2, None).unwrap();
    let dir = support::tools::fresh_scratch_dir("zero-length");
    let path = dir.join("z.parquet");
    let error = write_parquet(
        &table,
        &path,
        &Options::new(),
        Compression::None,
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "column `f1` holds zero-length byte strings, which Parquet cannot store: write Arrow \
         IPC, or leave the field out"
    );
    let arrow = dir.join("z.arrow");
    write_ipc(
        &table,
        &arrow,
        &Options::new(),
        Compression::None,
        &mut |_| {},
    )
    .unwrap();
    support::oracle::assert_only(&dir, &[arrow]);
}

#[test]
fn zero_size_formats_and_empty_tables() {
    for format in ["", "0s", "xx", "0p"] {
        let compiled = Struct::new(format).unwrap();
        let bytes: Vec<u8> = (0..3 * compiled.size() as u8).collect();
        let table = StructTable::new(&compiled, &bytes, 3, compiled.size(), None).unwrap();
        let batch = to_record_batch(&table, &Options::new()).unwrap();
        assert_eq!(batch.num_rows(), 3, "{format:?}");
        assert_eq!(batch.num_columns(), compiled.value_count(), "{format:?}");
        assert_unpacked(&batch, &compiled, &bytes, compiled.size(), 0);
    }
    // Records of no bytes, as many as asked: nothing to read, no time spent per row; and a
    // batch whose column would not fit in memory is an error, not an abort.
    let empty = Struct::new("0s0x").unwrap();
    let table = StructTable::new(&empty, &[0, 0], 1 << 40, 0, None).unwrap();
    let batch = to_record_batch(&table, &Options::new()).unwrap();
    assert_eq!(batch.num_rows(), 1 << 40);
    let pascal = Struct::new("0p").unwrap();
    let table = StructTable::new(&pascal, &[], 1 << 60, 0, None).unwrap();
    let error = to_record_batch(&table, &Options::new()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "column `f0` would take {} bytes in one batch, more than can be allocated: convert \
             fewer rows per batch",
            ((1u64 << 60) + 1) * 4
        )
    );

    let compiled = Struct::new("<Id").unwrap();
    let table = StructTable::new(&compiled, &[], 0, 12, None).unwrap();
    let dir = support::tools::fresh_scratch_dir("empty");
    let path = dir.join("empty.parquet");
    let summary = write_parquet(
        &table,
        &path,
        &Options::new(),
        Compression::None,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!((summary.rows, summary.batches), (0, 0));
    assert!(summary.output_bytes > 0);
    let batch = to_record_batch(&table, &Options::new()).unwrap();
    assert_eq!((batch.num_rows(), batch.num_columns()), (0, 2));
    assert_eq!(batches(&table, &Options::new()).count(), 0);
}

/// A format string from `items` (count, code) after `prefix`.
fn format_of(prefix: &str, items: &[(usize, char)]) -> String {
    let mut format = prefix.to_owned();
    for &(count, code) in items {
        if count != 1 {
            format.push_str(&count.to_string());
        }
        format.push(code);
    }
    format
}

/// Random formats: every code (the native-only ones only in native mode), repeat counts
/// 0 to 4 (and longer strings).
fn formats() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec!["", "@", "=", "<", ">", "!"]);
    let code = prop::sample::select("xcbB?hHiIlLqQnNPefdsp".chars().collect::<Vec<char>>());
    let item = (0usize..5, code, 0usize..12).prop_map(|(count, code, long)| match code {
        's' | 'p' => (count + long, code),
        _ => (count, code),
    });
    (prefix, prop::collection::vec(item, 0..8)).prop_map(|(prefix, items)| {
        let native = prefix.is_empty() || prefix == "@";
        let items: Vec<(usize, char)> = items
            .into_iter()
            .map(|(n, c)| match c {
                'n' | 'N' | 'P' if !native => (n, 'q'),
                _ => (n, c),
            })
            .collect();
        format_of(prefix, &items)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random formats and bytes: every column of one batch and of batches of random size
    /// is what `Struct::unpack` reads, floats bit for bit.
    #[test]
    fn columns_are_what_unpack_reads(
        format in formats(),
        count in 0usize..70,
        gap in 0usize..4,
        batch_rows in 1usize..20,
        seed in any::<u64>(),
    ) {
        let compiled = Struct::new(&format).unwrap();
        let stride = compiled.size() + gap;
        let bytes = Rng::new(seed).bytes(stride * count + gap);
        let table = StructTable::new(&compiled, &bytes, count, stride, None).unwrap();
        let batch = to_record_batch(&table, &Options::new()).unwrap();
        prop_assert_eq!(batch.num_rows(), count);
        assert_unpacked(&batch, &compiled, &bytes, stride, 0);
        let options = Options::new().batch_rows(batch_rows);
        let mut first_row = 0;
        for batch in batches(&table, &options) {
            let batch = batch.unwrap();
            assert_unpacked(&batch, &compiled, &bytes, stride, first_row);
            first_row += batch.num_rows();
        }
        prop_assert_eq!(first_row, count);
    }
}
