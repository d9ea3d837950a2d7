//! The fixed-size property harness shared by the bit-field and run-time byte order tests, and
//! the hand-written bytes it compares with.
//!
//! (a) No input (bytes of any length, any offset) makes an entry point panic; whatever is
//!     accepted reads the same through every getter, the view's `unpack`, `unpack` and every
//!     table, in every byte order given; every error reads as a sentence.
//! (b) Owned values round-trip, and their bytes equal bytes written by hand (bit groups packed
//!     with shifts and masks written here, not by the library), in both byte orders for
//!     run-time types; strided tables of them read back.
//! (c) A bit-field setter either writes exactly its value, inside its group only, or refuses
//!     with `ErrorKind::BitFieldOverflow` and writes nothing.
//!
//! A type under test is a `record!` (values, strategies, getters) with a `Reference`: its bytes
//! written by hand, declared with `reference!`. `fixed_properties!` and `setter_properties!`
//! make the property tests of a list of such types.

use std::fmt::Debug;

use overlay::{Endian, Error, ErrorKind, FieldInfo, Overlay, Records, RuntimeEndian};
use proptest::collection::vec;

use super::values::*;

pub const ENDIANS: [Endian; 2] = [Endian::Little, Endian::Big];

/// A record's bytes, written by hand: `endian` is the byte order for the types that take one at
/// run time (the others ignore it).
pub trait Reference: Record {
    /// How the harness reads the type in a byte order: [`RunTime`] or [`OwnOrder`].
    type Order: Order<Self>;
    fn reference(&self, endian: Endian) -> Vec<u8>;
}

/// The entry points the harness reads a type through "in byte order `endian`": the `_with`
/// ones for a type that takes its byte order at run time ([`RunTime`]); the plain ones, in
/// the type's own order whatever is asked, for a type that has one ([`OwnOrder`]), which has
/// no `_with` entry points at all (`tests/ui/with_on_fixed_order.rs`).
pub trait Order<T: Overlay> {
    /// The orders worth asking for: both for a run-time type; one for a type with its own,
    /// which reads the same whatever is asked.
    const ORDERS: &'static [Endian];
    fn view(bytes: &[u8], endian: Endian) -> Result<T::View<'_>, Error>;
    fn view_at(bytes: &[u8], offset: usize, endian: Endian) -> Result<T::View<'_>, Error>;
    fn view_mut(bytes: &mut [u8], endian: Endian) -> Result<T::ViewMut<'_>, Error>;
    fn unpack(bytes: &[u8], endian: Endian) -> Result<T, Error>;
    fn unpack_from(bytes: &[u8], offset: usize, endian: Endian) -> Result<T, Error>;
    fn pack_into(value: &T, bytes: &mut [u8], offset: usize, endian: Endian) -> Result<(), Error>;
    fn records(bytes: &[u8], endian: Endian) -> Result<Records<'_, T>, Error>;
    fn with_stride(
        bytes: &[u8],
        count: usize,
        stride: usize,
        endian: Endian,
    ) -> Result<Records<'_, T>, Error>;
}

/// A type declared with `#[overlay(endian = "runtime")]`.
pub struct RunTime;

/// A type with a byte order of its own.
pub struct OwnOrder;

impl<T: Overlay + RuntimeEndian> Order<T> for RunTime {
    const ORDERS: &'static [Endian] = &ENDIANS;
    fn view(bytes: &[u8], endian: Endian) -> Result<T::View<'_>, Error> {
        T::view_with(bytes, endian)
    }
    fn view_at(bytes: &[u8], offset: usize, endian: Endian) -> Result<T::View<'_>, Error> {
        T::view_at_with(bytes, offset, endian)
    }
    fn view_mut(bytes: &mut [u8], endian: Endian) -> Result<T::ViewMut<'_>, Error> {
        T::view_mut_with(bytes, endian)
    }
    fn unpack(bytes: &[u8], endian: Endian) -> Result<T, Error> {
        T::unpack_with(bytes, endian)
    }
    fn unpack_from(bytes: &[u8], offset: usize, endian: Endian) -> Result<T, Error> {
        T::unpack_from_with(bytes, offset, endian)
    }
    fn pack_into(value: &T, bytes: &mut [u8], offset: usize, endian: Endian) -> Result<(), Error> {
        value.pack_into_with(bytes, offset, endian)
    }
    fn records(bytes: &[u8], endian: Endian) -> Result<Records<'_, T>, Error> {
        T::records_with(bytes, endian)
    }
    fn with_stride(
        bytes: &[u8],
        count: usize,
        stride: usize,
        endian: Endian,
    ) -> Result<Records<'_, T>, Error> {
        Records::with_stride_endian(bytes, count, stride, endian)
    }
}

