//! The loops that read one leaf column of a block of records into its Arrow buffer: one
//! per kind of buffer, each generic over how the records are walked (forwards, the fast
//! case, or any other step) and inlined into a loop per value type and byte order.
//!
//! Every read goes through `get`: the converter has checked that every record lies in the
//! buffer, so the checks never fail and a value is never skipped, but no input can make a
//! loop index out of bounds.

use crate::plan::{BitField, Names, RawInt};

/// Reads `W` bytes at each of `offsets` in each record with `read` into `out`
/// (`offsets.len()` slots per record); `contiguous` says the offsets are consecutive values.
#[inline(always)]
pub(crate) fn fixed<'r, const W: usize, T, I, F>(
    records: I,
    offsets: &[usize],
    contiguous: bool,
    out: &mut [T],
    read: F,
) where
    I: Iterator<Item = &'r [u8]>,
    F: Fn([u8; W]) -> T,
{
    match *offsets {
        [] => {}
        [offset] => {
            for (slot, record) in out.iter_mut().zip(records) {
                if let Some(bytes) = record.get(offset..).and_then(<[u8]>::first_chunk::<W>) {
                    *slot = read(*bytes);
                }
            }
        }
        [first, ..] if contiguous => {
            let per_row = offsets.len();
            let span = per_row * W;
            for (slots, record) in out.chunks_exact_mut(per_row).zip(records) {
                if let Some(bytes) = record.get(first..first + span) {
                    let (values, _) = bytes.as_chunks::<W>();
                    for (slot, value) in slots.iter_mut().zip(values) {
                        *slot = read(*value);
                    }
                }
            }
        }
        _ => {
            let per_row = offsets.len();
            for (slots, record) in out.chunks_exact_mut(per_row).zip(records) {
                for (slot, &offset) in slots.iter_mut().zip(offsets) {
                    if let Some(bytes) = record.get(offset..).and_then(<[u8]>::first_chunk::<W>) {
                        *slot = read(*bytes);
                    }
                }
            }
        }
    }
}

/// [`strided`] when the records go forwards (`forward` holds their bytes and step), [`fixed`]
/// over `records` otherwise.
#[inline(always)]
pub(crate) fn fixed_or_strided<'r, const W: usize, T, I, F>(
    records: I,
    forward: Option<(&[u8], usize)>,
    offsets: &[usize],
    contiguous: bool,
    out: &mut [T],
    read: F,
) where
    I: Iterator<Item = &'r [u8]>,
    F: Fn([u8; W]) -> T,
{
    match forward {
        Some((bytes, step)) => strided(bytes, step, offsets, contiguous, out, read),
        None => fixed(records, offsets, contiguous, out, read),
    }
}

/// [`fixed`] for records going forwards: `bytes` starts at the first record and each next
/// one is `step` bytes further (`out.len() / offsets.len()` records). One value per record
/// becomes a loop over whole strides (a load per row; for records of exactly one value, a
/// loop over consecutive values that LLVM vectorizes), as written by hand.
///
/// Not inlined: each instantiation is a small function of its own, whose loop keeps its
/// pointers in registers.
#[inline(never)]
pub(crate) fn strided<const W: usize, T, F>(
    bytes: &[u8],
    step: usize,
    offsets: &[usize],
    contiguous: bool,
    out: &mut [T],
    read: F,
) where
    F: Fn([u8; W]) -> T,
{
    let [offset] = *offsets else {
        fixed(bytes.chunks(step.max(1)), offsets, contiguous, out, read);
        return;
    };
    let Some(from) = bytes.get(offset..) else {
        return;
    };
    if step == W {
        let (values, _) = from.as_chunks::<W>();
        for (slot, value) in out.iter_mut().zip(values) {
            *slot = read(*value);
        }
        return;
    }
    if step < W {
        return;
    }
    // Every record but the last is followed by the rest of its stride.
    let (all_but_last, last) = out.split_at_mut(out.len().saturating_sub(1));
    for (slot, record) in all_but_last.iter_mut().zip(from.chunks_exact(step)) {
        let (value, _) = record.split_at(W);
        if let Ok(value) = <[u8; W]>::try_from(value) {
            *slot = read(value);
        }
    }
    let last_start = all_but_last.len() * step;
    if let (Some(slot), Some(value)) = (
        last.first_mut(),
        from.get(last_start..).and_then(<[u8]>::first_chunk::<W>),
    ) {
        *slot = read(*value);
    }
}

/// Copies the `len` bytes at each of `offsets` in each record into `out`.
pub(crate) fn bytes<'r, I>(records: I, offsets: &[usize], len: usize, out: &mut [u8])
where
    I: Iterator<Item = &'r [u8]>,
{
    if len == 0 || offsets.is_empty() {
        return;
    }
    for (slots, record) in out.chunks_exact_mut(len * offsets.len()).zip(records) {
        for (slot, &offset) in slots.chunks_exact_mut(len).zip(offsets) {
            if let Some(bytes) = record.get(offset..offset + len) {
                slot.copy_from_slice(bytes);
            }
        }
    }
}

/// Computes each value with `value(record, offset)` into `out`, `offsets.len()` per record.
#[inline(always)]
pub(crate) fn each<'r, T, I, F>(records: I, offsets: &[usize], out: &mut [T], value: F)
where
    I: Iterator<Item = &'r [u8]>,
    F: Fn(&[u8], usize) -> Option<T>,
{
    let per_row = offsets.len();
    if per_row == 0 {
        return;
    }
    for (slots, record) in out.chunks_exact_mut(per_row).zip(records) {
        for (slot, &offset) in slots.iter_mut().zip(offsets) {
            if let Some(v) = value(record, offset) {
                *slot = v;
            }
        }
    }
}

