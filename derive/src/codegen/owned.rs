//! Copying a record out into the owned struct, and writing the owned struct into bytes.

use proc_macro2::TokenStream;
use quote::quote;

use super::layout::FieldCtx;
use super::{offset_const, overlay_call};
use crate::model::{Container, Role, Struct};

/// The `__unpack` and `__write` methods of the struct's `Overlay` impl.
pub fn expand(container: &Container, data: &Struct, fields: &[FieldCtx]) -> TokenStream {
    let krate = &container.krate;
    let size = offset_const(fields.len());
    let _ = data;
    let inits = fields.iter().map(|f| {
        let ident = f.field.ident;
        let ty = f.field.ty;
        let (range, endian) = (&f.range, &f.endian);
        match f.field.role {
            Role::Pad => {
                let len = f.field.shape.byte_array_len();
                quote!(#ident: [0u8; #len])
            }
            Role::Value => match f.bit_value(krate, quote!(bytes)) {
                Some(value) => quote!(#ident: #value),
                None => {
                    let unpack =
                        overlay_call(krate, ty, "__unpack", quote!(&bytes[#range], #endian));
                    quote!(#ident: #unpack)
                }
            },
        }
    });
    let writes = fields.iter().map(|f| {
        let ident = f.field.ident;
        let ty = f.field.ty;
        let (range, endian) = (&f.range, &f.endian);
        match f.field.role {
            Role::Pad => quote!(bytes[#range].fill(0u8);),
            Role::Value => match f.field.bit {
                // Read-modify-write of the group, so the group's fields can go in any order.
                Some(bit) => {
                    let (shift, width) = (bit.shift, bit.width);
                    quote! {
                        let group = #krate::__private::read_group(&bytes[#range], #endian);
                        let group = #krate::__private::insert_bits::<#ty>(
                            group, #shift, #width, self.#ident,
                        );
                        #krate::__private::write_group(&mut bytes[#range], #endian, group);
                    }
                }
                None => {
                    let args = quote!(&self.#ident, &mut bytes[#range], #endian);
                    let write = overlay_call(krate, ty, "__write", args);
                    quote!(#write;)
                }
            },
        }
    });
    quote! {
        #[inline]
        fn __unpack(bytes: &[u8], endian: #krate::Endian) -> Self {
            let _ = endian;
            let bytes = #krate::__private::array_ref::<{ #size }>(bytes);
            let _ = bytes;
            Self { #(#inits),* }
        }

        #[inline]
        fn __write(&self, bytes: &mut [u8], endian: #krate::Endian) {
            let _ = endian;
            let bytes = #krate::__private::array_mut::<{ #size }>(bytes);
            #(#writes)*
            let _ = bytes;
        }
    }
}
