//! The derived record types the tests convert, each with what CPython makes of its bytes
//! (`*_PY`: an `expect(r)` for oracle.py, written by hand from the layout, with `struct`
//! doing the reading) and a way to draw valid random records (closed enums and bools hold
//! only the values they may).

use overlay::Overlay;

use super::rng::Rng;

/// Side of a trade: a closed `u8` enum with a gap.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Side {
    Buy = 1,
    Sell = 2,
    Cross = 7,
}

/// The codes `Side` names.
pub const SIDES: [u8; 3] = [1, 2, 7];

/// An open `u16` enum: three codes named, every other kept.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Kind {
    Alpha = 1,
    Beta = 0x100,
    Omega = 0xfffe,
    #[overlay(other)]
    Other(u16),
}

/// A market-data tick: big-endian, an enum, a byte array and padding (32 bytes).
#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "big")]
pub struct Tick {
    pub time: u64,
    pub id: u32,
    pub price: f64,
    pub qty: u32,
    pub side: Side,
    pub venue: [u8; 4],
    #[overlay(pad)]
    pub _pad: [u8; 3],
}

pub const TICK_PY: &str = r#"
SIDES = {1: "Buy", 2: "Sell", 7: "Cross"}
def expect(r):
    time, id, price, qty, side, venue = struct.unpack(">QIdIB4s3x", r[:32])
    return {"time": time, "id": id, "price": F(">d", r, 12), "qty": qty, "side": side,
            "side_name": SIDES.get(side), "venue": venue}
"#;

/// Valid random ticks (floats of every kind: NaNs with payloads, infinities, subnormals).
pub fn ticks(rng: &mut Rng, count: usize) -> Vec<u8> {
    let mut bytes = rng.bytes(count * Tick::SIZE);
    for record in bytes.chunks_exact_mut(Tick::SIZE) {
        record[24] = rng.pick(&SIDES);
        put_f64(rng, &mut record[12..20], true);
    }
    bytes
}

/// Writes a random f64 at `out`, often a special one.
pub fn put_f64(rng: &mut Rng, out: &mut [u8], big: bool) {
    let bits: u64 = match rng.below(8) {
        0 => 0x7ff0_0000_0000_0001, // signalling NaN, payload 1
        1 => 0xfff8_dead_beef_0000, // negative quiet NaN with a payload
        2 => 0x8000_0000_0000_0000, // -0.0
        3 => 0x0000_0000_0000_0003, // subnormal
        4 => f64::INFINITY.to_bits(),
        _ => rng.next_u64(),
    };
    let b = if big {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    };
    out.copy_from_slice(&b);
}

/// Writes a random f32 at `out`, often a special one.
pub fn put_f32(rng: &mut Rng, out: &mut [u8], big: bool) {
    let bits: u32 = match rng.below(8) {
        0 => 0x7f80_0001, // signalling NaN
        1 => 0xffc0_1234, // negative quiet NaN with a payload
        2 => 0x8000_0000,
        3 => 0x0000_0001,
        4 => f32::NEG_INFINITY.to_bits(),
        _ => rng.next_u64() as u32,
    };
    let b = if big {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    };
    out.copy_from_slice(&b);
}

/// A little-endian point (8 bytes).
#[derive(Overlay, Clone, Copy, Debug)]
pub struct Point {
    pub x: i32,
    pub y: f32,
}

/// A little-endian header (4 bytes).
#[derive(Overlay, Clone, Copy, Debug)]
pub struct Header {
    pub a: u16,
    pub b: i8,
    pub flag: bool,
}

/// Nesting of every kind, little-endian (90 bytes): a record, an array of records, 2-D
/// arrays of numbers, bytes and records, arrays of enums, bools and bytes, padding.
#[derive(Overlay, Clone, Copy, Debug)]
pub struct Shape {
    pub header: Header,
    pub points: [Point; 3],
    pub grid: [[i16; 3]; 2],
    pub raw: [[u8; 4]; 2],
    pub kinds: [Kind; 2],
    pub flags: [bool; 3],
    pub small: [i8; 2],
    #[overlay(pad)]
    pub _pad: [u8; 1],
    pub deep: [[Point; 2]; 2],
}

