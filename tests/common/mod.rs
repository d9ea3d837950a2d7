//! Derived record types shared by the integration tests, and what the tests need to know about
//! them without going through `overlay`: how to make random values (seeded, or as proptest
//! strategies), how to list a value's fields in Python `struct` order, and how to read every
//! field back through a view.
//!
//! Every test binary compiles this module but uses a different part of it.
#![allow(dead_code)]

use std::fmt::Debug;

use overlay::{ArrayView, Overlay};
use proptest::prelude::*;

/// One value as Python's `struct` module sees it, plus pad bytes (which Python skips). Floats
/// are kept as bit patterns so that NaN compares equal to itself and `-0.0` differs from `0.0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PyVal {
    /// Any integer up to 64 bits, and `i128`; enums as their discriminant.
    Int(i128),
    /// A `u128`, which `Int` cannot hold (Python's `struct` has no code for it).
    Wide(u128),
    Bool(bool),
    F32(u32),
    F64(u64),
    /// A `[u8; N]`, one `Ns` value in Python.
    Bytes(Vec<u8>),
    /// A pad field's bytes; no value in Python.
    Pad(Vec<u8>),
}

/// The SplitMix64 generator: tiny, deterministic, and good enough to pick test values.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// A type of field value the tests know how to generate and compare.
pub trait Value: Sized + Copy + Debug + 'static {
    /// A seeded random value; edge values (MIN, MAX, 0, infinities, NaN) come up often.
    fn random(rng: &mut Rng) -> Self;
    /// All zeros (pads, and arrays of zero length).
    fn zero() -> Self;
    /// Every valid value, for proptest.
    fn strategy() -> BoxedStrategy<Self>;
    /// Appends this value as Python `struct` values, in format order.
    fn flatten(&self, out: &mut Vec<PyVal>);
    /// Appends an array of values; `[u8; N]` overrides this to become one bytes value.
    fn flatten_slice(items: &[Self], out: &mut Vec<PyVal>) {
        for item in items {
            item.flatten(out);
        }
    }
}

/// `x.flatten()` as a new vector.
pub fn flat<T: Value>(x: &T) -> Vec<PyVal> {
    let mut out = Vec::new();
    x.flatten(&mut out);
    out
}

/// The values Python's `struct.pack` takes for `x`: its flattened fields without pads.
pub fn python_values<T: Value>(x: &T) -> Vec<PyVal> {
    flat(x)
        .into_iter()
        .filter(|v| !matches!(v, PyVal::Pad(_)))
        .collect()
}

/// Whether two values are equal field by field, floats compared by their bits.
pub fn same<T: Value>(a: &T, b: &T) -> bool {
    flat(a) == flat(b)
}

macro_rules! integer_value {
    ($($ty:ty => $variant:ident),* $(,)?) => {$(
        impl Value for $ty {
            fn random(rng: &mut Rng) -> Self {
                let bits = u128::from(rng.next_u64()) << 64 | u128::from(rng.next_u64());
                match rng.below(8) {
                    0 => <$ty>::MIN,
                    1 => <$ty>::MAX,
                    2 => 0,
                    // Small magnitudes, both signs for signed types.
                    3 => (bits % 5) as $ty,
                    _ => bits as $ty,
                }
            }
            fn zero() -> Self {
                0
            }
            fn strategy() -> BoxedStrategy<Self> {
                prop_oneof![
                    1 => Just(<$ty>::MIN),
                    1 => Just(<$ty>::MAX),
                    1 => Just(0),
                    6 => any::<$ty>(),
                ]
                .boxed()
            }
            #[allow(clippy::cast_lossless)]
            fn flatten(&self, out: &mut Vec<PyVal>) {
                out.push(PyVal::$variant(*self as _));
            }
        }
    )*};
}

integer_value! {
    u16 => Int, u32 => Int, u64 => Int, u128 => Wide,
    i8 => Int, i16 => Int, i32 => Int, i64 => Int, i128 => Int,
}

