//! `overlay convert`: the records `unpack` would print, written as a Parquet file, an Arrow IPC
//! file or JSON lines, with a progress bar on a terminal and a one-line summary.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use overlay::Struct;
use overlay_arrow::{Compression, Options, RecordBatch, SchemaRef, Source, StructTable, Summary};

use crate::args::{Codec, ConvertArgs, Target};
use crate::error::Failure;
use crate::input::Input;
use crate::layout::Layout;
use crate::output;
use crate::unpack::{select, Selected};

/// Inputs of at least this many bytes get a progress bar (on a terminal, without `--quiet`).
const PROGRESS_FROM: u64 = 64 << 20;

/// Converts the records that `args` asks for and writes OUTPUT; the summary goes to `summary`
/// (standard error) unless `--quiet`.
pub fn convert(args: &ConvertArgs, summary: &mut impl Write) -> Result<(), Failure> {
    // The command line is checked before the input is opened.
    let compression = compression(args)?;
    if args.batch_rows == 0 {
        return Err(Failure::Usage(
            "--batch-rows 0: a batch must hold at least one row".to_owned(),
        ));
    }
    match (args.row_group_rows, args.to) {
        (Some(_), Target::Arrow | Target::Jsonl) => {
            return Err(Failure::Usage(format!(
                "--row-group-rows applies to --to parquet; {} files have no row groups",
                target_name(args.to)
            )))
        }
        (Some(0), _) => {
            return Err(Failure::Usage(
                "--row-group-rows 0: a row group must hold at least one row".to_owned(),
            ))
        }
        _ => {}
    }
    let stdout = args.output.as_os_str() == "-";
    if stdout && args.to != Target::Jsonl {
        return Err(Failure::Usage(format!(
            "--output -: a {} file cannot be streamed to standard output; give a file name",
            target_name(args.to)
        )));
    }
    if !stdout && args.output.file_name().is_none() {
        return Err(Failure::Usage(format!(
            "--output {}: not a file name; give the file to write",
            args.output.display()
        )));
    }
    let format = crate::unpack::compile(&args.records.format)?;
    let names = names(&format, args)?;

    let started = Instant::now();
    let Selected {
        format,
        name,
        data,
        layout,
    } = select(&args.records)?;
    let input_bytes = covered_bytes(layout, format.size()) as u64;
    let progress = progress_bar(args, layout.count, input_bytes);
    let mut moved = |rows: u64| progress.set_position(rows);
    let output = &args.output;
    let written = match args.to {
        Target::Jsonl => {
            let records = Windowed {
                input: &data,
                path: args.records.file.clone(),
                format: &format,
                layout,
                names,
                schema: None,
            };
            let lines = Lines {
                records: &records,
                name: &name,
                batch_rows: args.batch_rows,
            };
            if stdout {
                let mut out = io::stdout().lock();
                lines.write(&mut out, &mut moved)?;
                out.flush()?;
                None
            } else {
                Some(lines.write_file(output, &mut moved)?)
            }
        }
        Target::Parquet | Target::Arrow => {
            let failed = |source| Failure::Convert {
                name: name.clone(),
                output: output.display().to_string(),
                source,
            };
            let mut options = Options::new().batch_rows(args.batch_rows);
            if let Some(rows) = args.row_group_rows {
                options = options.row_group_rows(rows);
            }
            // The schema, from a table of no rows (it checks the names against the format).
            let schema = StructTable::new(&format, &[], 0, layout.stride, Some(names.clone()))
                .and_then(|table| table.schema(&options))
                .map_err(failed)?;
            let source = Windowed {
                input: &data,
                path: args.records.file.clone(),
                format: &format,
                layout,
                names,
                schema: Some(schema),
            };
            let result = match args.to {
                Target::Parquet => {
                    overlay_arrow::write_parquet(&source, output, &options, compression, &mut moved)
                }
                _ => overlay_arrow::write_ipc(&source, output, &options, compression, &mut moved),
            };
            let Summary { output_bytes, .. } = result.map_err(failed)?;
            Some(output_bytes)
        }
    };
    progress.finish_and_clear();
    if !args.quiet {
        let elapsed = started.elapsed();
        writeln!(
            summary,
            "overlay: {} rows, {} bytes of records from {name} -> {}{} in {} ({})",
            layout.count,
            input_bytes,
            if stdout {
                "standard output".to_owned()
            } else {
                output.display().to_string()
            },
            written.map_or_else(String::new, |bytes| format!(" ({bytes} bytes)")),
            Seconds(elapsed),
            Rate(input_bytes, elapsed),
        )
        .map_err(Failure::Write)?;
    }
    Ok(())
}

