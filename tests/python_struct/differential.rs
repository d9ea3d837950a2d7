//! `overlay::Struct` against CPython's `struct` module, case by case.
//!
//! Seeded random formats (every prefix, every code, repeat counts, whitespace, and a share of
//! invalid formats) go to `python3` in batches, one process per few thousand cases, together
//! with random values or bytes. Each case must give the same result on both sides: the same
//! size, bytes and values (floats by bit pattern; NaN only as NaN), the same Python `repr` of
//! every unpacked value, or the same error message.
//!
//! Directions: `calcsize` (format parsing and sizes), `pack` (values, including out-of-range
//! integers, wrong types and floats that overflow), `unpack` (random bytes, every value and its
//! repr), and the offset functions (`unpack_from`, `pack_into` into a prefilled buffer,
//! `iter_unpack` on buffers of many lengths).
//!
//! The seed is printed with every mismatch; rerun with `STRUCT_DIFF_SEED=<seed>` to reproduce.
//! Without `python3` the tests print a notice and pass, except under `CI=true`, where they fail.
//!
//! One CPython behaviour is left out on purpose: a `0p` item makes CPython write one byte
//! outside the item when packing and raise `SystemError` when unpacking (a bug in `_struct.c`,
//! which sets a length byte the item does not have). Formats with a `0p` item are compared in
//! the `calcsize` direction only; `behaviour.rs` pins down what `Struct` does instead.

use std::fmt::Write as _;

use overlay::{Error, Struct, StructError, Value};

use crate::rng::Rng;
use crate::tools::{self, hex, unhex};
use crate::{Arg, CODES, PREFIXES, SPACES};

/// Cases per direction.
const CALCSIZE_CASES: usize = 10_000;
const PACK_CASES: usize = 30_000;
const UNPACK_CASES: usize = 20_000;
const OFFSET_CASES: usize = 20_000;

/// Cases per `python3` process.
const BATCH: usize = 2500;

/// The seed unless `STRUCT_DIFF_SEED` says otherwise.
const DEFAULT_SEED: u64 = 0x00dd_ba11_5eed_2024;

/// Formats whose size is above this are only compared by `calcsize` (packing them would
/// allocate the whole record on both sides).
const MAX_RECORD: usize = 1 << 16;

/// The Python side: one request per stdin line, one answer per stdout line.
///
/// Requests are tab-separated, the format in hex: `C fmt` (calcsize), `P fmt vals` (pack),
/// `U fmt data` (unpack), `F fmt data offset` (unpack_from), `I fmt buf offset vals`
/// (pack_into into `buf`; answers the whole buffer) and `T fmt data` (iter_unpack). Values are
/// space-separated tokens: `i<decimal>`, `f<8 little-endian bytes of the double, hex>`,
/// `b<hex>`, `t1`/`t0`. Answers are `O<TAB>result` or `E<TAB>ExceptionType<TAB>message`;
/// unpacked values come back as tokens followed by a tab and the hex of each value's `repr`.
const SCRIPT: &str = r#"
import struct, sys

def value(token):
    kind, body = token[0], token[1:]
    if kind == "i":
        return int(body)
    if kind == "f":
        return struct.unpack("<d", bytes.fromhex(body))[0]
    if kind == "b":
        return bytes.fromhex(body)
    if kind == "t":
        return body == "1"
    raise ValueError(token)

def values(field):
    return [value(t) for t in field.split(" ") if t]

def token(v):
    if isinstance(v, bool):
        return "t1" if v else "t0"
    if isinstance(v, int):
        return "i%d" % v
    if isinstance(v, float):
        return "f" + struct.pack("<d", v).hex()
    if isinstance(v, bytes):
        return "b" + v.hex()
    raise TypeError(type(v))

def record(items):
    return " ".join(token(v) for v in items)

def with_repr(items):
    return record(items) + "\t" + " ".join(repr(v).encode().hex() for v in items)

