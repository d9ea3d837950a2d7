//! What the tests know about a derived type without going through `overlay`: how to make random
//! values of it (seeded, or as proptest strategies), how to list a value's fields in Python
//! `struct` order, and how to read every field back through a view. `record!` declares a
//! derived struct together with all of that; `enum_value!` does the same for a fieldless enum.

use std::fmt::Debug;

use overlay::{ArrayView, Overlay};
pub use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

pub use super::rng::Rng;

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

/// One value of `strategy`, drawn from `rng`'s next number (for the seeded `Value::random` of
/// fields whose valid values a strategy describes, such as bit fields).
pub fn sample<T: Debug>(strategy: &BoxedStrategy<T>, rng: &mut Rng) -> T {
    let mut seed = [0u8; 16];
    seed[..8].copy_from_slice(&rng.next_u64().to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::XorShift, &seed);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    strategy.new_tree(&mut runner).expect("a value").current()
}

/// Unsigned values of a `width`-bit field, the extremes often.
pub fn uint<T: TryFrom<u64> + Debug + 'static>(width: u32) -> BoxedStrategy<T>
where
    T::Error: Debug,
{
    let max = if width >= 64 {
        u64::MAX
    } else {
        (1 << width) - 1
    };
    prop_oneof![4 => 0..=max, 1 => Just(max), 1 => Just(0)]
        .prop_map(|v| T::try_from(v).expect("fits the field type"))
        .boxed()
}

/// Signed values of a `width`-bit field, the extremes often.
pub fn sint<T: TryFrom<i64> + Debug + 'static>(width: u32) -> BoxedStrategy<T>
where
    T::Error: Debug,
{
    let (min, max) = if width == 64 {
        (i64::MIN, i64::MAX)
    } else {
        (-(1i64 << (width - 1)), (1i64 << (width - 1)) - 1)
    };
    prop_oneof![4 => min..=max, 1 => Just(min), 1 => Just(max), 1 => Just(-1)]
        .prop_map(|v| T::try_from(v).expect("fits the field type"))
        .boxed()
}

/// Inputs for the "no input makes an entry point panic" properties: pure noise up to `max`
/// bytes, or (twice as often) the `valid` bytes with noise around them, cut short at a random
/// place if `cut`, and a few bytes changed, so that both the accepting and the rejecting paths
/// run.
pub fn damaged(valid: BoxedStrategy<Vec<u8>>, max: usize, cut: bool) -> BoxedStrategy<Vec<u8>> {
    let noise =
        || prop_oneof![2 => Just(Vec::new()), 1 => proptest::collection::vec(any::<u8>(), 1..4)];
    let cut = if cut {
        prop_oneof![3 => Just(usize::MAX), 1 => any::<usize>()].boxed()
    } else {
        Just(usize::MAX).boxed()
    };
    let changes = prop_oneof![
        3 => Just(Vec::new()),
        1 => proptest::collection::vec((any::<usize>(), any::<u8>()), 1..3),
    ];
    let damaged = (noise(), valid, noise(), changes, cut).prop_map(
        move |(before, valid, after, changes, cut)| {
            let mut bytes = before;
            bytes.extend_from_slice(&valid);
            bytes.extend_from_slice(&after);
            bytes.truncate(cut.min(max - 1));
            if !bytes.is_empty() {
                for (at, byte) in changes {
                    let len = bytes.len();
                    bytes[at % len] = byte;
                }
            }
            bytes
        },
    );
    prop_oneof![1 => proptest::collection::vec(any::<u8>(), 0..max), 2 => damaged].boxed()
}

/// A value a bit-field setter can be given: its number (to decide whether it fits) and
/// values to try, near every power of two.
pub trait BitValue: Copy + PartialEq + Debug + 'static {
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

