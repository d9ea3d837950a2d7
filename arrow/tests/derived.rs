//! Tables of derived records to Arrow: the schema each kind of field maps to, and every value
//! of every column, written as Parquet (every codec) and Arrow IPC in several batches and
//! read back by pyarrow and DuckDB, against CPython's `struct` reading the same bytes
//! (support/oracle.py): nested records, arrays (2-D, of records, of enums, bools and bytes),
//! closed and open enums with their names, bit fields, bools, byte arrays, big-endian and
//! mixed per-field byte orders, 128-bit integers, run-time byte order records, padding.

mod support;

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Int32Type, UInt16Type, UInt32Type, UInt64Type};
use arrow_array::Array;
use arrow_schema::{DataType, Field, Fields};
use overlay::{Endian, Overlay, Records};
use overlay_arrow::{to_record_batch, Error, Options, Source};
use support::oracle::check_files;
use support::rng::Rng;
use support::types::*;

fn field(name: &str, data_type: DataType) -> Field {
    Field::new(name, data_type, false)
}

fn list(item: DataType, size: i32) -> DataType {
    DataType::FixedSizeList(Arc::new(Field::new("item", item, false)), size)
}

fn names() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

fn schema_of<S: Source>(source: &S, options: &Options) -> Vec<Field> {
    let schema = source.schema(options).expect("a schema");
    schema.fields().iter().map(|f| f.as_ref().clone()).collect()
}

#[test]
fn tick_schema_and_values() {
    let bytes = ticks(&mut Rng::new(1), 3);
    let table = Tick::records(&bytes).unwrap();
    assert_eq!(
        schema_of(&table, &Options::new()),
        [
            field("time", DataType::UInt64),
            field("id", DataType::UInt32),
            field("price", DataType::Float64),
            field("qty", DataType::UInt32),
            field("side", DataType::UInt8),
            field("venue", DataType::FixedSizeBinary(4)),
        ]
    );
    let with_names = schema_of(&table, &Options::new().enum_names(true));
    assert_eq!(with_names[5], Field::new("side_name", names(), true));
    let batch = to_record_batch(&table, &Options::new()).unwrap();
    assert_eq!(batch.schema().fields().len(), 6);
    for (row, tick) in table.iter().enumerate() {
        let times = batch.column(0).as_primitive::<UInt64Type>();
        assert_eq!(times.value(row), tick.time());
        let ids = batch.column(1).as_primitive::<UInt32Type>();
        assert_eq!(ids.value(row), tick.id());
        let venues = batch.column(5).as_fixed_size_binary();
        assert_eq!(venues.value(row), tick.venue());
    }
}

#[test]
fn ticks_match_cpython() {
    let bytes = ticks(&mut Rng::new(2), 1000);
    let table = Tick::records(&bytes).unwrap();
    let options = Options::new().batch_rows(300).enum_names(true);
    check_files("ticks", &table, &bytes, Tick::SIZE, &options, TICK_PY);
}

#[test]
fn shape_schema() {
    let point = Fields::from(vec![
        field("x", DataType::Int32),
        field("y", DataType::Float32),
    ]);
    let header = Fields::from(vec![
        field("a", DataType::UInt16),
        field("b", DataType::Int8),
        field("flag", DataType::Boolean),
    ]);
    let bytes = shapes(&mut Rng::new(3), 1);
    let table = Shape::records(&bytes).unwrap();
    let named_item = DataType::FixedSizeList(Arc::new(Field::new("item", names(), true)), 2);
    assert_eq!(
        schema_of(&table, &Options::new().enum_names(true)),
        [
            field("header", DataType::Struct(header)),
            field("points", list(DataType::Struct(point.clone()), 3)),
            field("grid", list(list(DataType::Int16, 3), 2)),
            field("raw", list(DataType::FixedSizeBinary(4), 2)),
            field("kinds", list(DataType::UInt16, 2)),
            field("kinds_name", named_item),
            field("flags", list(DataType::Boolean, 3)),
            field("small", list(DataType::Int8, 2)),
            field("deep", list(list(DataType::Struct(point), 2), 2)),
        ]
    );
}

#[test]
fn shapes_match_cpython() {
    let bytes = shapes(&mut Rng::new(4), 777);
    let table = Shape::records(&bytes).unwrap();
    // Batches of a number of rows that is not a multiple of 8: the bools of a batch start
    // within a byte of the whole table's.
    let options = Options::new().batch_rows(77).enum_names(true);
    check_files("shapes", &table, &bytes, Shape::SIZE, &options, SHAPE_PY);
}

