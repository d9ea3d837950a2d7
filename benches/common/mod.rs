//! The data set and the contenders shared by every benchmark question (and by
//! `benches/bench_probe.rs`, which runs them in fresh processes for memory and instruction
//! counts).
//!
//! The record is 32 bytes, big-endian: `magic u32, version u16, flags u16, id u64,
//! timestamp u64, value f32, count u32`. Every contender is written the way its own
//! documentation recommends, and every contender function has a distinct body so the linker
//! cannot fold two of them into one symbol.
#![allow(dead_code)]

use std::io::Cursor;

use binrw::{BinReaderExt, BinWrite};
use overlay::{Overlay, VarOverlay};
use zerocopy::byteorder::{BigEndian, F32, U16, U32, U64};
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

/// The record, for overlay.
#[derive(Overlay, Clone, Copy, Debug, PartialEq)]
#[overlay(endian = "big")]
pub struct Record {
    pub magic: u32,
    pub version: u16,
    pub flags: u16,
    pub id: u64,
    pub timestamp: u64,
    pub value: f32,
    pub count: u32,
}

/// The record for serde formats (bincode, postcard).
#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct SerdeRecord {
    pub magic: u32,
    pub version: u16,
    pub flags: u16,
    pub id: u64,
    pub timestamp: u64,
    pub value: f32,
    pub count: u32,
}

/// The record for binrw, reading the same raw big-endian bytes as overlay.
#[binrw::binrw]
#[brw(big)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BinrwRecord {
    pub magic: u32,
    pub version: u16,
    pub flags: u16,
    pub id: u64,
    pub timestamp: u64,
    pub value: f32,
    pub count: u32,
}

/// The record for zerocopy: byte-order-aware unaligned field types over the same bytes.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub struct ZerocopyRecord {
    pub magic: U32<BigEndian>,
    pub version: U16<BigEndian>,
    pub flags: U16<BigEndian>,
    pub id: U64<BigEndian>,
    pub timestamp: U64<BigEndian>,
    pub value: F32<BigEndian>,
    pub count: U32<BigEndian>,
}

pub const RECORD_SIZE: usize = 32;

/// Record `i` of the deterministic data set.
pub fn record(i: u64) -> Record {
    Record {
        magic: 0x4f56_4c59,
        version: 1 + (i % 3) as u16,
        flags: (i.wrapping_mul(7) % 65_536) as u16,
        id: i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 8,
        timestamp: 1_700_000_000_000 + i * 1_000,
        value: (i % 1_000) as f32 * 0.25,
        count: (i % 100_000) as u32,
    }
}

fn serde_record(r: &Record) -> SerdeRecord {
    SerdeRecord {
        magic: r.magic,
        version: r.version,
        flags: r.flags,
        id: r.id,
        timestamp: r.timestamp,
        value: r.value,
        count: r.count,
    }
}

/// `n` records as raw bytes: what overlay, hand-written code, zerocopy and binrw read.
pub fn raw(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n * RECORD_SIZE];
    for (i, slot) in bytes.chunks_exact_mut(RECORD_SIZE).enumerate() {
        record(i as u64)
            .pack_into(slot, 0)
            .expect("a slot is one record");
    }
    bytes
}

/// `target/bench-data/<dir>/raw.bin`, `records` records of the data set back to back (the
/// file `bench_probe make` writes): written the first time, then reused while its length is
/// right. For the benchmarks that map a file too large to build in memory for each run.
pub fn raw_file(dir: &str, records: usize) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/bench-data")
        .join(dir);
    let path = dir.join("raw.bin");
    let wanted = (records * RECORD_SIZE) as u64;
    if std::fs::metadata(&path).is_ok_and(|meta| meta.len() == wanted) {
        return path;
    }
    eprintln!("writing {} ({wanted} bytes)", path.display());
    std::fs::create_dir_all(&dir)
        .and_then(|()| write_raw(&path, records))
        .expect("writes the benchmark's data file");
    path
}

/// Writes `records` records of the data set back to back to `path`, streaming them.
pub fn write_raw(path: &std::path::Path, records: usize) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for i in 0..records as u64 {
        out.write_all(&record(i).to_bytes())?;
    }
    out.into_inner()?.sync_all()
}

/// bincode 2.0.1 configured for fixed-width big-endian integers: each record encodes to the
/// same 32 bytes as the raw layout; a `Vec` adds an 8-byte length.
pub fn bincode_config() -> impl bincode::config::Config {
    bincode::config::standard()
        .with_big_endian()
        .with_fixed_int_encoding()
}

