//! A record type's layout as one static value: what an [`Error`](crate::Error) points at instead
//! of carrying names and paths inline.

use core::fmt;

use crate::field_info::{FieldInfo, ValueType};

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
    /// The fields of a record, as [`Overlay::FIELDS`](crate::Overlay::FIELDS) lists them; empty for other types.
    pub fields: &'static [FieldInfo],
    /// How the type's bytes read as one value (integers, floats, bools, enums); `None` for
    /// records and arrays.
    pub value: Option<ValueType>,
}

impl fmt::Debug for TypeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TypeInfo")
            .field("name", &self.name)
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

/// A variable-length field of a record (`VarBytes` or `VarRecords<T>`), as static data: what
/// an error in its length or its records needs to name it.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VarField {
    /// The record, by its fixed fields' layout under the record's name.
    pub(crate) record: &'static TypeInfo,
    pub(crate) field: &'static str,
    /// The length as declared: `ihl * 4 - 20`, `n_items`, or `rest`.
    pub(crate) expression: &'static str,
    /// For `VarRecords<T>`, the layout of `T`.
    pub(crate) item: Option<&'static TypeInfo>,
    /// Whether the length counts records (`count = ...`) rather than bytes.
    pub(crate) counts: bool,
    /// For a tagged payload, the field that chooses the variant and the payload enum's name;
    /// empty otherwise.
    pub(crate) tag: (&'static str, &'static str),
}

impl VarField {
    #[doc(hidden)]
    pub const fn __new(
        record: &'static TypeInfo,
        field: &'static str,
        expression: &'static str,
        item: Option<&'static TypeInfo>,
        counts: bool,
    ) -> VarField {
        VarField {
            record,
            field,
            expression,
            item,
            counts,
            tag: ("", ""),
        }
    }

    /// The same field as a tagged payload: `tag_field` chooses a variant of `payload`.
    #[doc(hidden)]
    pub const fn __tagged(mut self, tag_field: &'static str, payload: &'static str) -> VarField {
        self.tag = (tag_field, payload);
        self
    }
}
