//! The index arithmetic shared by record tables and grids: where element `i` of an axis (and
//! element `(r, c)` of a grid) starts, how ranges, steps and reversals change an axis, and the
//! requests that do not fit.
//!
//! An axis is `(first, len, step)`: element `i < len` starts at byte `first + i * step` of the
//! buffer the table holds. Tables and grids check, once, when they are built, that every element
//! lies inside their buffer; after that the offsets below are computed in wrapping arithmetic,
//! which gives the exact offset for every element that exists (the true value is in range, so
//! it equals the wrapped one) and needs no overflow branch.

use core::ops::{Bound, RangeBounds};

use crate::error::Error;
use crate::error_kind::{TableAxis, TableRequest};

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
    /// For a table of records of `size > 0` bytes back to back in order (`step == size`), the
    /// bytes it spans, `first..first + len * size`: tables keep only those, from 0, so that
    /// typed chunks of the record size index them with one bounds check. `None` otherwise.
    ///
    /// The span is in range (tables check that every record lies in their buffer), so it is
    /// computed in wrapping arithmetic, like [`offset`]: LLVM then sees a length of exactly
    /// `len * size` and counts the loops over it.
    #[inline]
    pub(crate) fn dense_span(self, size: usize) -> Option<(usize, usize)> {
        if !self.is_dense(size) {
            return None;
        }
        Some((
            self.first,
            self.first.wrapping_add(self.len.wrapping_mul(size)),
        ))
    }

    /// Whether this is a table of records of `size > 0` bytes back to back in order, which
    /// [`dense_span`](Line::dense_span) has trimmed its buffer to.
    #[inline(always)]
    pub(crate) fn is_dense(self, size: usize) -> bool {
        size > 0 && self.step >= 0 && self.step as usize == size
    }

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

/// Where a grid's elements are: element `(r, c)` starts at `first + r * strides[0] + c *
/// strides[1]` of the bytes the grid holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    pub(crate) first: usize,
    pub(crate) shape: [usize; 2],
    pub(crate) strides: [isize; 2],
}

impl Layout {
    /// The start of element `(row, col)`.
    #[inline(always)]
    pub(crate) fn at(&self, row: usize, col: usize) -> usize {
        offset(
            offset(self.first, row, self.strides[0]),
            col,
            self.strides[1],
        )
    }

    /// The number of elements.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        // Checked when the grid was built: `rows * cols * size` fits in an isize.
        self.shape[0].wrapping_mul(self.shape[1])
    }

    /// The same grid with rows and columns swapped.
    #[inline]
    pub(crate) fn transposed(self) -> Layout {
        Layout {
            first: self.first,
            shape: [self.shape[1], self.shape[0]],
            strides: [self.strides[1], self.strides[0]],
        }
    }

    /// The lowest start of an element of `row` (the start of the row's bytes), for a grid
    /// with at least one column.
    #[inline]
    pub(crate) fn row_low(&self, row: usize) -> usize {
        let start = offset(self.first, row, self.strides[0]);
        if self.strides[1] < 0 {
            offset(start, self.shape[1] - 1, self.strides[1])
        } else {
            start
        }
    }
}

/// Builds the error for a request that does not fit an axis of `len` elements: the caller's
/// `Error::bad_request::<T>`, which names the element type.
pub(crate) type Refuse = fn(TableAxis, TableRequest, usize) -> Error;

/// Resolves any range form against an axis of `len` elements.
#[inline]
pub(crate) fn resolve(
    range: impl RangeBounds<usize>,
    len: usize,
    axis: TableAxis,
    refuse: Refuse,
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
        _ => Err(refuse(
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
pub(crate) fn at_least_one(
    n: usize,
    request: TableRequest,
    len: usize,
    axis: TableAxis,
    refuse: Refuse,
) -> Result<usize, Error> {
    if n == 0 {
        Err(refuse(axis, request, len))
    } else {
        Ok(n)
    }
}

/// Checks a split point, which may be anywhere from 0 to `len`.
#[inline]
pub(crate) fn split_point(
    mid: usize,
    len: usize,
    axis: TableAxis,
    refuse: Refuse,
) -> Result<usize, Error> {
    if mid <= len {
        Ok(mid)
    } else {
        Err(refuse(axis, TableRequest::SplitAt(mid), len))
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
