//! The `wav` example against CPython's `wave` module: Python writes WAV files (mono and stereo,
//! 8- and 16-bit, several sample rates, odd and even frame counts, seeded random samples, some
//! with extra chunks of odd size or the `WAVE_FORMAT_EXTENSIBLE` format), reads each back with
//! its own reader, and prints what it wrote: channels, sample width, rate, frame count,
//! duration and the peak of each channel, computed from the sample values with `struct`. The
//! built example runs on each file and must print the same values.
//!
//! Bad input (truncated copies, chunk sizes past the end, missing chunks) must end with exit
//! status 1 and one line on standard error, never a panic; proptest feeds arbitrary and
//! mutated bytes to the decoder in process.
//!
//! Without `python3` the comparison is skipped with a notice, except under `CI=true`, where it
//! fails.

#[path = "support/tools.rs"]
mod tools;
#[allow(dead_code)]
#[path = "../examples/wav.rs"]
mod wav;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};

use proptest::prelude::*;

/// Writes the test files into the directory given as the first argument and prints one line
/// per file: path, then what was written, tab-separated.
const SCRIPT: &str = r#"
import os
import random
import struct
import sys
import wave

out = sys.argv[1]
# channels, sample width in bytes, frame rate, frames
CASES = [
    (1, 1, 8000, 0),
    (1, 1, 8000, 1),
    (1, 1, 8000, 1001),
    (2, 1, 11025, 500),
    (2, 1, 8000, 333),
    (1, 2, 44100, 777),
    (1, 2, 16000, 4096),
    (2, 2, 48000, 1000),
    (2, 2, 22050, 3),
    (2, 2, 96000, 12345),
    (1, 2, 7, 10),
    (6, 2, 32000, 250),
]
GUID_PCM_TAIL = bytes.fromhex("000000001000800000aa00389b71")

def chunk(cid, data):
    return cid + struct.pack("<I", len(data)) + data + (b"\0" if len(data) % 2 else b"")

for number, (channels, width, rate, frames) in enumerate(CASES):
    rng = random.Random(number)
    raw = bytearray(rng.randbytes(frames * channels * width))
    if raw and number % 2 == 0:
        # An extreme sample somewhere: 0 for 8-bit (|0 - 128| = 128), -32768 for 16-bit.
        at = rng.randrange(frames * channels) * width
        raw[at:at + width] = b"\0" if width == 1 else struct.pack("<h", -32768)
    raw = bytes(raw)
    count = frames * channels
    values = [b - 128 for b in raw] if width == 1 else list(struct.unpack("<%dh" % count, raw))
    peaks = [max((abs(v) for v in values[c::channels]), default=0) for c in range(channels)]

    path = os.path.join(out, "case%02d.wav" % number)
    with wave.open(path, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        w.writeframes(raw)
    plain = open(path, "rb").read()
    assert plain[12:16] == b"fmt " and plain[36:40] == b"data"
    fmt, data = plain[20:36], plain[44:44 + len(raw)]
    variants = {"": plain}
    # Other chunks, of odd size so that pad bytes follow them: before the data and after it.
    variants["-chunks"] = (b"WAVE" + chunk(b"fmt ", fmt) + chunk(b"JUNK", b"odd" * 3)
                           + chunk(b"data", data) + chunk(b"LIST", b"INFOISFT\x05\0\0\0wave\0"))
    # WAVE_FORMAT_EXTENSIBLE: the format code moves into the sub-format GUID.
    extension = struct.pack("<HHI", 22, width * 8, (1 << channels) - 1) + struct.pack("<H", 1) + GUID_PCM_TAIL
    variants["-extensible"] = (b"WAVE" + chunk(b"fmt ", struct.pack("<H", 0xfffe) + fmt[2:] + extension)
                               + chunk(b"data", data))
    for suffix, body in variants.items():
        if suffix:
            body = b"RIFF" + struct.pack("<I", len(body)) + body
            path = os.path.join(out, "case%02d%s.wav" % (number, suffix))
            with open(path, "wb") as f:
                f.write(body)
        if suffix != "-extensible" or sys.version_info >= (3, 12):
            # CPython's own reader agrees with what was written (it reads the extensible
            # format from 3.12 on).
            with wave.open(path, "rb") as r:
                assert r.getparams()[:4] == (channels, width, rate, frames), (path, r.getparams())
                assert r.readframes(frames) == raw, path
        print("\t".join([path, str(channels), str(width * 8), str(rate), str(frames),
                         "%.6f" % (frames / rate), str(max(peaks, default=0)),
                         " ".join(map(str, peaks))]))
"#;

fn run_example(file: &Path) -> Output {
    tools::run_example("wav", &[file])
}

/// The example's `key: value` lines.
fn report(output: &Output, file: &Path) -> HashMap<String, String> {
    assert!(
        output.status.success(),
        "the wav example failed on {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_once(": "))
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect()
}

/// The first word of the value of `key`.
fn first_word<'a>(report: &'a HashMap<String, String>, key: &str) -> &'a str {
    report
        .get(key)
        .and_then(|value| value.split_whitespace().next())
        .unwrap_or_else(|| panic!("no `{key}` line in {report:?}"))
}

