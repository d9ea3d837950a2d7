//! The bytes to read: a read-only memory map of FILE where the operating system allows one, or
//! FILE (or standard input) read into memory.

use std::fs::File;
use std::io::{self, Read};
use std::ops::Deref;
use std::path::Path;

use memmap2::Mmap;

use crate::error::Failure;

/// The whole input, borrowed as one `&[u8]`.
pub enum Input {
    /// A regular, non-empty file, mapped read-only: records are read where they lie.
    Mapped(Mmap),
    /// Standard input, pipes, devices, empty files and anything else that cannot be mapped.
    Read(Vec<u8>),
}

impl Deref for Input {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Input::Mapped(map) => map,
            Input::Read(bytes) => bytes,
        }
    }
}

/// How the input is named in messages: FILE as given, or `<stdin>` for `-`.
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        String::from("<stdin>")
    } else {
        path.display().to_string()
    }
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Opens FILE (`-` for standard input) and returns its bytes.
pub fn open(path: &Path) -> Result<Input, Failure> {
    let name = || display_name(path);
    if is_stdin(path) {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|source| Failure::Read {
                name: name(),
                source,
            })?;
        return Ok(Input::Read(bytes));
    }
    let mut file = File::open(path).map_err(|source| Failure::Open {
        name: name(),
        source,
    })?;
    // Only regular files with a size are worth mapping: an empty file has nothing to map
    // (mmap(2) refuses a length of 0), and files in /proc report a size of 0 but have content.
    let mappable = file
        .metadata()
        .is_ok_and(|meta| meta.is_file() && meta.len() > 0);
    if mappable {
        if let Ok(map) = map_read_only(&file) {
            return Ok(Input::Mapped(map));
        }
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|source| Failure::Read {
            name: name(),
            source,
        })?;
    Ok(Input::Read(bytes))
}

/// Maps `file` read-only. The one `unsafe` call of the project.
#[allow(unsafe_code)]
fn map_read_only(file: &File) -> io::Result<Mmap> {
    // SAFETY: `Mmap::map` is unsafe because the returned `&[u8]` is only as stable as the file
    // behind it, which this process does not control:
    // - The mapping is read-only (PROT_READ): this process never writes through it.
    // - If another process writes to the file while it is mapped, the bytes can change while
    //   they are being printed, so a record may mix old and new contents. Rust assumes the
    //   bytes behind a `&[u8]` do not change, but nothing here relies on that for memory
    //   safety: records are located by the file's size when it was mapped (the map's length,
    //   which never changes), every read is bounds-checked against that length, and values are
    //   copied out of the bytes, never trusted as lengths, pointers or enum tags.
    // - If another process truncates the file, reading a page past its new end raises SIGBUS
    //   and the process dies (no memory is read or written wrongly, but it is a crash, not an
    //   error message). A short-lived command reading a file it was just given accepts that
    //   risk; to be immune, give the file on standard input (`overlay unpack FORMAT - < FILE`),
    //   which is read into memory, never mapped.
    unsafe { Mmap::map(file) }
}
