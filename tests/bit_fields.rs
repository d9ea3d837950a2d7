//! `#[overlay(bits = N)]`: fields packed into the bits of a group of bytes.
//!
//! - The unit tests check headers whose bit layout is fixed by their RFCs (IPv4, TCP) and
//!   values written out by hand.
//! - `ctypes`: CPython's `ctypes` as the outside oracle. `BigEndianStructure` and
//!   `LittleEndianStructure` with bit widths lay out the same bits as `#[overlay(bits = N)]` in
//!   big-endian (most significant first) and little-endian (least significant first) structs:
//!   seeded random values are packed by ctypes and read by overlay, and the reverse.
//! - The property tests (tests/support/shapes.rs) cover groups of 1 to 8 bytes in both byte
//!   orders and both bit orders, with bool, enum (gapped, signed, 16-bit) and signed fields:
//!   no input makes an entry point panic, views read what `unpack` reads, owned values match
//!   bytes packed by hand with shifts and masks, and each setter either writes exactly its
//!   value inside its group or refuses with `BitFieldOverflow` and writes nothing.
//! - `zero_alloc`: bit-field getters and setters (a refused value included) allocate nothing.

#[macro_use]
mod support;

use overlay::{Endian, ErrorKind, FieldKind, Overlay};
use support::shapes::Reference;
use support::types::{mode, Entry, Grade, Item, Mode, Sign, Unit};
use support::values::*;

enum_value! {
    pub enum Ecn: u8 { NotEct = 0, Ect1 = 1, Ect0 = 2, Ce = 3 }
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
    #[derive(Overlay, Debug)]
    #[overlay(endian = "big")]
    struct Control {
        #[overlay(bits = 3)]
        mode: Mode,
        #[overlay(bits = 5)]
        level: u8,
    }
    let ok = Control::view(&[0b101_00011]).unwrap();
    assert_eq!((ok.mode(), ok.level()), (Mode::Stop, 3));
    let err = Control::view(&[0b011_00000]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Control.mode at offset 0 (bits 5..8 of the byte at offset 0): 3 is not a valid Mode"
    );
}

enum_value! {
    pub enum Gear: u8 { Park = 0, Drive = 1 }
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

// ---- CPython's ctypes as the oracle ----

const PYTHON: &str = r#"
import ctypes as c, sys
class TcpFlags(c.BigEndianStructure):
    _pack_ = 1
    _fields_ = [("data_offset", c.c_uint16, 4), ("reserved", c.c_uint16, 3), ("flags", c.c_uint16, 9)]
class Register(c.LittleEndianStructure):
    _pack_ = 1
    _fields_ = [("mode", c.c_uint32, 3), ("delta", c.c_int32, 5), ("count", c.c_uint32, 24)]
types = {"TcpFlags": TcpFlags, "Register": Register}
for line in sys.stdin:
    kind, name, rest = line.split(" ", 2)
    t = types[name]
    if kind == "pack":
        values = [int(v) for v in rest.split()]
        print(bytes(t(*values)).hex())
    else:
        s = t.from_buffer_copy(bytes.fromhex(rest.strip()))
        print(" ".join(str(getattr(s, f[0])) for f in t._fields_))
"#;

fn python(input: &str) -> Option<Vec<String>> {
    if !support::tools::python_with("ctypes", "the ctypes comparison") {
        return None;
    }
    let output = support::tools::run_python(PYTHON, &[], input.to_owned());
    Some(output.lines().map(str::to_owned).collect())
}

#[test]
fn overlay_and_ctypes_agree_on_bit_layouts() {
    let mut rng = Rng::new(2026);
    let mut input = String::new();
    let mut tcp = Vec::new();
    let mut regs = Vec::new();
    for _ in 0..300 {
        let t = TcpFlags {
            data_offset: (rng.next_u64() % 16) as u8,
            reserved: (rng.next_u64() % 8) as u8,
            flags: (rng.next_u64() % 512) as u16,
        };
        let r = Register {
            mode: (rng.next_u64() % 8) as u8,
            delta: (rng.next_u64() % 32) as i8 - 16,
            count: (rng.next_u64() % (1 << 24)) as u32,
        };
        input += &format!(
            "pack TcpFlags {} {} {}\n",
            t.data_offset, t.reserved, t.flags
        );
        input += &format!("pack Register {} {} {}\n", r.mode, r.delta, r.count);
        let (tb, rb) = (rng.next_u64().to_be_bytes(), rng.next_u64().to_be_bytes());
        input += &format!("read TcpFlags {:02x}{:02x}\n", tb[0], tb[1]);
        input += &format!(
            "read Register {:02x}{:02x}{:02x}{:02x}\n",
            rb[0], rb[1], rb[2], rb[3]
        );
        tcp.push((t, [tb[0], tb[1]]));
        regs.push((r, [rb[0], rb[1], rb[2], rb[3]]));
    }
    let Some(lines) = python(&input) else { return };
    assert_eq!(lines.len(), 4 * tcp.len());
    for (i, ((t, tb), (r, rb))) in tcp.iter().zip(&regs).enumerate() {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            lines[4 * i],
            hex(&t.to_bytes()),
            "ctypes packs {t:?} the same"
        );
        assert_eq!(
            lines[4 * i + 1],
            hex(&r.to_bytes()),
            "ctypes packs {r:?} the same"
        );
        let v = TcpFlags::view(tb).unwrap();
        assert_eq!(
            lines[4 * i + 2],
            format!("{} {} {}", v.data_offset(), v.reserved(), v.flags())
        );
        let v = Register::view(rb).unwrap();
        assert_eq!(
            lines[4 * i + 3],
            format!("{} {} {}", v.mode(), v.delta(), v.count())
        );
    }
}

