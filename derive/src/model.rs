//! The validated layout of a derived type: fields in order, their shapes and byte orders.
//!
//! Built from syn's AST and the parsed attributes; code generation works only from this model
//! and never looks at attributes again (the fixed part of a variable-length record too). Bit
//! groups are laid out here (`BitPos`), variable-length fields are `Shape::VarBytes` and
//! `Shape::VarRecords`, and a run-time byte order is `EndianSpec::Runtime`.

use proc_macro2::Span;
use quote::format_ident;
use syn::{Data as SynData, DeriveInput, Expr, Fields, Ident, Path, Type, Visibility};

use crate::attr::{
    BitOrder, ContainerAttrs, EndianSpec, FieldAttrs, LengthAttr, MagicAttr, Spanned, Target,
    VariantAttrs,
};
use crate::ctxt::Ctxt;

/// A type that derives `Overlay`.
pub struct Container<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    /// Path to the `overlay` crate in generated code.
    pub krate: Path,
    pub data: Data<'a>,
}

pub enum Data<'a> {
    Struct(Struct<'a>),
    Enum(Enum<'a>),
    Payload(Payload<'a>),
}

/// A payload enum: each variant holds one record type and names the tag values that select
/// it; the last may be a catch-all holding the bytes of every other tag.
pub struct Payload<'a> {
    pub view: Ident,
    pub view_mut: Ident,
    pub variants: Vec<PayloadVariant<'a>>,
}

pub struct PayloadVariant<'a> {
    pub ident: &'a Ident,
    /// The record type it holds (`VarBytes` for the catch-all).
    pub ty: &'a Type,
    /// `tag = ..` values as written: integer literals or paths to constants.
    pub tags: Vec<Expr>,
    /// `#[overlay(other)]`: where it was written.
    pub other: Option<Span>,
}

#[derive(Clone)]
pub struct Struct<'a> {
    /// The struct's byte order, which fields use unless they override it; `Runtime` when views
    /// carry it (`view_with`).
    pub endian: EndianSpec,
    pub view: Ident,
    pub view_mut: Ident,
    pub fields: Vec<Field<'a>>,
    /// The record's name in errors and `FIELDS`: the struct's own, without `r#` (also for the
    /// fixed part of a variable-length record, which reports the record's name).
    pub name: String,
    /// `#[overlay(serialize)]`: the owned struct gets `serde::Serialize` as well.
    pub serialize_owned: bool,
    /// `#[overlay(assert = "..")]`, in order.
    pub asserts: Vec<Assertion>,
    /// `#[overlay(param = "..")]`, in order: values the lengths use, given at view time.
    pub params: Vec<Ident>,
}

/// One `#[overlay(assert = "..")]`.
#[derive(Clone)]
pub struct Assertion {
    /// As written.
    pub lit: syn::LitStr,
    pub expr: Expr,
    /// The first field it names: where its failure is reported and whose `FIELDS` entry lists
    /// it (`check` reports an assertion that names none).
    pub first: Option<Ident>,
    /// Its place among the assertions whose first field is the same, which errors carry.
    pub index: usize,
}

#[derive(Clone)]
pub struct Field<'a> {
    pub ident: &'a Ident,
    /// The field's doc comments, repeated on its accessors.
    pub docs: Vec<&'a syn::Attribute>,
    pub vis: &'a Visibility,
    pub ty: &'a Type,
    pub shape: Shape<'a>,
    /// The byte order this field is read in (its own override, else the struct's).
    pub endian: EndianSpec,
    /// Where the field overrode the byte order, for diagnostics.
    pub endian_override: Option<Span>,
    pub role: Role,
    /// `#[overlay(bits = N)]`: the width as written, before groups are laid out.
    pub bits: Option<Spanned<u32>>,
    /// Where the field's bits sit in its group, once groups are laid out.
    pub bit: Option<BitPos>,
    /// `bytes`, `count` or `rest`, as written.
    pub length: Option<Spanned<LengthAttr>>,
    /// For `bytes` and `count`, the parsed expression.
    pub length_expr: Option<Expr>,
    /// `#[overlay(magic = ..)]`: the constant the field must hold.
    pub magic: Option<Spanned<MagicAttr>>,
    /// `#[overlay(tag = "..")]`: the earlier field that chooses this payload field's variant.
    pub tag: Option<Spanned<Ident>>,
}

