//! Bit fields, run-time byte order and variable-length records allocate nothing: bit-field
//! getters and setters (including a refused value), `view_with` in both orders with nested
//! getters, `records_with` and strided tables, and `VarOverlay` views walked over a stream
//! with every getter, every table iterated, and errors formatted into a stack buffer.
//!
//! `stats_alloc` counts every thread's allocations, so this binary runs without the test
//! harness and nothing prints while a region is open; the counter is first shown to see a
//! deliberate allocation.

#[path = "support/counting.rs"]
mod counting;

use std::fmt::Write as _;

use counting::{assert_no_alloc, counted, StackText};
use overlay::{Endian, Overlay, Records, VarBytes, VarOverlay, VarRecords};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Mode {
    Idle = 0,
    Run = 1,
    Stop = 5,
    Huge = 9,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i8)]
pub enum Sign {
    Minus = -1,
    Zero = 0,
    Plus = 1,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum RtKind {
    Alpha = 1,
    Beta = 0x0102,
}

/// Groups of 1, 2, 3, 4 and 8 bytes, most significant bits first.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct BitsBe {
    #[overlay(bits = 1)]
    pub flag: bool,
    #[overlay(bits = 3)]
    pub mode: Mode,
    #[overlay(bits = 4)]
    pub nibble: u8,
    pub plain: u8,
    #[overlay(bits = 5)]
    pub small: i8,
    #[overlay(bits = 11)]
    pub wide: u16,
    pub sep: u8,
    #[overlay(bits = 2)]
    pub sign: Sign,
    #[overlay(bits = 22)]
    pub s22: i32,
    pub sep2: u8,
    #[overlay(bits = 31)]
    pub big: i32,
    #[overlay(bits = 1)]
    pub last: bool,
    pub sep3: u8,
    #[overlay(bits = 7)]
    pub a7: u8,
    #[overlay(bits = 40)]
    pub b40: i64,
    #[overlay(bits = 17)]
    pub c17: u32,
}

/// Least significant bits first, with full-width fields.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct BitsLe {
    #[overlay(bits = 3)]
    pub mode: Mode,
    #[overlay(bits = 13)]
    pub delta: i16,
    pub sep: u8,
    #[overlay(bits = 64)]
    pub full: i64,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime")]
pub struct RtInner {
    pub a: u16,
    pub b: i32,
    pub kind: RtKind,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct FixedBe {
    pub id: u32,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime", bit_order = "msb")]
pub struct RtOuter {
    pub magic: u32,
    pub inner: RtInner,
    pub pair: [RtInner; 2],
    pub fixed: FixedBe,
    #[overlay(endian = "little")]
    pub le: u32,
    pub arr: [u16; 3],
    pub ratio: f64,
    #[overlay(bits = 3)]
    pub level: u8,
    #[overlay(bits = 2)]
    pub sign: Sign,
    #[overlay(bits = 11)]
    pub code: i16,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Item {
    #[overlay(bits = 3)]
    pub mode: Mode,
    #[overlay(bits = 5)]
    pub channel: u8,
    pub value: i16,
}

/// Bit-field lengths, a count of records, bytes and the rest.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Datagram {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub n_items: u8,
    #[overlay(bytes = "ihl * 4 - 4")]
    pub options: VarBytes,
    #[overlay(count = "n_items")]
    pub items: VarRecords<Item>,
    #[overlay(rest)]
    pub payload: VarBytes,
}

/// A run-time byte order record with run-time records, bytes and scalar records.
#[derive(Overlay)]
#[overlay(endian = "runtime", bit_order = "msb")]
pub struct Frame {
    pub len: u32,
    #[overlay(bits = 3)]
    pub n: u8,
    #[overlay(bits = 5)]
    pub flags: u8,
    pub kind: RtKind,
    #[overlay(count = "n")]
    pub entries: VarRecords<RtInner>,
    #[overlay(bytes = "len")]
    pub data: VarBytes,
    #[overlay(bytes = "(n + 1) * 2")]
    pub stamps: VarRecords<u16>,
}

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
        s22: -123_456,
        sep2: 2,
        big: -(1 << 30),
        last: true,
        sep3: 3,
        a7: 127,
        b40: -(1 << 39),
        c17: 0x1_2345,
    }
}

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
        fixed: FixedBe { id: 77 },
        le: 0x0102_0304,
        arr: [1, 2, 3],
        ratio: 0.25,
        level: 5,
        sign: Sign::Plus,
        code: -1024,
    }
}