#[test]
fn agrees_with_python_wave() {
    if !tools::python_with("wave, struct, random", "the comparison with CPython's wave") {
        return;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wav_python");
    std::fs::create_dir_all(&dir).expect("creates the scratch directory");
    let output = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(&dir)
        .output()
        .expect("python3 starts");
    assert!(
        output.status.success(),
        "the Python script failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listing = String::from_utf8(output.stdout).expect("UTF-8 from Python");
    let mut files = 0;
    for line in listing.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [path, channels, bits, rate, frames, duration, peak, peaks] = fields[..] else {
            panic!("unexpected line from Python: {line:?}");
        };
        let path = Path::new(path);
        let ours = report(&run_example(path), path);
        let context = path.display();
        assert_eq!(
            first_word(&ours, "channels"),
            channels,
            "{context}: channels"
        );
        assert_eq!(
            first_word(&ours, "bits per sample"),
            bits,
            "{context}: sample width"
        );
        assert_eq!(
            first_word(&ours, "sample rate"),
            rate,
            "{context}: sample rate"
        );
        assert_eq!(first_word(&ours, "frames"), frames, "{context}: frames");
        assert_eq!(
            first_word(&ours, "duration"),
            duration,
            "{context}: duration"
        );
        assert_eq!(first_word(&ours, "peak"), peak, "{context}: peak");
        assert_eq!(
            ours["peak per channel"], peaks,
            "{context}: peak per channel"
        );
        files += 1;
    }
    assert_eq!(files, 36, "Python wrote three variants of twelve cases");
}

/// The shipped sample (written by CPython's wave module, see examples/data/make_tone.py):
/// the values its script chose.
#[test]
fn the_default_file_is_the_shipped_tone() {
    let output = tools::run_example::<&str>("wav", &[]);
    let ours = report(&output, Path::new("(default)"));
    assert_eq!(first_word(&ours, "channels"), "1");
    assert_eq!(first_word(&ours, "bits per sample"), "8");
    assert_eq!(first_word(&ours, "sample rate"), "8000");
    assert_eq!(first_word(&ours, "frames"), "2001");
    assert_eq!(first_word(&ours, "peak"), "100");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("chunk: \"LIST\" at offset 2046"),
        "the LIST chunk after the pad byte: {stdout}"
    );
}

fn tone() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/tone.wav"
    ))
    .expect("reads the shipped sample")
}

#[test]
fn truncated_files_are_one_line_errors() {
    let tone = tone();
    for cut in [
        0,
        3,
        11,
        12,
        20,
        36,
        43,
        44,
        45,
        1000,
        2045,
        2046,
        2053,
        tone.len() - 1,
    ] {
        let line = tools::assert_rejected("wav", &format!("cut-{cut}"), &tone[..cut]);
        let expected = if cut < 12 {
            "Riff: need 12 bytes"
        } else {
            "Riff.chunks at offset 12"
        };
        assert!(line.contains(expected), "cut at {cut}: {line}");
    }
}