/// A bit field's place: its group of bytes starts where the group's first field is (the field
/// offset constants of a group's fields are all that start), and the field is `width` bits at
/// `shift` from the least significant bit of the group read as one integer.
#[derive(Clone, Copy, Debug)]
pub struct BitPos {
    pub group_bytes: usize,
    pub shift: u32,
    pub width: u32,
    /// The last field of its group: the offsets after it move past the group.
    pub last: bool,
}

/// What a field is for.
#[derive(Clone, Copy)]
pub enum Role {
    /// A value with accessors.
    Value,
    /// Reserved bytes: no accessors, written as zeros.
    Pad,
}

/// The structure of a field's type, as far as the derive can see it.
#[derive(Clone)]
pub enum Shape<'a> {
    /// `u8`..`u128`, `i8`..`i128`, `f32`, `f64`, `bool`.
    Scalar(&'a Ident),
    /// Any other named type; it must implement `Overlay` (a derived struct or enum).
    Named(&'a Type),
    /// `[T; N]`.
    Array {
        elem: Box<Shape<'a>>,
        elem_ty: &'a Type,
        len: &'a Expr,
    },
    /// `overlay::VarBytes`: bytes whose length the data gives.
    VarBytes,
    /// `overlay::VarRecords<T>`: records whose count the data gives.
    VarRecords(&'a Type),
    /// A payload enum chosen by an earlier field (`#[overlay(tag = "..")]`).
    Tagged(&'a Type),
    /// `overlay::Uleb128`, `Sleb128` or `SqliteVarint`: an integer that measures itself.
    Varint(&'a Type),
}

/// The self-delimiting integer types, by name.
const VARINTS: &[&str] = &["Uleb128", "Sleb128", "SqliteVarint"];

const SCALARS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "i8", "i16", "i32", "i64", "i128", "f32", "f64", "bool",
];

impl<'a> Shape<'a> {
    fn from_type(cx: &Ctxt, ty: &'a Type) -> Option<Self> {
        match ty {
            Type::Array(array) => Some(Shape::Array {
                elem: Box::new(Shape::from_type(cx, &array.elem)?),
                elem_ty: &array.elem,
                len: &array.len,
            }),
            Type::Paren(inner) => Shape::from_type(cx, &inner.elem),
            Type::Group(inner) => Shape::from_type(cx, &inner.elem),
            Type::Path(path) if path.qself.is_none() => {
                if let Some(last) = path.path.segments.last() {
                    if last.ident == "VarBytes" && last.arguments.is_none() {
                        return Some(Shape::VarBytes);
                    }
                    if VARINTS.iter().any(|v| last.ident == v) && last.arguments.is_none() {
                        return Some(Shape::Varint(ty));
                    }
                    if last.ident == "VarRecords" {
                        if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
                            if let Some(syn::GenericArgument::Type(item)) = args.args.first() {
                                return Some(Shape::VarRecords(item));
                            }
                        }
                    }
                }
                if let Some(ident) = path.path.get_ident() {
                    let name = ident.to_string();
                    if SCALARS.contains(&name.as_str()) {
                        return Some(Shape::Scalar(ident));
                    }
                    let hint = match name.as_str() {
                        "usize" | "isize" => Some(
                            "its size depends on the platform; use u32 or u64 (i32 or i64) for a fixed layout",
                        ),
                        "char" => Some("use u32 and convert with char::from_u32"),
                        "String" | "str" => Some("use a byte array such as [u8; 16]"),
                        _ => None,
                    };
                    if let Some(hint) = hint {
                        cx.error_spanned_by(
                            ty,
                            format!("`{name}` cannot be a field of an overlay record: {hint}"),
                        );
                        return None;
                    }
                }
                let generic = path.path.segments.iter().find(|s| !s.arguments.is_none());
                if let Some(segment) = generic {
                    cx.error_spanned_by(
                        segment,
                        "overlay fields cannot have generic arguments: use a fixed-layout type \
                         (a scalar, an array [T; N], or a type that derives Overlay)",
                    );
                    return None;
                }
                Some(Shape::Named(ty))
            }
            Type::Reference(_) => {
                cx.error_spanned_by(
                    ty,
                    "a reference cannot be a field of an overlay record: the record holds its \
                     bytes inline; use the referenced type itself, such as [u8; 4]",
                );
                None
            }
            Type::Tuple(_) => {
                cx.error_spanned_by(
                    ty,
                    "a tuple cannot be a field of an overlay record: use an array [T; N] if the \
                     elements share a type, or a struct that derives Overlay",
                );
                None
            }
            Type::Slice(_) => {
                cx.error_spanned_by(
                    ty,
                    "a slice cannot be a field of an overlay record: its length is not fixed; \
                     use an array such as [u8; 16]",
                );
                None
            }
            _ => {
                cx.error_spanned_by(
                    ty,
                    "unsupported overlay field type: use u8..u128, i8..i128, f32, f64, bool, \
                     an array [T; N], or a type that derives Overlay",
                );
                None
            }
        }
    }

    /// For `[u8; N]`, its length.
    pub fn byte_array_len(&self) -> Option<&'a Expr> {
        match self {
            Shape::Array { elem, len, .. } if matches!(**elem, Shape::Scalar(i) if i == "u8") => {
                Some(len)
            }
            _ => None,
        }
    }

    /// The type tokens of a scalar or named shape (for arrays, of the innermost element).
    /// Whether the field's length comes from the data.
    pub fn is_var(&self) -> bool {
        matches!(
            self,
            Shape::VarBytes | Shape::VarRecords(_) | Shape::Tagged(_) | Shape::Varint(_)
        )
    }

    pub fn leaf_type(&self) -> proc_macro2::TokenStream {
        match self.leaf().0 {
            Shape::Scalar(ident) => quote::quote!(#ident),
            Shape::Named(ty) | Shape::VarRecords(ty) | Shape::Tagged(ty) | Shape::Varint(ty) => {
                quote::quote!(#ty)
            }
            Shape::VarBytes => quote::quote!(u8),
            Shape::Array { .. } => unreachable!("leaf() unwraps every array"),
        }
    }

    /// The innermost element and the lengths of the arrays around it, outermost first.
    pub fn leaf(&self) -> (&Shape<'a>, Vec<&'a Expr>) {
        let mut shape = self;
        let mut dims = Vec::new();
        while let Shape::Array { elem, len, .. } = shape {
            dims.push(*len);
            shape = elem;
        }
        (shape, dims)
    }
}

/// Integer types an enum may use as its `repr`.
const ENUM_REPRS: &[&str] = &["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"];

/// A fieldless enum with a validated discriminant.
pub struct Enum<'a> {
    /// A byte order the enum declares for itself; otherwise it takes its field's.
    pub endian: Option<EndianSpec>,
    pub repr: Ident,
    /// The fieldless variants, in order.
    pub variants: Vec<&'a Ident>,
    /// Each fieldless variant's value as an expression of the `repr` type: its discriminant, or
    /// the previous one plus one (0 for the first), as Rust numbers them. Open enums need it:
    /// an enum with a field cannot be cast with `as`.
    pub values: Vec<proc_macro2::TokenStream>,
    /// An open enum's catch-all variant (`#[overlay(other)] Other(u16)`), which holds every raw
    /// value no other variant names; `None` for a closed enum, which rejects those.
    pub other: Option<&'a Ident>,
}

/// Groups runs of consecutive bit fields and places each field's bits in its group. A group
/// must be a whole number of bytes, at most 8.
fn lay_out_bit_groups(cx: &Ctxt, fields: &mut [Field], order: Option<BitOrder>) {
    let mut i = 0;
    while i < fields.len() {
        if fields[i].bits.is_none() {
            i += 1;
            continue;
        }
        let start = i;
        while i < fields.len() && fields[i].bits.is_some() {
            i += 1;
        }
        let group = &mut fields[start..i];
        let total: u32 = group
            .iter()
            .filter_map(|f| f.bits.as_ref())
            .map(|b| b.value)
            .sum();
        let first = group[0]
            .bits
            .as_ref()
            .map(|b| b.span)
            .unwrap_or_else(Span::call_site);
        let names = if group.len() == 1 {
            format!("`{}`", group[0].ident)
        } else {
            format!("`{}` to `{}`", group[0].ident, group[group.len() - 1].ident)
        };
        if !total.is_multiple_of(8) {
            cx.syn_error(syn::Error::new(
                first,
                format!(
                    "the bit group {names} is {total} bits, not a whole number of bytes: widen a \
                     field or add a reserved field of {} bit{}",
                    8 - total % 8,
                    if 8 - total % 8 == 1 { "" } else { "s" }
                ),
            ));
            continue;
        }
        if total > 64 {
            cx.syn_error(syn::Error::new(
                first,
                format!(
                    "the bit group {names} is {total} bits; a group is at most 64: put a field \
                     without `bits` between two groups"
                ),
            ));
            continue;
        }
        let Some(order) = order else {
            cx.syn_error(syn::Error::new(
                first,
                "a struct with a run-time byte order needs `#[overlay(bit_order = \"msb\")]` \
                 (or \"lsb\") to place its bit fields",
            ));
            return;
        };
        let mut used = 0;
        let last = group.len() - 1;
        for (n, field) in group.iter_mut().enumerate() {
            let width = field.bits.as_ref().map_or(0, |b| b.value);
            let shift = match order {
                BitOrder::Msb => total - used - width,
                BitOrder::Lsb => used,
            };
            used += width;
            field.bit = Some(BitPos {
                group_bytes: (total / 8) as usize,
                shift,
                width,
                last: n == last,
            });
        }
    }
}

fn endian_of(spec: &Option<Spanned<EndianSpec>>) -> Option<EndianSpec> {
    spec.as_ref().map(|s| s.value)
}

/// A fixed byte order from `spec`; `runtime` is reported (`whole` says where it belongs).
fn fixed_endian_of(cx: &Ctxt, spec: &Option<Spanned<EndianSpec>>, fix: &str) -> Option<EndianSpec> {
    match spec {
        Some(Spanned {
            value: EndianSpec::Runtime,
            span,
        }) => {
            cx.syn_error(syn::Error::new(*span, fix));
            None
        }
        other => endian_of(other),
    }
}

/// What the stand-in impl after errors needs when no model exists: the path to the `overlay`
/// crate, and what kind of type the input is.
pub struct Stub {
    pub krate: Path,
    pub target: Target,
}

impl<'a> Container<'a> {
    /// Builds the model, recording every problem in `cx`. When the input's shape is so far off
    /// that no model exists (a union, a tuple struct), returns what the stand-in impl still
    /// needs.
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Result<Self, Stub> {
        if !input.generics.params.is_empty() {
            cx.error_spanned_by(
                &input.generics,
                "#[derive(Overlay)] does not support generic parameters: a record's layout must \
                 be fixed when it is defined",
            );
        }
        // Variant attributes decide whether an enum is fieldless or a payload enum, so they are
        // parsed first, once.
        let variant_attrs: Vec<VariantAttrs> = match &input.data {
            SynData::Enum(data) => data
                .variants
                .iter()
                .map(|v| VariantAttrs::parse(cx, &v.attrs))
                .collect(),
            _ => Vec::new(),
        };
        let target = match &input.data {
            SynData::Enum(_) if variant_attrs.iter().any(|a| a.wrote_tag) => Target::Payload,
            SynData::Enum(_) => Target::Enum,
            _ => Target::Struct,
        };
        let attrs = ContainerAttrs::parse(cx, &input.attrs, target);
        let krate = attrs
            .krate
            .clone()
            .unwrap_or_else(|| syn::parse_quote!(::overlay));
        let data = match &input.data {
            SynData::Struct(data) => {
                Struct::from_ast(cx, input, &data.fields, &attrs).map(Data::Struct)
            }
            SynData::Enum(data) if target == Target::Payload => {
                Payload::from_ast(cx, input, data, &attrs, &variant_attrs).map(Data::Payload)
            }
            SynData::Enum(data) => {
                Enum::from_ast(cx, input, data, &attrs, &variant_attrs).map(Data::Enum)
            }
            SynData::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "#[derive(Overlay)] does not support unions: use a struct with named fields or \
                     a fieldless enum with #[repr(u8)] (or another integer repr)",
                );
                None
            }
        };
        let Some(data) = data else {
            return Err(Stub { krate, target });
        };
        Ok(Container {
            ident: &input.ident,
            vis: &input.vis,
            krate,
            data,
        })
    }
}

