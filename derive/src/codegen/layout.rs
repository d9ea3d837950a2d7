//! A struct's layout: field offsets, the Python format, `FIELDS`, and the `Overlay` impl that
//! ties the views and the owned type together.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;

use super::{
    array_view_items, default_endian, endian_expr, offset_const, overlay_call, overlay_item, owned,
    serialize, var, view, view_mut,
};
use crate::attr::EndianSpec;
use crate::check::type_name;
use crate::model::{Container, Field, Role, Shape, Struct};

/// What every struct code generator needs about one field.
pub struct FieldCtx<'f, 'a> {
    pub field: &'f Field<'a>,
    /// `__OVERLAY_OFFSET_i..__OVERLAY_OFFSET_i+1`.
    pub range: TokenStream,
    /// The start offset constant.
    pub start: TokenStream,
    /// The byte order, as an `overlay::Endian` expression.
    pub endian: TokenStream,
    /// The field name without `r#`, as a string.
    pub name: String,
}

impl FieldCtx<'_, '_> {
    /// For a bit field, the expression of its value read from the group in `bytes` (an
    /// expression of type `&[u8; SIZE]`).
    pub fn bit_value(&self, krate: &syn::Path, bytes: TokenStream) -> Option<TokenStream> {
        let bit = self.field.bit?;
        let (ty, range, endian) = (self.field.ty, &self.range, &self.endian);
        let (shift, width) = (bit.shift, bit.width);
        Some(quote! {
            #krate::__private::get_bits::<#ty>(
                #krate::__private::read_group(&#bytes[#range], #endian),
                #shift,
                #width,
            )
        })
    }
}

