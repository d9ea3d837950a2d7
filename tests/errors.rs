//! Malformed input gives an `overlay::Error` naming the type, field path, offset and sizes.

use overlay::{Error, Overlay, Records, Segment};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum Kind {
    Data = 1,
    Ack = 2,
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
        err,
        Error::WrongLength {
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
        path.segments(),
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
        err,
        Error::InvalidBool {
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
    assert!(matches!(err, Error::TooShort { .. }));
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
