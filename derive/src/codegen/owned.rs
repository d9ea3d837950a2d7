//! Copying a record out into the owned struct, and writing the owned struct into bytes.

use proc_macro2::TokenStream;
use quote::quote;

use super::field::FieldCtx;
use super::offset_const;
use crate::model::{Container, Role, Struct};

/// The `__unpack` and `__pack` methods of the struct's `Raw` impl.
pub fn expand(container: &Container, data: &Struct, fields: &[FieldCtx]) -> TokenStream {
    let krate = &container.krate;
    let size = offset_const(fields.len());
    let _ = data;
    let inits = fields.iter().map(|f| {
        let ident = f.field.ident;
        match f.field.role {
            Role::Pad => {
                let len = f.field.shape.byte_array_len();
                quote!(#ident: [0u8; #len])
            }
            Role::Value => {
                let unpack = f.unpack(krate, quote!(bytes));
                quote!(#ident: #unpack)
            }
        }
    });
    let writes = fields.iter().map(|f| {
        let (ident, range) = (f.field.ident, &f.range);
        match f.field.role {
            Role::Pad => quote!(bytes[#range].fill(0u8);),
            Role::Value => f.pack(krate, quote!(&self.#ident), quote!(bytes)),
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
        fn __pack(&self, bytes: &mut [u8], endian: #krate::Endian) {
            let _ = endian;
            let bytes = #krate::__private::array_mut::<{ #size }>(bytes);
            #(#writes)*
            let _ = bytes;
        }
    }
}
