//! Compile-time assembly of Python `struct` format strings for derived records.
//!
//! Generated code lists one [`FormatPart`] per field; these `const fn`s merge their byte
//! orders and write the string into an array whose length is computed first.

use crate::endian::{Endian, EndianClass};

/// One field's contribution to a format string: `body` written `count` times (as `4h` when
/// `body` is one repeatable code, spelled out otherwise), and all of that `repeat` times.
/// With `string`, `count` is instead the length of one `s` string: `4s4s4s` for `[[u8; 4]; 3]`.
#[derive(Clone, Copy, Debug)]
pub struct FormatPart {
    /// The element's format without prefix; `None` if Python has no code for it.
    pub body: Option<&'static str>,
    /// Elements per group.
    pub count: usize,
    /// Groups.
    pub repeat: usize,
    /// `count` is the length of a byte string (`Ns`), not a number of elements.
    pub string: bool,
    /// The byte-order class of the field, resolved against the field's byte order.
    pub class: EndianClass,
}

/// The byte-order class of a record made of `parts`.
pub const fn format_class(parts: &[FormatPart]) -> EndianClass {
    let mut class = EndianClass::Any;
    let mut i = 0;
    while i < parts.len() {
        class = class.merge(parts[i].class);
        i += 1;
    }
    class
}

const fn expressible(parts: &[FormatPart]) -> bool {
    let mut i = 0;
    while i < parts.len() {
        if parts[i].body.is_none() {
            return false;
        }
        i += 1;
    }
    // `Inherit` (a run-time byte order record) is written with a placeholder prefix: its body
    // is what a fixed-order parent uses; `format_for` hides the whole string.
    !matches!(format_class(parts), EndianClass::Mixed)
}

const fn digits(mut n: usize) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

/// Whether `count` copies of `body` may be written as `{count}{body}`: true for one code
/// other than `s` and `p`, where a count is a length rather than a repetition.
const fn countable(body: &[u8]) -> bool {
    matches!(body, [code] if *code != b's' && *code != b'p')
}

const fn part_len(part: &FormatPart) -> usize {
    let body = match part.body {
        Some(body) => body.as_bytes(),
        None => return 0,
    };
    let group = if part.string {
        digits(part.count) + body.len()
    } else if countable(body) {
        if part.count == 1 {
            1
        } else {
            digits(part.count) + 1
        }
    } else {
        body.len() * part.count
    };
    group * part.repeat
}

/// The length of the format string (prefix included), or 0 if there is none.
pub const fn format_len(parts: &[FormatPart]) -> usize {
    if !expressible(parts) {
        return 0;
    }
    let mut len = 1;
    let mut i = 0;
    while i < parts.len() {
        len += part_len(&parts[i]);
        i += 1;
    }
    len
}

/// The prefix character for a record made of `parts` declared with byte order `own`.
pub const fn format_prefix(parts: &[FormatPart], own: Endian) -> u8 {
    match format_class(parts) {
        EndianClass::Fixed(endian) => endian.struct_prefix() as u8,
        _ => own.struct_prefix() as u8,
    }
}

const fn write_str(out: &mut [u8], mut at: usize, s: &[u8]) -> usize {
    let mut i = 0;
    while i < s.len() {
        out[at] = s[i];
        at += 1;
        i += 1;
    }
    at
}

const fn write_number(out: &mut [u8], at: usize, n: usize) -> usize {
    let width = digits(n);
    let mut rest = n;
    let mut i = width;
    while i > 0 {
        i -= 1;
        out[at + i] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    at + width
}

/// Writes the format string for `parts`; `L` must be [`format_len`]`(parts)`.
pub const fn format_write<const L: usize>(parts: &[FormatPart], own: Endian) -> [u8; L] {
    let mut out = [0u8; L];
    if L == 0 {
        return out;
    }
    out[0] = format_prefix(parts, own);
    let mut at = 1;
    let mut i = 0;
    while i < parts.len() {
        let part = &parts[i];
        if let Some(body) = part.body {
            let body = body.as_bytes();
            let mut r = 0;
            while r < part.repeat {
                if part.string {
                    at = write_number(&mut out, at, part.count);
                    at = write_str(&mut out, at, body);
                } else if countable(body) {
                    if part.count != 1 {
                        at = write_number(&mut out, at, part.count);
                    }
                    at = write_str(&mut out, at, body);
                } else {
                    let mut c = 0;
                    while c < part.count {
                        at = write_str(&mut out, at, body);
                        c += 1;
                    }
                }
                r += 1;
            }
        }
        i += 1;
    }
    out
}

/// The format string in `buf` (written by [`format_write`]), or `None` if it is empty.
pub const fn format_str(buf: &'static [u8]) -> Option<&'static str> {
    if buf.is_empty() {
        return None;
    }
    match core::str::from_utf8(buf) {
        Ok(s) => Some(s),
        Err(_) => None,
    }
}

/// A record's own `FORMAT`: `written` unless the record takes its byte order at run time.
pub const fn format_for(
    parts: &[FormatPart],
    written: Option<&'static str>,
) -> Option<&'static str> {
    match format_class(parts) {
        EndianClass::Inherit => None,
        _ => written,
    }
}

/// A format string without its byte-order prefix: what a record contributes when nested.
pub const fn format_body(format: Option<&'static str>) -> Option<&'static str> {
    match format {
        Some(s) => match s.as_bytes() {
            [_, rest @ ..] => match core::str::from_utf8(rest) {
                Ok(body) => Some(body),
                Err(_) => None,
            },
            [] => None,
        },
        None => None,
    }
}
