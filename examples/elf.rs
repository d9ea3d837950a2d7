//! An ELF64 file read in place: the file header and the section header table, printed the way
//! `readelf -h` and `readelf -S -W` print them.
//!
//! `cargo run --example elf -- FILE` reads FILE; with no argument it reads its own executable.
//! The byte order comes from the file (`EI_DATA`), so every multi-byte record is declared
//! `#[overlay(endian = "runtime")]` and viewed with `view_with` or `Records::with_stride_endian`;
//! the section table's entry size comes from the header (`e_shentsize`), so the table is viewed
//! with a stride. Nothing is copied or parsed ahead: each value is read where it lies, in the
//! memory-mapped file.
//!
//! Bad input (a truncated file, a section table past the end, an `e_shentsize` smaller than a
//! section header, a name offset past the string table, ...) is one line on standard error
//! naming the record and its offset, and exit status 1.
//!
//! `tests/elf_readelf.rs` compares this output with GNU readelf's, field by field.

use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use overlay::{Endian, Error, ErrorKind, Overlay, Records};

#[path = "input.rs"]
mod input;

/// `e_ident`: the first 16 bytes, all single bytes, so the same in either byte order.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ident {
    /// `\x7fELF`.
    pub magic: [u8; 4],
    /// `EI_CLASS`: 1 for ELF32, 2 for ELF64.
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
}

/// `Elf64_Ehdr`, 64 bytes, in the byte order `e_ident` announces.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct FileHeader {
    pub e_ident: Ident,
    /// Object file type (`ET_*`); read as a number so that OS- and processor-specific types
    /// print instead of failing the whole file.
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

/// `Elf64_Shdr`, 64 bytes. Entries may be further apart (`e_shentsize`), never closer.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct SectionHeader {
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

/// `Elf64_Phdr`, 56 bytes: read only to find the dynamic section, as readelf does to tell a
/// position-independent executable from a shared library.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct ProgramHeader {
    pub p_type: u32,
    pub p_flags: u32,
    pub p_offset: u64,
    pub p_vaddr: u64,
    pub p_paddr: u64,
    pub p_filesz: u64,
    pub p_memsz: u64,
    pub p_align: u64,
}

/// `Elf64_Dyn`, one entry of the dynamic section.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[overlay(endian = "runtime")]
pub struct Dynamic {
    pub d_tag: i64,
    pub d_val: u64,
}

const MAGIC: [u8; 4] = *b"\x7fELF";
const ELFCLASS64: u8 = 2;
const ET_DYN: u16 = 3;
const EM_X86_64: u16 = 62;
const SHN_UNDEF: u16 = 0;
const SHN_XINDEX: u16 = 0xffff;
const PN_XNUM: u16 = 0xffff;
const PT_DYNAMIC: u32 = 2;
const DT_NULL: i64 = 0;
const DT_FLAGS_1: i64 = 0x6fff_fffb;
const DF_1_PIE: u64 = 0x0800_0000;

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
    pub header: SectionHeaderView<'a>,
    /// The name's bytes, up to the NUL; `None` when the file has no section name table.
    pub name: Option<&'a [u8]>,
}

/// A decoded ELF64 file: views into its bytes, every offset and length already checked.
pub struct Elf<'a> {
    pub endian: Endian,
    pub header: FileHeaderView<'a>,
    /// The number of section headers (from `e_shnum`, or section 0's `sh_size` when the file
    /// has too many for 16 bits).
    pub section_count: u64,
    /// The index of the section name string table (from `e_shstrndx`, or section 0's
    /// `sh_link`).
    pub string_table_index: u32,
    /// The number of program headers (from `e_phnum`, or section 0's `sh_info`).
    pub program_header_count: u32,
    pub sections: Vec<Section<'a>>,
    /// Whether the dynamic section marks the file a position-independent executable.
    pub pie: bool,
}

