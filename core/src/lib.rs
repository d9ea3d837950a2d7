//! Runtime of [`overlay`](https://docs.rs/overlay): the [`Overlay`] trait, the [`Error`] type,
//! array views, record tables and byte orders.
//!
//! Use it through the `overlay` crate, which re-exports all of this together with
//! `#[derive(Overlay)]`.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

mod array;
mod endian;
mod error;
mod field_info;
mod format;
mod overlay;
mod records;
mod scalar;

#[doc(hidden)]
pub mod __private;

pub use crate::array::{ArrayIter, ArrayView, ArrayViewMut};
pub use crate::endian::Endian;
pub use crate::error::{Error, FieldPath, Segment};
pub use crate::field_info::{hexdump, FieldInfo, FieldKind, HexDump};
pub use crate::overlay::Overlay;
pub use crate::records::{Records, RecordsIter, RecordsIterMut, RecordsMut};
pub use crate::scalar::ScalarMut;
