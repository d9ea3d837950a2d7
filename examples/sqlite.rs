//! A SQLite database file read in place: the 100-byte header, and every b-tree page and overflow
//! page, printed as the `sqlite3` command-line tool's `dbstat` table shows them.
//!
//! `cargo run --example sqlite -- [--header | --pages] [FILE]` reads FILE; with no file it reads
//! `examples/data/sample.db` (written by python3's `sqlite3`, see `make_sample_db.py` beside it).
//! `--header` (the default) prints one `name: value` line per header field; `--pages` prints one
//! line per b-tree and overflow page, `pageno pagetype ncell payload unused mx_payload`, as
//! `sqlite3 -separator ' ' FILE "SELECT pageno, pagetype, ncell, payload, unused, mx_payload
//! FROM dbstat ORDER BY pageno"` does.
//!
//! Everything is a `#[derive(Overlay)]` record viewed where it lies (SQLite's file format,
//! <https://sqlite.org/fileformat2.html>):
//! - the header, its magic and its fixed fractions checked by `magic` and `assert`;
//! - a b-tree page's header, whose right-child pointer only interior pages have: a tagged payload
//!   chosen by the page's kind byte;
//! - cells with SQLite varints (`SqliteVarint`), and their local payload sized by SQLite's
//!   overflow rule, a length expression with the usable page size as a parameter
//!   (`#[overlay(param = "usable")]`);
//! - overflow pages, freelist trunk pages, and the records of the schema table (a header of
//!   varint serial types).
//!
//! The b-trees walked are the schema table's (page 1) and every table's and index's named in it,
//! as `dbstat` walks them; pages are printed in page order. Bad input (a truncated file, a page
//! number past the end, a page that is not a b-tree page, a cell past its page, a cycle) is one
//! line on standard error naming the record and the file offset, and exit status 1.
//!
//! `tests/sqlite_dbstat.rs` compares the output with the `sqlite3` tool's `dbstat` table and
//! PRAGMAs on databases written by python3's `sqlite3`.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::process::ExitCode;

use overlay::{Overlay, SqliteVarint, VarBytes, VarOverlay, VarRecords};

#[path = "input.rs"]
mod input;

/// The database header: the first 100 bytes of the file (section 1.3).
#[derive(Overlay)]
#[overlay(
    endian = "big",
    assert = "max_payload_fraction == 64",
    assert = "min_payload_fraction == 32",
    assert = "leaf_payload_fraction == 32"
)]
pub struct DbHeader {
    #[overlay(magic = b"SQLite format 3\0")]
    pub magic: [u8; 16],
    /// The page size in bytes, a power of two from 512 to 32768; 1 stands for 65536.
    pub page_size: u16,
    pub write_version: u8,
    pub read_version: u8,
    /// Bytes at the end of every page that the b-trees do not use.
    pub reserved_bytes: u8,
    pub max_payload_fraction: u8,
    pub min_payload_fraction: u8,
    pub leaf_payload_fraction: u8,
    pub change_counter: u32,
    /// The database's size in pages.
    pub page_count: u32,
    pub freelist_trunk: u32,
    pub freelist_count: u32,
    pub schema_cookie: u32,
    pub schema_format: u32,
    pub default_cache_size: u32,
    /// In auto-vacuum and incremental-vacuum databases, the largest root page; 0 otherwise.
    pub largest_root: u32,
    /// 1 UTF-8, 2 UTF-16le, 3 UTF-16be.
    pub text_encoding: u32,
    pub user_version: u32,
    pub incremental_vacuum: u32,
    pub application_id: u32,
    #[overlay(pad)]
    pub _reserved: [u8; 20],
    pub version_valid_for: u32,
    pub sqlite_version: u32,
}

/// The right-child pointer of an interior page, which leaf pages do not have.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct RightChild {
    pub page: u32,
}

/// Nothing: the rest of a leaf page's header.
#[derive(Overlay)]
pub struct NoChild {}

/// What follows the first 8 bytes of a b-tree page header, chosen by its kind: 2 and 5 are
/// interior pages (index and table), 10 and 13 leaves. Any other kind is not a b-tree page.
#[derive(Overlay)]
pub enum HeaderEnd {
    #[overlay(tag = 2, tag = 5)]
    Interior(RightChild),
    #[overlay(tag = 10, tag = 13)]
    Leaf(NoChild),
}

