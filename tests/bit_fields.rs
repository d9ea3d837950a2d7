//! `#[overlay(bits = N)]`: fields packed into the bits of a group of bytes, checked against
//! headers whose bit layout is fixed by their RFCs (IPv4, TCP) and against values written out
//! by hand.

use overlay::{ErrorKind, FieldKind, Overlay};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Ecn {
    NotEct = 0,
    Ect1 = 1,
    Ect0 = 2,
    Ce = 3,
}

/// The fixed part of an IPv4 header (RFC 791): bits are numbered from the most significant.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Ipv4Header {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    #[overlay(bits = 6)]
    pub dscp: u8,
    #[overlay(bits = 2)]
    pub ecn: Ecn,
    pub total_length: u16,
    pub identification: u16,
    #[overlay(bits = 1)]
    pub reserved: bool,
    #[overlay(bits = 1)]
    pub dont_fragment: bool,
    #[overlay(bits = 1)]
    pub more_fragments: bool,
    #[overlay(bits = 13)]
    pub fragment_offset: u16,
    pub ttl: u8,
    pub protocol: u8,
    pub checksum: u16,
    pub source: [u8; 4],
    pub destination: [u8; 4],
}

/// TCP's data offset and flags (RFC 9293): 4 + 3 + 9 bits in one 16-bit group.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct TcpFlags {
    #[overlay(bits = 4)]
    pub data_offset: u8,
    #[overlay(bits = 3)]
    pub reserved: u8,
    #[overlay(bits = 9)]
    pub flags: u16,
}

/// A little-endian register: the first field takes the least significant bits, and a signed
/// field is sign-extended.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Register {
    #[overlay(bits = 3)]
    pub mode: u8,
    #[overlay(bits = 5)]
    pub delta: i8,
    #[overlay(bits = 24)]
    pub count: u32,
}

/// A real IPv4 header (a TCP segment from 172.16.10.99 to 172.16.10.12), the worked example of
/// the header checksum that textbooks and Wikipedia use; its checksum verifies below.
const PACKET: [u8; 20] = [
    0x45, 0x00, 0x00, 0x3c, 0x1c, 0x46, 0x40, 0x00, 0x40, 0x06, 0xb1, 0xe6, 0xac, 0x10, 0x0a, 0x63,
    0xac, 0x10, 0x0a, 0x0c,
];

/// The Internet checksum (RFC 1071) of a header: 0 for a header whose checksum is right.
fn internet_checksum(bytes: &[u8]) -> u16 {
    let mut sum: u32 = bytes
        .chunks(2)
        .map(|w| u32::from(u16::from_be_bytes([w[0], w[1]])))
        .sum();
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

#[test]
fn ipv4_header_fields_read_as_the_rfc_numbers_them() {
    assert_eq!(
        internet_checksum(&PACKET),
        0,
        "the sample is a valid header"
    );
    assert_eq!(Ipv4Header::SIZE, 20);
    assert_eq!(
        Ipv4Header::FORMAT,
        None,
        "Python's struct has no bit fields"
    );
    let ip = Ipv4Header::view(&PACKET).unwrap();
    assert_eq!(ip.version(), 4);
    assert_eq!(ip.ihl(), 5);
    assert_eq!(ip.dscp(), 0);
    assert_eq!(ip.ecn(), Ecn::NotEct);
    assert_eq!(ip.total_length(), 60);
    assert!(!ip.reserved());
    assert!(ip.dont_fragment());
    assert!(!ip.more_fragments());
    assert_eq!(ip.fragment_offset(), 0);
    assert_eq!(ip.ttl(), 64);
    assert_eq!(ip.protocol(), 6);
    assert_eq!(ip.source(), &[172, 16, 10, 99]);
    let owned = ip.unpack();
    assert_eq!(owned.to_bytes(), PACKET);
    assert_eq!(format!("{ip:?}"), format!("{owned:?}"));
}

#[test]
fn setters_write_only_their_bits_and_refuse_values_that_do_not_fit() {
    let mut bytes = PACKET;
    let mut ip = Ipv4Header::view_mut(&mut bytes).unwrap();
    ip.set_ihl(6).unwrap();
    ip.set_ecn(Ecn::Ce).unwrap();
    ip.set_more_fragments(true).unwrap();
    ip.set_fragment_offset(0x1abc).unwrap();
    let err = ip.set_ihl(16).unwrap_err();
    assert_eq!(err.to_string(), "Ipv4Header.ihl: 16 does not fit in 4 bits");
    assert!(matches!(
        err.kind(),
        ErrorKind::BitFieldOverflow {
            bits: 4,
            value: 16,
            ..
        }
    ));
    assert_eq!(ip.ihl(), 6, "a refused value writes nothing");
    assert_eq!(bytes[0], 0x46);
    assert_eq!(bytes[1], 0x03);
    assert_eq!(&bytes[6..8], &[0x40 | 0x20 | 0x1a, 0xbc]);
}

#[test]
fn an_unknown_enum_value_inside_a_bit_field_is_an_error() {
    #[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
    #[repr(u8)]
    enum Mode {
        Idle = 0,
        Run = 5,
    }
    #[derive(Overlay, Debug)]
    #[overlay(endian = "big")]
    struct Control {
        #[overlay(bits = 3)]
        mode: Mode,
        #[overlay(bits = 5)]
        level: u8,
    }
    let ok = Control::view(&[0b101_00011]).unwrap();
    assert_eq!((ok.mode(), ok.level()), (Mode::Run, 3));
    let err = Control::view(&[0b011_00000]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Control.mode at offset 0 (bits 5..8 of the byte at offset 0): 3 is not a valid Mode"
    );
    let _ = Mode::Idle;
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Gear {
    Park = 0,
    Drive = 1,
}

/// A 16-bit big-endian group after a byte: the first field takes the most significant bits, so
/// `gear` and `lit` are in the group's second byte.
#[derive(Overlay, Debug)]
#[overlay(endian = "big")]
pub struct Dash {
    pub tag: u8,
    #[overlay(bits = 12)]
    pub speed: u16,
    #[overlay(bits = 2)]
    pub gear: Gear,
    #[overlay(bits = 2)]
    pub lit: bool,
}

/// The same fields in a little-endian group, where the first field takes the least significant
/// bits: `gear` (bits 12..14) is in the group's second byte.
#[derive(Overlay, Debug)]
#[overlay(endian = "little")]
pub struct DashLe {
    pub tag: u8,
    #[overlay(bits = 12)]
    pub speed: u16,
    #[overlay(bits = 2)]
    pub gear: Gear,
    #[overlay(bits = 2)]
    pub lit: bool,
}

#[test]
fn a_bad_bit_field_names_the_byte_that_holds_it_and_its_bits() {
    // gear = 2 (bits 2..4 of 0x0008): the group's second byte, offset 2.
    let err = Dash::view(&[0, 0x00, 0x08]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Dash.gear at offset 2 (bits 2..4 of the 2-byte big-endian group at offset 1): 2 is not \
         a valid Gear"
    );
    assert_eq!(err.offset(), Some(2));
    match err.kind() {
        ErrorKind::InvalidEnum { bits, .. } => assert_eq!(
            bits,
            Some(overlay::BitRange {
                group: 1,
                size: 2,
                endian: overlay::Endian::Big,
                shift: 2,
                width: 2,
            })
        ),
        other => panic!("{other:?}"),
    }
    // lit = 2 (bits 0..2).
    let err = Dash::view(&[0, 0x00, 0x02]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Dash.lit at offset 2 (bits 0..2 of the 2-byte big-endian group at offset 1): 2 is not a \
         valid bool (expected 0 or 1)"
    );
    // speed's bits are in the first byte; a bad gear still names the second, wherever the
    // record is.
    let err = Dash::view_at(&[9, 9, 9, 0, 0xff, 0xfb], 3).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Dash.gear at offset 5 (bits 2..4 of the 2-byte big-endian group at offset 4): 2 is not \
         a valid Gear"
    );
    // Little-endian: gear = 3 is 0x3000, bytes [0x00, 0x30]; the second byte, offset 2.
    let err = DashLe::view(&[0, 0x00, 0x30]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "DashLe.gear at offset 2 (bits 12..14 of the 2-byte little-endian group at offset 1): 3 \
         is not a valid Gear"
    );
    // In a table of records, the offset counts from the table's start.
    let mut table = vec![0, 0x10, 0x04, 0, 0x00, 0x0c];
    let err = Dash::records(&table).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Dash.gear at offset 5 (bits 2..4 of the 2-byte big-endian group at offset 4): 3 is not \
         a valid Gear"
    );
    table[5] = 0x04;
    assert_eq!(Dash::records(&table).unwrap().len(), 2);
}

