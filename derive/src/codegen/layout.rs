//! A struct's layout as constants: the field offsets, the parts of its Python format, and
//! `FIELDS`.

use proc_macro2::TokenStream;
use quote::quote;

use super::field::FieldCtx;
use super::{meta_item, offset_const, overlay_item};
use crate::attr::{EndianSpec, MagicAttr};
use crate::check::type_name;
use crate::model::{Container, Data, Role, Shape};

/// The offset constants: `__OVERLAY_OFFSET_0` is 0 and each next one is the previous plus the
/// field's size (a bit group's size after its last field, 0 after the others).
pub fn offsets(container: &Container, fields: &[FieldCtx]) -> TokenStream {
    let krate = &container.krate;
    let offsets = fields.iter().enumerate().map(|(i, f)| {
        let this = offset_const(i);
        let next = offset_const(i + 1);
        let size = match &f.field.bit {
            Some(bit) if bit.last => {
                let bytes = bit.group_bytes;
                quote!(#bytes)
            }
            Some(_) => quote!(0),
            None => overlay_item(krate, f.field.ty, "SIZE"),
        };
        quote!(const #next: usize = #this + #size;)
    });
    let first = offset_const(0);
    quote! {
        const #first: usize = 0;
        #(#offsets)*
    }
}

/// The Python format parts, one per field, as `FormatPart` expressions.
pub fn format_parts(container: &Container, fields: &[FieldCtx]) -> Vec<TokenStream> {
    fields.iter().map(|f| format_part(container, f)).collect()
}

/// `FIELDS`' entries, one per field, as `FieldInfo` expressions.
pub fn field_infos(container: &Container, fields: &[FieldCtx]) -> Vec<TokenStream> {
    fields.iter().map(|f| field_info(container, f)).collect()
}

/// `.resolve(endian)` for a field with a fixed byte order; nothing for a run-time one, whose
/// class stays `Inherit` until a fixed parent resolves it.
fn resolve_class(f: &FieldCtx) -> TokenStream {
    if f.field.endian == EndianSpec::Runtime {
        TokenStream::new()
    } else {
        let endian = &f.endian;
        quote!(.resolve(#endian))
    }
}

/// A product of array lengths as a `usize` expression (1 for none).
fn product(dims: &[&syn::Expr]) -> TokenStream {
    let mut dims = dims.iter();
    match dims.next() {
        None => quote!(1usize),
        Some(first) => dims.fold(quote!((#first)), |acc, dim| quote!(#acc * (#dim))),
    }
}

fn format_part(container: &Container, f: &FieldCtx) -> TokenStream {
    let krate = &container.krate;
    let private = quote!(#krate::__private);
    if f.field.bit.is_some() {
        // Python's struct has no bit fields.
        return quote! {
            #private::FormatPart {
                body: ::core::option::Option::None,
                count: 1,
                repeat: 1,
                string: false,
                class: #private::EndianClass::Any,
            }
        };
    }
    if let Role::Pad = f.field.role {
        let len = f.field.shape.byte_array_len();
        return quote! {
            #private::FormatPart {
                body: ::core::option::Option::Some("x"),
                count: #len,
                repeat: 1,
                string: false,
                class: #private::EndianClass::Any,
            }
        };
    }
    let (leaf, dims) = f.field.shape.leaf();
    let leaf_ty = f.field.shape.leaf_type();
    if matches!(leaf, Shape::Scalar(i) if *i == "u8") && !dims.is_empty() {
        let (inner, outer) = dims.split_last().expect("dims is not empty");
        let repeat = product(outer);
        return quote! {
            #private::FormatPart {
                body: ::core::option::Option::Some("s"),
                count: #inner,
                repeat: #repeat,
                string: true,
                class: #private::EndianClass::Any,
            }
        };
    }
    let count = product(&dims);
    let part = meta_item(krate, &leaf_ty, "__part");
    let endian = field_endian(f);
    quote!(#part(#count, #endian))
}

/// The field's byte order as an `Option<Endian>` expression: `None` for a run-time one, whose
/// class stays `Inherit` until a fixed parent resolves it.
fn field_endian(f: &FieldCtx) -> TokenStream {
    if f.field.endian == EndianSpec::Runtime {
        quote!(::core::option::Option::None)
    } else {
        let endian = &f.endian;
        quote!(::core::option::Option::Some(#endian))
    }
}

fn field_info(container: &Container, f: &FieldCtx) -> TokenStream {
    let krate = &container.krate;
    let ty = f.field.ty;
    let name = &f.name;
    let type_name = type_name(ty);
    let (_, dims) = f.field.shape.leaf();
    let elements = product(&dims);
    let leaf_ty = f.field.shape.leaf_type();
    let (start, end) = (&f.start, &f.end);
    let value_field = matches!(f.field.role, Role::Value)
        && f.field.shape.byte_array_len().is_none()
        && f.field.bit.is_none();
    if value_field {
        let endian = field_endian(f);
        let (meta_ty, kind, fields): (&dyn quote::ToTokens, _, _) = match &f.field.shape {
            Shape::Array { .. } => (
                &leaf_ty,
                quote!(::core::option::Option::Some(#krate::FieldKind::Array)),
                overlay_item(krate, &leaf_ty, "FIELDS"),
            ),
            _ => (
                ty,
                quote!(::core::option::Option::None),
                overlay_item(krate, ty, "FIELDS"),
            ),
        };
        let field = meta_item(krate, meta_ty, "__field");
        let with_dims = if dims.is_empty() {
            TokenStream::new()
        } else {
            quote!(.__with_dims(&[#((#dims) as usize),*]))
        };
        let magic = magic_info(container, f);
        return quote! {
            #field(#name, #start, #end - #start, #type_name, #endian, #kind, #elements, #fields)
                #with_dims #magic
        };
    }
    // Pads, byte arrays and bit fields.
    let magic = magic_info(container, f);
    let (kind, fields, value) = match (&f.field.role, f.field.bit) {
        (Role::Pad, _) => (
            quote!(#krate::FieldKind::Pad),
            quote!(&[]),
            TokenStream::new(),
        ),
        (Role::Value, None) => (
            quote!(#krate::FieldKind::Bytes),
            quote!(&[]),
            TokenStream::new(),
        ),
        (Role::Value, Some(_)) => {
            let value = meta_item(krate, ty, "value");
            (
                meta_item(krate, ty, "kind"),
                overlay_item(krate, ty, "FIELDS"),
                quote!(.__with_value(#value)),
            )
        }
    };
    let (size, bits, class) = match &f.field.bit {
        Some(bit) => {
            let (bytes, shift, width) = (bit.group_bytes, bit.shift, bit.width);
            // A bit field reports the byte order of its group, whatever its own type.
            let resolve = resolve_class(f);
            let class = quote!(#krate::__private::EndianClass::Inherit #resolve);
            (quote!(#bytes), quote!(.__with_bits(#shift, #width)), class)
        }
        None => (
            quote!(#end - #start),
            TokenStream::new(),
            quote!(#krate::__private::EndianClass::Any),
        ),
    };
    quote! {
        #krate::FieldInfo::__new(
            #name,
            #start,
            #size,
            #type_name,
            #class,
            #kind,
            #elements,
            #fields,
        ) #bits #value #magic
    }
}

/// `.__with_magic(..)` for a field with a magic constant, and `.__with_asserts(..)` for the
/// first field the record's assertions name.
fn magic_info(container: &Container, f: &FieldCtx) -> TokenStream {
    let krate = &container.krate;
    let magic = match f.field.magic.as_ref().map(|magic| &magic.value) {
        Some(MagicAttr::Bytes(lit)) => quote!(.__with_magic(#krate::Magic::Bytes(#lit))),
        Some(MagicAttr::Integer(value)) => quote!(.__with_magic(#krate::Magic::Integer(#value))),
        None => TokenStream::new(),
    };
    let asserts: Vec<String> = match &container.data {
        Data::Struct(data) => data
            .asserts
            .iter()
            .filter(|assertion| assertion.first.as_ref() == Some(f.field.ident))
            .map(|assertion| assertion.lit.value())
            .collect(),
        Data::Enum(_) | Data::Payload(_) => Vec::new(),
    };
    if asserts.is_empty() {
        magic
    } else {
        quote!(#magic .__with_asserts(&[#(#asserts),*]))
    }
}
