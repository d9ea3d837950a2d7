//! Self-delimiting integers: `Uleb128`, `Sleb128` and `SqliteVarint` fields.
//!
//! - Against references we did not write in Rust: a Python LEB128 and SQLite-varint encoder
//!   (padded encodings too), modules assembled by wabt's `wat2wasm` (section sizes compared
//!   with `wasm-objdump -h`, `i32.const`/`i64.const` immediates with the source), and a real
//!   database written by python3's `sqlite3` (rowids and integer columns of a table leaf page
//!   compared with `SELECT`).
//! - In sequence with other variable fields and as terms of later lengths (`len: Uleb128` then
//!   `bytes = "len"`), in streams.
//! - Errors: truncated, too long and past 64 bits, naming the field and the absolute offset;
//!   setters keep the width and refuse a value that needs more bytes.
//! - The property tests: arbitrary bytes never panic, views agree with a hand-written decoder,
//!   and setting then reading round-trips with the bytes a reference encoder writes.
//! - `zero_alloc`: reading and writing varints allocates nothing.

#[macro_use]
mod support;

use overlay::{
    ErrorKind, Overlay, Sleb128, SqliteVarint, Uleb128, VarBytes, VarOverlay, VarintProblem,
};
use proptest::prelude::*;
use support::tools::{run_python, tool_available};

/// A protobuf-style length-delimited field: a key, a length, the bytes.
#[derive(Overlay)]
pub struct Field {
    key: Uleb128,
    len: Uleb128,
    #[overlay(bytes = "len")]
    data: VarBytes,
}

/// One of each, then the rest.
#[derive(Overlay)]
pub struct Trio {
    unsigned: Uleb128,
    signed: Sleb128,
    sqlite: SqliteVarint,
    #[overlay(rest)]
    rest: VarBytes,
}

/// A WebAssembly section: an id byte, the contents' size, the contents.
#[derive(Overlay)]
pub struct Section {
    id: u8,
    len: Uleb128,
    #[overlay(bytes = "len")]
    contents: VarBytes,
}

/// `\0asm` and the version.
#[derive(Overlay)]
pub struct WasmHeader {
    #[overlay(magic = b"\0asm")]
    magic: [u8; 4],
    version: u32,
}

/// A function body: its size, then the code.
#[derive(Overlay)]
pub struct Body {
    len: Uleb128,
    #[overlay(bytes = "len")]
    code: VarBytes,
}

/// A count (of functions, of local declarations) and what follows it.
#[derive(Overlay)]
pub struct Counted {
    count: Uleb128,
    #[overlay(rest)]
    rest: VarBytes,
}

/// `i32.const` (0x41) or `i64.const` (0x42) and its signed immediate.
#[derive(Overlay)]
pub struct Const {
    opcode: u8,
    value: Sleb128,
    #[overlay(rest)]
    rest: VarBytes,
}

/// SQLite: a table b-tree leaf page's header and cell pointers (the database file format,
/// section 1.6).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct LeafPage {
    #[overlay(magic = 0x0d)]
    kind: u8,
    first_freeblock: u16,
    cells: u16,
    content_start: u16,
    fragmented: u8,
    #[overlay(count = "cells")]
    pointers: overlay::VarRecords<u16>,
}

/// A table leaf cell whose payload is all on the page.
#[derive(Overlay)]
pub struct Cell {
    payload_size: SqliteVarint,
    rowid: SqliteVarint,
    #[overlay(bytes = "payload_size")]
    payload: VarBytes,
}

/// A record's header: its size (counting itself), then one serial type per column.
#[derive(Overlay)]
pub struct RecordHeader {
    header_size: SqliteVarint,
    #[overlay(rest)]
    rest: VarBytes,
}

#[derive(Overlay)]
pub struct SerialType {
    code: SqliteVarint,
}

/// Hand-written decoders, the loops a format's specification describes.
fn uleb(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u128;
    for (i, b) in bytes.iter().enumerate().take(10) {
        value |= u128::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return u64::try_from(value).ok().map(|v| (v, i + 1));
        }
    }
    None
}

