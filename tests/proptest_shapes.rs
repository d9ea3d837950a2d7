//! Property tests over the newer record shapes: bit fields, run-time byte order and
//! variable-length records.
//!
//! (a) No input (bytes of any length, any offset) makes an entry point panic; whatever is
//!     accepted can be read with every getter (variable fields lie inside the input, one after
//!     another, adding up to `size()`), and every error reads as a sentence.
//! (b) Views read what `unpack` reads; owned values round-trip, and their bytes equal bytes
//!     written by hand in this file (bit groups packed with shifts and masks written here, not
//!     by the library), in both byte orders for run-time types.
//! (c) A bit-field setter either writes exactly its value, inside its group only, or refuses
//!     with `ErrorKind::BitFieldOverflow` and writes nothing.
//! (d) A stream of variable-length records built by hand walks back, with `view_prefix`, into
//!     exactly the records it was built from, and a truncated stream fails on its last record.
//!
//! Bugs found are kept at the end as `#[ignore]`d tests.

use std::fmt::Debug;

use overlay::{
    Endian, Error, ErrorKind, FieldInfo, Overlay, Records, VarBytes, VarOverlay, VarRecords,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

const ENDIANS: [Endian; 2] = [Endian::Little, Endian::Big];

// ---------------------------------------------------------------------------------------------
// Enums

/// Discriminants with gaps; `Huge` (9) does not fit the 3-bit fields that hold a `Mode`.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Mode {
    Idle = 0,
    Run = 1,
    Stop = 5,
    Huge = 9,
}

/// A signed enum: in a 2-bit field, the pattern `0b10` (-2) is no variant.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i8)]
pub enum Sign {
    Minus = -1,
    Zero = 0,
    Plus = 1,
}

/// A 16-bit enum, 10 bits wide inside bit fields.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum Level {
    Low = 0,
    Mid = 300,
    High = 1023,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Data = 1,
    Ack = 2,
    Close = 7,
}

/// Two bits: the patterns 0 and 3 are no variant.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Unit {
    Celsius = 1,
    Kelvin = 2,
}

/// Read in whatever byte order its field has; no variant reads as another with its bytes
/// swapped.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum RtKind {
    Alpha = 1,
    Beta = 0x0102,
    Gamma = 0xfffe,
}

// ---------------------------------------------------------------------------------------------
// Bit-field records

/// Big-endian, so bits are numbered from the most significant: groups of 1, 2, 3, 4 and 8
/// bytes, with bool, enum (gapped, signed, 16-bit) and signed fields.
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
    pub sep: u16,
    #[overlay(bits = 2)]
    pub sign: Sign,
    #[overlay(bits = 10)]
    pub level: Level,
    #[overlay(bits = 12)]
    pub s12: i16,
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

/// Little-endian, so bits are numbered from the least significant: full-width fields (8, 32
/// and 64 bits, signed and not), a 63-bit field, and groups of 1, 2, 3, 4 and 8 bytes.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct BitsLe {
    #[overlay(bits = 8)]
    pub byte: i8,
    pub sep0: u8,
    #[overlay(bits = 3)]
    pub lo: u8,
    #[overlay(bits = 1)]
    pub on: bool,
    #[overlay(bits = 2)]
    pub sign: Sign,
    #[overlay(bits = 10)]
    pub level: Level,
    pub sep: i16,
    #[overlay(bits = 3)]
    pub mode: Mode,
    #[overlay(bits = 21)]
    pub mid: i32,
    pub sep2: u8,
    #[overlay(bits = 32)]
    pub all: u32,
    pub sep3: u8,
    #[overlay(bits = 64)]
    pub full: i64,
    pub sep4: u8,
    #[overlay(bits = 1)]
    pub top: bool,
    #[overlay(bits = 63)]
    pub tail63: u64,
}

/// Big-endian bytes, bits from the least significant (`bit_order` overrides the default).
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big", bit_order = "lsb")]
pub struct BeLsb {
    #[overlay(bits = 4)]
    pub a: u8,
    #[overlay(bits = 12)]
    pub b: u16,
    pub sep: u8,
    #[overlay(bits = 1)]
    pub c: bool,
    #[overlay(bits = 7)]
    pub d: i8,
}

/// Little-endian bytes, bits from the most significant.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "little", bit_order = "msb")]
pub struct LeMsb {
    #[overlay(bits = 4)]
    pub a: u8,
    #[overlay(bits = 12)]
    pub b: u16,
    pub sep: u8,
    #[overlay(bits = 2)]
    pub c: Sign,
    #[overlay(bits = 22)]
    pub d: u32,
}

/// A record of a variable-length table: bit fields with an enum inside.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Item {
    #[overlay(bits = 2)]
    pub unit: Unit,
    #[overlay(bits = 6)]
    pub channel: u8,
    pub value: i16,
}

/// A little-endian table record with bit fields after a plain field.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub id: u16,
    #[overlay(bits = 3)]
    pub mode: Mode,
    #[overlay(bits = 5)]
    pub weight: u8,
}

/// A table record with a 16-bit enum read as a whole field.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub key: u8,
    pub level: Level,
}

// ---------------------------------------------------------------------------------------------
// Run-time byte order records

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime")]
pub struct RtInner {
    pub a: u16,
    pub b: i32,
    pub kind: RtKind,
}

/// A fixed-order record nested in run-time ones: it keeps its order.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct FixedBe {
    pub id: u32,
    pub kind: RtKind,
}

/// Every kind of field a run-time record can hold: nested run-time records (alone and in an
/// array), a nested fixed-order record, fields and an enum with an order of their own, a
/// scalar array, a float, a bool, a pad and a bit group.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime", bit_order = "msb")]
pub struct RtOuter {
    pub magic: u32,
    pub inner: RtInner,
    pub pair: [RtInner; 2],
    pub fixed: FixedBe,
    #[overlay(endian = "little")]
    pub le: u32,
    #[overlay(endian = "big")]
    pub be: i64,
    #[overlay(endian = "big")]
    pub be_kind: RtKind,
    pub arr: [u16; 3],
    pub ratio: f64,
    pub flag: bool,
    #[overlay(pad)]
    pub _pad: [u8; 2],
    #[overlay(bits = 3)]
    pub level: u8,
    #[overlay(bits = 2)]
    pub sign: Sign,
    #[overlay(bits = 11)]
    pub code: i16,
    pub tail: i16,
}

/// A run-time record with bits numbered from the least significant.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime", bit_order = "lsb")]
pub struct RtLsb {
    #[overlay(bits = 12)]
    pub x: u16,
    #[overlay(bits = 4)]
    pub y: u8,
    pub inner: RtInner,
    #[overlay(bits = 1)]
    pub z: bool,
    #[overlay(bits = 7)]
    pub w: i8,
}

// ---------------------------------------------------------------------------------------------
// Variable-length records

/// Lengths from arithmetic over several fields, bit fields included; a count of records with
/// an enum in a bit field; four variable fields in sequence.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Datagram {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub kind: Kind,
    pub total_len: u16,
    pub n_items: u8,
    pub name_len: u8,
    #[overlay(bytes = "ihl * 4 - 8")]
    pub options: VarBytes,
    #[overlay(count = "n_items")]
    pub items: VarRecords<Item>,
    #[overlay(bytes = "(name_len + 1) / 2 * 2")]
    pub name: VarBytes,
    #[overlay(bytes = "total_len - ihl * 4 - n_items * 3 - (name_len + 1) / 2 * 2")]
    pub trailer: VarBytes,
}

/// Little-endian with bits from the least significant; a count from a bit field, a length
/// from two bit fields, and records taking the rest.
#[derive(Overlay)]
pub struct Catalog {
    #[overlay(bits = 3)]
    pub shift: u8,
    #[overlay(bits = 5)]
    pub n_entries: u8,
    pub tag: Kind,
    #[overlay(bits = 12)]
    pub blob_len: u16,
    #[overlay(bits = 4)]
    pub flags: u8,
    #[overlay(count = "n_entries")]
    pub entries: VarRecords<Entry>,
    #[overlay(bytes = "blob_len / 2 + shift")]
    pub blob: VarBytes,
    #[overlay(rest)]
    pub words: VarRecords<u32>,
}

/// A length with `%`, then bytes taking the rest.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Note {
    pub kind: Kind,
    #[overlay(bits = 1)]
    pub more: bool,
    #[overlay(bits = 7)]
    pub header_words: u8,
    #[overlay(bytes = "header_words * 2 % 9")]
    pub header: VarBytes,
    #[overlay(rest)]
    pub body: VarBytes,
}

/// Five variable fields in sequence: bytes, a count of records, records given in bytes, a
/// count from `%`, and a length with a unary minus.
#[derive(Overlay)]
pub struct Multi {
    pub a: u8,
    pub b: u8,
    pub c: u16,
    #[overlay(bytes = "a")]
    pub first: VarBytes,
    #[overlay(count = "b")]
    pub pairs: VarRecords<Pair>,
    #[overlay(bytes = "b * 3")]
    pub more: VarRecords<Pair>,
    #[overlay(count = "c % 5")]
    pub words: VarRecords<u16>,
    #[overlay(bytes = "-(a - c / 5 - a)")]
    pub last: VarBytes,
}

/// Lengths divided by a field (zero in bad input), and a count from a signed field (negative
/// in bad input).
#[derive(Overlay)]
pub struct Ratio {
    pub a: u8,
    pub b: u8,
    pub k: i8,
    #[overlay(bytes = "a / b")]
    pub quotient: VarBytes,
    #[overlay(bytes = "a % b")]
    pub remainder: VarBytes,
    #[overlay(count = "k")]
    pub pairs: VarRecords<Pair>,
}

