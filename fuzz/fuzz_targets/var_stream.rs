//! Variable-length records walked as a stream (`T::stream_in(bytes, endian)`) agree with a
//! plain reference walker written here from the record definitions (fields read with
//! `from_be_bytes`/`from_le_bytes`, lengths computed in checked i64 arithmetic as the derive
//! documents): the same record lengths, the variable fields at the same places, and the walk
//! ending with an error at exactly the offset the walker names, the error naming the
//! outermost record and the field (`Msg.items[2].unit`, `Rt.pairs`). `view_prefix`,
//! `view_at`, `view` and `view_prefix_mut` agree with the stream record by record.
//!
//! Input: byte 0 picks the record type (low bits) and the byte order of the run-time one
//! (high bit); the rest is the stream.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::{Endian, Error, VarOverlay, VarStream};
use overlay_fuzz::place;
use overlay_fuzz::streams::{
    Bulk, BulkView, Chunk, ChunkView, Msg, MsgView, Ratio, RatioView, Rt, RtView, RtViewMut,
};

/// What the reference walker finds at an offset.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Found {
    /// A record of `size` bytes whose variable fields are `(start, len)`, absolute.
    Record {
        size: usize,
        tails: Vec<(usize, usize)>,
    },
    /// Fewer bytes left than the fixed fields take.
    Short,
    /// A bad field: the error's offset (for a bit field, any byte that holds its bits) and
    /// the path the message starts with.
    Bad { offsets: Vec<usize>, label: String },
}

fn bad(offset: usize, label: impl Into<String>) -> Found {
    Found::Bad {
        offsets: vec![offset],
        label: label.into(),
    }
}

/// Reads the fixed fields of one record by hand.
struct Reader<'a> {
    bytes: &'a [u8],
    big: bool,
}

impl Reader<'_> {
    fn u16(&self, at: usize) -> u16 {
        let b = [self.bytes[at], self.bytes[at + 1]];
        if self.big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        }
    }
}

/// Checks a length and takes it: `Err` is the field's error.
fn take(length: Option<i64>, at: usize, end: usize, label: &str) -> Result<usize, Found> {
    match length {
        Some(n) if n >= 0 && n as u64 <= (end - at) as u64 => Ok(n as usize),
        _ => Err(bad(at, label)),
    }
}

/// The reference walker for one type: what is at `at` in `bytes`.
trait Case: VarOverlay {
    const NAME: &'static str;
    fn reference(bytes: &[u8], at: usize, endian: Endian) -> Found;
    /// The variable fields of a view, as bytes.
    fn tails<'a>(view: &Self::View<'a>) -> Vec<&'a [u8]>;
    fn size(view: &Self::View<'_>) -> usize;

    // The entry points in byte order `endian`: the plain ones (in the type's own order,
    // whatever is asked) for a type with an order of its own, which has no `_with` ones; `Rt`
    // takes its order at run time and overrides them with the `_with` ones.
    fn stream_in(bytes: &[u8], _: Endian) -> VarStream<'_, Self> {
        Self::stream(bytes)
    }
    fn view_prefix_in(bytes: &[u8], _: Endian) -> Result<(Self::View<'_>, &[u8]), Error> {
        Self::view_prefix(bytes)
    }
    fn view_at_in(bytes: &[u8], at: usize, _: Endian) -> Result<Self::View<'_>, Error> {
        Self::view_at(bytes, at)
    }
    fn view_in(bytes: &[u8], _: Endian) -> Result<Self::View<'_>, Error> {
        Self::view(bytes)
    }
    fn view_prefix_mut_in(
        bytes: &mut [u8],
        _: Endian,
    ) -> Result<(Self::ViewMut<'_>, &mut [u8]), Error> {
        Self::view_prefix_mut(bytes)
    }
}

