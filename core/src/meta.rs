//! What the runtime and generated code know about an `Overlay` type beyond its public
//! constants, bundled in one value (`Raw::__META`).

use crate::endian::{Endian, EndianClass};
use crate::field_info::{FieldKind, ValueType};

/// A type's hidden metadata. Not part of the API.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Meta {
    /// The name errors use (`"Header"`, `"u16"`).
    pub type_name: &'static str,
    /// What kind of field a field of this type is, for `FieldInfo`.
    pub kind: FieldKind,
    /// How a field of this type reads as one value, for `FieldInfo::value`.
    pub value: Option<ValueType>,
    /// Whether its bytes depend on byte order, and whose.
    pub endian_class: EndianClass,
    /// The byte order `view` and the other entry points without `_with` use.
    pub default_endian: Endian,
    /// Its Python `struct` format characters without a prefix, where one format describes it.
    pub format_body: Option<&'static str>,
    /// Whether `__check_bytes` has anything to check (enums and bools, here or nested).
    pub checks_bytes: bool,
    /// Whether `__check_value` has anything to check (bit fields, here or nested).
    pub checks_value: bool,
}

impl Meta {
    /// A type called `type_name` of kind `kind` with nothing to check, little-endian on its
    /// own, reading the same in either byte order, and with no format: the fields a type
    /// sets differently follow in `Meta { .., ..Meta::new(..) }`.
    pub const fn new(type_name: &'static str, kind: FieldKind) -> Meta {
        Meta {
            type_name,
            kind,
            value: None,
            endian_class: EndianClass::Any,
            default_endian: Endian::Little,
            format_body: None,
            checks_bytes: false,
            checks_value: false,
        }
    }
}