// ---- Property tests (tests/support/shapes.rs) ----

record! {
    /// Big-endian, so bits are numbered from the most significant: groups of 1, 2, 3, 4 and 8
    /// bytes, with bool, enum (gapped, signed, 16-bit) and signed fields.
    #[overlay(endian = "big")]
    pub struct BitsBe {
        #[overlay(bits = 1)]
        flag: bool,
        #[overlay(bits = 3)]
        mode: Mode in mode(),
        #[overlay(bits = 4)]
        nibble: u8 in uint(4),
        plain: u8,
        #[overlay(bits = 5)]
        small: i8 in sint(5),
        #[overlay(bits = 11)]
        wide: u16 in uint(11),
        sep: u16,
        #[overlay(bits = 2)]
        sign: Sign,
        #[overlay(bits = 10)]
        level: Grade,
        #[overlay(bits = 12)]
        s12: i16 in sint(12),
        sep2: u8,
        #[overlay(bits = 31)]
        big: i32 in sint(31),
        #[overlay(bits = 1)]
        last: bool,
        sep3: u8,
        #[overlay(bits = 7)]
        a7: u8 in uint(7),
        #[overlay(bits = 40)]
        b40: i64 in sint(40),
        #[overlay(bits = 17)]
        c17: u32 in uint(17),
    }
}

reference!(BitsBe, Endian::Big, |x, out| {
    out.bits(
        &[
            (x.flag.number(), 1),
            (x.mode.number(), 3),
            (x.nibble.into(), 4),
        ],
        true,
    )
    .raw(&[x.plain])
    .bits(&[(x.small.into(), 5), (x.wide.into(), 11)], true)
    .raw(&x.sep.to_be_bytes())
    .bits(
        &[
            (x.sign.number(), 2),
            (x.level.number(), 10),
            (x.s12.into(), 12),
        ],
        true,
    )
    .raw(&[x.sep2])
    .bits(&[(x.big.into(), 31), (x.last.number(), 1)], true)
    .raw(&[x.sep3])
    .bits(
        &[(x.a7.into(), 7), (x.b40.into(), 40), (x.c17.into(), 17)],
        true,
    );
});