#[test]
fn tcp_flags_group_spans_two_bytes() {
    // Data offset 5, no reserved bits, SYN|ACK (0x012).
    let bytes = [0x50, 0x12];
    let tcp = TcpFlags::view(&bytes).unwrap();
    assert_eq!(
        (tcp.data_offset(), tcp.reserved(), tcp.flags()),
        (5, 0, 0x012)
    );
    let info = &TcpFlags::FIELDS[2];
    assert_eq!((info.offset, info.size, info.bits), (0, 2, Some((0, 9))));
    assert_eq!(TcpFlags::FIELDS[0].bits, Some((12, 4)));
    assert_eq!(info.kind, FieldKind::Scalar);
}

#[test]
fn little_endian_groups_start_at_the_least_significant_bit() {
    // mode = 5, delta = -3 (0b11101), count = 0x123456.
    let raw: u32 = 5 | (0b11101 << 3) | (0x12_3456 << 8);
    let bytes = raw.to_le_bytes();
    let reg = Register::view(&bytes).unwrap();
    assert_eq!((reg.mode(), reg.delta(), reg.count()), (5, -3, 0x12_3456));
    let mut copy = bytes;
    let mut reg = Register::view_mut(&mut copy).unwrap();
    reg.set_delta(-16).unwrap();
    assert!(reg.set_delta(16).is_err(), "5 signed bits hold -16..=15");
    assert_eq!(reg.delta(), -16);
    assert_eq!(Register::unpack(&copy).unwrap().count, 0x12_3456);
}

#[test]
fn pack_into_refuses_owned_values_too_wide_for_their_bits() {
    #[derive(Overlay, Debug, Clone, Copy, PartialEq)]
    #[overlay(endian = "big")]
    struct Outer {
        tag: u8,
        words: [TcpFlags; 2],
    }
    let mut value = Outer {
        tag: 1,
        words: [TcpFlags {
            data_offset: 5,
            reserved: 0,
            flags: 0x12,
        }; 2],
    };
    let mut bytes = [0xaau8; 5];
    value.pack_into(&mut bytes, 0).unwrap();
    assert_eq!(bytes, [1, 0x50, 0x12, 0x50, 0x12]);
    value.words[1].flags = 512;
    let err = value.pack_into(&mut bytes, 0).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Outer.words[1].flags: 512 does not fit in 9 bits"
    );
    assert_eq!(bytes, [1, 0x50, 0x12, 0x50, 0x12], "nothing was written");
}
