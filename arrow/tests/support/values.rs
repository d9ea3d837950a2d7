//! Arrow columns as values comparable with `overlay::Struct::unpack`: the check of the
//! property tests and the fuzz-like tests that need no python.

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Float16Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type,
    UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use overlay::pystruct::ValueLayout;
use overlay::{Endian, Struct, Value};

/// One cell of a flat column.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Int(i64),
    UInt(u64),
    /// A float's bits as stored, and its size in bytes.
    Float(u64, usize),
    Bool(bool),
    Bytes(Vec<u8>),
}

/// The cell at `row` of a flat column (numbers, bools, bytes).
pub fn cell(array: &dyn Array, row: usize) -> Cell {
    match array.data_type() {
        DataType::Int8 => Cell::Int(array.as_primitive::<Int8Type>().value(row).into()),
        DataType::Int16 => Cell::Int(array.as_primitive::<Int16Type>().value(row).into()),
        DataType::Int32 => Cell::Int(array.as_primitive::<Int32Type>().value(row).into()),
        DataType::Int64 => Cell::Int(array.as_primitive::<Int64Type>().value(row)),
        DataType::UInt8 => Cell::UInt(array.as_primitive::<UInt8Type>().value(row).into()),
        DataType::UInt16 => Cell::UInt(array.as_primitive::<UInt16Type>().value(row).into()),
        DataType::UInt32 => Cell::UInt(array.as_primitive::<UInt32Type>().value(row).into()),
        DataType::UInt64 => Cell::UInt(array.as_primitive::<UInt64Type>().value(row)),
        DataType::Float16 => {
            let value = array.as_primitive::<Float16Type>().value(row);
            Cell::Float(value.to_bits().into(), 2)
        }
        DataType::Float32 => {
            let value = array.as_primitive::<Float32Type>().value(row);
            Cell::Float(value.to_bits().into(), 4)
        }
        DataType::Float64 => {
            Cell::Float(array.as_primitive::<Float64Type>().value(row).to_bits(), 8)
        }
        DataType::Boolean => Cell::Bool(array.as_boolean().value(row)),
        DataType::FixedSizeBinary(_) => {
            Cell::Bytes(array.as_fixed_size_binary().value(row).to_vec())
        }
        DataType::Binary => Cell::Bytes(array.as_binary::<i32>().value(row).to_vec()),
        other => panic!("no cell for {other}"),
    }
}

/// The bits of the float `size` bytes at `at` in `record`, in byte order `endian`.
fn raw_bits(record: &[u8], at: usize, size: usize, endian: Endian) -> u64 {
    let bytes = &record[at..at + size];
    let fold = |acc: u64, &b: &u8| acc << 8 | u64::from(b);
    match endian {
        Endian::Big => bytes.iter().fold(0, fold),
        Endian::Little => bytes.iter().rev().fold(0, fold),
    }
}

/// The value a float cell holds, as `f64`.
fn float_value(bits: u64, size: usize) -> f64 {
    match size {
        2 => half::f16::from_bits(bits as u16).to_f64(),
        4 => f64::from(f32::from_bits(bits as u32)),
        _ => f64::from_bits(bits),
    }
}

/// Whether `cell` is what `unpack` read as `value`; a float's bits must also be the bytes'
/// (`layout` says where they are in `record`).
pub fn same(value: &Value<'_>, cell: &Cell, record: &[u8], layout: &ValueLayout) -> bool {
    match (value, cell) {
        (Value::Int(v), Cell::Int(c)) => v == c,
        (Value::UInt(v), Cell::UInt(c)) => v == c,
        (Value::Bool(v), Cell::Bool(c)) => v == c,
        (Value::Bytes(v), Cell::Bytes(c)) => v == &c.as_slice(),
        (Value::Float(v), &Cell::Float(bits, size)) => {
            let stored = float_value(bits, size);
            let value_same = if v.is_nan() {
                stored.is_nan()
            } else {
                v.to_bits() == stored.to_bits()
            };
            value_same
                && size == layout.size
                && bits == raw_bits(record, layout.offset, size, layout.endian)
        }
        _ => false,
    }
}

/// Fails unless every cell of `batch` is what `format.unpack` reads from the record of its
/// row (the `stride`-byte slots of `bytes`, from `first_row`).
pub fn assert_unpacked(
    batch: &RecordBatch,
    format: &Struct,
    bytes: &[u8],
    stride: usize,
    first_row: usize,
) {
    let layout: Vec<ValueLayout> = format.values_layout().collect();
    assert_eq!(batch.num_columns(), layout.len(), "{format:?}: columns");
    for row in 0..batch.num_rows() {
        let start = (first_row + row) * stride;
        let record = &bytes[start..start + format.size()];
        let values = format.unpack(record).expect("unpacks");
        for (column, (value, place)) in values.iter().zip(&layout).enumerate() {
            let cell = cell(batch.column(column).as_ref(), row);
            assert!(
                same(value, &cell, record, place),
                "{format:?} row {row} column {column}: arrow {cell:?}, unpack {value:?}"
            );
        }
    }
}
