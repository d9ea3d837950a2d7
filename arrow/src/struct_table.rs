//! Tables of run-time Python `struct` formats: [`StructTable`], its plan (one column per
//! value of the format) and its [`Source`] implementation.

use std::ops::Range;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, SchemaRef};
use overlay::pystruct::{ValueKind, ValueLayout};
use overlay::{Endian, Struct};

use crate::convert::{convert, Rows};
use crate::error::Error;
use crate::options::Options;
use crate::plan::{check_unique, Builder, Column, Plan, Read, Width};
use crate::source::Source;

/// `count` records of a run-time format, `stride` bytes apart, from the start of `bytes`.
///
/// Each value of the format is a column (`3I` is three), named by the names given or
/// `f0, f1, ...`; pad bytes (`x`) and native alignment padding are skipped. The values are
/// those of CPython's `struct.iter_unpack` over the same bytes, bit for bit: see the crate
/// docs for the types.
///
/// ```
/// use arrow_array::cast::AsArray;
/// use arrow_array::types::{Float64Type, Int16Type};
/// use overlay::Struct;
/// use overlay_arrow::{to_record_batch, Options, StructTable};
///
/// let format = Struct::new("<hd")?;
/// let mut bytes = Vec::new();
/// for (n, x) in [(-2i16, 0.5f64), (7, 1e300)] {
///     bytes.extend_from_slice(&n.to_le_bytes());
///     bytes.extend_from_slice(&x.to_le_bytes());
/// }
/// let names = Some(vec!["n".to_owned(), "x".to_owned()]);
/// let table = StructTable::new(&format, &bytes, 2, format.size(), names)?;
/// let batch = to_record_batch(&table, &Options::new())?;
/// assert_eq!(batch.schema().field(1).name(), "x");
/// assert_eq!(batch.column(0).as_primitive::<Int16Type>().values(), &[-2, 7]);
/// assert_eq!(batch.column(1).as_primitive::<Float64Type>().values(), &[0.5, 1e300]);
///
/// let wrong = StructTable::new(&format, &bytes, 2, format.size(), Some(vec!["n".into()]));
/// assert_eq!(
///     wrong.unwrap_err().to_string(),
///     "format \"<hd\" has 2 values, so it needs 2 column names, not 1"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct StructTable<'a> {
    format: &'a Struct,
    bytes: &'a [u8],
    count: usize,
    stride: usize,
    names: Vec<String>,
}

impl<'a> StructTable<'a> {
    /// A table of `count` records of `format`, the first at the start of `bytes` and each
    /// next one `stride` bytes after the last (`stride >= format.size()`; bytes between and
    /// after the records are ignored). `names` are the columns' names, one per value of the
    /// format ([`Struct::value_count`]); `None` names them `f0, f1, ...`.
    ///
    /// Errors if the names are not one per value or repeat one, if the stride is less than
    /// a record, or if the last record ends past `bytes`.
    pub fn new(
        format: &'a Struct,
        bytes: &'a [u8],
        count: usize,
        stride: usize,
        names: Option<Vec<String>>,
    ) -> Result<Self, Error> {
        let values = format.value_count();
        let names = match names {
            Some(names) if names.len() != values => {
                return Err(Error::NameCount {
                    format: format.format().into(),
                    values,
                    names: names.len(),
                })
            }
            Some(names) => names,
            None => (0..values).map(|i| format!("f{i}")).collect(),
        };
        let size = format.size();
        if stride < size {
            return Err(Error::StrideTooSmall {
                format: format.format().into(),
                size,
                stride,
            });
        }
        let end = match count {
            0 => 0,
            n => (n as u128 - 1) * stride as u128 + size as u128,
        };
        if end > bytes.len() as u128 {
            // The first record that does not fit.
            let fit = match bytes.len().checked_sub(size) {
                None => 0,
                Some(room) => room / stride.max(1) + 1,
            };
            return Err(Error::TooShort {
                format: format.format().into(),
                record: fit,
                offset: fit as u128 * stride as u128,
                size,
                len: bytes.len(),
            });
        }
        let table = StructTable {
            format,
            bytes,
            count,
            stride,
            names,
        };
        table.plan()?;
        Ok(table)
    }

    /// The column names, one per value of the format.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The plan: one leaf column per value.
    fn plan(&self) -> Result<Plan, Error> {
        let mut builder = Builder::default();
        let columns = self
            .format
            .values_layout()
            .zip(&self.names)
            .map(|(value, name)| column(&mut builder, value, name))
            .collect::<Vec<Column>>();
        let table = format!("format {:?}", self.format.format());
        check_unique(&columns, &table, "")?;
        Ok(builder.finish(columns))
    }
}

/// The column of one value of a format.
fn column(builder: &mut Builder, value: ValueLayout, name: &str) -> Column {
    let big = value.endian == Endian::Big;
    let int = |width, data_type| (Read::Int { width, big }, data_type);
    let (read, data_type) = match (value.kind, value.size) {
        (ValueKind::Signed, 1) => int(Width::W1, DataType::Int8),
        (ValueKind::Signed, 2) => int(Width::W2, DataType::Int16),
        (ValueKind::Signed, 4) => int(Width::W4, DataType::Int32),
        (ValueKind::Unsigned, 1) => int(Width::W1, DataType::UInt8),
        (ValueKind::Unsigned, 2) => int(Width::W2, DataType::UInt16),
        (ValueKind::Unsigned, 4) => int(Width::W4, DataType::UInt32),
        (ValueKind::Signed, _) => int(Width::W8, DataType::Int64),
        (ValueKind::Unsigned, _) => int(Width::W8, DataType::UInt64),
        (ValueKind::Float, 2) => int(Width::W2, DataType::Float16),
        (ValueKind::Float, 4) => int(Width::W4, DataType::Float32),
        (ValueKind::Float, _) => int(Width::W8, DataType::Float64),
        (ValueKind::Bool, _) => (Read::Bool, DataType::Boolean),
        (ValueKind::Pascal, len) => (Read::Pascal { len }, DataType::Binary),
        // `c`, `s`, and any kind added to `overlay` later: the bytes as they are.
        (_, len) => (
            Read::Bytes { len },
            DataType::FixedSizeBinary(i32::try_from(len).unwrap_or(i32::MAX)),
        ),
    };
    builder.leaf(name, name, vec![value.offset], read, data_type, false)
}

/// A run-time format table converts value by value: see the crate docs for the types.
impl Source for StructTable<'_> {
    fn schema(&self, _options: &Options) -> Result<SchemaRef, Error> {
        Ok(self.plan()?.schema)
    }

    fn len(&self) -> usize {
        self.count
    }

    fn batch(&self, rows: Range<usize>, _options: &Options) -> Result<RecordBatch, Error> {
        if rows.start > rows.end || rows.end > self.count {
            return Err(Error::Rows {
                start: rows.start,
                end: rows.end,
                len: self.count,
            });
        }
        let plan = self.plan()?;
        let step = isize::try_from(self.stride).unwrap_or(isize::MAX);
        // `new` checked that every record lies in `bytes`.
        let first = rows.start.saturating_mul(self.stride);
        convert(
            &plan,
            Rows {
                bytes: self.bytes,
                first,
                step: if rows.len() <= 1 { step.max(1) } else { step },
                len: rows.len(),
            },
        )
    }

    fn input_bytes(&self) -> u64 {
        match self.count {
            0 => 0,
            n => ((n as u128 - 1) * self.stride as u128 + self.format.size() as u128) as u64,
        }
    }
}
