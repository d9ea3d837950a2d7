//! An ELF file read in place, ELF32 or ELF64, little- or big-endian, printed the way GNU
//! readelf prints it: the file header (`-h`), the section headers (`-S`), the program headers
//! and the section-to-segment mapping (`-l`), the dynamic section (`-d`), the symbol tables
//! with their version names (`-s`) and the notes (`-n`), in readelf's `-W` (wide) layout.
//!
//! `cargo run --example elf -- [-h] [-S] [-l] [-s] [-d] [-n] [-W] FILE` reads FILE; with no
//! flags it prints `-h -S`, and with no file it reads `examples/data/sample.elf` (a 32-bit
//! big-endian MIPS program, written by `make_sample_elf.sh` beside it).
//!
//! The identification bytes choose everything else: `EI_CLASS` is the tag of a payload enum
//! ([`HeaderBody`]) whose variants are the 32- and 64-bit headers, and `EI_DATA` gives the byte
//! order in which every multi-byte record is viewed (they are all declared
//! `#[overlay(endian = "runtime")]`). Section headers, program headers, symbols and dynamic
//! entries come in a 32- and a 64-bit form too; a small enum over the two views reads either
//! (`class_pair!`). Tables are viewed with the stride the header gives (`e_shentsize`,
//! `e_phentsize`, `sh_entsize`). Nothing is copied or parsed ahead: each value is read where it
//! lies, in the memory-mapped file, and names are printed from the string tables' bytes.
//!
//! Bad input (a truncated file, a table past the end, an entry size smaller than the record, a
//! name offset past its string table, ...) is one line on standard error naming the record and
//! its offset, and exit status 1.
//!
//! `tests/elf_readelf.rs` compares this output with GNU readelf's (2.40), line by line.
//!
//! Where it differs from readelf: the layout is always `-W`'s; without section headers `-s`
//! says, as readelf does, that dynamic symbols need `-D`, which this does not offer; of the
//! notes, the build attribute notes that annobin writes (`GA$...` owners) print as unknown
//! notes with their data, and a core file's `NT_FILE` note prints no file list (readelf 2.40
//! prints "Cannot decode 64-bit note in 32-bit build" there for ELF64 core files).

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use overlay::{Endian, Error, ErrorKind, Overlay, Records, VarOverlay};

#[path = "input.rs"]
mod input;

const MAGIC: [u8; 4] = *b"\x7fELF";
/// `EI_CLASS` of 32-bit files.
pub const ELFCLASS32: u8 = 1;
/// `EI_CLASS` of 64-bit files.
pub const ELFCLASS64: u8 = 2;

/// The file header: `e_ident`, then the rest of `Elf32_Ehdr` or `Elf64_Ehdr` as `EI_CLASS`
/// chooses, all in the byte order `EI_DATA` announces.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct FileHeader {
    #[overlay(magic = b"\x7fELF")]
    pub magic: [u8; 4],
    /// `EI_CLASS`: 1 for ELF32, 2 for ELF64; chooses `body`.
    pub class: u8,
    /// `EI_DATA`: 1 for little-endian, 2 for big-endian.
    pub data: u8,
    /// `EI_VERSION`: 1.
    pub version: u8,
    /// `EI_OSABI`.
    pub os_abi: u8,
    /// `EI_ABIVERSION`.
    pub abi_version: u8,
    /// Unused, zero in practice; read rather than declared a pad so that the bytes print as
    /// they are.
    pub padding: [u8; 7],
    #[overlay(tag = "class")]
    pub body: HeaderBody,
}

/// What follows `e_ident`, by class.
#[derive(Overlay)]
pub enum HeaderBody {
    #[overlay(tag = ELFCLASS32)]
    Elf32(FileHeader32),
    #[overlay(tag = ELFCLASS64)]
    Elf64(FileHeader64),
}

/// `Elf32_Ehdr` after `e_ident`: 36 bytes.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct FileHeader32 {
    /// Object file type (`ET_*`); read as a number so that OS- and processor-specific types
    /// print instead of failing the whole file.
    pub e_type: u16,
    pub e_machine: u16,
    pub e_version: u32,
    pub e_entry: u32,
    pub e_phoff: u32,
    pub e_shoff: u32,
    pub e_flags: u32,
    pub e_ehsize: u16,
    pub e_phentsize: u16,
    pub e_phnum: u16,
    pub e_shentsize: u16,
    pub e_shnum: u16,
    pub e_shstrndx: u16,
}

/// `Elf64_Ehdr` after `e_ident`: 48 bytes.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct FileHeader64 {
    pub e_type: u16,
    pub e_machine: u16,
    pub e_version: u32,
    pub e_entry: u64,
    pub e_phoff: u64,
    pub e_shoff: u64,
    pub e_flags: u32,
    pub e_ehsize: u16,
    pub e_phentsize: u16,
    pub e_phnum: u16,
    pub e_shentsize: u16,
    pub e_shnum: u16,
    pub e_shstrndx: u16,
}

/// `Elf32_Shdr`, 40 bytes. Entries may be further apart (`e_shentsize`), never closer.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct SectionHeader32 {
    pub sh_name: u32,
    pub sh_type: u32,
    pub sh_flags: u32,
    pub sh_addr: u32,
    pub sh_offset: u32,
    pub sh_size: u32,
    pub sh_link: u32,
    pub sh_info: u32,
    pub sh_addralign: u32,
    pub sh_entsize: u32,
}

/// `Elf64_Shdr`, 64 bytes.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct SectionHeader64 {
    /// Offset of the name in the section name string table.
    pub sh_name: u32,
    /// `SHT_*`; OS-specific types (GNU_HASH, VERSYM, ...) are common, so a number.
    pub sh_type: u32,
    pub sh_flags: u64,
    pub sh_addr: u64,
    pub sh_offset: u64,
    pub sh_size: u64,
    pub sh_link: u32,
    pub sh_info: u32,
    pub sh_addralign: u64,
    pub sh_entsize: u64,
}

/// `Elf32_Phdr`, 32 bytes: `p_flags` comes late, unlike in the 64-bit form.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct ProgramHeader32 {
    pub p_type: u32,
    pub p_offset: u32,
    pub p_vaddr: u32,
    pub p_paddr: u32,
    pub p_filesz: u32,
    pub p_memsz: u32,
    pub p_flags: u32,
    pub p_align: u32,
}

/// `Elf64_Phdr`, 56 bytes.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct ProgramHeader64 {
    pub p_type: u32,
    pub p_flags: u32,
    pub p_offset: u64,
    pub p_vaddr: u64,
    pub p_paddr: u64,
    pub p_filesz: u64,
    pub p_memsz: u64,
    pub p_align: u64,
}

/// `Elf32_Sym`, 16 bytes.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Symbol32 {
    pub st_name: u32,
    pub st_value: u32,
    pub st_size: u32,
    pub st_info: u8,
    pub st_other: u8,
    pub st_shndx: u16,
}

/// `Elf64_Sym`, 24 bytes: the same fields in another order.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Symbol64 {
    pub st_name: u32,
    pub st_info: u8,
    pub st_other: u8,
    pub st_shndx: u16,
    pub st_value: u64,
    pub st_size: u64,
}

/// `Elf32_Dyn`, one entry of the dynamic section.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Dynamic32 {
    pub d_tag: i32,
    pub d_val: u32,
}

/// `Elf64_Dyn`.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Dynamic64 {
    pub d_tag: i64,
    pub d_val: u64,
}

/// `Elf_Nhdr`, the same in both classes; the name and the descriptor follow, each padded to
/// the note section's alignment (4, or 8 for `.note.gnu.property` in ELF64 files).
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct NoteHeader {
    pub n_namesz: u32,
    pub n_descsz: u32,
    pub n_type: u32,
}

/// One property of an `NT_GNU_PROPERTY_TYPE_0` note; its data follows, padded to 4 (ELF32)
/// or 8 (ELF64) bytes.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Property {
    pub pr_type: u32,
    pub pr_datasz: u32,
}

/// `Elf_Verneed`: a library the file needs versions of; its `Vernaux` entries follow at
/// `vn_aux`, the next library at `vn_next`, both relative.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Verneed {
    pub vn_version: u16,
    pub vn_cnt: u16,
    pub vn_file: u32,
    pub vn_aux: u32,
    pub vn_next: u32,
}

/// `Elf_Vernaux`: one needed version; `vna_other` is the index `.gnu.version` uses.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Vernaux {
    pub vna_hash: u32,
    pub vna_flags: u16,
    pub vna_other: u16,
    pub vna_name: u32,
    pub vna_next: u32,
}

/// `Elf_Verdef`: one version the file defines, index `vd_ndx`.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Verdef {
    pub vd_version: u16,
    pub vd_flags: u16,
    pub vd_ndx: u16,
    pub vd_cnt: u16,
    pub vd_hash: u32,
    pub vd_aux: u32,
    pub vd_next: u32,
}

/// `Elf_Verdaux`: a version definition's name.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Verdaux {
    pub vda_name: u32,
    pub vda_next: u32,
}

/// An entry of `.gnu.version`: a symbol's version index, bit 15 for a hidden version.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Versym {
    pub index: u16,
}

/// The file's class, from `EI_CLASS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Elf32,
    Elf64,
}

/// Declares `$name`, one record in either class (an enum of the two views, with a getter per
/// field widened to the 64-bit type), and `$table`, a table of them, if named.
macro_rules! class_pair {
    ($(#[$doc:meta])* $name:ident $(, $table:ident)?: $t32:ident / $t64:ident {
        $($field:ident: $ty:ty),* $(,)?
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub enum $name<'a> {
            Elf32(<$t32 as Overlay>::View<'a>),
            Elf64(<$t64 as Overlay>::View<'a>),
        }

        #[allow(dead_code)]
        impl<'a> $name<'a> {
            $(
                pub fn $field(&self) -> $ty {
                    match self {
                        Self::Elf32(view) => view.$field().into(),
                        Self::Elf64(view) => view.$field().into(),
                    }
                }
            )*

            /// The record's bytes in the file.
            pub fn as_bytes(&self) -> &'a [u8] {
                match self {
                    Self::Elf32(view) => view.as_bytes(),
                    Self::Elf64(view) => view.as_bytes(),
                }
            }
        }

        $(class_table!($name, $table: $t32 / $t64);)?
    };
}

/// Declares `$table`, a table of `$name` records of one class.
macro_rules! class_table {
    ($name:ident, $table:ident: $t32:ident / $t64:ident) => {
        /// A table of records of one class, `stride` bytes apart.
        #[derive(Clone, Copy)]
        pub enum $table<'a> {
            Elf32(Records<'a, $t32>),
            Elf64(Records<'a, $t64>),
        }

        #[allow(dead_code)]
        impl<'a> $table<'a> {
            /// The size of one record in `class`.
            pub fn record_size(class: Class) -> usize {
                match class {
                    Class::Elf32 => $t32::SIZE,
                    Class::Elf64 => $t64::SIZE,
                }
            }

            /// Views `count` records `stride` bytes apart at the start of `bytes`.
            pub fn view(
                class: Class,
                bytes: &'a [u8],
                count: usize,
                stride: usize,
                endian: Endian,
            ) -> Result<Self, Error> {
                Ok(match class {
                    Class::Elf32 => {
                        Self::Elf32(Records::with_stride_endian(bytes, count, stride, endian)?)
                    }
                    Class::Elf64 => {
                        Self::Elf64(Records::with_stride_endian(bytes, count, stride, endian)?)
                    }
                })
            }

            pub fn is_empty(&self) -> bool {
                self.len() == 0
            }

            pub fn len(&self) -> usize {
                match self {
                    Self::Elf32(table) => table.len(),
                    Self::Elf64(table) => table.len(),
                }
            }

            pub fn get(&self, index: usize) -> Option<$name<'a>> {
                match self {
                    Self::Elf32(table) => table.get(index).map($name::Elf32),
                    Self::Elf64(table) => table.get(index).map($name::Elf64),
                }
            }

            pub fn iter(self) -> impl Iterator<Item = $name<'a>> {
                (0..self.len()).filter_map(move |index| self.get(index))
            }
        }
    };
}

class_pair!(
    /// `Elf32_Ehdr` or `Elf64_Ehdr` after `e_ident`.
    Header: FileHeader32 / FileHeader64 {
        e_type: u16, e_machine: u16, e_version: u32, e_entry: u64, e_phoff: u64, e_shoff: u64,
        e_flags: u32, e_ehsize: u16, e_phentsize: u16, e_phnum: u16, e_shentsize: u16,
        e_shnum: u16, e_shstrndx: u16,
    }
);

class_pair!(
    /// A section header of either class.
    SectionHeader, SectionTable: SectionHeader32 / SectionHeader64 {
        sh_name: u32, sh_type: u32, sh_flags: u64, sh_addr: u64, sh_offset: u64, sh_size: u64,
        sh_link: u32, sh_info: u32, sh_addralign: u64, sh_entsize: u64,
    }
);