pub fn records_owned(n: usize) -> Vec<SerdeRecord> {
    (0..n as u64).map(|i| serde_record(&record(i))).collect()
}

pub fn bincode_encoded(n: usize) -> Vec<u8> {
    bincode::serde::encode_to_vec(records_owned(n), bincode_config()).expect("encodes")
}

pub fn postcard_encoded(n: usize) -> Vec<u8> {
    postcard::to_allocvec(&records_owned(n)).expect("encodes")
}

/// Pseudo-random record indices (a fixed LCG, so every contender reads the same records).
pub fn indices(n: usize, count: usize) -> Vec<usize> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..count)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) as usize) % n
        })
        .collect()
}

// ---- scan: sum `id` over all records ----

#[inline(never)]
pub fn scan_overlay(bytes: &[u8]) -> u64 {
    match Record::records(bytes) {
        Ok(records) => records
            .iter()
            .fold(0u64, |sum, record| sum.wrapping_add(record.id())),
        Err(_) => 0,
    }
}

#[inline(never)]
pub fn scan_overlay_unpack(bytes: &[u8]) -> u64 {
    match Record::records(bytes) {
        Ok(records) => records
            .iter()
            .map(|view| view.unpack())
            .fold(0u64, |sum, record| sum.wrapping_add(record.id)),
        Err(_) => 1,
    }
}

#[inline(never)]
pub fn scan_hand(bytes: &[u8]) -> u64 {
    bytes.chunks_exact(RECORD_SIZE).fold(0u64, |sum, record| {
        sum.wrapping_add(u64::from_be_bytes(record[8..16].try_into().unwrap()))
    })
}

#[inline(never)]
pub fn scan_zerocopy(bytes: &[u8]) -> u64 {
    match <[ZerocopyRecord]>::ref_from_bytes(bytes) {
        Ok(records) => records
            .iter()
            .fold(0u64, |sum, record| sum.wrapping_add(record.id.get())),
        Err(_) => 2,
    }
}

#[inline(never)]
pub fn scan_bincode(encoded: &[u8]) -> u64 {
    let (records, _): (Vec<SerdeRecord>, usize) =
        bincode::serde::decode_from_slice(encoded, bincode_config()).expect("decodes");
    records
        .iter()
        .fold(0u64, |sum, record| sum.wrapping_add(record.id))
}

#[inline(never)]
pub fn scan_postcard(encoded: &[u8]) -> u64 {
    let records: Vec<SerdeRecord> = postcard::from_bytes(encoded).expect("decodes");
    records
        .iter()
        .fold(0u64, |sum, record| sum.wrapping_add(record.id))
}

#[inline(never)]
pub fn scan_binrw(bytes: &[u8]) -> u64 {
    let count = bytes.len() / RECORD_SIZE;
    let records: Vec<BinrwRecord> = Cursor::new(bytes)
        .read_be_args(binrw::VecArgs { count, inner: () })
        .expect("parses");
    records
        .iter()
        .fold(0u64, |sum, record| sum.wrapping_add(record.id))
}

/// Ceiling: the plain sum of every 8-byte word of the buffer (the read-bandwidth limit).
#[inline(never)]
pub fn sum_words(bytes: &[u8]) -> u64 {
    bytes.chunks_exact(8).fold(0u64, |sum, word| {
        sum.wrapping_add(u64::from_ne_bytes(word.try_into().unwrap()))
    })
}

/// Ceiling: copying the whole buffer.
#[inline(never)]
pub fn memcpy(bytes: &[u8], out: &mut [u8]) {
    out.copy_from_slice(bytes);
}

// ---- decode_one: one field of one record out of a 32-byte buffer ----

#[inline(never)]
pub fn one_overlay(buf: &[u8]) -> u64 {
    match Record::view(buf) {
        Ok(record) => record.id(),
        Err(_) => 0,
    }
}

#[inline(never)]
pub fn one_hand(buf: &[u8]) -> u64 {
    match buf.get(8..16) {
        Some(id) if buf.len() == RECORD_SIZE => u64::from_be_bytes(id.try_into().unwrap()),
        _ => 1,
    }
}

#[inline(never)]
pub fn one_zerocopy(buf: &[u8]) -> u64 {
    match ZerocopyRecord::ref_from_bytes(buf) {
        Ok(record) => record.id.get(),
        Err(_) => 2,
    }
}

