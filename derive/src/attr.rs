//! Parsing of `#[overlay(...)]` attributes on containers, fields and enums.
//!
//! Only syntax is checked here: which keys exist, their value types, and duplicates (reported
//! at the second use). Rules that need the field's type live in `model` and `check`.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, LitStr, Path, Token};

use crate::ctxt::Ctxt;

/// Attribute keywords.
pub const OVERLAY: &str = "overlay";
pub const ENDIAN: &str = "endian";
pub const VIEW: &str = "view";
pub const VIEW_MUT: &str = "view_mut";
pub const CRATE: &str = "crate";
pub const PAD: &str = "pad";
pub const BITS: &str = "bits";
pub const BYTES: &str = "bytes";
pub const COUNT: &str = "count";
pub const REST: &str = "rest";
pub const SERIALIZE: &str = "serialize";
pub const OTHER: &str = "other";
pub const MAGIC: &str = "magic";
pub const ASSERT: &str = "assert";
pub const TAG: &str = "tag";
pub const PARAM: &str = "param";

/// The constant of `#[overlay(magic = ..)]`.
#[derive(Clone)]
pub enum MagicAttr {
    /// `magic = b"\x7fELF"`, for a byte array.
    Bytes(syn::LitByteStr),
    /// `magic = 0xa1b2c3d4` (or negative), for an integer.
    Integer(Box<syn::Expr>),
}

/// How a variable-length field's size is given.
#[derive(Clone)]
pub enum LengthAttr {
    /// `bytes = "expr"`: a byte length.
    Bytes(syn::LitStr),
    /// `count = "expr"`: a number of elements.
    Count(syn::LitStr),
    /// `rest`: everything after the earlier fields.
    Rest,
}
pub const BIT_ORDER: &str = "bit_order";

/// Which end of a bit group the first bit field takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BitOrder {
    /// The first field takes the most significant bits (network headers: IPv4, TCP).
    Msb,
    /// The first field takes the least significant bits (C compilers on little-endian targets).
    Lsb,
}

/// A byte order named in an attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndianSpec {
    Little,
    Big,
    Native,
    /// Chosen when the view is made (`view_with`): only for a whole struct.
    Runtime,
}

/// One attribute value together with where it was written, for diagnostics.
#[derive(Clone)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// What a container attribute list belongs to: the keys differ.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Struct,
    /// A fieldless enum (closed or open).
    Enum,
    /// A payload enum: variants that hold records and name their tags.
    Payload,
}

/// `#[overlay(...)]` on a struct or enum.
#[derive(Default)]
pub struct ContainerAttrs {
    pub endian: Option<Spanned<EndianSpec>>,
    pub view: Option<Ident>,
    pub view_mut: Option<Ident>,
    pub krate: Option<Path>,
    pub bit_order: Option<Spanned<BitOrder>>,
    /// `serialize`: the owned struct implements `serde::Serialize` too (feature `serde`).
    pub serialize: Option<Span>,
    /// `assert = "ihl >= 5"`, any number of times: conditions over the fields, checked when a
    /// view is made.
    pub asserts: Vec<LitStr>,
    /// `param = "usable"`, any number of times: values that lengths use but the bytes do not
    /// hold, given when a view is made.
    pub params: Vec<Ident>,
}

/// `#[overlay(...)]` on a field.
#[derive(Default)]
pub struct FieldAttrs {
    pub endian: Option<Spanned<EndianSpec>>,
    pub pad: Option<Span>,
    pub bits: Option<Spanned<u32>>,
    pub length: Option<Spanned<LengthAttr>>,
    pub magic: Option<Spanned<MagicAttr>>,
    /// `tag = "ether_type"`: a payload field, whose variant the named earlier field chooses.
    pub tag: Option<Spanned<Ident>>,
}

/// `#[overlay(...)]` on an enum variant.
#[derive(Default)]
pub struct VariantAttrs {
    /// `other`: the catch-all variant of an open enum, holding every raw value no other
    /// variant names (or of a payload enum, holding the bytes of every tag no variant names).
    pub other: Option<Span>,
    /// `tag = 0x0800` (repeatable): the values of the tag field that select this payload
    /// variant; integer literals or paths to constants.
    pub tags: Vec<syn::Expr>,
    /// Whether `tag` was written, even with a value that did not parse: the enum is then a
    /// payload enum, and reports only that value.
    pub wrote_tag: bool,
}

