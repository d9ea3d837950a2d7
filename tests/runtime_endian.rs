//! `#[overlay(endian = "runtime")]`: the byte order is chosen when the view is made, for
//! formats that announce it in their data (pcap's magic, ELF's EI_DATA, TIFF's II/MM).
//!
//! - The unit tests read and write a pcap header in both orders, against bytes written out by
//!   hand.
//! - The property tests (tests/support/shapes.rs) cover every kind of field a run-time record
//!   can hold (nested run-time records, alone and in arrays; nested fixed-order records; fields
//!   and enums with an order of their own; bit groups in both bit orders): no input makes an
//!   entry point panic, views read what `unpack` reads in the order given, owned values match
//!   bytes written by hand in both orders, and bit-field setters write exactly their bits.
//! - `zero_alloc`: views, getters, setters and tables in a run-time order allocate nothing.

#[macro_use]
mod support;

use overlay::{Endian, Overlay, Records};
use support::shapes::{Out, Reference, ENDIANS};
use support::types::{RtInner, RtKind, Sign};
use support::values::*;

enum_value! {
    pub enum LinkType: u16 { Ethernet = 1, Raw = 101 }
}

/// A nested run-time record: it inherits its parent's byte order.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime")]
pub struct Version {
    pub major: u16,
    pub minor: u16,
}

/// A nested record with a byte order of its own keeps it.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Tag {
    pub id: u32,
}

/// The classic pcap global header, in whichever byte order the capture was written.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime")]
pub struct PcapHeader {
    pub magic: u32,
    pub version: Version,
    pub thiszone: i32,
    pub sigfigs: u32,
    pub snaplen: u32,
    pub network: LinkType,
    #[overlay(pad)]
    pub _pad: [u8; 2],
    pub tag: Tag,
    #[overlay(endian = "little")]
    pub always_little: u16,
}

fn header(endian: Endian) -> Vec<u8> {
    let mut out = Out::new(endian);
    put!(out, 0xa1b2_c3d4u32);
    put!(out, 2u16);
    put!(out, 4u16);
    put!(out, -3600i32);
    put!(out, 0u32);
    put!(out, 65535u32);
    put!(out, 101u16);
    out.raw(&[0, 0])
        .raw(&7u32.to_be_bytes())
        .raw(&0x0102u16.to_le_bytes())
        .done()
}

/// What a pcap reader does: look at the magic, then view in that order.
fn detect(bytes: &[u8]) -> Endian {
    if bytes[..4] == 0xa1b2_c3d4u32.to_le_bytes() {
        Endian::Little
    } else {
        Endian::Big
    }
}

#[test]
fn the_same_type_reads_both_byte_orders() {
    for endian in [Endian::Little, Endian::Big] {
        let bytes = header(endian);
        assert_eq!(bytes.len(), PcapHeader::SIZE);
        let view = PcapHeader::view_with(&bytes, detect(&bytes)).unwrap();
        assert_eq!(view.magic(), 0xa1b2_c3d4, "{endian:?}");
        assert_eq!(view.version().major(), 2, "nested run-time records inherit");
        assert_eq!(view.version().minor(), 4);
        assert_eq!(view.thiszone(), -3600);
        assert_eq!(view.snaplen(), 65535);
        assert_eq!(
            view.network(),
            LinkType::Raw,
            "enums read in the chosen order"
        );
        assert_eq!(view.tag().id(), 7, "fixed-order nested records keep theirs");
        assert_eq!(
            view.always_little(),
            0x0102,
            "fixed-order fields keep theirs"
        );
        let owned = PcapHeader::unpack_with(&bytes, endian).unwrap();
        assert_eq!(owned, view.unpack());
        assert_eq!(owned.to_bytes_with(endian).to_vec(), bytes);
        assert_eq!(format!("{view:?}"), format!("{owned:?}"));
    }
}

