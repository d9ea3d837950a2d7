//! What CPython's own test suite (`Lib/test/test_struct.py`, 3.11) checks of its `struct`
//! module, checked of `overlay::Struct`: bad formats, round trips for every code and byte
//! order, fixed bytes for fixed values, native sizes and alignment, every integer range
//! boundary, `p` and `?` semantics, half floats, float rounding, offsets, `iter_unpack`, and
//! the error messages. Every expectation comes from CPython 3.11 on x86-64 Linux (each was
//! confirmed with `python3` when written); none needs Python to run.
//!
//! Cases that test_struct.py makes with Python objects `Value` cannot hold (lists, objects
//! with `__index__` or `__bool__`, negative offsets, integers past 64 bits) are left out or
//! replaced by the nearest `Value`.

use overlay::{Error, Struct, StructError, Value};

use crate::rng::Rng;
use crate::PREFIXES;

/// The codes test_struct.py calls integer codes.
const INTEGER_CODES: &str = "bBhHiIlLqQnN";

fn parse(format: &str) -> Struct {
    Struct::new(format).unwrap_or_else(|e| panic!("{format:?} should parse: {e}"))
}

fn calcsize(format: &str) -> usize {
    parse(format).size()
}

fn pack(format: &str, values: &[Value<'_>]) -> Vec<u8> {
    parse(format)
        .pack(values)
        .unwrap_or_else(|e| panic!("pack({format:?}, {values:?}) failed: {e}"))
}

fn unpack<'a>(format: &str, bytes: &'a [u8]) -> Vec<Value<'a>> {
    parse(format)
        .unpack(bytes)
        .unwrap_or_else(|e| panic!("unpack({format:?}, {bytes:?}) failed: {e}"))
}

/// The message of an error that was expected.
fn message<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e.to_string(),
    }
}

fn pack_error(format: &str, values: &[Value<'_>]) -> String {
    match Struct::new(format) {
        Ok(parsed) => message(parsed.pack(values)),
        Err(e) => e.to_string(),
    }
}

fn unpack_error(format: &str, bytes: &[u8]) -> String {
    match Struct::new(format) {
        Ok(parsed) => message(parsed.unpack(bytes)),
        Err(e) => e.to_string(),
    }
}

/// The error of packing one value, which must fail.
fn pack_one_error(format: &str, value: Value<'_>) -> Error {
    match parse(format).pack(&[value]) {
        Ok(bytes) => panic!("pack({format:?}, {value:?}) gave {bytes:?}, not an error"),
        Err(e) => e,
    }
}

/// An integer as a `Value`: `Int` when it fits an `i64`, else `UInt`.
fn int(v: i128) -> Value<'static> {
    match i64::try_from(v) {
        Ok(v) => Value::Int(v),
        Err(_) => Value::UInt(u64::try_from(v).expect("the integer fits in 64 bits")),
    }
}

/// The integer an unpacked value holds.
fn integer(value: &Value<'_>) -> i128 {
    match *value {
        Value::Int(v) => i128::from(v),
        Value::UInt(v) => i128::from(v),
        other => panic!("expected an integer, got {other:?}"),
    }
}

fn float(value: &Value<'_>) -> f64 {
    match *value {
        Value::Float(v) => v,
        other => panic!("expected a float, got {other:?}"),
    }
}

/// Every (code, byte order) pair test_struct.py tests integers with: `n` and `N` only native.
fn integer_formats() -> Vec<String> {
    let mut formats = Vec::new();
    for code in INTEGER_CODES.chars() {
        for &order in PREFIXES {
            if !matches!(order, "" | "@") && "nN".contains(code) {
                continue;
            }
            formats.push(format!("{order}{code}"));
        }
    }
    formats
}

// ---------------------------------------------------------------------------------------------
// test_consistence, test_transitiveness, test_new_features

#[test]
fn consistence() {
    assert_eq!(
        message(Struct::new("Z")),
        "bad char in struct format",
        "Z is no code"
    );
    assert_eq!(calcsize("i") * 3, calcsize("iii"));
    // Counts and repetition give the same layout, alignment included.
    let once = calcsize("cbxxxxxxhhhhiillffd?");
    assert_eq!(once * 3, calcsize("3c3b18x12h6i6l6f3d3?"));
    assert_eq!((once, calcsize("3c3b18x12h6i6l6f3d3?")), (57, 171));

    assert_eq!(
        pack_error("iii", &[int(3)]),
        "pack expected 3 items for packing (got 1)"
    );
    assert_eq!(
        pack_error("i", &[int(3), int(3), int(3)]),
        "pack expected 1 items for packing (got 3)"
    );
    assert_eq!(
        pack_error("i", &[Value::Bytes(b"foo")]),
        "required argument is not an integer"
    );
    assert_eq!(
        pack_error("P", &[Value::Bytes(b"foo")]),
        "required argument is not an integer"
    );
    assert_eq!(
        unpack_error("d", b"flap"),
        "unpack requires a buffer of 8 bytes"
    );
    let packed = pack("ii", &[int(1), int(2)]);
    assert_eq!(
        unpack_error("iii", &packed),
        "unpack requires a buffer of 12 bytes"
    );
    assert_eq!(
        unpack_error("i", &packed),
        "unpack requires a buffer of 4 bytes"
    );
}

// 3.1415 is test_struct.py's value, not an approximation of pi.
#[allow(clippy::approx_constant)]
#[test]
fn transitiveness() {
    for prefix in ["", "@", "<", ">", "=", "!"] {
        for codes in ["xcbhilfd?", "xcBHILfd?"] {
            let format = format!("{prefix}{codes}");
            let values = [
                Value::Bytes(b"a"),
                int(1),
                int(255),
                int(65535),
                int(65536),
                Value::Float(3.1415),
                Value::Float(3.1415),
                Value::Bool(true),
            ];
            let packed = pack(&format, &values);
            assert_eq!(packed.len(), calcsize(&format));
            let back = unpack(&format, &packed);
            assert_eq!(back.len(), 8, "{format}");
            assert_eq!(back[0], Value::Bytes(b"a"), "{format}");
            for (i, expected) in [1, 255, 65535, 65536].into_iter().enumerate() {
                assert_eq!(integer(&back[i + 1]), expected, "{format} value {}", i + 1);
            }
            // `f` keeps about 7 digits: 3.1414999961853027.
            assert_eq!((100.0 * float(&back[5])) as i64, 314, "{format}");
            assert_eq!(float(&back[5]), 3.1414999961853027, "{format}");
            assert_eq!(float(&back[6]), 3.1415, "{format}");
            assert_eq!(back[7], Value::Bool(true), "{format}");
        }
    }
}

/// (format, value, big-endian bytes, little-endian bytes, unpacks to something else)
type Feature<'a> = (&'a str, Value<'a>, &'a [u8], &'a [u8], bool);