/// Packs `bit(record, offset)` for `rows` records into `out`, least significant bit first
/// from bit 0 of `out[0]`.
#[inline(always)]
pub(crate) fn bitmap<'r, I, F>(records: I, rows: usize, offsets: &[usize], out: &mut [u8], bit: F)
where
    I: Iterator<Item = &'r [u8]>,
    F: Fn(&[u8], usize) -> bool,
{
    let mut bytes = out.iter_mut();
    let mut byte = 0u8;
    let mut filled = 0;
    for record in records.take(rows) {
        for &offset in offsets {
            byte |= u8::from(bit(record, offset)) << filled;
            filled += 1;
            if filled == 8 {
                if let Some(slot) = bytes.next() {
                    *slot = byte;
                }
                byte = 0;
                filled = 0;
            }
        }
    }
    if filled > 0 {
        if let Some(slot) = bytes.next() {
            *slot = byte;
        }
    }
}

/// The first `size` bytes at `offset` of `record` as an unsigned integer (at most 16 bytes
/// count).
#[inline]
fn unsigned(record: &[u8], offset: usize, size: usize, big: bool) -> Option<u128> {
    let bytes = record.get(offset..offset.checked_add(size)?)?;
    let fold = |acc: u128, &b: &u8| acc << 8 | u128::from(b);
    Some(if big {
        bytes.iter().fold(0, fold)
    } else {
        bytes.iter().rev().fold(0, fold)
    })
}

/// A bit field's bits, unsigned.
#[inline]
pub(crate) fn bit_field(record: &[u8], offset: usize, field: BitField) -> Option<u64> {
    let group = unsigned(record, offset, field.group.min(8), field.big)? as u64;
    let shifted = group.checked_shr(field.shift).unwrap_or(0);
    Some(shifted & mask(field.width))
}

/// The low `width` bits set.
#[inline]
fn mask(width: u32) -> u64 {
    u64::MAX
        .checked_shr(64u32.saturating_sub(width))
        .unwrap_or(0)
}

/// `bits` of width `width` sign-extended to 64 bits.
#[inline]
pub(crate) fn sign_extend(bits: u64, width: u32) -> u64 {
    if width == 0 || width >= 64 {
        return bits;
    }
    let unused = 64 - width;
    (((bits << unused) as i64) >> unused) as u64
}

/// An enum's integer: its low bits, and its value.
#[inline]
fn enum_value(record: &[u8], offset: usize, raw: RawInt, signed: bool) -> Option<(u128, i128)> {
    let (bits, width) = match raw {
        RawInt::Whole { size, big } => (unsigned(record, offset, size.min(16), big)?, raw.bits()),
        RawInt::Bits(field) => (u128::from(bit_field(record, offset, field)?), field.width),
    };
    let value = if signed && width > 0 && width < 128 {
        let unused = 128 - width;
        ((bits << unused) as i128) >> unused
    } else {
        bits as i128
    };
    Some((bits, value))
}

/// The dictionary keys of an enum's names (and whether each value has one) for `rows`
/// records; `valid` starts at bit 0.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub(crate) fn enum_keys<'r, I>(
    records: I,
    rows: usize,
    offsets: &[usize],
    raw: RawInt,
    signed: bool,
    names: &Names,
    keys: &mut [i32],
    valid: &mut [u8],
) where
    I: Iterator<Item = &'r [u8]> + Clone,
{
    let key = |record: &[u8], offset| {
        let (bits, value) = enum_value(record, offset, raw, signed)?;
        names.key(bits, value)
    };
    each(
        records.clone().take(rows),
        offsets,
        keys,
        |record, offset| Some(key(record, offset).unwrap_or(0)),
    );
    bitmap(records, rows, offsets, valid, |record, offset| {
        key(record, offset).is_some()
    });
}

/// The length of the Pascal string of `len` bytes at `offset`: its first byte, at most
/// `len - 1` (CPython's rule).
#[inline]
pub(crate) fn pascal_len(record: &[u8], offset: usize, len: usize) -> usize {
    match (len, record.get(offset)) {
        (0, _) | (_, None) => 0,
        (len, Some(&first)) => usize::from(first).min(len - 1),
    }
}

/// Copies the Pascal strings of `rows` records into `values` from `*cursor`, and writes
/// each one's end (`base + *cursor` after it) into `ends`. Every slot of `ends` is written,
/// so the offsets rise even if a record were missing.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub(crate) fn pascal<'r, I>(
    mut records: I,
    rows: usize,
    offsets: &[usize],
    len: usize,
    ends: &mut [i32],
    values: &mut [u8],
    base: usize,
    cursor: &mut usize,
) where
    I: Iterator<Item = &'r [u8]>,
{
    let mut ends = ends.iter_mut();
    for _ in 0..rows {
        let record = records.next().unwrap_or(&[]);
        for &offset in offsets {
            let n = pascal_len(record, offset, len);
            let source = offset
                .checked_add(1)
                .and_then(|start| record.get(start..start + n));
            let target = values.get_mut(*cursor..*cursor + n);
            if let (Some(source), Some(target)) = (source, target) {
                target.copy_from_slice(source);
                *cursor += n;
            }
            if let Some(end) = ends.next() {
                *end = i32::try_from(base + *cursor).unwrap_or(i32::MAX);
            }
        }
    }
}

/// The total length of the Pascal strings of `rows` records.
pub(crate) fn pascal_total<'r, I>(records: I, rows: usize, offsets: &[usize], len: usize) -> u64
where
    I: Iterator<Item = &'r [u8]>,
{
    records
        .take(rows)
        .map(|record| {
            offsets
                .iter()
                .map(|&offset| pascal_len(record, offset, len) as u64)
                .sum::<u64>()
        })
        .sum()
}
