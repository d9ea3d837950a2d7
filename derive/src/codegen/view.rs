//! The read-only view: struct definitions for both views, and the read-only view's getters.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::field::{self, FieldCtx};
use super::{bind_endian, copy_impls, endian_expr, outer_spans};
use crate::model::{Container, Role, Struct};

/// The struct definitions of both views; they live outside the `const _` block so users can
/// name them.
pub fn definitions(container: &Container, data: &Struct) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let vis = container.vis;
    let (view, view_mut) = (&data.view, &data.view_mut);
    let mut view_doc = format!(
        "A read-only view of a [`{ident}`] record in place inside a byte slice: one getter per \
         field, reading straight from the bytes.\n\nMade by [`Overlay::view`]({krate}::Overlay::view) \
         and the other `view*` methods, which check the length and every enum and bool field once.",
        krate = quote!(#krate).to_string().replace(' ', "")
    );
    if !data.asserts.is_empty() {
        view_doc.push_str("\n\nMaking a view also checks that these hold:");
        for assertion in &data.asserts {
            view_doc.push_str(&format!("\n- `{}`", assertion.lit.value()));
        }
    }
    let view_mut_doc = format!(
        "A writable view of a [`{ident}`] record in place inside a mutable byte slice: the getters \
         of [`{view}`], plus a `set_` method per field and `_mut` accessors for arrays and nested \
         records."
    );
    let endian = data.is_runtime().then(|| quote!(endian: #krate::Endian,));
    quote! {
        #[doc = #view_doc]
        #vis struct #view<'a> {
            bytes: &'a [u8; <#ident as #krate::Overlay>::SIZE],
            #endian
        }

        #[doc = #view_mut_doc]
        #vis struct #view_mut<'a> {
            bytes: &'a mut [u8; <#ident as #krate::Overlay>::SIZE],
            #endian
        }
    }
}

/// The read-only view's `Debug` body (the writable view's `Debug` calls it through
/// `as_view`): prints like the owned struct's derived `Debug`.
///
/// It reads the bytes itself rather than calling the getters: a getter whose signature names a
/// type without `Overlay` would add an error at each call to the one at the field's type.
fn debug_fields(
    container: &Container,
    data: &Struct,
    fields: &[FieldCtx],
    view: &TokenStream,
) -> TokenStream {
    let krate = &container.krate;
    let name = container.ident.to_string();
    let entries = fields.iter().map(|f| {
        let (ty, name) = (f.field.ty, &f.name);
        match f.field.role {
            Role::Pad => {
                let len = f.field.shape.byte_array_len();
                quote!(.field(#name, &[0u8; #len]))
            }
            Role::Value => {
                let read = f.view(krate, quote!(#view.bytes));
                // A field type without `Debug` is reported at the field, not at the derive.
                let (first, _) = outer_spans(ty);
                let value = quote_spanned!(first=> &#read);
                quote!(.field(#name, #value))
            }
        }
    });
    let bind = bind_endian(krate, data.is_runtime(), quote!(#view.endian));
    quote! {
        #bind
        f.debug_struct(#name) #(#entries)* .finish()
    }
}

pub fn expand(container: &Container, data: &Struct, fields: &[FieldCtx]) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let view = &data.view;
    let own_endian = endian_expr(krate, data.endian);
    let bind = bind_endian(krate, data.is_runtime(), quote!(self.endian));
    let lifetime = quote!('a);
    let getters = field::values(fields).map(|f| {
        let ret = field::getter_type(container, f.field, &lifetime);
        field::getter(container, f, ret, quote!(self.bytes), &bind)
    });
    let debug = debug_fields(container, data, fields, &quote!(self));
    let copy = copy_impls(view);
    quote! {
        #copy

        #[automatically_derived]
        // Accessors are named after the user's fields, whatever those are.
        #[allow(
            clippy::len_without_is_empty,
            clippy::wrong_self_convention,
            clippy::should_implement_trait
        )]
        impl<'a> #view<'a> {
            #(#getters)*

            /// The record's bytes, borrowed from the buffer the view was made from.
            #[inline]
            pub fn as_bytes(&self) -> &'a [u8] {
                self.bytes
            }

            /// Copies the record out into an owned value.
            #[inline]
            pub fn unpack(&self) -> #ident {
                #bind
                <#ident as #krate::__private::Raw>::__unpack(self.bytes, #own_endian)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for #view<'_> {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #debug
            }
        }
    }
}