/// What the tests need from a derived struct beyond `Overlay` and `Value`.
pub trait Record: Overlay + Value {
    /// Each value field's name and flattened value, pads left out, in declaration order.
    fn owned_fields(&self) -> Vec<(&'static str, Vec<PyVal>)>;
    /// The same, read through every getter of a view.
    fn view_fields(view: Self::View<'_>) -> Vec<(&'static str, Vec<PyVal>)>;
    /// The same, read through every getter of a writable view.
    fn view_mut_fields(view: &Self::ViewMut<'_>) -> Vec<(&'static str, Vec<PyVal>)>;
    /// The value read back through every getter of a view (pads as zeros).
    fn from_view(view: Self::View<'_>) -> Self;
    /// The value read back through every getter of a writable view (pads as zeros).
    fn from_view_mut(view: &Self::ViewMut<'_>) -> Self;
    /// `view.unpack()`.
    fn unpack_view(view: Self::View<'_>) -> Self;
    /// `to_bytes`, as a vector (the array length depends on the type).
    fn bytes_of(&self) -> Vec<u8>;
}

/// Declares a derived struct (all fields `pub`) and implements `Value`, `Record` and
/// `ToOwnedValue` for it. A field written `pad name: [u8; N]` becomes `#[overlay(pad)]`; a
/// field written `name: T in STRATEGY` takes its values from `STRATEGY` (a bit field narrower
/// than its type) instead of `T::strategy()`. Field types must be single token trees (`u32`,
/// `Point`, `[i16; 4]`).
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
        $(#[$($fattr:tt)*])* $field:ident : $ty:tt in $strategy:expr $(, $($rest:tt)*)?
    ) => {
        record!(@munch $name $head
            [$($decl)* $(#[$($fattr)*])* pub $field: $ty,]
            [$($entry)* (bounded $field $ty ($strategy))]
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
    (@munch $name:ident [$($head:tt)*] [$($decl:tt)*]
        [$(($kind:ident $field:ident $ty:tt $($strategy:tt)?))*]
    ) => {
        #[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq)]
        $($head)* { $($decl)* }

        const _: () = {
            use $crate::support::values::*;
            use overlay::Overlay;

            impl Value for $name {
                fn random(rng: &mut Rng) -> Self {
                    $name { $($field: record!(@random rng $kind $ty $($strategy)?),)* }
                }
                fn zero() -> Self {
                    $name { $($field: <$ty as Value>::zero(),)* }
                }
                fn strategy() -> BoxedStrategy<Self> {
                    record!(@strategies $(($kind $ty $($strategy)?))*)
                        .prop_map(|record!(@pattern $($field)*)| $name { $($field,)* })
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
                fn view_fields(
                    view: <Self as Overlay>::View<'_>,
                ) -> Vec<(&'static str, Vec<PyVal>)> {
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
                fn from_view(view: <Self as Overlay>::View<'_>) -> Self {
                    $name { $($field: record!(@get view $kind $field $ty),)* }
                }
                fn from_view_mut(view: &<Self as Overlay>::ViewMut<'_>) -> Self {
                    $name { $($field: record!(@get view $kind $field $ty),)* }
                }
                fn unpack_view(view: <Self as Overlay>::View<'_>) -> Self {
                    view.unpack()
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
    };
    (@random $rng:ident value $ty:tt) => { <$ty as Value>::random($rng) };
    (@random $rng:ident bounded $ty:tt $strategy:tt) => { sample::<$ty>(&$strategy, $rng) };
    (@random $rng:ident pad $ty:tt) => { <$ty as Value>::zero() };
    // Right-nested pairs: proptest's tuple strategies stop at 12 elements.
    (@strategies) => { Just(()) };
    (@strategies ($kind:ident $ty:tt $($strategy:tt)?) $($more:tt)*) => {
        (record!(@strategy $kind $ty $($strategy)?), record!(@strategies $($more)*))
    };
    (@pattern) => { () };
    (@pattern $field:ident $($more:ident)*) => { ($field, record!(@pattern $($more)*)) };
    (@strategy value $ty:tt) => { <$ty as Value>::strategy() };
    (@strategy bounded $ty:tt $strategy:tt) => {{
        let strategy: BoxedStrategy<$ty> = $strategy;
        strategy
    }};
    (@strategy pad $ty:tt) => { Just(<$ty as Value>::zero()).boxed() };
    (@flatten $this:ident $out:ident pad $field:ident) => {
        $out.push(PyVal::Pad($this.$field.to_vec()))
    };
    (@flatten $this:ident $out:ident $kind:ident $field:ident) => {
        Value::flatten(&$this.$field, $out)
    };
    (@owned $this:ident pad $field:ident) => {
        None
    };
    (@owned $this:ident $kind:ident $field:ident) => {
        Some((stringify!($field), flat(&$this.$field)))
    };
    (@read $view:ident pad $field:ident $ty:tt) => {
        None
    };
    (@read $view:ident $kind:ident $field:ident $ty:tt) => {{
        let value: $ty = ToOwnedValue::to_owned_value($view.$field());
        Some((stringify!($field), flat(&value)))
    }};
    (@get $view:ident pad $field:ident $ty:tt) => {
        <$ty as Value>::zero()
    };
    (@get $view:ident $kind:ident $field:ident $ty:tt) => {
        ToOwnedValue::<$ty>::to_owned_value($view.$field())
    };
}

/// Declares a derived fieldless enum (`#[repr(REPR)]`, Debug, Clone, Copy, PartialEq, Eq) and
/// implements `Value` for it: `pub enum Name: REPR { Variant = value, ... }`, after any
/// attributes (docs, `#[overlay(...)]`).
macro_rules! enum_value {
    (
        $(#[$attr:meta])*
        pub enum $name:ident: $repr:ident { $($variant:ident = $value:expr),* $(,)? }
    ) => {
        #[derive(overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
        $(#[$attr])*
        #[repr($repr)]
        pub enum $name {
            $($variant = $value),*
        }

        const _: () = {
            use $crate::support::values::*;

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

            impl BitValue for $name {
                const SIGNED: bool = $repr::MIN != 0;
                fn number(self) -> i128 {
                    i128::from(self as $repr)
                }
                fn candidates() -> BoxedStrategy<Self> {
                    <Self as Value>::strategy()
                }
            }
        };
    };
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
