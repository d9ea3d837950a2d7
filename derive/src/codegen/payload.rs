//! Payload enums: an enum of the variants' views and the dispatch from a tag value to the
//! variant that it selects. The record holding a payload field calls the dispatch once, when
//! its own view is made (`var.rs`), and keeps the chosen variant's view.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;

use super::serialize_impl;
use crate::model::{Container, Payload};

pub fn expand(container: &Container, data: &Payload) -> TokenStream {
    let krate = &container.krate;
    let private = quote!(#krate::__private);
    let ident = container.ident;
    let vis = container.vis;
    let name = ident.unraw().to_string();
    let (view, view_mut) = (&data.view, &data.view_mut);
    let tagged: Vec<_> = data.variants.iter().filter(|v| v.other.is_none()).collect();
    let other = data.variants.iter().find(|v| v.other.is_some());
    let names: Vec<_> = tagged.iter().map(|v| v.ident).collect();
    let types: Vec<_> = tagged.iter().map(|v| v.ty).collect();
    let tags: Vec<Vec<&syn::Expr>> = tagged.iter().map(|v| v.tags.iter().collect()).collect();
    let variant_names: Vec<String> = tagged.iter().map(|v| v.ident.unraw().to_string()).collect();
    let type_names: Vec<String> = types.iter().map(|ty| crate::check::type_name(ty)).collect();
    let all_tags: Vec<&syn::Expr> = tags.iter().flatten().copied().collect();
    // `<Ty as Variant>`, spanned at the variant's type: a type that cannot be a variant is
    // reported there.
    let spanned = |item: TokenStream| -> Vec<TokenStream> {
        types
            .iter()
            .map(|ty| {
                let span = syn::spanned::Spanned::span(ty);
                quote_spanned!(span=> <#ty as #private::Variant>::#item)
            })
            .collect()
    };
    let variant_views = spanned(quote!(View<'a>));
    let variant_views_mut = spanned(quote!(ViewMut<'a>));
    let variant_reads = spanned(quote!(__variant(bytes, endian)));
    let variant_reads_mut = spanned(quote!(__variant_mut(bytes, endian)));
    let variant_dumps = spanned(quote!(__dump_inner(view)));

    // The catch-all keeps the bytes; without one an unknown tag is `None`, which the record
    // reports with its field's name.
    let (other_view, other_view_mut, other_read, other_read_mut, other_info) = match other {
        Some(other) => {
            let other_ident = other.ident;
            let other_name = other_ident.unraw().to_string();
            let doc = format!(
                "The payload's bytes, for a tag that no other variant of [`{name}`] names."
            );
            (
                quote!(#[doc = #doc] #other_ident(&'a [u8]),),
                quote!(#[doc = #doc] #other_ident(&'a mut [u8]),),
                quote!(::core::result::Result::Ok(::core::option::Option::Some((
                    #view::#other_ident(bytes),
                    bytes.len(),
                )))),
                quote! {
                    ::core::result::Result::Ok(::core::option::Option::Some((
                        #view_mut::#other_ident(bytes),
                        &mut [][..],
                    )))
                },
                quote!(#krate::TagVariant::__new(#other_name, "VarBytes", &[], true),),
            )
        }
        None => (
            TokenStream::new(),
            TokenStream::new(),
            quote!(::core::result::Result::Ok(::core::option::Option::None)),
            quote!(::core::result::Result::Ok(::core::option::Option::None)),
            TokenStream::new(),
        ),
    };
    let other_serialize = other.map(|o| {
        let other_ident = o.ident;
        let other_name = other_ident.unraw().to_string();
        let index = tagged.len() as u32;
        quote! {
            #view::#other_ident(bytes) => #private::serde::Serializer::serialize_newtype_variant(
                serializer, #name, #index, #other_name, &#private::AsBytes(bytes),
            ),
        }
    });
    // `Debug` of either enum of views: the variant's name and its view (or bytes).
    let debug_impl = |enum_view: &syn::Ident| {
        let other_arm = other.map(|o| {
            let (other_ident, other_name) = (o.ident, o.ident.unraw().to_string());
            quote!(#enum_view::#other_ident(bytes) => f.debug_tuple(#other_name).field(bytes).finish(),)
        });
        quote! {
            #[automatically_derived]
            impl ::core::fmt::Debug for #enum_view<'_> {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match self {
                        #( #enum_view::#names(view) => f.debug_tuple(#variant_names).field(view).finish(), )*
                        #other_arm
                    }
                }
            }
        }
    };
    let (debug_view, debug_view_mut) = (debug_impl(view), debug_impl(view_mut));
    // The tag tests of either dispatch: the first variant whose tags hold the tag is read with
    // `reads` (one call per variant) and wrapped in `enum_view`; the rest falls to `otherwise`.
    let dispatch = |enum_view: &syn::Ident, reads: &[TokenStream], otherwise: &TokenStream| {
        quote! {
            #(
                if #(tag == (#tags) as i128)||* {
                    return match #reads {
                        ::core::result::Result::Ok((view, more)) => ::core::result::Result::Ok(
                            ::core::option::Option::Some((#enum_view::#names(view), more)),
                        ),
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    };
                }
            )*
            let _ = endian;
            #otherwise
        }
    };
    let dispatch_view = dispatch(view, &variant_reads, &other_read);
    let dispatch_view_mut = dispatch(view_mut, &variant_reads_mut, &other_read_mut);
    let indices: Vec<u32> = (0..tagged.len() as u32).collect();
    let other_dump = other.map(|other| {
        let (other_ident, other_name) = (other.ident, other.ident.unraw().to_string());
        quote!(#view::#other_ident(bytes) => (#other_name, #private::Inner::Bytes, bytes.len()),)
    });
    let other_arm = other.map(|other| {
        let other_ident = other.ident;
        quote!(#ident::#other_ident(value) => { let _ = value; })
    });
    let values: Vec<proc_macro2::Ident> = (0..tagged.len())
        .map(|k| quote::format_ident!("value_{}", k))
        .collect();
    let count = data.variants.len();
    let (other_arg, other_value) = match other {
        Some(other) => {
            let (other_ident, ty) = (other.ident, other.ty);
            (quote!(other: #ty), quote!(#ident::#other_ident(other)))
        }
        None => (TokenStream::new(), TokenStream::new()),
    };
    let view_doc =
        format!("The chosen variant of a [`{name}`] payload, as the read-only view of its record.");
    let view_mut_doc =
        format!("The chosen variant of a [`{name}`] payload, as the writable view of its record.");
    let variant_docs: Vec<String> = tagged
        .iter()
        .map(|v| {
            let tags: Vec<String> = v
                .tags
                .iter()
                .map(|t| quote!(#t).to_string().replace(' ', ""))
                .collect();
            format!("Selected by tag {}.", tags.join(", "))
        })
        .collect();
    let view_serialize = serialize_impl(
        &private,
        quote!(#view<'_>),
        quote! {
            match self {
                #(
                    #view::#names(view) => #private::serde::Serializer::serialize_newtype_variant(
                        serializer, #name, #indices, #variant_names, view,
                    ),
                )*
                #other_serialize
            }
        },
    );
    quote! {
        #[doc = #view_doc]
        #vis enum #view<'a> {
            #(
                #[doc = #variant_docs]
                #names(#variant_views),
            )*
            #other_view
        }

        #[doc = #view_mut_doc]
        #vis enum #view_mut<'a> {
            #(
                #[doc = #variant_docs]
                #names(#variant_views_mut),
            )*
            #other_view_mut
        }

        #[allow(non_upper_case_globals)]
        const _: () = {
            // The enum describes the dispatch and is never built; building each variant here
            // keeps the compiler from calling them unused.
            #[allow(dead_code, clippy::too_many_arguments)]
            fn variants_describe_the_payload(#(#values: #types,)* #other_arg) -> [#ident; #count] {
                [#(#ident::#names(#values),)* #other_value]
            }

            #[allow(dead_code)]
            fn variants_hold_their_records(payload: &#ident) {
                match payload {
                    #( #ident::#names(value) => { let _ = value; } )*
                    #other_arm
                }
            }

            // Two variants with the same tag would make one of them unreachable.
            const OVERLAY_PAYLOAD_TAGS: &[i128] = &[#((#all_tags) as i128),*];
            const _: () = {
                let mut i = 0;
                while i < OVERLAY_PAYLOAD_TAGS.len() {
                    let mut j = i + 1;
                    while j < OVERLAY_PAYLOAD_TAGS.len() {
                        if OVERLAY_PAYLOAD_TAGS[i] == OVERLAY_PAYLOAD_TAGS[j] {
                            ::core::panic!(::core::concat!(
                                "two variants of ", #name, " have the same tag: give each tag to one variant"
                            ));
                        }
                        j += 1;
                    }
                    i += 1;
                }
            };

            #[automatically_derived]
            impl ::core::clone::Clone for #view<'_> {
                #[inline]
                fn clone(&self) -> Self {
                    *self
                }
            }

            #[automatically_derived]
            impl ::core::marker::Copy for #view<'_> {}

            #debug_view

            #debug_view_mut

            #private::if_serde! {
                #view_serialize
            }

            #[automatically_derived]
            impl #krate::Tagged for #ident {
                type View<'a> = #view<'a>;
                type ViewMut<'a> = #view_mut<'a>;
                const VARIANTS: &'static [#krate::TagVariant] = &[
                    #( #krate::TagVariant::__new(#variant_names, #type_names, &[#((#tags) as i128),*], false), )*
                    #other_info
                ];
            }

            #[automatically_derived]
            impl #private::TaggedRaw for #ident {
                fn __dump<'v>(view: &'v #view<'_>) -> (&'static str, #private::Inner<'v>, usize) {
                    match view {
                        #(
                            #view::#names(view) => {
                                let (inner, used) = #variant_dumps;
                                (#variant_names, inner, used)
                            }
                        )*
                        #other_dump
                    }
                }

                #[inline]
                fn __view_tagged(
                    tag: i128,
                    bytes: &[u8],
                    endian: #krate::Endian,
                ) -> ::core::result::Result<::core::option::Option<(#view<'_>, usize)>, #krate::Error> {
                    #dispatch_view
                }

                #[inline]
                fn __view_tagged_mut(
                    tag: i128,
                    bytes: &mut [u8],
                    endian: #krate::Endian,
                ) -> ::core::result::Result<::core::option::Option<(#view_mut<'_>, &mut [u8])>, #krate::Error> {
                    #dispatch_view_mut
                }
            }
        };
    }
}