/// A b-tree page's header and its cell pointers (section 1.6). On page 1 it starts at byte 100.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct PageHeader {
    pub kind: u8,
    /// The first freeblock's offset in the page, or 0.
    pub first_freeblock: u16,
    pub cells: u16,
    /// Where the cell content area starts (0 stands for 65536).
    pub content_start: u16,
    pub fragmented: u8,
    #[overlay(tag = "kind")]
    pub end: HeaderEnd,
    /// Each cell's offset from the start of the page.
    #[overlay(count = "cells")]
    pub pointers: VarRecords<u16>,
}

/// A freeblock in a page: the next one's offset and this one's size.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Freeblock {
    pub next: u16,
    pub size: u16,
}

/// A table leaf cell: the payload's size, the rowid, the payload's first bytes, and the first
/// overflow page if the rest spills. On the page: all of P if P <= U - 35; otherwise, with
/// M = (U - 12) * 32 / 255 - 23 and K = M + (P - M) % (U - 4), K bytes if K <= U - 35, else M.
#[derive(Overlay)]
#[overlay(param = "usable")]
pub struct TableLeafCell {
    pub payload_size: SqliteVarint,
    pub rowid: SqliteVarint,
    #[overlay(bytes = "if_else(payload_size <= usable - 35, payload_size, \
        if_else((usable - 12) * 32 / 255 - 23 + (payload_size - ((usable - 12) * 32 / 255 - 23)) \
        % (usable - 4) <= usable - 35, (usable - 12) * 32 / 255 - 23 + (payload_size - \
        ((usable - 12) * 32 / 255 - 23)) % (usable - 4), (usable - 12) * 32 / 255 - 23))")]
    pub local: VarBytes,
    #[overlay(bytes = "if_else(payload_size <= usable - 35, 0, 4)")]
    pub first_overflow: VarBytes,
}

/// A table interior cell: the left child and the largest rowid under it.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct TableInteriorCell {
    pub left_child: u32,
    pub key: SqliteVarint,
}

/// An index leaf cell: as a table leaf cell without a rowid, and with X = (U - 12) * 64 / 255
/// - 23 as the most that stays on the page.
#[derive(Overlay)]
#[overlay(param = "usable")]
pub struct IndexLeafCell {
    pub payload_size: SqliteVarint,
    #[overlay(
        bytes = "if_else(payload_size <= (usable - 12) * 64 / 255 - 23, payload_size, \
        if_else((usable - 12) * 32 / 255 - 23 + (payload_size - ((usable - 12) * 32 / 255 - 23)) \
        % (usable - 4) <= (usable - 12) * 64 / 255 - 23, (usable - 12) * 32 / 255 - 23 + \
        (payload_size - ((usable - 12) * 32 / 255 - 23)) % (usable - 4), \
        (usable - 12) * 32 / 255 - 23))"
    )]
    pub local: VarBytes,
    #[overlay(bytes = "if_else(payload_size <= (usable - 12) * 64 / 255 - 23, 0, 4)")]
    pub first_overflow: VarBytes,
}

/// An index interior cell: a left child, then an index leaf cell's fields.
#[derive(Overlay)]
#[overlay(endian = "big", param = "usable")]
pub struct IndexInteriorCell {
    pub left_child: u32,
    pub payload_size: SqliteVarint,
    #[overlay(
        bytes = "if_else(payload_size <= (usable - 12) * 64 / 255 - 23, payload_size, \
        if_else((usable - 12) * 32 / 255 - 23 + (payload_size - ((usable - 12) * 32 / 255 - 23)) \
        % (usable - 4) <= (usable - 12) * 64 / 255 - 23, (usable - 12) * 32 / 255 - 23 + \
        (payload_size - ((usable - 12) * 32 / 255 - 23)) % (usable - 4), \
        (usable - 12) * 32 / 255 - 23))"
    )]
    pub local: VarBytes,
    #[overlay(bytes = "if_else(payload_size <= (usable - 12) * 64 / 255 - 23, 0, 4)")]
    pub first_overflow: VarBytes,
}

/// An overflow page: the next one's number (0 on the last), then payload.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct OverflowPage {
    pub next: u32,
    #[overlay(rest)]
    pub content: VarBytes,
}

/// A freelist trunk page: the next trunk, and the leaf pages it lists.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct FreelistTrunk {
    pub next: u32,
    pub count: u32,
    #[overlay(count = "count")]
    pub leaves: VarRecords<u32>,
}

