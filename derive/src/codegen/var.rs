//! Records with a variable-length tail. The fixed fields become a generated struct
//! `<Name>Fixed`, whose code is generated from the record's checked model exactly as a struct's
//! is (`record::expand_struct`: bit fields, byte orders and validation unchanged); the record's
//! view holds that struct's view, reaches its getters through `Deref`, and adds one getter per
//! variable-length field.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;

use super::expr::int_code;
use crate::attr::{EndianSpec, LengthAttr};
use crate::model::{Container, Data, Field, Role, Shape, Struct};

pub fn expand(container: &Container, data: &Struct, first_var: usize) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let vis = container.vis;
    let name = ident.unraw().to_string();
    let fixed_ident = format_ident!("{}Fixed", ident);
    let view = &data.view;
    let (fixed_fields, var_fields) = data.fields.split_at(first_var);

    // The fixed part: a struct of the fixed fields, generated from the checked model as any
    // struct is (its bit groups are already laid out), under the record's name.
    let krate_text = quote!(#krate).to_string().replace(' ', "");
    let fields = fixed_fields.iter().map(|f| {
        let (docs, vis, field, ty) = (&f.docs, f.vis, f.ident, f.ty);
        quote!(#(#docs)* #vis #field: #ty)
    });
    let fixed_doc = format!(
        "The fixed fields of [`{name}`], before its variable-length ones: what a [`{view}`] reads \
         through `Deref`."
    );
    let fixed_model = Struct {
        view: format_ident!("{}FixedView", ident),
        view_mut: format_ident!("{}FixedViewMut", ident),
        fields: fixed_fields.to_vec(),
        serialize_owned: false,
        ..data.clone()
    };
    let fixed_container = Container {
        ident: &fixed_ident,
        vis,
        krate: krate.clone(),
        data: Data::Struct(fixed_model.clone()),
    };
    let fixed_code = super::record::expand_struct(&fixed_container, &fixed_model);
    let fixed_struct = quote! {
        #[doc = #fixed_doc]
        #vis struct #fixed_ident {
            #(#fields,)*
        }

        #fixed_code
    };

    let all_fields = data.fields.iter().map(|f| f.ident);
    let count = var_fields.len();
    let runtime_impl = super::runtime_endian_impl(krate, ident, data.is_runtime());
    let tail_endian = match data.endian {
        EndianSpec::Runtime => quote!(endian),
        other => super::endian_expr(krate, other),
    };
    // Named directly (not as `<NameFixed as Overlay>::View<'a>`) so that rustdoc lists the
    // fixed fields' getters under "Methods from Deref" on the variable-length view's page.
    let fixed_view_ident = format_ident!("{}FixedView", ident);
    let fixed_view_mut_ident = format_ident!("{}FixedViewMut", ident);
    let fixed_view = quote!(#fixed_view_ident<'a>);
    let steps = var_fields
        .iter()
        .enumerate()
        .map(|(k, f)| var_step(container, data, f, k));
    // A payload field keeps its chosen variant's view (found once, when the view is made).
    let tagged: Vec<(usize, &syn::Type, proc_macro2::Ident)> = var_fields
        .iter()
        .enumerate()
        .filter_map(|(k, f)| match f.shape {
            Shape::Tagged(ty) => Some((k, ty, tagged_name(k))),
            _ => None,
        })
        .collect();
    let tagged_names: Vec<&proc_macro2::Ident> = tagged.iter().map(|(_, _, name)| name).collect();
    // A self-delimiting integer's value, decoded once, is kept in the read-only view.
    let varints: Vec<(proc_macro2::Ident, &syn::Type)> = var_fields
        .iter()
        .enumerate()
        .filter_map(|(k, f)| match f.shape {
            Shape::Varint(ty) => Some((varint_name(k), ty)),
            _ => None,
        })
        .collect();
    let varint_names: Vec<&proc_macro2::Ident> = varints.iter().map(|(name, _)| name).collect();
    let varint_types: Vec<&syn::Type> = varints.iter().map(|(_, ty)| *ty).collect();
    let tagged_types: Vec<&syn::Type> = tagged.iter().map(|(_, ty, _)| *ty).collect();
    let tagged_indices: Vec<usize> = tagged.iter().map(|(k, _, _)| *k).collect();
    let tagged_tags: Vec<TokenStream> = var_fields
        .iter()
        .filter(|f| matches!(f.shape, Shape::Tagged(_)))
        .map(|f| tag_value(container, data, f, quote!(view.fixed)))
        .collect();
    let getters = var_fields
        .iter()
        .enumerate()
        .map(|(k, f)| var_getter(container, f, k, quote!('a), quote!(self.vars[#k])));
    let mut_getters = var_fields
        .iter()
        .enumerate()
        .map(|(k, f)| var_getter_mut(container, f, k));
    let view_mut = &data.view_mut;
    let serialize = serialize_var(container, data, first_var);
    let fixed_view_mut = quote!(#fixed_view_mut_ident<'a>);
    let tagged_count = tagged.len();
    let hexdump_doc = format!(
        "A hex dump of the record: a row per fixed field as [`hexdump`]({krate_text}::hexdump) \
         shows them, then each variable-length field, with the chosen variant of a payload and \
         its fields under it. Prints with `Display`; allocates nothing."
    );
    let part_kinds: Vec<TokenStream> = var_fields
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let private = quote!(#krate::__private);
            match f.shape {
                Shape::VarRecords(item) => {
                    quote!(#private::PartKind::Records(const { &#krate::TypeInfo::of::<#item>() }))
                }
                Shape::Varint(ty) => {
                    let name = varint_name(k);
                    let ty_name = crate::check::type_name(ty);
                    let ty_name = ty_name.rsplit("::").next().unwrap_or_default();
                    quote!(#private::PartKind::Varint(#ty_name, ::core::convert::Into::into(self.#name)))
                }
                Shape::Tagged(ty) => {
                    let name = tagged_name(k);
                    let payload = crate::check::type_name(ty);
                    quote! {{
                        let (variant, inner, used) =
                            <#ty as #private::TaggedRaw>::__dump(&self.#name);
                        #private::PartKind::Payload { payload: #payload, variant, inner, used }
                    }}
                }
                _ => quote!(#private::PartKind::Bytes),
            }
        })
        .collect();
    let tagged_parts: Vec<proc_macro2::Ident> = tagged_indices
        .iter()
        .map(|k| format_ident!("part{}", k))
        .collect();
    let tagged_positions: Vec<usize> = (0..tagged.len()).collect();
    // A payload field's bytes after its variant stay in `vars`; its whole extent is its count.
    let var_sizes: Vec<TokenStream> = var_fields
        .iter()
        .enumerate()
        .map(|(k, f)| match f.shape {
            Shape::Tagged(_) => quote!(self.counts[#k]),
            _ => quote!(self.vars[#k].len()),
        })
        .collect();
    let var_debug_mut: Vec<TokenStream> = var_fields
        .iter()
        .enumerate()
        .map(|(k, f)| match f.shape {
            Shape::Tagged(_) => {
                let name = tagged_name(k);
                quote!(&self.#name)
            }
            Shape::Varint(_) => {
                let getter = f.ident;
                quote!(&self.#getter())
            }
            _ => quote!(&self.vars[#k]),
        })
        .collect();
    let indices: Vec<usize> = (0..var_fields.len()).collect();
    let parts: Vec<proc_macro2::Ident> =
        indices.iter().map(|k| format_ident!("part{}", k)).collect();
    let view_mut_doc = format!(
        "A writable view of a [`{name}`] record in place: the fixed fields' getters and setters \
         through `Deref`/`DerefMut`, and `_mut` accessors for the variable-length fields. Their \
         lengths are fixed when the view is made: setting a length field does not move them."
    );
    let var_names: Vec<String> = var_fields
        .iter()
        .map(|f| f.ident.unraw().to_string())
        .collect();
    let debug_fields = var_fields.iter().map(|f| {
        let (field, field_name) = (f.ident, f.ident.unraw().to_string());
        quote!(.field(#field_name, &self.#field()))
    });
    let fixed_getters: Vec<String> = fixed_fields
        .iter()
        .filter(|f| matches!(f.role, Role::Value))
        .map(|f| format!("`{}()`", f.ident.unraw()))
        .collect();
    let made_by = if data.params.is_empty() {
        format!(
            "[`VarOverlay::view_prefix`]({krate_text}::VarOverlay::view_prefix), \
             [`VarOverlay::stream`]({krate_text}::VarOverlay::stream) and friends"
        )
    } else {
        format!("[`{name}::view_in`] and friends, given the record's parameters")
    };
    let view_doc = format!(
        "A read-only view of a [`{name}`] record in place: the fixed fields through `Deref` to \
         [`{fixed_view_ident}`] ({}), and one getter per variable-length field ({}). Made by \
         {made_by}, which check every declared length once.",
        fixed_getters.join(", "),
        var_fields
            .iter()
            .map(|f| format!("`{}()`", f.ident.unraw()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let copy = super::copy_impls(view);
    let deref = super::deref_impls(view, &fixed_view, false);
    let deref_mut = super::deref_impls(view_mut, &fixed_view_mut, true);
    // The two readers every entry point goes through: the record at the start of `bytes`
    // (read-only: every length checked), and its writable twin, which runs `read_only` first.
    let prefix_body = quote! {
                    let (fixed, _) =
                        #krate::__private::view_prefix::<#fixed_ident>(bytes, endian)?;
                    // Tails read in the record's own byte order unless it takes one at run time.
                    let endian: #krate::Endian = #tail_endian;
                    let mut at: usize = <#fixed_ident as #krate::Overlay>::SIZE;
                    // The bytes not yet taken by a field.
                    let mut remaining: &[u8] = bytes.get(at..).unwrap_or(&[]);
                    let mut vars: [&[u8]; #count] = [&[]; #count];
                    let mut counts = [0usize; #count];
                    #( let #tagged_names; )*
                    #( let #varint_names; )*
                    #(#steps)*
                    let bytes = match bytes.get(..at) {
                        ::core::option::Option::Some(bytes) => bytes,
                        ::core::option::Option::None => bytes,
                    };
                    ::core::result::Result::Ok((
                        #view {
                            fixed, bytes, vars, counts, endian, #(#tagged_names,)* #(#varint_names,)*
                        },
                        remaining,
                    ))

    };
    let prefix_mut_body = |read_only: TokenStream| {
        quote! {
                    // Check every length once, read-only, then split the buffer the same way.
                    let (lens, counts, tail_endian, tags) = {
                        let (view, _) = #read_only?;
                        let tags: [i128; #tagged_count] = [#(#tagged_tags),*];
                        ([#(view.vars[#indices].len()),*], view.counts, view.endian, tags)
                    };
                    let short = || #krate::Error::__too_short::<#fixed_ident>(0, 0);
                    let (fixed_bytes, rest) = bytes
                        .split_at_mut_checked(<#fixed_ident as #krate::Overlay>::SIZE)
                        .ok_or_else(short)?;
                    let fixed = <#fixed_ident as #krate::__private::Raw>::__view_mut(fixed_bytes, endian);
                    #(
                        let (#parts, rest) = rest.split_at_mut_checked(lens[#indices]).ok_or_else(short)?;
                    )*
                    let _ = (&lens, &tags);
                    #(
                        let (#tagged_names, #tagged_parts) = match <#tagged_types as #krate::__private::TaggedRaw>::__view_tagged_mut(
                            tags[#tagged_positions],
                            #tagged_parts,
                            tail_endian,
                        )? {
                            ::core::option::Option::Some(found) => found,
                            // Unreachable: the read-only view above found the variant.
                            ::core::option::Option::None => return ::core::result::Result::Err(short()),
                        };
                    )*
                    ::core::result::Result::Ok((
                        #view_mut { fixed, vars: [#(#parts),*], counts, endian: tail_endian, #(#tagged_names,)* },
                        rest,
                    ))

        }
    };
    let default_endian = quote!(<#fixed_ident as #krate::__private::Raw>::__META.default_endian);
    let params_struct = params_struct(container, data);
    let entry_impls = if data.params.is_empty() {
        let prefix_mut = prefix_mut_body(
            quote!(<Self as #krate::__private::VarRaw>::__view_prefix(bytes, endian)),
        );
        quote! {
            #[automatically_derived]
            impl #krate::VarOverlay for #ident {
                const FIXED_SIZE: usize = <#fixed_ident as #krate::Overlay>::SIZE;
                type View<'a> = #view<'a>;
                type ViewMut<'a> = #view_mut<'a>;
            }

            #runtime_impl

            #[automatically_derived]
            impl #krate::__private::Variant for #ident {
                type View<'a> = #view<'a>;
                type ViewMut<'a> = #view_mut<'a>;

                #[inline]
                fn __variant(
                    bytes: &[u8],
                    endian: #krate::Endian,
                ) -> ::core::result::Result<(#view<'_>, usize), #krate::Error> {
                    match <Self as #krate::__private::VarRaw>::__view_prefix(bytes, endian) {
                        ::core::result::Result::Ok((view, _)) => {
                            ::core::result::Result::Ok((view, view.bytes.len()))
                        }
                        ::core::result::Result::Err(e) => ::core::result::Result::Err(e),
                    }
                }

                #[inline]
                fn __variant_mut(
                    bytes: &mut [u8],
                    endian: #krate::Endian,
                ) -> ::core::result::Result<(#view_mut<'_>, &mut [u8]), #krate::Error> {
                    <Self as #krate::__private::VarRaw>::__view_prefix_mut(bytes, endian)
                }

                fn __dump_inner<'v>(view: &'v #view<'_>) -> (#krate::__private::Inner<'v>, usize) {
                    (#krate::__private::Inner::Var(view), view.bytes.len())
                }
            }

            #[automatically_derived]
            impl #krate::__private::VarRaw for #ident {
                const __DEFAULT_ENDIAN: #krate::Endian = #default_endian;
                const __INFO: #krate::TypeInfo = #krate::TypeInfo::of::<#fixed_ident>();

                #[inline]
                fn __view_prefix_mut(
                    bytes: &mut [u8],
                    endian: #krate::Endian,
                ) -> ::core::result::Result<(#view_mut<'_>, &mut [u8]), #krate::Error> {
                    #prefix_mut
                }

                #[inline]
                fn __view_prefix(
                    bytes: &[u8],
                    endian: #krate::Endian,
                ) -> ::core::result::Result<(#view<'_>, &[u8]), #krate::Error> {
                    #prefix_body
                }
            }
        }
    } else {
        params_impls(container, data, prefix_body, prefix_mut_body)
    };
    quote! {
        #fixed_struct

        #params_struct

        #[doc = #view_doc]
        #vis struct #view<'a> {
            fixed: #fixed_view,
            bytes: &'a [u8],
            vars: [&'a [u8]; #count],
            counts: [usize; #count],
            endian: #krate::Endian,
            #( #tagged_names: <#tagged_types as #krate::Tagged>::View<'a>, )*
            #( #varint_names: <#varint_types as #krate::__private::Varint>::Value, )*
        }

        #[doc = #view_mut_doc]
        #vis struct #view_mut<'a> {
            fixed: #fixed_view_mut,
            vars: [&'a mut [u8]; #count],
            counts: [usize; #count],
            endian: #krate::Endian,
            #( #tagged_names: <#tagged_types as #krate::Tagged>::ViewMut<'a>, )*
        }

        #[allow(non_upper_case_globals)]
        const _: () = {
            #serialize

            // The struct describes a layout and is never built; reading its fields here keeps
            // the compiler from calling them unused.
            #[allow(dead_code)]
            fn fields_describe_the_layout(record: &#ident) {
                let _ = (#(&record.#all_fields,)*);
            }

            #copy
            #deref

            #[automatically_derived]
            #[allow(clippy::len_without_is_empty, clippy::wrong_self_convention)]
            impl<'a> #view<'a> {
                /// The fixed fields, as the fixed part's view.
                #[inline]
                pub fn fixed(&self) -> #fixed_view {
                    self.fixed
                }

                /// The record's size in bytes: the fixed part and every variable-length field.
                #[inline]
                pub fn size(&self) -> usize {
                    self.bytes.len()
                }

                /// The record's bytes.
                #[inline]
                pub fn as_bytes(&self) -> &'a [u8] {
                    self.bytes
                }

                #(#getters)*

                #[doc = #hexdump_doc]
                #[inline]
                pub fn hexdump(&self) -> #krate::VarHexDump<'_> {
                    #krate::VarHexDump::__new(self)
                }
            }

            #[automatically_derived]
            impl #krate::__private::DumpVar for #view<'_> {
                fn __dump_record(&self) -> (&'static #krate::TypeInfo, &[u8], #krate::Endian) {
                    (const { &#krate::TypeInfo::of::<#fixed_ident>() }, self.bytes, self.endian)
                }

                fn __dump_parts(
                    &self,
                    visit: &mut dyn ::core::ops::FnMut(#krate::__private::Part<'_>) -> ::core::fmt::Result,
                ) -> ::core::fmt::Result {
                    #( visit(#krate::__private::Part { name: #var_names, bytes: self.vars[#indices], kind: #part_kinds })?; )*
                    ::core::result::Result::Ok(())
                }
            }

            #deref_mut

            #[automatically_derived]
            #[allow(clippy::len_without_is_empty, clippy::wrong_self_convention)]
            impl<'a> #view_mut<'a> {
                /// The fixed fields, read-only.
                #[inline]
                pub fn fixed(&self) -> <#fixed_ident as #krate::Overlay>::View<'_> {
                    self.fixed.as_view()
                }

                /// The record's size in bytes.
                #[inline]
                pub fn size(&self) -> usize {
                    <#fixed_ident as #krate::Overlay>::SIZE #(+ #var_sizes)*
                }

                #(#mut_getters)*
            }

            #[automatically_derived]
            impl ::core::fmt::Debug for #view_mut<'_> {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.debug_struct(#name)
                        .field("fixed", &self.fixed)
                        #(.field(#var_names, #var_debug_mut))*
                        .finish()
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Debug for #view<'_> {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.debug_struct(#name)
                        .field("fixed", &self.fixed)
                        #(#debug_fields)*
                        .finish()
                }
            }

            #entry_impls
        };
    }
}

/// The value of payload field `field`'s tag, as `i128`, read through `fixed` (a view of the
/// fixed part).
fn tag_value(
    container: &Container,
    data: &Struct,
    field: &Field,
    fixed: TokenStream,
) -> TokenStream {
    let krate = &container.krate;
    let name = field.tag.as_ref().map(|tag| tag.value.unraw());
    // `check` made sure the tag names an earlier fixed field.
    let getter = data
        .fields
        .iter()
        .find(|f| Some(f.ident.unraw()) == name)
        .map_or_else(
            || quote!(tag),
            |f| {
                let ident = f.ident;
                quote!(#ident)
            },
        );
    // Spanned at the tag's name: a field that cannot be a tag is reported there.
    let span = field
        .tag
        .as_ref()
        .map_or_else(proc_macro2::Span::call_site, |tag| tag.span);
    let fixed: TokenStream = fixed
        .into_iter()
        .map(|mut tree| {
            tree.set_span(span);
            tree
        })
        .collect();
    quote_spanned!(span=> #krate::__private::Tag::__tag(#fixed.#getter()))
}

/// The view field (`self.tagged_k`, a local while `__view_prefix` runs) that holds the chosen
/// variant's view of payload field `k`.
fn tagged_name(k: usize) -> proc_macro2::Ident {
    format_ident!("tagged_{}", k)
}

/// The checked length of a variable field: `needed` (an `Option<i64>`) as a `usize` no larger
/// than `available`, else a `VarLength` error at `at` reporting `reported` (`other`, the
/// length, unless a count is reported instead).
fn checked_len(
    krate: &syn::Path,
    sites: &TokenStream,
    needed: TokenStream,
    reported: TokenStream,
) -> TokenStream {
    let keep_other = (reported.to_string() != "other").then(|| quote!(let _ = other;));
    quote! {
        match #needed {
            // A negative `n` is a huge u64, past any slice's length.
            ::core::option::Option::Some(n) if (n as u64) <= available as u64 => n as usize,
            other => {
                #keep_other
                return ::core::result::Result::Err(#krate::Error::__var_length(
                    #sites, at, #reported, available,
                ))
            }
        }
    }
}

/// The local (in `__view_prefix`) or view field (`self.varint_k`) that holds the decoded value
/// of self-delimiting integer field `k`.
fn varint_name(k: usize) -> proc_macro2::Ident {
    format_ident!("varint_{}", k)
}

/// How a length expression of `data` reads a field: a fixed field through the fixed part's
/// view `fixed`, a self-delimiting integer from the local that holds its value.
fn length_field_code<'d>(data: &'d Struct<'d>) -> impl Fn(&syn::Ident) -> TokenStream + 'd {
    let first_var = data.first_var().unwrap_or(data.fields.len());
    move |ident: &syn::Ident| {
        if data.params.iter().any(|p| p.unraw() == ident.unraw()) {
            return quote!(params.#ident);
        }
        let varint = data.fields[first_var..]
            .iter()
            .position(|f| f.ident.unraw() == ident.unraw() && matches!(f.shape, Shape::Varint(_)));
        match varint {
            Some(k) => {
                let name = varint_name(k);
                quote!(#name)
            }
            None => quote!(fixed.#ident()),
        }
    }
}

/// The static data the errors of variable field `field` point at: a `&'static TailSites`.
fn field_sites(container: &Container, field: &Field) -> TokenStream {
    let krate = &container.krate;
    let fixed_ident = format_ident!("{}Fixed", container.ident);
    let field_name = field.ident.unraw().to_string();
    let (expression, is_count) = match field.length.as_ref().map(|l| &l.value) {
        Some(LengthAttr::Bytes(lit)) => (lit.value(), false),
        Some(LengthAttr::Count(lit)) => (lit.value(), true),
        _ => ("rest".to_owned(), false),
    };
    // A self-delimiting integer has no length: its errors name its encoding.
    let expression = match field.shape {
        Shape::Varint(ty) => quote!(<#ty as #krate::__private::Varint>::NAME),
        _ => quote!(#expression),
    };
    let tagging = match (&field.shape, &field.tag) {
        (Shape::Tagged(ty), Some(tag)) => {
            let tag_name = tag.value.unraw().to_string();
            let payload = crate::check::type_name(ty);
            quote!(.__tagged(#tag_name, #payload))
        }
        _ => TokenStream::new(),
    };
    let item = match &field.shape {
        Shape::VarRecords(item) => {
            quote!(::core::option::Option::Some(const { &#krate::TypeInfo::of::<#item>() }))
        }
        _ => quote!(::core::option::Option::None),
    };
    quote! {
        const {
            &#krate::__private::TailSites::__new(const {
                &#krate::__private::VarField::__new(
                    const { &#krate::TypeInfo::of::<#fixed_ident>() },
                    #field_name,
                    #expression,
                    #item,
                    #is_count,
                )
                #tagging
            })
        }
    }
}

/// Computes and checks the length of variable field `k`, advancing `at`.
fn var_step(container: &Container, data: &Struct, field: &Field, k: usize) -> TokenStream {
    let krate = &container.krate;
    let some = quote!(::core::option::Option::Some);
    let field_code = length_field_code(data);
    let written = || {
        field
            .length_expr
            .as_ref()
            .map(|expr| int_code(expr, &field_code))
            .unwrap_or_default()
    };
    let (value, is_count) = match field.length.as_ref().map(|l| &l.value) {
        Some(LengthAttr::Bytes(_)) => (written(), false),
        Some(LengthAttr::Count(_)) => (written(), true),
        _ => (
            quote!(<i64 as ::core::convert::TryFrom<usize>>::try_from(available).ok()),
            false,
        ),
    };
    let tagged = match &field.shape {
        Shape::Tagged(ty) => Some(ty),
        _ => None,
    };
    let sites = field_sites(container, field);
    if let Shape::Varint(ty) = field.shape {
        let name = varint_name(k);
        return quote! {
            {
                let available = remaining.len();
                let (value, field, after) = match <#ty as #krate::__private::Varint>::__read(remaining) {
                    ::core::result::Result::Ok(found) => found,
                    ::core::result::Result::Err(problem) => {
                        return ::core::result::Result::Err(#krate::Error::__bad_varint(
                            #sites, at, problem, available,
                        ))
                    }
                };
                #name = value;
                let len = field.len();
                remaining = after;
                at += len;
                vars[#k] = field;
                counts[#k] = len;
            }
        };
    }
    let rest = matches!(
        field.length.as_ref().map(|l| &l.value),
        Some(LengthAttr::Rest)
    );
    if let Some(ty) = tagged {
        let tag = tag_value(container, data, field, quote!(fixed));
        let view_field = tagged_name(k);
        let extent_check = checked_len(krate, &sites, quote!(needed), quote!(other));
        // Without a length the field is as long as the chosen variant.
        let len = if field.length.is_none() {
            quote!(used)
        } else {
            quote!(extent)
        };
        return quote! {
            {
                let available = remaining.len();
                let needed: ::core::option::Option<i64> = #value;
                let extent = #extent_check;
                let (field, _) = match remaining.split_at_checked(extent) {
                    #some(parts) => parts,
                    ::core::option::Option::None => (remaining, &[][..]),
                };
                let tag: i128 = #tag;
                let len = match <#ty as #krate::__private::TaggedRaw>::__view_tagged(tag, field, endian) {
                    ::core::result::Result::Ok(#some((view, used))) => {
                        #view_field = view;
                        #len
                    }
                    ::core::result::Result::Ok(::core::option::Option::None) => {
                        return ::core::result::Result::Err(
                            #krate::Error::__unknown_tag(#sites, at, tag),
                        )
                    }
                    ::core::result::Result::Err(e) => {
                        return ::core::result::Result::Err(e.__in_payload(at))
                    }
                };
                let (field, after) = match remaining.split_at_checked(len) {
                    #some(parts) => parts,
                    ::core::option::Option::None => (remaining, &[][..]),
                };
                remaining = after;
                at += len;
                vars[#k] = field;
                counts[#k] = len;
            }
        };
    }
    match &field.shape {
        Shape::VarRecords(item) => {
            let item_size = quote!(<#item as #krate::Overlay>::SIZE);
            // `needed` bytes and `count` records, from a count or from a byte length.
            let sizes = if is_count {
                quote! {
                    let needed = match value {
                        // A negative count is refused as such, even of zero-byte records.
                        #some(n) if n < 0 => #some(n),
                        #some(n) => n.checked_mul(#item_size as i64),
                        ::core::option::Option::None => ::core::option::Option::None,
                    };
                }
            } else {
                quote!(let needed = value;)
            };
            let whole = if rest || !is_count {
                quote! {
                    // Zero-byte records: no bytes is no records; some bytes fit none.
                    let whole = if #item_size == 0 { len == 0 } else { len % #item_size == 0 };
                    if !whole {
                        return ::core::result::Result::Err(
                            #krate::Error::__tail_not_multiple(#sites, at, len),
                        );
                    }
                    let count = if #item_size == 0 { 0 } else { len / #item_size };
                }
            } else {
                quote!(let count = match value { #some(n) => n as usize, _ => 0 };)
            };
            // A count is reported as the count (the message gives the bytes too).
            let reported = if is_count {
                quote!(value)
            } else {
                quote!(other)
            };
            let records_check = checked_len(krate, &sites, quote!(needed), reported);
            quote! {
                {
                    let available = remaining.len();
                    let value: ::core::option::Option<i64> = #value;
                    #sizes
                    let len = #records_check;
                    #whole
                    let (field, after) = remaining.split_at(len);
                    remaining = after;
                    if <#item as #krate::__private::Raw>::__META.checks_bytes {
                        #krate::__private::check_records::<#item>(field, count, #item_size, endian)
                            .map_err(|e| e.__in_tail(#sites, at))?;
                    }
                    at += len;
                    vars[#k] = field;
                    counts[#k] = count;
                }
            }
        }
        _ => {
            let bytes_check = checked_len(krate, &sites, quote!(needed), quote!(other));
            quote! {
            {
                let available = remaining.len();
                let needed: ::core::option::Option<i64> = #value;
                let len = #bytes_check;
                let (field, after) = remaining.split_at(len);
                remaining = after;
                at += len;
                vars[#k] = field;
                counts[#k] = len;
            }
            }
        }
    }
}

/// The getter of variable field `k`, on either view: `bytes` is the field's bytes borrowed for
/// `lifetime` (`self.vars[k]` on the read-only view, `&*self.vars[k]` on the writable one).
fn var_getter(
    container: &Container,
    field: &Field,
    k: usize,
    lifetime: TokenStream,
    bytes: TokenStream,
) -> TokenStream {
    let krate = &container.krate;
    let (vis, getter, docs) = (field.vis, field.ident, &field.docs);
    if let Shape::Varint(ty) = field.shape {
        let name = varint_name(k);
        let _ = (lifetime, bytes);
        return quote! {
            #(#docs)*
            #[inline]
            #vis fn #getter(&self) -> <#ty as #krate::__private::Varint>::Value {
                self.#name
            }
        };
    }
    if let Shape::Tagged(ty) = field.shape {
        let view_field = tagged_name(k);
        let bytes_getter = format_ident!("{}_bytes", field.ident.unraw().to_string());
        let bytes_doc = format!(
            "All of `{}`'s bytes: the chosen variant's, then any the field's extent holds after \
             it.",
            field.ident.unraw()
        );
        return quote! {
            #(#docs)*
            #[inline]
            #vis fn #getter(&self) -> <#ty as #krate::Tagged>::View<#lifetime> {
                self.#view_field
            }

            #[doc = #bytes_doc]
            #[inline]
            #vis fn #bytes_getter(&self) -> &#lifetime [u8] {
                #bytes
            }
        };
    }
    let (ret, read) = match &field.shape {
        Shape::VarRecords(item) => (
            quote!(#krate::Records<#lifetime, #item>),
            quote! {
                #krate::Records::__trusted(
                    #bytes,
                    self.counts[#k],
                    <#item as #krate::Overlay>::SIZE,
                    self.endian,
                )
            },
        ),
        _ => (quote!(&#lifetime [u8]), bytes),
    };
    quote! {
        #(#docs)*
        #[inline]
        #vis fn #getter(&self) -> #ret {
            #read
        }
    }
}

/// The read-only and writable accessors of variable field `k` on the writable view.
fn var_getter_mut(container: &Container, field: &Field, k: usize) -> TokenStream {
    let krate = &container.krate;
    let vis = field.vis;
    if let Shape::Varint(ty) = field.shape {
        let (getter, docs) = (field.ident, &field.docs);
        let setter = format_ident!("set_{}", field.ident.unraw().to_string());
        let sites = field_sites(container, field);
        let doc_set = format!(
            "Writes `{}` in place, in the bytes it has now (padded if the value needs fewer): a \
             value that needs more is refused, since writing it would move the fields after it.",
            field.ident.unraw()
        );
        let varint = quote!(<#ty as #krate::__private::Varint>);
        return quote! {
            #(#docs)*
            #[inline]
            #vis fn #getter(&self) -> #varint::Value {
                // The bytes were read when the view was made and only setters write them.
                match #varint::__read(&self.vars[#k]) {
                    ::core::result::Result::Ok((value, _, _)) => value,
                    ::core::result::Result::Err(_) => ::core::default::Default::default(),
                }
            }

            #[doc = #doc_set]
            #[inline]
            #vis fn #setter(&mut self, value: #varint::Value) -> ::core::result::Result<(), #krate::Error> {
                let width = self.vars[#k].len();
                match #varint::__write(value, &mut self.vars[#k]) {
                    ::core::result::Result::Ok(()) => ::core::result::Result::Ok(()),
                    ::core::result::Result::Err(needed) => ::core::result::Result::Err(
                        #krate::Error::__varint_width(#sites, ::core::convert::Into::into(value), needed, width),
                    ),
                }
            }
        };
    }
    if let Shape::Tagged(ty) = field.shape {
        let (getter, docs) = (field.ident, &field.docs);
        let view_field = tagged_name(k);
        let getter_mut = format_ident!("{}_mut", field.ident.unraw().to_string());
        let doc_mut = format!(
            "Writable access to `{}`'s chosen variant in place.",
            field.ident.unraw()
        );
        return quote! {
            #(#docs)*
            #[inline]
            #vis fn #getter(&self) -> &<#ty as #krate::Tagged>::ViewMut<'a> {
                &self.#view_field
            }

            #[doc = #doc_mut]
            #[inline]
            #vis fn #getter_mut(&mut self) -> &mut <#ty as #krate::Tagged>::ViewMut<'a> {
                &mut self.#view_field
            }
        };
    }
    let getter = var_getter(container, field, k, quote!('_), quote!(&*self.vars[#k]));
    let getter_mut = format_ident!("{}_mut", field.ident.unraw().to_string());
    let doc_mut = format!("Writable access to `{}` in place.", field.ident.unraw());
    let (ret, write) = match &field.shape {
        Shape::VarRecords(item) => (
            quote!(#krate::RecordsMut<'_, #item>),
            quote! {
                #krate::RecordsMut::__trusted(
                    &mut *self.vars[#k],
                    self.counts[#k],
                    <#item as #krate::Overlay>::SIZE,
                    self.endian,
                )
            },
        ),
        _ => (quote!(&mut [u8]), quote!(&mut *self.vars[#k])),
    };
    quote! {
        #getter

        #[doc = #doc_mut]
        #[inline]
        #vis fn #getter_mut(&mut self) -> #ret {
            #write
        }
    }
}

/// `Serialize` for the read-only view (feature `serde`): one struct with the fixed fields and
/// the variable ones, tails of bytes as bytes and tails of records as sequences.
fn serialize_var(container: &Container, data: &Struct, first_var: usize) -> TokenStream {
    let krate = &container.krate;
    let private = quote!(#krate::__private);
    let name = container.ident.unraw().to_string();
    let view = &data.view;
    let values: Vec<&Field> = data
        .fields
        .iter()
        .filter(|f| matches!(f.role, crate::model::Role::Value))
        .collect();
    let count = values.len();
    let entries = data.fields.iter().enumerate().filter_map(|(index, f)| {
        if !matches!(f.role, crate::model::Role::Value) {
            return None;
        }
        let (ty, getter) = (f.ty, f.ident);
        let field_name = f.ident.unraw().to_string();
        let value = if index < first_var {
            quote!(&#private::ViewAs::<#ty>(self.fixed.#getter()))
        } else if let Shape::VarRecords(_) | Shape::Tagged(_) | Shape::Varint(_) = f.shape {
            quote!(&self.#getter())
        } else {
            quote!(&#private::AsBytes(self.#getter()))
        };
        Some(quote! {
            #private::serde::ser::SerializeStruct::serialize_field(&mut state, #field_name, #value)?;
        })
    });
    let view_impl = super::serialize_impl(
        &private,
        quote!(#view<'_>),
        quote! {
            let mut state =
                #private::serde::Serializer::serialize_struct(serializer, #name, #count)?;
            #(#entries)*
            #private::serde::ser::SerializeStruct::end(state)
        },
    );
    quote! {
        #private::if_serde! {
            #view_impl
        }
    }
}

/// A record with parameters (`#[overlay(param = "usable")]`): the struct of their values and
/// the entry points that take it. It implements no `VarOverlay`, whose entry points could not
/// be given the values: it is viewed with `view_in` and friends, not streamed or used as a
/// payload variant.
fn params_impls(
    container: &Container,
    data: &Struct,
    prefix_body: TokenStream,
    prefix_mut_body: impl Fn(TokenStream) -> TokenStream,
) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let fixed_ident = format_ident!("{}Fixed", ident);
    let (view, view_mut) = (&data.view, &data.view_mut);
    let params_ident = format_ident!("{}Params", ident);
    let prefix_mut = prefix_mut_body(quote!(Self::__view_prefix_in(bytes, endian, params)));
    let endian = quote!(<#fixed_ident as #krate::__private::Raw>::__META.default_endian);
    let result = quote!(::core::result::Result);
    quote! {
        #[automatically_derived]
        impl #ident {
            #[inline]
            fn __view_prefix_in(
                bytes: &[u8],
                endian: #krate::Endian,
                params: #params_ident,
            ) -> #result<(#view<'_>, &[u8]), #krate::Error> {
                #prefix_body
            }

            #[inline]
            fn __view_prefix_mut_in(
                bytes: &mut [u8],
                endian: #krate::Endian,
                params: #params_ident,
            ) -> #result<(#view_mut<'_>, &mut [u8]), #krate::Error> {
                #prefix_mut
            }

            /// A view of the record that is all of `bytes`, its lengths computed with `params`.
            #[inline]
            pub fn view_in(bytes: &[u8], params: #params_ident) -> #result<#view<'_>, #krate::Error> {
                #krate::__private::view_var::<#fixed_ident, _>(bytes, |bytes| {
                    Self::__view_prefix_in(bytes, #endian, params)
                })
            }

            /// A view of the record at the start of `bytes`, and the bytes after it.
            #[inline]
            pub fn view_prefix_in(
                bytes: &[u8],
                params: #params_ident,
            ) -> #result<(#view<'_>, &[u8]), #krate::Error> {
                #krate::__private::view_var_prefix::<#fixed_ident, _>(bytes, |bytes| {
                    Self::__view_prefix_in(bytes, #endian, params)
                })
            }

            /// A writable view of the record that is all of `bytes`.
            #[inline]
            pub fn view_mut_in(
                bytes: &mut [u8],
                params: #params_ident,
            ) -> #result<#view_mut<'_>, #krate::Error> {
                #krate::__private::view_var_mut::<#fixed_ident, _>(bytes, |bytes| {
                    Self::__view_prefix_mut_in(bytes, #endian, params)
                })
            }

            /// A writable view of the record at the start of `bytes`, and the bytes after it.
            #[inline]
            pub fn view_prefix_mut_in(
                bytes: &mut [u8],
                params: #params_ident,
            ) -> #result<(#view_mut<'_>, &mut [u8]), #krate::Error> {
                #krate::__private::view_var_prefix_mut::<#fixed_ident, _>(bytes, |bytes| {
                    Self::__view_prefix_mut_in(bytes, #endian, params)
                })
            }
        }
    }
}

/// For a record with parameters, the struct of their values (`<Name>Params`); nothing otherwise.
fn params_struct(container: &Container, data: &Struct) -> TokenStream {
    if data.params.is_empty() {
        return TokenStream::new();
    }
    let (ident, vis) = (container.ident, container.vis);
    let name = ident.unraw().to_string();
    let params_ident = format_ident!("{}Params", ident);
    let params = &data.params;
    let params_doc = format!(
        "The values that the lengths of a [`{name}`] record use and its bytes do not hold, given \
         when a view is made (`{name}::view_in`)."
    );
    let param_docs = params
        .iter()
        .map(|p| format!("`{}`, as the lengths name it.", p.unraw()));
    quote! {
        #[doc = #params_doc]
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::fmt::Debug,
            ::core::default::Default,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        #vis struct #params_ident {
            #( #[doc = #param_docs] pub #params: i64, )*
        }
    }
}
