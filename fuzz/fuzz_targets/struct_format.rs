//! Run-time `Struct` formats from arbitrary strings, against a reference model of CPython's
//! `struct` written here (x86-64 Linux sizes and alignment):
//!
//! - `Struct::new` accepts exactly the formats the model parses, with the model's `calcsize`
//!   (`size`) and value count, and refuses the others with the model's error and position;
//! - the entry points agree: `unpack` (buffers of exactly `size` bytes only), `unpack_from`
//!   and `fields_from` at every offset, `fields`, `iter_unpack` both ways and its `fields`;
//! - each value has its code's type and the value the model reads from the bytes by hand;
//! - `pack(unpack(b))` gives back `b` up to what is normalised: pad and alignment bytes are
//!   zeros, bools 0 or 1, a `p` length byte is the length kept, a half NaN is the quiet NaN;
//! - `pack_into` writes what `pack` gives and nothing else; with a value the model says a code
//!   refuses, a wrong number of values or a short buffer, `pack` and `pack_into` give the same
//!   error and `pack_into` leaves the buffer unchanged;
//! - values print as Python's `repr` prints them and read back: floats exactly, in the
//!   shortest digits, positional for 1e-4 <= |x| < 1e16 and scientific otherwise; ints;
//!   bytes literals.
//!
//! Sizes are capped (records of up to 16 KiB are packed and unpacked) so that a format like
//! `1000000000000x` does not exhaust memory; `pack` may refuse a record for its size with an
//! error (a documented cap), which is a valid outcome.
//!
//! Input: the format (bytes up to the first 0xff, as UTF-8 with invalid bytes replaced), then
//! 8 control bytes, then the buffer. `fuzz/dict/struct_format.dict` has the format codes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::{Struct, StructError, Value};

/// The largest record packed and unpacked, and the most values.
const MAX_SIZE: usize = 1 << 14;
const MAX_VALUES: usize = 4096;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Native,
    Little,
    Big,
}

/// One item of a format, as the model parses it.
#[derive(Clone, Copy, Debug)]
struct Item {
    code: u8,
    count: usize,
    /// Where the item starts (after alignment).
    offset: usize,
    /// Bytes per value (the item's code size).
    size: usize,
}

impl Item {
    fn values(&self) -> usize {
        match self.code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => self.count,
        }
    }
}

struct Layout {
    mode: Mode,
    items: Vec<Item>,
    size: usize,
    values: usize,
}

/// Size and alignment of a code, as CPython 3.11 on x86-64 Linux has them.
fn code_size(code: u8, mode: Mode) -> Option<(usize, usize)> {
    let native = mode == Mode::Native;
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    let align = if native { size } else { 1 };
    Some((size, align))
}

/// CPython's format parser (`prepare_s`): items, sizes, alignment, and its errors.
fn model(format: &str) -> Result<Layout, StructError> {
    let chars: Vec<char> = format.chars().collect();
    if let Some(position) = chars.iter().position(|&c| c == '\0') {
        return Err(StructError::EmbeddedNull { position });
    }
    let (mode, mut i) = match chars.first() {
        Some('@') => (Mode::Native, 1),
        Some('=' | '<') => (Mode::Little, 1),
        Some('>' | '!') => (Mode::Big, 1),
        _ => (Mode::Native, 0),
    };
    const MAX: usize = isize::MAX as usize;
    let (mut items, mut size, mut values) = (Vec::new(), 0usize, 0usize);
    while i < chars.len() {
        let start = i;
        let mut c = chars[i];
        i += 1;
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
            continue;
        }
        let mut count = 1usize;
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            count = d as usize;
            loop {
                let Some(&next) = chars.get(i) else {
                    return Err(StructError::RepeatWithoutCode { position: start });
                };
                i += 1;
                match next.to_digit(10).filter(|_| next.is_ascii_digit()) {
                    Some(d) => {
                        let d = d as usize;
                        if count > MAX / 10 || (count == MAX / 10 && d > MAX % 10) {
                            return Err(StructError::TooLong { position: start });
                        }
                        count = count * 10 + d;
                    }
                    None => {
                        c = next;
                        break;
                    }
                }
            }
        }
        let code = u8::try_from(c).unwrap_or(0xff);
        let Some((item_size, align)) = code_size(code, mode) else {
            return Err(StructError::BadChar { position: i - 1 });
        };
        if align > 1 && size > 0 {
            let extra = (align - 1) - (size - 1) % align;
            if extra > MAX - size {
                return Err(StructError::TooLong { position: start });
            }
            size += extra;
        }
        if count > (MAX - size) / item_size {
            return Err(StructError::TooLong { position: start });
        }
        let item = Item {
            code,
            count,
            offset: size,
            size: item_size,
        };
        size += count * item_size;
        values += item.values();
        items.push(item);
    }
    Ok(Layout {
        mode,
        items,
        size,
        values,
    })
}

