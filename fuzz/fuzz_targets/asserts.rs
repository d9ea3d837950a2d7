//! Assertions (`#[overlay(assert = "..")]`): any bytes give a view exactly when a hand-written
//! check says every rule holds, and otherwise an `AssertFailed` error naming the first rule that
//! does not, with the value of the first field it names; rules with overflowing arithmetic fail
//! rather than wrap; tables report the record that is bad; nothing panics.
//!
//! Input: the whole input is the buffer (one record at its start, then a table of them).
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::{ErrorKind, Overlay};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(
    endian = "big",
    assert = "version == 4",
    assert = "ihl >= 5",
    assert = "total <= max(ihl * 4, 1000) && !flag",
    assert = "scale * 3037000500 > 0 || scale == 0"
)]
pub struct Rec {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub total: u16,
    pub flag: bool,
    pub scale: i64,
}

const SIZE: usize = 12;

/// The first rule that does not hold, with the value of the first field it names.
fn first_broken(r: &[u8]) -> Option<(&'static str, i128)> {
    let (version, ihl) = (r[0] >> 4, r[0] & 15);
    let total = u16::from_be_bytes([r[1], r[2]]);
    let flag = r[3];
    let scale = i64::from_be_bytes(r[4..12].try_into().unwrap());
    if version != 4 {
        return Some(("version == 4", i128::from(version)));
    }
    if ihl < 5 {
        return Some(("ihl >= 5", i128::from(ihl)));
    }
    if i64::from(total) > i64::from(ihl * 4).max(1000) || flag == 1 {
        return Some(("total <= max(ihl * 4, 1000) && !flag", i128::from(total)));
    }
    let product = scale.checked_mul(3_037_000_500);
    if !(product.is_some_and(|p| p > 0) || scale == 0) {
        return Some(("scale * 3037000500 > 0 || scale == 0", i128::from(scale)));
    }
    None
}

fn check(result: Result<(), overlay::Error>, record: &[u8]) {
    match (result, first_broken(record)) {
        (Ok(()), None) => {}
        (Err(error), Some((condition, value))) => match error.kind() {
            ErrorKind::AssertFailed {
                condition: c,
                value: v,
                ..
            } => {
                assert_eq!((c, v), (condition, value), "{error}");
            }
            // An invalid bool is reported before the rules are checked.
            ErrorKind::InvalidBool { .. } => assert!(record[3] > 1, "{error}"),
            _ => panic!("{error}"),
        },
        (Err(error), None) => {
            assert!(
                matches!(error.kind(), ErrorKind::InvalidBool { .. }),
                "{error}"
            );
        }
        (Ok(()), Some(rule)) => panic!("a view where {rule:?} does not hold"),
    }
}

fuzz_target!(|data: &[u8]| {
    match data.get(..SIZE) {
        Some(record) => check(Rec::view_prefix(data).map(|_| ()), record),
        None => assert!(Rec::view_prefix(data).is_err()),
    }
    let whole = data.len() / SIZE * SIZE;
    if let Err(error) = Rec::records(&data[..whole]) {
        let bad = error.offset().unwrap_or(0) / SIZE * SIZE;
        assert!(bad < whole, "{error}");
    }
    let _ = overlay::hexdump::<Rec>(data).to_string();
});
