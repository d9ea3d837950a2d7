//! Magic values (`#[overlay(magic = ..)]`): any bytes give a view exactly when every magic
//! constant matches (checked by hand here), and otherwise a `BadMagic` error at the first field
//! that differs, with the byte or value found; tables of such records report the record that
//! is bad; nothing panics and the error formats.
//!
//! Input: the whole input is the buffer (one record at its start, then a table of them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::{ErrorKind, MagicFound, Overlay};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ident {
    #[overlay(magic = b"\x7fELF")]
    pub magic: [u8; 4],
    pub class: u8,
    #[overlay(magic = 1)]
    pub version: u8,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "big")]
pub struct Record {
    pub len: u16,
    pub ident: Ident,
    #[overlay(magic = -2)]
    pub marker: i16,
}

const SIZE: usize = 10;

/// The offset, within a record, of the first field whose magic differs, and what was found.
fn first_mismatch(r: &[u8]) -> Option<(usize, MagicFound)> {
    if let Some(index) = (0..4).find(|&i| r[2 + i] != b"\x7fELF"[i]) {
        return Some((
            2,
            MagicFound::Byte {
                index,
                value: r[2 + index],
            },
        ));
    }
    if r[7] != 1 {
        return Some((7, MagicFound::Integer(i128::from(r[7]))));
    }
    let marker = i16::from_be_bytes([r[8], r[9]]);
    (marker != -2).then_some((8, MagicFound::Integer(i128::from(marker))))
}

fn check(result: Result<(), overlay::Error>, record: &[u8], base: usize) {
    match (result, first_mismatch(record)) {
        (Ok(()), None) => {}
        (Err(error), Some((at, found))) => {
            let ErrorKind::BadMagic {
                offset, found: got, ..
            } = error.kind()
            else {
                panic!("not a magic error: {error}");
            };
            assert_eq!((offset, got), (base + at, found), "{error}");
            assert!(!error.to_string().is_empty());
        }
        (result, expected) => panic!("{result:?} where the reference says {expected:?}"),
    }
}

fuzz_target!(|data: &[u8]| {
    if let Some(record) = data.get(..SIZE) {
        check(Record::view_prefix(data).map(|_| ()), record, 0);
    } else {
        assert!(Record::view_prefix(data).is_err());
    }
    let whole = data.len() / SIZE * SIZE;
    let table = Record::records(&data[..whole]);
    let bad = data[..whole]
        .chunks_exact(SIZE)
        .enumerate()
        .find(|(_, r)| first_mismatch(r).is_some());
    match (table, bad) {
        (Ok(table), None) => assert_eq!(table.len(), whole / SIZE),
        (Err(error), Some((i, record))) => check(Err(error), record, i * SIZE),
        (table, bad) => panic!(
            "table {:?} where the reference finds {:?}",
            table.map(|t| t.len()),
            bad.map(|b| b.0)
        ),
    }
    let _ = overlay::hexdump::<Record>(data).to_string();
});
