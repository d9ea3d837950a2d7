//! Code generation from the validated model. One file per generated thing.

mod enumeration;
mod expr;
mod field;
mod layout;
mod owned;
mod payload;
mod record;
mod serialize;
mod validate;
mod var;
mod view;
mod view_mut;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::{DeriveInput, Ident, Path};

use crate::attr::EndianSpec;
use crate::attr::Target;
use crate::check;
use crate::ctxt::Ctxt;
use crate::model::{Container, Data, Stub};

/// Runs the whole pipeline: model, checks, then code (or errors plus a minimal fallback impl).
pub fn expand(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let container = Container::from_ast(&cx, input);
    if let Ok(container) = &container {
        check::check(&cx, container);
    }
    match container {
        Ok(container) if !cx.has_errors() => match &container.data {
            Data::Struct(data) => match data.first_var() {
                Some(first_var) => var::expand(&container, data, first_var),
                None => record::expand_struct(&container, data),
            },
            Data::Enum(data) => enumeration::expand_enum(&container, data),
            Data::Payload(data) => payload::expand(&container, data),
        },
        failed => {
            let (krate, payload) = match failed {
                Ok(container) => (container.krate, matches!(container.data, Data::Payload(_))),
                Err(Stub { krate, target }) => (krate, target == Target::Payload),
            };
            let mut out = cx.into_compile_errors();
            out.extend(fallback(input, &krate, payload));
            out
        }
    }
}

