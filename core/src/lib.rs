//! Runtime of [`overlay`](https://docs.rs/overlay): the [`Overlay`] trait, the [`Error`] type,
//! array views, record tables and byte orders.
//!
//! Use it through the `overlay` crate, which re-exports all of this together with
//! `#[derive(Overlay)]`.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod array;
mod bits;
mod endian;
mod entry;
mod error;
mod error_kind;
mod field_info;
mod field_path;
mod format;
mod grid;
mod grid_layout;
mod grid_mut;
mod hexdump;
mod meta;
#[cfg(feature = "ndarray")]
mod ndarray_view;
mod overlay;
#[cfg(feature = "rayon")]
mod par;
mod raise;
mod records;
mod records_mut;
mod scalar;
#[cfg(feature = "serde")]
mod serde_impl;
mod strided;
mod tables;
mod tagged;
mod type_info;
mod var;
mod varint;

pub mod pystruct;

#[doc(hidden)]
pub mod __private;

pub use crate::array::{ArrayIter, ArrayView, ArrayViewMut};
pub use crate::endian::{Endian, RuntimeEndian};
pub use crate::error::Error;
pub use crate::error_kind::{BitRange, ErrorKind, MagicFound, TableAxis, TableRequest};
pub use crate::field_info::{EnumType, EnumVariant, FieldInfo, FieldKind, Magic, ValueType};
pub use crate::field_path::{FieldPath, Segment, Segments};
pub use crate::grid::{GridIter, GridRows};
pub use crate::grid_mut::GridRowsMut;
pub use crate::hexdump::{hexdump, hexdump_with, HexDump, VarHexDump};
#[cfg(feature = "ndarray")]
pub use crate::ndarray_view::NdElement;
pub use crate::overlay::Overlay;
#[cfg(feature = "rayon")]
pub use crate::par::{
    GridParRows, GridParRowsMut, RecordsParChunks, RecordsParChunksMut, RecordsParIter,
    RecordsParIterMut, VarParStream,
};
#[cfg(feature = "alloc")]
pub use crate::pystruct::{Fields, IterUnpack, Struct, StructDump};
pub use crate::pystruct::{StructError, Value};
pub use crate::records::{RecordsChunks, RecordsIter};
pub use crate::records_mut::{RecordsChunksMut, RecordsIterMut};
pub use crate::scalar::ScalarMut;
pub use crate::tables::{Grid, GridMut, Records, RecordsMut};
pub use crate::tagged::{TagVariant, Tagged};
pub use crate::type_info::TypeInfo;
pub use crate::var::{VarBytes, VarOverlay, VarRecords, VarStream};
pub use crate::varint::{Sleb128, SqliteVarint, Uleb128, VarintProblem};
/// The `ndarray` crate, as [`Grid::as_ndarray`] uses it (feature `ndarray`).
#[cfg(feature = "ndarray")]
pub use ndarray;
/// The `rayon` crate, whose traits the parallel iterators implement (feature `rayon`):
/// `use overlay::rayon::prelude::*` brings `map`, `sum`, `collect`, ... into scope.
#[cfg(feature = "rayon")]
pub use rayon;
