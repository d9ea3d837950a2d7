//! Magic values: `#[overlay(magic = b"\x7fELF")]` on a byte array and
//! `#[overlay(magic = 0xa1b2c3d4)]` on an integer, checked once when a view is made.
//!
//! - The constants of real formats (ELF's identification, pcap's magic in both byte orders,
//!   SQLite's header string) accept the files' bytes and refuse others with `BadMagic`, naming
//!   the field path from the outermost record, the field's absolute offset, the constant and
//!   what was found (an integer's value; a byte string's first differing byte).
//! - Nested records, arrays of them, record tables and `view_at` report absolute offsets.
//! - `FIELDS` and the hexdump show the constant; writing is not restricted.
//! - The property tests: any bytes give a view exactly when every magic matches (compared
//!   with a hand-written check), and the error reports the first mismatch.
//! - `zero_alloc`: checking magic values and formatting the error allocate nothing.

#[macro_use]
mod support;

use overlay::{Endian, ErrorKind, Magic, MagicFound, Overlay};
use proptest::prelude::*;

/// ELF's `e_ident` (System V ABI): the magic, then class, data, version.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ElfIdent {
    #[overlay(magic = b"\x7fELF")]
    pub magic: [u8; 4],
    pub class: u8,
    pub data: u8,
    #[overlay(magic = 1)]
    pub version: u8,
    pub abi: u8,
    pub pad: [u8; 8],
}

/// A pcap file header read in the byte order it announces; the magic is the same constant in
/// either.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct PcapHeader {
    #[overlay(magic = 0xa1b2c3d4)]
    pub magic: u32,
    pub version_major: u16,
    pub version_minor: u16,
    pub thiszone: i32,
    pub sigfigs: u32,
    pub snaplen: u32,
    pub network: u32,
}

/// A negative magic in a big-endian record, behind another field.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "big")]
pub struct Tagged {
    pub id: u16,
    #[overlay(magic = -2)]
    pub marker: i16,
}

/// Records holding records with magic values.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "big")]
pub struct Outer {
    pub len: u32,
    pub ident: ElfIdent,
    pub tags: [Tagged; 2],
}

fn elf_ident() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    bytes[..7].copy_from_slice(&[0x7f, b'E', b'L', b'F', 2, 1, 1]);
    bytes
}

fn outer() -> Vec<u8> {
    let mut bytes = vec![0, 0, 0, 40];
    bytes.extend_from_slice(&elf_ident());
    bytes.extend_from_slice(&[0, 1, 0xff, 0xfe, 0, 2, 0xff, 0xfe]);
    bytes
}

#[test]
fn elf_identification_of_a_real_binary() {
    let exe = std::fs::read(std::env::current_exe().unwrap()).unwrap();
    let (ident, _) = ElfIdent::view_prefix(&exe).expect("this test binary is an ELF file");
    assert_eq!(ident.magic(), b"\x7fELF");
    assert_eq!(ident.version(), 1);
}

#[test]
fn a_wrong_byte_is_named_with_its_index() {
    let mut bytes = elf_ident();
    bytes[2] = b'X';
    let error = ElfIdent::view(&bytes).unwrap_err();
    assert_eq!(
        error.kind(),
        ErrorKind::BadMagic {
            path: error.path().unwrap(),
            offset: 0,
            expected: Some(Magic::Bytes(b"\x7fELF")),
            found: MagicFound::Byte {
                index: 2,
                value: b'X'
            },
        }
    );
    assert_eq!(
        error.to_string(),
        r#"ElfIdent.magic at offset 0: expected magic b"\x7fELF", byte 2 is 0x58, not 0x4c"#
    );
}

#[test]
fn an_integer_magic_is_read_in_the_fields_byte_order() {
    let mut header = [0u8; 24];
    header[..4].copy_from_slice(&0xa1b2c3d4u32.to_le_bytes());
    assert!(PcapHeader::view_with(&header, Endian::Little).is_ok());
    let error = PcapHeader::view_with(&header, Endian::Big).unwrap_err();
    assert_eq!(
        error.to_string(),
        "PcapHeader.magic at offset 0: expected magic 0xa1b2c3d4, found 0xd4c3b2a1"
    );
    header[..4].copy_from_slice(&0xa1b2c3d4u32.to_be_bytes());
    assert!(PcapHeader::view_with(&header, Endian::Big).is_ok());
}

#[test]
fn a_negative_magic_reports_a_signed_value() {
    let error = Tagged::view(&[0, 1, 0xff, 0xfd]).unwrap_err();
    assert_eq!(
        error.kind(),
        ErrorKind::BadMagic {
            path: error.path().unwrap(),
            offset: 2,
            expected: Some(Magic::Integer(-2)),
            found: MagicFound::Integer(-3),
        }
    );
    assert_eq!(
        error.to_string(),
        "Tagged.marker at offset 2: expected magic -2, found -3"
    );
}

#[test]
fn nested_records_and_arrays_report_the_path_from_the_outermost_record() {
    let good = outer();
    assert!(Outer::view(&good).is_ok());
    let mut bad = good.clone();
    bad[4 + 6] = 2; // ident.version
    let error = Outer::view(&bad).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Outer.ident.version at offset 10: expected magic 0x1, found 0x2"
    );
    let mut bad = good.clone();
    bad[20 + 4 + 3] = 0; // tags[1].marker's low byte
    let error = Outer::view(&bad).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Outer.tags[1].marker at offset 26: expected magic -2, found -256"
    );
    // Inside a larger buffer: offsets count from its start.
    let mut buffer = vec![0u8; 100];
    buffer[60..88].copy_from_slice(&bad);
    let error = Outer::view_at(&buffer, 60).unwrap_err();
    assert_eq!(error.offset(), Some(86));
    // A table: the record that is bad.
    let mut table = good.repeat(3);
    table[2 * 28 + 4] = 0; // record 2's ident.magic[0]
    let error = Outer::records(&table).unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"Outer.ident.magic at offset 60: expected magic b"\x7fELF", byte 0 is 0x00, not 0x7f"#
    );
}