/// An unsigned integer of `bytes.len()` bytes in the mode's byte order.
fn uint(bytes: &[u8], mode: Mode) -> u64 {
    let mut v = 0u64;
    let mut push = |b: &u8| v = v << 8 | u64::from(*b);
    if mode == Mode::Big {
        bytes.iter().for_each(&mut push);
    } else {
        bytes.iter().rev().for_each(&mut push);
    }
    v
}

/// IEEE half precision, decoded by hand.
fn half(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let (exponent, fraction) = (i32::from(bits >> 10 & 0x1f), f64::from(bits & 0x3ff));
    sign * match exponent {
        0 => fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        e => (1024.0 + fraction) * 2f64.powi(e - 25),
    }
}

/// Whether two values are the same, floats by bits (any NaN equal to any NaN of the same sign).
fn same(a: &Value<'_>, b: &Value<'_>) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => {
            x.to_bits() == y.to_bits()
                || (x.is_nan() && y.is_nan() && x.is_sign_negative() == y.is_sign_negative())
        }
        _ => a == b,
    }
}

fn same_all(a: &[Value<'_>], b: &[Value<'_>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
}

/// The values of one record, read by hand from its bytes.
fn expected_values<'a>(layout: &Layout, record: &'a [u8]) -> Vec<Value<'a>> {
    let mut out = Vec::new();
    for item in &layout.items {
        match item.code {
            b'x' => {}
            b's' => out.push(Value::Bytes(&record[item.offset..item.offset + item.count])),
            b'p' => {
                let bytes = &record[item.offset..item.offset + item.count];
                out.push(Value::Bytes(match bytes.split_first() {
                    Some((&len, data)) => &data[..usize::from(len).min(data.len())],
                    None => &[],
                }));
            }
            code => {
                for n in 0..item.count {
                    let at = item.offset + n * item.size;
                    let bytes = &record[at..at + item.size];
                    let raw = uint(bytes, layout.mode);
                    let bits = 8 * item.size as u32;
                    out.push(match code {
                        b'c' => Value::Bytes(bytes),
                        b'?' => Value::Bool(raw != 0),
                        b'e' => Value::Float(half(raw as u16)),
                        b'f' => Value::Float(f64::from(f32::from_bits(raw as u32))),
                        b'd' => Value::Float(f64::from_bits(raw)),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            Value::Int(((raw << (64 - bits)) as i64) >> (64 - bits))
                        }
                        _ => Value::UInt(raw),
                    });
                }
            }
        }
    }
    out
}

