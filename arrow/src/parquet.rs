//! Parquet files: [`write_parquet`].

use std::path::Path;

use arrow_schema::{DataType, FieldRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression as Codec;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use crate::compression::Compression;
use crate::error::Error;
use crate::options::Options;
use crate::output::{each_batch, Output};
use crate::source::Source;
use crate::summary::Summary;

/// Rows handed to the Parquet writer at a time.
const WRITE_ROWS: usize = 8192;

/// The Parquet codec of `compression`, if it is built in.
fn codec(compression: Compression) -> Result<Codec, Error> {
    if !compression.is_built() {
        return Err(Error::CodecNotBuilt { codec: compression });
    }
    Ok(match compression {
        Compression::Snappy => Codec::SNAPPY,
        Compression::Zstd => Codec::ZSTD(Default::default()),
        Compression::Lz4 => Codec::LZ4_RAW,
        _ => Codec::UNCOMPRESSED,
    })
}

/// Fails for a column Parquet cannot store (the parquet crate would panic on it); `prefix`
/// is the path of the struct holding `fields`.
fn check_storable(fields: &[FieldRef], prefix: &str) -> Result<(), Error> {
    for field in fields {
        let path = format!("{prefix}{}", field.name());
        let mut data_type = field.data_type();
        while let DataType::FixedSizeList(item, _) = data_type {
            data_type = item.data_type();
        }
        match data_type {
            DataType::FixedSizeBinary(0) => {
                return Err(Error::NotInParquet {
                    column: path.into(),
                })
            }
            DataType::Struct(children) => check_storable(children, &format!("{path}."))?,
            _ => {}
        }
    }
    Ok(())
}

/// A Parquet error about `path`.
fn parquet_error(path: &Path) -> impl FnOnce(ParquetError) -> Error + '_ {
    move |source| Error::Parquet {
        path: path.to_owned(),
        source: Box::new(source),
    }
}

/// Writes every row of `source` to a Parquet file at `path`, converted in batches of
/// `options.batch_rows` rows, in row groups closed at [`Options::row_group_rows`] rows or
/// about [`Options::row_group_bytes`] encoded bytes, compressed with `compression`; calls
/// `progress` after each batch with the rows written so far.
///
/// Streams: one batch is converted, encoded into the open row group and dropped before the
/// next, and a row group is written out when it is full, so the heap stays below
/// 2 × `batch_rows` × the row's Arrow width + the open row group's encoded pages (at most
/// `row_group_rows` × the row's Arrow width, and about `row_group_bytes`) + 2 MiB +
/// 2 MiB per leaf column + the footer's metadata: the batch and the slice being encoded,
/// the row group's pages (which the parquet crate holds until the group is written), each
/// column's dictionary encoder (its dictionary page is at most 1 MiB, and its hash table),
/// the 1 MiB file buffer, and about 1 KiB per column per row group written (the footer,
/// which Parquet puts at the end of the file, lists them all). The last term is the only
/// one that grows with the input: with the default row groups, about 1 KiB per column per
/// million rows. The file is written under a temporary name in `path`'s directory and
/// renamed to `path` when complete; on any error the temporary file is removed, nothing is
/// left at `path`, and a file already there is untouched. Zero-length byte strings (`[u8; 0]`,
/// `0s`) have no Parquet type: a table with them is refused ([`Error::NotInParquet`]).
///
/// ```
/// use overlay::Struct;
/// use overlay_arrow::{write_parquet, Compression, Options, StructTable};
///
/// let format = Struct::new("<Id")?;
/// let bytes = vec![0u8; 12 * 100];
/// let table = StructTable::new(&format, &bytes, 100, 12, None)?;
/// let path = std::env::temp_dir().join(format!("overlay-arrow-doc-{}.parquet", std::process::id()));
/// let mut seen = Vec::new();
/// let options = Options::new().batch_rows(40).row_group_rows(50);
/// let summary = write_parquet(&table, &path, &options, Compression::None, &mut |rows| seen.push(rows))?;
/// assert_eq!((summary.rows, summary.batches, summary.row_groups), (100, 3, 2));
/// assert_eq!(seen, [40, 80, 100]);
/// std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_parquet<S: Source>(
    source: &S,
    path: &Path,
    options: &Options,
    compression: Compression,
    progress: &mut dyn FnMut(u64),
) -> Result<Summary, Error> {
    let codec = codec(compression)?;
    let schema = source.schema(options)?;
    check_storable(schema.fields(), "")?;
    let properties = WriterProperties::builder()
        .set_compression(codec)
        .set_max_row_group_row_count(Some(options.rows_per_row_group()))
        .set_max_row_group_bytes(Some(options.row_group_byte_limit()))
        .build();
    let (output, file) = Output::create(path)?;
    let mut writer =
        ArrowWriter::try_new(file, schema, Some(properties)).map_err(parquet_error(path))?;
    let (rows, batches) = each_batch(source, options, progress, |batch| {
        // Handed over in slices (views, not copies): the writer's working buffers for a
        // write (levels, the values it gathers) then grow with the slice, not the batch.
        let mut start = 0;
        while start < batch.num_rows() {
            let rows = WRITE_ROWS.min(batch.num_rows() - start);
            writer
                .write(&batch.slice(start, rows))
                .map_err(parquet_error(path))?;
            start += rows;
        }
        Ok(())
    })?;
    // The last row group, then how many there are.
    writer.flush().map_err(parquet_error(path))?;
    let row_groups = writer.flushed_row_groups().len() as u64;
    let file = writer.into_inner().map_err(parquet_error(path))?;
    let output_bytes = output.commit(file)?;
    Ok(Summary {
        rows,
        batches,
        row_groups,
        input_bytes: source.input_bytes(),
        output_bytes,
    })
}