#[test]
fn enum_validation_uses_the_chosen_order() {
    let bytes = header(Endian::Big);
    // 101 big-endian read as little-endian is 0x6500, not a LinkType.
    let err = PcapHeader::view_with(&bytes, Endian::Little).unwrap_err();
    assert_eq!(
        err.to_string(),
        "PcapHeader.network at offset 20: 25856 is not a valid LinkType"
    );
}

#[test]
fn writes_go_in_the_views_order() {
    let mut bytes = header(Endian::Big);
    let mut view = PcapHeader::view_mut_with(&mut bytes, Endian::Big).unwrap();
    view.set_snaplen(1);
    view.version_mut().set_minor(5);
    view.set_network(LinkType::Ethernet);
    assert_eq!(view.as_view().snaplen(), 1);
    assert_eq!(&bytes[16..20], &1u32.to_be_bytes());
    assert_eq!(&bytes[6..8], &5u16.to_be_bytes());
    assert_eq!(&bytes[20..22], &1u16.to_be_bytes());
    let value = PcapHeader::unpack_with(&bytes, Endian::Big).unwrap();
    let mut little = vec![0u8; PcapHeader::SIZE];
    value
        .pack_into_with(&mut little, 0, Endian::Little)
        .unwrap();
    assert_eq!(&little[16..20], &1u32.to_le_bytes());
}

#[test]
fn record_tables_carry_the_order() {
    let mut bytes = header(Endian::Big);
    bytes.extend_from_slice(&header(Endian::Big));
    let records = PcapHeader::records_with(&bytes, Endian::Big).unwrap();
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|h| h.version().minor() == 4));
    let strided =
        Records::<Version>::with_stride_endian(&bytes[4..], 2, PcapHeader::SIZE, Endian::Big)
            .unwrap();
    assert_eq!(
        strided.iter().map(|v| v.major()).collect::<Vec<_>>(),
        [2, 2]
    );
    let mut table = PcapHeader::records_mut_with(&mut bytes, Endian::Big).unwrap();
    table.get_mut(1).unwrap().set_sigfigs(9);
    assert_eq!(
        &bytes[PcapHeader::SIZE + 12..PcapHeader::SIZE + 16],
        &9u32.to_be_bytes()
    );
}

#[test]
fn format_is_known_only_once_the_order_is() {
    assert_eq!(PcapHeader::FORMAT, None);
    assert_eq!(Version::FORMAT, None);

    #[derive(Overlay)]
    #[overlay(endian = "big")]
    struct Fixed {
        version: Version,
        n: u8,
    }
    assert_eq!(
        Fixed::FORMAT,
        Some(">HHB"),
        "a fixed parent gives its nested run-time record its order"
    );
    // Without a byte order, views read little-endian.
    let bytes = header(Endian::Little);
    assert_eq!(PcapHeader::view(&bytes).unwrap().snaplen(), 65535);
}

// ---- Property tests (tests/support/shapes.rs) ----

record! {
    /// A fixed-order record nested in run-time ones: it keeps its order.
    #[overlay(endian = "big")]
    pub struct FixedBe { id: u32, kind: RtKind }
}

reference!(FixedBe, Endian::Big, |x, out| {
    out.raw(&x.id.to_be_bytes())
        .raw(&(x.kind as u16).to_be_bytes());
});

record! {
    /// Every kind of field a run-time record can hold: nested run-time records (alone and in
    /// an array), a nested fixed-order record, fields and an enum with an order of their own, a
    /// scalar array, a float, a bool, a pad and a bit group.
    #[overlay(endian = "runtime", bit_order = "msb")]
    pub struct RtOuter {
        magic: u32,
        inner: RtInner,
        pair: [RtInner; 2],
        fixed: FixedBe,
        #[overlay(endian = "little")]
        le: u32,
        #[overlay(endian = "big")]
        be: i64,
        #[overlay(endian = "big")]
        be_kind: RtKind,
        arr: [u16; 3],
        ratio: f64,
        flag: bool,
        pad _pad: [u8; 2],
        #[overlay(bits = 3)]
        level: u8 in uint(3),
        #[overlay(bits = 2)]
        sign: Sign,
        #[overlay(bits = 11)]
        code: i16 in sint(11),
        tail: i16,
    }
}