/// The bytes `pack` gives for the values of `record`: `record` with what packing normalises
/// normalised.
fn normalised(layout: &Layout, record: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; record.len()];
    for item in &layout.items {
        let span = item.offset..item.offset + item.count * item.size;
        match item.code {
            b'x' => {}
            b'?' => {
                for (o, &b) in out[span.clone()].iter_mut().zip(&record[span]) {
                    *o = u8::from(b != 0);
                }
            }
            b'p' if item.count > 0 => {
                let len = usize::from(record[item.offset]).min(item.count - 1);
                out[item.offset] = len as u8;
                out[item.offset + 1..item.offset + 1 + len]
                    .copy_from_slice(&record[item.offset + 1..item.offset + 1 + len]);
            }
            b'e' => {
                out[span.clone()].copy_from_slice(&record[span]);
                for n in 0..item.count {
                    let at = item.offset + 2 * n;
                    let bits = uint(&record[at..at + 2], layout.mode) as u16;
                    if bits & 0x7c00 == 0x7c00 && bits & 0x3ff != 0 {
                        let quiet = (bits & 0x8000 | 0x7e00).to_le_bytes();
                        let quiet = if layout.mode == Mode::Big {
                            [quiet[1], quiet[0]]
                        } else {
                            quiet
                        };
                        out[at..at + 2].copy_from_slice(&quiet);
                    }
                }
            }
            _ => out[span.clone()].copy_from_slice(&record[span]),
        }
    }
    out
}

/// Whether packed bytes match the normalised record, `f` NaNs compared by sign only (a
/// signalling NaN may come back quiet).
fn packed_matches(layout: &Layout, packed: &[u8], expected: &[u8]) -> bool {
    if packed.len() != expected.len() {
        return false;
    }
    let mut loose = vec![false; packed.len()];
    for item in layout.items.iter().filter(|item| item.code == b'f') {
        for n in 0..item.count {
            let at = item.offset + 4 * n;
            let bits = uint(&expected[at..at + 4], layout.mode) as u32;
            let got = uint(&packed[at..at + 4], layout.mode) as u32;
            if f32::from_bits(bits).is_nan()
                && f32::from_bits(got).is_nan()
                && bits >> 31 == got >> 31
            {
                loose[at..at + 4].fill(true);
            }
        }
    }
    packed
        .iter()
        .zip(expected)
        .zip(&loose)
        .all(|((a, b), &loose)| loose || a == b)
}

/// Whether CPython's `struct.pack` accepts `value` for one value of `code`.
fn accepts(code: u8, mode: Mode, size: usize, count: usize, value: &Value<'_>) -> bool {
    let integer = match *value {
        Value::Int(v) => Some(i128::from(v)),
        Value::UInt(v) => Some(i128::from(v)),
        Value::Bool(v) => Some(i128::from(v)),
        _ => None,
    };
    let float = match *value {
        Value::Float(x) => Some(x),
        Value::Bytes(_) => None,
        _ => integer.map(|v| v as f64),
    };
    match code {
        b'c' => matches!(value, Value::Bytes(b) if b.len() == 1),
        b's' | b'p' => matches!(value, Value::Bytes(_)),
        b'?' => true,
        b'e' => float.is_some_and(|x| !x.is_finite() || x.abs() < 65520.0),
        b'f' if mode == Mode::Native => float.is_some(),
        b'f' => float.is_some_and(|x| !x.is_finite() || x.abs() < 3.402_823_567_797_336_6e38),
        b'd' => float.is_some(),
        b'P' => integer.is_some_and(|v| (-(1i128 << 63)..1i128 << 64).contains(&v)),
        _ => {
            let bits = 8 * size as u32;
            let signed = code.is_ascii_lowercase();
            let _ = count;
            integer.is_some_and(|v| {
                if signed {
                    (-(1i128 << (bits - 1))..1i128 << (bits - 1)).contains(&v)
                } else {
                    (0..1i128 << bits).contains(&v)
                }
            })
        }
    }
}