fn sleb(bytes: &[u8]) -> Option<(i64, usize)> {
    let mut value = 0i128;
    for (i, b) in bytes.iter().enumerate().take(10) {
        value |= i128::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            let bits = 7 * (i + 1);
            if b & 0x40 != 0 {
                value -= 1i128 << bits;
            }
            return i64::try_from(value).ok().map(|v| (v, i + 1));
        }
    }
    None
}

fn sqlite_varint(bytes: &[u8]) -> Option<(i64, usize)> {
    let mut value = 0u64;
    for (i, b) in bytes.iter().enumerate().take(9) {
        if i == 8 {
            return Some(((value << 8 | u64::from(*b)) as i64, 9));
        }
        value = value << 7 | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            return Some((value as i64, i + 1));
        }
    }
    None
}

/// A reference LEB128/SQLite encoder in Python, with padding: reads `kind value pad` lines,
/// prints `value hex` lines.
const PY_ENCODER: &str = r#"
import sys

def uleb(v, pad):
    out = []
    while True:
        b = v & 0x7f
        v >>= 7
        out.append(b)
        if v == 0:
            break
    out += [0] * pad
    return bytes([b | 0x80 for b in out[:-1]] + [out[-1]])

def sleb(v, pad):
    out = []
    while True:
        b = v & 0x7f
        v >>= 7
        out.append(b)
        if (v == 0 and not b & 0x40) or (v == -1 and b & 0x40):
            break
    out += [0x7f if v < 0 else 0] * pad
    return bytes([b | 0x80 for b in out[:-1]] + [out[-1]])

def sqlite(v, pad):
    v &= (1 << 64) - 1
    if v >> 56:
        top = v >> 8
        groups = [(top >> (7 * i)) & 0x7f for i in range(7, -1, -1)]
        return bytes([g | 0x80 for g in groups] + [v & 0xff])
    groups = []
    while True:
        groups.insert(0, v & 0x7f)
        v >>= 7
        if v == 0:
            break
    groups = [0] * min(pad, 8 - len(groups)) + groups
    return bytes([g | 0x80 for g in groups[:-1]] + [groups[-1]])

for line in sys.stdin:
    kind, value, pad = line.split()
    value, pad = int(value), int(pad)
    encoded = {"u": uleb, "s": sleb, "q": sqlite}[kind](value, pad)
    print(kind, value, encoded.hex())
"#;

/// Values at every byte-count boundary of each encoding, and a few random ones.
fn interesting_values() -> Vec<(char, i128, usize)> {
    let mut rng = support::rng::Rng::new(0x1eb_128);
    let mut cases = Vec::new();
    for bits in 0..=64u32 {
        for delta in [-1i128, 0, 1] {
            let v = (1i128 << bits) + delta;
            let pad = rng.below(3);
            if (0..=i128::from(u64::MAX)).contains(&v) {
                cases.push(('u', v, pad.min(10 - leb_len(v as u64))));
            }
            for signed in [v, -v] {
                if (i128::from(i64::MIN)..=i128::from(i64::MAX)).contains(&signed) {
                    cases.push(('s', signed, 0));
                    cases.push(('q', signed, pad));
                }
            }
        }
    }
    for _ in 0..200 {
        let v = rng.next_u64() >> rng.below(64);
        cases.push(('u', i128::from(v), rng.below(10 - leb_len(v) + 1)));
        cases.push(('s', i128::from(v as i64), 0));
        cases.push(('q', i128::from(v as i64), rng.below(3)));
    }
    cases
}

