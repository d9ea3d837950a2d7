//! `serde::Serialize` for views (when overlay's `serde` feature is on): generated behind
//! `overlay::__private::if_serde!`, which keeps or drops it by that feature.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;

use super::field::{self, FieldCtx};
use super::{bind_endian, default_endian, outer_spans, serialize_impl};
use crate::model::{Container, Enum, Struct};

/// `SerializeView` for the struct, and `Serialize` for both of its views.
pub fn expand_struct(container: &Container, data: &Struct, fields: &[FieldCtx]) -> TokenStream {
    let krate = &container.krate;
    let private = quote!(#krate::__private);
    let ident = container.ident;
    let name = &data.name;
    let (view, view_mut) = (&data.view, &data.view_mut);
    let count = field::values(fields).count();
    // Read the bytes the way the views do (not through the getters), spanned at the field's
    // type, so a field type without `Overlay` gives the same single error with this feature on.
    let entries = field::values(fields).map(|f| {
        let (ty, field_name) = (f.field.ty, &f.name);
        let value = f.view(krate, quote!(view.bytes));
        let (first, _) = outer_spans(ty);
        let wrap = quote_spanned!(first=> #private::ViewAs::<#ty>);
        quote! {
            #private::serde::ser::SerializeStruct::serialize_field(
                &mut state,
                #field_name,
                &#wrap(#value),
            )?;
        }
    });
    let bind = bind_endian(krate, data.is_runtime(), quote!(view.endian));
    // The owned struct, on request: through its bytes and a view, so every field type need not
    // implement `Serialize` itself.
    let owned = data.serialize_owned.then(|| {
        let endian = default_endian(krate, data.endian);
        quote! {
            #[automatically_derived]
            impl #private::serde::Serialize for #ident {
                fn serialize<S: #private::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    let bytes = self.to_bytes();
                    let view = <#ident as #krate::__private::Raw>::__view(&bytes, #endian);
                    <#ident as #private::SerializeView>::serialize_view(&view, serializer)
                }
            }
        }
    });
    let view_impl = serialize_impl(
        &private,
        quote!(#view<'_>),
        quote!(<#ident as #private::SerializeView>::serialize_view(self, serializer)),
    );
    let view_mut_impl = serialize_impl(
        &private,
        quote!(#view_mut<'_>),
        quote!(<#ident as #private::SerializeView>::serialize_view(&self.as_view(), serializer)),
    );
    quote! {
        #private::if_serde! {
            #[automatically_derived]
            impl #private::SerializeView for #ident {
                fn serialize_view<S: #private::serde::Serializer>(
                    view: &#view<'_>,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    #bind
                    let mut state =
                        #private::serde::Serializer::serialize_struct(serializer, #name, #count)?;
                    #(#entries)*
                    #private::serde::ser::SerializeStruct::end(state)
                }

                fn serialize_array<S: #private::serde::Serializer, const N: usize>(
                    view: &#krate::ArrayView<'_, Self, N>,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    #private::serialize_elements(view, serializer)
                }
            }

            #view_impl

            #owned

            #view_mut_impl
        }
    }
}

/// `SerializeView` for an enum: its variants as unit variants.
pub fn expand_enum(container: &Container, data: &Enum) -> TokenStream {
    let krate = &container.krate;
    let private = quote!(#krate::__private);
    let ident = container.ident;
    let name = ident.unraw().to_string();
    let arms = data.variants.iter().enumerate().map(|(index, variant)| {
        let index = index as u32;
        let variant_name = variant.unraw().to_string();
        quote! {
            #ident::#variant => #private::serde::Serializer::serialize_unit_variant(
                serializer, #name, #index, #variant_name,
            ),
        }
    });
    // An open enum's unknown codes: the catch-all variant with its raw value.
    let other = data.other.map(|other| {
        let index = data.variants.len() as u32;
        let other_name = other.unraw().to_string();
        quote! {
            #ident::#other(raw) => #private::serde::Serializer::serialize_newtype_variant(
                serializer, #name, #index, #other_name, &raw,
            ),
        }
    });
    quote! {
        #private::if_serde! {
            #[automatically_derived]
            impl #private::SerializeView for #ident {
                fn serialize_view<S: #private::serde::Serializer>(
                    view: &Self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    match *view {
                        #(#arms)*
                        #other
                    }
                }

                fn serialize_array<S: #private::serde::Serializer, const N: usize>(
                    view: &#krate::ArrayView<'_, Self, N>,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    #private::serialize_elements(view, serializer)
                }
            }
        }
    }
}