/// A record (section 2.1): the header's size, counting itself, then the serial types and the
/// values.
#[derive(Overlay)]
pub struct RecordHeader {
    pub header_size: SqliteVarint,
    #[overlay(rest)]
    pub rest: VarBytes,
}

/// One column's serial type.
#[derive(Overlay)]
pub struct SerialType {
    pub code: SqliteVarint,
}

/// A problem, already worded: one line naming the record and the file offset.
type Problem = String;

fn problem(what: &str, page: u32, offset: usize, error: impl std::fmt::Display) -> Problem {
    format!("page {page} ({what}) at file offset {offset}: {error}")
}

/// The database: the header and where its pages are.
pub struct Database<'a> {
    file: &'a [u8],
    header: DbHeaderView<'a>,
    page_size: usize,
    usable: usize,
}

/// One line of `--pages`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageStat {
    pub pageno: u32,
    pub kind: &'static str,
    pub cells: u32,
    pub payload: i64,
    pub unused: i64,
    pub mx_payload: i64,
}

impl<'a> Database<'a> {
    pub fn open(file: &'a [u8]) -> Result<Self, Problem> {
        let (header, _) = DbHeader::view_prefix(file).map_err(|e| e.to_string())?;
        let page_size = match header.page_size() {
            1 => 65536,
            n => usize::from(n),
        };
        if !page_size.is_power_of_two() || !(512..=65536).contains(&page_size) {
            return Err(format!(
                "DbHeader.page_size at offset 16: {page_size} is not a power of two from 512 to \
                 65536"
            ));
        }
        let usable = page_size - usize::from(header.reserved_bytes());
        if usable < 480 {
            return Err(format!(
                "DbHeader.reserved_bytes at offset 20: {} leaves {usable} usable bytes a page, \
                 fewer than 480",
                header.reserved_bytes()
            ));
        }
        Ok(Database {
            file,
            header,
            page_size,
            usable,
        })
    }