/// Stores `value` in `slot`, or reports a duplicate at this (the second) use.
fn set_once<T>(cx: &Ctxt, meta: &ParseNestedMeta, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        let name = meta
            .path
            .get_ident()
            .map(ToString::to_string)
            .unwrap_or_default();
        cx.error_spanned_by(
            &meta.path,
            format!(
                "duplicate overlay attribute `{name}`: each key may be given once; remove this one"
            ),
        );
    } else {
        *slot = Some(value);
    }
}

/// The string value of `key = "..."`; `example` is a valid value, for the diagnostic.
fn parse_lit_str(meta: &ParseNestedMeta, key: &str, example: &str) -> syn::Result<LitStr> {
    let expected = || format!("`{key}` takes a string: write {key} = \"{example}\"");
    let value = meta.value().map_err(|_| meta.error(expected()))?;
    value
        .parse()
        .map_err(|e| syn::Error::new(e.span(), expected()))
}

fn parse_endian(meta: &ParseNestedMeta) -> syn::Result<Spanned<EndianSpec>> {
    let lit = parse_lit_str(meta, ENDIAN, "big")?;
    let value = match lit.value().as_str() {
        "little" => EndianSpec::Little,
        "big" | "network" => EndianSpec::Big,
        "native" => EndianSpec::Native,
        "runtime" => EndianSpec::Runtime,
        other => {
            return Err(syn::Error::new(
                lit.span(),
                format!(
                    "unknown byte order \"{other}\"; expected \"big\", \"little\", \"native\", \"network\" or \"runtime\""
                ),
            ))
        }
    };
    Ok(Spanned {
        value,
        span: lit.span(),
    })
}

fn parse_ident(meta: &ParseNestedMeta, key: &str, example: &str) -> syn::Result<Ident> {
    let lit = parse_lit_str(meta, key, example)?;
    lit.parse().map_err(|_| {
        syn::Error::new(
            lit.span(),
            format!(
                "`{key}` needs a type name such as \"{example}\", found \"{}\"",
                lit.value()
            ),
        )
    })
}

fn parse_crate_path(meta: &ParseNestedMeta) -> syn::Result<Path> {
    let lit = parse_lit_str(meta, CRATE, "::overlay")?;
    lit.parse().map_err(|_| {
        syn::Error::new(
            lit.span(),
            format!(
                "`crate` needs a path to the overlay crate such as \"::overlay\" or \
                 \"crate::reexport::overlay\", found \"{}\"",
                lit.value()
            ),
        )
    })
}

fn parse_bit_order(meta: &ParseNestedMeta) -> syn::Result<Spanned<BitOrder>> {
    let lit = parse_lit_str(meta, BIT_ORDER, "msb")?;
    let value = match lit.value().as_str() {
        "msb" => BitOrder::Msb,
        "lsb" => BitOrder::Lsb,
        other => {
            return Err(syn::Error::new(
                lit.span(),
                format!("unknown bit order \"{other}\"; expected \"msb\" or \"lsb\""),
            ))
        }
    };
    Ok(Spanned {
        value,
        span: lit.span(),
    })
}

fn parse_bits(meta: &ParseNestedMeta) -> syn::Result<Spanned<u32>> {
    let expected = || "`bits` takes a width: write bits = 4";
    let value = meta
        .value()
        .map_err(|e| syn::Error::new(e.span(), expected()))?;
    let lit: syn::LitInt = value
        .parse()
        .map_err(|e| syn::Error::new(e.span(), expected()))?;
    let width: u32 = lit.base10_parse()?;
    if width == 0 || width > 64 {
        return Err(syn::Error::new(
            lit.span(),
            format!("a bit field is 1 to 64 bits wide, found {width}"),
        ));
    }
    Ok(Spanned {
        value: width,
        span: lit.span(),
    })
}

