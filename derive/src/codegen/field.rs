//! One field of a struct as every code generator sees it: where it lies, its byte order, and
//! the one place each expression that reads or writes it is built. Views, `Debug`,
//! `Serialize`, the owned conversions and validation all go through here.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use super::{endian_expr, offset_const, overlay_type, raw_call};
use crate::attr::MagicAttr;
use crate::model::{Container, Field, Role, Shape, Struct};

/// What every struct code generator needs about one field.
pub struct FieldCtx<'f, 'a> {
    pub field: &'f Field<'a>,
    /// `__OVERLAY_OFFSET_i..__OVERLAY_OFFSET_i+1` (the whole group, for a bit field).
    pub range: TokenStream,
    /// The start offset constant.
    pub start: TokenStream,
    /// The end offset (the group's end, for a bit field).
    pub end: TokenStream,
    /// The byte order, as an `overlay::Endian` expression.
    pub endian: TokenStream,
    /// The field name without `r#`, as a string.
    pub name: String,
}

/// The context of every field of `data`, in order.
pub fn field_contexts<'f, 'a>(
    container: &Container,
    data: &'f Struct<'a>,
) -> Vec<FieldCtx<'f, 'a>> {
    data.fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let start = offset_const(i);
            let end = offset_const(i + 1);
            let end = match &field.bit {
                Some(bit) => {
                    let bytes = bit.group_bytes;
                    quote!(#start + #bytes)
                }
                None => quote!(#end),
            };
            FieldCtx {
                field,
                range: quote!(#start..#end),
                start: quote!(#start),
                end,
                endian: endian_expr(&container.krate, field.endian),
                name: field.ident.unraw().to_string(),
            }
        })
        .collect()
}

/// The fields that hold values (every field but pads), the ones with accessors.
pub fn values<'x, 'f, 'a>(
    fields: &'x [FieldCtx<'f, 'a>],
) -> impl Iterator<Item = &'x FieldCtx<'f, 'a>> {
    fields
        .iter()
        .filter(|f| matches!(f.field.role, Role::Value))
}

impl FieldCtx<'_, '_> {
    /// For a bit field, the expression of its value read from the group in `bytes` (an
    /// expression of type `&[u8; SIZE]`).
    fn bit_value(&self, krate: &syn::Path, bytes: &TokenStream) -> Option<TokenStream> {
        let bit = self.field.bit?;
        let (ty, range, endian) = (self.field.ty, &self.range, &self.endian);
        let (shift, width) = (bit.shift, bit.width);
        Some(quote! {
            #krate::__private::get_bits::<#ty>(
                #krate::__private::read_group(&(#bytes)[#range], #endian),
                #shift,
                #width,
            )
        })
    }

    /// The field's value as its getter returns it (its view), read from `bytes`.
    pub fn view(&self, krate: &syn::Path, bytes: TokenStream) -> TokenStream {
        self.bit_value(krate, &bytes).unwrap_or_else(|| {
            let (start, end, endian) = (&self.start, &self.end, &self.endian);
            raw_call(
                krate,
                self.field.ty,
                "__view_in",
                quote!(#bytes, #start, #end, #endian),
            )
        })
    }

    /// The field's owned value, copied out of `bytes`.
    pub fn unpack(&self, krate: &syn::Path, bytes: TokenStream) -> TokenStream {
        self.bit_value(krate, &bytes).unwrap_or_else(|| {
            let (start, end, endian) = (&self.start, &self.end, &self.endian);
            raw_call(
                krate,
                self.field.ty,
                "__unpack_in",
                quote!(#bytes, #start, #end, #endian),
            )
        })
    }

    /// Statements writing the owned value `value` (a reference) into `bytes`; a bit field's
    /// group is read, changed and written back, so the group's fields can go in any order.
    pub fn pack(&self, krate: &syn::Path, value: TokenStream, bytes: TokenStream) -> TokenStream {
        let (ty, range, endian) = (self.field.ty, &self.range, &self.endian);
        let (start, end) = (&self.start, &self.end);
        match self.field.bit {
            Some(bit) => {
                let (shift, width) = (bit.shift, bit.width);
                quote! {
                    let group = #krate::__private::read_group(&#bytes[#range], #endian);
                    let group = #krate::__private::insert_bits::<#ty>(group, #shift, #width, *#value);
                    #krate::__private::write_group(&mut #bytes[#range], #endian, group);
                }
            }
            None => {
                let write = raw_call(
                    krate,
                    ty,
                    "__pack_in",
                    quote!(#value, &mut *#bytes, #start, #end, #endian),
                );
                quote!(#write;)
            }
        }
    }

    /// The field's writable view, borrowed from `bytes`.
    pub fn view_mut(&self, krate: &syn::Path, bytes: TokenStream) -> TokenStream {
        let (start, end, endian) = (&self.start, &self.end, &self.endian);
        raw_call(
            krate,
            self.field.ty,
            "__view_mut_in",
            quote!(&mut *#bytes, #start, #end, #endian),
        )
    }
}

/// The type a getter returns for `field`, borrowing for `lifetime`.
pub fn getter_type(container: &Container, field: &Field, lifetime: &TokenStream) -> TokenStream {
    let krate = &container.krate;
    let ty = field.ty;
    // A bit field of a named type (an enum) reads as that type, which is its view; naming it
    // as the view keeps a wrong type's errors the same with and without the serde feature.
    if field.bit.is_some() && !matches!(field.shape, Shape::Named(_)) {
        return quote!(#ty);
    }
    if let Some(len) = field.shape.byte_array_len() {
        return quote!(&#lifetime [u8; #len]);
    }
    match &field.shape {
        Shape::Scalar(ident) => quote!(#ident),
        Shape::Array { elem_ty, len, .. } if matches!(field.shape.leaf().0, Shape::Scalar(_)) => {
            quote!(#krate::ArrayView<#lifetime, #elem_ty, { #len }>)
        }
        // The element type may not implement `Overlay`, or may be an alias of `u8`: let the
        // array's impl say what it reads as.
        Shape::Array { .. }
        | Shape::Named(_)
        | Shape::VarBytes
        | Shape::VarRecords(_)
        | Shape::Tagged(_)
        | Shape::Varint(_) => overlay_type(krate, ty, "View", lifetime),
    }
}

/// The getter of field `f` on a view, returning `ret`: `bytes` is the view's bytes as
/// `&[u8; SIZE]` borrowed for as long as `ret` borrows, and `bind` binds a run-time byte order first. Both
/// views' getters are these.
pub fn getter(
    container: &Container,
    f: &FieldCtx,
    ret: TokenStream,
    bytes: TokenStream,
    bind: &TokenStream,
) -> TokenStream {
    let krate = &container.krate;
    let field = f.field;
    let (name, vis, docs) = (field.ident, &field.vis, &field.docs);
    let read = f.view(krate, bytes);
    let magic_doc = field.magic.as_ref().map(|magic| {
        let value = match &magic.value {
            MagicAttr::Bytes(lit) => format!("b\"{}\"", lit.value().escape_ascii()),
            MagicAttr::Integer(expr) => quote!(#expr).to_string().replace(' ', ""),
        };
        let doc = format!(
            "Magic: the field must hold `{value}`; making a view checks it \
             (`ErrorKind::BadMagic`)."
        );
        quote!(#[doc = ""] #[doc = #doc])
    });
    quote! {
        #(#docs)*
        #magic_doc
        #[inline]
        #vis fn #name(&self) -> #ret {
            #bind
            #read
        }
    }
}
