//! A grid's layout (origin, shape, signed byte strides): how slicing, stepping, flipping and
//! transposing change it, and the checks it passes once, when the grid is built: every element
//! inside the buffer, every element validated, and for writable grids no two elements sharing a
//! byte. The checks compute in `i128`, where no product of a `usize` and an `isize` overflows.

use crate::endian::Endian;
use crate::overlay::{validate, Overlay};
use core::ops::RangeBounds;

use crate::error::Error;
use crate::error_kind::{TableAxis, TableRequest};
use crate::strided::{self, Layout, Line};

/// Checks that every element of the grid lies in a buffer of `available` bytes and that the
/// grid's bytes, counted element by element, fit in an `isize`.
pub(crate) fn check_bounds<T: Overlay>(
    available: usize,
    origin: usize,
    shape: [usize; 2],
    strides: [isize; 2],
) -> Result<(), Error> {
    match extent(origin, shape, strides, T::SIZE) {
        Extent::TooMany => Err(Error::grid_too_large::<T>(shape)),
        Extent::Empty if origin <= available => Ok(()),
        Extent::Empty => Err(Error::grid_bounds::<T>(
            origin as i128,
            origin as i128,
            available,
            shape,
        )),
        Extent::Bytes { low, high } if low >= 0 && high <= available as i128 => Ok(()),
        Extent::Bytes { low, high } => Err(Error::grid_bounds::<T>(low, high, available, shape)),
    }
}

/// Where a grid's elements lie, before it is checked against a buffer.
pub(crate) enum Extent {
    /// More bytes, counted element by element, than an `isize` holds.
    TooMany,
    /// No elements.
    Empty,
    /// From the lowest element's start (`low`) to the highest element's end (`high`).
    Bytes {
        /// May be negative: before the buffer.
        low: i128,
        /// Exclusive.
        high: i128,
    },
}

/// The bytes a grid's elements span; shared by the check and by its error message.
pub(crate) fn extent(origin: usize, shape: [usize; 2], strides: [isize; 2], size: usize) -> Extent {
    let count = shape[0].checked_mul(shape[1]);
    if strided::byte_len(count, size).is_none() {
        return Extent::TooMany;
    }
    if count == Some(0) {
        return Extent::Empty;
    }
    // Each reach is below 2^64 * 2^63 in magnitude; saturating keeps their sum in range too
    // (a saturated sum is far outside any buffer, which is all the check needs to know).
    let mut low = origin as i128;
    let mut high = (origin as i128).saturating_add(size as i128);
    for (n, stride) in shape.into_iter().zip(strides) {
        let reach = (n as i128 - 1) * stride as i128;
        if reach < 0 {
            low = low.saturating_add(reach);
        } else {
            high = high.saturating_add(reach);
        }
    }
    Extent::Bytes { low, high }
}

/// Validates every element of a grid that [`check_bounds`] accepted. When the grid has no
/// more elements than the bytes they span, each element is validated in row-major order (and
/// the first invalid one in that order reported); otherwise elements must repeat bytes (zero
/// or overlapping strides of a read-only grid), and each distinct element start is validated
/// once, lowest first. Either way the work is at most the smaller of the two counts.
pub(crate) fn validate_all<T: Overlay>(
    bytes: &[u8],
    layout: Layout,
    endian: Endian,
) -> Result<(), Error> {
    if !T::__META.checks_bytes || T::SIZE == 0 || layout.len() == 0 {
        return Ok(());
    }
    let check = |start: usize| match bytes.get(start..start.wrapping_add(T::SIZE)) {
        Some(record) => validate::<T>(record, start, endian),
        None => Ok(()),
    };
    let span = match extent(layout.first, layout.shape, layout.strides, T::SIZE) {
        Extent::Bytes { low, high } => high - low,
        Extent::TooMany | Extent::Empty => 0,
    };
    if layout.len() as i128 > span {
        return distinct_starts(layout).try_for_each(check);
    }
    for row in 0..layout.shape[0] {
        for col in 0..layout.shape[1] {
            check(layout.at(row, col))?;
        }
    }
    Ok(())
}

/// Every distinct element start of a non-empty grid, lowest first: each offset between the
/// lowest and the highest start is tested for whether some `(r, c)` in the shape lands on it,
/// in O(1) by solving `r * s0 + c * s1 = offset - first` over the integers.
fn distinct_starts(layout: Layout) -> impl Iterator<Item = usize> {
    let [rows, cols] = layout.shape.map(|n| n as i128);
    let [s0, s1] = layout.strides.map(|s| s as i128);
    let first = layout.first as i128;
    let reach = |n: i128, s: i128| ((n - 1) * s).min(0);
    let low = first + reach(rows, s0) + reach(cols, s1);
    let high = first - reach(rows, -s0) - reach(cols, -s1);
    let solver = Lattice::new(s0, s1, rows, cols);
    (low..=high)
        .filter(move |&offset| solver.holds(offset - first))
        .map(|offset| offset as usize)
}

