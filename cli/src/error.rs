//! Everything that can stop the command, each worded as one line a user can act on.

use std::fmt;
use std::io;

/// Why the command stopped. `main` prints it after `overlay: ` and exits with status 1.
#[derive(Debug)]
pub enum Failure {
    /// FORMAT is not a Python struct format; the source is CPython's message. (Boxed: an
    /// `overlay::Error` carries its field path inline, which would make every `Result` large.)
    BadFormat {
        format: String,
        source: Box<overlay::Error>,
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
    /// `--offset` lies beyond the last byte.
    OffsetPastEnd {
        name: String,
        offset: usize,
        len: usize,
    },
    /// Without `--count` or `--stride`, the bytes after the offset end in part of a record.
    PartialRecord {
        name: String,
        available: usize,
        offset: usize,
        size: usize,
    },
    /// A record could not be decoded (the layout guarantees it can; kept so this is no panic).
    Unpack {
        name: String,
        offset: usize,
        source: Box<overlay::Error>,
    },
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

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::BadFormat { format, source } => write!(f, "bad format '{format}': {source}"),
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
            Failure::OffsetPastEnd { name, offset, len } => write!(
                f,
                "{name}: --offset {offset} is past the end of the data ({})",
                Bytes(*len)
            ),
            Failure::PartialRecord {
                name,
                available,
                offset,
                size,
            } => write!(
                f,
                "{name}: {} after offset {offset} is not a whole number of {size}-byte records \
                 ({} left over); use --count or --stride to read part of it",
                Bytes(*available),
                Bytes(available % size)
            ),
            Failure::Unpack {
                name,
                offset,
                source,
            } => write!(
                f,
                "{name}: cannot unpack the record at byte {offset}: {source}"
            ),
            Failure::Write(source) => write!(f, "cannot write to standard output: {source}"),
            Failure::OutputClosed => f.write_str("standard output was closed"),
        }
    }
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
        };
        assert_eq!(
            failure.to_string(),
            "data.bin: 10 bytes after offset 0 is not a whole number of 4-byte records \
             (2 bytes left over); use --count or --stride to read part of it"
        );
        let failure = Failure::PartialRecord {
            name: "x".into(),
            available: 1,
            offset: 3,
            size: 2,
        };
        assert!(failure.to_string().starts_with("x: 1 byte after offset 3 "));
        assert!(failure.to_string().contains("(1 byte left over)"));
    }

    #[test]
    fn a_closed_pipe_is_not_a_write_error() {
        let closed = Failure::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(matches!(closed, Failure::OutputClosed));
        let full = Failure::from(io::Error::from(io::ErrorKind::StorageFull));
        assert!(matches!(full, Failure::Write(_)));
    }
}
