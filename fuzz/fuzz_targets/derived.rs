//! A derived record with everything a record can hold (nested records, an array of them,
//! multi-dimensional and enum arrays, enums of 8 and 16 bits, bools, a float, a pad, bit
//! fields with an enum, a bool and a signed field, fields with a byte order of their own)
//! in a run-time byte order, against a model built from its `FIELDS` metadata: every leaf
//! field's offset, size, bits, byte order, and how it reads (read and written here with
//! shifts and `from_le_bytes`/`from_be_bytes`, not by the library).
//!
//! - Every entry point agrees on a valid record: `view_with`, `view_prefix_with`,
//!   `view_at_with`, `view_mut_with`, `view_prefix_mut_with`, `view_at_mut_with`,
//!   `unpack_with`, `unpack_from_with`, `records_with`, `records_mut_with`, the views' `Debug`
//!   and the getters against the model;
//! - `to_bytes_with` and `pack_into_with` give back the input with the pad zeroed, and write
//!   nothing else;
//! - one corrupted enum or bool field makes every entry point fail with exactly that field's
//!   path from `Outer` (`Outer.pair[1].flags[0]`) and its absolute offset (for a bit field, a
//!   byte that holds its bits), the value found, in a table the record's offset added;
//! - a setter writes exactly its own field's bytes (bits, for a bit field), and a bit-field
//!   setter refuses exactly the values that do not fit, writing nothing; so does `pack_into`
//!   for an owned value with a bit field too wide.
//!
//! Input: byte 0 the byte order and the table's length, byte 1 the field to corrupt, bytes 2..6
//! the corrupt value, bytes 6..10 the offset and the setter, bytes 10..26 the setter's value,
//! the rest the record (repaired into a valid one first) and the bytes around it.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use overlay::{Endian, ErrorKind, FieldInfo, FieldKind, Overlay, ValueType};
use overlay_fuzz::{word, Unit};

overlay_fuzz::kind! {
    /// Does not fit the 3-bit field `Outer.bkind`.
    Big = 12,
}

/// 16 bits, signed, read in the byte order of its field.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i16)]
pub enum Level {
    Low = -300,
    Zero = 0,
    High = 0x1234,
}

/// A run-time record nested in `Outer`, alone and in an array: it takes `Outer`'s byte order.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime", bit_order = "lsb")]
pub struct Inner {
    pub a: u16,
    pub kind: Kind,
    pub flags: [bool; 2],
    pub level: Level,
    #[overlay(bits = 4)]
    pub nib: u8,
    #[overlay(bits = 4)]
    pub nkind: Kind,
}

/// A nested record with a byte order of its own.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Fixed {
    pub id: u32,
    pub level: Level,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime", bit_order = "msb")]
pub struct Outer {
    pub magic: u32,
    pub inner: Inner,
    pub pair: [Inner; 2],
    pub fixed: Fixed,
    #[overlay(endian = "little")]
    pub le: u16,
    pub grid: [[i8; 3]; 2],
    pub units: [Unit; 3],
    pub ratio: f32,
    pub on: bool,
    #[overlay(pad)]
    pub _pad: [u8; 3],
    #[overlay(bits = 3)]
    pub small: u8,
    #[overlay(bits = 3)]
    pub bkind: Kind,
    #[overlay(bits = 1)]
    pub bflag: bool,
    #[overlay(bits = 9)]
    pub signed9: i16,
    #[overlay(bits = 2)]
    pub unit: Unit,
    #[overlay(bits = 6)]
    pub rest6: u8,
    pub wide: u64,
    pub tail: Kind,
    /// A run-time record in a field of its own order: big-endian whatever `Outer`'s.
    #[overlay(endian = "big")]
    pub held: Inner,
}

/// A field the model reads and writes: a scalar, an enum, a bool, one element of an array, or a
/// pad.
#[derive(Clone, Debug)]
struct Leaf {
    path: String,
    /// From the start of the record; for a bit field, its group's.
    offset: usize,
    /// Bytes (of the group, for a bit field).
    size: usize,
    bits: Option<(u32, u32)>,
    /// `None`: the record's run-time byte order.
    endian: Option<Endian>,
    value: Option<ValueType>,
    pad: bool,
}

