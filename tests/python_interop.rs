//! Byte-exact interoperability with CPython's `struct` module.
//!
//! For each record type with a Python format: `struct.calcsize(FORMAT)` must be `SIZE`;
//! seeded random values packed by `struct.pack(FORMAT, ...)` must be the bytes `to_bytes`
//! writes and must read back (through views, `unpack` and record tables) as the values Rust
//! generated; and `struct.unpack(FORMAT, ...)` of the bytes `to_bytes` writes must give those
//! values. Records go to Python in batches, one process per type and direction.
//!
//! Without `python3` the tests print a notice and pass, except under `CI=true`, where they fail.

mod common;
#[path = "support/tools.rs"]
mod tools;

use common::{
    field_mismatch, python_values, same, Arrays, BigEnumOnly, Empty, Header, Mixed, Native, Packet,
    Point, PointLe, PyVal, Record, Rng, ScalarsBe, ScalarsLe, Tags, Wide,
};
use overlay::Overlay;

/// Random records per type and direction.
const RECORDS: usize = 300;

/// The Python side. Modes: `calcsize FMT`, `byteorder`, `pack FMT` (one Python literal list
/// of values per stdin line, floats as `('f'|'d', bits)`; prints the packed bytes in hex) and
/// `unpack FMT` (hex per stdin line; prints one token per value: `i<int>`, `?0`/`?1`,
/// `f<bits>`, `d<bits>`, `s<hex>`).
const SCRIPT: &str = r#"
import ast, re, struct, sys

def codes(fmt):
    """The format code of each value struct.unpack(fmt) returns, in order."""
    out = []
    for count, code in re.findall(r"(\d*)([a-zA-Z?])", fmt[1:]):
        if code in "sp":
            out.append(code)
        elif code != "x":
            out.extend(code * (int(count) if count else 1))
    return out

def from_rust(value):
    if isinstance(value, tuple):
        code, bits = value
        return struct.unpack("<" + code, bits.to_bytes(struct.calcsize(code), "little"))[0]
    return value

def to_rust(code, value):
    if code == "?":
        assert isinstance(value, bool), value
        return "?1" if value else "?0"
    if code in "fd":
        return code + str(int.from_bytes(struct.pack("<" + code, value), "little"))
    if code == "s":
        return "s" + value.hex()
    assert isinstance(value, int) and not isinstance(value, bool), value
    return "i" + str(value)

mode = sys.argv[1]
if mode == "calcsize":
    print(struct.calcsize(sys.argv[2]))
elif mode == "byteorder":
    print(sys.byteorder)
elif mode == "pack":
    fmt = sys.argv[2]
    for line in sys.stdin:
        print(struct.pack(fmt, *map(from_rust, ast.literal_eval(line))).hex())
elif mode == "unpack":
    fmt = sys.argv[2]
    kinds = codes(fmt)
    for line in sys.stdin:
        values = struct.unpack(fmt, bytes.fromhex(line.strip()))
        assert len(values) == len(kinds), (fmt, values, kinds)
        print(" ".join(to_rust(k, v) for k, v in zip(kinds, values)))
else:
    sys.exit("unknown mode " + mode)
"#;

