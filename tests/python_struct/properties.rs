//! Property tests of `overlay::Struct`: no format string, buffer, offset or list of values makes
//! any entry point panic; the entry points agree with one another (`fields` with `unpack`,
//! `iter_unpack` with `unpack` per record, `pack_into` with `pack`); whatever `unpack` gives,
//! `pack` takes back; and for formats whose bytes all carry values, `pack(unpack(b)) == b`.
//!
//! CPython itself is the reference in `differential.rs`; here the properties are the
//! ones that hold for any input, including inputs Python would never be given.

use overlay::{Struct, StructError, Value};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::{Arg, CODES, PREFIXES, SPACES};

/// Formats above this size are only parsed: buffers for them would be slow to make.
const MAX_SIZE: usize = 4096;

/// Mostly format-like strings: prefixes, codes and counts (small, large and huge), whitespace,
/// and any printable ASCII or NUL now and then.
fn format_string() -> impl Strategy<Value = String> {
    let prefix = prop_oneof![
        4 => prop::sample::select(PREFIXES).prop_map(String::from),
        1 => "[ -~]",
    ];
    let token = prop_oneof![
        8 => prop::sample::select(CODES).prop_map(|c| char::from(c).to_string()),
        3 => "[0-9]{1,2}",
        1 => "[0-9]{3,4}",
        1 => "[0-9]{15,25}",
        1 => prop::sample::select(SPACES).prop_map(|c| char::from(c).to_string()),
        1 => prop::sample::select(&["@", "=", "<", ">", "!"][..]).prop_map(String::from),
        2 => "[ -~]",
        1 => Just("\0".to_string()),
    ];
    (prefix, vec(token, 0..12)).prop_map(|(prefix, tokens)| prefix + &tokens.concat())
}

/// A valid format of items from `codes`, each with an optional count below 6 (and, for `s`
/// and `p`, sometimes a long one), whitespace between some.
fn valid_format(prefixes: &'static [&'static str], codes: &'static [u8]) -> BoxedStrategy<String> {
    let item = (
        prop::sample::select(codes),
        prop_oneof![
            3 => Just(None),
            3 => (0usize..6).prop_map(Some),
            1 => (6usize..300).prop_map(Some),
        ],
        prop::option::weighted(0.2, prop::sample::select(SPACES).prop_map(char::from)),
    )
        .prop_map(|(code, count, space)| {
            let count = match count {
                // Long counts only for strings, to keep records small.
                Some(n) if n >= 6 && !b"sp".contains(&code) => Some(n % 6),
                other => other,
            };
            let count = count.map(|n| n.to_string()).unwrap_or_default();
            let space = space.map(String::from).unwrap_or_default();
            format!("{space}{count}{}", char::from(code))
        });
    (prop::sample::select(prefixes), vec(item, 0..8))
        .prop_map(|(prefix, items)| {
            let mut format = format!("{prefix}{}", items.concat());
            if !matches!(prefix, "" | "@") {
                // `n`, `N` and `P` exist only in native mode.
                format = format.replace(['n', 'N', 'P'], "q");
            }
            format
        })
        .boxed()
}

fn arg() -> impl Strategy<Value = Arg> {
    prop_oneof![
        any::<i64>().prop_map(Arg::Int),
        (-300i64..300).prop_map(Arg::Int),
        any::<u64>().prop_map(Arg::UInt),
        prop::num::f64::ANY.prop_map(Arg::Float),
        (-70000.0f64..70000.0).prop_map(Arg::Float),
        any::<bool>().prop_map(Arg::Bool),
        vec(any::<u8>(), 0..3).prop_map(Arg::Bytes),
        vec(any::<u8>(), 0..300).prop_map(Arg::Bytes),
    ]
}

/// A buffer of `len` bytes made by repeating `pattern` (zeros if it is empty).
fn buffer(pattern: &[u8], len: usize) -> Vec<u8> {
    if pattern.is_empty() {
        return vec![0; len];
    }
    pattern.iter().copied().cycle().take(len).collect()
}

/// A buffer length for a format of `size` bytes: exact, a whole number of records, near, or
/// anything.
fn length(size: usize, choice: u8, records: usize, any: usize) -> usize {
    match choice % 5 {
        0 => size,
        1 => size * records,
        2 => size + 1,
        3 => size.saturating_sub(1),
        _ => any % (2 * size + 8),
    }
}