fn leb_len(v: u64) -> usize {
    ((64 - v.leading_zeros() as usize).div_ceil(7)).max(1)
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

mod python {
    use super::*;

    #[test]
    fn decodes_what_a_python_encoder_writes_and_writes_it_back() {
        if !support::tools::cpython_struct() {
            return;
        }
        let cases = interesting_values();
        let input: String = cases
            .iter()
            .map(|(kind, value, pad)| format!("{kind} {value} {pad}\n"))
            .collect();
        let output = run_python(PY_ENCODER, &[], input);
        let mut checked = 0;
        for line in output.lines() {
            let mut parts = line.split(' ');
            let (kind, value, encoded) = (
                parts.next().unwrap(),
                parts.next().unwrap().parse::<i128>().unwrap(),
                hex(parts.next().unwrap()),
            );
            let mut bytes = encoded.clone();
            bytes.extend_from_slice(b"after");
            // Decode it in the field of its kind, with zero-valued others around it.
            let mut record = Vec::new();
            let at = match kind {
                "u" => 0,
                "s" => 1,
                _ => 2,
            };
            for k in 0..3 {
                if k == at {
                    record.extend_from_slice(&encoded);
                } else {
                    record.push(0);
                }
            }
            record.extend_from_slice(b"after");
            let view = Trio::view(&record).unwrap_or_else(|e| panic!("{line}: {e}"));
            let found = match kind {
                "u" => i128::from(view.unsigned()),
                "s" => i128::from(view.signed()),
                _ => i128::from(view.sqlite()),
            };
            let expected = if kind == "q" {
                i128::from(value as i64)
            } else {
                value
            };
            assert_eq!(found, expected, "{line}");
            assert_eq!(view.rest(), b"after", "{line}");
            assert_eq!(view.size(), record.len());
            // Writing the value back in the same width gives the same bytes.
            let mut copy = record.clone();
            let mut view = Trio::view_mut(&mut copy).unwrap();
            match kind {
                "u" => view.set_unsigned(0).unwrap(),
                "s" => view.set_signed(0).unwrap(),
                _ => view.set_sqlite(0).unwrap(),
            }
            match kind {
                "u" => view.set_unsigned(value as u64).unwrap(),
                "s" => view.set_signed(value as i64).unwrap(),
                _ => view.set_sqlite(value as i64).unwrap(),
            }
            assert_eq!(copy, record, "{line}");
            checked += 1;
        }
        assert_eq!(checked, cases.len());
    }
}

mod wabt {
    use super::*;
    use std::process::Command;

    /// Constants chosen to take every LEB128 length, both signs.
    const CONSTANTS: [i64; 12] = [
        0,
        -1,
        63,
        64,
        -64,
        -65,
        8191,
        -8193,
        i32::MAX as i64,
        i32::MIN as i64,
        i64::MAX,
        i64::MIN,
    ];

    fn module_source() -> String {
        let mut wat = String::from("(module\n  (memory 1)\n");
        for (i, c) in CONSTANTS.iter().enumerate() {
            let fits_i32 = i32::try_from(*c).is_ok();
            let ty = if fits_i32 { "i32" } else { "i64" };
            wat += &format!("  (func (export \"f{i}\") (result {ty}) {ty}.const {c})\n");
        }
        // A data segment of 300 bytes: two-byte LEB128 sizes.
        wat += &format!("  (data (i32.const 16) \"{}\")\n)\n", "ab".repeat(150));
        wat
    }

    #[test]
    fn sections_and_constants_of_a_module_wat2wasm_assembles() {
        if !tool_available("wat2wasm", &["--version"], "the wabt LEB128 comparison")
            || !tool_available("wasm-objdump", &["--version"], "the wabt LEB128 comparison")
        {
            return;
        }
        let dir = std::env::temp_dir().join(format!("overlay-varints-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (wat, wasm) = (dir.join("consts.wat"), dir.join("consts.wasm"));
        std::fs::write(&wat, module_source()).unwrap();
        let status = Command::new("wat2wasm")
            .arg(&wat)
            .arg("-o")
            .arg(&wasm)
            .status()
            .unwrap();
        assert!(status.success());
        let module = std::fs::read(&wasm).unwrap();
        let objdump = Command::new("wasm-objdump")
            .arg("-h")
            .arg(&wasm)
            .output()
            .unwrap();
        assert!(objdump.status.success());
        let listing = String::from_utf8(objdump.stdout).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();

        let (header, mut rest) = WasmHeader::view_prefix(&module).unwrap();
        assert_eq!(header.version(), 1);
        let mut found = Vec::new();
        let mut code = None;
        while !rest.is_empty() {
            let (section, after) = Section::view_prefix(rest).unwrap();
            let start = module.len() - after.len() - section.contents().len();
            found.push((section.id(), start, section.len()));
            if section.id() == 10 {
                code = Some(section.contents());
            }
            rest = after;
        }
        // `wasm-objdump -h`: "  Type start=0x0000000a end=0x00000015 (size=0x0000000b) count: 2"
        let expected: Vec<(usize, u64)> = listing
            .lines()
            .filter_map(|line| {
                let start = line.split("start=0x").nth(1)?.get(..8)?;
                let size = line.split("size=0x").nth(1)?.get(..8)?;
                Some((
                    usize::from_str_radix(start, 16).ok()?,
                    u64::from_str_radix(size, 16).ok()?,
                ))
            })
            .collect();
        let ours: Vec<(usize, u64)> = found.iter().map(|(_, s, l)| (*s, *l)).collect();
        assert_eq!(ours, expected, "{listing}");
        assert!(found.iter().any(|(id, _, len)| *id == 11 && *len > 300));

        // The code section: a count, then one body per function, each `0 locals, const, end`.
        let count = Counted::view(code.unwrap()).unwrap();
        assert_eq!(count.count(), CONSTANTS.len() as u64);
        let mut bodies = count.rest();
        let mut constants = Vec::new();
        while !bodies.is_empty() {
            let (body, after) = Body::view_prefix(bodies).unwrap();
            let locals = Counted::view(body.code()).unwrap();
            assert_eq!(locals.count(), 0);
            let constant = Const::view(locals.rest()).unwrap();
            assert!(matches!(constant.opcode(), 0x41 | 0x42));
            assert_eq!(constant.rest(), &[0x0b]);
            constants.push(constant.value());
            bodies = after;
        }
        assert_eq!(constants, CONSTANTS);
    }
}

mod sqlite {
    use super::*;

    /// Rowids at every varint length, both signs, with an integer column of every width.
    const SCRIPT: &str = r#"
import sqlite3, sys
path = sys.argv[1]
db = sqlite3.connect(path)
db.execute("PRAGMA page_size = 4096")
db.execute("CREATE TABLE t (a INTEGER, b BLOB)")
rowids = [-(1 << 63), -1, 0, 1, 127, 128, 16383, 16384, 1 << 21, (1 << 28) - 1, 1 << 35,
          1 << 42, 1 << 49, (1 << 56) - 1, 1 << 56, (1 << 63) - 1]
for i, r in enumerate(rowids):
    a = [0, 1, -1, 127, 128, -129, 32767, 1 << 23, -(1 << 31), 1 << 40, -(1 << 47), 1 << 62,
         -(1 << 63), 5, 6, 7][i]
    db.execute("INSERT INTO t (rowid, a, b) VALUES (?, ?, ?)", (r, a, bytes(range(i))))
db.commit()
for rowid, a, n in db.execute("SELECT rowid, a, length(b) FROM t ORDER BY rowid"):
    print(rowid, a, n)
print("root", db.execute("SELECT rootpage FROM sqlite_master WHERE name = 't'").fetchone()[0])
db.close()
"#;

    /// A record's integer from its serial type (section 2.1 of the file format).
    fn integer(serial: i64, bytes: &[u8]) -> (i64, usize) {
        let len = match serial {
            1..=4 => serial as usize,
            5 => 6,
            6 => 8,
            8 | 9 => return (serial - 8, 0),
            other => panic!("not an integer serial type: {other}"),
        };
        let mut value = if bytes[0] & 0x80 != 0 { -1i64 } else { 0 };
        for b in &bytes[..len] {
            value = value << 8 | i64::from(*b);
        }
        (value, len)
    }

    #[test]
    fn rowids_and_integers_of_a_database_python_writes() {
        if !support::tools::python_with("sqlite3", "the SQLite varint comparison") {
            return;
        }
        let path = std::env::temp_dir().join(format!("overlay-varints-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let output = run_python(SCRIPT, &[path.to_str().unwrap()], String::new());
        let file = std::fs::read(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        let mut lines: Vec<&str> = output.lines().collect();
        let root: usize = lines
            .pop()
            .unwrap()
            .strip_prefix("root ")
            .unwrap()
            .parse()
            .unwrap();
        let expected: Vec<(i64, i64, usize)> = lines
            .iter()
            .map(|l| {
                let v: Vec<&str> = l.split(' ').collect();
                (
                    v[0].parse().unwrap(),
                    v[1].parse().unwrap(),
                    v[2].parse().unwrap(),
                )
            })
            .collect();

        let page = &file[(root - 1) * 4096..root * 4096];
        let header = LeafPage::view_prefix(page).unwrap().0;
        assert_eq!(usize::from(header.cells()), expected.len());
        let mut found = Vec::new();
        for pointer in header.pointers().iter() {
            let (cell, _) = Cell::view_prefix(&page[usize::from(pointer)..]).unwrap();
            let record = RecordHeader::view(cell.payload()).unwrap();
            let header_len = record.header_size() as usize;
            let (types, body) = cell.payload().split_at(header_len);
            let size_len = cell.payload().len() - record.rest().len();
            let serials: Vec<i64> = SerialType::stream(&types[size_len..])
                .map(|t| t.unwrap().code())
                .collect();
            assert_eq!(serials.len(), 2, "two columns");
            let (a, used) = integer(serials[0], body);
            let blob = (serials[1] - 12) / 2;
            assert_eq!(body.len(), used + blob as usize);
            found.push((cell.rowid(), a, blob as usize));
        }
        assert_eq!(found, expected);
    }
}

/// SQLite's rule for how much of a table leaf cell's payload is on the page (the file format,
/// section 1.6): with U the usable page size and P the payload size, X = U - 35; if P <= X
/// all of it; otherwise, with M = ((U - 12) * 32 / 255) - 23 and K = M + ((P - M) % (U - 4)),
/// K bytes if K <= X, else M; then the first overflow page's number.
#[derive(Overlay)]
#[overlay(param = "usable")]
pub struct TableLeafCell {
    payload_size: SqliteVarint,
    rowid: SqliteVarint,
    #[overlay(bytes = "if_else(payload_size <= usable - 35, payload_size, \
        if_else((usable - 12) * 32 / 255 - 23 + (payload_size - ((usable - 12) * 32 / 255 - 23)) \
        % (usable - 4) <= usable - 35, (usable - 12) * 32 / 255 - 23 + (payload_size - \
        ((usable - 12) * 32 / 255 - 23)) % (usable - 4), (usable - 12) * 32 / 255 - 23))")]
    local: VarBytes,
    #[overlay(bytes = "if_else(payload_size <= usable - 35, 0, 4)")]
    first_overflow: VarBytes,
}

/// A b-tree page's header: leaf pages (0x0a, 0x0d) have 8 bytes, interior ones (0x02, 0x05)
/// 12, the last 4 the right-most child.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct PageHeader {
    kind: u8,
    first_freeblock: u16,
    cells: u16,
    content_start: u16,
    fragmented: u8,
    #[overlay(bytes = "if_else(kind == 2 || kind == 5, 4, 0)")]
    right_child: VarBytes,
    #[overlay(count = "cells")]
    pointers: overlay::VarRecords<u16>,
}

/// A table interior cell: the left child and a rowid.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct InteriorCell {
    left_child: u32,
    key: SqliteVarint,
}

/// An overflow page: the next one's number (0 at the end), then content.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct OverflowPage {
    next: u32,
    #[overlay(rest)]
    content: VarBytes,
}

mod local_payload {
    use super::*;

    /// Payloads at the rule's thresholds for page sizes 512 to 65536: (page size, rowid,
    /// blob size) lines, then the table's root page.
    const SCRIPT: &str = r#"
import sqlite3, sys
path, page_size = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
db.execute("PRAGMA page_size = %d" % page_size)
db.execute("CREATE TABLE t (b BLOB)")
u = page_size
x = u - 35
m = (u - 12) * 32 // 255 - 23
# Record header (2 bytes for blobs under 57 bytes, else 3 or 4) plus the blob: around X,
# around M, and several pages long.
sizes = [0, 1, x - 4, x - 3, x - 2, x - 1, x, x + 1, m, u - 4, u, 2 * u + 7, 5 * u - 3, 11 * u]
for i, n in enumerate(sizes):
    db.execute("INSERT INTO t (rowid, b) VALUES (?, ?)", (i + 1, bytes((i * 7 + j) % 251 for j in range(max(n, 0)))))
db.commit()
print("root", db.execute("SELECT rootpage FROM sqlite_master WHERE name = 't'").fetchone()[0])
for rowid, n in db.execute("SELECT rowid, length(b) FROM t ORDER BY rowid"):
    print(rowid, n)
db.close()
"#;

    /// Every (rowid, payload) of the table b-tree rooted at `page`, payloads put back together
    /// from the page and the overflow chain.
    fn walk(file: &[u8], u: usize, page: usize, out: &mut Vec<(i64, Vec<u8>)>) {
        let bytes = &file[(page - 1) * u..page * u];
        let (header, _) = PageHeader::view_prefix(bytes).unwrap();
        for pointer in header.pointers().iter() {
            let at = usize::from(pointer);
            match header.kind() {
                0x05 => {
                    let cell = InteriorCell::view_prefix(&bytes[at..]).unwrap().0;
                    walk(file, u, cell.left_child() as usize, out);
                }
                0x0d => {
                    let params = TableLeafCellParams { usable: u as i64 };
                    let (cell, _) = TableLeafCell::view_prefix_in(&bytes[at..], params).unwrap();
                    let mut payload = cell.local().to_vec();
                    if let Ok(first) = <[u8; 4]>::try_from(cell.first_overflow()) {
                        let mut next = u32::from_be_bytes(first) as usize;
                        while next != 0 {
                            let page = OverflowPage::view(&file[(next - 1) * u..next * u]).unwrap();
                            let left = cell.payload_size() as usize - payload.len();
                            let content = page.content();
                            payload.extend_from_slice(&content[..left.min(content.len())]);
                            next = page.next() as usize;
                        }
                    }
                    assert_eq!(payload.len(), cell.payload_size() as usize);
                    out.push((cell.rowid(), payload));
                }
                other => panic!("page {page}: not a table b-tree page: {other:#x}"),
            }
        }
        if let Ok(right) = <[u8; 4]>::try_from(header.right_child()) {
            walk(file, u, u32::from_be_bytes(right) as usize, out);
        }
    }

    #[test]
    fn payloads_put_back_together_equal_what_sqlite_stored() {
        if !support::tools::python_with("sqlite3", "the SQLite local payload comparison") {
            return;
        }
        for page_size in [512usize, 1024, 2048, 4096, 8192, 16384, 32768, 65536] {
            let path = std::env::temp_dir().join(format!(
                "overlay-local-{}-{page_size}.db",
                std::process::id()
            ));
            let _ = std::fs::remove_file(&path);
            let output = run_python(
                SCRIPT,
                &[path.to_str().unwrap(), &page_size.to_string()],
                String::new(),
            );
            let file = std::fs::read(&path).unwrap();
            std::fs::remove_file(&path).unwrap();
            // The header's page size: 1 stands for 65536.
            let stored = u16::from_be_bytes([file[16], file[17]]);
            assert_eq!(
                if stored == 1 {
                    65536
                } else {
                    usize::from(stored)
                },
                page_size
            );
            let mut lines = output.lines();
            let root: usize = lines
                .next()
                .unwrap()
                .strip_prefix("root ")
                .unwrap()
                .parse()
                .unwrap();
            let expected: Vec<(i64, usize)> = lines
                .map(|l| {
                    let (r, n) = l.split_once(' ').unwrap();
                    (r.parse().unwrap(), n.parse().unwrap())
                })
                .collect();
            let mut rows = Vec::new();
            walk(&file, page_size, root, &mut rows);
            assert_eq!(rows.len(), expected.len(), "page size {page_size}");
            for ((rowid, payload), (expected_rowid, blob_len)) in rows.iter().zip(&expected) {
                assert_eq!(rowid, expected_rowid);
                // The record: header size, one serial type (a blob), the blob.
                let header = RecordHeader::view(payload).unwrap();
                let serial =
                    SerialType::view_prefix(&payload[payload.len() - header.rest().len()..])
                        .unwrap()
                        .0;
                assert_eq!(serial.code(), 12 + 2 * *blob_len as i64);
                let blob = &payload[header.header_size() as usize..];
                let i = (*rowid - 1) as usize;
                let want: Vec<u8> = (0..*blob_len).map(|j| ((i * 7 + j) % 251) as u8).collect();
                assert_eq!(blob, &want[..], "page size {page_size}, rowid {rowid}");
            }
        }
    }
}

mod errors {
    use super::*;

    #[test]
    fn truncated_too_long_and_too_large_name_the_field_and_offset() {
        let error = Field::view(&[0x0a, 0x85]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Field.len at offset 1: cannot read the unsigned LEB128: the buffer ends before its \
             last byte"
        );
        assert_eq!(
            error.kind(),
            ErrorKind::BadVarint {
                record: "Field",
                field: "len",
                offset: 1,
                encoding: "unsigned LEB128",
                problem: VarintProblem::Truncated,
                available: 1,
            }
        );
        let mut long = vec![0x0a];
        long.extend_from_slice(&[0x80; 10]);
        long.push(0);
        let error = Field::view(&long).unwrap_err();
        assert!(matches!(
            error.kind(),
            ErrorKind::BadVarint {
                problem: VarintProblem::TooLong,
                offset: 1,
                ..
            }
        ));
        let mut large = vec![0x0a];
        large.extend_from_slice(&[0xff; 9]);
        large.push(0x02);
        let error = Field::view(&large).unwrap_err();
        assert!(matches!(
            error.kind(),
            ErrorKind::BadVarint {
                problem: VarintProblem::Overflow,
                ..
            }
        ));
        // The largest value reads; as a length it overflows the i64 that lengths are computed in.
        let mut max = vec![0x0a];
        max.extend_from_slice(&[0xff; 9]);
        max.push(0x01);
        let error = Field::view(&max).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Field.data at offset 11: length `len` cannot be computed (it overflows or divides by \
             zero)"
        );
        // Signed: a tenth byte other than 0x00 and 0x7f.
        let mut signed = vec![
            0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x3f, 0,
        ];
        let error = Trio::view(&signed).unwrap_err();
        assert!(matches!(
            error.kind(),
            ErrorKind::BadVarint {
                field: "signed",
                offset: 1,
                problem: VarintProblem::Overflow,
                ..
            }
        ));
        signed[10] = 0x7f;
        assert_eq!(Trio::view(&signed).unwrap().signed(), -1);
        // SQLite: nine bytes is the most, so only truncation is an error.
        let error = Trio::view(&[0, 0, 0xff, 0xff]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Trio.sqlite at offset 2: cannot read the SQLite varint: the buffer ends before its \
             last byte"
        );
        assert_eq!(
            Trio::view(&[0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])
                .unwrap()
                .sqlite(),
            -1
        );
    }

    #[test]
    fn a_length_from_a_varint_is_checked_like_any() {
        let error = Field::view(&[0x0a, 0x05, 1, 2]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Field.data at offset 2: length `len` is 5 bytes, but only 2 are left"
        );
    }

    #[test]
    fn a_setter_refuses_a_value_that_needs_more_bytes() {
        let mut bytes = [0x0a, 0x02, b'h', b'i'];
        let mut view = Field::view_mut(&mut bytes).unwrap();
        let error = view.set_len(128).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Field.len: 128 needs 2 bytes as unsigned LEB128, but the field has 1 byte; writing it \
             would move the fields after it"
        );
        assert_eq!(
            error.kind(),
            ErrorKind::VarintWidth {
                record: "Field",
                field: "len",
                encoding: "unsigned LEB128",
                value: 128,
                needed: 2,
                width: 1
            }
        );
        view.set_len(127).unwrap();
        assert_eq!(view.len(), 127);
        view.set_key(1).unwrap();
        assert_eq!(bytes, [0x01, 0x7f, b'h', b'i']);
    }
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_and_agree_with_the_reference(
        bytes in proptest::collection::vec(any::<u8>(), 0..32),
    ) {
        let expected = uleb(&bytes).and_then(|(key, a)| {
            let (len, b) = uleb(&bytes[a..])?;
            let end = (a + b).checked_add(usize::try_from(len).ok()?)?;
            (end <= bytes.len()).then(|| (key, len, &bytes[a + b..end]))
        });
        let found = Field::view_prefix(&bytes).ok().map(|(v, _)| (v.key(), v.len(), v.data()));
        prop_assert_eq!(found, expected);
        let expected = uleb(&bytes).and_then(|(u, a)| {
            let (s, b) = sleb(&bytes[a..])?;
            let (q, c) = sqlite_varint(&bytes[a + b..])?;
            Some((u, s, q, &bytes[a + b + c..]))
        });
        let found = Trio::view(&bytes).ok().map(|v| (v.unsigned(), v.signed(), v.sqlite(), v.rest()));
        prop_assert_eq!(found, expected);
        for section in Section::stream(&bytes) {
            let _ = section.map(|s| format!("{s:?}"));
        }
    }

    #[test]
    fn setting_then_reading_round_trips(
        u in any::<u64>(),
        s in any::<i64>(),
        q in any::<i64>(),
        widths in (1usize..=10, 1usize..=10, 1usize..=9),
    ) {
        // A record with each field `width` bytes wide (zeros, padded).
        let pad = |width: usize, fill: u8, last: u8| {
            let mut v = vec![fill | 0x80; width - 1];
            v.push(last);
            v
        };
        let mut bytes = pad(widths.0, 0, 0);
        bytes.extend(pad(widths.1, 0, 0));
        let sqlite_zero = if widths.2 == 9 { vec![0x80; 8].into_iter().chain([0]).collect() } else { pad(widths.2, 0, 0) };
        bytes.extend(sqlite_zero);
        bytes.extend_from_slice(b"end");
        let before = bytes.clone();
        let results = {
            let mut view = Trio::view_mut(&mut bytes).unwrap();
            (view.set_unsigned(u), view.set_signed(s), view.set_sqlite(q))
        };
        let read = Trio::view(&bytes).unwrap();
        prop_assert_eq!(read.rest(), b"end");
        prop_assert_eq!(read.size(), before.len());
        match results.0 {
            Ok(()) => prop_assert_eq!(read.unsigned(), u),
            Err(e) => {
                prop_assert!(leb_len(u) > widths.0);
                let refused = matches!(e.kind(), ErrorKind::VarintWidth { needed, width, .. } if needed == leb_len(u) && width == widths.0);
                prop_assert!(refused);
                prop_assert_eq!(read.unsigned(), 0);
            }
        }
        match results.1 {
            Ok(()) => prop_assert_eq!(read.signed(), s),
            Err(_) => prop_assert_eq!(read.signed(), 0),
        }
        match results.2 {
            Ok(()) => prop_assert_eq!(read.sqlite(), q),
            Err(_) => prop_assert_eq!(read.sqlite(), 0),
        }
        // The minimal width always fits.
        prop_assert!(results.0.is_ok() || widths.0 < 10);
        prop_assert!(results.2.is_ok() || widths.2 < 9);
    }
}