class_pair!(
    /// A program header of either class.
    ProgramHeader, ProgramTable: ProgramHeader32 / ProgramHeader64 {
        p_type: u32, p_flags: u32, p_offset: u64, p_vaddr: u64, p_paddr: u64, p_filesz: u64,
        p_memsz: u64, p_align: u64,
    }
);

class_pair!(
    /// A symbol of either class.
    Symbol, SymbolTable: Symbol32 / Symbol64 {
        st_name: u32, st_info: u8, st_other: u8, st_shndx: u16, st_value: u64, st_size: u64,
    }
);

class_pair!(
    /// A dynamic entry of either class.
    Dynamic, DynamicTable: Dynamic32 / Dynamic64 { d_tag: i64, d_val: u64 }
);

const ET_DYN: u16 = 3;
const ET_CORE: u16 = 4;
const EM_386: u16 = 3;
const EM_MIPS: u16 = 8;
const EM_PPC: u16 = 20;
const EM_PPC64: u16 = 21;
const EM_ARM: u16 = 40;
const EM_X86_64: u16 = 62;
const EM_AARCH64: u16 = 183;
const SHN_UNDEF: u16 = 0;
const SHN_XINDEX: u16 = 0xffff;
const PN_XNUM: u16 = 0xffff;
const SHT_SYMTAB: u32 = 2;
const SHT_STRTAB: u32 = 3;
const SHT_NOTE: u32 = 7;
const SHT_NOBITS: u32 = 8;
const SHT_DYNSYM: u32 = 11;
const SHT_GNU_VERDEF: u32 = 0x6fff_fffd;
const SHT_GNU_VERNEED: u32 = 0x6fff_fffe;
const SHT_GNU_VERSYM: u32 = 0x6fff_ffff;
const SHF_ALLOC: u64 = 0x2;
const SHF_TLS: u64 = 0x400;
const PT_LOAD: u32 = 1;
const PT_DYNAMIC: u32 = 2;
const PT_INTERP: u32 = 3;
const PT_NOTE: u32 = 4;
const PT_PHDR: u32 = 6;
const PT_TLS: u32 = 7;
const PT_GNU_EH_FRAME: u32 = 0x6474_e550;
const PT_GNU_STACK: u32 = 0x6474_e551;
const PT_GNU_RELRO: u32 = 0x6474_e552;
const PT_GNU_SFRAME: u32 = 0x6474_e554;
const DT_NULL: i64 = 0;
const DT_FLAGS_1: i64 = 0x6fff_fffb;
const DF_1_PIE: u64 = 0x0800_0000;
const FDO_PACKAGING_METADATA: u32 = 0xcafe_1a7e;

/// Why a file could not be decoded: the record, where it starts, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The record, such as `ELF header` or `section header 12`.
    pub record: String,
    /// Where the record (or the field at fault) starts in the file.
    pub offset: u64,
    /// What is wrong, as the end of a sentence.
    pub problem: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at offset {:#x}: {}",
            self.record, self.offset, self.problem
        )
    }
}

impl std::error::Error for DecodeError {}

fn fail<T>(
    record: impl Into<String>,
    offset: u64,
    problem: impl Into<String>,
) -> Result<T, DecodeError> {
    Err(DecodeError {
        record: record.into(),
        offset,
        problem: problem.into(),
    })
}

/// A section header with its name, resolved from the section name string table.
#[derive(Clone, Copy)]
pub struct Section<'a> {
    pub header: SectionHeader<'a>,
    /// The name's bytes, up to the NUL; `None` when the file has no section name table.
    pub name: Option<&'a [u8]>,
}

/// A decoded ELF file: views into its bytes, every offset and length of the header and of
/// the section and program header tables already checked. Section contents (symbols, dynamic
/// entries, notes) are viewed when printed, and checked then.
pub struct Elf<'a> {
    pub bytes: &'a [u8],
    pub endian: Endian,
    pub class: Class,
    /// The whole file header, `e_ident` included.
    pub file_header: FileHeaderView<'a>,
    /// The class-specific part of the file header.
    pub header: Header<'a>,
    /// The number of section headers (from `e_shnum`, or section 0's `sh_size` when the file
    /// has too many for 16 bits).
    pub section_count: u64,
    /// The index of the section name string table (from `e_shstrndx`, or section 0's
    /// `sh_link`).
    pub string_table_index: u32,
    /// The number of program headers (from `e_phnum`, or section 0's `sh_info`).
    pub program_header_count: u32,
    pub sections: Vec<Section<'a>>,
    /// The program header table, when the file has one that lies inside it.
    pub segments: Option<ProgramTable<'a>>,
    /// Whether the dynamic section marks the file a position-independent executable.
    pub pie: bool,
}

/// Decodes the file header, the section header table and the program header table of the
/// ELF file `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Elf<'_>, DecodeError> {
    let file_len = bytes.len() as u64;
    if bytes.is_empty() || !bytes.starts_with(&MAGIC[..bytes.len().min(4)]) {
        return fail("ELF header", 0, not_elf(bytes));
    }
    if bytes.len() < 16 {
        return fail(
            "ELF header",
            0,
            format!("the file ends after {file_len} bytes, e_ident needs 16"),
        );
    }
    let endian = match bytes[5] {
        1 => Endian::Little,
        2 => Endian::Big,
        other => {
            return fail(
                "ELF header",
                5,
                format!("EI_DATA is {other}, expected 1 (little-endian) or 2 (big-endian)"),
            )
        }
    };
    let file_header = match FileHeader::view_prefix_with(bytes, endian) {
        Ok((header, _)) => header,
        Err(error) => {
            let class = bytes[4];
            let problem = match error.kind() {
                ErrorKind::UnknownTag { .. } => {
                    return fail(
                        "ELF header",
                        4,
                        format!(
                            "EI_CLASS is {class} ({}), expected 1 (ELF32) or 2 (ELF64)",
                            class_name(class)
                        ),
                    )
                }
                _ => format!(
                    "the file ends after {file_len} bytes, an {} header needs {}",
                    class_name(class),
                    16 + if class == ELFCLASS32 {
                        FileHeader32::SIZE
                    } else {
                        FileHeader64::SIZE
                    }
                ),
            };
            return fail("ELF header", 0, problem);
        }
    };
    let (class, header) = match file_header.body() {
        HeaderBodyView::Elf32(view) => (Class::Elf32, Header::Elf32(view)),
        HeaderBodyView::Elf64(view) => (Class::Elf64, Header::Elf64(view)),
    };

    let mut elf = Elf {
        bytes,
        endian,
        class,
        file_header,
        header,
        section_count: u64::from(header.e_shnum()),
        string_table_index: u32::from(header.e_shstrndx()),
        program_header_count: u32::from(header.e_phnum()),
        sections: Vec::new(),
        segments: None,
        pie: false,
    };
    if let Some(table) = section_table(bytes, &mut elf)? {
        elf.sections = name_sections(bytes, &elf, table)?;
    }
    elf.segments = program_table(&elf);
    elf.pie = header.e_type() == ET_DYN && is_pie(&elf);
    Ok(elf)
}

/// Where `e_shnum` lies in the file header, by class (`e_shstrndx` follows it).
fn e_shnum_offset(class: Class) -> u64 {
    match class {
        Class::Elf32 => 0x30,
        Class::Elf64 => 0x3c,
    }
}

fn not_elf(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return String::from("not an ELF file (the file is empty)");
    }
    let start: Vec<String> = bytes.iter().take(4).map(|b| format!("{b:02x}")).collect();
    format!(
        "not an ELF file (it starts with {}, not 7f 45 4c 46)",
        start.join(" ")
    )
}

/// The name of the file's section header record, by class.
fn section_header_name(class: Class) -> &'static str {
    match class {
        Class::Elf32 => "ELF32 section header",
        Class::Elf64 => "ELF64 section header",
    }
}

/// Views the section header table, if the file has one, resolving the extended numbering of
/// files with 65,280 sections or more (the real counts then live in section 0).
fn section_table<'a>(
    bytes: &'a [u8],
    elf: &mut Elf<'a>,
) -> Result<Option<SectionTable<'a>>, DecodeError> {
    let (header, endian, class) = (elf.header, elf.endian, elf.class);
    let (shoff, stride) = (header.e_shoff(), usize::from(header.e_shentsize()));
    if shoff == 0 {
        if header.e_shnum() != 0 {
            return fail(
                "ELF header",
                e_shnum_offset(class),
                format!(
                    "e_shnum is {} but e_shoff is 0 (no section header table)",
                    header.e_shnum()
                ),
            );
        }
        return Ok(None);
    }
    let Some(table_bytes) = usize::try_from(shoff).ok().and_then(|at| bytes.get(at..)) else {
        return fail(
            "section header table",
            shoff,
            format!(
                "e_shoff points past the end of the file ({} bytes)",
                bytes.len()
            ),
        );
    };
    let view = |count: u64| {
        // A count that does not fit in memory cannot fit in the file either.
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        SectionTable::view(class, table_bytes, count, stride, endian).map_err(|error| {
            table_error(
                error,
                "section header",
                "e_shentsize",
                section_header_name(class),
                shoff,
                stride,
                count,
                bytes.len(),
            )
        })
    };
    if header.e_shnum() == 0 {
        // Extended numbering: section 0 holds the real count in `sh_size`.
        elf.section_count = view(1)?.get(0).map_or(0, |first| first.sh_size());
    }
    let table = view(elf.section_count)?;
    if let Some(first) = table.get(0) {
        if header.e_shstrndx() == SHN_XINDEX {
            elf.string_table_index = first.sh_link();
        }
        if header.e_phnum() == PN_XNUM && first.sh_info() != 0 {
            elf.program_header_count = first.sh_info();
        }
    }
    Ok(Some(table))
}

/// Words an error of `Records::with_stride_endian` in terms of the file: a table of `count`
/// `what`s at `start`, `stride` bytes apart (`stride_name` in the file).
#[allow(clippy::too_many_arguments)]
fn table_error(
    error: Error,
    what: &str,
    stride_name: &str,
    record_name: &str,
    start: u64,
    stride: usize,
    count: usize,
    file_len: usize,
) -> DecodeError {
    let record = format!("{what} table");
    match error.kind() {
        ErrorKind::StrideTooSmall {
            stride,
            record_size,
            ..
        } => DecodeError {
            record,
            offset: start,
            problem: format!(
                "{stride_name} is {stride}, smaller than a {record_size}-byte {record_name}"
            ),
        },
        ErrorKind::TooShort { offset, .. } => {
            let index = offset / stride.max(1);
            DecodeError {
                record: format!("{what} {index}"),
                offset: start.saturating_add(offset as u64),
                problem: format!(
                    "the table of {count} entries of {stride} bytes runs past the end of the \
                     file ({file_len} bytes)"
                ),
            }
        }
        other => DecodeError {
            record,
            offset: start,
            problem: other.to_string(),
        },
    }
}

/// Resolves every section's name in the section name string table.
fn name_sections<'a>(
    bytes: &'a [u8],
    elf: &Elf<'a>,
    table: SectionTable<'a>,
) -> Result<Vec<Section<'a>>, DecodeError> {
    let index = elf.string_table_index;
    let names: Option<&[u8]> = if index == u32::from(SHN_UNDEF) {
        None
    } else {
        let Some(strings) = table.get(index as usize) else {
            return fail(
                "ELF header",
                e_shnum_offset(elf.class) + 2,
                format!(
                    "the section name string table index {index} is out of range ({} section \
                     headers)",
                    table.len()
                ),
            );
        };
        let (start, size) = (strings.sh_offset(), strings.sh_size());
        match file_range(bytes, start, size) {
            Some([]) => None,
            Some(data) => Some(data),
            None => {
                return fail(
                    format!("section header {index} (the section name string table)"),
                    header_offset(elf, index as usize),
                    format!(
                        "its {size} bytes at offset {start:#x} run past the end of the file \
                         ({} bytes)",
                        bytes.len()
                    ),
                )
            }
        }
    };
    // One allocation, at the table's size: the table lies in the file, so its size is bounded.
    let mut sections = Vec::with_capacity(table.len());
    for (i, header) in table.iter().enumerate() {
        let name = match names {
            None => None,
            Some(names) => {
                let Some(name) = string_at(names, header.sh_name()) else {
                    return fail(
                        format!("section header {i}"),
                        header_offset(elf, i),
                        format!(
                            "name offset {:#x} is past the end of the section name string \
                             table ({} bytes)",
                            header.sh_name(),
                            names.len()
                        ),
                    );
                };
                Some(name)
            }
        };
        sections.push(Section { header, name });
    }
    Ok(sections)
}

/// The NUL-terminated string at `offset` in the string table `table` (to its end if no NUL
/// follows), or `None` past its end.
fn string_at(table: &[u8], offset: u32) -> Option<&[u8]> {
    let tail = table.get(offset as usize..)?;
    let end = tail.iter().position(|&b| b == 0).unwrap_or(tail.len());
    Some(&tail[..end])
}