/// Values printed as Python prints them; NaN equals NaN.
fn shown(values: &[Value<'_>]) -> String {
    format!("{values:?}")
}

/// A format error points at a character of the format that explains it: the first NUL, the
/// start of a trailing count, the start of an item (count or code) for a size overflow; and
/// after a bad character is replaced by the pad code `x`, the format parses or fails no earlier
/// than the item of that character (its count may now overflow the size), and not with a bad
/// character there.
fn check_position(format: &str) -> Result<(), TestCaseError> {
    let error = match Struct::new(format) {
        Ok(_) => return Ok(()),
        Err(other) => match other.struct_error() {
            Some(error) => error,
            None => return Err(TestCaseError::fail(format!("not a struct error: {other}"))),
        },
    };
    let chars: Vec<char> = format.chars().collect();
    let position = error
        .position()
        .ok_or_else(|| TestCaseError::fail(format!("{error:?} has no position")))?;
    prop_assert!(
        position < chars.len(),
        "{error:?} past the end of {format:?}"
    );
    let at = chars[position];
    match error {
        StructError::EmbeddedNull { .. } => {
            prop_assert_eq!(at, '\0');
            prop_assert!(!chars[..position].contains(&'\0'));
        }
        StructError::RepeatWithoutCode { .. } => {
            prop_assert!(chars[position..].iter().all(char::is_ascii_digit));
            prop_assert!(position == 0 || !chars[position - 1].is_ascii_digit());
        }
        StructError::TooLong { .. } => {
            prop_assert!(at.is_ascii_alphanumeric() || at == '?', "{at:?}");
            prop_assert!(position == 0 || !chars[position - 1].is_ascii_digit());
        }
        StructError::BadChar { .. } => {
            let mut fixed = chars.clone();
            fixed[position] = 'x';
            let fixed: String = fixed.into_iter().collect();
            let count_digits = chars[..position]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if let Some(next) = Struct::new(&fixed).err().and_then(|e| e.struct_error()) {
                let next_position = next.position().unwrap_or(usize::MAX);
                prop_assert!(
                    next_position >= position - count_digits,
                    "{fixed:?}: {next:?}"
                );
                prop_assert!(
                    next_position > position || !matches!(next, StructError::BadChar { .. }),
                    "{fixed:?}: {next:?}"
                );
            }
        }
        other => {
            return Err(TestCaseError::fail(format!(
                "{other:?} is not a format error"
            )))
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn new_never_panics(format in format_string()) {
        match Struct::new(&format) {
            Ok(parsed) => {
                prop_assert_eq!(parsed.format(), format.as_str());
                prop_assert!(parsed.value_count() <= parsed.size() + format.len());
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn new_never_panics_on_any_text(format in ".{0,40}") {
        let _ = Struct::new(&format);
    }

    #[test]
    fn format_errors_point_at_their_character(format in format_string()) {
        check_position(&format)?;
    }

    #[test]
    fn format_errors_point_at_their_character_in_any_text(format in ".{0,40}") {
        check_position(&format)?;
    }

    #[test]
    fn unpacking_never_panics_and_agrees(
        format in format_string(),
        pattern in vec(any::<u8>(), 0..64),
        choice in any::<u8>(),
        records in 0usize..5,
        any_len in any::<usize>(),
        offset in prop_oneof![4 => 0usize..16, 1 => any::<usize>()],
    ) {
        let Ok(parsed) = Struct::new(&format) else { return Ok(()) };
        let size = parsed.size();
        if size > MAX_SIZE {
            return Ok(());
        }
        let bytes = buffer(&pattern, length(size, choice, records, any_len));
        let len = bytes.len();

        let unpacked = parsed.unpack(&bytes);
        prop_assert_eq!(unpacked.is_ok(), len == size);
        let fields = parsed.fields(&bytes);
        prop_assert_eq!(fields.is_ok(), len == size);
        if let (Ok(values), Ok(fields)) = (&unpacked, fields) {
            prop_assert_eq!(values.len(), parsed.value_count());
            prop_assert_eq!(fields.len(), parsed.value_count());
            prop_assert_eq!(shown(&fields.collect::<Vec<_>>()), shown(values));
        }

        let fits = offset.checked_add(size).is_some_and(|end| end <= len);
        let from = parsed.unpack_from(&bytes, offset);
        prop_assert_eq!(from.is_ok(), fits);
        let fields_from = parsed.fields_from(&bytes, offset);
        prop_assert_eq!(fields_from.is_ok(), fits);
        if let (Ok(values), Ok(fields)) = (from, fields_from) {
            let record = parsed.unpack(&bytes[offset..offset + size]).expect("a whole record");
            prop_assert_eq!(shown(&values), shown(&record));
            prop_assert_eq!(shown(&fields.collect::<Vec<_>>()), shown(&record));
        }

        match parsed.iter_unpack(&bytes) {
            Ok(mut all) => {
                prop_assert!(size > 0 && len.is_multiple_of(size));
                prop_assert_eq!(all.len(), len / size);
                if let Some(last) = all.next_back() {
                    let expected = parsed.unpack(&bytes[len - size..]).expect("a whole record");
                    prop_assert_eq!(shown(&last), shown(&expected));
                }
                for (i, record) in all.enumerate() {
                    let expected = parsed.unpack(&bytes[i * size..(i + 1) * size]).expect("a record");
                    prop_assert_eq!(shown(&record), shown(&expected));
                }
                let counted = parsed.iter_unpack(&bytes).expect("ok above").fields().count();
                prop_assert_eq!(counted, len / size);
            }
            Err(_) => prop_assert!(size == 0 || !len.is_multiple_of(size)),
        }
    }

    #[test]
    fn packing_never_panics_and_agrees(
        format in format_string(),
        args in vec(arg(), 0..40),
        count_choice in 0u8..4,
        buf_len in 0usize..600,
        offset in prop_oneof![4 => 0usize..16, 1 => any::<usize>()],
        fill in any::<u8>(),
    ) {
        let Ok(parsed) = Struct::new(&format) else { return Ok(()) };
        let size = parsed.size();
        if size > MAX_SIZE {
            return Ok(());
        }
        // Mostly the right number of values (reusing the drawn ones), sometimes not.
        let wanted = match count_choice {
            0 | 1 => parsed.value_count(),
            2 => parsed.value_count() + 1,
            _ => args.len(),
        };
        let args: Vec<Arg> = if args.is_empty() {
            vec![Arg::Int(0); wanted]
        } else {
            args.iter().cycle().take(wanted).cloned().collect()
        };
        let values: Vec<Value<'_>> = args.iter().map(Arg::value).collect();

        let packed = parsed.pack(&values);
        if let Ok(bytes) = &packed {
            prop_assert_eq!(bytes.len(), size);
            prop_assert_eq!(values.len(), parsed.value_count());
        }
        let before = vec![fill; buf_len];
        let mut buf = before.clone();
        let result = parsed.pack_into(&mut buf, offset, &values);
        let fits = offset.checked_add(size).is_some_and(|end| end <= buf_len);
        match (&packed, result) {
            (Ok(bytes), Ok(())) => {
                prop_assert!(fits);
                prop_assert_eq!(&buf[offset..offset + size], &bytes[..]);
                prop_assert_eq!(&buf[..offset], &before[..offset]);
                prop_assert_eq!(&buf[offset + size..], &before[offset + size..]);
            }
            (Ok(_), Err(_)) => {
                prop_assert!(!fits);
                prop_assert_eq!(&buf, &before);
            }
            (Err(_), Ok(())) => prop_assert!(false, "pack_into packed what pack refused"),
            (Err(_), Err(_)) => prop_assert_eq!(&buf, &before, "a failed pack_into wrote"),
        }
    }

    /// Whatever `unpack` gives, `pack` takes back, for every format; and packing that again
    /// changes nothing more (pads, alignment gaps, `p` lengths, `?` bytes and NaN payloads are
    /// normalised once).
    #[test]
    fn pack_takes_back_what_unpack_gives(
        format in valid_format(PREFIXES, CODES),
        pattern in vec(any::<u8>(), 0..64),
    ) {
        let parsed = Struct::new(&format).expect("valid_format makes valid formats");
        let bytes = buffer(&pattern, parsed.size());
        let values = parsed.unpack(&bytes).expect("a whole record");
        let once = parsed.pack(&values).expect("unpacked values pack");
        let again = parsed.pack(&parsed.unpack(&once).expect("a whole record")).expect("pack");
        prop_assert_eq!(again, once);
    }

    /// With standard sizes (no alignment gaps), integers, `c`, `s` and `d` carry every byte,
    /// so the bytes come back exactly (NaN payloads of `d` included).
    #[test]
    fn bytes_round_trip_through_values(
        format in valid_format(&["=", "<", ">", "!"], b"bBhHiIlLqQcsd"),
        pattern in vec(any::<u8>(), 0..64),
    ) {
        let parsed = Struct::new(&format).expect("valid_format makes valid formats");
        let bytes = buffer(&pattern, parsed.size());
        let values = parsed.unpack(&bytes).expect("a whole record");
        prop_assert_eq!(parsed.pack(&values).expect("unpacked values pack"), bytes);
    }

    /// The same in native mode, for codes whose size is their alignment, laid out from the
    /// largest to the smallest so that no gap appears.
    #[test]
    fn native_bytes_round_trip_without_gaps(
        counts in vec(0usize..4, 9),
        pattern in vec(any::<u8>(), 0..64),
    ) {
        let codes = ["q", "Q", "n", "N", "P", "d", "i", "I", "h"];
        let format: String = codes
            .iter()
            .zip(&counts)
            .map(|(code, n)| format!("{n}{code}"))
            .collect::<String>()
            + "bBcs3s";
        let parsed = Struct::new(&format).expect("a valid format");
        let bytes = buffer(&pattern, parsed.size());
        let values = parsed.unpack(&bytes).expect("a whole record");
        prop_assert_eq!(parsed.pack(&values).expect("unpacked values pack"), bytes);
    }
}
