//! The derived types that more than one test file uses, each declared once: enums of every
//! repr (negative discriminants, sparse values, gaps that do not fit a bit field), records of
//! every field kind and byte order (the shapes Python's `struct` can describe, and a few it
//! cannot), and the small bit-field and run-time byte order records that variable-length
//! records hold in their tables. Each implements `Value` and `Record` (`record!`,
//! `enum_value!`); the records also give their bytes written by hand (`reference!`).

use overlay::{Endian, Overlay};

use super::values::*;

// ---- Enums: every repr, negative discriminants, sparse values. ----

enum_value! {
    pub enum Color: u8 { Red = 1, Green = 2, Blue = 0xff }
}

enum_value! {
    pub enum Trend: i8 { Crash = -128, Down = -1, Flat = 0, Up = 1, Moon = 127 }
}

enum_value! {
    pub enum Opcode: u16 { Read = 0x0102, Write = 0x0201, Erase = 0xfffe }
}

enum_value! {
    pub enum Level: i16 { Floor = -32768, Low = -300, Zero = 0, High = 300 }
}

enum_value! {
    pub enum Magic: u32 { Elf = 0x7f45_4c46, Dead = 0xdead_beef }
}

enum_value! {
    pub enum Delta: i32 { Min = -2_147_483_648, MinusOne = -1, Max = 2_147_483_647 }
}

enum_value! {
    pub enum Huge: u64 { One = 1, Max = 0xffff_ffff_ffff_ffff }
}

enum_value! {
    pub enum Far: i64 { Past = -5_000_000_000, Now = 0, Future = 5_000_000_000 }
}

enum_value! {
    /// An enum with a byte order of its own, which a little-endian record cannot describe in
    /// one Python format.
    #[overlay(endian = "big")]
    pub enum BigCode: u16 { One = 1, Swapped = 0x0100 }
}

enum_value! {
    /// A message kind.
    pub enum Kind: u8 { Data = 1, Ack = 2, Close = 7 }
}

enum_value! {
    /// Discriminants with gaps; `Huge` (9) does not fit the 3-bit fields that hold a `Mode`.
    pub enum Mode: u8 { Idle = 0, Run = 1, Stop = 5, Huge = 9 }
}

enum_value! {
    /// A signed enum: in a 2-bit field, the pattern `0b10` (-2) is no variant.
    pub enum Sign: i8 { Minus = -1, Zero = 0, Plus = 1 }
}

enum_value! {
    /// A 16-bit enum, 10 bits wide inside bit fields.
    pub enum Grade: u16 { Low = 0, Mid = 300, High = 1023 }
}

enum_value! {
    /// Two bits: the patterns 0 and 3 are no variant.
    pub enum Unit: u8 { Celsius = 1, Kelvin = 2 }
}

enum_value! {
    /// Read in whatever byte order its field has; no variant reads as another with its bytes
    /// swapped.
    pub enum RtKind: u16 { Alpha = 1, Beta = 0x0102, Gamma = 0xfffe }
}

/// The modes that fit 3 bits.
pub fn mode() -> BoxedStrategy<Mode> {
    proptest::sample::select(vec![Mode::Idle, Mode::Run, Mode::Stop]).boxed()
}

// ---- Records of every field kind, most with a Python format. ----

record! {
    /// Every scalar width, little-endian (the default byte order).
    pub struct ScalarsLe {
        a: u8, b: u16, c: u32, d: u64, e: i8, f: i16, g: i32, h: i64, x: f32, y: f64, flag: bool,
    }
}

record! {
    /// Every scalar width, big-endian, in another order.
    #[overlay(endian = "big")]
    pub struct ScalarsBe {
        flag: bool, y: f64, h: i64, d: u64, x: f32, g: i32, c: u32, f: i16, b: u16, e: i8, a: u8,
    }
}

record! {
    /// A nested record in network byte order.
    #[overlay(endian = "network")]
    pub struct Point { x: i32, y: i32 }
}

record! {
    /// A little-endian nested record with a float and a bool.
    pub struct PointLe { x: i16, y: f32, on: bool }
}

record! {
    /// The guide's header: byte arrays, enums, a bool, a nested record, an array, a pad.
    #[overlay(endian = "big")]
    pub struct Header {
        magic: [u8; 4],
        version: u16,
        color: Color,
        opcode: Opcode,
        urgent: bool,
        len: u32,
        origin: Point,
        samples: [i16; 4],
        pad reserved: [u8; 3],
        ratio: f64,
        level: Level,
    }
}

record! {
    /// Arrays of every kind: nested, of bytes, bools, enums, records, floats, and empty ones.
    pub struct Arrays {
        grid: [[i16; 2]; 3],
        names: [[u8; 3]; 2],
        flags: [bool; 3],
        trends: [Trend; 2],
        levels: [Level; 3],
        points: [PointLe; 2],
        weights: [f32; 2],
        counters: [u64; 2],
        pad gap: [u8; 1],
        cube: [[[i8; 2]; 2]; 2],
        nothing: [u32; 0],
        no_bytes: [u8; 0],
    }
}