/// The set `{ r * s0 + c * s1 : 0 <= r < rows, 0 <= c < cols }`, tested one value at a time.
#[derive(Clone, Copy)]
struct Lattice {
    s0: i128,
    s1: i128,
    rows: i128,
    cols: i128,
    /// `gcd(|s0|, |s1|)` and Bezout coefficients: `s0 * x + s1 * y == gcd`.
    gcd: i128,
    x: i128,
}

impl Lattice {
    fn new(s0: i128, s1: i128, rows: i128, cols: i128) -> Self {
        // Extended Euclid on the magnitudes, signs folded back into the coefficients.
        let (mut a, mut b) = (s0.abs(), s1.abs());
        let (mut xa, mut xb) = (1i128, 0i128);
        while b != 0 {
            let q = a / b;
            (a, b) = (b, a - q * b);
            (xa, xb) = (xb, xa - q * xb);
        }
        Lattice {
            s0,
            s1,
            rows,
            cols,
            gcd: a,
            x: if s0 < 0 { -xa } else { xa },
        }
    }

    /// Whether `d == r * s0 + c * s1` for some `r` in `0..rows` and `c` in `0..cols`.
    fn holds(&self, d: i128) -> bool {
        let Lattice {
            s0,
            s1,
            rows,
            cols,
            gcd,
            x,
        } = *self;
        let on_axis = |d: i128, s: i128, n: i128| {
            if s == 0 {
                d == 0
            } else {
                d % s == 0 && (0..n).contains(&(d / s))
            }
        };
        if s0 == 0 {
            return on_axis(d, s1, cols);
        }
        if s1 == 0 {
            return on_axis(d, s0, rows);
        }
        if d % gcd != 0 {
            return false;
        }
        // r = r0 + k * a, c = c0 - k * b for every integer k, with a = s1 / g, b = s0 / g.
        let (a, b) = (s1 / gcd, s0 / gcd);
        let r0 = (x.rem_euclid(a.abs()) * (d / gcd).rem_euclid(a.abs())).rem_euclid(a.abs());
        let c0 = (d - r0 * s0) / s1;
        // The ks that keep r in 0..rows and c in 0..cols.
        let (k_lo_r, k_hi_r) = bounds(r0, a, rows);
        let (k_lo_c, k_hi_c) = bounds(c0, -b, cols);
        k_lo_r.max(k_lo_c) <= k_hi_r.min(k_hi_c)
    }
}

/// The integers `k` with `0 <= v + k * step < n` (`step != 0`), as an inclusive range.
fn bounds(v: i128, step: i128, n: i128) -> (i128, i128) {
    // v + k * step >= 0 and v + k * step <= n - 1.
    let (lo, hi) = (-v, n - 1 - v);
    if step > 0 {
        (div_ceil(lo, step), hi.div_euclid(step))
    } else {
        (div_ceil(-hi, -step), (-lo).div_euclid(-step))
    }
}

fn div_ceil(a: i128, b: i128) -> i128 {
    -((-a).div_euclid(b))
}

/// Two elements, as `[row, col]`, that share bytes, if any do. Looks at each row offset `dr`
/// once (over the shorter axis), so it takes at most `min(rows, cols)` steps, and no more
/// steps than the buffer has bytes when no element overlaps.
pub(crate) fn find_overlap(layout: Layout, size: usize) -> Option<([usize; 2], [usize; 2])> {
    if size == 0 || layout.len() <= 1 {
        return None;
    }
    // Walk the shorter axis; report in the caller's orientation.
    let swapped = layout.shape[0] > layout.shape[1];
    let [rows, cols] = if swapped {
        [layout.shape[1], layout.shape[0]]
    } else {
        layout.shape
    };
    let [row_stride, col_stride] = if swapped {
        [layout.strides[1] as i128, layout.strides[0] as i128]
    } else {
        [layout.strides[0] as i128, layout.strides[1] as i128]
    };
    let size = size as i128;
    let orient = |a: [usize; 2], b: [usize; 2]| {
        if swapped {
            ([a[1], a[0]], [b[1], b[0]])
        } else {
            (a, b)
        }
    };
    // Two elements of one row.
    if cols >= 2 && col_stride.abs() < size {
        return Some(orient([0, 0], [0, 1]));
    }
    let max_dc = cols as i128 - 1;
    for dr in 1..rows {
        let x = dr as i128 * row_stride;
        // The column offset `dc` in -max_dc..=max_dc that brings x + dc * col_stride closest
        // to zero is one of the integers around -x / col_stride (clamped: the distance is
        // convex in dc).
        let candidates = if col_stride == 0 {
            [0; 3]
        } else {
            let q = (-x).div_euclid(col_stride);
            [q - 1, q, q + 1].map(|dc| dc.clamp(-max_dc, max_dc))
        };
        for dc in candidates {
            if (x + dc * col_stride).abs() < size {
                let (c1, c2) = if dc < 0 {
                    ((-dc) as usize, 0)
                } else {
                    (0, dc as usize)
                };
                return Some(orient([0, c1], [dr, c2]));
            }
        }
    }
    None
}

