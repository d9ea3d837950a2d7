//! Everything that can stop the command, each worded as one line a user can act on.

use std::fmt;
use std::io;

use overlay::StructError;

/// Why the command stopped. `main` prints it after `overlay: ` and exits with status 1.
#[derive(Debug)]
pub enum Failure {
    /// FORMAT is not a Python struct format; the source is CPython's message.
    BadFormat {
        format: String,
        source: overlay::Error,
    },
    /// FORMAT describes records of 0 bytes (`''`, `'0s'`), so there are no records to read.
    EmptyRecord { format: String },
    /// `--stride` is smaller than one record.
    StrideTooSmall {
        format: String,
        stride: usize,
        size: usize,
    },
    /// FILE could not be opened.
    Open { name: String, source: io::Error },
    /// FILE was opened but could not be read.
    Read { name: String, source: io::Error },
    /// A stream (standard input, a FIFO, a device) went on past `limit` bytes with no
    /// `--count` to stop at.
    StreamTooLong { name: String, limit: usize },
    /// `--offset` lies beyond the last byte. `cpython` is what `struct.unpack_from` says.
    OffsetPastEnd {
        name: String,
        offset: usize,
        len: usize,
        cpython: StructError,
    },
    /// Without `--count` or `--stride`, the bytes after the offset end in part of a record.
    /// `cpython` is what `struct.iter_unpack` says.
    PartialRecord {
        name: String,
        available: usize,
        offset: usize,
        size: usize,
        cpython: StructError,
    },
    /// Fewer whole records than `--count` asks for, or none at all without it. `cpython` is
    /// what `struct.unpack_from` says of the first missing record.
    TooFewRecords {
        name: String,
        count: Option<usize>,
        available: usize,
        offset: usize,
        size: usize,
        found: usize,
        cpython: StructError,
    },
    /// A record could not be decoded (the layout guarantees it can; kept so this is no panic).
    Unpack {
        name: String,
        offset: usize,
        source: overlay::Error,
    },
    /// The command line asks for something that cannot be done (`overlay convert`'s options);
    /// the text says what and how to fix it.
    Usage(String),
    /// `overlay convert` could not convert or write the records of `name` to `output` (no
    /// `output` is left behind).
    Convert {
        name: String,
        output: String,
        source: overlay_arrow::Error,
    },
    /// `overlay convert` could not write `output` (no `output` is left behind).
    Output { output: String, source: io::Error },
    /// Standard output failed for a reason other than a closed pipe.
    Write(io::Error),
    /// The reader of standard output went away (`| head -1`): stop quietly, with status 0.
    OutputClosed,
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Failure::OutputClosed
        } else {
            Failure::Write(error)
        }
    }
}

/// `1 byte`, `2 bytes`.
struct Bytes(usize);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = if self.0 == 1 { "byte" } else { "bytes" };
        write!(f, "{} {unit}", self.0)
    }
}

/// `1 whole 4-byte record`, `0 whole 4-byte records`.
struct WholeRecords {
    count: usize,
    size: usize,
}

impl fmt::Display for WholeRecords {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.count == 1 { "" } else { "s" };
        write!(f, "{} whole {}-byte record{plural}", self.count, self.size)
    }
}

/// FORMAT on a line of its own, indented by two spaces, and a caret under the character at
/// `position` (a character index) on the next. Control characters, which a format may hold as
/// whitespace, are shown escaped (`\t`, `\n`, `\0`) so the two lines stay aligned; any other
/// character is taken to be one column wide.
struct Caret<'a> {
    format: &'a str,
    position: usize,
}

impl fmt::Display for Caret<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("  ")?;
        let mut column = 0;
        let mut caret = None;
        for (index, c) in self.format.chars().enumerate() {
            if index == self.position {
                caret = Some(column);
            }
            if c.is_control() {
                let escaped = c.escape_debug();
                column += escaped.len();
                write!(f, "{escaped}")?;
            } else {
                column += 1;
                write!(f, "{c}")?;
            }
        }
        write!(f, "\n  {:width$}^", "", width = caret.unwrap_or(column))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::BadFormat { format, source } => match format_position(source) {
                Some(position) => write!(f, "bad format: {source}\n{}", Caret { format, position }),
                None => write!(f, "bad format '{format}': {source}"),
            },
            Failure::EmptyRecord { format } => write!(
                f,
                "format '{format}' describes records of 0 bytes; there are no records to unpack"
            ),
            Failure::StrideTooSmall {
                format,
                stride,
                size,
            } => write!(
                f,
                "--stride {stride} is smaller than one '{format}' record ({}); the stride must \
                 be at least the record size",
                Bytes(*size)
            ),
            Failure::Open { name, source } => write!(f, "cannot open {name}: {source}"),
            Failure::Read { name, source } => write!(f, "cannot read {name}: {source}"),
            Failure::StreamTooLong { name, limit } => write!(
                f,
                "{name}: a stream of more than {} with no --count to stop at; give --count, or \
                 save it to a file (files are mapped, not read into memory)",
                Bytes(*limit)
            ),
            Failure::OffsetPastEnd {
                name,
                offset,
                len,
                cpython,
            } => write!(
                f,
                "{name}: --offset {offset} is past the end of the data ({}): {cpython}",
                Bytes(*len)
            ),
            Failure::PartialRecord {
                name,
                available,
                offset,
                size,
                cpython,
            } => write!(
                f,
                "{name}: {} after offset {offset} is not a whole number of {size}-byte records \
                 ({} left over): {cpython}; use --count or --stride to read part of it",
                Bytes(*available),
                Bytes(available % size)
            ),
            Failure::TooFewRecords {
                name,
                count,
                available,
                offset,
                size,
                found,
                cpython,
            } => {
                let whole = WholeRecords {
                    count: *found,
                    size: *size,
                };
                let available = Bytes(*available);
                match count {
                    Some(count) => write!(
                        f,
                        "{name}: --count {count} is more than the {whole} in the {available} \
                         after offset {offset}: {cpython}"
                    ),
                    None => write!(
                        f,
                        "{name}: no whole {size}-byte record in the {available} after offset \
                         {offset}: {cpython}"
                    ),
                }
            }
            Failure::Unpack {
                name,
                offset,
                source,
            } => write!(
                f,
                "{name}: cannot unpack the record at byte {offset}: {source}"
            ),
            Failure::Usage(text) => f.write_str(text),
            Failure::Convert {
                name,
                output,
                source,
            } => write!(f, "cannot convert {name} to {output}: {source}"),
            Failure::Output { output, source } => write!(f, "cannot write {output}: {source}"),
            Failure::Write(source) => write!(f, "cannot write to standard output: {source}"),
            Failure::OutputClosed => f.write_str("standard output was closed"),
        }
    }
}

