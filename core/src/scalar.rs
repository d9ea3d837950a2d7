//! `Overlay` for the scalar types, the writable handle for one scalar, and the sized borrows
//! their reads and writes (and generated code) use.

use core::fmt;

use byteorder::{BigEndian, ByteOrder, LittleEndian};

use crate::array::{ArrayView, ArrayViewMut};
use crate::endian::{Endian, EndianClass, RuntimeEndian};
use crate::error::Error;
use crate::field_info::{FieldInfo, FieldKind, ValueType};
use crate::meta::Meta;
use crate::overlay::{Overlay, Raw};

/// A writable handle on one scalar or enum field inside a buffer: what `<field>_mut()` returns
/// for an enum field, and what a record table of scalars yields mutably.
pub struct ScalarMut<'a, T> {
    bytes: &'a mut [u8],
    endian: Endian,
    _type: core::marker::PhantomData<T>,
}

impl<'a, T: Overlay> ScalarMut<'a, T> {
    #[doc(hidden)]
    #[inline]
    pub fn __new(bytes: &'a mut [u8], endian: Endian) -> Self {
        ScalarMut {
            bytes,
            endian,
            _type: core::marker::PhantomData,
        }
    }

    /// Reads the value.
    #[inline]
    pub fn get(&self) -> T {
        T::__unpack(self.bytes, self.endian)
    }

    /// Writes the value.
    #[inline]
    pub fn set(&mut self, value: T) {
        value.__pack(self.bytes, self.endian);
    }
}

impl<T: Overlay + fmt::Debug> fmt::Debug for ScalarMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

/// `Raw::__record` and `__record_mut` for a type of `$size` bytes: typed chunks, one bounds
/// check per lookup (the derive emits the same for its types).
macro_rules! record_chunks {
    ($size:literal) => {
        #[inline(always)]
        fn __record(bytes: &[u8], index: usize, _: usize) -> Option<&[u8]> {
            record_chunk::<$size>(bytes, index)
        }
        #[inline(always)]
        fn __record_mut(bytes: &mut [u8], index: usize, _: usize) -> Option<&mut [u8]> {
            record_chunk_mut::<$size>(bytes, index)
        }
    };
}

/// Implements `Overlay` for one scalar: `$format` is its standalone (little-endian) Python
/// format, `$body` the format character, `$class` whether its bytes depend on byte order.
macro_rules! scalar {
    (
        $ty:ty, size $size:literal, format $format:expr, body $body:expr, class $class:expr,
        value $value:expr,
        read |$b:ident, $e:ident| $read:expr,
        write |$v:ident, $wb:ident, $we:ident| $write:expr
    ) => {
        impl Overlay for $ty {
            const SIZE: usize = $size;
            const FORMAT: Option<&'static str> = $format;
            const FIELDS: &'static [FieldInfo] = &[];
            type View<'a> = $ty;
            type ViewMut<'a> = ScalarMut<'a, $ty>;
        }

        impl RuntimeEndian for $ty {}

        impl Raw for $ty {
            const __META: Meta = Meta {
                endian_class: $class,
                format_body: $body,
                value: Some($value),
                ..Meta::new(stringify!($ty), FieldKind::Scalar)
            };
            type __View<'a> = $ty;
            type __ViewMut<'a> = ScalarMut<'a, $ty>;
            type __ArrayView<'a, const N: usize> = ArrayView<'a, $ty, N>;
            type __ArrayViewMut<'a, const N: usize> = ArrayViewMut<'a, $ty, N>;

            record_chunks!($size);
            #[inline(always)]
            fn __view($b: &[u8], $e: Endian) -> $ty {
                $read
            }
            #[inline]
            fn __view_mut(bytes: &mut [u8], endian: Endian) -> ScalarMut<'_, $ty> {
                ScalarMut::__new(bytes, endian)
            }
            #[inline(always)]
            fn __unpack($b: &[u8], $e: Endian) -> $ty {
                $read
            }
            #[inline(always)]
            fn __pack(&self, $wb: &mut [u8], $we: Endian) {
                let $v = *self;
                $write
            }
            #[inline]
            fn __view_array<const N: usize>(bytes: &[u8], endian: Endian) -> ArrayView<'_, $ty, N> {
                ArrayView::__new(bytes, endian)
            }
            #[inline]
            fn __view_array_mut<const N: usize>(
                bytes: &mut [u8],
                endian: Endian,
            ) -> ArrayViewMut<'_, $ty, N> {
                ArrayViewMut::__new(bytes, endian)
            }
        }
    };
}

