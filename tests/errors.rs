//! Malformed input gives an `overlay::Error` naming the type, field path, offset and sizes;
//! the README's error messages are produced here and compared verbatim with its text; and
//! making and formatting errors allocates nothing. (Each feature's own errors, such as bit-field
//! overflow or bad variable lengths, are tested in that feature's file.)

#[macro_use]
mod support;

use overlay::{Error, ErrorKind, GridMut, Overlay, Records, Segment, Struct, StructError};

enum_value! {
    pub enum Kind: u16 { Data = 1, Ack = 2 }
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Inner {
    pub tag: u8,
    pub kind: Kind,
    pub flags: [bool; 3],
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Outer {
    pub id: u32,
    pub inner: Inner,
    pub more: [Inner; 2],
}

#[test]
fn wrong_lengths_say_how_many_bytes() {
    let err = Outer::view(&[0; 5]).unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::WrongLength {
            type_name: "Outer",
            expected: 22,
            found: 5
        }
    );
    let err = Outer::view_prefix(&[0; 21]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Outer: need 22 bytes at offset 0, buffer has 21"
    );
    let err = Outer::view_at(&[0; 30], 10).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Outer: need 22 bytes at offset 10, buffer has 30"
    );
    let err = Outer::unpack_from(&[0; 30], usize::MAX).unwrap_err();
    assert_eq!(err.offset(), Some(usize::MAX));
    let err = Outer {
        id: 0,
        inner: valid_inner(),
        more: [valid_inner(); 2],
    }
    .pack_into(&mut [0u8; 22], 1)
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Outer: need 22 bytes at offset 1, buffer has 22"
    );
}

fn valid_inner() -> Inner {
    Inner {
        tag: 0,
        kind: Kind::Data,
        flags: [false; 3],
    }
}

fn valid_outer_bytes() -> Vec<u8> {
    Outer {
        id: 7,
        inner: valid_inner(),
        more: [valid_inner(); 2],
    }
    .to_bytes()
    .to_vec()
}

#[test]
fn an_invalid_enum_names_the_field_path_and_absolute_offset() {
    let mut bytes = valid_outer_bytes();
    bytes[5..7].copy_from_slice(&[0x01, 0x00]); // inner.kind = 256 (big-endian)
    let err = Outer::view(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Outer.inner.kind at offset 5: 256 is not a valid Kind"
    );
    let path = err.path().unwrap();
    assert_eq!(path.root(), "Outer");
    assert_eq!(
        path.segments().collect::<Vec<_>>(),
        [Segment::Field("inner"), Segment::Field("kind")]
    );

    let mut shifted = vec![0xff; 3];
    shifted.extend_from_slice(&bytes);
    let err = Outer::view_at(&shifted, 3).unwrap_err();
    assert_eq!(
        err.offset(),
        Some(8),
        "offsets count from the start of the caller's buffer"
    );
}

#[test]
fn an_invalid_bool_inside_an_array_of_records_names_both_indices() {
    let mut bytes = valid_outer_bytes();
    // more[1] starts at 4 + 6 + 6 = 16; its flags at 16 + 3; flags[2] at 21.
    bytes[21] = 2;
    let err = Outer::view(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Outer.more[1].flags[2] at offset 21: 2 is not a valid bool (expected 0 or 1)"
    );
    assert!(matches!(
        err.kind(),
        ErrorKind::InvalidBool {
            value: 2,
            offset: 21,
            ..
        }
    ));
    assert!(Outer::unpack(&bytes).is_err());
    assert!(Outer::view_mut(&mut bytes.clone()).is_err());
}

#[test]
fn record_tables_report_leftovers_and_the_record_that_is_bad() {
    let mut bytes = valid_outer_bytes();
    bytes.extend_from_slice(&valid_outer_bytes());
    bytes.push(0);
    let err = Outer::records(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Outer: a buffer of 45 bytes is not a whole number of 22-byte records (1 byte left over)"
    );
    bytes.pop();
    bytes[22 + 4] = 9; // second record's inner.tag is fine, so break inner.kind instead
    bytes[22 + 6] = 9;
    let err = Outer::records(&bytes).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Outer.inner.kind at offset 27: 9 is not a valid Kind"
    );
}

#[test]
fn strided_tables_check_the_stride_and_the_span() {
    let bytes = [0u8; 10];
    let err = Records::<u32>::with_stride(&bytes, 2, 3).unwrap_err();
    assert_eq!(
        err.to_string(),
        "u32: a stride of 3 bytes is smaller than the 4-byte record"
    );
    let err = Records::<u32>::with_stride(&bytes, 3, 4).unwrap_err();
    assert_eq!(
        err.to_string(),
        "u32: need 4 bytes at offset 8, buffer has 10"
    );
    let err = Records::<u32>::with_stride(&bytes, usize::MAX, usize::MAX).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::TooShort { .. }));
}