#[test]
fn mixed_schema() {
    let bytes = mixed(&mut Rng::new(5), 1, true);
    let table = Mixed::records(&bytes).unwrap();
    let fields = schema_of(&table, &Options::new());
    let types: Vec<(&str, &DataType)> = fields
        .iter()
        .map(|f| (f.name().as_str(), f.data_type()))
        .collect();
    let inner = DataType::Struct(Fields::from(vec![
        field("x", DataType::UInt16),
        field("y", DataType::Int32),
    ]));
    assert_eq!(
        types,
        [
            ("a", &DataType::UInt32),
            ("b", &DataType::UInt32),
            ("c", &DataType::Float64),
            ("d", &DataType::Int64),
            ("e", &DataType::FixedSizeBinary(16)),
            ("f", &DataType::Decimal128(38, 0)),
            ("g", &DataType::Float32),
            ("inner", &inner),
            ("kind", &DataType::UInt16),
            ("big_kind", &DataType::UInt16),
            ("h", &DataType::Int16),
            ("i", &DataType::UInt64),
        ]
    );
}

#[test]
fn mixed_byte_orders_match_cpython() {
    let bytes = mixed(&mut Rng::new(6), 500, true);
    let table = Mixed::records(&bytes).unwrap();
    let options = Options::new().batch_rows(128).enum_names(true);
    check_files("mixed", &table, &bytes, Mixed::SIZE, &options, MIXED_PY);
}

#[test]
fn i128_past_38_digits_is_exact_in_arrow() {
    let mut bytes = mixed(&mut Rng::new(7), 4, false);
    for (record, f) in
        bytes
            .chunks_exact_mut(Mixed::SIZE)
            .zip([i128::MAX, i128::MIN, -1, 10i128.pow(38)])
    {
        record[40..56].copy_from_slice(&f.to_le_bytes());
    }
    let table = Mixed::records(&bytes).unwrap();
    let batch = to_record_batch(&table, &Options::new()).unwrap();
    let decimals = batch
        .column(5)
        .as_primitive::<arrow_array::types::Decimal128Type>();
    assert_eq!(
        decimals.values().to_vec(),
        [i128::MAX, i128::MIN, -1, 10i128.pow(38)]
    );
    let u128s = batch.column(4).as_fixed_size_binary();
    for (row, record) in bytes.chunks_exact(Mixed::SIZE).enumerate() {
        assert_eq!(
            u128s.value(row),
            &record[24..40],
            "big-endian bytes as they are"
        );
    }
}

#[test]
fn bit_fields_schema() {
    let bytes = vec![0; Flags::SIZE];
    let table = Flags::records(&bytes).unwrap();
    let fields = schema_of(&table, &Options::new().enum_names(true));
    let types: Vec<(&str, &DataType)> = fields
        .iter()
        .map(|f| (f.name().as_str(), f.data_type()))
        .collect();
    let names = names();
    assert_eq!(
        types,
        [
            ("version", &DataType::UInt8),
            ("ihl", &DataType::UInt8),
            ("dscp", &DataType::UInt8),
            ("ecn", &DataType::UInt8),
            ("ecn_name", &names),
            ("reserved", &DataType::Boolean),
            ("df", &DataType::Boolean),
            ("mf", &DataType::Boolean),
            ("frag", &DataType::UInt16),
            ("nib", &DataType::UInt8),
            ("nib_name", &names),
            ("level", &DataType::Int8),
            ("level_name", &names),
            ("delta", &DataType::Int32),
            ("count", &DataType::UInt32),
        ]
    );
}

#[test]
fn bit_fields_match_cpython() {
    let mut rng = Rng::new(8);
    let bytes = rng.bytes(1001 * Flags::SIZE);
    let table = Flags::records(&bytes).unwrap();
    let options = Options::new().batch_rows(13).enum_names(true);
    check_files("flags", &table, &bytes, Flags::SIZE, &options, FLAGS_PY);

    let bytes = rng.bytes(603 * Register::SIZE);
    let table = Register::records(&bytes).unwrap();
    let options = Options::new().batch_rows(100);
    check_files(
        "register",
        &table,
        &bytes,
        Register::SIZE,
        &options,
        REGISTER_PY,
    );
}

#[test]
fn runtime_byte_order_records_match_cpython() {
    for (endian, order) in [(Endian::Little, "<"), (Endian::Big, ">")] {
        let bytes = captures(&mut Rng::new(9), 400, endian == Endian::Big);
        let table = Capture::records_with(&bytes, endian).unwrap();
        let options = Options::new().batch_rows(150).enum_names(true);
        let name = format!("captures-{order}");
        let expect = capture_py(order);
        check_files(&name, &table, &bytes, Capture::SIZE, &options, &expect);
    }
}

#[test]
fn runtime_records_in_a_fixed_record_read_in_their_fields_order() {
    let bytes = Rng::new(12).bytes(300 * Holder::SIZE);
    let table = Holder::records(&bytes).unwrap();
    // The first record's fields, as the views read them.
    let view = table.get(0).unwrap();
    let le = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    let be = |at: usize| u16::from_be_bytes([bytes[at], bytes[at + 1]]);
    assert_eq!(view.little().major(), le(0));
    assert_eq!(view.big().major(), be(4));
    assert_eq!(view.wrap().inner().minor(), le(18));
    assert_eq!(view.wrap().high(), le(20) >> 4);
    assert_eq!(view.wrap().big().minor(), be(24));
    let options = Options::new().batch_rows(64);
    check_files("holder", &table, &bytes, Holder::SIZE, &options, HOLDER_PY);
}

