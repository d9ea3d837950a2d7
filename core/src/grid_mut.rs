//! Writable two-dimensional views: [`GridMut`] and its rows.

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ops::RangeBounds;

use crate::endian::{Endian, EndianClass, RuntimeEndian};
use crate::error::Error;
use crate::grid_layout;
use crate::overlay::Overlay;
use crate::strided::{self, Layout, Line};
use crate::tables::{Grid, GridMut, Records, RecordsMut};

impl<'a, T: Overlay> GridMut<'a, T> {
    /// A dense row-major grid of `rows` by `cols` elements filling `bytes` exactly.
    #[inline]
    pub fn new(bytes: &'a mut [u8], rows: usize, cols: usize) -> Result<Self, Error> {
        Self::dense(bytes, rows, cols, T::__META.default_endian)
    }

    /// [`new`](GridMut::new) in byte order `endian`.
    #[inline]
    pub fn new_with(
        bytes: &'a mut [u8],
        rows: usize,
        cols: usize,
        endian: Endian,
    ) -> Result<Self, Error>
    where
        T: RuntimeEndian,
    {
        Self::dense(bytes, rows, cols, endian)
    }

    /// [`with_strides`](GridMut::with_strides) in byte order `endian`.
    #[inline]
    pub fn with_strides_endian(
        bytes: &'a mut [u8],
        origin: usize,
        shape: [usize; 2],
        strides: [isize; 2],
        endian: Endian,
    ) -> Result<Self, Error>
    where
        T: RuntimeEndian,
    {
        Self::strided(bytes, origin, shape, strides, endian)
    }

    #[inline]
    fn dense(bytes: &'a mut [u8], rows: usize, cols: usize, endian: Endian) -> Result<Self, Error> {
        grid_layout::dense_check::<T>(bytes.len(), rows, cols)?;
        let strides = grid_layout::dense_strides(cols, T::SIZE);
        Self::strided(bytes, 0, [rows, cols], strides, endian)
    }

    /// A writable grid where element `(r, c)` starts at byte `origin + r * strides[0] + c *
    /// strides[1]`; see [`Grid::with_strides`]. Errors with [`ErrorKind::GridOverlap`](crate::ErrorKind::GridOverlap) if two
    /// elements would share a byte.
    #[inline]
    pub fn with_strides(
        bytes: &'a mut [u8],
        origin: usize,
        shape: [usize; 2],
        strides: [isize; 2],
    ) -> Result<Self, Error> {
        Self::strided(bytes, origin, shape, strides, T::__META.default_endian)
    }

    #[inline]
    fn strided(
        bytes: &'a mut [u8],
        origin: usize,
        shape: [usize; 2],
        strides: [isize; 2],
        endian: Endian,
    ) -> Result<Self, Error> {
        grid_layout::check_bounds::<T>(bytes.len(), origin, shape, strides)?;
        let layout = Layout {
            first: origin,
            shape,
            strides,
        };
        if let Some((first, second)) = grid_layout::find_overlap(layout, T::SIZE) {
            return Err(Error::grid_overlap::<T>(first, second));
        }
        grid_layout::validate_all::<T>(bytes, layout, endian)?;
        Ok(Self::from_layout(bytes, layout, endian))
    }

    #[inline]
    fn from_layout(bytes: &'a mut [u8], layout: Layout, endian: Endian) -> Self {
        GridMut {
            bytes,
            layout,
            endian,
            _type: PhantomData,
        }
    }

