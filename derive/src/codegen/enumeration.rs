//! Fieldless enums: read as their `repr` integer and validated against the discriminants.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use super::{array_view_items, endian_expr, record_chunk_items, runtime_endian_impl, serialize};
use crate::attr::EndianSpec;
use crate::model::{Container, Enum};

pub fn expand_enum(container: &Container, data: &Enum) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let name = ident.unraw().to_string();
    let repr = &data.repr;
    let variants = &data.variants;
    let record_items = record_chunk_items(krate, &quote!(<#repr as #krate::Overlay>::SIZE));
    // An enum that declares a byte order keeps it; otherwise it reads in its field's.
    let (endian, class) = match data.endian {
        Some(spec) => {
            let e = endian_expr(krate, spec);
            (
                quote!(#e),
                quote!(<#repr as #krate::__private::Raw>::__META.endian_class.resolve(#e)),
            )
        }
        None => (
            quote!(endian),
            quote!(<#repr as #krate::__private::Raw>::__META.endian_class),
        ),
    };
    let array_items = array_view_items(krate);
    let runtime_impl = runtime_endian_impl(krate, ident, data.endian.is_none());
    let default_endian = endian_expr(krate, data.endian.unwrap_or(EndianSpec::Little));
    let variant_names = variants.iter().map(|v| v.unraw().to_string());
    let serialize = serialize::expand_enum(container, data);
    let values = &data.values;
    let open = data.other.is_some();
    // The raw value of each variant, and back. A closed enum casts with `as`; an open one has
    // a variant with a field, so it names each variant's value, and its catch-all holds the rest.
    let (from_raw, to_raw, variant_values, other_name, fallback) = match data.other {
        None => (
            quote! {
                #(
                    if raw == #ident::#variants as #repr {
                        return ::core::option::Option::Some(#ident::#variants);
                    }
                )*
                ::core::option::Option::None
            },
            quote!(match *value { #( #ident::#variants => #ident::#variants as #repr, )* }),
            variants
                .iter()
                .map(|v| quote!(#ident::#v as #repr as i128))
                .collect::<Vec<_>>(),
            TokenStream::new(),
            {
                // A closed enum has a fieldless variant (the model checked).
                let first = variants[0];
                quote!(#ident::#first)
            },
        ),
        Some(other) => {
            let other_name = other.unraw().to_string();
            (
                quote! {
                    #(
                        if raw == #values {
                            return ::core::option::Option::Some(#ident::#variants);
                        }
                    )*
                    ::core::option::Option::Some(#ident::#other(raw))
                },
                quote! {
                    match *value {
                        #( #ident::#variants => #values, )*
                        #ident::#other(raw) => raw,
                    }
                },
                values.iter().map(|v| quote!((#v) as i128)).collect(),
                quote!(.__with_other(#other_name)),
                quote!(#ident::#other(0)),
            )
        }
    };
    let check_bytes = (!open).then(|| {
        quote! {
            fn __check_bytes(
                bytes: &[u8],
                endian: #krate::Endian,
            ) -> ::core::result::Result<(), #krate::Error> {
                let _ = endian;
                if bytes.len() != <Self as #krate::Overlay>::SIZE {
                    return ::core::result::Result::Err(
                        #krate::Error::__wrong_length::<Self>(bytes.len()),
                    );
                }
                let raw = <#repr as #krate::__private::Raw>::__unpack(bytes, #endian);
                match from_raw(raw) {
                    ::core::option::Option::Some(_) => ::core::result::Result::Ok(()),
                    ::core::option::Option::None => {
                        ::core::result::Result::Err(
                            #krate::Error::__invalid_enum::<Self>(raw as i64),
                        )
                    }
                }
            }
        }
    });
    quote! {
        #[allow(non_upper_case_globals)]
        const _: () = {
            #[inline]
            fn from_raw(raw: #repr) -> ::core::option::Option<#ident> {
                #from_raw
            }

            #[inline]
            fn to_raw(value: &#ident) -> #repr {
                #to_raw
            }

            const ENUM_TYPE: #krate::EnumType = #krate::EnumType::__new(
                #name,
                <#repr>::MIN != 0,
                &[#(
                    #krate::EnumVariant::__new(#variant_names, #variant_values)
                ),*],
            ) #other_name;

            const FORMAT: [u8; 2] = match <#repr as #krate::__private::Raw>::__META.format_body {
                ::core::option::Option::Some(body) => [#default_endian.struct_prefix() as u8, body.as_bytes()[0]],
                ::core::option::Option::None => [0, 0],
            };

            #[automatically_derived]
            impl #krate::Overlay for #ident {
                const SIZE: usize = <#repr as #krate::Overlay>::SIZE;
                const FORMAT: ::core::option::Option<&'static str> =
                    #krate::__private::format_str(&FORMAT);
                const FIELDS: &'static [#krate::FieldInfo] = &[];
                type View<'a> = #ident;
                type ViewMut<'a> = #krate::ScalarMut<'a, #ident>;
            }

            #runtime_impl

            #[automatically_derived]
            impl #krate::__private::Raw for #ident {
                const __META: #krate::__private::Meta = #krate::__private::Meta {
                    value: ::core::option::Option::Some(#krate::ValueType::Enum(&ENUM_TYPE)),
                    endian_class: #class,
                    default_endian: #default_endian,
                    format_body: <#repr as #krate::__private::Raw>::__META.format_body,
                    checks_bytes: !#open,
                    ..#krate::__private::Meta::new(#name, #krate::FieldKind::Enum)
                };
                type __View<'a> = #ident;
                type __ViewMut<'a> = #krate::ScalarMut<'a, #ident>;

                #check_bytes

                #record_items

                #[inline(always)]
                fn __view(bytes: &[u8], endian: #krate::Endian) -> Self {
                    <Self as #krate::__private::Raw>::__unpack(bytes, endian)
                }

                #[inline]
                fn __view_mut(bytes: &mut [u8], endian: #krate::Endian) -> #krate::ScalarMut<'_, Self> {
                    #krate::ScalarMut::__new(bytes, endian)
                }

                #[inline(always)]
                fn __unpack(bytes: &[u8], endian: #krate::Endian) -> Self {
                    let _ = endian;
                    match from_raw(<#repr as #krate::__private::Raw>::__unpack(bytes, #endian)) {
                        ::core::option::Option::Some(value) => value,
                        // Unreachable: every view and unpack validated these bytes first.
                        ::core::option::Option::None => #fallback,
                    }
                }

                #[inline(always)]
                fn __pack(&self, bytes: &mut [u8], endian: #krate::Endian) {
                    let _ = endian;
                    let raw: #repr = to_raw(self);
                    <#repr as #krate::__private::Raw>::__pack(&raw, bytes, #endian);
                }

                #array_items
            }

            #[automatically_derived]
            impl #krate::__private::Tag for #ident {
                #[inline(always)]
                fn __tag(self) -> i128 {
                    to_raw(&self) as i128
                }
            }

            #[automatically_derived]
            impl #krate::__private::BitField for #ident {
                const BITS: u32 = <#repr>::BITS;
                const SIGNED: bool = <#repr>::MIN != 0;
                const VALIDATES: bool = !#open;
                const FALLBACK: Self = #fallback;

                #[inline(always)]
                fn from_bits(raw: i128) -> ::core::option::Option<Self> {
                    from_raw(raw as #repr)
                }

                #[inline(always)]
                fn to_bits(self) -> i128 {
                    to_raw(&self) as i128
                }

                fn invalid(raw: i128) -> #krate::Error {
                    #krate::Error::__invalid_enum::<Self>(raw as i64)
                }
            }

            #serialize
        };
    }
}
