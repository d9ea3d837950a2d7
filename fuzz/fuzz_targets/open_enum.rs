//! Open enums (`#[overlay(other)]`): any bytes view, read as a hand-written `match` reads them,
//! write back to the same bytes, and every value written through a setter reads back (bit fields
//! refuse values that do not fit, and write nothing then); tables of open enums never fail.
//!
//! Input: the first 12 bytes are one `Frame`; byte 12 on are values to write and a table of
//! 16-bit codes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::{Endian, ErrorKind, Overlay};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum EtherType {
    Ipv4 = 0x0800,
    Arp = 0x0806,
    Ipv6 = 0x86dd,
    #[overlay(other)]
    Other(u16),
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i8)]
pub enum Step {
    Back = -1,
    Stay,
    Go,
    Far = 100,
    #[overlay(other)]
    Other(i8),
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Nibble {
    Zero = 0,
    Nine = 9,
    #[overlay(other)]
    Other(u8),
}

/// 12 bytes, big-endian, bit fields from the most significant bit.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "big")]
pub struct Frame {
    pub ether_type: EtherType,
    #[overlay(endian = "little")]
    pub little: EtherType,
    pub steps: [Step; 2],
    #[overlay(bits = 3)]
    pub high: Nibble,
    #[overlay(bits = 5)]
    pub low: Nibble,
    pub pad: u8,
    pub tail: u32,
}

fn ether_type(raw: u16) -> EtherType {
    match raw {
        0x0800 => EtherType::Ipv4,
        0x0806 => EtherType::Arp,
        0x86dd => EtherType::Ipv6,
        other => EtherType::Other(other),
    }
}

fn step(raw: u8) -> Step {
    match raw as i8 {
        -1 => Step::Back,
        0 => Step::Stay,
        1 => Step::Go,
        100 => Step::Far,
        other => Step::Other(other),
    }
}

fn nibble(raw: u8) -> Nibble {
    match raw {
        0 => Nibble::Zero,
        9 => Nibble::Nine,
        other => Nibble::Other(other),
    }
}

fn reference(b: &[u8; 12]) -> Frame {
    Frame {
        ether_type: ether_type(u16::from_be_bytes([b[0], b[1]])),
        little: ether_type(u16::from_le_bytes([b[2], b[3]])),
        steps: [step(b[4]), step(b[5])],
        high: nibble(b[6] >> 5),
        low: nibble(b[6] & 0x1f),
        pad: b[7],
        tail: u32::from_be_bytes([b[8], b[9], b[10], b[11]]),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<12>() else {
        let error = Frame::view(data).unwrap_err();
        assert!(
            matches!(error.kind(), ErrorKind::WrongLength { .. }),
            "{error}"
        );
        return;
    };
    let expected = reference(head);
    let view = Frame::view(head).expect("open enums accept every code");
    assert_eq!(view.unpack(), expected);
    assert_eq!(Frame::unpack(head).unwrap(), expected);
    assert_eq!(&expected.to_bytes(), head, "raw codes round-trip");
    let _ = overlay::hexdump::<Frame>(data).to_string();

    // Setters: each value reads back; bit fields refuse what does not fit and write nothing.
    let mut bytes = *head;
    let pick = |i: usize| rest.get(i).copied().unwrap_or(0);
    let mut frame = Frame::view_mut(&mut bytes).unwrap();
    let code = ether_type(u16::from_le_bytes([pick(0), pick(1)]));
    frame.set_ether_type(code);
    frame.set_little(EtherType::Other(u16::from_be_bytes([pick(2), pick(3)])));
    let high = nibble(pick(4));
    let before = frame.as_bytes().to_vec();
    match frame.set_high(high) {
        Ok(()) => assert_eq!(frame.high(), high),
        Err(error) => {
            assert!(
                matches!(error.kind(), ErrorKind::BitFieldOverflow { .. }),
                "{error}"
            );
            assert!(pick(4) >= 8, "{high:?} fits 3 bits");
            assert_eq!(
                frame.as_bytes()[6],
                before[6],
                "a refused value writes nothing"
            );
        }
    }
    assert_eq!(frame.ether_type(), code);
    assert_eq!(
        frame.little(),
        ether_type(u16::from_be_bytes([pick(2), pick(3)]))
    );

    // A table of big-endian codes: every record reads, none fails.
    let whole = rest.len() / 2 * 2;
    let table = EtherType::records_with(&rest[..whole], Endian::Big).unwrap();
    for (i, code) in table.iter().enumerate() {
        assert_eq!(
            code,
            ether_type(u16::from_be_bytes([rest[2 * i], rest[2 * i + 1]]))
        );
        assert_eq!(table.get(i), Some(code));
    }
    assert_eq!(table.get(table.len()), None);
});
