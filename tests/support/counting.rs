//! Allocation counting for the zero-allocation tests: stats_alloc as the global allocator, and
//! helpers to count what a closure allocates. The counts are global, so the tests that include
//! this run without the test harness (`harness = false`): no other thread allocates meanwhile.

use std::alloc::System;
use std::hint::black_box;

use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

/// `System`, counting allocations (stats_alloc: no `unsafe` of ours).
#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// Runs `f` and returns its result and how many allocations and reallocations it made.
pub fn counted<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let region = Region::new(GLOBAL);
    let result = black_box(f());
    let stats = region.change();
    (result, stats.allocations + stats.reallocations)
}

/// Runs `f` and fails if it allocated.
pub fn assert_no_alloc<R>(what: &str, f: impl FnOnce() -> R) -> R {
    let (result, count) = counted(f);
    assert_eq!(count, 0, "{what} allocated {count} time(s)");
    result
}

/// A `fmt::Write` into a fixed stack buffer, to show that formatting allocates nothing.
pub struct StackText {
    pub buf: [u8; 4096],
    pub len: usize,
}

impl std::fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
