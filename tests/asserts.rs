//! Assertions: `#[overlay(assert = "ihl >= 5")]` on a record, checked once when a view is made.
//!
//! - An IPv4 header's rules (RFC 791: version 4, a header of at least five words, a total length
//!   that covers the header) over bit fields; a failure names the first field the condition
//!   names, from the outermost record, its offset, its value and the condition.
//! - Comparisons, `&& || !`, bool fields, `min`/`max`, checked arithmetic (an overflow fails the
//!   assertion), run-time byte order, variable-length records.
//! - `FIELDS` lists each assertion on the first field it names.
//! - The property test: a view exists exactly when a hand-written check says the rules hold.
//! - `zero_alloc`: checking assertions and formatting the error allocate nothing.

#[macro_use]
mod support;

use overlay::{Endian, ErrorKind, Overlay, VarBytes, VarOverlay};
use proptest::prelude::*;

/// The fixed part of an IPv4 header with RFC 791's rules.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(
    endian = "big",
    assert = "version == 4",
    assert = "ihl >= 5",
    assert = "total_length >= ihl * 4"
)]
pub struct Ipv4 {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub tos: u8,
    pub total_length: u16,
    pub id: u16,
    pub fragment: u16,
    pub ttl: u8,
    pub protocol: u8,
    pub checksum: u16,
    pub source: [u8; 4],
    pub destination: [u8; 4],
}

/// An Ethernet frame holding it.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "big")]
pub struct Frame {
    pub mac: [u8; 12],
    pub ether_type: u16,
    pub ip: Ipv4,
}

/// Bool fields, `min`/`max`, `!`, `||`, negative numbers and an overflowing product.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(
    endian = "runtime",
    assert = "enabled || count == 0",
    assert = "count <= max(limit, 3) && !(low > high)",
    assert = "min(low, high) >= -100",
    assert = "huge * 4 >= 0"
)]
pub struct Settings {
    pub enabled: bool,
    pub count: u16,
    pub limit: u16,
    pub low: i32,
    pub high: i32,
    pub huge: i64,
}

/// A variable-length record whose assertion relates its fixed fields.
#[derive(Overlay, Debug)]
#[overlay(endian = "big", assert = "len <= 64")]
pub struct Message {
    pub len: u8,
    #[overlay(bytes = "len")]
    pub body: VarBytes,
}

fn ipv4(version: u8, ihl: u8, total_length: u16) -> [u8; 20] {
    let mut bytes = [0u8; 20];
    bytes[0] = version << 4 | ihl;
    bytes[2..4].copy_from_slice(&total_length.to_be_bytes());
    bytes[8] = 64;
    bytes
}

#[test]
fn a_header_that_keeps_the_rules_is_a_view() {
    let header = ipv4(4, 5, 40);
    let view = Ipv4::view(&header).unwrap();
    assert_eq!((view.version(), view.ihl(), view.ttl()), (4, 5, 64));
}

#[test]
fn each_rule_names_its_first_field_its_value_and_the_condition() {
    for (bytes, message) in [
        (
            ipv4(6, 5, 40),
            "Ipv4.version at offset 0: 6 fails the assertion `version == 4`",
        ),
        (
            ipv4(4, 3, 40),
            "Ipv4.ihl at offset 0: 3 fails the assertion `ihl >= 5`",
        ),
        (
            ipv4(4, 15, 40),
            "Ipv4.total_length at offset 2: 40 fails the assertion `total_length >= ihl * 4`",
        ),
    ] {
        let error = Ipv4::view(&bytes).unwrap_err();
        assert_eq!(error.to_string(), message);
        assert!(matches!(error.kind(), ErrorKind::AssertFailed { .. }));
    }
    let error = Ipv4::view(&ipv4(4, 3, 40)).unwrap_err();
    let ErrorKind::AssertFailed {
        condition,
        value,
        offset,
        path,
    } = error.kind()
    else {
        panic!("{error}");
    };
    assert_eq!((condition, value, offset), ("ihl >= 5", 3, 0));
    assert_eq!(path.to_string(), "Ipv4.ihl");
}

#[test]
fn nested_records_and_tables_report_from_the_outermost_record() {
    let mut frame = [0u8; 34];
    frame[12..14].copy_from_slice(&0x0800u16.to_be_bytes());
    frame[14..].copy_from_slice(&ipv4(4, 5, 20));
    assert!(Frame::view(&frame).is_ok());
    frame[14..].copy_from_slice(&ipv4(4, 2, 20));
    let error = Frame::view(&frame).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Frame.ip.ihl at offset 14: 2 fails the assertion `ihl >= 5`"
    );
    let mut table = ipv4(4, 5, 20).repeat(3);
    table[40] = 0x44;
    let error = Ipv4::records(&table).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Ipv4.ihl at offset 40: 4 fails the assertion `ihl >= 5`"
    );
}