    /// The database's pages: the header's count when it is valid (its `version_valid_for`
    /// matches the change counter, as SQLite requires), else the file's size in pages; never
    /// more than the file holds.
    pub fn page_count(&self) -> u32 {
        let h = &self.header;
        let in_file = (self.file.len() / self.page_size) as u64;
        let count = if h.version_valid_for() == h.change_counter() && h.page_count() != 0 {
            in_file.min(u64::from(h.page_count()))
        } else {
            in_file
        };
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// Page `n`'s bytes and its offset in the file.
    fn page(&self, n: u32) -> Result<(&'a [u8], usize), Problem> {
        if n == 0 || n > self.page_count() {
            return Err(format!(
                "page number {n} is outside the database's {} pages",
                self.page_count()
            ));
        }
        let start = (n as usize - 1) * self.page_size;
        match self.file.get(start..start + self.page_size) {
            Some(bytes) => Ok((bytes, start)),
            None => Err(format!(
                "page {n} at file offset {start}: past the end of the file"
            )),
        }
    }

    /// The header's fields, one `name: value` line each.
    pub fn header_lines(&self, out: &mut String) {
        let h = &self.header;
        let encoding = match h.text_encoding() {
            1 => " (UTF-8)",
            2 => " (UTF-16le)",
            3 => " (UTF-16be)",
            _ => "",
        };
        let fields: [(&str, u64); 17] = [
            ("page_size", self.page_size as u64),
            ("write_version", h.write_version().into()),
            ("read_version", h.read_version().into()),
            ("reserved_bytes", h.reserved_bytes().into()),
            ("change_counter", h.change_counter().into()),
            ("page_count", h.page_count().into()),
            ("freelist_trunk", h.freelist_trunk().into()),
            ("freelist_count", h.freelist_count().into()),
            ("schema_cookie", h.schema_cookie().into()),
            ("schema_format", h.schema_format().into()),
            ("default_cache_size", h.default_cache_size().into()),
            ("largest_root", h.largest_root().into()),
            ("text_encoding", h.text_encoding().into()),
            ("user_version", h.user_version().into()),
            ("incremental_vacuum", h.incremental_vacuum().into()),
            ("application_id", h.application_id().into()),
            ("version_valid_for", h.version_valid_for().into()),
        ];
        for (name, value) in fields {
            let _ = write!(out, "{name}: {value}");
            if name == "text_encoding" {
                out.push_str(encoding);
            }
            out.push('\n');
        }
        let _ = writeln!(out, "sqlite_version: {}", h.sqlite_version());
    }

    /// The freelist's pages, trunks and leaves, checked against the header's count.
    pub fn freelist(&self) -> Result<Vec<u32>, Problem> {
        let mut pages = Vec::new();
        let mut trunk = self.header.freelist_trunk();
        while trunk != 0 {
            if pages.len() > self.page_count() as usize {
                return Err("the freelist has a cycle".to_owned());
            }
            let (bytes, start) = self.page(trunk)?;
            let (view, _) = FreelistTrunk::view_prefix(bytes)
                .map_err(|e| problem("freelist trunk", trunk, start, e.offset_by(start)))?;
            pages.push(trunk);
            pages.extend(view.leaves().iter());
            trunk = view.next();
        }
        if pages.len() as u64 != u64::from(self.header.freelist_count()) {
            return Err(format!(
                "DbHeader.freelist_count at offset 36: {} pages, but the freelist holds {}",
                self.header.freelist_count(),
                pages.len()
            ));
        }
        Ok(pages)
    }

    /// The b-tree roots `dbstat` walks: the schema table's (page 1), then every table's and
    /// index's in the schema (`rootpage` is the fourth column of its rows).
    pub fn roots(&self) -> Result<Vec<u32>, Problem> {
        let mut roots = vec![1];
        let mut payload = Vec::new();
        let mut stack = vec![1u32];
        let mut visited = 0usize;
        while let Some(n) = stack.pop() {
            visited += 1;
            if visited > self.page_count() as usize {
                return Err("the schema table's b-tree has a cycle".to_owned());
            }
            let page = self.btree_page(n)?;
            let (bytes, start) = self.page(n)?;
            for (index, pointer) in page.header.pointers().iter().enumerate() {
                let at = usize::from(pointer);
                let cell = bytes.get(at..).unwrap_or(&[]);
                match page.header.kind() {
                    0x05 => {
                        let (interior, _) = TableInteriorCell::view_prefix(cell).map_err(|e| {
                            problem("table interior cell", n, start, e.offset_by(start + at))
                        })?;
                        stack.push(interior.left_child());
                    }
                    0x0d => {
                        let (leaf, _) = TableLeafCell::view_prefix_in(
                            cell,
                            TableLeafCellParams {
                                usable: self.usable as i64,
                            },
                        )
                        .map_err(|e| problem("schema cell", n, start, e.offset_by(start + at)))?;
                        self.reassemble(&leaf, &mut payload)?;
                        if let Some(root) = schema_rootpage(&payload) {
                            if root != 0 {
                                roots.push(root);
                            }
                        } else {
                            return Err(format!(
                                "page {n}, cell {index} at file offset {}: not a schema record",
                                start + at
                            ));
                        }
                    }
                    other => {
                        return Err(format!(
                            "page {n} at file offset {start}: the schema table's b-tree holds a \
                             page of kind {other}"
                        ))
                    }
                }
            }
            if let Some(right) = page.right_child {
                stack.push(right);
            }
        }
        Ok(roots)
    }

    /// A table leaf cell's whole payload, from the page and the overflow chain, into `out`.
    fn reassemble(&self, cell: &TableLeafCellView<'_>, out: &mut Vec<u8>) -> Result<(), Problem> {
        out.clear();
        out.extend_from_slice(cell.local());
        let total = usize::try_from(cell.payload_size()).unwrap_or(usize::MAX);
        let mut next = overflow_page(cell.first_overflow());
        let mut pages = 0u32;
        while out.len() < total {
            pages += 1;
            if pages > self.page_count() {
                return Err(format!(
                    "a {total}-byte payload's overflow chain is longer than the database"
                ));
            }
            if next == 0 {
                return Err(format!(
                    "a {total}-byte payload ends after {} bytes: its overflow chain is short",
                    out.len()
                ));
            }
            let (bytes, start) = self.page(next)?;
            let page = OverflowPage::view(&bytes[..self.usable])
                .map_err(|e| problem("overflow", next, start, e.offset_by(start)))?;
            let take = (total - out.len()).min(page.content().len());
            out.extend_from_slice(&page.content()[..take]);
            next = page.next();
        }
        Ok(())
    }

    /// Page `n` as a b-tree page: its header (after the file header on page 1).
    fn btree_page(&self, n: u32) -> Result<BtreePage<'a>, Problem> {
        let (bytes, start) = self.page(n)?;
        let at = if n == 1 { 100 } else { 0 };
        let (header, _) = PageHeader::view_prefix(&bytes[at..])
            .map_err(|e| problem("b-tree", n, start, e.offset_by(start + at)))?;
        let right_child = match header.end() {
            HeaderEndView::Interior(child) => Some(child.page()),
            HeaderEndView::Leaf(_) => None,
        };
        Ok(BtreePage {
            header,
            right_child,
            header_size: at + if right_child.is_some() { 12 } else { 8 },
        })
    }

