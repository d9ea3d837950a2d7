//! A WAV file read in place: its RIFF chunks walked, the `fmt ` chunk decoded, and the duration
//! and the peak sample of the `data` chunk computed where the samples lie.
//!
//! `cargo run --example wav -- FILE` reads FILE; with no argument it reads
//! `examples/data/tone.wav` (written by CPython's `wave` module, see `make_tone.py` beside it).
//! Reads 8-bit (unsigned) and 16-bit (signed, little-endian) PCM, any number of channels, in
//! plain or `WAVE_FORMAT_EXTENSIBLE` files.
//!
//! A RIFF chunk is a variable-length record: an id, a size, then `size` bytes, so it is declared
//! with a `VarBytes` field sized by `#[overlay(bytes = "data_size")]` and walked with `view_at`.
//! Chunks of odd size are followed by a pad byte that `size` does not count.
//!
//! Bad input (a truncated file, a chunk size past the end, a missing `fmt ` or `data` chunk, a
//! format this example does not read) is one line on standard error naming the record and its
//! offset, and exit status 1.
//!
//! `tests/wav_python.rs` compares the output with what CPython's `wave` module reads and writes.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

use overlay::{ErrorKind, Overlay, Records, VarBytes, VarOverlay};

#[path = "input.rs"]
mod input;

/// The RIFF header and everything it holds.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct Riff {
    /// `RIFF`.
    pub id: [u8; 4],
    /// The bytes after this field: the form type and the chunks.
    pub riff_size: u32,
    /// `WAVE`.
    pub form: [u8; 4],
    #[overlay(bytes = "riff_size - 4")]
    pub chunks: VarBytes,
}

/// One RIFF chunk. A pad byte follows the data when `size` is odd.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct Chunk {
    /// Four ASCII characters: `fmt `, `data`, `LIST`, ...
    pub id: [u8; 4],
    /// The data's length, without the pad byte.
    pub data_size: u32,
    #[overlay(bytes = "data_size")]
    pub data: VarBytes,
}

/// The `fmt ` chunk's data (`WAVEFORMATEX`): 16 bytes, then an extension for some formats.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct Format {
    /// 1 for PCM, 0xfffe for `WAVE_FORMAT_EXTENSIBLE` (the real format is in the extension).
    pub audio_format: u16,
    pub channels: u16,
    /// Frames per second.
    pub sample_rate: u32,
    /// Bytes per second.
    pub byte_rate: u32,
    /// Bytes per frame: one sample of every channel.
    pub block_align: u16,
    pub bits_per_sample: u16,
    #[overlay(rest)]
    pub extension: VarBytes,
}

/// The extension of a `WAVE_FORMAT_EXTENSIBLE` format.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct Extensible {
    /// The bytes after this field: 22.
    pub extension_size: u16,
    pub valid_bits_per_sample: u16,
    /// Which speaker each channel feeds.
    pub channel_mask: u32,
    /// The first two bytes of the sub-format GUID are the format code (1 for PCM).
    pub sub_format: u16,
    pub sub_format_guid: [u8; 14],
}

const WAVE_FORMAT_PCM: u16 = 1;
const WAVE_FORMAT_EXTENSIBLE: u16 = 0xfffe;

/// Why a file could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A record does not fit the bytes; overlay's message names the record, the field and
    /// the offset.
    Layout(overlay::Error),
    /// The bytes fit but do not describe a WAV file this example reads.
    Invalid {
        /// The record, such as `RIFF header` or `fmt  chunk`.
        record: String,
        /// Where the record starts in the file.
        offset: usize,
        /// What is wrong, as the end of a sentence.
        problem: String,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Layout(error) => write!(f, "{error}"),
            DecodeError::Invalid {
                record,
                offset,
                problem,
            } => write!(f, "{record} at offset {offset}: {problem}"),
        }
    }
}

impl std::error::Error for DecodeError {}

impl From<overlay::Error> for DecodeError {
    fn from(error: overlay::Error) -> Self {
        DecodeError::Layout(error)
    }
}

fn invalid<T>(record: impl Into<String>, offset: usize, problem: String) -> Result<T, DecodeError> {
    Err(DecodeError::Invalid {
        record: record.into(),
        offset,
        problem,
    })
}

/// Where a chunk lies in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkPlace {
    pub id: [u8; 4],
    /// Where the chunk's header starts.
    pub offset: usize,
    /// The data's length.
    pub size: usize,
}

