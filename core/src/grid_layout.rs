//! The checks a grid's origin, shape and strides pass once, when the grid is built: every
//! element inside the buffer, every element validated, and for writable grids no two elements
//! sharing a byte. Everything is computed in `i128`, where no product of a `usize` and an
//! `isize` overflows.

use crate::endian::Endian;
use crate::error::Error;
use crate::overlay::{validate, Overlay};
use crate::strided::{self, offset};

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

/// Checks that every element of the grid lies in a buffer of `available` bytes and that the
/// grid's bytes, counted element by element, fit in an `isize`.
pub(crate) fn check_bounds<T: Overlay>(
    available: usize,
    origin: usize,
    shape: [usize; 2],
    strides: [isize; 2],
) -> Result<(), Error> {
    let error = Error::GridBounds {
        type_name: T::__TYPE_NAME,
        origin,
        shape,
        strides,
        record_size: T::SIZE,
        available,
    };
    let count = shape[0].checked_mul(shape[1]);
    if strided::byte_len(count, T::SIZE).is_none() {
        return Err(error);
    }
    if count == Some(0) {
        return if origin <= available {
            Ok(())
        } else {
            Err(error)
        };
    }
    let mut low = origin as i128;
    let mut high = origin as i128 + T::SIZE as i128;
    for (n, stride) in shape.into_iter().zip(strides) {
        let reach = (n as i128 - 1) * stride as i128;
        if reach < 0 {
            low += reach;
        } else {
            high += reach;
        }
    }
    if low < 0 || high > available as i128 {
        return Err(error);
    }
    Ok(())
}

/// Validates every element of a grid that [`check_bounds`] accepted, reporting the first
/// invalid one in row-major order. Elements that overlap (a read-only grid may have strides
/// smaller than an element, or zero) are validated once per distinct start, so the work stays
/// bounded by the buffer's length however many elements the strides describe.
pub(crate) fn validate_all<T: Overlay>(
    bytes: &[u8],
    layout: Layout,
    endian: Endian,
) -> Result<(), Error> {
    if !T::__VALIDATES || layout.len() == 0 {
        return Ok(());
    }
    let check = |start: usize| match bytes.get(start..start.wrapping_add(T::SIZE)) {
        Some(record) => validate::<T>(record, start, endian),
        None => Ok(()),
    };
    if T::SIZE > 0 && find_overlap(layout, T::SIZE).is_some() {
        return distinct_starts(layout).try_for_each(check);
    }
    // Elements do not overlap (or are empty), so there are at most as many as bytes.
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