#[inline(never)]
pub fn one_bincode(buf: &[u8]) -> u64 {
    match bincode::serde::decode_from_slice::<SerdeRecord, _>(buf, bincode_config()) {
        Ok((record, _)) => record.id,
        Err(_) => 3,
    }
}

#[inline(never)]
pub fn one_postcard(buf: &[u8]) -> u64 {
    match postcard::from_bytes::<SerdeRecord>(buf) {
        Ok(record) => record.id,
        Err(_) => 4,
    }
}

#[inline(never)]
pub fn one_binrw(buf: &[u8]) -> u64 {
    match Cursor::new(buf).read_be::<BinrwRecord>() {
        Ok(record) => record.id,
        Err(_) => 5,
    }
}

// ---- write_in_place: count += 1 in every record ----

#[inline(never)]
pub fn write_overlay(bytes: &mut [u8]) {
    if let Ok(mut records) = Record::records_mut(bytes) {
        for mut record in records.iter_mut() {
            record.set_count(record.count().wrapping_add(1));
        }
    }
}

#[inline(never)]
pub fn write_hand(bytes: &mut [u8]) {
    for record in bytes.chunks_exact_mut(RECORD_SIZE) {
        let field: &mut [u8; 4] = (&mut record[28..32]).try_into().unwrap();
        *field = u32::from_be_bytes(*field).wrapping_add(1).to_be_bytes();
    }
}

#[inline(never)]
pub fn write_zerocopy(bytes: &mut [u8]) {
    if let Ok(records) = <[ZerocopyRecord]>::mut_from_bytes(bytes) {
        for record in records {
            record.count.set(record.count.get().wrapping_add(1));
        }
    }
}

/// Serde formats cannot write in place: decode all, change, encode all.
#[inline(never)]
pub fn write_bincode(encoded: &[u8]) -> Vec<u8> {
    let (mut records, _): (Vec<SerdeRecord>, usize) =
        bincode::serde::decode_from_slice(encoded, bincode_config()).expect("decodes");
    for record in &mut records {
        record.count = record.count.wrapping_add(1);
    }
    bincode::serde::encode_to_vec(&records, bincode_config()).expect("encodes")
}

#[inline(never)]
pub fn write_postcard(encoded: &[u8]) -> Vec<u8> {
    let mut records: Vec<SerdeRecord> = postcard::from_bytes(encoded).expect("decodes");
    for record in &mut records {
        record.count = record.count.wrapping_add(1);
    }
    postcard::to_allocvec(&records).expect("encodes")
}

#[inline(never)]
pub fn write_binrw(bytes: &[u8]) -> Vec<u8> {
    let count = bytes.len() / RECORD_SIZE;
    let mut records: Vec<BinrwRecord> = Cursor::new(bytes)
        .read_be_args(binrw::VecArgs { count, inner: () })
        .expect("parses");
    for record in &mut records {
        record.count = record.count.wrapping_add(1);
    }
    let mut out = Cursor::new(Vec::with_capacity(bytes.len()));
    records.write_be(&mut out).expect("writes");
    out.into_inner()
}

// ---- random_access: `id` of records at given indices ----

#[inline(never)]
pub fn random_overlay(bytes: &[u8], indices: &[usize]) -> u64 {
    let Ok(records) = Record::records(bytes) else {
        return 0;
    };
    indices.iter().fold(0u64, |sum, &i| {
        sum.wrapping_add(records.get(i).map_or(0, |record| record.id()))
    })
}

#[inline(never)]
pub fn random_hand(bytes: &[u8], indices: &[usize]) -> u64 {
    indices.iter().fold(0u64, |sum, &i| {
        let id = bytes
            .get(i * RECORD_SIZE + 8..i * RECORD_SIZE + 16)
            .map_or(1, |id| u64::from_be_bytes(id.try_into().unwrap()));
        sum.wrapping_add(id)
    })
}

#[inline(never)]
pub fn random_zerocopy(bytes: &[u8], indices: &[usize]) -> u64 {
    let Ok(records) = <[ZerocopyRecord]>::ref_from_bytes(bytes) else {
        return 2;
    };
    indices.iter().fold(0u64, |sum, &i| {
        sum.wrapping_add(records.get(i).map_or(2, |record| record.id.get()))
    })
}

/// Serde formats cannot seek to a record: decode all, then index.
#[inline(never)]
pub fn random_bincode(encoded: &[u8], indices: &[usize]) -> u64 {
    let (records, _): (Vec<SerdeRecord>, usize) =
        bincode::serde::decode_from_slice(encoded, bincode_config()).expect("decodes");
    indices
        .iter()
        .fold(0u64, |sum, &i| sum.wrapping_add(records[i].id))
}