/// A decoded WAV file: the format, and the samples still in the file's bytes.
pub struct Wave<'a> {
    /// The file's length.
    pub file_len: usize,
    /// Every chunk, in file order.
    pub chunks: Vec<ChunkPlace>,
    pub format: FormatView<'a>,
    /// The format code: `audio_format`, or the extension's sub-format.
    pub format_code: u16,
    /// Whole frames of the `data` chunk (bytes of a partial last frame are left out, as
    /// CPython's `wave` does).
    pub samples: &'a [u8],
    pub frames: usize,
    /// The largest absolute sample value of each channel: `|sample - 128|` for 8-bit
    /// samples (0..=128), `|sample|` for 16-bit ones (0..=32768).
    pub peaks: Vec<u32>,
}

/// Walks the chunks of the WAV file `bytes` and decodes its format and samples.
pub fn decode(bytes: &[u8]) -> Result<Wave<'_>, DecodeError> {
    let (riff, _after) = Riff::view_prefix(bytes)?;
    if riff.id() != b"RIFF" {
        return invalid(
            "RIFF header",
            0,
            format!("not a RIFF file (it starts with {})", quoted(riff.id())),
        );
    }
    if riff.form() != b"WAVE" {
        return invalid(
            "RIFF header",
            8,
            format!("the form type is {}, not \"WAVE\"", quoted(riff.form())),
        );
    }

    // Walk the chunks in the bytes the RIFF header covers (anything after it is not part of
    // the file), with offsets from the start of the file so that errors point into it.
    let first = Riff::FIXED_SIZE;
    let end = first + riff.chunks().len();
    let covered = &bytes[..end];
    let (mut chunks, mut format, mut data) = (Vec::new(), None, None);
    let mut offset = first;
    while offset < end {
        let chunk = match Chunk::view_at(covered, offset) {
            Ok(chunk) => chunk,
            Err(error) => match error.kind() {
                // Worded here: overlay's message would count the bytes left as the buffer's
                // size.
                ErrorKind::TooShort { needed, .. } => {
                    return invalid(
                        "chunk header",
                        offset,
                        format!(
                            "it needs {needed} bytes, but the RIFF data ends {} bytes later, at \
                             offset {end}",
                            end - offset
                        ),
                    )
                }
                _ => return Err(error.into()),
            },
        };
        let place = ChunkPlace {
            id: *chunk.id(),
            offset,
            size: chunk.data().len(),
        };
        chunks.push(place);
        match chunk.id() {
            b"fmt " if format.is_none() => format = Some((place, chunk.data())),
            b"data" if data.is_none() => data = Some((place, chunk.data())),
            _ => {}
        }
        // The record's length: header and data.
        offset += chunk.size();
        // The pad byte after odd-sized data. Writers that end the file right after an
        // odd-sized last chunk leave it out (CPython's `wave` does), so it may be missing there.
        if place.size % 2 == 1 && offset < end {
            offset += 1;
        }
    }

    let Some((format_place, format_bytes)) = format else {
        return invalid("WAVE file", 0, missing("fmt ", &chunks));
    };
    let Some((data_place, data)) = data else {
        return invalid("WAVE file", 0, missing("data", &chunks));
    };
    let format_record = "`fmt ` chunk";
    let format_at = format_place.offset;
    let format = match Format::view(format_bytes) {
        Ok(format) => format,
        Err(_) => {
            return invalid(
                format_record,
                format_at,
                format!(
                    "its {} bytes are too few for a format, which needs {}",
                    format_bytes.len(),
                    Format::FIXED_SIZE
                ),
            )
        }
    };
    let format_code = match format.audio_format() {
        WAVE_FORMAT_EXTENSIBLE => match Extensible::view_prefix(format.extension()) {
            Ok((extension, _)) => extension.sub_format(),
            Err(_) => {
                return invalid(
                    format_record,
                    format_at,
                    format!(
                        "WAVE_FORMAT_EXTENSIBLE needs a {}-byte extension, the chunk has {}",
                        Extensible::SIZE,
                        format.extension().len()
                    ),
                )
            }
        },
        code => code,
    };
    if format_code != WAVE_FORMAT_PCM {
        return invalid(
            format_record,
            format_at,
            format!(
                "audio format {format_code:#x} is not PCM (1), the only one this example reads"
            ),
        );
    }
    let bits = format.bits_per_sample();
    if bits != 8 && bits != 16 {
        return invalid(
            format_record,
            format_at,
            format!("{bits} bits per sample; this example reads 8- and 16-bit PCM"),
        );
    }
    let channels = usize::from(format.channels());
    if channels == 0 {
        return invalid(
            format_record,
            format_at,
            String::from("the file has no channels"),
        );
    }
    if format.sample_rate() == 0 {
        return invalid(
            format_record,
            format_at,
            String::from("the sample rate is 0 Hz"),
        );
    }
    let frame_size = channels * usize::from(bits / 8);
    if usize::from(format.block_align()) != frame_size {
        return invalid(
            format_record,
            format_at,
            format!(
                "block align is {} bytes, but a frame of {channels} {bits}-bit samples takes \
                 {frame_size}",
                format.block_align()
            ),
        );
    }

    let frames = data.len() / frame_size;
    let samples = &data[..frames * frame_size];
    let mut peaks = vec![0u32; channels];
    if bits == 8 {
        for (i, &sample) in samples.iter().enumerate() {
            let peak = &mut peaks[i % channels];
            *peak = (*peak).max(u32::from(sample.abs_diff(128)));
        }
    } else {
        // Read each sample where it lies: i16 records, little-endian like the file.
        let table = Records::<i16>::new(samples)
            .map_err(|error| layout_at(error, data_place.offset + 8))?;
        for (i, sample) in table.iter().enumerate() {
            let peak = &mut peaks[i % channels];
            *peak = (*peak).max(u32::from(sample.unsigned_abs()));
        }
    }
    Ok(Wave {
        file_len: bytes.len(),
        chunks,
        format,
        format_code,
        samples,
        frames,
        peaks,
    })
}