mod zero_alloc {
    use super::support::counting::{assert_counter_works, assert_no_alloc};
    use super::*;

    #[test]
    fn reading_and_writing_varints_allocates_nothing() {
        assert_counter_works();
        let mut bytes = vec![];
        for i in 0..50u8 {
            bytes.extend_from_slice(&[0x0a, 0x82, 0x00, i, i]);
        }
        let total = assert_no_alloc("reading a stream of LEB128-sized fields", || {
            Field::stream(&bytes)
                .map(|f| f.map_or(0, |f| f.len() + f.key()))
                .sum::<u64>()
        });
        assert_eq!(total, 50 * (2 + 10));
        assert_no_alloc("a setter and its error", || {
            let mut view = Field::view_mut(&mut bytes[..5]).unwrap();
            view.set_len(2).unwrap();
            view.set_key(1 << 40).unwrap_err()
        });
    }
}

mod hexdump {
    use super::*;

    #[test]
    fn shows_each_varint_with_its_value_and_tables_element_by_element() {
        let bytes = [7, 0x83, 0x00, b'a', b'b', b'c'];
        let dump = Section::view(&bytes).unwrap().hexdump().to_string();
        assert_eq!(
            dump,
            "Section: 6 bytes (1 fixed)\n\
             offset  size  field     type     hex                      ascii     value\n     \
             0     1  id        u8       07                       .         7\n     \
             1     2  len       Uleb128  83 00                    ..        3\n     \
             3     3  contents  bytes    61 62 63                 abc\n"
        );
        let bytes = [0x0d, 0, 0, 0, 2, 0x0f, 0xf0, 0, 0x0f, 0xf8, 0x0f, 0xf0];
        let dump = LeafPage::view(&bytes).unwrap().hexdump().to_string();
        assert!(
            dump.ends_with(
                "     8     4  pointers         [u16; 2]\n     \
                 8     2    pointers[0]    u16 be    0f f8                    ..        4088\n    \
                 10     2    pointers[1]    u16 be    0f f0                    ..        4080\n"
            ),
            "{dump}"
        );
    }
}
