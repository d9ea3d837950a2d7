//! Which codec a writer compresses with: [`Compression`].

use std::fmt;

/// The codec a writer compresses with. Each codec is compiled in by the crate feature of its
/// name (`snappy` is a default feature, `zstd` and `lz4` are not); asking for one that is
/// not is an error ([`Error::CodecNotBuilt`](crate::Error::CodecNotBuilt)), and so is asking
/// a file format for a codec it does not have (Arrow IPC files have no Snappy).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Compression {
    /// No compression.
    None,
    /// Snappy (Parquet only).
    Snappy,
    /// Zstandard, at the codec's default level.
    Zstd,
    /// LZ4: Parquet's `LZ4_RAW`, Arrow IPC's `LZ4_FRAME`.
    Lz4,
}

impl Compression {
    /// Whether the codec was compiled in (always, for `None`).
    pub fn is_built(self) -> bool {
        match self {
            Compression::None => true,
            Compression::Snappy => cfg!(feature = "snappy"),
            Compression::Zstd => cfg!(feature = "zstd"),
            Compression::Lz4 => cfg!(feature = "lz4"),
        }
    }
}

impl fmt::Display for Compression {
    /// The codec's name as the crate feature spells it (`none` for no compression).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Compression::None => "none",
            Compression::Snappy => "snappy",
            Compression::Zstd => "zstd",
            Compression::Lz4 => "lz4",
        })
    }
}
