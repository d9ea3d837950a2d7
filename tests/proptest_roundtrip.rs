//! Property tests over every shared record type: owned values round-trip through bytes, views
//! read what `unpack` reads, each setter writes exactly its field's bytes, every buffer that is
//! accepted round-trips (pads aside), and no input, however malformed, makes any entry point
//! panic.
//!
//! The expected values come from proptest strategies written field by field (tests/common), and
//! field positions from `FIELDS`; floats are compared by their bits, so NaN equals itself.

mod common;

use std::ops::Range;

use common::{
    field_mismatch, flat, same, Arrays, BigEnumOnly, Color, Empty, Header, Mixed, Native, Packet,
    Point, PointLe, Record, ScalarsBe, ScalarsLe, Tag1, Tags, ToOwnedValue, Trend, Value, Wide,
};
use overlay::{Error, ErrorKind, FieldInfo, FieldKind, Overlay, Records, RecordsMut};
use proptest::collection::vec;
use proptest::prelude::*;

/// How many records the loops over a table visit at most: a table of zero-sized records can
/// claim any length.
const MAX_VISITED: usize = 1000;

/// The byte range of the top-level field `name`.
fn field_range<T: Overlay>(name: &str) -> Range<usize> {
    let field = T::FIELDS
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("{} has a field `{name}`", std::any::type_name::<T>()));
    field.offset..field.offset + field.size
}

/// The type's name as errors print it.
fn short_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

/// Zeroes every pad in `bytes` (one record at `base`), nested records' pads included.
fn zero_pads(fields: &[FieldInfo], bytes: &mut [u8], base: usize) {
    for field in fields {
        let start = base + field.offset;
        if field.kind == FieldKind::Pad {
            bytes[start..start + field.size].fill(0);
        } else if !field.fields.is_empty() && field.elements > 0 {
            let element_size = field.size / field.elements;
            for index in 0..field.elements {
                zero_pads(field.fields, bytes, start + index * element_size);
            }
        }
    }
}

/// What writing every field of the record at `base` with the value it holds does to `bytes`:
/// pads inside nested records become zeros (a nested record is written whole); the record's own
/// pads have no setter and stay as they are.
fn rewritten<T: Overlay>(bytes: &mut [u8], base: usize) {
    for field in T::FIELDS {
        if !field.fields.is_empty() && field.elements > 0 {
            let element_size = field.size / field.elements;
            for index in 0..field.elements {
                zero_pads(
                    field.fields,
                    bytes,
                    base + field.offset + index * element_size,
                );
            }
        }
    }
}

/// `bytes` differs from `original` only inside `range`.
fn only_range_changed(original: &[u8], bytes: &[u8], range: Range<usize>) -> Result<(), String> {
    match (0..original.len()).find(|&i| !range.contains(&i) && original[i] != bytes[i]) {
        None => Ok(()),
        Some(i) => Err(format!(
            "byte {i} outside the field's bytes {range:?} changed from {:#04x} to {:#04x}",
            original[i], bytes[i]
        )),
    }
}

/// An error is something a person can read, and its offset (if any) points into the record
/// it is about.
fn check_error<T>(error: &Error, record: Option<Range<usize>>) -> Result<(), TestCaseError> {
    prop_assert!(
        !error.to_string().is_empty(),
        "{error:?} displays as an empty string"
    );
    if let (
        ErrorKind::InvalidEnum { offset, path, .. } | ErrorKind::InvalidBool { offset, path, .. },
        Some(record),
    ) = (error.kind(), record)
    {
        prop_assert!(
            record.contains(&offset),
            "{error} reports offset {offset}, outside the record at {record:?}"
        );
        prop_assert_eq!(
            path.root(),
            short_name::<T>(),
            "the path of {} starts at the record",
            error
        );
    }
    Ok(())
}