/// Where section header `index` starts in the file.
fn header_offset(elf: &Elf<'_>, index: usize) -> u64 {
    let stride = u64::from(elf.header.e_shentsize());
    elf.header
        .e_shoff()
        .saturating_add(stride.saturating_mul(index as u64))
}

/// The `size` bytes at `offset`, if the file holds them all.
fn file_range(bytes: &[u8], offset: u64, size: u64) -> Option<&[u8]> {
    let start = usize::try_from(offset).ok()?;
    let end = start.checked_add(usize::try_from(size).ok()?)?;
    bytes.get(start..end)
}

/// The program header table, if the file has one and it lies inside the file. readelf prints
/// no program headers for a table it cannot read, with a warning; so does this (`-l` then
/// reports it as an error).
fn program_table<'a>(elf: &Elf<'a>) -> Option<ProgramTable<'a>> {
    let header = elf.header;
    if elf.program_header_count == 0 {
        return None;
    }
    let table = usize::try_from(header.e_phoff())
        .ok()
        .and_then(|at| elf.bytes.get(at..))?;
    ProgramTable::view(
        elf.class,
        table,
        elf.program_header_count as usize,
        usize::from(header.e_phentsize()),
        elf.endian,
    )
    .ok()
}

/// The dynamic entries of the `PT_DYNAMIC` segment, up to and including the first `DT_NULL`,
/// and the segment's file offset; `None` without one or when it does not lie in the file.
fn dynamic_entries<'a>(elf: &Elf<'a>) -> Option<(DynamicTable<'a>, u64)> {
    let dynamic = elf.segments?.iter().find(|s| s.p_type() == PT_DYNAMIC)?;
    let data = file_range(elf.bytes, dynamic.p_offset(), dynamic.p_filesz())?;
    let size = DynamicTable::record_size(elf.class);
    let entries = DynamicTable::view(elf.class, data, data.len() / size, size, elf.endian).ok()?;
    let count = entries
        .iter()
        .position(|entry| entry.d_tag() == DT_NULL)
        .map_or(entries.len(), |null| null + 1);
    let entries = DynamicTable::view(elf.class, data, count, size, elf.endian).ok()?;
    Some((entries, dynamic.p_offset()))
}

/// readelf's test for a position-independent executable: the dynamic segment's first
/// `DT_FLAGS_1` entry has `DF_1_PIE`. Anything unreadable on the way means "not PIE", as in
/// readelf, since this only chooses between two descriptions of an `ET_DYN` file.
fn is_pie(elf: &Elf<'_>) -> bool {
    let Some((entries, _)) = dynamic_entries(elf) else {
        return false;
    };
    entries
        .iter()
        .find(|entry| entry.d_tag() == DT_FLAGS_1)
        .is_some_and(|entry| entry.d_val() & DF_1_PIE != 0)
}

/// What to print, as readelf's flags say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// `-h`: the file header.
    pub header: bool,
    /// `-S`: the section headers.
    pub sections: bool,
    /// `-l`: the program headers and the section-to-segment mapping.
    pub segments: bool,
    /// `-s`: the symbol tables.
    pub symbols: bool,
    /// `-d`: the dynamic section.
    pub dynamic: bool,
    /// `-n`: the notes.
    pub notes: bool,
}

impl Options {
    /// What readelf prints for `-h -S`: the default.
    pub const DEFAULT: Options = Options {
        header: true,
        sections: true,
        segments: false,
        symbols: false,
        dynamic: false,
        notes: false,
    };
}

/// Why printing stopped: the output failed, or a record the flags need is bad.
#[derive(Debug)]
pub enum Stop {
    Output(fmt::Error),
    Bad(DecodeError),
}

impl From<fmt::Error> for Stop {
    fn from(error: fmt::Error) -> Self {
        Stop::Output(error)
    }
}

impl From<DecodeError> for Stop {
    fn from(error: DecodeError) -> Self {
        Stop::Bad(error)
    }
}

fn bad<T>(record: impl Into<String>, offset: u64, problem: impl Into<String>) -> Result<T, Stop> {
    Err(Stop::Bad(DecodeError {
        record: record.into(),
        offset,
        problem: problem.into(),
    }))
}

/// A short string formatted on the stack, for names that readelf pads to a column: no
/// allocation per record.
#[derive(Clone, Copy)]
pub struct Label {
    bytes: [u8; 80],
    len: usize,
}

impl Label {
    fn new(args: fmt::Arguments<'_>) -> Label {
        let mut label = Label {
            bytes: [0; 80],
            len: 0,
        };
        // A label longer than the buffer is cut; the longest of readelf's names has 58 bytes.
        let _ = fmt::Write::write_fmt(&mut label, args);
        label
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl fmt::Write for Label {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let room = self.bytes.len() - self.len;
        if text.len() > room {
            return Err(fmt::Error);
        }
        self.bytes[self.len..self.len + text.len()].copy_from_slice(text.as_bytes());
        self.len += text.len();
        Ok(())
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

macro_rules! label {
    ($($arg:tt)*) => {
        Label::new(format_args!($($arg)*))
    };
}

/// Bytes from a string table as readelf prints them: control characters as `^X`, bytes that
/// are not UTF-8 as `<0xNN>`; padded to the formatter's width when it has one.
#[derive(Clone, Copy)]
pub struct Printable<'a>(pub &'a [u8]);

impl Printable<'_> {
    fn write(&self, f: &mut fmt::Formatter<'_>) -> Result<usize, fmt::Error> {
        let mut width = 0;
        for chunk in self.0.utf8_chunks() {
            for c in chunk.valid().chars() {
                match c {
                    '\0'..='\x1f' => {
                        write!(f, "^{}", char::from(c as u8 + 0x40))?;
                        width += 2;
                    }
                    '\x7f' => {
                        f.write_str("^?")?;
                        width += 2;
                    }
                    c => {
                        write!(f, "{c}")?;
                        width += 1;
                    }
                }
            }
            for byte in chunk.invalid() {
                write!(f, "<{byte:#04x}>")?;
                width += 6;
            }
        }
        Ok(width)
    }
}

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self.write(f)?;
        for _ in width..f.width().unwrap_or(0) {
            f.write_str(" ")?;
        }
        Ok(())
    }
}

/// A table of strings: a string table section's bytes.
#[derive(Clone, Copy)]
struct Strings<'a> {
    bytes: &'a [u8],
}

impl<'a> Strings<'a> {
    fn get(&self, offset: u32) -> Option<&'a [u8]> {
        string_at(self.bytes, offset)
    }
}

/// `%#lx` as C prints it: `0` for zero, `0x...` otherwise.
fn alt_hex(value: u64) -> Label {
    if value == 0 {
        label!("0")
    } else {
        label!("{value:#x}")
    }
}

/// A symbol table section, viewed: its entries and its string table.
struct SymbolSection<'a> {
    symbols: SymbolTable<'a>,
    strings: Strings<'a>,
}

/// The version tables of the dynamic symbols (`.gnu.version`, `.gnu.version_d`,
/// `.gnu.version_r`), found through their section headers.
struct Versions<'a> {
    endian: Endian,
    versym: Records<'a, Versym>,
    verdef: Option<&'a [u8]>,
    verneed: Option<&'a [u8]>,
}

/// How a symbol's version prints: `@name` (hidden), `@@name` (default) or `@name (n)`
/// (needed from another file).
enum Version<'a> {
    Hidden(&'a [u8]),
    Default(&'a [u8]),
    Needed(&'a [u8], u16),
}

impl fmt::Display for Elf<'_> {
    /// `readelf -h -S -W`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_report(Options::DEFAULT, f)
            .map_err(|_| fmt::Error)
    }
}

impl<'a> Elf<'a> {
    /// Writes what readelf prints for `options` (and `-W`) to `w`, in readelf's order.
    pub fn write_report(&self, options: Options, w: &mut dyn fmt::Write) -> Result<(), Stop> {
        if options.header {
            self.fmt_header(w)?;
        }
        if options.sections {
            self.fmt_sections(w, options.header)?;
        }
        if options.segments {
            self.fmt_segments(w, options.header)?;
        }
        if options.dynamic {
            self.fmt_dynamic(w)?;
        }
        if options.symbols {
            self.fmt_symbols(w)?;
        }
        if options.notes {
            self.fmt_notes(w)?;
        }
        Ok(())
    }

    fn machine(&self) -> u16 {
        self.header.e_machine()
    }

    fn os_abi(&self) -> u8 {
        self.file_header.os_abi()
    }

    fn is_32(&self) -> bool {
        self.class == Class::Elf32
    }

    /// An address as readelf's `print_vma(..., LONG_HEX)`: 8 or 16 digits by class.
    fn address(&self, value: u64) -> Label {
        if self.is_32() {
            label!("{value:08x}")
        } else {
            label!("{value:016x}")
        }
    }

    fn fmt_header(&self, w: &mut dyn fmt::Write) -> Result<(), Stop> {
        fn row(w: &mut dyn fmt::Write, key: &str, value: fmt::Arguments<'_>) -> fmt::Result {
            writeln!(w, "  {:<35}{value}", label!("{key}:"))
        }
        let h = self.header;
        let ident = self.file_header;
        writeln!(w, "ELF Header:")?;
        write!(w, "  Magic:   ")?;
        for byte in ident.magic().iter().chain(
            [
                ident.class(),
                ident.data(),
                ident.version(),
                ident.os_abi(),
                ident.abi_version(),
            ]
            .iter(),
        ) {
            write!(w, "{byte:02x} ")?;
        }
        for byte in ident.padding() {
            write!(w, "{byte:02x} ")?;
        }
        writeln!(w)?;
        row(w, "Class", format_args!("{}", class_name(ident.class())))?;
        row(w, "Data", format_args!("{}", data_name(ident.data())))?;
        let version = match ident.version() {
            1 => " (current)",
            0 => "",
            _ => " <unknown>",
        };
        row(w, "Version", format_args!("{}{version}", ident.version()))?;
        row(w, "OS/ABI", format_args!("{}", os_abi_name(ident.os_abi())))?;
        row(w, "ABI Version", format_args!("{}", ident.abi_version()))?;
        row(w, "Type", format_args!("{}", self.type_name()))?;
        row(
            w,
            "Machine",
            format_args!("{}", machine_name(h.e_machine())),
        )?;
        row(w, "Version", format_args!("{:#x}", h.e_version()))?;
        row(w, "Entry point address", format_args!("{:#x}", h.e_entry()))?;
        // readelf prints these offsets as signed numbers of the class's width; so does this,
        // to agree on nonsense.
        let signed = |value: u64| match self.class {
            Class::Elf32 => i64::from(value as u32 as i32),
            Class::Elf64 => value as i64,
        };
        row(
            w,
            "Start of program headers",
            format_args!("{} (bytes into file)", signed(h.e_phoff())),
        )?;
        row(
            w,
            "Start of section headers",
            format_args!("{} (bytes into file)", signed(h.e_shoff())),
        )?;
        row(
            w,
            "Flags",
            format_args!(
                "{:#x}{}",
                h.e_flags(),
                MachineFlags(h.e_machine(), h.e_flags())
            ),
        )?;
        row(
            w,
            "Size of this header",
            format_args!("{} (bytes)", h.e_ehsize()),
        )?;
        row(
            w,
            "Size of program headers",
            format_args!("{} (bytes)", h.e_phentsize()),
        )?;
        // Extended numbering: the header says 0 or 0xffff and section 0 has the real value.
        let extended = |field: u32, real: u64| {
            if u64::from(field) == real {
                label!("")
            } else {
                label!(" ({real})")
            }
        };
        row(
            w,
            "Number of program headers",
            format_args!(
                "{}{}",
                h.e_phnum(),
                extended(h.e_phnum().into(), self.program_header_count.into())
            ),
        )?;
        row(
            w,
            "Size of section headers",
            format_args!("{} (bytes)", h.e_shentsize()),
        )?;
        row(
            w,
            "Number of section headers",
            format_args!(
                "{}{}",
                h.e_shnum(),
                extended(h.e_shnum().into(), self.section_count)
            ),
        )?;
        row(
            w,
            "Section header string table index",
            format_args!(
                "{}{}",
                h.e_shstrndx(),
                extended(h.e_shstrndx().into(), self.string_table_index.into())
            ),
        )?;
        Ok(())
    }

