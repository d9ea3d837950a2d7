//! Record tables: consecutive records like `struct.iter_unpack`, and strided tables. The unit
//! tests write the expected bytes out by hand; the property tests build tables of random
//! shared records (tests/support/types.rs) and compare with the values they were built from;
//! and reading and writing tables allocates nothing. (Slicing, stepping and splitting tables,
//! and two-dimensional grids, are in grid.rs.)

mod support;

use overlay::{Overlay, Records, RecordsMut};
use proptest::collection::vec;
use proptest::prelude::*;
use support::counting::{assert_counter_works, assert_no_alloc};
use support::types::{header_table, Empty, Header, Packet};
use support::values::{same, Value};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "big")]
pub struct Entry {
    pub id: u16,
    pub value: i32,
}

fn table(n: u16) -> Vec<u8> {
    (0..n)
        .flat_map(|i| {
            let mut b = i.to_be_bytes().to_vec();
            b.extend_from_slice(&(i32::from(i) * -10).to_be_bytes());
            b
        })
        .collect()
}

#[test]
fn consecutive_records_iterate_both_ways_with_exact_size() {
    let bytes = table(5);
    let entries = Entry::records(&bytes).unwrap();
    assert_eq!(entries.len(), 5);
    assert!(!entries.is_empty());
    let mut iter = entries.iter();
    assert_eq!(iter.len(), 5);
    assert_eq!(iter.next().unwrap().id(), 0);
    assert_eq!(iter.next_back().unwrap().id(), 4);
    assert_eq!(iter.len(), 3);
    assert_eq!(iter.map(|e| e.value()).collect::<Vec<_>>(), [-10, -20, -30]);
    assert_eq!(entries.get(3).unwrap().value(), -30);
    assert!(entries.get(5).is_none());
    assert_eq!(entries.first().unwrap().id(), 0);
    assert_eq!(entries.last().unwrap().id(), 4);
    let ids: Vec<u16> = entries.into_iter().map(|e| e.id()).collect();
    assert_eq!(ids, [0, 1, 2, 3, 4]);
    assert_eq!(
        format!("{:?}", Entry::records(&table(1)).unwrap()),
        "[Entry { id: 0, value: 0 }]"
    );
}

#[test]
fn writable_records_change_bytes_in_place() {
    let mut bytes = table(4);
    let mut entries = Entry::records_mut(&mut bytes).unwrap();
    assert_eq!(entries.len(), 4);
    for mut entry in entries.iter_mut() {
        let v = entry.value();
        entry.set_value(v + 1);
    }
    entries.get_mut(2).unwrap().set_id(0xabcd);
    assert!(entries.get_mut(4).is_none());
    assert_eq!(entries.get(2).unwrap().id(), 0xabcd);
    assert_eq!(entries.iter().next_back().unwrap().value(), -29);
    let back: Vec<_> = RecordsMut::iter_mut(&mut entries)
        .rev()
        .map(|e| e.id())
        .collect();
    assert_eq!(back, [3, 0xabcd, 1, 0]);
    assert_eq!(&bytes[12..14], &[0xab, 0xcd]);
    assert_eq!(&bytes[2..6], &1i32.to_be_bytes());
    assert_eq!(&bytes[8..12], &(-9i32).to_be_bytes());
}

#[test]
fn strided_tables_skip_the_gaps_and_allow_a_short_last_slot() {
    // Three 6-byte entries in 8-byte slots; the last slot is cut after its entry.
    let mut bytes = Vec::new();
    for (i, entry) in table(3).chunks(6).enumerate() {
        bytes.extend_from_slice(entry);
        if i < 2 {
            bytes.extend_from_slice(&[0xee, 0xee]);
        }
    }
    assert_eq!(bytes.len(), 22);
    let entries = Records::<Entry>::with_stride(&bytes, 3, 8).unwrap();
    assert_eq!(entries.stride(), 8);
    assert_eq!(
        entries.iter().map(|e| e.value()).collect::<Vec<_>>(),
        [0, -10, -20]
    );
    assert_eq!(
        entries.iter().rev().map(|e| e.id()).collect::<Vec<_>>(),
        [2, 1, 0]
    );
    assert_eq!(entries.iter().len(), 3);
    assert_eq!(entries.get(2).unwrap().value(), -20);

    let mut entries = RecordsMut::<Entry>::with_stride(&mut bytes, 3, 8).unwrap();
    for mut entry in entries.iter_mut() {
        entry.set_id(entry.id() + 100);
    }
    assert_eq!(&bytes[6..8], &[0xee, 0xee], "gaps are never written");
    assert_eq!(&bytes[16..18], &102u16.to_be_bytes());
}