/// Python's `repr` of a float, checked: the form, the shortest digits, and the value read back.
fn check_float_repr(x: f64) {
    let text = Value::Float(x).to_string();
    assert_eq!(format!("{:?}", Value::Float(x)), text);
    if x.is_nan() {
        assert_eq!(text, "nan");
        return;
    }
    if x.is_infinite() {
        assert_eq!(text, if x > 0.0 { "inf" } else { "-inf" });
        return;
    }
    let back: f64 = text
        .parse()
        .unwrap_or_else(|e| panic!("repr {text:?} does not parse: {e}"));
    assert_eq!(
        back.to_bits(),
        x.to_bits(),
        "repr {text:?} reads back as {back:?}, not {x:?}"
    );
    let body = text.strip_prefix('-').unwrap_or(&text);
    assert_eq!(text.starts_with('-'), x.is_sign_negative(), "{text}");
    let positional = x == 0.0 || (1e-4..1e16).contains(&x.abs());
    match body.split_once('e') {
        None => {
            assert!(positional, "{text} should be scientific");
            let (whole, fraction) = body.split_once('.').expect("a point in a positional repr");
            assert!(!whole.is_empty() && !fraction.is_empty(), "{text}");
            assert!(
                whole
                    .bytes()
                    .chain(fraction.bytes())
                    .all(|b| b.is_ascii_digit()),
                "{text}"
            );
            assert!(whole == "0" || !whole.starts_with('0'), "{text}");
        }
        Some((mantissa, exponent)) => {
            assert!(!positional, "{text} should be positional");
            let digits = exponent
                .strip_prefix(['+', '-'])
                .expect("a signed exponent");
            assert!(
                digits.len() >= 2 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{text}"
            );
            let mut parts = mantissa.split('.');
            let lead = parts.next().unwrap();
            assert!(lead.len() == 1 && lead != "0", "{text}");
            if let Some(rest) = parts.next() {
                assert!(!rest.is_empty() && !rest.ends_with('0'), "{text}");
            }
        }
    }
    // The shortest digits that read back: as many significant digits as Rust's shortest form.
    let significant = |s: &str| {
        let mantissa = s.split(['e', 'E']).next().unwrap();
        let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        digits.trim_start_matches('0').trim_end_matches('0').len()
    };
    assert_eq!(
        significant(&text),
        significant(&format!("{x:e}")),
        "{text} is not shortest"
    );
}

/// Reads a Python bytes literal (`b'..'` or `b".."`) back into bytes.
fn parse_bytes_literal(text: &str) -> Vec<u8> {
    let body = text.strip_prefix('b').expect("b prefix");
    let quote = body.as_bytes()[0];
    assert!(quote == b'\'' || quote == b'"', "{text}");
    assert_eq!(*body.as_bytes().last().unwrap(), quote, "{text}");
    let inner = &body.as_bytes()[1..body.len() - 1];
    let mut out = Vec::new();
    let mut i = 0;
    while i < inner.len() {
        let b = inner[i];
        assert!((0x20..0x7f).contains(&b), "{text}: raw byte {b:#x}");
        assert!(b != quote, "{text}: unescaped quote");
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let e = inner[i + 1];
        i += 2;
        out.push(match e {
            b'\\' => b'\\',
            b't' => b'\t',
            b'n' => b'\n',
            b'r' => b'\r',
            b'\'' | b'"' => e,
            b'x' => {
                let hex = std::str::from_utf8(&inner[i..i + 2]).unwrap();
                i += 2;
                u8::from_str_radix(hex, 16).unwrap()
            }
            _ => panic!("{text}: unknown escape \\{}", e as char),
        });
    }
    out
}

fn check_repr(value: &Value<'_>) {
    match *value {
        Value::Float(x) => check_float_repr(x),
        Value::Int(v) => assert_eq!(value.to_string().parse::<i64>().ok(), Some(v)),
        Value::UInt(v) => assert_eq!(value.to_string().parse::<u64>().ok(), Some(v)),
        Value::Bool(v) => assert_eq!(value.to_string(), if v { "True" } else { "False" }),
        Value::Bytes(b) => assert_eq!(parse_bytes_literal(&value.to_string()), b),
    }
}

