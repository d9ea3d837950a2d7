//! Arrow IPC files: [`write_ipc`].

use std::path::Path;

use arrow_ipc::writer::{FileWriter, IpcWriteOptions};
use arrow_ipc::CompressionType;
use arrow_schema::ArrowError;

use crate::compression::Compression;
use crate::error::Error;
use crate::options::Options;
use crate::output::{each_batch, Output};
use crate::source::Source;
use crate::summary::Summary;

/// The IPC codec of `compression`, if the format has it and it is built in.
fn codec(compression: Compression) -> Result<Option<CompressionType>, Error> {
    match compression {
        Compression::None => return Ok(None),
        Compression::Snappy => {
            return Err(Error::CodecUnsupported {
                codec: compression,
                format: "Arrow IPC",
                supported: "zstd, lz4 or none",
            })
        }
        _ if !compression.is_built() => return Err(Error::CodecNotBuilt { codec: compression }),
        _ => {}
    }
    Ok(Some(match compression {
        Compression::Zstd => CompressionType::ZSTD,
        _ => CompressionType::LZ4_FRAME,
    }))
}

/// An Arrow error about `path`.
fn ipc_error(path: &Path) -> impl FnOnce(ArrowError) -> Error + '_ {
    move |source| Error::Ipc {
        path: path.to_owned(),
        source,
    }
}

/// Writes every row of `source` to an Arrow IPC file (the `.arrow` file format) at `path`,
/// one record batch per batch of `options.batch_rows` rows, its buffers compressed with
/// `compression` (zstd, lz4 or none); calls `progress` after each batch with the rows
/// written so far.
///
/// Streams: one batch is converted, encoded, written and dropped before the next, so the
/// heap stays below 2 × `batch_rows` × the row's Arrow width + 2 MiB (the batch, what its
/// message needs beside its buffers, and the 1 MiB file buffer; measured: 1.1 ×), whatever
/// the input's size. The file is written under a temporary name in `path`'s
/// directory and renamed to `path` when complete; on any error the temporary file is
/// removed, nothing is left at `path`, and a file already there is untouched.
pub fn write_ipc<S: Source>(
    source: &S,
    path: &Path,
    options: &Options,
    compression: Compression,
    progress: &mut dyn FnMut(u64),
) -> Result<Summary, Error> {
    let codec = codec(compression)?;
    let schema = source.schema(options)?;
    let ipc_options = IpcWriteOptions::default()
        .try_with_compression(codec)
        .map_err(ipc_error(path))?;
    let (output, file) = Output::create(path)?;
    let mut writer =
        FileWriter::try_new_with_options(file, &schema, ipc_options).map_err(ipc_error(path))?;
    let (rows, batches) = each_batch(source, options, progress, |batch| {
        writer.write(batch).map_err(ipc_error(path))
    })?;
    writer.finish().map_err(ipc_error(path))?;
    let file = writer.into_inner().map_err(ipc_error(path))?;
    let output_bytes = output.commit(file)?;
    Ok(Summary {
        rows,
        batches,
        row_groups: 0,
        input_bytes: source.input_bytes(),
        output_bytes,
    })
}
