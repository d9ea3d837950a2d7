//! Tables of derived records (`Records<'_, T>`): their plan, from `T::FIELDS`, and their
//! [`Source`] implementation.

use std::ops::Range;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, SchemaRef};
use overlay::{Endian, EnumType, FieldInfo, FieldKind, Overlay, Records, TypeInfo, ValueType};

use crate::convert::{convert, Rows};
use crate::error::Error;
use crate::options::Options;
use crate::plan::{
    check_unique, expand, lists, structure, BitField, Builder, Column, Names, Plan, RawInt, Read,
    Width,
};
use crate::source::Source;

/// The plan of a table of `T` read in byte order `endian` (where `T` leaves it open).
fn plan_of<T: Overlay>(endian: Endian, options: &Options) -> Result<Plan, Error> {
    let info = TypeInfo::of_static::<T>();
    let mut builder = Builder::default();
    let mut walk = Walk {
        builder: &mut builder,
        options,
        table: format!("record {}", info.name),
    };
    let columns = if !info.fields.is_empty() {
        walk.fields(info.fields, &[0], endian, "")?
    } else if let Some(value) = info.value {
        // A table of plain numbers, bools or enums: one column.
        let mut columns = Vec::with_capacity(1);
        let big = endian == Endian::Big;
        let at = vec![0];
        walk.value(
            value,
            info.size,
            info.name,
            big,
            "value",
            "value",
            at,
            &mut columns,
        )?;
        columns
    } else {
        return Err(Error::NoFields { record: info.name });
    };
    Ok(builder.finish(columns))
}

/// The walk over a record's fields that builds its columns.
struct Walk<'b> {
    builder: &'b mut Builder,
    options: &'b Options,
    /// `record Name`, for errors.
    table: String,
}

/// The Arrow type and reader of an integer of `size` bytes.
fn integer(size: usize, signed: bool, big: bool) -> Option<(Read, DataType)> {
    let width = Width::of_bytes(size)?;
    let data_type = match (width, signed) {
        (Width::W1, false) => DataType::UInt8,
        (Width::W1, true) => DataType::Int8,
        (Width::W2, false) => DataType::UInt16,
        (Width::W2, true) => DataType::Int16,
        (Width::W4, false) => DataType::UInt32,
        (Width::W4, true) => DataType::Int32,
        (Width::W8, false) => DataType::UInt64,
        (Width::W8, true) => DataType::Int64,
        // 128-bit integers: see the crate docs.
        (Width::W16, false) => {
            return Some((Read::U128Bytes { big }, DataType::FixedSizeBinary(16)))
        }
        (Width::W16, true) => DataType::Decimal128(38, 0),
    };
    Some((Read::Int { width, big }, data_type))
}

/// The Arrow type and reader of a float of `size` bytes.
fn float(size: usize, big: bool) -> Option<(Read, DataType)> {
    let data_type = match size {
        2 => DataType::Float16,
        4 => DataType::Float32,
        8 => DataType::Float64,
        _ => return None,
    };
    Some((
        Read::Int {
            width: Width::of_bytes(size)?,
            big,
        },
        data_type,
    ))
}

/// The integer type a bit field is stored in: its declared type (`u16` stays `UInt16`), or
/// for an enum (whose `repr` the layout does not record) the smallest integer of its
/// signedness that holds its bits.
fn bit_field_width(type_name: &str, signed: bool, bits: u32) -> Width {
    let declared = match type_name {
        "u8" | "i8" => Some(Width::W1),
        "u16" | "i16" => Some(Width::W2),
        "u32" | "i32" => Some(Width::W4),
        "u64" | "i64" => Some(Width::W8),
        _ => None,
    };
    declared.unwrap_or(match bits + u32::from(!signed) {
        0..=8 if signed => Width::W1,
        0..=9 => Width::W1,
        10..=16 => Width::W2,
        17..=32 => Width::W4,
        _ => Width::W8,
    })
}

/// The size of the innermost element type of the array type `type_name` (`"[[u16; 0]; 2]"`)
/// when it is a number or bool; 1 otherwise (an enum, whose `repr` the name does not say).
fn leaf_size(type_name: &str) -> usize {
    let leaf = type_name.trim_start_matches('[');
    let leaf = leaf.split(';').next().unwrap_or(leaf).trim();
    match leaf {
        "u16" | "i16" => 2,
        "u32" | "i32" | "f32" => 4,
        "u64" | "i64" | "f64" => 8,
        "u128" | "i128" => 16,
        _ => 1,
    }
}

