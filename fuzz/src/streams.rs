//! The variable-length records the stream targets (`var_stream`, `par_stream`) read, and the
//! fixed records and enums inside them: a length byte (`Chunk`), validated fields and a table
//! of records with a bit-field enum (`Msg`), a run-time byte order (`Rt`), division and
//! overflowing counts (`Ratio`), zero-sized records and a table taking the rest (`Bulk`).

use overlay::{Overlay, VarBytes, VarRecords};

use crate::{Kind, Nothing, Unit};

/// Read in the run-time byte order of its record.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum Tag {
    Alpha = 1,
    Beta = 0x0102,
    Gamma = 0xfffe,
}

/// 3 bytes, big-endian: `unit` is the top two bits of byte 0.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Item {
    #[overlay(bits = 2)]
    pub unit: Unit,
    #[overlay(bits = 6)]
    pub channel: u8,
    pub value: i16,
}

/// 2 bytes: `ok` must be 0 or 1.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub key: u8,
    pub ok: bool,
}

/// A length byte, then that many bytes.
#[derive(Overlay)]
pub struct Chunk {
    pub len: u8,
    #[overlay(bytes = "len")]
    pub data: VarBytes,
}

/// Validated fixed fields, a count of records with a bit-field enum, and a length that goes
/// negative.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Msg {
    pub kind: Kind,
    pub flag: bool,
    pub n: u8,
    pub len: u16,
    #[overlay(count = "n")]
    pub items: VarRecords<Item>,
    #[overlay(bytes = "len - n * 3")]
    pub body: VarBytes,
}

/// Run-time byte order: an enum whose validity depends on it, records given in bytes (not
/// always a whole number of them), and a length with `%`.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct Rt {
    pub len: u16,
    pub tag: Tag,
    #[overlay(bytes = "len")]
    pub pairs: VarRecords<Pair>,
    #[overlay(bytes = "len % 3")]
    pub extra: VarBytes,
}

/// Division (by zero, by a negative number) and a count that overflows or goes negative.
#[derive(Overlay)]
pub struct Ratio {
    pub a: u8,
    pub b: i8,
    #[overlay(bytes = "a / b")]
    pub quotient: VarBytes,
    #[overlay(count = "b * b * b * b * b * b * b * b * b")]
    pub pairs: VarRecords<Pair>,
}

/// Zero-sized records by count, then 16-bit records taking the rest of the buffer.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Bulk {
    pub n: i8,
    #[overlay(count = "n")]
    pub marks: VarRecords<Nothing>,
    #[overlay(rest)]
    pub words: VarRecords<u16>,
}