/// Whether each row's bytes (from its lowest element's start to its highest element's end)
/// are apart from every other row's, so that rows can be borrowed one at a time.
pub(crate) fn rows_apart(layout: Layout, size: usize) -> bool {
    let [rows, cols] = layout.shape;
    if rows <= 1 || cols == 0 {
        return true;
    }
    let width = (cols as i128 - 1) * (layout.strides[1] as i128).abs() + size as i128;
    (layout.strides[0] as i128).abs() >= width
}

/// The strides of a dense row-major grid, `[cols * size, size]`. A row stride that does not
/// fit an `isize` is only possible with one row, where it is never used.
#[inline]
pub(crate) fn dense_strides(cols: usize, size: usize) -> [isize; 2] {
    let row = cols
        .checked_mul(size)
        .and_then(|row| isize::try_from(row).ok())
        .unwrap_or(0);
    [row, isize::try_from(size).unwrap_or(0)]
}

/// The checked length of a dense grid's buffer.
#[inline]
pub(crate) fn dense_check<T: Overlay>(found: usize, rows: usize, cols: usize) -> Result<(), Error> {
    let needed = rows
        .checked_mul(cols)
        .and_then(|count| count.checked_mul(T::SIZE));
    if needed == Some(found) {
        Ok(())
    } else {
        Err(Error::grid_length::<T>([rows, cols], found))
    }
}

/// The layout of `layout[rows, cols]`.
#[inline]
pub(crate) fn slice<T: Overlay>(
    layout: Layout,
    rows: impl RangeBounds<usize>,
    cols: impl RangeBounds<usize>,
) -> Result<Layout, Error> {
    let (r0, r1) = strided::resolve(
        rows,
        layout.shape[0],
        TableAxis::Rows,
        Error::bad_request::<T>,
    )?;
    let (c0, c1) = strided::resolve(
        cols,
        layout.shape[1],
        TableAxis::Columns,
        Error::bad_request::<T>,
    )?;
    let shape = [r1 - r0, c1 - c0];
    let first = if shape[0] > 0 && shape[1] > 0 {
        layout.at(r0, c0)
    } else {
        layout.first
    };
    Ok(Layout {
        first,
        shape,
        strides: layout.strides,
    })
}

/// The layout of `layout[::row_step, ::col_step]`.
#[inline]
pub(crate) fn step<T: Overlay>(
    layout: Layout,
    row_step: usize,
    col_step: usize,
) -> Result<Layout, Error> {
    let [rows, cols] = layout.shape;
    let row_step = strided::at_least_one(
        row_step,
        TableRequest::StepBy(row_step),
        rows,
        TableAxis::Rows,
        Error::bad_request::<T>,
    )?;
    let col_step = strided::at_least_one(
        col_step,
        TableRequest::StepBy(col_step),
        cols,
        TableAxis::Columns,
        Error::bad_request::<T>,
    )?;
    let line = |len, step| Line {
        first: 0,
        len,
        step,
    };
    let down = line(rows, layout.strides[0]).every(row_step);
    let across = line(cols, layout.strides[1]).every(col_step);
    Ok(Layout {
        first: layout.first,
        shape: [down.len, across.len],
        strides: [down.step, across.step],
    })
}

/// The layout with axis `axis` (0 rows, 1 columns) reversed.
#[inline]
pub(crate) fn flip(layout: Layout, axis: usize) -> Layout {
    let line = Line {
        first: layout.first,
        len: layout.shape[axis],
        step: layout.strides[axis],
    }
    .reversed();
    let mut flipped = layout;
    if layout.len() > 0 {
        flipped.first = line.first;
    }
    flipped.strides[axis] = line.step;
    flipped
}