impl<'a> Struct<'a> {
    /// The index of the first variable-length field, if the record has one.
    pub fn first_var(&self) -> Option<usize> {
        self.fields.iter().position(|f| f.shape.is_var())
    }

    /// Whether views take the byte order when they are made.
    pub fn is_runtime(&self) -> bool {
        self.endian == EndianSpec::Runtime
    }

    fn from_ast(
        cx: &Ctxt,
        input: &'a DeriveInput,
        fields: &'a Fields,
        attrs: &ContainerAttrs,
    ) -> Option<Self> {
        let named = match fields {
            Fields::Named(named) => named,
            Fields::Unnamed(_) | Fields::Unit => {
                cx.error_spanned_by(
                    &input.ident,
                    "#[derive(Overlay)] needs a struct with named fields: the field names become \
                     the view's getters and setters",
                );
                return None;
            }
        };
        let endian = endian_of(&attrs.endian).unwrap_or(EndianSpec::Little);
        let fields = named
            .named
            .iter()
            .filter_map(|field| {
                let field_attrs = FieldAttrs::parse(cx, &field.attrs);
                let shape = match (&field_attrs.tag, Shape::from_type(cx, &field.ty)?) {
                    // A payload enum is an ordinary type name; `tag` says what it is.
                    (Some(_), Shape::Named(ty)) => Shape::Tagged(ty),
                    (_, shape) => shape,
                };
                Some(Field {
                    ident: field.ident.as_ref()?,
                    docs: field
                        .attrs
                        .iter()
                        .filter(|a| a.path().is_ident("doc"))
                        .collect(),
                    vis: &field.vis,
                    ty: &field.ty,
                    shape,
                    endian: fixed_endian_of(
                        cx,
                        &field_attrs.endian,
                        "`endian = \"runtime\"` applies to a whole struct: put it on the struct, \
                         or give this field a fixed byte order",
                    )
                    .unwrap_or(endian),
                    endian_override: field_attrs.endian.as_ref().map(|s| s.span),
                    role: match field_attrs.pad {
                        Some(_) => Role::Pad,
                        None => Role::Value,
                    },
                    bits: field_attrs.bits,
                    bit: None,
                    length_expr: match field_attrs.length.as_ref().map(|l| &l.value) {
                        Some(LengthAttr::Bytes(lit) | LengthAttr::Count(lit)) => {
                            match lit.parse::<Expr>() {
                                Ok(expr) => Some(expr),
                                Err(_) => {
                                    cx.error_spanned_by(
                                        lit,
                                        "this length is not an expression: write a sum or product \
                                         of earlier fields and integers, such as \"ihl * 4 - 20\"",
                                    );
                                    None
                                }
                            }
                        }
                        _ => None,
                    },
                    length: field_attrs.length,
                    magic: field_attrs.magic,
                    tag: field_attrs.tag,
                })
            })
            .collect::<Vec<_>>();
        let mut fields = fields;
        let bit_order = match (&attrs.bit_order, endian) {
            (Some(order), _) => Some(order.value),
            (None, EndianSpec::Big) => Some(BitOrder::Msb),
            (None, EndianSpec::Little | EndianSpec::Native) => Some(BitOrder::Lsb),
            (None, EndianSpec::Runtime) => None,
        };
        lay_out_bit_groups(cx, &mut fields, bit_order);
        let view = attrs
            .view
            .clone()
            .unwrap_or_else(|| format_ident!("{}View", input.ident));
        let view_mut = attrs
            .view_mut
            .clone()
            .unwrap_or_else(|| format_ident!("{}ViewMut", input.ident));
        // Each generated type needs its own name; blame a name the user wrote, the later one
        // when both are.
        if view == input.ident {
            cx.error_spanned_by(
                &view,
                format!("the view type cannot be named `{view}` like the struct itself: pick another name"),
            );
        }
        if view_mut == input.ident {
            cx.error_spanned_by(
                &view_mut,
                format!("the writable view type cannot be named `{view_mut}` like the struct itself: pick another name"),
            );
        }
        if view == view_mut {
            let written = if attrs.view_mut.is_some() {
                &view_mut
            } else {
                &view
            };
            cx.error_spanned_by(
                written,
                format!("the view and the writable view cannot both be named `{view}`: give `view` and `view_mut` different names"),
            );
        }
        Some(Struct {
            endian,
            view,
            view_mut,
            fields,
            name: syn::ext::IdentExt::unraw(&input.ident).to_string(),
            serialize_owned: attrs.serialize.is_some(),
            asserts: assertions(cx, &attrs.asserts),
            params: attrs.params.clone(),
        })
    }
}

