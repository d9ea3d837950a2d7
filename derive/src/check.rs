//! Rules that span more than one attribute or field.

use std::collections::BTreeMap;

use syn::ext::IdentExt;

use crate::attr::{LengthAttr, MagicAttr, Spanned};
use crate::ctxt::Ctxt;
use crate::expr::{if_parts, is_arithmetic, is_min_max};
use crate::model::{Container, Data, Field, Role, Shape, Struct};

/// Methods every generated view has; a field by the same name would hide one.
const VIEW_METHODS: &[&str] = &["as_bytes", "unpack", "as_view", "into_view", "pack"];

pub fn check(cx: &Ctxt, container: &Container) {
    if let Data::Struct(data) = &container.data {
        check_pads(cx, data);
        check_magic(cx, data);
        check_asserts(cx, container, data);
        check_bit_fields(cx, data);
        check_var_fields(cx, container, data);
        check_tagged(cx, container, data);
        check_params(cx, data);
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

/// `magic` only on byte arrays (a byte string of the array's length) and integers up to 64
/// bits (an integer literal), never on a pad, a bit field or a variable-length field.
fn check_magic(cx: &Ctxt, data: &Struct) {
    const INTEGERS: &[&str] = &["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"];
    for field in &data.fields {
        let Some(magic) = &field.magic else { continue };
        let fits = match (&magic.value, &field.shape) {
            (MagicAttr::Bytes(bytes), shape) if shape.byte_array_len().is_some() => {
                let len = shape.byte_array_len().and_then(|len| match len {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Int(int),
                        ..
                    }) => int.base10_parse::<usize>().ok(),
                    _ => None,
                });
                let found = bytes.value().len();
                if let Some(len) = len.filter(|len| *len != found) {
                    cx.syn_error(syn::Error::new(
                        magic.span,
                        format!(
                            "this magic is {found} bytes but `{}` is [u8; {len}]: give exactly {len} \
                             bytes",
                            field.ident
                        ),
                    ));
                }
                true
            }
            (MagicAttr::Integer(_), Shape::Scalar(ident)) => {
                INTEGERS.contains(&ident.to_string().as_str())
            }
            _ => false,
        };
        let problem = if !fits {
            Some(format!(
                "`magic` needs a byte array with a byte string (magic = b\"\\x7fELF\") or an \
                 integer up to 64 bits with an integer (magic = 0xa1b2c3d4); `{}` is {}",
                field.ident,
                type_name(field.ty)
            ))
        } else if matches!(field.role, Role::Pad) {
            Some(
                "a pad field is written as zeros and has no magic: remove `pad` or `magic`"
                    .to_owned(),
            )
        } else if field.bits.is_some() {
            Some("a bit field cannot have a magic value: use a whole integer field".to_owned())
        } else {
            None
        };
        if let Some(problem) = problem {
            cx.syn_error(syn::Error::new(magic.span, problem));
        }
    }
}

/// The most assertions one field can be the first named field of (the error keeps the index
/// in six bits).
pub const MAX_ASSERTS_PER_FIELD: usize = 64;

/// `assert` conditions: comparisons (`== != < <= > >=`) of integer terms, combined with
/// `&& || !` and parentheses; a bool field or `true`/`false` is a condition too. Integer terms
/// are integer literals, integer and bool fields of this record (bit fields too), `+ - * / %`,
/// unary minus, `min(a, b)` and `max(a, b)`. Each condition names at least one field.
fn check_asserts(cx: &Ctxt, container: &Container, data: &Struct) {
    let scope = Scope::of(container, &data.fields);
    for assertion in &data.asserts {
        scope.cond(cx, &assertion.lit, &assertion.expr);
        match &assertion.first {
            None => cx.error_spanned_by(
                &assertion.lit,
                "an assertion names at least one field of the record, such as \"ihl >= 5\"",
            ),
            // Reported once, at the first assertion past the limit.
            Some(field) if assertion.index == MAX_ASSERTS_PER_FIELD => cx.error_spanned_by(
                &assertion.lit,
                format!(
                    "more than {MAX_ASSERTS_PER_FIELD} assertions start with field `{field}`: \
                     start some with another field"
                ),
            ),
            Some(_) => {}
        }
    }
}