impl Case for Chunk {
    const NAME: &'static str = "Chunk";
    fn reference(bytes: &[u8], o: usize, _: Endian) -> Found {
        if bytes.len() - o < 1 {
            return Found::Short;
        }
        let at = o + 1;
        match take(Some(i64::from(bytes[o])), at, bytes.len(), "Chunk.data") {
            Ok(len) => Found::Record {
                size: 1 + len,
                tails: vec![(at, len)],
            },
            Err(found) => found,
        }
    }
    fn tails<'a>(view: &Self::View<'a>) -> Vec<&'a [u8]> {
        vec![view.data()]
    }
    fn size(view: &ChunkView<'_>) -> usize {
        view.size()
    }
}

impl Case for Msg {
    const NAME: &'static str = "Msg";
    fn reference(bytes: &[u8], o: usize, _: Endian) -> Found {
        if bytes.len() - o < 5 {
            return Found::Short;
        }
        let r = Reader { bytes, big: true };
        if ![1, 2, 7].contains(&bytes[o]) {
            return bad(o, "Msg.kind");
        }
        if bytes[o + 1] > 1 {
            return bad(o + 1, "Msg.flag");
        }
        let (n, len) = (i64::from(bytes[o + 2]), i64::from(r.u16(o + 3)));
        let at = o + 5;
        let items = match take(n.checked_mul(3), at, bytes.len(), "Msg.items") {
            Ok(items) => items,
            Err(found) => return found,
        };
        for i in 0..n as usize {
            let unit = bytes[at + 3 * i] >> 6;
            if unit != 1 && unit != 2 {
                return bad(at + 3 * i, format!("Msg.items[{i}].unit"));
            }
        }
        let at2 = at + items;
        let length = n.checked_mul(3).and_then(|m| len.checked_sub(m));
        match take(length, at2, bytes.len(), "Msg.body") {
            Ok(body) => Found::Record {
                size: 5 + items + body,
                tails: vec![(at, items), (at2, body)],
            },
            Err(found) => found,
        }
    }
    fn tails<'a>(view: &Self::View<'a>) -> Vec<&'a [u8]> {
        assert_eq!(view.items().len(), usize::from(view.n()));
        vec![view.items().as_bytes(), view.body()]
    }
    fn size(view: &MsgView<'_>) -> usize {
        view.size()
    }
}

impl Case for Rt {
    fn stream_in(bytes: &[u8], endian: Endian) -> VarStream<'_, Self> {
        Self::stream_with(bytes, endian)
    }
    fn view_prefix_in(bytes: &[u8], endian: Endian) -> Result<(RtView<'_>, &[u8]), Error> {
        Self::view_prefix_with(bytes, endian)
    }
    fn view_at_in(bytes: &[u8], at: usize, endian: Endian) -> Result<RtView<'_>, Error> {
        Self::view_at_with(bytes, at, endian)
    }
    fn view_in(bytes: &[u8], endian: Endian) -> Result<RtView<'_>, Error> {
        Self::view_with(bytes, endian)
    }
    fn view_prefix_mut_in(
        bytes: &mut [u8],
        endian: Endian,
    ) -> Result<(RtViewMut<'_>, &mut [u8]), Error> {
        Self::view_prefix_mut_with(bytes, endian)
    }
    const NAME: &'static str = "Rt";
    fn reference(bytes: &[u8], o: usize, endian: Endian) -> Found {
        if bytes.len() - o < 4 {
            return Found::Short;
        }
        let r = Reader {
            bytes,
            big: endian == Endian::Big,
        };
        let (len, tag) = (r.u16(o), r.u16(o + 2));
        if ![1, 0x0102, 0xfffe].contains(&tag) {
            return bad(o + 2, "Rt.tag");
        }
        let at = o + 4;
        let pairs = match take(Some(i64::from(len)), at, bytes.len(), "Rt.pairs") {
            Ok(pairs) => pairs,
            Err(found) => return found,
        };
        if pairs % 2 != 0 {
            return bad(at, "Rt.pairs");
        }
        for i in 0..pairs / 2 {
            if bytes[at + 2 * i + 1] > 1 {
                return bad(at + 2 * i + 1, format!("Rt.pairs[{i}].ok"));
            }
        }
        let at2 = at + pairs;
        match take(Some(i64::from(len % 3)), at2, bytes.len(), "Rt.extra") {
            Ok(extra) => Found::Record {
                size: 4 + pairs + extra,
                tails: vec![(at, pairs), (at2, extra)],
            },
            Err(found) => found,
        }
    }
    fn tails<'a>(view: &Self::View<'a>) -> Vec<&'a [u8]> {
        vec![view.pairs().as_bytes(), view.extra()]
    }
    fn size(view: &RtView<'_>) -> usize {
        view.size()
    }
}