impl Value for u8 {
    fn random(rng: &mut Rng) -> Self {
        rng.next_u64() as u8
    }
    fn zero() -> Self {
        0
    }
    fn strategy() -> BoxedStrategy<Self> {
        any::<u8>().boxed()
    }
    fn flatten(&self, out: &mut Vec<PyVal>) {
        out.push(PyVal::Int(i128::from(*self)));
    }
    fn flatten_slice(items: &[Self], out: &mut Vec<PyVal>) {
        out.push(PyVal::Bytes(items.to_vec()));
    }
}

impl Value for bool {
    fn random(rng: &mut Rng) -> Self {
        rng.next_u64() & 1 == 1
    }
    fn zero() -> Self {
        false
    }
    fn strategy() -> BoxedStrategy<Self> {
        any::<bool>().boxed()
    }
    fn flatten(&self, out: &mut Vec<PyVal>) {
        out.push(PyVal::Bool(*self));
    }
}

/// Floats: any bit pattern. The seeded values that go to Python have quiet NaNs only for `f32`:
/// CPython converts a `'f'` value through a C `double`, which quiets a signalling NaN, so such
/// a NaN cannot cross to Python and back unchanged; that is a property of Python, not of the
/// layout under test. `f64` NaNs cross unchanged, signalling or not.
macro_rules! float_value {
    ($($ty:ty, $bits:ty, $variant:ident, $python_safe:path;)*) => {$(
        impl Value for $ty {
            fn random(rng: &mut Rng) -> Self {
                const SPECIAL: [$ty; 10] = [
                    0.0, -0.0, 1.0, -1.5, <$ty>::INFINITY, <$ty>::NEG_INFINITY, <$ty>::NAN,
                    <$ty>::MIN_POSITIVE, <$ty>::MAX, <$ty>::MIN,
                ];
                if rng.below(4) == 0 {
                    SPECIAL[rng.below(SPECIAL.len())]
                } else {
                    $python_safe(<$ty>::from_bits(rng.next_u64() as $bits))
                }
            }
            fn zero() -> Self {
                0.0
            }
            fn strategy() -> BoxedStrategy<Self> {
                prop_oneof![any::<$bits>().prop_map(<$ty>::from_bits), any::<$ty>()].boxed()
            }
            fn flatten(&self, out: &mut Vec<PyVal>) {
                out.push(PyVal::$variant(self.to_bits()));
            }
        }
    )*};
}

/// `x`, with the quiet bit set if it is a NaN.
fn quiet_f32(x: f32) -> f32 {
    if x.is_nan() {
        f32::from_bits(x.to_bits() | 0x0040_0000)
    } else {
        x
    }
}

float_value! {
    f32, u32, F32, quiet_f32;
    f64, u64, F64, std::convert::identity;
}

impl<T: Value, const N: usize> Value for [T; N] {
    fn random(rng: &mut Rng) -> Self {
        std::array::from_fn(|_| T::random(rng))
    }
    fn zero() -> Self {
        [T::zero(); N]
    }
    fn strategy() -> BoxedStrategy<Self> {
        proptest::array::uniform::<_, N>(T::strategy()).boxed()
    }
    fn flatten(&self, out: &mut Vec<PyVal>) {
        T::flatten_slice(self, out);
    }
}

/// Converts what a getter returns into the owned field type, so that getters can be compared
/// with the owned struct's fields.
pub trait ToOwnedValue<T> {
    fn to_owned_value(self) -> T;
}

/// Scalars, bools and enums read by value.
impl<T> ToOwnedValue<T> for T {
    fn to_owned_value(self) -> T {
        self
    }
}

/// Byte arrays read as references.
impl<const N: usize> ToOwnedValue<[u8; N]> for &[u8; N] {
    fn to_owned_value(self) -> [u8; N] {
        *self
    }
}

/// Other arrays read as `ArrayView`s.
impl<T: Overlay, const N: usize> ToOwnedValue<[T; N]> for ArrayView<'_, T, N> {
    fn to_owned_value(self) -> [T; N] {
        self.to_array()
    }
}