#[test]
fn empty_tables() {
    assert!(Entry::records(&[]).unwrap().is_empty());
    assert_eq!(
        Records::<Entry>::with_stride(&[], 0, 6)
            .unwrap()
            .iter()
            .count(),
        0
    );
}

proptest! {
    #[test]
    fn record_table_writes_reach_each_record(
        records in vec(Packet::strategy(), 0..6),
        replacement in Packet::strategy(),
    ) {
        let mut bytes: Vec<u8> = records.iter().flat_map(|r| r.to_bytes()).collect();
        for mut record in Packet::records_mut(&mut bytes).unwrap().iter_mut() {
            record.pack(&replacement);
        }
        let table = Packet::records(&bytes).unwrap();
        prop_assert_eq!(table.len(), records.len());
        for view in table.iter() {
            prop_assert!(same(&view.unpack(), &replacement));
        }
    }
}

/// `Records::with_stride(&[], 3, 0)` for a zero-sized record type is accepted with `len() == 3`
/// (stride 0 is not smaller than the record), but `iter()` yields nothing and reports length 0,
/// so the exact-size iterator disagrees with the table. `RecordsMut::iter_mut` likewise.
#[test]
fn zero_sized_records_with_stride_zero_iterate_len_items() {
    let records = Records::<Empty>::with_stride(&[], 3, 0).expect("stride 0 >= size 0");
    assert_eq!(records.len(), 3);
    assert_eq!(records.iter().len(), 3, "iter().len() vs len()");
    assert_eq!(records.iter().count(), 3, "iter() vs len()");

    let mut bytes: [u8; 0] = [];
    let mut records = RecordsMut::<Empty>::with_stride(&mut bytes, 3, 0).unwrap();
    assert_eq!(records.iter_mut().count(), 3, "iter_mut() vs len()");
}

#[test]
fn reading_and_writing_tables_allocates_nothing() {
    assert_counter_works();

    // Prepared outside the measured block.
    let mut table = header_table();
    let mut strided = [0u8; (Header::SIZE + 5) * 3];
    for i in 0..3 {
        support::types::sample_header()
            .pack_into(&mut strided, i * (Header::SIZE + 5))
            .unwrap();
    }

    assert_no_alloc(
        "records and records_mut: get, iteration both ways, with_stride",
        || {
            let records = Header::records(&table).unwrap();
            let mut sum = records.len() as u64;
            for view in records.iter() {
                sum += u64::from(view.len()) + u64::from(view.version());
            }
            sum += records
                .iter()
                .rev()
                .map(|v| u64::from(v.version()))
                .sum::<u64>();
            sum += u64::from(records.get(2).unwrap().version());
            sum += u64::from(records.first().unwrap().len() + records.last().unwrap().len());
            let strided_records =
                Records::<Header>::with_stride(&strided, 3, Header::SIZE + 5).unwrap();
            sum += strided_records
                .iter()
                .map(|v| u64::from(v.len()))
                .sum::<u64>();

            let mut records = Header::records_mut(&mut table).unwrap();
            for mut view in records.iter_mut() {
                view.set_version(view.version() + 1);
            }
            for mut view in records.iter_mut().rev() {
                view.samples_mut().set(0, 1).unwrap();
            }
            records.get_mut(1).unwrap().set_urgent(true);
            sum += u64::from(records.get(1).unwrap().urgent());
            sum += records.iter().count() as u64 + records.as_records().len() as u64;

            let mut strided_mut =
                RecordsMut::<Header>::with_stride(&mut strided, 3, Header::SIZE + 5).unwrap();
            for mut view in strided_mut.iter_mut() {
                view.origin_mut().set_y(1);
            }
            sum
        },
    );
}