impl<T: Overlay> Order<T> for OwnOrder {
    const ORDERS: &'static [Endian] = &[Endian::Little];
    fn view(bytes: &[u8], _: Endian) -> Result<T::View<'_>, Error> {
        T::view(bytes)
    }
    fn view_at(bytes: &[u8], offset: usize, _: Endian) -> Result<T::View<'_>, Error> {
        T::view_at(bytes, offset)
    }
    fn view_mut(bytes: &mut [u8], _: Endian) -> Result<T::ViewMut<'_>, Error> {
        T::view_mut(bytes)
    }
    fn unpack(bytes: &[u8], _: Endian) -> Result<T, Error> {
        T::unpack(bytes)
    }
    fn unpack_from(bytes: &[u8], offset: usize, _: Endian) -> Result<T, Error> {
        T::unpack_from(bytes, offset)
    }
    fn pack_into(value: &T, bytes: &mut [u8], offset: usize, _: Endian) -> Result<(), Error> {
        value.pack_into(bytes, offset)
    }
    fn records(bytes: &[u8], _: Endian) -> Result<Records<'_, T>, Error> {
        T::records(bytes)
    }
    fn with_stride(
        bytes: &[u8],
        count: usize,
        stride: usize,
        _: Endian,
    ) -> Result<Records<'_, T>, Error> {
        Records::with_stride(bytes, count, stride)
    }
}

/// The mask of a field `width` bits wide.
pub fn mask(width: u32) -> u64 {
    if width >= 64 {
        u64::MAX
    } else {
        (1 << width) - 1
    }
}

/// A record's bytes, appended field by field in byte order `endian`.
pub struct Out {
    bytes: Vec<u8>,
    endian: Endian,
}

impl Out {
    pub fn new(endian: Endian) -> Self {
        Out {
            bytes: Vec::new(),
            endian,
        }
    }

    /// A value in the record's order: its little- and big-endian bytes.
    pub fn put<const N: usize>(&mut self, le: [u8; N], be: [u8; N]) -> &mut Self {
        let bytes = if self.endian == Endian::Little {
            le
        } else {
            be
        };
        self.bytes.extend_from_slice(&bytes);
        self
    }

    pub fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.bytes.extend_from_slice(bytes);
        self
    }

    /// A bit group: `(value, width)` in declaration order, the first field in the most
    /// significant bits if `msb_first`, in the least otherwise; the group is one integer in
    /// the record's byte order.
    pub fn bits(&mut self, fields: &[(i128, u32)], msb_first: bool) -> &mut Self {
        let total: u32 = fields.iter().map(|&(_, width)| width).sum();
        assert!(
            total.is_multiple_of(8) && total <= 64,
            "a group is whole bytes"
        );
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

    pub fn done(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }
}

/// `$out.put(le, be)` of a number, in the record's byte order.
macro_rules! put {
    ($out:expr, $value:expr) => {
        $out.put($value.to_le_bytes(), $value.to_be_bytes())
    };
}

/// `impl Reference for TYPE`, the bytes of a value written by `write` into an `Out`:
///
/// - `reference!(TYPE, ENDIAN, |x, out| { ... })` for a type with a byte order of its own:
///   `out` writes in that order, whatever order is asked;
/// - `reference!(TYPE, |x, out, endian| { ... })` for a type that takes its order at run time:
///   `out` writes in the order asked, `endian`, which `write` passes on to nested records.
macro_rules! reference {
    ($ty:ident, $endian:expr, $write:expr $(,)?) => {
        impl $crate::support::shapes::Reference for $ty {
            type Order = $crate::support::shapes::OwnOrder;
            fn reference(&self, _: ::overlay::Endian) -> Vec<u8> {
                let write: fn(&$ty, &mut $crate::support::shapes::Out) = $write;
                let mut out = $crate::support::shapes::Out::new($endian);
                write(self, &mut out);
                out.done()
            }
        }
    };
    ($ty:ident, $write:expr $(,)?) => {
        impl $crate::support::shapes::Reference for $ty {
            type Order = $crate::support::shapes::RunTime;
            fn reference(&self, endian: ::overlay::Endian) -> Vec<u8> {
                let write: fn(&$ty, &mut $crate::support::shapes::Out, ::overlay::Endian) = $write;
                let mut out = $crate::support::shapes::Out::new(endian);
                write(self, &mut out, endian);
                out.done()
            }
        }
    };
}