/// A key that takes no value (`pad`, `other`): where it was written.
fn parse_flag(meta: &ParseNestedMeta, key: &str) -> syn::Result<Span> {
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        return Err(meta.error(format!("`{key}` takes no value: write #[overlay({key})]")));
    }
    Ok(meta
        .path
        .get_ident()
        .map_or_else(Span::call_site, Ident::span))
}

/// `magic = b"..."` or `magic = <integer literal>` (optionally negative).
fn parse_magic(meta: &ParseNestedMeta) -> syn::Result<Spanned<MagicAttr>> {
    const FIX: &str =
        "`magic` takes a byte string or an integer: write #[overlay(magic = b\"\\x7fELF\")] \
                       or #[overlay(magic = 0xa1b2c3d4)]";
    let expr: syn::Expr = meta.value().map_err(|_| meta.error(FIX))?.parse()?;
    let span = syn::spanned::Spanned::span(&expr);
    let value = match &expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::ByteStr(bytes),
            ..
        }) => MagicAttr::Bytes(bytes.clone()),
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(_),
            ..
        }) => MagicAttr::Integer(Box::new(expr)),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr: inner,
            ..
        }) if matches!(
            &**inner,
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(_),
                ..
            })
        ) =>
        {
            MagicAttr::Integer(Box::new(expr))
        }
        _ => return Err(syn::Error::new(span, FIX)),
    };
    Ok(Spanned { value, span })
}

/// `tag = 0x0800`, `tag = -1` or `tag = PATH` (a constant, or a variant of a closed enum).
fn parse_tag_value(meta: &ParseNestedMeta) -> syn::Result<syn::Expr> {
    const FIX: &str = "`tag` takes an integer or the path of a constant: write \
                       #[overlay(tag = 0x0800)] or #[overlay(tag = EtherType::Ipv4)]";
    let expr: syn::Expr = meta.value().map_err(|_| meta.error(FIX))?.parse()?;
    let is_int = |e: &syn::Expr| {
        matches!(
            e,
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(_),
                ..
            })
        )
    };
    match &expr {
        e if is_int(e) => Ok(expr),
        syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr: inner,
            ..
        }) if is_int(inner) => Ok(expr),
        syn::Expr::Path(path) if path.qself.is_none() => Ok(expr),
        _ => Err(syn::Error::new(syn::spanned::Spanned::span(&expr), FIX)),
    }
}

fn overlay_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident(OVERLAY))
}

fn unknown(meta: &ParseNestedMeta, expected: &str) -> syn::Error {
    let name = meta
        .path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| "this".to_owned());
    meta.error(format!(
        "unknown overlay attribute `{name}`; expected {expected}"
    ))
}

impl ContainerAttrs {
    /// Parses the attributes of a struct, enum or payload enum.
    pub fn parse(cx: &Ctxt, attrs: &[Attribute], target: Target) -> Self {
        let is_enum = target != Target::Struct;
        let names_views = target != Target::Enum;
        let mut out = ContainerAttrs::default();
        for attr in overlay_attrs(attrs) {
            let result = attr.parse_nested_meta(|meta| {
                if target != Target::Payload && meta.path.is_ident(ENDIAN) {
                    let endian = parse_endian(&meta)?;
                    set_once(cx, &meta, &mut out.endian, endian);
                } else if meta.path.is_ident(CRATE) {
                    let path = parse_crate_path(&meta)?;
                    set_once(cx, &meta, &mut out.krate, path);
                } else if names_views && meta.path.is_ident(VIEW) {
                    let ident = parse_ident(&meta, VIEW, "HeaderView")?;
                    set_once(cx, &meta, &mut out.view, ident);
                } else if names_views && meta.path.is_ident(VIEW_MUT) {
                    let ident = parse_ident(&meta, VIEW_MUT, "HeaderViewMut")?;
                    set_once(cx, &meta, &mut out.view_mut, ident);
                } else if !is_enum && meta.path.is_ident(SERIALIZE) {
                    let span = meta.path.get_ident().map_or_else(Span::call_site, Ident::span);
                    set_once(cx, &meta, &mut out.serialize, span);
                } else if !is_enum && meta.path.is_ident(PARAM) {
                    let ident = parse_ident(&meta, PARAM, "usable")?;
                    out.params.push(ident);
                } else if !is_enum && meta.path.is_ident(ASSERT) {
                    out.asserts
                        .push(parse_lit_str(&meta, ASSERT, "ihl >= 5 && version == 4")?);
                } else if !is_enum && meta.path.is_ident(BIT_ORDER) {
                    let order = parse_bit_order(&meta)?;
                    set_once(cx, &meta, &mut out.bit_order, order);
                } else if target == Target::Payload {
                    return Err(unknown(
                        &meta,
                        "`view`, `view_mut` or `crate` on a payload enum",
                    ));
                } else if is_enum {
                    return Err(unknown(&meta, "`endian` or `crate` on an enum"));
                } else {
                    return Err(unknown(
                        &meta,
                        "`endian`, `bit_order`, `view`, `view_mut`, `serialize`, `assert`, `param` or \
                         `crate` on a struct",
                    ));
                }
                Ok(())
            });
            if let Err(e) = result {
                cx.syn_error(e);
            }
        }
        out
    }
}

