//! The expression language of lengths (`bytes = ".."`, `count = ".."`) and assertions
//! (`assert = ".."`): its forms, as `syn` parses them without its `full` feature. `check` says
//! which forms each place accepts; `codegen::expr` turns them into code.

/// The first field an expression names, left to right: where an assertion's failure is
/// reported, and whose `FIELDS` entry lists it.
pub fn first_field(expr: &syn::Expr) -> Option<&syn::Ident> {
    match expr {
        syn::Expr::Path(path) => path.path.get_ident(),
        syn::Expr::Paren(inner) => first_field(&inner.expr),
        syn::Expr::Group(inner) => first_field(&inner.expr),
        syn::Expr::Unary(unary) => first_field(&unary.expr),
        syn::Expr::Binary(binary) => {
            first_field(&binary.left).or_else(|| first_field(&binary.right))
        }
        syn::Expr::Call(call) => call.args.iter().find_map(first_field),
        _ => None,
    }
}

/// `min(a, b)` or `max(a, b)`.
pub fn is_min_max(call: &syn::ExprCall) -> bool {
    call.args.len() == 2
        && matches!(&*call.func, syn::Expr::Path(p)
            if p.path.is_ident("min") || p.path.is_ident("max"))
}

/// `+ - * / %`.
pub fn is_arithmetic(op: &syn::BinOp) -> bool {
    matches!(
        op,
        syn::BinOp::Add(_)
            | syn::BinOp::Sub(_)
            | syn::BinOp::Mul(_)
            | syn::BinOp::Div(_)
            | syn::BinOp::Rem(_)
    )
}

/// `if_else(condition, a, b)` (the conditional form of lengths: `if` expressions need more of
/// `syn` than the derive builds with) as its three expressions.
pub fn if_parts(expr: &syn::Expr) -> Option<(&syn::Expr, &syn::Expr, &syn::Expr)> {
    match expr {
        syn::Expr::Call(call)
            if call.args.len() == 3
                && matches!(&*call.func, syn::Expr::Path(p) if p.path.is_ident("if_else")) =>
        {
            Some((&call.args[0], &call.args[1], &call.args[2]))
        }
        _ => None,
    }
}
