//! Allocation counting for the zero-allocation tests (from the root package's
//! tests/support/counting.rs): allocation-counter's global allocator counts the allocations
//! of each thread apart, so a test counts only its own thread's. Conversions run on rayon's
//! pool, so the tests that count run them on a pool whose one thread is the test's own
//! (`ThreadPoolBuilder::use_current_thread`): every allocation of the conversion is then
//! counted.

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