#[inline(never)]
pub fn random_postcard(encoded: &[u8], indices: &[usize]) -> u64 {
    let records: Vec<SerdeRecord> = postcard::from_bytes(encoded).expect("decodes");
    indices
        .iter()
        .fold(0u64, |sum, &i| sum.wrapping_add(records[i].id))
}

#[inline(never)]
pub fn random_binrw(bytes: &[u8], indices: &[usize]) -> u64 {
    let count = bytes.len() / RECORD_SIZE;
    let records: Vec<BinrwRecord> = Cursor::new(bytes)
        .read_be_args(binrw::VecArgs { count, inner: () })
        .expect("parses");
    indices
        .iter()
        .fold(0u64, |sum, &i| sum.wrapping_add(records[i].id))
}

// ---- loops: several table loops in one function, as user code has them ----
//
// The buffer is cut in two tables, A and B. One call: increment `count` in every record of A,
// then sum `id` over A (`fold`); sum `timestamp` over B (`for`), then increment `count` in B;
// sum `count` over A (`fold`) and `version` over B (`for`); then read `id` of B's records at
// `indices`. Each contender's function holds all of these loops, so what one loop does to the
// code of the next shows.

/// The two tables of the loops question: A and B, each a whole number of records.
fn halves(bytes: &mut [u8]) -> (&mut [u8], &mut [u8]) {
    let half = bytes.len() / 2 / RECORD_SIZE * RECORD_SIZE;
    let (a, b) = bytes.split_at_mut(half);
    let whole = b.len() / RECORD_SIZE * RECORD_SIZE;
    (a, &mut b[..whole])
}

#[inline(never)]
pub fn loops_overlay(bytes: &mut [u8], indices: &[usize]) -> u64 {
    let (a, b) = halves(bytes);
    let mut out = 0u64;
    if let Ok(mut records) = Record::records_mut(a) {
        for mut record in records.iter_mut() {
            record.set_count(record.count().wrapping_add(1));
        }
    }
    if let Ok(records) = Record::records(a) {
        out = records.iter().fold(out, |sum, r| sum.wrapping_add(r.id()));
    }
    if let Ok(records) = Record::records(b) {
        for record in records.iter() {
            out = out.wrapping_add(record.timestamp());
        }
    }
    if let Ok(mut records) = Record::records_mut(b) {
        for mut record in records.iter_mut() {
            record.set_count(record.count().wrapping_add(1));
        }
    }
    if let (Ok(ra), Ok(rb)) = (Record::records(a), Record::records(b)) {
        out = ra
            .iter()
            .fold(out, |sum, r| sum.wrapping_add(u64::from(r.count())));
        for record in rb.iter() {
            out = out.wrapping_add(u64::from(record.version()));
        }
        for &i in indices {
            out = out.wrapping_add(rb.get(i).map_or(0, |record| record.id()));
        }
    }
    out
}

/// `count += 1` in every record of `table`, by hand.
fn increment_hand(table: &mut [u8]) {
    for record in table.chunks_exact_mut(RECORD_SIZE) {
        let field: &mut [u8; 4] = (&mut record[28..32]).try_into().unwrap();
        *field = u32::from_be_bytes(*field).wrapping_add(1).to_be_bytes();
    }
}

#[inline(never)]
pub fn loops_hand(bytes: &mut [u8], indices: &[usize]) -> u64 {
    let (a, b) = halves(bytes);
    let mut out = 1u64;
    increment_hand(a);
    out = a.chunks_exact(RECORD_SIZE).fold(out, |sum, r| {
        sum.wrapping_add(u64::from_be_bytes(r[8..16].try_into().unwrap()))
    });
    for record in b.chunks_exact(RECORD_SIZE) {
        out = out.wrapping_add(u64::from_be_bytes(record[16..24].try_into().unwrap()));
    }
    increment_hand(b);
    out = a.chunks_exact(RECORD_SIZE).fold(out, |sum, r| {
        sum.wrapping_add(u64::from(u32::from_be_bytes(r[28..32].try_into().unwrap())))
    });
    for record in b.chunks_exact(RECORD_SIZE) {
        out = out.wrapping_add(u64::from(u16::from_be_bytes(
            record[4..6].try_into().unwrap(),
        )));
    }
    for &i in indices {
        let id = b
            .get(i * RECORD_SIZE + 8..i * RECORD_SIZE + 16)
            .map_or(0, |id| u64::from_be_bytes(id.try_into().unwrap()));
        out = out.wrapping_add(id);
    }
    out
}