impl Walk<'_> {
    /// The columns of `fields`, a record whose copies start at `base` (one per element of the
    /// arrays around it) in each row, read in byte order `endian` where a field leaves it
    /// open; `prefix` is the record's path (`quote.`).
    fn fields(
        &mut self,
        fields: &[FieldInfo],
        base: &[usize],
        endian: Endian,
        prefix: &str,
    ) -> Result<Vec<Column>, Error> {
        let mut columns = Vec::with_capacity(fields.len());
        for field in fields {
            self.field(field, base, endian, prefix, &mut columns)?;
        }
        check_unique(&columns, &self.table, prefix)?;
        Ok(columns)
    }

    /// Adds the columns of `field` (none for a pad, two for an enum with its names).
    fn field(
        &mut self,
        field: &FieldInfo,
        base: &[usize],
        inherited: Endian,
        prefix: &str,
        columns: &mut Vec<Column>,
    ) -> Result<(), Error> {
        let endian = field.endian.unwrap_or(inherited);
        let big = endian == Endian::Big;
        let path = format!("{prefix}{}", field.name);
        let name = field.name;
        if let Some((shift, width)) = field.bits {
            let bits = BitField {
                group: field.size,
                big,
                shift,
                width,
            };
            let offsets = expand(base, field.offset, 1, 0);
            return self.bit_field(field, bits, offsets, &path, columns);
        }
        match field.kind {
            FieldKind::Pad => {}
            FieldKind::Bytes => {
                let offsets = expand(base, field.offset, 1, 0);
                let len = field.size;
                let data_type = DataType::FixedSizeBinary(i32::try_from(len).unwrap_or(i32::MAX));
                let read = Read::Bytes { len };
                columns.push(
                    self.builder
                        .leaf(name, &path, offsets, read, data_type, false),
                );
            }
            FieldKind::Struct => {
                let base = expand(base, field.offset, 1, 0);
                // A record declared `endian = "runtime"` reads in this field's order.
                let children = self.fields(field.fields, &base, endian, &format!("{path}."))?;
                columns.push(structure(name, children));
            }
            FieldKind::Array => {
                let count = field.elements;
                // An array of no elements has no size to tell its element's: the type's name
                // does.
                let element = field
                    .size
                    .checked_div(count)
                    .unwrap_or_else(|| leaf_size(field.type_name));
                let dims: &[usize] = if field.dims.is_empty() {
                    &[count]
                } else {
                    field.dims
                };
                // Arrays of u8 of two or more dimensions: the innermost one as byte strings,
                // as Python's struct reads them (`3*4s`).
                let bytes = matches!(field.value, Some(ValueType::Unsigned))
                    && element == 1
                    && dims.len() >= 2;
                let (dims, count, element) = match dims.split_last() {
                    Some((&inner, outer)) if bytes => (outer, count / inner.max(1), inner),
                    _ => (dims, count, element),
                };
                let offsets = expand(base, field.offset, count, element);
                let item = if bytes {
                    let data_type =
                        DataType::FixedSizeBinary(i32::try_from(element).unwrap_or(i32::MAX));
                    let read = Read::Bytes { len: element };
                    vec![self
                        .builder
                        .leaf("item", &path, offsets, read, data_type, false)]
                } else {
                    match field.value {
                        None => {
                            // Records: a struct per element.
                            let children =
                                self.fields(field.fields, &offsets, endian, &format!("{path}."))?;
                            vec![structure("item", children)]
                        }
                        Some(value) => {
                            let mut items = Vec::new();
                            let type_name = field.type_name;
                            self.value(
                                value, element, type_name, big, "item", &path, offsets, &mut items,
                            )?;
                            items
                        }
                    }
                };
                let mut item = item.into_iter();
                if let Some(values) = item.next() {
                    columns.push(lists(name, values, dims));
                }
                if let Some(names) = item.next() {
                    columns.push(lists(&format!("{name}_name"), names, dims));
                }
            }
            FieldKind::Scalar | FieldKind::Bool | FieldKind::Enum => {
                let offsets = expand(base, field.offset, 1, 0);
                match field.value {
                    Some(value) => {
                        let type_name = field.type_name;
                        self.value(
                            value, field.size, type_name, big, name, &path, offsets, columns,
                        )?
                    }
                    None => {
                        return Err(Error::Unsupported {
                            column: path.into(),
                            type_name: field.type_name,
                        })
                    }
                }
            }
            // A kind added to `overlay` later: no columns rather than wrong ones.
            _ => {}
        }
        Ok(())
    }

    /// Adds the column of a single value of `size` bytes at `offsets` (and its names column,
    /// for an enum with `enum_names`).
    #[allow(clippy::too_many_arguments)]
    fn value(
        &mut self,
        value: ValueType,
        size: usize,
        type_name: &'static str,
        big: bool,
        name: &str,
        path: &str,
        offsets: Vec<usize>,
        columns: &mut Vec<Column>,
    ) -> Result<(), Error> {
        let unsupported = || Error::Unsupported {
            column: path.into(),
            type_name,
        };
        let (read, data_type) = match value {
            ValueType::Unsigned => integer(size, false, big).ok_or_else(unsupported)?,
            ValueType::Signed => integer(size, true, big).ok_or_else(unsupported)?,
            ValueType::Float => float(size, big).ok_or_else(unsupported)?,
            ValueType::Bool => (Read::Bool, DataType::Boolean),
            ValueType::Enum(enumeration) => {
                let (read, data_type) =
                    integer(size, enumeration.signed, big).ok_or_else(unsupported)?;
                let raw = RawInt::Whole { size, big };
                let names = self.names(enumeration, raw, name, path, offsets.clone());
                columns.push(
                    self.builder
                        .leaf(name, path, offsets, read, data_type, false),
                );
                columns.extend(names);
                return Ok(());
            }
            _ => return Err(unsupported()),
        };
        columns.push(
            self.builder
                .leaf(name, path, offsets, read, data_type, false),
        );
        Ok(())
    }

    /// The names column of an enum whose integer is `raw`, if names are asked for.
    fn names(
        &mut self,
        enumeration: &EnumType,
        raw: RawInt,
        name: &str,
        path: &str,
        offsets: Vec<usize>,
    ) -> Option<Column> {
        if !self.options.adds_enum_names() {
            return None;
        }
        let names = Names::new(
            enumeration
                .variants
                .iter()
                .map(|variant| (variant.name, variant.value)),
            raw.bits(),
            enumeration.signed,
        );
        let read = Read::EnumName {
            raw,
            signed: enumeration.signed,
            names,
        };
        let data_type = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
        Some(self.builder.leaf(
            &format!("{name}_name"),
            &format!("{path}_name"),
            offsets,
            read,
            data_type,
            true,
        ))
    }

    /// Adds the column (and names column) of a bit field.
    fn bit_field(
        &mut self,
        field: &FieldInfo,
        bits: BitField,
        offsets: Vec<usize>,
        path: &str,
        columns: &mut Vec<Column>,
    ) -> Result<(), Error> {
        let name = field.name;
        let signed = match field.value {
            Some(ValueType::Bool) => {
                let read = Read::BitBool { field: bits };
                columns.push(self.builder.leaf(
                    name,
                    path,
                    offsets,
                    read,
                    DataType::Boolean,
                    false,
                ));
                return Ok(());
            }
            Some(ValueType::Signed) => true,
            Some(ValueType::Enum(enumeration)) => enumeration.signed,
            _ => false,
        };
        let out = bit_field_width(field.type_name, signed, bits.width);
        let data_type = integer(out.bytes(), signed, false)
            .map(|(_, data_type)| data_type)
            .unwrap_or(DataType::UInt64);
        let names = match field.value {
            Some(ValueType::Enum(enumeration)) => {
                self.names(enumeration, RawInt::Bits(bits), name, path, offsets.clone())
            }
            _ => None,
        };
        let read = Read::Bits {
            field: bits,
            signed,
            out,
        };
        columns.push(
            self.builder
                .leaf(name, path, offsets, read, data_type, false),
        );
        columns.extend(names);
        Ok(())
    }
}

