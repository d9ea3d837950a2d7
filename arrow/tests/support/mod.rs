//! The one support module of overlay-arrow's tests, included as `mod support;` by each
//! feature file:
//!
//! - `tools`, `rng`: the root package's (tests/support/), by path: finding python3 and its
//!   modules (a missing one fails the test under `CI=true`, and is skipped with a notice
//!   otherwise), running it, scratch directories; the seeded generator.
//! - `types`: the derived record types converted, with CPython's reading of each.
//! - `oracle`: writes a table as Parquet (every codec) and Arrow IPC and has oracle.py check
//!   every value, read back by pyarrow and DuckDB, against CPython's `struct`.
//! - `values`: Arrow columns as `overlay::Value`s, to compare with `Struct::unpack`.
//! - `counting`: per-thread allocation counting.
#![allow(dead_code, unused_imports)]

#[path = "../../../tests/support/tools.rs"]
pub mod tools;

#[path = "../../../tests/support/rng.rs"]
pub mod rng;

pub mod counting;
pub mod oracle;
pub mod types;
pub mod values;