out = []
for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    op, fmt = parts[0], bytes.fromhex(parts[1]).decode("ascii")
    try:
        if op == "C":
            result = str(struct.calcsize(fmt))
        elif op == "P":
            result = struct.pack(fmt, *values(parts[2])).hex()
        elif op == "U":
            result = with_repr(struct.unpack(fmt, bytes.fromhex(parts[2])))
        elif op == "F":
            result = with_repr(struct.unpack_from(fmt, bytes.fromhex(parts[2]), int(parts[3])))
        elif op == "I":
            buf = bytearray.fromhex(parts[2])
            struct.pack_into(fmt, buf, int(parts[3]), *values(parts[4]))
            result = buf.hex()
        elif op == "T":
            records = list(struct.iter_unpack(fmt, bytes.fromhex(parts[2])))
            result = "%d\t%s" % (len(records), ";".join(record(r) for r in records))
        else:
            raise ValueError("unknown op " + op)
        out.append("O\t" + result)
    except Exception as e:
        out.append("E\t%s\t%s" % (type(e).__name__, e))
sys.stdout.write("".join(line + "\n" for line in out))
"#;

/// The bytes the cases are made of.
trait CodeBytes {
    /// Random bytes, fewer than `max`.
    fn short_code_bytes(&mut self, max: usize) -> Vec<u8>;
    /// Random bytes, with the values that matter to codes (0, 1, 0x7f, 0x80, 0xff and the
    /// exponent bytes of half and double infinities) more often than chance.
    fn code_bytes(&mut self, len: usize) -> Vec<u8>;
}

impl CodeBytes for Rng {
    fn short_code_bytes(&mut self, max: usize) -> Vec<u8> {
        let len = self.below(max);
        self.code_bytes(len)
    }

    fn code_bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len)
            .map(|_| {
                if self.chance(25) {
                    self.pick(&[0x00, 0x01, 0x7f, 0x80, 0xff, 0x7c, 0x7e, 0xfc, 0xf0, 0x3c])
                } else {
                    self.next_u64() as u8
                }
            })
            .collect()
    }
}

/// The protocol token of a value (shared by requests and answers).
fn token(value: &Value<'_>) -> String {
    match value {
        Value::Int(v) => format!("i{v}"),
        Value::UInt(v) => format!("i{v}"),
        Value::Float(v) => format!("f{}", hex(&v.to_le_bytes())),
        Value::Bool(v) => format!("t{}", u8::from(*v)),
        Value::Bytes(v) => format!("b{}", hex(v)),
    }
}