    fn section_name(&self, index: usize) -> Printable<'a> {
        match self.sections.get(index).and_then(|s| s.name) {
            Some(name) => Printable(name),
            None => Printable(b"<no-strings>"),
        }
    }

    /// `-S`: readelf leaves out the summary line after `-h`.
    fn fmt_sections(&self, w: &mut dyn fmt::Write, after_header: bool) -> Result<(), Stop> {
        let count = self.sections.len();
        if count == 0 {
            writeln!(w, "\nThere are no sections in this file.")?;
            return Ok(());
        }
        let shoff = self.header.e_shoff();
        if !after_header {
            let (verb, noun) = if count == 1 {
                ("is", "header")
            } else {
                ("are", "headers")
            };
            writeln!(
                w,
                "There {verb} {count} section {noun}, starting at offset {shoff:#x}:"
            )?;
        }
        writeln!(
            w,
            "\nSection {}:",
            if count == 1 { "Header" } else { "Headers" }
        )?;
        let address = if self.is_32() {
            "Addr    "
        } else {
            "Address         "
        };
        writeln!(
            w,
            "  [Nr] Name              Type            {address} Off    Size   ES Flg Lk Inf Al"
        )?;
        for (i, section) in self.sections.iter().enumerate() {
            let s = section.header;
            writeln!(
                w,
                "  [{i:2}] {:<17} {:<15} {} {:06x} {:06x} {:02x} {:>3} {:2} {:3} {:2}",
                self.section_name(i),
                self.section_type_name(s.sh_type()),
                self.address(s.sh_addr()),
                s.sh_offset(),
                s.sh_size(),
                s.sh_entsize(),
                self.section_flags(s.sh_flags()),
                s.sh_link(),
                s.sh_info(),
                s.sh_addralign(),
            )?;
        }
        writeln!(w, "Key to Flags:")?;
        writeln!(
            w,
            "  W (write), A (alloc), X (execute), M (merge), S (strings), I (info),"
        )?;
        writeln!(
            w,
            "  L (link order), O (extra OS processing required), G (group), T (TLS),"
        )?;
        writeln!(
            w,
            "  C (compressed), x (unknown), o (OS specific), E (exclude),"
        )?;
        write!(w, "  ")?;
        if matches!(self.os_abi(), 3 | 9) {
            write!(w, "R (retain), ")?;
        }
        if matches!(self.os_abi(), 0 | 3 | 9) {
            write!(w, "D (mbind), ")?;
        }
        match self.machine() {
            EM_X86_64 => write!(w, "l (large), ")?,
            EM_ARM => write!(w, "y (purecode), ")?,
            EM_PPC => write!(w, "v (VLE), ")?,
            _ => {}
        }
        writeln!(w, "p (processor specific)")?;
        Ok(())
    }

    /// `-l`: the program headers, then which sections each segment holds.
    fn fmt_segments(&self, w: &mut dyn fmt::Write, after_header: bool) -> Result<(), Stop> {
        let count = self.program_header_count;
        if count == 0 {
            if self.header.e_phoff() == 0 {
                writeln!(w, "\nThere are no program headers in this file.")?;
            }
            return Ok(());
        }
        if !after_header {
            writeln!(w, "\nElf file type is {}", self.type_name())?;
            writeln!(w, "Entry point {:#x}", self.header.e_entry())?;
            let (verb, noun) = if count == 1 {
                ("is", "header")
            } else {
                ("are", "headers")
            };
            writeln!(
                w,
                "There {verb} {count} program {noun}, starting at offset {}",
                self.header.e_phoff()
            )?;
        }
        let Some(segments) = self.segments else {
            let phoff = self.header.e_phoff();
            let stride = usize::from(self.header.e_phentsize());
            let table = usize::try_from(phoff)
                .ok()
                .and_then(|at| self.bytes.get(at..));
            let error = match table {
                None => DecodeError {
                    record: String::from("program header table"),
                    offset: phoff,
                    problem: format!(
                        "e_phoff points past the end of the file ({} bytes)",
                        self.bytes.len()
                    ),
                },
                Some(table) => {
                    match ProgramTable::view(self.class, table, count as usize, stride, self.endian)
                    {
                        Err(error) => table_error(
                            error,
                            "program header",
                            "e_phentsize",
                            match self.class {
                                Class::Elf32 => "ELF32 program header",
                                Class::Elf64 => "ELF64 program header",
                            },
                            phoff,
                            stride,
                            count as usize,
                            self.bytes.len(),
                        ),
                        Ok(_) => DecodeError {
                            record: String::from("program header table"),
                            offset: phoff,
                            problem: String::from("unreadable"),
                        },
                    }
                }
            };
            return Err(Stop::Bad(error));
        };
        writeln!(
            w,
            "\nProgram {}:",
            if count == 1 { "Header" } else { "Headers" }
        )?;
        if self.is_32() {
            writeln!(
                w,
                "  Type           Offset   VirtAddr   PhysAddr   FileSiz MemSiz  Flg Align"
            )?;
        } else {
            writeln!(
                w,
                "  Type           Offset   VirtAddr           PhysAddr           FileSiz  MemSiz   Flg Align"
            )?;
        }
        for (i, segment) in segments.iter().enumerate() {
            let flags = segment.p_flags();
            let rwx = [(4, 'R'), (2, 'W'), (1, 'E')]
                .map(|(bit, c)| if flags & bit != 0 { c } else { ' ' });
            let kind = self.segment_type_name(segment.p_type());
            let kind = kind.as_str().get(..14).unwrap_or(kind.as_str());
            if self.is_32() {
                writeln!(
                    w,
                    "  {kind:<14} 0x{:06x} 0x{:08x} 0x{:08x} 0x{:05x} 0x{:05x} {}{}{} {}",
                    segment.p_offset(),
                    segment.p_vaddr(),
                    segment.p_paddr(),
                    segment.p_filesz(),
                    segment.p_memsz(),
                    rwx[0],
                    rwx[1],
                    rwx[2],
                    alt_hex(segment.p_align()),
                )?;
            } else {
                writeln!(
                    w,
                    "  {kind:<14} 0x{:06x} 0x{:016x} 0x{:016x} 0x{:06x} 0x{:06x} {}{}{} {}",
                    segment.p_offset(),
                    segment.p_vaddr(),
                    segment.p_paddr(),
                    segment.p_filesz(),
                    segment.p_memsz(),
                    rwx[0],
                    rwx[1],
                    rwx[2],
                    alt_hex(segment.p_align()),
                )?;
            }
            if segment.p_type() == PT_INTERP {
                let Some(data) = file_range(self.bytes, segment.p_offset(), segment.p_filesz())
                else {
                    return bad(
                        format!("program header {i} (PT_INTERP)"),
                        self.header.e_phoff(),
                        format!(
                            "the interpreter's {} bytes at offset {:#x} run past the end of the \
                             file ({} bytes)",
                            segment.p_filesz(),
                            segment.p_offset(),
                            self.bytes.len()
                        ),
                    );
                };
                let end = data.iter().position(|&b| b == 0).unwrap_or(data.len());
                writeln!(
                    w,
                    "      [Requesting program interpreter: {}]",
                    Printable(&data[..end])
                )?;
            }
        }
        if self.sections.is_empty() || self.sections.iter().all(|s| s.name.is_none()) {
            return Ok(());
        }
        writeln!(w, "\n Section to Segment mapping:")?;
        writeln!(w, "  Segment Sections...")?;
        for (i, segment) in segments.iter().enumerate() {
            write!(w, "   {i:02}     ")?;
            for (j, section) in self.sections.iter().enumerate().skip(1) {
                if !tbss_special(section.header, segment)
                    && section_in_segment(section.header, segment)
                {
                    write!(w, "{} ", self.section_name(j))?;
                }
            }
            writeln!(w)?;
        }
        Ok(())
    }

    /// `-d`.
    fn fmt_dynamic(&self, w: &mut dyn fmt::Write) -> Result<(), Stop> {
        let Some((entries, offset)) = dynamic_entries(self) else {
            writeln!(w, "\nThere is no dynamic section in this file.")?;
            return Ok(());
        };
        let count = entries.len();
        writeln!(
            w,
            "\nDynamic section at offset {offset:#x} contains {count} {}:",
            if count == 1 { "entry" } else { "entries" }
        )?;
        writeln!(w, "  Tag        Type                         Name/Value")?;
        let strings = self.dynamic_strings(entries);
        let width: usize = if self.is_32() { 27 } else { 19 };
        for entry in entries.iter() {
            let (tag, value) = (entry.d_tag(), entry.d_val());
            let name = self.dynamic_type_name(tag);
            let tag_hex = match self.class {
                Class::Elf32 => label!("0x{:08x}", tag as u32),
                Class::Elf64 => label!("0x{:016x}", tag as u64),
            };
            let pad = width.saturating_sub(name.as_str().len()).max(1);
            write!(w, " {tag_hex} ({name}){:pad$}", " ")?;
            self.fmt_dynamic_value(w, tag, value, strings)?;
        }
        Ok(())
    }

    /// The dynamic string table: `DT_STRTAB`'s address mapped to the file through the
    /// loadable segments, `DT_STRSZ` bytes long.
    fn dynamic_strings(&self, entries: DynamicTable<'a>) -> Option<Strings<'a>> {
        let find = |tag: i64| entries.iter().find(|e| e.d_tag() == tag).map(|e| e.d_val());
        let address = find(5)?;
        let size = find(10)?;
        let offset = self.offset_from_address(address, size)?;
        file_range(self.bytes, offset, size).map(|bytes| Strings { bytes })
    }

    /// readelf's `offset_from_vma`: the file offset of `address` through the `PT_LOAD`
    /// segment that holds it with `size` bytes after it.
    fn offset_from_address(&self, address: u64, size: u64) -> Option<u64> {
        self.segments?
            .iter()
            .filter(|s| s.p_type() == PT_LOAD)
            .find(|s| {
                let start = s.p_vaddr() & s.p_align().wrapping_neg();
                address >= start
                    && address
                        .checked_add(size)
                        .is_some_and(|end| end <= s.p_vaddr().saturating_add(s.p_filesz()))
            })
            .map(|s| address.wrapping_sub(s.p_vaddr()).wrapping_add(s.p_offset()))
    }

    fn fmt_dynamic_value(
        &self,
        w: &mut dyn fmt::Write,
        tag: i64,
        value: u64,
        strings: Option<Strings<'a>>,
    ) -> Result<(), Stop> {
        let string = || {
            u32::try_from(value)
                .ok()
                .and_then(|offset| strings.and_then(|s| s.get(offset)))
        };
        if self.machine() == EM_MIPS && (0x7000_0000..=0x7fff_ffff).contains(&tag) {
            match tag {
                0x7000_0005 => {
                    // MIPS_FLAGS
                    if value == 0 {
                        writeln!(w, "NONE")?;
                    } else {
                        let names = [
                            "QUICKSTART",
                            "NOTPOT",
                            "NO_LIBRARY_REPLACEMENT",
                            "NO_MOVE",
                            "SGI_ONLY",
                            "GUARANTEE_INIT",
                            "DELTA_C_PLUS_PLUS",
                            "GUARANTEE_START_INIT",
                            "PIXIE",
                            "DEFAULT_DELAY_LOAD",
                            "REQUICKSTART",
                            "REQUICKSTARTED",
                            "CORD",
                            "NO_UNRES_UNDEF",
                            "RLD_ORDER_SAFE",
                        ];
                        let mut first = true;
                        for (bit, name) in names.iter().enumerate() {
                            if value & (1 << bit) != 0 {
                                write!(w, "{}{name}", if first { "" } else { " " })?;
                                first = false;
                            }
                        }
                        writeln!(w)?;
                    }
                    return Ok(());
                }
                0x7000_0001 | 0x7000_000a | 0x7000_000b | 0x7000_0010 | 0x7000_0011
                | 0x7000_0012 | 0x7000_0014 | 0x7000_0018 | 0x7000_001a | 0x7000_001c
                | 0x7000_001e | 0x7000_0021 | 0x7000_002f => {
                    writeln!(w, "{value}")?;
                    return Ok(());
                }
                _ => {
                    writeln!(w, "{value:#x}")?;
                    return Ok(());
                }
            }
        }
        match tag {
            1 | 14 | 15 | 29 | 0x7fff_fffd | 0x7fff_ffff | 0x6fff_fefa | 0x6fff_fefb
            | 0x6fff_fefc => {
                let what = match tag {
                    1 => "Shared library",
                    14 => "Library soname",
                    15 => "Library rpath",
                    29 => "Library runpath",
                    0x7fff_fffd => "Auxiliary library",
                    0x7fff_ffff => "Filter library",
                    0x6fff_fefa => "Configuration file",
                    0x6fff_fefb => "Dependency audit library",
                    _ => "Audit library",
                };
                match string() {
                    Some(name) => writeln!(w, "{what}: [{}]", Printable(name))?,
                    None => writeln!(w, "{value:#x}")?,
                }
            }
            20 => writeln!(w, "{}", self.dynamic_type_name(value as i64))?,
            // The value of `DT_BIND_NOW` means nothing; readelf prints none.
            24 => writeln!(w)?,
            2 | 8 | 9 | 10 | 11 | 18 | 19 | 27 | 28 | 33 | 35 | 37 | 0x6fff_fdf9 | 0x6fff_fdfa
            | 0x6fff_fdfb | 0x6fff_fdfe | 0x6fff_fdff | 0x6fff_fdf6 | 0x6fff_fdf7 => {
                writeln!(w, "{value} (bytes)")?
            }
            0x6fff_fffd | 0x6fff_ffff | 0x6fff_fff9 | 0x6fff_fffa => writeln!(w, "{value}")?,
            30 => {
                let mut rest = value;
                let mut first = true;
                while rest != 0 {
                    let flag = rest & rest.wrapping_neg();
                    rest &= !flag;
                    let name = match flag {
                        1 => "ORIGIN",
                        2 => "SYMBOLIC",
                        4 => "TEXTREL",
                        8 => "BIND_NOW",
                        16 => "STATIC_TLS",
                        _ => "unknown",
                    };
                    write!(w, "{}{name}", if first { "" } else { " " })?;
                    first = false;
                }
                writeln!(w)?;
            }
            DT_FLAGS_1 => {
                write!(w, "Flags:")?;
                let names = [
                    "NOW",
                    "GLOBAL",
                    "GROUP",
                    "NODELETE",
                    "LOADFLTR",
                    "INITFIRST",
                    "NOOPEN",
                    "ORIGIN",
                    "DIRECT",
                    "TRANS",
                    "INTERPOSE",
                    "NODEFLIB",
                    "NODUMP",
                    "CONFALT",
                    "ENDFILTEE",
                    "DISPRELDNE",
                    "DISPRELPND",
                    "NODIRECT",
                    "IGNMULDEF",
                    "NOKSYMS",
                    "NOHDR",
                    "EDITED",
                    "NORELOC",
                    "SYMINTPOSE",
                    "GLOBAUDIT",
                    "SINGLETON",
                    "STUB",
                    "PIE",
                    "KMOD",
                    "WEAKFILTER",
                    "NOCOMMON",
                ];
                let mut rest = value;
                while rest != 0 {
                    let flag = rest & rest.wrapping_neg();
                    rest &= !flag;
                    let bit = flag.trailing_zeros() as usize;
                    match names.get(bit) {
                        Some(name) => write!(w, " {name}")?,
                        None => write!(w, " unknown")?,
                    }
                }
                writeln!(w)?;
            }
            _ => writeln!(w, "{value:#x}")?,
        }
        Ok(())
    }

    /// `-s`: every `SHT_SYMTAB` and `SHT_DYNSYM` section, in section order.
    fn fmt_symbols(&self, w: &mut dyn fmt::Write) -> Result<(), Stop> {
        if self.sections.is_empty() {
            // readelf finds dynamic symbols without section headers only under -D.
            writeln!(
                w,
                "\nDynamic symbol information is not available for displaying symbols."
            )?;
            return Ok(());
        }
        let versions = self.versions()?;
        for (index, section) in self.sections.iter().enumerate() {
            let kind = section.header.sh_type();
            if kind != SHT_SYMTAB && kind != SHT_DYNSYM {
                continue;
            }
            let entsize = section.header.sh_entsize();
            if entsize == 0 {
                writeln!(
                    w,
                    "\nSymbol table '{}' has a sh_entsize of zero!",
                    self.section_name(index)
                )?;
                continue;
            }
            let table = self.symbol_section(index)?;
            let count = table.symbols.len();
            writeln!(
                w,
                "\nSymbol table '{}' contains {count} {}:",
                self.section_name(index),
                if count == 1 { "entry" } else { "entries" }
            )?;
            if self.is_32() {
                writeln!(w, "   Num:    Value  Size Type    Bind   Vis      Ndx Name")?;
            } else {
                writeln!(
                    w,
                    "   Num:    Value          Size Type    Bind   Vis      Ndx Name"
                )?;
            }
            let versions = if kind == SHT_DYNSYM {
                versions.as_ref()
            } else {
                None
            };
            for (i, symbol) in table.symbols.iter().enumerate() {
                let size = symbol.st_size();
                let size = if size <= 99999 {
                    label!("{size:5}")
                } else {
                    label!("{size:#x}")
                };
                write!(
                    w,
                    "{i:6}: {} {size} {:<7} {:<6} {:<7} {:>4} ",
                    self.address(symbol.st_value()),
                    self.symbol_type_name(symbol.st_info() & 0xf),
                    self.symbol_binding_name(symbol.st_info() >> 4),
                    ["DEFAULT", "INTERNAL", "HIDDEN", "PROTECTED"]
                        [usize::from(symbol.st_other() & 3)],
                    self.symbol_index_name(symbol.st_shndx()),
                )?;
                let section_symbol = symbol.st_info() & 0xf == 3
                    && symbol.st_name() == 0
                    && u64::from(symbol.st_shndx()) < u64::from(self.header.e_shnum());
                if section_symbol {
                    write!(w, "{}", self.section_name(usize::from(symbol.st_shndx())))?;
                } else {
                    match table.strings.get(symbol.st_name()) {
                        Some(name) => write!(w, "{}", Printable(name))?,
                        None => write!(w, "<corrupt>")?,
                    }
                }
                if let Some(versions) = versions {
                    match versions.version(i, symbol, table.strings) {
                        Some(Version::Hidden(name)) => write!(w, "@{}", Printable(name))?,
                        Some(Version::Default(name)) => write!(w, "@@{}", Printable(name))?,
                        Some(Version::Needed(name, other)) => {
                            write!(w, "@{} ({other})", Printable(name))?
                        }
                        None => {}
                    }
                }
                writeln!(w)?;
            }
        }
        Ok(())
    }

    /// The section `index`'s bytes, or an error naming its header.
    fn section_data(&self, index: usize, what: &str) -> Result<&'a [u8], Stop> {
        let Some(section) = self.sections.get(index) else {
            return bad(
                format!("{what} link"),
                0,
                format!("section {index} does not exist"),
            );
        };
        let header = section.header;
        if header.sh_type() == SHT_NOBITS {
            return Ok(&[]);
        }
        match file_range(self.bytes, header.sh_offset(), header.sh_size()) {
            Some(data) => Ok(data),
            None => bad(
                format!("section header {index} ({what})"),
                header_offset(self, index),
                format!(
                    "its {} bytes at offset {:#x} run past the end of the file ({} bytes)",
                    header.sh_size(),
                    header.sh_offset(),
                    self.bytes.len()
                ),
            ),
        }
    }

    /// A symbol table section and its string table (`sh_link`), viewed.
    fn symbol_section(&self, index: usize) -> Result<SymbolSection<'a>, Stop> {
        let header = self.sections[index].header;
        let data = self.section_data(index, "a symbol table")?;
        let stride = usize::try_from(header.sh_entsize()).unwrap_or(usize::MAX);
        let count = data.len() / stride.max(1);
        let symbols =
            SymbolTable::view(self.class, data, count, stride, self.endian).map_err(|error| {
                Stop::Bad(table_error(
                    error,
                    "symbol",
                    "sh_entsize",
                    match self.class {
                        Class::Elf32 => "ELF32 symbol",
                        Class::Elf64 => "ELF64 symbol",
                    },
                    header.sh_offset(),
                    stride,
                    count,
                    self.bytes.len(),
                ))
            })?;
        let link = header.sh_link() as usize;
        let strings = if self
            .sections
            .get(link)
            .is_some_and(|s| s.header.sh_type() == SHT_STRTAB)
        {
            self.section_data(link, "a string table")?
        } else {
            &[]
        };
        Ok(SymbolSection {
            symbols,
            strings: Strings { bytes: strings },
        })
    }

    /// The version tables, when the file has `.gnu.version`.
    fn versions(&self) -> Result<Option<Versions<'a>>, Stop> {
        let find = |kind: u32| {
            self.sections
                .iter()
                .position(|s| s.header.sh_type() == kind)
        };
        let Some(versym_index) = find(SHT_GNU_VERSYM) else {
            return Ok(None);
        };
        let data = self.section_data(versym_index, ".gnu.version")?;
        let whole = data.len() - data.len() % 2;
        let Ok(versym) = Records::<Versym>::new_with(&data[..whole], self.endian) else {
            return Ok(None);
        };
        let table = |kind: u32, what: &str| -> Result<Option<&'a [u8]>, Stop> {
            find(kind)
                .map(|index| self.section_data(index, what))
                .transpose()
        };
        let verdef = table(SHT_GNU_VERDEF, ".gnu.version_d")?;
        let verneed = table(SHT_GNU_VERNEED, ".gnu.version_r")?;
        Ok(Some(Versions {
            endian: self.endian,
            versym,
            verdef,
            verneed,
        }))
    }

    /// `-n`: the notes of every `SHT_NOTE` section, or of every `PT_NOTE` segment when the
    /// file has no note sections.
    fn fmt_notes(&self, w: &mut dyn fmt::Write) -> Result<(), Stop> {
        let mut found = false;
        // A core file's notes are read from its segments, as readelf does.
        let sections = if self.header.e_type() == ET_CORE {
            &[][..]
        } else {
            &self.sections[..]
        };
        for (index, section) in sections.iter().enumerate() {
            let header = section.header;
            if header.sh_type() != SHT_NOTE || header.sh_size() == 0 {
                continue;
            }
            found = true;
            let data = self.section_data(index, "a note section")?;
            writeln!(
                w,
                "\nDisplaying notes found in: {}",
                self.section_name(index)
            )?;
            self.fmt_note_data(w, data, header.sh_addralign(), header.sh_offset())?;
        }
        if found || !sections.is_empty() && self.segments.is_none() {
            return Ok(());
        }
        let Some(segments) = self.segments else {
            return Ok(());
        };
        for (i, segment) in segments.iter().enumerate() {
            if segment.p_type() != PT_NOTE || segment.p_filesz() == 0 {
                continue;
            }
            let Some(data) = file_range(self.bytes, segment.p_offset(), segment.p_filesz()) else {
                return bad(
                    format!("program header {i} (PT_NOTE)"),
                    self.header.e_phoff(),
                    format!(
                        "its {} bytes at offset {:#x} run past the end of the file ({} bytes)",
                        segment.p_filesz(),
                        segment.p_offset(),
                        self.bytes.len()
                    ),
                );
            };
            writeln!(
                w,
                "\nDisplaying notes found at file offset 0x{:08x} with length 0x{:08x}:",
                segment.p_offset(),
                segment.p_filesz()
            )?;
            self.fmt_note_data(w, data, segment.p_align(), segment.p_offset())?;
        }
        Ok(())
    }

    /// The notes in `data`, which starts at `offset` in the file, aligned to `align`.
    fn fmt_note_data(
        &self,
        w: &mut dyn fmt::Write,
        data: &'a [u8],
        align: u64,
        offset: u64,
    ) -> Result<(), Stop> {
        let align = match align {
            0..=4 => 4,
            8 => 8,
            other => {
                return bad(
                    "note section",
                    offset,
                    format!("its alignment is {other}, expected 4 or 8"),
                )
            }
        };
        writeln!(w, "  {:<20} {:<10}\tDescription", "Owner", "Data size")?;
        let mut at = 0usize;
        while at < data.len() {
            let note_offset = offset + at as u64;
            let Ok((note, _)) = NoteHeader::view_prefix_with(&data[at..], self.endian) else {
                return bad(
                    "note",
                    note_offset,
                    format!(
                        "only {} bytes remain, not enough for a note header",
                        data.len() - at
                    ),
                );
            };
            let (namesz, descsz) = (note.n_namesz() as usize, note.n_descsz() as usize);
            let name_at = at + NoteHeader::SIZE;
            let desc_at = (name_at as u64 + namesz as u64).next_multiple_of(align);
            let next = (desc_at + descsz as u64).next_multiple_of(align);
            if next > data.len() as u64 || desc_at + descsz as u64 > data.len() as u64 {
                return bad(
                    "note",
                    note_offset,
                    format!(
                        "its name ({namesz} bytes) and descriptor ({descsz} bytes) run past \
                         the end of the note section"
                    ),
                );
            }
            let name = &data[name_at..name_at + namesz];
            let name = &name[..name.iter().position(|&b| b == 0).unwrap_or(name.len())];
            let desc = &data[desc_at as usize..desc_at as usize + descsz];
            at = next as usize;
            self.fmt_note(w, name, namesz, note.n_type(), desc)?;
        }
        Ok(())
    }

    fn fmt_note(
        &self,
        w: &mut dyn fmt::Write,
        name: &[u8],
        namesz: usize,
        kind: u32,
        desc: &[u8],
    ) -> Result<(), Stop> {
        let gnu = name.starts_with(b"GNU");
        let stapsdt = name.starts_with(b"stapsdt");
        let type_name = if stapsdt {
            match kind {
                3 => label!("NT_STAPSDT (SystemTap probe descriptors)"),
                other => label!("Unknown note type: (0x{other:08x})"),
            }
        } else if gnu {
            match kind {
                1 => label!("NT_GNU_ABI_TAG (ABI version tag)"),
                2 => label!("NT_GNU_HWCAP (DSO-supplied software HWCAP info)"),
                3 => label!("NT_GNU_BUILD_ID (unique build ID bitstring)"),
                4 => label!("NT_GNU_GOLD_VERSION (gold version)"),
                5 => label!("NT_GNU_PROPERTY_TYPE_0"),
                0x100 => label!("NT_GNU_BUILD_ATTRIBUTE_OPEN"),
                0x101 => label!("NT_GNU_BUILD_ATTRIBUTE_FUNC"),
                other => label!("Unknown note type: (0x{other:08x})"),
            }
        } else if name == b"Go" && kind == 4 {
            label!("GO BUILDID")
        } else if name.starts_with(b"FDO") && kind == FDO_PACKAGING_METADATA {
            label!("FDO_PACKAGING_METADATA")
        } else if self.header.e_type() == ET_CORE {
            match core_note_name(kind) {
                Some(name) => label!("{name}"),
                None => label!("Unknown note type: (0x{kind:08x})"),
            }
        } else {
            match kind {
                1 => label!("NT_VERSION (version)"),
                2 => label!("NT_ARCH (architecture)"),
                other => label!("Unknown note type: (0x{other:08x})"),
            }
        };
        let owner = if namesz == 0 {
            Printable(b"(NONE)")
        } else {
            Printable(name)
        };
        write!(w, "  {owner:<20} 0x{:08x}\t{type_name}\t", desc.len())?;
        let word = |at: usize| -> Option<u32> {
            let bytes: [u8; 4] = desc.get(at..at + 4)?.try_into().ok()?;
            Some(match self.endian {
                Endian::Little => u32::from_le_bytes(bytes),
                Endian::Big => u32::from_be_bytes(bytes),
            })
        };
        if stapsdt {
            return self.fmt_stapsdt(w, desc);
        }
        if gnu {
            match kind {
                3 => {
                    write!(w, "    Build ID: ")?;
                    for byte in desc {
                        write!(w, "{byte:02x}")?;
                    }
                    writeln!(w)?;
                }
                1 => match (word(0), word(4), word(8), word(12)) {
                    (Some(os), Some(major), Some(minor), Some(subminor)) => {
                        let os = match os {
                            0 => "Linux",
                            1 => "Hurd",
                            2 => "Solaris",
                            3 => "FreeBSD",
                            4 => "NetBSD",
                            5 => "Syllable",
                            6 => "NaCl",
                            _ => "Unknown",
                        };
                        writeln!(w, "    OS: {os}, ABI: {major}.{minor}.{subminor}")?;
                    }
                    _ => writeln!(w, "    <corrupt GNU_ABI_TAG>")?,
                },
                4 => {
                    let end = desc.iter().position(|&b| b == 0).unwrap_or(desc.len());
                    writeln!(w, "    Version: {}", Printable(&desc[..end]))?;
                }
                5 => self.fmt_properties(w, desc)?,
                _ => {
                    write!(w, "    Description data: ")?;
                    for byte in desc {
                        write!(w, "{byte:02x} ")?;
                    }
                    writeln!(w)?;
                }
            }
            return Ok(());
        }
        if name.starts_with(b"CORE") {
            // readelf decodes only NT_FILE of a core file's own notes (see the module docs).
        } else if name.starts_with(b"FDO") && kind == FDO_PACKAGING_METADATA {
            let end = desc.iter().position(|&b| b == 0).unwrap_or(desc.len());
            write!(w, "    Packaging Metadata: {}", Printable(&desc[..end]))?;
        } else if !desc.is_empty() {
            write!(w, "   description data: ")?;
            for byte in desc {
                write!(w, "{byte:02x} ")?;
            }
        }
        writeln!(w)?;
        Ok(())
    }

    /// A SystemTap probe: three addresses, then the provider, the probe's name and its
    /// arguments as NUL-terminated strings.
    fn fmt_stapsdt(&self, w: &mut dyn fmt::Write, desc: &[u8]) -> Result<(), Stop> {
        let size = if self.is_32() { 4 } else { 8 };
        let address = |at: usize| -> u64 {
            let mut value = 0u64;
            for i in 0..size {
                let byte = u64::from(desc[at + i]);
                value |= match self.endian {
                    Endian::Little => byte << (8 * i),
                    Endian::Big => byte << (8 * (size - 1 - i)),
                };
            }
            value
        };
        let mut strings = desc.get(3 * size..).unwrap_or(&[]).split(|&b| b == 0);
        let (Some(provider), Some(probe), Some(arguments)) =
            (strings.next(), strings.next(), strings.next())
        else {
            writeln!(w, "  <corrupt - note is too small>")?;
            return Ok(());
        };
        // Each string must end with its NUL inside the note.
        if desc.len() < 3 * size
            || 3 * size + provider.len() + probe.len() + arguments.len() + 3 > desc.len()
        {
            writeln!(w, "  <corrupt - note is too small>")?;
            return Ok(());
        }
        writeln!(w, "    Provider: {}", Printable(provider))?;
        writeln!(w, "    Name: {}", Printable(probe))?;
        writeln!(
            w,
            "    Location: {}, Base: {}, Semaphore: {}",
            self.full_hex(address(0)),
            self.full_hex(address(size)),
            self.full_hex(address(2 * size))
        )?;
        writeln!(w, "    Arguments: {}", Printable(arguments))?;
        Ok(())
    }

    /// readelf's `print_vma(..., FULL_HEX)`.
    fn full_hex(&self, value: u64) -> Label {
        if self.is_32() {
            label!("0x{value:08x}")
        } else {
            label!("0x{value:016x}")
        }
    }

    /// The properties of an `NT_GNU_PROPERTY_TYPE_0` note, as readelf prints them.
    fn fmt_properties(&self, w: &mut dyn fmt::Write, desc: &[u8]) -> Result<(), Stop> {
        let size = if self.is_32() { 4 } else { 8 };
        write!(w, "      Properties: ")?;
        if desc.len() < 8 || !desc.len().is_multiple_of(size) {
            writeln!(w, "<corrupt GNU_PROPERTY_TYPE, size = {:#x}>", desc.len())?;
            return Ok(());
        }
        let mut at = 0;
        while at < desc.len() {
            let Ok((property, rest)) = Property::view_prefix_with(&desc[at..], self.endian) else {
                break;
            };
            let (kind, datasz) = (property.pr_type(), property.pr_datasz() as usize);
            if datasz > rest.len() {
                write!(w, "<corrupt type ({kind:#x}) datasz: {datasz:#x}>")?;
                break;
            }
            let data = &rest[..datasz];
            let word = || -> Option<u32> {
                let bytes: [u8; 4] = data.try_into().ok()?;
                Some(match self.endian {
                    Endian::Little => u32::from_le_bytes(bytes),
                    Endian::Big => u32::from_be_bytes(bytes),
                })
            };
            self.fmt_property(w, kind, data, word())?;
            at += 8 + datasz.next_multiple_of(size);
            if at >= desc.len() {
                break;
            }
            write!(w, ", ")?;
        }
        writeln!(w)?;
        Ok(())
    }

    fn fmt_property(
        &self,
        w: &mut dyn fmt::Write,
        kind: u32,
        data: &[u8],
        word: Option<u32>,
    ) -> Result<(), Stop> {
        const GNU_PROPERTY_LOPROC: u32 = 0xc000_0000;
        const GNU_PROPERTY_LOUSER: u32 = 0xe000_0000;
        const X86_ISA: [&str; 4] = ["x86-64-baseline", "x86-64-v2", "x86-64-v3", "x86-64-v4"];
        const X86_COMPAT_ISA: [&str; 18] = [
            "i486", "586", "686", "SSE", "SSE2", "SSE3", "SSSE3", "SSE4_1", "SSE4_2", "AVX",
            "AVX2", "AVX512F", "AVX512CD", "AVX512ER", "AVX512PF", "AVX512VL", "AVX512DQ",
            "AVX512BW",
        ];
        const X86_FEATURE_2: [&str; 12] = [
            "x86", "x87", "MMX", "XMM", "YMM", "ZMM", "FXSR", "XSAVE", "XSAVEOPT", "XSAVEC", "TMM",
            "MASK",
        ];
        let x86 = matches!(self.machine(), EM_386 | EM_X86_64);
        let bits = |w: &mut dyn fmt::Write, value: u32, names: &[&str]| -> fmt::Result {
            if value == 0 {
                return write!(w, "<None>");
            }
            let mut rest = value;
            while rest != 0 {
                let bit = rest & rest.wrapping_neg();
                rest &= !bit;
                match names.get(bit.trailing_zeros() as usize) {
                    Some(name) => write!(w, "{name}")?,
                    None => write!(w, "<unknown: {bit:x}>")?,
                }
                if rest != 0 {
                    write!(w, ", ")?;
                }
            }
            Ok(())
        };
        if (GNU_PROPERTY_LOPROC..GNU_PROPERTY_LOUSER).contains(&kind) {
            if x86 {
                let (title, names): (&str, &[&str]) = match kind {
                    0xc000_0000 => ("x86 ISA used: ", &X86_COMPAT_ISA),
                    0xc000_0001 => ("x86 ISA needed: ", &X86_COMPAT_ISA),
                    0xc000_8002 => ("x86 ISA needed: ", &X86_ISA),
                    0xc001_0002 => ("x86 ISA used: ", &X86_ISA),
                    0xc000_0002 => ("x86 feature: ", &["IBT", "SHSTK", "LAM_U48", "LAM_U57"]),
                    0xc000_8001 => ("x86 feature needed: ", &X86_FEATURE_2),
                    0xc001_0001 => ("x86 feature used: ", &X86_FEATURE_2),
                    _ => ("", &[]),
                };
                if !title.is_empty() {
                    write!(w, "{title}")?;
                    match word {
                        Some(value) => bits(w, value, names)?,
                        None => write!(w, "<corrupt length: {:#x}> ", data.len())?,
                    }
                    return Ok(());
                }
            } else if self.machine() == EM_AARCH64 && kind == 0xc000_0000 {
                write!(w, "AArch64 feature: ")?;
                match word {
                    Some(value) => bits(w, value, &["BTI", "PAC", "GCS"])?,
                    None => write!(w, "<corrupt length: {:#x}> ", data.len())?,
                }
                return Ok(());
            }
        } else {
            match kind {
                1 => {
                    write!(w, "stack size: ")?;
                    let value = match (data.len(), self.endian) {
                        (4, _) => word.map(u64::from),
                        (8, Endian::Little) => data.try_into().ok().map(u64::from_le_bytes),
                        (8, Endian::Big) => data.try_into().ok().map(u64::from_be_bytes),
                        _ => None,
                    };
                    match value {
                        Some(value) => write!(w, "{value:#x}")?,
                        None => write!(w, "<corrupt length: {:#x}> ", data.len())?,
                    }
                    return Ok(());
                }
                2 => {
                    write!(w, "no copy on protected ")?;
                    if !data.is_empty() {
                        write!(w, "<corrupt length: {:#x}> ", data.len())?;
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        if kind < GNU_PROPERTY_LOPROC {
            write!(w, "<unknown type {kind:#x} data: ")?;
        } else if kind < GNU_PROPERTY_LOUSER {
            write!(w, "<processor-specific type {kind:#x} data: ")?;
        } else {
            write!(w, "<application-specific type {kind:#x} data: ")?;
        }
        for byte in data {
            write!(w, "{byte:02x} ")?;
        }
        write!(w, ">")?;
        Ok(())
    }

    fn type_name(&self) -> Label {
        match self.header.e_type() {
            0 => label!("NONE (None)"),
            1 => label!("REL (Relocatable file)"),
            2 => label!("EXEC (Executable file)"),
            ET_DYN if self.pie => label!("DYN (Position-Independent Executable file)"),
            ET_DYN => label!("DYN (Shared object file)"),
            4 => label!("CORE (Core file)"),
            t @ 0xff00..=0xffff => label!("Processor Specific: ({t:x})"),
            t @ 0xfe00..=0xfeff => label!("OS Specific: ({t:x})"),
            t => label!("<unknown>: {t:x}"),
        }
    }

    /// readelf's names for `sh_type`, with the GNU extensions and those of the machines this
    /// example is tested on; others by number.
    fn section_type_name(&self, sh_type: u32) -> Label {
        let machine = self.machine();
        let name = match sh_type {
            0 => "NULL",
            1 => "PROGBITS",
            2 => "SYMTAB",
            3 => "STRTAB",
            4 => "RELA",
            5 => "HASH",
            6 => "DYNAMIC",
            7 => "NOTE",
            8 => "NOBITS",
            9 => "REL",
            10 => "SHLIB",
            11 => "DYNSYM",
            14 => "INIT_ARRAY",
            15 => "FINI_ARRAY",
            16 => "PREINIT_ARRAY",
            17 => "GROUP",
            18 => "SYMTAB SECTION INDICES",
            19 => "RELR",
            0x6fff_fff6 => "GNU_HASH",
            0x6fff_fffd | 0x6fff_fffc => "VERDEF",
            0x6fff_fffe => "VERNEED",
            0x6fff_ffff | 0x6fff_fff0 => "VERSYM",
            0x6fff_fff7 => "GNU_LIBLIST",
            0x6fff_fff5 => "GNU_ATTRIBUTES",
            0x6fff_4700 => "GNU_INCREMENTAL_INPUTS",
            0x7fff_fffd => "AUXILIARY",
            0x7fff_ffff => "FILTER",
            0x7000_0001 if machine == EM_X86_64 => "X86_64_UNWIND",
            0x7000_0006 if machine == EM_MIPS => "MIPS_REGINFO",
            0x7000_000d if machine == EM_MIPS => "MIPS_OPTIONS",
            0x7000_001e if machine == EM_MIPS => "MIPS_DWARF",
            0x7000_002a if machine == EM_MIPS => "MIPS_ABIFLAGS",
            0x7000_002b if machine == EM_MIPS => "MIPS_XHASH",
            0x7000_0001 if machine == EM_ARM => "ARM_EXIDX",
            0x7000_0003 if machine == EM_ARM => "ARM_ATTRIBUTES",
            t @ 0x7000_0000..=0x7fff_ffff => return label!("LOPROC+{:#x}", t - 0x7000_0000),
            t @ 0x6000_0000..=0x6fff_ffff => return label!("LOOS+{:#x}", t - 0x6000_0000),
            t @ 0x8000_0000..=0xffff_ffff => return label!("LOUSER+{:#x}", t - 0x8000_0000),
            t => return label!("{t:08x}: <unknown>"),
        };
        label!("{name}")
    }

    /// readelf's one-letter flags, lowest bit first.
    fn section_flags(&self, flags: u64) -> Label {
        const SHF_MASKOS: u64 = 0x0ff0_0000;
        const SHF_MASKPROC: u64 = 0xf000_0000;
        let (machine, os_abi) = (self.machine(), self.os_abi());
        let mut rest = flags;
        let mut letters = label!("");
        while rest != 0 {
            let flag = rest & rest.wrapping_neg();
            rest &= !flag;
            let letter = match flag {
                0x1 => 'W',
                0x2 => 'A',
                0x4 => 'X',
                0x10 => 'M',
                0x20 => 'S',
                0x40 => 'I',
                0x80 => 'L',
                0x100 => 'O',
                0x200 => 'G',
                0x400 => 'T',
                0x8000_0000 => 'E',
                0x800 => 'C',
                0x1000_0000 if machine == EM_X86_64 => 'l',
                0x2000_0000 if machine == EM_ARM => 'y',
                0x1000_0000 if machine == EM_PPC => 'v',
                0x0020_0000 if matches!(os_abi, 3 | 9) => 'R',
                0x0100_0000 if matches!(os_abi, 0 | 3 | 9) => 'D',
                // One letter for all OS bits, one for all processor bits. readelf's masks are
                // 32-bit, so clearing them clears the upper 32 flag bits too; so does this.
                _ if flag & SHF_MASKOS != 0 => {
                    rest &= !SHF_MASKOS & 0xffff_ffff;
                    'o'
                }
                _ if flag & SHF_MASKPROC != 0 => {
                    rest &= !SHF_MASKPROC & 0xffff_ffff;
                    'p'
                }
                _ => 'x',
            };
            let _ = fmt::Write::write_char(&mut letters, letter);
        }
        letters
    }

    /// readelf's names for `p_type`.
    fn segment_type_name(&self, p_type: u32) -> Label {
        let machine = self.machine();
        let name = match p_type {
            0 => "NULL",
            PT_LOAD => "LOAD",
            PT_DYNAMIC => "DYNAMIC",
            PT_INTERP => "INTERP",
            PT_NOTE => "NOTE",
            5 => "SHLIB",
            PT_PHDR => "PHDR",
            PT_TLS => "TLS",
            PT_GNU_EH_FRAME => "GNU_EH_FRAME",
            PT_GNU_STACK => "GNU_STACK",
            PT_GNU_RELRO => "GNU_RELRO",
            0x6474_e553 => "GNU_PROPERTY",
            PT_GNU_SFRAME => "GNU_SFRAME",
            0x65a3_dbe6 => "OPENBSD_RANDOMIZE",
            0x65a3_dbe7 => "OPENBSD_WXNEEDED",
            0x65a4_1be6 => "OPENBSD_BOOTDATA",
            0x7000_0000 if machine == EM_MIPS => "REGINFO",
            0x7000_0001 if machine == EM_MIPS => "RTPROC",
            0x7000_0002 if machine == EM_MIPS => "OPTIONS",
            0x7000_0003 if machine == EM_MIPS => "ABIFLAGS",
            0x7000_0001 if machine == EM_ARM => "EXIDX",
            0x7000_0002 if machine == EM_AARCH64 => "AARCH64_MEMTAG_MTE",
            t @ 0x7000_0000..=0x7fff_ffff => return label!("LOPROC+{:#x}", t - 0x7000_0000),
            t @ 0x6000_0000..=0x6fff_ffff => return label!("LOOS+{:#x}", t - 0x6000_0000),
            t => return label!("<unknown>: {t:x}"),
        };
        label!("{name}")
    }

    /// readelf's names for `d_tag`.
    fn dynamic_type_name(&self, tag: i64) -> Label {
        let machine = self.machine();
        let name = match tag {
            0 => "NULL",
            1 => "NEEDED",
            2 => "PLTRELSZ",
            3 => "PLTGOT",
            4 => "HASH",
            5 => "STRTAB",
            6 => "SYMTAB",
            7 => "RELA",
            8 => "RELASZ",
            9 => "RELAENT",
            10 => "STRSZ",
            11 => "SYMENT",
            12 => "INIT",
            13 => "FINI",
            14 => "SONAME",
            15 => "RPATH",
            16 => "SYMBOLIC",
            17 => "REL",
            18 => "RELSZ",
            19 => "RELENT",
            20 => "PLTREL",
            21 => "DEBUG",
            22 => "TEXTREL",
            23 => "JMPREL",
            24 => "BIND_NOW",
            25 => "INIT_ARRAY",
            26 => "FINI_ARRAY",
            27 => "INIT_ARRAYSZ",
            28 => "FINI_ARRAYSZ",
            29 => "RUNPATH",
            30 => "FLAGS",
            32 => "PREINIT_ARRAY",
            33 => "PREINIT_ARRAYSZ",
            34 => "SYMTAB_SHNDX",
            35 => "RELRSZ",
            36 => "RELR",
            37 => "RELRENT",
            0x6fff_fdf5 => "GNU_PRELINKED",
            0x6fff_fdf6 => "GNU_CONFLICTSZ",
            0x6fff_fdf7 => "GNU_LIBLISTSZ",
            0x6fff_fdf8 => "CHECKSUM",
            0x6fff_fdf9 => "PLTPADSZ",
            0x6fff_fdfa => "MOVEENT",
            0x6fff_fdfb => "MOVESZ",
            0x6fff_fdfc => "FEATURE",
            0x6fff_fdfd => "POSFLAG_1",
            0x6fff_fdfe => "SYMINSZ",
            0x6fff_fdff => "SYMINENT",
            0x6fff_fef5 => "GNU_HASH",
            0x6fff_fef6 => "TLSDESC_PLT",
            0x6fff_fef7 => "TLSDESC_GOT",
            0x6fff_fef8 => "GNU_CONFLICT",
            0x6fff_fef9 => "GNU_LIBLIST",
            0x6fff_fefa => "CONFIG",
            0x6fff_fefb => "DEPAUDIT",
            0x6fff_fefc => "AUDIT",
            0x6fff_fefd => "PLTPAD",
            0x6fff_fefe => "MOVETAB",
            0x6fff_feff => "SYMINFO",
            0x6fff_fff0 => "VERSYM",
            0x6fff_fff9 => "RELACOUNT",
            0x6fff_fffa => "RELCOUNT",
            DT_FLAGS_1 => "FLAGS_1",
            0x6fff_fffc => "VERDEF",
            0x6fff_fffd => "VERDEFNUM",
            0x6fff_fffe => "VERNEED",
            0x6fff_ffff => "VERNEEDNUM",
            0x7fff_fffd => "AUXILIARY",
            0x7fff_fffe => "USED",
            0x7fff_ffff => "FILTER",
            0x7000_0000..=0x7fff_ffff => match (machine, tag - 0x7000_0000) {
                (EM_MIPS, t) => match mips_dynamic_name(t) {
                    Some(name) => name,
                    None => return label!("Processor Specific: {tag:x}"),
                },
                (EM_PPC64, 0) => "PPC64_GLINK",
                (EM_PPC64, 1) => "PPC64_OPD",
                (EM_PPC64, 2) => "PPC64_OPDSZ",
                (EM_PPC64, 3) => "PPC64_OPT",
                (EM_PPC, 0) => "PPC_GOT",
                (EM_PPC, 1) => "PPC_OPT",
                (EM_AARCH64, 1) => "AARCH64_BTI_PLT",
                (EM_AARCH64, 3) => "AARCH64_PAC_PLT",
                (EM_AARCH64, 5) => "AARCH64_VARIANT_PCS",
                _ => return label!("Processor Specific: {tag:x}"),
            },
            0x6000_000d..=0x6fff_f000 => return label!("Operating System specific: {tag:x}"),
            _ => return label!("<unknown>: {tag:x}"),
        };
        label!("{name}")
    }

    fn symbol_type_name(&self, kind: u8) -> Label {
        let name = match kind {
            0 => "NOTYPE",
            1 => "OBJECT",
            2 => "FUNC",
            3 => "SECTION",
            4 => "FILE",
            5 => "COMMON",
            6 => "TLS",
            8 => "RELC",
            9 => "SRELC",
            13 if self.machine() == EM_ARM => "THUMB_FUNC",
            13..=15 => return label!("<processor specific>: {kind}"),
            10 if matches!(self.os_abi(), 3 | 9) => "IFUNC",
            10..=12 => return label!("<OS specific>: {kind}"),
            _ => return label!("<unknown>: {kind}"),
        };
        label!("{name}")
    }

    fn symbol_binding_name(&self, binding: u8) -> Label {
        let name = match binding {
            0 => "LOCAL",
            1 => "GLOBAL",
            2 => "WEAK",
            10 if self.os_abi() == 3 => "UNIQUE",
            10..=12 => return label!("<OS specific>: {binding}"),
            13..=15 => return label!("<processor specific>: {binding}"),
            _ => return label!("<unknown>: {binding}"),
        };
        label!("{name}")
    }

    fn symbol_index_name(&self, index: u16) -> Label {
        match index {
            0 => label!("UND"),
            0xfff1 => label!("ABS"),
            0xfff2 => label!("COM"),
            0xff03 if self.machine() == EM_MIPS => label!("SCOM"),
            0xff04 if self.machine() == EM_MIPS => label!("SUND"),
            0xff00..=0xff1f => label!("PRC[0x{index:04x}]"),
            0xff20..=0xff3f => label!("OS [0x{index:04x}]"),
            0xff40..=0xffff => label!("RSV[0x{index:04x}]"),
            _ if u64::from(index) >= self.section_count => label!("bad section index[{index:3}]"),
            _ => label!("{index:3}"),
        }
    }
}

/// readelf's names for the note types of core files.
fn core_note_name(kind: u32) -> Option<&'static str> {
    Some(match kind {
        1 => "NT_PRSTATUS (prstatus structure)",
        2 => "NT_FPREGSET (floating point registers)",
        3 => "NT_PRPSINFO (prpsinfo structure)",
        4 => "NT_TASKSTRUCT (task structure)",
        6 => "NT_AUXV (auxiliary vector)",
        10 => "NT_PSTATUS (pstatus structure)",
        12 => "NT_FPREGS (floating point registers)",
        13 => "NT_PSINFO (psinfo structure)",
        16 => "NT_LWPSTATUS (lwpstatus_t structure)",
        17 => "NT_LWPSINFO (lwpsinfo_t structure)",
        18 => "NT_WIN32PSTATUS (win32_pstatus structure)",
        0x200 => "NT_386_TLS (x86 TLS information)",
        0x201 => "NT_386_IOPERM (x86 I/O permissions)",
        0x202 => "NT_X86_XSTATE (x86 XSAVE extended state)",
        0x400 => "NT_ARM_VFP (arm VFP registers)",
        0x401 => "NT_ARM_TLS (AArch TLS registers)",
        0x402 => "NT_ARM_HW_BREAK (AArch hardware breakpoint registers)",
        0x403 => "NT_ARM_HW_WATCH (AArch hardware watchpoint registers)",
        0x405 => "NT_ARM_SVE (AArch SVE registers)",
        0x406 => "NT_ARM_PAC_MASK (AArch pointer authentication code masks)",
        0x46e6_2b7f => "NT_PRXFPREG (user_xfpregs structure)",
        0x5349_4749 => "NT_SIGINFO (siginfo_t data)",
        0x4649_4c45 => "NT_FILE (mapped files)",
        0xff00_0000 => "NT_GDB_TDESC (GDB XML target description)",
        _ => return None,
    })
}

/// readelf's names for the MIPS dynamic tags, by offset from `DT_LOPROC`.
fn mips_dynamic_name(offset: i64) -> Option<&'static str> {
    const NAMES: [&str; 0x37] = [
        "",
        "MIPS_RLD_VERSION",
        "MIPS_TIME_STAMP",
        "MIPS_ICHECKSUM",
        "MIPS_IVERSION",
        "MIPS_FLAGS",
        "MIPS_BASE_ADDRESS",
        "MIPS_MSYM",
        "MIPS_CONFLICT",
        "MIPS_LIBLIST",
        "MIPS_LOCAL_GOTNO",
        "MIPS_CONFLICTNO",
        "",
        "",
        "",
        "",
        "MIPS_LIBLISTNO",
        "MIPS_SYMTABNO",
        "MIPS_UNREFEXTNO",
        "MIPS_GOTSYM",
        "MIPS_HIPAGENO",
        "",
        "MIPS_RLD_MAP",
        "MIPS_DELTA_CLASS",
        "MIPS_DELTA_CLASS_NO",
        "MIPS_DELTA_INSTANCE",
        "MIPS_DELTA_INSTANCE_NO",
        "MIPS_DELTA_RELOC",
        "MIPS_DELTA_RELOC_NO",
        "MIPS_DELTA_SYM",
        "MIPS_DELTA_SYM_NO",
        "",
        "MIPS_DELTA_CLASSSYM",
        "MIPS_DELTA_CLASSSYM_NO",
        "MIPS_CXX_FLAGS",
        "MIPS_PIXIE_INIT",
        "MIPS_SYMBOL_LIB",
        "MIPS_LOCALPAGE_GOTIDX",
        "MIPS_LOCAL_GOTIDX",
        "MIPS_HIDDEN_GOTIDX",
        "MIPS_PROTECTED_GOTIDX",
        "MIPS_OPTIONS",
        "MIPS_INTERFACE",
        "MIPS_DYNSTR_ALIGN",
        "MIPS_INTERFACE_SIZE",
        "MIPS_RLD_TEXT_RESOLVE_ADDR",
        "MIPS_PERF_SUFFIX",
        "MIPS_COMPACT_SIZE",
        "MIPS_GP_VALUE",
        "MIPS_AUX_DYNAMIC",
        "MIPS_PLTGOT",
        "",
        "MIPS_RWPLT",
        "MIPS_RLD_MAP_REL",
        "MIPS_XHASH",
    ];
    let name = *NAMES.get(usize::try_from(offset).ok()?)?;
    (!name.is_empty()).then_some(name)
}

impl<'a> Versions<'a> {
    /// readelf's `get_symbol_version_string` for dynamic symbol `index`: a version defined
    /// here (`.gnu.version_d`) for a defined symbol, else one needed from another file
    /// (`.gnu.version_r`). Names come from the dynamic symbols' string table, as in readelf.
    fn version(
        &self,
        index: usize,
        symbol: Symbol<'a>,
        strings: Strings<'a>,
    ) -> Option<Version<'a>> {
        const HIDDEN: u16 = 0x8000;
        const MAX_STEPS: usize = 1 << 12;
        let versym = self.versym.get(index)?.index();
        if versym == 0 {
            return None;
        }
        let hidden = versym & HIDDEN != 0;
        let number = versym & !HIDDEN;
        let name = |offset: u32| strings.get(offset).unwrap_or(b"<corrupt>");
        if let Some(data) = self
            .verdef
            .filter(|_| symbol.st_shndx() != SHN_UNDEF && versym != 0x8001)
        {
            let mut at = 0usize;
            for _ in 0..MAX_STEPS {
                let Some((def, _)) = data
                    .get(at..)
                    .and_then(|d| Verdef::view_prefix_with(d, self.endian).ok())
                else {
                    break;
                };
                if def.vd_ndx() == number {
                    if def.vd_ndx() == 1 && def.vd_flags() == 1 {
                        return None;
                    }
                    let aux = at.checked_add(def.vd_aux() as usize)?;
                    let (aux, _) = Verdaux::view_prefix_with(data.get(aux..)?, self.endian).ok()?;
                    if symbol.st_name() == aux.vda_name() {
                        break;
                    }
                    let version = name(aux.vda_name());
                    return Some(if hidden {
                        Version::Hidden(version)
                    } else {
                        Version::Default(version)
                    });
                }
                if def.vd_next() == 0 {
                    break;
                }
                at = at.checked_add(def.vd_next() as usize)?;
            }
        }
        let data = self.verneed?;
        let mut at = 0usize;
        for _ in 0..MAX_STEPS {
            let (need, _) = Verneed::view_prefix_with(data.get(at..)?, self.endian).ok()?;
            let mut aux_at = at.checked_add(need.vn_aux() as usize)?;
            for _ in 0..MAX_STEPS {
                let Some((aux, _)) = data
                    .get(aux_at..)
                    .and_then(|d| Vernaux::view_prefix_with(d, self.endian).ok())
                else {
                    break;
                };
                if aux.vna_other() == versym {
                    return Some(Version::Needed(name(aux.vna_name()), aux.vna_other()));
                }
                if aux.vna_next() == 0 {
                    break;
                }
                aux_at = aux_at.checked_add(aux.vna_next() as usize)?;
            }
            if need.vn_next() == 0 {
                break;
            }
            at = at.checked_add(need.vn_next() as usize)?;
        }
        None
    }
}