/// What the tests need from a derived struct beyond `Overlay` and `Value`.
pub trait Record: Overlay + Value {
    /// Each value field's name and flattened value, pads left out, in declaration order.
    fn owned_fields(&self) -> Vec<(&'static str, Vec<PyVal>)>;
    /// The same, read through every getter of a view.
    fn view_fields(view: Self::View<'_>) -> Vec<(&'static str, Vec<PyVal>)>;
    /// The same, read through every getter of a writable view.
    fn view_mut_fields(view: &Self::ViewMut<'_>) -> Vec<(&'static str, Vec<PyVal>)>;
    /// `to_bytes`, as a vector (the array length depends on the type).
    fn bytes_of(&self) -> Vec<u8>;
}

/// Declares a derived struct (all fields `pub`) and implements `Value`, `Record` and
/// `ToOwnedValue` for it. A field written `pad name: [u8; N]` becomes `#[overlay(pad)]`.
/// Field types must be single token trees (`u32`, `Point`, `[i16; 4]`).
macro_rules! record {
    (
        $(#[$($attr:tt)*])*
        pub struct $name:ident { $($body:tt)* }
    ) => {
        record!(@munch $name [$(#[$($attr)*])* pub struct $name] [] [] $($body)*);
    };
    (@munch $name:ident $head:tt [$($decl:tt)*] [$($entry:tt)*]
        pad $field:ident : $ty:tt $(, $($rest:tt)*)?
    ) => {
        record!(@munch $name $head
            [$($decl)* #[overlay(pad)] pub $field: $ty,]
            [$($entry)* (pad $field $ty)]
            $($($rest)*)?);
    };
    (@munch $name:ident $head:tt [$($decl:tt)*] [$($entry:tt)*]
        $(#[$($fattr:tt)*])* $field:ident : $ty:tt $(, $($rest:tt)*)?
    ) => {
        record!(@munch $name $head
            [$($decl)* $(#[$($fattr)*])* pub $field: $ty,]
            [$($entry)* (value $field $ty)]
            $($($rest)*)?);
    };
    (@munch $name:ident [$($head:tt)*] [$($decl:tt)*] [$(($kind:ident $field:ident $ty:tt))*]) => {
        #[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq)]
        $($head)* { $($decl)* }

        impl Value for $name {
            fn random(rng: &mut Rng) -> Self {
                $name { $($field: record!(@random rng $kind $ty),)* }
            }
            fn zero() -> Self {
                $name { $($field: <$ty as Value>::zero(),)* }
            }
            fn strategy() -> BoxedStrategy<Self> {
                ($(record!(@strategy $kind $ty),)*)
                    .prop_map(|($($field,)*)| $name { $($field,)* })
                    .boxed()
            }
            fn flatten(&self, out: &mut Vec<PyVal>) {
                let this = self;
                $(record!(@flatten this out $kind $field);)*
            }
        }

        impl Record for $name {
            fn owned_fields(&self) -> Vec<(&'static str, Vec<PyVal>)> {
                let this = self;
                let fields: Vec<Option<(&'static str, Vec<PyVal>)>> =
                    vec![$(record!(@owned this $kind $field)),*];
                fields.into_iter().flatten().collect()
            }
            fn view_fields(view: <Self as Overlay>::View<'_>) -> Vec<(&'static str, Vec<PyVal>)> {
                let fields: Vec<Option<(&'static str, Vec<PyVal>)>> =
                    vec![$(record!(@read view $kind $field $ty)),*];
                fields.into_iter().flatten().collect()
            }
            fn view_mut_fields(
                view: &<Self as Overlay>::ViewMut<'_>,
            ) -> Vec<(&'static str, Vec<PyVal>)> {
                let fields: Vec<Option<(&'static str, Vec<PyVal>)>> =
                    vec![$(record!(@read view $kind $field $ty)),*];
                fields.into_iter().flatten().collect()
            }
            fn bytes_of(&self) -> Vec<u8> {
                self.to_bytes().to_vec()
            }
        }

        impl ToOwnedValue<$name> for <$name as Overlay>::View<'_> {
            fn to_owned_value(self) -> $name {
                self.unpack()
            }
        }
    };
    (@random $rng:ident value $ty:tt) => { <$ty as Value>::random($rng) };
    (@random $rng:ident pad $ty:tt) => { <$ty as Value>::zero() };
    (@strategy value $ty:tt) => { <$ty as Value>::strategy() };
    (@strategy pad $ty:tt) => { Just(<$ty as Value>::zero()).boxed() };
    (@flatten $this:ident $out:ident value $field:ident) => {
        Value::flatten(&$this.$field, $out)
    };
    (@flatten $this:ident $out:ident pad $field:ident) => {
        $out.push(PyVal::Pad($this.$field.to_vec()))
    };
    (@owned $this:ident value $field:ident) => {
        Some((stringify!($field), flat(&$this.$field)))
    };
    (@owned $this:ident pad $field:ident) => {
        None
    };
    (@read $view:ident value $field:ident $ty:tt) => {{
        let value: $ty = ToOwnedValue::to_owned_value($view.$field());
        Some((stringify!($field), flat(&value)))
    }};
    (@read $view:ident pad $field:ident $ty:tt) => {
        None
    };
}

/// Implements `Value` for a derived fieldless enum.
macro_rules! enum_value {
    ($name:ident as $repr:ty { $($variant:ident),* $(,)? }) => {
        impl Value for $name {
            fn random(rng: &mut Rng) -> Self {
                const ALL: &[$name] = &[$($name::$variant),*];
                ALL[rng.below(ALL.len())]
            }
            fn zero() -> Self {
                [$($name::$variant),*][0]
            }
            fn strategy() -> BoxedStrategy<Self> {
                proptest::sample::select(vec![$($name::$variant),*]).boxed()
            }
            fn flatten(&self, out: &mut Vec<PyVal>) {
                out.push(PyVal::Int(i128::from(*self as $repr)));
            }
        }
    };
}

// ---- Enums: every repr, negative discriminants, sparse values. ----

#[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Color {
    Red = 1,
    Green = 2,
    Blue = 0xff,
}
enum_value!(Color as u8 { Red, Green, Blue });

#[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i8)]
pub enum Trend {
    Crash = -128,
    Down = -1,
    Flat = 0,
    Up = 1,
    Moon = 127,
}
enum_value!(Trend as i8 { Crash, Down, Flat, Up, Moon });

#[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum Opcode {
    Read = 0x0102,
    Write = 0x0201,
    Erase = 0xfffe,
}
enum_value!(Opcode as u16 { Read, Write, Erase });

#[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i16)]
pub enum Level {
    Floor = -32768,
    Low = -300,
    Zero = 0,
    High = 300,
}
enum_value!(Level as i16 { Floor, Low, Zero, High });

#[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Magic {
    Elf = 0x7f45_4c46,
    Dead = 0xdead_beef,
}
enum_value!(Magic as u32 { Elf, Dead });

#[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum Delta {
    Min = -2_147_483_648,
    MinusOne = -1,
    Max = 2_147_483_647,
}
enum_value!(Delta as i32 { Min, MinusOne, Max });

#[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Huge {
    One = 1,
    Max = 0xffff_ffff_ffff_ffff,
}
enum_value!(Huge as u64 { One, Max });

#[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i64)]
pub enum Far {
    Past = -5_000_000_000,
    Now = 0,
    Future = 5_000_000_000,
}
enum_value!(Far as i64 { Past, Now, Future });

/// An enum with a byte order of its own, which a little-endian record cannot describe in one
/// Python format.
#[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "big")]
#[repr(u16)]
pub enum BigCode {
    One = 1,
    Swapped = 0x0100,
}
enum_value!(BigCode as u16 { One, Swapped });

// ---- Structs. ----

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

/// The first field whose values differ between `expected` and `found`, as a message naming
/// it, or `None` if all agree.
pub fn field_mismatch(
    expected: &[(&'static str, Vec<PyVal>)],
    found: &[(&'static str, Vec<PyVal>)],
) -> Option<String> {
    if expected.len() != found.len() {
        return Some(format!(
            "{} fields expected, {} found",
            expected.len(),
            found.len()
        ));
    }
    expected
        .iter()
        .zip(found)
        .find(|(e, f)| e != f)
        .map(|((name, e), (found_name, f))| {
            format!("field `{name}`: expected {e:?}, found `{found_name}` = {f:?}")
        })
}
