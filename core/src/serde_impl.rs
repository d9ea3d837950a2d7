//! `serde::Serialize` for views and record tables (feature `serde`): any view can be written
//! out (as JSON, say) straight from the bytes, without copying to an owned value first.
//!
//! Records serialize as structs with their field names (pads left out), nested records as
//! nested structs, byte arrays as bytes, other arrays and record tables as sequences, and enums
//! as unit variants.

use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::array::ArrayView;
use crate::overlay::Overlay;
use crate::tables::{Grid, GridMut, Records, RecordsMut};

/// Serializes the view of a type: implemented for scalars and arrays here and for every derived
/// type by the derive. Not meant to be implemented by hand.
pub trait SerializeView: Overlay {
    /// Serializes `view`.
    fn serialize_view<S: Serializer>(
        view: &Self::View<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;

    /// Serializes the view of a `[Self; N]` field.
    fn serialize_array<S: Serializer, const N: usize>(
        view: &Self::__ArrayView<'_, N>,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;
}

/// A view of a `T`, serialized as `T` says.
pub struct ViewAs<'a, T: Overlay>(pub T::View<'a>);

impl<T: SerializeView> Serialize for ViewAs<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        T::serialize_view(&self.0, serializer)
    }
}

/// A byte slice serialized as bytes (a variable-length `VarBytes` field).
pub struct AsBytes<'a>(pub &'a [u8]);

impl Serialize for AsBytes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

/// Serializes an array view as a sequence of its elements.
pub fn serialize_elements<T: SerializeView, S: Serializer, const N: usize>(
    view: &ArrayView<'_, T, N>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(N))?;
    for element in view.iter() {
        seq.serialize_element(&ViewAs::<T>(element))?;
    }
    seq.end()
}

macro_rules! serialize_scalar {
    ($($ty:ty),*) => {$(
        impl SerializeView for $ty {
            fn serialize_view<S: Serializer>(view: &$ty, serializer: S) -> Result<S::Ok, S::Error> {
                view.serialize(serializer)
            }

            fn serialize_array<S: Serializer, const N: usize>(
                view: &ArrayView<'_, $ty, N>,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serialize_elements(view, serializer)
            }
        }
    )*};
}

serialize_scalar!(u16, u32, u64, u128, i8, i16, i32, i64, i128, f32, f64, bool);

/// Byte arrays serialize as bytes.
impl SerializeView for u8 {
    fn serialize_view<S: Serializer>(view: &u8, serializer: S) -> Result<S::Ok, S::Error> {
        view.serialize(serializer)
    }

    fn serialize_array<S: Serializer, const N: usize>(
        view: &&[u8; N],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&view[..])
    }
}

impl<T: SerializeView, const N: usize> SerializeView for [T; N] {
    fn serialize_view<S: Serializer>(
        view: &Self::View<'_>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        T::serialize_array::<S, N>(view, serializer)
    }

    fn serialize_array<S: Serializer, const M: usize>(
        view: &ArrayView<'_, [T; N], M>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serialize_elements(view, serializer)
    }
}

impl<T: SerializeView, const N: usize> Serialize for ArrayView<'_, T, N> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_elements(self, serializer)
    }
}

/// A record table serializes as a sequence of records.
impl<T: SerializeView> Serialize for Records<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for record in self.iter() {
            seq.serialize_element(&ViewAs::<T>(record))?;
        }
        seq.end()
    }
}

/// A grid serializes as a sequence of rows, each a sequence of records (a nested list, as
/// `memoryview.tolist()` gives).
impl<T: SerializeView> Serialize for Grid<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.shape()[0]))?;
        for row in self.rows() {
            seq.serialize_element(&row)?;
        }
        seq.end()
    }
}

/// As [`Grid`](crate::Grid)'s.
impl<T: SerializeView> Serialize for GridMut<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_grid().serialize(serializer)
    }
}

/// As [`Records`]'s.
impl<T: SerializeView> Serialize for RecordsMut<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_records().serialize(serializer)
    }
}