pub const SHAPE_PY: &str = r#"
KINDS = {1: "Alpha", 0x100: "Beta", 0xfffe: "Omega"}
def u(code, r, at):
    return struct.unpack_from("<" + code, r, at)[0]
def expect(r):
    a, b, flag = struct.unpack_from("<hb?", r, 0)
    a = u("H", r, 0)
    points = [(u("i", r, 4 + 8 * i), F("<f", r, 8 + 8 * i)) for i in range(3)]
    deep = [(u("i", r, 58 + 8 * i), F("<f", r, 62 + 8 * i)) for i in range(4)]
    kinds = list(struct.unpack_from("<2H", r, 48))
    return {
        "header.a": a, "header.b": b, "header.flag": flag,
        "points.x": [p[0] for p in points], "points.y": [p[1] for p in points],
        "grid": list(struct.unpack_from("<6h", r, 28)),
        "raw": list(struct.unpack_from("<4s4s", r, 40)),
        "kinds": kinds, "kinds_name": [KINDS.get(k) for k in kinds],
        "flags": list(struct.unpack_from("<3?", r, 52)),
        "small": list(struct.unpack_from("<2b", r, 55)),
        "deep.x": [p[0] for p in deep], "deep.y": [p[1] for p in deep],
    }
"#;

/// Valid random shapes.
pub fn shapes(rng: &mut Rng, count: usize) -> Vec<u8> {
    let mut bytes = rng.bytes(count * Shape::SIZE);
    for record in bytes.chunks_exact_mut(Shape::SIZE) {
        record[3] = rng.below(2) as u8;
        for i in 0..3 {
            record[52 + i] = rng.below(2) as u8;
            put_f32(rng, &mut record[8 + 8 * i..12 + 8 * i], false);
        }
        for i in 0..4 {
            put_f32(rng, &mut record[62 + 8 * i..66 + 8 * i], false);
        }
        // Named kinds half the time.
        for i in 0..2 {
            if rng.chance(50) {
                let code: u16 = rng.pick(&[1, 0x100, 0xfffe]);
                record[48 + 2 * i..50 + 2 * i].copy_from_slice(&code.to_le_bytes());
            }
        }
    }
    bytes
}

/// A little-endian record nested in a big-endian one keeps its own order (6 bytes).
#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "little")]
pub struct Le {
    pub x: u16,
    pub y: i32,
}

/// Both byte orders field by field, and 128-bit integers (80 bytes).
#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "big")]
pub struct Mixed {
    pub a: u32,
    #[overlay(endian = "little")]
    pub b: u32,
    #[overlay(endian = "little")]
    pub c: f64,
    pub d: i64,
    pub e: u128,
    #[overlay(endian = "little")]
    pub f: i128,
    pub g: f32,
    pub inner: Le,
    #[overlay(endian = "little")]
    pub kind: Kind,
    pub big_kind: Kind,
    pub h: i16,
    #[overlay(endian = "little")]
    pub i: u64,
}

pub const MIXED_PY: &str = r#"
KINDS = {1: "Alpha", 0x100: "Beta", 0xfffe: "Omega"}
def expect(r):
    a = struct.unpack_from(">I", r, 0)[0]
    b = struct.unpack_from("<I", r, 4)[0]
    d = struct.unpack_from(">q", r, 16)[0]
    e = struct.unpack_from(">16s", r, 24)[0]  # u128: its bytes, most significant first
    lo, hi = struct.unpack_from("<Qq", r, 40)
    f = hi * 2**64 + lo
    x, y = struct.unpack_from("<Hi", r, 60)
    kind = struct.unpack_from("<H", r, 66)[0]
    big_kind = struct.unpack_from(">H", r, 68)[0]
    h = struct.unpack_from(">h", r, 70)[0]
    i = struct.unpack_from("<Q", r, 72)[0]
    return {"a": a, "b": b, "c": F("<d", r, 8), "d": d, "e": e, "f": f, "g": F(">f", r, 56),
            "inner.x": x, "inner.y": y, "kind": kind, "kind_name": KINDS.get(kind),
            "big_kind": big_kind, "big_kind_name": KINDS.get(big_kind), "h": h, "i": i}