    /// A read-only grid over the same elements.
    #[inline]
    pub fn as_grid(&self) -> Grid<'_, T> {
        Grid::from_layout(self.bytes, self.layout, self.endian)
    }

    /// A writable grid over the same elements that borrows this one.
    #[inline]
    pub fn reborrow(&mut self) -> GridMut<'_, T> {
        GridMut::from_layout(self.bytes, self.layout, self.endian)
    }

    /// `[rows, columns]`.
    #[inline]
    pub fn shape(&self) -> [usize; 2] {
        self.layout.shape
    }

    /// Bytes from one row to the next and from one column to the next.
    #[inline]
    pub fn strides(&self) -> [isize; 2] {
        self.layout.strides
    }

    /// The number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        self.layout.len()
    }

    /// Whether the grid has no elements.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The element at `(row, col)`, read-only.
    #[inline]
    pub fn get(&self, row: usize, col: usize) -> Option<T::View<'_>> {
        self.as_grid().get(row, col)
    }

    /// Writable view of the element at `(row, col)`, or `None` outside the grid.
    #[inline]
    pub fn get_mut(&mut self, row: usize, col: usize) -> Option<T::ViewMut<'_>> {
        if row >= self.layout.shape[0] || col >= self.layout.shape[1] {
            return None;
        }
        let start = self.layout.at(row, col);
        let element = self.bytes.get_mut(start..start.wrapping_add(T::SIZE))?;
        Some(T::__view_mut(element, self.endian))
    }

    /// Row `row`, read-only.
    #[inline]
    pub fn row(&self, row: usize) -> Option<Records<'_, T>> {
        self.as_grid().row(row)
    }

    /// Row `row` as a writable record table, or `None` past the last row.
    #[inline]
    pub fn row_mut(&mut self, row: usize) -> Option<RecordsMut<'_, T>> {
        if row >= self.layout.shape[0] {
            return None;
        }
        let line = Line {
            first: strided::offset(self.layout.first, row, self.layout.strides[0]),
            len: self.layout.shape[1],
            step: self.layout.strides[1],
        };
        Some(RecordsMut::from_line(self.bytes, line, self.endian))
    }

    /// The rows, top to bottom, as writable record tables that can all be held at once.
    ///
    /// Errors with [`ErrorKind::RowsInterleave`](crate::ErrorKind::RowsInterleave) when the rows' bytes interleave (a column-major
    /// grid): no row then has a range of bytes of its own to lend. Transpose such a grid first,
    /// or reach its elements with [`get_mut`](GridMut::get_mut) or
    /// [`row_mut`](GridMut::row_mut).
    pub fn rows_mut(&mut self) -> Result<GridRowsMut<'_, T>, Error> {
        self.check_rows_apart()?;
        Ok(GridRowsMut {
            rest: Some(self.reborrow()),
        })
    }

    /// Writable rows `rows` and columns `cols` (each any range form), borrowing this grid.
    #[inline]
    pub fn slice_mut(
        &mut self,
        rows: impl RangeBounds<usize>,
        cols: impl RangeBounds<usize>,
    ) -> Result<GridMut<'_, T>, Error> {
        let layout = grid_layout::slice::<T>(self.layout, rows, cols)?;
        Ok(GridMut::from_layout(self.bytes, layout, self.endian))
    }

    /// Every `row_step`th row and `col_step`th column; both must be at least 1.
    #[inline]
    pub fn step(self, row_step: usize, col_step: usize) -> Result<GridMut<'a, T>, Error> {
        let layout = grid_layout::step::<T>(self.layout, row_step, col_step)?;
        Ok(GridMut::from_layout(self.bytes, layout, self.endian))
    }

    /// The rows in reverse order.
    #[inline]
    #[must_use]
    pub fn flip_rows(self) -> GridMut<'a, T> {
        let layout = grid_layout::flip(self.layout, 0);
        GridMut::from_layout(self.bytes, layout, self.endian)
    }

    /// The columns in reverse order.
    #[inline]
    #[must_use]
    pub fn flip_cols(self) -> GridMut<'a, T> {
        let layout = grid_layout::flip(self.layout, 1);
        GridMut::from_layout(self.bytes, layout, self.endian)
    }

    /// Rows as columns and columns as rows.
    #[inline]
    #[must_use]
    pub fn transpose(self) -> GridMut<'a, T> {
        let layout = self.layout.transposed();
        GridMut::from_layout(self.bytes, layout, self.endian)
    }

    /// Two disjoint writable grids: rows `..row` and rows `row..` (for two threads, say).
    /// Errors if `row` is past the last row, or if the rows interleave in memory
    /// ([`ErrorKind::RowsInterleave`](crate::ErrorKind::RowsInterleave)).
    pub fn split_at_row_mut(
        &mut self,
        row: usize,
    ) -> Result<(GridMut<'_, T>, GridMut<'_, T>), Error> {
        let row = strided::split_point(
            row,
            self.layout.shape[0],
            crate::error_kind::TableAxis::Rows,
            Error::bad_request::<T>,
        )?;
        if row != 0 && row != self.layout.shape[0] {
            self.check_rows_apart()?;
        }
        Ok(self.reborrow().split_rows(row))
    }

    pub(crate) fn check_rows_apart(&self) -> Result<(), Error> {
        if grid_layout::rows_apart(self.layout, T::SIZE) {
            Ok(())
        } else {
            Err(Error::rows_interleave::<T>(self.layout.strides))
        }
    }

    /// Splits at `row <= rows` (a `row` past the last splits at the end); the rows' bytes are
    /// apart unless one side is empty.
    pub(crate) fn split_rows(self, row: usize) -> (GridMut<'a, T>, GridMut<'a, T>) {
        let Layout {
            first,
            shape: [rows, cols],
            strides,
        } = self.layout;
        let row = row.min(rows);
        let head = Layout {
            first,
            shape: [row, cols],
            strides,
        };
        let tail = Layout {
            first: if row < rows {
                strided::offset(first, row, strides[0])
            } else {
                first
            },
            shape: [rows - row, cols],
            strides,
        };
        let endian = self.endian;
        if row == 0 || row == rows || cols == 0 {
            let (head_bytes, tail_bytes): (&mut [u8], &mut [u8]) = if row == 0 {
                (&mut [], self.bytes)
            } else {
                (self.bytes, &mut [])
            };
            return (
                GridMut::from_layout(head_bytes, head, endian),
                GridMut::from_layout(tail_bytes, tail, endian),
            );
        }
        // Rows are apart: the bytes of the rows on the low side of memory end where the
        // first row of the high side begins.
        let head_is_low = strides[0] >= 0;
        let first_high_row = if head_is_low { row } else { row - 1 };
        let boundary = self.layout.row_low(first_high_row).min(self.bytes.len());
        let (low, high) = self.bytes.split_at_mut(boundary);
        let moved = |layout: Layout| Layout {
            first: layout.first.wrapping_sub(boundary),
            ..layout
        };
        if head_is_low {
            (
                GridMut::from_layout(low, head, endian),
                GridMut::from_layout(high, moved(tail), endian),
            )
        } else {
            (
                GridMut::from_layout(high, moved(head), endian),
                GridMut::from_layout(low, tail, endian),
            )
        }
    }

    /// Writes `value` into every element. A bit field value too wide for its field is an
    /// error ([`ErrorKind::BitFieldOverflow`](crate::ErrorKind::BitFieldOverflow)) and nothing is written.
    pub fn fill(&mut self, value: &T) -> Result<(), Error> {
        if T::__META.checks_value {
            value.__check_value()?;
        }
        if self.is_empty() || T::SIZE == 0 {
            return Ok(());
        }
        let endian = self.endian;
        for row in 0..self.layout.shape[0] {
            for col in 0..self.layout.shape[1] {
                if let Some(element) = self.element_mut(row, col) {
                    value.__pack(element, endian);
                }
            }
        }
        Ok(())
    }

    /// Copies every element of `source`, which must have the same shape
    /// ([`ErrorKind::ShapeMismatch`](crate::ErrorKind::ShapeMismatch) otherwise), into this grid. Elements are copied as bytes, or
    /// converted when the two grids read a run-time byte order type in different orders.
    pub fn copy_from(&mut self, source: &Grid<'_, T>) -> Result<(), Error> {
        if source.shape() != self.layout.shape {
            return Err(Error::shape_mismatch::<T>(
                self.layout.shape,
                source.shape(),
            ));
        }
        if self.is_empty() || T::SIZE == 0 {
            return Ok(());
        }
        let convert = source.endian() != self.endian
            && !matches!(
                T::__META.endian_class,
                EndianClass::Any | EndianClass::Fixed(_)
            );
        for row in 0..self.layout.shape[0] {
            for col in 0..self.layout.shape[1] {
                let from = source.element_bytes(row, col);
                let endian = self.endian;
                if let Some(element) = self.element_mut(row, col) {
                    if convert {
                        T::__unpack(from, source.endian()).__pack(element, endian);
                    } else {
                        element.copy_from_slice(from);
                    }
                }
            }
        }
        Ok(())
    }

    /// Copies the elements' bytes row by row into `out`; see [`Grid::copy_to`].
    pub fn copy_to(&self, out: &mut [u8]) -> Result<(), Error> {
        self.as_grid().copy_to(out)
    }

    /// The elements' bytes row by row; see [`Grid::to_vec`].
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<u8> {
        self.as_grid().to_vec()
    }

    /// Whether the elements lie back to back in row-major order; see [`Grid::is_contiguous`].
    pub fn is_contiguous(&self) -> bool {
        self.as_grid().is_contiguous()
    }

    #[inline]
    fn element_mut(&mut self, row: usize, col: usize) -> Option<&mut [u8]> {
        let start = self.layout.at(row, col);
        self.bytes.get_mut(start..start.wrapping_add(T::SIZE))
    }
}