#[test]
fn array_index_errors_name_the_element_type() {
    let mut bytes = [0u8; 8];
    let mut words = <[u16; 4]>::view_mut(&mut bytes).unwrap();
    let err = words.set(4, 1).unwrap_err();
    assert_eq!(err.to_string(), "u16: index 4 is out of range for length 4");
    assert_eq!(bytes, [0; 8], "a failed set writes nothing");
}

#[test]
fn errors_are_std_errors() {
    fn takes_std_error(_: &dyn std::error::Error) {}
    takes_std_error(&Outer::view(&[]).unwrap_err());
}

#[test]
fn errors_are_small_and_copy() {
    fn copy<T: Copy>() {}
    copy::<Error>();
    copy::<StructError>();
    let sizes = [
        ("Error", std::mem::size_of::<Error>()),
        (
            "Result<(), Error>",
            std::mem::size_of::<Result<(), Error>>(),
        ),
        ("StructError", std::mem::size_of::<StructError>()),
    ];
    for (name, size) in sizes {
        assert!(size <= 32, "{name} is {size} bytes");
    }
    // Copying an error keeps everything it says.
    let err = Outer::view(&[0; 5]).unwrap_err();
    let copied = err;
    assert_eq!(copied, err);
    assert_eq!(copied.to_string(), err.to_string());
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Cell {
    pub tag: u8,
    pub kinds: [Kind; 2],
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Table {
    pub id: u16,
    pub cells: [Cell; 2],
    pub matrix: [[Kind; 2]; 3],
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Wrapper {
    pub pad: u8,
    pub table: Table,
}

fn valid_wrapper_bytes() -> Vec<u8> {
    let cell = Cell {
        tag: 0,
        kinds: [Kind::Data, Kind::Ack],
    };
    Wrapper {
        pad: 0,
        table: Table {
            id: 0,
            cells: [cell; 2],
            matrix: [[Kind::Ack, Kind::Data]; 3],
        },
    }
    .to_bytes()
    .to_vec()
}

#[test]
fn an_invalid_enum_in_an_array_inside_nested_structs_names_every_index() {
    // Wrapper: pad 0, table 1..25. Table: id 1..3, cells 3..13 (5 bytes each), matrix 13..25.
    assert_eq!(Wrapper::SIZE, 25);
    let valid = valid_wrapper_bytes();
    assert!(Wrapper::view(&valid).is_ok());

    // table.cells[1] starts at 3 + 5 = 8; its kinds at 9; kinds[1] at 11.
    let mut bytes = valid.clone();
    bytes[11..13].copy_from_slice(&[0, 7]);
    let expected = "Wrapper.table.cells[1].kinds[1] at offset 11: 7 is not a valid Kind";
    let err = Wrapper::view(&bytes).unwrap_err();
    assert_eq!(err.to_string(), expected);
    assert_eq!(Wrapper::unpack(&bytes).unwrap_err().to_string(), expected);
    assert_eq!(
        Wrapper::view_mut(&mut bytes.clone())
            .unwrap_err()
            .to_string(),
        expected
    );
    assert_eq!(err.offset(), Some(11));
    let path = err.path().unwrap();
    assert_eq!(path.root(), "Wrapper");
    assert_eq!(path.to_string(), "Wrapper.table.cells[1].kinds[1]");
    assert_eq!(
        path.segments().collect::<Vec<_>>(),
        [
            Segment::Field("table"),
            Segment::Field("cells"),
            Segment::Index(1),
            Segment::Field("kinds"),
            Segment::Index(1),
        ]
    );
    assert_eq!(path.segments().count(), 5);
    match err.kind() {
        ErrorKind::InvalidEnum {
            path: kind_path,
            offset,
            enum_name,
            value,
            bits,
        } => {
            assert_eq!(kind_path, path);
            assert_eq!((offset, enum_name, value, bits), (11, "Kind", 7, None));
        }
        other => panic!("not an InvalidEnum: {other:?}"),
    }

    // Inside a larger buffer, the offset counts from its start and the path is unchanged.
    let mut shifted = vec![0xee; 4];
    shifted.extend_from_slice(&bytes);
    let err = Wrapper::view_at(&shifted, 4).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Wrapper.table.cells[1].kinds[1] at offset 15: 7 is not a valid Kind"
    );

    // A two-dimensional array gives both indices: matrix[i][j] is at 13 + (2 * i + j) * 2.
    for (i, j) in [(0, 0), (0, 1), (1, 0), (2, 1)] {
        let at = 13 + (2 * i + j) * 2;
        let mut bytes = valid.clone();
        bytes[at..at + 2].copy_from_slice(&[1, 0]);
        let err = Wrapper::view(&bytes).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("Wrapper.table.matrix[{i}][{j}] at offset {at}: 256 is not a valid Kind")
        );
        assert_eq!(
            err.path().unwrap().segments().collect::<Vec<_>>(),
            [
                Segment::Field("table"),
                Segment::Field("matrix"),
                Segment::Index(i),
                Segment::Index(j),
            ]
        );
    }
}

// The README's error messages, produced here and compared verbatim with its text.

/// A 39-byte header, as in the README's examples.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Header {
    pub magic: [u8; 4],
    pub version: u16,
    pub flags: u8,
    pub length: u32,
    pub name: [u8; 16],
    pub checksum: u64,
    pub reserved: u32,
}

