//! Record tables: consecutive records like `struct.iter_unpack`, and strided tables.

use overlay::{Overlay, Records, RecordsMut};

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