/// The fields an assertion can use.
struct Scope {
    record: String,
    ints: Vec<String>,
    bools: Vec<String>,
}

impl Scope {
    /// The integer and bool fields among `fields` (bit fields too).
    fn of(container: &Container, fields: &[Field]) -> Scope {
        const INTEGERS: &[&str] = &["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"];
        let mut ints = Vec::new();
        let mut bools = Vec::new();
        for field in fields {
            if !matches!(field.role, Role::Value) {
                continue;
            }
            if let Shape::Scalar(ident) = &field.shape {
                let name = field.ident.unraw().to_string();
                if *ident == "bool" {
                    bools.push(name);
                } else if INTEGERS.contains(&ident.to_string().as_str()) {
                    ints.push(name);
                }
            }
        }
        Scope {
            record: container.ident.to_string(),
            ints,
            bools,
        }
    }

    fn cond(&self, cx: &Ctxt, lit: &syn::LitStr, expr: &syn::Expr) {
        match expr {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Bool(_),
                ..
            }) => {}
            syn::Expr::Paren(inner) => self.cond(cx, lit, &inner.expr),
            syn::Expr::Group(inner) => self.cond(cx, lit, &inner.expr),
            syn::Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Not(_)) => {
                self.cond(cx, lit, &unary.expr)
            }
            syn::Expr::Binary(binary) => match binary.op {
                syn::BinOp::And(_) | syn::BinOp::Or(_) => {
                    self.cond(cx, lit, &binary.left);
                    self.cond(cx, lit, &binary.right);
                }
                syn::BinOp::Eq(_)
                | syn::BinOp::Ne(_)
                | syn::BinOp::Lt(_)
                | syn::BinOp::Le(_)
                | syn::BinOp::Gt(_)
                | syn::BinOp::Ge(_) => {
                    self.int(cx, lit, &binary.left);
                    self.int(cx, lit, &binary.right);
                }
                _ => self.not_a_condition(cx, lit),
            },
            syn::Expr::Path(path) => match path.path.get_ident().map(ToString::to_string) {
                Some(name) if self.bools.contains(&name) => {}
                Some(name) if self.ints.contains(&name) => cx.error_spanned_by(
                    lit,
                    format!(
                        "`{name}` is an integer, not a condition: compare it, as in `{name} != 0`"
                    ),
                ),
                _ => self.int(cx, lit, expr),
            },
            _ => self.not_a_condition(cx, lit),
        }
    }

    fn int(&self, cx: &Ctxt, lit: &syn::LitStr, expr: &syn::Expr) {
        if let Some((cond, then, otherwise)) = if_parts(expr) {
            self.cond(cx, lit, cond);
            self.int(cx, lit, then);
            self.int(cx, lit, otherwise);
            return;
        }
        match expr {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(int),
                ..
            }) => {
                if int.base10_parse::<i64>().is_err() {
                    cx.error_spanned_by(
                        lit,
                        format!("{int} does not fit in i64, which assertions compute in"),
                    );
                }
            }
            syn::Expr::Path(path) if path.path.get_ident().is_some() => {
                let name = path
                    .path
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                if !self.ints.contains(&name) && !self.bools.contains(&name) {
                    let mut usable = self.ints.clone();
                    usable.extend(self.bools.iter().cloned());
                    cx.error_spanned_by(
                        lit,
                        format!(
                            "`{name}` is not an integer or bool field of {}: a condition can use {}",
                            self.record,
                            if usable.is_empty() { "none of its fields".to_owned() } else { usable.join(", ") }
                        ),
                    );
                }
            }
            syn::Expr::Paren(inner) => self.int(cx, lit, &inner.expr),
            syn::Expr::Group(inner) => self.int(cx, lit, &inner.expr),
            syn::Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Neg(_)) => {
                self.int(cx, lit, &unary.expr)
            }
            syn::Expr::Binary(binary) if is_arithmetic(&binary.op) => {
                self.int(cx, lit, &binary.left);
                self.int(cx, lit, &binary.right);
            }
            syn::Expr::Call(call) if is_min_max(call) => {
                for arg in &call.args {
                    self.int(cx, lit, arg);
                }
            }
            _ => cx.error_spanned_by(
                lit,
                "an assertion's terms are integers, integer and bool fields, `+ - * / %`, \
                 `min(a, b)`, `max(a, b)` and `if_else(condition, a, b)`",
            ),
        }
    }

    fn not_a_condition(&self, cx: &Ctxt, lit: &syn::LitStr) {
        cx.error_spanned_by(
            lit,
            "an assertion is a condition: compare terms with `== != < <= > >=` and combine \
             comparisons with `&& || !`, as in \"ihl >= 5 && version == 4\"",
        );
    }
}