/// A multi-byte number read and written with byteorder's `ByteOrder`.
macro_rules! number {
    ($ty:ty, $size:literal, $code:literal, $value:ident, $read:ident, $write:ident) => {
        scalar! {
            $ty, size $size,
            format if $code.is_empty() { None } else { Some(concat!("<", $code)) },
            body if $code.is_empty() { None } else { Some($code) },
            class EndianClass::Inherit,
            value ValueType::$value,
            read |bytes, endian| match endian {
                Endian::Little => LittleEndian::$read(bytes),
                Endian::Big => BigEndian::$read(bytes),
            },
            write |value, bytes, endian| match endian {
                Endian::Little => LittleEndian::$write(bytes, value),
                Endian::Big => BigEndian::$write(bytes, value),
            }
        }
    };
}

number!(u16, 2, "H", Unsigned, read_u16, write_u16);
number!(u32, 4, "I", Unsigned, read_u32, write_u32);
number!(u64, 8, "Q", Unsigned, read_u64, write_u64);
number!(u128, 16, "", Unsigned, read_u128, write_u128);
number!(i16, 2, "h", Signed, read_i16, write_i16);
number!(i32, 4, "i", Signed, read_i32, write_i32);
number!(i64, 8, "q", Signed, read_i64, write_i64);
number!(i128, 16, "", Signed, read_i128, write_i128);
number!(f32, 4, "f", Float, read_f32, write_f32);
number!(f64, 8, "d", Float, read_f64, write_f64);

scalar! {
    i8, size 1, format Some("<b"), body Some("b"), class EndianClass::Any,
    value ValueType::Signed,
    read |bytes, _endian| i8::from_le_bytes(*array_ref::<1>(bytes)),
    write |value, bytes, _endian| *array_mut::<1>(bytes) = value.to_le_bytes()
}

/// `u8` is a scalar like the others, except that arrays of it read as `&[u8; N]`.
impl Overlay for u8 {
    const SIZE: usize = 1;
    const FORMAT: Option<&'static str> = Some("<B");
    const FIELDS: &'static [FieldInfo] = &[];
    type View<'a> = u8;
    type ViewMut<'a> = ScalarMut<'a, u8>;
}

impl RuntimeEndian for u8 {}

impl Raw for u8 {
    const __META: Meta = Meta {
        format_body: Some("B"),
        value: Some(ValueType::Unsigned),
        ..Meta::new("u8", FieldKind::Scalar)
    };
    type __View<'a> = u8;
    type __ViewMut<'a> = ScalarMut<'a, u8>;
    type __ArrayView<'a, const N: usize> = &'a [u8; N];
    type __ArrayViewMut<'a, const N: usize> = &'a mut [u8; N];

    record_chunks!(1);
    #[inline(always)]
    fn __view(bytes: &[u8], _: Endian) -> u8 {
        array_ref::<1>(bytes)[0]
    }
    #[inline]
    fn __view_mut(bytes: &mut [u8], endian: Endian) -> ScalarMut<'_, u8> {
        ScalarMut::__new(bytes, endian)
    }
    #[inline(always)]
    fn __unpack(bytes: &[u8], _: Endian) -> u8 {
        array_ref::<1>(bytes)[0]
    }
    #[inline(always)]
    fn __pack(&self, bytes: &mut [u8], _: Endian) {
        array_mut::<1>(bytes)[0] = *self;
    }
    #[inline(always)]
    fn __view_array<const N: usize>(bytes: &[u8], _: Endian) -> &[u8; N] {
        array_ref::<N>(bytes)
    }
    #[inline(always)]
    fn __view_array_mut<const N: usize>(bytes: &mut [u8], _: Endian) -> &mut [u8; N] {
        array_mut::<N>(bytes)
    }
    #[inline(always)]
    fn __unpack_array<const N: usize>(bytes: &[u8], _: Endian) -> [u8; N] {
        *array_ref::<N>(bytes)
    }
    #[inline(always)]
    fn __pack_array(items: &[u8], bytes: &mut [u8], _: Endian) {
        bytes.copy_from_slice(items);
    }
}