/// The assertions as written, parsed, each with its first field and its index among those
/// that share it.
fn assertions(cx: &Ctxt, lits: &[syn::LitStr]) -> Vec<Assertion> {
    let mut out: Vec<Assertion> = Vec::new();
    for lit in lits {
        let Ok(expr) = lit.parse::<Expr>() else {
            cx.error_spanned_by(
                lit,
                "this assertion is not an expression: write a condition over the record's \
                 fields, such as \"ihl >= 5 && version == 4\"",
            );
            continue;
        };
        let first = crate::expr::first_field(&expr).cloned();
        let index = out
            .iter()
            .filter(|a| a.first.is_some() && a.first == first)
            .count();
        out.push(Assertion {
            lit: lit.clone(),
            expr,
            first,
            index,
        });
    }
    out
}

impl<'a> Enum<'a> {
    fn from_ast(
        cx: &Ctxt,
        input: &'a DeriveInput,
        data: &'a syn::DataEnum,
        attrs: &ContainerAttrs,
        variant_attrs: &[VariantAttrs],
    ) -> Option<Self> {
        if data.variants.is_empty() {
            cx.error_spanned_by(
                &input.ident,
                "#[derive(Overlay)] needs at least one enum variant: no byte value could be read as this enum",
            );
            return None;
        }
        let mut repr = None;
        // A `repr` that is not one of ours (C, u128, align(..)), to point the diagnostic at.
        let mut other_repr = None;
        for attr in input.attrs.iter().filter(|a| a.path().is_ident("repr")) {
            let _ = attr.parse_nested_meta(|meta| {
                match meta.path.get_ident() {
                    Some(ident) if ENUM_REPRS.contains(&ident.to_string().as_str()) => {
                        repr = Some(ident.clone());
                    }
                    _ => {
                        other_repr.get_or_insert_with(|| meta.path.clone());
                    }
                }
                // Skip the arguments of `align(..)` and `packed(..)` so the scan reaches the
                // integer repr after them.
                if meta.input.peek(syn::token::Paren) {
                    let _: proc_macro2::Group = meta.input.parse()?;
                }
                Ok(())
            });
        }
        const REPR_FIX: &str = "add #[repr(u8)] (or u16, u32, u64, i8, i16, i32, i64)";
        if repr.is_none() {
            match &other_repr {
                Some(path) => cx.error_spanned_by(
                    path,
                    format!(
                        "#[derive(Overlay)] on an enum needs a fixed-size integer representation, \
                         found #[repr({})]: {REPR_FIX}",
                        quote::quote!(#path).to_string().replace(' ', "")
                    ),
                ),
                None => cx.error_spanned_by(
                    &input.ident,
                    format!(
                        "#[derive(Overlay)] on an enum needs an integer representation: {REPR_FIX}"
                    ),
                ),
            }
        }
        let mut variants = Vec::new();
        let mut values = Vec::new();
        let mut other = None;
        // The last explicit discriminant and how many variants came after it.
        let mut previous: Option<(&Expr, u32)> = None;
        let count = data.variants.len();
        for (index, (variant, attrs)) in data.variants.iter().zip(variant_attrs).enumerate() {
            if let Some(span) = attrs.other {
                if other.is_some() {
                    cx.error_spanned_by(
                        &variant.ident,
                        "an enum has at most one #[overlay(other)] variant: remove this one",
                    );
                } else if index + 1 != count {
                    cx.error_spanned_by(
                        &variant.ident,
                        "the #[overlay(other)] variant must be the last one: move it after the \
                         others",
                    );
                }
                let holds_repr = match &variant.fields {
                    Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                        matches!(&fields.unnamed[0].ty, Type::Path(p)
                            if p.qself.is_none() && repr.as_ref().is_some_and(|r| p.path.is_ident(r)))
                    }
                    _ => false,
                };
                if !holds_repr {
                    let repr = repr
                        .as_ref()
                        .map_or_else(|| "u16".to_owned(), ToString::to_string);
                    cx.syn_error(syn::Error::new(
                        span,
                        format!(
                            "the #[overlay(other)] variant holds the raw value of every code no other \
                             variant names: write `{}({repr})`",
                            variant.ident
                        ),
                    ));
                }
                other = Some(&variant.ident);
                continue;
            }
            if !matches!(variant.fields, Fields::Unit) {
                let repr = repr
                    .as_ref()
                    .map_or_else(|| "u16".to_owned(), ToString::to_string);
                cx.error_spanned_by(
                    &variant.fields,
                    format!(
                        "#[derive(Overlay)] supports fieldless enum variants, plus one catch-all \
                         variant for unknown codes: mark it #[overlay(other)] and give it the \
                         `repr` type, as in `Other({repr})`"
                    ),
                );
                continue;
            }
            let value = match (&variant.discriminant, previous) {
                (Some((_, expr)), _) => {
                    previous = Some((expr, 0));
                    quote::quote!((#expr))
                }
                (None, Some((expr, after))) => {
                    previous = Some((expr, after + 1));
                    let after = proc_macro2::Literal::u32_unsuffixed(after + 1);
                    quote::quote!(((#expr) + #after))
                }
                (None, None) => {
                    let index = proc_macro2::Literal::usize_unsuffixed(index);
                    quote::quote!(#index)
                }
            };
            variants.push(&variant.ident);
            values.push(value);
        }
        let repr = repr?;
        Some(Enum {
            endian: fixed_endian_of(
                cx,
                &attrs.endian,
                "an enum reads in its field's byte order, which a run-time struct chooses: \
                 remove `endian = \"runtime\"` from the enum",
            ),
            repr,
            variants,
            values,
            other,
        })
    }
}

impl<'a> Payload<'a> {
    fn from_ast(
        cx: &Ctxt,
        input: &'a DeriveInput,
        data: &'a syn::DataEnum,
        attrs: &ContainerAttrs,
        variant_attrs: &[VariantAttrs],
    ) -> Option<Self> {
        let count = data.variants.len();
        let mut variants = Vec::new();
        // Tags written as integers, with their variant, to report a repeat where it is written
        // (a repeated constant is caught when the generated code is compiled).
        let mut seen: Vec<(i128, &Ident)> = Vec::new();
        for (index, (variant, attrs)) in data.variants.iter().zip(variant_attrs).enumerate() {
            for tag in &attrs.tags {
                let Some(value) = tag_literal(tag) else {
                    continue;
                };
                if let Some((_, first)) = seen.iter().find(|(v, _)| *v == value) {
                    cx.error_spanned_by(
                        tag,
                        format!(
                            "tag {value} already selects variant `{first}`: each tag selects one \
                             variant; remove it here or there"
                        ),
                    );
                } else {
                    seen.push((value, &variant.ident));
                }
            }
            if let Some((eq, _)) = &variant.discriminant {
                cx.error_spanned_by(
                    eq,
                    "a payload variant is chosen by its tags, not a discriminant: remove `= ..`",
                );
            }
            let ty = match &variant.fields {
                Fields::Unnamed(fields) if fields.unnamed.len() == 1 => &fields.unnamed[0].ty,
                _ => {
                    cx.error_spanned_by(
                        &variant.ident,
                        format!(
                            "a payload variant holds exactly one record type: write `{}(Record)`, \
                             where Record derives Overlay",
                            variant.ident
                        ),
                    );
                    continue;
                }
            };
            match (attrs.other, attrs.tags.is_empty()) {
                (Some(span), false) => cx.syn_error(syn::Error::new(
                    span,
                    "the #[overlay(other)] variant takes every tag no other variant names: \
                     remove its `tag`",
                )),
                (Some(span), true) => {
                    if index + 1 != count {
                        cx.syn_error(syn::Error::new(
                            span,
                            "the #[overlay(other)] variant must be the last one: move it after \
                             the others",
                        ));
                    }
                    let is_var_bytes = matches!(ty, Type::Path(p) if p.qself.is_none()
                        && p.path.segments.last().is_some_and(|s| s.ident == "VarBytes"));
                    if !is_var_bytes {
                        cx.error_spanned_by(
                            ty,
                            format!(
                                "the #[overlay(other)] variant keeps the payload's bytes: write \
                                 `{}(overlay::VarBytes)`",
                                variant.ident
                            ),
                        );
                    }
                }
                (None, true) if !attrs.wrote_tag => cx.error_spanned_by(
                    &variant.ident,
                    format!(
                        "payload variant `{}` has no tag: add #[overlay(tag = ..)] with the value \
                         that selects it, or mark a last catch-all variant #[overlay(other)]",
                        variant.ident
                    ),
                ),
                (None, _) => {}
            }
            variants.push(PayloadVariant {
                ident: &variant.ident,
                ty,
                tags: attrs.tags.clone(),
                other: attrs.other,
            });
        }
        Some(Payload {
            view: attrs
                .view
                .clone()
                .unwrap_or_else(|| format_ident!("{}View", input.ident)),
            view_mut: attrs
                .view_mut
                .clone()
                .unwrap_or_else(|| format_ident!("{}ViewMut", input.ident)),
            variants,
        })
    }
}

/// The value of a tag written as an integer literal (possibly negative).
fn tag_literal(expr: &Expr) -> Option<i128> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => int.base10_parse().ok(),
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => tag_literal(expr).map(|v: i128| -v),
        _ => None,
    }
}