/// `bits` only on integers up to 64 bits, bools and enums, no wider than the type, and never
/// with a byte order of its own or on a pad.
fn check_bit_fields(cx: &Ctxt, data: &Struct) {
    for field in &data.fields {
        let Some(bits) = &field.bits else { continue };
        let width = bits.value;
        if let Role::Pad = field.role {
            cx.syn_error(syn::Error::new(
                bits.span,
                "a pad field has no bits: drop `pad` to make a reserved bit field",
            ));
        }
        if let Some(span) = field.endian_override {
            cx.syn_error(syn::Error::new(
                span,
                "a bit field is read with its group in the struct's byte order: remove `endian`",
            ));
        }
        match &field.shape {
            Shape::Scalar(ident) => {
                let type_bits = match ident.to_string().as_str() {
                    "u8" | "i8" => 8,
                    "u16" | "i16" => 16,
                    "u32" | "i32" => 32,
                    "u64" | "i64" => 64,
                    "bool" => 64,
                    _ => 0,
                };
                if type_bits == 0 {
                    cx.error_spanned_by(
                        field.ty,
                        format!(
                            "`bits` needs an integer of up to 64 bits, a bool or a derived enum, \
                             found {}",
                            type_name(field.ty)
                        ),
                    );
                } else if width > type_bits {
                    cx.syn_error(syn::Error::new(
                        bits.span,
                        format!("`{ident}` has {type_bits} bits, so bits = {width} does not fit"),
                    ));
                }
            }
            // `check_var_fields` reports `bits` on a variable-length field.
            Shape::VarBytes | Shape::VarRecords(_) | Shape::Tagged(_) | Shape::Varint(_) => {}
            Shape::Array { .. } => cx.error_spanned_by(
                field.ty,
                format!(
                    "`bits` needs an integer of up to 64 bits, a bool or a derived enum, found {}",
                    type_name(field.ty)
                ),
            ),
            Shape::Named(_) => {}
        }
    }
}