/// `bool` is one byte, and only 0 and 1 are accepted (Python's `struct` packs `True` as 1).
impl Overlay for bool {
    const SIZE: usize = 1;
    const FORMAT: Option<&'static str> = Some("<?");
    const FIELDS: &'static [FieldInfo] = &[];
    type View<'a> = bool;
    type ViewMut<'a> = ScalarMut<'a, bool>;
}

impl RuntimeEndian for bool {}

impl Raw for bool {
    const __META: Meta = Meta {
        format_body: Some("?"),
        value: Some(ValueType::Bool),
        checks_bytes: true,
        ..Meta::new("bool", FieldKind::Bool)
    };
    type __View<'a> = bool;
    type __ViewMut<'a> = ScalarMut<'a, bool>;
    type __ArrayView<'a, const N: usize> = ArrayView<'a, bool, N>;
    type __ArrayViewMut<'a, const N: usize> = ArrayViewMut<'a, bool, N>;

    #[inline]
    fn __check_bytes(bytes: &[u8], _: Endian) -> Result<(), Error> {
        match bytes {
            [0 | 1] => Ok(()),
            [value] => Err(Error::invalid_bool(*value)),
            _ => Err(Error::__wrong_length::<bool>(bytes.len())),
        }
    }
    record_chunks!(1);
    #[inline(always)]
    fn __view(bytes: &[u8], _: Endian) -> bool {
        array_ref::<1>(bytes)[0] != 0
    }
    #[inline]
    fn __view_mut(bytes: &mut [u8], endian: Endian) -> ScalarMut<'_, bool> {
        ScalarMut::__new(bytes, endian)
    }
    #[inline(always)]
    fn __unpack(bytes: &[u8], _: Endian) -> bool {
        array_ref::<1>(bytes)[0] != 0
    }
    #[inline(always)]
    fn __pack(&self, bytes: &mut [u8], _: Endian) {
        array_mut::<1>(bytes)[0] = u8::from(*self);
    }
    #[inline]
    fn __view_array<const N: usize>(bytes: &[u8], endian: Endian) -> ArrayView<'_, bool, N> {
        ArrayView::__new(bytes, endian)
    }
    #[inline]
    fn __view_array_mut<const N: usize>(
        bytes: &mut [u8],
        endian: Endian,
    ) -> ArrayViewMut<'_, bool, N> {
        ArrayViewMut::__new(bytes, endian)
    }
}

/// Borrows a slice that the caller has already sized as an array reference.
///
/// Generated code only calls this with constant ranges of a `&[u8; SIZE]`, so the check folds
/// away and the failure branch is dead; it exists only so no `unsafe` is needed.
#[inline(always)]
pub fn array_ref<const N: usize>(bytes: &[u8]) -> &[u8; N] {
    match bytes.try_into() {
        Ok(array) => array,
        Err(_) => length_invariant_broken(bytes.len(), N),
    }
}

/// Record `index` of `bytes`, records of `N > 0` bytes back to back, with one bounds check
/// (typed chunks): what `Raw::__record` is for types whose size is a constant. `None` past the
/// end, and always for `N == 0` (tables index zero-sized records themselves).
#[inline(always)]
pub fn record_chunk<const N: usize>(bytes: &[u8], index: usize) -> Option<&[u8]> {
    if N == 0 {
        return None;
    }
    match bytes.as_chunks::<N>().0.get(index) {
        Some(record) => Some(record),
        None => None,
    }
}

/// Writable counterpart of [`record_chunk`].
#[inline(always)]
pub fn record_chunk_mut<const N: usize>(bytes: &mut [u8], index: usize) -> Option<&mut [u8]> {
    if N == 0 {
        return None;
    }
    match bytes.as_chunks_mut::<N>().0.get_mut(index) {
        Some(record) => Some(record),
        None => None,
    }
}

/// Mutable counterpart of [`array_ref`].
#[inline(always)]
pub fn array_mut<const N: usize>(bytes: &mut [u8]) -> &mut [u8; N] {
    let len = bytes.len();
    match bytes.try_into() {
        Ok(array) => array,
        Err(_) => length_invariant_broken(len, N),
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn length_invariant_broken(found: usize, expected: usize) -> ! {
    panic!("overlay: internal length invariant broken ({found} bytes where {expected} were sized)")
}
