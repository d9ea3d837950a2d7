//! Code generation from the validated model. One file per generated thing.

mod enumeration;
mod layout;
mod owned;
mod view;
mod view_mut;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{DeriveInput, Ident, Path};

use crate::attr::EndianSpec;
use crate::check;
use crate::ctxt::Ctxt;
use crate::model::{Container, Data};

/// Runs the whole pipeline: model, checks, then code (or errors plus a minimal fallback impl).
pub fn expand(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let container = Container::from_ast(&cx, input);
    if let Some(container) = &container {
        check::check(&cx, container);
    }
    match container {
        Some(container) if !cx.has_errors() => match &container.data {
            Data::Struct(data) => layout::expand_struct(&container, data),
            Data::Enum(data) => enumeration::expand_enum(&container, data),
        },
        _ => {
            let mut out = cx.into_compile_errors();
            out.extend(fallback(input));
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
    }
}

/// The constant holding the offset of field `index` (and the end of field `index - 1`).
pub fn offset_const(index: usize) -> Ident {
    format_ident!("__OVERLAY_OFFSET_{}", index)
}

/// The `Overlay` items that make arrays of a derived type read as `ArrayView`s; the same for
/// structs and enums.
pub fn array_view_items(krate: &Path) -> TokenStream {
    quote! {
        type __ArrayView<'a, const N: usize> = #krate::ArrayView<'a, Self, N>;
        type __ArrayViewMut<'a, const N: usize> = #krate::ArrayViewMut<'a, Self, N>;

        #[inline]
        fn __read_array<const N: usize>(
            bytes: &[u8],
            endian: #krate::Endian,
        ) -> #krate::ArrayView<'_, Self, N> {
            #krate::ArrayView::__new(bytes, endian)
        }

        #[inline]
        fn __read_array_mut<const N: usize>(
            bytes: &mut [u8],
            endian: #krate::Endian,
        ) -> #krate::ArrayViewMut<'_, Self, N> {
            #krate::ArrayViewMut::__new(bytes, endian)
        }
    }
}

/// After a derive error, a stand-in impl so that uses of the type elsewhere do not add a
/// cascade of "Overlay is not implemented" errors to the real one (as thiserror does).
fn fallback(input: &DeriveInput) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let krate: Path = syn::parse_quote!(::overlay);
    let ident = &input.ident;
    quote! {
        #[automatically_derived]
        impl #krate::Overlay for #ident {
            const SIZE: usize = 0;
            const FORMAT: ::core::option::Option<&'static str> = ::core::option::Option::None;
            const FIELDS: &'static [#krate::FieldInfo] = &[];
            type View<'a> = ();
            type ViewMut<'a> = ();
            const __VALIDATES: bool = false;
            const __ENDIAN_CLASS: #krate::__private::EndianClass = #krate::__private::EndianClass::Any;
            const __FORMAT_BODY: ::core::option::Option<&'static str> = ::core::option::Option::None;
            const __DEFAULT_ENDIAN: #krate::Endian = #krate::Endian::Little;
            const __KIND: #krate::FieldKind = #krate::FieldKind::Struct;
            const __TYPE_NAME: &'static str = "";
            type __ArrayView<'a, const N: usize> = ();
            type __ArrayViewMut<'a, const N: usize> = ();
            fn __validate(_: &[u8], _: #krate::Endian) -> ::core::result::Result<(), #krate::Error> {
                ::core::result::Result::Ok(())
            }
            fn __read(_: &[u8], _: #krate::Endian) {}
            fn __read_mut(_: &mut [u8], _: #krate::Endian) {}
            fn __unpack(_: &[u8], _: #krate::Endian) -> Self {
                ::core::unimplemented!()
            }
            fn __write(&self, _: &mut [u8], _: #krate::Endian) {}
            fn __read_array<const N: usize>(_: &[u8], _: #krate::Endian) {}
            fn __read_array_mut<const N: usize>(_: &mut [u8], _: #krate::Endian) {}
        }
    }
}