#[test]
fn bad_chunks_are_one_line_errors() {
    let tone = tone();
    #[rustfmt::skip]
    let patches: &[tools::Patch<'_>] = &[
        ("data-size-past-end", 40, &0xffff_fff0u32.to_le_bytes(), "Chunk.data at offset 44"),
        ("fmt-size-past-end", 16, &5000u32.to_le_bytes(), "Chunk.data at offset 20"),
        ("riff-size-small", 4, &2u32.to_le_bytes(), "negative"),
        ("riff-size-large", 4, &3000u32.to_le_bytes(), "Riff.chunks at offset 12"),
        ("not-riff", 0, b"RIFX", "not a RIFF file"),
        ("not-wave", 8, b"AVI ", "not \"WAVE\""),
        ("no-fmt", 12, b"fmx ", "no \"fmt \" chunk"),
        ("no-data", 36, b"DATA", "no \"data\" chunk"),
        ("float", 20, &3u16.to_le_bytes(), "not PCM"),
        ("24-bit", 34, &24u16.to_le_bytes(), "24 bits per sample"),
        ("no-channels", 22, &0u16.to_le_bytes(), "no channels"),
        ("block-align", 32, &3u16.to_le_bytes(), "block align is 3"),
    ];
    tools::assert_patches_rejected("wav", &tone, patches);
    // A chunk header cut short at the end of the RIFF data.
    let mut b = tone.clone();
    b.extend_from_slice(b"JUNK");
    let size = (b.len() - 8) as u32;
    b[4..8].copy_from_slice(&size.to_le_bytes());
    let line = tools::assert_rejected("wav", "chunk-header-cut", &b);
    assert!(
        line.contains("chunk header at offset 2080: it needs 8 bytes"),
        "{line}"
    );
}

#[test]
fn missing_files_are_one_line_errors() {
    let output = run_example(Path::new("/nonexistent/overlay-wav-test.wav"));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stderr).lines().count(), 1);
}

/// A small valid WAV file: `channels` channels of `bits`-bit PCM, `frames` frames of `fill`.
fn tiny_wav(channels: u16, bits: u16, frames: usize, fill: u8) -> Vec<u8> {
    let align = channels * bits / 8;
    let data_len = frames * usize::from(align);
    let mut b = Vec::new();
    b.extend_from_slice(b"RIFF");
    b.extend_from_slice(&((36 + data_len) as u32).to_le_bytes());
    b.extend_from_slice(b"WAVEfmt ");
    b.extend_from_slice(&16u32.to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes());
    b.extend_from_slice(&channels.to_le_bytes());
    b.extend_from_slice(&8000u32.to_le_bytes());
    b.extend_from_slice(&(8000 * u32::from(align)).to_le_bytes());
    b.extend_from_slice(&align.to_le_bytes());
    b.extend_from_slice(&bits.to_le_bytes());
    b.extend_from_slice(b"data");
    b.extend_from_slice(&(data_len as u32).to_le_bytes());
    b.resize(b.len() + data_len, fill);
    b
}

#[test]
fn extreme_samples_give_full_scale_peaks() {
    // 16-bit -32768 (bytes 00 80) and 8-bit 0 are one step past the positive maximum.
    let mut b = tiny_wav(2, 16, 4, 0);
    b[44 + 6..44 + 8].copy_from_slice(&i16::MIN.to_le_bytes());
    let wave = wav::decode(&b).expect("decodes");
    assert_eq!((wave.frames, wave.peaks.as_slice()), (4, &[0, 32768][..]));
    let wave_bytes = tiny_wav(1, 8, 5, 0);
    let wave = wav::decode(&wave_bytes).expect("decodes");
    assert_eq!((wave.frames, wave.peak()), (5, 128));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = wav::decode(&bytes).map(|wave| wave.to_string());
    }

    #[test]
    fn arbitrary_chunks_after_a_riff_header_never_panic(
        tail in proptest::collection::vec(any::<u8>(), 0..256),
    ) {
        let mut bytes = b"RIFF\0\0\0\0WAVE".to_vec();
        bytes.extend_from_slice(&tail);
        let size = (bytes.len() - 8) as u32;
        bytes[4..8].copy_from_slice(&size.to_le_bytes());
        let _ = wav::decode(&bytes).map(|wave| wave.to_string());
    }

    #[test]
    fn damaged_files_never_panic(
        channels in 1u16..4,
        sixteen in any::<bool>(),
        frames in 0usize..20,
        edits in proptest::collection::vec((0usize..120, any::<u8>()), 1..6),
        cut in 0usize..200,
    ) {
        let mut bytes = tiny_wav(channels, if sixteen { 16 } else { 8 }, frames, 0x55);
        for (at, value) in edits {
            if let Some(byte) = bytes.get_mut(at) {
                *byte = value;
            }
        }
        if cut < bytes.len() && cut % 3 == 0 {
            bytes.truncate(cut);
        }
        let _ = wav::decode(&bytes).map(|wave| wave.to_string());
    }
}
