//! Strided tables and grids (issue 9): `Records` sliced, stepped, reversed, split and chunked;
//! `RecordsMut` split into disjoint writable parts; `Grid` and `GridMut` over any origin, shape
//! and signed byte strides.
//!
//! The unit tests spell out literal expectations. The property tests compare every accessor
//! with a naive model that lists each element's byte offset (computed in `i128` from the origin
//! and strides, then sliced, stepped, flipped and transposed as a matrix of offsets); a grid
//! must be accepted exactly when every element is in bounds, a writable one exactly when in
//! addition no byte belongs to two elements (brute force over the bytes). Range resolution is
//! checked against std's slice indexing, and NumPy, where installed, is the outside oracle:
//! `np.ndarray(buffer=..., offset=..., strides=...)` accepts the same layouts, and `tobytes()`
//! gives the same bytes after the same slicing, stepping, flipping and transposing. Every way
//! of slicing, iterating and reaching into tables and grids, and their errors, allocates
//! nothing (`zero_alloc`).

#[macro_use]
mod support;

use std::fmt::Debug;
use std::ops::Bound;

use overlay::{
    Endian, Error, ErrorKind, Grid, GridMut, Overlay, Records, RecordsMut, RuntimeEndian,
    TableAxis, TableRequest, TypeInfo,
};
use proptest::prelude::*;
use support::tools::{self, hex};

// ---- Element types. ----

/// A 24-bit pixel as BMP files store it.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bgr {
    pub b: u8,
    pub g: u8,
    pub r: u8,
}

enum_value! {
    pub enum Terrain: u8 { Grass = 0, Wall = 1, Door = 7 }
}

/// A map cell with fields that are validated: an enum at offset 2 and a bool at offset 3.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub height: u16,
    pub terrain: Terrain,
    pub lit: bool,
}

/// A record whose byte order is chosen when it is viewed.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Sample {
    pub time: u16,
    pub level: i32,
}

/// Two bit fields in one byte.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nibbles {
    #[overlay(bits = 4)]
    pub low: u8,
    #[overlay(bits = 4)]
    pub high: u8,
}

fn counting(n: usize) -> Vec<u8> {
    (0..n).map(|i| i as u8).collect()
}

fn values<T: Overlay>(records: Records<'_, T>) -> Vec<T::View<'_>> {
    records.iter().collect()
}

fn grid_rows<'a, T: Overlay>(grid: &Grid<'a, T>) -> Vec<Vec<T::View<'a>>> {
    grid.rows().map(|row| row.iter().collect()).collect()
}

// ---- Records: slicing, stepping, reversing, splitting, chunking. ----

#[test]
fn records_slice_takes_every_range_form() {
    let bytes = counting(10);
    let table = u8::records(&bytes).unwrap();
    assert_eq!(values(table.slice(2..5).unwrap()), [2, 3, 4]);
    assert_eq!(values(table.slice(2..=5).unwrap()), [2, 3, 4, 5]);
    assert_eq!(values(table.slice(7..).unwrap()), [7, 8, 9]);
    assert_eq!(values(table.slice(..3).unwrap()), [0, 1, 2]);
    assert_eq!(values(table.slice(..=1).unwrap()), [0, 1]);
    assert_eq!(values(table.slice(..).unwrap()), counting(10));
    assert_eq!(
        values(
            table
                .slice((Bound::Excluded(2), Bound::Included(4)))
                .unwrap()
        ),
        [3, 4]
    );
    assert_eq!(
        values(table.slice((Bound::Excluded(8), Bound::Unbounded)).unwrap()),
        [9]
    );
    assert!(table.slice(10..).unwrap().is_empty());
    assert!(table.slice(4..4).unwrap().is_empty());
    assert!(table.slice(..0).unwrap().is_empty());
    // A slice of a slice counts from the slice's start.
    assert_eq!(
        values(table.slice(3..9).unwrap().slice(1..=2).unwrap()),
        [4, 5]
    );
}

#[test]
fn records_slice_step_rev_composes() {
    // 100 little-endian u16 records holding 300 * index.
    let bytes: Vec<u8> = (0..100u16).flat_map(|i| (i * 300).to_le_bytes()).collect();
    let records = u16::records(&bytes).unwrap();
    assert_eq!(records.stride(), 2);

    let picked = records.slice(10..90).unwrap().step_by(3).unwrap().rev();
    assert_eq!(picked.len(), 27);
    assert_eq!(picked.stride(), -6);
    assert!(!picked.is_contiguous());
    assert_eq!(picked.first(), Some(88 * 300));
    assert_eq!(picked.last(), Some(10 * 300));
    assert_eq!(picked.get(1), Some(85 * 300));
    assert_eq!(picked.get(26), Some(10 * 300));
    assert_eq!(picked.get(27), None);
    let expected: Vec<u16> = (10..90).step_by(3).rev().map(|i| i * 300).collect();
    assert_eq!(values(picked), expected);
    assert_eq!(
        picked.iter().rev().collect::<Vec<_>>(),
        expected.iter().rev().copied().collect::<Vec<_>>()
    );
    assert_eq!(picked.iter().len(), 27);
    // The bytes the table spans, gaps included: records 10 to 88.
    assert_eq!(picked.as_bytes(), &bytes[20..178]);
    // Copies in table order, without the gaps.
    let copied: Vec<u8> = expected.iter().flat_map(|v| v.to_le_bytes()).collect();
    assert_eq!(picked.to_vec(), copied);
    let mut out = vec![0u8; 54];
    picked.copy_to(&mut out).unwrap();
    assert_eq!(out, copied);

    // Reversing twice gives the original order back; stepping a reversed table steps
    // backwards from its first record.
    assert_eq!(
        values(picked.rev()),
        (10..90).step_by(3).map(|i| i * 300).collect::<Vec<_>>()
    );
    let back = picked.step_by(4).unwrap();
    assert_eq!(back.stride(), -24);
    assert_eq!(
        values(back),
        [
            88 * 300,
            76 * 300,
            64 * 300,
            52 * 300,
            40 * 300,
            28 * 300,
            16 * 300
        ]
    );
    assert_eq!(values(picked.slice(25..).unwrap()), [13 * 300, 10 * 300]);
}

#[test]
fn records_split_at_and_chunks() {
    let bytes = counting(10);
    let table = u8::records(&bytes).unwrap();
    let (left, right) = table.split_at(4).unwrap();
    assert_eq!(
        (values(left), values(right)),
        (vec![0, 1, 2, 3], vec![4, 5, 6, 7, 8, 9])
    );
    let (left, right) = table.split_at(0).unwrap();
    assert_eq!((left.len(), right.len()), (0, 10));
    let (left, right) = table.split_at(10).unwrap();
    assert_eq!((left.len(), right.len()), (10, 0));
    let (left, right) = table.rev().split_at(3).unwrap();
    assert_eq!(
        (values(left), values(right)),
        (vec![9, 8, 7], vec![6, 5, 4, 3, 2, 1, 0])
    );
    assert_eq!(left.stride(), -1);

    let chunks: Vec<Vec<u8>> = table.chunks(4).unwrap().map(values).collect();
    assert_eq!(chunks, [vec![0, 1, 2, 3], vec![4, 5, 6, 7], vec![8, 9]]);
    assert_eq!(table.chunks(4).unwrap().len(), 3);
    let backwards: Vec<Vec<u8>> = table.chunks(4).unwrap().rev().map(values).collect();
    assert_eq!(backwards, [vec![8, 9], vec![4, 5, 6, 7], vec![0, 1, 2, 3]]);
    let mut both = table.chunks(3).unwrap();
    assert_eq!(both.len(), 4);
    assert_eq!(both.next_back().map(values), Some(vec![9]));
    assert_eq!(both.next().map(values), Some(vec![0, 1, 2]));
    assert_eq!(both.len(), 2);
    assert_eq!(both.next_back().map(values), Some(vec![6, 7, 8]));
    assert_eq!(both.next().map(values), Some(vec![3, 4, 5]));
    assert!(both.next().is_none() && both.next_back().is_none());
    let reversed: Vec<Vec<u8>> = table.rev().chunks(4).unwrap().map(values).collect();
    assert_eq!(reversed, [vec![9, 8, 7, 6], vec![5, 4, 3, 2], vec![1, 0]]);
    let exact: Vec<Vec<u8>> = table
        .step_by(2)
        .unwrap()
        .chunks(5)
        .unwrap()
        .map(values)
        .collect();
    assert_eq!(exact, [vec![0, 2, 4, 6, 8]]);
    assert_eq!(
        table.chunks(100).unwrap().map(values).collect::<Vec<_>>(),
        [counting(10)]
    );
    assert_eq!(table.slice(5..5).unwrap().chunks(2).unwrap().count(), 0);
}

#[test]
fn records_contiguity_stride_and_copies() {
    let bytes = counting(12);
    let table = <[u8; 3]>::records(&bytes).unwrap();
    assert_eq!(table.len(), 4);
    assert!(table.is_contiguous());
    assert!(table.slice(1..3).unwrap().is_contiguous());
    assert!(table.step_by(1).unwrap().is_contiguous());
    assert!(!table.step_by(2).unwrap().is_contiguous());
    assert!(!table.rev().is_contiguous());
    assert!(
        table.slice(2..3).unwrap().rev().is_contiguous(),
        "one record is contiguous"
    );
    assert!(
        table.slice(2..2).unwrap().is_contiguous(),
        "no records are contiguous"
    );
    assert_eq!(table.step_by(2).unwrap().stride(), 6);
    assert_eq!(table.rev().stride(), -3);
    assert_eq!(table.rev().get(0), Some(&[9, 10, 11]));
    assert_eq!(table.rev().to_vec(), [9, 10, 11, 6, 7, 8, 3, 4, 5, 0, 1, 2]);
    assert_eq!(table.step_by(2).unwrap().to_vec(), [0, 1, 2, 6, 7, 8]);
    assert_eq!(table.step_by(2).unwrap().as_bytes(), &bytes[0..9]);
    assert!(table.slice(1..1).unwrap().as_bytes().is_empty());

    // Records in 5-byte slots, the last slot cut short after its record.
    let slotted = counting(13);
    let strided = Records::<[u8; 3]>::with_stride(&slotted, 3, 5).unwrap();
    assert_eq!(strided.stride(), 5);
    assert!(!strided.is_contiguous());
    assert_eq!(strided.to_vec(), [0, 1, 2, 5, 6, 7, 10, 11, 12]);
    assert_eq!(strided.rev().to_vec(), [10, 11, 12, 5, 6, 7, 0, 1, 2]);
    assert_eq!(
        strided.iter().rev().collect::<Vec<_>>(),
        [&[10, 11, 12], &[5, 6, 7], &[0, 1, 2]]
    );
    let mut out = [0u8; 3];
    strided.slice(1..2).unwrap().copy_to(&mut out).unwrap();
    assert_eq!(out, [5, 6, 7]);
    strided.slice(1..1).unwrap().copy_to(&mut []).unwrap();
}

#[test]
fn records_request_errors_name_the_request_and_the_length() {
    let bytes = counting(10);
    let table = u8::records(&bytes).unwrap();
    let message = |error: Error| error.to_string();

    let past_end = table.slice(5..11).unwrap_err();
    assert_eq!(
        past_end.kind(),
        ErrorKind::BadRequest {
            type_name: "u8",
            axis: TableAxis::Records,
            request: TableRequest::Range { start: 5, end: 11 },
            len: 10,
        }
    );
    assert_eq!(
        message(past_end),
        "Records<u8> of 10 records: range 5..11 is past the end of the 10 records"
    );
    assert_eq!(
        message(
            table
                .slice((Bound::Included(6), Bound::Excluded(3)))
                .unwrap_err()
        ),
        "Records<u8> of 10 records: range 6..3 ends before it starts"
    );
    assert_eq!(
        message(table.slice(..=10).unwrap_err()),
        "Records<u8> of 10 records: range 0..11 is past the end of the 10 records"
    );
    assert_eq!(
        message(table.slice(..=usize::MAX).unwrap_err()),
        "Records<u8> of 10 records: range 0..18446744073709551615 is past the end of the 10 records"
    );
    assert_eq!(
        message(table.slice(11..).unwrap_err()),
        "Records<u8> of 10 records: range 11..10 ends before it starts"
    );
    assert_eq!(
        message(table.step_by(0).unwrap_err()),
        "Records<u8> of 10 records: a step of 0 is not allowed (it must be at least 1)"
    );
    assert_eq!(
        table.chunks(0).err().map(|e| e.kind()),
        Some(ErrorKind::BadRequest {
            type_name: "u8",
            axis: TableAxis::Records,
            request: TableRequest::Chunks(0),
            len: 10,
        })
    );
    assert_eq!(
        message(table.chunks(0).err().unwrap()),
        "Records<u8> of 10 records: chunks of 0 records are not allowed (a chunk must hold at least 1)"
    );
    assert_eq!(
        message(table.split_at(11).unwrap_err()),
        "Records<u8> of 10 records: cannot split at 11, past the end of the 10 records"
    );
    let mut short = [0u8; 9];
    assert_eq!(
        message(table.copy_to(&mut short).unwrap_err()),
        "u8: copy_to needs a buffer of exactly 10 bytes, got 9"
    );
    assert_eq!(
        table.copy_to(&mut short).unwrap_err().kind(),
        ErrorKind::CopyLength {
            type_name: "u8",
            needed: 10,
            found: 9,
        }
    );
    // The error reports the table it was asked of, not the buffer.
    assert_eq!(
        message(table.step_by(4).unwrap().split_at(4).unwrap_err()),
        "Records<u8> of 3 records: cannot split at 4, past the end of the 3 records"
    );
    let pixels = [0u8; 6];
    let bgr = Bgr::records(&pixels).unwrap();
    assert_eq!(
        message(bgr.slice(1..3).unwrap_err()),
        "Records<Bgr> of 2 records: range 1..3 is past the end of the 2 records"
    );

    let mut bytes = counting(10);
    let mut table = u8::records_mut(&mut bytes).unwrap();
    assert_eq!(
        message(table.slice_mut(3..12).err().unwrap()),
        "Records<u8> of 10 records: range 3..12 is past the end of the 10 records"
    );
    assert_eq!(
        message(table.split_at_mut(12).err().unwrap()),
        "Records<u8> of 10 records: cannot split at 12, past the end of the 10 records"
    );
    assert_eq!(
        message(table.chunks_mut(0).err().unwrap()),
        "Records<u8> of 10 records: chunks of 0 records are not allowed (a chunk must hold at least 1)"
    );
    assert_eq!(
        message(table.reborrow().step_by(0).err().unwrap()),
        "Records<u8> of 10 records: a step of 0 is not allowed (it must be at least 1)"
    );
}

// ---- RecordsMut: disjoint writable parts. ----

#[test]
fn records_mut_split_at_mut_gives_disjoint_halves() {
    let mut bytes = [0u8; 8];
    let mut table = u8::records_mut(&mut bytes).unwrap();
    let (mut left, mut right) = table.split_at_mut(3).unwrap();
    for mut value in left.iter_mut() {
        value.set(1);
    }
    for (i, mut value) in right.iter_mut().enumerate() {
        value.set(10 + i as u8);
    }
    assert_eq!(bytes, [1, 1, 1, 10, 11, 12, 13, 14]);

    // Reversed: the first part is the top of memory.
    let mut bytes = [0u8; 8];
    let mut table = u8::records_mut(&mut bytes).unwrap().rev();
    assert_eq!(table.stride(), -1);
    let (mut left, mut right) = table.split_at_mut(3).unwrap();
    for (i, mut value) in left.iter_mut().enumerate() {
        value.set(10 + i as u8);
    }
    for (i, mut value) in right.iter_mut().enumerate() {
        value.set(20 + i as u8);
    }
    assert_eq!(bytes, [24, 23, 22, 21, 20, 12, 11, 10]);

    // Strided and reversed: u16 records in 5-byte slots, every other record, last first.
    let mut bytes = [0u8; 22];
    let table = RecordsMut::<u16>::with_stride(&mut bytes, 5, 5).unwrap();
    let mut picked = table.step_by(2).unwrap().rev();
    assert_eq!((picked.len(), picked.stride()), (3, -10));
    let (mut first, mut rest) = picked.split_at_mut(1).unwrap();
    first.get_mut(0).unwrap().set(0xaaaa);
    assert!(first.get_mut(1).is_none());
    rest.get_mut(0).unwrap().set(0x0102);
    rest.get_mut(1).unwrap().set(0x0304);
    let mut expected = [0u8; 22];
    expected[20..22].copy_from_slice(&[0xaa, 0xaa]);
    expected[10..12].copy_from_slice(&[0x02, 0x01]);
    expected[0..2].copy_from_slice(&[0x04, 0x03]);
    assert_eq!(bytes, expected);

    // Splitting at either end leaves one side empty.
    let mut bytes = [0u8; 4];
    let mut table = u8::records_mut(&mut bytes).unwrap();
    let (left, mut right) = table.split_at_mut(0).unwrap();
    assert!(left.is_empty());
    right.get_mut(3).unwrap().set(9);
    let (mut left, right) = table.split_at_mut(4).unwrap();
    assert!(right.is_empty());
    left.get_mut(0).unwrap().set(8);
    assert_eq!(bytes, [8, 0, 0, 9]);
}

#[test]
fn records_mut_chunks_mut_both_ways() {
    let mut bytes = [0u8; 8];
    let mut table = u8::records_mut(&mut bytes).unwrap();
    let mut chunks = table.chunks_mut(3).unwrap();
    assert_eq!(chunks.len(), 3);
    for (k, mut chunk) in chunks.by_ref().enumerate() {
        for mut value in chunk.iter_mut() {
            value.set(k as u8 + 1);
        }
    }
    assert_eq!(bytes, [1, 1, 1, 2, 2, 2, 3, 3]);

    let mut bytes = [0u8; 8];
    let mut table = u8::records_mut(&mut bytes).unwrap();
    let mut chunks = table.chunks_mut(3).unwrap();
    let mut last = chunks.next_back().unwrap();
    assert_eq!(last.len(), 2);
    let mut first = chunks.next().unwrap();
    let mut middle = chunks.next_back().unwrap();
    assert!(chunks.next().is_none() && chunks.next_back().is_none());
    // All three are held at once.
    for mut value in last.iter_mut() {
        value.set(3);
    }
    for mut value in middle.iter_mut().rev() {
        value.set(2);
    }
    first.get_mut(2).unwrap().set(1);
    assert_eq!(bytes, [0, 0, 1, 2, 2, 2, 3, 3]);

    // Chunks of a reversed strided table.
    let mut bytes = [0u8; 10];
    let table = RecordsMut::<u8>::with_stride(&mut bytes, 5, 2).unwrap();
    let mut table = table.rev();
    for (k, mut chunk) in table.chunks_mut(2).unwrap().enumerate() {
        for (i, mut value) in chunk.iter_mut().enumerate() {
            value.set(10 * (k as u8 + 1) + i as u8);
        }
    }
    assert_eq!(bytes, [30, 0, 21, 0, 20, 0, 11, 0, 10, 0]);
}

#[test]
fn records_mut_slice_step_rev_and_iter_mut() {
    let mut bytes = [0u8; 10];
    let mut table = u8::records_mut(&mut bytes).unwrap();
    {
        let mut middle = table.slice_mut(2..=5).unwrap();
        for (i, mut value) in middle.iter_mut().enumerate() {
            value.set(i as u8 + 1);
        }
        assert_eq!(middle.get(3), Some(4));
    }
    for mut value in table.slice_mut(8..).unwrap().iter_mut().rev() {
        value.set(9);
    }
    assert_eq!(bytes, [0, 0, 1, 2, 3, 4, 0, 0, 9, 9]);

    // Reversed and stepped: every third record, last first.
    let mut bytes = [0u8; 10];
    let table = u8::records_mut(&mut bytes).unwrap();
    let mut picked = table.rev().step_by(3).unwrap();
    assert_eq!((picked.len(), picked.stride()), (4, -3));
    let mut iter = picked.iter_mut();
    assert_eq!(iter.len(), 4);
    iter.next().unwrap().set(1);
    iter.next_back().unwrap().set(4);
    assert_eq!(iter.len(), 2);
    iter.next().unwrap().set(2);
    iter.next_back().unwrap().set(3);
    assert!(iter.next().is_none() && iter.next_back().is_none());
    assert_eq!(bytes, [4, 0, 0, 3, 0, 0, 2, 0, 0, 1]);

    // A forward strided table whose last slot is cut short, and the same table reversed
    // (its first record is then the one whose slot is short), walked both ways.
    for reversed in [false, true] {
        let mut bytes = [0u8; 13];
        let table = RecordsMut::<u16>::with_stride(&mut bytes, 3, 5).unwrap();
        let mut table = if reversed { table.rev() } else { table };
        let mut iter = table.iter_mut();
        iter.next().unwrap().set(0x1111);
        iter.next_back().unwrap().set(0x3333);
        iter.next().unwrap().set(0x2222);
        assert!(iter.next().is_none());
        let (low, high) = if reversed { (0x33, 0x11) } else { (0x11, 0x33) };
        assert_eq!(
            bytes,
            [low, low, 0, 0, 0, 0x22, 0x22, 0, 0, 0, high, high, 0]
        );
        let mut table = RecordsMut::<u16>::with_stride(&mut bytes, 3, 5).unwrap();
        let read: Vec<u16> = table.iter_mut().rev().map(|v| v.get()).collect();
        assert_eq!(
            read,
            [
                u16::from_le_bytes([high, high]),
                0x2222,
                u16::from_le_bytes([low, low])
            ]
        );
    }

    // A writable table of records: set through the derived setters.
    let mut bytes = [0u8; 9];
    for (i, mut pixel) in Bgr::records_mut(&mut bytes)
        .unwrap()
        .rev()
        .into_iter()
        .enumerate()
    {
        pixel.set_r(i as u8 + 1);
    }
    assert_eq!(bytes, [0, 0, 3, 0, 0, 2, 0, 0, 1]);
}

