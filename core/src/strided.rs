//! The index arithmetic shared by record tables and grids: where element `i` of an axis
//! starts, how ranges, steps and reversals change an axis, and the requests that do not fit.
//!
//! An axis is `(first, len, step)`: element `i < len` starts at byte `first + i * step` of the
//! buffer the table holds. Tables and grids check, once, when they are built, that every element
//! lies inside their buffer; after that the offsets below are computed in wrapping arithmetic,
//! which gives the exact offset for every element that exists (the true value is in range, so
//! it equals the wrapped one) and needs no overflow branch.

use core::ops::{Bound, RangeBounds};

use crate::error::Error;
use crate::error_kind::{TableAxis, TableRequest};
use crate::overlay::Overlay;

/// The start of element `index` of an axis whose element 0 starts at `first`.
#[inline(always)]
pub(crate) fn offset(first: usize, index: usize, step: isize) -> usize {
    first.wrapping_add(index.wrapping_mul(step as usize))
}

/// One axis of a table or grid, as a view of it sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    pub(crate) first: usize,
    pub(crate) len: usize,
    pub(crate) step: isize,
}

impl Line {
    /// The elements `start..end` (already checked to be in range).
    #[inline]
    pub(crate) fn sub(self, start: usize, end: usize) -> Line {
        Line {
            first: if start < end {
                offset(self.first, start, self.step)
            } else {
                self.first
            },
            len: end - start,
            step: self.step,
        }
    }

    /// Every `n`th element, `n >= 1`.
    #[inline]
    pub(crate) fn every(self, n: usize) -> Line {
        let len = match self.len {
            0 => 0,
            len => (len - 1) / n + 1,
        };
        // With two or more elements left, `step * n` is the distance between two of them and
        // fits; with fewer the step is never used, so keep the old one rather than overflow.
        let step = isize::try_from(n)
            .ok()
            .and_then(|n| self.step.checked_mul(n))
            .filter(|_| len >= 2)
            .unwrap_or(self.step);
        Line {
            first: self.first,
            len,
            step,
        }
    }

    /// The same elements, last first.
    #[inline]
    pub(crate) fn reversed(self) -> Line {
        match self.len {
            // No element to start from; the stride still changes sign, as NumPy's does.
            0 => Line {
                step: self.step.wrapping_neg(),
                ..self
            },
            len => Line {
                first: offset(self.first, len - 1, self.step),
                len,
                step: self.step.wrapping_neg(),
            },
        }
    }

    /// The lowest and highest element starts (`None` when there are no elements).
    #[inline]
    pub(crate) fn extent(self) -> Option<(usize, usize)> {
        let last = offset(self.first, self.len.checked_sub(1)?, self.step);
        Some(if self.step < 0 {
            (last, self.first)
        } else {
            (self.first, last)
        })
    }
}

/// Resolves any range form against an axis of `len` elements.
#[inline]
pub(crate) fn resolve<T: Overlay>(
    range: impl RangeBounds<usize>,
    len: usize,
    axis: TableAxis,
) -> Result<(usize, usize), Error> {
    // An inclusive end of usize::MAX (or an exclusive start of it) has no exclusive form; it
    // is past the end of every axis, since no axis holds usize::MAX + 1 elements.
    let start = match range.start_bound() {
        Bound::Included(&start) => Some(start),
        Bound::Excluded(&start) => start.checked_add(1),
        Bound::Unbounded => Some(0),
    };
    let end = match range.end_bound() {
        Bound::Included(&end) => end.checked_add(1),
        Bound::Excluded(&end) => Some(end),
        Bound::Unbounded => Some(len),
    };
    match (start, end) {
        (Some(start), Some(end)) if start <= end && end <= len => Ok((start, end)),
        _ => Err(Error::bad_request::<T>(
            axis,
            TableRequest::Range {
                start: start.unwrap_or(usize::MAX),
                end: end.unwrap_or(usize::MAX),
            },
            len,
        )),
    }
}

/// Checks a step or chunk size, which must be at least 1.
#[inline]
pub(crate) fn at_least_one<T: Overlay>(
    n: usize,
    request: TableRequest,
    len: usize,
    axis: TableAxis,
) -> Result<usize, Error> {
    if n == 0 {
        Err(Error::bad_request::<T>(axis, request, len))
    } else {
        Ok(n)
    }
}

/// Checks a split point, which may be anywhere from 0 to `len`.
#[inline]
pub(crate) fn split_point<T: Overlay>(
    mid: usize,
    len: usize,
    axis: TableAxis,
) -> Result<usize, Error> {
    if mid <= len {
        Ok(mid)
    } else {
        Err(Error::bad_request::<T>(
            axis,
            TableRequest::SplitAt(mid),
            len,
        ))
    }
}

/// Where a split of the elements `0..mid` from `mid..len` falls in memory, for an axis whose
/// elements do not overlap (`|step| >= size`): the bytes below `boundary` hold one side and the
/// bytes from `boundary` on the other. `low_is_head` tells whether elements `0..mid` are the
/// low side (a forward axis) or the high side (a reversed one). Both sides must be non-empty.
#[inline]
pub(crate) fn boundary(line: Line, mid: usize) -> (usize, bool) {
    if line.step >= 0 {
        // Element `mid` starts after every earlier element ends.
        (offset(line.first, mid, line.step), true)
    } else {
        // Reversed: element `mid - 1` starts after every later element ends.
        (offset(line.first, mid - 1, line.step), false)
    }
}

/// The exact number of bytes `count` elements of `size` bytes take, if it fits in an `isize`
/// (the most a Rust allocation, and so a copy of the elements, can hold).
pub(crate) fn byte_len(count: Option<usize>, size: usize) -> Option<usize> {
    count
        .and_then(|count| count.checked_mul(size))
        .filter(|&bytes| isize::try_from(bytes).is_ok())
}
