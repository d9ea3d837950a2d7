//! The command line, as clap parses it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  overlay calcsize '<4sIHH'
  overlay unpack '<IHH' data.bin
  overlay dump --count 1 '<4sI4s' sound.wav
  overlay unpack --offset 44 --count 10 '<hh' sound.wav
  overlay unpack --stride 64 --json '<Qd?' table.bin
  head -c 4096 data.bin | overlay unpack '>I' -
  overlay convert '<qdI' ticks.bin --names time,price,size --to parquet --output ticks.parquet

FORMAT is a Python struct format (https://docs.python.org/3/library/struct.html), with the same
sizes, alignment and error messages as CPython's struct module on x86-64 Linux.";

/// Read binary records in place and print them as Python's struct module unpacks them.
#[derive(Debug, Parser)]
#[command(name = "overlay", version, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each record of FILE as the tuple struct.unpack(FORMAT, record) returns
    #[command(
        after_help = UNPACK_HELP,
        after_long_help = UNPACK_HELP,
    )]
    Unpack(UnpackArgs),
    /// Print each record of FILE item by item: offset, size, bytes in hex and ASCII, values
    #[command(after_help = DUMP_HELP, after_long_help = DUMP_HELP)]
    Dump(DumpArgs),
    /// Write the records of FILE as a Parquet file, an Arrow IPC file or JSON lines, one column
    /// (or key) per value
    #[command(after_help = CONVERT_HELP, after_long_help = CONVERT_HELP)]
    Convert(ConvertArgs),
    /// Print the size in bytes of one FORMAT record, like struct.calcsize
    #[command(after_help = "Example:\n  overlay calcsize '<4sIHH'    # prints 12")]
    Calcsize {
        /// A Python struct format, such as '<4sIHH'
        format: String,
    },
}

const UNPACK_HELP: &str = "\
Output:
  One line per record, as Python prints the tuple from struct.unpack:
    (1, 2, b'ab')    (5,)    (1e+16, True, b'\\x00\\xff')
  With --json, one JSON array per line (newline-delimited JSON):
    integers are exact JSON numbers (all of u64 and i64), floats are JSON numbers
    (shortest form that reads back to the same double; NaN and infinities, which JSON cannot
    write, are null), ? values are true/false, and s, p and c values are arrays of byte values
    0-255: b'ab\\x00' is [97,98,0]. Every value but a NaN or infinite float is lossless.

Records:
  Without --count or --stride, the bytes after --offset must be a whole number of records, or
  nothing is printed and the error says how many bytes are left over. With either option,
  bytes after the last whole record are ignored.
  There must be at least one whole record after --offset, and with --count N at least N
  (--count 0 asks for none); otherwise nothing is printed and the error says how many there
  are, with what Python's struct.unpack_from says of the first one missing.
  N may be decimal or hexadecimal with 0x (--offset 0x2c).

Examples:
  overlay unpack '<IHH' data.bin
  overlay unpack --offset 44 --count 10 '<hh' sound.wav
  overlay unpack --stride 64 --json '<Qd?' table.bin
  head -c 4096 data.bin | overlay unpack '>I' -";

const DUMP_HELP: &str = "\
Output:
  Per record, a line naming the format, the record's offset and the input's length, then one
  row per format item (and per run of alignment padding that native formats insert):
    offset  size  field  type  hex                      ascii     value
        44     4  [0]    4s    52 49 46 46              RIFF      b'RIFF'
        48     6  [1:4]  3h    01 00 ff ff 00 80        ......    (1, -1, -32768)
        54     2         2x    00 00                    ..        pad
  offset counts from the start of the input; field is where the item's values are in the tuple
  struct.unpack returns ([k], or [start:end] for several); type is the item as written; hex
  shows 8 bytes a line, longer items continue on the next lines; ascii shows printable bytes as
  themselves and others as '.'; value is Python's repr of the value, or of the tuple of an
  item's values (each line lists the values that start in it), with s values one bytes literal
  per line. A blank line separates records.

Records:
  Chosen as for overlay unpack: --offset, --count and --stride, with the same checks.

Examples:
  overlay dump '<4sIHH' data.bin
  overlay dump --offset 44 --count 2 '<hh' sound.wav";