/// A 22-byte table entry.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub id: u16,
    pub name: [u8; 16],
    pub value: f32,
}

fn readme() -> String {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    // Inline code may wrap across lines; compare with runs of whitespace as one space.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of the `text` block that follows the heading `## Errors`.
fn errors_block() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let section = &text[text.find("\n## Errors\n").expect("an Errors section")..];
    let block = &section[section.find("```text\n").expect("a text block") + 8..];
    let block = &block[..block.find("```").expect("the block ends")];
    block.lines().map(str::to_owned).collect()
}

#[test]
fn the_errors_section_is_what_the_library_prints() {
    assert_eq!((Header::SIZE, Entry::SIZE), (39, 22));
    let mut bad_kind = valid_outer_bytes();
    bad_kind[5..7].copy_from_slice(&256u16.to_be_bytes());
    let mut bad_bool = valid_outer_bytes();
    bad_bool[21] = 2;
    let produced = [
        Header::view_at(&[0; 30], 10).unwrap_err(),
        Header::view(&[0; 40]).unwrap_err(),
        Outer::view(&bad_kind).unwrap_err(),
        Outer::view(&bad_bool).unwrap_err(),
        Entry::records(&[0; 45]).unwrap_err(),
    ]
    .map(|error| error.to_string());
    assert_eq!(errors_block(), produced);
}

#[test]
fn the_grid_and_struct_errors_quoted_in_the_text_are_what_the_library_prints() {
    let readme = readme();
    let mut bytes = [0u8; 4];
    let overlap = GridMut::<u8>::with_strides(&mut bytes, 0, [2, 2], [1, 1]).unwrap_err();
    let quoted =
        format!("`GridMut::<u8>::with_strides(&mut bytes, 0, [2, 2], [1, 1])` is `{overlap}`");
    assert!(readme.contains(&quoted), "README lacks {quoted:?}");

    let bad_char = Struct::new(">HB?Q3h2xfZ").unwrap_err();
    let position = bad_char.struct_error().and_then(|e| e.position());
    let quoted = format!(
        "`Struct::new(\">HB?Q3h2xfZ\")` is \"{bad_char}\" at position {}",
        position.expect("a position")
    );
    assert!(readme.contains(&quoted), "README lacks {quoted:?}");
}

mod zero_alloc {
    use std::fmt::Write as _;

    use super::support::counting::{assert_counter_works, assert_no_alloc, StackText};
    use super::support::types::{header_table, sample_header, Header};
    use overlay::{Overlay, Records};

    #[test]
    fn making_and_formatting_errors_allocates_nothing() {
        assert_counter_works();

        // Prepared outside the measured block.
        let header_bytes = sample_header().to_bytes();
        let table = header_table();
        let mut text = StackText::new();

        assert_no_alloc(
            "errors, and formatting them and views into a stack buffer",
            || {
                let short = Header::view(&header_bytes[1..]).unwrap_err();
                let too_short = Header::view_at(&header_bytes, 1).unwrap_err();
                let mut bad = header_bytes;
                bad[6] = 9; // not a Color
                let invalid = Header::unpack(&bad).unwrap_err();
                let not_multiple = Header::records(&table[1..]).unwrap_err();
                let stride = Records::<Header>::with_stride(&table, 2, 1).unwrap_err();
                let path_len = invalid.path().map_or(0, |p| p.segments().count());
                write!(
                    text,
                    "{short} {too_short} {invalid} {not_multiple} {stride}"
                )
                .unwrap();
                write!(text, "{:?}", Header::view(&header_bytes).unwrap()).unwrap();
                (text.len, path_len, invalid.offset())
            },
        );
    }
}