#[test]
fn open_enum_values_without_a_name_have_a_null_name() {
    let bytes = shapes(&mut Rng::new(10), 64);
    let table = Shape::records(&bytes).unwrap();
    let batch = to_record_batch(&table, &Options::new().enum_names(true)).unwrap();
    let kinds = batch.column(4).as_fixed_size_list();
    let kinds = kinds.values().as_primitive::<UInt16Type>();
    let kind_names = batch.column(5).as_fixed_size_list();
    let kind_names = kind_names.values().as_dictionary::<Int32Type>();
    let dictionary = kind_names.values().as_string::<i32>();
    let mut unnamed = 0;
    for (at, kind) in kinds.values().iter().enumerate() {
        let name = match kind {
            1 => Some("Alpha"),
            0x100 => Some("Beta"),
            0xfffe => Some("Omega"),
            _ => None,
        };
        let got = kind_names
            .is_valid(at)
            .then(|| dictionary.value(kind_names.keys().value(at) as usize));
        assert_eq!(got, name, "kind {kind:#x}");
        unnamed += usize::from(name.is_none());
    }
    assert!(unnamed > 0 && unnamed < kinds.len());
    assert_eq!(kind_names.null_count(), unnamed);
}

#[test]
fn scalar_tables_are_one_column() {
    let bytes: Vec<u8> = (0..40).collect();
    let table = u32::records_with(&bytes, Endian::Big).unwrap();
    let batch = to_record_batch(&table, &Options::new()).unwrap();
    assert_eq!(batch.schema().field(0).name(), "value");
    let values = batch.column(0).as_primitive::<UInt32Type>();
    assert_eq!(values.value(1), u32::from_be_bytes([4, 5, 6, 7]));

    let sides = [1u8, 7, 2];
    let table = Side::records(&sides).unwrap();
    let batch = to_record_batch(&table, &Options::new().enum_names(true)).unwrap();
    assert_eq!(batch.num_columns(), 2);
    assert_eq!(batch.schema().field(1).name(), "value_name");
}

#[test]
fn bare_arrays_have_no_columns() {
    let bytes = [0u8; 8];
    let table = <[u16; 4]>::records(&bytes).unwrap();
    let error = to_record_batch(&table, &Options::new()).unwrap_err();
    assert!(matches!(error, Error::NoFields { .. }), "{error}");
    assert_eq!(
        error.to_string(),
        format!(
            "type {} has no fields to make columns of: convert a record that holds it",
            <[u16; 4] as overlay::Overlay>::FIELDS
                .first()
                .map_or_else(|| overlay::TypeInfo::of::<[u16; 4]>().name, |f| f.name)
        )
    );
}

/// A record whose field is named like another field's names column.
#[derive(Overlay)]
struct Clash {
    side: Side,
    side_name: u8,
}

#[test]
fn a_names_column_that_clashes_is_an_error() {
    let bytes = [1u8, 0];
    let table = Clash::records(&bytes).unwrap();
    assert_eq!(
        to_record_batch(&table, &Options::new())
            .unwrap()
            .num_columns(),
        2
    );
    let error = to_record_batch(&table, &Options::new().enum_names(true)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "record Clash: two columns are named `side_name`"
    );
}

#[test]
fn strided_stepped_and_reversed_tables_convert_their_rows() {
    let bytes = ticks(&mut Rng::new(11), 50);
    let all = Tick::records(&bytes).unwrap();
    let dense = to_record_batch(&all, &Options::new()).unwrap();
    let tables: [(&str, Records<'_, Tick>, Vec<usize>); 4] = [
        ("slice", all.slice(5..45).unwrap(), (5..45).collect()),
        (
            "step",
            all.step_by(3).unwrap(),
            (0..50).step_by(3).collect(),
        ),
        ("rev", all.rev(), (0..50).rev().collect()),
        (
            "rev step",
            all.step_by(7).unwrap().rev(),
            (0..50).step_by(7).rev().collect(),
        ),
    ];
    for (name, table, rows) in tables {
        let batch = to_record_batch(&table, &Options::new()).unwrap();
        assert_eq!(batch.num_rows(), rows.len(), "{name}");
        for (column, dense_column) in batch.columns().iter().zip(dense.columns()) {
            for (row, &source) in rows.iter().enumerate() {
                assert_eq!(
                    column.slice(row, 1).to_data(),
                    dense_column.slice(source, 1).to_data(),
                    "{name}: row {row}"
                );
            }
        }
    }
}

#[test]
fn rows_outside_the_table_are_an_error() {
    let bytes = ticks(&mut Rng::new(12), 4);
    let table = Tick::records(&bytes).unwrap();
    let error = table.batch(2..5, &Options::new()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "rows 2..5 are outside the table's 4 rows"
    );
    let empty = table.batch(4..4, &Options::new()).unwrap();
    assert_eq!(empty.num_rows(), 0);
}