/// A `Frame` with `n` entries and `data`, in byte order `endian`, written by hand.
fn frame(endian: Endian, n: u8, data: &[u8]) -> Vec<u8> {
    let mut b = Vec::new();
    let put = |b: &mut Vec<u8>, le: &[u8], be: &[u8]| {
        b.extend_from_slice(if endian == Endian::Little { le } else { be })
    };
    let len = data.len() as u32;
    put(&mut b, &len.to_le_bytes(), &len.to_be_bytes());
    b.push(n << 5 | 0b10101);
    put(&mut b, &1u16.to_le_bytes(), &1u16.to_be_bytes());
    for i in 0..n {
        let a = u16::from(i) * 3;
        put(&mut b, &a.to_le_bytes(), &a.to_be_bytes());
        put(&mut b, &(-7i32).to_le_bytes(), &(-7i32).to_be_bytes());
        put(&mut b, &0x0102u16.to_le_bytes(), &0x0102u16.to_be_bytes());
    }
    b.extend_from_slice(data);
    for i in 0..=u16::from(n) {
        let stamp = 1000 + i;
        put(&mut b, &stamp.to_le_bytes(), &stamp.to_be_bytes());
    }
    b
}

/// A `Datagram` with `ihl`, `n` items and `payload`, written by hand.
fn datagram(ihl: u8, n: u8, payload: &[u8]) -> Vec<u8> {
    let mut b = vec![0x40 | ihl, n];
    b.extend(std::iter::repeat_n(0xee, usize::from(ihl) * 4 - 4));
    for i in 0..n {
        b.push(5 << 5 | i);
        b.extend_from_slice(&(-i16::from(i)).to_be_bytes());
    }
    b.extend_from_slice(payload);
    b
}

/// One test function: `stats_alloc` counts globally, so no other test may run meanwhile.
/// Counts are global (stats_alloc), so this runs without the test harness (`harness = false`):
/// no other thread allocates while a region is measured.
fn main() {
    bit_fields_run_time_order_and_variable_records_allocate_nothing();
    println!("zero_alloc_shapes: 1 passed, 0 failed");
}

