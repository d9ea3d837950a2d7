//! Runs a [`Plan`] over rows of records: allocates each leaf column's final buffer once,
//! deals contiguous runs of rows to rayon tasks (each writes its rows of every column, so a
//! record is fetched from memory once), and wraps the buffers in Arrow arrays without
//! copying.

use std::ops::Range;
use std::sync::Arc;

use arrow_array::types::{
    Float16Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type, UInt16Type,
    UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{
    ArrayRef, ArrowPrimitiveType, BinaryArray, BooleanArray, Decimal128Array, DictionaryArray,
    FixedSizeBinaryArray, FixedSizeListArray, Int32Array, PrimitiveArray, RecordBatch,
    RecordBatchOptions, StructArray,
};
use arrow_buffer::{BooleanBuffer, Buffer, NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType};
use rayon::prelude::*;

use crate::error::Error;
use crate::kernels;
use crate::plan::{Leaf, Node, Plan, Read, Width};

/// Where the records of a table are: row `r` starts at byte `first + r * step` of `bytes`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rows<'a> {
    pub bytes: &'a [u8],
    pub first: usize,
    pub step: isize,
    pub len: usize,
}

/// Bytes of input a block of rows should span: a block's records stay in the first level
/// caches while every column of the block is read from them.
const BLOCK_BYTES: usize = 16 * 1024;

/// Tasks per thread: enough for rayon to even out uneven threads, few enough that dealing
/// the buffers out stays cheap (the number of tasks does not grow with the rows).
const TASKS_PER_THREAD: usize = 4;

impl<'a> Rows<'a> {
    /// Where row `row` starts (for rows that exist, never wrapped).
    #[inline(always)]
    fn start(&self, row: usize) -> usize {
        self.first
            .wrapping_add(row.wrapping_mul(self.step as usize))
    }

    /// Whether every row's first `extent` bytes lie in `bytes`.
    fn fit(&self, extent: usize) -> bool {
        if self.len == 0 {
            return true;
        }
        let len = self.bytes.len() as i128;
        let first = self.first as i128;
        let last = first + (self.len as i128 - 1) * self.step as i128;
        let extent = extent as i128;
        first.min(last) >= 0 && first.max(last) + extent <= len
    }

    /// The records of rows `start..` going forwards (`step > 0`): each slice starts at its
    /// record and runs to the next record's start (or the end of the bytes).
    #[inline(always)]
    fn forward(&self, start: usize) -> core::slice::Chunks<'a, u8> {
        let from = self.bytes.get(self.start(start)..).unwrap_or(&[]);
        from.chunks(self.step.unsigned_abs().max(1))
    }

    /// The records of rows `start..end`, for any step.
    #[inline(always)]
    fn any(&self, range: Range<usize>) -> impl Iterator<Item = &'a [u8]> + Clone + 'a {
        let rows = *self;
        range.map(move |row| rows.bytes.get(rows.start(row)..).unwrap_or(&[]))
    }
}

/// A leaf column's final buffer, allocated once per batch.
enum Buf {
    W1(Vec<u8>),
    W2(Vec<u16>),
    W4(Vec<u32>),
    W8(Vec<u64>),
    W16(Vec<u128>),
    Bitmap(Vec<u8>),
    Bytes(Vec<u8>),
    Pascal { ends: Vec<i32>, values: Vec<u8> },
    Keys { keys: Vec<i32>, valid: Vec<u8> },
}