/// A value to put in place of another, from two control bytes.
fn replacement(kind: u8, arg: u8) -> Value<'static> {
    const BYTES: [&[u8]; 4] = [b"", b"a", b"\x00\xff", b"overlay's bytes"];
    let arg8 = i64::from(arg as i8);
    match kind % 8 {
        0 => Value::Int(arg8 << (arg % 64)),
        1 => Value::Int(
            (-1i64)
                .wrapping_sub(1 << (arg % 64))
                .wrapping_add(i64::from(arg % 3)),
        ),
        2 => Value::UInt(u64::MAX >> (arg % 64)),
        3 => Value::UInt((1u64 << (arg % 64)) + u64::from(arg % 3)),
        4 => Value::Bool(arg & 1 != 0),
        5 => Value::Bytes(BYTES[usize::from(arg % 4)]),
        6 => Value::Float(match arg % 8 {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => -65520.0,
            3 => 65519.99,
            4 => 3.402_823_567_797_336_6e38,
            5 => 3.402_823_567_797_336e38,
            6 => f64::MAX,
            _ => -0.0,
        }),
        _ => Value::Float(f64::from(arg as i8) * 1.5f64.powi(i32::from(arg % 128))),
    }
}

fn check_struct_error(error: overlay::Error, expected: StructError) {
    assert_eq!(error.struct_error(), Some(expected), "{error}");
    let text = error.to_string();
    assert!(!text.is_empty() && !text.contains('\n'), "{text:?}");
}

/// A refusal of a record for its size: the only error `pack` may give values it unpacked.
fn size_refusal(error: &overlay::Error) -> bool {
    !matches!(
        error.struct_error(),
        Some(
            StructError::ValueCount { .. }
                | StructError::NotAnInteger
                | StructError::NotAFloat
                | StructError::NotBytes { .. }
                | StructError::NotAChar
                | StructError::ArgumentOutOfRange
                | StructError::IntTooLarge
                | StructError::NamedRange { .. }
                | StructError::CodeRange { .. }
                | StructError::FloatTooLarge { .. }
        ) | None
    )
}