reference!(RtOuter, |x, out, endian| {
    put!(out, x.magic);
    out.raw(&x.inner.reference(endian));
    for inner in &x.pair {
        out.raw(&inner.reference(endian));
    }
    out.raw(&x.fixed.reference(endian))
        .raw(&x.le.to_le_bytes())
        .raw(&x.be.to_be_bytes())
        .raw(&(x.be_kind as u16).to_be_bytes());
    for n in x.arr {
        put!(out, n);
    }
    put!(out, x.ratio);
    out.raw(&[u8::from(x.flag), 0, 0]).bits(
        &[
            (x.level.into(), 3),
            (x.sign.number(), 2),
            (x.code.into(), 11),
        ],
        true,
    );
    put!(out, x.tail);
});

record! {
    /// A run-time record with bits numbered from the least significant.
    #[overlay(endian = "runtime", bit_order = "lsb")]
    pub struct RtLsb {
        #[overlay(bits = 12)]
        x: u16 in uint(12),
        #[overlay(bits = 4)]
        y: u8 in uint(4),
        inner: RtInner,
        #[overlay(bits = 1)]
        z: bool,
        #[overlay(bits = 7)]
        w: i8 in sint(7),
    }
}

reference!(RtLsb, |r, out, endian| {
    out.bits(&[(r.x.into(), 12), (r.y.into(), 4)], false)
        .raw(&r.inner.reference(endian))
        .bits(&[(r.z.number(), 1), (r.w.into(), 7)], false);
});

fixed_properties!(
    rt_inner: RtInner,
    fixed_be: FixedBe,
    rt_outer: RtOuter,
    rt_lsb: RtLsb,
);

proptest! {
    /// `to_bytes` is little-endian for run-time types, and `to_bytes_with` is `pack_into_with`.
    #[test]
    fn run_time_to_bytes_with_matches_bytes_written_by_hand(
        outer in RtOuter::strategy(),
        lsb in RtLsb::strategy(),
    ) {
        for endian in ENDIANS {
            prop_assert_eq!(outer.to_bytes_with(endian).to_vec(), outer.reference(endian));
            prop_assert_eq!(lsb.to_bytes_with(endian).to_vec(), lsb.reference(endian));
            let back = support::shapes::ok(RtOuter::unpack_with(&outer.to_bytes_with(endian), endian), "RtOuter")?;
            prop_assert!(same(&back, &outer));
            let back = support::shapes::ok(RtLsb::unpack_with(&lsb.to_bytes_with(endian), endian), "RtLsb")?;
            prop_assert_eq!(back, lsb);
        }
        prop_assert_eq!(outer.to_bytes().to_vec(), outer.reference(Endian::Little));
        prop_assert_eq!(lsb.to_bytes().to_vec(), lsb.reference(Endian::Little));
    }
}

setter_properties!(rt_outer_setters: RtOuter {
    level / set_level: u8,
    sign / set_sign: Sign,
    code / set_code: i16,
});

setter_properties!(rt_lsb_setters: RtLsb {
    x / set_x: u16,
    y / set_y: u8,
    z / set_z: bool,
    w / set_w: i8,
});

mod zero_alloc {
    use std::fmt::Write as _;

    use super::support::counting::{assert_counter_works, assert_no_alloc, StackText};
    use super::support::types::{RtInner, RtKind, Sign};
    use super::{FixedBe, RtOuter};
    use overlay::{Endian, Overlay, Records};

    fn sample_rt_outer() -> RtOuter {
        let inner = RtInner {
            a: 0x1234,
            b: -5,
            kind: RtKind::Beta,
        };
        RtOuter {
            magic: 0xa1b2_c3d4,
            inner,
            pair: [
                inner,
                RtInner {
                    kind: RtKind::Alpha,
                    ..inner
                },
            ],
            fixed: FixedBe {
                id: 77,
                kind: RtKind::Gamma,
            },
            le: 0x0102_0304,
            be: -9,
            be_kind: RtKind::Beta,
            arr: [1, 2, 3],
            ratio: 0.25,
            flag: true,
            _pad: [0; 2],
            level: 5,
            sign: Sign::Plus,
            code: -1024,
            tail: 7,
        }
    }

