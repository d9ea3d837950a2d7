//! Expressions over a record's fields, as code: integer terms (lengths, and the operands of
//! assertions) computed as `Option<i64>` in checked arithmetic, `None` on overflow or division by
//! zero; and the conditions of assertions, computed as `bool`, false when a term overflowed.
//! `check` has accepted the expressions (their forms: `crate::expr`); `field` gives the code
//! that reads a named field (a getter, or a value decoded earlier).

use proc_macro2::TokenStream;
use quote::quote;

use crate::expr::if_parts;

/// The code that reads a field named in an expression: a getter, or a value decoded earlier.
pub type FieldCode<'a> = &'a dyn Fn(&syn::Ident) -> TokenStream;

/// An integer term as an `Option<i64>` expression.
pub fn int_code(expr: &syn::Expr, field_code: FieldCode) -> TokenStream {
    let recv = field_code;
    let some = quote!(::core::option::Option::Some);
    let none = quote!(::core::option::Option::None);
    if let Some((cond, then, otherwise)) = if_parts(expr) {
        let (cond, then, otherwise) = (
            cond_code(cond, recv),
            int_code(then, recv),
            int_code(otherwise, recv),
        );
        return quote!(if #cond { #then } else { #otherwise });
    }
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => match int.base10_parse::<i64>() {
            Ok(value) => quote!(#some(#value)),
            Err(_) => quote!(::core::option::Option::<i64>::None),
        },
        syn::Expr::Path(path) => {
            let value = path.path.get_ident().map(recv).unwrap_or_default();
            quote!(<i64 as ::core::convert::TryFrom<_>>::try_from(#value).ok())
        }
        syn::Expr::Paren(inner) => int_code(&inner.expr, recv),
        syn::Expr::Group(inner) => int_code(&inner.expr, recv),
        syn::Expr::Unary(unary) => {
            let value = int_code(&unary.expr, recv);
            quote!(match #value { #some(v) => v.checked_neg(), #none => #none })
        }
        syn::Expr::Binary(binary) => {
            let (left, right) = (int_code(&binary.left, recv), int_code(&binary.right, recv));
            let op = match binary.op {
                syn::BinOp::Add(_) => quote!(checked_add),
                syn::BinOp::Sub(_) => quote!(checked_sub),
                syn::BinOp::Mul(_) => quote!(checked_mul),
                syn::BinOp::Div(_) => quote!(checked_div),
                _ => quote!(checked_rem),
            };
            quote!(match (#left, #right) { (#some(a), #some(b)) => a.#op(b), _ => #none })
        }
        // `min(a, b)` and `max(a, b)`.
        syn::Expr::Call(call) if call.args.len() == 2 => {
            let name = match &*call.func {
                syn::Expr::Path(path) => path.path.get_ident().map(ToString::to_string),
                _ => None,
            };
            let op = if name.as_deref() == Some("max") {
                quote!(max)
            } else {
                quote!(min)
            };
            let (left, right) = (int_code(&call.args[0], recv), int_code(&call.args[1], recv));
            quote!(match (#left, #right) { (#some(a), #some(b)) => #some(::core::cmp::Ord::#op(a, b)), _ => #none })
        }
        // `check` has reported anything else.
        _ => quote!(#none),
    }
}

/// A condition as a `bool` expression.
pub fn cond_code(expr: &syn::Expr, recv: FieldCode) -> TokenStream {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Bool(value),
            ..
        }) => quote!(#value),
        // A bool field.
        syn::Expr::Path(path) => path.path.get_ident().map(recv).unwrap_or_default(),
        syn::Expr::Paren(inner) => cond_code(&inner.expr, recv),
        syn::Expr::Group(inner) => cond_code(&inner.expr, recv),
        syn::Expr::Unary(unary) => {
            let value = cond_code(&unary.expr, recv);
            quote!(!(#value))
        }
        syn::Expr::Binary(binary) => match binary.op {
            syn::BinOp::And(_) | syn::BinOp::Or(_) => {
                let (left, right) = (
                    cond_code(&binary.left, recv),
                    cond_code(&binary.right, recv),
                );
                let op = &binary.op;
                quote!((#left) #op (#right))
            }
            _ => {
                let (left, right) = (int_code(&binary.left, recv), int_code(&binary.right, recv));
                let op = &binary.op;
                quote! {
                    match (#left, #right) {
                        (::core::option::Option::Some(a), ::core::option::Option::Some(b)) => a #op b,
                        _ => false,
                    }
                }
            }
        },
        // `check` has reported anything else.
        _ => quote!(false),
    }
}