impl<T: Overlay> fmt::Debug for GridMut<'_, T>
where
    for<'b> T::View<'b>: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_grid().fmt(f)
    }
}

/// Iterator over the rows of a [`GridMut`] as disjoint writable record tables: see
/// [`GridMut::rows_mut`].
pub struct GridRowsMut<'a, T: Overlay> {
    pub(crate) rest: Option<GridMut<'a, T>>,
}

impl<'a, T: Overlay> GridRowsMut<'a, T> {
    fn into_row(grid: GridMut<'a, T>) -> RecordsMut<'a, T> {
        let line = Line {
            first: grid.layout.first,
            len: grid.layout.shape[1],
            step: grid.layout.strides[1],
        };
        RecordsMut::from_line(grid.bytes, line, grid.endian)
    }
}

impl<'a, T: Overlay> Iterator for GridRowsMut<'a, T> {
    type Item = RecordsMut<'a, T>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest.take().filter(|rest| rest.layout.shape[0] > 0)?;
        let (head, rest) = rest.split_rows(1);
        self.rest = Some(rest);
        Some(Self::into_row(head))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.rest.as_ref().map_or(0, |rest| rest.layout.shape[0]);
        (n, Some(n))
    }
}

impl<T: Overlay> DoubleEndedIterator for GridRowsMut<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        let rest = self.rest.take().filter(|rest| rest.layout.shape[0] > 0)?;
        let rows = rest.layout.shape[0];
        let (rest, last) = rest.split_rows(rows - 1);
        self.rest = Some(rest);
        Some(Self::into_row(last))
    }
}

impl<T: Overlay> ExactSizeIterator for GridRowsMut<'_, T> {}
impl<T: Overlay> FusedIterator for GridRowsMut<'_, T> {}