/// Where in FORMAT the mistake is, for a format error.
fn format_position(error: &overlay::Error) -> Option<usize> {
    error.struct_error()?.position()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_record_names_the_leftover() {
        let failure = Failure::PartialRecord {
            name: "data.bin".into(),
            available: 10,
            offset: 0,
            size: 4,
            cpython: StructError::IterMultiple { size: 4 },
        };
        assert_eq!(
            failure.to_string(),
            "data.bin: 10 bytes after offset 0 is not a whole number of 4-byte records \
             (2 bytes left over): iterative unpacking requires a buffer of a multiple of 4 \
             bytes; use --count or --stride to read part of it"
        );
        let failure = Failure::PartialRecord {
            name: "x".into(),
            available: 1,
            offset: 3,
            size: 2,
            cpython: StructError::IterMultiple { size: 2 },
        };
        assert!(failure.to_string().starts_with("x: 1 byte after offset 3 "));
        assert!(failure.to_string().contains("(1 byte left over)"));
    }

    #[test]
    fn too_few_records_says_how_many_there_are() {
        let failure = |count, available, found| Failure::TooFewRecords {
            name: "x".into(),
            count,
            available,
            offset: 9,
            size: 4,
            found,
            cpython: StructError::UnpackFromSize {
                size: 4,
                offset: 9 + found * 4,
                len: 9 + available,
            },
        };
        assert_eq!(
            failure(None, 1, 0).to_string(),
            "x: no whole 4-byte record in the 1 byte after offset 9: unpack_from requires a \
             buffer of at least 13 bytes for unpacking 4 bytes at offset 9 (actual buffer size \
             is 10)"
        );
        assert_eq!(
            failure(Some(2), 7, 1).to_string(),
            "x: --count 2 is more than the 1 whole 4-byte record in the 7 bytes after offset 9: \
             unpack_from requires a buffer of at least 17 bytes for unpacking 4 bytes at offset \
             13 (actual buffer size is 16)"
        );
        assert!(failure(Some(1), 0, 0)
            .to_string()
            .starts_with("x: --count 1 is more than the 0 whole 4-byte records in the 0 bytes "));
        assert!(failure(Some(9), 8, 2)
            .to_string()
            .starts_with("x: --count 9 is more than the 2 whole 4-byte records in the 8 bytes "));
    }

    fn caret(format: &str, position: usize) -> String {
        Caret { format, position }.to_string()
    }

    #[test]
    fn the_caret_sits_under_the_character() {
        assert_eq!(caret("<hZ", 2), "  <hZ\n    ^");
        assert_eq!(caret("Z", 0), "  Z\n  ^");
        // Control characters are escaped, and the caret moves with them.
        assert_eq!(caret("<h\tZ", 3), "  <h\\tZ\n      ^");
        assert_eq!(caret("\n\0", 1), "  \\n\\0\n    ^");
        assert_eq!(caret("h\u{b}Z", 2), "  h\\u{b}Z\n        ^");
        // Other characters take one column each.
        assert_eq!(caret("\u{e9}\u{e9}", 1), "  \u{e9}\u{e9}\n   ^");
        // A position past the end points just after the format.
        assert_eq!(caret("<h", 7), "  <h\n    ^");
    }

    #[test]
    fn format_errors_show_where_they_are() {
        let failure = |format: &str| Failure::BadFormat {
            format: format.to_owned(),
            source: overlay::Struct::new(format).unwrap_err(),
        };
        assert_eq!(
            failure("<4s 12hZ").to_string(),
            "bad format: bad char in struct format\n  <4s 12hZ\n         ^"
        );
        assert_eq!(
            failure("<h 12").to_string(),
            "bad format: repeat count given without format specifier\n  <h 12\n     ^"
        );
    }

    #[test]
    fn a_closed_pipe_is_not_a_write_error() {
        let closed = Failure::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(matches!(closed, Failure::OutputClosed));
        let full = Failure::from(io::Error::from(io::ErrorKind::StorageFull));
        assert!(matches!(full, Failure::Write(_)));
    }
}