#[test]
fn zero_sized_records_count_without_bytes() {
    let table = Records::<[u8; 0]>::with_stride(&[], 5, 0).unwrap();
    assert_eq!(table.len(), 5);
    assert_eq!(table.iter().count(), 5);
    assert_eq!(table.iter().rev().count(), 5);
    assert_eq!(table.rev().iter().len(), 5);
    assert_eq!(table.step_by(2).unwrap().len(), 3);
    assert_eq!(
        table
            .chunks(2)
            .unwrap()
            .map(|c| c.len())
            .collect::<Vec<_>>(),
        [2, 2, 1]
    );
    assert!(table.to_vec().is_empty());
    table.copy_to(&mut []).unwrap();
    assert!(table.is_contiguous());
    assert_eq!(<[u8; 0]>::records(&[]).unwrap().len(), 0);

    let mut nothing: [u8; 0] = [];
    let mut table = RecordsMut::<[u8; 0]>::with_stride(&mut nothing, 5, 0).unwrap();
    assert_eq!(table.iter_mut().count(), 5);
    assert_eq!(table.iter_mut().rev().count(), 5);
    let mut iter = table.iter_mut();
    assert!(iter.next().is_some() && iter.next_back().is_some());
    assert_eq!(iter.len(), 3);
    let (mut left, mut right) = table.split_at_mut(2).unwrap();
    assert_eq!((left.iter_mut().count(), right.iter_mut().count()), (2, 3));
    assert_eq!(
        table
            .chunks_mut(2)
            .unwrap()
            .map(|mut c| c.iter_mut().count())
            .collect::<Vec<_>>(),
        [2, 2, 1]
    );
    assert_eq!(
        table
            .chunks_mut(2)
            .unwrap()
            .rev()
            .map(|c| c.len())
            .collect::<Vec<_>>(),
        [1, 2, 2]
    );
    assert_eq!(table.slice_mut(1..4).unwrap().iter_mut().len(), 3);
    let table = table.rev().step_by(2).unwrap();
    assert_eq!(table.len(), 3);
    assert_eq!(table.into_iter().count(), 3);

    let grid = Grid::<[u8; 0]>::new(&[], 3, 4).unwrap();
    assert_eq!(
        (grid.len(), grid.iter().count(), grid.iter().rev().count()),
        (12, 12, 12)
    );
    assert_eq!(grid.transpose().column(2).unwrap().len(), 4);
    let mut nothing: [u8; 0] = [];
    let mut grid = GridMut::<[u8; 0]>::new(&mut nothing, 3, 4).unwrap();
    assert_eq!(
        grid.rows_mut()
            .unwrap()
            .map(|mut row| row.iter_mut().count())
            .sum::<usize>(),
        12
    );
    let (top, bottom) = grid.split_at_row_mut(1).unwrap();
    assert_eq!((top.len(), bottom.len()), (4, 8));
    grid.fill(&[]).unwrap();
}

// ---- Grid: reading. ----

#[test]
fn grid_accessors_on_a_dense_grid() {
    let pixels = counting(12);
    let image = u8::grid(&pixels, 3, 4).unwrap();
    assert_eq!(image.shape(), [3, 4]);
    assert_eq!(image.strides(), [4, 1]);
    assert_eq!((image.len(), image.is_empty()), (12, false));
    assert_eq!(image.endian(), Endian::Little);
    assert_eq!(image.get(1, 2), Some(6));
    assert_eq!(image.get(2, 3), Some(11));
    assert_eq!(image.get(3, 0), None);
    assert_eq!(image.get(0, 4), None);
    assert_eq!(image.get(usize::MAX, usize::MAX), None);

    assert_eq!(values(image.row(1).unwrap()), [4, 5, 6, 7]);
    assert_eq!(image.row(1).unwrap().stride(), 1);
    assert!(image.row(3).is_none());
    let column = image.column(2).unwrap();
    assert_eq!(values(column), [2, 6, 10]);
    assert_eq!(column.stride(), 4);
    assert!(image.column(4).is_none());

    let mut rows = image.rows();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows.next().map(values), Some(vec![0, 1, 2, 3]));
    assert_eq!(rows.next_back().map(values), Some(vec![8, 9, 10, 11]));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows.next_back().map(values), Some(vec![4, 5, 6, 7]));
    assert!(rows.next().is_none() && rows.next_back().is_none());
    assert_eq!(
        image
            .rows()
            .rev()
            .map(|row| row.get(0).unwrap())
            .collect::<Vec<_>>(),
        [8, 4, 0]
    );
    assert_eq!(image.rows().nth(2).map(values), Some(vec![8, 9, 10, 11]));
    assert!(image.rows().nth(3).is_none());

    assert_eq!(image.iter().collect::<Vec<_>>(), counting(12));
    assert_eq!(
        image.iter().rev().collect::<Vec<_>>(),
        counting(12).into_iter().rev().collect::<Vec<_>>()
    );
    let mut iter = image.iter();
    assert_eq!(iter.len(), 12);
    assert_eq!((iter.next(), iter.next_back()), (Some(0), Some(11)));
    assert_eq!(iter.len(), 10);
    assert_eq!(
        iter.by_ref().take(6).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    assert_eq!(iter.next_back(), Some(10));
    assert_eq!(iter.collect::<Vec<_>>(), [7, 8, 9]);
    assert_eq!(image.into_iter().sum::<u8>(), 66);
}

#[test]
fn grid_slice_takes_every_range_form() {
    let pixels = counting(12);
    let image = u8::grid(&pixels, 3, 4).unwrap();
    let roi = image.slice(1..3, 1..3).unwrap();
    assert_eq!((roi.shape(), roi.strides()), ([2, 2], [4, 1]));
    assert_eq!(grid_rows(&roi), [[5, 6], [9, 10]]);
    assert_eq!(
        grid_rows(&image.slice(.., 2..).unwrap()),
        [[2, 3], [6, 7], [10, 11]]
    );
    assert_eq!(
        grid_rows(&image.slice(..=1, ..).unwrap()),
        [[0, 1, 2, 3], [4, 5, 6, 7]]
    );
    assert_eq!(grid_rows(&image.slice(2.., ..=0).unwrap()), [[8]]);
    assert_eq!(grid_rows(&image.slice(..2, ..1).unwrap()), [[0], [4]]);
    assert_eq!(
        grid_rows(
            &image
                .slice(
                    (Bound::Excluded(0), Bound::Unbounded),
                    (Bound::Excluded(1), Bound::Included(2))
                )
                .unwrap()
        ),
        [[6], [10]]
    );
    assert_eq!(image.slice(.., ..).unwrap().to_vec(), pixels);
    let empty = image.slice(1..1, ..).unwrap();
    assert_eq!(
        (empty.shape(), empty.len(), empty.is_empty()),
        ([0, 4], 0, true)
    );
    assert_eq!(empty.iter().count(), 0);
    let no_columns = image.slice(.., 4..).unwrap();
    assert_eq!(no_columns.shape(), [3, 0]);
    assert_eq!(
        no_columns.rows().map(|row| row.len()).collect::<Vec<_>>(),
        [0, 0, 0]
    );
    assert_eq!(no_columns.iter().count(), 0);
    // A region of a region.
    let inner = image.slice(1.., 1..).unwrap().slice(1.., ..2).unwrap();
    assert_eq!(grid_rows(&inner), [[9, 10]]);
}

