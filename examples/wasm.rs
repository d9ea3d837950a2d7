//! A WebAssembly module read in place: the header, every section (an id byte, a LEB128 size,
//! the contents) and the entries of the type, import, function, table, memory, global, export,
//! start, element, code, data, data count and tag sections and of the custom `name` and
//! `target_features` sections, printed the way wabt's `wasm-objdump -h` and `-x` print them.
//!
//! `cargo run --example wasm -- [-h] [-x] FILE` reads FILE; with no file it reads
//! `examples/data/sample.wasm` (assembled from `sample.wat` beside it, see `make_sample.sh`).
//! `-h` lists the sections, `-x` prints their details, both print both; no flag is `-h`.
//!
//! Every record is a `#[derive(Overlay)]` view of the mapped file: a section is a
//! variable-length record whose `contents` are sized by its LEB128 `size`, and a vector is a
//! LEB128 count followed by its entries, each viewed with `view_prefix` where the one before
//! it ends. Nothing is copied: names and data are printed from the file's bytes, and the only
//! allocations are one table of names for the whole module (sized before it is filled) and the
//! output buffer.
//!
//! Bad input (a bad magic or version, a truncated file, an overlong LEB128, a size or a count
//! past the end of its section, an unknown section, kind or type) is one line on standard error
//! naming the record and its offset, and exit status 1; the sections before it are printed.
//!
//! `tests/wasm_objdump.rs` compares this output with `wasm-objdump -h` and `-x`, line for line.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use overlay::{Overlay, Sleb128, Uleb128, VarBytes, VarOverlay};

#[path = "input.rs"]
mod input;

/// The module header: `\0asm`, then the binary format's version (1), little-endian.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct Header {
    pub magic: [u8; 4],
    pub version: u32,
}

/// A section: its id, the size of its contents, the contents.
#[derive(Overlay)]
pub struct Section {
    pub id: u8,
    pub len: Uleb128,
    #[overlay(bytes = "len")]
    pub contents: VarBytes,
}

/// An unsigned LEB128 on its own: a vector's count, an index, a limit, a segment's flags.
#[derive(Overlay)]
pub struct Leb {
    pub value: Uleb128,
}

/// A signed LEB128 on its own: the immediate of `i32.const` and `i64.const`.
#[derive(Overlay)]
pub struct SignedLeb {
    pub value: Sleb128,
}

/// A single byte on its own: an import's or an element segment's kind, a type, an opcode.
#[derive(Overlay)]
pub struct Byte {
    pub value: u8,
}

/// Bytes with their length in front: a name (UTF-8) or a data segment's contents.
#[derive(Overlay)]
pub struct Bytes {
    pub len: Uleb128,
    #[overlay(bytes = "len")]
    pub bytes: VarBytes,
}

/// A function type: `0x60`, the parameter types, the result types. Every type this example
/// reads is one byte, so each list is viewed as bytes.
#[derive(Overlay)]
pub struct FuncType {
    pub form: u8,
    pub param_count: Uleb128,
    #[overlay(bytes = "param_count")]
    pub params: VarBytes,
    pub result_count: Uleb128,
    #[overlay(bytes = "result_count")]
    pub results: VarBytes,
}

/// An import's two names. What it imports follows as records of their own: a kind byte (a
/// fixed field cannot follow the names' variable-length bytes in one record, and what comes
/// after the kind depends on it), then the kind's descriptor.
#[derive(Overlay)]
pub struct Import {
    pub module_len: Uleb128,
    #[overlay(bytes = "module_len")]
    pub module: VarBytes,
    pub field_len: Uleb128,
    #[overlay(bytes = "field_len")]
    pub field: VarBytes,
}

/// A table: its element type and limits (a maximum follows when `flags` has bit 0).
#[derive(Overlay)]
pub struct TableType {
    pub elem_type: u8,
    pub flags: u8,
    pub initial: Uleb128,
}

/// A memory's limits in pages (a maximum follows when `flags` has bit 0).
#[derive(Overlay)]
pub struct Limits {
    pub flags: u8,
    pub initial: Uleb128,
}

/// A global's value type and mutability (0 or 1).
#[derive(Overlay)]
pub struct GlobalType {
    pub value_type: u8,
    pub mutable: u8,
}

/// An exception tag: an attribute (0) and its function type.
#[derive(Overlay)]
pub struct TagType {
    pub attribute: u8,
    pub type_index: Uleb128,
}

/// An export's name. Its kind byte and index follow as an [`ExportDesc`]: a fixed field
/// cannot follow the name's variable-length bytes in one record.
#[derive(Overlay)]
pub struct Export {
    pub name_len: Uleb128,
    #[overlay(bytes = "name_len")]
    pub name: VarBytes,
}

/// What an export exports: its kind and the index of the function, table, memory, global or
/// tag.
#[derive(Overlay)]
pub struct ExportDesc {
    pub kind: u8,
    pub index: Uleb128,
}

/// A function body: its size, then the local declarations and the code.
#[derive(Overlay)]
pub struct Body {
    pub len: Uleb128,
    #[overlay(bytes = "len")]
    pub code: VarBytes,
}

/// The immediate of `f32.const`.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct F32 {
    pub bits: u32,
}

/// The immediate of `f64.const`.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct F64 {
    pub bits: u64,
}

/// The immediate of `v128.const`, as four 32-bit lanes (wasm-objdump prints it so).
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct V128 {
    pub lanes: [u32; 4],
}

/// A subsection of the `name` section: its id, size and contents.
#[derive(Overlay)]
pub struct Subsection {
    pub id: u8,
    pub len: Uleb128,
    #[overlay(bytes = "len")]
    pub contents: VarBytes,
}

/// One entry of a name map: an index and its name.
#[derive(Overlay)]
pub struct NameAssoc {
    pub index: Uleb128,
    pub name_len: Uleb128,
    #[overlay(bytes = "name_len")]
    pub name: VarBytes,
}

/// One entry of `target_features`: `+`, `-` or `=`, and the feature's name.
#[derive(Overlay)]
pub struct Feature {
    pub prefix: u8,
    pub name_len: Uleb128,
    #[overlay(bytes = "name_len")]
    pub name: VarBytes,
}

const MAGIC: [u8; 4] = *b"\0asm";
const VERSION: u32 = 1;

const CUSTOM: u8 = 0;
const TYPE: u8 = 1;
const IMPORT: u8 = 2;
const FUNCTION: u8 = 3;
const TABLE: u8 = 4;
const MEMORY: u8 = 5;
const GLOBAL: u8 = 6;
const EXPORT: u8 = 7;
const START: u8 = 8;
const ELEM: u8 = 9;
const CODE: u8 = 10;
const DATA: u8 = 11;
const DATA_COUNT: u8 = 12;
const TAG: u8 = 13;

/// wabt's name of each section id, and its rank in the order the known sections must come in.
fn section_name(id: u8) -> Option<(&'static str, u8)> {
    Some(match id {
        CUSTOM => ("Custom", 0),
        TYPE => ("Type", 1),
        IMPORT => ("Import", 2),
        FUNCTION => ("Function", 3),
        TABLE => ("Table", 4),
        MEMORY => ("Memory", 5),
        TAG => ("Tag", 6),
        GLOBAL => ("Global", 7),
        EXPORT => ("Export", 8),
        START => ("Start", 9),
        ELEM => ("Elem", 10),
        DATA_COUNT => ("DataCount", 11),
        CODE => ("Code", 12),
        DATA => ("Data", 13),
        _ => return None,
    })
}