/// readelf's `ELF_TBSS_SPECIAL`: a thread-local `.tbss` outside the `PT_TLS` segment takes
/// no room in it.
fn tbss_special(section: SectionHeader<'_>, segment: ProgramHeader<'_>) -> bool {
    section.sh_flags() & SHF_TLS != 0
        && section.sh_type() == SHT_NOBITS
        && segment.p_type() != PT_TLS
}

/// readelf's `ELF_SECTION_IN_SEGMENT_STRICT`, with its 64-bit wrapping arithmetic.
fn section_in_segment(section: SectionHeader<'_>, segment: ProgramHeader<'_>) -> bool {
    let (flags, kind) = (section.sh_flags(), section.sh_type());
    let p_type = segment.p_type();
    let tls = flags & SHF_TLS != 0;
    let alloc = flags & SHF_ALLOC != 0;
    let size = if !tls || kind != SHT_NOBITS || p_type == PT_TLS {
        section.sh_size()
    } else {
        0
    };
    let (offset, address) = (section.sh_offset(), section.sh_addr());
    let (p_offset, p_vaddr) = (segment.p_offset(), segment.p_vaddr());
    let (p_filesz, p_memsz) = (segment.p_filesz(), segment.p_memsz());
    let tls_rule = (tls && matches!(p_type, PT_TLS | PT_GNU_RELRO | PT_LOAD))
        || (!tls && p_type != PT_TLS && p_type != PT_PHDR);
    let alloc_rule = alloc
        || !(matches!(
            p_type,
            PT_LOAD | PT_DYNAMIC | PT_GNU_EH_FRAME | PT_GNU_STACK | PT_GNU_RELRO | PT_GNU_SFRAME
        ) || (0x6474_e555..=0x6474_f554).contains(&p_type));
    let file_rule = kind == SHT_NOBITS
        || (offset >= p_offset
            && offset - p_offset <= p_filesz.wrapping_sub(1)
            && (offset - p_offset).wrapping_add(size) <= p_filesz);
    let memory_rule = !alloc
        || (address >= p_vaddr
            && address - p_vaddr <= p_memsz.wrapping_sub(1)
            && (address - p_vaddr).wrapping_add(size) <= p_memsz);
    let empty_rule = (p_type != PT_DYNAMIC && p_type != PT_NOTE)
        || section.sh_size() != 0
        || p_memsz == 0
        || ((kind == SHT_NOBITS || (offset > p_offset && offset - p_offset < p_filesz))
            && (!alloc || (address > p_vaddr && address - p_vaddr < p_memsz)));
    tls_rule && alloc_rule && file_rule && memory_rule && empty_rule
}

