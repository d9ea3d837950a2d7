//! Rules that span more than one attribute or field.

use std::collections::BTreeMap;

use syn::ext::IdentExt;

use crate::ctxt::Ctxt;
use crate::model::{Container, Data, Field, Role, Shape, Struct};

/// Methods every generated view has; a field by the same name would hide one.
const VIEW_METHODS: &[&str] = &["as_bytes", "unpack", "as_view", "into_view", "pack"];

pub fn check(cx: &Ctxt, container: &Container) {
    if let Data::Struct(data) = &container.data {
        check_pads(cx, data);
        check_method_names(cx, data);
    }
}

fn check_pads(cx: &Ctxt, data: &Struct) {
    for field in &data.fields {
        let Role::Pad = field.role else { continue };
        if field.shape.byte_array_len().is_none() {
            cx.error_spanned_by(
                field.ty,
                format!(
                    "#[overlay(pad)] needs a byte array such as [u8; 3], found {}",
                    type_name(field.ty)
                ),
            );
        }
        if let Some(span) = field.endian_override {
            cx.syn_error(syn::Error::new(
                span,
                "a pad field has no byte order: remove `endian` from this field",
            ));
        }
    }
}

/// The type as the user wrote it, spaced like rustfmt would.
pub fn type_name(ty: &syn::Type) -> String {
    let raw = quote::quote!(#ty).to_string();
    raw.replace(" ;", ";")
        .replace("[ ", "[")
        .replace(" ]", "]")
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" ,", ",")
}

/// The accessor names generated for `field`.
pub fn method_names(field: &Field) -> Vec<String> {
    let name = field.ident.unraw().to_string();
    match field.role {
        Role::Pad => Vec::new(),
        Role::Value => {
            let mut names = vec![name.clone(), format!("set_{name}")];
            if !matches!(field.shape, Shape::Scalar(_)) {
                names.push(format!("{name}_mut"));
            }
            names
        }
    }
}

fn check_method_names(cx: &Ctxt, data: &Struct) {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for field in &data.fields {
        let field_name = field.ident.unraw().to_string();
        for method in method_names(field) {
            if VIEW_METHODS.contains(&method.as_str()) {
                cx.syn_error(syn::Error::new(
                    field.ident.span(),
                    format!(
                        "field `{field_name}` would generate the view method `{method}`, which \
                         every view already has: rename the field"
                    ),
                ));
            } else if let Some(first) = seen.get(&method) {
                cx.syn_error(syn::Error::new(
                    field.ident.span(),
                    format!(
                        "field `{field_name}` would generate the view method `{method}`, which \
                         field `{first}` already generates: rename one of them"
                    ),
                ));
            } else {
                seen.insert(method, field_name.clone());
            }
        }
    }
}