#[test]
fn grid_step_flips_and_transpose() {
    let pixels = counting(12);
    let image = u8::grid(&pixels, 3, 4).unwrap();

    let stepped = image.step(2, 3).unwrap();
    assert_eq!((stepped.shape(), stepped.strides()), ([2, 2], [8, 3]));
    assert_eq!(grid_rows(&stepped), [[0, 3], [8, 11]]);
    assert_eq!(
        grid_rows(&image.step(1, 2).unwrap()),
        [[0, 2], [4, 6], [8, 10]]
    );
    assert_eq!(grid_rows(&image.step(5, 5).unwrap()), [[0]]);

    let upside_down = image.flip_rows();
    assert_eq!(
        (upside_down.shape(), upside_down.strides()),
        ([3, 4], [-4, 1])
    );
    assert_eq!(
        grid_rows(&upside_down),
        [[8, 9, 10, 11], [4, 5, 6, 7], [0, 1, 2, 3]]
    );
    let mirrored = image.flip_cols();
    assert_eq!(mirrored.strides(), [4, -1]);
    assert_eq!(
        grid_rows(&mirrored),
        [[3, 2, 1, 0], [7, 6, 5, 4], [11, 10, 9, 8]]
    );
    let turned = image.flip_rows().flip_cols();
    assert_eq!(
        turned.to_vec(),
        counting(12).into_iter().rev().collect::<Vec<_>>()
    );
    assert_eq!(
        grid_rows(&image.flip_rows().step(1, 2).unwrap()),
        [[8, 10], [4, 6], [0, 2]]
    );

    let transposed = image.transpose();
    assert_eq!((transposed.shape(), transposed.strides()), ([4, 3], [1, 4]));
    assert_eq!(
        grid_rows(&transposed),
        [[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]]
    );
    assert_eq!(transposed.to_vec(), [0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
    assert_eq!(values(transposed.column(1).unwrap()), [4, 5, 6, 7]);
    assert_eq!(transposed.transpose().to_vec(), pixels);
    // Rotating a quarter turn clockwise is transpose then mirror.
    assert_eq!(
        grid_rows(&image.transpose().flip_cols()),
        [[8, 4, 0], [9, 5, 1], [10, 6, 2], [11, 7, 3]]
    );
    let mut out = [0u8; 12];
    image.transpose().flip_rows().copy_to(&mut out).unwrap();
    assert_eq!(out, [3, 7, 11, 2, 6, 10, 1, 5, 9, 0, 4, 8]);
}

#[test]
fn grid_contiguity_and_contiguous_bytes() {
    let pixels = counting(12);
    let image = u8::grid(&pixels, 3, 4).unwrap();
    assert!(image.is_contiguous());
    assert_eq!(image.as_contiguous_bytes(), Some(&pixels[..]));
    let rows = image.slice(1..3, ..).unwrap();
    assert!(rows.is_contiguous());
    assert_eq!(rows.as_contiguous_bytes(), Some(&pixels[4..12]));
    let part_of_a_row = image.slice(1..2, 1..3).unwrap();
    assert!(part_of_a_row.is_contiguous());
    assert_eq!(part_of_a_row.as_contiguous_bytes(), Some(&pixels[5..7]));
    let one_column = image.slice(1..2, 2..3).unwrap().transpose();
    assert_eq!(one_column.as_contiguous_bytes(), Some(&pixels[6..7]));
    for not_contiguous in [
        image.slice(.., 1..3).unwrap(),
        image.transpose(),
        image.flip_rows(),
        image.flip_cols(),
        image.step(2, 1).unwrap(),
        image.step(1, 2).unwrap(),
    ] {
        assert!(!not_contiguous.is_contiguous(), "{not_contiguous:?}");
        assert_eq!(not_contiguous.as_contiguous_bytes(), None);
    }
    // A column seen as a row is strided; a column of consecutive bytes is contiguous
    // whatever its (unused) column stride.
    assert!(!image.slice(.., 0..1).unwrap().transpose().is_contiguous());
    let column = Grid::<u8>::with_strides(&pixels, 2, [3, 1], [1, 5]).unwrap();
    assert!(column.is_contiguous());
    assert_eq!(column.as_contiguous_bytes(), Some(&pixels[2..5]));
    let empty = image.slice(.., 2..2).unwrap();
    assert!(empty.is_contiguous());
    assert_eq!(empty.as_contiguous_bytes(), Some(&[][..]));
}

#[test]
fn grid_debug_shows_shape_strides_and_the_first_rows() {
    let pixels = counting(6);
    let grid = u8::grid(&pixels, 2, 3).unwrap();
    assert_eq!(
        format!("{grid:?}"),
        "Grid { shape: [2, 3], strides: [3, 1], rows: [[0, 1, 2], [3, 4, 5]] }"
    );
    assert_eq!(
        format!("{:?}", grid.transpose().flip_cols()),
        "Grid { shape: [3, 2], strides: [1, -3], rows: [[3, 0], [4, 1], [5, 2]] }"
    );
    assert_eq!(
        format!("{:?}", grid.slice(0..0, ..).unwrap()),
        "Grid { shape: [0, 3], strides: [3, 1], rows: [] }"
    );
    // At most 8 rows of 16 elements.
    let big = counting(9 * 17);
    let grid = u8::grid(&big, 9, 17).unwrap();
    let row = |r: usize| {
        let shown: Vec<String> = (0..16).map(|c| (r * 17 + c).to_string()).collect();
        format!("[{}, ..]", shown.join(", "))
    };
    let rows: Vec<String> = (0..8).map(row).collect();
    assert_eq!(
        format!("{grid:?}"),
        format!(
            "Grid {{ shape: [9, 17], strides: [17, 1], rows: [{}, ..] }}",
            rows.join(", ")
        )
    );
    let pixels = [1, 2, 3];
    assert_eq!(
        format!("{:?}", Bgr::grid(&pixels, 1, 1).unwrap()),
        "Grid { shape: [1, 1], strides: [3, 3], rows: [[Bgr { b: 1, g: 2, r: 3 }]] }"
    );
    let mut bytes = counting(4);
    assert_eq!(
        format!("{:?}", u8::grid_mut(&mut bytes, 2, 2).unwrap()),
        "Grid { shape: [2, 2], strides: [2, 1], rows: [[0, 1], [2, 3]] }"
    );
}

#[test]
fn grid_with_strides_reads_a_bottom_up_padded_image() {
    // Three rows of two Bgr pixels, each row padded to 8 bytes, stored bottom-up as in a BMP
    // file: the top row is the last one stored.
    let mut file = Vec::new();
    for stored in 0..3u8 {
        let top_row = 2 - stored;
        for col in 0..2u8 {
            file.extend_from_slice(&[10 * top_row + col, 100 + top_row, 200 + col]);
        }
        file.extend_from_slice(&[0xee, 0xee]);
    }
    let image = Grid::<Bgr>::with_strides(&file, 16, [3, 2], [-8, 3]).unwrap();
    assert_eq!((image.shape(), image.strides()), ([3, 2], [-8, 3]));
    let top_left = image.get(0, 0).unwrap();
    assert_eq!((top_left.b(), top_left.g(), top_left.r()), (0, 100, 200));
    let bottom_right = image.get(2, 1).unwrap();
    assert_eq!(
        (bottom_right.b(), bottom_right.g(), bottom_right.r()),
        (21, 102, 201)
    );
    assert_eq!(
        image
            .column(1)
            .unwrap()
            .iter()
            .map(|p| p.b())
            .collect::<Vec<_>>(),
        [1, 11, 21]
    );
    assert_eq!(
        image.iter().map(|p| p.b()).collect::<Vec<_>>(),
        [0, 1, 10, 11, 20, 21]
    );
    // The copy is top-down and without padding.
    assert_eq!(
        image.to_vec(),
        [0, 100, 200, 1, 100, 201, 10, 101, 200, 11, 101, 201, 20, 102, 200, 21, 102, 201]
    );
    assert!(!image.is_contiguous());
    // Upright again, the stored order is contiguous rows of 6 bytes in 8-byte slots.
    let stored = image.flip_rows();
    assert_eq!(
        (stored.strides(), stored.get(0, 0).unwrap().b()),
        ([8, 3], 20)
    );
    assert!(!stored.is_contiguous());
    assert_eq!(
        stored.slice(1..2, ..).unwrap().as_contiguous_bytes(),
        Some(&file[8..14])
    );
}

#[test]
fn grid_with_strides_allows_zero_and_overlapping_strides() {
    let bytes = counting(6);
    // Every row the same bytes (a broadcast row).
    let broadcast = Grid::<u8>::with_strides(&bytes, 1, [3, 4], [0, 1]).unwrap();
    assert_eq!(
        grid_rows(&broadcast),
        [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]]
    );
    // One element everywhere.
    let constant = Grid::<u8>::with_strides(&bytes, 5, [2, 2], [0, 0]).unwrap();
    assert_eq!(constant.to_vec(), [5, 5, 5, 5]);
    // u16 elements one byte apart: a sliding window.
    let window = Grid::<u16>::with_strides(&bytes, 0, [2, 3], [2, 1]).unwrap();
    assert_eq!(window.get(0, 1), Some(u16::from_le_bytes([1, 2])));
    assert_eq!(window.get(1, 2), Some(u16::from_le_bytes([4, 5])));
    assert_eq!(values(window.row(0).unwrap()).len(), 3);
    assert_eq!(
        window.row(1).unwrap().iter().rev().collect::<Vec<_>>(),
        [0x0504, 0x0403, 0x0302]
    );
    assert_eq!(window.to_vec(), [0, 1, 1, 2, 2, 3, 2, 3, 3, 4, 4, 5]);
}

#[test]
fn grids_in_big_endian_read_and_convert() {
    let samples = [1.5f32, -2.0, 0.25, 1e9, f32::INFINITY, -0.0];
    let bytes: Vec<u8> = samples.iter().flat_map(|v| v.to_be_bytes()).collect();
    let grid = Grid::<f32>::new_with(&bytes, 2, 3, Endian::Big).unwrap();
    assert_eq!(grid.endian(), Endian::Big);
    assert_eq!(grid.get(0, 0), Some(1.5));
    assert_eq!(grid.get(1, 1), Some(f32::INFINITY));
    assert_eq!(
        grid.column(2).unwrap().iter().collect::<Vec<_>>(),
        [0.25, -0.0]
    );
    assert_eq!(grid.row(1).unwrap().endian(), Endian::Big);
    assert_eq!(
        grid.transpose().iter().collect::<Vec<_>>(),
        [1.5, 1e9, -2.0, f32::INFINITY, 0.25, -0.0]
    );
    // The same bytes read little-endian are other numbers.
    let little = Grid::<f32>::new(&bytes, 2, 3).unwrap();
    assert_eq!(
        little.get(0, 0),
        Some(f32::from_le_bytes(1.5f32.to_be_bytes()))
    );

    let words: Vec<u8> = (0..6u16)
        .flat_map(|v| (0x0100 * v + 0x10).to_be_bytes())
        .collect();
    let big = Grid::<u16>::with_strides_endian(&words, 10, [2, 3], [-6, -2], Endian::Big).unwrap();
    assert_eq!(
        grid_rows(&big),
        [[0x0510, 0x0410, 0x0310], [0x0210, 0x0110, 0x0010]]
    );
    // copy_to copies bytes as stored; copy_from converts between byte orders.
    assert_eq!(big.to_vec()[..2], [0x05, 0x10]);
    let mut out = [0u8; 12];
    let mut little = GridMut::<u16>::new(&mut out, 2, 3).unwrap();
    little.copy_from(&big).unwrap();
    assert_eq!(little.get(0, 0), Some(0x0510));
    let expected: Vec<u8> = [0x0510u16, 0x0410, 0x0310, 0x0210, 0x0110, 0x0010]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    assert_eq!(out.to_vec(), expected);
    let mut out = [0u8; 12];
    let mut also_big = GridMut::<u16>::new_with(&mut out, 2, 3, Endian::Big).unwrap();
    also_big.copy_from(&big).unwrap();
    assert_eq!(out.to_vec(), big.to_vec());
    let mut out = [0u8; 4];
    let mut big = GridMut::<f32>::new_with(&mut out, 1, 1, Endian::Big).unwrap();
    big.get_mut(0, 0).unwrap().set(-2.5);
    assert_eq!(out, (-2.5f32).to_be_bytes());
}

#[test]
fn grids_of_run_time_byte_order_records_convert_when_copied() {
    let samples = [
        (1u16, -2i32),
        (0x0102, 0x0304_0506),
        (7, i32::MIN),
        (0xfffe, 9),
    ];
    let big: Vec<u8> = samples
        .iter()
        .flat_map(|&(time, level)| [&time.to_be_bytes()[..], &level.to_be_bytes()].concat())
        .collect();
    let grid = Grid::<Sample>::new_with(&big, 2, 2, Endian::Big).unwrap();
    let read: Vec<(u16, i32)> = grid.iter().map(|s| (s.time(), s.level())).collect();
    assert_eq!(read, samples);
    assert_eq!(grid.transpose().get(1, 0).unwrap().level(), 0x0304_0506);

    // Copied into a little-endian grid, every field is converted; into a big-endian one,
    // the bytes are copied as they are.
    let mut out = [0u8; 24];
    GridMut::<Sample>::new_with(&mut out, 2, 2, Endian::Little)
        .unwrap()
        .copy_from(&grid)
        .unwrap();
    let little: Vec<u8> = samples
        .iter()
        .flat_map(|&(time, level)| [&time.to_le_bytes()[..], &level.to_le_bytes()].concat())
        .collect();
    assert_eq!(out.to_vec(), little);
    let mut out = [0u8; 24];
    let mut same = GridMut::<Sample>::new_with(&mut out, 2, 2, Endian::Big).unwrap();
    same.copy_from(&grid).unwrap();
    let mut flipped = same.flip_rows();
    flipped.get_mut(0, 0).unwrap().set_level(-1);
    assert_eq!(out.to_vec()[..12], big[..12]);
    assert_eq!(out[12..18], [0, 7, 0xff, 0xff, 0xff, 0xff]);
}

#[test]
fn fill_refuses_a_bit_field_value_too_wide_and_writes_nothing() {
    let mut bytes = [0x21u8; 6];
    let mut grid = Nibbles::grid_mut(&mut bytes, 2, 3).unwrap();
    let error = grid.fill(&Nibbles { low: 16, high: 0 }).unwrap_err();
    assert_eq!(error.to_string(), "Nibbles.low: 16 does not fit in 4 bits");
    grid.slice_mut(.., 1..2)
        .unwrap()
        .fill(&Nibbles {
            low: 0xa,
            high: 0x5,
        })
        .unwrap();
    assert_eq!(grid.get(1, 1).unwrap().high(), 5);
    assert_eq!(bytes, [0x21, 0x5a, 0x21, 0x21, 0x5a, 0x21]);
}

#[test]
fn grid_validation_errors_name_the_offset_of_the_bad_element() {
    // A 3x3 map of 4-byte cells in 16-byte rows; the 4 bytes of row padding hold garbage,
    // which is never validated.
    let mut map = vec![0xffu8; 48];
    for row in 0..3 {
        for col in 0..3 {
            let cell = Cell {
                height: (10 * row + col) as u16,
                terrain: Terrain::Door,
                lit: true,
            };
            cell.pack_into(&mut map, row * 16 + col * 4).unwrap();
        }
    }
    let grid = Grid::<Cell>::with_strides(&map, 0, [3, 3], [16, 4]).unwrap();
    assert_eq!(grid.get(2, 1).unwrap().height(), 21);
    assert_eq!(grid.get(1, 2).unwrap().terrain(), Terrain::Door);

    let mut bad = map.clone();
    bad[2 * 16 + 4 + 3] = 5; // cell (2, 1): lit
    let error = Grid::<Cell>::with_strides(&bad, 0, [3, 3], [16, 4]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Cell.lit at offset 39: 5 is not a valid bool (expected 0 or 1)"
    );
    assert_eq!(error.offset(), Some(39));
    // Seen bottom-up the same byte is cell (0, 1); the offset is still the buffer's.
    let error = Grid::<Cell>::with_strides(&bad, 32, [3, 3], [-16, 4]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Cell.lit at offset 39: 5 is not a valid bool (expected 0 or 1)"
    );
    // A grid that leaves the bad cell out is fine.
    assert!(Grid::<Cell>::with_strides(&bad, 0, [2, 3], [16, 4]).is_ok());
    assert!(Grid::<Cell>::with_strides(&bad, 0, [3, 1], [16, 4]).is_ok());

    let mut bad = map.clone();
    bad[16 + 8 + 2] = 9; // cell (1, 2): terrain
    let error = Grid::<Cell>::with_strides(&bad, 0, [3, 3], [16, 4]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Cell.terrain at offset 26: 9 is not a valid Terrain"
    );
    let error = GridMut::<Cell>::with_strides(&mut bad, 0, [3, 3], [16, 4]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Cell.terrain at offset 26: 9 is not a valid Terrain"
    );
    // Transposed (column-major), the same cell.
    let error = Grid::<Cell>::with_strides(&bad, 0, [3, 3], [4, 16]).unwrap_err();
    assert_eq!(error.offset(), Some(26));

    // Dense grids of bools.
    let flags = [1u8, 0, 0, 2];
    assert_eq!(
        bool::grid(&flags, 2, 2).unwrap_err().to_string(),
        "bool at offset 3: 2 is not a valid bool (expected 0 or 1)"
    );
    assert_eq!(bool::grid(&flags[..3], 1, 3).unwrap().to_vec(), [1, 0, 0]);

    // Writable cells through the derived setters.
    let mut grid = GridMut::<Cell>::with_strides(&mut map, 0, [3, 3], [16, 4]).unwrap();
    grid.get_mut(2, 2).unwrap().set_terrain(Terrain::Wall);
    grid.get_mut(0, 0).unwrap().set_height(0xbeef);
    assert_eq!(map[16 * 2 + 8 + 2], 1);
    assert_eq!(map[..2], [0xef, 0xbe]);
    assert_eq!(map[12..16], [0xff; 4], "padding is never written");
}

// ---- GridMut: writing. ----

#[test]
fn grid_mut_get_mut_row_mut_and_rows_mut() {
    let mut pixels = [0u8; 12];
    let mut image = u8::grid_mut(&mut pixels, 3, 4).unwrap();
    assert_eq!(
        (image.shape(), image.strides(), image.len()),
        ([3, 4], [4, 1], 12)
    );
    image.get_mut(1, 2).unwrap().set(7);
    assert!(image.get_mut(3, 0).is_none());
    assert!(image.get_mut(0, 4).is_none());
    assert_eq!(image.get(1, 2), Some(7));
    for mut value in image.row_mut(2).unwrap().iter_mut().rev() {
        value.set(9);
    }
    assert!(image.row_mut(3).is_none());
    assert_eq!(image.row(2).map(values), Some(vec![9; 4]));
    assert_eq!(pixels, [0, 0, 0, 0, 0, 0, 7, 0, 9, 9, 9, 9]);

    // All rows held at once, written in any order.
    let mut pixels = [0u8; 12];
    let mut image = u8::grid_mut(&mut pixels, 3, 4).unwrap();
    let rows = image.rows_mut().unwrap();
    assert_eq!(rows.len(), 3);
    let mut rows: Vec<RecordsMut<'_, u8>> = rows.collect();
    for (r, row) in rows.iter_mut().enumerate().rev() {
        for (c, mut value) in row.iter_mut().enumerate() {
            value.set(10 * r as u8 + c as u8);
        }
    }
    assert_eq!(pixels, [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23]);

    // Bottom-up and mirrored: rows are still top to bottom, each written left to right.
    let mut pixels = [0u8; 12];
    let image = GridMut::<u8>::with_strides(&mut pixels, 8, [3, 4], [-4, 1]).unwrap();
    let mut image = image.flip_cols();
    let mut rows = image.rows_mut().unwrap();
    let mut last = rows.next_back().unwrap();
    let mut first = rows.next().unwrap();
    let mut middle = rows.next_back().unwrap();
    assert!(rows.next().is_none() && rows.next_back().is_none());
    for (row, base) in [(&mut first, 0u8), (&mut middle, 10), (&mut last, 20)] {
        for (c, mut value) in row.iter_mut().enumerate() {
            value.set(base + c as u8);
        }
    }
    assert_eq!(pixels, [23, 22, 21, 20, 13, 12, 11, 10, 3, 2, 1, 0]);
}

#[test]
fn grid_mut_slice_mut_fill_and_copy_from() {
    let mut pixels = [0u8; 12];
    let mut image = u8::grid_mut(&mut pixels, 3, 4).unwrap();
    let mut roi = image.slice_mut(1..3, 1..3).unwrap();
    roi.fill(&9).unwrap();
    roi.get_mut(0, 0).unwrap().set(7);
    assert_eq!(roi.as_grid().to_vec(), [7, 9, 9, 9]);
    assert_eq!(pixels, [0, 0, 0, 0, 0, 7, 9, 0, 0, 9, 9, 0]);

    // Copy a transposed source into a region, and the whole grid into a flipped one.
    let source = counting(6);
    let source = u8::grid(&source, 2, 3).unwrap();
    let mut pixels = [0u8; 12];
    let mut image = u8::grid_mut(&mut pixels, 3, 4).unwrap();
    image
        .slice_mut(.., 1..3)
        .unwrap()
        .copy_from(&source.transpose())
        .unwrap();
    assert_eq!(pixels, [0, 0, 3, 0, 0, 1, 4, 0, 0, 2, 5, 0]);
    let mut out = [0u8; 6];
    let target = GridMut::<u8>::new(&mut out, 2, 3).unwrap();
    target.flip_rows().flip_cols().copy_from(&source).unwrap();
    assert_eq!(out, [5, 4, 3, 2, 1, 0]);

    // Derived records: fill a region, copy one out.
    let mut pixels = [0u8; 12];
    let mut image = Bgr::grid_mut(&mut pixels, 2, 2).unwrap();
    image
        .slice_mut(.., 1..)
        .unwrap()
        .fill(&Bgr { b: 1, g: 2, r: 3 })
        .unwrap();
    image.get_mut(1, 0).unwrap().set_g(0x55);
    assert_eq!(pixels, [0, 0, 0, 1, 2, 3, 0, 0x55, 0, 1, 2, 3]);
    let mut copy = [0u8; 6];
    let mut column = Bgr::grid_mut(&mut copy, 2, 1).unwrap();
    column
        .copy_from(&Bgr::grid(&pixels, 2, 2).unwrap().slice(.., 1..2).unwrap())
        .unwrap();
    assert_eq!(copy, [1, 2, 3, 1, 2, 3]);
    let mut out = [0u8; 6];
    GridMut::<Bgr>::new(&mut copy, 1, 2)
        .unwrap()
        .copy_to(&mut out)
        .unwrap();
    assert_eq!(out, [1, 2, 3, 1, 2, 3]);
}

#[test]
fn grid_mut_step_flips_transpose_and_split_at_row_mut() {
    let mut pixels = [0u8; 12];
    let image = u8::grid_mut(&mut pixels, 3, 4).unwrap();
    let mut corners = image.step(2, 3).unwrap();
    assert_eq!((corners.shape(), corners.strides()), ([2, 2], [8, 3]));
    corners.fill(&1).unwrap();
    assert_eq!(pixels, [1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1]);

    let mut pixels = [0u8; 12];
    let image = u8::grid_mut(&mut pixels, 3, 4).unwrap();
    let mut turned = image.transpose().flip_cols();
    assert_eq!((turned.shape(), turned.strides()), ([4, 3], [1, -4]));
    for r in 0..4 {
        for c in 0..3 {
            turned.get_mut(r, c).unwrap().set((10 * r + c) as u8);
        }
    }
    assert_eq!(pixels, [2, 12, 22, 32, 1, 11, 21, 31, 0, 10, 20, 30]);

    let mut pixels = [0u8; 12];
    let mut image = u8::grid_mut(&mut pixels, 3, 4).unwrap();
    let (mut top, mut bottom) = image.split_at_row_mut(1).unwrap();
    assert_eq!((top.shape(), bottom.shape()), ([1, 4], [2, 4]));
    top.fill(&1).unwrap();
    bottom.get_mut(1, 3).unwrap().set(2);
    bottom.row_mut(0).unwrap().get_mut(0).unwrap().set(3);
    assert_eq!(pixels, [1, 1, 1, 1, 3, 0, 0, 0, 0, 0, 0, 2]);

    // Bottom-up: the top row is the highest in memory.
    let mut pixels = [0u8; 12];
    let mut image = GridMut::<u8>::with_strides(&mut pixels, 8, [3, 4], [-4, 1]).unwrap();
    let (mut top, mut bottom) = image.split_at_row_mut(1).unwrap();
    top.fill(&1).unwrap();
    bottom.fill(&2).unwrap();
    bottom.get_mut(0, 0).unwrap().set(3);
    assert_eq!(pixels, [2, 2, 2, 2, 3, 2, 2, 2, 1, 1, 1, 1]);

    // Either end: one side has no rows.
    let mut pixels = [0u8; 12];
    let mut image = u8::grid_mut(&mut pixels, 3, 4).unwrap();
    let (top, mut all) = image.split_at_row_mut(0).unwrap();
    assert_eq!((top.shape(), all.shape()), ([0, 4], [3, 4]));
    all.fill(&4).unwrap();
    let (mut all, bottom) = image.split_at_row_mut(3).unwrap();
    assert_eq!(bottom.shape(), [0, 4]);
    all.get_mut(2, 3).unwrap().set(5);
    assert_eq!(pixels, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5]);
}

// ---- Errors of the new variants, word for word. ----

#[test]
fn grid_construction_errors() {
    let message = |result: Result<Grid<'_, u8>, Error>| result.unwrap_err().to_string();
    // Element (r, c) starts at origin + r * strides[0] + c * strides[1]; the error gives the
    // lowest element's start and the highest element's end.
    assert_eq!(
        message(Grid::with_strides(&[0; 5], 0, [2, 3], [3, 1])),
        "Grid<u8> needs bytes 0..6, but the buffer has bytes 0..5"
    );
    assert_eq!(
        Grid::<u8>::with_strides(&[0; 5], 0, [2, 3], [3, 1])
            .unwrap_err()
            .kind(),
        ErrorKind::GridBounds {
            type_name: "u8",
            low: 0,
            high: 6,
            available: 5,
        }
    );
    // Reaching below the start of the buffer: 2 + 2 * -4 = -6, 2 + 1 * 2 + 2 = 6.
    let err = Grid::<u16>::with_strides(&[0; 12], 2, [3, 2], [-4, 2]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Grid<u16> needs bytes -6..6, but the buffer has bytes 0..12"
    );
    assert_eq!(
        err.kind(),
        ErrorKind::GridBounds {
            type_name: "u16",
            low: -6,
            high: 6,
            available: 12,
        }
    );
    // Far from the buffer, but within what an i64 start and a u64 end can say.
    let far = i64::MAX as usize;
    assert_eq!(
        message(Grid::with_strides(&[0; 4], far, [1, 1], [1, 1])),
        "Grid<u8> needs bytes 9223372036854775807..9223372036854775808, but the buffer has bytes 0..4"
    );
    // 0 + 1 + 1 * isize::MAX + 1 * isize::MAX = 2^64 - 1, the largest end there is.
    assert_eq!(
        message(Grid::with_strides(
            &[0; 4],
            0,
            [2, 2],
            [isize::MAX, isize::MAX]
        )),
        "Grid<u8> needs bytes 0..18446744073709551615, but the buffer has bytes 0..4"
    );
    // Past that (a start below i64::MIN, or an end past u64::MAX), the grid reaches further
    // than an address space.
    let low = 7i128 + 2 * -(isize::MAX as i128);
    assert_eq!(low, -18446744073709551607);
    assert!(low < i128::from(i64::MIN));
    let err = Grid::<u8>::with_strides(&[0; 8], 7, [1, 3], [0, -isize::MAX]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Grid<u8> of shape [1, 3] holds or reaches more bytes than an address space can"
    );
    assert_eq!(
        err.kind(),
        ErrorKind::GridTooLarge {
            type_name: "u8",
            shape: [1, 3],
        }
    );
    // A start of usize::MAX (past i64::MAX), and an end of 2^64.
    assert_eq!(
        message(Grid::with_strides(&[0; 4], usize::MAX, [1, 1], [1, 1])),
        "Grid<u8> of shape [1, 1] holds or reaches more bytes than an address space can"
    );
    // An empty grid only needs its origin in the buffer.
    assert!(Grid::<u8>::with_strides(&[0; 4], 4, [0, 3], [3, 1]).is_ok());
    let err = Grid::<u8>::with_strides(&[0; 4], 5, [0, 3], [3, 1]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Grid<u8> of no elements starts at offset 5, past the end of a buffer of 4 bytes"
    );
    assert_eq!(
        err.kind(),
        ErrorKind::GridBounds {
            type_name: "u8",
            low: 5,
            high: 5,
            available: 4,
        }
    );
    assert_eq!(
        message(Grid::with_strides(&[0; 1], 2, [3, 0], [1, 1])),
        "Grid<u8> of no elements starts at offset 2, past the end of a buffer of 1 byte"
    );
    // More elements than an address space holds, even with zero strides.
    let err = Grid::<u8>::with_strides(&[0; 4], 0, [usize::MAX, 2], [0, 0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Grid<u8> of shape [18446744073709551615, 2] holds or reaches more bytes than an address space can"
    );
    assert_eq!(
        err.kind(),
        ErrorKind::GridTooLarge {
            type_name: "u8",
            shape: [usize::MAX, 2],
        }
    );
    // 2^62 elements of 2 bytes are 2^63 bytes, one more than isize::MAX.
    assert_eq!(
        Grid::<u16>::with_strides(&[0; 4], 0, [1 << 62, 1], [0, 0]).unwrap_err().to_string(),
        "Grid<u16> of shape [4611686018427387904, 1] holds or reaches more bytes than an address space can"
    );
    assert!(Grid::<u8>::with_strides(&[0; 4], 0, [1 << 62, 1], [0, 0]).is_ok());

    // Dense grids need the exact length.
    assert_eq!(
        Grid::<u16>::new(&[0; 10], 2, 3).unwrap_err().to_string(),
        "Grid<u16> of shape [2, 3] needs exactly 12 bytes, buffer has 10 (use Grid::with_strides for rows with padding or a buffer with more bytes)"
    );
    assert_eq!(
        Grid::<u16>::new(&[0; 14], 2, 3).unwrap_err().kind(),
        ErrorKind::GridLength {
            type_name: "u16",
            shape: [2, 3],
            needed: Some(12),
            found: 14,
        }
    );
    assert_eq!(
        message(Grid::new(&[0; 2], 1, 1)),
        "Grid<u8> of shape [1, 1] needs exactly 1 byte, buffer has 2 (use Grid::with_strides for rows with padding or a buffer with more bytes)"
    );
    assert_eq!(
        message(Grid::new(&[0; 4], usize::MAX, 2)),
        "Grid<u8> of shape [18446744073709551615, 2] holds more bytes than an address space can (buffer has 4)"
    );
    assert_eq!(
        Grid::<u8>::new(&[0; 4], usize::MAX, 2).unwrap_err().kind(),
        ErrorKind::GridLength {
            type_name: "u8",
            shape: [usize::MAX, 2],
            needed: None,
            found: 4,
        }
    );
    let mut bytes = [0u8; 4];
    assert_eq!(
        GridMut::<u8>::new(&mut bytes, 3, 2).unwrap_err().to_string(),
        "Grid<u8> of shape [3, 2] needs exactly 6 bytes, buffer has 4 (use Grid::with_strides for rows with padding or a buffer with more bytes)"
    );
    assert_eq!(
        GridMut::<u8>::with_strides(&mut bytes, 0, [3, 2], [2, 1])
            .unwrap_err()
            .to_string(),
        "Grid<u8> needs bytes 0..6, but the buffer has bytes 0..4"
    );
}

#[test]
fn grid_mut_refuses_overlapping_elements() {
    let mut bytes = [0u8; 8];
    let error = GridMut::<u16>::with_strides(&mut bytes, 0, [2, 3], [1, 1]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "GridMut<u16>: elements [0, 0] and [0, 1] share bytes, and a writable grid needs every element in bytes of its own"
    );
    assert_eq!(
        error.kind(),
        ErrorKind::GridOverlap {
            type_name: "u16",
            first: [0, 0],
            second: [0, 1],
        }
    );
    // The same layout is fine to read.
    assert!(Grid::<u16>::with_strides(&bytes, 0, [2, 3], [1, 1]).is_ok());
    assert_eq!(
        GridMut::<u16>::with_strides(&mut bytes, 0, [3, 2], [1, 2]).unwrap_err().to_string(),
        "GridMut<u16>: elements [0, 0] and [1, 0] share bytes, and a writable grid needs every element in bytes of its own"
    );
    // Rows that run into each other: element (0, 1) at bytes 2..4, element (1, 0) at 3..5.
    let error = GridMut::<u16>::with_strides(&mut bytes, 0, [2, 2], [3, 2]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "GridMut<u16>: elements [0, 1] and [1, 0] share bytes, and a writable grid needs every element in bytes of its own"
    );
    assert_eq!(
        error.kind(),
        ErrorKind::GridOverlap {
            type_name: "u16",
            first: [0, 1],
            second: [1, 0],
        }
    );
    // The transposed layout: element (1, 0) at bytes 2..4, element (0, 1) at 3..5.
    let error = GridMut::<u16>::with_strides(&mut bytes, 0, [2, 2], [2, 3]).unwrap_err();
    match error.kind() {
        ErrorKind::GridOverlap {
            type_name: "u16",
            first,
            second,
        } => assert!(
            [first, second] == [[0, 1], [1, 0]] || [first, second] == [[1, 0], [0, 1]],
            "{error}"
        ),
        other => panic!("not a GridOverlap: {other:?}"),
    }
    // Broadcast rows.
    assert_eq!(
        GridMut::<u8>::with_strides(&mut bytes, 0, [2, 4], [0, 1]).unwrap_err().to_string(),
        "GridMut<u8>: elements [0, 0] and [1, 0] share bytes, and a writable grid needs every element in bytes of its own"
    );
    // Strides that interleave without sharing a byte, and a single column whose column
    // stride is never used, are fine.
    assert!(GridMut::<u8>::with_strides(&mut bytes, 0, [2, 4], [1, 2]).is_ok());
    assert!(GridMut::<u16>::with_strides(&mut bytes, 0, [4, 1], [2, 0]).is_ok());
    assert!(GridMut::<u16>::with_strides(&mut bytes, 6, [4, 1], [-2, 1]).is_ok());
}

#[test]
fn grid_mut_rows_of_a_column_major_grid_interleave() {
    let mut bytes = [0u8; 24];
    let mut image = GridMut::<u16>::new(&mut bytes, 3, 4).unwrap().transpose();
    assert_eq!((image.shape(), image.strides()), ([4, 3], [2, 8]));
    let expected = "GridMut<u16> with strides [2, 8]: its rows interleave in memory, so they cannot be borrowed one by one (transpose the grid first, or use get_mut or row_mut)";
    assert_eq!(image.rows_mut().err().unwrap().to_string(), expected);
    assert_eq!(
        image.rows_mut().err().map(|e| e.kind()),
        Some(ErrorKind::RowsInterleave {
            type_name: "u16",
            strides: [2, 8],
        })
    );
    assert_eq!(
        image.split_at_row_mut(1).err().unwrap().to_string(),
        expected
    );
    // Splitting off nothing needs no bytes of its own, and single rows are always available.
    assert!(image.split_at_row_mut(0).is_ok());
    assert!(image.split_at_row_mut(4).is_ok());
    for mut value in image.row_mut(1).unwrap().iter_mut() {
        value.set(0x0101);
    }
    assert_eq!(bytes[2..4], [1, 1]);
    assert_eq!(bytes[10..12], [1, 1]);
    assert_eq!(bytes[18..20], [1, 1]);
    // One column's rows are apart.
    let mut bytes = [0u8; 24];
    let mut image = GridMut::<u16>::new(&mut bytes, 3, 4).unwrap().transpose();
    let mut first_column = image.slice_mut(.., 0..1).unwrap();
    assert_eq!(first_column.rows_mut().unwrap().count(), 4);
}

#[test]
fn grid_request_copy_and_shape_errors() {
    let pixels = counting(12);
    let image = u8::grid(&pixels, 3, 4).unwrap();
    let message = |result: Result<Grid<'_, u8>, Error>| result.unwrap_err().to_string();
    assert_eq!(
        message(image.slice(0..4, ..)),
        "Grid<u8> with 3 rows: range 0..4 is past the end of the 3 rows"
    );
    assert_eq!(
        image.slice(.., 3..=4).unwrap_err().kind(),
        ErrorKind::BadRequest {
            type_name: "u8",
            axis: TableAxis::Columns,
            request: TableRequest::Range { start: 3, end: 5 },
            len: 4,
        }
    );
    assert_eq!(
        message(image.slice(.., 3..=4)),
        "Grid<u8> with 4 columns: range 3..5 is past the end of the 4 columns"
    );
    assert_eq!(
        message(image.slice(.., (Bound::Included(3), Bound::Excluded(1)))),
        "Grid<u8> with 4 columns: range 3..1 ends before it starts"
    );
    assert_eq!(
        message(image.step(0, 1)),
        "Grid<u8> with 3 rows: a step of 0 is not allowed (it must be at least 1)"
    );
    assert_eq!(
        message(image.step(1, 0)),
        "Grid<u8> with 4 columns: a step of 0 is not allowed (it must be at least 1)"
    );
    assert_eq!(
        message(image.transpose().slice(.., 0..4)),
        "Grid<u8> with 3 columns: range 0..4 is past the end of the 3 columns"
    );
    let mut out = [0u8; 13];
    assert_eq!(
        image.copy_to(&mut out).unwrap_err().to_string(),
        "u8: copy_to needs a buffer of exactly 12 bytes, got 13"
    );
    assert_eq!(
        image
            .slice(1.., 1..)
            .unwrap()
            .copy_to(&mut out[..5])
            .unwrap_err()
            .kind(),
        ErrorKind::CopyLength {
            type_name: "u8",
            needed: 6,
            found: 5,
        }
    );
    let bgr = [0u8; 12];
    let bgr = Bgr::grid(&bgr, 2, 2).unwrap();
    assert_eq!(
        bgr.copy_to(&mut out).unwrap_err().to_string(),
        "Bgr: copy_to needs a buffer of exactly 12 bytes, got 13"
    );

    let mut target = [0u8; 12];
    let mut target = u8::grid_mut(&mut target, 3, 4).unwrap();
    let error = target.copy_from(&image.transpose()).unwrap_err();
    // The first axis whose lengths differ: 4 rows into 3.
    assert_eq!(
        error.to_string(),
        "GridMut<u8>: cannot copy a grid of 4 rows into one of 3 rows"
    );
    assert_eq!(
        error.kind(),
        ErrorKind::ShapeMismatch {
            type_name: "u8",
            axis: TableAxis::Rows,
            expected: 3,
            found: 4,
        }
    );
    // Same rows, fewer columns.
    let error = target
        .copy_from(&image.slice(.., ..3).unwrap())
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "GridMut<u8>: cannot copy a grid of 3 columns into one of 4 columns"
    );
    assert_eq!(
        error.kind(),
        ErrorKind::ShapeMismatch {
            type_name: "u8",
            axis: TableAxis::Columns,
            expected: 4,
            found: 3,
        }
    );
    assert_eq!(
        target
            .copy_from(&image.slice(..1, ..1).unwrap())
            .unwrap_err()
            .to_string(),
        "GridMut<u8>: cannot copy a grid of 1 row into one of 3 rows"
    );
    assert_eq!(
        target
            .copy_from(&image.slice(.., ..1).unwrap())
            .unwrap_err()
            .to_string(),
        "GridMut<u8>: cannot copy a grid of 1 column into one of 4 columns"
    );
    assert_eq!(
        target.slice_mut(2..5, ..).err().unwrap().to_string(),
        "Grid<u8> with 3 rows: range 2..5 is past the end of the 3 rows"
    );
    assert_eq!(
        target.split_at_row_mut(4).err().unwrap().to_string(),
        "Grid<u8> with 3 rows: cannot split at 4, past the end of the 3 rows"
    );
    assert_eq!(
        target.reborrow().step(1, 0).err().unwrap().to_string(),
        "Grid<u8> with 4 columns: a step of 0 is not allowed (it must be at least 1)"
    );
    assert_eq!(
        target.copy_to(&mut out).unwrap_err().to_string(),
        "u8: copy_to needs a buffer of exactly 12 bytes, got 13"
    );
    assert!(
        target.as_grid().to_vec().iter().all(|&b| b == 0),
        "failed calls write nothing"
    );
}