"#;

/// Valid random mixed records; with `decimal_safe`, the `i128` stays within 38 digits
/// (DuckDB's DECIMAL(38, 0)).
pub fn mixed(rng: &mut Rng, count: usize, decimal_safe: bool) -> Vec<u8> {
    let mut bytes = rng.bytes(count * Mixed::SIZE);
    for record in bytes.chunks_exact_mut(Mixed::SIZE) {
        put_f64(rng, &mut record[8..16], false);
        put_f32(rng, &mut record[56..60], true);
        if decimal_safe {
            let f = i128::from_le_bytes(record[40..56].try_into().unwrap()) % 10i128.pow(38);
            record[40..56].copy_from_slice(&f.to_le_bytes());
        }
    }
    bytes
}

/// A 2-bit closed enum: every code named.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Ecn {
    NotEct = 0,
    Ect1 = 1,
    Ect0 = 2,
    Ce = 3,
}

/// A 4-bit open enum.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Nibble {
    Zero = 0,
    Five = 5,
    #[overlay(other)]
    Other(u8),
}

/// A signed enum for signed bit fields.
#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i8)]
pub enum Level {
    Low = -2,
    Mid = 0,
    High = 1,
    #[overlay(other)]
    Other(i8),
}

/// Bit fields, big-endian, numbered from the most significant bit (11 bytes): unsigned,
/// signed, bool, closed, open and signed enum fields in one 7-byte group.
#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "big")]
pub struct Flags {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    #[overlay(bits = 6)]
    pub dscp: u8,
    #[overlay(bits = 2)]
    pub ecn: Ecn,
    #[overlay(bits = 1)]
    pub reserved: bool,
    #[overlay(bits = 1)]
    pub df: bool,
    #[overlay(bits = 1)]
    pub mf: bool,
    #[overlay(bits = 13)]
    pub frag: u16,
    #[overlay(bits = 4)]
    pub nib: Nibble,
    #[overlay(bits = 3)]
    pub level: Level,
    #[overlay(bits = 17)]
    pub delta: i32,
    pub count: u32,
}

pub const FLAGS_PY: &str = r#"
ECN = {0: "NotEct", 1: "Ect1", 2: "Ect0", 3: "Ce"}
NIB = {0: "Zero", 5: "Five"}
LEVEL = {-2: "Low", 0: "Mid", 1: "High"}
def signed(v, bits):
    return v - (1 << bits) if v >> (bits - 1) else v
def expect(r):
    b0, b1, w = struct.unpack_from(">BBH", r, 0)
    g = int.from_bytes(r[4:7], "big")  # a 3-byte group: 4 + 3 + 17 bits
    count = struct.unpack_from(">I", r, 7)[0]
    level = signed((g >> 17) & 7, 3)
    nib = g >> 20
    return {"version": b0 >> 4, "ihl": b0 & 15, "dscp": b1 >> 2, "ecn": b1 & 3,
            "ecn_name": ECN[b1 & 3], "reserved": bool(w >> 15), "df": bool(w >> 14 & 1),
            "mf": bool(w >> 13 & 1), "frag": w & 0x1fff, "nib": nib, "nib_name": NIB.get(nib),
            "level": level, "level_name": LEVEL.get(level), "delta": signed(g & 0x1ffff, 17),
            "count": count}
"#;

/// A little-endian register, bits from the least significant: a 4-byte and an 8-byte group
/// (13 bytes).
#[derive(Overlay, Clone, Copy, Debug)]
pub struct Register {
    #[overlay(bits = 3)]
    pub mode: u8,
    #[overlay(bits = 5)]
    pub delta: i8,
    #[overlay(bits = 24)]
    pub count: u32,
    pub sep: u8,
    #[overlay(bits = 1)]
    pub on: bool,
    #[overlay(bits = 63)]
    pub rest: u64,
}