fn bit_fields_run_time_order_and_variable_records_allocate_nothing() {
    // The counter works: a Vec allocation is seen.
    let (_, count) = counted(|| vec![0u8; 64]);
    assert!(
        count >= 1,
        "stats_alloc must count a Vec allocation, counted {count}"
    );

    // Prepared outside the measured blocks.
    let bits_be = sample_bits_be().to_bytes();
    let bits_le = BitsLe {
        mode: Mode::Run,
        delta: -4096,
        sep: 9,
        full: i64::MIN,
    }
    .to_bytes();
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
    let mut frames = [Vec::new(), Vec::new()];
    for (stream, endian) in frames.iter_mut().zip([Endian::Little, Endian::Big]) {
        for (n, data) in [(2, &b"hello"[..]), (0, b""), (7, b"x"), (3, b"longer data")] {
            stream.extend_from_slice(&frame(endian, n, data));
        }
    }
    let datagrams = [
        datagram(1, 0, b""),
        datagram(3, 4, b"payload"),
        datagram(15, 31, &[7; 40]),
    ];
    let mut scratch = bits_be;
    let mut outer_scratch = outer_be;
    let mut text = StackText {
        buf: [0; 4096],
        len: 0,
    };

    assert_no_alloc("bit-field getters", || {
        let v = BitsBe::view(&bits_be).unwrap();
        let mut sum = i64::from(v.flag()) + v.mode() as i64 + i64::from(v.nibble());
        sum += i64::from(v.plain()) + i64::from(v.small()) + i64::from(v.wide());
        sum += i64::from(v.sep()) + v.sign() as i64 + i64::from(v.s22()) + i64::from(v.sep2());
        sum += i64::from(v.big()) + i64::from(v.last()) + i64::from(v.sep3());
        sum += i64::from(v.a7()) + v.b40() + i64::from(v.c17());
        let le = BitsLe::view(&bits_le).unwrap();
        sum += le.mode() as i64 + i64::from(le.delta()) + i64::from(le.sep());
        sum = sum.wrapping_add(le.full());
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
        v.set_s22(-1).unwrap();
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
        le.set_delta(4095).unwrap();
        let refused_le = le.set_delta(4096).is_err();
        (too_wide, read, refused_le, le.full())
    });

    assert_no_alloc("run-time byte order views and getters", || {
        let mut sum = 0i64;
        for (bytes, endian) in [(&outer_le, Endian::Little), (&outer_be, Endian::Big)] {
            let v = RtOuter::view_with(bytes, endian).unwrap();
            sum += i64::from(v.magic()) + i64::from(v.inner().a()) + i64::from(v.inner().b());
            sum += v.inner().kind() as i64;
            for inner in v.pair() {
                sum += i64::from(inner.a()) + inner.kind() as i64;
            }
            sum += i64::from(v.fixed().id()) + i64::from(v.le());
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

    assert_no_alloc(
        "variable-length streams walked with every getter and table",
        || {
            let mut sum = 0i64;
            for (stream, endian) in frames.iter().zip([Endian::Little, Endian::Big]) {
                let mut rest = &stream[..];
                while !rest.is_empty() {
                    let (v, after) = Frame::view_prefix_with(rest, endian).unwrap();
                    sum += i64::from(v.len()) + i64::from(v.n()) + i64::from(v.flags());
                    sum += v.kind() as i64 + v.size() as i64 + v.as_bytes().len() as i64;
                    sum += v.fixed().as_bytes().len() as i64;
                    for entry in v.entries() {
                        sum += i64::from(entry.a()) + i64::from(entry.b()) + entry.kind() as i64;
                    }
                    sum += v.entries().iter().rev().count() as i64;
                    sum += v.data().iter().map(|&b| i64::from(b)).sum::<i64>();
                    sum += v.stamps().iter().map(i64::from).sum::<i64>();
                    sum += v.stamps().get(0).map_or(0, i64::from);
                    let whole = Frame::view_with(&rest[..v.size()], endian).unwrap();
                    sum += whole.size() as i64;
                    write!(text, "{v:?}").unwrap();
                    text.len = 0;
                    rest = after;
                }
            }
            for bytes in &datagrams {
                let v = Datagram::view(bytes).unwrap();
                let (p, rest) = Datagram::view_prefix(bytes).unwrap();
                let at = Datagram::view_at(bytes, 0).unwrap();
                sum += i64::from(v.version()) + i64::from(v.ihl()) + i64::from(v.n_items());
                sum += v.options().len() as i64 + v.payload().len() as i64;
                for item in v.items() {
                    sum += item.mode() as i64 + i64::from(item.channel()) + i64::from(item.value());
                }
                sum += p.size() as i64 + rest.len() as i64 + at.items().len() as i64;
            }
            let short = Frame::view_prefix_with(&frames[0][..7], Endian::Little).unwrap_err();
            let bad_length = Frame::view_prefix_with(&frames[0], Endian::Big).unwrap_err();
            let negative = Datagram::view(&[0x40, 0]).unwrap_err();
            write!(text, "{short} {bad_length} {negative}").unwrap();
            sum
        },
    );
}