/// `Ok` or a test failure naming `what`.
pub fn ok<T>(result: Result<T, Error>, what: &str) -> Result<T, TestCaseError> {
    result.map_err(|e| TestCaseError::fail(format!("{what}: {e}")))
}

/// An error reads as a sentence.
pub fn readable(error: &Error) -> Result<(), TestCaseError> {
    prop_assert!(
        !error.to_string().is_empty(),
        "{:?} displays as an empty string",
        error
    );
    Ok(())
}

/// `a` is exactly the slice `b`: same start, same length.
pub fn same_place(a: &[u8], b: &[u8]) -> bool {
    a.as_ptr() == b.as_ptr() && a.len() == b.len()
}

/// The view's getters read `owned`, and so does the view's own `unpack`.
pub fn agree<T: Reference>(view: T::View<'_>, owned: &T, what: &str) -> Result<(), TestCaseError> {
    let read = T::from_view(view);
    prop_assert!(
        same(&read, owned),
        "{}: getters read {:?}, unpack reads {:?}",
        what,
        read,
        owned
    );
    let unpacked = T::unpack_view(view);
    prop_assert!(
        same(&unpacked, owned),
        "{}: view.unpack() reads {:?}, unpack reads {:?}",
        what,
        unpacked,
        owned
    );
    Ok(())
}

/// A view and an `unpack` of the same bytes: both succeed and agree, or both fail alike.
pub fn agree_or_fail_alike<T: Reference>(
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
pub fn check_table<T: Reference>(
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
        let owned = ok(T::Order::unpack(record, endian), "a table record")?;
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
pub fn exercise_fixed<T: Reference>(
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
            prop_assert!(same(&read, owned), "view_mut getters read {:?}", read);
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
        prop_assert!(same(&owned, from), "unpack_from vs unpack");
    }

    // Without an order given, run-time types read little-endian.
    match T::records(bytes) {
        Ok(records) => check_table(records, bytes, T::SIZE, Endian::Little)?,
        Err(e) => readable(&e)?,
    }

    for &endian in T::Order::ORDERS {
        let exact_with = T::Order::unpack(bytes, endian);
        agree_or_fail_alike::<T>(T::Order::view(bytes, endian), &exact_with, "view_with")?;
        let from = T::Order::unpack_from(bytes, offset, endian);
        agree_or_fail_alike::<T>(
            T::Order::view_at(bytes, offset, endian),
            &from,
            "view_at_with",
        )?;

        match T::Order::records(bytes, endian) {
            Ok(records) => {
                prop_assert_eq!(records.len() * T::SIZE, bytes.len());
                check_table(records, bytes, T::SIZE, endian)?;
            }
            Err(e) => {
                readable(&e)?;
                if bytes.len().is_multiple_of(T::SIZE) {
                    prop_assert!(
                        bytes
                            .chunks(T::SIZE)
                            .any(|record| T::Order::unpack(record, endian).is_err()),
                        "records_with refuses whole valid records: {}",
                        e
                    );
                }
            }
        }
        match T::Order::with_stride(bytes, count, stride, endian) {
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
pub fn round_trip<T: Reference>(value: &T) -> Result<(), TestCaseError> {
    for &endian in T::Order::ORDERS {
        let expected = value.reference(endian);
        prop_assert_eq!(
            expected.len(),
            T::SIZE,
            "the hand-written bytes are SIZE long"
        );
        let mut bytes = vec![0xa5; T::SIZE];
        ok(
            T::Order::pack_into(value, &mut bytes, 0, endian),
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
            T::Order::unpack(&bytes, endian),
            "unpack_with(pack_into_with(x))",
        )?;
        prop_assert!(same(&back, value), "unpack_with gave {:?}", back);
        agree(
            ok(T::Order::view(&bytes, endian), "view_with")?,
            value,
            "view of x",
        )?;
    }
    let mut bytes = vec![0; T::SIZE];
    ok(value.pack_into(&mut bytes, 0), "pack_into")?;
    let back = ok(T::unpack(&bytes), "unpack(pack_into(x))")?;
    prop_assert!(same(&back, value), "unpack(pack_into(x)) gave {:?}", back);
    Ok(())
}

/// Records written by hand `gap.len()` bytes apart read back through a strided table.
pub fn strided_table<T: Reference>(
    values: &[T],
    gap: &[u8],
    big: bool,
) -> Result<(), TestCaseError> {
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
        T::Order::with_stride(&bytes, values.len(), stride, endian),
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
        let err = T::Order::with_stride(short, values.len(), stride, endian)
            .err()
            .ok_or_else(|| TestCaseError::fail("a table one byte short is accepted"))?;
        readable(&err)?;
    }
    Ok(())
}

/// Noise, or valid records with noise around them and a few bytes changed, up to 300 bytes.
pub fn fixed_inputs<T: Reference + 'static>() -> BoxedStrategy<Vec<u8>> {
    let records = (vec(T::strategy(), 0..4), any::<bool>()).prop_map(|(records, big)| {
        let endian = if big { Endian::Big } else { Endian::Little };
        records
            .iter()
            .flat_map(|record| record.reference(endian))
            .collect()
    });
    damaged(records.boxed(), 300, false)
}

/// Offsets and counts: small mostly, huge sometimes.
pub fn sizes() -> BoxedStrategy<usize> {
    prop_oneof![8 => 0usize..310, 1 => any::<usize>(), 1 => Just(usize::MAX)].boxed()
}

/// Record counts for strided tables: a few mostly, so that tables fit.
pub fn counts() -> BoxedStrategy<usize> {
    prop_oneof![3 => 0usize..8, 1 => sizes()].boxed()
}

/// Strides around the record size, and any others.
pub fn strides<T: Overlay>() -> BoxedStrategy<usize> {
    prop_oneof![
        3 => (0usize..12).prop_map(|extra| T::SIZE + extra),
        1 => 0..T::SIZE + 1,
        1 => sizes(),
    ]
    .boxed()
}

/// For each `module: Type`, a module of the properties (a) and (b) of `Type`.
macro_rules! fixed_properties {
    ($($module:ident: $ty:ident),* $(,)?) => {$(
        mod $module {
            #[allow(unused_imports)]
            use {super::*, $crate::support::shapes::*, $crate::support::values::*};
            use proptest::collection::vec;

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
                    values in vec(<$ty as Value>::strategy(), 0..5),
                    gap in vec(any::<u8>(), 0..6),
                    big in any::<bool>(),
                ) {
                    strided_table(&values, &gap, big)?;
                }

                #[test]
                fn owned_values_round_trip_and_match_bytes_written_by_hand(
                    value in <$ty as Value>::strategy(),
                ) {
                    round_trip(&value)?;
                }
            }
        }
    )*};
}