/// Decodes the file header and the section header table of the ELF64 file `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Elf<'_>, DecodeError> {
    let file_len = bytes.len() as u64;
    let ident = match Ident::view_prefix(bytes) {
        Ok((ident, _)) => ident,
        Err(_) if !bytes.starts_with(&MAGIC[..bytes.len().min(4)]) || bytes.is_empty() => {
            return fail("ELF header", 0, not_elf(bytes));
        }
        Err(_) => {
            return fail(
                "ELF header",
                0,
                format!("the file ends after {file_len} bytes, e_ident needs 16"),
            )
        }
    };
    if *ident.magic() != MAGIC {
        return fail("ELF header", 0, not_elf(bytes));
    }
    if ident.class() != ELFCLASS64 {
        return fail(
            "ELF header",
            4,
            format!(
                "EI_CLASS is {} ({}); this decoder reads ELF64 (2) only",
                ident.class(),
                class_name(ident.class())
            ),
        );
    }
    let endian = match ident.data() {
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
    let header = match FileHeader::view_prefix_with(bytes, endian) {
        Ok((header, _)) => header,
        Err(_) => {
            return fail(
                "ELF header",
                0,
                format!(
                    "the file ends after {file_len} bytes, an ELF64 header needs {}",
                    FileHeader::SIZE
                ),
            )
        }
    };

    let mut elf = Elf {
        endian,
        header,
        section_count: u64::from(header.e_shnum()),
        string_table_index: u32::from(header.e_shstrndx()),
        program_header_count: u32::from(header.e_phnum()),
        sections: Vec::new(),
        pie: false,
    };
    if let Some(table) = section_table(bytes, &mut elf)? {
        elf.sections = name_sections(bytes, &elf, table)?;
    }
    elf.pie = header.e_type() == ET_DYN && is_pie(bytes, &elf);
    Ok(elf)
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

/// Views the section header table, if the file has one, resolving the extended numbering of
/// files with 65,280 sections or more (the real counts then live in section 0).
fn section_table<'a>(
    bytes: &'a [u8],
    elf: &mut Elf<'a>,
) -> Result<Option<Records<'a, SectionHeader>>, DecodeError> {
    let (header, endian) = (elf.header, elf.endian);
    let (shoff, stride) = (header.e_shoff(), usize::from(header.e_shentsize()));
    if shoff == 0 {
        if header.e_shnum() != 0 {
            return fail(
                "ELF header",
                0x3c,
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
        Records::<SectionHeader>::with_stride_endian(table_bytes, count, stride, endian)
            .map_err(|error| table_error(error, shoff, stride, count, bytes.len()))
    };
    if header.e_shnum() == 0 {
        // Extended numbering: section 0 holds the real count in `sh_size`.
        elf.section_count = view(1)?.first().map_or(0, |first| first.sh_size());
    }
    let table = view(elf.section_count)?;
    if let Some(first) = table.first() {
        if header.e_shstrndx() == SHN_XINDEX {
            elf.string_table_index = first.sh_link();
        }
        if header.e_phnum() == PN_XNUM && first.sh_info() != 0 {
            elf.program_header_count = first.sh_info();
        }
    }
    Ok(Some(table))
}

/// Words an error of `Records::with_stride_endian` in terms of the file.
fn table_error(
    error: Error,
    shoff: u64,
    stride: usize,
    count: usize,
    file_len: usize,
) -> DecodeError {
    let record = String::from("section header table");
    match error.kind() {
        ErrorKind::StrideTooSmall {
            stride,
            record_size,
            ..
        } => DecodeError {
            record,
            offset: shoff,
            problem: format!(
                "e_shentsize is {stride}, smaller than a {record_size}-byte ELF64 section header"
            ),
        },
        ErrorKind::TooShort { offset, .. } => {
            let index = offset / stride.max(1);
            DecodeError {
                record: format!("section header {index}"),
                offset: shoff.saturating_add(offset as u64),
                problem: format!(
                    "the table of {count} headers of {stride} bytes runs past the end of the \
                     file ({file_len} bytes)"
                ),
            }
        }
        other => DecodeError {
            record,
            offset: shoff,
            problem: other.to_string(),
        },
    }
}

/// Resolves every section's name in the section name string table.
fn name_sections<'a>(
    bytes: &'a [u8],
    elf: &Elf<'a>,
    table: Records<'a, SectionHeader>,
) -> Result<Vec<Section<'a>>, DecodeError> {
    let index = elf.string_table_index;
    let names: Option<&[u8]> = if index == u32::from(SHN_UNDEF) {
        None
    } else {
        let Some(strings) = table.get(index as usize) else {
            return fail(
                "ELF header",
                0x3e,
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
    table
        .iter()
        .enumerate()
        .map(|(i, header)| {
            let name = match names {
                None => None,
                Some(names) => {
                    let Some(tail) = names.get(header.sh_name() as usize..) else {
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
                    let end = tail.iter().position(|&b| b == 0).unwrap_or(tail.len());
                    Some(&tail[..end])
                }
            };
            Ok(Section { header, name })
        })
        .collect()
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

/// readelf's test for a position-independent executable: the dynamic segment's first
/// `DT_FLAGS_1` entry has `DF_1_PIE`. Anything unreadable on the way means "not PIE", as in
/// readelf, since this only chooses between two descriptions of an `ET_DYN` file.
fn is_pie(bytes: &[u8], elf: &Elf<'_>) -> bool {
    let header = elf.header;
    let Some(table) = usize::try_from(header.e_phoff())
        .ok()
        .and_then(|at| bytes.get(at..))
    else {
        return false;
    };
    let Ok(segments) = Records::<ProgramHeader>::with_stride_endian(
        table,
        elf.program_header_count as usize,
        usize::from(header.e_phentsize()),
        elf.endian,
    ) else {
        return false;
    };
    let Some(dynamic) = segments.iter().find(|s| s.p_type() == PT_DYNAMIC) else {
        return false;
    };
    let Some(data) = file_range(bytes, dynamic.p_offset(), dynamic.p_filesz()) else {
        return false;
    };
    let whole = data.len() - data.len() % Dynamic::SIZE;
    let Ok(entries) = Records::<Dynamic>::new_with(&data[..whole], elf.endian) else {
        return false;
    };
    entries
        .iter()
        .take_while(|entry| entry.d_tag() != DT_NULL)
        .find(|entry| entry.d_tag() == DT_FLAGS_1)
        .is_some_and(|entry| entry.d_val() & DF_1_PIE != 0)
}

impl fmt::Display for Elf<'_> {
    /// `readelf -h` followed by `readelf -S -W`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_header(f)?;
        writeln!(f)?;
        self.fmt_sections(f)
    }
}

impl Elf<'_> {
    fn fmt_header(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = self.header;
        let ident = h.e_ident();
        let row = |f: &mut fmt::Formatter<'_>, key: &str, value: fmt::Arguments<'_>| {
            writeln!(f, "  {:<35}{value}", format!("{key}:"))
        };
        writeln!(f, "ELF Header:")?;
        write!(f, "  Magic:   ")?;
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
            write!(f, "{byte:02x} ")?;
        }
        for byte in ident.padding() {
            write!(f, "{byte:02x} ")?;
        }
        writeln!(f)?;
        row(f, "Class", format_args!("{}", class_name(ident.class())))?;
        row(f, "Data", format_args!("{}", data_name(ident.data())))?;
        let version = match ident.version() {
            1 => " (current)",
            0 => "",
            _ => " <unknown>",
        };
        row(f, "Version", format_args!("{}{version}", ident.version()))?;
        row(f, "OS/ABI", format_args!("{}", os_abi_name(ident.os_abi())))?;
        row(f, "ABI Version", format_args!("{}", ident.abi_version()))?;
        row(f, "Type", format_args!("{}", self.type_name()))?;
        row(
            f,
            "Machine",
            format_args!("{}", machine_name(h.e_machine())),
        )?;
        row(f, "Version", format_args!("{:#x}", h.e_version()))?;
        row(f, "Entry point address", format_args!("{:#x}", h.e_entry()))?;
        // readelf prints these offsets as signed numbers; so does this, to agree on nonsense.
        row(
            f,
            "Start of program headers",
            format_args!("{} (bytes into file)", h.e_phoff() as i64),
        )?;
        row(
            f,
            "Start of section headers",
            format_args!("{} (bytes into file)", h.e_shoff() as i64),
        )?;
        row(f, "Flags", format_args!("{:#x}", h.e_flags()))?;
        row(
            f,
            "Size of this header",
            format_args!("{} (bytes)", h.e_ehsize()),
        )?;
        row(
            f,
            "Size of program headers",
            format_args!("{} (bytes)", h.e_phentsize()),
        )?;
        // Extended numbering: the header says 0 or 0xffff and section 0 has the real value.
        let extended = |field: u32, real: u64| {
            if u64::from(field) == real {
                String::new()
            } else {
                format!(" ({real})")
            }
        };
        row(
            f,
            "Number of program headers",
            format_args!(
                "{}{}",
                h.e_phnum(),
                extended(h.e_phnum().into(), self.program_header_count.into())
            ),
        )?;
        row(
            f,
            "Size of section headers",
            format_args!("{} (bytes)", h.e_shentsize()),
        )?;
        row(
            f,
            "Number of section headers",
            format_args!(
                "{}{}",
                h.e_shnum(),
                extended(h.e_shnum().into(), self.section_count)
            ),
        )?;
        row(
            f,
            "Section header string table index",
            format_args!(
                "{}{}",
                h.e_shstrndx(),
                extended(h.e_shstrndx().into(), self.string_table_index.into())
            ),
        )
    }

    fn fmt_sections(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.sections.len();
        if count == 0 {
            return writeln!(f, "There are no sections in this file.");
        }
        let shoff = self.header.e_shoff();
        if count == 1 {
            writeln!(
                f,
                "There is 1 section header, starting at offset {shoff:#x}:"
            )?;
            writeln!(f, "\nSection Header:")?;
        } else {
            writeln!(
                f,
                "There are {count} section headers, starting at offset {shoff:#x}:"
            )?;
            writeln!(f, "\nSection Headers:")?;
        }
        writeln!(
            f,
            "  [Nr] Name              Type            Address          Off    Size   ES Flg Lk Inf Al"
        )?;
        for (i, section) in self.sections.iter().enumerate() {
            let s = section.header;
            let name = match section.name {
                Some(name) => printable(name),
                None => String::from("<no-strings>"),
            };
            writeln!(
                f,
                "  [{i:2}] {name:<17} {:<15} {:016x} {:06x} {:06x} {:02x} {:>3} {:2} {:3} {:2}",
                self.section_type_name(s.sh_type()),
                s.sh_addr(),
                s.sh_offset(),
                s.sh_size(),
                s.sh_entsize(),
                self.section_flags(s.sh_flags()),
                s.sh_link(),
                s.sh_info(),
                s.sh_addralign(),
            )?;
        }
        Ok(())
    }

    fn type_name(&self) -> String {
        match self.header.e_type() {
            0 => "NONE (None)".into(),
            1 => "REL (Relocatable file)".into(),
            2 => "EXEC (Executable file)".into(),
            ET_DYN if self.pie => "DYN (Position-Independent Executable file)".into(),
            ET_DYN => "DYN (Shared object file)".into(),
            4 => "CORE (Core file)".into(),
            t @ 0xff00..=0xffff => format!("Processor Specific: ({t:x})"),
            t @ 0xfe00..=0xfeff => format!("OS Specific: ({t:x})"),
            t => format!("<unknown>: {t:x}"),
        }
    }

    /// readelf's names for `sh_type`, with the GNU and x86-64 extensions; others by number.
    fn section_type_name(&self, sh_type: u32) -> String {
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
            0x7000_0001 if self.header.e_machine() == EM_X86_64 => "X86_64_UNWIND",
            t @ 0x7000_0000..=0x7fff_ffff => return format!("LOPROC+{:#x}", t - 0x7000_0000),
            t @ 0x6000_0000..=0x6fff_ffff => return format!("LOOS+{:#x}", t - 0x6000_0000),
            t @ 0x8000_0000..=0xffff_ffff => return format!("LOUSER+{:#x}", t - 0x8000_0000),
            t => return format!("{t:08x}: <unknown>"),
        };
        name.into()
    }

    /// readelf's one-letter flags, lowest bit first.
    fn section_flags(&self, flags: u64) -> String {
        const SHF_MASKOS: u64 = 0x0ff0_0000;
        const SHF_MASKPROC: u64 = 0xf000_0000;
        let (machine, os_abi) = (self.header.e_machine(), self.header.e_ident().os_abi());
        let mut rest = flags;
        let mut letters = String::new();
        while rest != 0 {
            let flag = rest & rest.wrapping_neg();
            rest &= !flag;
            letters.push(match flag {
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
            });
        }
        letters
    }
}