    /// Every b-tree and overflow page under `roots`, as `dbstat` counts them, in page order.
    pub fn page_stats(&self, roots: &[u32]) -> Result<Vec<PageStat>, Problem> {
        let count = self.page_count() as usize;
        let mut seen = vec![false; count + 1];
        let mut stats = Vec::with_capacity(count);
        let mut stack: Vec<u32> = roots.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            let slot = seen.get_mut(n as usize).ok_or_else(|| {
                format!("page number {n} is outside the database's {count} pages")
            })?;
            if std::mem::replace(slot, true) {
                return Err(format!(
                    "page {n} is reached twice: the b-trees have a cycle"
                ));
            }
            let page = self.btree_page(n)?;
            let (bytes, start) = self.page(n)?;
            let kind = page.header.kind();
            let mut stat = PageStat {
                pageno: n,
                kind: if page.right_child.is_some() {
                    "internal"
                } else {
                    "leaf"
                },
                cells: u32::from(page.header.cells()),
                payload: 0,
                unused: self.unused(&page, bytes, n, start)?,
                mx_payload: 0,
            };
            let params = self.usable as i64;
            for pointer in page.header.pointers().iter() {
                let at = usize::from(pointer);
                let cell = bytes.get(at..).unwrap_or(&[]);
                let located = |what: &str, e: overlay::Error| {
                    problem(what, n, start, e.offset_by(start + at))
                };
                let (local, total, first_overflow) = match kind {
                    0x05 => {
                        let (c, _) = TableInteriorCell::view_prefix(cell)
                            .map_err(|e| located("table interior cell", e))?;
                        stack.push(c.left_child());
                        continue;
                    }
                    0x0d => {
                        let (c, _) = TableLeafCell::view_prefix_in(
                            cell,
                            TableLeafCellParams { usable: params },
                        )
                        .map_err(|e| located("table leaf cell", e))?;
                        (c.local().len(), c.payload_size(), c.first_overflow())
                    }
                    0x0a => {
                        let (c, _) = IndexLeafCell::view_prefix_in(
                            cell,
                            IndexLeafCellParams { usable: params },
                        )
                        .map_err(|e| located("index leaf cell", e))?;
                        (c.local().len(), c.payload_size(), c.first_overflow())
                    }
                    _ => {
                        let (c, _) = IndexInteriorCell::view_prefix_in(
                            cell,
                            IndexInteriorCellParams { usable: params },
                        )
                        .map_err(|e| located("index interior cell", e))?;
                        stack.push(c.left_child());
                        (c.local().len(), c.payload_size(), c.first_overflow())
                    }
                };
                stat.payload += local as i64;
                stat.mx_payload = stat.mx_payload.max(total);
                self.overflow_stats(first_overflow, total - local as i64, &mut seen, &mut stats)?;
            }
            if let Some(right) = page.right_child {
                stack.push(right);
            }
            stats.push(stat);
        }
        stats.sort_unstable_by_key(|s| s.pageno);
        Ok(stats)
    }

    /// The bytes of page `n` no cell uses, as `dbstat` counts them: between the cell pointers
    /// and the cell content area, in fragments, and in freeblocks.
    fn unused(
        &self,
        page: &BtreePage<'_>,
        bytes: &[u8],
        n: u32,
        start: usize,
    ) -> Result<i64, Problem> {
        let h = &page.header;
        let mut unused =
            i64::from(h.content_start()) - page.header_size as i64 - 2 * i64::from(h.cells())
                + i64::from(h.fragmented());
        let mut at = usize::from(h.first_freeblock());
        let mut steps = 0;
        while at != 0 {
            steps += 1;
            let block = bytes
                .get(at..)
                .filter(|_| steps <= bytes.len() / 4)
                .and_then(|b| Freeblock::view_prefix(b).ok())
                .ok_or_else(|| {
                    format!(
                        "page {n}, freeblock at file offset {}: past the page or in a cycle",
                        start + at
                    )
                })?
                .0;
            unused += i64::from(block.size());
            at = usize::from(block.next());
        }
        Ok(unused)
    }

    /// The overflow pages of a cell whose payload has `spilled` bytes past the page, starting at
    /// `first` (4 bytes, or none when nothing spills).
    fn overflow_stats(
        &self,
        first: &[u8],
        spilled: i64,
        seen: &mut [bool],
        stats: &mut Vec<PageStat>,
    ) -> Result<(), Problem> {
        if spilled <= 0 {
            return Ok(());
        }
        let per_page = self.usable as i64 - 4;
        let pages = (spilled + per_page - 1) / per_page;
        let mut next = overflow_page(first);
        for index in 0..pages {
            let slot = seen
                .get_mut(next as usize)
                .filter(|_| next != 0)
                .ok_or_else(|| {
                    format!("overflow page number {next} is outside the database's pages")
                })?;
            if std::mem::replace(slot, true) {
                return Err(format!("overflow page {next} is reached twice"));
            }
            let (bytes, start) = self.page(next)?;
            let page = OverflowPage::view_prefix(bytes)
                .map_err(|e| problem("overflow", next, start, e.offset_by(start)))?
                .0;
            let last = index + 1 == pages;
            let payload = if last {
                spilled - (pages - 1) * per_page
            } else {
                per_page
            };
            stats.push(PageStat {
                pageno: next,
                kind: "overflow",
                cells: 0,
                payload,
                unused: if last { per_page - payload } else { 0 },
                mx_payload: 0,
            });
            next = page.next();
        }
        Ok(())
    }
}