fn tokens(values: &[Value<'_>]) -> String {
    values.iter().map(token).collect::<Vec<_>>().join(" ")
}

fn args_tokens(args: &[Arg]) -> String {
    args.iter()
        .map(|a| token(&a.value()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tokens, a tab, and the hex of each value's `Display` (which must be Python's `repr`).
fn with_repr(values: &[Value<'_>]) -> String {
    let reprs: Vec<String> = values
        .iter()
        .map(|v| hex(v.to_string().as_bytes()))
        .collect();
    format!("{}\t{}", tokens(values), reprs.join(" "))
}

/// What a case asks both sides to do.
#[derive(Clone, Debug)]
enum Op {
    Calcsize,
    Pack(Vec<Arg>),
    Unpack(Vec<u8>),
    UnpackFrom(Vec<u8>, usize),
    PackInto(Vec<u8>, usize, Vec<Arg>),
    IterUnpack(Vec<u8>),
}

struct Case {
    format: String,
    op: Op,
}

impl Case {
    /// The request line for the Python script.
    fn request(&self) -> String {
        let fmt = hex(self.format.as_bytes());
        match &self.op {
            Op::Calcsize => format!("C\t{fmt}"),
            Op::Pack(args) => format!("P\t{fmt}\t{}", args_tokens(args)),
            Op::Unpack(data) => format!("U\t{fmt}\t{}", hex(data)),
            Op::UnpackFrom(data, offset) => format!("F\t{fmt}\t{}\t{offset}", hex(data)),
            Op::PackInto(buf, offset, args) => {
                format!("I\t{fmt}\t{}\t{offset}\t{}", hex(buf), args_tokens(args))
            }
            Op::IterUnpack(data) => format!("T\t{fmt}\t{}", hex(data)),
        }
    }

    /// A Python expression that redoes the case.
    fn python(&self) -> String {
        let args = |args: &[Arg]| {
            args.iter()
                .map(|a| match a {
                    Arg::Float(v) if v.is_nan() => {
                        format!(
                            "struct.unpack('<d', bytes.fromhex('{}'))[0]",
                            hex(&v.to_le_bytes())
                        )
                    }
                    Arg::Float(v) if v.is_infinite() => format!("float('{}')", a.value()),
                    _ => a.value().to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let fmt = format!("{:?}", self.format);
        match &self.op {
            Op::Calcsize => format!("struct.calcsize({fmt})"),
            Op::Pack(a) => format!("struct.pack({fmt}, {})", args(a)),
            Op::Unpack(data) => format!("struct.unpack({fmt}, bytes.fromhex('{}'))", hex(data)),
            Op::UnpackFrom(data, offset) => format!(
                "struct.unpack_from({fmt}, bytes.fromhex('{}'), {offset})",
                hex(data)
            ),
            Op::PackInto(buf, offset, a) => format!(
                "struct.pack_into({fmt}, bytearray.fromhex('{}'), {offset}, {})",
                hex(buf),
                args(a)
            ),
            Op::IterUnpack(data) => {
                format!(
                    "list(struct.iter_unpack({fmt}, bytes.fromhex('{}')))",
                    hex(data)
                )
            }
        }
    }

    /// What `overlay::Struct` answers, in the script's answer syntax (without the `O` tag), or
    /// its error. Also checks what needs no Python: `fields` agrees with `unpack`, and a
    /// failed `pack_into` leaves the buffer as it was.
    fn run(&self) -> Result<Result<String, Error>, String> {
        let parsed = match Struct::new(&self.format) {
            Ok(parsed) => parsed,
            Err(e) => return Ok(Err(e)),
        };
        Ok(match &self.op {
            Op::Calcsize => Ok(parsed.size().to_string()),
            Op::Pack(args) => {
                let values: Vec<Value<'_>> = args.iter().map(Arg::value).collect();
                parsed.pack(&values).map(|bytes| hex(&bytes))
            }
            Op::Unpack(data) => match parsed.unpack(data) {
                Ok(values) => {
                    let fields: Vec<Value<'_>> = parsed
                        .fields(data)
                        .map_err(|e| format!("fields failed where unpack did not: {e}"))?
                        .collect();
                    if tokens(&fields) != tokens(&values) || values.len() != parsed.value_count() {
                        return Err(format!("fields gave {fields:?}, unpack gave {values:?}"));
                    }
                    Ok(with_repr(&values))
                }
                Err(e) => Err(e),
            },
            Op::UnpackFrom(data, offset) => match parsed.unpack_from(data, *offset) {
                Ok(values) => {
                    let fields: Vec<Value<'_>> = parsed
                        .fields_from(data, *offset)
                        .map_err(|e| format!("fields_from failed where unpack_from did not: {e}"))?
                        .collect();
                    if tokens(&fields) != tokens(&values) {
                        return Err(format!(
                            "fields_from gave {fields:?}, unpack_from gave {values:?}"
                        ));
                    }
                    Ok(with_repr(&values))
                }
                Err(e) => Err(e),
            },
            Op::PackInto(buf, offset, args) => {
                let values: Vec<Value<'_>> = args.iter().map(Arg::value).collect();
                let mut out = buf.clone();
                match parsed.pack_into(&mut out, *offset, &values) {
                    Ok(()) => Ok(hex(&out)),
                    Err(e) if out != *buf => {
                        return Err(format!("pack_into failed ({e}) but changed the buffer"))
                    }
                    Err(e) => Err(e),
                }
            }
            Op::IterUnpack(data) => parsed.iter_unpack(data).map(|records| {
                let len = records.len();
                let records: Vec<String> = records.map(|r| tokens(&r)).collect();
                if records.len() != len {
                    return format!("len() said {len}, iteration gave {}", records.len());
                }
                format!("{len}\t{}", records.join(";"))
            }),
        })
    }
}

/// Whether two answer payloads agree: exactly, except that in unpacked `values` float tokens
/// that are both NaN agree whatever their bits.
fn same_payload(ours: &str, theirs: &str, values: bool) -> bool {
    if ours == theirs {
        return true;
    }
    if !values {
        return false;
    }
    let split = |s: &str| -> Vec<String> {
        s.split(['\t', ' ', ';'])
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (a, b) = (split(ours), split(theirs));
    a.len() == b.len()
        && a.iter().zip(&b).all(|(x, y)| {
            x == y
                || (x.starts_with('f') && y.starts_with('f') && is_nan_token(x) && is_nan_token(y))
        })
}

fn is_nan_token(token: &str) -> bool {
    unhex(&token[1..])
        .and_then(|bytes| <[u8; 8]>::try_from(bytes).ok())
        .is_some_and(|bits| f64::from_le_bytes(bits).is_nan())
}

/// Python's exception type for one of our errors.
fn python_type(e: &Error) -> &'static str {
    match e.struct_error() {
        Some(StructError::FloatTooLarge { .. }) => "OverflowError",
        _ => "error",
    }
}

/// Compares one case; `None` when both sides agree.
fn compare(case: &Case, answer: &str) -> Option<String> {
    let ours = match case.run() {
        Ok(ours) => ours,
        Err(problem) => return Some(problem),
    };
    let unpacks = matches!(
        case.op,
        Op::Unpack(_) | Op::UnpackFrom(..) | Op::IterUnpack(_)
    );
    let mut parts = answer.splitn(2, '\t');
    let tag = parts.next().unwrap_or_default();
    let rest = parts.next().unwrap_or_default();
    match (tag, &ours) {
        ("O", Ok(payload)) if same_payload(payload, rest, unpacks) => None,
        ("E", Err(e)) => {
            let (kind, message) = rest.split_once('\t').unwrap_or((rest, ""));
            if kind == python_type(e) && message == e.to_string() {
                None
            } else {
                Some(format!(
                    "python raised {kind}: {message}\n    overlay error: {e} ({e:?})"
                ))
            }
        }
        _ => Some(format!(
            "python answered {}\n    overlay answered {}",
            readable(answer),
            match &ours {
                Ok(payload) => readable(&format!("O\t{payload}")),
                Err(e) => format!("error: {e}"),
            }
        )),
    }
}

/// An answer line with the hex of each `repr` decoded, for failure reports.
fn readable(answer: &str) -> String {
    answer
        .split('\t')
        .map(|field| {
            let reprs: Option<Vec<String>> = field
                .split(' ')
                .map(|h| {
                    unhex(h)
                        .filter(|b| b.iter().all(|c| (b' '..=b'~').contains(c)))
                        .and_then(|b| String::from_utf8(b).ok())
                })
                .collect();
            match reprs {
                Some(reprs) if !field.is_empty() && field.len() > 2 => {
                    format!("({})", reprs.join(", "))
                }
                _ => field.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Runs a batch of requests through one `python3` process; one answer line per request.
fn python(requests: &[String]) -> Vec<String> {
    let input: String = requests.iter().map(|r| format!("{r}\n")).collect();
    let answers: Vec<String> = tools::run_python(SCRIPT, &[], input)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(answers.len(), requests.len(), "one answer per request");
    answers
}

/// The seed for one direction: `STRUCT_DIFF_SEED` (or the default) mixed with the direction.
fn seed(direction: u64) -> u64 {
    let base = std::env::var("STRUCT_DIFF_SEED")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(DEFAULT_SEED);
    base ^ direction.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Runs `count` cases made by `make` through both sides and fails with every mismatch.
fn differential(direction: u64, count: usize, mut make: impl FnMut(&mut Rng) -> Case) {
    if !tools::cpython_struct() {
        return;
    }
    let mut rng = Rng::new(seed(direction));
    let cases: Vec<Case> = (0..count).map(|_| make(&mut rng)).collect();
    let mut failures = Vec::new();
    for batch in cases.chunks(BATCH) {
        let requests: Vec<String> = batch.iter().map(Case::request).collect();
        for ((case, request), answer) in batch.iter().zip(&requests).zip(python(&requests)) {
            if let Some(problem) = compare(case, &answer) {
                failures.push(format!(
                    "{}\n    request: {request}\n    {problem}",
                    case.python()
                ));
            }
        }
    }
    // What was covered: how many cases succeeded, and how often each error came up.
    let mut outcomes = std::collections::BTreeMap::<String, usize>::new();
    for case in &cases {
        let outcome = match case.run() {
            Ok(Ok(_)) => "ok".to_string(),
            Ok(Err(e)) => match e.struct_error() {
                Some(e) => format!("{e:?}")
                    .split([' ', '{', '('])
                    .next()
                    .unwrap_or_default()
                    .to_string(),
                None => e.to_string(),
            },
            Err(_) => "check failed".to_string(),
        };
        *outcomes.entry(outcome).or_default() += 1;
    }
    eprintln!(
        "seed {}: {count} cases, {} mismatches; outcomes {outcomes:?}",
        seed(0),
        failures.len(),
    );
    assert!(
        failures.is_empty(),
        "{} of {count} cases differ from CPython (STRUCT_DIFF_SEED={}; direction {direction}):\n{}",
        failures.len(),
        seed(0),
        failures
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Formats

// `PREFIXES`, `CODES` (`n`, `N` and `P` exist only in native mode) and `SPACES` are in
// main.rs.

/// Characters that are not codes anywhere (and prefixes, which are bad past the start).
const BAD_CHARS: &[u8] =
    b"aAzZyYjJkKmMoOrRtTuUvVwWgGDEFSX%$#*-+.,;:'\"()[]{}/|_~`@=<>!\x7f\x01\x1b";

/// Huge counts: past `isize::MAX` while reading digits, or too big once multiplied.
const HUGE: &[&str] = &[
    "9223372036854775807x",
    "9223372036854775808x",
    "9223372036854775807b",
    "9223372036854775806xb",
    "9223372036854775807xb",
    "99999999999999999999s",
    "4611686018427387903h",
    "4611686018427387904h",
    "4611686018427387903b4611686018427387903H",
    "2305843009213693951q",
    "2305843009213693952d",
    "1152921504606846976Q",
    "3074457345618258602xi",
    "b2305843009213693951q",
    "18446744073709551616p",
    "1000000000000000000000000000000x",
];

/// A random format: a prefix, then items with optional counts and whitespace; sometimes made
/// invalid on purpose.
fn random_format(rng: &mut Rng) -> String {
    let prefix = rng.pick(PREFIXES);
    let native = prefix.is_empty() || prefix == "@";
    let mut format = String::from(prefix);
    let items = match rng.below(10) {
        0 => 0,
        1..=3 => 1,
        _ => 1 + rng.below(6),
    };
    for _ in 0..items {
        if rng.chance(20) {
            for _ in 0..=rng.below(2) {
                format.push(char::from(rng.pick(SPACES)));
            }
        }
        let mut code = rng.pick(CODES);
        // n, N and P with a standard prefix are errors: keep a few of those, not most.
        while !native && b"nNP".contains(&code) && !rng.chance(15) {
            code = rng.pick(CODES);
        }
        let string = code == b's' || code == b'p';
        match rng.below(20) {
            0..=8 => {}
            9 | 10 => format.push('0'),
            11 | 12 => format.push('1'),
            13..=16 => write!(format, "{}", 2 + rng.below(4)).expect("String"),
            17 if string => format.push_str(rng.pick(&["10", "255", "256", "300", "1000"])),
            _ => write!(format, "{}", rng.below(40)).expect("String"),
        }
        format.push(char::from(code));
    }
    if rng.chance(10) {
        for _ in 0..=rng.below(2) {
            format.push(char::from(rng.pick(SPACES)));
        }
    }
    if rng.chance(12) {
        spoil(rng, &mut format);
    }
    format
}

/// Makes a format (usually) invalid in one of the ways CPython reports.
fn spoil(rng: &mut Rng, format: &mut String) {
    // Any byte index is a char boundary: formats here are ASCII.
    let at = rng.below(format.len() + 1);
    match rng.below(6) {
        0 => format.insert(at, char::from(rng.pick(BAD_CHARS))),
        1 => write!(format, "{}", rng.below(1000)).expect("String"),
        2 => {
            let spaces = char::from(rng.pick(SPACES));
            let code = char::from(rng.pick(CODES));
            format.insert_str(at, &format!("{}{spaces}{code}", 1 + rng.below(9)));
        }
        3 => format.insert(at, '\0'),
        4 => {
            let huge = rng.pick(HUGE);
            format.insert_str(at, huge);
        }
        _ => format.insert(at, char::from(rng.pick(b"@=<>!"))),
    }
}

/// Whether a format `Struct::new` accepted is native, and its items as (code, count).
fn items(format: &str) -> (bool, Vec<(u8, usize)>) {
    let bytes = format.as_bytes();
    let (native, body) = match bytes.first() {
        Some(b'@') => (true, &bytes[1..]),
        Some(b'=' | b'<' | b'>' | b'!') => (false, &bytes[1..]),
        _ => (true, bytes),
    };
    let mut out = Vec::new();
    let mut count: Option<usize> = None;
    for &b in body {
        if b.is_ascii_digit() {
            let digit = usize::from(b - b'0');
            count = Some(count.unwrap_or(0).saturating_mul(10).saturating_add(digit));
        } else if !SPACES.contains(&b) {
            out.push((b, count.take().unwrap_or(1)));
        }
    }
    (native, out)
}

/// A format for a case that packs or unpacks: one `Struct::new` accepts with a small size and
/// no `0p` item, or now and then an invalid one, so that format errors are compared through
/// every function too.
fn working_format(rng: &mut Rng) -> String {
    loop {
        let format = random_format(rng);
        let Ok(parsed) = Struct::new(&format) else {
            if rng.chance(8) {
                return format;
            }
            continue;
        };
        let (_, items) = items(&format);
        if parsed.size() <= MAX_RECORD && !items.contains(&(b'p', 0)) {
            return format;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Values

/// The width in bits and the signedness of an integer code in this mode (`P` is unsigned).
fn int_code(code: u8, native: bool) -> Option<(u32, bool)> {
    let bytes = match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' => 4,
        b'l' | b'L' if native => 8,
        b'l' | b'L' => 4,
        b'q' | b'Q' | b'n' | b'N' | b'P' => 8,
        _ => return None,
    };
    Some((bytes * 8, code.is_ascii_lowercase()))
}

/// An integer as an `Arg` (`Int` when negative, either kind otherwise), if a `Value` can hold
/// it.
fn int_arg(rng: &mut Rng, v: i128) -> Option<Arg> {
    if v < 0 {
        i64::try_from(v).ok().map(Arg::Int)
    } else if v <= i128::from(i64::MAX) && rng.chance(50) {
        Some(Arg::Int(v as i64))
    } else {
        u64::try_from(v).ok().map(Arg::UInt)
    }
}

fn int_value(rng: &mut Rng, bits: u32, signed: bool) -> Arg {
    let (min, max) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    loop {
        let v: i128 = match rng.below(100) {
            0..=34 => {
                let raw = rng.next_u64() >> (64 - bits);
                if signed {
                    i128::from(((raw << (64 - bits)) as i64) >> (64 - bits))
                } else {
                    i128::from(raw)
                }
            }
            35..=59 => rng.pick(&[min, max, min - 1, max + 1, 0, 1, -1, min + 1, max - 1]),
            60..=69 => rng.pick(&[
                i128::from(i64::MIN),
                i128::from(i64::MAX),
                i128::from(u64::MAX),
                i128::from(i64::MAX) + 1,
                i128::from(i32::MIN) - 1,
                i128::from(u32::MAX) + 1,
            ]),
            70..=79 => {
                if rng.chance(50) {
                    i128::from(rng.next_u64() as i64)
                } else {
                    i128::from(rng.next_u64())
                }
            }
            80..=87 => return Arg::Bool(rng.chance(50)),
            88..=93 => return Arg::Float(rng.pick(&[0.0, 1.0, -1.5, 2.5, f64::NAN])),
            _ => return Arg::Bytes(rng.short_code_bytes(3)),
        };
        if let Some(arg) = int_arg(rng, v) {
            return arg;
        }
    }
}

/// Floats that matter to `e`, `f` and `d`: rounding and overflow boundaries, subnormals,
/// NaNs with payloads, signed zeros and infinities.
fn float_value(rng: &mut Rng) -> Arg {
    let f32_max = f64::from(f32::MAX);
    // 2^128 - 2^103: the smallest double that rounds to infinity as a float.
    let f32_overflow = f32_max + 2f64.powi(103);
    let specials = [
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
        f64::from_bits(0x7ff0_0000_0000_0001),
        f64::from_bits(0xfff8_0000_0000_0001),
        f64::from_bits(0x7ff4_0000_0000_0000),
        f64::MIN_POSITIVE,
        5e-324,
        -5e-324,
        f64::MAX,
        f64::MIN,
        1e300,
        -1e300,
        0.1,
        1.0 / 3.0,
        1e16,
        1e15,
        123456789.0,
        1e-5,
        0.0001,
        f32_max,
        -f32_max,
        f32_overflow,
        -f32_overflow,
        f64::from_bits(f32_overflow.to_bits() - 1),
        f64::from_bits(f32_overflow.to_bits() + 1),
        f64::from(f32::MIN_POSITIVE),
        f64::from(f32::from_bits(1)),
        2f64.powi(-150),
        f64::from_bits(2f64.powi(-150).to_bits() + 1),
        2f64.powi(-151),
        65504.0,
        65519.0,
        65519.999,
        65520.0,
        -65520.0,
        65536.0,
        2f64.powi(-24),
        2f64.powi(-25),
        f64::from_bits(2f64.powi(-25).to_bits() + 1),
        2f64.powi(-26),
        2f64.powi(-14),
        2f64.powi(-14) - 2f64.powi(-25),
        1.0 + 2f64.powi(-11),
        1.0 + 2f64.powi(-11) + 2f64.powi(-16),
        0x1f_fdff_ffffu64 as f64 * 2f64.powi(-26),
    ];
    match rng.below(100) {
        0..=24 => Arg::Float(f64::from_bits(rng.next_u64())),
        25..=49 => Arg::Float(rng.pick(&specials)),
        50..=62 => Arg::Float(f64::from(f32::from_bits(rng.next_u64() as u32))),
        63..=74 => {
            // Numbers around the half-float range, with random low bits.
            let exponent = rng.below(50) as i32 - 30;
            let mantissa = 1.0 + (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
            let sign = if rng.chance(50) { -1.0 } else { 1.0 };
            Arg::Float(sign * mantissa * 2f64.powi(exponent))
        }
        75..=84 => Arg::Float((rng.next_u64() as i32) as f64 / f64::from(1 << rng.below(20))),
        85..=96 => match rng.below(3) {
            0 => Arg::Int(rng.next_u64() as i64 >> rng.below(64)),
            1 => Arg::UInt(rng.next_u64() >> rng.below(64)),
            _ => Arg::Bool(rng.chance(50)),
        },
        _ => Arg::Bytes(rng.short_code_bytes(3)),
    }
}

fn bytes_value(rng: &mut Rng, count: usize) -> Arg {
    if rng.chance(8) {
        return match rng.below(3) {
            0 => Arg::Int(rng.below(300) as i64),
            1 => Arg::Float(1.5),
            _ => Arg::Bool(true),
        };
    }
    let len = match rng.below(10) {
        0..=3 => count,
        4 => 0,
        5 => count.saturating_sub(1),
        6 => count + 1 + rng.below(5),
        7 if count > 250 => 250 + rng.below(count - 249),
        _ => rng.below(count + 10),
    };
    Arg::Bytes(rng.code_bytes(len))
}

/// A random value of any kind.
fn any_value(rng: &mut Rng) -> Arg {
    match rng.below(5) {
        0 => int_value(rng, 64, true),
        1 => int_value(rng, 64, false),
        2 => float_value(rng),
        3 => Arg::Bool(rng.chance(50)),
        _ => Arg::Bytes(rng.short_code_bytes(4)),
    }
}

/// Values for `format`. Half of the cases are clean (every value of a kind and in a range the
/// code accepts, so that long formats pack too); the others draw every value from the full
/// mix, invalid ones included, and sometimes give one value too few or too many.
fn values_for(rng: &mut Rng, format: &str) -> Vec<Arg> {
    if Struct::new(format).is_err() {
        return (0..rng.below(4)).map(|_| any_value(rng)).collect();
    }
    let clean = rng.chance(50);
    let (native, items) = items(format);
    let mut args = Vec::new();
    for (code, count) in items {
        let values = match code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => count,
        };
        for _ in 0..values {
            let mut arg = value_for(rng, code, count, native);
            // Redraw until the value fits; a few tries always suffice in practice.
            for _ in 0..100 {
                if !clean || fits(&arg, code, native) {
                    break;
                }
                arg = value_for(rng, code, count, native);
            }
            args.push(arg);
        }
    }
    match rng.below(40) {
        0 if !clean && !args.is_empty() => {
            args.pop();
        }
        1 if !clean => args.push(any_value(rng)),
        _ => {}
    }
    args
}

/// One value for `code` (`count` is the item's count, the length of `s` and `p`).
fn value_for(rng: &mut Rng, code: u8, count: usize, native: bool) -> Arg {
    match code {
        b's' | b'p' => bytes_value(rng, count),
        b'c' => match rng.below(20) {
            0 => Arg::Bytes(Vec::new()),
            1 => Arg::Bytes(rng.code_bytes(2)),
            2 => Arg::Int(65),
            _ => Arg::Bytes(rng.code_bytes(1)),
        },
        b'?' => any_value(rng),
        b'e' | b'f' | b'd' => float_value(rng),
        _ => {
            let (bits, signed) = int_code(code, native).expect("the other codes are integers");
            int_value(rng, bits, signed)
        }
    }
}

/// Whether CPython packs `arg` for `code` without an error (by the documented rules, not by
/// asking `Struct`).
fn fits(arg: &Arg, code: u8, native: bool) -> bool {
    let number = match *arg {
        Arg::Int(v) => Some(v as f64),
        Arg::UInt(v) => Some(v as f64),
        Arg::Bool(v) => Some(f64::from(u8::from(v))),
        Arg::Float(v) => Some(v),
        Arg::Bytes(_) => None,
    };
    match code {
        b's' | b'p' => matches!(arg, Arg::Bytes(_)),
        b'c' => matches!(arg, Arg::Bytes(b) if b.len() == 1),
        b'?' => true,
        b'd' => number.is_some(),
        // 65520 is where rounding to half precision reaches infinity.
        b'e' => number.is_some_and(|x| !x.is_finite() || x.abs() < 65520.0),
        b'f' if native => number.is_some(),
        b'f' => number.is_some_and(|x| !x.is_finite() || !(x as f32).is_infinite()),
        _ => {
            let (bits, signed) = int_code(code, native).expect("the other codes are integers");
            let v = match *arg {
                Arg::Int(v) => i128::from(v),
                Arg::UInt(v) => i128::from(v),
                Arg::Bool(v) => i128::from(v),
                Arg::Float(_) | Arg::Bytes(_) => return false,
            };
            if code == b'P' {
                return true;
            }
            if signed {
                (-(1i128 << (bits - 1))..1i128 << (bits - 1)).contains(&v)
            } else {
                (0..1i128 << bits).contains(&v)
            }
        }
    }
}

/// A buffer length near `size` (and sometimes far from it).
fn length_near(rng: &mut Rng, size: usize) -> usize {
    match rng.below(10) {
        0..=6 => size,
        7 => size.saturating_sub(1 + rng.below(3)),
        8 => size + 1 + rng.below(3),
        _ => rng.below(2 * size + 4),
    }
}

fn size_of(format: &str) -> usize {
    Struct::new(format).map_or(0, |s| s.size())
}

// ---------------------------------------------------------------------------------------------
// The directions

#[test]
fn calcsize_matches_cpython() {
    differential(1, CALCSIZE_CASES, |rng| {
        let format = if rng.chance(85) {
            random_format(rng)
        } else {
            // Huge counts alone and next to other items.
            let mut format = String::from(rng.pick(PREFIXES));
            format.push_str(rng.pick(HUGE));
            if rng.chance(50) {
                format.push(char::from(rng.pick(CODES)));
            }
            format
        };
        Case {
            format,
            op: Op::Calcsize,
        }
    });
}

#[test]
fn pack_matches_cpython() {
    differential(2, PACK_CASES, |rng| {
        let format = working_format(rng);
        let args = values_for(rng, &format);
        Case {
            format,
            op: Op::Pack(args),
        }
    });
}

#[test]
fn unpack_and_repr_match_cpython() {
    differential(3, UNPACK_CASES, |rng| {
        let format = working_format(rng);
        let len = length_near(rng, size_of(&format));
        let data = rng.code_bytes(len);
        Case {
            format,
            op: Op::Unpack(data),
        }
    });
}

#[test]
fn offsets_and_iteration_match_cpython() {
    differential(4, OFFSET_CASES, |rng| {
        let format = working_format(rng);
        let size = size_of(&format);
        let offset = match rng.below(20) {
            0 => isize::MAX as usize,
            1 => rng.below(1000),
            2..=7 => 0,
            _ => rng.below(6),
        };
        let op = match rng.below(3) {
            0 => {
                let len = length_near(rng, size + offset.min(10));
                Op::UnpackFrom(rng.code_bytes(len), offset)
            }
            1 => {
                let slack = rng.below(3);
                let len = length_near(rng, size + offset.min(10) + slack);
                // A prefilled buffer, so that bytes the record does not cover are compared
                // too, and pad and alignment bytes must be written as zeros.
                let fill = rng.pick(&[0xaa, 0xff, 0x00]);
                let mut buf = vec![fill; len];
                if rng.chance(30) {
                    buf = rng.code_bytes(len);
                }
                Op::PackInto(buf, offset, values_for(rng, &format))
            }
            _ => {
                let records = rng.pick(&[0, 1, 2, 3, 7]);
                let len = match rng.below(4) {
                    0 => length_near(rng, size * records),
                    _ => size * records,
                };
                Op::IterUnpack(rng.code_bytes(len))
            }
        };
        Case { format, op }
    });
}