#[inline(never)]
pub fn loops_zerocopy(bytes: &mut [u8], indices: &[usize]) -> u64 {
    let (a, b) = halves(bytes);
    let mut out = 2u64;
    if let Ok(records) = <[ZerocopyRecord]>::mut_from_bytes(a) {
        for record in records.iter_mut() {
            record.count.set(record.count.get().wrapping_add(1));
        }
    }
    if let Ok(records) = <[ZerocopyRecord]>::ref_from_bytes(a) {
        out = records
            .iter()
            .fold(out, |sum, r| sum.wrapping_add(r.id.get()));
    }
    if let Ok(records) = <[ZerocopyRecord]>::ref_from_bytes(b) {
        for record in records {
            out = out.wrapping_add(record.timestamp.get());
        }
    }
    if let Ok(records) = <[ZerocopyRecord]>::mut_from_bytes(b) {
        for record in records.iter_mut() {
            record.count.set(record.count.get().wrapping_add(1));
        }
    }
    if let (Ok(ra), Ok(rb)) = (
        <[ZerocopyRecord]>::ref_from_bytes(a),
        <[ZerocopyRecord]>::ref_from_bytes(b),
    ) {
        out = ra
            .iter()
            .fold(out, |sum, r| sum.wrapping_add(u64::from(r.count.get())));
        for record in rb {
            out = out.wrapping_add(u64::from(record.version.get()));
        }
        for &i in indices {
            out = out.wrapping_add(rb.get(i).map_or(0, |record| record.id.get()));
        }
    }
    out
}

// ---- bits: two bit fields of every IPv4 header (`ihl`, 4 bits of byte 0, and
// `fragment_offset`, 13 bits of bytes 6-7, big-endian) ----

/// An IPv4 header, for overlay.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Ipv4Header {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub tos: u8,
    pub total_length: u16,
    pub identification: u16,
    #[overlay(bits = 3)]
    pub flags: u8,
    #[overlay(bits = 13)]
    pub fragment_offset: u16,
    pub ttl: u8,
    pub protocol: u8,
    pub checksum: u16,
    pub source: [u8; 4],
    pub destination: [u8; 4],
}

pub const IPV4_SIZE: usize = 20;