impl Leaf {
    fn endian(&self, runtime: Endian) -> Endian {
        self.endian.unwrap_or(runtime)
    }

    fn signed(&self) -> bool {
        match self.value {
            Some(ValueType::Signed) => true,
            Some(ValueType::Enum(ty)) => ty.signed,
            _ => false,
        }
    }

    fn width(&self) -> u32 {
        self.bits.map_or(8 * self.size as u32, |(_, width)| width)
    }

    fn checked(&self) -> bool {
        matches!(self.value, Some(ValueType::Bool | ValueType::Enum(_)))
    }

    /// Whether `raw` (as `read` gives it) is a valid value.
    fn valid(&self, raw: i128) -> bool {
        match self.value {
            Some(ValueType::Bool) => raw == 0 || raw == 1,
            Some(ValueType::Enum(ty)) => ty.variants.iter().any(|v| v.value == raw),
            _ => true,
        }
    }

    /// The bytes that hold the field's bits, from the start of the record.
    fn holding_bytes(&self, runtime: Endian) -> Vec<usize> {
        let Some((shift, width)) = self.bits else {
            return vec![self.offset];
        };
        let mut bytes: Vec<usize> = (shift..shift + width)
            .map(|bit| match self.endian(runtime) {
                Endian::Little => self.offset + bit as usize / 8,
                Endian::Big => self.offset + self.size - 1 - bit as usize / 8,
            })
            .collect();
        bytes.dedup();
        bytes
    }
}

fn mask(width: u32) -> u128 {
    if width >= 128 {
        u128::MAX
    } else {
        (1 << width) - 1
    }
}

fn read_uint(bytes: &[u8], endian: Endian) -> u128 {
    let fold = |v: u128, b: &u8| v << 8 | u128::from(*b);
    match endian {
        Endian::Big => bytes.iter().fold(0, fold),
        Endian::Little => bytes.iter().rev().fold(0, fold),
    }
}

fn write_uint(bytes: &mut [u8], endian: Endian, mut v: u128) {
    let n = bytes.len();
    for i in 0..n {
        let at = match endian {
            Endian::Little => i,
            Endian::Big => n - 1 - i,
        };
        bytes[at] = v as u8;
        v >>= 8;
    }
}

/// The value of `leaf` in the record `rec`: sign-extended for signed fields, the bits for
/// floats.
fn read(rec: &[u8], leaf: &Leaf, runtime: Endian) -> i128 {
    let endian = leaf.endian(runtime);
    let group = read_uint(&rec[leaf.offset..leaf.offset + leaf.size], endian);
    let width = leaf.width();
    let raw = match leaf.bits {
        Some((shift, width)) => group >> shift & mask(width),
        None => group,
    };
    if leaf.signed() && width < 128 && raw >> (width - 1) & 1 == 1 {
        raw as i128 - (1i128 << width)
    } else {
        raw as i128
    }
}

/// Writes `value` (its low bits) into `leaf` of `rec`, touching nothing else.
fn write(rec: &mut [u8], leaf: &Leaf, runtime: Endian, value: i128) {
    let endian = leaf.endian(runtime);
    let bytes = &mut rec[leaf.offset..leaf.offset + leaf.size];
    let mut group = read_uint(bytes, endian);
    match leaf.bits {
        Some((shift, width)) => {
            group &= !(mask(width) << shift);
            group |= (value as u128 & mask(width)) << shift;
        }
        None => group = value as u128 & mask(leaf.width()),
    }
    write_uint(bytes, endian, group);
}