/// `pack` and `pack_into` of `values`: the same bytes or the same error, and a failed
/// `pack_into` leaves the buffer as it was. Returns what `pack` gave.
fn pack_both(
    format: &Struct,
    values: &[Value<'_>],
    scratch: &[u8],
    offset: usize,
) -> Result<Vec<u8>, overlay::Error> {
    let packed = format.pack(values);
    let mut buffer = scratch.to_vec();
    buffer.resize(offset + format.size() + 3, 0xa5);
    let before = buffer.clone();
    match (&packed, format.pack_into(&mut buffer, offset, values)) {
        (Ok(bytes), Ok(())) => {
            let mut expected = before.clone();
            expected[offset..offset + bytes.len()].copy_from_slice(bytes);
            assert_eq!(
                buffer, expected,
                "pack_into writes what pack gives, only there"
            );
        }
        (Err(error), Err(into)) => {
            assert_eq!(buffer, before, "a failed pack_into changed the buffer");
            match (error.struct_error(), into.struct_error()) {
                (
                    Some(StructError::ValueCount {
                        pack_into: false,
                        expected,
                        got,
                    }),
                    Some(StructError::ValueCount {
                        pack_into: true,
                        expected: e,
                        got: g,
                    }),
                ) => assert_eq!((expected, got), (e, g)),
                _ => assert_eq!(*error, into, "pack and pack_into refuse alike"),
            }
        }
        (Err(error), Ok(())) => {
            // pack_into needs no allocation; only a size refusal is pack's own.
            assert!(
                size_refusal(error),
                "pack refused what pack_into took: {error}"
            );
            return packed;
        }
        (Ok(_), Err(into)) => panic!("pack_into refused what pack took: {into}"),
    }
    // Too short a buffer: refused, unchanged.
    if offset + format.size() == 0 {
        return packed;
    }
    let short_len =
        (offset + format.size()).saturating_sub(1 + usize::from(scratch.len() % 3 == 0));
    let mut short = scratch
        .iter()
        .copied()
        .cycle()
        .take(short_len)
        .collect::<Vec<u8>>();
    short.resize(short_len, 0x5a);
    let before = short.clone();
    if let Err(error) = format.pack_into(&mut short, offset, values) {
        assert_eq!(short, before, "a failed pack_into changed the buffer");
        if packed.is_ok() {
            check_struct_error(
                error,
                StructError::PackIntoSize {
                    size: format.size(),
                    offset,
                    len: short_len,
                },
            );
        }
    } else {
        panic!(
            "pack_into wrote {} bytes into {short_len} at {offset}",
            format.size()
        );
    }
    packed
}

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0xff).unwrap_or(data.len());
    let text = String::from_utf8_lossy(&data[..split]);
    let rest = data.get(split + 1..).unwrap_or(&[]);
    let mut control = [0u8; 8];
    for (c, b) in control.iter_mut().zip(rest) {
        *c = *b;
    }
    let buffer = rest.get(8..).unwrap_or(&[]);

    let expected = model(&text);
    let format = match (Struct::new(&text), expected) {
        (Ok(format), Ok(layout)) => (format, layout),
        (Err(error), Err(expected)) => {
            check_struct_error(error, expected);
            assert!(expected.position().unwrap() <= text.chars().count());
            return;
        }
        (Ok(format), Err(expected)) => {
            panic!("{text:?}: accepted {format:?}, the model says {expected}")
        }
        (Err(error), Ok(layout)) => panic!(
            "{text:?}: refused ({error}), the model says size {}",
            layout.size
        ),
    };
    let (format, layout) = format;
    assert_eq!(format.size(), layout.size, "{text:?}: calcsize");
    assert_eq!(format.value_count(), layout.values, "{text:?}: values");
    assert_eq!(format.format(), text);
    let size = layout.size;

    // Buffers of the wrong size, with no allocation needed.
    let len = buffer.len();
    if len != size {
        check_struct_error(
            format.unpack(buffer).unwrap_err(),
            StructError::UnpackSize { size },
        );
        assert!(format.fields(buffer).is_err());
    }
    let offset = usize::from(control[0] % 16);
    if offset.checked_add(size).is_none_or(|end| end > len) {
        let expected = StructError::UnpackFromSize { size, offset, len };
        check_struct_error(format.unpack_from(buffer, offset).unwrap_err(), expected);
        check_struct_error(format.fields_from(buffer, offset).err().unwrap(), expected);
    }
    match format.iter_unpack(buffer) {
        Err(error) if size == 0 => check_struct_error(error, StructError::IterZeroSize),
        Err(error) => {
            assert_ne!(len % size, 0);
            check_struct_error(error, StructError::IterMultiple { size });
        }
        Ok(records) => {
            assert!(size > 0 && len % size == 0);
            assert_eq!(records.len(), len / size);
        }
    }
    if size > MAX_SIZE || layout.values > MAX_VALUES {
        return;
    }

    // One record: the buffer's first `size` bytes, or its bytes repeated to that size.
    let mut record: Vec<u8> = buffer
        .iter()
        .chain(&control)
        .copied()
        .cycle()
        .take(size)
        .collect();
    record.resize(size, 0);
    let values = format
        .unpack(&record)
        .expect("a record of the format's size");
    assert!(
        same_all(&values, &expected_values(&layout, &record)),
        "{text:?}: unpacked {values:?}"
    );
    assert!(same_all(
        &format.fields(&record).unwrap().collect::<Vec<_>>(),
        &values
    ));
    assert_eq!(format.fields(&record).unwrap().len(), layout.values);
    for value in &values {
        check_repr(value);
    }
    let _ = format.hexdump_from(buffer, offset).to_string();

    // unpack_from at each offset that fits, in a buffer of records.
    let mut long = buffer.to_vec();
    long.extend_from_slice(&record);
    for at in [0, offset, long.len().saturating_sub(size)] {
        if let Some(slice) = long.get(at..at + size) {
            let got = format.unpack_from(&long, at).unwrap();
            assert!(same_all(&got, &format.unpack(slice).unwrap()));
            assert!(same_all(
                &format.fields_from(&long, at).unwrap().collect::<Vec<_>>(),
                &got
            ));
        }
    }
    if size > 0 {
        let whole = &long[..long.len() / size * size];
        let count = whole.len() / size;
        let forward: Vec<Vec<Value<'_>>> = format.iter_unpack(whole).unwrap().collect();
        assert_eq!(forward.len(), count);
        for (chunk, got) in whole.chunks_exact(size).zip(&forward) {
            assert!(same_all(got, &format.unpack(chunk).unwrap()));
        }
        let backward: Vec<Vec<Value<'_>>> = format.iter_unpack(whole).unwrap().rev().collect();
        assert!(backward
            .iter()
            .rev()
            .zip(&forward)
            .all(|(a, b)| same_all(a, b)));
        let lazy: Vec<Vec<Value<'_>>> = format
            .iter_unpack(whole)
            .unwrap()
            .fields()
            .map(|f| f.collect())
            .collect();
        assert!(lazy.iter().zip(&forward).all(|(a, b)| same_all(a, b)));
    }

    // pack(unpack(b)) == b, normalised; and unpack again gives the same values.
    let scratch: Vec<u8> = buffer.iter().rev().copied().collect();
    match pack_both(&format, &values, &scratch, offset) {
        Ok(packed) => {
            let expected = normalised(&layout, &record);
            assert!(
                packed_matches(&layout, &packed, &expected),
                "{text:?}: pack(unpack({record:02x?})) = {packed:02x?}, expected {expected:02x?}"
            );
            let again = format.unpack(&packed).unwrap();
            assert!(
                same_all(&again, &values),
                "{text:?}: {again:?} != {values:?}"
            );
        }
        Err(error) => assert!(
            size_refusal(&error),
            "{text:?}: pack refused its own values: {error}"
        ),
    }

    // The wrong number of values.
    let mut more = values.clone();
    more.push(Value::Int(0));
    let error = pack_both(&format, &more, &scratch, offset).unwrap_err();
    check_struct_error(
        error,
        StructError::ValueCount {
            pack_into: false,
            expected: layout.values,
            got: layout.values + 1,
        },
    );
    if let Some((_, fewer)) = values.split_last() {
        assert!(pack_both(&format, fewer, &scratch, offset).is_err());
    }

    // One value replaced: accepted exactly when CPython's rules accept it.
    if values.is_empty() {
        return;
    }
    let index = usize::from(u16::from_le_bytes([control[1], control[2]])) % values.len();
    let replaced = replacement(control[3], control[4]);
    let mut changed = values.clone();
    changed[index] = replaced;
    let mut seen = 0;
    let item = layout
        .items
        .iter()
        .find(|item| {
            seen += item.values();
            seen > index
        })
        .unwrap();
    let ok = accepts(item.code, layout.mode, item.size, item.count, &replaced);
    match pack_both(&format, &changed, &scratch, offset) {
        Ok(packed) => {
            assert!(ok, "{text:?}: '{}' took {replaced:?}", item.code as char);
            let back = format.unpack(&packed).unwrap();
            let as_int = |v: &Value<'_>| match *v {
                Value::Int(v) => Some(i128::from(v)),
                Value::UInt(v) => Some(i128::from(v)),
                Value::Bool(v) => Some(i128::from(v)),
                _ => None,
            };
            let integer_code = !b"?efdcspx".contains(&item.code);
            if let (true, Some(want)) = (integer_code, as_int(&replaced)) {
                let got = as_int(&back[index]).expect("an integer code reads integers");
                // `P` keeps a negative number as its two's complement.
                assert!(
                    got == want || (item.code == b'P' && got == want + (1i128 << 64)),
                    "{text:?}: packed {replaced:?}, read back {got}"
                );
            }
        }
        Err(error) => {
            assert!(
                !ok || size_refusal(&error),
                "{text:?}: '{}' refused {replaced:?}: {error}",
                item.code as char
            );
        }
    }
});