/// Runs each check on a worker thread, one after the other, and fails naming the first that
/// has not returned after `SECONDS`. Every check here is O(1) work for a correct grid; a loop
/// over 2^40 empty rows would run for hours. (A watchdog, not a timing: the limit is orders
/// of magnitude above the time the work takes.)
/// A named check for [`each_returns_at_once`].
type Check = (&'static str, Box<dyn FnOnce() + Send>);

fn each_returns_at_once(checks: Vec<Check>) {
    const SECONDS: u64 = 10;
    let (done, finished) = std::sync::mpsc::channel();
    let names: Vec<&'static str> = checks.iter().map(|(name, _)| *name).collect();
    std::thread::spawn(move || {
        for (name, check) in checks {
            check();
            if done.send(name).is_err() {
                return;
            }
        }
    });
    for name in names {
        match finished.recv_timeout(std::time::Duration::from_secs(SECONDS)) {
            Ok(returned) => assert_eq!(returned, name),
            // The worker thread keeps spinning until this test process exits.
            Err(_) => panic!("{name} did not return within {SECONDS} s"),
        }
    }
}

#[test]
fn empty_grids_with_many_rows_answer_at_once() {
    // 2^40 rows of no columns: no elements, so nothing to validate, read, copy or write.
    static NOTHING: [u8; 0] = [];
    const SHAPE: [usize; 2] = [1 << 40, 0];
    let empty = || Grid::<u8>::with_strides(&NOTHING, 0, SHAPE, [1, 1]).unwrap();
    each_returns_at_once(vec![
        (
            "Grid::<u8>::with_strides(&[], 0, [1 << 40, 0], [1, 1]).iter().next()",
            Box::new(move || assert_eq!(empty().iter().next(), None)),
        ),
        (
            "Grid::<u8>::with_strides(&[], 0, [1 << 40, 0], [1, 1]).iter().next_back()",
            Box::new(move || assert_eq!(empty().iter().next_back(), None)),
        ),
        (
            "Grid::<u8>::with_strides(&[], 0, [1 << 40, 0], [1, 1]).copy_to(&mut [])",
            Box::new(move || empty().copy_to(&mut []).unwrap()),
        ),
        (
            "Grid::<u8>::with_strides(&[], 0, [1 << 40, 0], [1, 1]).to_vec()",
            Box::new(move || assert!(empty().to_vec().is_empty())),
        ),
        (
            "Grid::<bool>::with_strides(&[], 0, [1 << 40, 0], [1, 1])",
            Box::new(|| assert!(Grid::<bool>::with_strides(&NOTHING, 0, SHAPE, [1, 1]).is_ok())),
        ),
        (
            "GridMut::<bool>::with_strides(&mut [], 0, [1 << 40, 0], [1, 1])",
            Box::new(|| {
                assert!(GridMut::<bool>::with_strides(&mut [], 0, SHAPE, [1, 1]).is_ok());
            }),
        ),
        (
            "GridMut::<u8>::with_strides(&mut [], 0, [1 << 40, 0], [1, 1]).fill(&1)",
            Box::new(|| {
                let mut grid = GridMut::<u8>::with_strides(&mut [], 0, SHAPE, [1, 1]).unwrap();
                grid.fill(&1).unwrap();
            }),
        ),
        (
            "GridMut::<u8>::with_strides(&mut [], 0, [1 << 40, 0], [1, 1]).copy_from(..)",
            Box::new(move || {
                let mut grid = GridMut::<u8>::with_strides(&mut [], 0, SHAPE, [1, 1]).unwrap();
                grid.copy_from(&empty()).unwrap();
            }),
        ),
    ]);
}

// ---- The models the property tests compare with. ----

/// An element type as the models see it: its value decoded from raw bytes without overlay.
trait Element: Overlay + RuntimeEndian + 'static {
    type Value: Copy + PartialEq + Debug;
    /// The byte order the tests view it in.
    const ORDER: Endian;
    fn decode(bytes: &[u8]) -> Self::Value;
    fn encode(value: Self::Value) -> Vec<u8>;
    fn read(view: Self::View<'_>) -> Self::Value;
    fn write(view: Self::ViewMut<'_>, value: Self::Value);
    fn owned(value: Self::Value) -> Self;
    /// Distinct values for distinct `i < 200`, none of whose bytes is 0xff (the background of
    /// the buffers written to).
    fn numbered(i: usize) -> Self::Value;
}

impl Element for u8 {
    type Value = u8;
    const ORDER: Endian = Endian::Little;
    fn decode(bytes: &[u8]) -> u8 {
        bytes[0]
    }
    fn encode(value: u8) -> Vec<u8> {
        vec![value]
    }
    fn read(view: u8) -> u8 {
        view
    }
    fn write(mut view: overlay::ScalarMut<'_, u8>, value: u8) {
        view.set(value);
    }
    fn owned(value: u8) -> u8 {
        value
    }
    fn numbered(i: usize) -> u8 {
        i as u8
    }
}

/// Viewed big-endian through the `_endian`/`_with` constructors.
impl Element for u16 {
    type Value = u16;
    const ORDER: Endian = Endian::Big;
    fn decode(bytes: &[u8]) -> u16 {
        u16::from_be_bytes([bytes[0], bytes[1]])
    }
    fn encode(value: u16) -> Vec<u8> {
        value.to_be_bytes().to_vec()
    }
    fn read(view: u16) -> u16 {
        view
    }
    fn write(mut view: overlay::ScalarMut<'_, u16>, value: u16) {
        view.set(value);
    }
    fn owned(value: u16) -> u16 {
        value
    }
    fn numbered(i: usize) -> u16 {
        0x4000 + i as u16
    }
}

impl Element for [u8; 3] {
    type Value = [u8; 3];
    const ORDER: Endian = Endian::Little;
    fn decode(bytes: &[u8]) -> [u8; 3] {
        [bytes[0], bytes[1], bytes[2]]
    }
    fn encode(value: [u8; 3]) -> Vec<u8> {
        value.to_vec()
    }
    fn read(view: &[u8; 3]) -> [u8; 3] {
        *view
    }
    fn write(view: &mut [u8; 3], value: [u8; 3]) {
        *view = value;
    }
    fn owned(value: [u8; 3]) -> [u8; 3] {
        value
    }
    fn numbered(i: usize) -> [u8; 3] {
        [i as u8, 0x3c, 0x77]
    }
}

/// Zero bytes: only in the tests of arbitrary arguments, where shapes can be huge.
impl Element for [u8; 0] {
    type Value = ();
    const ORDER: Endian = Endian::Little;
    fn decode(_: &[u8]) {}
    fn encode((): ()) -> Vec<u8> {
        Vec::new()
    }
    fn read(_: &[u8; 0]) {}
    fn write(_: &mut [u8; 0], (): ()) {}
    fn owned((): ()) -> [u8; 0] {
        []
    }
    fn numbered(_: usize) {}
}

/// A buffer whose bytes differ from their neighbours' (37 is odd, so the first 256 differ).
fn pattern(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(37).wrapping_add(seed))
        .collect()
}

/// The indices `bounds` picks from `0..len`, as std's slice indexing picks them (`None` where
/// indexing a slice would fail).
fn std_pick(bounds: (Bound<usize>, Bound<usize>), len: usize) -> Option<Vec<usize>> {
    let all: Vec<usize> = (0..len).collect();
    all.get(bounds).map(<[usize]>::to_vec)
}

/// A grid as a matrix of its elements' byte offsets (computed in i128, so they may lie
/// outside the buffer or below 0 before the grid is accepted). Slicing, stepping, flipping and
/// transposing pick rows and columns of the matrix: no strides involved.
#[derive(Clone, Debug, PartialEq)]
struct Matrix {
    shape: [usize; 2],
    /// Row-major.
    offsets: Vec<i128>,
}

impl Matrix {
    fn strided(origin: usize, shape: [usize; 2], strides: [isize; 2]) -> Matrix {
        let mut offsets = Vec::new();
        for r in 0..shape[0] {
            for c in 0..shape[1] {
                offsets.push(
                    origin as i128
                        + r as i128 * strides[0] as i128
                        + c as i128 * strides[1] as i128,
                );
            }
        }
        Matrix { shape, offsets }
    }

    fn at(&self, r: usize, c: usize) -> i128 {
        self.offsets[r * self.shape[1] + c]
    }

    fn pick(&self, rows: &[usize], cols: &[usize]) -> Matrix {
        let offsets = rows
            .iter()
            .flat_map(|&r| cols.iter().map(move |&c| self.at(r, c)))
            .collect();
        Matrix {
            shape: [rows.len(), cols.len()],
            offsets,
        }
    }

    fn rows(&self) -> Vec<usize> {
        (0..self.shape[0]).collect()
    }

    fn cols(&self) -> Vec<usize> {
        (0..self.shape[1]).collect()
    }

    fn row(&self, r: usize) -> Vec<i128> {
        self.pick(&[r], &self.cols()).offsets
    }

    fn column(&self, c: usize) -> Vec<i128> {
        self.pick(&self.rows(), &[c]).offsets
    }

    fn transposed(&self) -> Matrix {
        let mut offsets = Vec::new();
        for c in 0..self.shape[1] {
            for r in 0..self.shape[0] {
                offsets.push(self.at(r, c));
            }
        }
        Matrix {
            shape: [self.shape[1], self.shape[0]],
            offsets,
        }
    }

    /// Every element inside a buffer of `len` bytes (an empty grid: its origin no further than
    /// the end), and the elements' bytes no more than an `isize` can count.
    fn accepted(&self, origin: usize, size: usize, len: usize) -> bool {
        if self.offsets.len().saturating_mul(size) > isize::MAX as usize {
            return false;
        }
        if self.offsets.is_empty() {
            return origin <= len;
        }
        self.offsets
            .iter()
            .all(|&o| o >= 0 && o + size as i128 <= len as i128)
    }

    /// Whether some byte belongs to two elements (brute force: every byte's owner).
    fn overlapping(&self, size: usize, len: usize) -> bool {
        let mut owned = vec![false; len];
        for &offset in &self.offsets {
            for byte in &mut owned[offset as usize..offset as usize + size] {
                if std::mem::replace(byte, true) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether each row's bytes (lowest element start to highest element end) are apart from
    /// every other row's.
    fn rows_apart(&self, size: usize) -> bool {
        let spans: Vec<(i128, i128)> = (0..self.shape[0])
            .filter_map(|r| {
                let row = self.row(r);
                Some((*row.iter().min()?, row.iter().max()? + size as i128))
            })
            .collect();
        spans
            .iter()
            .enumerate()
            .all(|(i, a)| spans[i + 1..].iter().all(|b| a.1 <= b.0 || b.1 <= a.0))
    }
}

/// The bytes of the element at `offset` (which is in bounds).
fn element_bytes(bytes: &[u8], offset: i128, size: usize) -> &[u8] {
    &bytes[offset as usize..offset as usize + size]
}

/// Checks every accessor of `grid` against `model` over `bytes`.
fn check_grid<T: Element>(
    grid: &Grid<'_, T>,
    model: &Matrix,
    bytes: &[u8],
) -> Result<(), TestCaseError> {
    let [rows, cols] = model.shape;
    let value = |offset: i128| T::decode(element_bytes(bytes, offset, T::SIZE));
    let expected: Vec<T::Value> = model.offsets.iter().map(|&o| value(o)).collect();
    prop_assert_eq!(grid.shape(), model.shape);
    prop_assert_eq!(grid.len(), expected.len());
    prop_assert_eq!(grid.is_empty(), expected.is_empty());
    prop_assert_eq!(grid.endian(), T::ORDER);

    for r in 0..rows {
        for c in 0..cols {
            prop_assert_eq!(grid.get(r, c).map(T::read), Some(value(model.at(r, c))));
        }
    }
    prop_assert!(grid.get(rows, 0).is_none() && grid.get(0, cols).is_none());
    prop_assert!(grid.get(usize::MAX, usize::MAX).is_none());
    if rows >= 2 && cols >= 1 {
        prop_assert_eq!(grid.strides()[0] as i128, model.at(1, 0) - model.at(0, 0));
    }
    if cols >= 2 && rows >= 1 {
        prop_assert_eq!(grid.strides()[1] as i128, model.at(0, 1) - model.at(0, 0));
    }

    // Every element, both ways and from both ends at once.
    let forward: Vec<T::Value> = grid.iter().map(T::read).collect();
    prop_assert_eq!(&forward, &expected);
    let backward: Vec<T::Value> = grid.iter().rev().map(T::read).collect();
    prop_assert_eq!(backward, expected.iter().rev().copied().collect::<Vec<_>>());
    let mut iter = grid.iter();
    let (mut front, mut back) = (Vec::new(), Vec::new());
    for step in 0.. {
        prop_assert_eq!(iter.len(), expected.len() - front.len() - back.len());
        let next = if step % 3 == 1 {
            iter.next_back()
        } else {
            iter.next()
        };
        match next {
            Some(element) if step % 3 == 1 => back.push(T::read(element)),
            Some(element) => front.push(T::read(element)),
            None => break,
        }
    }
    front.extend(back.into_iter().rev());
    prop_assert_eq!(&front, &expected);
    prop_assert!(iter.next().is_none() && iter.next_back().is_none());

    // Rows and columns as tables.
    let mut row_tables = grid.rows();
    prop_assert_eq!(row_tables.len(), rows);
    for r in 0..rows {
        let model_row: Vec<T::Value> = model.row(r).into_iter().map(value).collect();
        let table = grid.row(r).unwrap();
        prop_assert_eq!(
            table.iter().map(T::read).collect::<Vec<_>>(),
            model_row.clone()
        );
        let from_rows = row_tables.next().unwrap();
        prop_assert_eq!(
            from_rows.iter().map(T::read).collect::<Vec<_>>(),
            model_row.clone()
        );
        check_table_bytes::<T>(&table, &model.row(r), bytes)?;
    }
    prop_assert!(row_tables.next().is_none());
    prop_assert!(grid.row(rows).is_none() && grid.column(cols).is_none());
    let last_first: Vec<Vec<T::Value>> = grid
        .rows()
        .rev()
        .map(|row| row.iter().map(T::read).collect())
        .collect();
    let model_last_first: Vec<Vec<T::Value>> = (0..rows)
        .rev()
        .map(|r| model.row(r).into_iter().map(value).collect())
        .collect();
    prop_assert_eq!(last_first, model_last_first);
    for c in 0..cols {
        let table = grid.column(c).unwrap();
        let model_column = model.column(c);
        prop_assert_eq!(
            table.iter().rev().map(T::read).collect::<Vec<_>>(),
            model_column
                .iter()
                .rev()
                .map(|&o| value(o))
                .collect::<Vec<_>>()
        );
        check_table_bytes::<T>(&table, &model_column, bytes)?;
    }

    // Copies, and contiguity.
    let copied: Vec<u8> = model
        .offsets
        .iter()
        .flat_map(|&o| element_bytes(bytes, o, T::SIZE).to_vec())
        .collect();
    prop_assert_eq!(&grid.to_vec(), &copied);
    let mut out = vec![0u8; copied.len()];
    grid.copy_to(&mut out).unwrap();
    prop_assert_eq!(&out, &copied);
    out.push(0);
    prop_assert_eq!(
        grid.copy_to(&mut out).unwrap_err().kind(),
        ErrorKind::CopyLength {
            type_name: TypeInfo::of::<T>().name,
            needed: copied.len(),
            found: copied.len() + 1,
        }
    );
    let contiguous = model
        .offsets
        .iter()
        .enumerate()
        .all(|(k, &o)| o == model.offsets[0] + (k * T::SIZE) as i128);
    prop_assert_eq!(grid.is_contiguous(), contiguous);
    let expected_bytes = match (contiguous, model.offsets.first()) {
        (false, _) => None,
        (true, None) => Some(&[][..]),
        (true, Some(&first)) => Some(element_bytes(bytes, first, copied.len())),
    };
    prop_assert_eq!(grid.as_contiguous_bytes(), expected_bytes);
    Ok(())
}

/// A table's element count, stride, contiguity and `as_bytes` against its offsets.
fn check_table_bytes<T: Element>(
    table: &Records<'_, T>,
    offsets: &[i128],
    bytes: &[u8],
) -> Result<(), TestCaseError> {
    prop_assert_eq!(table.len(), offsets.len());
    prop_assert_eq!(table.iter().len(), offsets.len());
    if offsets.len() >= 2 {
        prop_assert_eq!(table.stride() as i128, offsets[1] - offsets[0]);
    }
    let span = match (offsets.iter().min(), offsets.iter().max()) {
        (Some(&low), Some(&high)) => element_bytes(bytes, low, (high - low) as usize + T::SIZE),
        _ => &[],
    };
    prop_assert_eq!(table.as_bytes(), span);
    let contiguous = offsets
        .iter()
        .enumerate()
        .all(|(k, &o)| o == offsets[0] + (k * T::SIZE) as i128);
    prop_assert_eq!(table.is_contiguous(), contiguous);
    Ok(())
}

// ---- Strategies. ----

fn bound() -> impl Strategy<Value = Bound<usize>> {
    let huge = prop_oneof![Just(usize::MAX), Just(usize::MAX - 1), any::<usize>()];
    prop_oneof![
        2 => Just(Bound::Unbounded),
        4 => (0usize..12).prop_map(Bound::Included),
        4 => (0usize..12).prop_map(Bound::Excluded),
        1 => huge.clone().prop_map(Bound::Included),
        1 => huge.prop_map(Bound::Excluded),
    ]
}

fn range() -> impl Strategy<Value = (Bound<usize>, Bound<usize>)> {
    (bound(), bound())
}

/// A step or chunk size: mostly small, sometimes 0 (refused) or huge.
fn step() -> impl Strategy<Value = usize> {
    prop_oneof![8 => 0usize..5, 1 => any::<usize>(), 1 => Just(usize::MAX)]
}

#[derive(Clone, Debug)]
enum GridOp {
    Slice((Bound<usize>, Bound<usize>), (Bound<usize>, Bound<usize>)),
    Step(usize, usize),
    FlipRows,
    FlipCols,
    Transpose,
}

fn grid_op() -> impl Strategy<Value = GridOp> {
    prop_oneof![
        3 => (range(), range()).prop_map(|(rows, cols)| GridOp::Slice(rows, cols)),
        2 => (step(), step()).prop_map(|(rows, cols)| GridOp::Step(rows, cols)),
        1 => Just(GridOp::FlipRows),
        1 => Just(GridOp::FlipCols),
        1 => Just(GridOp::Transpose),
    ]
}

/// What `op` does to the model: the new matrix, or the axis the grid must refuse it on.
fn model_op(model: &Matrix, op: &GridOp) -> Result<Matrix, TableAxis> {
    Ok(match op {
        GridOp::Slice(rows, cols) => {
            let rows = std_pick(*rows, model.shape[0]).ok_or(TableAxis::Rows)?;
            let cols = std_pick(*cols, model.shape[1]).ok_or(TableAxis::Columns)?;
            model.pick(&rows, &cols)
        }
        GridOp::Step(0, _) => return Err(TableAxis::Rows),
        GridOp::Step(_, 0) => return Err(TableAxis::Columns),
        GridOp::Step(row_step, col_step) => {
            let rows: Vec<usize> = model.rows().into_iter().step_by(*row_step).collect();
            let cols: Vec<usize> = model.cols().into_iter().step_by(*col_step).collect();
            model.pick(&rows, &cols)
        }
        GridOp::FlipRows => {
            let rows: Vec<usize> = model.rows().into_iter().rev().collect();
            model.pick(&rows, &model.cols())
        }
        GridOp::FlipCols => {
            let cols: Vec<usize> = model.cols().into_iter().rev().collect();
            model.pick(&model.rows(), &cols)
        }
        GridOp::Transpose => model.transposed(),
    })
}

/// `op` applied to a read-only grid (the error is overlay's own, passed on).
fn grid_op_on<'a, T: Overlay>(grid: Grid<'a, T>, op: &GridOp) -> Result<Grid<'a, T>, Error> {
    match op {
        GridOp::Slice(rows, cols) => grid.slice(*rows, *cols),
        GridOp::Step(rows, cols) => grid.step(*rows, *cols),
        GridOp::FlipRows => Ok(grid.flip_rows()),
        GridOp::FlipCols => Ok(grid.flip_cols()),
        GridOp::Transpose => Ok(grid.transpose()),
    }
}

/// A refused request is a `BadRequest` on the axis the model names, with that axis's length.
fn check_refusal(error: Error, axis: TableAxis, model: &Matrix) -> Result<(), TestCaseError> {
    let len = match axis {
        TableAxis::Rows => model.shape[0],
        _ => model.shape[1],
    };
    match error.kind() {
        ErrorKind::BadRequest {
            axis: found,
            len: found_len,
            ..
        } => {
            prop_assert_eq!(found, axis);
            prop_assert_eq!(found_len, len);
        }
        other => prop_assert!(false, "expected a BadRequest on {axis:?}, got {other:?}"),
    }
    Ok(())
}

/// Origins inside or just past a buffer of up to 200 bytes, sometimes anywhere.
fn origin() -> impl Strategy<Value = usize> {
    prop_oneof![12 => 0usize..210, 1 => any::<usize>()]
}

/// Strides: negative, zero, smaller than an element, sometimes extreme.
fn stride() -> impl Strategy<Value = isize> {
    prop_oneof![
        12 => -12isize..=12,
        1 => prop_oneof![Just(isize::MIN), Just(isize::MAX), any::<isize>()],
    ]
}

/// A grid's buffer and layout, and its element type: 0 is u8, 1 big-endian u16, 2 [u8; 3].
#[derive(Clone, Debug)]
struct Layout {
    kind: u8,
    len: usize,
    origin: usize,
    shape: [usize; 2],
    strides: [isize; 2],
}

fn element_size(kind: u8) -> usize {
    [1, 2, 3][usize::from(kind)]
}

/// Half the layouts are anything (mostly refused); the other half are fitted to their buffer,
/// row- or column-major with gaps, either axis reversed, some with elements closer than
/// their size.
fn layout() -> impl Strategy<Value = Layout> {
    let anything = (
        0u8..3,
        0usize..200,
        origin(),
        [0usize..10, 0usize..10],
        [stride(), stride()],
    )
        .prop_map(|(kind, len, origin, shape, strides)| Layout {
            kind,
            len,
            origin,
            shape,
            strides,
        });
    let fitted = (
        0u8..3,
        [0usize..10, 0usize..10],
        [-3isize..3, -1isize..4],
        [any::<bool>(), any::<bool>()],
        any::<bool>(),
        [0usize..4, 0usize..4],
    )
        .prop_map(
            |(kind, shape, gaps, reversed, column_major, [before, after])| {
                let size = element_size(kind) as isize;
                // The inner axis steps over one element and a gap; the outer over a whole line.
                let (inner, outer) = if column_major { (0, 1) } else { (1, 0) };
                let mut strides = [0isize; 2];
                strides[inner] = size + gaps[0];
                strides[outer] = shape[inner] as isize * strides[inner].abs() + gaps[1];
                for axis in 0..2 {
                    if reversed[axis] {
                        strides[axis] = -strides[axis];
                    }
                }
                let (mut low, mut high) = (0isize, size);
                for axis in 0..2 {
                    let reach = (shape[axis] as isize - 1).max(0) * strides[axis];
                    if reach < 0 {
                        low += reach;
                    } else {
                        high += reach;
                    }
                }
                let origin = before + low.unsigned_abs();
                Layout {
                    kind,
                    len: origin + high as usize + after,
                    origin,
                    shape,
                    strides,
                }
            },
        );
    prop_oneof![anything, fitted]
}

fn read_only_grid_case<T: Element>(
    len: usize,
    seed: u8,
    origin: usize,
    shape: [usize; 2],
    strides: [isize; 2],
    ops: &[GridOp],
) -> Result<(), TestCaseError> {
    let bytes = pattern(len, seed);
    let mut model = Matrix::strided(origin, shape, strides);
    let built = Grid::<T>::with_strides_endian(&bytes, origin, shape, strides, T::ORDER);
    let accepted = model.accepted(origin, T::SIZE, len);
    let mut grid = match built {
        Ok(grid) => grid,
        Err(error) => {
            prop_assert!(!accepted, "refused a grid the model accepts: {error}");
            prop_assert_eq!(
                error.kind(),
                expected_bounds_error::<T>(origin, shape, strides, len)
            );
            return Ok(());
        }
    };
    prop_assert!(accepted, "accepted a grid with elements out of bounds");
    prop_assert_eq!(grid.strides(), strides);
    check_grid(&grid, &model, &bytes)?;
    for op in ops {
        match (grid_op_on(grid, op), model_op(&model, op)) {
            (Ok(next), Ok(next_model)) => {
                grid = next;
                model = next_model;
                check_grid(&grid, &model, &bytes)?;
            }
            (Err(error), Err(axis)) => check_refusal(error, axis, &model)?,
            (Ok(_), Err(axis)) => {
                prop_assert!(false, "{op:?} accepted, the model refuses it on {axis:?}")
            }
            (Err(error), Ok(_)) => prop_assert!(false, "{op:?} refused: {error}"),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every accepted grid reads like the model, before and after any chain of slices, steps,
    /// flips and transposes; a grid is accepted exactly when every element is in bounds.
    #[test]
    fn grids_read_like_the_offset_model(
        layout in layout(),
        seed in any::<u8>(),
        ops in proptest::collection::vec(grid_op(), 0..6),
    ) {
        let Layout { kind, len, origin, shape, strides } = layout;
        match kind {
            0 => read_only_grid_case::<u8>(len, seed, origin, shape, strides, &ops)?,
            1 => read_only_grid_case::<u16>(len, seed, origin, shape, strides, &ops)?,
            _ => read_only_grid_case::<[u8; 3]>(len, seed, origin, shape, strides, &ops)?,
        }
    }
}

// ---- Writable grids: accepted exactly when no byte belongs to two elements; every write
// lands on its own element's bytes. ----

/// The order in which a double-ended iterator is walked.
#[derive(Clone, Copy, Debug)]
enum Order {
    Forward,
    Backward,
    /// From the front and the back in turn.
    Alternate,
}

fn order() -> impl Strategy<Value = Order> {
    prop_oneof![
        Just(Order::Forward),
        Just(Order::Backward),
        Just(Order::Alternate)
    ]
}

/// Every item of `iter`, taken in `order` and kept (all alive at once), with its index.
fn in_order<I: DoubleEndedIterator + ExactSizeIterator>(
    mut iter: I,
    order: Order,
) -> Result<Vec<(usize, I::Item)>, TestCaseError> {
    let len = iter.len();
    let (mut front, mut back) = (0, len);
    let mut items = Vec::new();
    for step in 0..len {
        prop_assert_eq!(iter.len(), len - step);
        let from_back = match order {
            Order::Forward => false,
            Order::Backward => true,
            Order::Alternate => step % 2 == 1,
        };
        let (index, item) = if from_back {
            back -= 1;
            (back, iter.next_back())
        } else {
            front += 1;
            (front - 1, iter.next())
        };
        match item {
            Some(item) => items.push((index, item)),
            None => prop_assert!(false, "the iterator ended after {step} of {len} items"),
        }
    }
    prop_assert!(iter.next().is_none() && iter.next_back().is_none());
    Ok(items)
}

/// How the test writes a distinct value into every element of a writable grid.
#[derive(Clone, Debug)]
enum GridWriter {
    GetMut,
    RowMut(Order),
    RowsMut(Order),
    SplitAtRow(usize),
    FillEach,
    FillAll,
    CopyFrom { transposed_source: bool },
}

fn grid_writer() -> impl Strategy<Value = GridWriter> {
    prop_oneof![
        Just(GridWriter::GetMut),
        order().prop_map(GridWriter::RowMut),
        order().prop_map(GridWriter::RowsMut),
        (0usize..12).prop_map(GridWriter::SplitAtRow),
        Just(GridWriter::FillEach),
        Just(GridWriter::FillAll),
        any::<bool>().prop_map(|transposed_source| GridWriter::CopyFrom { transposed_source }),
    ]
}

/// Writes `value` as element bytes at `offset` of the expected buffer.
fn expect_write<T: Element>(expected: &mut [u8], offset: i128, value: T::Value) {
    let start = offset as usize;
    expected[start..start + T::SIZE].copy_from_slice(&T::encode(value));
}

/// Applies `ops` to a writable grid (slices borrow it, the rest consume it), then writes
/// through it with `writer`, mirroring every write in `expected`.
fn write_through_grid<T: Element>(
    mut grid: GridMut<'_, T>,
    model: Matrix,
    ops: &[GridOp],
    writer: &GridWriter,
    expected: &mut Vec<u8>,
) -> Result<(), TestCaseError> {
    check_grid(&grid.as_grid(), &model, expected)?;
    prop_assert_eq!(grid.shape(), model.shape);
    if let Some((op, rest)) = ops.split_first() {
        let next_model = model_op(&model, op);
        let accepted = |next_model: Result<Matrix, TableAxis>| {
            next_model.map_err(|axis| {
                TestCaseError::fail(format!("{op:?} accepted, the model refuses it on {axis:?}"))
            })
        };
        let error = match op {
            GridOp::Slice(rows, cols) => match grid.slice_mut(*rows, *cols) {
                Ok(slice) => {
                    return write_through_grid(slice, accepted(next_model)?, rest, writer, expected)
                }
                Err(error) => error,
            },
            GridOp::Step(rows, cols) => match grid.reborrow().step(*rows, *cols) {
                Ok(stepped) => {
                    return write_through_grid(
                        stepped,
                        accepted(next_model)?,
                        rest,
                        writer,
                        expected,
                    )
                }
                Err(error) => error,
            },
            GridOp::FlipRows => {
                let next = grid.flip_rows();
                return write_through_grid(next, accepted(next_model)?, rest, writer, expected);
            }
            GridOp::FlipCols => {
                let next = grid.flip_cols();
                return write_through_grid(next, accepted(next_model)?, rest, writer, expected);
            }
            GridOp::Transpose => {
                let next = grid.transpose();
                return write_through_grid(next, accepted(next_model)?, rest, writer, expected);
            }
        };
        match next_model {
            Err(axis) => check_refusal(error, axis, &model)?,
            Ok(_) => prop_assert!(false, "{op:?} refused: {error}"),
        }
        return write_through_grid(grid, model, rest, writer, expected);
    }

    let [rows, cols] = model.shape;
    let number = |r: usize, c: usize| T::numbered(r * cols + c);
    let get_mut_all = |grid: &mut GridMut<'_, T>, expected: &mut Vec<u8>, row_offset: usize| {
        for r in 0..grid.shape()[0] {
            for c in 0..cols {
                T::write(grid.get_mut(r, c).unwrap(), number(row_offset + r, c));
                expect_write::<T>(
                    expected,
                    model.at(row_offset + r, c),
                    number(row_offset + r, c),
                );
            }
        }
    };
    match writer {
        GridWriter::GetMut => get_mut_all(&mut grid, expected, 0),
        GridWriter::RowMut(order) => {
            for r in 0..rows {
                let mut row = grid.row_mut(r).unwrap();
                prop_assert_eq!(row.len(), cols);
                for (c, element) in in_order(row.iter_mut(), *order)? {
                    T::write(element, number(r, c));
                    expect_write::<T>(expected, model.at(r, c), number(r, c));
                }
            }
            prop_assert!(grid.row_mut(rows).is_none());
        }
        GridWriter::RowsMut(order) => match grid.rows_mut() {
            Ok(rows_mut) => {
                prop_assert!(
                    model.rows_apart(T::SIZE),
                    "rows_mut lent rows that share bytes"
                );
                prop_assert_eq!(rows_mut.len(), rows);
                // Every row held at once, taken in any order, written last first.
                let mut all = in_order(rows_mut, *order)?;
                for (r, row) in all.iter_mut().rev() {
                    let r = *r;
                    for (c, element) in row.iter_mut().enumerate() {
                        T::write(element, number(r, c));
                        expect_write::<T>(expected, model.at(r, c), number(r, c));
                    }
                }
            }
            Err(error) => {
                prop_assert!(!model.rows_apart(T::SIZE), "rows_mut refused: {error}");
                prop_assert!(
                    matches!(error.kind(), ErrorKind::RowsInterleave { .. }),
                    "{error:?}"
                );
                get_mut_all(&mut grid, expected, 0);
            }
        },
        GridWriter::SplitAtRow(row) => match grid.split_at_row_mut(*row) {
            Ok((mut top, mut bottom)) => {
                prop_assert!(*row <= rows);
                prop_assert!(*row == 0 || *row == rows || model.rows_apart(T::SIZE));
                prop_assert_eq!(
                    (top.shape(), bottom.shape()),
                    ([*row, cols], [rows - row, cols])
                );
                // Alternate between the halves, both alive.
                for r in 0..rows.max(1) {
                    for c in 0..cols {
                        if r < *row {
                            T::write(top.get_mut(r, c).unwrap(), number(r, c));
                            expect_write::<T>(expected, model.at(r, c), number(r, c));
                        }
                        if r + row < rows {
                            T::write(bottom.get_mut(r, c).unwrap(), number(r + row, c));
                            expect_write::<T>(expected, model.at(r + row, c), number(r + row, c));
                        }
                    }
                }
            }
            Err(error) if matches!(error.kind(), ErrorKind::RowsInterleave { .. }) => {
                prop_assert!(0 < *row && *row < rows && !model.rows_apart(T::SIZE));
                get_mut_all(&mut grid, expected, 0);
            }
            Err(error) => {
                prop_assert!(*row > rows, "split at {row} of {rows} refused: {error}");
                check_refusal(error, TableAxis::Rows, &model)?;
            }
        },
        GridWriter::FillEach => {
            for r in 0..rows {
                for c in 0..cols {
                    let mut one = grid.slice_mut(r..=r, c..=c).unwrap();
                    one.fill(&T::owned(number(r, c))).unwrap();
                    expect_write::<T>(expected, model.at(r, c), number(r, c));
                }
            }
        }
        GridWriter::FillAll => {
            grid.fill(&T::owned(T::numbered(7))).unwrap();
            for &offset in &model.offsets {
                expect_write::<T>(expected, offset, T::numbered(7));
            }
        }
        GridWriter::CopyFrom { transposed_source } => {
            // A dense source holding each element's number, stored transposed or not.
            let mut source = Vec::new();
            let source_shape = if *transposed_source {
                [cols, rows]
            } else {
                [rows, cols]
            };
            for i in 0..source_shape[0] {
                for j in 0..source_shape[1] {
                    let (r, c) = if *transposed_source { (j, i) } else { (i, j) };
                    source.extend(T::encode(number(r, c)));
                }
            }
            let stored =
                Grid::<T>::new_with(&source, source_shape[0], source_shape[1], T::ORDER).unwrap();
            let (source_grid, other) = if *transposed_source {
                (stored.transpose(), stored)
            } else {
                (stored, stored.transpose())
            };
            if rows != cols {
                // The first axis that differs is the rows: `cols` of them into `rows`.
                prop_assert_eq!(
                    grid.copy_from(&other).unwrap_err().kind(),
                    ErrorKind::ShapeMismatch {
                        type_name: TypeInfo::of::<T>().name,
                        axis: TableAxis::Rows,
                        expected: rows,
                        found: cols,
                    }
                );
            }
            grid.copy_from(&source_grid).unwrap();
            for r in 0..rows {
                for c in 0..cols {
                    expect_write::<T>(expected, model.at(r, c), number(r, c));
                }
            }
        }
    }
    // Each element reads back its own value.
    check_grid(&grid.as_grid(), &model, expected)
}

fn writable_grid_case<T: Element>(
    layout: &Layout,
    ops: &[GridOp],
    writer: &GridWriter,
) -> Result<(), TestCaseError> {
    let Layout {
        len,
        origin,
        shape,
        strides,
        ..
    } = *layout;
    let model = Matrix::strided(origin, shape, strides);
    let mut bytes = vec![0xffu8; len];
    let mut expected = bytes.clone();
    let in_bounds = model.accepted(origin, T::SIZE, len);
    let overlapping = in_bounds && model.overlapping(T::SIZE, len);
    match GridMut::<T>::with_strides_endian(&mut bytes, origin, shape, strides, T::ORDER) {
        Ok(grid) => {
            prop_assert!(in_bounds, "accepted a grid with elements out of bounds");
            prop_assert!(
                !overlapping,
                "accepted a writable grid whose elements share bytes"
            );
            prop_assert_eq!(grid.strides(), strides);
            write_through_grid(grid, model, ops, writer, &mut expected)?;
        }
        Err(error) => match error.kind() {
            ErrorKind::GridOverlap {
                type_name,
                first,
                second,
            } => {
                prop_assert!(
                    in_bounds && overlapping,
                    "refused a grid whose elements are apart"
                );
                prop_assert_eq!(type_name, TypeInfo::of::<T>().name);
                prop_assert!(first != second && first[0] < shape[0] && second[0] < shape[0]);
                prop_assert!(first[1] < shape[1] && second[1] < shape[1]);
                let distance = model.at(first[0], first[1]) - model.at(second[0], second[1]);
                prop_assert!(
                    distance.abs() < T::SIZE as i128,
                    "elements {first:?} and {second:?} do not share bytes"
                );
            }
            kind => {
                prop_assert!(!in_bounds, "refused a grid the model accepts: {error}");
                prop_assert_eq!(
                    kind,
                    expected_bounds_error::<T>(origin, shape, strides, len)
                );
            }
        },
    }
    // Only the elements' bytes were written.
    prop_assert_eq!(bytes, expected);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// A writable grid is accepted exactly when every element is in bounds and no byte
    /// belongs to two elements; after a distinct value is written into every element (by
    /// get_mut, row_mut, rows_mut, split_at_row_mut, fill or copy_from, after any chain of
    /// slices, steps, flips and transposes), each element reads back its own value and no
    /// other byte of the buffer changed.
    #[test]
    fn writable_grids_write_each_element_in_bytes_of_its_own(
        layout in layout(),
        ops in proptest::collection::vec(grid_op(), 0..4),
        writer in grid_writer(),
    ) {
        match layout.kind {
            0 => writable_grid_case::<u8>(&layout, &ops, &writer)?,
            1 => writable_grid_case::<u16>(&layout, &ops, &writer)?,
            _ => writable_grid_case::<[u8; 3]>(&layout, &ops, &writer)?,
        }
    }
}

// ---- One-dimensional tables against a list of record indices. ----

#[derive(Clone, Debug)]
enum TableOp {
    Slice((Bound<usize>, Bound<usize>)),
    StepBy(usize),
    Rev,
    SplitAt {
        mid: usize,
        keep_left: bool,
    },
    Chunk {
        size: usize,
        pick: usize,
        from_back: bool,
    },
}

fn table_op() -> impl Strategy<Value = TableOp> {
    let mid = prop_oneof![8 => 0usize..40, 1 => any::<usize>()];
    prop_oneof![
        3 => range().prop_map(TableOp::Slice),
        2 => step().prop_map(TableOp::StepBy),
        2 => Just(TableOp::Rev),
        2 => (mid, any::<bool>()).prop_map(|(mid, keep_left)| TableOp::SplitAt { mid, keep_left }),
        2 => (step(), 0usize..8, any::<bool>())
            .prop_map(|(size, pick, from_back)| TableOp::Chunk { size, pick, from_back }),
    ]
}

/// What `op` does to the list of record indices (std's slices and iterators), or `None` if
/// the table must refuse it; `Some(None)` when it is accepted but leaves nothing to go on
/// with (a chunk of a table that has none).
fn model_table_op(model: &[usize], op: &TableOp) -> Option<Option<Vec<usize>>> {
    Some(Some(match op {
        TableOp::Slice(bounds) => model.get(*bounds)?.to_vec(),
        TableOp::StepBy(0) => return None,
        TableOp::StepBy(n) => model.iter().copied().step_by(*n).collect(),
        TableOp::Rev => model.iter().rev().copied().collect(),
        TableOp::SplitAt { mid, keep_left } => {
            let (left, right) = model.split_at_checked(*mid)?;
            if *keep_left { left } else { right }.to_vec()
        }
        TableOp::Chunk { size: 0, .. } => return None,
        TableOp::Chunk {
            size,
            pick,
            from_back,
        } => {
            let count = model.chunks(*size).len();
            if count == 0 {
                return Some(None);
            }
            let chunk = if *from_back {
                model.chunks(*size).rev().nth(pick % count)
            } else {
                model.chunks(*size).nth(pick % count)
            };
            chunk?.to_vec()
        }
    }))
}

/// `op` applied to a read-only table; `Ok(None)` for a chunk of a table without chunks (the
/// error is overlay's own, passed on).
fn table_op_on<'a, T: Overlay>(
    table: Records<'a, T>,
    op: &TableOp,
) -> Result<Option<Records<'a, T>>, Error> {
    Ok(Some(match op {
        TableOp::Slice(bounds) => table.slice(*bounds)?,
        TableOp::StepBy(n) => table.step_by(*n)?,
        TableOp::Rev => table.rev(),
        TableOp::SplitAt { mid, keep_left } => {
            let (left, right) = table.split_at(*mid)?;
            if *keep_left {
                left
            } else {
                right
            }
        }
        TableOp::Chunk {
            size,
            pick,
            from_back,
        } => {
            let chunks = table.chunks(*size)?;
            let count = chunks.len();
            if count == 0 {
                return Ok(None);
            }
            match if *from_back {
                chunks.rev().nth(pick % count)
            } else {
                table.chunks(*size)?.nth(pick % count)
            } {
                Some(chunk) => chunk,
                None => return Ok(None),
            }
        }
    }))
}

/// Every accessor of a table against its record indices (record `i` at byte `i * stride`).
fn check_records<T: Element>(
    table: &Records<'_, T>,
    model: &[usize],
    stride: usize,
    bytes: &[u8],
) -> Result<(), TestCaseError> {
    let offsets: Vec<i128> = model.iter().map(|&i| (i * stride) as i128).collect();
    let value = |offset: i128| T::decode(element_bytes(bytes, offset, T::SIZE));
    let expected: Vec<T::Value> = offsets.iter().map(|&o| value(o)).collect();
    prop_assert_eq!(table.len(), expected.len());
    prop_assert_eq!(table.is_empty(), expected.is_empty());
    prop_assert_eq!(table.endian(), T::ORDER);
    for (i, want) in expected.iter().enumerate() {
        prop_assert_eq!(table.get(i).map(T::read), Some(*want));
    }
    prop_assert!(table.get(expected.len()).is_none() && table.get(usize::MAX).is_none());
    prop_assert_eq!(table.first().map(T::read), expected.first().copied());
    prop_assert_eq!(table.last().map(T::read), expected.last().copied());
    prop_assert_eq!(
        table.iter().map(T::read).collect::<Vec<_>>(),
        expected.clone()
    );
    prop_assert_eq!(
        table.iter().rev().map(T::read).collect::<Vec<_>>(),
        expected.iter().rev().copied().collect::<Vec<_>>()
    );
    let mut iter = table.iter();
    let (mut front, mut back) = (Vec::new(), Vec::new());
    loop {
        prop_assert_eq!(iter.len(), expected.len() - front.len() - back.len());
        let Some(element) = iter.next() else { break };
        front.push(T::read(element));
        let Some(element) = iter.next_back() else {
            break;
        };
        back.push(T::read(element));
    }
    prop_assert!(iter.next().is_none() && iter.next_back().is_none());
    front.extend(back.into_iter().rev());
    prop_assert_eq!(&front, &expected);
    check_table_bytes(table, &offsets, bytes)?;

    let copied: Vec<u8> = offsets
        .iter()
        .flat_map(|&o| element_bytes(bytes, o, T::SIZE).to_vec())
        .collect();
    prop_assert_eq!(&table.to_vec(), &copied);
    let mut out = vec![0u8; copied.len()];
    table.copy_to(&mut out).unwrap();
    prop_assert_eq!(&out, &copied);
    if let Some(shorter) = copied.len().checked_sub(1) {
        let refused = table.copy_to(&mut out[..shorter]);
        prop_assert!(
            matches!(
                refused.map_err(|e| e.kind()),
                Err(ErrorKind::CopyLength { .. })
            ),
            "{refused:?}"
        );
    }
    for size in [1, 2, 3, 7] {
        let chunks: Vec<Vec<T::Value>> = table
            .chunks(size)
            .unwrap()
            .map(|chunk| chunk.iter().map(T::read).collect())
            .collect();
        let model_chunks: Vec<Vec<T::Value>> =
            expected.chunks(size).map(<[T::Value]>::to_vec).collect();
        prop_assert_eq!(&chunks, &model_chunks);
        let backwards: Vec<usize> = table.chunks(size).unwrap().rev().map(|c| c.len()).collect();
        let model_backwards: Vec<usize> = expected.chunks(size).rev().map(<[_]>::len).collect();
        prop_assert_eq!(backwards, model_backwards);
    }
    Ok(())
}

/// Whether `count` records `stride` bytes apart fit in `len` bytes (in u128: no overflow).
fn table_fits(count: usize, stride: usize, size: usize, len: usize) -> bool {
    stride >= size
        && (count == 0 || (count as u128 - 1) * stride as u128 + size as u128 <= len as u128)
}

fn read_only_table_case<T: Element>(
    len: usize,
    seed: u8,
    count: usize,
    stride: usize,
    ops: &[TableOp],
) -> Result<(), TestCaseError> {
    let bytes = pattern(len, seed);
    let mut table = match Records::<T>::with_stride_endian(&bytes, count, stride, T::ORDER) {
        Ok(table) => table,
        Err(error) => {
            prop_assert!(!table_fits(count, stride, T::SIZE, len), "refused: {error}");
            return Ok(());
        }
    };
    prop_assert!(table_fits(count, stride, T::SIZE, len));
    let mut model: Vec<usize> = (0..count).collect();
    check_records(&table, &model, stride, &bytes)?;
    for op in ops {
        match (table_op_on(table, op), model_table_op(&model, op)) {
            (Ok(Some(next)), Some(Some(next_model))) => {
                table = next;
                model = next_model;
                check_records(&table, &model, stride, &bytes)?;
            }
            (Ok(None), Some(None)) => {}
            (Err(error), None) => prop_assert!(
                matches!(error.kind(), ErrorKind::BadRequest { axis: TableAxis::Records, len, .. } if len == model.len()),
                "{error:?}"
            ),
            (found, wanted) => prop_assert!(
                false,
                "{op:?}: the table gives {:?}, the model {wanted:?}",
                found.map(|t| t.map(|t| t.len()))
            ),
        }
    }
    Ok(())
}

/// An element type (as in [`Layout`]), a buffer length, a record count and a stride: half
/// anything (mostly refused), half fitted to the buffer with a gap between records.
fn table_layout() -> impl Strategy<Value = (u8, usize, usize, usize)> {
    let count_and_stride = prop_oneof![
        6 => (0usize..70, 0usize..8),
        1 => (any::<usize>(), any::<usize>()),
        1 => (0usize..4, any::<usize>()),
    ];
    let anything = (0u8..3, 0usize..200, count_and_stride)
        .prop_map(|(kind, len, (count, stride))| (kind, len, count, stride));
    let fitted =
        (0u8..3, 0usize..70, 0usize..4, 0usize..4).prop_map(|(kind, count, gap, after)| {
            let stride = element_size(kind) + gap;
            let len = count.saturating_sub(1) * stride + element_size(kind) + after;
            (kind, len, count, stride)
        });
    prop_oneof![anything, fitted]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Any chain of slice, step_by, rev, split_at and chunks gives the records a list of
    /// indices gives under std's slicing, step_by, reversal, split_at and chunks.
    #[test]
    fn tables_read_like_the_index_model(
        (kind, len, count, stride) in table_layout(),
        seed in any::<u8>(),
        ops in proptest::collection::vec(table_op(), 0..8),
    ) {
        match kind {
            0 => read_only_table_case::<u8>(len, seed, count, stride, &ops)?,
            1 => read_only_table_case::<u16>(len, seed, count, stride, &ops)?,
            _ => read_only_table_case::<[u8; 3]>(len, seed, count, stride, &ops)?,
        }
    }
}

/// How the test writes into a writable table: through `iter_mut`, `get_mut`, `chunks_mut`
/// or `split_at_mut`.
#[derive(Clone, Debug)]
enum TableWriter {
    Iter(Order),
    Get,
    Chunks { size: usize, order: Order },
    SplitAt { mid: usize },
}

fn table_writer() -> impl Strategy<Value = TableWriter> {
    prop_oneof![
        order().prop_map(TableWriter::Iter),
        Just(TableWriter::Get),
        (1usize..6, order()).prop_map(|(size, order)| TableWriter::Chunks { size, order }),
        (0usize..40).prop_map(|mid| TableWriter::SplitAt { mid }),
    ]
}

/// Writes `numbered(position)` into every record of `table` through `iter_mut`, walked in
/// `order`, mirroring the writes in `expected`.
fn write_all<T: Element>(
    table: &mut RecordsMut<'_, T>,
    model: &[usize],
    first_position: usize,
    order: Order,
    stride: usize,
    expected: &mut [u8],
) -> Result<(), TestCaseError> {
    prop_assert_eq!(table.len(), model.len());
    for (k, element) in in_order(table.iter_mut(), order)? {
        let value = T::numbered(first_position + k);
        T::write(element, value);
        expect_write::<T>(expected, (model[k] * stride) as i128, value);
    }
    Ok(())
}

/// Applies `ops` to a writable table (slices, splits and chunks borrow it; steps and
/// reversals consume it), then writes through it with `writer`.
fn write_through_table<T: Element>(
    mut table: RecordsMut<'_, T>,
    model: Vec<usize>,
    ops: &[TableOp],
    writer: &TableWriter,
    stride: usize,
    expected: &mut Vec<u8>,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(table.len(), model.len());
    check_records(&table.as_records(), &model, stride, expected)?;
    if let Some((op, rest)) = ops.split_first() {
        let next_model = model_table_op(&model, op);
        let error = match op {
            TableOp::Slice(bounds) => match table.slice_mut(*bounds) {
                Ok(slice) => {
                    let next_model = next_model
                        .flatten()
                        .ok_or_else(|| TestCaseError::fail("slice accepted"))?;
                    return write_through_table(slice, next_model, rest, writer, stride, expected);
                }
                Err(error) => error,
            },
            TableOp::StepBy(n) => match table.reborrow().step_by(*n) {
                Ok(stepped) => {
                    let next_model = next_model
                        .flatten()
                        .ok_or_else(|| TestCaseError::fail("step accepted"))?;
                    return write_through_table(
                        stepped, next_model, rest, writer, stride, expected,
                    );
                }
                Err(error) => error,
            },
            TableOp::Rev => {
                let next_model = next_model
                    .flatten()
                    .ok_or_else(|| TestCaseError::fail("rev"))?;
                return write_through_table(
                    table.rev(),
                    next_model,
                    rest,
                    writer,
                    stride,
                    expected,
                );
            }
            TableOp::SplitAt { mid, keep_left } => match table.split_at_mut(*mid) {
                Ok((left, right)) => {
                    let next_model = next_model
                        .flatten()
                        .ok_or_else(|| TestCaseError::fail("split accepted"))?;
                    let kept = if *keep_left { left } else { right };
                    return write_through_table(kept, next_model, rest, writer, stride, expected);
                }
                Err(error) => error,
            },
            TableOp::Chunk {
                size,
                pick,
                from_back,
            } => match table.chunks_mut(*size) {
                Ok(mut chunks) => {
                    let count = chunks.len();
                    let chunk = match (count, *from_back) {
                        (0, _) => None,
                        (_, true) => chunks.nth_back(pick % count),
                        (_, false) => chunks.nth(pick % count),
                    };
                    return match (chunk, next_model) {
                        (Some(chunk), Some(Some(next_model))) => {
                            write_through_table(chunk, next_model, rest, writer, stride, expected)
                        }
                        (None, Some(None)) => Ok(()),
                        (chunk, wanted) => Err(TestCaseError::fail(format!(
                            "{op:?}: chunk of {:?} records, the model {wanted:?}",
                            chunk.map(|c| c.len())
                        ))),
                    };
                }
                Err(error) => error,
            },
        };
        prop_assert!(next_model.is_none(), "{op:?} refused: {error}");
        prop_assert!(
            matches!(error.kind(), ErrorKind::BadRequest { axis: TableAxis::Records, len, .. } if len == model.len()),
            "{error:?}"
        );
        return write_through_table(table, model, rest, writer, stride, expected);
    }

    match writer {
        TableWriter::Iter(order) => {
            write_all(&mut table, &model, 0, *order, stride, expected)?;
        }
        TableWriter::Get => {
            for (k, &index) in model.iter().enumerate() {
                T::write(table.get_mut(k).unwrap(), T::numbered(k));
                expect_write::<T>(expected, (index * stride) as i128, T::numbered(k));
            }
            prop_assert!(table.get_mut(model.len()).is_none());
        }
        TableWriter::Chunks { size, order } => {
            // Every chunk held at once (taken in any order), then written last first.
            let mut all = in_order(table.chunks_mut(*size).unwrap(), *order)?;
            let model_chunks: Vec<&[usize]> = model.chunks(*size).collect();
            prop_assert_eq!(all.len(), model_chunks.len());
            for (k, chunk) in all.iter_mut().rev() {
                let (k, model_chunk) = (*k, model_chunks[*k]);
                prop_assert_eq!(chunk.len(), model_chunk.len());
                let order = [Order::Forward, Order::Backward, Order::Alternate][k % 3];
                write_all(chunk, model_chunk, k * size, order, stride, expected)?;
            }
        }
        TableWriter::SplitAt { mid } => {
            let mid = mid % (model.len() + 1);
            let (mut left, mut right) = table.split_at_mut(mid).unwrap();
            write_all(
                &mut right,
                &model[mid..],
                mid,
                Order::Backward,
                stride,
                expected,
            )?;
            write_all(
                &mut left,
                &model[..mid],
                0,
                Order::Alternate,
                stride,
                expected,
            )?;
        }
    }
    check_records(&table.as_records(), &model, stride, expected)
}

fn writable_table_case<T: Element>(
    len: usize,
    count: usize,
    stride: usize,
    ops: &[TableOp],
    writer: &TableWriter,
) -> Result<(), TestCaseError> {
    let mut bytes = vec![0xffu8; len];
    let mut expected = bytes.clone();
    match RecordsMut::<T>::with_stride_endian(&mut bytes, count, stride, T::ORDER) {
        Ok(table) => {
            prop_assert!(table_fits(count, stride, T::SIZE, len));
            write_through_table(
                table,
                (0..count).collect(),
                ops,
                writer,
                stride,
                &mut expected,
            )?;
        }
        Err(error) => prop_assert!(!table_fits(count, stride, T::SIZE, len), "refused: {error}"),
    }
    // Writes land on exactly their records' bytes.
    prop_assert_eq!(bytes, expected);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// After any chain of slice_mut, step_by, rev, split_at_mut and chunks_mut, writing a
    /// distinct value into every record (iter_mut both ways, get_mut, all chunks_mut held at
    /// once, both halves of split_at_mut) changes exactly those records' bytes.
    #[test]
    fn writable_tables_write_exactly_their_records(
        (kind, len, count, stride) in table_layout(),
        ops in proptest::collection::vec(table_op(), 0..6),
        writer in table_writer(),
    ) {
        match kind {
            0 => writable_table_case::<u8>(len, count, stride, &ops, &writer)?,
            1 => writable_table_case::<u16>(len, count, stride, &ops, &writer)?,
            _ => writable_table_case::<[u8; 3]>(len, count, stride, &ops, &writer)?,
        }
    }
}

// ---- Arbitrary arguments: huge shapes, strides, origins, indices, ranges and steps. ----

fn any_dim() -> impl Strategy<Value = usize> {
    prop_oneof![
        4 => 0usize..4,
        1 => any::<usize>(),
        1 => Just(usize::MAX),
        1 => (0u32..64).prop_map(|k| 1usize << k),
        1 => (1u32..64).prop_map(|k| (1usize << k) - 1),
    ]
}

fn any_stride() -> impl Strategy<Value = isize> {
    prop_oneof![
        4 => -4isize..=4,
        1 => any::<isize>(),
        1 => Just(isize::MIN),
        1 => Just(isize::MAX),
        1 => (0u32..63).prop_map(|k| 1isize << k),
        1 => (0u32..63).prop_map(|k| -(1isize << k)),
    ]
}

/// A range's exclusive bounds over `len` elements, if it fits (the specification, for axes
/// too long to list; checked against std's slicing where they can be listed).
fn resolve(bounds: (Bound<usize>, Bound<usize>), len: usize) -> Option<(usize, usize)> {
    let start = match bounds.0 {
        Bound::Included(start) => Some(start),
        Bound::Excluded(start) => start.checked_add(1),
        Bound::Unbounded => Some(0),
    }?;
    let end = match bounds.1 {
        Bound::Included(end) => end.checked_add(1),
        Bound::Excluded(end) => Some(end),
        Bound::Unbounded => Some(len),
    }?;
    (start <= end && end <= len).then_some((start, end))
}

fn resolve_checked(
    bounds: (Bound<usize>, Bound<usize>),
    len: usize,
) -> Result<Option<(usize, usize)>, TestCaseError> {
    let resolved = resolve(bounds, len);
    if len <= 64 {
        prop_assert_eq!(
            resolved.map(|(start, end)| (start..end).collect::<Vec<_>>()),
            std_pick(bounds, len)
        );
    }
    Ok(resolved)
}

/// Where element `(r, c)` starts, in i128.
fn reach(origin: usize, strides: [isize; 2], r: usize, c: usize) -> i128 {
    origin as i128 + r as i128 * strides[0] as i128 + c as i128 * strides[1] as i128
}

/// Every element in bounds, checked at the four corners (the extremes of an affine function
/// over a box), and no more bytes than an `isize` counts; an empty grid needs its origin in
/// the buffer.
fn corners_accepted(
    origin: usize,
    shape: [usize; 2],
    strides: [isize; 2],
    size: usize,
    len: usize,
) -> bool {
    let count = shape[0].checked_mul(shape[1]);
    match count.and_then(|n| n.checked_mul(size)) {
        Some(bytes) if bytes <= isize::MAX as usize => {}
        _ => return false,
    }
    if count == Some(0) {
        return origin <= len;
    }
    let [last_row, last_col] = [shape[0] - 1, shape[1] - 1];
    [(0, 0), (last_row, 0), (0, last_col), (last_row, last_col)]
        .into_iter()
        .map(|(r, c)| reach(origin, strides, r, c))
        .all(|start| start >= 0 && start + size as i128 <= len as i128)
}

/// The error a grid of `shape` and `strides` from `origin` over `len` bytes must be refused
/// with, by the test's own arithmetic: `GridTooLarge` when its elements hold more bytes than
/// an `isize` counts, or when its lowest start or highest end is past what an `i64` start and
/// a `u64` end can say; else `GridBounds` with the lowest element's start and the highest
/// element's end (for a grid of no elements, its origin twice). The extremes of an affine
/// function over a box are at its corners.
fn expected_bounds_error<T: Overlay>(
    origin: usize,
    shape: [usize; 2],
    strides: [isize; 2],
    len: usize,
) -> ErrorKind {
    let too_large = ErrorKind::GridTooLarge {
        type_name: TypeInfo::of::<T>().name,
        shape,
    };
    let count = shape[0].checked_mul(shape[1]);
    match count.and_then(|n| n.checked_mul(T::SIZE)) {
        Some(bytes) if bytes <= isize::MAX as usize => {}
        _ => return too_large,
    }
    let (low, high) = if count == Some(0) {
        (origin as i128, origin as i128)
    } else {
        let [last_row, last_col] = [shape[0] - 1, shape[1] - 1];
        let starts = [(0, 0), (last_row, 0), (0, last_col), (last_row, last_col)].map(|(r, c)| {
            let row = (r as i128).checked_mul(strides[0] as i128);
            let col = (c as i128).checked_mul(strides[1] as i128);
            row.zip(col)
                .and_then(|(row, col)| row.checked_add(col))
                .and_then(|reach| reach.checked_add(origin as i128))
        });
        let starts: Option<Vec<i128>> = starts.into_iter().collect();
        let Some(starts) = starts else {
            return too_large;
        };
        let low = *starts.iter().min().unwrap();
        let high = *starts.iter().max().unwrap() + T::SIZE as i128;
        (low, high)
    };
    match (i64::try_from(low), u64::try_from(high)) {
        (Ok(low), Ok(high)) => ErrorKind::GridBounds {
            type_name: TypeInfo::of::<T>().name,
            low,
            high,
            available: len,
        },
        _ => too_large,
    }
}

#[derive(Clone, Debug)]
struct Probes {
    indices: [usize; 4],
    ranges: [(Bound<usize>, Bound<usize>); 2],
    steps: [usize; 2],
}

fn probes() -> impl Strategy<Value = Probes> {
    (
        [any_dim(), any_dim(), any_dim(), any_dim()],
        [range(), range()],
        [step(), step()],
    )
        .prop_map(|(indices, ranges, steps)| Probes {
            indices,
            ranges,
            steps,
        })
}

fn arbitrary_grid_case<T: Element>(
    len: usize,
    origin: usize,
    shape: [usize; 2],
    strides: [isize; 2],
    probes: &Probes,
) -> Result<(), TestCaseError> {
    let bytes = pattern(len, 0x5a);
    let [rows, cols] = shape;
    let count = rows.checked_mul(cols);
    let value = |r: usize, c: usize| {
        T::decode(element_bytes(&bytes, reach(origin, strides, r, c), T::SIZE))
    };
    let small = rows <= 64 && cols <= 64;

    let dense = Grid::<T>::new_with(&bytes, rows, cols, T::ORDER);
    let fits_exactly = count.and_then(|n| n.checked_mul(T::SIZE)) == Some(len);
    prop_assert_eq!(dense.is_ok(), fits_exactly, "{:?}", dense.err());

    let accepted = corners_accepted(origin, shape, strides, T::SIZE, len);
    let grid = match Grid::<T>::with_strides_endian(&bytes, origin, shape, strides, T::ORDER) {
        Ok(grid) => grid,
        Err(error) => {
            prop_assert!(!accepted, "refused: {error}");
            prop_assert_eq!(
                error.kind(),
                expected_bounds_error::<T>(origin, shape, strides, len)
            );
            return Ok(());
        }
    };
    prop_assert!(accepted, "accepted a grid with elements out of bounds");
    prop_assert_eq!((grid.shape(), grid.strides()), (shape, strides));
    prop_assert_eq!(Some(grid.len()), count);
    prop_assert_eq!(grid.iter().len(), grid.len());
    prop_assert_eq!(grid.rows().len(), rows);

    // Elements at the corners and at arbitrary indices.
    let [i, j, k, l] = probes.indices;
    let mut cells = vec![(i, j), (k, l), (usize::MAX, 0), (0, usize::MAX)];
    if rows > 0 && cols > 0 {
        cells.extend([
            (0, 0),
            (rows - 1, cols - 1),
            (i % rows, j % cols),
            (k % rows, l % cols),
        ]);
    }
    for &(r, c) in &cells {
        let inside = r < rows && c < cols;
        prop_assert_eq!(grid.get(r, c).map(T::read), inside.then(|| value(r, c)));
        prop_assert_eq!(grid.row(r).map(|row| row.len()), (r < rows).then_some(cols));
        prop_assert_eq!(
            grid.column(c).map(|column| column.len()),
            (c < cols).then_some(rows)
        );
        if inside {
            prop_assert_eq!(grid.row(r).unwrap().get(c).map(T::read), Some(value(r, c)));
            prop_assert_eq!(
                grid.column(c).unwrap().get(r).map(T::read),
                Some(value(r, c))
            );
            prop_assert_eq!(
                grid.rows().nth(r).unwrap().get(c).map(T::read),
                Some(value(r, c))
            );
            prop_assert_eq!(grid.transpose().get(c, r).map(T::read), Some(value(r, c)));
            prop_assert_eq!(
                grid.flip_rows()
                    .flip_cols()
                    .get(rows - 1 - r, cols - 1 - c)
                    .map(T::read),
                Some(value(r, c))
            );
        }
    }
    prop_assert!(grid.rows().nth(rows).is_none());
    if rows > 0 {
        prop_assert_eq!(grid.rows().next_back().map(|row| row.len()), Some(cols));
    }

    // Slices and steps of any size.
    let [row_range, col_range] = probes.ranges;
    let sliced = grid.slice(row_range, col_range);
    match (
        resolve_checked(row_range, rows)?,
        resolve_checked(col_range, cols)?,
    ) {
        (Some((r0, r1)), Some((c0, c1))) => {
            let sliced = sliced.unwrap();
            prop_assert_eq!(sliced.shape(), [r1 - r0, c1 - c0]);
            if r0 < r1 && c0 < c1 {
                prop_assert_eq!(sliced.get(0, 0).map(T::read), Some(value(r0, c0)));
                prop_assert_eq!(
                    sliced.get(r1 - r0 - 1, c1 - c0 - 1).map(T::read),
                    Some(value(r1 - 1, c1 - 1))
                );
            }
        }
        _ => {
            let error = sliced.err();
            prop_assert!(
                matches!(error.map(|e| e.kind()), Some(ErrorKind::BadRequest { .. })),
                "{error:?}"
            );
        }
    }
    let [row_step, col_step] = probes.steps;
    match grid.step(row_step, col_step) {
        Ok(stepped) => {
            prop_assert!(row_step > 0 && col_step > 0);
            let shape = [rows.div_ceil(row_step), cols.div_ceil(col_step)];
            prop_assert_eq!(stepped.shape(), shape);
            if shape[0] >= 2 && shape[1] >= 2 {
                prop_assert_eq!(
                    stepped.get(1, 1).map(T::read),
                    Some(value(row_step, col_step))
                );
            }
        }
        Err(error) => {
            prop_assert!(row_step == 0 || col_step == 0);
            prop_assert!(
                matches!(error.kind(), ErrorKind::BadRequest { .. }),
                "{error:?}"
            );
        }
    }
    if small {
        check_grid(&grid, &Matrix::strided(origin, shape, strides), &bytes)?;
    }

    // The same layout, writable.
    let mut writable = pattern(len, 0x5a);
    match GridMut::<T>::with_strides_endian(&mut writable, origin, shape, strides, T::ORDER) {
        Ok(mut grid) => {
            if small {
                let model = Matrix::strided(origin, shape, strides);
                prop_assert!(!model.overlapping(T::SIZE, len), "elements share bytes");
            }
            for &(r, c) in &cells {
                prop_assert_eq!(grid.get_mut(r, c).is_some(), r < rows && c < cols);
                prop_assert_eq!(
                    grid.row_mut(r).map(|row| row.len()),
                    (r < rows).then_some(cols)
                );
            }
            let resolved = (resolve(row_range, rows), resolve(col_range, cols));
            let sliced = grid.slice_mut(row_range, col_range).map(|g| g.shape());
            prop_assert_eq!(
                sliced.ok(),
                match resolved {
                    (Some((r0, r1)), Some((c0, c1))) => Some([r1 - r0, c1 - c0]),
                    _ => None,
                }
            );
            // Each row's bytes run from its lowest element's start to its highest element's end.
            let apart = rows <= 1
                || cols == 0
                || (strides[0] as i128).abs()
                    >= (cols as i128 - 1) * (strides[1] as i128).abs() + T::SIZE as i128;
            for split in [i, rows / 2, rows, rows.saturating_add(1)] {
                match grid.split_at_row_mut(split) {
                    Ok((top, bottom)) => {
                        prop_assert!(split == 0 || split == rows || (split < rows && apart));
                        prop_assert_eq!(top.shape(), [split, cols]);
                        prop_assert_eq!(bottom.shape(), [rows - split, cols]);
                    }
                    Err(error) if matches!(error.kind(), ErrorKind::RowsInterleave { .. }) => {
                        prop_assert!(split < rows && !apart)
                    }
                    Err(error) => {
                        prop_assert!(split > rows, "{error}");
                        prop_assert!(
                            matches!(error.kind(), ErrorKind::BadRequest { .. }),
                            "{error:?}"
                        );
                    }
                }
            }
            match grid.rows_mut() {
                Ok(mut rows_mut) => {
                    prop_assert!(apart);
                    prop_assert_eq!(rows_mut.len(), rows);
                    prop_assert_eq!(
                        rows_mut.next_back().map(|row| row.len()),
                        (rows > 0).then_some(cols)
                    );
                    prop_assert_eq!(
                        rows_mut.next().map(|row| row.len()),
                        (rows > 1).then_some(cols)
                    );
                }
                Err(error) => {
                    prop_assert!(!apart, "{error}");
                    prop_assert!(
                        matches!(error.kind(), ErrorKind::RowsInterleave { .. }),
                        "{error:?}"
                    );
                }
            }
            if rows > 0 && cols > 0 {
                // Writing the last element changes its bytes and no others.
                let (r, c) = (rows - 1, cols - 1);
                T::write(grid.get_mut(r, c).unwrap(), T::numbered(1));
                let mut expected = pattern(len, 0x5a);
                expect_write::<T>(&mut expected, reach(origin, strides, r, c), T::numbered(1));
                let grid = grid
                    .step(row_step.max(1), col_step.max(1))
                    .unwrap()
                    .transpose()
                    .flip_rows();
                prop_assert_eq!(grid.shape()[1], rows.div_ceil(row_step.max(1)));
                prop_assert_eq!(writable, expected);
            }
        }
        Err(error) if matches!(error.kind(), ErrorKind::GridOverlap { .. }) => {
            prop_assert!(accepted && T::SIZE > 0);
            if let ErrorKind::GridOverlap { first, second, .. } = error.kind() {
                prop_assert!(first != second && first[0] < rows && second[0] < rows);
                prop_assert!(first[1] < cols && second[1] < cols);
                let distance = reach(origin, strides, first[0], first[1])
                    - reach(origin, strides, second[0], second[1]);
                prop_assert!(
                    distance.abs() < T::SIZE as i128,
                    "elements {first:?} and {second:?} do not share bytes"
                );
            }
            if small {
                let model = Matrix::strided(origin, shape, strides);
                prop_assert!(
                    model.overlapping(T::SIZE, len),
                    "refused elements that are apart"
                );
            }
        }
        Err(error) => prop_assert!(
            false,
            "a writable grid refused what a grid accepts: {error}"
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Huge and extreme origins, shapes, strides, indices, ranges and steps: nothing panics,
    /// grids are accepted exactly when every element is in bounds, and the O(1) accessors
    /// agree with the layout formula.
    #[test]
    fn grids_take_arbitrary_arguments_without_panicking(
        kind in 0u8..4,
        len in 0usize..64,
        origin in prop_oneof![4 => 0usize..70, 1 => any::<usize>(), 1 => Just(usize::MAX)],
        shape in [any_dim(), any_dim()],
        strides in [any_stride(), any_stride()],
        probes in probes(),
    ) {
        match kind {
            0 => arbitrary_grid_case::<u8>(len, origin, shape, strides, &probes)?,
            1 => arbitrary_grid_case::<u16>(len, origin, shape, strides, &probes)?,
            2 => arbitrary_grid_case::<[u8; 3]>(len, origin, shape, strides, &probes)?,
            _ => arbitrary_grid_case::<[u8; 0]>(len, origin, shape, strides, &probes)?,
        }
    }
}

fn arbitrary_table_case<T: Element>(
    len: usize,
    count: usize,
    stride: usize,
    probes: &Probes,
) -> Result<(), TestCaseError> {
    let bytes = pattern(len, 0x33);
    let fits = table_fits(count, stride, T::SIZE, len);
    let value = |i: usize| {
        T::decode(element_bytes(
            &bytes,
            (i as u128 * stride as u128) as i128,
            T::SIZE,
        ))
    };
    let table = match Records::<T>::with_stride_endian(&bytes, count, stride, T::ORDER) {
        Ok(table) => table,
        Err(error) => {
            prop_assert!(!fits, "refused: {error}");
            return Ok(());
        }
    };
    prop_assert!(fits);
    let [i, j, k, _] = probes.indices;
    for index in [i, j, count.saturating_sub(1), count] {
        prop_assert_eq!(
            table.get(index).map(T::read),
            (index < count).then(|| value(index))
        );
    }
    let sliced = table.slice(probes.ranges[0]);
    match resolve_checked(probes.ranges[0], count)? {
        Some((start, end)) => {
            let sliced = sliced.unwrap();
            prop_assert_eq!(sliced.len(), end - start);
            prop_assert_eq!(
                sliced.rev().first().map(T::read),
                (start < end).then(|| value(end - 1))
            );
        }
        None => prop_assert!(sliced.is_err()),
    }
    match table.step_by(probes.steps[0]) {
        Ok(stepped) => {
            let n = probes.steps[0];
            prop_assert_eq!(stepped.len(), count.div_ceil(n));
            if count > n {
                prop_assert_eq!(stepped.get(1).map(T::read), Some(value(n)));
            }
            prop_assert_eq!(stepped.rev().len(), stepped.len());
        }
        Err(_) => prop_assert_eq!(probes.steps[0], 0),
    }
    match table.split_at(k) {
        Ok((left, right)) => prop_assert_eq!((left.len(), right.len()), (k, count - k)),
        Err(_) => prop_assert!(k > count),
    }
    match table.chunks(probes.steps[1]) {
        Ok(mut chunks) => {
            let size = probes.steps[1];
            prop_assert_eq!(chunks.len(), count.div_ceil(size));
            let last = match count % size {
                0 => size.min(count),
                short => short,
            };
            prop_assert_eq!(
                chunks.next_back().map(|c| c.len()),
                (count > 0).then_some(last)
            );
            if count > size {
                prop_assert_eq!(chunks.next().map(|c| c.len()), Some(size));
            }
        }
        Err(_) => prop_assert_eq!(probes.steps[1], 0),
    }

    let mut writable = pattern(len, 0x33);
    let mut table =
        RecordsMut::<T>::with_stride_endian(&mut writable, count, stride, T::ORDER).unwrap();
    prop_assert_eq!(table.get_mut(i).is_some(), i < count);
    prop_assert_eq!(
        table.slice_mut(probes.ranges[1]).is_ok(),
        resolve(probes.ranges[1], count).is_some()
    );
    match table.split_at_mut(k) {
        Ok((left, right)) => prop_assert_eq!((left.len(), right.len()), (k, count - k)),
        Err(_) => prop_assert!(k > count),
    }
    match table.chunks_mut(probes.steps[1]) {
        Ok(mut chunks) => {
            prop_assert_eq!(chunks.len(), count.div_ceil(probes.steps[1]));
            prop_assert_eq!(chunks.next().is_some(), count > 0);
            prop_assert_eq!(chunks.next_back().is_some(), count > probes.steps[1]);
        }
        Err(_) => prop_assert_eq!(probes.steps[1], 0),
    }
    let stepped = table
        .reborrow()
        .step_by(probes.steps[0])
        .map(|t| t.rev().len());
    prop_assert_eq!(
        stepped.ok(),
        (probes.steps[0] > 0).then(|| count.div_ceil(probes.steps[0]))
    );
    if count > 0 {
        T::write(table.rev().get_mut(0).unwrap(), T::numbered(2));
        let mut expected = pattern(len, 0x33);
        expect_write::<T>(
            &mut expected,
            ((count as u128 - 1) * stride as u128) as i128,
            T::numbered(2),
        );
        prop_assert_eq!(writable, expected);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Tables of any count and stride (zero-sized records make huge counts possible), sliced,
    /// stepped, split and chunked with any arguments: nothing panics and lengths add up.
    #[test]
    fn tables_take_arbitrary_arguments_without_panicking(
        kind in 0u8..4,
        len in 0usize..64,
        count in any_dim(),
        stride in prop_oneof![3 => 0usize..6, 1 => any::<usize>(), 1 => Just(usize::MAX)],
        probes in probes(),
    ) {
        match kind {
            0 => arbitrary_table_case::<u8>(len, count, stride, &probes)?,
            1 => arbitrary_table_case::<u16>(len, count, stride, &probes)?,
            2 => arbitrary_table_case::<[u8; 3]>(len, count, stride, &probes)?,
            _ => arbitrary_table_case::<[u8; 0]>(len, count, stride, &probes)?,
        }
    }
}

// ---- NumPy, the outside oracle. ----

/// Builds each layout with `np.ndarray(buffer=..., offset=..., strides=...)`, which checks
/// that every element lies in the buffer, then applies the operations as NumPy indexing and
/// prints `tobytes()` after each.
const NUMPY_SCRIPT: &str = r#"
import sys
import numpy as np

for line in sys.stdin:
    data, dtype, origin, rows, cols, row_stride, col_stride, ops = line.split()
    try:
        a = np.ndarray(
            shape=(int(rows), int(cols)),
            dtype=np.dtype(dtype),
            buffer=bytes.fromhex(data),
            offset=int(origin),
            strides=(int(row_stride), int(col_stride)),
        )
    except (ValueError, TypeError, OverflowError):
        print("refused")
        continue
    out = [a.tobytes().hex()]
    for op in [] if ops == "-" else ops.split(","):
        name, *args = op.split(":")
        n = [int(x) for x in args]
        if name == "slice":
            a = a[n[0]:n[1], n[2]:n[3]]
        elif name == "step":
            a = a[::n[0], ::n[1]]
        elif name == "flip_rows":
            a = a[::-1, :]
        elif name == "flip_cols":
            a = a[:, ::-1]
        elif name == "transpose":
            a = a.T
        else:
            raise ValueError(op)
        out.append(a.tobytes().hex())
    print("ok " + ",".join(out))
"#;

/// The line the NumPy script should print for this grid and these operations, and the
/// operations to send it: those the grid accepted, with their ranges resolved.
fn numpy_expectation<T: Overlay>(
    bytes: &[u8],
    layout: &Layout,
    ops: &[GridOp],
) -> (String, String) {
    let mut grid = match Grid::<T>::with_strides(bytes, layout.origin, layout.shape, layout.strides)
    {
        Ok(grid) => grid,
        Err(_) => return ("refused".to_owned(), "-".to_owned()),
    };
    let mut copies = vec![hex(&grid.to_vec())];
    let mut sent = Vec::new();
    for op in ops {
        let [rows, cols] = grid.shape();
        let Ok(next) = grid_op_on(grid, op) else {
            continue;
        };
        sent.push(match op {
            GridOp::Slice(row_range, col_range) => {
                let (r0, r1) = resolve(*row_range, rows).unwrap();
                let (c0, c1) = resolve(*col_range, cols).unwrap();
                format!("slice:{r0}:{r1}:{c0}:{c1}")
            }
            GridOp::Step(row_step, col_step) => format!("step:{row_step}:{col_step}"),
            GridOp::FlipRows => "flip_rows".to_owned(),
            GridOp::FlipCols => "flip_cols".to_owned(),
            GridOp::Transpose => "transpose".to_owned(),
        });
        grid = next;
        copies.push(hex(&grid.to_vec()));
    }
    let sent = if sent.is_empty() {
        "-".to_owned()
    } else {
        sent.join(",")
    };
    (format!("ok {}", copies.join(",")), sent)
}

#[test]
fn grids_agree_with_numpy() {
    if !tools::python_with("numpy", "the NumPy comparison of grids") {
        return;
    }
    use proptest::strategy::ValueTree;
    // The property tests' own generators, run deterministically.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = (
        layout(),
        proptest::collection::vec(grid_op(), 0..6),
        any::<u8>(),
    );
    let (mut input, mut expected, mut accepted) = (String::new(), Vec::new(), 0);
    while expected.len() < 500 {
        let (layout, ops, seed) = strategy.new_tree(&mut runner).unwrap().current();
        // NumPy takes an empty buffer as one of the array's own size, and its bounds check
        // computes the reach of the strides in 64 bits: NumPy 2.4 reads out of bounds (and
        // crashes) for shape (3, 4) with strides (2**63 - 1, 12), which overflows.
        let reach: i128 = (0..2)
            .map(|axis| {
                layout.shape[axis].saturating_sub(1) as i128 * (layout.strides[axis] as i128).abs()
            })
            .sum();
        if layout.len == 0 || reach + layout.origin as i128 > 1 << 60 {
            continue;
        }
        let bytes = pattern(layout.len, seed);
        let (line, sent) = match layout.kind {
            0 => numpy_expectation::<u8>(&bytes, &layout, &ops),
            // Copies are bytes as stored: [u8; 2] stands for big-endian u16.
            1 => numpy_expectation::<[u8; 2]>(&bytes, &layout, &ops),
            _ => numpy_expectation::<[u8; 3]>(&bytes, &layout, &ops),
        };
        accepted += usize::from(line != "refused");
        let dtype = ["u1", ">u2", "V3"][usize::from(layout.kind)];
        let Layout {
            origin,
            shape: [rows, cols],
            strides: [row_stride, col_stride],
            ..
        } = layout;
        input += &format!(
            "{} {dtype} {origin} {rows} {cols} {row_stride} {col_stride} {sent}\n",
            hex(&bytes)
        );
        expected.push((line, layout, sent));
    }
    assert!(accepted > 150, "only {accepted} of 500 layouts accepted");
    let output = tools::run_python(NUMPY_SCRIPT, &[], input);
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), expected.len());
    for (found, (wanted, layout, sent)) in lines.iter().zip(&expected) {
        assert_eq!(found, wanted, "{layout:?} then {sent}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Validation of read-only grids whose elements overlap (strides smaller than an element,
    /// zero or opposite) checks each distinct element start once: a grid of bools is accepted
    /// exactly when no element start holds a byte other than 0 or 1, and an error names one of
    /// the bad starts.
    #[test]
    fn overlapping_grids_validate_exactly_their_element_starts(
        bytes in prop::collection::vec(prop_oneof![4 => 0u8..2, 1 => 2u8..4], 0..40),
        origin in 0usize..40,
        shape in [0usize..7, 0usize..7],
        strides in [-5isize..6, -5isize..6],
    ) {
        let starts: Option<Vec<usize>> = (0..shape[0])
            .flat_map(|r| (0..shape[1]).map(move |c| (r, c)))
            .map(|(r, c)| {
                let at = origin as i128 + r as i128 * strides[0] as i128 + c as i128 * strides[1] as i128;
                (at >= 0 && at < bytes.len() as i128).then_some(at as usize)
            })
            .collect();
        let in_bounds = starts.is_some() && (shape[0] * shape[1] > 0 || origin <= bytes.len());
        let result = Grid::<bool>::with_strides(&bytes, origin, shape, strides);
        match (in_bounds, result.map_err(|e| e.kind())) {
            (false, Err(kind)) => {
                prop_assert_eq!(kind, expected_bounds_error::<bool>(origin, shape, strides, bytes.len()));
            }
            (true, Ok(grid)) => {
                for &start in starts.iter().flatten() {
                    prop_assert!(bytes[start] <= 1, "bad bool at {} accepted", start);
                }
                prop_assert_eq!(grid.len(), shape[0] * shape[1]);
            }
            (true, Err(ErrorKind::InvalidBool { offset, value, .. })) => {
                let starts = starts.unwrap_or_default();
                prop_assert!(starts.contains(&offset), "error at {} is not an element start", offset);
                prop_assert_eq!(bytes[offset], value);
                prop_assert!(value > 1);
            }
            (expected, other) => prop_assert!(false, "in bounds {}: {:?}", expected, other),
        }
    }
}

/// Zero-sized elements: a grid or table of them may describe about 2^64 elements on an empty
/// buffer, and whole-grid operations answer at once instead of visiting each.
#[test]
fn zero_sized_elements_in_huge_numbers_answer_at_once() {
    let mut empty: [u8; 0] = [];
    let mut grid = GridMut::<[u8; 0]>::new(&mut empty, 1 << 32, (1 << 32) - 1).unwrap();
    grid.fill(&[]).unwrap();
    assert!(grid.to_vec().is_empty());
    let source = Grid::<[u8; 0]>::new(&[], 1 << 32, (1 << 32) - 1).unwrap();
    grid.copy_from(&source).unwrap();
    let table = Records::<[u8; 0]>::with_stride(&[], usize::MAX, 0).unwrap();
    assert!(table.to_vec().is_empty());
    let mut out: [u8; 0] = [];
    table.copy_to(&mut out).unwrap();
}

/// Shapes and strides whose reach overflows even i128 when added up still give a message.
#[test]
fn grid_bounds_messages_for_extreme_layouts() {
    let err = Grid::<[u8; 0]>::with_strides(&[], 0, [usize::MAX; 2], [isize::MAX; 2]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Grid<array> of shape [18446744073709551615, 18446744073709551615] holds or reaches \
         more bytes than an address space can"
    );
    // 2^32 one-byte elements fit an address space, but the last one starts at
    // (2^31 - 1) * isize::MAX + isize::MAX = 2^31 * (2^63 - 1), far past u64::MAX.
    let last = (1i128 << 31) * (isize::MAX as i128);
    assert!(last + 1 > i128::from(u64::MAX));
    let err =
        Grid::<u8>::with_strides(&[0; 4], 0, [1 << 31, 2], [isize::MAX, isize::MAX]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Grid<u8> of shape [2147483648, 2] holds or reaches more bytes than an address space can"
    );
    assert_eq!(
        err.kind(),
        ErrorKind::GridTooLarge {
            type_name: "u8",
            shape: [1 << 31, 2],
        }
    );
    // Reaching back as far as an i64 goes is still a range of bytes:
    // 0 + 1 * isize::MIN = i64::MIN.
    let err = Grid::<u8>::with_strides(&[0; 4], 0, [2, 1], [isize::MIN, 0]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Grid<u8> needs bytes -9223372036854775808..1, but the buffer has bytes 0..4"
    );
    // One byte further back is not.
    let err = Grid::<u8>::with_strides(&[0; 4], 0, [2, 2], [isize::MIN, -1]).unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::GridTooLarge {
            type_name: "u8",
            shape: [2, 2],
        }
    );
}

/// Reversing an empty axis changes the sign of its stride, as NumPy's `a[::-1]` does.
#[test]
fn flipping_an_empty_axis_negates_its_stride() {
    let bytes = [0u8; 8];
    let table = u8::records(&bytes[..0]).unwrap();
    assert_eq!(table.rev().stride(), -1);
    let grid = u8::grid(&bytes, 2, 4).unwrap().slice(0..0, ..).unwrap();
    assert_eq!(grid.flip_rows().strides(), [-4, 1]);
    assert_eq!(grid.flip_cols().strides(), [4, -1]);
}

mod zero_alloc {
    use std::fmt::Write as _;

    use super::support::counting::{assert_counter_works, assert_no_alloc, StackText};
    use super::support::types::PointLe;
    use overlay::{Endian, Grid, GridMut, Overlay, Records, RecordsMut};

    #[test]
    fn strided_tables_and_grids_allocate_nothing() {
        assert_counter_works();

        // Prepared outside the measured blocks: a 12x16 image of bytes, 4x6 big-endian f32
        // samples, a 3x4 table of points (7-byte records with a bool, so validated) stored
        // bottom-up in 32-byte rows, and the buffers written to.
        let mut pixels = [0u8; 12 * 16];
        for (i, pixel) in pixels.iter_mut().enumerate() {
            *pixel = (i * 7) as u8;
        }
        let mut samples = [0u8; 4 * 6 * 4];
        for (i, sample) in samples.chunks_exact_mut(4).enumerate() {
            sample.copy_from_slice(&(i as f32 * 0.5).to_be_bytes());
        }
        let mut points = [0u8; 3 * 32];
        for row in 0..3 {
            for col in 0..4 {
                let point = PointLe {
                    x: (10 * row + col) as i16,
                    y: 0.25,
                    on: col % 2 == 0,
                };
                point
                    .pack_into(&mut points, (2 - row) * 32 + col * 7)
                    .unwrap();
            }
        }
        let mut image = [0u8; 12 * 16];
        let mut copy = [0u8; 12 * 16];
        let mut floats = [0u8; 4 * 6 * 4];
        let mut text = StackText::new();

        assert_no_alloc(
            "Records slice, step_by, rev, split_at, chunks, copy_to and iteration",
            || {
                let table = u8::records(&pixels).unwrap();
                let picked = table.slice(10..90).unwrap().step_by(3).unwrap().rev();
                let mut sum = picked.iter().map(u64::from).sum::<u64>();
                sum += picked.iter().rev().map(u64::from).sum::<u64>();
                sum += u64::from(picked.get(5).unwrap()) + u64::from(picked.last().unwrap());
                sum += u64::from(picked.first().unwrap());
                sum += picked.len() as u64 + picked.stride().unsigned_abs() as u64;
                sum += u64::from(picked.is_contiguous()) + picked.as_bytes().len() as u64;
                let (left, right) = picked.split_at(10).unwrap();
                sum += left
                    .iter()
                    .chain(right.iter().rev())
                    .map(u64::from)
                    .sum::<u64>();
                for chunk in table.slice(..=100).unwrap().chunks(7).unwrap() {
                    sum += chunk.iter().map(u64::from).sum::<u64>();
                }
                for chunk in picked.chunks(4).unwrap().rev() {
                    sum += u64::from(chunk.last().unwrap());
                }
                sum += table
                    .slice((std::ops::Bound::Excluded(3), std::ops::Bound::Unbounded))
                    .unwrap()
                    .len() as u64;
                picked.copy_to(&mut copy[..picked.len()]).unwrap();
                // The first point of each 32-byte row.
                let firsts = Records::<PointLe>::with_stride(&points, 3, 32).unwrap();
                for point in firsts.rev().step_by(2).unwrap() {
                    sum += point.x() as u64;
                }
                sum
            },
        );

        assert_no_alloc(
            "Grid get, row, column, rows, iter, slice, step, flips, transpose and copy_to",
            || {
                let grid = u8::grid(&pixels, 12, 16).unwrap();
                let mut sum = u64::from(grid.get(3, 4).unwrap());
                sum += grid.row(2).unwrap().iter().map(u64::from).sum::<u64>();
                sum += grid
                    .column(5)
                    .unwrap()
                    .iter()
                    .rev()
                    .map(u64::from)
                    .sum::<u64>();
                for row in grid.rows().rev() {
                    sum += u64::from(row.get(1).unwrap());
                }
                sum += grid.iter().map(u64::from).sum::<u64>();
                sum += grid.iter().rev().step_by(5).map(u64::from).sum::<u64>();
                let roi = grid.slice(2..10, 3..=12).unwrap().step(2, 3).unwrap();
                sum += roi.iter().map(u64::from).sum::<u64>();
                let turned = grid.transpose().flip_cols().flip_rows();
                sum += u64::from(turned.get(0, 0).unwrap()) + turned.rows().len() as u64;
                sum += u64::from(grid.is_contiguous())
                    + grid.as_contiguous_bytes().unwrap().len() as u64;
                sum += u64::from(roi.as_contiguous_bytes().is_none());
                turned.copy_to(&mut copy).unwrap();
                roi.copy_to(&mut copy[..roi.len()]).unwrap();

                let big = Grid::<f32>::new_with(&samples, 4, 6, Endian::Big).unwrap();
                let total: f32 = big.slice(1.., ..).unwrap().transpose().iter().sum();
                sum += total as u64 + big.column(2).unwrap().iter().map(|v| v as u64).sum::<u64>();

                let stored = Grid::<PointLe>::with_strides(&points, 64, [3, 4], [-32, 7]).unwrap();
                for row in stored.rows() {
                    for point in row {
                        sum += point.x() as u64 + u64::from(point.on());
                    }
                }
                sum += stored.flip_cols().get(2, 0).unwrap().x() as u64;
                write!(text, "{:?}", grid.slice(..2, ..3).unwrap()).unwrap();
                sum
            },
        );

        assert_no_alloc(
            "GridMut get_mut, row_mut, rows_mut, slice_mut, split_at_row_mut, fill and copy_from",
            || {
                let source = u8::grid(&pixels, 12, 16).unwrap();
                let mut grid = u8::grid_mut(&mut image, 12, 16).unwrap();
                grid.copy_from(&source).unwrap();
                grid.get_mut(1, 1).unwrap().set(9);
                for mut value in grid.row_mut(3).unwrap().iter_mut().rev() {
                    value.set(value.get() / 2);
                }
                for mut row in grid.rows_mut().unwrap().rev() {
                    row.get_mut(0).unwrap().set(1);
                }
                grid.slice_mut(4..8, 2..6).unwrap().fill(&7).unwrap();
                {
                    let (mut top, mut bottom) = grid.split_at_row_mut(6).unwrap();
                    top.fill(&2).unwrap();
                    bottom
                        .slice_mut(.., ..8)
                        .unwrap()
                        .copy_from(&source.slice(..6, 8..).unwrap())
                        .unwrap();
                }
                let mut flipped = grid.reborrow().flip_rows().step(2, 1).unwrap().transpose();
                flipped.get_mut(0, 0).unwrap().set(3);
                let sum: u64 = grid.as_grid().iter().map(u64::from).sum();

                let big = Grid::<f32>::new_with(&samples, 4, 6, Endian::Big).unwrap();
                let mut little = GridMut::<f32>::new(&mut floats, 6, 4).unwrap();
                little.copy_from(&big.transpose()).unwrap();
                little.get_mut(5, 3).unwrap().set(-1.0);

                let mut stored =
                    GridMut::<PointLe>::with_strides(&mut points, 64, [3, 4], [-32, 7]).unwrap();
                stored.get_mut(0, 0).unwrap().set_y(1.5);
                for mut row in stored.rows_mut().unwrap() {
                    for mut point in row.iter_mut() {
                        point.set_on(true);
                    }
                }
                stored
                    .slice_mut(1.., 1..3)
                    .unwrap()
                    .fill(&PointLe {
                        x: 5,
                        y: 2.0,
                        on: false,
                    })
                    .unwrap();
                sum
            },
        );

        assert_no_alloc(
            "RecordsMut split_at_mut, chunks_mut, iter_mut, slice_mut, step_by and rev",
            || {
                let mut table = u8::records_mut(&mut copy).unwrap();
                {
                    let (mut left, mut right) = table.split_at_mut(100).unwrap();
                    for mut value in left.iter_mut() {
                        value.set(1);
                    }
                    for mut value in right.iter_mut().rev() {
                        value.set(2);
                    }
                }
                for (i, mut chunk) in table.chunks_mut(9).unwrap().enumerate() {
                    chunk.get_mut(0).unwrap().set(i as u8);
                }
                for mut chunk in table.chunks_mut(10).unwrap().rev() {
                    for mut value in chunk.iter_mut() {
                        value.set(value.get().wrapping_add(1));
                    }
                }
                for mut value in table.slice_mut(5..50).unwrap().iter_mut() {
                    value.set(3);
                }
                let mut picked = table.reborrow().step_by(4).unwrap().rev();
                for mut value in picked.iter_mut() {
                    value.set(4);
                }
                let mut strided = RecordsMut::<PointLe>::with_stride(&mut points, 3, 32)
                    .unwrap()
                    .rev();
                for mut point in strided.iter_mut() {
                    point.set_x(-1);
                }
                let mut nothing: [u8; 0] = [];
                let mut empty = RecordsMut::<[u8; 0]>::with_stride(&mut nothing, 8, 0).unwrap();
                let zero_sized = empty.iter_mut().count() + empty.chunks_mut(3).unwrap().count();
                (zero_sized, table.iter().map(u64::from).sum::<u64>())
            },
        );

        assert_no_alloc(
            "errors of tables and grids, formatted into a stack buffer",
            || {
                let table = u8::records(&pixels).unwrap();
                let grid = u8::grid(&pixels, 12, 16).unwrap();
                let range = table.slice(5..500).unwrap_err();
                let step = table.step_by(0).unwrap_err();
                let chunks = table.chunks(0).err().unwrap();
                let split = table.split_at(1000).unwrap_err();
                let bounds = Grid::<u16>::with_strides(&pixels, 6, [3, 4], [-4, 2]).unwrap_err();
                let huge =
                    Grid::<u8>::with_strides(&pixels, 0, [usize::MAX, 2], [0, 0]).unwrap_err();
                let length = Grid::<u8>::new(&pixels, 5, 5).unwrap_err();
                let overlap =
                    GridMut::<u16>::with_strides(&mut image, 0, [2, 3], [1, 1]).unwrap_err();
                let mut column_major = u8::grid_mut(&mut image, 12, 16).unwrap().transpose();
                let interleave = column_major.rows_mut().err().unwrap();
                let split_rows = column_major.split_at_row_mut(3).err().unwrap();
                let shape = column_major.copy_from(&grid).unwrap_err();
                let copy_length = grid.copy_to(&mut copy[..10]).unwrap_err();
                write!(
                    text,
                    "{range} {step} {chunks} {split} {bounds} {huge} {length} {overlap} \
                     {interleave} {split_rows} {shape} {copy_length}"
                )
                .unwrap();
                text.len
            },
        );
    }
}