/// `n` IPv4 headers with varying `ihl` and fragment offsets.
pub fn ipv4_headers(n: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(n * IPV4_SIZE);
    for i in 0..n {
        let ihl = 5 + (i % 11) as u8;
        let fragment = (i * 37 % 8192) as u16;
        bytes.extend_from_slice(&[0x40 | ihl, 0, 0, 60, 0, i as u8]);
        bytes.extend_from_slice(&((0b010 << 13) | fragment).to_be_bytes());
        bytes.extend_from_slice(&[64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
    }
    bytes
}

#[inline(never)]
pub fn bits_overlay(bytes: &[u8]) -> u32 {
    match Ipv4Header::records(bytes) {
        Ok(headers) => headers.iter().fold(0u32, |sum, h| {
            sum.wrapping_add(u32::from(h.ihl()) + u32::from(h.fragment_offset()))
        }),
        Err(_) => 0,
    }
}

#[inline(never)]
pub fn bits_hand(bytes: &[u8]) -> u32 {
    bytes.chunks_exact(IPV4_SIZE).fold(1u32, |sum, h| {
        let fragment = u16::from_be_bytes([h[6], h[7]]) & 0x1fff;
        sum.wrapping_add(u32::from(h[0] & 0x0f) + u32::from(fragment))
    })
}

/// `bitfield-struct`: bit fields of an integer, most significant first; the integer is read
/// from the bytes by hand, as its documentation does for big-endian data.
#[bitfield_struct::bitfield(u8, order = Msb)]
pub struct VersionIhl {
    #[bits(4)]
    pub version: u8,
    #[bits(4)]
    pub ihl: u8,
}

#[bitfield_struct::bitfield(u16, order = Msb)]
pub struct FlagsFragment {
    #[bits(3)]
    pub flags: u8,
    #[bits(13)]
    pub fragment_offset: u16,
}

#[inline(never)]
pub fn bits_bitfield_struct(bytes: &[u8]) -> u32 {
    bytes.chunks_exact(IPV4_SIZE).fold(2u32, |sum, h| {
        let first = VersionIhl::from_bits(h[0]);
        let flags = FlagsFragment::from_bits(u16::from_be_bytes([h[6], h[7]]));
        sum.wrapping_add(u32::from(first.ihl()) + u32::from(flags.fragment_offset()))
    })
}

/// `modular-bitfield`: fields packed from the least significant bit of little-endian bytes,
/// so big-endian data is byte-swapped into it first (it has no big-endian layout).
#[modular_bitfield::bitfield]
pub struct IhlVersion {
    pub ihl: modular_bitfield::specifiers::B4,
    pub version: modular_bitfield::specifiers::B4,
}

#[modular_bitfield::bitfield]
pub struct FragmentFlags {
    pub fragment_offset: modular_bitfield::specifiers::B13,
    pub flags: modular_bitfield::specifiers::B3,
}

#[inline(never)]
pub fn bits_modular_bitfield(bytes: &[u8]) -> u32 {
    bytes.chunks_exact(IPV4_SIZE).fold(3u32, |sum, h| {
        let first = IhlVersion::from_bytes([h[0]]);
        let word = u16::from_be_bytes([h[6], h[7]]).to_le_bytes();
        let flags = FragmentFlags::from_bytes(word);
        sum.wrapping_add(u32::from(first.ihl()) + u32::from(flags.fragment_offset()))
    })
}

// ---- dispatch: 1,000 Ethernet frames of mixed kinds (IPv4/TCP, IPv4/UDP, IPv4/ICMP, ARP,
// an EtherType nobody decodes) in a seeded random order, each dispatched on its EtherType and
// IP protocol to a field of the record it holds ----

/// An Ethernet II frame whose EtherType chooses what it carries, for overlay.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct EthernetFrame {
    pub destination: [u8; 6],
    pub source: [u8; 6],
    pub ether_type: u16,
    #[overlay(tag = "ether_type", rest)]
    pub payload: EtherPayload,
}

#[derive(Overlay)]
pub enum EtherPayload {
    #[overlay(tag = 0x0800)]
    Ipv4(Ipv4Packet),
    #[overlay(tag = 0x0806)]
    Arp(ArpPacket),
    #[overlay(other)]
    Other(overlay::VarBytes),
}

/// IPv4 with options; `total_length` bounds the payload, so Ethernet padding is not in it.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ipv4Packet {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    pub tos: u8,
    pub total_length: u16,
    pub identification: u16,
    pub flags_fragment: u16,
    pub ttl: u8,
    pub protocol: u8,
    pub checksum: u16,
    pub source: [u8; 4],
    pub destination: [u8; 4],
    #[overlay(bytes = "ihl * 4 - 20")]
    pub options: overlay::VarBytes,
    #[overlay(tag = "protocol", bytes = "total_length - ihl * 4")]
    pub payload: IpPayload,
}

