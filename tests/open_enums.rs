//! Open enums: `#[overlay(other)] Other(u16)` keeps every code no variant names, so reading never
//! fails on an unknown code and writing gives back the raw value.
//!
//! - Known codes read as their variants and unknown ones as the catch-all with the raw value,
//!   for every repr and byte order, implicit discriminants included (compared with the same
//!   enum without a catch-all, which Rust numbers and casts itself).
//! - Every byte of a `u8` open enum, and seeded 16-bit codes, against a hand-written `match`.
//! - In records, tables, arrays and bit fields; `FIELDS` and the hexdump show the catch-all
//!   (serde: `tests/features/tests/serde.rs`).
//! - Closed enums still reject unknown codes.
//! - The property tests: arbitrary bytes never make a view fail or panic, views agree with the
//!   reference decoder, and writing then reading gives back the same value and bytes.
//! - `zero_alloc`: reading and writing open enums allocates nothing.

#[macro_use]
mod support;

use overlay::{Endian, ErrorKind, FieldKind, Overlay, ValueType};
use proptest::prelude::*;

/// EtherType (IEEE 802): three codes named, every other kept.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum EtherType {
    Ipv4 = 0x0800,
    Arp = 0x0806,
    Ipv6 = 0x86dd,
    #[overlay(other)]
    Other(u16),
}

/// The same codes as a closed enum: unknown codes are errors.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum ClosedEtherType {
    Ipv4 = 0x0800,
    Arp = 0x0806,
    Ipv6 = 0x86dd,
}

/// Implicit discriminants after explicit ones, as Rust numbers them: 0, 1, 10, 11, 12, 40.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Numbered {
    A,
    B,
    C = 10,
    D,
    E,
    F = 40,
    #[overlay(other)]
    Other(u8),
}

/// `Numbered` without a catch-all: Rust's own numbering, read with `as`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum NumberedByRust {
    A,
    B,
    C = 10,
    D,
    E,
    F = 40,
}

/// Negative codes, a byte order of its own.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i16)]
#[overlay(endian = "big")]
pub enum Signed {
    Low = -300,
    Zero = 0,
    High = 300,
    #[overlay(other)]
    Unknown(i16),
}

/// Only a catch-all: every code is kept.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum AnyCode {
    #[overlay(other)]
    Raw(u64),
}

/// A 4-bit open enum for bit fields.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Nibble {
    Zero = 0,
    Five = 5,
    #[overlay(other)]
    Other(u8),
}

/// An Ethernet II header.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "big")]
pub struct Ethernet {
    pub destination: [u8; 6],
    pub source: [u8; 6],
    pub ether_type: EtherType,
}

/// Open enums in every position: little-endian field, array, bit fields (the first in the high
/// bits), an enum of its own byte order.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "little", bit_order = "msb")]
pub struct Mixed {
    pub little: EtherType,
    pub codes: [Numbered; 3],
    #[overlay(bits = 4)]
    pub high: Nibble,
    #[overlay(bits = 4)]
    pub low: Nibble,
    pub signed: Signed,
    pub any: AnyCode,
}

/// The reference decoder: a hand-written `match`.
fn ether_type(raw: u16) -> EtherType {
    match raw {
        0x0800 => EtherType::Ipv4,
        0x0806 => EtherType::Arp,
        0x86dd => EtherType::Ipv6,
        other => EtherType::Other(other),
    }
}

fn numbered(raw: u8) -> Numbered {
    match raw {
        0 => Numbered::A,
        1 => Numbered::B,
        10 => Numbered::C,
        11 => Numbered::D,
        12 => Numbered::E,
        40 => Numbered::F,
        other => Numbered::Other(other),
    }
}

fn signed(raw: i16) -> Signed {
    match raw {
        -300 => Signed::Low,
        0 => Signed::Zero,
        300 => Signed::High,
        other => Signed::Unknown(other),
    }
}

fn nibble(raw: u8) -> Nibble {
    match raw {
        0 => Nibble::Zero,
        5 => Nibble::Five,
        other => Nibble::Other(other),
    }
}