/// No bytes at all.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Nothing {}

/// A count of zero-sized records from a signed field.
#[derive(Overlay)]
pub struct Markers {
    pub k: i8,
    #[overlay(count = "k")]
    pub marks: VarRecords<Nothing>,
}

/// Zero-sized records given in bytes.
#[derive(Overlay)]
pub struct MarkerBytes {
    pub n: u8,
    #[overlay(bytes = "n")]
    pub marks: VarRecords<Nothing>,
}

/// A run-time byte order record with bit fields, run-time records, bytes and scalar records.
#[derive(Overlay)]
#[overlay(endian = "runtime", bit_order = "msb")]
pub struct RtFrame {
    pub len: u32,
    #[overlay(bits = 3)]
    pub n: u8,
    #[overlay(bits = 5)]
    pub flags: u8,
    pub kind: RtKind,
    #[overlay(endian = "big")]
    pub always_big: u16,
    #[overlay(count = "n")]
    pub entries: VarRecords<RtInner>,
    #[overlay(bytes = "len")]
    pub data: VarBytes,
    #[overlay(bytes = "(n + 1) * 2")]
    pub stamps: VarRecords<u16>,
}

// ---------------------------------------------------------------------------------------------
// Bytes written by hand

/// The mask of a field `width` bits wide.
fn mask(width: u32) -> u64 {
    if width >= 64 {
        u64::MAX
    } else {
        (1 << width) - 1
    }
}

/// A record's bytes, appended field by field in byte order `endian`.
struct Out {
    bytes: Vec<u8>,
    endian: Endian,
}

impl Out {
    fn new(endian: Endian) -> Self {
        Out {
            bytes: Vec::new(),
            endian,
        }
    }

    /// A value in the record's order: its little- and big-endian bytes.
    fn put<const N: usize>(&mut self, le: [u8; N], be: [u8; N]) -> &mut Self {
        let bytes = if self.endian == Endian::Little {
            le
        } else {
            be
        };
        self.bytes.extend_from_slice(&bytes);
        self
    }

    fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.bytes.extend_from_slice(bytes);
        self
    }

    /// A bit group: `(value, width)` in declaration order, the first field in the most
    /// significant bits if `msb_first`, in the least otherwise; the group is one integer in
    /// the record's byte order.
    fn bits(&mut self, fields: &[(i128, u32)], msb_first: bool) -> &mut Self {
        let total: u32 = fields.iter().map(|&(_, width)| width).sum();
        assert!(total % 8 == 0 && total <= 64, "a group is whole bytes");
        let mut raw = 0u64;
        let mut used = 0;
        for &(value, width) in fields {
            let shift = if msb_first {
                total - used - width
            } else {
                used
            };
            raw |= (value as u64 & mask(width)) << shift;
            used += width;
        }
        let n = (total / 8) as usize;
        match self.endian {
            Endian::Big => self.raw(&raw.to_be_bytes()[8 - n..]),
            Endian::Little => self.raw(&raw.to_le_bytes()[..n]),
        }
    }

    fn done(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }
}

macro_rules! put {
    ($out:expr, $value:expr) => {
        $out.put($value.to_le_bytes(), $value.to_be_bytes())
    };
}

// ---------------------------------------------------------------------------------------------
// Values for bit-field setters

/// A value a bit-field setter can be given: its number (to decide whether it fits) and
/// values to try, near every power of two.
trait BitValue: Copy + PartialEq + Debug + 'static {
    const SIGNED: bool;
    fn number(self) -> i128;
    fn candidates() -> BoxedStrategy<Self>;
}

macro_rules! int_bit_value {
    ($($ty:ty),*) => {$(
        impl BitValue for $ty {
            const SIGNED: bool = <$ty>::MIN != 0;
            fn number(self) -> i128 {
                self as i128
            }
            fn candidates() -> BoxedStrategy<Self> {
                prop_oneof![
                    any::<$ty>(),
                    (0u32..=<$ty>::BITS, -2i128..=1).prop_map(|(k, d)| ((1i128 << k) + d) as $ty),
                    (0u32..<$ty>::BITS, -1i128..=1).prop_map(|(k, d)| (d - (1i128 << k)) as $ty),
                ]
                .boxed()
            }
        }
    )*};
}

int_bit_value!(u8, u16, u32, u64, i8, i16, i32, i64);

impl BitValue for bool {
    const SIGNED: bool = false;
    fn number(self) -> i128 {
        i128::from(self)
    }
    fn candidates() -> BoxedStrategy<Self> {
        any::<bool>().boxed()
    }
}

macro_rules! enum_bit_value {
    ($ty:ident as $repr:ty, signed $signed:literal: $($variant:ident),*) => {
        impl BitValue for $ty {
            const SIGNED: bool = $signed;
            fn number(self) -> i128 {
                self as $repr as i128
            }
            fn candidates() -> BoxedStrategy<Self> {
                select(vec![$($ty::$variant),*]).boxed()
            }
        }
    };
}

enum_bit_value!(Mode as u8, signed false: Idle, Run, Stop, Huge);
enum_bit_value!(Sign as i8, signed true: Minus, Zero, Plus);
enum_bit_value!(Level as u16, signed false: Low, Mid, High);
enum_bit_value!(Unit as u8, signed false: Celsius, Kelvin);

/// Whether `number` fits in a field `width` bits wide.
fn fits(number: i128, width: u32, signed: bool) -> bool {
    if signed {
        let half = 1i128 << (width - 1);
        -half <= number && number < half
    } else {
        0 <= number && number < (1i128 << width)
    }
}

/// Unsigned values of a `width`-bit field, the extremes often.
fn uint(width: u32) -> BoxedStrategy<u64> {
    let max = mask(width);
    prop_oneof![4 => 0..=max, 1 => Just(max), 1 => Just(0)].boxed()
}

/// Signed values of a `width`-bit field, the extremes often.
fn sint(width: u32) -> BoxedStrategy<i64> {
    let (min, max) = if width == 64 {
        (i64::MIN, i64::MAX)
    } else {
        (-(1i64 << (width - 1)), (1i64 << (width - 1)) - 1)
    };
    prop_oneof![4 => min..=max, 1 => Just(min), 1 => Just(max), 1 => Just(-1)].boxed()
}

/// The modes that fit 3 bits.
fn mode() -> BoxedStrategy<Mode> {
    select(vec![Mode::Idle, Mode::Run, Mode::Stop]).boxed()
}

fn sign() -> BoxedStrategy<Sign> {
    select(vec![Sign::Minus, Sign::Zero, Sign::Plus]).boxed()
}

fn level() -> BoxedStrategy<Level> {
    select(vec![Level::Low, Level::Mid, Level::High]).boxed()
}

fn kind() -> BoxedStrategy<Kind> {
    select(vec![Kind::Data, Kind::Ack, Kind::Close]).boxed()
}

fn unit() -> BoxedStrategy<Unit> {
    select(vec![Unit::Celsius, Unit::Kelvin]).boxed()
}

fn rt_kind() -> BoxedStrategy<RtKind> {
    select(vec![RtKind::Alpha, RtKind::Beta, RtKind::Gamma]).boxed()
}

// ---------------------------------------------------------------------------------------------
// Fixed-size types under test