/// The rows `rows` of `records` as the converter reads them.
fn rows_of<'a, T: Overlay>(records: &Records<'a, T>) -> Rows<'a> {
    let bytes = records.as_bytes();
    let step = records.stride();
    let len = records.len();
    // Record 0 is the lowest unless the table runs backwards.
    let first = if step < 0 && len > 0 {
        (len - 1) * step.unsigned_abs()
    } else {
        0
    };
    Rows {
        bytes,
        first,
        step,
        len,
    }
}

/// A table of derived records converts field by field: nested records become struct
/// columns, arrays fixed-size lists, and every value is read in its own byte order (a record
/// declared `#[overlay(endian = "runtime")]` in the table's, [`Records::endian`]). See the
/// crate docs for the mapping.
impl<T: Overlay> Source for Records<'_, T> {
    fn schema(&self, options: &Options) -> Result<SchemaRef, Error> {
        Ok(plan_of::<T>(self.endian(), options)?.schema)
    }

    fn len(&self) -> usize {
        Records::len(self)
    }

    fn batch(&self, rows: Range<usize>, options: &Options) -> Result<RecordBatch, Error> {
        let out_of_range = Error::Rows {
            start: rows.start,
            end: rows.end,
            len: Records::len(self),
        };
        if rows.start > rows.end {
            return Err(out_of_range);
        }
        let part = self.slice(rows).map_err(|_| out_of_range)?;
        let plan = plan_of::<T>(self.endian(), options)?;
        convert(&plan, rows_of(&part))
    }

    fn input_bytes(&self) -> u64 {
        self.as_bytes().len() as u64
    }
}