/// Whether `number` fits in a field `width` bits wide.
pub fn fits(number: i128, width: u32, signed: bool) -> bool {
    if signed {
        let half = 1i128 << (width - 1);
        -half <= number && number < half
    } else {
        0 <= number && number < (1i128 << width)
    }
}

/// The `FieldInfo` of the top-level field `name`.
pub fn field_info<T: Overlay>(name: &str) -> &'static FieldInfo {
    T::FIELDS
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("{} has a field `{name}`", std::any::type_name::<T>()))
}

/// Property (c) for one call of a setter: `result` of setting `value` (a number of
/// `signed`-ness) on field `name` of the record `start`, leaving `bytes`, with `read_back` what
/// the getter then read and `expected` the record with the field replaced.
#[allow(clippy::too_many_arguments)]
pub fn judge_setter<T: Reference>(
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
            let after = ok(T::Order::unpack(bytes, endian), "unpack after a setter")?;
            prop_assert!(
                same(&after, expected),
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

/// Property (c) for each listed bit field of `Type`: `field / setter: value type`.
macro_rules! setter_properties {
    ($module:ident: $ty:ident { $($field:ident / $setter:ident: $vty:ty),* $(,)? }) => {
        mod $module {
            #[allow(unused_imports)]
            use {super::*, $crate::support::shapes::*, $crate::support::values::*};
            use overlay::Endian;

            proptest! {
                $(
                    #[test]
                    fn $field(
                        start in <$ty as Value>::strategy(),
                        value in <$vty as BitValue>::candidates(),
                        big in any::<bool>(),
                    ) {
                        let endian = if big { Endian::Big } else { Endian::Little };
                        let start = start.reference(endian);
                        let before = ok(<<$ty as Reference>::Order as Order<$ty>>::unpack(&start, endian), "the start value")?;
                        let mut bytes = start.clone();
                        let mut view = ok(<<$ty as Reference>::Order as Order<$ty>>::view_mut(&mut bytes, endian), "view_mut")?;
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