/// readelf's decoding of `e_flags` after the number, for the machines it is tested on.
struct MachineFlags(u16, u32);

impl fmt::Display for MachineFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let MachineFlags(machine, flags) = *self;
        match machine {
            EM_MIPS => {
                for (bit, name) in [
                    (1, "noreorder"),
                    (2, "pic"),
                    (4, "cpic"),
                    (0x10, "ugen_reserved"),
                    (0x20, "abi2"),
                    (0x80, "odk first"),
                    (0x100, "32bitmode"),
                    (0x400, "nan2008"),
                    (0x200, "fp64"),
                ] {
                    if flags & bit != 0 {
                        write!(f, ", {name}")?;
                    }
                }
                match flags & 0xf000 {
                    0 => {}
                    0x1000 => write!(f, ", o32")?,
                    0x2000 => write!(f, ", o64")?,
                    0x3000 => write!(f, ", eabi32")?,
                    0x4000 => write!(f, ", eabi64")?,
                    _ => write!(f, ", unknown ABI")?,
                }
                if flags & 0x0800_0000 != 0 {
                    write!(f, ", mdmx")?;
                }
                if flags & 0x0400_0000 != 0 {
                    write!(f, ", mips16")?;
                }
                if flags & 0x0200_0000 != 0 {
                    write!(f, ", micromips")?;
                }
                let arch = [
                    "mips1", "mips2", "mips3", "mips4", "mips5", "mips32", "mips64", "mips32r2",
                    "mips64r2", "mips32r6", "mips64r6",
                ];
                match arch.get((flags >> 28) as usize) {
                    Some(name) => write!(f, ", {name}"),
                    None => write!(f, ", unknown ISA"),
                }
            }
            EM_PPC64 => match flags & 3 {
                0 => Ok(()),
                1 => write!(f, ", abiv1"),
                2 => write!(f, ", abiv2"),
                _ => write!(f, ", abiv3"),
            },
            _ => Ok(()),
        }
    }
}