/// A fixed-size record type under test.
trait Fixed: Overlay + Clone + Debug {
    /// Whether the type takes its byte order when viewed.
    const RUNTIME: bool;
    /// Valid owned values.
    fn strategy() -> BoxedStrategy<Self>;
    /// The value read back through every getter of a view.
    fn from_view(view: Self::View<'_>) -> Self;
    /// `view.unpack()`.
    fn view_unpack(view: Self::View<'_>) -> Self;
    /// The value read back through every getter of a writable view.
    fn from_view_mut(view: &Self::ViewMut<'_>) -> Self;
    /// The value's bytes, written by hand (in `endian` if the type takes one at run time).
    fn reference(&self, endian: Endian) -> Vec<u8>;
    /// Equality (floats by their bits).
    fn same(&self, other: &Self) -> bool;
}

/// The methods of `Fixed` that only call generated inherent methods.
macro_rules! view_methods {
    () => {
        fn view_unpack(view: Self::View<'_>) -> Self {
            view.unpack()
        }
        fn from_view_mut(view: &Self::ViewMut<'_>) -> Self {
            Self::from_view(view.as_view())
        }
    };
}

impl Fixed for BitsBe {
    const RUNTIME: bool = false;
    fn strategy() -> BoxedStrategy<Self> {
        (
            (
                any::<bool>(),
                mode(),
                uint(4),
                any::<u8>(),
                sint(5),
                uint(11),
            ),
            (
                any::<u16>(),
                sign(),
                level(),
                sint(12),
                any::<u8>(),
                sint(31),
            ),
            (any::<bool>(), any::<u8>(), uint(7), sint(40), uint(17)),
        )
            .prop_map(
                |(
                    (flag, mode, nibble, plain, small, wide),
                    (sep, sign, level, s12, sep2, big),
                    (last, sep3, a7, b40, c17),
                )| BitsBe {
                    flag,
                    mode,
                    nibble: nibble as u8,
                    plain,
                    small: small as i8,
                    wide: wide as u16,
                    sep,
                    sign,
                    level,
                    s12: s12 as i16,
                    sep2,
                    big: big as i32,
                    last,
                    sep3,
                    a7: a7 as u8,
                    b40,
                    c17: c17 as u32,
                },
            )
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        BitsBe {
            flag: v.flag(),
            mode: v.mode(),
            nibble: v.nibble(),
            plain: v.plain(),
            small: v.small(),
            wide: v.wide(),
            sep: v.sep(),
            sign: v.sign(),
            level: v.level(),
            s12: v.s12(),
            sep2: v.sep2(),
            big: v.big(),
            last: v.last(),
            sep3: v.sep3(),
            a7: v.a7(),
            b40: v.b40(),
            c17: v.c17(),
        }
    }
    view_methods!();
    fn reference(&self, _: Endian) -> Vec<u8> {
        let x = self;
        Out::new(Endian::Big)
            .bits(
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
            )
            .done()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Fixed for BitsLe {
    const RUNTIME: bool = false;
    fn strategy() -> BoxedStrategy<Self> {
        (
            (
                any::<i8>(),
                any::<u8>(),
                uint(3),
                any::<bool>(),
                sign(),
                level(),
            ),
            (any::<i16>(), mode(), sint(21), any::<u8>(), any::<u32>()),
            (
                any::<u8>(),
                any::<i64>(),
                any::<u8>(),
                any::<bool>(),
                uint(63),
            ),
        )
            .prop_map(
                |(
                    (byte, sep0, lo, on, sign, level),
                    (sep, mode, mid, sep2, all),
                    (sep3, full, sep4, top, tail63),
                )| BitsLe {
                    byte,
                    sep0,
                    lo: lo as u8,
                    on,
                    sign,
                    level,
                    sep,
                    mode,
                    mid: mid as i32,
                    sep2,
                    all,
                    sep3,
                    full,
                    sep4,
                    top,
                    tail63,
                },
            )
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        BitsLe {
            byte: v.byte(),
            sep0: v.sep0(),
            lo: v.lo(),
            on: v.on(),
            sign: v.sign(),
            level: v.level(),
            sep: v.sep(),
            mode: v.mode(),
            mid: v.mid(),
            sep2: v.sep2(),
            all: v.all(),
            sep3: v.sep3(),
            full: v.full(),
            sep4: v.sep4(),
            top: v.top(),
            tail63: v.tail63(),
        }
    }
    view_methods!();
    fn reference(&self, _: Endian) -> Vec<u8> {
        let x = self;
        Out::new(Endian::Little)
            .bits(&[(x.byte.into(), 8)], false)
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
            .bits(&[(x.top.number(), 1), (x.tail63.into(), 63)], false)
            .done()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Fixed for BeLsb {
    const RUNTIME: bool = false;
    fn strategy() -> BoxedStrategy<Self> {
        (uint(4), uint(12), any::<u8>(), any::<bool>(), sint(7))
            .prop_map(|(a, b, sep, c, d)| BeLsb {
                a: a as u8,
                b: b as u16,
                sep,
                c,
                d: d as i8,
            })
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        BeLsb {
            a: v.a(),
            b: v.b(),
            sep: v.sep(),
            c: v.c(),
            d: v.d(),
        }
    }
    view_methods!();
    fn reference(&self, _: Endian) -> Vec<u8> {
        Out::new(Endian::Big)
            .bits(&[(self.a.into(), 4), (self.b.into(), 12)], false)
            .raw(&[self.sep])
            .bits(&[(self.c.number(), 1), (self.d.into(), 7)], false)
            .done()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Fixed for LeMsb {
    const RUNTIME: bool = false;
    fn strategy() -> BoxedStrategy<Self> {
        (uint(4), uint(12), any::<u8>(), sign(), uint(22))
            .prop_map(|(a, b, sep, c, d)| LeMsb {
                a: a as u8,
                b: b as u16,
                sep,
                c,
                d: d as u32,
            })
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        LeMsb {
            a: v.a(),
            b: v.b(),
            sep: v.sep(),
            c: v.c(),
            d: v.d(),
        }
    }
    view_methods!();
    fn reference(&self, _: Endian) -> Vec<u8> {
        Out::new(Endian::Little)
            .bits(&[(self.a.into(), 4), (self.b.into(), 12)], true)
            .raw(&[self.sep])
            .bits(&[(self.c.number(), 2), (self.d.into(), 22)], true)
            .done()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Fixed for Item {
    const RUNTIME: bool = false;
    fn strategy() -> BoxedStrategy<Self> {
        (unit(), uint(6), any::<i16>())
            .prop_map(|(unit, channel, value)| Item {
                unit,
                channel: channel as u8,
                value,
            })
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        Item {
            unit: v.unit(),
            channel: v.channel(),
            value: v.value(),
        }
    }
    view_methods!();
    fn reference(&self, _: Endian) -> Vec<u8> {
        Out::new(Endian::Big)
            .bits(&[(self.unit.number(), 2), (self.channel.into(), 6)], true)
            .raw(&self.value.to_be_bytes())
            .done()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Fixed for Entry {
    const RUNTIME: bool = false;
    fn strategy() -> BoxedStrategy<Self> {
        (any::<u16>(), mode(), uint(5))
            .prop_map(|(id, mode, weight)| Entry {
                id,
                mode,
                weight: weight as u8,
            })
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        Entry {
            id: v.id(),
            mode: v.mode(),
            weight: v.weight(),
        }
    }
    view_methods!();
    fn reference(&self, _: Endian) -> Vec<u8> {
        Out::new(Endian::Little)
            .raw(&self.id.to_le_bytes())
            .bits(&[(self.mode.number(), 3), (self.weight.into(), 5)], false)
            .done()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Fixed for Pair {
    const RUNTIME: bool = false;
    fn strategy() -> BoxedStrategy<Self> {
        (any::<u8>(), level())
            .prop_map(|(key, level)| Pair { key, level })
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        Pair {
            key: v.key(),
            level: v.level(),
        }
    }
    view_methods!();
    fn reference(&self, _: Endian) -> Vec<u8> {
        let mut bytes = vec![self.key];
        bytes.extend_from_slice(&(self.level as u16).to_le_bytes());
        bytes
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Fixed for RtInner {
    const RUNTIME: bool = true;
    fn strategy() -> BoxedStrategy<Self> {
        (any::<u16>(), any::<i32>(), rt_kind())
            .prop_map(|(a, b, kind)| RtInner { a, b, kind })
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        RtInner {
            a: v.a(),
            b: v.b(),
            kind: v.kind(),
        }
    }
    view_methods!();
    fn reference(&self, endian: Endian) -> Vec<u8> {
        let mut out = Out::new(endian);
        put!(out, self.a);
        put!(out, self.b);
        put!(out, self.kind as u16);
        out.done()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Fixed for FixedBe {
    const RUNTIME: bool = false;
    fn strategy() -> BoxedStrategy<Self> {
        (any::<u32>(), rt_kind())
            .prop_map(|(id, kind)| FixedBe { id, kind })
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        FixedBe {
            id: v.id(),
            kind: v.kind(),
        }
    }
    view_methods!();
    fn reference(&self, _: Endian) -> Vec<u8> {
        let mut bytes = self.id.to_be_bytes().to_vec();
        bytes.extend_from_slice(&(self.kind as u16).to_be_bytes());
        bytes
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Fixed for RtOuter {
    const RUNTIME: bool = true;
    fn strategy() -> BoxedStrategy<Self> {
        (
            (
                any::<u32>(),
                RtInner::strategy(),
                [RtInner::strategy(), RtInner::strategy()],
                FixedBe::strategy(),
                any::<u32>(),
                any::<i64>(),
            ),
            (
                rt_kind(),
                any::<[u16; 3]>(),
                any::<f64>(),
                any::<bool>(),
                uint(3),
                sign(),
                sint(11),
                any::<i16>(),
            ),
        )
            .prop_map(
                |(
                    (magic, inner, pair, fixed, le, be),
                    (be_kind, arr, ratio, flag, level, sign, code, tail),
                )| RtOuter {
                    magic,
                    inner,
                    pair,
                    fixed,
                    le,
                    be,
                    be_kind,
                    arr,
                    ratio,
                    flag,
                    _pad: [0; 2],
                    level: level as u8,
                    sign,
                    code: code as i16,
                    tail,
                },
            )
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        let pair = v.pair();
        let arr = v.arr();
        RtOuter {
            magic: v.magic(),
            inner: RtInner::from_view(v.inner()),
            pair: std::array::from_fn(|i| RtInner::from_view(pair.get(i).expect("in range"))),
            fixed: FixedBe::from_view(v.fixed()),
            le: v.le(),
            be: v.be(),
            be_kind: v.be_kind(),
            arr: std::array::from_fn(|i| arr.get(i).expect("in range")),
            ratio: v.ratio(),
            flag: v.flag(),
            _pad: [0; 2],
            level: v.level(),
            sign: v.sign(),
            code: v.code(),
            tail: v.tail(),
        }
    }
    view_methods!();
    fn reference(&self, endian: Endian) -> Vec<u8> {
        let mut out = Out::new(endian);
        put!(out, self.magic);
        out.raw(&self.inner.reference(endian));
        for inner in &self.pair {
            out.raw(&inner.reference(endian));
        }
        out.raw(&self.fixed.reference(endian))
            .raw(&self.le.to_le_bytes())
            .raw(&self.be.to_be_bytes())
            .raw(&(self.be_kind as u16).to_be_bytes());
        for n in self.arr {
            put!(out, n);
        }
        put!(out, self.ratio);
        out.raw(&[u8::from(self.flag), 0, 0]).bits(
            &[
                (self.level.into(), 3),
                (self.sign.number(), 2),
                (self.code.into(), 11),
            ],
            true,
        );
        put!(out, self.tail);
        out.done()
    }
    fn same(&self, other: &Self) -> bool {
        // By the bytes, so that a NaN equals itself.
        self.to_bytes_with(Endian::Little) == other.to_bytes_with(Endian::Little)
    }
}

impl Fixed for RtLsb {
    const RUNTIME: bool = true;
    fn strategy() -> BoxedStrategy<Self> {
        (
            uint(12),
            uint(4),
            RtInner::strategy(),
            any::<bool>(),
            sint(7),
        )
            .prop_map(|(x, y, inner, z, w)| RtLsb {
                x: x as u16,
                y: y as u8,
                inner,
                z,
                w: w as i8,
            })
            .boxed()
    }
    fn from_view(v: Self::View<'_>) -> Self {
        RtLsb {
            x: v.x(),
            y: v.y(),
            inner: RtInner::from_view(v.inner()),
            z: v.z(),
            w: v.w(),
        }
    }
    view_methods!();
    fn reference(&self, endian: Endian) -> Vec<u8> {
        let mut out = Out::new(endian);
        out.bits(&[(self.x.into(), 12), (self.y.into(), 4)], false)
            .raw(&self.inner.reference(endian))
            .bits(&[(self.z.number(), 1), (self.w.into(), 7)], false);
        out.done()
    }
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the fixed-size types

/// `Ok` or a test failure naming `what`.
fn ok<T>(result: Result<T, Error>, what: &str) -> Result<T, TestCaseError> {
    result.map_err(|e| TestCaseError::fail(format!("{what}: {e}")))
}

/// An error reads as a sentence.
fn readable(error: &Error) -> Result<(), TestCaseError> {
    prop_assert!(
        !error.to_string().is_empty(),
        "{:?} displays as an empty string",
        error
    );
    Ok(())
}

/// `a` is exactly the slice `b`: same start, same length.
fn same_place(a: &[u8], b: &[u8]) -> bool {
    a.as_ptr() == b.as_ptr() && a.len() == b.len()
}

/// The view's getters read `owned`, and so does the view's own `unpack`.
fn agree<T: Fixed>(view: T::View<'_>, owned: &T, what: &str) -> Result<(), TestCaseError> {
    let read = T::from_view(view);
    prop_assert!(
        read.same(owned),
        "{}: getters read {:?}, unpack reads {:?}",
        what,
        read,
        owned
    );
    let unpacked = T::view_unpack(view);
    prop_assert!(
        unpacked.same(owned),
        "{}: view.unpack() reads {:?}, unpack reads {:?}",
        what,
        unpacked,
        owned
    );
    Ok(())
}

/// A view and an `unpack` of the same bytes: both succeed and agree, or both fail alike.
fn agree_or_fail_alike<T: Fixed>(
    view: Result<T::View<'_>, Error>,
    owned: &Result<T, Error>,
    what: &str,
) -> Result<(), TestCaseError> {
    match (view, owned) {
        (Ok(view), Ok(owned)) => agree(view, owned, what),
        (Err(a), Err(b)) => {
            readable(&a)?;
            prop_assert_eq!(&a, b, "{}: the view and unpack fail differently", what);
            Ok(())
        }
        (Ok(_), Err(e)) => Err(TestCaseError::fail(format!(
            "{what}: the view accepts what unpack refuses ({e})"
        ))),
        (Err(e), Ok(_)) => Err(TestCaseError::fail(format!(
            "{what}: unpack accepts what the view refuses ({e})"
        ))),
    }
}

/// Every record of a table reads what `unpack_with` reads at its place.
fn check_table<T: Fixed>(
    records: Records<'_, T>,
    bytes: &[u8],
    stride: usize,
    endian: Endian,
) -> Result<(), TestCaseError> {
    let len = records.len();
    prop_assert_eq!(records.iter().len(), len);
    prop_assert_eq!(records.iter().rev().count(), len);
    for (index, view) in records.iter().enumerate() {
        let start = index * stride;
        let record = bytes
            .get(start..start + T::SIZE)
            .ok_or_else(|| TestCaseError::fail(format!("record {index} is past the buffer")))?;
        let owned = ok(T::unpack_with(record, endian), "a table record")?;
        agree(view, &owned, "table record")?;
        let by_index = records
            .get(index)
            .ok_or_else(|| TestCaseError::fail(format!("get({index}) of {len}")))?;
        agree(by_index, &owned, "table get")?;
    }
    prop_assert!(records.get(len).is_none());
    Ok(())
}

/// Property (a) and the view/unpack half of (b): every entry point on `bytes`.
fn exercise_fixed<T: Fixed>(
    bytes: &[u8],
    offset: usize,
    count: usize,
    stride: usize,
) -> Result<(), TestCaseError> {
    let exact = T::unpack(bytes);
    agree_or_fail_alike::<T>(T::view(bytes), &exact, "view")?;

    let mut copy = bytes.to_vec();
    match (T::view_mut(&mut copy), &exact) {
        (Ok(view), Ok(owned)) => {
            let read = T::from_view_mut(&view);
            prop_assert!(read.same(owned), "view_mut getters read {:?}", read);
        }
        (Err(a), Err(b)) => prop_assert_eq!(&a, b, "view_mut fails like unpack"),
        _ => return Err(TestCaseError::fail("view_mut and unpack disagree")),
    }
    prop_assert_eq!(&copy[..], bytes, "reading a writable view writes nothing");

    match T::view_prefix(bytes) {
        Ok((view, rest)) => {
            prop_assert!(bytes.len() >= T::SIZE);
            prop_assert!(same_place(rest, &bytes[T::SIZE..]), "view_prefix's rest");
            let owned = ok(T::unpack(&bytes[..T::SIZE]), "unpack of the prefix")?;
            agree(view, &owned, "view_prefix")?;
        }
        Err(e) => {
            readable(&e)?;
            if let Some(record) = bytes.get(..T::SIZE) {
                prop_assert_eq!(T::unpack(record).err(), Some(e), "view_prefix vs unpack");
            }
        }
    }

    let from = T::unpack_from(bytes, offset);
    agree_or_fail_alike::<T>(T::view_at(bytes, offset), &from, "view_at vs unpack_from")?;
    if let Ok(from) = &from {
        let record = &bytes[offset..offset + T::SIZE];
        let owned = ok(T::unpack(record), "unpack of the record unpack_from read")?;
        prop_assert!(owned.same(from), "unpack_from vs unpack");
    }

    // Without an order given, run-time types read little-endian.
    match T::records(bytes) {
        Ok(records) => check_table(records, bytes, T::SIZE, Endian::Little)?,
        Err(e) => readable(&e)?,
    }

    for endian in ENDIANS {
        let exact_with = T::unpack_with(bytes, endian);
        agree_or_fail_alike::<T>(T::view_with(bytes, endian), &exact_with, "view_with")?;
        if !T::RUNTIME {
            // A type with an order of its own ignores the one given.
            match (&exact, &exact_with) {
                (Ok(a), Ok(b)) => prop_assert!(a.same(b), "unpack_with({:?})", endian),
                (Err(a), Err(b)) => prop_assert_eq!(a, b),
                _ => {
                    return Err(TestCaseError::fail(format!(
                        "unpack_with({endian:?}) vs unpack"
                    )))
                }
            }
        }
        let from = T::unpack_from_with(bytes, offset, endian);
        agree_or_fail_alike::<T>(
            T::view_at_with(bytes, offset, endian),
            &from,
            "view_at_with",
        )?;

        match T::records_with(bytes, endian) {
            Ok(records) => {
                prop_assert_eq!(records.len() * T::SIZE, bytes.len());
                check_table(records, bytes, T::SIZE, endian)?;
            }
            Err(e) => {
                readable(&e)?;
                if bytes.len() % T::SIZE == 0 {
                    prop_assert!(
                        bytes
                            .chunks(T::SIZE)
                            .any(|record| T::unpack_with(record, endian).is_err()),
                        "records_with refuses whole valid records: {}",
                        e
                    );
                }
            }
        }
        match Records::<T>::with_stride_endian(bytes, count, stride, endian) {
            Ok(records) => {
                prop_assert_eq!(records.len(), count);
                prop_assert!(stride >= T::SIZE);
                check_table(records, bytes, stride, endian)?;
            }
            Err(e) => readable(&e)?,
        }
    }
    Ok(())
}

/// Property (b), owned half: the library's bytes are the hand-written ones, and unpack gives
/// the value back, in both byte orders.
fn round_trip<T: Fixed>(value: &T) -> Result<(), TestCaseError> {
    for endian in ENDIANS {
        let expected = value.reference(endian);
        prop_assert_eq!(
            expected.len(),
            T::SIZE,
            "the hand-written bytes are SIZE long"
        );
        let mut bytes = vec![0xa5; T::SIZE];
        ok(
            value.pack_into_with(&mut bytes, 0, endian),
            "pack_into_with",
        )?;
        prop_assert_eq!(
            &bytes,
            &expected,
            "{:?} bytes of {:?} vs written by hand",
            endian,
            value
        );
        let back = ok(
            T::unpack_with(&bytes, endian),
            "unpack_with(pack_into_with(x))",
        )?;
        prop_assert!(back.same(value), "unpack_with gave {:?}", back);
        agree(
            ok(T::view_with(&bytes, endian), "view_with")?,
            value,
            "view of x",
        )?;
    }
    let mut bytes = vec![0; T::SIZE];
    ok(value.pack_into(&mut bytes, 0), "pack_into")?;
    let back = ok(T::unpack(&bytes), "unpack(pack_into(x))")?;
    prop_assert!(back.same(value), "unpack(pack_into(x)) gave {:?}", back);
    Ok(())
}

/// Records written by hand `gap.len()` bytes apart read back through a strided table.
fn strided_table<T: Fixed>(values: &[T], gap: &[u8], big: bool) -> Result<(), TestCaseError> {
    let endian = if big { Endian::Big } else { Endian::Little };
    let stride = T::SIZE + gap.len();
    let mut bytes = Vec::new();
    for value in values {
        bytes.extend_from_slice(&value.reference(endian));
        bytes.extend_from_slice(gap);
    }
    // The gap after the last record is not part of the table.
    bytes.truncate(bytes.len().saturating_sub(gap.len()));
    let records = ok(
        Records::<T>::with_stride_endian(&bytes, values.len(), stride, endian),
        "with_stride_endian",
    )?;
    prop_assert_eq!(records.len(), values.len());
    prop_assert_eq!(records.stride(), stride as isize);
    for (view, value) in records.iter().zip(values) {
        agree(view, value, "strided record")?;
    }
    check_table(records, &bytes, stride, endian)?;
    if !values.is_empty() {
        let short = &bytes[..bytes.len() - 1];
        let err = Records::<T>::with_stride_endian(short, values.len(), stride, endian)
            .err()
            .ok_or_else(|| TestCaseError::fail("a table one byte short is accepted"))?;
        readable(&err)?;
    }
    Ok(())
}

/// Noise, or valid records with noise around them and a few bytes changed, up to 300 bytes.
fn fixed_inputs<T: Fixed + 'static>() -> BoxedStrategy<Vec<u8>> {
    let noise = || prop_oneof![2 => Just(Vec::new()), 1 => vec(any::<u8>(), 1..4)];
    let valid = (
        noise(),
        vec(T::strategy(), 0..4),
        any::<bool>(),
        noise(),
        prop_oneof![3 => Just(Vec::new()), 1 => vec((any::<usize>(), any::<u8>()), 1..3)],
    )
        .prop_map(|(before, records, big, after, changes)| {
            let endian = if big { Endian::Big } else { Endian::Little };
            let mut bytes = before;
            for record in &records {
                bytes.extend_from_slice(&record.reference(endian));
            }
            bytes.extend_from_slice(&after);
            bytes.truncate(299);
            if !bytes.is_empty() {
                for (at, byte) in changes {
                    let len = bytes.len();
                    bytes[at % len] = byte;
                }
            }
            bytes
        });
    prop_oneof![1 => vec(any::<u8>(), 0..300), 2 => valid].boxed()
}

/// Offsets and counts: small mostly, huge sometimes.
fn sizes() -> BoxedStrategy<usize> {
    prop_oneof![8 => 0usize..310, 1 => any::<usize>(), 1 => Just(usize::MAX)].boxed()
}

/// Record counts for strided tables: a few mostly, so that tables fit.
fn counts() -> BoxedStrategy<usize> {
    prop_oneof![3 => 0usize..8, 1 => sizes()].boxed()
}

/// Strides around the record size, and any others.
fn strides<T: Overlay>() -> BoxedStrategy<usize> {
    prop_oneof![
        3 => (0usize..12).prop_map(|extra| T::SIZE + extra),
        1 => 0..T::SIZE + 1,
        1 => sizes(),
    ]
    .boxed()
}

macro_rules! fixed_properties {
    ($($module:ident: $ty:ident),* $(,)?) => {$(
        mod $module {
            use super::*;

            proptest! {
                #[test]
                fn no_input_makes_an_entry_point_panic(
                    bytes in fixed_inputs::<$ty>(),
                    offset in sizes(),
                    count in counts(),
                    stride in strides::<$ty>(),
                ) {
                    exercise_fixed::<$ty>(&bytes, offset, count, stride)?;
                }

                #[test]
                fn strided_tables_read_every_record(
                    values in vec(<$ty as Fixed>::strategy(), 0..5),
                    gap in vec(any::<u8>(), 0..6),
                    big in any::<bool>(),
                ) {
                    strided_table(&values, &gap, big)?;
                }

                #[test]
                fn owned_values_round_trip_and_match_bytes_written_by_hand(
                    value in <$ty as Fixed>::strategy(),
                ) {
                    round_trip(&value)?;
                }
            }
        }
    )*};
}

fixed_properties!(
    bits_be: BitsBe,
    bits_le: BitsLe,
    be_lsb: BeLsb,
    le_msb: LeMsb,
    item: Item,
    entry: Entry,
    pair: Pair,
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
            let back = ok(RtOuter::unpack_with(&outer.to_bytes_with(endian), endian), "RtOuter")?;
            prop_assert!(back.same(&outer));
            let back = ok(RtLsb::unpack_with(&lsb.to_bytes_with(endian), endian), "RtLsb")?;
            prop_assert_eq!(back, lsb);
        }
        prop_assert_eq!(outer.to_bytes().to_vec(), outer.reference(Endian::Little));
        prop_assert_eq!(lsb.to_bytes().to_vec(), lsb.reference(Endian::Little));
    }
}

// ---------------------------------------------------------------------------------------------
// Bit-field setters

/// The `FieldInfo` of the top-level field `name`.
fn field_info<T: Overlay>(name: &str) -> &'static FieldInfo {
    T::FIELDS
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("{} has a field `{name}`", std::any::type_name::<T>()))
}

/// Property (c) for one call of a setter: `result` of setting `value` (a number of
/// `signed`-ness) on field `name` of the record `start`, leaving `bytes`, with `read_back` what
/// the getter then read and `expected` the record with the field replaced.
#[allow(clippy::too_many_arguments)]
fn judge_setter<T: Fixed>(
    name: &str,
    start: &[u8],
    bytes: &[u8],
    number: i128,
    signed: bool,
    result: Result<(), Error>,
    read_back_matches: bool,
    expected: &T,
    endian: Endian,
) -> Result<(), TestCaseError> {
    let info = field_info::<T>(name);
    let (_, width) = info
        .bits
        .ok_or_else(|| TestCaseError::fail(format!("{name} is not a bit field")))?;
    let group = info.offset..info.offset + info.size;
    let should_fit = fits(number, width, signed);
    match result {
        Ok(()) => {
            prop_assert!(
                should_fit,
                "{} accepted {} although it does not fit {} bits",
                name,
                number,
                width
            );
            prop_assert!(read_back_matches, "{} does not read back {}", name, number);
            for (index, (a, b)) in start.iter().zip(bytes).enumerate() {
                prop_assert!(
                    a == b || group.contains(&index),
                    "setting {} changed byte {} outside its group {:?}",
                    name,
                    index,
                    group
                );
            }
            let after = ok(T::unpack_with(bytes, endian), "unpack after a setter")?;
            prop_assert!(
                after.same(expected),
                "after setting {}: {:?}, expected {:?}",
                name,
                after,
                expected
            );
        }
        Err(e) => {
            readable(&e)?;
            prop_assert!(
                !should_fit,
                "{} refused {} which fits {} bits: {}",
                name,
                number,
                width,
                e
            );
            match e.kind() {
                ErrorKind::BitFieldOverflow { value, bits, path } => {
                    prop_assert_eq!(value, number);
                    prop_assert_eq!(bits, width);
                    prop_assert!(path.to_string().ends_with(name), "path {}", path);
                }
                other => {
                    return Err(TestCaseError::fail(format!(
                        "{name}: expected BitFieldOverflow, got {other:?}"
                    )))
                }
            }
            prop_assert_eq!(bytes, start, "a refused value writes nothing");
        }
    }
    Ok(())
}

macro_rules! setter_properties {
    ($module:ident: $ty:ident { $($field:ident / $setter:ident: $vty:ty),* $(,)? }) => {
        mod $module {
            use super::*;

            proptest! {
                $(
                    #[test]
                    fn $field(
                        start in <$ty as Fixed>::strategy(),
                        value in <$vty as BitValue>::candidates(),
                        big in any::<bool>(),
                    ) {
                        let endian = if big { Endian::Big } else { Endian::Little };
                        let start = start.reference(endian);
                        let before = ok(<$ty>::unpack_with(&start, endian), "the start value")?;
                        let mut bytes = start.clone();
                        let mut view = ok(<$ty>::view_mut_with(&mut bytes, endian), "view_mut")?;
                        let result = view.$setter(value);
                        let read_back_matches = view.$field() == value;
                        let mut expected = before;
                        expected.$field = value;
                        judge_setter::<$ty>(
                            stringify!($field),
                            &start,
                            &bytes,
                            value.number(),
                            <$vty as BitValue>::SIGNED,
                            result,
                            read_back_matches,
                            &expected,
                            endian,
                        )?;
                    }
                )*
            }
        }
    };
}

setter_properties!(bits_be_setters: BitsBe {
    flag / set_flag: bool,
    mode / set_mode: Mode,
    nibble / set_nibble: u8,
    small / set_small: i8,
    wide / set_wide: u16,
    sign / set_sign: Sign,
    level / set_level: Level,
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
    level / set_level: Level,
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

// ---------------------------------------------------------------------------------------------
// Variable-length types under test

/// A variable-length record type under test, with an owned model of one record.
trait VarShape: VarOverlay {
    type Model: Clone + Debug + PartialEq;
    /// Whether the last field takes the rest of the buffer (so nothing can follow a record).
    const HAS_REST: bool;
    /// Whether the type takes its byte order when viewed.
    const RUNTIME: bool;
    fn model() -> BoxedStrategy<Self::Model>;
    /// The record's bytes, written by hand.
    fn encode(model: &Self::Model, endian: Endian) -> Vec<u8>;
    /// The record read through every getter (iterating every table).
    fn read(view: &Self::View<'_>) -> Self::Model;
    /// `size()`, `as_bytes()`, `fixed().as_bytes()`, and each variable field's bytes in order.
    #[allow(clippy::type_complexity)]
    fn layout<'a>(view: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>);
    fn debug(view: &Self::View<'_>) -> String;
}

/// A table's records read through every getter, checked against `get`, `len` and reverse
/// iteration.
fn table<T: Fixed>(records: Records<'_, T>) -> Vec<T> {
    let items: Vec<T> = records.iter().map(T::from_view).collect();
    assert_eq!(items.len(), records.len(), "iter() yields len() records");
    assert_eq!(records.iter().rev().count(), records.len());
    for (index, item) in items.iter().enumerate() {
        let view = records.get(index).expect("get(index) below len()");
        assert!(T::from_view(view).same(item), "get({index}) vs iter()");
    }
    assert!(records.get(records.len()).is_none());
    assert_eq!(records.as_bytes().len(), records.len() * T::SIZE);
    items
}

#[derive(Clone, Debug, PartialEq)]
struct DatagramModel {
    version: u8,
    ihl: u8,
    kind: Kind,
    total_len: u16,
    n_items: u8,
    name_len: u8,
    options: Vec<u8>,
    items: Vec<Item>,
    name: Vec<u8>,
    trailer: Vec<u8>,
}

impl VarShape for Datagram {
    type Model = DatagramModel;
    const HAS_REST: bool = false;
    const RUNTIME: bool = false;
    fn model() -> BoxedStrategy<DatagramModel> {
        (
            0u8..16,
            2u8..16,
            kind(),
            vec(Item::strategy(), 0..6),
            0u8..20,
            vec(any::<u8>(), 52),
            vec(any::<u8>(), 20),
            vec(any::<u8>(), 0..12),
        )
            .prop_map(
                |(version, ihl, kind, items, name_len, options, name, trailer)| {
                    let options = options[..usize::from(ihl) * 4 - 8].to_vec();
                    let padded = usize::from(name_len).div_ceil(2) * 2;
                    let name = name[..padded].to_vec();
                    let total_len = usize::from(ihl) * 4 + items.len() * 3 + padded + trailer.len();
                    DatagramModel {
                        version,
                        ihl,
                        kind,
                        total_len: total_len as u16,
                        n_items: items.len() as u8,
                        name_len,
                        options,
                        items,
                        name,
                        trailer,
                    }
                },
            )
            .boxed()
    }
    fn encode(m: &DatagramModel, _: Endian) -> Vec<u8> {
        let mut out = Out::new(Endian::Big);
        out.bits(&[(m.version.into(), 4), (m.ihl.into(), 4)], true)
            .raw(&[m.kind as u8])
            .raw(&m.total_len.to_be_bytes())
            .raw(&[m.n_items, m.name_len])
            .raw(&m.options);
        for item in &m.items {
            out.raw(&item.reference(Endian::Big));
        }
        out.raw(&m.name).raw(&m.trailer).done()
    }
    fn read(v: &DatagramView<'_>) -> DatagramModel {
        DatagramModel {
            version: v.version(),
            ihl: v.ihl(),
            kind: v.kind(),
            total_len: v.total_len(),
            n_items: v.n_items(),
            name_len: v.name_len(),
            options: v.options().to_vec(),
            items: table(v.items()),
            name: v.name().to_vec(),
            trailer: v.trailer().to_vec(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![v.options(), v.items().as_bytes(), v.name(), v.trailer()];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &DatagramView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct CatalogModel {
    shift: u8,
    n_entries: u8,
    tag: Kind,
    blob_len: u16,
    flags: u8,
    entries: Vec<Entry>,
    blob: Vec<u8>,
    words: Vec<u32>,
}

impl VarShape for Catalog {
    type Model = CatalogModel;
    const HAS_REST: bool = true;
    const RUNTIME: bool = false;
    fn model() -> BoxedStrategy<CatalogModel> {
        (
            0u8..8,
            vec(Entry::strategy(), 0..8),
            kind(),
            0u16..60,
            0u8..16,
            vec(any::<u8>(), 40),
            vec(any::<u32>(), 0..6),
        )
            .prop_map(|(shift, entries, tag, blob_len, flags, blob, words)| {
                let blob = blob[..usize::from(blob_len / 2 + u16::from(shift))].to_vec();
                CatalogModel {
                    shift,
                    n_entries: entries.len() as u8,
                    tag,
                    blob_len,
                    flags,
                    entries,
                    blob,
                    words,
                }
            })
            .boxed()
    }
    fn encode(m: &CatalogModel, _: Endian) -> Vec<u8> {
        let mut out = Out::new(Endian::Little);
        out.bits(&[(m.shift.into(), 3), (m.n_entries.into(), 5)], false)
            .raw(&[m.tag as u8])
            .bits(&[(m.blob_len.into(), 12), (m.flags.into(), 4)], false);
        for entry in &m.entries {
            out.raw(&entry.reference(Endian::Little));
        }
        out.raw(&m.blob);
        for word in &m.words {
            out.raw(&word.to_le_bytes());
        }
        out.done()
    }
    fn read(v: &CatalogView<'_>) -> CatalogModel {
        let words = v.words();
        assert_eq!(words.iter().len(), words.len());
        CatalogModel {
            shift: v.shift(),
            n_entries: v.n_entries(),
            tag: v.tag(),
            blob_len: v.blob_len(),
            flags: v.flags(),
            entries: table(v.entries()),
            blob: v.blob().to_vec(),
            words: words.iter().collect(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![v.entries().as_bytes(), v.blob(), v.words().as_bytes()];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &CatalogView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct NoteModel {
    kind: Kind,
    more: bool,
    header_words: u8,
    header: Vec<u8>,
    body: Vec<u8>,
}

impl VarShape for Note {
    type Model = NoteModel;
    const HAS_REST: bool = true;
    const RUNTIME: bool = false;
    fn model() -> BoxedStrategy<NoteModel> {
        (
            kind(),
            any::<bool>(),
            0u8..128,
            vec(any::<u8>(), 9),
            vec(any::<u8>(), 0..30),
        )
            .prop_map(|(kind, more, header_words, header, body)| NoteModel {
                kind,
                more,
                header_words,
                header: header[..usize::from(header_words) * 2 % 9].to_vec(),
                body,
            })
            .boxed()
    }
    fn encode(m: &NoteModel, _: Endian) -> Vec<u8> {
        Out::new(Endian::Big)
            .raw(&[m.kind as u8])
            .bits(&[(m.more.number(), 1), (m.header_words.into(), 7)], true)
            .raw(&m.header)
            .raw(&m.body)
            .done()
    }
    fn read(v: &NoteView<'_>) -> NoteModel {
        NoteModel {
            kind: v.kind(),
            more: v.more(),
            header_words: v.header_words(),
            header: v.header().to_vec(),
            body: v.body().to_vec(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        (
            v.size(),
            v.as_bytes(),
            v.fixed().as_bytes(),
            vec![v.header(), v.body()],
        )
    }
    fn debug(v: &NoteView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct MultiModel {
    a: u8,
    b: u8,
    c: u16,
    first: Vec<u8>,
    pairs: Vec<Pair>,
    more: Vec<Pair>,
    words: Vec<u16>,
    last: Vec<u8>,
}

impl VarShape for Multi {
    type Model = MultiModel;
    const HAS_REST: bool = false;
    const RUNTIME: bool = false;
    fn model() -> BoxedStrategy<MultiModel> {
        (
            vec(any::<u8>(), 0..20),
            0usize..5,
            vec(Pair::strategy(), 4),
            vec(Pair::strategy(), 4),
            0u16..300,
            vec(any::<u16>(), 4),
            vec(any::<u8>(), 60),
        )
            .prop_map(|(first, b, pairs, more, c, words, last)| MultiModel {
                a: first.len() as u8,
                b: b as u8,
                c,
                first,
                pairs: pairs[..b].to_vec(),
                more: more[..b].to_vec(),
                words: words[..usize::from(c % 5)].to_vec(),
                last: last[..usize::from(c / 5)].to_vec(),
            })
            .boxed()
    }
    fn encode(m: &MultiModel, _: Endian) -> Vec<u8> {
        let mut out = Out::new(Endian::Little);
        out.raw(&[m.a, m.b]).raw(&m.c.to_le_bytes()).raw(&m.first);
        for pair in m.pairs.iter().chain(&m.more) {
            out.raw(&pair.reference(Endian::Little));
        }
        for word in &m.words {
            out.raw(&word.to_le_bytes());
        }
        out.raw(&m.last).done()
    }
    fn read(v: &MultiView<'_>) -> MultiModel {
        let words = v.words();
        assert_eq!(words.iter().rev().count(), words.len());
        MultiModel {
            a: v.a(),
            b: v.b(),
            c: v.c(),
            first: v.first().to_vec(),
            pairs: table(v.pairs()),
            more: table(v.more()),
            words: words.iter().collect(),
            last: v.last().to_vec(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![
            v.first(),
            v.pairs().as_bytes(),
            v.more().as_bytes(),
            v.words().as_bytes(),
            v.last(),
        ];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &MultiView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct RatioModel {
    a: u8,
    b: u8,
    k: i8,
    quotient: Vec<u8>,
    remainder: Vec<u8>,
    pairs: Vec<Pair>,
}

impl VarShape for Ratio {
    type Model = RatioModel;
    const HAS_REST: bool = false;
    const RUNTIME: bool = false;
    fn model() -> BoxedStrategy<RatioModel> {
        (
            0u8..40,
            1u8..12,
            vec(Pair::strategy(), 0..5),
            vec(any::<u8>(), 40),
        )
            .prop_map(|(a, b, pairs, pool)| RatioModel {
                a,
                b,
                k: pairs.len() as i8,
                quotient: pool[..usize::from(a / b)].to_vec(),
                remainder: pool[..usize::from(a % b)].to_vec(),
                pairs,
            })
            .boxed()
    }
    fn encode(m: &RatioModel, _: Endian) -> Vec<u8> {
        let mut out = Out::new(Endian::Little);
        out.raw(&[m.a, m.b, m.k as u8])
            .raw(&m.quotient)
            .raw(&m.remainder);
        for pair in &m.pairs {
            out.raw(&pair.reference(Endian::Little));
        }
        out.done()
    }
    fn read(v: &RatioView<'_>) -> RatioModel {
        RatioModel {
            a: v.a(),
            b: v.b(),
            k: v.k(),
            quotient: v.quotient().to_vec(),
            remainder: v.remainder().to_vec(),
            pairs: table(v.pairs()),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![v.quotient(), v.remainder(), v.pairs().as_bytes()];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &RatioView<'_>) -> String {
        format!("{v:?}")
    }
}

#[derive(Clone, Debug, PartialEq)]
struct RtFrameModel {
    len: u32,
    n: u8,
    flags: u8,
    kind: RtKind,
    always_big: u16,
    entries: Vec<RtInner>,
    data: Vec<u8>,
    stamps: Vec<u16>,
}

impl VarShape for RtFrame {
    type Model = RtFrameModel;
    const HAS_REST: bool = false;
    const RUNTIME: bool = true;
    fn model() -> BoxedStrategy<RtFrameModel> {
        (
            vec(RtInner::strategy(), 0..8),
            uint(5),
            rt_kind(),
            any::<u16>(),
            vec(any::<u8>(), 0..40),
            vec(any::<u16>(), 8),
        )
            .prop_map(
                |(entries, flags, kind, always_big, data, stamps)| RtFrameModel {
                    len: data.len() as u32,
                    n: entries.len() as u8,
                    flags: flags as u8,
                    kind,
                    always_big,
                    stamps: stamps[..entries.len() + 1].to_vec(),
                    entries,
                    data,
                },
            )
            .boxed()
    }
    fn encode(m: &RtFrameModel, endian: Endian) -> Vec<u8> {
        let mut out = Out::new(endian);
        put!(out, m.len);
        out.bits(&[(m.n.into(), 3), (m.flags.into(), 5)], true);
        put!(out, m.kind as u16);
        out.raw(&m.always_big.to_be_bytes());
        for entry in &m.entries {
            out.raw(&entry.reference(endian));
        }
        out.raw(&m.data);
        for stamp in &m.stamps {
            put!(out, *stamp);
        }
        out.done()
    }
    fn read(v: &RtFrameView<'_>) -> RtFrameModel {
        RtFrameModel {
            len: v.len(),
            n: v.n(),
            flags: v.flags(),
            kind: v.kind(),
            always_big: v.always_big(),
            entries: table(v.entries()),
            data: v.data().to_vec(),
            stamps: v.stamps().iter().collect(),
        }
    }
    fn layout<'a>(v: &Self::View<'a>) -> (usize, &'a [u8], &'a [u8], Vec<&'a [u8]>) {
        let parts = vec![v.entries().as_bytes(), v.data(), v.stamps().as_bytes()];
        (v.size(), v.as_bytes(), v.fixed().as_bytes(), parts)
    }
    fn debug(v: &RtFrameView<'_>) -> String {
        format!("{v:?}")
    }
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the variable-length types

/// A view made from `input` at `start`: its record, fixed part and every variable field are
/// consecutive slices of the input, adding up to `size()`; every getter can be called. Returns
/// what the getters read.
fn check_var_view<T: VarShape>(
    view: &T::View<'_>,
    input: &[u8],
    start: usize,
) -> Result<T::Model, TestCaseError> {
    let (size, record, fixed, parts) = T::layout(view);
    prop_assert_eq!(record.len(), size, "size() vs as_bytes().len()");
    let expected = input
        .get(start..)
        .and_then(|rest| rest.get(..size))
        .ok_or_else(|| {
            TestCaseError::fail(format!(
                "a record of {size} bytes at {start} does not fit the {}-byte input",
                input.len()
            ))
        })?;
    prop_assert!(
        same_place(record, expected),
        "as_bytes() is not the input's bytes at {}",
        start
    );
    prop_assert!(
        record
            .get(..T::FIXED_SIZE)
            .is_some_and(|head| same_place(fixed, head)),
        "fixed() is not the record's first FIXED_SIZE bytes"
    );
    let mut at = T::FIXED_SIZE;
    for (index, part) in parts.iter().enumerate() {
        let inside = record.get(at..at + part.len()).ok_or_else(|| {
            TestCaseError::fail(format!(
                "variable field {index} ({} bytes at {at}) is outside the {size}-byte record",
                part.len()
            ))
        })?;
        prop_assert!(
            same_place(part, inside),
            "variable field {} is not the record's bytes at {}",
            index,
            at
        );
        at += part.len();
    }
    prop_assert_eq!(
        at,
        size,
        "size() is the fixed part plus every variable field"
    );
    prop_assert!(!T::debug(view).is_empty());
    Ok(T::read(view))
}

/// Property (a) for variable-length types: every entry point on `bytes`.
fn exercise_var<T: VarShape>(bytes: &[u8], offset: usize) -> Result<(), TestCaseError> {
    let prefix = match T::view_prefix(bytes) {
        Ok((view, rest)) => {
            let model = check_var_view::<T>(&view, bytes, 0)?;
            let size = T::layout(&view).0;
            prop_assert!(
                same_place(rest, &bytes[size..]),
                "view_prefix's rest is not &input[size..]"
            );
            if T::HAS_REST {
                prop_assert!(rest.is_empty(), "a record with a rest field takes it all");
            }
            Some((model, size))
        }
        Err(e) => {
            readable(&e)?;
            None
        }
    };
    match T::view(bytes) {
        Ok(view) => {
            let model = check_var_view::<T>(&view, bytes, 0)?;
            prop_assert_eq!(
                T::layout(&view).0,
                bytes.len(),
                "view takes the whole input"
            );
            prop_assert_eq!(
                Some(&model),
                prefix.as_ref().map(|(model, _)| model),
                "view vs view_prefix"
            );
        }
        Err(e) => {
            readable(&e)?;
            if let Some((_, size)) = &prefix {
                prop_assert_ne!(*size, bytes.len(), "view refuses a whole record: {}", e);
            }
        }
    }
    for endian in ENDIANS {
        let prefix_with = match T::view_prefix_with(bytes, endian) {
            Ok((view, rest)) => {
                let model = check_var_view::<T>(&view, bytes, 0)?;
                let size = T::layout(&view).0;
                prop_assert!(same_place(rest, &bytes[size..]), "view_prefix_with's rest");
                Some((model, size))
            }
            Err(e) => {
                readable(&e)?;
                None
            }
        };
        if !T::RUNTIME {
            // A type with a byte order of its own ignores the one given (but see
            // `fixed_order_var_records_ignore_the_order_given`: its tables of scalars do not).
            prop_assert_eq!(
                prefix_with.as_ref().map(|(_, size)| size),
                prefix.as_ref().map(|(_, size)| size),
                "view_prefix_with({:?}) vs view_prefix of a fixed-order record",
                endian
            );
        }
        match T::view_with(bytes, endian) {
            Ok(view) => {
                let model = check_var_view::<T>(&view, bytes, 0)?;
                prop_assert_eq!(T::layout(&view).0, bytes.len());
                prop_assert_eq!(Some(&model), prefix_with.as_ref().map(|(model, _)| model));
            }
            Err(e) => readable(&e)?,
        }
    }
    match T::view_at(bytes, offset) {
        Ok(view) => {
            let model = check_var_view::<T>(&view, bytes, offset)?;
            let (tail_view, _) = ok(T::view_prefix(&bytes[offset..]), "view_prefix at offset")?;
            prop_assert_eq!(
                model,
                T::read(&tail_view),
                "view_at vs view_prefix at offset"
            );
        }
        Err(e) => {
            readable(&e)?;
            if let Some(tail) = bytes.get(offset..) {
                match T::view_prefix(tail) {
                    Ok(_) => {
                        return Err(TestCaseError::fail(format!(
                            "view_at({offset}) refuses what view_prefix of the tail reads: {e}"
                        )))
                    }
                    Err(tail_error) => prop_assert_eq!(
                        e.offset(),
                        tail_error.offset().map(|o| o + offset),
                        "view_at's offset is the tail's plus {}: {} vs {}",
                        offset,
                        e,
                        tail_error
                    ),
                }
            }
        }
    }
    Ok(())
}

/// Noise, or hand-encoded records with noise and a few changed bytes, up to 300 bytes.
fn var_inputs<T: VarShape + 'static>() -> BoxedStrategy<Vec<u8>> {
    let noise = || prop_oneof![2 => Just(Vec::new()), 1 => vec(any::<u8>(), 1..4)];
    let valid = (
        noise(),
        vec(T::model(), 1..4),
        any::<bool>(),
        noise(),
        prop_oneof![3 => Just(Vec::new()), 1 => vec((any::<usize>(), any::<u8>()), 1..3)],
        prop_oneof![3 => Just(usize::MAX), 1 => any::<usize>()],
    )
        .prop_map(|(before, models, big, after, changes, cut)| {
            let endian = if big { Endian::Big } else { Endian::Little };
            let mut bytes = before;
            for model in &models {
                bytes.extend_from_slice(&T::encode(model, endian));
            }
            bytes.extend_from_slice(&after);
            bytes.truncate(cut.min(299));
            if !bytes.is_empty() {
                for (at, byte) in changes {
                    let len = bytes.len();
                    bytes[at % len] = byte;
                }
            }
            bytes
        });
    prop_oneof![1 => vec(any::<u8>(), 0..300), 2 => valid].boxed()
}

/// Property (d): the stream of `models` walks back into them with `view_prefix` (or
/// `view_prefix_with(endian)`), and cut at `cut` it yields the records before the cut and
/// then fails (unless the cut falls between records).
fn walk_stream<T: VarShape>(
    models: &[T::Model],
    endian: Option<Endian>,
    cut: Option<usize>,
) -> Result<(), TestCaseError> {
    let view_prefix = |bytes| match endian {
        Some(endian) => T::view_prefix_with(bytes, endian),
        None => T::view_prefix(bytes),
    };
    let encoded: Vec<Vec<u8>> = models
        .iter()
        .map(|m| T::encode(m, endian.unwrap_or(Endian::Little)))
        .collect();
    let stream = encoded.concat();
    let mut ends = Vec::new();
    let mut end = 0;
    for record in &encoded {
        end += record.len();
        ends.push(end);
    }

    let mut rest = &stream[..];
    let mut at = 0;
    let mut seen = Vec::new();
    while !rest.is_empty() && seen.len() < models.len() {
        let (view, after) = view_prefix(rest)
            .map_err(|e| TestCaseError::fail(format!("record {} at {at}: {e}", seen.len())))?;
        seen.push(check_var_view::<T>(&view, &stream, at)?);
        let size = T::layout(&view).0;
        prop_assert_eq!(
            size,
            encoded[seen.len() - 1].len(),
            "size() vs the encoded size"
        );
        prop_assert!(
            same_place(after, &stream[at + size..]),
            "view_prefix's rest"
        );
        at += size;
        rest = after;
    }
    prop_assert!(rest.is_empty(), "the walk ends at the end of the stream");
    prop_assert_eq!(
        &seen[..],
        models,
        "the walk yields the records the stream was built from"
    );

    let Some(cut) = cut else { return Ok(()) };
    let cut = cut % (stream.len() + 1);
    let whole = ends.iter().filter(|&&end| end <= cut).count();
    let mut rest = &stream[..cut];
    let mut seen = Vec::new();
    let mut failed = false;
    while !rest.is_empty() && seen.len() <= models.len() {
        match view_prefix(rest) {
            Ok((view, after)) => {
                seen.push(T::read(&view));
                rest = after;
            }
            Err(e) => {
                readable(&e)?;
                failed = true;
                break;
            }
        }
    }
    prop_assert_eq!(
        &seen[..],
        &models[..whole],
        "records before the cut at {}",
        cut
    );
    let at_boundary = cut == 0 || ends.contains(&cut);
    prop_assert_eq!(
        failed,
        !at_boundary,
        "the record cut at {} must fail, and only it",
        cut
    );
    Ok(())
}

macro_rules! var_properties {
    ($($module:ident: $ty:ident),* $(,)?) => {$(
        mod $module {
            use super::*;

            proptest! {
                #[test]
                fn no_input_makes_an_entry_point_panic(
                    bytes in var_inputs::<$ty>(),
                    offset in prop_oneof![1 => 0usize..4, 1 => sizes()],
                ) {
                    exercise_var::<$ty>(&bytes, offset)?;
                }

                #[test]
                fn records_built_by_hand_read_back(model in <$ty as VarShape>::model(), big in any::<bool>()) {
                    let endian = if big { Endian::Big } else { Endian::Little };
                    let bytes = <$ty as VarShape>::encode(&model, endian);
                    let view = if <$ty as VarShape>::RUNTIME {
                        ok(<$ty>::view_with(&bytes, endian), "view_with")?
                    } else {
                        ok(<$ty>::view(&bytes), "view")?
                    };
                    prop_assert_eq!(check_var_view::<$ty>(&view, &bytes, 0)?, model);
                }

                #[test]
                fn streams_walk_back_into_their_records(
                    models in vec(<$ty as VarShape>::model(), 0..6),
                    big in any::<bool>(),
                    cut in any::<usize>(),
                ) {
                    let endian = match (<$ty as VarShape>::RUNTIME, big) {
                        (false, _) => None,
                        (true, false) => Some(Endian::Little),
                        (true, true) => Some(Endian::Big),
                    };
                    if <$ty as VarShape>::HAS_REST {
                        // A rest field takes everything after it, so a stream holds one
                        // record, and a cut one is a shorter valid record.
                        walk_stream::<$ty>(&models[..models.len().min(1)], endian, None)?;
                    } else {
                        walk_stream::<$ty>(&models, endian, Some(cut))?;
                    }
                }
            }
        }
    )*};
}

var_properties!(
    datagram: Datagram,
    catalog: Catalog,
    note: Note,
    multi: Multi,
    ratio: Ratio,
    rt_frame: RtFrame,
);

proptest! {
    /// A count of zero-sized records takes no bytes, so only its sign can be wrong.
    #[test]
    fn counts_of_zero_sized_records(k in 0i8..=i8::MAX, extra in vec(any::<u8>(), 0..3)) {
        let mut bytes = vec![k as u8];
        bytes.extend_from_slice(&extra);
        let (view, rest) = ok(Markers::view_prefix(&bytes), "Markers")?;
        prop_assert_eq!(view.marks().len(), k as usize);
        prop_assert_eq!(view.marks().iter().count(), k as usize);
        prop_assert_eq!(view.size(), 1);
        prop_assert!(same_place(rest, &bytes[1..]));
    }

    /// Dividing by a zero field is an error that names the field.
    #[test]
    fn a_length_divided_by_zero_is_an_error(a in any::<u8>(), k in any::<i8>()) {
        let err = Ratio::view(&[a, 0, k as u8]).err()
            .ok_or_else(|| TestCaseError::fail("a / 0 accepted"))?;
        prop_assert!(err.to_string().starts_with("Ratio.quotient at offset 3: length `a / b`"), "{}", err);
    }

    /// A negative count is an error, never a huge table.
    #[test]
    fn a_negative_count_of_records_is_an_error(k in i8::MIN..0, more in vec(any::<u8>(), 0..40)) {
        let mut bytes = vec![0, 1, k as u8];
        bytes.extend_from_slice(&more);
        let err = Ratio::view_prefix(&bytes).err()
            .ok_or_else(|| TestCaseError::fail("a negative count accepted"))?;
        let is_negative = matches!(err.kind(), ErrorKind::VarLength { needed: Some(n), .. } if n < 0);
        prop_assert!(is_negative, "{}", err);
    }
}

// ---------------------------------------------------------------------------------------------
// Regressions: bugs these properties found, fixed

/// `Multi` is little-endian; its `words` table holds bare `u16`s, which have no order of their
/// own. `view_prefix_with(bytes, Endian::Big)` reads the fixed part little-endian (the given
/// order is ignored, as for fixed `Overlay` types) but the `words` table big-endian: the
/// generated `__view_prefix` handed the given order to the tables, not the record's (fixed).
#[test]
fn fixed_order_var_records_ignore_the_order_given_minimal() {
    // a = 0, b = 0, c = 1 (so one u16 word and no other variable bytes), word = 1 little-endian.
    let bytes = [0, 0, 1, 0, 1, 0];
    let (view, _) = Multi::view_prefix(&bytes).unwrap();
    assert_eq!(view.words().iter().collect::<Vec<_>>(), [1]);
    let (view, _) = Multi::view_prefix_with(&bytes, Endian::Big).unwrap();
    assert_eq!(view.c(), 1, "the fixed part ignores the order given");
    assert_eq!(
        view.words().iter().collect::<Vec<_>>(),
        [1],
        "so must the record's table of u16s"
    );
}

proptest! {
    /// Every fixed-order variable-length record reads the same whatever order is given.
    #[test]
    fn fixed_order_var_records_ignore_the_order_given(
        multi in Multi::model(),
        catalog in Catalog::model(),
        big in any::<bool>(),
    ) {
        let endian = if big { Endian::Big } else { Endian::Little };
        let bytes = Multi::encode(&multi, Endian::Little);
        let (view, _) = ok(Multi::view_prefix_with(&bytes, endian), "Multi")?;
        prop_assert_eq!(Multi::read(&view), multi);
        let bytes = Catalog::encode(&catalog, Endian::Little);
        let (view, _) = ok(Catalog::view_prefix_with(&bytes, endian), "Catalog")?;
        prop_assert_eq!(Catalog::read(&view), catalog);
    }
}

/// `Markers` counts zero-sized records with a signed field. A count of -1 asks for
/// `-1 * 0 = 0` bytes, which passes the length check, and is then cast to `usize`: the view
/// is accepted and `marks().len()` is `usize::MAX`. (Generated `var_step` for counts checks
/// `needed = n * SIZE` for `n >= 0`, not `n` itself.) Iterating the table would not end.
#[test]
fn a_negative_count_of_zero_sized_records_is_an_error() {
    let result = Markers::view(&[0xff]).map(|view| view.marks().len());
    assert!(
        matches!(result.map_err(|e| e.kind()), Err(ErrorKind::VarLength { needed: Some(n), .. }) if n < 0),
        "k = -1 gives {result:?}"
    );
}

/// `Nothing::records(&[])` is an empty table, but a variable field of zero-sized records
/// given in bytes (or taking the rest) refuses an empty buffer:
/// "Nothing: a buffer of 0 bytes is not a whole number of 0-byte records (0 bytes left over)".
#[test]
fn no_bytes_of_zero_sized_records_is_an_empty_table() {
    assert_eq!(Nothing::records(&[]).map(|r| r.len()), Ok(0));
    let result = MarkerBytes::view(&[0]).map(|view| view.marks().len());
    assert_eq!(result, Ok(0), "{}", result.unwrap_err());
}
