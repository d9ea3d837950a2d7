//! The file an example reads, opened the one way every example opens it: a regular file is
//! memory-mapped, so that memory stays flat however large the file is; anything else (a FIFO,
//! a socket, a device, a directory) is refused at once, since reading it could block forever
//! or never end. Each example includes this file with `#[path = "input.rs"] mod input;`.
//!
//! This module holds the examples' only `unsafe` code: the two `memmap2` calls below.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::ops::Deref;
use std::path::Path;

use memmap2::{Mmap, MmapMut};

/// The bytes of a file.
pub enum Input {
    /// A regular, non-empty file mapped read-only.
    Mapped(Mmap),
    /// A regular, non-empty file mapped for reading and writing ([`open_writable`]).
    MappedMut(MmapMut),
    /// A file that reports a size of 0 (an empty file, or one in /proc whose size is not
    /// known until it is read), read into memory.
    Read(Vec<u8>),
}

impl Deref for Input {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Input::Mapped(map) => map,
            Input::MappedMut(map) => map,
            Input::Read(bytes) => bytes,
        }
    }
}

/// Opens `path` for reading.
#[allow(dead_code)] // frames reads in pieces (`open_stream`).
pub fn open(path: &Path) -> io::Result<Input> {
    let (file, len) = open_regular(path, false)?;
    if len == 0 {
        return read_all(file);
    }
    // SAFETY: `Mmap::map` is unsafe because the returned bytes are only as stable as the
    // file, which this process does not control. The map is read-only and this process never
    // writes the file. If another process writes it meanwhile, the views read a mix of old
    // and new values but nothing worse: every offset and length is checked against the map's
    // length (fixed when it was made) and values are copied out, never trusted as pointers.
    // If the file is truncated meanwhile, touching a page past its new end raises SIGBUS, a
    // crash rather than an error message; a short-lived command reading a file it was just
    // given accepts that risk (the README's reliability section says so).
    let map = unsafe { Mmap::map(&file)? };
    Ok(Input::Mapped(map))
}

/// Opens `path` for editing in place: a regular, non-empty file mapped shared and writable.
#[allow(dead_code)] // npy and image edit in place; the others only read.
pub fn open_writable(path: &Path) -> io::Result<Input> {
    let (file, len) = open_regular(path, true)?;
    if len == 0 {
        return read_all(file);
    }
    // SAFETY: as for `Mmap::map` in `open`; the map is also written, through the views, which
    // is the point of editing in place. Another process changing the file meanwhile mixes its
    // writes with ours, and truncating it raises SIGBUS.
    let map = unsafe { MmapMut::map_mut(&file)? };
    Ok(Input::MappedMut(map))
}

/// Opens `path` to read it as a stream (in pieces, as `frames` does), refusing anything but a
/// regular file as [`open`] does.
#[allow(dead_code)] // Only frames reads in pieces.
pub fn open_stream(path: &Path) -> io::Result<File> {
    open_regular(path, false).map(|(file, _)| file)
}

fn read_all(mut file: File) -> io::Result<Input> {
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(Input::Read(bytes))
}

/// Opens `path` and checks that it is a regular file, returning it and its size.
///
/// The open itself does not wait: a FIFO with no writer would otherwise block in open(2)
/// until one appears, so it is opened non-blocking and refused once its type is known.
fn open_regular(path: &Path, writable: bool) -> io::Result<(File, u64)> {
    let mut options = OpenOptions::new();
    options.read(true).write(writable);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(io::Error::other(format!(
            "not a regular file ({}); the examples read regular files only",
            kind(&metadata.file_type())
        )));
    }
    Ok((file, metadata.len()))
}

/// What a file that is not a regular file is, in words.
fn kind(file_type: &std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
    }
    "not a file"
}