/// The codec: the one asked for, or the target's default (snappy for Parquet, none for Arrow).
fn compression(args: &ConvertArgs) -> Result<Compression, Failure> {
    let codec = match (args.to, args.compression) {
        (Target::Jsonl, Some(codec)) if codec != Codec::None => {
            return Err(Failure::Usage(
                "--compression applies to --to parquet and --to arrow; JSON lines are written \
                 as text (pipe them through a compressor)"
                    .to_owned(),
            ))
        }
        (Target::Arrow, Some(Codec::Snappy)) => {
            return Err(Failure::Usage(
                "--compression snappy: Arrow IPC files support only zstd and lz4".to_owned(),
            ))
        }
        (_, Some(codec)) => codec,
        (Target::Parquet, None) => Codec::Snappy,
        (_, None) => Codec::None,
    };
    Ok(match codec {
        Codec::None => Compression::None,
        Codec::Snappy => Compression::Snappy,
        Codec::Zstd => Compression::Zstd,
        Codec::Lz4 => Compression::Lz4,
    })
}

/// The column names: `--names`, checked against FORMAT (one per value, none empty, no two
/// alike), or `f0, f1, ...`.
fn names(format: &Struct, args: &ConvertArgs) -> Result<Vec<String>, Failure> {
    let values = format.value_count();
    let Some(names) = &args.names else {
        return Ok((0..values).map(|index| format!("f{index}")).collect());
    };
    let bad = |problem: String| {
        Failure::Usage(format!(
            "--names: {problem}; '{}' has {values} value{} (pad bytes x have none): give one \
             name per value, separated by commas",
            args.records.format,
            if values == 1 { "" } else { "s" }
        ))
    };
    if names.len() != values {
        let given = names.len();
        return Err(bad(format!(
            "{given} name{} given",
            if given == 1 { " is" } else { "s are" }
        )));
    }
    if let Some(index) = names.iter().position(|name| name.trim().is_empty()) {
        return Err(bad(format!("name {} is empty", index + 1)));
    }
    for (index, name) in names.iter().enumerate() {
        if names[..index].contains(name) {
            return Err(bad(format!("'{name}' is given twice")));
        }
    }
    Ok(names.clone())
}

/// A progress bar on standard error for a long conversion on a terminal; hidden otherwise.
fn progress_bar(args: &ConvertArgs, rows: usize, bytes: u64) -> ProgressBar {
    if args.quiet || bytes < PROGRESS_FROM || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(rows as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:40} {human_pos}/{human_len} rows {percent}% {elapsed} (eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

/// The selected records of the input, handed out a batch of rows at a time. A mapped file is
/// mapped again window by window (each batch's bytes on their own, unmapped once the batch is
/// converted), so that the pages of the input resident at any time are those of one batch,
/// however large the file: the whole map, read from start to end, would keep every page it
/// touched resident until the command ends.
struct Windowed<'a> {
    input: &'a Input,
    /// FILE, for messages.
    path: PathBuf,
    format: &'a Struct,
    layout: Layout,
    names: Vec<String>,
    /// The Arrow schema (not needed for JSON lines).
    schema: Option<SchemaRef>,
}

impl Windowed<'_> {
    /// Calls `each` with the bytes of rows `rows` (counted from the first selected record),
    /// the first row at the start; a failure to map them is reported through `unmapped`.
    fn with_rows<R, E>(
        &self,
        rows: Range<usize>,
        unmapped: impl FnOnce(overlay_arrow::Error) -> E,
        each: impl FnOnce(&[u8]) -> Result<R, E>,
    ) -> Result<R, E> {
        let Layout { first, stride, .. } = self.layout;
        let count = rows.len();
        let start = first + rows.start * stride;
        let window = Layout {
            first: start,
            stride,
            count,
        };
        let len = covered_bytes(window, self.format.size());
        let window = self.input.window(start, len).map_err(|source| {
            unmapped(overlay_arrow::Error::Io {
                path: self.path.clone(),
                source,
            })
        })?;
        let bytes = match &window {
            Some(window) => &window[..],
            None => self.input.get(start..start + len).unwrap_or_default(),
        };
        each(bytes)
    }
}

