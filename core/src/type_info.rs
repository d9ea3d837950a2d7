//! A record type's layout as one static value: what an [`Error`](crate::Error) points at instead
//! of carrying names and paths inline.

use core::fmt;

use crate::field_info::{FieldInfo, ValueType};
use crate::overlay::Overlay;

/// A type's name, size and layout, as static data.
///
/// [`Error`](crate::Error) keeps a `&'static TypeInfo` of the outermost record (one pointer) and
/// recovers the path of a bad field from [`fields`](Self::fields) and the field's offset when it
/// is printed, so that errors stay small and need no allocation.
#[non_exhaustive]
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TypeInfo {
    /// The type's name as written in its definition (`"Header"`, `"u16"`, `"bool"`).
    pub name: &'static str,
    /// Size in bytes; for a variable-length record, the size of its fixed fields.
    pub size: usize,
    /// The fields of a record, as [`Overlay::FIELDS`] lists them; empty for other types.
    pub fields: &'static [FieldInfo],
    /// How the type's bytes read as one value (integers, floats, bools, enums); `None` for
    /// records and arrays.
    pub value: Option<ValueType>,
}

impl TypeInfo {
    /// The layout of `T`.
    pub const fn of<T: Overlay>() -> TypeInfo {
        TypeInfo {
            name: T::__TYPE_NAME,
            size: T::SIZE,
            fields: T::FIELDS,
            value: T::__VALUE,
        }
    }

    /// The layout of `T`, as a reference to static data.
    #[inline]
    pub fn of_static<T: Overlay>() -> &'static TypeInfo {
        const { &TypeInfo::of::<T>() }
    }

    /// The layout of `T` under another name (a variable-length record's fixed part).
    #[doc(hidden)]
    pub const fn __renamed<T: Overlay>(name: &'static str) -> TypeInfo {
        TypeInfo {
            name,
            ..TypeInfo::of::<T>()
        }
    }
}

impl fmt::Debug for TypeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypeInfo")
            .field("name", &self.name)
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}