#[derive(Overlay)]
pub enum IpPayload {
    #[overlay(tag = 6)]
    Tcp(TcpSegment),
    #[overlay(tag = 17)]
    Udp(UdpDatagram),
    #[overlay(other)]
    Other(overlay::VarBytes),
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct TcpSegment {
    pub source_port: u16,
    pub destination_port: u16,
    pub sequence: u32,
    pub acknowledgment: u32,
    #[overlay(bits = 4)]
    pub data_offset: u8,
    #[overlay(bits = 4)]
    pub reserved: u8,
    pub flags: u8,
    pub window: u16,
    pub checksum: u16,
    pub urgent_pointer: u16,
    #[overlay(bytes = "data_offset * 4 - 20")]
    pub options: overlay::VarBytes,
    #[overlay(rest)]
    pub data: overlay::VarBytes,
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct UdpDatagram {
    pub source_port: u16,
    pub destination_port: u16,
    pub length: u16,
    pub checksum: u16,
    #[overlay(bytes = "length - 8")]
    pub data: overlay::VarBytes,
}

/// ARP for IPv4 over Ethernet (28 bytes; a frame pads it to 46).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct ArpPacket {
    pub hardware_type: u16,
    pub protocol_type: u16,
    pub hardware_length: u8,
    pub protocol_length: u8,
    pub operation: u16,
    pub sender_hardware: [u8; 6],
    pub sender_protocol: [u8; 4],
    pub target_hardware: [u8; 6],
    pub target_protocol: [u8; 4],
}

/// `n` frames back to back in one buffer, and where each ends. A seeded LCG picks each
/// frame's kind (35% TCP, 30% UDP, 7% ICMP, 14% ARP, 14% unknown EtherType) and sizes: IPv4
/// options on a quarter of the datagrams, TCP options on half the segments, 0 to 63 bytes of
/// data, and Ethernet's padding to 60 bytes.
pub fn mixed_frames(n: usize) -> (Vec<u8>, Vec<usize>) {
    let mut state = 0x853c_49e6_748f_ea9bu64;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as u32
    };
    let (mut bytes, mut ends) = (Vec::new(), Vec::with_capacity(n));
    for _ in 0..n {
        let start = bytes.len();
        let kind = next() % 100;
        bytes.extend_from_slice(&[0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2]);
        match kind {
            0..72 => {
                bytes.extend_from_slice(&0x0800u16.to_be_bytes());
                let options = if next() % 4 == 0 { 4 } else { 0 };
                let mut payload = Vec::new();
                let protocol = match kind {
                    0..35 => {
                        let tcp_options = if next() % 2 == 0 { 12 } else { 0 };
                        payload.extend_from_slice(&(next() as u16).to_be_bytes());
                        payload.extend_from_slice(&[0x01, 0xbb]);
                        payload.extend_from_slice(&next().to_be_bytes());
                        payload.extend_from_slice(&next().to_be_bytes());
                        payload.push(((20 + tcp_options) / 4) << 4);
                        payload.push(0x18);
                        payload.extend_from_slice(&(next() as u16).to_be_bytes());
                        payload.extend_from_slice(&[0, 0, 0, 0]);
                        payload.extend(std::iter::repeat_n(1, usize::from(tcp_options)));
                        payload.extend(std::iter::repeat_n(b't', (next() % 64) as usize));
                        6
                    }
                    35..65 => {
                        let data = (next() % 64) as u16;
                        payload.extend_from_slice(&[0xc0, 0x01]);
                        payload.extend_from_slice(&(next() as u16).to_be_bytes());
                        payload.extend_from_slice(&(8 + data).to_be_bytes());
                        payload.extend_from_slice(&[0, 0]);
                        payload.extend(std::iter::repeat_n(b'u', usize::from(data)));
                        17
                    }
                    _ => {
                        payload.extend_from_slice(&[8, 0, 0, 0, 0, 1, 0, 1]);
                        payload.extend(std::iter::repeat_n(b'i', (next() % 32) as usize));
                        1
                    }
                };
                let total = (20 + options + payload.len()) as u16;
                bytes.extend_from_slice(&[0x40 | (5 + options / 4) as u8, 0]);
                bytes.extend_from_slice(&total.to_be_bytes());
                bytes.extend_from_slice(&[0, 1, 0x40, 0, (next() % 255) as u8 + 1, protocol]);
                bytes.extend_from_slice(&[0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
                bytes.extend(std::iter::repeat_n(1, options));
                bytes.extend_from_slice(&payload);
            }
            72..86 => {
                bytes.extend_from_slice(&0x0806u16.to_be_bytes());
                bytes.extend_from_slice(&[0, 1, 0x08, 0, 6, 4, 0, 1 + (next() % 2) as u8]);
                bytes.extend_from_slice(&[0x02, 0, 0, 0, 0, 1, 10, 0, 0, 1]);
                bytes.extend_from_slice(&[0, 0, 0, 0, 0, 0, 10, 0, 0, 2]);
            }
            _ => {
                bytes.extend_from_slice(&0x86ddu16.to_be_bytes());
                bytes.extend(std::iter::repeat_n(b'6', 40 + (next() % 64) as usize));
            }
        }
        if bytes.len() - start < 60 {
            bytes.resize(start + 60, 0);
        }
        ends.push(bytes.len());
    }
    (bytes, ends)
}

/// The frames of `bytes`, split where `ends` says.
pub fn split_frames<'a>(bytes: &'a [u8], ends: &[usize]) -> Vec<&'a [u8]> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let frame = &bytes[start..end];
            start = end;
            frame
        })
        .collect()
}

/// The sum over the frames of one field per kind: TCP's window, UDP's destination port,
/// another IP protocol's TTL, ARP's operation, or an unknown EtherType's payload length;
/// `u64::MAX` for a frame whose lengths do not fit.
#[inline(never)]
pub fn dispatch_overlay(frames: &[&[u8]]) -> u64 {
    let mut sum = 0u64;
    for &frame in frames {
        let Ok(frame) = EthernetFrame::view(frame) else {
            return u64::MAX;
        };
        sum += match frame.payload() {
            EtherPayloadView::Ipv4(ip) => match ip.payload() {
                IpPayloadView::Tcp(tcp) => u64::from(tcp.window()),
                IpPayloadView::Udp(udp) => u64::from(udp.destination_port()),
                IpPayloadView::Other(_) => u64::from(ip.ttl()),
            },
            EtherPayloadView::Arp(arp) => u64::from(arp.operation()),
            EtherPayloadView::Other(bytes) => bytes.len() as u64,
        };
    }
    sum
}