/// Every leaf of `fields` at `base`, with paths under `prefix`; `inherited` is the byte
/// order a field without one of its own reads in (`None`: the record's run-time one).
fn leaves(
    fields: &[FieldInfo],
    base: usize,
    prefix: &str,
    inherited: Option<Endian>,
    out: &mut Vec<Leaf>,
) {
    for field in fields {
        let path = format!("{prefix}.{}", field.name);
        let at = base + field.offset;
        let endian = field.endian.or(inherited);
        match field.kind {
            FieldKind::Struct => leaves(field.fields, at, &path, endian, out),
            FieldKind::Array | FieldKind::Bytes if field.elements > 0 => {
                let element = field.size / field.elements;
                let dims: Vec<usize> = if field.dims.is_empty() {
                    vec![field.elements]
                } else {
                    field.dims.to_vec()
                };
                for flat in 0..field.elements {
                    let mut index = String::new();
                    let mut rest = flat;
                    for (d, _) in dims.iter().enumerate() {
                        let stride: usize = dims[d + 1..].iter().product();
                        index += &format!("[{}]", rest / stride);
                        rest %= stride;
                    }
                    let path = format!("{path}{index}");
                    let start = at + flat * element;
                    if field.fields.is_empty() {
                        out.push(Leaf {
                            path,
                            offset: start,
                            size: element,
                            bits: None,
                            endian,
                            value: field.value,
                            pad: false,
                        });
                    } else {
                        leaves(field.fields, start, &path, endian, out);
                    }
                }
            }
            _ => out.push(Leaf {
                path,
                offset: at,
                size: field.size,
                bits: field.bits,
                endian,
                value: field.value,
                pad: field.kind == FieldKind::Pad,
            }),
        }
    }
}

/// The model of `Outer`, checked once against the layout written out by hand.
fn model() -> &'static [Leaf] {
    static MODEL: OnceLock<Vec<Leaf>> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut out = Vec::new();
        leaves(Outer::FIELDS, 0, "Outer", None, &mut out);
        let listed: Vec<(&str, usize, usize)> = out
            .iter()
            .map(|l| (l.path.as_str(), l.offset, l.size))
            .collect();
        let inner = |name: &str, at: usize| {
            vec![
                (format!("{name}.a"), at, 2),
                (format!("{name}.kind"), at + 2, 1),
                (format!("{name}.flags[0]"), at + 3, 1),
                (format!("{name}.flags[1]"), at + 4, 1),
                (format!("{name}.level"), at + 5, 2),
                (format!("{name}.nib"), at + 7, 1),
                (format!("{name}.nkind"), at + 7, 1),
            ]
        };
        let mut expected = vec![(String::from("Outer.magic"), 0, 4)];
        expected.extend(inner("Outer.inner", 4));
        expected.extend(inner("Outer.pair[0]", 12));
        expected.extend(inner("Outer.pair[1]", 20));
        expected.extend([
            (String::from("Outer.fixed.id"), 28, 4),
            (String::from("Outer.fixed.level"), 32, 2),
            (String::from("Outer.le"), 34, 2),
        ]);
        for (i, r, c) in [
            (0, 0, 0),
            (1, 0, 1),
            (2, 0, 2),
            (3, 1, 0),
            (4, 1, 1),
            (5, 1, 2),
        ] {
            expected.push((format!("Outer.grid[{r}][{c}]"), 36 + i, 1));
        }
        for i in 0..3 {
            expected.push((format!("Outer.units[{i}]"), 42 + i, 1));
        }
        for (name, at, size) in [
            ("ratio", 45, 4),
            ("on", 49, 1),
            ("_pad", 50, 3),
            ("small", 53, 3),
            ("bkind", 53, 3),
            ("bflag", 53, 3),
            ("signed9", 53, 3),
            ("unit", 53, 3),
            ("rest6", 53, 3),
            ("wide", 56, 8),
            ("tail", 64, 1),
        ] {
            expected.push((format!("Outer.{name}"), at, size));
        }
        expected.extend(inner("Outer.held", 65));
        let expected: Vec<(&str, usize, usize)> = expected
            .iter()
            .map(|(p, a, s)| (p.as_str(), *a, *s))
            .collect();
        assert_eq!(listed, expected, "FIELDS as the model reads them");
        assert_eq!(Outer::SIZE, 73);
        let held = out.iter().find(|l| l.path == "Outer.held.level").unwrap();
        assert_eq!(
            held.endian,
            Some(Endian::Big),
            "a field's order reaches its record"
        );
        let bits = |path: &str| out.iter().find(|l| l.path == path).unwrap().bits;
        // msb first in Outer, lsb first in Inner.
        assert_eq!(bits("Outer.small"), Some((21, 3)));
        assert_eq!(bits("Outer.bkind"), Some((18, 3)));
        assert_eq!(bits("Outer.signed9"), Some((8, 9)));
        assert_eq!(bits("Outer.unit"), Some((6, 2)));
        assert_eq!(bits("Outer.rest6"), Some((0, 6)));
        assert_eq!(bits("Outer.inner.nib"), Some((0, 4)));
        assert_eq!(bits("Outer.inner.nkind"), Some((4, 4)));
        out
    })
}