const CONVERT_HELP: &str = "\
Output:
  One row per record and one column per value of FORMAT, named by --names (default f0, f1,
  ...); pad bytes (x) are not columns. Column types: b h i l q / B H I L Q as Int8..Int64 /
  UInt8..UInt64 (by their size in FORMAT), e f d as Float16, Float32, Float64, ? as Boolean,
  c and Ns as FixedSizeBinary(1) and FixedSizeBinary(N), Np as Binary. Values are those
  Python's struct.iter_unpack gives, floats bit for bit (NaN payloads too), in Arrow's
  little-endian order whatever the order in FILE.
  --to parquet: a Parquet file (a row group closes at --row-group-rows rows, default
  1048576, or at about 64 MiB of encoded pages; --compression snappy by default).
  --to arrow: an Arrow IPC file (the Feather v2 format; uncompressed by default).
  --to jsonl: one JSON object per line, keyed by the names, values encoded as
  `overlay unpack --json` encodes them.
  OUTPUT is written under a temporary name in its directory and renamed when complete: a
  failure leaves no OUTPUT behind (and an existing OUTPUT untouched). Memory stays bounded
  whatever FILE's size: FILE is mapped, and one batch of rows is converted at a time, on
  every core. A progress bar is shown on a terminal for inputs of 64 MiB or more; a one-line
  summary (rows, bytes, time) goes to standard error at the end.

Records:
  Chosen as for overlay unpack: --offset, --count and --stride, with the same checks.

Examples:
  overlay convert '<qdI' ticks.bin --names time,price,size --to parquet --output ticks.parquet
  overlay convert '>HHI' table.bin --to arrow --output table.arrow --compression zstd
  overlay convert --offset 44 '<hh' sound.wav --names left,right --to jsonl --output sound.jsonl";

/// The records to read: the arguments `unpack` and `dump` share.
#[derive(Debug, Args)]
pub struct RecordArgs {
    /// Bytes to skip before the first record
    #[arg(long, value_name = "N", default_value = "0", value_parser = parse_size)]
    pub offset: usize,

    /// Print N records (fewer whole records than N is an error)
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub count: Option<usize>,

    /// Records start every N bytes (N >= the record size), for records inside larger slots
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub stride: Option<usize>,

    /// Read FILE into memory instead of mapping it (a mapped file that another process
    /// truncates meanwhile kills the command with SIGBUS; a read one cannot)
    #[arg(long)]
    pub no_mmap: bool,

    /// A Python struct format, such as '<IHH'
    pub format: String,

    /// The file to read, or - for standard input
    pub file: PathBuf,
}

/// `overlay unpack`'s arguments.
#[derive(Debug, Args)]
pub struct UnpackArgs {
    #[command(flatten)]
    pub records: RecordArgs,

    /// Print newline-delimited JSON, one array per record (see Output below)
    #[arg(long)]
    pub json: bool,
}

/// What `overlay convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// A Parquet file
    Parquet,
    /// An Arrow IPC file (Feather v2)
    Arrow,
    /// Newline-delimited JSON objects
    Jsonl,
}

/// How `overlay convert` compresses a Parquet or Arrow file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Codec {
    /// No compression (the default for --to arrow)
    None,
    /// Snappy (the default for --to parquet; Parquet only)
    Snappy,
    /// Zstandard
    Zstd,
    /// LZ4 (LZ4_RAW in Parquet, LZ4 frames in Arrow)
    Lz4,
}

/// `overlay convert`'s arguments.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    #[command(flatten)]
    pub records: RecordArgs,

    /// The format to write
    #[arg(long, value_enum)]
    pub to: Target,

    /// The file to write (replaced only once it is complete)
    #[arg(long, value_name = "OUTPUT")]
    pub output: PathBuf,

    /// Column names, one per value of FORMAT, separated by commas (default f0,f1,...)
    #[arg(long, value_name = "A,B,...", value_delimiter = ',')]
    pub names: Option<Vec<String>>,

    /// Compression of a Parquet or Arrow file
    #[arg(long, value_enum)]
    pub compression: Option<Codec>,

    /// Rows converted at a time
    #[arg(long, value_name = "N", default_value = "65536", value_parser = parse_size)]
    pub batch_rows: usize,

    /// Most rows in a Parquet row group [default: 1048576]
    #[arg(long, value_name = "N", value_parser = parse_size)]
    pub row_group_rows: Option<usize>,

    /// No progress bar and no summary line
    #[arg(long, short)]
    pub quiet: bool,
}

/// `overlay dump`'s arguments.
#[derive(Debug, Args)]
pub struct DumpArgs {
    #[command(flatten)]
    pub records: RecordArgs,
}

/// A count or offset: decimal, or hexadecimal after `0x`.
fn parse_size(text: &str) -> Result<usize, String> {
    let parsed = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => usize::from_str_radix(hex, 16),
        None => text.parse(),
    };
    parsed.map_err(|e| format!("{e} (expected a number such as 64 or 0x40)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn sizes_are_decimal_or_hex() {
        assert_eq!(parse_size("44"), Ok(44));
        assert_eq!(parse_size("0x2c"), Ok(44));
        assert_eq!(parse_size("0X2C"), Ok(44));
        assert!(parse_size("-1").is_err());
        assert!(parse_size("0x").is_err());
        assert!(parse_size("ten").is_err());
    }
}