/// Reads a view's every getter and checks them against `unpack` of the same bytes.
fn check_view<T: Record>(view: T::View<'_>, bytes: &[u8]) -> Result<(), TestCaseError> {
    let owned = T::unpack(bytes).map_err(|e| {
        TestCaseError::fail(format!("a view was made of bytes that unpack rejects: {e}"))
    })?;
    if let Some(problem) = field_mismatch(&owned.owned_fields(), &T::view_fields(view)) {
        return Err(TestCaseError::fail(format!(
            "view getters disagree with unpack: {problem}"
        )));
    }
    Ok(())
}

/// A read-only table: its length, iteration both ways, `get`, `first` and `last` agree, and every
/// record's getters read what `unpack` reads.
fn check_records<T: Record>(records: Records<'_, T>, bytes: &[u8]) -> Result<(), TestCaseError> {
    let len = records.len();
    {
        prop_assert_eq!(records.iter().len(), len, "iter().len() must equal len()");
        prop_assert_eq!(
            records.iter().count(),
            len,
            "iter() must yield len() records"
        );
        prop_assert_eq!(
            records.iter().rev().count(),
            len,
            "iter().rev() must yield len() records"
        );
    }
    for (index, view) in records.iter().enumerate().take(MAX_VISITED) {
        let start = index * records.stride().unsigned_abs();
        check_view::<T>(view, &bytes[start..start + T::SIZE])?;
    }
    for index in 0..len.min(MAX_VISITED) {
        prop_assert!(
            records.get(index).is_some(),
            "get({}) of {} records",
            index,
            len
        );
    }
    prop_assert!(records.get(len).is_none(), "get(len) must be None");
    prop_assert_eq!(records.first().is_some(), len > 0);
    prop_assert_eq!(records.last().is_some(), len > 0);
    Ok(())
}