/// The kinds of import and export, by their byte.
const KIND_NAMES: [&str; 5] = ["func", "table", "memory", "global", "tag"];
const FUNC: u8 = 0;
const TABLE_KIND: u8 = 1;
const MEMORY_KIND: u8 = 2;
const GLOBAL_KIND: u8 = 3;
const TAG_KIND: u8 = 4;

/// The name section's subsections, by id.
const SUBSECTION_NAMES: [&str; 11] = [
    "module", "function", "local", "label", "type", "table", "memory", "global", "elemseg",
    "dataseg", "tag",
];

/// A value type's name, as wabt prints it.
fn value_type(byte: u8) -> Option<&'static str> {
    Some(match byte {
        0x7f => "i32",
        0x7e => "i64",
        0x7d => "f32",
        0x7c => "f64",
        0x7b => "v128",
        0x70 => "funcref",
        0x6f => "externref",
        _ => return None,
    })
}

fn ref_type(byte: u8) -> Option<&'static str> {
    match byte {
        0x70 | 0x6f => value_type(byte),
        _ => None,
    }
}

/// Why a module could not be decoded: the record, where it starts, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The record, such as `module header` or `Import section entry 3`.
    pub record: String,
    /// Where the record (or the part of it at fault) starts in the file.
    pub offset: usize,
    /// What is wrong, as the end of a sentence.
    pub problem: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at offset {}: {}",
            self.record, self.offset, self.problem
        )
    }
}

impl std::error::Error for DecodeError {}

/// Why printing stopped: the module is bad, or the output could not be written.
#[derive(Debug)]
pub enum Failure {
    Decode(DecodeError),
    Output(io::Error),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Decode(error) => error.fmt(f),
            Failure::Output(error) => write!(f, "writing the output: {error}"),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Output(error)
    }
}

impl From<DecodeError> for Failure {
    fn from(error: DecodeError) -> Self {
        Failure::Decode(error)
    }
}

/// Where a record is read, for error messages: a section's entry or a part of the module.
#[derive(Clone, Copy)]
enum Place {
    /// The module as a whole (its header, a section's header).
    Module(&'static str),
    /// Entry `index` of the section named.
    Entry(&'static str, u64),
    /// The section named, outside its entries (its count, a start index).
    Section(&'static str),
}

impl Place {
    fn record(self) -> String {
        match self {
            Place::Module(what) => what.to_owned(),
            Place::Entry(section, index) => format!("{section} section entry {index}"),
            Place::Section(section) => format!("{section} section"),
        }
    }

    fn fail<T, E: From<DecodeError>>(
        self,
        offset: usize,
        problem: impl Into<String>,
    ) -> Result<T, E> {
        Err(E::from(DecodeError {
            record: self.record(),
            offset,
            problem: problem.into(),
        }))
    }
}

/// Reads records back to back up to `end`, the end of a section or a subsection; errors count
/// offsets from the start of the file.
struct Cursor<'a> {
    file: &'a [u8],
    at: usize,
    end: usize,
}

impl<'a> Cursor<'a> {
    fn new(file: &'a [u8], at: usize, end: usize) -> Self {
        Cursor { file, at, end }
    }

    fn left(&self) -> usize {
        self.end - self.at
    }

    fn rest(&self) -> &'a [u8] {
        &self.file[self.at..self.end]
    }

    /// The variable-length record `T` at the cursor, which moves past it.
    fn var<T: VarOverlay>(&mut self, place: Place) -> Result<T::View<'a>, DecodeError> {
        let bytes = self.rest();
        match T::view_prefix(bytes) {
            Ok((view, after)) => {
                self.at += bytes.len() - after.len();
                Ok(view)
            }
            Err(error) => place.fail(self.at, error.offset_by(self.at).to_string()),
        }
    }

    /// The fixed-size record `T` at the cursor, which moves past it.
    fn fixed<T: Overlay>(&mut self, place: Place) -> Result<T::View<'a>, DecodeError> {
        let bytes = self.rest();
        match T::view_prefix(bytes) {
            Ok((view, after)) => {
                self.at += bytes.len() - after.len();
                Ok(view)
            }
            Err(error) => place.fail(self.at, error.offset_by(self.at).to_string()),
        }
    }

    /// An unsigned LEB128 that must fit in 32 bits, as every index, count and size does.
    fn u32(&mut self, place: Place, what: &str) -> Result<u32, DecodeError> {
        let at = self.at;
        let value = self.var::<Leb>(place)?.value();
        u32::try_from(value)
            .or_else(|_| place.fail(at, format!("{what} {value} does not fit in 32 bits")))
    }

    /// A vector's count, which cannot be more than the bytes left (every entry takes one at
    /// least): checked before anything is read, as wabt does.
    fn count(&mut self, place: Place, what: &str) -> Result<u32, DecodeError> {
        let at = self.at;
        let count = self.u32(place, what)?;
        if count as usize > self.left() {
            return place.fail(
                at,
                format!(
                    "{what} {count} is more than the {} bytes left in the section",
                    self.left()
                ),
            );
        }
        Ok(count)
    }

    fn byte(&mut self, place: Place) -> Result<u8, DecodeError> {
        Ok(self.fixed::<Byte>(place)?.value())
    }

    /// A UTF-8 name with its length in front.
    fn name(&mut self, place: Place) -> Result<&'a [u8], DecodeError> {
        let at = self.at;
        let name = self.var::<Bytes>(place)?.bytes();
        utf8(name, place, at)
    }

    /// Fails unless the cursor is at `end`: the entries must fill their section.
    fn finish(&self, place: Place) -> Result<(), DecodeError> {
        if self.at != self.end {
            return place.fail(
                self.at,
                format!(
                    "the entries end {} bytes before the end of the section, at offset {}",
                    self.left(),
                    self.end
                ),
            );
        }
        Ok(())
    }
}

fn utf8(name: &[u8], place: Place, at: usize) -> Result<&[u8], DecodeError> {
    match std::str::from_utf8(name) {
        Ok(_) => Ok(name),
        Err(error) => place.fail(
            at,
            format!("the name is not UTF-8 (at byte {})", error.valid_up_to()),
        ),
    }
}

/// The name of a function, table, global, tag or data segment, as the module gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label<'a> {
    /// From an export or the `name` section.
    Plain(&'a [u8]),
    /// From an import: `module.field`.
    Qualified(&'a [u8], &'a [u8]),
}

impl Label<'_> {
    fn is_empty(&self) -> bool {
        matches!(self, Label::Plain(name) if name.is_empty())
    }

    fn write(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Label::Plain(name) => out.write_all(name),
            Label::Qualified(module, field) => {
                out.write_all(module)?;
                out.write_all(b".")?;
                out.write_all(field)
            }
        }
    }
}

/// What a name is the name of. Types, memories and element segments are named in the `name`
/// section too, but wasm-objdump shows those names only there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Named {
    /// The module itself (index 0): wasm-objdump prints it under the file's name.
    Module,
    Function,
    Table,
    Global,
    Tag,
    Segment,
}

/// One name given to an item, `order` counting the names in file order.
#[derive(Clone, Copy, Debug)]
struct NameEntry<'a> {
    named: Named,
    index: u32,
    order: u32,
    label: Label<'a>,
}