/// A task's part of a leaf column's buffer: its rows.
enum Out<'a> {
    W1(&'a mut [u8]),
    W2(&'a mut [u16]),
    W4(&'a mut [u32]),
    W8(&'a mut [u64]),
    W16(&'a mut [u128]),
    Bitmap(&'a mut [u8]),
    Bytes(&'a mut [u8]),
    Pascal {
        ends: &'a mut [i32],
        values: &'a mut [u8],
        /// Where `values` starts in the column.
        base: usize,
        /// Bytes of `values` written so far.
        cursor: usize,
    },
    Keys {
        keys: &'a mut [i32],
        valid: &'a mut [u8],
    },
}

/// The first `n` items of `*rest` (fewer if it is shorter), which keeps the others.
fn take<'a, T>(rest: &mut &'a mut [T], n: usize) -> &'a mut [T] {
    let all = std::mem::take(rest);
    let (head, tail) = all.split_at_mut(n.min(all.len()));
    *rest = tail;
    head
}

/// Buffers from this size on are asked for before they are made.
const PROBE_BYTES: usize = 64 << 20;

/// `values` zeroed items, or an error naming the column if the batch is too large to count
/// or to allocate.
fn zeroed<T: Clone + Default>(values: Option<usize>, leaf: &Leaf) -> Result<Vec<T>, Error> {
    let bytes = values.and_then(|v| v.checked_mul(std::mem::size_of::<T>()));
    let (Some(values), Some(bytes)) = (values, bytes) else {
        return Err(out_of_memory(leaf, u64::MAX));
    };
    if bytes >= PROBE_BYTES {
        // A batch larger than memory is an error, not an abort: ask for the memory first
        // (reserving touches nothing), then let `vec!` take fresh zeroed pages from the
        // system, which costs no pass over them.
        let mut probe: Vec<T> = Vec::new();
        probe
            .try_reserve_exact(values)
            .map_err(|_| out_of_memory(leaf, bytes as u64))?;
    }
    Ok(vec![T::default(); values])
}

fn out_of_memory(leaf: &Leaf, bytes: u64) -> Error {
    Error::OutOfMemory {
        column: leaf.path.clone(),
        bytes,
    }
}

impl Buf {
    /// The zeroed buffer of `leaf` for `rows` rows; `pascal` is the total length of its
    /// strings, for a Pascal column.
    fn new(leaf: &Leaf, rows: usize, pascal: u64) -> Result<Buf, Error> {
        let values = rows.checked_mul(leaf.per_row());
        let bits = values.map(|v| v.div_ceil(8));
        Ok(match &leaf.read {
            Read::Int { width, .. } | Read::Bits { out: width, .. } => match width {
                Width::W1 => Buf::W1(zeroed(values, leaf)?),
                Width::W2 => Buf::W2(zeroed(values, leaf)?),
                Width::W4 => Buf::W4(zeroed(values, leaf)?),
                Width::W8 => Buf::W8(zeroed(values, leaf)?),
                Width::W16 => Buf::W16(zeroed(values, leaf)?),
            },
            Read::U128Bytes { .. } => Buf::W16(zeroed(values, leaf)?),
            Read::Bool | Read::BitBool { .. } => Buf::Bitmap(zeroed(bits, leaf)?),
            Read::Bytes { len } => {
                Buf::Bytes(zeroed(values.and_then(|v| v.checked_mul(*len)), leaf)?)
            }
            Read::Pascal { .. } => {
                if pascal > i32::MAX as u64 {
                    return Err(Error::BinaryTooLarge {
                        column: leaf.path.clone(),
                        bytes: pascal,
                    });
                }
                Buf::Pascal {
                    ends: zeroed(values.and_then(|v| v.checked_add(1)), leaf)?,
                    values: vec![0; pascal as usize],
                }
            }
            Read::EnumName { .. } => Buf::Keys {
                keys: zeroed(values, leaf)?,
                valid: zeroed(bits, leaf)?,
            },
        })
    }

    /// Deals the buffer out to `tasks`, each its rows (`per_row` values a row);
    /// `pascal[t]` is task `t`'s string bytes, for a Pascal column.
    fn deal<'a>(&'a mut self, leaf: &Leaf, tasks: &mut [Task<'a>], pascal: &[u64]) {
        let per_row = leaf.per_row();
        let values = |task: &Task<'_>| task.rows.len() * per_row;
        let bits = |task: &Task<'_>| values(task).div_ceil(8);
        match self {
            Buf::W1(v) => deal_slices(v, tasks, values, Out::W1),
            Buf::W2(v) => deal_slices(v, tasks, values, Out::W2),
            Buf::W4(v) => deal_slices(v, tasks, values, Out::W4),
            Buf::W8(v) => deal_slices(v, tasks, values, Out::W8),
            Buf::W16(v) => deal_slices(v, tasks, values, Out::W16),
            Buf::Bitmap(v) => deal_slices(v, tasks, bits, Out::Bitmap),
            Buf::Bytes(v) => {
                let len = match leaf.read {
                    Read::Bytes { len } => len,
                    _ => 0,
                };
                deal_slices(v, tasks, |task| values(task) * len, Out::Bytes)
            }
            Buf::Pascal {
                ends,
                values: bytes,
            } => {
                // ends[0] is 0 and stays so: each task writes the ends of its values.
                let mut ends = ends.get_mut(1..).unwrap_or(&mut []);
                let mut bytes = &mut bytes[..];
                let mut base = 0;
                for (index, task) in tasks.iter_mut().enumerate() {
                    let length = pascal.get(index).copied().unwrap_or(0) as usize;
                    task.outs.push(Out::Pascal {
                        ends: take(&mut ends, values(task)),
                        values: take(&mut bytes, length),
                        base,
                        cursor: 0,
                    });
                    base += length;
                }
            }
            Buf::Keys { keys, valid } => {
                let mut keys = &mut keys[..];
                let mut valid = &mut valid[..];
                for task in tasks.iter_mut() {
                    task.outs.push(Out::Keys {
                        keys: take(&mut keys, values(task)),
                        valid: take(&mut valid, bits(task)),
                    });
                }
            }
        }
    }
}

/// Deals `buffer` out to `tasks`, `count(task)` items each, wrapped by `wrap`.
fn deal_slices<'a, T>(
    buffer: &'a mut [T],
    tasks: &mut [Task<'a>],
    count: impl Fn(&Task<'_>) -> usize,
    wrap: impl Fn(&'a mut [T]) -> Out<'a>,
) {
    let mut rest = buffer;
    for task in tasks.iter_mut() {
        let n = count(task);
        task.outs.push(wrap(take(&mut rest, n)));
    }
}

/// A run of rows and its part of every column.
struct Task<'a> {
    rows: Range<usize>,
    outs: Vec<Out<'a>>,
}

impl Out<'_> {
    /// Reads `rows` records from `records` (local rows `at..`) into this part; `forward` is
    /// the records' bytes and step when they go forwards.
    #[inline(always)]
    fn fill<'r, I>(
        &mut self,
        leaf: &Leaf,
        records: I,
        forward: Option<(&[u8], usize)>,
        at: usize,
        rows: usize,
    ) where
        I: Iterator<Item = &'r [u8]> + Clone,
    {
        let per_row = leaf.per_row();
        let (from, to) = (at * per_row, (at + rows) * per_row);
        let offsets = &leaf.offsets[..];
        let contiguous = leaf.contiguous;
        // Bitmaps: blocks start at multiples of 8 rows, so at whole bytes.
        let bit_from = from / 8;
        macro_rules! ints {
            ($out:expr, $width:literal, $ty:ty, $big:expr) => {{
                let out = $out.get_mut(from..to).unwrap_or(&mut []);
                if $big {
                    let read = <$ty>::from_be_bytes;
                    kernels::fixed_or_strided::<$width, _, _, _>(
                        records, forward, offsets, contiguous, out, read,
                    )
                } else {
                    let read = <$ty>::from_le_bytes;
                    kernels::fixed_or_strided::<$width, _, _, _>(
                        records, forward, offsets, contiguous, out, read,
                    )
                }
            }};
        }
        match (self, &leaf.read) {
            (Out::W1(out), Read::Int { big, .. }) => ints!(out, 1, u8, *big),
            (Out::W2(out), Read::Int { big, .. }) => ints!(out, 2, u16, *big),
            (Out::W4(out), Read::Int { big, .. }) => ints!(out, 4, u32, *big),
            (Out::W8(out), Read::Int { big, .. }) => ints!(out, 8, u64, *big),
            (Out::W16(out), Read::Int { big, .. }) => ints!(out, 16, u128, *big),
            (Out::W16(out), Read::U128Bytes { big }) => {
                // Stored as the value's big-endian bytes.
                let out = out.get_mut(from..to).unwrap_or(&mut []);
                if *big {
                    kernels::fixed::<16, _, _, _>(
                        records,
                        offsets,
                        contiguous,
                        out,
                        u128::from_ne_bytes,
                    )
                } else {
                    kernels::fixed::<16, _, _, _>(records, offsets, contiguous, out, |b| {
                        u128::from_ne_bytes(u128::from_le_bytes(b).to_be_bytes())
                    })
                }
            }
            (out, Read::Bits { field, signed, .. }) => {
                let (field, signed) = (*field, *signed);
                let value = move |record: &[u8], offset| {
                    let bits = kernels::bit_field(record, offset, field)?;
                    Some(if signed {
                        kernels::sign_extend(bits, field.width)
                    } else {
                        bits
                    })
                };
                match out {
                    Out::W1(out) => {
                        let out = out.get_mut(from..to).unwrap_or(&mut []);
                        kernels::each(records, offsets, out, |r, o| value(r, o).map(|v| v as u8))
                    }
                    Out::W2(out) => {
                        let out = out.get_mut(from..to).unwrap_or(&mut []);
                        kernels::each(records, offsets, out, |r, o| value(r, o).map(|v| v as u16))
                    }
                    Out::W4(out) => {
                        let out = out.get_mut(from..to).unwrap_or(&mut []);
                        kernels::each(records, offsets, out, |r, o| value(r, o).map(|v| v as u32))
                    }
                    Out::W8(out) => {
                        let out = out.get_mut(from..to).unwrap_or(&mut []);
                        kernels::each(records, offsets, out, value)
                    }
                    _ => {}
                }
            }
            (Out::Bitmap(out), Read::Bool) => {
                let out = out.get_mut(bit_from..).unwrap_or(&mut []);
                kernels::bitmap(records, rows, offsets, out, |record, offset| {
                    record.get(offset).is_some_and(|&b| b != 0)
                })
            }
            (Out::Bitmap(out), Read::BitBool { field }) => {
                let field = *field;
                let out = out.get_mut(bit_from..).unwrap_or(&mut []);
                kernels::bitmap(records, rows, offsets, out, |record, offset| {
                    kernels::bit_field(record, offset, field).is_some_and(|b| b != 0)
                })
            }
            (Out::Bytes(out), Read::Bytes { len }) => {
                let len = *len;
                let out = out.get_mut(from * len..to * len).unwrap_or(&mut []);
                // Short strings (the usual `[u8; 4]`, `4s`, `c`) as arrays: a load and a store
                // each, not a call to memcpy.
                macro_rules! short {
                    ($($n:literal)*) => {
                        match len {
                            $($n => {
                                let (out, _) = out.as_chunks_mut::<$n>();
                                kernels::fixed_or_strided::<$n, _, _, _>(
                                    records, forward, offsets, contiguous, out, |b| b,
                                )
                            })*
                            _ => kernels::bytes(records, offsets, len, out),
                        }
                    };
                }
                short!(1 2 3 4 5 6 7 8 10 12 16)
            }
            (
                Out::Pascal {
                    ends,
                    values,
                    base,
                    cursor,
                },
                Read::Pascal { len },
            ) => {
                let ends = ends.get_mut(from..to).unwrap_or(&mut []);
                kernels::pascal(records, rows, offsets, *len, ends, values, *base, cursor)
            }
            (Out::Keys { keys, valid }, Read::EnumName { raw, signed, names }) => {
                let keys = keys.get_mut(from..to).unwrap_or(&mut []);
                let valid = valid.get_mut(bit_from..).unwrap_or(&mut []);
                kernels::enum_keys(records, rows, offsets, *raw, *signed, names, keys, valid)
            }
            // Buffers are made from the leaf's `Read`: no other pairs occur.
            _ => {}
        }
    }
}

impl Task<'_> {
    /// Reads the task's rows into its parts, block by block.
    fn run(mut self, plan: &Plan, rows: Rows<'_>, block_rows: usize) {
        let Range { start, end } = self.rows;
        let mut at = start;
        while at < end {
            let n = block_rows.min(end - at);
            let local = at - start;
            for (leaf, out) in plan.leaves.iter().zip(self.outs.iter_mut()) {
                if rows.step > 0 {
                    let bytes = rows.bytes.get(rows.start(at)..).unwrap_or(&[]);
                    let forward = Some((bytes, rows.step.unsigned_abs()));
                    out.fill(leaf, rows.forward(at), forward, local, n);
                } else {
                    out.fill(leaf, rows.any(at..at + n), None, local, n);
                }
            }
            at += n;
        }
    }
}

/// Rows per block (a multiple of 8, so that bitmaps split at whole bytes).
fn block_rows(plan: &Plan, rows: Rows<'_>) -> usize {
    let row_bytes = plan.extent.max(1).min(rows.step.unsigned_abs().max(1));
    (BLOCK_BYTES / row_bytes).clamp(8, 1 << 16) / 8 * 8
}

/// The rows of each task: whole blocks, about as many per task, a bounded number of tasks.
fn task_rows(len: usize, block_rows: usize) -> Vec<Range<usize>> {
    let blocks = len.div_ceil(block_rows);
    let tasks = blocks.min(rayon::current_num_threads().max(1) * TASKS_PER_THREAD);
    (0..tasks)
        .map(|t| {
            // In u128: `t * blocks` does not fit a usize for tables of 2^61 empty records.
            let at = |t: usize| {
                let block = t as u128 * blocks as u128 / tasks as u128;
                usize::try_from(block * block_rows as u128).map_or(len, |row| row.min(len))
            };
            at(t)..at(t + 1)
        })
        .collect()
}

/// The batch of all of `rows`.
pub(crate) fn convert(plan: &Plan, rows: Rows<'_>) -> Result<RecordBatch, Error> {
    if !rows.fit(plan.extent) {
        return Err(internal("records outside their buffer").into());
    }
    let block = block_rows(plan, rows);
    let ranges = task_rows(rows.len, block);
    let pascal = pascal_totals(plan, rows, &ranges);
    let mut buffers = Vec::with_capacity(plan.leaves.len());
    for (index, leaf) in plan.leaves.iter().enumerate() {
        let total = pascal.iter().map(|task| task[index]).sum();
        buffers.push(Buf::new(leaf, rows.len, total)?);
    }
    {
        let mut tasks: Vec<Task<'_>> = ranges
            .iter()
            .map(|range| Task {
                rows: range.clone(),
                outs: Vec::with_capacity(plan.leaves.len()),
            })
            .collect();
        let mut column = Vec::with_capacity(ranges.len());
        for (index, (buffer, leaf)) in buffers.iter_mut().zip(&plan.leaves).enumerate() {
            column.clear();
            column.extend(pascal.iter().map(|task| task[index]));
            buffer.deal(leaf, &mut tasks, &column);
        }
        // A plan that reads no bytes (zero-length strings and arrays) has nothing to write
        // either: its zeroed buffers are its values, however many rows there are.
        if plan.extent > 0 {
            tasks
                .into_par_iter()
                .for_each(|task| task.run(plan, rows, block));
        }
    }
    assemble(plan, buffers, rows.len)
}

/// For each task, each leaf's string bytes (0 but for Pascal columns); empty without Pascal
/// columns.
fn pascal_totals(plan: &Plan, rows: Rows<'_>, ranges: &[Range<usize>]) -> Vec<Vec<u64>> {
    // Pascal strings of 0 or 1 bytes are always empty: nothing to count (and a plan that
    // reads no bytes may have any number of rows).
    let counted = |leaf: &Leaf| matches!(leaf.read, Read::Pascal { len } if len > 1);
    if !plan.leaves.iter().any(counted) {
        return Vec::new();
    }
    ranges
        .par_iter()
        .map(|range| {
            plan.leaves
                .iter()
                .map(|leaf| match leaf.read {
                    Read::Pascal { len } if len > 1 => {
                        let n = range.len();
                        kernels::pascal_total(rows.any(range.clone()), n, &leaf.offsets, len)
                    }
                    _ => 0,
                })
                .collect()
        })
        .collect()
}

/// Wraps the filled buffers in arrays, as the plan's columns.
fn assemble(plan: &Plan, buffers: Vec<Buf>, rows: usize) -> Result<RecordBatch, Error> {
    let mut buffers: Vec<Option<Buf>> = buffers.into_iter().map(Some).collect();
    let columns = plan
        .roots
        .iter()
        .map(|node| build(node, plan, &mut buffers, rows))
        .collect::<Result<Vec<_>, ArrowError>>()?;
    let options = RecordBatchOptions::new().with_row_count(Some(rows));
    Ok(RecordBatch::try_new_with_options(
        plan.schema.clone(),
        columns,
        &options,
    )?)
}

fn internal(what: &str) -> ArrowError {
    ArrowError::InvalidArgumentError(format!("overlay-arrow: {what}"))
}

/// The array of `node`, `len` values long.
fn build(
    node: &Node,
    plan: &Plan,
    buffers: &mut [Option<Buf>],
    len: usize,
) -> Result<ArrayRef, ArrowError> {
    match node {
        Node::Leaf(index) => {
            let leaf = plan
                .leaves
                .get(*index)
                .ok_or_else(|| internal("no such leaf"))?;
            let buffer = buffers
                .get_mut(*index)
                .and_then(Option::take)
                .ok_or_else(|| internal("a leaf used twice"))?;
            leaf_array(buffer, leaf, len)
        }
        Node::Struct { fields, children } => {
            let arrays = children
                .iter()
                .map(|child| build(child, plan, buffers, len))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Arc::new(StructArray::try_new_with_length(
                fields.clone(),
                arrays,
                None,
                len,
            )?))
        }
        Node::List { item, size, child } => {
            let values = len
                .checked_mul(*size)
                .ok_or_else(|| internal("list too long"))?;
            let child = build(child, plan, buffers, values)?;
            let size = i32::try_from(*size).map_err(|_| internal("list too long"))?;
            Ok(Arc::new(FixedSizeListArray::try_new_with_length(
                item.clone(),
                size,
                child,
                None,
                len,
            )?))
        }
    }
}

/// A primitive array of `len` values over `buffer`.
fn primitive<T: ArrowPrimitiveType>(buffer: Buffer, len: usize) -> Result<ArrayRef, ArrowError> {
    Ok(Arc::new(PrimitiveArray::<T>::try_new(
        ScalarBuffer::new(buffer, 0, len),
        None,
    )?))
}

/// The array of a leaf's filled buffer, `len` values.
fn leaf_array(buffer: Buf, leaf: &Leaf, len: usize) -> Result<ArrayRef, ArrowError> {
    use DataType as D;
    let bytes = |width: i32, values: Buffer| -> Result<ArrayRef, ArrowError> {
        Ok(Arc::new(FixedSizeBinaryArray::try_new_with_len(
            width, values, None, len,
        )?))
    };
    match (buffer, &leaf.data_type) {
        (Buf::W1(v), D::UInt8) => primitive::<UInt8Type>(Buffer::from_vec(v), len),
        (Buf::W1(v), D::Int8) => primitive::<Int8Type>(Buffer::from_vec(v), len),
        (Buf::W2(v), D::UInt16) => primitive::<UInt16Type>(Buffer::from_vec(v), len),
        (Buf::W2(v), D::Int16) => primitive::<Int16Type>(Buffer::from_vec(v), len),
        (Buf::W2(v), D::Float16) => primitive::<Float16Type>(Buffer::from_vec(v), len),
        (Buf::W4(v), D::UInt32) => primitive::<UInt32Type>(Buffer::from_vec(v), len),
        (Buf::W4(v), D::Int32) => primitive::<Int32Type>(Buffer::from_vec(v), len),
        (Buf::W4(v), D::Float32) => primitive::<Float32Type>(Buffer::from_vec(v), len),
        (Buf::W8(v), D::UInt64) => primitive::<UInt64Type>(Buffer::from_vec(v), len),
        (Buf::W8(v), D::Int64) => primitive::<Int64Type>(Buffer::from_vec(v), len),
        (Buf::W8(v), D::Float64) => primitive::<Float64Type>(Buffer::from_vec(v), len),
        (Buf::W16(v), D::Decimal128(precision, scale)) => Ok(Arc::new(
            Decimal128Array::try_new(ScalarBuffer::new(Buffer::from_vec(v), 0, len), None)?
                .with_precision_and_scale(*precision, *scale)?,
        )),
        (Buf::W16(v), D::FixedSizeBinary(16)) => bytes(16, Buffer::from_vec(v)),
        (Buf::Bytes(v), D::FixedSizeBinary(width)) => bytes(*width, Buffer::from_vec(v)),
        (Buf::Bitmap(v), D::Boolean) => Ok(Arc::new(BooleanArray::new(
            BooleanBuffer::new(Buffer::from_vec(v), 0, len),
            None,
        ))),
        (Buf::Pascal { ends, values }, D::Binary) => Ok(Arc::new(BinaryArray::try_new(
            OffsetBuffer::new(ScalarBuffer::from(ends)),
            Buffer::from_vec(values),
            None,
        )?)),
        (Buf::Keys { keys, valid }, D::Dictionary(..)) => {
            let Read::EnumName { names, .. } = &leaf.read else {
                return Err(internal("names without an enum"));
            };
            let valid = NullBuffer::new(BooleanBuffer::new(Buffer::from_vec(valid), 0, len));
            let keys = Int32Array::try_new(ScalarBuffer::from(keys), Some(valid))?;
            Ok(Arc::new(DictionaryArray::<Int32Type>::try_new(
                keys,
                names.values.clone(),
            )?))
        }
        (_, data_type) => Err(internal(&format!(
            "no buffer of column `{}` makes {data_type}",
            leaf.path
        ))),
    }
}