/// An error reading the `data` chunk, which cannot happen once the frame size divides the
/// bytes; kept as an error rather than a panic all the same.
fn layout_at(error: overlay::Error, offset: usize) -> DecodeError {
    DecodeError::Invalid {
        record: String::from("`data` chunk"),
        offset,
        problem: error.to_string(),
    }
}

fn missing(id: &str, chunks: &[ChunkPlace]) -> String {
    let found: Vec<String> = chunks.iter().map(|c| quoted(&c.id)).collect();
    format!(
        "no \"{id}\" chunk (chunks found: {})",
        if found.is_empty() {
            String::from("none")
        } else {
            found.join(", ")
        }
    )
}

/// A four-character code as text, with bytes outside printable ASCII escaped.
fn quoted(id: &[u8; 4]) -> String {
    let text: String = id
        .iter()
        .flat_map(|&b| std::ascii::escape_default(b))
        .map(char::from)
        .collect();
    format!("\"{text}\"")
}

impl Wave<'_> {
    /// The duration in seconds.
    pub fn duration(&self) -> f64 {
        self.frames as f64 / f64::from(self.format.sample_rate())
    }

    /// The largest absolute sample value over all channels.
    pub fn peak(&self) -> u32 {
        self.peaks.iter().copied().max().unwrap_or(0)
    }
}

impl fmt::Display for Wave<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let format = self.format;
        writeln!(f, "file size: {} bytes", self.file_len)?;
        for chunk in &self.chunks {
            writeln!(
                f,
                "chunk: {} at offset {}, {} bytes",
                quoted(&chunk.id),
                chunk.offset,
                chunk.size
            )?;
        }
        let code = match format.audio_format() {
            WAVE_FORMAT_EXTENSIBLE => format!("{WAVE_FORMAT_EXTENSIBLE:#x} (extensible, PCM)"),
            code => format!("{code} (PCM)"),
        };
        writeln!(f, "audio format: {code}")?;
        writeln!(f, "channels: {}", format.channels())?;
        writeln!(f, "sample rate: {} Hz", format.sample_rate())?;
        writeln!(f, "byte rate: {}", format.byte_rate())?;
        writeln!(f, "block align: {}", format.block_align())?;
        writeln!(f, "bits per sample: {}", format.bits_per_sample())?;
        writeln!(f, "frames: {}", self.frames)?;
        writeln!(f, "duration: {:.6} s", self.duration())?;
        let full_scale = if format.bits_per_sample() == 8 {
            128
        } else {
            32768
        };
        writeln!(f, "peak: {} of {full_scale}", self.peak())?;
        let peaks: Vec<String> = self.peaks.iter().map(u32::to_string).collect();
        writeln!(f, "peak per channel: {}", peaks.join(" "))
    }
}

fn main() -> ExitCode {
    let path = std::env::args_os().nth(1).map_or_else(
        || concat!(env!("CARGO_MANIFEST_DIR"), "/data/tone.wav").into(),
        std::path::PathBuf::from,
    );
    let result = input::open(&path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            decode(&bytes)
                .map(|wave| wave.to_string())
                .map_err(|e| e.to_string())
        });
    let report = match result {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match write!(io::stdout().lock(), "{}\n{report}", path.display()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