/// `values` as a Python literal list for `ast.literal_eval`.
fn python_literal(values: &[PyVal]) -> String {
    let items: Vec<String> = values
        .iter()
        .map(|value| match value {
            PyVal::Int(v) => v.to_string(),
            PyVal::Wide(v) => v.to_string(),
            PyVal::Bool(v) => if *v { "True" } else { "False" }.to_string(),
            PyVal::F32(bits) => format!("('f', {bits})"),
            PyVal::F64(bits) => format!("('d', {bits})"),
            PyVal::Bytes(bytes) => {
                let escaped: String = bytes.iter().map(|b| format!("\\x{b:02x}")).collect();
                format!("b'{escaped}'")
            }
            PyVal::Pad(_) => unreachable!("pads are not Python values"),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    assert!(text.len() % 2 == 0, "odd-length hex from python: {text:?}");
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("python prints hex"))
        .collect()
}

/// Parses one line of `unpack` output.
fn parse_values(line: &str) -> Vec<PyVal> {
    line.split_whitespace()
        .map(|token| {
            let (tag, rest) = token.split_at(1);
            match tag {
                "i" => PyVal::Int(rest.parse().expect("an integer")),
                "?" => PyVal::Bool(rest == "1"),
                "f" => PyVal::F32(rest.parse().expect("f32 bits")),
                "d" => PyVal::F64(rest.parse().expect("f64 bits")),
                "s" => PyVal::Bytes(unhex(rest)),
                _ => panic!("unexpected token {token:?} from python"),
            }
        })
        .collect()
}

/// The whole comparison for one type: sizes, Python packing read by Rust, Rust packing read by
/// Python.
fn check_against_cpython<T: Record>(seed: u64) {
    if !tools::tool_available(
        "python3",
        &["-c", "import struct"],
        "the CPython struct comparison",
    ) {
        return;
    }
    let name = std::any::type_name::<T>();
    let format = T::FORMAT.unwrap_or_else(|| panic!("{name} has a Python format"));

    let calcsize: usize = tools::run_python(SCRIPT, &["calcsize", format], String::new())
        .trim()
        .parse()
        .expect("calcsize prints a number");
    assert_eq!(
        calcsize,
        T::SIZE,
        "struct.calcsize({format:?}) must equal {name}::SIZE"
    );

    let mut rng = Rng::new(seed);
    let values: Vec<T> = std::iter::once(T::zero())
        .chain((0..RECORDS).map(|_| T::random(&mut rng)))
        .collect();

    python_packs_rust_reads(format, &values);
    rust_packs_python_reads(format, &values);
}

fn python_packs_rust_reads<T: Record>(format: &str, values: &[T]) {
    let name = std::any::type_name::<T>();
    let input: String = values
        .iter()
        .map(|value| python_literal(&python_values(value)) + "\n")
        .collect();
    let output = tools::run_python(SCRIPT, &["pack", format], input);
    let packed: Vec<Vec<u8>> = output.lines().map(unhex).collect();
    assert_eq!(packed.len(), values.len(), "one packed record per value");

    for (value, bytes) in values.iter().zip(&packed) {
        assert_eq!(
            bytes,
            &value.bytes_of(),
            "struct.pack({format:?}) and {name}::to_bytes must agree for {value:?}"
        );

        let view =
            T::view(bytes).unwrap_or_else(|e| panic!("{name}::view of CPython's bytes: {e}"));
        if let Some(problem) = field_mismatch(&value.owned_fields(), &T::view_fields(view)) {
            panic!("{name}::view getters of struct.pack({format:?}) bytes: {problem}");
        }
        let unpacked = T::unpack(bytes).expect("unpack of CPython's bytes");
        assert!(
            same(&unpacked, value),
            "{name}::unpack of struct.pack({format:?}) bytes: expected {value:?}, found {unpacked:?}"
        );

        // The same bytes three bytes into a longer buffer, as struct.unpack_from reads them.
        let mut shifted = vec![0xa5; 3];
        shifted.extend_from_slice(bytes);
        shifted.extend_from_slice(&[0x5a; 2]);
        let view = T::view_at(&shifted, 3).expect("view_at of CPython's bytes");
        if let Some(problem) = field_mismatch(&value.owned_fields(), &T::view_fields(view)) {
            panic!("{name}::view_at(_, 3) getters: {problem}");
        }
        let from = T::unpack_from(&shifted, 3).expect("unpack_from of CPython's bytes");
        assert!(
            same(&from, value),
            "{name}::unpack_from(_, 3) differs from {value:?}"
        );
    }

    // All records back to back, as struct.iter_unpack reads them (which, like `records`,
    // cannot count records of size zero).
    if T::SIZE == 0 {
        return;
    }
    let table: Vec<u8> = packed.concat();
    let records = T::records(&table).expect("records of CPython's packed table");
    assert_eq!(records.len(), values.len(), "{name}::records length");
    for (index, (view, value)) in records.iter().zip(values).enumerate() {
        if let Some(problem) = field_mismatch(&value.owned_fields(), &T::view_fields(view)) {
            panic!("{name}::records item {index}: {problem}");
        }
    }
}

fn rust_packs_python_reads<T: Record>(format: &str, values: &[T]) {
    let name = std::any::type_name::<T>();
    let input: String = values
        .iter()
        .map(|value| hex(&value.bytes_of()) + "\n")
        .collect();
    let output = tools::run_python(SCRIPT, &["unpack", format], input);
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), values.len(), "one unpacked line per record");
    for (value, line) in values.iter().zip(lines) {
        assert_eq!(
            parse_values(line),
            python_values(value),
            "struct.unpack({format:?}) of {name}::to_bytes must give back {value:?}"
        );
    }
}