fn leaf(path: &str) -> &'static Leaf {
    model()
        .iter()
        .find(|l| l.path == path)
        .unwrap_or_else(|| panic!("no leaf {path}"))
}

/// Makes every enum and bool of `rec` valid, choosing values from what is there.
fn repair(rec: &mut [u8], runtime: Endian) {
    for leaf in model().iter().filter(|l| l.checked()) {
        let raw = read(rec, leaf, runtime);
        if leaf.valid(raw) {
            continue;
        }
        let candidates: Vec<i128> = match leaf.value {
            Some(ValueType::Enum(ty)) => ty
                .variants
                .iter()
                .map(|v| v.value)
                .filter(|&v| {
                    let width = leaf.width();
                    if leaf.signed() {
                        (-(1i128 << (width - 1))..1i128 << (width - 1)).contains(&v)
                    } else {
                        v < 1i128 << width
                    }
                })
                .collect(),
            _ => vec![0, 1],
        };
        let choice = candidates[raw.unsigned_abs() as usize % candidates.len()];
        write(rec, leaf, runtime, choice);
    }
}

/// An invalid value for `leaf`, near `seed`, if it has any.
fn corrupt_value(leaf: &Leaf, seed: u32) -> Option<i128> {
    let width = leaf.width();
    let span = 1u128 << width.min(32);
    (0..span.min(1024)).find_map(|k| {
        let raw = (u128::from(seed) + k) & mask(width);
        let value = if leaf.signed() && raw >> (width - 1) & 1 == 1 {
            raw as i128 - (1i128 << width)
        } else {
            raw as i128
        };
        (!leaf.valid(value)).then_some(value)
    })
}

/// The record with its pad zeroed: what `to_bytes_with` gives for it.
fn normalised(rec: &[u8]) -> Vec<u8> {
    let mut out = rec.to_vec();
    for leaf in model().iter().filter(|l| l.pad) {
        out[leaf.offset..leaf.offset + leaf.size].fill(0);
    }
    out
}

/// The fields `getters` reads, in its order.
const GETTER_PATHS: [&str; 25] = [
    "Outer.magic",
    "Outer.inner.a",
    "Outer.inner.kind",
    "Outer.inner.level",
    "Outer.pair[1].a",
    "Outer.pair[1].level",
    "Outer.pair[1].nib",
    "Outer.pair[1].nkind",
    "Outer.fixed.id",
    "Outer.fixed.level",
    "Outer.le",
    "Outer.units[2]",
    "Outer.ratio",
    "Outer.on",
    "Outer.small",
    "Outer.bkind",
    "Outer.bflag",
    "Outer.signed9",
    "Outer.unit",
    "Outer.rest6",
    "Outer.wide",
    "Outer.tail",
    "Outer.held.a",
    "Outer.held.level",
    "Outer.held.nkind",
];

/// The model's leaves for `GETTER_PATHS`.
fn getter_leaves() -> &'static [&'static Leaf] {
    static LEAVES: OnceLock<Vec<&'static Leaf>> = OnceLock::new();
    LEAVES.get_or_init(|| GETTER_PATHS.iter().map(|p| leaf(p)).collect())
}