/// The byte order as an expression of type `overlay::Endian`.
pub fn endian_expr(krate: &Path, spec: EndianSpec) -> TokenStream {
    match spec {
        EndianSpec::Little => quote!(#krate::Endian::Little),
        EndianSpec::Big => quote!(#krate::Endian::Big),
        EndianSpec::Native => quote!(#krate::Endian::NATIVE),
        // Generated functions of run-time structs bind `endian` first (`bind_endian`).
        EndianSpec::Runtime => quote!(endian),
    }
}

/// For a run-time byte order struct, `let endian = #source;` so that `endian_expr` has a value
/// to name; nothing otherwise.
pub fn bind_endian(krate: &Path, runtime: bool, source: TokenStream) -> TokenStream {
    if runtime {
        quote!(let endian: #krate::Endian = #source;)
    } else {
        TokenStream::new()
    }
}

/// The byte order a struct's own reads and writes start from: its own, or (run-time structs)
/// the default for calls that do not name one.
pub fn default_endian(krate: &Path, spec: EndianSpec) -> TokenStream {
    match spec {
        EndianSpec::Runtime => quote!(#krate::Endian::Little),
        other => endian_expr(krate, other),
    }
}

/// `<ty as Overlay>::item`, spanned so that the path covers exactly `ty`. A field type without
/// `Overlay` then gets one error at the field's type, however many items the generated code
/// uses (rustc drops repeats of an identical error), instead of more at `#[derive(Overlay)]`.
pub fn overlay_item(krate: &Path, ty: &dyn ToTokens, item: &str) -> TokenStream {
    let (first, last) = outer_spans(ty);
    let item = Ident::new(item, last);
    quote_spanned!(first=> <#ty as #krate::Overlay>::#item)
}

/// `<ty as Raw>::__META.item`: one of `ty`'s hidden constants, spanned like [`overlay_item`].
/// A field type without `Overlay` gets one error for all of them, worded by `Raw`'s
/// `on_unimplemented`, beside the one for its `Overlay` items.
pub fn meta_item(krate: &Path, ty: &dyn ToTokens, item: &str) -> TokenStream {
    let (first, last) = outer_spans(ty);
    let item = Ident::new(item, last);
    quote_spanned!(first=> <#ty as #krate::__private::Raw>::__META.#item)
}

/// The call `<ty as Raw>::function(args)` (reading, writing or checking a field of type `ty`),
/// spanned like [`overlay_item`]; its parentheses carry the span of the end of `ty`, because
/// rustc reports some errors at the whole call.
pub fn raw_call(krate: &Path, ty: &dyn ToTokens, function: &str, args: TokenStream) -> TokenStream {
    let (first, last) = outer_spans(ty);
    let function = Ident::new(function, last);
    let path = quote_spanned!(first=> <#ty as #krate::__private::Raw>::#function);
    quote_spanned!(last=> #path(#args))
}

/// The type `<ty as Overlay>::item<'lifetime>` (a view type), spanned like [`overlay_item`].
pub fn overlay_type(
    krate: &Path,
    ty: &dyn ToTokens,
    item: &str,
    lifetime: &TokenStream,
) -> TokenStream {
    let path = overlay_item(krate, ty, item);
    let (_, last) = outer_spans(ty);
    quote_spanned!(last=> #path<#lifetime>)
}

/// The spans of the first and last tokens of `tokens` (of the delimiters, for a group).
fn outer_spans(tokens: &dyn ToTokens) -> (Span, Span) {
    let mut trees = tokens.to_token_stream().into_iter();
    let first = trees.next();
    let last = trees.last().or_else(|| first.clone());
    let first = match first {
        Some(TokenTree::Group(group)) => group.span_open(),
        Some(tree) => tree.span(),
        None => Span::call_site(),
    };
    let last = match last {
        Some(TokenTree::Group(group)) => group.span_close(),
        Some(tree) => tree.span(),
        None => Span::call_site(),
    };
    (first, last)
}

/// `Clone` and `Copy` for a read-only view type, which holds shared borrows only.
pub fn copy_impls(view: &Ident) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl ::core::clone::Clone for #view<'_> {
            #[inline]
            fn clone(&self) -> Self {
                *self
            }
        }

        #[automatically_derived]
        impl ::core::marker::Copy for #view<'_> {}
    }
}

/// `serde::Serialize` for `ty` (a view type, with its lifetime), whose `serialize` runs
/// `body` with `self` and `serializer` in scope.
pub fn serialize_impl(private: &TokenStream, ty: TokenStream, body: TokenStream) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl #private::serde::Serialize for #ty {
            fn serialize<S: #private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                #body
            }
        }
    }
}

/// `Deref` (and, if `mutable`, `DerefMut`) from `view` to its field `fixed` of type `target`.
pub fn deref_impls(view: &Ident, target: &TokenStream, mutable: bool) -> TokenStream {
    let deref_mut = mutable.then(|| {
        quote! {
            #[automatically_derived]
            impl<'a> ::core::ops::DerefMut for #view<'a> {
                #[inline]
                fn deref_mut(&mut self) -> &mut Self::Target {
                    &mut self.fixed
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl<'a> ::core::ops::Deref for #view<'a> {
            type Target = #target;
            #[inline]
            fn deref(&self) -> &Self::Target {
                &self.fixed
            }
        }

        #deref_mut
    }
}

/// `RuntimeEndian` for a type whose byte order is chosen when it is viewed, so that it gets
/// the `_with` methods; nothing for a type with a byte order of its own.
pub fn runtime_endian_impl(krate: &Path, ident: &Ident, runtime: bool) -> TokenStream {
    if runtime {
        quote! {
            #[automatically_derived]
            impl #krate::RuntimeEndian for #ident {}
        }
    } else {
        TokenStream::new()
    }
}

/// The constant holding the offset of field `index` (and the end of field `index - 1`).
pub fn offset_const(index: usize) -> Ident {
    format_ident!("__OVERLAY_OFFSET_{}", index)
}

/// The `Raw` items that make arrays of a derived type read as `ArrayView`s; the same for
/// structs and enums.
pub fn array_view_items(krate: &Path) -> TokenStream {
    quote! {
        type __ArrayView<'a, const N: usize> = #krate::ArrayView<'a, Self, N>;
        type __ArrayViewMut<'a, const N: usize> = #krate::ArrayViewMut<'a, Self, N>;

        #[inline]
        fn __view_array<const N: usize>(
            bytes: &[u8],
            endian: #krate::Endian,
        ) -> #krate::ArrayView<'_, Self, N> {
            #krate::ArrayView::__new(bytes, endian)
        }

        #[inline]
        fn __view_array_mut<const N: usize>(
            bytes: &mut [u8],
            endian: #krate::Endian,
        ) -> #krate::ArrayViewMut<'_, Self, N> {
            #krate::ArrayViewMut::__new(bytes, endian)
        }
    }
}

/// After a derive error, a stand-in impl so that uses of the type elsewhere do not add a
/// cascade of "Overlay is not implemented" errors to the real one (as thiserror does).
fn fallback(input: &DeriveInput, krate: &Path, payload: bool) -> TokenStream {
    if !input.generics.params.is_empty() || has_unsized_tail(input) {
        return TokenStream::new();
    }
    let ident = &input.ident;
    if payload {
        return quote! {
            #[automatically_derived]
            impl #krate::Tagged for #ident {
                type View<'a> = ();
                type ViewMut<'a> = ();
                const VARIANTS: &'static [#krate::TagVariant] = &[];
            }

            #[automatically_derived]
            impl #krate::__private::TaggedRaw for #ident {
                fn __dump<'v>(_: &'v ()) -> (&'static str, #krate::__private::Inner<'v>, usize) {
                    ("", #krate::__private::Inner::Bytes, 0)
                }

                fn __view_tagged(
                    _: i128,
                    _: &[u8],
                    _: #krate::Endian,
                ) -> ::core::result::Result<::core::option::Option<((), usize)>, #krate::Error> {
                    ::core::result::Result::Ok(::core::option::Option::None)
                }

                fn __view_tagged_mut(
                    _: i128,
                    _: &mut [u8],
                    _: #krate::Endian,
                ) -> ::core::result::Result<::core::option::Option<((), &mut [u8])>, #krate::Error> {
                    ::core::result::Result::Ok(::core::option::Option::None)
                }
            }
        };
    }
    let array_view_items = array_view_items(krate);
    quote! {
        #[automatically_derived]
        impl #krate::Overlay for #ident {
            const SIZE: usize = 0;
            const FORMAT: ::core::option::Option<&'static str> = ::core::option::Option::None;
            const FIELDS: &'static [#krate::FieldInfo] = &[];
            type View<'a> = ();
            type ViewMut<'a> = ();
        }

        #[automatically_derived]
        impl #krate::__private::Raw for #ident {
            const __META: #krate::__private::Meta =
                #krate::__private::Meta::new("", #krate::FieldKind::Struct);
            type __View<'a> = ();
            type __ViewMut<'a> = ();
            #array_view_items
            fn __view(_: &[u8], _: #krate::Endian) {}
            fn __view_mut(_: &mut [u8], _: #krate::Endian) {}
            fn __unpack(_: &[u8], _: #krate::Endian) -> Self {
                ::core::unimplemented!()
            }
            fn __pack(&self, _: &mut [u8], _: #krate::Endian) {}
        }

        #krate::__private::if_serde! {
            impl #krate::__private::SerializeView for #ident {
                fn serialize_view<S: #krate::__private::serde::Serializer>(
                    _: &(),
                    _: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    ::core::unimplemented!()
                }

                fn serialize_array<S: #krate::__private::serde::Serializer, const N: usize>(
                    _: &Self::__ArrayView<'_, N>,
                    _: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    ::core::unimplemented!()
                }
            }
        }
    }
}

