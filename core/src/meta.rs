//! What the runtime and generated code know about an `Overlay` type beyond its public
//! constants, bundled in one value (`Raw::__META`).

use crate::endian::{Endian, EndianClass};
use crate::field_info::{FieldInfo, FieldKind, ValueType};
use crate::format::FormatPart;

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
    /// Whether it is a record declared `#[overlay(endian = "runtime")]` (or an array of
    /// them), whose fields without a byte order of their own are read in the byte order of
    /// the field that holds it.
    pub runtime_endian: bool,
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
            runtime_endian: false,
            format_body: None,
            checks_bytes: false,
            checks_value: false,
        }
    }
}

/// What generated code builds from a field type's metadata, naming it once per field.
impl Meta {
    /// The byte-order class of a field of this type in byte order `endian` (`None`: a
    /// run-time byte order, which stays unresolved until a fixed parent resolves it).
    const fn class_in(self, endian: Option<Endian>) -> EndianClass {
        match endian {
            Some(endian) => self.endian_class.resolve(endian),
            None => self.endian_class,
        }
    }

    /// The `FIELDS` entry of a field of this (element) type: `kind` overrides the type's own
    /// kind (arrays); `elements` counts the elements of an array field.
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __field(
        self,
        name: &'static str,
        offset: usize,
        size: usize,
        type_name: &'static str,
        endian: Option<Endian>,
        kind: Option<FieldKind>,
        elements: usize,
        fields: &'static [FieldInfo],
    ) -> FieldInfo {
        let kind = match kind {
            Some(kind) => kind,
            None => self.kind,
        };
        let info = FieldInfo::__new(
            name,
            offset,
            size,
            type_name,
            self.class_in(endian),
            kind,
            elements,
            fields,
        )
        .__with_value(self.value);
        if self.runtime_endian {
            // The nested record's fields read in this field's byte order: say which.
            info.__with_endian(endian)
        } else {
            info
        }
    }

    /// The Python format part of `count` elements of this type in byte order `endian`.
    #[doc(hidden)]
    pub const fn __part(self, count: usize, endian: Option<Endian>) -> FormatPart {
        FormatPart {
            body: self.format_body,
            count,
            repeat: 1,
            string: false,
            class: self.class_in(endian),
        }
    }
}