/// `dispatch_overlay` by hand: a `match` on the EtherType and protocol bytes, and the same
/// length checks the derived views make (the fixed parts fit; options, the IP payload and
/// UDP's data are as long as their fields say, and fit).
#[inline(never)]
pub fn dispatch_hand(frames: &[&[u8]]) -> u64 {
    let mut sum = 0u64;
    for &frame in frames {
        if frame.len() < 14 {
            return u64::MAX;
        }
        let payload = &frame[14..];
        sum += match u16::from_be_bytes([frame[12], frame[13]]) {
            0x0800 => {
                if payload.len() < 20 {
                    return u64::MAX;
                }
                let header_len = usize::from(payload[0] & 0x0f) * 4;
                let total = usize::from(u16::from_be_bytes([payload[2], payload[3]]));
                if header_len < 20 || header_len > payload.len() {
                    return u64::MAX;
                }
                if total < header_len || total > payload.len() {
                    return u64::MAX;
                }
                let datagram = &payload[header_len..total];
                match payload[9] {
                    6 => {
                        if datagram.len() < 20 {
                            return u64::MAX;
                        }
                        let data_offset = usize::from(datagram[12] >> 4) * 4;
                        if data_offset < 20 || data_offset > datagram.len() {
                            return u64::MAX;
                        }
                        u64::from(u16::from_be_bytes([datagram[14], datagram[15]]))
                    }
                    17 => {
                        if datagram.len() < 8 {
                            return u64::MAX;
                        }
                        let length = usize::from(u16::from_be_bytes([datagram[4], datagram[5]]));
                        if length < 8 || length > datagram.len() {
                            return u64::MAX;
                        }
                        u64::from(u16::from_be_bytes([datagram[2], datagram[3]]))
                    }
                    _ => u64::from(payload[8]),
                }
            }
            0x0806 => {
                if payload.len() < 28 {
                    return u64::MAX;
                }
                u64::from(u16::from_be_bytes([payload[6], payload[7]]))
            }
            _ => payload.len() as u64,
        };
    }
    sum
}

// ---------------------------------------------------------------------------------------------
// LEB128 decoding (benches/leb128.rs).

/// One LEB128 value (benches/leb128.rs).
#[derive(overlay::Overlay)]
pub struct Leb {
    pub value: overlay::Uleb128,
}

/// `n` LEB128 values back to back (60% one byte, 30% two, 8% five, 2% ten), from a fixed
/// seed.
pub fn leb128_encoded(n: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..n {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let bits = match state % 100 {
            0..=59 => 7,
            60..=89 => 14,
            90..=97 => 32,
            _ => 64,
        };
        let mut value = (state >> 8) & (u64::MAX >> (64 - bits));
        loop {
            let byte = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                bytes.push(byte);
                break;
            }
            bytes.push(byte | 0x80);
        }
    }
    bytes
}

/// Sums the values with `Leb::view_prefix`; -1 on an error.
#[inline(never)]
pub fn leb128_overlay(mut bytes: &[u8]) -> u64 {
    let mut sum = 0u64;
    while !bytes.is_empty() {
        let Ok((leb, rest)) = <Leb as overlay::VarOverlay>::view_prefix(bytes) else {
            return u64::MAX;
        };
        sum = sum.wrapping_add(leb.value());
        bytes = rest;
    }
    sum
}

/// Sums the values with the loop a format's specification describes, with the same checks.
#[inline(never)]
pub fn leb128_hand(mut bytes: &[u8]) -> u64 {
    let mut sum = 0u64;
    'values: while !bytes.is_empty() {
        let mut value = 0u64;
        for i in 0..10 {
            let Some(&byte) = bytes.get(i) else {
                return u64::MAX;
            };
            if i == 9 && byte & 0xfe != 0 {
                return u64::MAX;
            }
            value |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                sum = sum.wrapping_add(value);
                bytes = &bytes[i + 1..];
                continue 'values;
            }
        }
        return u64::MAX;
    }
    sum
}