pub const REGISTER_PY: &str = r#"
def signed(v, bits):
    return v - (1 << bits) if v >> (bits - 1) else v
def expect(r):
    a, sep, b = struct.unpack_from("<IBQ", r, 0)
    return {"mode": a & 7, "delta": signed(a >> 3 & 31, 5), "count": a >> 8, "sep": sep,
            "on": bool(b & 1), "rest": b >> 1}
"#;

/// A nested run-time record: it takes the order of the record holding it.
#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "runtime")]
pub struct Version {
    pub major: u16,
    pub minor: u16,
}

/// A record with an order of its own, nested in a run-time one.
#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "big")]
pub struct Tag {
    pub id: u32,
}

/// A run-time byte order record (34 bytes).
#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "runtime")]
pub struct Capture {
    pub magic: u32,
    pub version: Version,
    pub pair: [Version; 2],
    pub tag: Tag,
    #[overlay(endian = "little")]
    pub always_little: u16,
    pub ratio: f64,
    pub flag: bool,
    pub kind: Kind,
    #[overlay(pad)]
    pub _pad: [u8; 1],
}

/// CPython's reading of a `Capture` in byte order `order` (`"<"` or `">"`).
pub fn capture_py(order: &str) -> String {
    format!(
        r#"
KINDS = {{1: "Alpha", 0x100: "Beta", 0xfffe: "Omega"}}
O = "{order}"
def expect(r):
    magic, major, minor, m0, n0, m1, n1 = struct.unpack_from(O + "I6H", r, 0)
    tag = struct.unpack_from(">I", r, 16)[0]
    little = struct.unpack_from("<H", r, 20)[0]
    flag, kind = struct.unpack_from(O + "?H", r, 30)
    return {{"magic": magic, "version.major": major, "version.minor": minor,
            "pair.major": [m0, m1], "pair.minor": [n0, n1], "tag.id": tag,
            "always_little": little, "ratio": F(O + "d", r, 22), "flag": flag,
            "kind": kind, "kind_name": KINDS.get(kind)}}
"#
    )
}

/// Valid random captures in byte order `big`.
pub fn captures(rng: &mut Rng, count: usize, big: bool) -> Vec<u8> {
    let mut bytes = rng.bytes(count * Capture::SIZE);
    for record in bytes.chunks_exact_mut(Capture::SIZE) {
        put_f64(rng, &mut record[22..30], big);
        record[30] = rng.below(2) as u8;
    }
    bytes
}

/// Run-time byte order records inside a run-time one: each reads in the order of the field
/// holding it; and a group of bit fields, read in the order `Wrap` is read in (10 bytes).
#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "runtime", bit_order = "lsb")]
pub struct Wrap {
    pub inner: Version,
    #[overlay(bits = 4)]
    pub low: u8,
    #[overlay(bits = 12)]
    pub high: u16,
    #[overlay(endian = "big")]
    pub big: Version,
}

/// Run-time byte order records nested in a big-endian record, some through fields declared
/// little-endian, which they must be read in (26 bytes).
#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(endian = "big")]
pub struct Holder {
    #[overlay(endian = "little")]
    pub little: Version,
    pub big: Version,
    #[overlay(endian = "little")]
    pub pair: [Version; 2],
    #[overlay(endian = "little")]
    pub wrap: Wrap,
}

pub const HOLDER_PY: &str = r#"
def expect(r):
    a, b = struct.unpack_from("<HH", r, 0)
    c, d = struct.unpack_from(">HH", r, 4)
    p = struct.unpack_from("<4H", r, 8)
    e, f, bits = struct.unpack_from("<HHH", r, 16)
    g, h = struct.unpack_from(">HH", r, 22)
    return {"little.major": a, "little.minor": b, "big.major": c, "big.minor": d,
            "pair.major": [p[0], p[2]], "pair.minor": [p[1], p[3]],
            "wrap.inner.major": e, "wrap.inner.minor": f,
            "wrap.low": bits & 0xf, "wrap.high": bits >> 4,
            "wrap.big.major": g, "wrap.big.minor": h}
"#;