/// Every name the module gives, sorted by item: imports name what they import
/// (`module.field`), exports name functions and globals, the `name` section names anything.
/// When an item has several, the last in the file wins, as in wasm-objdump.
#[derive(Default)]
struct Names<'a> {
    entries: Vec<NameEntry<'a>>,
}

impl<'a> Names<'a> {
    fn get(&self, named: Named, index: u32) -> Option<Label<'a>> {
        let end = self
            .entries
            .partition_point(|e| (e.named, e.index) <= (named, index));
        let last = self.entries.get(end.checked_sub(1)?)?;
        ((last.named, last.index) == (named, index)).then_some(last.label)
    }
}

/// What the walk over the sections does with the names it meets.
enum Collect<'a> {
    /// Nothing: printing, with the names already known.
    Nothing,
    /// Counts them, so that the table is allocated once, at its size.
    Count(usize),
    /// Records them.
    Record(Vec<NameEntry<'a>>),
}

/// One constant instruction of an initializer expression.
#[derive(Clone, Copy, Debug)]
enum Instr {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
    V128([u32; 4]),
    GlobalGet(u32),
    RefNull,
    RefFunc(u32),
    /// `i32.add` and the other extended-constant arithmetic, by name.
    Arith(&'static str),
}

/// An initializer expression: up to `MAX_INSTRS` instructions, held on the stack.
const MAX_INSTRS: usize = 16;

#[derive(Clone, Copy)]
struct InitExpr {
    instrs: [Instr; MAX_INSTRS],
    len: usize,
}

impl InitExpr {
    fn instrs(&self) -> &[Instr] {
        &self.instrs[..self.len]
    }

    /// The constant offset of an active segment, if the expression is one constant: wabt
    /// keeps the previous segment's offset otherwise (and for passive segments).
    fn const_offset(&self) -> Option<u64> {
        match self.instrs() {
            [Instr::I32(value)] => Some(u64::from(*value as u32)),
            [Instr::I64(value)] => Some(*value as u64),
            _ => None,
        }
    }
}

/// The walk over the sections: prints their details (`-x`) to `out` and numbers their
/// entries as wasm-objdump does (imports first).
struct Walk<'a, 'w> {
    file: &'a [u8],
    out: &'w mut dyn Write,
    names: &'w Names<'a>,
    collect: Collect<'a>,
    func_imports: u32,
    table_imports: u32,
    memory_imports: u32,
    global_imports: u32,
    tag_imports: u32,
    functions: u32,
    /// Whether the module has a code section (its count is checked against `functions`).
    has_code: bool,
    /// The offsets of the last active element and data segments with a constant offset.
    elem_offset: u64,
    data_offset: u64,
    /// The rank of the last known section, to check their order.
    last_rank: u8,
    seen: [bool; 14],
    seen_name_section: bool,
}

impl<'a, 'w> Walk<'a, 'w> {
    fn new(
        file: &'a [u8],
        out: &'w mut dyn Write,
        names: &'w Names<'a>,
        collect: Collect<'a>,
    ) -> Self {
        Walk {
            file,
            out,
            names,
            collect,
            func_imports: 0,
            table_imports: 0,
            memory_imports: 0,
            global_imports: 0,
            tag_imports: 0,
            functions: 0,
            has_code: false,
            elem_offset: 0,
            data_offset: 0,
            last_rank: 0,
            seen: [false; 14],
            seen_name_section: false,
        }
    }

    fn name(&mut self, named: Named, index: u32, label: Label<'a>) {
        match &mut self.collect {
            Collect::Nothing => {}
            Collect::Count(count) => *count += 1,
            Collect::Record(entries) => {
                let order = entries.len() as u32;
                // Never grows: the count pass sized it.
                entries.push(NameEntry {
                    named,
                    index,
                    order,
                    label,
                });
            }
        }
    }

    /// ` <name>` after an item, if it has a name.
    fn label(&mut self, named: Named, index: u32) -> io::Result<()> {
        match self.names.get(named, index) {
            Some(label) if !label.is_empty() => {
                self.out.write_all(b" <")?;
                label.write(self.out)?;
                self.out.write_all(b">")
            }
            _ => Ok(()),
        }
    }

    /// Prints the details of the section at `offset` (its id byte).
    fn section(&mut self, offset: usize, section: SectionView<'a>) -> Result<(), Failure> {
        let id = section.id();
        let Some((name, rank)) = section_name(id) else {
            return Place::Module("section header")
                .fail(offset, format!("invalid section code {id}"));
        };
        let end = offset + section.as_bytes().len();
        let start = end - section.contents().len();
        if id != CUSTOM {
            let place = Place::Section(name);
            if self.seen[usize::from(id)] {
                return place.fail(
                    offset,
                    format!("the module has more than one {name} section"),
                );
            }
            if rank <= self.last_rank {
                return place.fail(offset, "the section is out of order");
            }
            if self.seen_name_section {
                return place.fail(offset, "a known section cannot come after the name section");
            }
            self.seen[usize::from(id)] = true;
            self.last_rank = rank;
        }
        let mut cursor = Cursor::new(self.file, start, end);
        write!(self.out, "{name}")?;
        match id {
            CUSTOM => self.custom(&mut cursor)?,
            TYPE => self.types(&mut cursor)?,
            IMPORT => self.imports(&mut cursor)?,
            FUNCTION => self.functions(&mut cursor)?,
            TABLE => self.tables(&mut cursor)?,
            MEMORY => self.memories(&mut cursor)?,
            GLOBAL => self.globals(&mut cursor)?,
            EXPORT => self.exports(&mut cursor)?,
            START => {
                let index = cursor.u32(Place::Section(name), "start function index")?;
                write!(self.out, ":\n - start function: {index}")?;
                self.label(Named::Function, index)?;
                writeln!(self.out)?;
            }
            ELEM => self.elements(&mut cursor)?,
            DATA_COUNT => {
                let count = cursor.u32(Place::Section(name), "data count")?;
                writeln!(self.out, ":\n - data count: {count}")?;
            }
            CODE => self.code(&mut cursor)?,
            DATA => self.data(&mut cursor)?,
            // TAG, the one id left that `section_name` knows.
            _ => self.tags(&mut cursor)?,
        }
        cursor.finish(Place::Section(name))?;
        Ok(())
    }

    /// A vector's count, printed as `[count]:`.
    fn count(&mut self, cursor: &mut Cursor<'a>, section: &'static str) -> Result<u32, Failure> {
        let count = cursor.count(Place::Section(section), "count")?;
        writeln!(self.out, "[{count}]:")?;
        Ok(count)
    }

