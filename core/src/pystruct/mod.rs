//! Python `struct` format strings at run time: [`Struct`] compiles a format once, then packs and
//! unpacks with the same bytes, values and errors as CPython's `struct` module.
//!
//! What packs and unpacks is also re-exported at the crate root (`overlay::Struct`, ...); the
//! layout of a format's values ([`Struct::values_layout`], for tools that convert whole
//! tables) is here only (`overlay::pystruct::ValueLayout`). For layouts known at compile time, `#[derive(Overlay)]` is the faster way: see
//! [`Overlay::FORMAT`](crate::Overlay::FORMAT) for the format string of a derived record.

#[cfg(feature = "alloc")]
mod code;
mod error;
mod value;

pub use self::error::StructError;
pub(crate) use self::error::STRUCT_ERROR_VARIANTS;
pub use self::value::Value;

#[cfg(feature = "alloc")]
mod compiled;
#[cfg(feature = "alloc")]
pub use self::compiled::{Fields, IterUnpack, Struct};
#[cfg(feature = "alloc")]
mod layout;
#[cfg(feature = "alloc")]
pub use self::layout::{ValueKind, ValueLayout, ValuesLayout};
#[cfg(feature = "alloc")]
mod dump;
#[cfg(feature = "alloc")]
pub use self::dump::StructDump;