fn settings(enabled: bool, count: u16, limit: u16, low: i32, high: i32, huge: i64) -> Vec<u8> {
    let mut bytes = vec![u8::from(enabled)];
    bytes.extend_from_slice(&count.to_le_bytes());
    bytes.extend_from_slice(&limit.to_le_bytes());
    bytes.extend_from_slice(&low.to_le_bytes());
    bytes.extend_from_slice(&high.to_le_bytes());
    bytes.extend_from_slice(&huge.to_le_bytes());
    bytes
}

#[test]
fn bools_min_max_and_checked_arithmetic() {
    let ok = settings(true, 3, 0, -5, 5, 1);
    assert!(Settings::view_with(&ok, Endian::Little).is_ok());
    let failures = [
        (
            settings(false, 1, 9, 0, 0, 0),
            "Settings.enabled at offset 0: 0 fails the assertion `enabled || count == 0`",
        ),
        (
            settings(true, 4, 2, 0, 0, 0),
            "Settings.count at offset 1: 4 fails the assertion \
             `count <= max(limit, 3) && !(low > high)`",
        ),
        (
            settings(true, 0, 0, 7, 6, 0),
            "Settings.count at offset 1: 0 fails the assertion \
             `count <= max(limit, 3) && !(low > high)`",
        ),
        (
            settings(true, 0, 0, -101, 6, 0),
            "Settings.low at offset 5: -101 fails the assertion `min(low, high) >= -100`",
        ),
        // 2^62 * 4 overflows i64: an assertion whose arithmetic overflows does not hold.
        (
            settings(true, 0, 0, 0, 0, 1 << 62),
            "Settings.huge at offset 13: 4611686018427387904 fails the assertion `huge * 4 >= 0`",
        ),
    ];
    for (bytes, message) in failures {
        let error = Settings::view_with(&bytes, Endian::Little).unwrap_err();
        assert_eq!(error.to_string(), message);
    }
    // The same bytes read big-endian are other numbers: the rules apply to what is read.
    let swapped = settings(true, 0x0100, 0, 0, 0, 0);
    assert!(Settings::view_with(&swapped, Endian::Little).is_err());
    assert!(Settings::view_with(&swapped, Endian::Big).is_ok());
}

#[test]
fn variable_length_records_check_their_fixed_fields() {
    let mut bytes = vec![3, b'a', b'b', b'c'];
    assert_eq!(Message::view(&bytes).unwrap().body(), b"abc");
    bytes[0] = 65;
    bytes.resize(66, 0);
    let error = Message::view(&bytes).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Message.len at offset 0: 65 fails the assertion `len <= 64`"
    );
}

#[test]
fn fields_list_each_assertion_on_its_first_field() {
    let asserts: Vec<(&str, &[&str])> = Ipv4::FIELDS
        .iter()
        .filter(|f| !f.asserts.is_empty())
        .map(|f| (f.name, f.asserts))
        .collect();
    assert_eq!(
        asserts,
        [
            ("version", &["version == 4"][..]),
            ("ihl", &["ihl >= 5"][..]),
            ("total_length", &["total_length >= ihl * 4"][..]),
        ]
    );
    assert_eq!(
        Settings::FIELDS[1].asserts,
        ["count <= max(limit, 3) && !(low > high)"]
    );
}

proptest! {
    #[test]
    fn a_view_exists_exactly_when_the_rules_hold(
        version in 0u8..16,
        ihl in 0u8..16,
        total_length in any::<u16>(),
    ) {
        let bytes = ipv4(version, ihl, total_length);
        let first_broken = if version != 4 {
            Some(("version == 4", i128::from(version)))
        } else if ihl < 5 {
            Some(("ihl >= 5", i128::from(ihl)))
        } else if u32::from(total_length) < u32::from(ihl) * 4 {
            Some(("total_length >= ihl * 4", i128::from(total_length)))
        } else {
            None
        };
        match (Ipv4::view(&bytes), first_broken) {
            (Ok(_), None) => {}
            (Err(error), Some((condition, value))) => {
                let ErrorKind::AssertFailed { condition: c, value: v, .. } = error.kind() else {
                    return Err(TestCaseError::fail(error.to_string()));
                };
                prop_assert_eq!((c, v), (condition, value));
            }
            (result, expected) => {
                prop_assert!(false, "{:?} where the reference says {:?}", result.map(|v| v.unpack()), expected)
            }
        }
    }
}

mod zero_alloc {
    use std::fmt::Write as _;

    use super::support::counting::{assert_counter_works, assert_no_alloc, StackText};
    use super::*;

    #[test]
    fn checking_assertions_allocates_nothing() {
        assert_counter_works();
        let good = ipv4(4, 5, 20);
        let bad = ipv4(4, 15, 20);
        assert_no_alloc("checking assertions", || {
            assert!(Ipv4::view(&good).is_ok());
            let error = Ipv4::view(&bad).unwrap_err();
            let mut text = StackText::new();
            write!(text, "{error}").unwrap();
            assert!(text.text().contains("total_length"));
        });
    }
}