fn class_name(class: u8) -> Label {
    match class {
        0 => label!("none"),
        1 => label!("ELF32"),
        2 => label!("ELF64"),
        other => label!("<unknown: {other:x}>"),
    }
}

fn data_name(data: u8) -> Label {
    match data {
        0 => label!("none"),
        1 => label!("2's complement, little endian"),
        2 => label!("2's complement, big endian"),
        other => label!("<unknown: {other:x}>"),
    }
}

fn os_abi_name(os_abi: u8) -> Label {
    let name = match os_abi {
        0 => "UNIX - System V",
        1 => "UNIX - HP-UX",
        2 => "UNIX - NetBSD",
        3 => "UNIX - GNU",
        6 => "UNIX - Solaris",
        7 => "UNIX - AIX",
        8 => "UNIX - IRIX",
        9 => "UNIX - FreeBSD",
        10 => "UNIX - TRU64",
        11 => "Novell - Modesto",
        12 => "UNIX - OpenBSD",
        13 => "VMS - OpenVMS",
        14 => "HP - Non-Stop Kernel",
        15 => "AROS",
        16 => "FenixOS",
        17 => "Nuxi CloudABI",
        18 => "Stratus Technologies OpenVOS",
        other => return label!("<unknown: {other:x}>"),
    };
    label!("{name}")
}

