//! The writable view: getters (built as the read-only view's, by `field::getter`), setters and
//! `_mut` accessors.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::field::{self, FieldCtx};
use super::{bind_endian, endian_expr, overlay_type};
use crate::model::{Container, Shape, Struct};

pub fn expand(container: &Container, data: &Struct, fields: &[FieldCtx]) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let (view, view_mut) = (&data.view, &data.view_mut);
    let own_endian = endian_expr(krate, data.endian);
    let bind = bind_endian(krate, data.is_runtime(), quote!(self.endian));
    let copy_endian = data.is_runtime().then(|| quote!(endian: self.endian,));
    let elided = quote!('_);
    let accessors = field::values(fields).map(|f| {
        let field = f.field;
        let ty = field.ty;
        let vis = &field.vis;
        let (range, endian) = (&f.range, &f.endian);
        // A bit field reads as its own type (an enum is its own view): said so here, a type
        // that cannot be a bit field is reported once, by the read-only view's getter.
        let ret = match field.bit {
            Some(_) => quote!(#ty),
            None => field::getter_type(container, field, &elided),
        };
        let getter = field::getter(container, f, ret, quote!(&*self.bytes), &bind);
        let setter = format_ident!("set_{}", f.name);
        if let Some(bit) = field.bit {
            let (shift, width) = (bit.shift, bit.width);
            let (record, field_name, start) = (container.ident, &f.name, &f.start);
            let setter_doc = format!(
                "Writes bit field `{field_name}` ({width} bits). A value that does not fit is an \
                 error and writes nothing."
            );
            return quote! {
                #getter

                #[doc = #setter_doc]
                #[inline]
                #vis fn #setter(
                    &mut self,
                    value: #ty,
                ) -> ::core::result::Result<(), #krate::Error> {
                    #bind
                    let group = #krate::__private::read_group(&self.bytes[#range], #endian);
                    let group = #krate::__private::set_bits::<#ty, #record>(
                        group, #shift, #width, value, #start,
                    )?;
                    #krate::__private::write_group(&mut self.bytes[#range], #endian, group);
                    ::core::result::Result::Ok(())
                }
            };
        }
        let setter_doc = format!("Writes field `{}`.", f.name);
        let write = f.pack(krate, quote!(&value), quote!(self.bytes));
        let getter = quote! {
            #getter

            #[doc = #setter_doc]
            #[inline]
            #vis fn #setter(&mut self, value: #ty) {
                #bind
                #write
            }
        };
        let mut_ret = if let Some(len) = field.shape.byte_array_len() {
            quote!(&mut [u8; #len])
        } else {
            match &field.shape {
                Shape::Scalar(_) => return getter,
                Shape::Array { elem_ty, len, .. }
                    if matches!(field.shape.leaf().0, Shape::Scalar(_)) =>
                {
                    quote!(#krate::ArrayViewMut<'_, #elem_ty, { #len }>)
                }
                Shape::Array { .. }
                | Shape::Named(_)
                | Shape::VarBytes
                | Shape::VarRecords(_)
                | Shape::Tagged(_)
                | Shape::Varint(_) => overlay_type(krate, ty, "ViewMut", &elided),
            }
        };
        let read_mut = f.view_mut(krate, quote!(self.bytes));
        let accessor = format_ident!("{}_mut", f.name);
        let accessor_doc = format!("Writable access to field `{}` in place.", f.name);
        quote! {
            #getter

            #[doc = #accessor_doc]
            #[inline]
            #vis fn #accessor(&mut self) -> #mut_ret {
                #bind
                #read_mut
            }
        }
    });
    quote! {
        #[automatically_derived]
        // Accessors are named after the user's fields, whatever those are.
        #[allow(
            clippy::len_without_is_empty,
            clippy::wrong_self_convention,
            clippy::should_implement_trait
        )]
        impl<'a> #view_mut<'a> {
            /// A read-only view of the same record, borrowing this one.
            #[inline]
            pub fn as_view(&self) -> #view<'_> {
                #view { bytes: self.bytes, #copy_endian }
            }

            /// Turns this view into a read-only view for the rest of the buffer's borrow.
            #[inline]
            pub fn into_view(self) -> #view<'a> {
                #view { bytes: self.bytes, #copy_endian }
            }

            #(#accessors)*

            /// The record's bytes.
            #[inline]
            pub fn as_bytes(&self) -> &[u8] {
                &self.bytes[..]
            }

            /// Copies the record out into an owned value.
            #[inline]
            pub fn unpack(&self) -> #ident {
                self.as_view().unpack()
            }

            /// Overwrites the whole record with `value`; pad fields become zeros.
            #[inline]
            pub fn pack(&mut self, value: &#ident) {
                #bind
                #krate::__private::Raw::__pack(value, &mut self.bytes[..], #own_endian);
            }
        }

        // The read-only view's `Debug`, so the per-field code is generated once.
        #[automatically_derived]
        impl ::core::fmt::Debug for #view_mut<'_> {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Debug::fmt(&self.as_view(), f)
            }
        }
    }
}