impl Case for Ratio {
    const NAME: &'static str = "Ratio";
    fn reference(bytes: &[u8], o: usize, _: Endian) -> Found {
        if bytes.len() - o < 2 {
            return Found::Short;
        }
        let (a, b) = (i64::from(bytes[o]), i64::from(bytes[o + 1] as i8));
        let at = o + 2;
        let quotient = match take(a.checked_div(b), at, bytes.len(), "Ratio.quotient") {
            Ok(quotient) => quotient,
            Err(found) => return found,
        };
        let at2 = at + quotient;
        let count = (1..9).try_fold(b, |p, _| p.checked_mul(b));
        let needed = match count {
            Some(n) if n < 0 => Some(n),
            Some(n) => n.checked_mul(2),
            None => None,
        };
        let pairs = match take(needed, at2, bytes.len(), "Ratio.pairs") {
            Ok(pairs) => pairs,
            Err(found) => return found,
        };
        for i in 0..pairs / 2 {
            if bytes[at2 + 2 * i + 1] > 1 {
                return bad(at2 + 2 * i + 1, format!("Ratio.pairs[{i}].ok"));
            }
        }
        Found::Record {
            size: 2 + quotient + pairs,
            tails: vec![(at, quotient), (at2, pairs)],
        }
    }
    fn tails<'a>(view: &Self::View<'a>) -> Vec<&'a [u8]> {
        vec![view.quotient(), view.pairs().as_bytes()]
    }
    fn size(view: &RatioView<'_>) -> usize {
        view.size()
    }
}

impl Case for Bulk {
    const NAME: &'static str = "Bulk";
    fn reference(bytes: &[u8], o: usize, _: Endian) -> Found {
        if bytes.len() - o < 1 {
            return Found::Short;
        }
        let n = i64::from(bytes[o] as i8);
        let at = o + 1;
        // Zero-sized records: any count that is not negative takes no bytes.
        if n < 0 {
            return bad(at, "Bulk.marks");
        }
        let rest = bytes.len() - at;
        if rest % 2 != 0 {
            return bad(at, "Bulk.words");
        }
        Found::Record {
            size: 1 + rest,
            tails: vec![(at, 0), (at, rest)],
        }
    }
    fn tails<'a>(view: &Self::View<'a>) -> Vec<&'a [u8]> {
        assert_eq!(view.marks().len() as i64, i64::from(view.n()));
        vec![view.marks().as_bytes(), view.words().as_bytes()]
    }
    fn size(view: &BulkView<'_>) -> usize {
        view.size()
    }
}

/// Checks an error against what the walker found at `record` (the record's start); `shift` is
/// subtracted from absolute offsets for entry points given the bytes from `shift` on.
fn check_error<T: Case>(
    error: overlay::Error,
    found: &Found,
    record: usize,
    shift: usize,
    available: usize,
) {
    let text = error.to_string();
    match found {
        Found::Short => {
            let prefix = format!(
                "{}: need {} bytes at offset {}, buffer has {available}",
                T::NAME,
                T::FIXED_SIZE,
                record - shift
            );
            assert!(text.starts_with(&prefix), "{text:?}, expected {prefix:?}");
            assert_eq!(error.offset(), Some(record - shift));
        }
        Found::Bad { offsets, label } => {
            let offset = error
                .offset()
                .unwrap_or_else(|| panic!("no offset in {text:?}"));
            assert!(
                offsets.iter().any(|&o| o - shift == offset),
                "{text:?}: offset {offset}, expected {offsets:?} - {shift}"
            );
            let prefix = format!("{label} at offset {offset}");
            assert!(text.starts_with(&prefix), "{text:?}, expected {prefix:?}");
            if let Some(path) = error.path() {
                assert_eq!(path.root(), T::NAME, "{text:?}");
                assert_eq!(&path.to_string(), label, "{text:?}");
            }
        }
        Found::Record { .. } => panic!("refused a good record: {text}"),
    }
    assert!(!text.contains('\n'));
}