    fn types(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let count = self.count(cursor, "Type")?;
        for i in 0..count {
            let place = Place::Entry("Type", i.into());
            let at = cursor.at;
            let ty = cursor.var::<FuncType>(place)?;
            if ty.form() != 0x60 {
                return place.fail(
                    at,
                    format!(
                        "unexpected type form {:#x}, this example reads function types (0x60)",
                        ty.form()
                    ),
                );
            }
            write!(self.out, " - type[{i}] (")?;
            for (j, &param) in ty.params().iter().enumerate() {
                if j != 0 {
                    self.out.write_all(b", ")?;
                }
                self.out
                    .write_all(type_name(param, place, at)?.as_bytes())?;
            }
            self.out.write_all(b") -> ")?;
            match ty.results() {
                [] => self.out.write_all(b"nil")?,
                [result] => self
                    .out
                    .write_all(type_name(*result, place, at)?.as_bytes())?,
                results => {
                    self.out.write_all(b"(")?;
                    for (j, &result) in results.iter().enumerate() {
                        if j != 0 {
                            self.out.write_all(b", ")?;
                        }
                        self.out
                            .write_all(type_name(result, place, at)?.as_bytes())?;
                    }
                    self.out.write_all(b")")?;
                }
            }
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn imports(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let count = self.count(cursor, "Import")?;
        for i in 0..count {
            let place = Place::Entry("Import", i.into());
            let at = cursor.at;
            let import = cursor.var::<Import>(place)?;
            let (module, field) = (
                utf8(import.module(), place, at)?,
                utf8(import.field(), place, at)?,
            );
            let kind_at = cursor.at;
            let label = Label::Qualified(module, field);
            match cursor.byte(place)? {
                FUNC => {
                    let index = self.func_imports;
                    let sig = cursor.u32(place, "type index")?;
                    self.name(Named::Function, index, label);
                    write!(self.out, " - func[{index}] sig={sig}")?;
                    self.label(Named::Function, index)?;
                    self.func_imports += 1;
                }
                TABLE_KIND => {
                    let index = self.table_imports;
                    self.name(Named::Table, index, label);
                    write!(self.out, " - table[{index}]")?;
                    self.table_type(cursor, place)?;
                    self.table_imports += 1;
                }
                MEMORY_KIND => {
                    write!(self.out, " - memory[{}]", self.memory_imports)?;
                    self.limits(cursor, place)?;
                    self.memory_imports += 1;
                }
                GLOBAL_KIND => {
                    let index = self.global_imports;
                    self.name(Named::Global, index, label);
                    write!(self.out, " - global[{index}]")?;
                    self.global_type(cursor, place)?;
                    self.global_imports += 1;
                }
                TAG_KIND => {
                    let index = self.tag_imports;
                    let tag_at = cursor.at;
                    let tag = cursor.var::<TagType>(place)?;
                    if tag.attribute() != 0 {
                        return place.fail(tag_at, "tag attribute must be 0");
                    }
                    self.name(Named::Tag, index, label);
                    write!(self.out, " - tag[{index}] sig={}", tag.type_index())?;
                    self.label(Named::Tag, index)?;
                    self.tag_imports += 1;
                }
                kind => return place.fail(kind_at, format!("malformed import kind {kind}")),
            }
            self.out.write_all(b" <- ")?;
            label.write(self.out)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    /// ` type=funcref initial=1 max=2` (no newline).
    fn table_type(&mut self, cursor: &mut Cursor<'a>, place: Place) -> Result<(), Failure> {
        let at = cursor.at;
        let table = cursor.var::<TableType>(place)?;
        let Some(elem_type) = ref_type(table.elem_type()) else {
            return place.fail(
                at,
                format!(
                    "table element type {:#x} is not a reference type",
                    table.elem_type()
                ),
            );
        };
        let flags = table.flags();
        if flags & !1 != 0 {
            return place.fail(at + 1, format!("malformed table limits flags {flags:#x}"));
        }
        let initial = fits_u32(table.initial(), place, at + 2, "table initial size")?;
        write!(self.out, " type={elem_type} initial={initial}")?;
        if flags & 1 != 0 {
            let max = cursor.u32(place, "table maximum size")?;
            write!(self.out, " max={max}")?;
        }
        Ok(())
    }

    /// ` pages: initial=1 max=2 shared i64` (no newline).
    fn limits(&mut self, cursor: &mut Cursor<'a>, place: Place) -> Result<(), Failure> {
        let at = cursor.at;
        let limits = cursor.var::<Limits>(place)?;
        let flags = limits.flags();
        if flags & !7 != 0 {
            return place.fail(at, format!("malformed memory limits flags {flags:#x}"));
        }
        let is_64 = flags & 4 != 0;
        let initial = if is_64 {
            limits.initial()
        } else {
            fits_u32(limits.initial(), place, at + 1, "memory initial size")?.into()
        };
        write!(self.out, " pages: initial={initial}")?;
        if flags & 1 != 0 {
            let max = if is_64 {
                cursor.var::<Leb>(place)?.value()
            } else {
                cursor.u32(place, "memory maximum size")?.into()
            };
            write!(self.out, " max={max}")?;
        }
        if flags & 2 != 0 {
            write!(self.out, " shared")?;
        }
        if is_64 {
            write!(self.out, " i64")?;
        }
        Ok(())
    }

    /// ` i32 mutable=1` (no newline).
    fn global_type(&mut self, cursor: &mut Cursor<'a>, place: Place) -> Result<(), Failure> {
        let at = cursor.at;
        let global = cursor.fixed::<GlobalType>(place)?;
        let ty = type_name(global.value_type(), place, at)?;
        if global.mutable() > 1 {
            return place.fail(at + 1, "global mutability must be 0 or 1");
        }
        write!(self.out, " {ty} mutable={}", global.mutable())?;
        Ok(())
    }

    fn functions(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let count = self.count(cursor, "Function")?;
        self.functions = count;
        for i in 0..count {
            let place = Place::Entry("Function", i.into());
            let sig = cursor.u32(place, "type index")?;
            let index = self.func_imports.wrapping_add(i);
            write!(self.out, " - func[{index}] sig={sig}")?;
            self.label(Named::Function, index)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn tables(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let count = self.count(cursor, "Table")?;
        for i in 0..count {
            let place = Place::Entry("Table", i.into());
            let index = self.table_imports.wrapping_add(i);
            write!(self.out, " - table[{index}]")?;
            self.table_type(cursor, place)?;
            self.label(Named::Table, index)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn memories(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let count = self.count(cursor, "Memory")?;
        for i in 0..count {
            let place = Place::Entry("Memory", i.into());
            write!(
                self.out,
                " - memory[{}]",
                self.memory_imports.wrapping_add(i)
            )?;
            self.limits(cursor, place)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn globals(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let count = self.count(cursor, "Global")?;
        for i in 0..count {
            let place = Place::Entry("Global", i.into());
            let index = self.global_imports.wrapping_add(i);
            write!(self.out, " - global[{index}]")?;
            self.global_type(cursor, place)?;
            self.label(Named::Global, index)?;
            let init = init_expr(cursor, place)?;
            self.print_init(&init, false)?;
        }
        Ok(())
    }

    fn exports(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let count = self.count(cursor, "Export")?;
        for i in 0..count {
            let place = Place::Entry("Export", i.into());
            let at = cursor.at;
            let name = utf8(cursor.var::<Export>(place)?.name(), place, at)?;
            let desc_at = cursor.at;
            let desc = cursor.var::<ExportDesc>(place)?;
            let Some(kind_name) = KIND_NAMES.get(usize::from(desc.kind())) else {
                return place.fail(desc_at, format!("invalid export kind {}", desc.kind()));
            };
            let index = fits_u32(desc.index(), place, desc_at + 1, "export index")?;
            match desc.kind() {
                FUNC => self.name(Named::Function, index, Label::Plain(name)),
                GLOBAL_KIND => self.name(Named::Global, index, Label::Plain(name)),
                _ => {}
            }
            write!(self.out, " - {kind_name}[{index}]")?;
            if desc.kind() == FUNC {
                self.label(Named::Function, index)?;
            }
            self.out.write_all(b" -> \"")?;
            self.out.write_all(name)?;
            self.out.write_all(b"\"\n")?;
        }
        Ok(())
    }

    fn elements(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        const PASSIVE: u32 = 1;
        const EXPLICIT_INDEX: u32 = 2;
        const EXPRESSIONS: u32 = 4;
        let count = self.count(cursor, "Elem")?;
        for i in 0..count {
            let place = Place::Entry("Elem", i.into());
            let at = cursor.at;
            let flags = cursor.u32(place, "segment flags")?;
            if flags > 7 {
                return place.fail(at, format!("invalid element segment flags {flags:#x}"));
            }
            let mut table = 0;
            if flags & (PASSIVE | EXPLICIT_INDEX) == EXPLICIT_INDEX {
                table = cursor.u32(place, "table index")?;
            }
            let init = if flags & PASSIVE == 0 {
                let init = init_expr(cursor, place)?;
                if let Some(offset) = init.const_offset() {
                    self.elem_offset = offset;
                }
                Some(init)
            } else {
                None
            };
            if flags & (PASSIVE | EXPLICIT_INDEX) != 0 {
                let kind_at = cursor.at;
                let kind = cursor.byte(place)?;
                if flags & EXPRESSIONS != 0 {
                    if ref_type(kind).is_none() {
                        return place.fail(
                            kind_at,
                            format!("element type {kind:#x} is not a reference type"),
                        );
                    }
                } else if kind != 0 {
                    return place.fail(kind_at, format!("element kind {kind} is not 0 (func)"));
                }
            }
            let elements = cursor.count(place, "element count")?;
            write!(
                self.out,
                " - segment[{i}] flags={flags} table={table} count={elements}"
            )?;
            match init {
                Some(init) => self.print_init(&init, true)?,
                None => writeln!(self.out)?,
            }
            for j in 0..elements {
                let element = self.elem_offset.wrapping_add(j.into());
                if flags & EXPRESSIONS != 0 {
                    let expr_at = cursor.at;
                    match cursor.byte(place)? {
                        0xd0 => {
                            let ty_at = cursor.at;
                            let ty = cursor.byte(place)?;
                            let Some(ty) = ref_type(ty) else {
                                return place.fail(
                                    ty_at,
                                    format!("ref.null type {ty:#x} is not a reference type"),
                                );
                            };
                            writeln!(self.out, "  - elem[{element}] = ref.null {ty}")?;
                        }
                        0xd2 => {
                            let func = cursor.u32(place, "function index")?;
                            write!(self.out, "  - elem[{element}] = func[{func}]")?;
                            self.label(Named::Function, func)?;
                            writeln!(self.out)?;
                        }
                        _ => {
                            return place.fail(
                                expr_at,
                                "expected ref.null or ref.func in an element expression",
                            )
                        }
                    }
                    let end_at = cursor.at;
                    if cursor.byte(place)? != 0x0b {
                        return place.fail(end_at, "expected end after an element expression");
                    }
                } else {
                    let func = cursor.u32(place, "function index")?;
                    write!(self.out, "  - elem[{element}] = func[{func}]")?;
                    self.label(Named::Function, func)?;
                    writeln!(self.out)?;
                }
            }
        }
        Ok(())
    }

    fn code(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let at = cursor.at;
        let count = self.count(cursor, "Code")?;
        self.has_code = true;
        if count != self.functions {
            return Place::Section("Code").fail(
                at,
                format!(
                    "{count} function bodies for {} functions declared",
                    self.functions
                ),
            );
        }
        for i in 0..count {
            let place = Place::Entry("Code", i.into());
            let at = cursor.at;
            let body = cursor.var::<Body>(place)?;
            let size = fits_u32(body.len(), place, at, "body size")?;
            let index = self.func_imports.wrapping_add(i);
            write!(self.out, " - func[{index}] size={size}")?;
            self.label(Named::Function, index)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn data(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        const PASSIVE: u32 = 1;
        const EXPLICIT_INDEX: u32 = 2;
        let count = self.count(cursor, "Data")?;
        for i in 0..count {
            let place = Place::Entry("Data", i.into());
            let at = cursor.at;
            let flags = cursor.u32(place, "segment flags")?;
            if flags > 7 {
                return place.fail(at, format!("invalid data segment flags {flags:#x}"));
            }
            let mut memory = 0;
            if flags & EXPLICIT_INDEX != 0 {
                memory = cursor.u32(place, "memory index")?;
            }
            let init = if flags & PASSIVE == 0 {
                let init = init_expr(cursor, place)?;
                if let Some(offset) = init.const_offset() {
                    self.data_offset = offset;
                }
                Some(init)
            } else {
                None
            };
            let bytes_at = cursor.at;
            let bytes = cursor.var::<Bytes>(place)?.bytes();
            fits_u32(bytes.len() as u64, place, bytes_at, "segment size")?;
            write!(self.out, " - segment[{i}]")?;
            self.label(Named::Segment, i)?;
            match init {
                Some(init) => {
                    write!(self.out, " memory={memory} size={}", bytes.len())?;
                    self.print_init(&init, true)?;
                }
                None => writeln!(self.out, " passive size={}", bytes.len())?,
            }
            memory_dump(self.out, bytes, self.data_offset, "  - ")?;
        }
        Ok(())
    }

    fn tags(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let count = self.count(cursor, "Tag")?;
        for i in 0..count {
            let place = Place::Entry("Tag", i.into());
            let at = cursor.at;
            let tag = cursor.var::<TagType>(place)?;
            if tag.attribute() != 0 {
                return place.fail(at, "tag attribute must be 0");
            }
            writeln!(
                self.out,
                " - tag[{}] sig={}",
                self.tag_imports.wrapping_add(i),
                tag.type_index()
            )?;
        }
        Ok(())
    }

    fn custom(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let place = Place::Section("Custom");
        let name = cursor.name(place)?;
        self.out.write_all(b":\n - name: \"")?;
        self.out.write_all(name)?;
        self.out.write_all(b"\"\n")?;
        match name {
            b"name" => {
                self.name_section(cursor)?;
                self.seen_name_section = true;
            }
            b"target_features" => {
                let count = cursor.u32(place, "feature count")?;
                for i in 0..count {
                    let place = Place::Entry("target_features", i.into());
                    let at = cursor.at;
                    let feature = cursor.var::<Feature>(place)?;
                    let name = utf8(feature.name(), place, at)?;
                    write!(self.out, "  - [{}] ", char::from(feature.prefix()))?;
                    self.out.write_all(name)?;
                    writeln!(self.out)?;
                }
            }
            // Other custom sections (producers, linking, relocations, DWARF...) are shown
            // by name only.
            _ => cursor.at = cursor.end,
        }
        Ok(())
    }

    fn name_section(&mut self, cursor: &mut Cursor<'a>) -> Result<(), Failure> {
        let total_functions = u64::from(self.func_imports) + u64::from(self.functions);
        let mut previous: Option<u8> = None;
        while cursor.left() > 0 {
            let place = Place::Section("name");
            let at = cursor.at;
            let subsection = cursor.var::<Subsection>(place)?;
            let id = subsection.id();
            if let Some(previous) = previous {
                if id == previous {
                    return place.fail(at, format!("duplicate subsection {id}"));
                }
                if id < previous {
                    return place.fail(at, format!("out-of-order subsection {id}"));
                }
            }
            previous = Some(id);
            let end = cursor.at;
            let mut inner = Cursor::new(self.file, end - subsection.contents().len(), end);
            let place = Place::Section(
                SUBSECTION_NAMES
                    .get(usize::from(id))
                    .copied()
                    .unwrap_or("name"),
            );
            let empty = subsection.contents().is_empty();
            match id {
                _ if empty => {}
                0 => {
                    let name = inner.name(place)?;
                    self.name(Named::Module, 0, Label::Plain(name));
                    self.out.write_all(b" - module <")?;
                    self.out.write_all(name)?;
                    self.out.write_all(b">\n")?;
                }
                1 => {
                    let count = inner.count(place, "name count")?;
                    let mut last = None;
                    for i in 0..count {
                        let place = Place::Entry("function names", i.into());
                        let at = inner.at;
                        let entry = inner.var::<NameAssoc>(place)?;
                        let index = entry.index();
                        if last.is_some_and(|last| index <= last) {
                            return place
                                .fail(at, format!("function index {index} is out of order"));
                        }
                        last = Some(index);
                        if index >= total_functions {
                            return place.fail(at, format!("invalid function index {index}, the module has {total_functions} functions"));
                        }
                        let name = utf8(entry.name(), place, at)?;
                        self.name(Named::Function, index as u32, Label::Plain(name));
                        write!(self.out, " - func[{index}] <")?;
                        self.out.write_all(name)?;
                        self.out.write_all(b">\n")?;
                    }
                }
                2 => {
                    let count = inner.count(place, "function count")?;
                    let mut last_function = None;
                    for i in 0..count {
                        let place = Place::Entry("local names", i.into());
                        let at = inner.at;
                        let function = u64::from(inner.u32(place, "function index")?);
                        if function >= total_functions {
                            return place.fail(at, format!("invalid function index {function}, the module has {total_functions} functions"));
                        }
                        if last_function.is_some_and(|last| function <= last) {
                            return place
                                .fail(at, format!("function index {function} is out of order"));
                        }
                        last_function = Some(function);
                        let locals = inner.count(place, "local count")?;
                        let mut last_local = None;
                        for _ in 0..locals {
                            let at = inner.at;
                            let entry = inner.var::<NameAssoc>(place)?;
                            let local = entry.index();
                            if last_local.is_some_and(|last| local <= last) {
                                return place
                                    .fail(at, format!("local index {local} is out of order"));
                            }
                            last_local = Some(local);
                            let name = utf8(entry.name(), place, at)?;
                            if !name.is_empty() {
                                write!(self.out, " - func[{function}] local[{local}] <")?;
                                self.out.write_all(name)?;
                                self.out.write_all(b">\n")?;
                            }
                        }
                    }
                }
                // Label names are skipped, as wasm-objdump skips them.
                3 => inner.at = inner.end,
                4..=10 => {
                    let count = inner.count(place, "name count")?;
                    let named = match id {
                        5 => Some(Named::Table),
                        7 => Some(Named::Global),
                        9 => Some(Named::Segment),
                        10 => Some(Named::Tag),
                        _ => None,
                    };
                    let what = SUBSECTION_NAMES[usize::from(id)];
                    for i in 0..count {
                        let place = Place::Entry(what, i.into());
                        let at = inner.at;
                        let entry = inner.var::<NameAssoc>(place)?;
                        let index = fits_u32(entry.index(), place, at, "index")?;
                        let name = utf8(entry.name(), place, at)?;
                        if let Some(named) = named {
                            self.name(named, index, Label::Plain(name));
                        }
                        write!(self.out, " - {what}[{index}] <")?;
                        self.out.write_all(name)?;
                        self.out.write_all(b">\n")?;
                    }
                }
                // Unknown subsections are skipped.
                _ => inner.at = inner.end,
            }
            if inner.at != inner.end {
                return place.fail(
                    inner.at,
                    format!("unfinished subsection (it ends at offset {})", inner.end),
                );
            }
        }
        Ok(())
    }

    /// ` - init i32=42` and the newline, or the long form of an extended constant expression.
    /// For `ref.func`, `ref.null` and `v128.const` wasm-objdump 1.0.32 prints the previous
    /// initializer's type and a value from uninitialized memory; this prints their own.
    fn print_init(&mut self, init: &InitExpr, unsigned: bool) -> Result<(), Failure> {
        if init.len > 1 {
            self.out.write_all(b" - init (")?;
            for (i, instr) in init.instrs().iter().enumerate() {
                if i != 0 {
                    self.out.write_all(b", ")?;
                }
                match *instr {
                    Instr::I32(value) => write!(self.out, "i32.const {value}")?,
                    Instr::I64(value) => write!(self.out, "i64.const {value}")?,
                    // wabt ends these two with a newline inside the parentheses.
                    Instr::F32(bits) => {
                        self.out.write_all(b"f32.const ")?;
                        float_hex(self.out, bits.into(), 32, 23)?;
                        self.out.write_all(b"\n")?;
                    }
                    Instr::F64(bits) => {
                        self.out.write_all(b"f64.const ")?;
                        float_hex(self.out, bits, 64, 52)?;
                        self.out.write_all(b"\n")?;
                    }
                    Instr::GlobalGet(index) => {
                        write!(self.out, "global.get {index}")?;
                        self.label(Named::Global, index)?;
                    }
                    Instr::V128(_) => self.out.write_all(b"v128.const")?,
                    Instr::RefNull => self.out.write_all(b"ref.null")?,
                    Instr::RefFunc(_) => self.out.write_all(b"ref.func")?,
                    Instr::Arith(name) => self.out.write_all(name.as_bytes())?,
                }
            }
            self.out.write_all(b")\n")?;
            return Ok(());
        }
        match init.instrs[0] {
            Instr::I32(value) if unsigned => writeln!(self.out, " - init i32={}", value as u32)?,
            Instr::I32(value) => writeln!(self.out, " - init i32={value}")?,
            Instr::I64(value) if unsigned => writeln!(self.out, " - init i64={}", value as u64)?,
            Instr::I64(value) => writeln!(self.out, " - init i64={value}")?,
            Instr::F32(bits) => {
                self.out.write_all(b" - init f32=")?;
                float_hex(self.out, bits.into(), 32, 23)?;
                self.out.write_all(b"\n")?;
            }
            Instr::F64(bits) => {
                self.out.write_all(b" - init f64=")?;
                float_hex(self.out, bits, 64, 52)?;
                self.out.write_all(b"\n")?;
            }
            Instr::V128([a, b, c, d]) => writeln!(
                self.out,
                " - init v128=0x{a:08x} 0x{b:08x} 0x{c:08x} 0x{d:08x} "
            )?,
            Instr::GlobalGet(index) => {
                write!(self.out, " - init global={index}")?;
                self.label(Named::Global, index)?;
                writeln!(self.out)?;
            }
            Instr::RefFunc(index) => {
                write!(self.out, " - init ref.func:{index}")?;
                self.label(Named::Function, index)?;
                writeln!(self.out)?;
            }
            Instr::RefNull => writeln!(self.out, " - init null")?,
            // A lone arithmetic instruction is not a valid expression; wabt would print the
            // type of a constant there is none of, so this prints nothing more.
            Instr::Arith(_) => writeln!(self.out)?,
        }
        Ok(())
    }
}

fn fits_u32(value: u64, place: Place, at: usize, what: &str) -> Result<u32, DecodeError> {
    u32::try_from(value)
        .or_else(|_| place.fail(at, format!("{what} {value} does not fit in 32 bits")))
}

fn type_name(byte: u8, place: Place, at: usize) -> Result<&'static str, DecodeError> {
    value_type(byte).map_or_else(
        || place.fail(at, format!("unknown value type {byte:#x}")),
        Ok,
    )
}

/// Reads a constant expression up to its `end`.
fn init_expr(cursor: &mut Cursor<'_>, place: Place) -> Result<InitExpr, DecodeError> {
    let mut expr = InitExpr {
        instrs: [Instr::I32(0); MAX_INSTRS],
        len: 0,
    };
    loop {
        let at = cursor.at;
        let instr = match cursor.byte(place)? {
            0x0b => break,
            0x41 => {
                let value = cursor.var::<SignedLeb>(place)?.value();
                Instr::I32(i32::try_from(value).or_else(|_| {
                    place.fail(at + 1, format!("i32.const {value} does not fit in 32 bits"))
                })?)
            }
            0x42 => Instr::I64(cursor.var::<SignedLeb>(place)?.value()),
            0x43 => Instr::F32(cursor.fixed::<F32>(place)?.bits()),
            0x44 => Instr::F64(cursor.fixed::<F64>(place)?.bits()),
            // The SIMD prefix: only `v128.const` (12) is constant.
            0xfd => match cursor.u32(place, "SIMD opcode")? {
                12 => Instr::V128(cursor.fixed::<V128>(place)?.lanes().to_array()),
                opcode => {
                    return place.fail(
                        at,
                        format!("SIMD opcode {opcode} in a constant expression; only v128.const (12) is constant"),
                    )
                }
            },
            0x23 => Instr::GlobalGet(cursor.u32(place, "global index")?),
            0xd0 => {
                let ty = cursor.byte(place)?;
                if ref_type(ty).is_none() {
                    return place.fail(
                        at + 1,
                        format!("ref.null type {ty:#x} is not a reference type"),
                    );
                }
                Instr::RefNull
            }
            0xd2 => Instr::RefFunc(cursor.u32(place, "function index")?),
            0x6a => Instr::Arith("i32.add"),
            0x6b => Instr::Arith("i32.sub"),
            0x6c => Instr::Arith("i32.mul"),
            0x7c => Instr::Arith("i64.add"),
            0x7d => Instr::Arith("i64.sub"),
            0x7e => Instr::Arith("i64.mul"),
            opcode => {
                return place.fail(
                    at,
                    format!("opcode {opcode:#04x} in a constant expression; this example reads constants, global.get, ref.null, ref.func and integer add, sub and mul"),
                )
            }
        };
        if expr.len == MAX_INSTRS {
            return place.fail(
                at,
                format!("a constant expression of more than {MAX_INSTRS} instructions"),
            );
        }
        expr.instrs[expr.len] = instr;
        expr.len += 1;
    }
    if expr.len == 0 {
        return place.fail(cursor.at - 1, "an empty constant expression");
    }
    Ok(expr)
}

/// wabt's hexadecimal float (`0x1.8p+0`, `-inf`, `nan:0x200000`), for a float of `width` bits
/// with `sig_bits` bits of significand, given its bits.
fn float_hex(out: &mut dyn Write, bits: u64, width: u32, sig_bits: u32) -> io::Result<()> {
    let mask = if width == 64 {
        u64::MAX
    } else {
        (1 << width) - 1
    };
    let exp_bits = width - sig_bits - 1;
    let max_exp = 1i32 << (exp_bits - 1);
    let min_exp = -max_exp + 1;
    let sig_mask = (1u64 << sig_bits) - 1;
    let top_shift = width - 4;
    let negative = bits >> (width - 1) & 1 != 0;
    let mut exp = ((bits >> sig_bits) & ((1 << exp_bits) - 1)) as i32 - (-min_exp);
    let mut sig = bits & sig_mask;
    if negative {
        out.write_all(b"-")?;
    }
    if exp == max_exp {
        if sig == 0 {
            return out.write_all(b"inf");
        }
        out.write_all(b"nan")?;
        if sig != 1 << (sig_bits - 1) {
            out.write_all(b":0x")?;
            let mut digits = width / 4;
            while sig & (0xf << top_shift) == 0 {
                sig = (sig << 4) & mask;
                digits -= 1;
            }
            for _ in 0..digits {
                write!(out, "{:x}", (sig >> top_shift) & 0xf)?;
                sig = (sig << 4) & mask;
            }
        }
        return Ok(());
    }
    let zero = sig == 0 && exp == min_exp;
    out.write_all(if zero { b"0x0" } else { b"0x1" })?;
    sig = (sig << (width - sig_bits)) & mask;
    if sig != 0 {
        if exp == min_exp {
            // Subnormal: shift the significand up, and shift out the implicit 1.
            let leading_zeros = sig.leading_zeros() - (64 - width);
            if leading_zeros < width - 1 {
                sig = (sig << (leading_zeros + 1)) & mask;
            } else {
                sig = 0;
            }
            exp -= leading_zeros as i32;
        }
        out.write_all(b".")?;
        while sig != 0 {
            write!(out, "{:x}", (sig >> top_shift) & 0xf)?;
            sig = (sig << 4) & mask;
        }
    }
    if zero {
        return out.write_all(b"p+0");
    }
    let sign = if exp < 0 { '-' } else { '+' };
    write!(out, "p{sign}{}", exp.unsigned_abs())
}

/// wabt's memory dump: 16 bytes a line in groups of two, offsets from `offset`, then the
/// printable characters.
fn memory_dump(out: &mut dyn Write, bytes: &[u8], offset: u64, prefix: &str) -> io::Result<()> {
    for (line, chunk) in bytes.chunks(16).enumerate() {
        write!(
            out,
            "{prefix}{:07x}: ",
            offset.wrapping_add(line as u64 * 16)
        )?;
        for group in 0..8 {
            for i in 0..2 {
                match chunk.get(group * 2 + i) {
                    Some(byte) => write!(out, "{byte:02x}")?,
                    None => out.write_all(b"  ")?,
                }
            }
            out.write_all(b" ")?;
        }
        out.write_all(b" ")?;
        for &byte in chunk {
            let shown = if byte.is_ascii_graphic() || byte == b' ' {
                byte
            } else {
                b'.'
            };
            out.write_all(&[shown])?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `%#010x` as C's printf writes it: zero has no `0x`.
fn hex10(value: usize) -> HexTen {
    HexTen(value)
}

struct HexTen(usize);

impl fmt::Display for HexTen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            f.write_str("0000000000")
        } else {
            write!(f, "{:#010x}", self.0)
        }
    }
}

/// What to print: wasm-objdump's `-h` (the section list), `-x` (the details), or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mode {
    pub headers: bool,
    pub details: bool,
}

/// The sections of a module that decoded, and the error that stopped the walk, if any.
pub struct Module<'a> {
    file: &'a [u8],
    pub version: u32,
    /// How many sections decoded, header and entries.
    pub sections: usize,
    names: Names<'a>,
    /// What stopped the walk before the end of the file.
    pub error: Option<DecodeError>,
}

/// Decodes the module in `file`: checks the header, walks every section and its entries (as
/// wasm-objdump's first pass does), and gathers the names the module gives.
pub fn decode(file: &[u8]) -> Result<Module<'_>, DecodeError> {
    let place = Place::Module("module header");
    let header = match Header::view_prefix(file) {
        Ok((header, _)) => header,
        Err(_) if !file.starts_with(&MAGIC[..file.len().min(4)]) || file.is_empty() => {
            return place.fail(0, not_wasm(file));
        }
        Err(_) => {
            return place.fail(
                0,
                format!(
                    "the file ends after {} bytes, the header needs {}",
                    file.len(),
                    Header::SIZE
                ),
            )
        }
    };
    if *header.magic() != MAGIC {
        return place.fail(0, not_wasm(file));
    }
    if header.version() != VERSION {
        return place.fail(
            4,
            format!(
                "version {:#x}; this example reads version {VERSION}",
                header.version()
            ),
        );
    }
    let mut module = Module {
        file,
        version: header.version(),
        sections: 0,
        names: Names::default(),
        error: None,
    };
    // First pass: every section, printed nowhere, counting the names.
    let empty = Names::default();
    let mut sink = io::sink();
    let mut walk = Walk::new(file, &mut sink, &empty, Collect::Count(0));
    for item in module.sections() {
        let outcome = item.and_then(|(offset, section)| match walk.section(offset, section) {
            Ok(()) => Ok(()),
            Err(Failure::Decode(error)) => Err(error),
            // io::sink never fails; should it, that is worth saying rather than ignoring.
            Err(Failure::Output(error)) => Place::Module("output").fail(offset, error.to_string()),
        });
        match outcome {
            Ok(()) => module.sections += 1,
            Err(error) => {
                module.error = Some(error);
                break;
            }
        }
    }
    // A module that declares functions needs their bodies, code section or not.
    if module.error.is_none() && !walk.has_code && walk.functions != 0 {
        module.error = Some(DecodeError {
            record: String::from("module"),
            offset: file.len(),
            problem: format!(
                "the function section declares {} functions, but the module has no code section",
                walk.functions
            ),
        });
    }
    let count = match walk.collect {
        Collect::Count(count) => count,
        _ => 0,
    };
    // Second pass over the sections that decoded: record the names, in a table allocated once.
    let mut walk = Walk::new(
        file,
        &mut sink,
        &empty,
        Collect::Record(Vec::with_capacity(count)),
    );
    for (offset, section) in module.sections().take(module.sections).flatten() {
        // The first pass decoded these sections: this one cannot fail.
        if walk.section(offset, section).is_err() {
            break;
        }
    }
    let mut entries = match walk.collect {
        Collect::Record(entries) => entries,
        _ => Vec::new(),
    };
    // The key is unique (`order`), so an unstable sort is deterministic, and it allocates
    // nothing.
    entries.sort_unstable_by_key(|e| (e.named, e.index, e.order));
    module.names = Names { entries };
    Ok(module)
}

fn not_wasm(file: &[u8]) -> String {
    if file.is_empty() {
        return String::from("not a WebAssembly module (the file is empty)");
    }
    let start: Vec<String> = file.iter().take(4).map(|b| format!("{b:02x}")).collect();
    format!(
        "not a WebAssembly module (it starts with {}, not 00 61 73 6d)",
        start.join(" ")
    )
}

impl<'a> Module<'a> {
    /// The sections in file order with the offsets of their id bytes, walked in place; the
    /// first one that does not fit ends the walk with its error.
    pub fn sections(
        &self,
    ) -> impl Iterator<Item = Result<(usize, SectionView<'a>), DecodeError>> + 'a {
        let body = &self.file[Header::SIZE..];
        let mut stream = Section::stream(body);
        std::iter::from_fn(move || {
            let offset = Header::SIZE + stream.offset();
            Some(match stream.next()? {
                Ok(section) => Ok((offset, section)),
                Err(error) => Err(DecodeError {
                    record: String::from("section header"),
                    offset,
                    problem: error.offset_by(Header::SIZE).to_string(),
                }),
            })
        })
    }

    /// Prints the module as `wasm-objdump` does with the flags of `mode`, `file_name` being
    /// what it prints as the file's name (the path's last component).
    pub fn print(&self, file_name: &[u8], mode: Mode, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"\n")?;
        out.write_all(file_name)?;
        writeln!(out, ":\tfile format wasm {:#x}", self.version)?;
        for entry in self
            .names
            .entries
            .iter()
            .take_while(|e| e.named == Named::Module)
        {
            out.write_all(b"module name: <")?;
            entry.label.write(out)?;
            out.write_all(b">\n")?;
        }
        let sections = || self.sections().take(self.sections).flatten();
        if mode.headers {
            out.write_all(b"\nSections:\n\n")?;
            for (offset, section) in sections() {
                self.print_header(offset, section, out)?;
            }
        }
        if mode.details {
            out.write_all(b"\nSection Details:\n\n")?;
            let mut walk = Walk::new(self.file, out, &self.names, Collect::Nothing);
            for (offset, section) in sections() {
                match walk.section(offset, section) {
                    Ok(()) => {}
                    Err(Failure::Output(error)) => return Err(error),
                    // `decode` walked these sections without error: this cannot happen.
                    Err(Failure::Decode(error)) => return Err(io::Error::other(error.to_string())),
                }
            }
        }
        Ok(())
    }

    /// One line of `wasm-objdump -h`.
    fn print_header(
        &self,
        offset: usize,
        section: SectionView<'a>,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let end = offset + section.as_bytes().len();
        let start = end - section.contents().len();
        let (name, _) = section_name(section.id()).unwrap_or(("?", 0));
        write!(
            out,
            "{name:>9} start={} end={} (size={}) ",
            hex10(start),
            hex10(end),
            hex10(section.contents().len())
        )?;
        // The first value of the contents, which `decode` has read: a count, the start
        // function, the custom section's name.
        let contents = section.contents();
        let first = Leb::view_prefix(contents).map_or(0, |(leb, _)| leb.value());
        match section.id() {
            CUSTOM => {
                let name = Bytes::view_prefix(contents).map_or(&[][..], |(name, _)| name.bytes());
                out.write_all(b"\"")?;
                out.write_all(name)?;
                out.write_all(b"\"\n")
            }
            START => writeln!(out, "start: {first}"),
            _ => writeln!(out, "count: {first}"),
        }
    }
}

/// The command line: `[-h] [-x] [FILE]`.
fn parse_args() -> Result<(Mode, Option<PathBuf>), String> {
    let mut mode = Mode {
        headers: false,
        details: false,
    };
    let mut path = None;
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("-h") => mode.headers = true,
            Some("-x") => mode.details = true,
            Some(flag) if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option {flag}; the options are -h and -x"))
            }
            _ if path.is_some() => return Err(String::from("more than one file given")),
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    if !mode.details {
        mode.headers = true;
    }
    Ok((mode, path))
}

fn main() -> ExitCode {
    let (mode, path) = match parse_args() {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let path =
        path.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample.wasm"));
    let input = match input::open(&path) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let module = match decode(&input) {
        Ok(module) => module,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    // wasm-objdump prints the file's base name.
    let file_name = path.file_name().map_or_else(
        || path.as_os_str().as_encoded_bytes(),
        |name| name.as_encoded_bytes(),
    );
    let mut report = Vec::new();
    module
        .print(file_name, mode, &mut report)
        .expect("writing to memory does not fail");
    match io::stdout().lock().write_all(&report) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {e}");
            return ExitCode::FAILURE;
        }
        _ => {}
    }
    match module.error {
        Some(e) => {
            eprintln!("error: {}: {e}", path.display());
            ExitCode::FAILURE
        }
        None => ExitCode::SUCCESS,
    }
}