/// A section name as readelf prints it: control characters as `^X`.
fn printable(name: &[u8]) -> String {
    let mut out = String::new();
    for chunk in name.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\0'..='\x1f' => {
                    out.push('^');
                    out.push(char::from(c as u8 + 0x40));
                }
                '\x7f' => out.push_str("^?"),
                c => out.push(c),
            }
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("<{byte:#04x}>"));
        }
    }
    out
}

fn class_name(class: u8) -> String {
    match class {
        0 => "none".into(),
        1 => "ELF32".into(),
        2 => "ELF64".into(),
        other => format!("<unknown: {other:x}>"),
    }
}

fn data_name(data: u8) -> String {
    match data {
        0 => "none".into(),
        1 => "2's complement, little endian".into(),
        2 => "2's complement, big endian".into(),
        other => format!("<unknown: {other:x}>"),
    }
}

fn os_abi_name(os_abi: u8) -> String {
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
        other => return format!("<unknown: {other:x}>"),
    };
    name.into()
}

/// readelf's names for the machines this example is likely to meet; others by number.
fn machine_name(machine: u16) -> String {
    let name = match machine {
        0 => "None",
        2 => "Sparc",
        3 => "Intel 80386",
        8 => "MIPS R3000",
        20 => "PowerPC",
        21 => "PowerPC64",
        22 => "IBM S/390",
        40 => "ARM",
        43 => "Sparc v9",
        50 => "Intel IA-64",
        EM_X86_64 => "Advanced Micro Devices X86-64",
        183 => "AArch64",
        243 => "RISC-V",
        247 => "Linux BPF",
        258 => "LoongArch",
        other => return format!("<unknown>: {other:#x}"),
    };
    name.into()
}

fn main() -> ExitCode {
    let path = match std::env::args_os().nth(1) {
        Some(path) => PathBuf::from(path),
        None => match std::env::current_exe() {
            Ok(path) => path,
            Err(e) => {
                eprintln!("error: cannot find the running executable: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
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
    match write!(io::stdout().lock(), "{elf}") {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