fn run<T: Case>(bytes: &[u8], endian: Endian) {
    let mut stream = T::stream_in(bytes, endian);
    let mut at = 0;
    let mut records = 0;
    loop {
        assert_eq!(stream.offset(), at);
        assert_eq!(stream.remainder(), &bytes[at..]);
        let item = stream.next();
        if at == bytes.len() {
            assert!(item.is_none(), "a record after the end");
            break;
        }
        let item = item.expect("the stream ended early");
        let found = T::reference(bytes, at, endian);
        records += 1;

        // The other entry points on the same record.
        let prefix = T::view_prefix_in(&bytes[at..], endian);
        let view_at = T::view_at_in(bytes, at, endian);
        let mut copy = bytes[at..].to_vec();
        let prefix_mut = T::view_prefix_mut_in(&mut copy, endian).map(|(_, rest)| rest.len());
        match (&found, item) {
            (Found::Record { size, tails }, Ok(view)) => {
                assert_eq!(T::size(&view), *size, "record {records} at {at}");
                let got: Vec<(usize, usize)> = T::tails(&view)
                    .iter()
                    .zip(tails)
                    .map(|(t, &(start, len))| {
                        let found = if len == 0 {
                            start
                        } else {
                            place(bytes, t).expect("a variable field inside the stream")
                        };
                        (found, t.len())
                    })
                    .collect();
                assert_eq!(&got, tails, "record {records} at {at}");
                let (view, rest) = prefix.expect("view_prefix accepts it");
                assert_eq!(T::size(&view), *size);
                assert_eq!(rest.len(), bytes.len() - at - size);
                assert_eq!(T::size(&view_at.expect("view_at accepts it")), *size);
                assert_eq!(prefix_mut, Ok(bytes.len() - at - size));
                let whole = T::view_in(&bytes[at..at + size], endian).expect("view accepts it");
                assert_eq!(T::size(&whole), *size);
                if at + size < bytes.len() {
                    assert!(T::view_in(&bytes[at..], endian).is_err());
                }
                at += size;
                if *size == 0 {
                    assert!(
                        stream.next().is_none(),
                        "a record of no bytes ends the stream"
                    );
                    break;
                }
            }
            (_, Ok(view)) => panic!(
                "record {records} at {at}: accepted {} bytes, the walker says {found:?}",
                T::size(&view)
            ),
            (_, Err(error)) => {
                check_error::<T>(error, &found, at, 0, bytes.len());
                assert_eq!(view_at.err(), Some(error), "view_at agrees with the stream");
                check_error::<T>(
                    prefix.err().expect("view_prefix refuses it too"),
                    &found,
                    at,
                    at,
                    bytes.len() - at,
                );
                assert!(prefix_mut.is_err());
                assert!(
                    stream.next().is_none(),
                    "the stream ends at its first error"
                );
                assert_eq!(stream.remainder(), &bytes[at..]);
                break;
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let endian = if pick & 0x80 != 0 {
        Endian::Big
    } else {
        Endian::Little
    };
    match (pick & 0x7f) % 5 {
        0 => run::<Chunk>(bytes, endian),
        1 => run::<Msg>(bytes, endian),
        2 => run::<Rt>(bytes, endian),
        3 => run::<Ratio>(bytes, endian),
        _ => run::<Bulk>(bytes, endian),
    }
});