#[test]
fn scalars_little_endian_match_cpython_struct() {
    check_against_cpython::<ScalarsLe>(1);
}

#[test]
fn scalars_big_endian_match_cpython_struct() {
    check_against_cpython::<ScalarsBe>(2);
}

#[test]
fn network_order_point_matches_cpython_struct() {
    check_against_cpython::<Point>(3);
}

#[test]
fn little_endian_point_with_float_and_bool_matches_cpython_struct() {
    check_against_cpython::<PointLe>(4);
}

#[test]
fn header_with_enums_nested_record_and_pad_matches_cpython_struct() {
    check_against_cpython::<Header>(5);
}

#[test]
fn arrays_of_every_kind_match_cpython_struct() {
    check_against_cpython::<Arrays>(6);
}

#[test]
fn native_byte_order_matches_cpython_struct() {
    check_against_cpython::<Native>(7);
}

#[test]
fn native_format_prefix_is_the_byte_order_python_reports() {
    if !tools::tool_available(
        "python3",
        &["-c", "import struct"],
        "the CPython struct comparison",
    ) {
        return;
    }
    let byteorder = tools::run_python(SCRIPT, &["byteorder"], String::new());
    let expected = match byteorder.trim() {
        "little" => '<',
        "big" => '>',
        other => panic!("unexpected sys.byteorder {other:?}"),
    };
    let format = Native::FORMAT.expect("Native has a Python format");
    assert!(
        format.starts_with(expected),
        "native-endian FORMAT {format:?} must start with {expected:?} on a {} machine",
        byteorder.trim()
    );
}

#[test]
fn records_nested_in_records_match_cpython_struct() {
    check_against_cpython::<Packet>(8);
}

#[test]
fn big_endian_enum_in_little_endian_record_matches_cpython_struct() {
    check_against_cpython::<BigEnumOnly>(9);
}

#[test]
fn zero_sized_record_matches_cpython_struct() {
    check_against_cpython::<Empty>(10);
}

/// `Tag1 { t: [u8; 1] }` has FORMAT `"<s"`; `[Tag1; 3]` should be `"sss"` (three 1-byte
/// values) but is written `"3s"` (one 3-byte value), so `Tags::FORMAT` is `"<3sH"`, not
/// `"<sssH"`: same calcsize, different values for `struct.pack`/`struct.unpack`.
#[test]

fn array_of_records_holding_one_byte_array_matches_cpython_struct() {
    check_against_cpython::<Tags>(11);
}

#[test]
fn mixed_byte_orders_and_wide_integers_have_no_python_format() {
    #[derive(Overlay)]
    #[allow(dead_code)]
    struct LittleAroundBigPoint {
        a: u16,
        p: Point,
    }
    #[derive(Overlay)]
    #[overlay(endian = "big")]
    #[allow(dead_code)]
    struct BigWithLittleField {
        a: u16,
        #[overlay(endian = "little")]
        b: [i32; 2],
    }

    assert_eq!(Mixed::FORMAT, None, "Mixed has fields of both byte orders");
    assert_eq!(
        LittleAroundBigPoint::FORMAT,
        None,
        "a little-endian u16 next to a big-endian nested record"
    );
    assert_eq!(
        BigWithLittleField::FORMAT,
        None,
        "a big-endian record with a little-endian array field"
    );
    assert_eq!(Wide::FORMAT, None, "Python's struct has no 128-bit code");
}
