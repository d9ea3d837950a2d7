//! What more than one fuzz target uses, declared once: the record types (`types`, and in
//! `streams` the variable-length ones of the stream targets), the decoding of numbers from the
//! fuzzer's input (`input`), and where a slice lies in a buffer (`place`). Each target is a binary of this package (`fuzz_targets/`); this library is built
//! with them, under the same instrumentation.

pub mod input;
pub mod place;
pub mod streams;
pub mod types;

pub use input::{pick, pick_size, word};
pub use place::place;
pub use types::{Kind, Nothing, NothingView, NothingViewMut, Unit};