/// Variable-length fields: each has exactly one length, they come after every fixed field,
/// `rest` is last, and lengths name only earlier fixed fields and earlier self-delimiting
/// integers.
fn check_var_fields(cx: &Ctxt, container: &Container, data: &Struct) {
    let first_var = data.first_var();
    let mut fixed_names: Vec<String> = data.fields[..first_var.unwrap_or(data.fields.len())]
        .iter()
        .filter(|f| matches!(f.role, Role::Value))
        .map(|f| f.ident.unraw().to_string())
        .collect();
    let last = data.fields.len().saturating_sub(1);
    let mut scope = Scope::of(
        container,
        &data.fields[..first_var.unwrap_or(data.fields.len())],
    );
    // Parameters are integers that lengths and their conditions can use.
    for param in &data.params {
        fixed_names.push(param.unraw().to_string());
        scope.ints.push(param.unraw().to_string());
    }
    for (index, field) in data.fields.iter().enumerate() {
        if let (Shape::Varint(_), Some(length)) = (&field.shape, &field.length) {
            cx.syn_error(syn::Error::new(
                length.span,
                format!(
                    "`{}` is a self-delimiting integer, which measures itself: remove `bytes`, \
                     `count` or `rest`",
                    field.ident.unraw()
                ),
            ));
        }
        let name = field.ident.unraw().to_string();
        match (&field.length, field.shape.is_var()) {
            // A payload without a length is as long as its chosen variant.
            (None, true) if matches!(field.shape, Shape::Tagged(_) | Shape::Varint(_)) => {}
            (None, true) => cx.error_spanned_by(
                field.ty,
                "a variable-length field needs its length: add #[overlay(bytes = \"...\")], \
                 #[overlay(count = \"...\")] or #[overlay(rest)]",
            ),
            (Some(length), false) => cx.syn_error(syn::Error::new(
                length.span,
                format!(
                    "`bytes`, `count` and `rest` are for variable-length fields: make `{name}` an \
                     overlay::VarBytes or overlay::VarRecords<T>"
                ),
            )),
            _ => {}
        }
        if let (Some(first), false) = (first_var, field.shape.is_var()) {
            if index > first {
                cx.syn_error(syn::Error::new(
                    field.ident.span(),
                    format!(
                        "`{name}` has a fixed size but comes after a variable-length field: put \
                         fixed fields first (a record's variable part is its tail)"
                    ),
                ));
            }
        }
        if !field.shape.is_var() {
            let (leaf, dims) = field.shape.leaf();
            if !dims.is_empty() && leaf.is_var() {
                cx.error_spanned_by(
                    field.ty,
                    "an array of variable-length elements has no fixed size: declare one field \
                     per element, or use overlay::VarRecords<T> of a fixed-size record",
                );
            }
            continue;
        }
        if field.bits.is_some()
            || field.endian_override.is_some()
            || matches!(field.role, Role::Pad)
        {
            cx.error_spanned_by(
                field.ty,
                "a variable-length field takes no `bits`, `endian` or `pad`",
            );
        }
        if let Some(Spanned {
            value: LengthAttr::Rest,
            span,
        }) = &field.length
        {
            if index != last {
                cx.syn_error(syn::Error::new(
                    *span,
                    "`rest` takes everything after the earlier fields, so it must be the last field",
                ));
            }
        }
        if let (
            Some(expr),
            Some(Spanned {
                value: LengthAttr::Bytes(lit) | LengthAttr::Count(lit),
                ..
            }),
        ) = (&field.length_expr, &field.length)
        {
            check_length_expr(cx, container, expr, lit, &fixed_names, &scope);
        }
        // Later lengths and conditions can use a self-delimiting integer's value.
        if let Shape::Varint(_) = field.shape {
            let name = field.ident.unraw().to_string();
            scope.ints.push(name.clone());
            fixed_names.push(name);
        }
    }
}