/// `Mixed` read by hand from its bytes.
fn mixed_reference(bytes: &[u8; 16]) -> Mixed {
    Mixed {
        little: ether_type(u16::from_le_bytes([bytes[0], bytes[1]])),
        codes: [numbered(bytes[2]), numbered(bytes[3]), numbered(bytes[4])],
        high: nibble(bytes[5] >> 4),
        low: nibble(bytes[5] & 0x0f),
        signed: signed(i16::from_be_bytes([bytes[6], bytes[7]])),
        any: AnyCode::Raw(u64::from_le_bytes(bytes[8..16].try_into().unwrap())),
    }
}

#[test]
fn known_codes_are_variants_and_unknown_codes_are_kept() {
    for (bytes, expected) in [
        ([0x08, 0x00], EtherType::Ipv4),
        ([0x86, 0xdd], EtherType::Ipv6),
        ([0x88, 0xcc], EtherType::Other(0x88cc)),
        ([0x00, 0x00], EtherType::Other(0)),
    ] {
        // Big-endian through a record, little-endian and big-endian on its own.
        let mut frame = [0u8; 14];
        frame[12..].copy_from_slice(&bytes);
        assert_eq!(Ethernet::view(&frame).unwrap().ether_type(), expected);
        assert_eq!(EtherType::view_with(&bytes, Endian::Big).unwrap(), expected);
        let swapped = [bytes[1], bytes[0]];
        assert_eq!(EtherType::view(&swapped).unwrap(), expected);
    }
}

#[test]
fn closed_enums_still_reject_unknown_codes() {
    let error = ClosedEtherType::view_with(&[0x88, 0xcc], Endian::Big).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::InvalidEnum { value: 0x88cc, .. }),
        "{error}"
    );
    assert_eq!(
        ClosedEtherType::view_with(&[0x08, 0x06], Endian::Big).unwrap(),
        ClosedEtherType::Arp
    );
}

#[test]
fn implicit_discriminants_are_rusts() {
    let by_rust = [
        (Numbered::A, NumberedByRust::A),
        (Numbered::B, NumberedByRust::B),
        (Numbered::C, NumberedByRust::C),
        (Numbered::D, NumberedByRust::D),
        (Numbered::E, NumberedByRust::E),
        (Numbered::F, NumberedByRust::F),
    ];
    for (ours, rusts) in by_rust {
        let code = rusts as u8;
        assert_eq!(Numbered::view(&[code]).unwrap(), ours);
        let mut out = [0u8];
        ours.pack_into(&mut out, 0).unwrap();
        assert_eq!(out, [code]);
    }
}

#[test]
fn every_byte_reads_as_the_reference_and_writes_back() {
    for raw in 0..=u8::MAX {
        let value = Numbered::view(&[raw]).unwrap();
        assert_eq!(value, numbered(raw), "code {raw}");
        let mut out = [0u8];
        value.pack_into(&mut out, 0).unwrap();
        assert_eq!(out, [raw], "{value:?} writes its code back");
    }
}

#[test]
fn writing_the_catch_all_writes_its_raw_value() {
    let mut frame = [0u8; 14];
    let mut view = Ethernet::view_mut(&mut frame).unwrap();
    view.set_ether_type(EtherType::Other(0x88cc));
    assert_eq!(&frame[12..], &[0x88, 0xcc]);
    let mut view = Ethernet::view_mut(&mut frame).unwrap();
    view.set_ether_type(EtherType::Ipv6);
    assert_eq!(&frame[12..], &[0x86, 0xdd]);
    // A catch-all holding a named code writes that code, which reads back as the variant.
    let mut view = Ethernet::view_mut(&mut frame).unwrap();
    view.set_ether_type(EtherType::Other(0x0800));
    assert_eq!(view.ether_type(), EtherType::Ipv4);
}

#[test]
fn tables_of_open_enums_never_fail() {
    let bytes: Vec<u8> = (0..=255u8).collect();
    let codes = Numbered::records(&bytes).unwrap();
    assert_eq!(codes.len(), 256);
    for (raw, code) in codes.iter().enumerate() {
        assert_eq!(code, numbered(raw as u8));
    }
    assert_eq!(codes.get(40), Some(Numbered::F));
    assert_eq!(codes.get(41), Some(Numbered::Other(41)));
}

