//! The bytes to read: a read-only memory map of FILE where that is possible and wanted, or the
//! bytes read from FILE, a FIFO, a device or standard input, never more than the command line
//! asks for.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::ops::Deref;
use std::path::Path;

use memmap2::{Mmap, MmapOptions};

use crate::error::Failure;

/// The most a stream (standard input, a FIFO, a device) is read without `--count`: 1 GiB. A
/// file of any size is mapped instead; a stream must be held in memory, and one that never
/// ends (`/dev/zero`) must not take all of it.
pub const STREAM_LIMIT: usize = 1 << 30;

/// The whole input, borrowed as one `&[u8]`.
pub enum Input {
    /// A regular, non-empty file, mapped read-only: records are read where they lie. The file
    /// stays open so that parts of it can be mapped again on their own ([`Input::window`]).
    Mapped { map: Mmap, file: File },
    /// Standard input, FIFOs, devices, empty files, and files read with `--no-mmap`.
    Read(Vec<u8>),
}

impl Deref for Input {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Input::Mapped { map, .. } => map,
            Input::Read(bytes) => bytes,
        }
    }
}

/// How the input is to be read.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    /// The bytes the records asked for end here (`--offset`, `--count`, `--stride`): nothing
    /// after it is read. `None` when every record is wanted.
    pub limit: Option<usize>,
    /// Read a regular file instead of mapping it (`--no-mmap`).
    pub no_mmap: bool,
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

/// Opens FILE (`-` for standard input) and returns its bytes, or as many of them as `reading`
/// asks for.
pub fn open(path: &Path, reading: Reading) -> Result<Input, Failure> {
    let name = || display_name(path);
    let read_failure = |source| Failure::Read {
        name: name(),
        source,
    };
    if is_stdin(path) {
        return read(io::stdin().lock(), reading.limit, true)
            .map_err(read_failure)?
            .ok_or_else(|| Failure::StreamTooLong {
                name: name(),
                limit: STREAM_LIMIT,
            });
    }
    let file = open_now(path).map_err(|source| Failure::Open {
        name: name(),
        source,
    })?;
    let metadata = file.metadata().map_err(read_failure)?;
    // Only regular files with a size are worth mapping: an empty file has nothing to map
    // (mmap(2) refuses a length of 0), and files in /proc report a size of 0 but have content.
    if metadata.is_file() && metadata.len() > 0 && !reading.no_mmap {
        if let Ok(map) = map_read_only(&file, 0, None) {
            return Ok(Input::Mapped { map, file });
        }
    }
    let stream = !metadata.is_file();
    if stream {
        blocking(&file).map_err(read_failure)?;
    }
    read(file, reading.limit, stream)
        .map_err(read_failure)?
        .ok_or_else(|| Failure::StreamTooLong {
            name: name(),
            limit: STREAM_LIMIT,
        })
}

/// Reads `source` to its end, or to `limit` bytes; a stream without a limit is read to
/// [`STREAM_LIMIT`] at most (`None` if it has more).
fn read(source: impl Read, limit: Option<usize>, stream: bool) -> io::Result<Option<Input>> {
    let cap = match (limit, stream) {
        (Some(limit), _) => limit,
        (None, true) => STREAM_LIMIT + 1,
        (None, false) => usize::MAX,
    };
    let mut bytes = Vec::new();
    source
        .take(u64::try_from(cap).unwrap_or(u64::MAX))
        .read_to_end(&mut bytes)?;
    if limit.is_none() && stream && bytes.len() > STREAM_LIMIT {
        return Ok(None);
    }
    Ok(Some(Input::Read(bytes)))
}

/// Opens `path` without waiting: a FIFO with no writer would block open(2) until one came.
fn open_now(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NONBLOCK.bits();
        options.custom_flags(flags as i32);
    }
    options.open(path)
}

/// Makes reads of a FIFO or device opened by [`open_now`] wait for data again, so that it is
/// read as a stream; a FIFO whose writers are all gone (or never came) then reads as its end.
fn blocking(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        let flags = rustix::fs::fcntl_getfl(file)?;
        rustix::fs::fcntl_setfl(file, flags - rustix::fs::OFlags::NONBLOCK)?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

impl Input {
    /// `len` bytes from `offset` of a mapped file, mapped on their own: once the window is
    /// dropped, its pages no longer count towards this process's memory, whereas the pages of
    /// the whole map that were read stay resident (as the file's cache) until the map is gone.
    /// `None` for input read into memory, and for an empty range; an error if the range is
    /// not in the file.
    pub fn window(&self, offset: usize, len: usize) -> io::Result<Option<Mmap>> {
        match self {
            Input::Mapped { map, file } if len > 0 => {
                if offset.checked_add(len).is_none_or(|end| end > map.len()) {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        "a window past the end of the mapped file",
                    ));
                }
                map_read_only(file, offset, Some(len)).map(Some)
            }
            _ => Ok(None),
        }
    }
}

/// Maps `len` bytes of `file` from `offset` read-only (`None`: to its end). The one `unsafe`
/// call of the command.
#[allow(unsafe_code)]
fn map_read_only(file: &File, offset: usize, len: Option<usize>) -> io::Result<Mmap> {
    let mut options = MmapOptions::new();
    options.offset(offset as u64);
    if let Some(len) = len {
        options.len(len);
    }
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
    //   risk; to be immune, pass `--no-mmap` (or give the file on standard input), which reads
    //   the bytes into memory instead.
    //   The same holds for a window of the file mapped on its own (`overlay convert`), which
    //   is checked against the whole map's length before it is made.
    unsafe { options.map(file) }
}