impl FieldAttrs {
    /// Parses the attributes of one field.
    pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = FieldAttrs::default();
        for attr in overlay_attrs(attrs) {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident(ENDIAN) {
                    let endian = parse_endian(&meta)?;
                    set_once(cx, &meta, &mut out.endian, endian);
                } else if meta.path.is_ident(PAD) {
                    let span = parse_flag(&meta, PAD)?;
                    set_once(cx, &meta, &mut out.pad, span);
                } else if meta.path.is_ident(BITS) {
                    let bits = parse_bits(&meta)?;
                    set_once(cx, &meta, &mut out.bits, bits);
                } else if meta.path.is_ident(BYTES) || meta.path.is_ident(COUNT) {
                    let is_bytes = meta.path.is_ident(BYTES);
                    let key = if is_bytes { BYTES } else { COUNT };
                    let lit = parse_lit_str(&meta, key, "n_items * 4")?;
                    let span = lit.span();
                    let value = if is_bytes {
                        LengthAttr::Bytes(lit)
                    } else {
                        LengthAttr::Count(lit)
                    };
                    set_once(cx, &meta, &mut out.length, Spanned { value, span });
                } else if meta.path.is_ident(MAGIC) {
                    let magic = parse_magic(&meta)?;
                    set_once(cx, &meta, &mut out.magic, magic);
                } else if meta.path.is_ident(TAG) {
                    let lit = parse_lit_str(&meta, TAG, "ether_type")?;
                    let ident: Ident = lit.parse().map_err(|_| {
                        syn::Error::new(
                            lit.span(),
                            format!(
                                "`tag` names an earlier field of this record, such as \"ether_type\", \
                                 found \"{}\"",
                                lit.value()
                            ),
                        )
                    })?;
                    let span = lit.span();
                    set_once(cx, &meta, &mut out.tag, Spanned { value: ident, span });
                } else if meta.path.is_ident(REST) {
                    let span = meta
                        .path
                        .get_ident()
                        .map_or_else(Span::call_site, Ident::span);
                    set_once(
                        cx,
                        &meta,
                        &mut out.length,
                        Spanned {
                            value: LengthAttr::Rest,
                            span,
                        },
                    );
                } else {
                    return Err(unknown(
                        &meta,
                        "`endian`, `pad`, `bits`, `bytes`, `count`, `rest`, `magic` or `tag` on a \
                         field",
                    ));
                }
                Ok(())
            });
            if let Err(e) = result {
                cx.syn_error(e);
            }
        }
        out
    }
}

impl VariantAttrs {
    /// Parses the attributes of one enum variant.
    pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = VariantAttrs::default();
        for attr in overlay_attrs(attrs) {
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident(OTHER) {
                    let span = parse_flag(&meta, OTHER)?;
                    set_once(cx, &meta, &mut out.other, span);
                } else if meta.path.is_ident(TAG) {
                    out.wrote_tag = true;
                    out.tags.push(parse_tag_value(&meta)?);
                } else {
                    return Err(unknown(&meta, "`other` or `tag` on an enum variant"));
                }
                Ok(())
            });
            if let Err(e) = result {
                cx.syn_error(e);
            }
        }
        out
    }
}