/// The getters of a view, as numbers, in the order of `GETTER_PATHS`.
fn getters(view: &OuterView<'_>) -> [i128; 25] {
    let pair = view.pair().get(1).unwrap();
    [
        i128::from(view.magic()),
        i128::from(view.inner().a()),
        view.inner().kind() as i128,
        view.inner().level() as i128,
        i128::from(pair.a()),
        pair.level() as i128,
        i128::from(pair.nib()),
        pair.nkind() as i128,
        i128::from(view.fixed().id()),
        view.fixed().level() as i128,
        i128::from(view.le()),
        view.units().get(2).unwrap() as i128,
        i128::from(view.ratio().to_bits()),
        i128::from(view.on()),
        i128::from(view.small()),
        view.bkind() as i128,
        i128::from(view.bflag()),
        i128::from(view.signed9()),
        view.unit() as i128,
        i128::from(view.rest6()),
        i128::from(view.wide()),
        view.tail() as i128,
        i128::from(view.held().a()),
        view.held().level() as i128,
        view.held().nkind() as i128,
    ]
}

/// Every getter of `view` against the model's reading of `rec`.
fn check_getters(view: &OuterView<'_>, rec: &[u8], runtime: Endian, after: &dyn std::fmt::Debug) {
    for (leaf, got) in getter_leaves().iter().zip(getters(view)) {
        assert_eq!(
            got,
            read(rec, leaf, runtime),
            "getter {} ({after:?})",
            leaf.path
        );
    }
}

/// A setter call, decoded from the input.
#[derive(Clone, Copy, Debug)]
enum Set {
    Magic(u32),
    InnerA(u16),
    PairLevel(usize, Level),
    PairNib(usize, u8),
    PairNkind(usize, Kind),
    FixedId(u32),
    Le(u16),
    Grid(usize, usize, i8),
    Units(usize, Unit),
    Ratio(f32),
    On(bool),
    Small(u8),
    Bkind(Kind),
    Bflag(bool),
    Signed9(i16),
    Unit(Unit),
    Rest6(u8),
    Wide(u64),
    Tail(Kind),
}

const KINDS: [Kind; 4] = [Kind::Data, Kind::Ack, Kind::Close, Kind::Big];
const LEVELS: [Level; 3] = [Level::Low, Level::Zero, Level::High];
const UNITS: [Unit; 2] = [Unit::Celsius, Unit::Kelvin];

impl Set {
    fn decode(op: u8, v: u64) -> Set {
        let i = (v >> 60) as usize % 2;
        match op % 19 {
            0 => Set::Magic(v as u32),
            1 => Set::InnerA(v as u16),
            2 => Set::PairLevel(i, LEVELS[v as usize % 3]),
            3 => Set::PairNib(i, v as u8 % 32),
            4 => Set::PairNkind(i, KINDS[v as usize % 4]),
            5 => Set::FixedId(v as u32),
            6 => Set::Le(v as u16),
            7 => Set::Grid(i, (v >> 8) as usize % 3, v as i8),
            8 => Set::Units((v >> 8) as usize % 3, UNITS[v as usize % 2]),
            9 => Set::Ratio(f32::from_bits(v as u32)),
            10 => Set::On(v & 1 != 0),
            11 => Set::Small(v as u8 % 16),
            12 => Set::Bkind(KINDS[v as usize % 4]),
            13 => Set::Bflag(v & 1 != 0),
            14 => Set::Signed9(v as i16 >> (v >> 16) % 8),
            15 => Set::Unit(UNITS[v as usize % 2]),
            16 => Set::Rest6(v as u8),
            17 => Set::Wide(v),
            _ => Set::Tail(KINDS[v as usize % 4]),
        }
    }