/// A b-tree page's header and what `dbstat` needs of it.
struct BtreePage<'a> {
    header: PageHeaderView<'a>,
    right_child: Option<u32>,
    /// The header's bytes from the page's start: 8 or 12, and 100 more on page 1.
    header_size: usize,
}

/// The page number in a cell's 4-byte overflow pointer, 0 for none.
fn overflow_page(bytes: &[u8]) -> u32 {
    <[u8; 4]>::try_from(bytes).map_or(0, u32::from_be_bytes)
}

/// The `rootpage` of a schema table row's record (its fourth column, an integer), if the record
/// reads as one.
fn schema_rootpage(record: &[u8]) -> Option<u32> {
    let header = RecordHeader::view(record).ok()?;
    let header_size = usize::try_from(header.header_size()).ok()?;
    let types = record.get(record.len() - header.rest().len()..header_size)?;
    let mut offset = header_size;
    for (column, serial) in SerialType::stream(types).enumerate() {
        let code = serial.ok()?.code();
        let size = match code {
            0 | 8 | 9 | 12 | 13 => 0,
            1..=4 => code as usize,
            5 => 6,
            6 | 7 => 8,
            n if n >= 12 => ((n - 12) / 2) as usize,
            _ => return None,
        };
        if column == 3 {
            let value = record.get(offset..offset + size)?;
            let root = match code {
                8 => 0,
                9 => 1,
                1..=6 => value.iter().fold(0i64, |acc, b| acc << 8 | i64::from(*b)),
                _ => return None,
            };
            return u32::try_from(root).ok();
        }
        offset += size;
    }
    None
}

/// Runs one mode on `file`, writing its lines into `out`.
pub fn run(mode: &str, file: &[u8], out: &mut String) -> Result<(), Problem> {
    let db = Database::open(file)?;
    match mode {
        "--header" => db.header_lines(out),
        _ => {
            db.freelist()?;
            let roots = db.roots()?;
            for s in db.page_stats(&roots)? {
                let _ = writeln!(
                    out,
                    "{} {} {} {} {} {}",
                    s.pageno, s.kind, s.cells, s.payload, s.unused, s.mx_payload
                );
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut mode = "--header".to_owned();
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--header" | "--pages" => mode = arg,
            flag if flag.starts_with("--") => {
                eprintln!("error: unknown option {flag}; expected --header or --pages");
                return ExitCode::FAILURE;
            }
            _ => path = Some(std::path::PathBuf::from(arg)),
        }
    }
    let path =
        path.unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample.db").into());
    let mut out = String::new();
    let result = input::open(&path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| run(&mode, &bytes, &mut out));
    if let Err(e) = result {
        eprintln!("error: {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    match io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