/// Payload fields: `tag` names an earlier fixed integer, bool or enum field, only payload
/// fields have one, and a payload's extent is bytes or the rest, not a count.
fn check_tagged(cx: &Ctxt, container: &Container, data: &Struct) {
    const TAGS: &[&str] = &["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "bool"];
    let first_var = data.first_var().unwrap_or(data.fields.len());
    let usable: Vec<String> = data.fields[..first_var]
        .iter()
        .filter(|f| matches!(f.role, Role::Value))
        .filter(|f| match &f.shape {
            Shape::Scalar(ident) => TAGS.contains(&ident.to_string().as_str()),
            Shape::Named(_) => true,
            _ => false,
        })
        .map(|f| f.ident.unraw().to_string())
        .collect();
    for field in &data.fields {
        let Some(tag) = &field.tag else { continue };
        if !matches!(field.shape, Shape::Tagged(_)) {
            cx.syn_error(syn::Error::new(
                tag.span,
                format!(
                    "`tag` is for a payload field, whose type is an enum that derives Overlay with \
                     #[overlay(tag = ..)] variants; `{}` is {}",
                    field.ident.unraw(),
                    type_name(field.ty)
                ),
            ));
            continue;
        }
        if let Some(Spanned {
            value: LengthAttr::Count(_),
            span,
        }) = &field.length
        {
            cx.syn_error(syn::Error::new(
                *span,
                "a payload's extent is a number of bytes: write `bytes = \"..\"`, `rest`, or \
                 nothing to take the chosen variant's own size",
            ));
        }
        let name = tag.value.unraw().to_string();
        if usable.contains(&name) {
            continue;
        }
        let position = data.fields.iter().position(|f| f.ident.unraw() == name);
        let problem = match position {
            None => format!("`{name}` is not a field of {}", container.ident),
            Some(index) if index >= first_var => format!(
                "`{name}` comes after the fixed fields; the tag must be read before the payload"
            ),
            Some(index) => format!(
                "`{name}` is {}, not an integer, bool or derived enum",
                type_name(data.fields[index].ty)
            ),
        };
        cx.syn_error(syn::Error::new(
            tag.span,
            format!(
                "{problem}: `tag` names an earlier fixed field whose value chooses the variant ({})",
                if usable.is_empty() {
                    "this record has none".to_owned()
                } else {
                    usable.join(", ")
                }
            ),
        ));
    }
}

/// `param`: only on records with variable-length fields (lengths are what use them), once each,
/// not named like a field, and not with a run-time byte order.
fn check_params(cx: &Ctxt, data: &Struct) {
    for (index, param) in data.params.iter().enumerate() {
        let name = param.unraw().to_string();
        let problem = if data.first_var().is_none() {
            Some(
                "a parameter is for lengths, and this record has no variable-length field: \
                 remove it"
                    .to_owned(),
            )
        } else if data.params[..index]
            .iter()
            .any(|p| p.unraw() == param.unraw())
        {
            Some(format!(
                "parameter `{name}` is declared twice: remove this one"
            ))
        } else if data.fields.iter().any(|f| f.ident.unraw() == param.unraw()) {
            Some(format!(
                "parameter `{name}` has the name of a field: lengths could not tell them apart; \
                 rename one"
            ))
        } else if data.is_runtime() {
            Some(
                "a record with parameters has a fixed byte order for now: remove \
                 `endian = \"runtime\"` or the parameter"
                    .to_owned(),
            )
        } else {
            None
        };
        if let Some(problem) = problem {
            cx.error_spanned_by(param, problem);
        }
    }
}

/// A length is integers, earlier fixed fields, `+ - * / %`, parentheses, `min(a, b)`,
/// `max(a, b)` and `if_else(condition, a, b)` (conditions as in assertions).
fn check_length_expr(
    cx: &Ctxt,
    container: &Container,
    expr: &syn::Expr,
    lit: &syn::LitStr,
    fixed: &[String],
    scope: &Scope,
) {
    let recurse = |expr: &syn::Expr| check_length_expr(cx, container, expr, lit, fixed, scope);
    if let Some((cond, then, otherwise)) = if_parts(expr) {
        scope.cond(cx, lit, cond);
        recurse(then);
        recurse(otherwise);
        return;
    }
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(_),
            ..
        }) => {}
        syn::Expr::Path(path) if path.path.get_ident().is_some() => {
            let ident = path
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            if !fixed.contains(&ident) {
                cx.error_spanned_by(
                    lit,
                    format!(
                        "`{ident}` is not a fixed field before this one: a length can use the fields \
                         of {} before its first variable-length field, its parameters and the \
                         self-delimiting integers before it ({})",
                        container.ident,
                        if fixed.is_empty() {
                            "here there are none".to_owned()
                        } else {
                            fixed.join(", ")
                        }
                    ),
                );
            }
        }
        syn::Expr::Paren(inner) => recurse(&inner.expr),
        syn::Expr::Group(inner) => recurse(&inner.expr),
        syn::Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Neg(_)) => recurse(&unary.expr),
        syn::Expr::Binary(binary) if is_arithmetic(&binary.op) => {
            recurse(&binary.left);
            recurse(&binary.right);
        }
        syn::Expr::Call(call) if is_min_max(call) => call.args.iter().for_each(recurse),
        _ => cx.error_spanned_by(
            lit,
            "a length is integers, earlier fields, + - * / %, parentheses, min(a, b), max(a, b) \
             and if_else(condition, a, b), such as \"ihl * 4 - 20\"",
        ),
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
            if !matches!(field.shape, Shape::Scalar(_)) && field.bits.is_none() {
                names.push(format!("{name}_mut"));
            }
            if let Shape::Tagged(_) = field.shape {
                names.push(format!("{name}_bytes"));
            }
            names
        }
    }
}

/// Methods a variable-length record's view has besides the fixed part's getters, which it
/// would hide.
const VAR_VIEW_METHODS: &[&str] = &["size", "fixed", "hexdump"];

fn check_method_names(cx: &Ctxt, data: &Struct) {
    if data.first_var().is_some() {
        for field in &data.fields {
            let name = field.ident.unraw().to_string();
            if VAR_VIEW_METHODS.contains(&name.as_str()) {
                cx.syn_error(syn::Error::new(
                    field.ident.span(),
                    format!(
                        "field `{name}` would be hidden by the view's own `{name}()` (a record with \
                         variable-length fields has `size()`, its length, `fixed()` and \
                         `hexdump()`): rename the field"
                    ),
                ));
            }
        }
    }
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