    /// The field it writes, the value the model should read there afterwards, and whether a
    /// bit-field setter should refuse it.
    fn target(self) -> (String, i128, bool) {
        let fits = |v: i128, bits: u32, signed: bool| {
            if signed {
                (-(1i128 << (bits - 1))..1i128 << (bits - 1)).contains(&v)
            } else {
                (0..1i128 << bits).contains(&v)
            }
        };
        match self {
            Set::Magic(v) => ("Outer.magic".into(), v.into(), false),
            Set::InnerA(v) => ("Outer.inner.a".into(), v.into(), false),
            Set::PairLevel(i, v) => (format!("Outer.pair[{i}].level"), v as i128, false),
            Set::PairNib(i, v) => (
                format!("Outer.pair[{i}].nib"),
                v.into(),
                !fits(v.into(), 4, false),
            ),
            Set::PairNkind(i, v) => (
                format!("Outer.pair[{i}].nkind"),
                v as i128,
                !fits(v as i128, 4, false),
            ),
            Set::FixedId(v) => ("Outer.fixed.id".into(), v.into(), false),
            Set::Le(v) => ("Outer.le".into(), v.into(), false),
            Set::Grid(r, c, v) => (format!("Outer.grid[{r}][{c}]"), v.into(), false),
            Set::Units(i, v) => (format!("Outer.units[{i}]"), v as i128, false),
            Set::Ratio(v) => ("Outer.ratio".into(), v.to_bits().into(), false),
            Set::On(v) => ("Outer.on".into(), v.into(), false),
            Set::Small(v) => ("Outer.small".into(), v.into(), !fits(v.into(), 3, false)),
            Set::Bkind(v) => ("Outer.bkind".into(), v as i128, !fits(v as i128, 3, false)),
            Set::Bflag(v) => ("Outer.bflag".into(), v.into(), false),
            Set::Signed9(v) => ("Outer.signed9".into(), v.into(), !fits(v.into(), 9, true)),
            Set::Unit(v) => ("Outer.unit".into(), v as i128, false),
            Set::Rest6(v) => ("Outer.rest6".into(), v.into(), !fits(v.into(), 6, false)),
            Set::Wide(v) => ("Outer.wide".into(), v.into(), false),
            Set::Tail(v) => ("Outer.tail".into(), v as i128, false),
        }
    }

    fn apply(self, view: &mut OuterViewMut<'_>) -> Result<(), overlay::Error> {
        match self {
            Set::Magic(v) => view.set_magic(v),
            Set::InnerA(v) => view.inner_mut().set_a(v),
            Set::PairLevel(i, v) => view.pair_mut().get_mut(i).unwrap().set_level(v),
            Set::PairNib(i, v) => return view.pair_mut().get_mut(i).unwrap().set_nib(v),
            Set::PairNkind(i, v) => return view.pair_mut().get_mut(i).unwrap().set_nkind(v),
            Set::FixedId(v) => view.fixed_mut().set_id(v),
            Set::Le(v) => view.set_le(v),
            Set::Grid(r, c, v) => return view.grid_mut().get_mut(r).unwrap().set(c, v),
            Set::Units(i, v) => return view.units_mut().set(i, v),
            Set::Ratio(v) => view.set_ratio(v),
            Set::On(v) => view.set_on(v),
            Set::Small(v) => return view.set_small(v),
            Set::Bkind(v) => return view.set_bkind(v),
            Set::Bflag(v) => return view.set_bflag(v),
            Set::Signed9(v) => return view.set_signed9(v),
            Set::Unit(v) => return view.set_unit(v),
            Set::Rest6(v) => return view.set_rest6(v),
            Set::Wide(v) => view.set_wide(v),
            Set::Tail(v) => view.set_tail(v),
        }
        Ok(())
    }
}