    #[test]
    fn run_time_byte_order_views_and_tables_allocate_nothing() {
        assert_counter_works();

        // Prepared outside the measured blocks.
        let outer = sample_rt_outer();
        let outer_le = outer.to_bytes_with(Endian::Little);
        let outer_be = outer.to_bytes_with(Endian::Big);
        let mut table_be = Vec::new();
        let mut strided_be = Vec::new();
        for _ in 0..4 {
            table_be.extend_from_slice(&outer_be);
            strided_be.extend_from_slice(&outer_be);
            strided_be.extend_from_slice(&[0xff; 3]);
        }
        let mut outer_scratch = outer_be;
        let mut text = StackText::new();

        assert_no_alloc("run-time byte order views and getters", || {
            let mut sum = 0i64;
            for (bytes, endian) in [(&outer_le, Endian::Little), (&outer_be, Endian::Big)] {
                let v = RtOuter::view_with(bytes, endian).unwrap();
                sum += i64::from(v.magic()) + i64::from(v.inner().a()) + i64::from(v.inner().b());
                sum += v.inner().kind() as i64;
                for inner in v.pair() {
                    sum += i64::from(inner.a()) + inner.kind() as i64;
                }
                sum += i64::from(v.fixed().id()) + v.fixed().kind() as i64 + i64::from(v.le());
                sum += v.be() + v.be_kind() as i64 + i64::from(v.flag()) + i64::from(v.tail());
                sum += v.arr().iter().map(i64::from).sum::<i64>();
                sum += v.ratio() as i64 + i64::from(v.level()) + v.sign() as i64;
                sum += i64::from(v.code());
                let owned = RtOuter::unpack_with(bytes, endian).unwrap();
                assert!(owned == v.unpack() && owned.to_bytes_with(endian) == *bytes);
                let (prefix, _) = RtInner::view_prefix_with(&bytes[4..], endian).unwrap();
                sum += i64::from(prefix.b());
            }
            let mut v = RtOuter::view_mut_with(&mut outer_scratch, Endian::Big).unwrap();
            v.set_magic(1);
            v.inner_mut().set_b(2);
            v.set_level(7).unwrap();
            v.set_code(1023).unwrap();
            let refused = v.set_code(1024).is_err();
            (sum, refused, v.unpack())
        });

        assert_no_alloc(
            "records_with and strided tables in a run-time order",
            || {
                let mut sum = 0i64;
                let table = RtOuter::records_with(&table_be, Endian::Big).unwrap();
                for v in table {
                    sum += i64::from(v.code()) + i64::from(v.pair().get(1).unwrap().a());
                }
                sum += table
                    .iter()
                    .rev()
                    .map(|v| i64::from(v.magic()))
                    .sum::<i64>();
                let strided = Records::<RtOuter>::with_stride_endian(
                    &strided_be,
                    4,
                    RtOuter::SIZE + 3,
                    Endian::Big,
                )
                .unwrap();
                for v in strided.iter() {
                    sum += i64::from(v.inner().a()) + v.sign() as i64;
                }
                let inners = Records::<RtInner>::with_stride_endian(
                    &strided_be[4..],
                    4,
                    RtOuter::SIZE + 3,
                    Endian::Big,
                )
                .unwrap();
                sum += inners.iter().map(|v| i64::from(v.b())).sum::<i64>();
                let refused = RtOuter::records_with(&table_be[1..], Endian::Big).unwrap_err();
                let wrong_order = RtOuter::view_with(&outer_be, Endian::Little).unwrap_err();
                write!(text, "{refused} {wrong_order}").unwrap();
                sum
            },
        );
    }
}