pub fn field_contexts<'f, 'a>(
    container: &Container,
    data: &'f Struct<'a>,
) -> Vec<FieldCtx<'f, 'a>> {
    data.fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let start = offset_const(i);
            let end = offset_const(i + 1);
            let range = match &field.bit {
                Some(bit) => {
                    let bytes = bit.group_bytes;
                    quote!(#start..#start + #bytes)
                }
                None => quote!(#start..#end),
            };
            FieldCtx {
                field,
                range,
                start: quote!(#start),
                endian: endian_expr(&container.krate, field.endian),
                name: field.ident.unraw().to_string(),
            }
        })
        .collect()
}

/// `.resolve(endian)` for a field with a fixed byte order; nothing for a run-time one, whose
/// class stays `Inherit` until a fixed parent resolves it.
fn resolve_class(f: &FieldCtx) -> TokenStream {
    if f.field.endian == EndianSpec::Runtime {
        TokenStream::new()
    } else {
        let endian = &f.endian;
        quote!(.resolve(#endian))
    }
}

/// A product of array lengths as a `usize` expression (1 for none).
fn product(dims: &[&syn::Expr]) -> TokenStream {
    let mut dims = dims.iter();
    match dims.next() {
        None => quote!(1usize),
        Some(first) => dims.fold(quote!((#first)), |acc, dim| quote!(#acc * (#dim))),
    }
}

fn format_part(container: &Container, f: &FieldCtx) -> TokenStream {
    let krate = &container.krate;
    let private = quote!(#krate::__private);
    let resolve = resolve_class(f);
    if f.field.bit.is_some() {
        // Python's struct has no bit fields.
        return quote! {
            #private::FormatPart {
                body: ::core::option::Option::None,
                count: 1,
                repeat: 1,
                string: false,
                class: #private::EndianClass::Any,
            }
        };
    }
    if let Role::Pad = f.field.role {
        let len = f.field.shape.byte_array_len();
        return quote! {
            #private::FormatPart {
                body: ::core::option::Option::Some("x"),
                count: #len,
                repeat: 1,
                string: false,
                class: #private::EndianClass::Any,
            }
        };
    }
    let (leaf, dims) = f.field.shape.leaf();
    let leaf_ty = f.field.shape.leaf_type();
    if matches!(leaf, Shape::Scalar(i) if *i == "u8") && !dims.is_empty() {
        let (inner, outer) = dims.split_last().expect("dims is not empty");
        let repeat = product(outer);
        return quote! {
            #private::FormatPart {
                body: ::core::option::Option::Some("s"),
                count: #inner,
                repeat: #repeat,
                string: true,
                class: #private::EndianClass::Any,
            }
        };
    }
    let count = product(&dims);
    let body = overlay_item(krate, &leaf_ty, "__FORMAT_BODY");
    let class = overlay_item(krate, &leaf_ty, "__ENDIAN_CLASS");
    quote! {
        #private::FormatPart {
            body: #body,
            count: #count,
            repeat: 1,
            string: false,
            class: #class #resolve,
        }
    }
}

fn field_info(container: &Container, f: &FieldCtx) -> TokenStream {
    let krate = &container.krate;
    let ty = f.field.ty;
    let name = &f.name;
    let start = &f.start;
    let resolve = resolve_class(f);
    let type_name = type_name(ty);
    let (_, dims) = f.field.shape.leaf();
    let elements = product(&dims);
    let leaf_ty = f.field.shape.leaf_type();
    let (kind, class, fields) = match (&f.field.role, &f.field.shape) {
        (Role::Pad, _) => (
            quote!(#krate::FieldKind::Pad),
            quote!(#krate::__private::EndianClass::Any),
            quote!(&[]),
        ),
        (Role::Value, shape) if shape.byte_array_len().is_some() => (
            quote!(#krate::FieldKind::Bytes),
            quote!(#krate::__private::EndianClass::Any),
            quote!(&[]),
        ),
        (Role::Value, Shape::Array { .. }) => {
            let class = overlay_item(krate, &leaf_ty, "__ENDIAN_CLASS");
            (
                quote!(#krate::FieldKind::Array),
                quote!(#class #resolve),
                overlay_item(krate, &leaf_ty, "FIELDS"),
            )
        }
        (Role::Value, _) => {
            let class = overlay_item(krate, ty, "__ENDIAN_CLASS");
            (
                overlay_item(krate, ty, "__KIND"),
                quote!(#class #resolve),
                overlay_item(krate, ty, "FIELDS"),
            )
        }
    };
    let with_dims = if dims.is_empty() || f.field.shape.byte_array_len().is_some() {
        TokenStream::new()
    } else {
        quote!(.__with_dims(&[#((#dims) as usize),*]))
    };
    let value = match &f.field.role {
        Role::Value if f.field.shape.byte_array_len().is_none() => {
            let value = overlay_item(krate, &leaf_ty, "__VALUE");
            quote!(.__with_value(#value))
        }
        _ => TokenStream::new(),
    };
    let (size, bits, class) = match &f.field.bit {
        Some(bit) => {
            let (bytes, shift, width) = (bit.group_bytes, bit.shift, bit.width);
            // A bit field reports the byte order of its group, whatever its own type.
            let class = quote!(#krate::__private::EndianClass::Inherit #resolve);
            (quote!(#bytes), quote!(.__with_bits(#shift, #width)), class)
        }
        None => (overlay_item(krate, ty, "SIZE"), TokenStream::new(), class),
    };
    quote! {
        #krate::FieldInfo::__new(
            #name,
            #start,
            #size,
            #type_name,
            #class,
            #kind,
            #elements,
            #fields,
        ) #bits #value #with_dims
    }
}

pub fn expand_struct(container: &Container, data: &Struct) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    if let Some(first_var) = data.first_var() {
        return var::expand(container, data, first_var);
    }
    let ident_name = data.display_name(ident);
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
            #krate::Overlay::__write(self, &mut out, endian);
            out
        }
    });

    let offsets = fields.iter().enumerate().map(|(i, f)| {
        let this = offset_const(i);
        let next = offset_const(i + 1);
        let size = match &f.field.bit {
            Some(bit) if bit.last => {
                let bytes = bit.group_bytes;
                quote!(#bytes)
            }
            Some(_) => quote!(0),
            None => overlay_item(krate, f.field.ty, "SIZE"),
        };
        quote!(const #next: usize = #this + #size;)
    });
    let first = offset_const(0);
    let size = offset_const(fields.len());
    let parts = fields.iter().map(|f| format_part(container, f));
    let infos = fields.iter().map(|f| field_info(container, f));
    let values: Vec<&FieldCtx> = fields
        .iter()
        .filter(|f| matches!(f.field.role, Role::Value))
        .collect();
    let validates = values.iter().map(|f| match f.field.bit {
        Some(_) => {
            let ty = f.field.ty;
            quote!(<#ty as #krate::__private::BitField>::VALIDATES)
        }
        None => overlay_item(krate, f.field.ty, "__VALIDATES"),
    });
    let checks = values.iter().map(|f| {
        if let Some(bit) = f.field.bit {
            let (ty, range, endian, start) = (f.field.ty, &f.range, &f.endian, &f.start);
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
        let field_validates = overlay_item(krate, f.field.ty, "__VALIDATES");
        let (range, endian, start) = (&f.range, &f.endian, &f.start);
        let validate = overlay_call(
            krate,
            f.field.ty,
            "__validate",
            quote!(&bytes[#range], #endian),
        );
        quote! {
            if #field_validates {
                #validate
                    .map_err(|e| e.__in_field::<Self>(#start))?;
            }
        }
    });

    let checks_needed = values.iter().map(|f| match f.field.bit {
        Some(_) => quote!(true),
        None => overlay_item(krate, f.field.ty, "__CHECKS"),
    });
    let value_checks = values.iter().map(|f| {
        let (ty, ident, start) = (f.field.ty, f.field.ident, &f.start);
        match f.field.bit {
            Some(bit) => {
                let (width, shift) = (bit.width, bit.shift);
                quote! {
                    #krate::__private::bits_fit::<#ty, Self>(self.#ident, #width, #start, #shift)?;
                }
            }
            None => {
                let needed = overlay_item(krate, ty, "__CHECKS");
                let check = overlay_call(krate, ty, "__check", quote!(&self.#ident));
                quote! {
                    if #needed {
                        #check.map_err(|e| e.__in_field::<Self>(#start))?;
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
    let array_items = array_view_items(krate);
    let definitions = view::definitions(container, data);
    let view_impl = view::expand(container, data, &fields);
    let view_mut_impl = view_mut::expand(container, data, &fields);
    let owned = owned::expand(container, data, &fields);
    let serialize = serialize::expand_struct(container, data, &fields);

    quote! {
        #definitions

        #[allow(non_upper_case_globals, clippy::identity_op)]
        const _: () = {
            const #first: usize = 0;
            #(#offsets)*
            #(#width_checks)*
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
                const __VALIDATES: bool = false #(|| #validates)*;
                const __ENDIAN_CLASS: #krate::__private::EndianClass =
                    #krate::__private::format_class(__OVERLAY_FORMAT_PARTS);
                const __FORMAT_BODY: ::core::option::Option<&'static str> =
                    #krate::__private::format_body(#krate::__private::format_str(&__OVERLAY_FORMAT));
                const __DEFAULT_ENDIAN: #krate::Endian = #own_endian;
                const __KIND: #krate::FieldKind = #krate::FieldKind::Struct;
                const __TYPE_NAME: &'static str = #ident_name;
                const __CHECKS: bool = false #(|| #checks_needed)*;

                fn __check(&self) -> ::core::result::Result<(), #krate::Error> {
                    #(#value_checks)*
                    ::core::result::Result::Ok(())
                }

                fn __validate(
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
                    #(#checks)*
                    let _ = bytes;
                    ::core::result::Result::Ok(())
                }

                #[inline(always)]
                fn __read(bytes: &[u8], endian: #krate::Endian) -> #view_ident<'_> {
                    let _ = endian;
                    #view_ident {
                        bytes: #krate::__private::array_ref::<{ #size }>(bytes),
                        #view_endian
                    }
                }

                #[inline(always)]
                fn __read_mut(bytes: &mut [u8], endian: #krate::Endian) -> #view_mut_ident<'_> {
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
                    #krate::Overlay::__write(self, &mut out, #own_endian);
                    out
                }

                #to_bytes_with
            }
        };
    }
}
