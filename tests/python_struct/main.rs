//! `overlay::Struct`: Python's `struct` formats, compiled at run time.
//!
//! - `behaviour`: what CPython's own test suite (`Lib/test/test_struct.py`) checks of its
//!   `struct` module, checked of `Struct`, every expectation written out.
//! - `differential`: CPython's `struct` as the oracle, case by case, on seeded random formats,
//!   values and buffers.
//! - `columns`: `Struct::column`, one value of every record as a typed table, against
//!   CPython's `iter_unpack`.
//! - `properties`: what holds for any input, including inputs Python would never be given: no
//!   format, buffer, offset or list of values makes any entry point panic, and the entry points
//!   agree with one another.

#[path = "../support/rng.rs"]
mod rng;
#[path = "../support/tools.rs"]
mod tools;

mod behaviour;
mod columns;
mod differential;
mod properties;

use overlay::Value;

/// Every byte-order prefix.
const PREFIXES: &[&str] = &["", "@", "=", "<", ">", "!"];

/// Every format code.
const CODES: &[u8] = b"xcbB?hHiIlLqQnNefdspP";

/// The whitespace `struct` skips between items.
const SPACES: &[u8] = b" \t\n\r\x0b\x0c";

/// A value to pack, owned so that `Value::Bytes` can borrow from it.
#[derive(Clone, Debug)]
enum Arg {
    Int(i64),
    UInt(u64),
    Float(f64),
    Bool(bool),
    Bytes(Vec<u8>),
}

impl Arg {
    fn value(&self) -> Value<'_> {
        match self {
            Arg::Int(v) => Value::Int(*v),
            Arg::UInt(v) => Value::UInt(*v),
            Arg::Float(v) => Value::Float(*v),
            Arg::Bool(v) => Value::Bool(*v),
            Arg::Bytes(v) => Value::Bytes(v),
        }
    }
}
