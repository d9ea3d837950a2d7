//! Allocation counting for the zero-allocation tests: allocation-counter's global allocator
//! counts the allocations (and reallocations, which it sees as allocations) of each thread
//! apart. The test harness runs every test on a thread of its own, so a zero-allocation test
//! can live in its feature's file and run beside the others: what the harness and the other
//! tests allocate meanwhile is counted on their threads, not on the one measured.

use std::hint::black_box;

/// Runs `f` and returns its result and how many allocations it made on this thread.
pub fn counted<R>(f: impl FnOnce() -> R) -> (R, u64) {
    let mut result = None;
    let info = allocation_counter::measure(|| result = Some(black_box(f())));
    (result.expect("the closure ran"), info.count_total)
}

/// Fails unless the counter sees a deliberate allocation: a zero-allocation test that counts
/// nothing would pass for nothing.
pub fn assert_counter_works() {
    let (_, count) = counted(|| vec![0u8; 64]);
    assert!(
        count >= 1,
        "the counting allocator must count a Vec allocation, counted {count}"
    );
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

impl StackText {
    pub fn new() -> Self {
        StackText {
            buf: [0; 4096],
            len: 0,
        }
    }

    /// What was written.
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).expect("formatting writes UTF-8")
    }
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
