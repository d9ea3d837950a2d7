//! A struct's code, put together: the views' definitions, the `Overlay` impl (layout
//! constants and view types), the hidden `Raw` impl (validation, reading and writing),
//! `RuntimeEndian` for a run-time byte order struct, and `to_bytes`. Also what the fixed part of a
//! variable-length record gets (`var` calls it with that part's model).

use proc_macro2::TokenStream;
use quote::quote;

use super::field::field_contexts;
use super::validate::{self, Validation};
use super::{
    array_view_items, default_endian, layout, offset_const, owned, record_chunk_items,
    runtime_endian_impl, serialize, view, view_mut,
};
use crate::model::{Container, Struct};

/// Everything `#[derive(Overlay)]` generates for a struct.
pub fn expand_struct(container: &Container, data: &Struct) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let ident_name = &data.name;
    let view_ident = &data.view;
    let view_mut_ident = &data.view_mut;
    let own_endian = default_endian(krate, data.endian);
    let fields = field_contexts(container, data);
    let runtime = data.is_runtime();
    let view_endian = if runtime {
        quote!(endian,)
    } else {
        TokenStream::new()
    };
    let to_bytes_with = runtime.then(|| quote! {
        /// The record's bytes in byte order `endian`, as an array on the stack.
        #[inline]
        pub fn to_bytes_with(&self, endian: #krate::Endian) -> [u8; <#ident as #krate::Overlay>::SIZE] {
            let mut out = [0u8; <#ident as #krate::Overlay>::SIZE];
            #krate::__private::Raw::__pack(self, &mut out, endian);
            out
        }
    });

    let runtime_impl = runtime_endian_impl(krate, ident, runtime);
    let offsets = layout::offsets(container, &fields);
    let size = offset_const(fields.len());
    let parts = layout::format_parts(container, &fields);
    let infos = layout::field_infos(container, &fields);
    let Validation {
        validates,
        checks,
        checks_needed,
        value_checks,
        width_checks,
    } = validate::expand(container, &fields);
    let array_items = array_view_items(krate);
    let record_items = record_chunk_items(krate, &quote!(#size));
    let definitions = view::definitions(container, data);
    let view_impl = view::expand(container, data, &fields);
    let view_mut_impl = view_mut::expand(container, data, &fields);
    let owned = owned::expand(container, data, &fields);
    let serialize = serialize::expand_struct(container, data, &fields);

    quote! {
        #definitions

        #[allow(non_upper_case_globals, clippy::identity_op)]
        const _: () = {
            #offsets
            #width_checks
            const __OVERLAY_FORMAT_PARTS: &[#krate::__private::FormatPart] = &[#(#parts),*];
            const __OVERLAY_FORMAT_LEN: usize = #krate::__private::format_len(__OVERLAY_FORMAT_PARTS);
            const __OVERLAY_FORMAT: [u8; __OVERLAY_FORMAT_LEN] =
                #krate::__private::format_write::<__OVERLAY_FORMAT_LEN>(__OVERLAY_FORMAT_PARTS, #own_endian);

            #[automatically_derived]
            impl #krate::Overlay for #ident {
                const SIZE: usize = #size;
                const FORMAT: ::core::option::Option<&'static str> =
                    #krate::__private::format_for(
                        __OVERLAY_FORMAT_PARTS,
                        #krate::__private::format_str(&__OVERLAY_FORMAT),
                    );
                const FIELDS: &'static [#krate::FieldInfo] = &[#(#infos),*];
                type View<'a> = #view_ident<'a>;
                type ViewMut<'a> = #view_mut_ident<'a>;
            }

            #runtime_impl

            #[automatically_derived]
            impl #krate::__private::Raw for #ident {
                const __META: #krate::__private::Meta = #krate::__private::Meta {
                    endian_class: #krate::__private::format_class(__OVERLAY_FORMAT_PARTS),
                    format_body: #krate::__private::format_body(
                        #krate::__private::format_str(&__OVERLAY_FORMAT),
                    ),
                    default_endian: #own_endian,
                    runtime_endian: #runtime,
                    checks_bytes: #validates,
                    checks_value: #checks_needed,
                    ..#krate::__private::Meta::new(#ident_name, #krate::FieldKind::Struct)
                };
                type __View<'a> = #view_ident<'a>;
                type __ViewMut<'a> = #view_mut_ident<'a>;

                #[inline]
                fn __check_value(&self) -> ::core::result::Result<(), #krate::Error> {
                    #value_checks
                    ::core::result::Result::Ok(())
                }

                #[inline]
                fn __check_bytes(
                    bytes: &[u8],
                    endian: #krate::Endian,
                ) -> ::core::result::Result<(), #krate::Error> {
                    let _ = endian;
                    let bytes: &[u8; #size] =
                        match <&[u8; #size] as ::core::convert::TryFrom<&[u8]>>::try_from(bytes) {
                            ::core::result::Result::Ok(bytes) => bytes,
                            ::core::result::Result::Err(_) => {
                                return ::core::result::Result::Err(
                                    #krate::Error::__wrong_length::<Self>(bytes.len()),
                                )
                            }
                        };
                    #checks
                    let _ = bytes;
                    ::core::result::Result::Ok(())
                }

                #record_items

                #[inline(always)]
                fn __view(bytes: &[u8], endian: #krate::Endian) -> #view_ident<'_> {
                    let _ = endian;
                    #view_ident {
                        bytes: #krate::__private::array_ref::<{ #size }>(bytes),
                        #view_endian
                    }
                }

                #[inline(always)]
                fn __view_mut(bytes: &mut [u8], endian: #krate::Endian) -> #view_mut_ident<'_> {
                    let _ = endian;
                    #view_mut_ident {
                        bytes: #krate::__private::array_mut::<{ #size }>(bytes),
                        #view_endian
                    }
                }

                #owned

                #array_items
            }

            #view_impl
            #view_mut_impl
            #serialize
            #[automatically_derived]
            impl #ident {
                /// The record's bytes, as an array on the stack (no allocation). Pad fields are
                /// zeros.
                #[inline]
                pub fn to_bytes(&self) -> [u8; <#ident as #krate::Overlay>::SIZE] {
                    let mut out = [0u8; <#ident as #krate::Overlay>::SIZE];
                    #krate::__private::Raw::__pack(self, &mut out, #own_endian);
                    out
                }

                #to_bytes_with
            }
        };
    }
}
