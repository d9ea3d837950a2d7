//! Numbers read from the fuzzer's input.

/// The little-endian `u64` at `at` in `data`, the bytes past its end read as zeros.
pub fn word(data: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = data.get(at + i).copied().unwrap_or(0);
    }
    u64::from_le_bytes(bytes)
}

/// Small numbers most of the time (`raw % small`), any number sometimes (`raw` itself, when its
/// top four bits are set).
pub fn pick(raw: u64, small: u64) -> u64 {
    if raw >> 60 == 0xf {
        raw
    } else {
        raw % small
    }
}

/// `pick` for sizes and offsets, which also reaches the top of `usize`: when the top four bits
/// of `raw` are `0xe`, a number within 3 of `usize::MAX`, where a size computed from it
/// overflows.
pub fn pick_size(raw: u64, small: u64) -> usize {
    if raw >> 60 == 0xe {
        usize::MAX - (raw % 4) as usize
    } else {
        pick(raw, small) as usize
    }
}