/// Whether the struct ends in a field that is plainly unsized (`[T]`, `str`, `dyn Trait`): the
/// trait needs `Sized`, so a stand-in impl would only add errors.
fn has_unsized_tail(input: &DeriveInput) -> bool {
    let syn::Data::Struct(data) = &input.data else {
        return false;
    };
    match data.fields.iter().last().map(|field| &field.ty) {
        Some(syn::Type::Slice(_) | syn::Type::TraitObject(_)) => true,
        Some(syn::Type::Path(path)) => path.path.is_ident("str"),
        _ => false,
    }
}

/// `Raw::__record` and `__record_mut` for a type of constant size `size`: typed chunks, so that
/// a table lookup needs one bounds check.
pub fn record_chunk_items(krate: &Path, size: &TokenStream) -> TokenStream {
    quote! {
        #[inline(always)]
        fn __record(bytes: &[u8], index: usize, _: usize) -> ::core::option::Option<&[u8]> {
            #krate::__private::record_chunk::<{ #size }>(bytes, index)
        }

        #[inline(always)]
        fn __record_mut(
            bytes: &mut [u8],
            index: usize,
            _: usize,
        ) -> ::core::option::Option<&mut [u8]> {
            #krate::__private::record_chunk_mut::<{ #size }>(bytes, index)
        }
    }
}