record! {
    /// Little-endian, so bits are numbered from the least significant: full-width fields (8,
    /// 32 and 64 bits, signed and not), a 63-bit field, and groups of 1, 2, 3, 4 and 8 bytes.
    pub struct BitsLe {
        #[overlay(bits = 8)]
        byte: i8,
        sep0: u8,
        #[overlay(bits = 3)]
        lo: u8 in uint(3),
        #[overlay(bits = 1)]
        on: bool,
        #[overlay(bits = 2)]
        sign: Sign,
        #[overlay(bits = 10)]
        level: Grade,
        sep: i16,
        #[overlay(bits = 3)]
        mode: Mode in mode(),
        #[overlay(bits = 21)]
        mid: i32 in sint(21),
        sep2: u8,
        #[overlay(bits = 32)]
        all: u32,
        sep3: u8,
        #[overlay(bits = 64)]
        full: i64,
        sep4: u8,
        #[overlay(bits = 1)]
        top: bool,
        #[overlay(bits = 63)]
        tail63: u64 in uint(63),
    }
}

reference!(BitsLe, Endian::Little, |x, out| {
    out.bits(&[(x.byte.into(), 8)], false)
        .raw(&[x.sep0])
        .bits(
            &[
                (x.lo.into(), 3),
                (x.on.number(), 1),
                (x.sign.number(), 2),
                (x.level.number(), 10),
            ],
            false,
        )
        .raw(&x.sep.to_le_bytes())
        .bits(&[(x.mode.number(), 3), (x.mid.into(), 21)], false)
        .raw(&[x.sep2])
        .bits(&[(x.all.into(), 32)], false)
        .raw(&[x.sep3])
        .bits(&[(x.full.into(), 64)], false)
        .raw(&[x.sep4])
        .bits(&[(x.top.number(), 1), (x.tail63.into(), 63)], false);
});

record! {
    /// Big-endian bytes, bits from the least significant (`bit_order` overrides the default).
    #[overlay(endian = "big", bit_order = "lsb")]
    pub struct BeLsb {
        #[overlay(bits = 4)]
        a: u8 in uint(4),
        #[overlay(bits = 12)]
        b: u16 in uint(12),
        sep: u8,
        #[overlay(bits = 1)]
        c: bool,
        #[overlay(bits = 7)]
        d: i8 in sint(7),
    }
}

reference!(BeLsb, Endian::Big, |x, out| {
    out.bits(&[(x.a.into(), 4), (x.b.into(), 12)], false)
        .raw(&[x.sep])
        .bits(&[(x.c.number(), 1), (x.d.into(), 7)], false);
});

record! {
    /// Little-endian bytes, bits from the most significant.
    #[overlay(endian = "little", bit_order = "msb")]
    pub struct LeMsb {
        #[overlay(bits = 4)]
        a: u8 in uint(4),
        #[overlay(bits = 12)]
        b: u16 in uint(12),
        sep: u8,
        #[overlay(bits = 2)]
        c: Sign,
        #[overlay(bits = 22)]
        d: u32 in uint(22),
    }
}

reference!(LeMsb, Endian::Little, |x, out| {
    out.bits(&[(x.a.into(), 4), (x.b.into(), 12)], true)
        .raw(&[x.sep])
        .bits(&[(x.c.number(), 2), (x.d.into(), 22)], true);
});

fixed_properties!(
    bits_be: BitsBe,
    bits_le: BitsLe,
    be_lsb: BeLsb,
    le_msb: LeMsb,
    item: Item,
    entry: Entry,
);

setter_properties!(bits_be_setters: BitsBe {
    flag / set_flag: bool,
    mode / set_mode: Mode,
    nibble / set_nibble: u8,
    small / set_small: i8,
    wide / set_wide: u16,
    sign / set_sign: Sign,
    level / set_level: Grade,
    s12 / set_s12: i16,
    big / set_big: i32,
    last / set_last: bool,
    a7 / set_a7: u8,
    b40 / set_b40: i64,
    c17 / set_c17: u32,
});

setter_properties!(bits_le_setters: BitsLe {
    byte / set_byte: i8,
    lo / set_lo: u8,
    on / set_on: bool,
    sign / set_sign: Sign,
    level / set_level: Grade,
    mode / set_mode: Mode,
    mid / set_mid: i32,
    all / set_all: u32,
    full / set_full: i64,
    top / set_top: bool,
    tail63 / set_tail63: u64,
});

setter_properties!(be_lsb_setters: BeLsb {
    a / set_a: u8,
    b / set_b: u16,
    c / set_c: bool,
    d / set_d: i8,
});

setter_properties!(le_msb_setters: LeMsb {
    a / set_a: u8,
    b / set_b: u16,
    c / set_c: Sign,
    d / set_d: u32,
});