impl Source for Windowed<'_> {
    fn schema(&self, options: &Options) -> Result<SchemaRef, overlay_arrow::Error> {
        match &self.schema {
            Some(schema) => Ok(schema.clone()),
            None => {
                StructTable::new(self.format, &[], 0, self.layout.stride, None)?.schema(options)
            }
        }
    }

    fn len(&self) -> usize {
        self.layout.count
    }

    fn batch(
        &self,
        rows: Range<usize>,
        options: &Options,
    ) -> Result<RecordBatch, overlay_arrow::Error> {
        if rows.end > self.layout.count || rows.start > rows.end {
            return Err(overlay_arrow::Error::Rows {
                start: rows.start,
                end: rows.end,
                len: self.layout.count,
            });
        }
        let count = rows.len();
        let Layout { stride, .. } = self.layout;
        self.with_rows(
            rows,
            |unmapped| unmapped,
            |bytes| {
                let names = Some(self.names.clone());
                StructTable::new(self.format, bytes, count, stride, names)?.batch(0..count, options)
            },
        )
    }

    fn input_bytes(&self) -> u64 {
        covered_bytes(self.layout, self.format.size()) as u64
    }
}

/// The bytes from the first selected record to the end of the last: the gaps between strided
/// records included, what follows the last record not.
/// The layout was checked against the input, so this fits in a `usize`.
fn covered_bytes(layout: Layout, size: usize) -> usize {
    match layout.count.checked_sub(1) {
        Some(last) => last.saturating_mul(layout.stride).saturating_add(size),
        None => 0,
    }
}

/// JSON lines of the selected records, one object per record keyed by the names.
struct Lines<'a> {
    records: &'a Windowed<'a>,
    /// The input, for messages.
    name: &'a str,
    /// Records written per window.
    batch_rows: usize,
}

impl Lines<'_> {
    /// Writes every line to `out`.
    fn write(&self, out: &mut impl Write, progress: &mut dyn FnMut(u64)) -> Result<(), Failure> {
        let Windowed {
            format,
            layout,
            names,
            ..
        } = self.records;
        let mut done = 0;
        while done < layout.count {
            let rows = done..layout.count.min(done + self.batch_rows);
            let count = rows.len();
            let unmapped = |source| Failure::Convert {
                name: self.name.to_owned(),
                output: String::from("JSON lines"),
                source,
            };
            self.records.with_rows(rows, unmapped, |bytes| {
                for index in 0..count {
                    let offset = index * layout.stride;
                    let fields =
                        format
                            .fields_from(bytes, offset)
                            .map_err(|source| Failure::Unpack {
                                name: self.name.to_owned(),
                                offset: layout.first + (done + index) * layout.stride,
                                source,
                            })?;
                    output::write_object(out, names, fields)?;
                }
                Ok(())
            })?;
            done += count;
            progress(done as u64);
        }
        Ok(())
    }

    /// [`write`](Self::write) into a temporary file beside `path`, renamed to `path` once
    /// complete; returns the bytes written. On failure the temporary file is removed.
    fn write_file(&self, path: &Path, progress: &mut dyn FnMut(u64)) -> Result<u64, Failure> {
        let output = |source: io::Error| Failure::Output {
            output: path.display().to_string(),
            source,
        };
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".overlay-convert-");
        // As `File::create` makes it, not owner-only: it becomes OUTPUT.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temporary = builder.tempfile_in(dir).map_err(output)?;
        let mut out = BufWriter::with_capacity(1 << 20, temporary);
        self.write(&mut out, progress)
            .map_err(|failure| match failure {
                Failure::Write(source) => output(source),
                other => other,
            })?;
        let temporary = out.into_inner().map_err(|e| output(e.into_error()))?;
        temporary.as_file().sync_all().map_err(output)?;
        let file = temporary.persist(path).map_err(|e| output(e.error))?;
        Ok(file.metadata().map_err(output)?.len())
    }
}

/// The name of a target in messages.
fn target_name(target: Target) -> &'static str {
    match target {
        Target::Parquet => "Parquet",
        Target::Arrow => "Arrow IPC",
        Target::Jsonl => "JSON lines",
    }
}

/// `0.42 s`.
struct Seconds(Duration);

impl std::fmt::Display for Seconds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.2} s", self.0.as_secs_f64())
    }
}

/// `123.4 MB/s` of input.
struct Rate(u64, Duration);

impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let seconds = self.1.as_secs_f64();
        if seconds <= 0.0 {
            return f.write_str("- MB/s");
        }
        write!(f, "{:.1} MB/s", self.0 as f64 / seconds / 1e6)
    }
}