/// A writable table: reads and rewrites every record (and notes in `expected` what that does).
fn check_records_mut<T: Record>(
    mut records: RecordsMut<'_, T>,
    rewrite: fn(&mut T::ViewMut<'_>),
    expected: &mut [u8],
) -> Result<(), TestCaseError> {
    let len = records.len();
    let stride = records.as_records().stride().unsigned_abs();
    for index in 0..len.min(MAX_VISITED) {
        rewritten::<T>(expected, index * stride);
    }
    if !(T::SIZE == 0 && records.as_records().stride() == 0) {
        prop_assert_eq!(
            records.iter_mut().len(),
            len,
            "iter_mut().len() must equal len()"
        );
        prop_assert_eq!(records.iter().count(), len);
    }
    for mut view in records.iter_mut().take(MAX_VISITED) {
        let _ = T::view_mut_fields(&view);
        rewrite(&mut view);
    }
    for index in 0..len.min(MAX_VISITED) {
        let mut view = records
            .get_mut(index)
            .ok_or_else(|| TestCaseError::fail(format!("get_mut({index}) of {len} records")))?;
        rewrite(&mut view);
    }
    prop_assert!(records.get_mut(len).is_none(), "get_mut(len) must be None");
    prop_assert!(records.get(len).is_none(), "get(len) must be None");
    Ok(())
}

/// Calls every entry point that takes a buffer on `bytes`; reads every field of whatever is
/// accepted; rewrites every field of writable views with its own value, which must leave the
/// bytes unchanged (except pads inside nested records, which become zeros). Nothing may panic.
fn exercise<T: Record>(
    bytes: &[u8],
    offset: usize,
    count: usize,
    stride: usize,
    rewrite: fn(&mut T::ViewMut<'_>),
) -> Result<(), TestCaseError> {
    let at = offset.checked_add(T::SIZE).map(|end| offset..end);

    // Read-only views and copies.
    match T::view(bytes) {
        Ok(view) => check_view::<T>(view, bytes)?,
        Err(e) => {
            check_error::<T>(&e, Some(0..T::SIZE))?;
            prop_assert_eq!(
                T::unpack(bytes).err(),
                Some(e),
                "unpack must fail like view"
            );
        }
    }
    match T::view_prefix(bytes) {
        Ok((view, rest)) => {
            prop_assert_eq!(rest.len(), bytes.len() - T::SIZE, "view_prefix's rest");
            check_view::<T>(view, &bytes[..T::SIZE])?;
        }
        Err(e) => check_error::<T>(&e, Some(0..T::SIZE))?,
    }
    match T::view_at(bytes, offset) {
        Ok(view) => {
            let record = &bytes[offset..offset + T::SIZE];
            check_view::<T>(view, record)?;
            let from = T::unpack_from(bytes, offset).map_err(|e| {
                TestCaseError::fail(format!("view_at accepts offset {offset}, unpack_from: {e}"))
            })?;
            prop_assert!(
                same(&from, &T::unpack(record).unwrap()),
                "unpack_from vs unpack"
            );
        }
        Err(e) => {
            check_error::<T>(&e, at.clone())?;
            prop_assert_eq!(
                T::unpack_from(bytes, offset).err(),
                Some(e),
                "unpack_from vs view_at"
            );
        }
    }
    if let Ok(owned) = T::unpack(bytes) {
        // Every accepted buffer round-trips; pads come back as zeros.
        let mut expected = bytes.to_vec();
        zero_pads(T::FIELDS, &mut expected, 0);
        prop_assert_eq!(
            owned.bytes_of(),
            expected,
            "to_bytes(unpack(bytes)) vs bytes"
        );
    }

    // Writable views: rewriting every field with its value changes nothing but nested pads.
    let mut copy = bytes.to_vec();
    let mut expected = bytes.to_vec();
    match T::view_mut(&mut copy) {
        Ok(mut view) => {
            let _ = T::view_mut_fields(&view);
            rewrite(&mut view);
            rewritten::<T>(&mut expected, 0);
        }
        Err(e) => check_error::<T>(&e, Some(0..T::SIZE))?,
    }
    match T::view_prefix_mut(&mut copy) {
        Ok((mut view, _rest)) => {
            let _ = T::view_mut_fields(&view);
            rewrite(&mut view);
            rewritten::<T>(&mut expected, 0);
        }
        Err(e) => check_error::<T>(&e, Some(0..T::SIZE))?,
    }
    match T::view_at_mut(&mut copy, offset) {
        Ok(mut view) => {
            let _ = T::view_mut_fields(&view);
            rewrite(&mut view);
            rewritten::<T>(&mut expected, offset);
        }
        Err(e) => check_error::<T>(&e, at.clone())?,
    }
    prop_assert_eq!(copy, expected, "rewriting fields with their own values");

    // pack_into at an arbitrary offset writes exactly the record's bytes there.
    let value = T::zero();
    let mut target = bytes.to_vec();
    match value.pack_into(&mut target, offset) {
        Ok(()) => {
            let range = offset..offset + T::SIZE;
            prop_assert_eq!(&target[range.clone()], &value.bytes_of()[..]);
            only_range_changed(bytes, &target, range).map_err(TestCaseError::fail)?;
        }
        Err(e) => {
            check_error::<T>(&e, None)?;
            prop_assert_eq!(&target[..], bytes, "a failed pack_into must write nothing");
        }
    }

    // Tables.
    match T::records(bytes) {
        Ok(records) => check_records(records, bytes)?,
        Err(e) => check_error::<T>(&e, None)?,
    }
    // Zero-byte records with stride 0 take no room, so any count fits and iteration yields all
    // of them: keep the count small enough to iterate.
    let count = if stride == 0 {
        count.min(1 << 12)
    } else {
        count
    };
    match Records::<T>::with_stride(bytes, count, stride) {
        Ok(records) => check_records(records, bytes)?,
        Err(e) => check_error::<T>(&e, None)?,
    }
    let mut copy = bytes.to_vec();
    let mut expected = bytes.to_vec();
    match T::records_mut(&mut copy) {
        Ok(records) => check_records_mut(records, rewrite, &mut expected)?,
        Err(e) => check_error::<T>(&e, None)?,
    }
    match RecordsMut::<T>::with_stride(&mut copy, count, stride) {
        Ok(records) => check_records_mut(records, rewrite, &mut expected)?,
        Err(e) => check_error::<T>(&e, None)?,
    }
    prop_assert_eq!(
        copy,
        expected,
        "rewriting table records with their own values"
    );
    Ok(())
}

/// Buffers of up to 200 bytes: pure noise, or valid records with noise around them and a few
/// bytes changed, so that both the accepting and the rejecting paths run.
fn buffers<T: Record>() -> BoxedStrategy<Vec<u8>> {
    let noise = || prop_oneof![2 => Just(Vec::new()), 1 => vec(any::<u8>(), 1..4)];
    let valid = (
        noise(),
        prop_oneof![1 => Just(1usize), 1 => 0usize..5],
        vec(T::strategy(), 4),
        noise(),
        prop_oneof![3 => Just(Vec::new()), 1 => vec((any::<usize>(), any::<u8>()), 1..3)],
    )
        .prop_map(|(before, count, records, after, changes)| {
            let mut bytes = before;
            for record in &records[..count] {
                bytes.extend_from_slice(&record.bytes_of());
            }
            bytes.extend_from_slice(&after);
            bytes.truncate(199);
            if !bytes.is_empty() {
                for (at, byte) in changes {
                    let len = bytes.len();
                    bytes[at % len] = byte;
                }
            }
            bytes
        });
    prop_oneof![1 => vec(any::<u8>(), 0..200), 2 => valid].boxed()
}

/// Small numbers most of the time, huge ones sometimes (overflow paths).
fn sizes() -> BoxedStrategy<usize> {
    prop_oneof![8 => 0usize..220, 1 => any::<usize>(), 1 => Just(usize::MAX)].boxed()
}

/// For each record type: a module of properties. The list names each value field and its
/// setter, in declaration order (checked against `FIELDS`).
macro_rules! properties {
    ($module:ident: $ty:ident { $($field:ident => $setter:ident),* $(,)? }) => {
        mod $module {
            use super::*;

            /// Writes every field of `view` with the value it holds.
            fn rewrite(view: &mut <$ty as Overlay>::ViewMut<'_>) {
                $(
                    let current = ToOwnedValue::to_owned_value(view.$field());
                    view.$setter(current);
                )*
            }

            #[test]
            fn setter_list_names_every_value_field() {
                let listed: Vec<&str> = vec![$(stringify!($field)),*];
                let value_fields: Vec<&str> = <$ty as Overlay>::FIELDS
                    .iter()
                    .filter(|f| f.kind != FieldKind::Pad)
                    .map(|f| f.name)
                    .collect();
                assert_eq!(listed, value_fields, "the test's setter list vs FIELDS");
            }

            proptest! {
                #[test]
                fn unpack_of_to_bytes_gives_the_value_back(x in <$ty as Value>::strategy()) {
                    let bytes = x.to_bytes();
                    prop_assert_eq!(bytes.len(), <$ty as Overlay>::SIZE);
                    let back = <$ty>::unpack(&bytes)
                        .map_err(|e| TestCaseError::fail(format!("unpack(to_bytes(x)): {e}")))?;
                    prop_assert!(same(&back, &x), "unpack(to_bytes(x)) = {:?}, x = {:?}", back, x);
                    prop_assert_eq!(back.to_bytes(), bytes);
                }

                #[test]
                fn views_read_the_owned_fields(x in <$ty as Value>::strategy()) {
                    let mut bytes = x.to_bytes();
                    let view = <$ty>::view(&bytes)
                        .map_err(|e| TestCaseError::fail(format!("view(to_bytes(x)): {e}")))?;
                    prop_assert!(same(&view.unpack(), &<$ty>::unpack(&bytes).unwrap()));
                    if let Some(problem) = field_mismatch(&x.owned_fields(), &<$ty>::view_fields(view)) {
                        return Err(TestCaseError::fail(format!("view getter {problem}")));
                    }
                    let view = <$ty>::view_mut(&mut bytes).unwrap();
                    if let Some(problem) = field_mismatch(&x.owned_fields(), &<$ty>::view_mut_fields(&view)) {
                        return Err(TestCaseError::fail(format!("view_mut getter {problem}")));
                    }
                    prop_assert!(same(&view.unpack(), &x), "ViewMut::unpack");
                }

                #[test]
                fn each_setter_writes_exactly_its_field(
                    x in <$ty as Value>::strategy(),
                    y in <$ty as Value>::strategy(),
                ) {
                    let original = x.to_bytes();
                    $({
                        let field = stringify!($field);
                        let mut bytes = original;
                        let mut view = <$ty>::view_mut(&mut bytes).unwrap();
                        view.$setter(y.$field);
                        let read_back: $ty = {
                            let mut expected = x;
                            expected.$field = y.$field;
                            expected
                        };
                        if let Some(problem) =
                            field_mismatch(&read_back.owned_fields(), &<$ty>::view_mut_fields(&view))
                        {
                            return Err(TestCaseError::fail(format!("after {}: {problem}", stringify!($setter))));
                        }
                        only_range_changed(&original, &bytes, field_range::<$ty>(field))
                            .map_err(|e| TestCaseError::fail(format!("{}: {e}", stringify!($setter))))?;
                        let unpacked = <$ty>::unpack(&bytes).unwrap();
                        prop_assert!(same(&unpacked, &read_back), "{} then unpack", stringify!($setter));
                    })*
                }

                #[test]
                fn pack_writes_the_whole_record(
                    x in <$ty as Value>::strategy(),
                    y in <$ty as Value>::strategy(),
                ) {
                    let mut bytes = x.to_bytes();
                    <$ty>::view_mut(&mut bytes).unwrap().pack(&y);
                    prop_assert_eq!(bytes, y.to_bytes(), "ViewMut::pack(y) vs to_bytes(y)");
                }

                #[test]
                fn no_input_makes_any_entry_point_panic(
                    bytes in buffers::<$ty>(),
                    offset in sizes(),
                    count in sizes(),
                    stride in sizes(),
                ) {
                    exercise::<$ty>(&bytes, offset, count, stride, rewrite)?;
                }
            }
        }
    };
}

properties!(scalars_le: ScalarsLe {
    a => set_a, b => set_b, c => set_c, d => set_d, e => set_e, f => set_f, g => set_g,
    h => set_h, x => set_x, y => set_y, flag => set_flag,
});
properties!(scalars_be: ScalarsBe {
    flag => set_flag, y => set_y, h => set_h, d => set_d, x => set_x, g => set_g, c => set_c,
    f => set_f, b => set_b, e => set_e, a => set_a,
});
properties!(point: Point { x => set_x, y => set_y });
properties!(point_le: PointLe { x => set_x, y => set_y, on => set_on });
properties!(header: Header {
    magic => set_magic, version => set_version, color => set_color, opcode => set_opcode,
    urgent => set_urgent, len => set_len, origin => set_origin, samples => set_samples,
    ratio => set_ratio, level => set_level,
});
properties!(arrays: Arrays {
    grid => set_grid, names => set_names, flags => set_flags, trends => set_trends,
    levels => set_levels, points => set_points, weights => set_weights,
    counters => set_counters, cube => set_cube, nothing => set_nothing,
    no_bytes => set_no_bytes,
});
properties!(native: Native {
    id => set_id, stamps => set_stamps, far => set_far, ratio => set_ratio, magic => set_magic,
    huge => set_huge, delta => set_delta, small => set_small, code => set_code,
    bytes => set_bytes,
});
properties!(packet: Packet {
    header => set_header, hops => set_hops, crc => set_crc, trend => set_trend,
    deltas => set_deltas, huge => set_huge, far => set_far, magic => set_magic,
});
properties!(tag1: Tag1 { t => set_t });
properties!(tags: Tags { tags => set_tags, n => set_n });
properties!(wide: Wide { a => set_a, b => set_b, c => set_c, d => set_d, e => set_e });
properties!(mixed: Mixed {
    a => set_a, b => set_b, c => set_c, d => set_d, code => set_code, e => set_e,
});
properties!(big_enum_only: BigEnumOnly { code => set_code, tag => set_tag, flag => set_flag });
properties!(empty: Empty { nothing => set_nothing });

/// The element range `index` of an array field `name` whose elements are `element_size` bytes.
fn element_range<T: Overlay>(name: &str, index: usize, element_size: usize) -> Range<usize> {
    let start = field_range::<T>(name).start + index * element_size;
    start..start + element_size
}

proptest! {
    /// The `_mut` accessors of nested records, arrays, byte arrays and enums write only the
    /// element they are asked to.
    #[test]
    fn header_mut_accessors_write_only_their_element(
        x in Header::strategy(),
        value in any::<i32>(),
        sample in any::<i16>(),
        index in 0usize..6,
        byte in any::<u8>(),
        color in Color::strategy(),
    ) {
        let original = x.to_bytes();

        let mut bytes = original;
        Header::view_mut(&mut bytes).unwrap().origin_mut().set_y(value);
        let y = field_range::<Header>("origin").start + 4;
        only_range_changed(&original, &bytes, y..y + 4).map_err(TestCaseError::fail)?;
        prop_assert_eq!(Header::unpack(&bytes).unwrap().origin.y, value);

        let mut bytes = original;
        let result = Header::view_mut(&mut bytes).unwrap().samples_mut().set(index, sample);
        if index < 4 {
            prop_assert!(result.is_ok());
            only_range_changed(&original, &bytes, element_range::<Header>("samples", index, 2))
                .map_err(TestCaseError::fail)?;
            prop_assert_eq!(Header::unpack(&bytes).unwrap().samples[index], sample);
        } else {
            let error = result.unwrap_err();
            let expected = matches!(error.kind(), ErrorKind::IndexOutOfRange { index: i, len: 4, .. } if i == index);
            prop_assert!(expected, "set({}) on 4 samples: {:?}", index, error);
            prop_assert_eq!(bytes, original, "a failed set must write nothing");
        }

        let mut bytes = original;
        Header::view_mut(&mut bytes).unwrap().magic_mut()[index % 4] = byte;
        only_range_changed(&original, &bytes, element_range::<Header>("magic", index % 4, 1))
            .map_err(TestCaseError::fail)?;

        let mut bytes = original;
        Header::view_mut(&mut bytes).unwrap().color_mut().set(color);
        only_range_changed(&original, &bytes, field_range::<Header>("color"))
            .map_err(TestCaseError::fail)?;
        prop_assert_eq!(Header::view(&bytes).unwrap().color(), color);
    }

    #[test]
    fn nested_array_mut_accessors_write_only_their_element(
        x in Arrays::strategy(),
        i in 0usize..3,
        j in 0usize..2,
        value in any::<i16>(),
        byte in any::<u8>(),
        trend in Trend::strategy(),
        weight in any::<f32>(),
    ) {
        let original = x.to_bytes();

        let mut bytes = original;
        Arrays::view_mut(&mut bytes).unwrap().grid_mut().get_mut(i).unwrap().set(j, value).unwrap();
        only_range_changed(&original, &bytes, element_range::<Arrays>("grid", i * 2 + j, 2))
            .map_err(TestCaseError::fail)?;
        prop_assert_eq!(Arrays::view(&bytes).unwrap().grid().get(i).unwrap().get(j), Some(value));

        let mut bytes = original;
        Arrays::view_mut(&mut bytes).unwrap().names_mut().get_mut(j).unwrap()[i] = byte;
        only_range_changed(&original, &bytes, element_range::<Arrays>("names", j * 3 + i, 1))
            .map_err(TestCaseError::fail)?;
        prop_assert_eq!(Arrays::view(&bytes).unwrap().names().get(j).unwrap()[i], byte);

        let mut bytes = original;
        Arrays::view_mut(&mut bytes).unwrap().trends_mut().set(j, trend).unwrap();
        only_range_changed(&original, &bytes, element_range::<Arrays>("trends", j, 1))
            .map_err(TestCaseError::fail)?;

        let mut bytes = original;
        Arrays::view_mut(&mut bytes).unwrap().points_mut().get_mut(j).unwrap().set_y(weight);
        let y = element_range::<Arrays>("points", j, PointLe::SIZE).start + 2;
        only_range_changed(&original, &bytes, y..y + 4).map_err(TestCaseError::fail)?;
        let read = Arrays::view(&bytes).unwrap().points().get(j).unwrap().y();
        prop_assert_eq!(read.to_bits(), weight.to_bits());

        let mut bytes = original;
        Arrays::view_mut(&mut bytes).unwrap().cube_mut().get_mut(j).unwrap().get_mut(i % 2).unwrap().set(j, -1).unwrap();
        only_range_changed(&original, &bytes, element_range::<Arrays>("cube", j * 4 + (i % 2) * 2 + j, 1))
            .map_err(TestCaseError::fail)?;

        let mut bytes = original;
        Arrays::view_mut(&mut bytes).unwrap().flags_mut().set_all([true, false, true]);
        only_range_changed(&original, &bytes, field_range::<Arrays>("flags"))
            .map_err(TestCaseError::fail)?;
        prop_assert_eq!(Arrays::unpack(&bytes).unwrap().flags, [true, false, true]);
    }

    #[test]
    fn record_table_writes_reach_each_record(
        records in vec(Packet::strategy(), 0..6),
        replacement in Packet::strategy(),
    ) {
        let mut bytes: Vec<u8> = records.iter().flat_map(|r| r.to_bytes()).collect();
        for mut record in Packet::records_mut(&mut bytes).unwrap().iter_mut() {
            record.pack(&replacement);
        }
        let table = Packet::records(&bytes).unwrap();
        prop_assert_eq!(table.len(), records.len());
        for view in table.iter() {
            prop_assert!(same(&view.unpack(), &replacement));
        }
    }
}

#[test]
fn pad_bytes_are_written_and_read_as_zeros() {
    let mut header = Header::zero();
    header.reserved = [1, 2, 3];
    let bytes = header.to_bytes();
    let range = field_range::<Header>("reserved");
    assert_eq!(
        &bytes[range.clone()],
        &[0, 0, 0],
        "to_bytes writes pads as zeros"
    );

    let mut dirty = bytes;
    dirty[range].copy_from_slice(&[9, 9, 9]);
    assert_eq!(
        Header::unpack(&dirty).unwrap().reserved,
        [0, 0, 0],
        "unpack reads pads as zeros"
    );
    let mut target = dirty;
    Header::zero().pack_into(&mut target, 0).unwrap();
    assert_eq!(target, Header::zero().to_bytes(), "pack_into zeroes pads");
}

/// `Records::with_stride(&[], 3, 0)` for a zero-sized record type is accepted with `len() == 3`
/// (stride 0 is not smaller than the record), but `iter()` yields nothing and reports length 0,
/// so the exact-size iterator disagrees with the table. `RecordsMut::iter_mut` likewise.
#[test]

fn zero_sized_records_with_stride_zero_iterate_len_items() {
    let records = Records::<Empty>::with_stride(&[], 3, 0).expect("stride 0 >= size 0");
    assert_eq!(records.len(), 3);
    assert_eq!(records.iter().len(), 3, "iter().len() vs len()");
    assert_eq!(records.iter().count(), 3, "iter() vs len()");

    let mut bytes: [u8; 0] = [];
    let mut records = RecordsMut::<Empty>::with_stride(&mut bytes, 3, 0).unwrap();
    assert_eq!(records.iter_mut().count(), 3, "iter_mut() vs len()");
}

#[test]
fn test_helpers_see_a_change_deep_in_a_nested_array() {
    // A sanity check of the test helpers themselves: a change to any field shows.
    let zero = Tags::zero();
    let mut changed = zero;
    changed.tags[2].t = [1];
    assert!(!same(&zero, &changed));
    assert_ne!(flat(&zero), flat(&changed));
}