setter_properties!(item_setters: Item {
    unit / set_unit: Unit,
    channel / set_channel: u8,
});

setter_properties!(entry_setters: Entry {
    mode / set_mode: Mode,
    weight / set_weight: u8,
});

mod zero_alloc {
    use std::fmt::Write as _;

    use super::support::counting::{assert_counter_works, assert_no_alloc, StackText};
    use super::support::types::{Grade, Mode, Sign};
    use super::support::values::Value;
    use super::{BitsBe, BitsLe};
    use overlay::Overlay;

    fn sample_bits_be() -> BitsBe {
        BitsBe {
            flag: true,
            mode: Mode::Stop,
            nibble: 9,
            plain: 7,
            small: -16,
            wide: 2047,
            sep: 1,
            sign: Sign::Minus,
            level: Grade::Mid,
            s12: -1234,
            sep2: 2,
            big: -(1 << 30),
            last: true,
            sep3: 3,
            a7: 127,
            b40: -(1 << 39),
            c17: 0x1_2345,
        }
    }

    #[test]
    fn bit_field_getters_and_setters_allocate_nothing() {
        assert_counter_works();

        // Prepared outside the measured blocks.
        let bits_be = sample_bits_be().to_bytes();
        let bits_le = BitsLe {
            mode: Mode::Run,
            mid: -4096,
            sep: 9,
            full: i64::MIN,
            ..BitsLe::zero()
        }
        .to_bytes();
        let mut scratch = bits_be;
        let mut text = StackText::new();

        assert_no_alloc("bit-field getters", || {
            let v = BitsBe::view(&bits_be).unwrap();
            let mut sum = i64::from(v.flag()) + v.mode() as i64 + i64::from(v.nibble());
            sum += i64::from(v.plain()) + i64::from(v.small()) + i64::from(v.wide());
            sum += i64::from(v.sep()) + v.sign() as i64 + v.level() as i64;
            sum += i64::from(v.s12()) + i64::from(v.sep2());
            sum += i64::from(v.big()) + i64::from(v.last()) + i64::from(v.sep3());
            sum += i64::from(v.a7()) + v.b40() + i64::from(v.c17());
            let le = BitsLe::view(&bits_le).unwrap();
            sum += i64::from(le.byte()) + i64::from(le.lo()) + i64::from(le.on());
            sum += le.sign() as i64 + le.level() as i64 + i64::from(le.sep());
            sum += le.mode() as i64 + i64::from(le.mid()) + i64::from(le.all());
            sum = sum.wrapping_add(le.full());
            sum = sum.wrapping_add(le.tail63() as i64) + i64::from(le.top());
            (
                sum,
                v.unpack(),
                le.unpack(),
                BitsBe::unpack(&bits_be).unwrap(),
            )
        });

        assert_no_alloc("bit-field setters, a refused value and its message", || {
            let mut v = BitsBe::view_mut(&mut scratch).unwrap();
            v.set_flag(false).unwrap();
            v.set_mode(Mode::Run).unwrap();
            v.set_nibble(15).unwrap();
            v.set_small(15).unwrap();
            v.set_wide(0).unwrap();
            v.set_sign(Sign::Zero).unwrap();
            v.set_level(Grade::High).unwrap();
            v.set_s12(-1).unwrap();
            v.set_big(-1).unwrap();
            v.set_last(false).unwrap();
            v.set_a7(0).unwrap();
            v.set_b40((1 << 39) - 1).unwrap();
            v.set_c17(1).unwrap();
            let refused = v.set_mode(Mode::Huge).unwrap_err();
            let too_wide = v.set_nibble(16).is_err() && v.set_b40(1 << 39).is_err();
            write!(text, "{refused}").unwrap();
            let read = (v.mode(), v.b40(), v.as_view().c17());
            let mut le = bits_le;
            let mut le = BitsLe::view_mut(&mut le).unwrap();
            le.set_full(i64::MAX).unwrap();
            le.set_mid((1 << 20) - 1).unwrap();
            let refused_le = le.set_mid(1 << 20).is_err();
            (too_wide, read, refused_le, le.full())
        });
    }
}