record! {
    /// The machine's own byte order, with the wide enums.
    #[overlay(endian = "native")]
    pub struct Native {
        id: u32,
        stamps: [i64; 2],
        far: Far,
        ratio: f64,
        magic: Magic,
        pad gap: [u8; 2],
        huge: Huge,
        delta: Delta,
        small: i8,
        code: Opcode,
        bytes: [u8; 5],
    }
}

record! {
    /// Records inside records: a header (with its pad) and an array of points.
    #[overlay(endian = "big")]
    pub struct Packet {
        header: Header,
        hops: [Point; 2],
        pad align: [u8; 2],
        crc: u32,
        trend: Trend,
        deltas: [Delta; 2],
        huge: Huge,
        far: Far,
        magic: Magic,
    }
}

record! {
    /// A one-byte-array record, to be nested in an array.
    pub struct Tag1 { t: [u8; 1] }
}

record! {
    /// An array of records that each hold a single byte array.
    pub struct Tags { tags: [Tag1; 3], n: u16 }
}

record! {
    /// 128-bit integers: no Python format.
    pub struct Wide { a: u128, b: i128, c: [u128; 2], d: u8, e: [i128; 1] }
}

record! {
    /// Fields of both byte orders: no Python format.
    pub struct Mixed {
        a: u16,
        #[overlay(endian = "big")]
        b: u32,
        c: [i16; 2],
        #[overlay(endian = "big")]
        d: [f64; 1],
        code: BigCode,
        e: i8,
    }
}

record! {
    /// A record of size zero.
    pub struct Empty { nothing: [u8; 0] }
}

record! {
    /// A little-endian record whose only multi-byte field is a big-endian enum: one Python
    /// format still describes it, with the enum's prefix.
    pub struct BigEnumOnly { code: BigCode, tag: [u8; 2], flag: bool }
}

// ---- Records that variable-length records hold in their tables. ----

record! {
    /// Bit fields with an enum inside.
    #[overlay(endian = "big")]
    pub struct Item {
        #[overlay(bits = 2)]
        unit: Unit,
        #[overlay(bits = 6)]
        channel: u8 in uint(6),
        value: i16,
    }
}

reference!(Item, Endian::Big, |x, out| {
    out.bits(&[(x.unit.number(), 2), (x.channel.into(), 6)], true)
        .raw(&x.value.to_be_bytes());
});

record! {
    /// Little-endian, with bit fields after a plain field.
    pub struct Entry {
        id: u16,
        #[overlay(bits = 3)]
        mode: Mode in mode(),
        #[overlay(bits = 5)]
        weight: u8 in uint(5),
    }
}

reference!(Entry, Endian::Little, |x, out| {
    out.raw(&x.id.to_le_bytes())
        .bits(&[(x.mode.number(), 3), (x.weight.into(), 5)], false);
});

record! {
    /// A 16-bit enum read as a whole field.
    pub struct Pair { key: u8, level: Grade }
}

reference!(Pair, Endian::Little, |x, out| {
    out.raw(&[x.key]).raw(&(x.level as u16).to_le_bytes());
});

record! {
    /// A record whose byte order is chosen when it is viewed.
    #[overlay(endian = "runtime")]
    pub struct RtInner { a: u16, b: i32, kind: RtKind }
}

reference!(RtInner, |x, out, _| {
    put!(out, x.a);
    put!(out, x.b);
    put!(out, x.kind as u16);
});

// ---- Sample values, for the tests that need one fixed value of a type. ----

/// A header with every field set to something other than zero.
pub fn sample_header() -> Header {
    Header {
        magic: *b"OVLY",
        version: 3,
        color: Color::Blue,
        opcode: Opcode::Erase,
        urgent: true,
        len: 0x0102_0304,
        origin: Point { x: -7, y: 9 },
        samples: [1, -2, 3, -4],
        reserved: [0; 3],
        ratio: 0.5,
        level: Level::Low,
    }
}

/// Arrays with some elements of each kind set.
pub fn sample_arrays() -> Arrays {
    let mut arrays = Arrays::zero();
    arrays.grid = [[1, 2], [3, 4], [5, 6]];
    arrays.names = [*b"abc", *b"xyz"];
    arrays.trends = [Trend::Up, Trend::Crash];
    arrays.points[1] = PointLe {
        x: 5,
        y: 1.5,
        on: true,
    };
    arrays
}

/// Four copies of the sample header, back to back, the second byte of each its index.
pub fn header_table() -> [u8; Header::SIZE * 4] {
    let mut table = [0u8; Header::SIZE * 4];
    for (i, chunk) in table.chunks_exact_mut(Header::SIZE).enumerate() {
        sample_header().pack_into(chunk, 0).unwrap();
        chunk[1] = i as u8;
    }
    table
}