#[test]
fn open_enum_bit_fields_keep_unknown_values_and_refuse_what_does_not_fit() {
    let mut bytes = [0u8; 16];
    bytes[5] = 0x5c; // high nibble 5 (Five), low nibble 12 (unknown)
    let view = Mixed::view(&bytes).unwrap();
    assert_eq!(view.high(), Nibble::Five);
    assert_eq!(view.low(), Nibble::Other(12));
    let mut view = Mixed::view_mut(&mut bytes).unwrap();
    view.set_low(Nibble::Other(9)).unwrap();
    assert_eq!(bytes[5], 0x59);
    let mut view = Mixed::view_mut(&mut bytes).unwrap();
    let error = view.set_high(Nibble::Other(16)).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::BitFieldOverflow { .. }),
        "{error}"
    );
    assert_eq!(bytes[5], 0x59, "a refused value writes nothing");
}

#[test]
fn fields_and_hexdump_show_the_catch_all() {
    let info = &Ethernet::FIELDS[2];
    assert_eq!((info.name, info.kind), ("ether_type", FieldKind::Enum));
    let Some(ValueType::Enum(enum_type)) = info.value else {
        panic!("ether_type is an enum value: {info:?}");
    };
    assert_eq!(enum_type.other, Some("Other"));
    assert_eq!(enum_type.variant(0x86dd), Some("Ipv6"));
    let closed = <ClosedEtherType as Overlay>::FORMAT;
    assert_eq!(closed, <EtherType as Overlay>::FORMAT);
    // Python's struct reads either as one little-endian unsigned short.
    assert_eq!(<EtherType as Overlay>::FORMAT, Some("<H"));

    let mut frame = [0u8; 14];
    frame[12..].copy_from_slice(&[0x88, 0xcc]);
    let dump = overlay::hexdump::<Ethernet>(&frame).to_string();
    assert!(dump.contains("Other(35020)"), "{dump}");
    frame[12..].copy_from_slice(&[0x08, 0x06]);
    let dump = overlay::hexdump::<Ethernet>(&frame).to_string();
    assert!(dump.contains("Arp"), "{dump}");
}

proptest! {
    #[test]
    fn any_bytes_read_as_the_reference(bytes in proptest::array::uniform16(any::<u8>())) {
        let view = Mixed::view(&bytes).expect("an open enum accepts every code");
        let expected = mixed_reference(&bytes);
        prop_assert_eq!(view.unpack(), expected);
        prop_assert_eq!(Mixed::unpack(&bytes).unwrap(), expected);
        prop_assert_eq!(view.codes().iter().collect::<Vec<_>>(), expected.codes.to_vec());
    }

    #[test]
    fn writing_then_reading_gives_back_value_and_bytes(bytes in proptest::array::uniform16(any::<u8>())) {
        let value = Mixed::unpack(&bytes).unwrap();
        let written = value.to_bytes();
        prop_assert_eq!(written, bytes, "raw codes round-trip through the catch-all");
        let mut out = [0u8; 16];
        let mut view = Mixed::view_mut(&mut out).unwrap();
        view.pack(&value);
        prop_assert_eq!(out, bytes);
        prop_assert_eq!(Mixed::view(&out).unwrap().unpack(), value);
    }

    #[test]
    fn any_prefix_is_an_error_or_a_view(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
        match Mixed::view_prefix(&bytes) {
            Ok((view, rest)) => {
                prop_assert_eq!(rest.len(), bytes.len() - 16);
                let _ = format!("{view:?}");
            }
            Err(error) => {
                prop_assert!(bytes.len() < 16);
                prop_assert!(matches!(error.kind(), ErrorKind::TooShort { .. }), "{}", error);
            }
        }
        let _ = overlay::hexdump::<Mixed>(&bytes).to_string();
    }
}

mod zero_alloc {
    use super::support::counting::{assert_counter_works, assert_no_alloc};
    use super::*;

    #[test]
    fn reading_and_writing_open_enums_allocates_nothing() {
        assert_counter_works();
        let mut bytes = [0x5cu8; 16];
        assert_no_alloc("reading open enums", || {
            let view = Mixed::view(&bytes).unwrap();
            (
                view.little(),
                view.low(),
                view.signed(),
                view.any(),
                view.unpack(),
            )
        });
        assert_no_alloc("writing open enums", || {
            let mut view = Mixed::view_mut(&mut bytes).unwrap();
            view.set_little(EtherType::Other(7));
            view.set_low(Nibble::Other(3)).unwrap();
            let _ = view.set_high(Nibble::Other(99));
            view.set_any(AnyCode::Raw(u64::MAX));
        });
    }
}