/// A variable-length tail of records with a magic value.
#[derive(Overlay, Debug)]
#[overlay(endian = "big")]
pub struct TagList {
    pub count: u8,
    #[overlay(count = "count")]
    pub tags: overlay::VarRecords<Tagged>,
}

#[test]
fn in_a_variable_length_tail_the_element_record_is_named_at_its_absolute_offset() {
    use overlay::VarOverlay;
    let good = [2, 0, 1, 0xff, 0xfe, 0, 2, 0xff, 0xfe];
    assert_eq!(TagList::view(&good).unwrap().tags().len(), 2);
    let mut bad = good;
    bad[8] = 0;
    let error = TagList::view(&bad).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Tagged.marker at offset 7: expected magic -2, found -256"
    );
}

#[test]
fn fields_and_the_hexdump_show_the_constant() {
    let magic = ElfIdent::FIELDS.iter().find(|f| f.name == "magic").unwrap();
    assert_eq!(magic.magic, Some(Magic::Bytes(b"\x7fELF")));
    let version = ElfIdent::FIELDS
        .iter()
        .find(|f| f.name == "version")
        .unwrap();
    assert_eq!(version.magic, Some(Magic::Integer(1)));
    assert_eq!(
        PcapHeader::FIELDS[0].magic,
        Some(Magic::Integer(0xa1b2c3d4))
    );
    assert_eq!(PcapHeader::FIELDS[1].magic, None);
    assert_eq!(Magic::Bytes(b"\x7fELF").to_string(), r#"b"\x7fELF""#);
    let dump = overlay::hexdump::<ElfIdent>(&elf_ident()).to_string();
    assert!(dump.contains("7f 45 4c 46"), "{dump}");
}

#[test]
fn writing_is_not_restricted_and_the_next_view_checks() {
    let mut bytes = [0u8, 1, 0xff, 0xfe];
    let mut view = Tagged::view_mut(&mut bytes).unwrap();
    view.set_marker(5);
    view.set_id(3);
    assert_eq!(bytes, [0, 3, 0, 5]);
    Tagged { id: 3, marker: 7 }
        .pack_into(&mut bytes, 0)
        .unwrap();
    assert!(Tagged::view(&bytes).is_err());
    Tagged { id: 3, marker: -2 }
        .pack_into(&mut bytes, 0)
        .unwrap();
    assert_eq!(Tagged::view(&bytes).unwrap().id(), 3);
}

/// The hand-written check: the offset of the first field whose magic does not match.
fn first_mismatch(bytes: &[u8; 28]) -> Option<usize> {
    let ident = &bytes[4..20];
    if &ident[..4] != b"\x7fELF" {
        return Some(4);
    }
    if ident[6] != 1 {
        return Some(10);
    }
    for (k, tag) in bytes[20..].chunks_exact(4).enumerate() {
        if i16::from_be_bytes([tag[2], tag[3]]) != -2 {
            return Some(20 + 4 * k + 2);
        }
    }
    None
}

fn nearly_good() -> impl Strategy<Value = [u8; 28]> {
    // Mostly good records, with a few bytes overwritten, so both outcomes are common.
    proptest::collection::vec((0usize..28, any::<u8>()), 0..3).prop_map(|patches| {
        let mut bytes: [u8; 28] = outer().try_into().unwrap();
        for (at, byte) in patches {
            bytes[at] = byte;
        }
        bytes
    })
}

proptest! {
    #[test]
    fn a_view_exists_exactly_when_every_magic_matches(bytes in nearly_good()) {
        match (Outer::view(&bytes), first_mismatch(&bytes)) {
            (Ok(view), None) => prop_assert_eq!(view.ident().magic(), b"\x7fELF"),
            (Err(error), Some(offset)) => {
                prop_assert!(matches!(error.kind(), ErrorKind::BadMagic { .. }), "{}", error);
                prop_assert_eq!(error.offset(), Some(offset));
            }
            (view, expected) => prop_assert!(false, "{:?} where the reference says {:?}", view.map(|v| v.unpack()), expected),
        }
    }

    #[test]
    fn any_bytes_are_a_view_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let _ = Outer::view_prefix(&bytes).map(|(view, _)| format!("{view:?}")).map_err(|e| e.to_string());
        let _ = Outer::records(&bytes).map_err(|e| e.to_string());
        let _ = overlay::hexdump::<Outer>(&bytes).to_string();
    }
}

mod zero_alloc {
    use std::fmt::Write as _;

    use super::support::counting::{assert_counter_works, assert_no_alloc, StackText};
    use super::*;

    #[test]
    fn checking_magic_values_allocates_nothing() {
        assert_counter_works();
        let good = outer();
        let mut bad = good.clone();
        bad[5] = 0;
        assert_no_alloc("checking magic values", || {
            assert!(Outer::view(&good).is_ok());
            let error = Outer::view(&bad).unwrap_err();
            let mut text = StackText::new();
            write!(text, "{error}").unwrap();
            assert!(text.text().contains("byte 1"));
        });
    }
}