/// The error a corrupted `leaf` (at `base` in the buffer) must give.
fn check_corrupt(error: overlay::Error, leaf: &Leaf, base: usize, value: i128, runtime: Endian) {
    let text = error.to_string();
    assert!(!text.contains('\n'), "{text:?}");
    let offset = error
        .offset()
        .unwrap_or_else(|| panic!("no offset: {text}"));
    let holding: Vec<usize> = leaf
        .holding_bytes(runtime)
        .iter()
        .map(|o| base + o)
        .collect();
    assert!(
        holding.contains(&offset),
        "{text}: offset {offset}, the field {} is in bytes {holding:?}",
        leaf.path
    );
    let path = error.path().unwrap_or_else(|| panic!("no path: {text}"));
    assert_eq!(path.root(), "Outer", "{text}");
    assert_eq!(path.to_string(), leaf.path, "{text}");
    match error.kind() {
        ErrorKind::InvalidEnum {
            value: found,
            offset: o,
            ..
        } => {
            assert!(matches!(leaf.value, Some(ValueType::Enum(_))), "{text}");
            assert_eq!((found, o), (value, offset), "{text}");
        }
        ErrorKind::InvalidBool {
            value: found,
            offset: o,
            ..
        } => {
            assert_eq!(leaf.value, Some(ValueType::Bool), "{text}");
            assert_eq!((i128::from(found), o), (value, offset), "{text}");
        }
        other => panic!("corrupting {} gave {other}", leaf.path),
    }
    assert!(
        text.starts_with(&format!("{} at offset {offset}", leaf.path)),
        "{text}"
    );
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 26 {
        return;
    }
    let runtime = if data[0] & 1 == 0 {
        Endian::Little
    } else {
        Endian::Big
    };
    let copies = usize::from(data[0] >> 1 & 3) + 1;
    let offset = usize::from(data[6] % 8);
    let setter = Set::decode(data[7], word(data, 10));
    let bad_width = word(data, 18);
    let size = Outer::SIZE;
    let mut rec: Vec<u8> = data[26..].iter().copied().cycle().take(size).collect();
    rec.resize(size, 0x5a);
    repair(&mut rec, runtime);
    let around: Vec<u8> = data
        .iter()
        .rev()
        .copied()
        .cycle()
        .take(offset + size + 5)
        .collect();

    // A valid record: every entry point accepts it and reads the same (compared through the
    // bytes of what it unpacks, and once through `Debug`).
    let view = Outer::view_with(&rec, runtime).expect("a repaired record is valid");
    let owned = Outer::unpack_with(&rec, runtime).unwrap();
    let expected = normalised(&rec);
    let same = |o: Outer| assert_eq!(o.to_bytes_with(runtime).to_vec(), expected);
    same(owned);
    same(view.unpack());
    if data[0] & 0x10 != 0 {
        assert_eq!(format!("{view:?}"), format!("{owned:?}"));
        let _ = overlay::hexdump_with::<Outer>(&rec, runtime).to_string();
    }
    check_getters(&view, &rec, runtime, &"a valid record");
    let mut buf = around.clone();
    buf[offset..offset + size].copy_from_slice(&rec);
    let (prefix, rest) = Outer::view_prefix_with(&buf[offset..], runtime).unwrap();
    same(prefix.unpack());
    assert_eq!(rest.len(), buf.len() - offset - size);
    same(Outer::view_at_with(&buf, offset, runtime).unwrap().unpack());
    same(Outer::unpack_from_with(&buf, offset, runtime).unwrap());
    let mut copy = rec.clone();
    same(Outer::view_mut_with(&mut copy, runtime).unwrap().unpack());
    let mut copy = buf.clone();
    same(
        Outer::view_at_mut_with(&mut copy, offset, runtime)
            .unwrap()
            .unpack(),
    );
    let (view, rest) = Outer::view_prefix_mut_with(&mut copy[offset..], runtime).unwrap();
    same(view.unpack());
    assert_eq!(rest.len(), buf.len() - offset - size);
    let table: Vec<u8> = rec.iter().copied().cycle().take(copies * size).collect();
    let records = Outer::records_with(&table, runtime).unwrap();
    assert_eq!(records.len(), copies);
    records.iter().for_each(|r| same(r.unpack()));
    let mut copy = table.clone();
    let mut writable = Outer::records_mut_with(&mut copy, runtime).unwrap();
    assert_eq!(writable.len(), copies);
    writable.iter_mut().for_each(|r| same(r.unpack()));

    // Round trips: the input with the pad zeroed, written where asked and nowhere else.
    let mut written = around.clone();
    owned.pack_into_with(&mut written, offset, runtime).unwrap();
    let mut want = around.clone();
    want[offset..offset + size].copy_from_slice(&expected);
    assert_eq!(written, want, "pack_into_with");
    let default = Outer::records(&[]).unwrap().endian();
    assert_eq!(owned.to_bytes(), owned.to_bytes_with(default));
    assert!(owned
        .pack_into_with(&mut written[..offset + size - 1], offset, runtime)
        .is_err());

    // One corrupted enum or bool: every entry point names it.
    let checked: Vec<&Leaf> = model()
        .iter()
        .filter(|l| l.checked() && corrupt_value(l, 0).is_some())
        .collect();
    let target = checked[usize::from(data[1]) % checked.len()];
    let value = corrupt_value(
        target,
        u32::from_le_bytes([data[2], data[3], data[4], data[5]]),
    )
    .expect("a field that can be invalid");
    let mut bad = rec.clone();
    write(&mut bad, target, runtime, value);
    assert_eq!(read(&bad, target, runtime), value);
    check_corrupt(
        Outer::view_with(&bad, runtime).unwrap_err(),
        target,
        0,
        value,
        runtime,
    );
    check_corrupt(
        Outer::unpack_with(&bad, runtime).unwrap_err(),
        target,
        0,
        value,
        runtime,
    );
    let mut copy = bad.clone();
    let error = Outer::view_mut_with(&mut copy, runtime).err().unwrap();
    check_corrupt(error, target, 0, value, runtime);
    let mut buf = around.clone();
    buf[offset..offset + size].copy_from_slice(&bad);
    let error = Outer::view_prefix_with(&buf[offset..], runtime)
        .err()
        .unwrap();
    check_corrupt(error, target, 0, value, runtime);
    let error = Outer::view_at_with(&buf, offset, runtime).err().unwrap();
    check_corrupt(error, target, offset, value, runtime);
    let error = Outer::unpack_from_with(&buf, offset, runtime).unwrap_err();
    check_corrupt(error, target, offset, value, runtime);
    let mut copy = buf.clone();
    let error = Outer::view_at_mut_with(&mut copy, offset, runtime)
        .err()
        .unwrap();
    check_corrupt(error, target, offset, value, runtime);
    // In a table: the last record is the bad one.
    let mut table = table.clone();
    table[(copies - 1) * size..].copy_from_slice(&bad);
    let error = Outer::records_with(&table, runtime).err().unwrap();
    check_corrupt(error, target, (copies - 1) * size, value, runtime);
    let error = Outer::records_mut_with(&mut table, runtime).err().unwrap();
    check_corrupt(error, target, (copies - 1) * size, value, runtime);
    if data[0] & 0x10 == 0 {
        let _ = overlay::hexdump_with::<Outer>(&bad, runtime).to_string();
    }

    // A setter writes its own field and nothing else; a bit-field setter refuses exactly the
    // values that do not fit, and writes nothing then.
    let (path, value, refused) = setter.target();
    let target = leaf(&path);
    let mut copy = rec.clone();
    let mut view = Outer::view_mut_with(&mut copy, runtime).unwrap();
    match setter.apply(&mut view) {
        Ok(()) => {
            assert!(!refused, "{setter:?} was accepted");
            drop(view);
            let mut want = rec.clone();
            write(&mut want, target, runtime, value);
            assert_eq!(copy, want, "{setter:?} wrote other bytes");
            assert_eq!(read(&copy, target, runtime), value, "{setter:?}");
            let view = Outer::view_with(&copy, runtime).expect("still valid");
            check_getters(&view, &copy, runtime, &setter);
        }
        Err(error) => {
            assert!(refused, "{setter:?}: {error}");
            drop(view);
            assert_eq!(copy, rec, "a refused {setter:?} wrote");
            match error.kind() {
                ErrorKind::BitFieldOverflow {
                    bits,
                    value: v,
                    path: p,
                } => {
                    assert_eq!(
                        (Some(bits), v),
                        (target.bits.map(|b| b.1), value),
                        "{error}"
                    );
                    let field = path.rsplit('.').next().unwrap();
                    assert!(p.to_string().ends_with(&format!(".{field}")), "{error}");
                    if !path.contains('[') {
                        assert_eq!(p.to_string(), path, "{error}");
                    }
                }
                other => panic!("{setter:?}: {other}"),
            }
        }
    }

    // An owned value with a bit field too wide: pack_into refuses and writes nothing;
    // to_bytes keeps the low bits.
    let mut wide = owned;
    wide.small = 8 | (bad_width as u8 & 0xf0);
    let mut buf = around.clone();
    let error = wide.pack_into_with(&mut buf, offset, runtime).unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::BitFieldOverflow { bits: 3, .. }),
        "{error}"
    );
    assert_eq!(buf, around, "a refused pack_into wrote");
    let bytes = wide.to_bytes_with(runtime);
    assert_eq!(
        read(&bytes, leaf("Outer.small"), runtime),
        i128::from(wide.small & 7)
    );
});
