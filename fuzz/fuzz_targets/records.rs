//! Record tables built from arbitrary counts, strides and offsets, then sliced, stepped,
//! reversed, split and chunked, agree with an index model (record `i` starts at byte
//! `first + i * step` of the buffer, in i128): `with_stride` and `records` accept exactly the
//! tables that fit and validate, and refuse the others with the error that names the first
//! record that does not fit or the first invalid field; every accessor (`get`, `first`, `last`,
//! iteration both ways, `nth`, `as_bytes`, `to_vec`, `copy_to`, `stride`) reads the record the
//! model names; a refused request (`slice` out of range, `step_by(0)`, `split_at` past the end,
//! `chunks(0)`) is an error; and writable tables, put through the same chain, write each record
//! where the model says and nothing else.
//!
//! Input: byte 0 picks the record type (4-byte records with an enum and a bool, bytes,
//! 3-byte arrays, zero-sized records), bytes 1..25 the offset, stride and count (small most of
//! the time), bytes 25..33 the chain of operations, the rest is the buffer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::{ErrorKind, Overlay, Records, RecordsMut, TableAxis, TableRequest};
use overlay_fuzz::{pick_size, word, Kind, Nothing, NothingView, NothingViewMut};

/// Little-endian, 4 bytes: `kind` (byte 2) must be 1, 2 or 7 and `flag` (byte 3) 0 or 1.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Rec {
    pub id: u16,
    pub kind: Kind,
    pub flag: bool,
}

