//! What the file writers share: the output written under a temporary name and renamed into
//! place only when complete ([`Output`]), and the batch loop.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use tempfile::TempPath;

use crate::error::Error;
use crate::options::Options;
use crate::source::{batches, Source};

/// A file being written at a temporary path beside `path`, in the same directory (so the
/// rename that completes it does not cross file systems). Dropped before
/// [`commit`](Output::commit), it removes the temporary file: no output is left behind, and
/// a file already at `path` is untouched.
pub(crate) struct Output {
    path: PathBuf,
    temp: TempPath,
}

/// An I/O error about `path`.
pub(crate) fn io_error(path: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

impl Output {
    /// Creates the temporary file for `path`: `.NAME.XXXXXX.partial` beside it, with the
    /// permissions `File::create` gives (not tempfile's owner-only ones), since it becomes
    /// the output.
    pub(crate) fn create(path: &Path) -> Result<(Output, BufWriter<File>), Error> {
        let name = path.file_name().ok_or_else(|| Error::Io {
            path: path.to_owned(),
            source: io::Error::new(io::ErrorKind::InvalidInput, "not a file name"),
        })?;
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut prefix = OsString::from(".");
        prefix.push(name);
        prefix.push(".");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".partial");
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let (file, temp) = builder
            .tempfile_in(dir)
            .map_err(io_error(path))?
            .into_parts();
        let output = Output {
            path: path.to_owned(),
            temp,
        };
        Ok((output, BufWriter::with_capacity(1 << 20, file)))
    }

    /// Flushes `file` to disk and renames it into place; returns its size.
    pub(crate) fn commit(self, file: BufWriter<File>) -> Result<u64, Error> {
        let file = file
            .into_inner()
            .map_err(|e| io_error(&self.path)(e.into_error()))?;
        file.sync_all().map_err(io_error(&self.path))?;
        let size = file.metadata().map_err(io_error(&self.path))?.len();
        drop(file);
        self.temp
            .persist(&self.path)
            .map_err(|e| io_error(&self.path)(e.error))?;
        Ok(size)
    }
}

/// Converts `source` batch by batch, handing each to `write` and then dropping it, and
/// calls `progress` with the rows written so far after each; returns the rows and batches.
pub(crate) fn each_batch<S: Source>(
    source: &S,
    options: &Options,
    progress: &mut dyn FnMut(u64),
    mut write: impl FnMut(&RecordBatch) -> Result<(), Error>,
) -> Result<(u64, u64), Error> {
    let (mut rows, mut count) = (0u64, 0u64);
    for batch in batches(source, options) {
        let batch = batch?;
        write(&batch)?;
        rows += batch.num_rows() as u64;
        count += 1;
        drop(batch);
        progress(rows);
    }
    Ok((rows, count))
}
