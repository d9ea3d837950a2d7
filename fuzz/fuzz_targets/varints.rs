//! Self-delimiting integers (`Uleb128`, `Sleb128`, `SqliteVarint`) and record parameters: any
//! bytes view or fail with an error, never a panic; what views is what hand-written decoders
//! read; a value set through a writable view reads back, or is refused because it needs more
//! bytes, leaving the bytes as they were; SQLite's local payload rule as a length agrees with
//! the rule computed by hand.
//!
//! Input: bytes 0..2 are a usable page size (big-endian, 512 or more), the rest one record of
//! each kind at the start.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::{ErrorKind, Sleb128, SqliteVarint, Uleb128, VarBytes, VarOverlay};

#[derive(overlay::Overlay)]
pub struct Field {
    key: Uleb128,
    len: Uleb128,
    #[overlay(bytes = "len")]
    data: VarBytes,
}

#[derive(overlay::Overlay)]
pub struct Trio {
    unsigned: Uleb128,
    signed: Sleb128,
    sqlite: SqliteVarint,
    #[overlay(rest)]
    rest: VarBytes,
}

#[derive(overlay::Overlay)]
#[overlay(param = "usable")]
pub struct TableLeafCell {
    payload_size: SqliteVarint,
    rowid: SqliteVarint,
    #[overlay(bytes = "if_else(payload_size <= usable - 35, payload_size, \
        if_else((usable - 12) * 32 / 255 - 23 + (payload_size - ((usable - 12) * 32 / 255 - 23)) \
        % (usable - 4) <= usable - 35, (usable - 12) * 32 / 255 - 23 + (payload_size - \
        ((usable - 12) * 32 / 255 - 23)) % (usable - 4), (usable - 12) * 32 / 255 - 23))")]
    local: VarBytes,
    #[overlay(bytes = "if_else(payload_size <= usable - 35, 0, 4)")]
    first_overflow: VarBytes,
}

fn uleb(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u128;
    for (i, b) in bytes.iter().enumerate().take(10) {
        value |= u128::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return u64::try_from(value).ok().map(|v| (v, i + 1));
        }
    }
    None
}

fn sleb(bytes: &[u8]) -> Option<(i64, usize)> {
    let mut value = 0i128;
    for (i, b) in bytes.iter().enumerate().take(10) {
        value |= i128::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            if b & 0x40 != 0 {
                value -= 1i128 << (7 * (i + 1));
            }
            return i64::try_from(value).ok().map(|v| (v, i + 1));
        }
    }
    None
}

fn sqlite(bytes: &[u8]) -> Option<(i64, usize)> {
    let mut value = 0u64;
    for (i, b) in bytes.iter().enumerate().take(9) {
        if i == 8 {
            return Some(((value << 8 | u64::from(*b)) as i64, 9));
        }
        value = value << 7 | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            return Some((value as i64, i + 1));
        }
    }
    None
}

/// SQLite's local payload size, in i128 so nothing overflows.
fn local(p: i128, u: i128) -> (i128, i128) {
    let x = u - 35;
    if p <= x {
        return (p, 0);
    }
    let m = (u - 12) * 32 / 255 - 23;
    let k = m + (p - m) % (u - 4);
    (if k <= x { k } else { m }, 4)
}

fuzz_target!(|data: &[u8]| {
    let (usable, bytes) = match data {
        [a, b, rest @ ..] => (i64::from(u16::from_be_bytes([*a, *b])).max(512), rest),
        _ => return,
    };

    // A length-delimited field.
    let expected = uleb(bytes).and_then(|(key, a)| {
        let (len, b) = uleb(&bytes[a..])?;
        let end = (a + b).checked_add(usize::try_from(len).ok()?)?;
        (end <= bytes.len()).then(|| (key, len, &bytes[a + b..end]))
    });
    let found = Field::view_prefix(bytes).map(|(v, _)| (v.key(), v.len(), v.data()));
    match (&found, expected) {
        (Ok(found), Some(expected)) => assert_eq!(*found, expected),
        (Err(error), None) => {
            let _ = error.to_string();
        }
        (found, expected) => panic!("overlay {found:?}, reference {expected:?}"),
    }

    // One of each, then set each to a value taken from the bytes after them.
    let expected = uleb(bytes).and_then(|(u, a)| {
        let (s, b) = sleb(&bytes[a..])?;
        let (q, c) = sqlite(&bytes[a + b..])?;
        Some((u, s, q, a, b, c))
    });
    match (Trio::view(bytes), expected) {
        (Ok(view), Some((u, s, q, ..))) => {
            assert_eq!((view.unsigned(), view.signed(), view.sqlite()), (u, s, q));
        }
        (Err(error), None) => {
            assert!(
                matches!(error.kind(), ErrorKind::BadVarint { .. }),
                "{error}"
            );
        }
        (found, expected) => panic!("overlay {:?}, reference {expected:?}", found.map(|_| ())),
    }
    if let Some((_, _, _, a, b, c)) = expected {
        let seed = bytes[a + b + c..]
            .iter()
            .take(8)
            .fold(0u64, |acc, b| acc << 8 | u64::from(*b));
        let mut copy = bytes.to_vec();
        let mut view = Trio::view_mut(&mut copy).unwrap();
        let set = (
            view.set_unsigned(seed),
            view.set_signed(seed as i64),
            view.set_sqlite(!seed as i64),
        );
        let read = Trio::view(&copy).unwrap();
        assert_eq!(read.rest(), &bytes[a + b + c..]);
        match set.0 {
            Ok(()) => assert_eq!(read.unsigned(), seed),
            Err(_) => assert_eq!(&copy[..a], &bytes[..a]),
        }
        match set.1 {
            Ok(()) => assert_eq!(read.signed(), seed as i64),
            Err(_) => assert_eq!(&copy[a..a + b], &bytes[a..a + b]),
        }
        match set.2 {
            Ok(()) => assert_eq!(read.sqlite(), !seed as i64),
            Err(_) => assert_eq!(&copy[a + b..a + b + c], &bytes[a + b..a + b + c]),
        }
    }

    // SQLite's local payload rule, given the usable size as a parameter.
    let params = TableLeafCellParams { usable };
    match TableLeafCell::view_prefix_in(bytes, params) {
        Ok((cell, _)) => {
            let (local_len, overflow) = local(i128::from(cell.payload_size()), i128::from(usable));
            assert_eq!(cell.local().len() as i128, local_len);
            assert_eq!(cell.first_overflow().len() as i128, overflow);
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
