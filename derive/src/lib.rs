//! `#[derive(Overlay)]`: the derive macro of the [`overlay`](https://docs.rs/overlay) crate.
//!
//! The macro is a pipeline: `attr` parses `#[overlay(...)]` attributes, `model` builds the
//! validated layout, `check` applies rules across fields, and `codegen` writes the impls.
//! Every stage reports into one `ctxt::Ctxt` so a user sees all errors at once.
#![forbid(unsafe_code)]

mod attr;
mod check;
mod codegen;
mod ctxt;
#[cfg(test)]
mod expansion;
mod expr;
mod model;

use proc_macro::TokenStream;

/// See the `overlay` crate's documentation of `Overlay`.
#[proc_macro_derive(Overlay, attributes(overlay))]
pub fn derive_overlay(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    codegen::expand(&input).into()
}