/// What the model needs to know about a record type.
trait Elem: Overlay {
    /// Whether records can be invalid (then `first_invalid` says where).
    const CHECKS: bool = false;
    /// The record as read through its view, as bytes (the getters' values for `Rec`).
    fn key(view: Self::View<'_>) -> Vec<u8>;
    /// The offset (within the record) of its first invalid field, with the value found there.
    fn first_invalid(_record: &[u8]) -> Option<(usize, u8)> {
        None
    }
    /// Writes `n` into the record through its writable view.
    fn stamp(view: Self::ViewMut<'_>, n: u16);
    /// What `stamp` writes: (offset within the record, byte).
    fn stamped(n: u16) -> Vec<(usize, u8)>;
}

impl Elem for Rec {
    const CHECKS: bool = true;
    fn key(view: RecView<'_>) -> Vec<u8> {
        let [a, b] = view.id().to_le_bytes();
        vec![a, b, view.kind() as u8, u8::from(view.flag())]
    }
    fn first_invalid(record: &[u8]) -> Option<(usize, u8)> {
        if ![1, 2, 7].contains(&record[2]) {
            return Some((2, record[2]));
        }
        (record[3] > 1).then_some((3, record[3]))
    }
    fn stamp(mut view: RecViewMut<'_>, n: u16) {
        view.set_id(n);
    }
    fn stamped(n: u16) -> Vec<(usize, u8)> {
        let [a, b] = n.to_le_bytes();
        vec![(0, a), (1, b)]
    }
}

impl Elem for u8 {
    fn key(view: u8) -> Vec<u8> {
        vec![view]
    }
    fn stamp(mut view: overlay::ScalarMut<'_, u8>, n: u16) {
        view.set(n as u8);
    }
    fn stamped(n: u16) -> Vec<(usize, u8)> {
        vec![(0, n as u8)]
    }
}

impl Elem for [u8; 3] {
    fn key(view: &[u8; 3]) -> Vec<u8> {
        view.to_vec()
    }
    fn stamp(view: &mut [u8; 3], n: u16) {
        view[..2].copy_from_slice(&n.to_be_bytes());
    }
    fn stamped(n: u16) -> Vec<(usize, u8)> {
        let [a, b] = n.to_be_bytes();
        vec![(0, a), (1, b)]
    }
}

impl Elem for Nothing {
    fn key(_: NothingView<'_>) -> Vec<u8> {
        Vec::new()
    }
    fn stamp(_: NothingViewMut<'_>, _: u16) {}
    fn stamped(_: u16) -> Vec<(usize, u8)> {
        Vec::new()
    }
}

/// Record `i` of a table starts at byte `first + i * step` of the whole input buffer.
#[derive(Clone, Copy, Debug)]
struct Model {
    first: i128,
    len: usize,
    step: i128,
}

impl Model {
    fn at(&self, i: usize) -> usize {
        let at = self.first + i as i128 * self.step;
        assert!(at >= 0, "{self:?}: record {i} before the buffer");
        at as usize
    }

    /// The indices worth checking: all of a small table, the ends of a large one.
    fn indices(&self) -> Vec<usize> {
        if self.len <= 300 {
            (0..self.len).collect()
        } else {
            (0..100).chain(self.len - 100..self.len).collect()
        }
    }
}

/// One operation of a chain, decoded from two bytes.
#[derive(Clone, Copy, Debug)]
enum Op {
    /// A range in one of five forms; `start`, `end` may be past the end.
    Slice {
        form: u8,
        start: usize,
        end: usize,
    },
    StepBy(usize),
    Rev,
    /// Keep the head (`false`) or the rest (`true`).
    SplitAt {
        mid: usize,
        rest: bool,
    },
    /// Keep chunk `pick`, counted from the back if `back`.
    Chunks {
        size: usize,
        pick: usize,
        back: bool,
    },
}

impl Op {
    fn decode(op: u8, arg: u8, len: usize) -> Op {
        let arg = usize::from(arg);
        // Arguments around the table's length, so both sides of every bound are reached.
        let near = |a: usize| {
            (len / 2 + a % 8)
                .saturating_sub(4)
                .min(len.saturating_add(2))
        };
        match op % 5 {
            0 => Op::Slice {
                form: (arg % 5) as u8,
                start: if arg & 0x80 != 0 {
                    near(arg >> 3)
                } else {
                    (arg >> 3) % 4
                },
                end: if arg & 0x40 != 0 {
                    near(arg)
                } else {
                    len.saturating_sub(arg % 3)
                },
            },
            1 => Op::StepBy(arg % 6),
            2 => Op::Rev,
            3 => Op::SplitAt {
                mid: near(arg),
                rest: arg & 0x80 != 0,
            },
            _ => Op::Chunks {
                size: arg % 6,
                pick: arg >> 4,
                back: arg & 0x08 != 0,
            },
        }
    }

    /// The model after this operation, or `None` if the library must refuse it; checks the
    /// error the library gave against the request.
    fn apply(self, model: Model) -> Option<Model> {
        let Model { first, len, step } = model;
        match self {
            Op::Slice { form, start, end } => {
                let (start, end) = match form {
                    0 => (start, end),
                    1 => (start, len),
                    2 => (0, end),
                    3 => (0, len),
                    _ => (start, end.checked_add(1)?),
                };
                if start > end || end > len {
                    return None;
                }
                Some(Model {
                    first: if start < end {
                        first + start as i128 * step
                    } else {
                        first
                    },
                    len: end - start,
                    step,
                })
            }
            Op::StepBy(0) => None,
            Op::StepBy(n) => Some(Model {
                first,
                len: if len == 0 { 0 } else { (len - 1) / n + 1 },
                step: step * n as i128,
            }),
            Op::Rev => Some(Model {
                first: if len == 0 {
                    first
                } else {
                    first + (len as i128 - 1) * step
                },
                len,
                step: -step,
            }),
            Op::SplitAt { mid, .. } if mid > len => None,
            Op::SplitAt { mid, rest } => Some(if rest {
                Model {
                    first: if mid < len {
                        first + mid as i128 * step
                    } else {
                        first
                    },
                    len: len - mid,
                    step,
                }
            } else {
                Model {
                    first,
                    len: mid,
                    step,
                }
            }),
            Op::Chunks { size: 0, .. } => None,
            Op::Chunks { size, pick, back } => {
                let count = len.div_ceil(size);
                if count == 0 {
                    return Some(Model {
                        first,
                        len: 0,
                        step,
                    });
                }
                // Chunk k holds records k*size .. min((k+1)*size, len).
                let k = if back {
                    count - 1 - pick % count
                } else {
                    pick % count
                };
                let start = k * size;
                Some(Model {
                    first: first + start as i128 * step,
                    len: size.min(len - start),
                    step,
                })
            }
        }
    }
}

/// The request error for `op` on a table of `len` records.
fn check_refusal(op: Op, len: usize, error: overlay::Error) {
    let ErrorKind::BadRequest {
        axis,
        request,
        len: found,
        ..
    } = error.kind()
    else {
        panic!("{op:?} refused with {error}");
    };
    assert_eq!(axis, TableAxis::Records);
    assert_eq!(found, len);
    match (op, request) {
        (Op::Slice { .. }, TableRequest::Range { .. })
        | (Op::StepBy(0), TableRequest::StepBy(0))
        | (Op::Chunks { size: 0, .. }, TableRequest::Chunks(0)) => {}
        (Op::SplitAt { mid, .. }, TableRequest::SplitAt(m)) => assert_eq!(m, mid),
        _ => panic!("{op:?} refused with {error}"),
    }
}

/// One operation on a read-only table.
fn step<'a, T: Elem>(table: Records<'a, T>, op: Op) -> Result<Records<'a, T>, overlay::Error> {
    match op {
        Op::Slice { form, start, end } => match form {
            0 => table.slice(start..end),
            1 => table.slice(start..),
            2 => table.slice(..end),
            3 => table.slice(..),
            _ => table.slice(start..=end),
        },
        Op::StepBy(n) => table.step_by(n),
        Op::Rev => Ok(table.rev()),
        Op::SplitAt { mid, rest } => table.split_at(mid).map(|(h, r)| if rest { r } else { h }),
        Op::Chunks { size, pick, back } => {
            let mut chunks = table.chunks(size)?;
            let count = chunks.len();
            assert_eq!(count, table.len().div_ceil(size));
            if count == 0 {
                return Ok(table.slice(0..0).unwrap());
            }
            let chunk = if back {
                chunks.nth_back(pick % count)
            } else {
                chunks.nth(pick % count)
            };
            Ok(chunk.expect("a chunk the count promised"))
        }
    }
}

/// Every accessor of `table` against the model over `buffer`.
fn check_table<T: Elem>(table: &Records<'_, T>, model: &Model, buffer: &[u8]) {
    assert_eq!(table.len(), model.len);
    assert_eq!(table.is_empty(), model.len == 0);
    if model.len >= 2 {
        assert_eq!(table.stride() as i128, model.step);
    }
    let expected = |i: usize| {
        let at = model.at(i);
        let view = T::view_at(buffer, at).expect("the model's record is valid");
        T::key(view)
    };
    for i in model.indices() {
        let got = T::key(table.get(i).expect("an index below len"));
        assert_eq!(got, expected(i), "record {i} of {model:?}");
    }
    assert!(table.get(model.len).is_none());
    assert!(table.get(usize::MAX).is_none());
    assert_eq!(
        table.first().map(T::key),
        (model.len > 0).then(|| expected(0))
    );
    if model.len > 0 {
        assert_eq!(table.last().map(T::key), Some(expected(model.len - 1)));
    } else {
        assert!(table.last().is_none());
    }
    let shown = model.len.min(300);
    let mut iter = table.iter();
    assert_eq!(iter.len(), model.len);
    for i in 0..shown {
        assert_eq!(
            iter.next().map(T::key),
            Some(expected(i)),
            "iteration at {i}"
        );
    }
    let mut back = table.iter();
    for i in (model.len - shown..model.len).rev() {
        assert_eq!(
            back.next_back().map(T::key),
            Some(expected(i)),
            "from the back at {i}"
        );
    }
    if model.len > 0 && model.len <= 1 << 16 {
        let k = model.len / 3;
        assert_eq!(table.iter().nth(k).map(T::key), Some(expected(k)));
    }
    if model.len <= 300 {
        assert_eq!(table.iter().count(), model.len);
        let bytes: Vec<u8> = (0..model.len)
            .flat_map(|i| buffer[model.at(i)..model.at(i) + T::SIZE].to_vec())
            .collect();
        if T::SIZE > 0 {
            assert_eq!(table.to_vec(), bytes);
            let mut out = vec![0u8; bytes.len()];
            table.copy_to(&mut out).unwrap();
            assert_eq!(out, bytes);
            assert!(table.copy_to(&mut vec![0u8; bytes.len() + 1]).is_err());
        }
        if model.len > 0 {
            let starts = (0..model.len).map(|i| model.at(i));
            let (low, high) = (starts.clone().min().unwrap(), starts.max().unwrap());
            let span = table.as_bytes();
            assert_eq!(span.len(), high - low + T::SIZE);
            assert_eq!(span.as_ptr() as usize - buffer.as_ptr() as usize, low);
            let contiguous = model.len == 1 || model.step == T::SIZE as i128;
            assert_eq!(table.is_contiguous(), contiguous);
            assert_eq!(table.as_contiguous_bytes().is_some(), contiguous);
            if let Some(bytes) = table.as_contiguous_bytes() {
                assert_eq!(bytes, span);
            }
        }
    }
}

/// The same chain on a writable table; at the end, stamps every record with its index.
fn chain_mut<T: Elem>(
    mut table: RecordsMut<'_, T>,
    ops: &[Op],
    model: Model,
    log: &mut Vec<Model>,
) {
    let Some((&op, rest)) = ops.split_first() else {
        assert_eq!(table.len(), model.len);
        log.push(model);
        for i in model.indices() {
            T::stamp(table.get_mut(i).expect("an index below len"), i as u16);
        }
        assert!(table.get_mut(model.len).is_none());
        assert_eq!(table.iter_mut().len(), model.len);
        return;
    };
    let Some(next) = op.apply(model) else {
        return;
    };
    match op {
        Op::Slice { form, start, end } => {
            let sub = match form {
                0 => table.slice_mut(start..end),
                1 => table.slice_mut(start..),
                2 => table.slice_mut(..end),
                3 => table.slice_mut(..),
                _ => table.slice_mut(start..=end),
            };
            chain_mut(sub.unwrap(), rest, next, log);
        }
        Op::StepBy(n) => chain_mut(table.step_by(n).unwrap(), rest, next, log),
        Op::Rev => chain_mut(table.rev(), rest, next, log),
        Op::SplitAt {
            mid,
            rest: take_rest,
        } => {
            let (head, tail) = table.split_at_mut(mid).unwrap();
            chain_mut(if take_rest { tail } else { head }, rest, next, log);
        }
        Op::Chunks { size, pick, back } => {
            let len = table.len();
            let mut chunks = table.chunks_mut(size).unwrap();
            let count = len.div_ceil(size);
            assert_eq!(chunks.len(), count);
            if count == 0 {
                drop(chunks);
                chain_mut(table.slice_mut(0..0).unwrap(), rest, next, log);
                return;
            }
            let chunk = if back {
                chunks.nth_back(pick % count)
            } else {
                chunks.nth(pick % count)
            };
            chain_mut(chunk.unwrap(), rest, next, log);
        }
    }
}

fn run<T: Elem>(data: &[u8]) {
    let offset = pick_size(word(data, 1), 16);
    let stride = pick_size(word(data, 9), 12);
    let count = pick_size(word(data, 17), 40);
    let ops_bytes = &data[25..33];
    let buffer = &data[33..];
    let Some(bytes) = buffer.get(offset..) else {
        return;
    };
    let len = bytes.len();

    // Dense tables: accepted exactly when the length is a whole number of records that all
    // validate.
    let dense = T::records(bytes);
    let whole = if T::SIZE == 0 {
        len == 0
    } else {
        len % T::SIZE == 0
    };
    let dense_invalid = if whole && T::CHECKS {
        bytes
            .chunks_exact(T::SIZE)
            .enumerate()
            .find_map(|(i, r)| T::first_invalid(r).map(|(at, v)| (i * T::SIZE + at, v)))
    } else {
        None
    };
    match &dense {
        Ok(table) => {
            assert!(whole && dense_invalid.is_none());
            let model = Model {
                first: offset as i128,
                len: table.len(),
                step: T::SIZE as i128,
            };
            if T::SIZE > 0 {
                assert_eq!(table.len(), len / T::SIZE);
            }
            check_table(table, &model, buffer);
        }
        Err(error) => match error.kind() {
            ErrorKind::NotMultiple { found, .. } => {
                assert!(!whole);
                assert_eq!(found, len);
            }
            _ => assert_eq!(error.offset(), dense_invalid.map(|(at, _)| at), "{error}"),
        },
    }

    // Strided tables: the model decides.
    let built = Records::<T>::with_stride(bytes, count, stride);
    let fits = (count as u128 == 0)
        || (count as u128 - 1) * stride as u128 + T::SIZE as u128 <= len as u128;
    let first_invalid = if T::CHECKS && stride >= T::SIZE && fits {
        (0..count).find_map(|i| {
            let at = i * stride;
            T::first_invalid(&bytes[at..at + T::SIZE]).map(|(within, value)| (at + within, value))
        })
    } else {
        None
    };
    let mutable = {
        let mut copy = bytes.to_vec();
        RecordsMut::<T>::with_stride(&mut copy, count, stride).map(|t| t.len())
    };
    assert_eq!(
        mutable,
        built.map(|t| t.len()),
        "writable and read-only tables agree"
    );
    let table = match built {
        Err(error) => {
            match error.kind() {
                ErrorKind::StrideTooSmall {
                    stride: s,
                    record_size,
                    ..
                } => {
                    assert!(stride < T::SIZE);
                    assert_eq!((s, record_size), (stride, T::SIZE));
                }
                ErrorKind::TooShort {
                    offset: at,
                    available,
                    needed,
                    ..
                } => {
                    assert!(stride >= T::SIZE && !fits, "{error}");
                    assert_eq!((available, needed), (len, T::SIZE));
                    // The first record that does not fit.
                    let missing = if len < T::SIZE {
                        0
                    } else {
                        (len - T::SIZE) / stride + 1
                    };
                    assert_eq!(
                        at as u128,
                        (missing as u128 * stride as u128).min(usize::MAX as u128)
                    );
                }
                ErrorKind::InvalidEnum {
                    offset: at,
                    value,
                    path,
                    ..
                } => {
                    assert_eq!(first_invalid, Some((at, value as u8)), "{error}");
                    assert_eq!(path.to_string(), "Rec.kind");
                    assert_eq!(error.offset(), Some(at));
                }
                ErrorKind::InvalidBool {
                    offset: at,
                    value,
                    path,
                    ..
                } => {
                    assert_eq!(first_invalid, Some((at, value)), "{error}");
                    assert_eq!(path.to_string(), "Rec.flag");
                    assert_eq!(error.offset(), Some(at));
                }
                other => panic!("with_stride: {other}"),
            }
            return;
        }
        Ok(table) => {
            assert!(stride >= T::SIZE && fits && first_invalid.is_none());
            table
        }
    };
    let mut model = Model {
        first: offset as i128,
        len: count,
        step: stride.min(isize::MAX as usize) as i128,
    };
    check_table(&table, &model, buffer);
    let mut ops = Vec::new();
    let mut current = table;
    for pair in ops_bytes.chunks_exact(2) {
        let op = Op::decode(pair[0], pair[1], current.len());
        ops.push(op);
        match (step(current, op), op.apply(model)) {
            (Ok(next), Some(next_model)) => {
                current = next;
                model = next_model;
                check_table(&current, &model, buffer);
            }
            (Err(error), None) => {
                check_refusal(op, current.len(), error);
                ops.pop();
            }
            (got, expected) => panic!(
                "{op:?} on {model:?}: got {:?}, the model says {expected:?}",
                got.map(|t| t.len())
            ),
        }
    }

    // The accepted chain again on a writable table over a copy: every record is stamped with
    // its index where the model says, and no other byte changes.
    let mut copy = buffer.to_vec();
    let writable = RecordsMut::<T>::with_stride(&mut copy[offset..], count, stride).unwrap();
    let mut log = Vec::new();
    let start = Model {
        first: 0,
        len: count,
        step: stride.min(isize::MAX as usize) as i128,
    };
    chain_mut(writable, &ops, start, &mut log);
    let [end] = log[..] else {
        panic!("the writable chain stopped early: {ops:?}");
    };
    let mut expected = buffer.to_vec();
    for i in end.indices() {
        let at = offset + end.at(i);
        for (within, byte) in T::stamped(i as u16) {
            expected[at + within] = byte;
        }
    }
    assert_eq!(copy, expected, "writable chain {ops:?}");
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 33 {
        return;
    }
    match data[0] % 4 {
        0 => run::<Rec>(data),
        1 => run::<u8>(data),
        2 => run::<[u8; 3]>(data),
        _ => run::<Nothing>(data),
    }
});