/// readelf's names for the machines this example is likely to meet; others by number.
fn machine_name(machine: u16) -> Label {
    let name = match machine {
        0 => "None",
        2 => "Sparc",
        EM_386 => "Intel 80386",
        EM_MIPS => "MIPS R3000",
        EM_PPC => "PowerPC",
        EM_PPC64 => "PowerPC64",
        22 => "IBM S/390",
        EM_ARM => "ARM",
        43 => "Sparc v9",
        50 => "Intel IA-64",
        EM_X86_64 => "Advanced Micro Devices X86-64",
        EM_AARCH64 => "AArch64",
        243 => "RISC-V",
        247 => "Linux BPF",
        258 => "LoongArch",
        other => return label!("<unknown>: {other:#x}"),
    };
    label!("{name}")
}

/// The command line: readelf's flags, then the file.
fn parse_args() -> Result<(Options, Option<PathBuf>), String> {
    let mut options = Options::default();
    let mut any = false;
    let mut path = None;
    for arg in std::env::args_os().skip(1) {
        let text = arg.to_string_lossy();
        if path.is_some() {
            return Err(format!("unexpected argument after the file: {text}"));
        }
        match text.strip_prefix('-') {
            Some(letters) if !letters.is_empty() && !letters.starts_with('-') => {
                for letter in letters.chars() {
                    match letter {
                        'h' => options.header = true,
                        'S' => options.sections = true,
                        'l' => options.segments = true,
                        's' => options.symbols = true,
                        'd' => options.dynamic = true,
                        'n' => options.notes = true,
                        'W' => {}
                        other => return Err(format!("unknown option -{other}")),
                    }
                    any |= letter != 'W';
                }
            }
            Some("-wide") => {}
            _ => path = Some(PathBuf::from(arg)),
        }
    }
    if !any {
        options = Options::DEFAULT;
    }
    Ok((options, path))
}

fn main() -> ExitCode {
    let (options, path) = match parse_args() {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Without a file: the shipped sample, a 32-bit big-endian MIPS program
    // (examples/data/make_sample_elf.sh).
    let path =
        path.unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample.elf").into());
    let input = match input::open(&path) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let elf = match decode(&input) {
        Ok(elf) => elf,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    // The whole report first, so that a bad record found late prints nothing but its error.
    let mut report = String::new();
    match elf.write_report(options, &mut report) {
        Ok(()) => {}
        Err(Stop::Bad(e)) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        Err(Stop::Output(_)) => {
            eprintln!("error: formatting the report failed");
            return ExitCode::FAILURE;
        }
    }
    match io::stdout().lock().write_all(report.as_bytes()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