#[test]
fn new_features() {
    let hello = Value::Bytes(b"helloworld");
    #[rustfmt::skip]
    let table: Vec<Feature<'_>> = vec![
        ("c", Value::Bytes(b"a"), b"a", b"a", false),
        ("xc", Value::Bytes(b"a"), b"\0a", b"\0a", false),
        ("cx", Value::Bytes(b"a"), b"a\0", b"a\0", false),
        ("s", Value::Bytes(b"a"), b"a", b"a", false),
        ("0s", hello, b"", b"", true),
        ("1s", hello, b"h", b"h", true),
        ("9s", hello, b"helloworl", b"helloworl", true),
        ("10s", hello, b"helloworld", b"helloworld", false),
        ("11s", hello, b"helloworld\0", b"helloworld\0", true),
        ("20s", hello, b"helloworld\0\0\0\0\0\0\0\0\0\0", b"helloworld\0\0\0\0\0\0\0\0\0\0", true),
        ("b", int(7), b"\x07", b"\x07", false),
        ("b", int(-7), b"\xf9", b"\xf9", false),
        ("B", int(7), b"\x07", b"\x07", false),
        ("B", int(249), b"\xf9", b"\xf9", false),
        ("h", int(700), b"\x02\xbc", b"\xbc\x02", false),
        ("h", int(-700), b"\xfdD", b"D\xfd", false),
        ("H", int(700), b"\x02\xbc", b"\xbc\x02", false),
        ("H", int(0x10000 - 700), b"\xfdD", b"D\xfd", false),
        ("i", int(70000000), b"\x04,\x1d\x80", b"\x80\x1d,\x04", false),
        ("i", int(-70000000), b"\xfb\xd3\xe2\x80", b"\x80\xe2\xd3\xfb", false),
        ("I", int(70000000), b"\x04,\x1d\x80", b"\x80\x1d,\x04", false),
        ("I", int(0x100000000 - 70000000), b"\xfb\xd3\xe2\x80", b"\x80\xe2\xd3\xfb", false),
        ("l", int(70000000), b"\x04,\x1d\x80", b"\x80\x1d,\x04", false),
        ("l", int(-70000000), b"\xfb\xd3\xe2\x80", b"\x80\xe2\xd3\xfb", false),
        ("L", int(70000000), b"\x04,\x1d\x80", b"\x80\x1d,\x04", false),
        ("L", int(0x100000000 - 70000000), b"\xfb\xd3\xe2\x80", b"\x80\xe2\xd3\xfb", false),
        ("f", Value::Float(2.0), b"@\0\0\0", b"\0\0\0@", false),
        ("d", Value::Float(2.0), b"@\0\0\0\0\0\0\0", b"\0\0\0\0\0\0\0@", false),
        ("f", Value::Float(-2.0), b"\xc0\0\0\0", b"\0\0\0\xc0", false),
        ("d", Value::Float(-2.0), b"\xc0\0\0\0\0\0\0\0", b"\0\0\0\0\0\0\0\xc0", false),
        ("?", int(0), b"\0", b"\0", true),
        ("?", int(3), b"\x01", b"\x01", true),
        ("?", Value::Bool(true), b"\x01", b"\x01", false),
        // test_struct.py packs [] and (1,); empty and non-empty bytes are as false and true.
        ("?", Value::Bytes(b""), b"\0", b"\0", true),
        ("?", Value::Bytes(b"\x01"), b"\x01", b"\x01", true),
    ];
    for (code, value, big, little, asymmetric) in table {
        // This host is little-endian, so `=` is `<`.
        for (prefix, expected) in [(">", big), ("!", big), ("<", little), ("=", little)] {
            let format = format!("{prefix}{code}");
            let packed = pack(&format, &[value]);
            assert_eq!(packed, expected, "pack({format:?}, {value:?})");
            assert_eq!(calcsize(&format), packed.len(), "{format}");
            let back = unpack(&format, &packed)[0];
            let same = match (back, value) {
                (Value::Int(_) | Value::UInt(_), Value::Int(_) | Value::UInt(_)) => {
                    integer(&back) == integer(&value)
                }
                _ => back == value,
            };
            assert!(
                same || asymmetric,
                "unpack({format:?}) gave {back:?}, not {value:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// test_calcsize, alignment

#[test]
fn calcsize_standard_and_native() {
    let standard = [
        ('b', 1),
        ('B', 1),
        ('h', 2),
        ('H', 2),
        ('i', 4),
        ('I', 4),
        ('l', 4),
        ('L', 4),
        ('q', 8),
        ('Q', 8),
    ];
    for (code, size) in standard {
        for order in ["=", "<", ">", "!"] {
            assert_eq!(calcsize(&format!("{order}{code}")), size, "{order}{code}");
        }
    }
    for pair in ["bB", "hH", "iI", "lL", "nN", "qQ"] {
        for order in ["", "@"] {
            let (signed, unsigned) = (&pair[..1], &pair[1..]);
            assert_eq!(
                calcsize(&format!("{order}{signed}")),
                calcsize(&format!("{order}{unsigned}")),
                "{order}{pair}"
            );
        }
    }
    assert_eq!(calcsize("b"), 1);
    assert!(2 <= calcsize("h"));
    assert!(4 <= calcsize("l"));
    assert!(calcsize("h") <= calcsize("i"));
    assert!(calcsize("i") <= calcsize("l"));
    assert!(8 <= calcsize("q"));
    assert!(calcsize("l") <= calcsize("q"));
    assert!(calcsize("n") >= calcsize("i"));
    assert!(calcsize("n") >= calcsize("P"));
    // This host: LP64.
    for (code, size) in [
        ("c", 1),
        ("?", 1),
        ("h", 2),
        ("i", 4),
        ("l", 8),
        ("q", 8),
        ("n", 8),
        ("P", 8),
        ("e", 2),
        ("f", 4),
        ("d", 8),
    ] {
        assert_eq!(calcsize(code), size, "{code}");
    }
}

#[test]
fn native_alignment() {
    // Native items start at a multiple of their size (alignment applies even to a count of 0,
    // and not at the end); standard sizes never pad.
    let table = [
        ("bi", 8),
        ("bq", 16),
        ("ib", 5),
        ("bd", 16),
        ("be", 4),
        ("bP", 16),
        ("@bh", 4),
        ("<bi", 5),
        (">bq", 9),
        ("b0i", 4),
        ("b0q", 8),
        ("bn", 16),
        ("?d", 16),
        ("cf", 8),
        ("c?", 2),
        ("ih", 6),
        ("hi", 8),
        ("bxh", 4),
        ("b3x h", 6),
        ("bil", 16),
        ("3sd", 16),
        ("10pq", 24),
        ("e?e", 6),
        ("fx", 5),
        ("d0b", 8),
        ("x", 1),
        ("0i", 0),
        ("0s", 0),
        ("0p", 0),
        ("xcbhilfd?", 41),
    ];
    for (format, size) in table {
        assert_eq!(calcsize(format), size, "calcsize({format:?})");
    }
    // The gap before an aligned item is zeros, and the value lands after it.
    assert_eq!(
        pack("bi", &[int(1), int(2)]),
        b"\x01\0\0\0\x02\0\0\0".to_vec()
    );
    assert_eq!(
        unpack("bi", b"\x01\xff\xff\xff\x02\0\0\0")[1],
        Value::Int(2)
    );
}

// ---------------------------------------------------------------------------------------------
// test_integers, test_nN_code, test_1530559, test_issue45034

#[test]
fn integers() {
    // test_struct.py's `randrange(256)` bytes.
    let mut rng = Rng::new(0x5eed);
    for format in integer_formats() {
        let code = format.chars().last().expect("a code");
        let order = &format[..format.len() - 1];
        let bytesize = calcsize(&format);
        let bits = 8 * bytesize as u32;
        let signed = code.is_ascii_lowercase();
        let (min, max) = if signed {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        };
        // Every power of 2 a little past the size, random values of the size, and a few
        // fixed ones; then each negated, and each +-1.
        let mut bases: Vec<i128> = (0..bits + 3).map(|exp| 1i128 << exp).collect();
        for _ in 0..bits {
            bases.push((0..bytesize).fold(0, |v, _| v << 8 | i128::from(rng.next_u64() as u8)));
        }
        bases.extend([300, 700000]);
        for base in bases {
            for v in [-base, base] {
                for x in [v - 1, v, v + 1] {
                    if x < i128::from(i64::MIN) || x > i128::from(u64::MAX) {
                        continue; // not a Value
                    }
                    if !(min..=max).contains(&x) {
                        assert!(
                            parse(&format).pack(&[int(x)]).is_err(),
                            "pack({format:?}, {x}) should fail"
                        );
                        continue;
                    }
                    // Two's complement of x in `bytesize` bytes, most significant first.
                    let modulus = 1i128 << bits;
                    let raw = (x % modulus + modulus) % modulus;
                    let mut expected: Vec<u8> = (0..bytesize)
                        .rev()
                        .map(|i| (raw >> (8 * i)) as u8)
                        .collect();
                    if !matches!(order, ">" | "!") {
                        expected.reverse(); // this host is little-endian
                    }
                    let packed = pack(&format, &[int(x)]);
                    assert_eq!(packed, expected, "pack({format:?}, {x})");
                    let back = unpack(&format, &packed);
                    assert_eq!(integer(&back[0]), x, "unpack({format:?}, {packed:?})");
                    let longer = [&[1u8][..], &packed].concat();
                    assert_eq!(
                        unpack_error(&format, &longer),
                        format!("unpack requires a buffer of {bytesize} bytes")
                    );
                }
            }
        }
        // Not integers.
        for value in [
            Value::Bytes(b"a string"),
            Value::Float(1.0),
            Value::Float(1.5),
        ] {
            assert_eq!(
                pack_error(&format, &[value]),
                "required argument is not an integer",
                "pack({format:?}, {value:?})"
            );
        }
        // Booleans are the integers 0 and 1, as in Python.
        assert_eq!(
            pack(&format, &[Value::Bool(true)]),
            pack(&format, &[int(1)])
        );
    }
    for value in [Value::Float(1.0), Value::Float(1.5)] {
        assert_eq!(
            pack_error("P", &[value]),
            "required argument is not an integer"
        );
    }
}

#[test]
fn integer_range_errors() {
    // (byte orders that behave alike, code, value, CPython's message). Native and `<`/`=`
    // packers are CPython's native ones (`short format requires ...`); big-endian ones are
    // the standard packers (`'h' format requires ...`), and `>q`, `>Q` say "int too large".
    #[rustfmt::skip]
    let table: &[(&[&str], char, i128, &str)] = &[
        (&["", "@", "<", "="], 'b', 128, "byte format requires -128 <= number <= 127"),
        (&["", "@", "<", "=", ">", "!"], 'b', -129, "byte format requires -128 <= number <= 127"),
        (&["", "@", "<", "=", ">", "!"], 'b', i64::MIN as i128, "byte format requires -128 <= number <= 127"),
        (&["", "@", "<", "=", ">", "!"], 'b', u64::MAX as i128, "argument out of range"),
        (&["", "@", "<", "=", ">", "!"], 'B', 256, "ubyte format requires 0 <= number <= 255"),
        (&["", "@", "<", "=", ">", "!"], 'B', -1, "ubyte format requires 0 <= number <= 255"),
        (&["", "@", "<", "=", ">", "!"], 'B', u64::MAX as i128, "argument out of range"),
        (&["", "@", "<", "="], 'h', 32768, "short format requires -32768 <= number <= 32767"),
        (&["", "@", "<", "="], 'h', -32769, "short format requires -32768 <= number <= 32767"),
        (&["", "@", "<", "="], 'h', u64::MAX as i128, "argument out of range"),
        (&["", "@", "<", "="], 'H', 65536, "ushort format requires 0 <= number <= 65535"),
        (&["", "@", "<", "="], 'H', -1, "ushort format requires 0 <= number <= 65535"),
        (&["", "@", "<", "="], 'H', u64::MAX as i128, "argument out of range"),
        (&[">", "!"], 'h', 32768, "'h' format requires -32768 <= number <= 32767"),
        (&[">", "!"], 'h', -32769, "'h' format requires -32768 <= number <= 32767"),
        (&[">", "!"], 'h', i64::MIN as i128, "'h' format requires -32768 <= number <= 32767"),
        (&[">", "!"], 'h', u64::MAX as i128, "argument out of range"),
        (&[">", "!"], 'H', 65536, "'H' format requires 0 <= number <= 65535"),
        (&[">", "!"], 'H', -1, "argument out of range"),
        (&[">", "!"], 'H', u64::MAX as i128, "'H' format requires 0 <= number <= 65535"),
        (&["", "@", "<", "=", ">", "!"], 'i', 2147483648, "'i' format requires -2147483648 <= number <= 2147483647"),
        (&["", "@", "<", "=", ">", "!"], 'i', -2147483649, "'i' format requires -2147483648 <= number <= 2147483647"),
        (&["", "@", "<", "=", ">", "!"], 'i', u64::MAX as i128, "argument out of range"),
        (&["", "@", "<", "=", ">", "!"], 'I', 4294967296, "'I' format requires 0 <= number <= 4294967295"),
        (&["", "@", "<", "=", ">", "!"], 'I', -1, "argument out of range"),
        (&["", "@", "<", "=", ">", "!"], 'I', u64::MAX as i128, "'I' format requires 0 <= number <= 4294967295"),
        (&["<", "=", ">", "!"], 'l', 2147483648, "'l' format requires -2147483648 <= number <= 2147483647"),
        (&["<", "=", ">", "!"], 'l', -2147483649, "'l' format requires -2147483648 <= number <= 2147483647"),
        (&["<", "=", ">", "!"], 'l', u64::MAX as i128, "argument out of range"),
        (&["<", "=", ">", "!"], 'L', 4294967296, "'L' format requires 0 <= number <= 4294967295"),
        (&["<", "=", ">", "!"], 'L', -1, "argument out of range"),
        (&["<", "=", ">", "!"], 'L', u64::MAX as i128, "'L' format requires 0 <= number <= 4294967295"),
        (&["", "@"], 'l', 1 << 63, "argument out of range"),
        (&["", "@"], 'L', -1, "argument out of range"),
        (&["", "@", "<", "="], 'q', 1 << 63, "argument out of range"),
        (&["", "@", "<", "="], 'q', u64::MAX as i128, "argument out of range"),
        (&["", "@", "<", "="], 'Q', -1, "argument out of range"),
        (&["", "@", "<", "="], 'Q', i64::MIN as i128, "argument out of range"),
        (&["", "@"], 'n', 1 << 63, "argument out of range"),
        (&["", "@"], 'N', -1, "argument out of range"),
        (&[">", "!"], 'q', 1 << 63, "int too large to convert"),
        (&[">", "!"], 'q', u64::MAX as i128, "int too large to convert"),
        (&[">", "!"], 'Q', -1, "int too large to convert"),
        (&[">", "!"], 'Q', i64::MIN as i128, "int too large to convert"),
    ];
    for (orders, code, value, expected) in table {
        for order in *orders {
            let format = format!("{order}{code}");
            assert_eq!(
                pack_error(&format, &[int(*value)]),
                *expected,
                "pack({format:?}, {value})"
            );
        }
    }
    // test_issue45034: the native short messages.
    for v in [70000, -1] {
        assert_eq!(
            pack_error("H", &[int(v)]),
            "ushort format requires 0 <= number <= 65535"
        );
    }
    for v in [70000, -70000] {
        assert_eq!(
            pack_error("h", &[int(v)]),
            "short format requires -32768 <= number <= 32767"
        );
    }
}

#[test]
fn pointer_code() {
    // `P` takes any integer from -2^63 to 2^64 - 1, negative ones as two's complement, and
    // unpacks unsigned.
    assert_eq!(pack("P", &[int(-1)]), vec![0xff; 8]);
    assert_eq!(pack("P", &[int(i128::from(u64::MAX))]), vec![0xff; 8]);
    assert_eq!(pack("P", &[int(i128::from(i64::MIN))])[7], 0x80);
    assert_eq!(unpack("P", &[0xff; 8])[0], Value::UInt(u64::MAX));
    assert_eq!(calcsize("cP"), 16);
}

#[test]
fn n_and_pointer_codes_are_native_only() {
    for code in ["n", "N", "P"] {
        for order in ["=", "<", ">", "!"] {
            let format = format!("{order}{code}");
            assert_eq!(message(Struct::new(&format)), "bad char in struct format");
            assert_eq!(pack_error(&format, &[int(0)]), "bad char in struct format");
            assert_eq!(unpack_error(&format, b""), "bad char in struct format");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// test_p_code, '?', 'c', 's'

/// (format, bytes packed, bytes expected, bytes unpacked)
type PascalCase<'a> = (&'a str, &'a [u8], &'a [u8], &'a [u8]);

#[test]
fn pascal_strings() {
    let thousand_x = vec![b'x'; 1000];
    let expected_1000 = [&[0xff][..], &thousand_x[..999]].concat();
    let table: [PascalCase<'_>; 8] = [
        ("p", b"abc", b"\x00", b""),
        ("1p", b"abc", b"\x00", b""),
        ("2p", b"abc", b"\x01a", b"a"),
        ("3p", b"abc", b"\x02ab", b"ab"),
        ("4p", b"abc", b"\x03abc", b"abc"),
        ("5p", b"abc", b"\x03abc\x00", b"abc"),
        ("6p", b"abc", b"\x03abc\x00\x00", b"abc"),
        // Every byte that fits is packed, but the length byte stops at 255.
        ("1000p", &thousand_x, &expected_1000, &thousand_x[..255]),
    ];
    for (format, input, expected, back) in table {
        let packed = pack(format, &[Value::Bytes(input)]);
        assert_eq!(packed, expected, "pack({format:?})");
        assert_eq!(unpack(format, &packed), [Value::Bytes(back)], "{format}");
    }
    // A length byte larger than the item reads what the item holds.
    assert_eq!(unpack("4p", b"\xc8abc"), [Value::Bytes(b"abc")]);
    assert_eq!(
        pack_error("3p", &[int(1)]),
        "argument for 'p' must be a bytes object"
    );
}

/// `0p` has no room for its length byte. CPython writes one anyway, outside the item (so
/// `struct.pack("B0pi", 1, b"", 2)` has `\xff` in the alignment gap), and unpacking it raises
/// `SystemError: Negative size passed to PyBytes_FromStringAndSize`. Both are bugs in
/// `_struct.c` (an out-of-bounds write and read); `Struct` packs nothing and unpacks `b''`.
#[test]
fn zero_length_pascal_string_deviates_on_purpose() {
    assert_eq!(calcsize("0p"), 0);
    assert_eq!(pack("0p", &[Value::Bytes(b"abc")]), b"");
    assert_eq!(
        pack("B0pi", &[int(1), Value::Bytes(b""), int(2)]),
        b"\x01\0\0\0\x02\0\0\0"
    );
    assert_eq!(unpack("0p", b""), [Value::Bytes(b"")]);
    assert_eq!(unpack("x0p", b"\x05"), [Value::Bytes(b"")]);
}

#[test]
fn strings_and_chars() {
    assert_eq!(pack("3s", &[Value::Bytes(b"abcdef")]), b"abc", "truncated");
    assert_eq!(pack("3s", &[Value::Bytes(b"a")]), b"a\0\0", "padded");
    assert_eq!(pack("0s", &[Value::Bytes(b"abc")]), b"");
    assert_eq!(unpack("0s", b""), [Value::Bytes(b"")]);
    assert_eq!(
        pack_error("s", &[int(1)]),
        "argument for 's' must be a bytes object"
    );
    assert_eq!(
        pack(
            "3c",
            &[
                Value::Bytes(b"a"),
                Value::Bytes(b"\0"),
                Value::Bytes(b"\xff")
            ]
        ),
        b"a\0\xff"
    );
    for bad in [
        Value::Bytes(b""),
        Value::Bytes(b"ab"),
        int(97),
        Value::Bool(true),
    ] {
        assert_eq!(
            pack_error("c", &[bad]),
            "char format requires a bytes object of length 1",
            "pack('c', {bad:?})"
        );
    }
    // `s` and `p` take one value whatever their count; `c` takes one per count.
    assert_eq!(parse("10s3c0s2p2x").value_count(), 6);
}

#[test]
fn bools() {
    let falses = [
        int(0),
        Value::UInt(0),
        Value::Float(0.0),
        Value::Float(-0.0),
        Value::Bool(false),
        Value::Bytes(b""),
    ];
    let trues = [
        int(5),
        int(-1),
        int(0xffff_ffff + 1),
        Value::Float(f64::from(0xffff_ffffu32) / 2.0),
        Value::Float(f64::NAN),
        Value::Bytes(b"test"),
        Value::Bytes(b"\0"),
        Value::Bool(true),
    ];
    for prefix in ["<", ">", "!", "=", "", "@"] {
        let format = format!("{prefix}{}", "?".repeat(falses.len()));
        let packed = pack(&format, &falses);
        assert_eq!(packed, vec![0; falses.len()], "{format}");
        assert!(unpack(&format, &packed)
            .iter()
            .all(|v| *v == Value::Bool(false)));

        let format = format!("{prefix}{}", "?".repeat(trues.len()));
        let packed = pack(&format, &trues);
        assert_eq!(packed, vec![1; trues.len()], "{format}");
        assert!(unpack(&format, &packed)
            .iter()
            .all(|v| *v == Value::Bool(true)));

        assert_eq!(calcsize(&format!("{prefix}?")), 1);
        // Any nonzero byte is true.
        for byte in [0x01, 0x7f, 0xff, 0x0f, 0xf0] {
            assert_eq!(
                unpack(&format!("{prefix}?"), &[byte]),
                [Value::Bool(true)],
                "{prefix}? of {byte:#x}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Floats: test_705836, test_half_float

#[test]
fn float_rounding_705836() {
    for base in 1..33u32 {
        let base = f64::from(base);
        // The largest double below `base`: packing it as `f` rounds away a run of 1 bits,
        // and the carry must reach the exponent.
        let mut delta = 0.5;
        while base - delta / 2.0 != base {
            delta /= 2.0;
        }
        let smaller = base - delta;
        let packed = pack("<f", &[Value::Float(smaller)]);
        assert_eq!(unpack("<f", &packed), [Value::Float(base)], "{smaller}");
        let big_endian = pack(">f", &[Value::Float(smaller)]);
        let reversed: Vec<u8> = packed.iter().rev().copied().collect();
        assert_eq!(big_endian, reversed);
        assert_eq!(unpack(">f", &big_endian), [Value::Float(base)]);
    }
    // The largest finite float survives; one more bit rounds to infinity, an error.
    let largest = f64::from((1u32 << 24) - 1) * 2f64.powi(127 - 23);
    let packed = pack(">f", &[Value::Float(largest)]);
    assert_eq!(unpack(">f", &packed), [Value::Float(largest)]);
    let too_big = f64::from((1u32 << 25) - 1) * 2f64.powi(127 - 24);
    for format in [">f", "<f", "=f", "!f"] {
        let e = pack_one_error(format, Value::Float(too_big));
        assert_eq!(e.to_string(), "float too large to pack with f format");
        assert_eq!(
            e.struct_error(),
            Some(StructError::FloatTooLarge { code: 'f' })
        );
    }
    // Native `f` is a C cast: infinity, no error.
    assert_eq!(
        pack("f", &[Value::Float(too_big)]),
        f32::INFINITY.to_le_bytes()
    );
    // Infinities and NaN are not "too large"; `d` never is.
    assert_eq!(
        pack(">f", &[Value::Float(f64::INFINITY)]),
        f32::INFINITY.to_be_bytes()
    );
    assert_eq!(
        pack("<d", &[Value::Float(f64::MAX)]),
        f64::MAX.to_le_bytes()
    );
    assert_eq!(
        pack_error("d", &[Value::Bytes(b"1")]),
        "required argument is not a float"
    );
}

#[test]
fn half_floats() {
    // Little-endian bytes that round-trip exactly.
    let exact: [(&[u8; 2], f64); 10] = [
        (b"\x00\x3c", 1.0),
        (b"\x00\xc0", -2.0),
        (b"\xff\x7b", 65504.0),
        (b"\x00\x04", 2f64.powi(-14)),
        (b"\x01\x00", 2f64.powi(-24)),
        (b"\x00\x00", 0.0),
        (b"\x00\x80", -0.0),
        (b"\x00\x7c", f64::INFINITY),
        (b"\x00\xfc", f64::NEG_INFINITY),
        (b"\x55\x35", 0.333251953125),
    ];
    for (le, x) in exact {
        let be = [le[1], le[0]];
        for (format, bytes) in [("<e", *le), (">e", be), ("e", *le), ("=e", *le)] {
            let back = float(&unpack(format, &bytes)[0]);
            assert_eq!(back.to_bits(), x.to_bits(), "unpack({format:?}, {bytes:?})");
            assert_eq!(
                pack(format, &[Value::Float(x)]),
                bytes,
                "pack({format:?}, {x})"
            );
        }
    }
    // NaNs, signalling or quiet, unpack as NaN.
    for le in [
        b"\x01\xfc",
        b"\x00\xfe",
        b"\xff\xff",
        b"\x01\x7c",
        b"\x00\x7e",
        b"\xff\x7f",
    ] {
        assert!(float(&unpack("<e", le)[0]).is_nan(), "{le:?}");
        assert!(float(&unpack(">e", &[le[1], le[0]])[0]).is_nan(), "{le:?}");
    }
    // NaN packs as the quiet NaN, sign kept, payload dropped.
    assert_eq!(pack("<e", &[Value::Float(f64::NAN)]), b"\x00\x7e");
    assert_eq!(pack("<e", &[Value::Float(-f64::NAN)]), b"\x00\xfe");
    let payload = f64::from_bits(0x7ff0_0000_0000_0001); // signalling
    assert_eq!(pack(">e", &[Value::Float(payload)]), b"\x7e\x00");

    // Round half to even, in one step from the double.
    let rounding: [(&[u8; 2], f64); 20] = [
        (b"\x00\x01", 2f64.powi(-25) + 2f64.powi(-35)), // up to the smallest subnormal
        (b"\x00\x00", 2f64.powi(-25)),                  // a tie: down to zero, even
        (b"\x00\x00", 2f64.powi(-26)),
        (b"\x03\xff", 2f64.powi(-14) - 2f64.powi(-24)), // the largest subnormal
        (
            b"\x03\xff",
            2f64.powi(-14) - 2f64.powi(-25) - 2f64.powi(-65),
        ),
        (b"\x04\x00", 2f64.powi(-14) - 2f64.powi(-25)),
        (b"\x04\x00", 2f64.powi(-14)), // the smallest normal
        (b"\x3c\x01", 1.0 + 2f64.powi(-11) + 2f64.powi(-16)),
        (b"\x3c\x00", 1.0 + 2f64.powi(-11)), // a tie: down, even
        (b"\x3c\x00", 1.0 + 2f64.powi(-12)),
        (b"\x7b\xff", 65504.0), // the largest normal
        (b"\x7b\xff", 65519.0),
        (b"\x80\x01", -(2f64.powi(-25)) - 2f64.powi(-35)),
        (b"\x80\x00", -(2f64.powi(-25))),
        (b"\x80\x00", -(2f64.powi(-26))),
        (b"\xbc\x01", -1.0 - 2f64.powi(-11) - 2f64.powi(-16)),
        (b"\xbc\x00", -1.0 - 2f64.powi(-11)),
        (b"\xbc\x00", -1.0 - 2f64.powi(-12)),
        (b"\xfb\xff", -65519.0),
        // Rounding through `f32` first would give 0x6800.
        (b"\x67\xff", 0x1f_fdff_ffffu64 as f64 * 2f64.powi(-26)),
    ];
    for (be, x) in rounding {
        assert_eq!(pack(">e", &[Value::Float(x)]), be, "pack('>e', {x:e})");
    }
    // Values that round to infinity are errors; Python raises OverflowError.
    for x in [65520.0, 65536.0, 1e300, -65520.0, -65536.0, -1e300] {
        for format in [">e", "<e", "e"] {
            let e = pack_one_error(format, Value::Float(x));
            assert_eq!(e.to_string(), "float too large to pack with e format");
            assert_eq!(
                e.struct_error(),
                Some(StructError::FloatTooLarge { code: 'e' })
            );
        }
    }
    // An int that overflows says so as an int: CPython's pack rewords any OverflowError
    // raised for an int argument.
    for v in [65520, 70000, -70000] {
        assert_eq!(pack_error("e", &[int(v)]), "int too large to convert");
    }
    assert_eq!(pack("<e", &[int(65519)]), b"\xff\x7b");
}

// ---------------------------------------------------------------------------------------------
// test_unpack_from, test_pack_into, test_boundary_error_message*

#[test]
fn unpack_from() {
    let data = b"abcd01234";
    let format = parse("4s");
    assert_eq!(
        format.unpack_from(data, 0).unwrap(),
        [Value::Bytes(b"abcd")]
    );
    assert_eq!(
        format.unpack_from(data, 2).unwrap(),
        [Value::Bytes(b"cd01")]
    );
    assert_eq!(
        format.unpack_from(data, 4).unwrap(),
        [Value::Bytes(b"0123")]
    );
    for i in 0..6 {
        assert_eq!(
            format.unpack_from(data, i).unwrap(),
            [Value::Bytes(&data[i..i + 4])]
        );
        let fields: Vec<Value<'_>> = format.fields_from(data, i).unwrap().collect();
        assert_eq!(fields, [Value::Bytes(&data[i..i + 4])]);
    }
    for i in 6..=data.len() + 1 {
        assert_eq!(
            message(format.unpack_from(data, i)),
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking 4 bytes at \
                 offset {i} (actual buffer size is 9)",
                i + 4
            )
        );
        assert!(format.fields_from(data, i).is_err());
    }
}

#[test]
fn pack_into() {
    let text = b"Reykjavik rocks, eow!";
    let format = parse("21s");
    let mut buf = vec![b' '; 100];
    format
        .pack_into(&mut buf, 0, &[Value::Bytes(text)])
        .unwrap();
    assert_eq!(&buf[..21], text);
    format
        .pack_into(&mut buf, 10, &[Value::Bytes(text)])
        .unwrap();
    assert_eq!(&buf[..31], [&text[..10], &text[..]].concat());
    assert!(buf[31..].iter().all(|&b| b == b' '));

    let mut small = vec![b' '; 10];
    for offset in [0, 2] {
        assert_eq!(
            message(format.pack_into(&mut small, offset, &[Value::Bytes(text)])),
            format!(
                "pack_into requires a buffer of at least {} bytes for packing 21 bytes at \
                 offset {offset} (actual buffer size is 10)",
                21 + offset
            )
        );
    }
    // The count is checked before the buffer.
    assert_eq!(
        message(format.pack_into(&mut small, 0, &[])),
        "pack_into expected 1 items for packing (got 0)"
    );
    // The whole record is written: pad and alignment bytes become zeros.
    let mut buf = vec![0xaa; 12];
    parse("bxi")
        .pack_into(&mut buf, 2, &[int(1), int(2)])
        .unwrap();
    assert_eq!(buf, b"\xaa\xaa\x01\0\0\0\x02\0\0\0\xaa\xaa");
}

/// A failed `pack_into` leaves the buffer as it was. CPython writes the values before the bad
/// one (here it leaves `01 00 02 00 00 00`): a deliberate difference.
#[test]
fn pack_into_is_atomic() {
    let format = parse("<hhh");
    let mut buf = vec![0x55; 6];
    let result = format.pack_into(&mut buf, 0, &[int(1), int(2), int(1 << 20)]);
    assert_eq!(
        message(result),
        "short format requires -32768 <= number <= 32767"
    );
    assert_eq!(buf, vec![0x55; 6]);
}

#[test]
fn boundary_error_messages() {
    assert_eq!(
        message(parse("b").pack_into(&mut [0u8; 1], 5, &[int(1)])),
        "pack_into requires a buffer of at least 6 bytes for packing 1 bytes at offset 5 \
         (actual buffer size is 1)"
    );
    assert_eq!(
        message(parse("b").unpack_from(&[0u8; 1], 5)),
        "unpack_from requires a buffer of at least 6 bytes for unpacking 1 bytes at offset 5 \
         (actual buffer size is 1)"
    );
    // Large offsets (issue 30245): the sum is printed without overflowing.
    let max = isize::MAX as usize;
    assert_eq!(
        message(parse("<I").pack_into(&mut [0u8; 10], max, &[int(1)])),
        format!(
            "pack_into requires a buffer of at least {} bytes for packing 4 bytes at offset \
             {max} (actual buffer size is 10)",
            max as u128 + 4
        )
    );
    assert_eq!(
        message(parse("<I").unpack_from(&[0u8; 10], max)),
        format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking 4 bytes at \
             offset {max} (actual buffer size is 10)",
            max as u128 + 4
        )
    );
}

// ---------------------------------------------------------------------------------------------
// Format errors: test_count_overflow, test_trailing_counter, test_issue35714, whitespace; and
// where each error points (`position`, which CPython does not give)

/// The message of a format that must not parse, and the character it points at.
fn format_error(format: &str) -> (String, Option<usize>) {
    match Struct::new(format) {
        Ok(_) => panic!("{format:?} should not parse"),
        Err(e) => match e.struct_error() {
            Some(e) => (e.to_string(), e.position()),
            None => panic!("{format:?}: not a struct error: {e}"),
        },
    }
}

#[test]
fn count_overflow() {
    let too_long = "total struct size too long";
    let max = isize::MAX.to_string();
    let half = (isize::MAX / 2).to_string();
    // The position is where the item starts whose count or alignment overflows.
    for (format, position) in [
        (format!("{}b", isize::MAX as u64 + 1), 0),
        (format!("{half}b{half}H"), half.len() + 1),
        ("99999999999999999999999999s".to_owned(), 0),
        (format!("<h {}b", isize::MAX as u64 + 1), 3),
        (format!("{max}xb"), max.len() + 1),
        (format!("@{max}xi"), max.len() + 2),
        (format!("@{max}x 2i"), max.len() + 3),
    ] {
        assert_eq!(
            format_error(&format),
            (too_long.to_owned(), Some(position)),
            "{format}"
        );
    }
    // Exactly isize::MAX bytes is allowed.
    assert_eq!(calcsize(&format!("{max}x")), isize::MAX as usize);
}

#[test]
fn trailing_counter() {
    let message_text = "repeat count given without format specifier";
    // The position is where the count starts.
    for (format, position) in [
        ("12345", 0),
        ("c12345", 1),
        ("14s42", 3),
        ("<3", 1),
        ("=0", 1),
        ("<h 12", 3),
        ("< 7", 2),
    ] {
        assert_eq!(
            format_error(format),
            (message_text.to_owned(), Some(position)),
            "{format}"
        );
        assert_eq!(pack_error(format, &[Value::Bytes(b"x")]), message_text);
        assert_eq!(unpack_error(format, b"x"), message_text);
    }
}

#[test]
fn embedded_null() {
    // The NUL is found before anything else is parsed, so it is reported even after a bad
    // character; positions count characters, not bytes.
    for (format, position) in [
        ("\0", 0),
        ("2\0i", 1),
        ("i\0", 1),
        ("\0Z", 0),
        ("Z\0", 1),
        ("\u{e9}\u{20ac}\0", 2),
        ("<h\0\0", 2),
    ] {
        assert_eq!(
            format_error(format),
            ("embedded null character".to_owned(), Some(position)),
            "{format:?}"
        );
    }
}

#[test]
fn bad_chars() {
    // Prefixes count only as the first character; whitespace may not sit between a count
    // and its code. The position is the bad character's.
    for (format, position) in [
        ("Z", 0),
        ("<<h", 1),
        ("h<", 1),
        ("@@", 1),
        (" <h", 1),
        ("3 h", 1),
        ("2\th", 1),
        ("i!", 1),
        ("y", 0),
        ("\x7f", 0),
        (">HB?Q3h2xfZ", 10),
        ("<4s 12h Z", 8),
        ("<4s 12hZ", 7),
        ("<n", 1),
        (">q2P", 3),
        // Not ASCII: CPython raises UnicodeEncodeError; here the first one is a bad char.
        ("<h\u{e9}\u{e9}", 2),
        ("\u{1f600}h", 0),
    ] {
        assert_eq!(
            format_error(format),
            ("bad char in struct format".to_owned(), Some(position)),
            "{format:?}"
        );
    }
}

#[test]
fn only_format_errors_have_a_position() {
    let positions = |result: Result<(), Error>| match result {
        Err(e) => match e.struct_error() {
            Some(e) => e.position(),
            None => panic!("not a struct error: {e}"),
        },
        Ok(()) => panic!("expected an error"),
    };
    let short = parse("<hI");
    assert_eq!(positions(short.unpack(b"ab").map(drop)), None);
    assert_eq!(positions(short.unpack_from(b"ab", 1).map(drop)), None);
    assert_eq!(positions(short.iter_unpack(b"abc").map(drop)), None);
    assert_eq!(positions(short.pack(&[int(1)]).map(drop)), None);
    assert_eq!(
        positions(short.pack(&[int(1 << 20), int(1)]).map(drop)),
        None
    );
    assert_eq!(
        positions(short.pack_into(&mut [0; 2], 0, &[int(1), int(2)])),
        None
    );
    assert_eq!(
        positions(parse("<e").pack(&[Value::Float(1e6)]).map(drop)),
        None
    );
    assert_eq!(positions(parse("").iter_unpack(b"").map(drop)), None);
}

/// It is returned by value (`Error::struct_error`, and inside the parser as the error of a
/// `Result`), so it must stay as small as its documentation promises (32 bytes), `Copy`, and
/// free of allocation (`no_std` without `alloc` has it too).
#[test]
fn struct_error_is_small_and_copy() {
    fn copy<T: Copy>() {}
    copy::<StructError>();
    assert!(
        std::mem::size_of::<StructError>() <= 32,
        "StructError is {} bytes",
        std::mem::size_of::<StructError>()
    );
}

/// `Error` keeps a `StructError` as numbers; every variant, with its extreme values, comes back
/// out of it unchanged, through `struct_error` and through `kind`, with the same message.
#[test]
fn struct_errors_survive_being_an_error() {
    let mut errors = vec![
        StructError::IterZeroSize,
        StructError::NotAnInteger,
        StructError::NotAFloat,
        StructError::NotAChar,
        StructError::ArgumentOutOfRange,
        StructError::IntTooLarge,
    ];
    for n in [0, 1, 7, usize::MAX] {
        errors.extend([
            StructError::BadChar { position: n },
            StructError::EmbeddedNull { position: n },
            StructError::RepeatWithoutCode { position: n },
            StructError::TooLong { position: n },
            StructError::UnpackSize { size: n },
            StructError::UnpackFromSize {
                size: n,
                offset: usize::MAX - n,
                len: 3,
            },
            StructError::PackIntoSize {
                size: 3,
                offset: n,
                len: usize::MAX - n,
            },
            StructError::IterMultiple { size: n },
            StructError::OutOfMemory { size: n },
            StructError::TooLargeToPack { size: n },
            StructError::ColumnIndex {
                index: n,
                values: usize::MAX - n,
            },
        ]);
        for pack_into in [false, true] {
            errors.push(StructError::ValueCount {
                pack_into,
                expected: n,
                got: usize::MAX - n,
            });
        }
    }
    for code in ['s', 'p', 'f', 'e', 'q', 'Q', 'h', '\u{10ffff}'] {
        for wanted in ["u8", "i64", "f64"] {
            errors.push(StructError::ColumnType {
                index: usize::MAX,
                code,
                wanted,
            });
        }
        errors.extend([
            StructError::NotBytes { code },
            StructError::FloatTooLarge { code },
            StructError::CodeRange {
                code,
                min: i64::MIN,
                max: u64::MAX,
            },
            StructError::CodeRange {
                code,
                min: 0,
                max: 0,
            },
        ]);
    }
    for (name, min, max) in [
        ("byte", -128, 127),
        ("ubyte", 0, 255),
        ("short", -32768, 32767),
        ("ushort", 0, 65535),
        ("byte", i32::MIN, i32::MAX),
    ] {
        errors.push(StructError::NamedRange { name, min, max });
    }
    for struct_error in errors {
        let error = Error::from(struct_error);
        assert_eq!(error.struct_error(), Some(struct_error));
        assert_eq!(error.kind(), overlay::ErrorKind::Struct(struct_error));
        assert_eq!(error.to_string(), struct_error.to_string());
        assert_eq!(error.offset(), None);
        assert!(error.path().is_none());
    }
}

#[test]
fn whitespace_between_items() {
    let compact = parse("<ih3s");
    let spaced = parse("< \t\n\r\x0b\x0ci \n h\t\t3s  \r\n");
    assert_eq!(spaced.size(), compact.size());
    assert_eq!(spaced.value_count(), 3);
    let values = [int(-5), int(7), Value::Bytes(b"abc")];
    let packed = compact.pack(&values).unwrap();
    assert_eq!(spaced.pack(&values).unwrap(), packed);
    assert_eq!(
        spaced.unpack(&packed).unwrap(),
        compact.unpack(&packed).unwrap()
    );
    assert_eq!(calcsize("   "), 0);
    assert_eq!(calcsize(""), 0);
}

#[test]
fn format_attribute() {
    let format = parse("=i2H");
    assert_eq!(format.format(), "=i2H");
    assert_eq!(format.size(), 8);
    assert_eq!(format.value_count(), 3);
}

// ---------------------------------------------------------------------------------------------
// UnpackIteratorTest

#[test]
fn iter_unpack_construct() {
    let format = parse(">ibcp");
    assert_eq!(format.size(), 7);
    assert_eq!(format.iter_unpack(b"").unwrap().count(), 0);
    assert_eq!(format.iter_unpack(b"1234567").unwrap().count(), 1);
    for wrong in [&b"123456"[..], b"12345678"] {
        assert_eq!(
            message(format.iter_unpack(wrong).map(|it| it.len())),
            "iterative unpacking requires a buffer of a multiple of 7 bytes"
        );
    }
    let empty = parse(">");
    for bytes in [&b""[..], b"12"] {
        assert_eq!(
            message(empty.iter_unpack(bytes).map(|it| it.len())),
            "cannot iteratively unpack with a struct of length 0"
        );
    }
}

#[test]
fn iter_unpack_iterate() {
    let format = parse(">IB");
    let bytes: Vec<u8> = (1..16).collect();
    let mut records = format.iter_unpack(&bytes).unwrap();
    // The length hint counts down.
    assert_eq!(records.len(), 3);
    assert_eq!(
        records.next().unwrap(),
        [Value::UInt(0x0102_0304), Value::UInt(5)]
    );
    assert_eq!(records.len(), 2);
    assert_eq!(
        records.next().unwrap(),
        [Value::UInt(0x0607_0809), Value::UInt(10)]
    );
    assert_eq!(records.len(), 1);
    assert_eq!(
        records.next().unwrap(),
        [Value::UInt(0x0b0c_0d0e), Value::UInt(15)]
    );
    assert_eq!(records.len(), 0);
    assert!(records.next().is_none());
    assert!(records.next().is_none());
    assert_eq!(records.len(), 0);

    // A shorter buffer; and from the back; and without allocating through `fields`.
    let bytes: Vec<u8> = (1..11).collect();
    let mut records = format.iter_unpack(&bytes).unwrap();
    assert_eq!(
        records.next_back().unwrap(),
        [Value::UInt(0x0607_0809), Value::UInt(10)]
    );
    let sums: Vec<u64> = format
        .iter_unpack(&bytes)
        .unwrap()
        .fields()
        .map(|fields| fields.map(|v| u64::try_from(v).unwrap()).sum())
        .collect();
    assert_eq!(sums, [0x0102_0304 + 5, 0x0607_0809 + 10]);
}

// ---------------------------------------------------------------------------------------------
// Values: kinds and Python repr

#[test]
fn value_kinds() {
    let format = "<bBhHiIlLqQ";
    let values = unpack(format, &[0xff; 38]);
    let kinds: Vec<bool> = values.iter().map(|v| matches!(v, Value::Int(_))).collect();
    assert_eq!(
        kinds,
        [true, false, true, false, true, false, true, false, true, false],
        "signed codes unpack as Int, unsigned as UInt"
    );
    assert_eq!(values[0], Value::Int(-1));
    assert_eq!(values[9], Value::UInt(u64::MAX));
    let native = unpack("nNP", &[0xff; 24]);
    assert_eq!(
        native,
        [Value::Int(-1), Value::UInt(u64::MAX), Value::UInt(u64::MAX)]
    );
    let others = unpack(
        "<?c2s2pefd",
        b"\x02abc\x01z\x00\x3c\0\0\x80\x3f\0\0\0\0\0\0\xf0\x3f",
    );
    assert_eq!(
        others,
        [
            Value::Bool(true),
            Value::Bytes(b"a"),
            Value::Bytes(b"bc"),
            Value::Bytes(b"z"),
            Value::Float(1.0),
            Value::Float(1.0),
            Value::Float(1.0),
        ]
    );
    // `fields` gives the same values one by one, and knows how many remain.
    let bytes = pack("<hd", &[int(-2), Value::Float(0.5)]);
    let format = parse("<hd");
    let fields = format.fields(&bytes).unwrap();
    assert_eq!(fields.len(), 2);
    assert_eq!(
        fields.collect::<Vec<_>>(),
        [Value::Int(-2), Value::Float(0.5)]
    );
}

#[test]
fn values_print_as_python_repr() {
    let floats = [
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (0.1, "0.1"),
        (1e-05, "1e-05"),
        (0.0001, "0.0001"),
        (5e-324, "5e-324"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (123456789.0, "123456789.0"),
        (1.5e300, "1.5e+300"),
        (2f64.powi(-24), "5.960464477539063e-08"),
        (65504.0, "65504.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (1.0 / 3.0, "0.3333333333333333"),
        (1e22, "1e+22"),
        (9007199254740993.0, "9007199254740992.0"),
        (1234567890123456.7, "1234567890123456.8"),
        (f64::from(0.1f32), "0.10000000149011612"),
        // Exactly halfway between two 16-digit candidates: Python takes the even one.
        // (-5 * 2^-23 is -5.9604644775390625e-07; 1461 * 2^-20 is 0.00139331817626953125.)
        (-5.0 * 2f64.powi(-23), "-5.960464477539062e-07"),
        (1461.0 * 2f64.powi(-20), "0.0013933181762695312"),
    ];
    for (x, repr) in floats {
        assert_eq!(Value::Float(x).to_string(), repr, "{x:e}");
        assert_eq!(format!("{:?}", Value::Float(x)), repr);
    }
    let bytes: [(&[u8], &str); 6] = [
        (b"ab\x00", r"b'ab\x00'"),
        (b"it's", r#"b"it's""#),
        (b"say \"hi\"", r#"b'say "hi"'"#),
        (b"both ' and \"", r#"b'both \' and "'"#),
        (b"\\\t\n\r\x7f\x80\xff", r"b'\\\t\n\r\x7f\x80\xff'"),
        (b"", "b''"),
    ];
    for (b, repr) in bytes {
        assert_eq!(Value::Bytes(b).to_string(), repr);
    }
    assert_eq!(Value::Bool(true).to_string(), "True");
    assert_eq!(Value::Bool(false).to_string(), "False");
    assert_eq!(Value::Int(-3).to_string(), "-3");
    assert_eq!(Value::UInt(u64::MAX).to_string(), "18446744073709551615");
    assert_eq!(
        format!("{:?}", unpack("<4sIH?", b"RIFF\x24\0\0\0\x01\0\x01")),
        "[b'RIFF', 36, 1, True]"
    );
}

#[test]
fn packing_a_record_larger_than_the_limit_is_an_error_and_allocates_nothing() {
    let huge = overlay::Struct::new("1000000000000x").unwrap();
    let err = huge.pack(&[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "pack would allocate 1000000000000 bytes, more than its limit of 1073741824 (pack_into a \
         buffer of your own allocates nothing)"
    );
    assert_eq!(
        err.struct_error(),
        Some(StructError::TooLargeToPack {
            size: 1_000_000_000_000
        })
    );
    assert_eq!(overlay::Struct::PACK_LIMIT, 1 << 30);
    // One byte over the limit is refused; at the limit, pack allocates (1 GiB of zeros is
    // more than a test should take, so that side is checked by pack_into, which never
    // allocates: a pad-only record writes nothing and needs a buffer of its size).
    let over = overlay::Struct::new(&format!("{}x", (1usize << 30) + 1)).unwrap();
    assert!(over.pack(&[]).is_err());
    let small = overlay::Struct::new("4x").unwrap();
    assert_eq!(small.pack(&[]).unwrap(), vec![0; 4]);
}
