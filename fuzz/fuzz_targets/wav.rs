//! The WAV example's decoder (examples/wav.rs, included as a module, not copied) on arbitrary
//! bytes: it never panics; a refusal is one line whose offset lies inside the file; a decoded
//! file has its chunks in order, back to back (with pad bytes after odd sizes) inside the RIFF
//! data, its samples inside the `data` chunk, and the frame count and per-channel peaks that a
//! plain loop over those samples computes.
#![no_main]

#[path = "../../examples/wav.rs"]
#[allow(dead_code)]
mod wav;

use libfuzzer_sys::fuzz_target;
use overlay_fuzz::place;

fn le32(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize
}

fuzz_target!(|file: &[u8]| {
    let len = file.len();
    let wave = match wav::decode(file) {
        Ok(wave) => wave,
        Err(error) => {
            let text = error.to_string();
            assert!(!text.is_empty() && !text.contains('\n'), "error {text:?}");
            let offset = match &error {
                wav::DecodeError::Layout(error) => error.offset(),
                wav::DecodeError::Invalid { offset, .. } => Some(*offset),
            };
            if let Some(offset) = offset {
                assert!(
                    offset <= len,
                    "offset {offset} outside a {len}-byte file: {text}"
                );
            }
            return;
        }
    };
    assert_eq!(wave.file_len, len);
    // The chunks: back to back from offset 12 inside the bytes the RIFF header covers.
    let riff_end = 8 + le32(file, 4);
    assert!(riff_end <= len);
    let mut at = 12;
    for chunk in &wave.chunks {
        assert_eq!(chunk.offset, at, "chunks are back to back");
        assert_eq!(&file[at..at + 4], &chunk.id);
        assert_eq!(le32(file, at + 4), chunk.size);
        at += 8 + chunk.size;
        assert!(at <= riff_end, "a chunk past the RIFF data");
        if chunk.size % 2 == 1 && at < riff_end {
            at += 1;
        }
    }
    assert_eq!(at, riff_end, "the chunks cover the RIFF data");

    // The samples: whole frames at the start of the first `data` chunk.
    let data = wave.chunks.iter().find(|c| &c.id == b"data").unwrap();
    let start = place(file, wave.samples).expect("the samples lie in the file");
    assert_eq!(start, data.offset + 8);
    let format = wave.format;
    let channels = usize::from(format.channels());
    let bits = format.bits_per_sample();
    assert!(channels > 0 && (bits == 8 || bits == 16));
    assert!(format.sample_rate() > 0);
    let frame = channels * usize::from(bits / 8);
    assert_eq!(usize::from(format.block_align()), frame);
    assert_eq!(wave.frames, data.size / frame);
    assert_eq!(wave.samples.len(), wave.frames * frame);
    assert_eq!(wave.format_code, 1);

    // Peaks by a plain loop.
    let mut peaks = vec![0u32; channels];
    if bits == 8 {
        for (i, &s) in wave.samples.iter().enumerate() {
            peaks[i % channels] = peaks[i % channels].max((i32::from(s) - 128).unsigned_abs());
        }
    } else {
        for (i, s) in wave.samples.chunks_exact(2).enumerate() {
            let s = i16::from_le_bytes([s[0], s[1]]);
            peaks[i % channels] = peaks[i % channels].max(i32::from(s).unsigned_abs());
        }
    }
    assert_eq!(wave.peaks, peaks);
    assert!(wave.duration().is_finite() && wave.duration() >= 0.0);
    let text = wave.to_string();
    assert_eq!(
        text.lines().filter(|l| l.starts_with("chunk: ")).count(),
        wave.chunks.len()
    );
});
