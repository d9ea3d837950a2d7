//! The one support module of the root package's integration tests, included as `mod support;`
//! by the feature files (views, records, errors, bit fields, run-time byte order, variable
//! length, grids, hex dumps); the files that need one part only, and the CLI's tests, include
//! that part with `#[path]` (`tools.rs`, `snapshot.rs`, `rng.rs`). Everything shared is
//! declared here once:
//!
//! - `rng`: the seeded generator (SplitMix64).
//! - `values`: what the tests know of a derived type without going through `overlay` (random
//!   values, proptest strategies, fields in Python `struct` order, reading back every getter),
//!   and the `record!` and `enum_value!` macros that declare a type together with all of that.
//! - `types`: the derived types more than one file uses.
//! - `shapes`: bytes written by hand (`Out`, `put!`), and the property harness of fixed-size
//!   records with bit fields or a run-time byte order (`fixed_properties!`,
//!   `setter_properties!`).
//! - `counting`: per-thread allocation counting for the zero-allocation tests.
//! - `snapshot`: whole outputs compared with committed files.
//! - `tools`: the real tools the tests compare with (python3, readelf) and the examples.
#![allow(dead_code, unused_imports, unused_macros)]

pub mod rng;
#[macro_use]
pub mod values;
#[macro_use]
pub mod shapes;
pub mod counting;
pub mod snapshot;
pub mod tools;
pub mod types;
