//! The frames example's decoder (examples/frames.rs, included as a module, not copied) on an
//! arbitrary stream, delivered in arbitrary pieces: `FrameReader` yields exactly the frames,
//! and ends with exactly the error (kind and stream offset), that a plain reference walker
//! finds in the whole stream, however the stream is cut into reads; errors are one line. The
//! example's own entry point for recordings, `decode_recording`, reads the same bytes from a
//! file and agrees: the same error, or the frame counts of the walk up to the first `bye`.
//!
//! Input: byte 0 picks the largest body (the example's 1,000 bytes, or 0..=62), byte 1 seeds
//! the read sizes, the rest is the stream.
#![no_main]

#[path = "../../examples/frames.rs"]
#[allow(dead_code)]
mod frames;

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::OnceLock;

use frames::{FrameError, FrameReader, Kind, MAGIC};
use libfuzzer_sys::fuzz_target;

/// Hands out `data` in pieces of pseudo-random sizes (1 to 64 bytes), sometimes with an
/// interrupted read in between, as a socket might.
struct Pieces<'a> {
    data: &'a [u8],
    seed: u32,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.seed = self.seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let roll = self.seed >> 16;
        if roll % 11 == 0 && !self.data.is_empty() {
            return Err(io::ErrorKind::Interrupted.into());
        }
        let n = (roll as usize % 64 + 1).min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

/// What the reference walker expects next.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    Frame { kind: u8, flags: u8, body: Vec<u8> },
    End,
    BadMagic { offset: u64, found: u16 },
    BadKind { offset: u64 },
    TooLong { offset: u64, len: u32 },
    Truncated { offset: u64, have: usize },
}

/// The frames of `stream` as the protocol defines them, one after another, from the whole
/// stream at once.
fn reference(stream: &[u8], max_body: usize) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut at = 0;
    loop {
        let rest = &stream[at..];
        let offset = at as u64;
        if rest.is_empty() {
            steps.push(Step::End);
            return steps;
        }
        if rest.len() < 2 {
            steps.push(Step::Truncated {
                offset,
                have: rest.len(),
            });
            return steps;
        }
        let magic = u16::from_be_bytes([rest[0], rest[1]]);
        if magic != MAGIC {
            steps.push(Step::BadMagic {
                offset,
                found: magic,
            });
            return steps;
        }
        if rest.len() < 8 {
            steps.push(Step::Truncated {
                offset,
                have: rest.len(),
            });
            return steps;
        }
        if !(1..=4).contains(&rest[2]) {
            steps.push(Step::BadKind { offset });
            return steps;
        }
        let len = u32::from_be_bytes([rest[4], rest[5], rest[6], rest[7]]);
        if len as usize > max_body {
            steps.push(Step::TooLong { offset, len });
            return steps;
        }
        let size = 8 + len as usize;
        if rest.len() < size {
            steps.push(Step::Truncated {
                offset,
                have: rest.len(),
            });
            return steps;
        }
        steps.push(Step::Frame {
            kind: rest[2],
            flags: rest[3],
            body: rest[8..size].to_vec(),
        });
        at += size;
    }
}

fn observed(error: &FrameError) -> Step {
    match *error {
        FrameError::BadMagic { offset, found } => Step::BadMagic { offset, found },
        FrameError::BadHeader { offset, error } => {
            // The header was viewed in the reader's buffer, frame first: the kind at 2.
            assert_eq!(error.offset(), Some(2), "{error}");
            Step::BadKind { offset }
        }
        FrameError::TooLong {
            offset,
            len,
            max: _,
        } => Step::TooLong { offset, len },
        FrameError::Truncated { offset, have } => Step::Truncated { offset, have },
        FrameError::Io(ref error) => panic!("I/O error from an in-memory stream: {error}"),
    }
}

/// A scratch file for `decode_recording`, made once per process and unlinked at once.
fn scratch() -> &'static File {
    static FILE: OnceLock<File> = OnceLock::new();
    FILE.get_or_init(|| {
        let path = std::env::temp_dir().join(format!("overlay-fuzz-frames-{}", std::process::id()));
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .expect("a scratch file");
        let _ = std::fs::remove_file(&path);
        file
    })
}

fuzz_target!(|data: &[u8]| {
    let [pick, seed, stream @ ..] = data else {
        return;
    };
    let max_body = if pick & 0x80 != 0 {
        1_000
    } else {
        usize::from(pick % 63)
    };
    let expected = reference(stream, max_body);

    let mut reader = FrameReader::new(
        Pieces {
            data: stream,
            seed: u32::from(*seed),
        },
        max_body,
    );
    for (i, step) in expected.iter().enumerate() {
        let got = match reader.next_frame() {
            Ok(Some(frame)) => Step::Frame {
                kind: frame.kind() as u8,
                flags: frame.flags(),
                body: frame.body().to_vec(),
            },
            Ok(None) => Step::End,
            Err(error) => {
                let text = error.to_string();
                assert!(
                    !text.contains('\n'),
                    "error is more than one line: {text:?}"
                );
                observed(&error)
            }
        };
        assert_eq!(&got, step, "step {i}");
    }

    // The example's entry point for a recorded stream: its own 1,000-byte maximum, and it
    // stops after the first bye.
    let expected = if max_body == 1_000 {
        expected
    } else {
        reference(stream, 1_000)
    };
    let file = scratch();
    let mut writer = file.try_clone().unwrap();
    writer.set_len(0).unwrap();
    writer.seek(SeekFrom::Start(0)).unwrap();
    writer.write_all(stream).unwrap();
    writer.seek(SeekFrom::Start(0)).unwrap();
    let mut counts = [0usize; 4];
    let mut outcome = None;
    for step in &expected {
        match step {
            Step::Frame { kind, .. } => {
                counts[usize::from(*kind) - 1] += 1;
                if *kind == Kind::Bye as u8 {
                    break;
                }
            }
            Step::End => {}
            other => outcome = Some(other),
        }
    }
    match frames::decode_recording(writer) {
        Ok(report) => {
            assert!(outcome.is_none(), "expected {outcome:?}, got {report}");
            let [hello, data, ping, bye] = counts;
            let total = hello + data + ping + bye;
            let line =
                format!("frames: {total} (hello {hello}, data {data}, ping {ping}, bye {bye}),");
            assert!(
                report.starts_with(&line),
                "{report} does not start with {line}"
            );
        }
        Err(error) => {
            assert!(!error.to_string().contains('\n'));
            assert_eq!(Some(&observed(&error)), outcome);
        }
    }
});
