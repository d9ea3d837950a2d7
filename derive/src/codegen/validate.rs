//! Checking a struct's values: `__check_bytes` over bytes (enums, bools and nested records, once
//! per view) and `__check_value` over an owned value (bit fields that must fit their width), plus the
//! compile-time check that a named bit field's type is not narrower than its width.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::expr::cond_code;
use super::field::{self, FieldCtx};
use super::{meta_item, raw_call};
use crate::attr::MagicAttr;
use crate::check::type_name;
use crate::model::{Container, Data, Shape};

/// The pieces of the checks, for the `Raw` impl to place.
pub struct Validation {
    /// `Meta::checks_bytes`: whether any field has bytes that are not values.
    pub validates: TokenStream,
    /// `__check_bytes`'s body after `bytes` is bound: one check per field that needs one.
    pub checks: TokenStream,
    /// `Meta::checks_value`: whether any field's owned value can be out of range.
    pub checks_needed: TokenStream,
    /// `__check_value`'s body: one check per such field.
    pub value_checks: TokenStream,
    /// Constant assertions that named bit field types are at least as wide as their fields.
    pub width_checks: TokenStream,
}

pub fn expand(container: &Container, fields: &[FieldCtx]) -> Validation {
    let krate = &container.krate;
    let validates = field::values(fields).map(|f| match f.field.bit {
        _ if f.field.magic.is_some() => quote!(true),
        Some(_) => {
            let ty = f.field.ty;
            quote!(<#ty as #krate::__private::BitField>::VALIDATES)
        }
        None => meta_item(krate, f.field.ty, "checks_bytes"),
    });
    let checks = field::values(fields).map(|f| {
        let (ty, range, endian, start) = (f.field.ty, &f.range, &f.endian, &f.start);
        if let Some(bit) = f.field.bit {
            let (shift, width, bytes) = (bit.shift, bit.width, bit.group_bytes);
            return quote! {
                if <#ty as #krate::__private::BitField>::VALIDATES {
                    #krate::__private::check_bits::<#ty>(
                        #krate::__private::read_group(&bytes[#range], #endian),
                        #shift,
                        #width,
                    )
                    .map_err(|e| {
                        e.__in_bit_field::<Self>(#start, #bytes, #endian, #shift, #width)
                    })?;
                }
            };
        }
        let end = &f.end;
        let validate = raw_call(
            krate,
            ty,
            "__check_field",
            quote!(bytes, #start, #end, #endian),
        );
        let magic = f
            .field
            .magic
            .as_ref()
            .map(|magic| magic_check(krate, f, &magic.value));
        quote! {
            #magic
            if let ::core::result::Result::Err(e) = #validate {
                return ::core::result::Result::Err(e.__in_field::<Self>(#start));
            }
        }
    });
    let checks_needed = field::values(fields).map(|f| match f.field.bit {
        Some(_) => quote!(true),
        None => meta_item(krate, f.field.ty, "checks_value"),
    });
    let value_checks = field::values(fields).map(|f| {
        let (ty, ident, start) = (f.field.ty, f.field.ident, &f.start);
        match f.field.bit {
            Some(bit) => {
                let (width, shift) = (bit.width, bit.shift);
                quote! {
                    #krate::__private::bits_fit::<#ty, Self>(self.#ident, #width, #start, #shift)?;
                }
            }
            None => {
                let check = raw_call(krate, ty, "__check_field_value", quote!(&self.#ident));
                quote! {
                    if let ::core::result::Result::Err(e) = #check {
                        return ::core::result::Result::Err(e.__in_field::<Self>(#start));
                    }
                }
            }
        }
    });
    // A named type's width is only known to the compiler: check it there.
    let width_checks = fields.iter().filter_map(|f| {
        let bit = f.field.bit?;
        if !matches!(f.field.shape, Shape::Named(_)) {
            return None;
        }
        let (ty, width) = (f.field.ty, bit.width);
        let message = format!(
            "bit field `{}` is {width} bits, wider than its type {}",
            f.name,
            type_name(ty)
        );
        let span = syn::spanned::Spanned::span(ty);
        Some(quote_spanned! {span=>
            const _: () = ::core::assert!(
                #width <= <#ty as #krate::__private::BitField>::BITS,
                #message
            );
        })
    });
    let asserts = assertion_checks(container, fields);
    let has_asserts = !asserts.is_empty();
    Validation {
        validates: quote!(#has_asserts #(|| #validates)*),
        checks: quote!(#(#checks)* #asserts),
        checks_needed: quote!(false #(|| #checks_needed)*),
        value_checks: quote!(#(#value_checks)*),
        width_checks: quote!(#(#width_checks)*),
    }
}

/// The check of a field's magic constant, in `__check_bytes` (which has bound `bytes`).
fn magic_check(krate: &syn::Path, f: &FieldCtx, magic: &MagicAttr) -> TokenStream {
    let (ty, start, end, endian) = (f.field.ty, &f.start, &f.end, &f.endian);
    match magic {
        MagicAttr::Bytes(lit) => {
            let len = lit.value().len();
            quote! {
                // A byte array whose length is a constant expression: checked here.
                const _: () = ::core::assert!(
                    #end - #start == #len,
                    "the magic's length differs from the field's"
                );
                if bytes[#start..#end] != #lit[..] {
                    return ::core::result::Result::Err(
                        #krate::Error::__bad_magic_bytes::<Self>(#start, &bytes[#start..#end], #lit),
                    );
                }
            }
        }
        MagicAttr::Integer(value) => {
            let read = raw_call(
                krate,
                ty,
                "__unpack_in",
                quote!(bytes, #start, #end, #endian),
            );
            quote! {
                {
                    let expected: #ty = #value;
                    let found: #ty = #read;
                    if found != expected {
                        return ::core::result::Result::Err(
                            #krate::Error::__bad_magic_integer::<Self>(
                                #start,
                                found as ::core::primitive::i128,
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// The record's assertions, after every field is checked: each reads the record through its
/// view and, when it does not hold, reports the first field it names.
fn assertion_checks(container: &Container, fields: &[FieldCtx]) -> TokenStream {
    let krate = &container.krate;
    let Data::Struct(data) = &container.data else {
        return TokenStream::new();
    };
    if data.asserts.is_empty() {
        return TokenStream::new();
    }
    let recv = |ident: &syn::Ident| quote!(view.#ident());
    let checks = data.asserts.iter().filter_map(|assertion| {
        let anchor = assertion.first.as_ref()?;
        let f = fields.iter().find(|f| f.field.ident == anchor)?;
        let index = assertion.index;
        let cond = cond_code(&assertion.expr, &recv);
        let start = &f.start;
        let shift = match f.field.bit {
            Some(bit) => {
                let shift = bit.shift as u8;
                quote!(::core::option::Option::Some(#shift))
            }
            None => quote!(::core::option::Option::None),
        };
        Some(quote! {
            if !(#cond) {
                return ::core::result::Result::Err(#krate::Error::__assert_failed::<Self>(
                    #start,
                    #shift,
                    <::core::primitive::i128 as ::core::convert::From<_>>::from(view.#anchor()),
                    #index,
                ));
            }
        })
    });
    quote! {
        let view = <Self as #krate::__private::Raw>::__view(bytes, endian);
        #(#checks)*
    }
}
