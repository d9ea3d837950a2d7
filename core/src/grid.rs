//! Read-only two-dimensional views: [`Grid`], its rows and its elements.

use core::fmt;
use core::iter::FusedIterator;
use core::marker::PhantomData;
use core::ops::RangeBounds;

use crate::endian::{Endian, RuntimeEndian};
use crate::error::Error;
use crate::grid_layout;
use crate::overlay::Overlay;
use crate::records::RecordsIter;
use crate::strided::{self, Layout, Line};
use crate::tables::Grid;
use crate::tables::Records;

impl<T: Overlay> Clone for Grid<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Overlay> Copy for Grid<'_, T> {}

impl<'a, T: Overlay> Grid<'a, T> {
    /// A dense row-major grid of `rows` by `cols` elements filling `bytes` exactly.
    #[inline]
    pub fn new(bytes: &'a [u8], rows: usize, cols: usize) -> Result<Self, Error> {
        Self::dense(bytes, rows, cols, T::__META.default_endian)
    }

    /// [`new`](Grid::new) in byte order `endian` (big-endian samples, run-time byte order
    /// types).
    #[inline]
    pub fn new_with(
        bytes: &'a [u8],
        rows: usize,
        cols: usize,
        endian: Endian,
    ) -> Result<Self, Error>
    where
        T: RuntimeEndian,
    {
        Self::dense(bytes, rows, cols, endian)
    }

    /// [`with_strides`](Grid::with_strides) in byte order `endian`.
    #[inline]
    pub fn with_strides_endian(
        bytes: &'a [u8],
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
    fn dense(bytes: &'a [u8], rows: usize, cols: usize, endian: Endian) -> Result<Self, Error> {
        grid_layout::dense_check::<T>(bytes.len(), rows, cols)?;
        Self::strided(
            bytes,
            0,
            [rows, cols],
            grid_layout::dense_strides(cols, T::SIZE),
            endian,
        )
    }

    /// A grid of `shape = [rows, cols]` elements where element `(r, c)` starts at byte
    /// `origin + r * strides[0] + c * strides[1]` of `bytes`. Strides may be negative, zero
    /// or smaller than an element (elements may overlap in a read-only grid).
    ///
    /// Errors with [`ErrorKind::GridBounds`](crate::ErrorKind::GridBounds) if any element reaches outside `bytes`, or with the
    /// first invalid enum or bool of an element.
    #[inline]
    pub fn with_strides(
        bytes: &'a [u8],
        origin: usize,
        shape: [usize; 2],
        strides: [isize; 2],
    ) -> Result<Self, Error> {
        Self::strided(bytes, origin, shape, strides, T::__META.default_endian)
    }

    #[inline]
    fn strided(
        bytes: &'a [u8],
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
        grid_layout::validate_all::<T>(bytes, layout, endian)?;
        Ok(Self::from_layout(bytes, layout, endian))
    }

    /// A grid whose elements were checked to lie in `bytes` and validated.
    #[inline]
    pub(crate) fn from_layout(bytes: &'a [u8], layout: Layout, endian: Endian) -> Self {
        Grid {
            bytes,
            layout,
            endian,
            _type: PhantomData,
        }
    }

    #[inline]
    fn with_layout(self, layout: Layout) -> Self {
        Self::from_layout(self.bytes, layout, self.endian)
    }

    /// `[rows, columns]` (memoryview's `shape`).
    #[inline]
    pub fn shape(&self) -> [usize; 2] {
        self.layout.shape
    }

    /// Bytes from one row to the next and from one column to the next (memoryview's
    /// `strides`).
    #[inline]
    pub fn strides(&self) -> [isize; 2] {
        self.layout.strides
    }

    /// The number of elements, rows times columns.
    #[inline]
    pub fn len(&self) -> usize {
        self.layout.len()
    }

    /// Whether the grid has no elements (no rows or no columns).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The byte order elements are read in.
    #[inline]
    pub fn endian(&self) -> Endian {
        self.endian
    }

    /// Whether the elements lie back to back in row-major order (memoryview's
    /// `c_contiguous`; a Fortran-order grid is one whose [`transpose`](Grid::transpose) is
    /// contiguous).
    pub fn is_contiguous(&self) -> bool {
        let [rows, cols] = self.layout.shape;
        let [row_stride, col_stride] = self.layout.strides;
        let size = T::SIZE as i128;
        self.is_empty()
            || ((rows <= 1 || row_stride as i128 == cols as i128 * size)
                && (cols <= 1 || col_stride as i128 == size))
    }

    /// The element at row `row`, column `col`, or `None` outside the grid
    /// (memoryview's `m[row, col]`).
    #[inline]
    pub fn get(&self, row: usize, col: usize) -> Option<T::View<'a>> {
        if row >= self.layout.shape[0] || col >= self.layout.shape[1] {
            return None;
        }
        let start = self.layout.at(row, col);
        let element = self.bytes.get(start..start.wrapping_add(T::SIZE))?;
        Some(T::__view(element, self.endian))
    }

    #[inline]
    fn row_line(&self, row: usize) -> Line {
        Line {
            first: strided::offset(self.layout.first, row, self.layout.strides[0]),
            len: self.layout.shape[1],
            step: self.layout.strides[1],
        }
    }

    /// Row `row` as a record table, or `None` past the last row.
    #[inline]
    pub fn row(&self, row: usize) -> Option<Records<'a, T>> {
        (row < self.layout.shape[0])
            .then(|| Records::from_line(self.bytes, self.row_line(row), self.endian))
    }

    /// Column `col` as a record table (strided by the row stride), or `None` past the last
    /// column.
    #[inline]
    pub fn column(&self, col: usize) -> Option<Records<'a, T>> {
        self.transpose().row(col)
    }

    /// The rows, top to bottom, as record tables.
    #[inline]
    pub fn rows(&self) -> GridRows<'a, T> {
        GridRows {
            grid: *self,
            front: 0,
            back: self.layout.shape[0],
        }
    }

    /// Every element, row by row.
    #[inline]
    pub fn iter(&self) -> GridIter<'a, T> {
        let mut rows = self.rows();
        if self.is_empty() {
            // No elements: do not walk (possibly very many) empty rows.
            rows.back = 0;
        }
        GridIter {
            rows,
            front: None,
            back: None,
            left: self.len(),
        }
    }

    /// The rows `rows` and columns `cols` (each any range form), like
    /// `array[r0:r1, c0:c1]`: a region of interest, without copying.
    #[inline]
    pub fn slice(
        &self,
        rows: impl RangeBounds<usize>,
        cols: impl RangeBounds<usize>,
    ) -> Result<Grid<'a, T>, Error> {
        Ok(self.with_layout(grid_layout::slice::<T>(self.layout, rows, cols)?))
    }

    /// Every `row_step`th row and `col_step`th column, starting with the first (like
    /// `array[::row_step, ::col_step]`); both must be at least 1.
    #[inline]
    pub fn step(&self, row_step: usize, col_step: usize) -> Result<Grid<'a, T>, Error> {
        Ok(self.with_layout(grid_layout::step::<T>(self.layout, row_step, col_step)?))
    }

    /// The rows in reverse order (upside down), like `array[::-1, :]`.
    #[inline]
    #[must_use]
    pub fn flip_rows(self) -> Grid<'a, T> {
        self.with_layout(grid_layout::flip(self.layout, 0))
    }

    /// The columns in reverse order (mirrored), like `array[:, ::-1]`.
    #[inline]
    #[must_use]
    pub fn flip_cols(self) -> Grid<'a, T> {
        self.with_layout(grid_layout::flip(self.layout, 1))
    }

    /// Rows as columns and columns as rows, like `array.T`.
    #[inline]
    #[must_use]
    pub fn transpose(self) -> Grid<'a, T> {
        self.with_layout(self.layout.transposed())
    }

    /// Copies the elements' bytes, row by row and without gaps, into `out`, which must be
    /// exactly `len() * T::SIZE` bytes long (memoryview's `tobytes`, into a buffer of yours).
    pub fn copy_to(&self, out: &mut [u8]) -> Result<(), Error> {
        let needed = self.len() * T::SIZE;
        if out.len() != needed {
            return Err(Error::copy_length::<T>(needed, out.len()));
        }
        if T::SIZE == 0 || self.is_empty() {
            return Ok(());
        }
        let mut chunks = out.chunks_exact_mut(T::SIZE);
        for row in 0..self.layout.shape[0] {
            for col in 0..self.layout.shape[1] {
                if let Some(chunk) = chunks.next() {
                    chunk.copy_from_slice(self.element_bytes(row, col));
                }
            }
        }
        Ok(())
    }

    /// The elements' bytes, row by row and without gaps (memoryview's `tobytes`).
    ///
    /// Allocates `len() * T::SIZE` bytes, which a grid whose strides repeat elements (zero or
    /// overlapping strides) can make larger than its buffer; like any `Vec`, an allocation the
    /// machine cannot make aborts. [`copy_to`](Grid::copy_to) fills a buffer of yours instead.
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<u8> {
        let mut out = alloc::vec::Vec::with_capacity(self.len() * T::SIZE);
        if self.is_empty() || T::SIZE == 0 {
            return out;
        }
        for row in 0..self.layout.shape[0] {
            for col in 0..self.layout.shape[1] {
                out.extend_from_slice(self.element_bytes(row, col));
            }
        }
        out
    }

    /// The elements' bytes, if they lie back to back in row-major order
    /// ([`is_contiguous`](Grid::is_contiguous)): the whole grid as one slice, without copying.
    pub fn as_contiguous_bytes(&self) -> Option<&'a [u8]> {
        if !self.is_contiguous() {
            return None;
        }
        if self.is_empty() {
            return Some(&[]);
        }
        let start = self.layout.first;
        self.bytes.get(start..start + self.len() * T::SIZE)
    }

    /// The bytes from the start of the element lowest in memory to the end of the element
    /// highest in memory (empty for an empty grid).
    #[cfg(feature = "ndarray")]
    pub(crate) fn lowest_bytes(&self) -> &'a [u8] {
        if self.is_empty() {
            return &[];
        }
        let [rows, cols] = self.layout.shape;
        let [row_stride, col_stride] = self.layout.strides;
        let (mut low, mut high) = (self.layout.first, self.layout.first);
        for (n, stride) in [(rows, row_stride), (cols, col_stride)] {
            if stride < 0 {
                low = strided::offset(low, n - 1, stride);
            } else {
                high = strided::offset(high, n - 1, stride);
            }
        }
        self.bytes
            .get(low..high.wrapping_add(T::SIZE))
            .unwrap_or(&[])
    }

    /// Whether two elements share bytes (zero or overlapping strides).
    #[cfg(feature = "ndarray")]
    pub(crate) fn overlaps(&self) -> bool {
        grid_layout::find_overlap(self.layout, T::SIZE).is_some()
    }

    /// The bytes of element `(row, col)`, which exists.
    #[inline]
    pub(crate) fn element_bytes(&self, row: usize, col: usize) -> &'a [u8] {
        let start = self.layout.at(row, col);
        self.bytes
            .get(start..start.wrapping_add(T::SIZE))
            .unwrap_or(&[])
    }
}

impl<'a, T: Overlay> fmt::Debug for Grid<'a, T>
where
    T::View<'a>: fmt::Debug,
{
    /// Shape, strides and the first rows (up to 8 rows of up to 16 elements).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Row<'a, T: Overlay>(Records<'a, T>);
        impl<'a, T: Overlay> fmt::Debug for Row<'a, T>
        where
            T::View<'a>: fmt::Debug,
        {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut list = f.debug_list();
                list.entries(self.0.iter().take(16));
                if self.0.len() > 16 {
                    list.finish_non_exhaustive()
                } else {
                    list.finish()
                }
            }
        }
        struct Rows<'a, T: Overlay>(Grid<'a, T>);
        impl<'a, T: Overlay> fmt::Debug for Rows<'a, T>
        where
            T::View<'a>: fmt::Debug,
        {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut list = f.debug_list();
                list.entries(self.0.rows().take(8).map(Row));
                if self.0.shape()[0] > 8 {
                    list.finish_non_exhaustive()
                } else {
                    list.finish()
                }
            }
        }
        f.debug_struct("Grid")
            .field("shape", &self.layout.shape)
            .field("strides", &self.layout.strides)
            .field("rows", &Rows(*self))
            .finish()
    }
}

impl<'a, T: Overlay> IntoIterator for Grid<'a, T> {
    type Item = T::View<'a>;
    type IntoIter = GridIter<'a, T>;
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T: Overlay> IntoIterator for &Grid<'a, T> {
    type Item = T::View<'a>;
    type IntoIter = GridIter<'a, T>;
    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over the rows of a [`Grid`], as record tables: see [`Grid::rows`].
pub struct GridRows<'a, T: Overlay> {
    pub(crate) grid: Grid<'a, T>,
    pub(crate) front: usize,
    pub(crate) back: usize,
}

impl<T: Overlay> Clone for GridRows<'_, T> {
    fn clone(&self) -> Self {
        GridRows {
            grid: self.grid,
            front: self.front,
            back: self.back,
        }
    }
}

impl<'a, T: Overlay> Iterator for GridRows<'a, T> {
    type Item = Records<'a, T>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        self.front += 1;
        let line = self.grid.row_line(self.front - 1);
        Some(Records::from_line(self.grid.bytes, line, self.grid.endian))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }

    #[inline]
    fn nth(&mut self, n: usize) -> Option<Self::Item> {
        self.front = self.front.saturating_add(n).min(self.back);
        self.next()
    }
}

impl<T: Overlay> DoubleEndedIterator for GridRows<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        let line = self.grid.row_line(self.back);
        Some(Records::from_line(self.grid.bytes, line, self.grid.endian))
    }
}

impl<T: Overlay> ExactSizeIterator for GridRows<'_, T> {}
impl<T: Overlay> FusedIterator for GridRows<'_, T> {}

/// Iterator over every element of a [`Grid`], row by row: see [`Grid::iter`].
pub struct GridIter<'a, T: Overlay> {
    rows: GridRows<'a, T>,
    front: Option<RecordsIter<'a, T>>,
    back: Option<RecordsIter<'a, T>>,
    left: usize,
}

impl<T: Overlay> Clone for GridIter<'_, T> {
    fn clone(&self) -> Self {
        GridIter {
            rows: self.rows.clone(),
            front: self.front.clone(),
            back: self.back.clone(),
            left: self.left,
        }
    }
}

impl<'a, T: Overlay> Iterator for GridIter<'a, T> {
    type Item = T::View<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(element) = self.front.as_mut().and_then(Iterator::next) {
                self.left -= 1;
                return Some(element);
            }
            match self.rows.next() {
                Some(row) => self.front = Some(row.iter()),
                None => {
                    let element = self.back.as_mut().and_then(Iterator::next)?;
                    self.left -= 1;
                    return Some(element);
                }
            }
        }
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<T: Overlay> DoubleEndedIterator for GridIter<'_, T> {
    #[inline]
    fn next_back(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(element) = self.back.as_mut().and_then(DoubleEndedIterator::next_back) {
                self.left -= 1;
                return Some(element);
            }
            match self.rows.next_back() {
                Some(row) => self.back = Some(row.iter()),
                None => {
                    let element = self
                        .front
                        .as_mut()
                        .and_then(DoubleEndedIterator::next_back)?;
                    self.left -= 1;
                    return Some(element);
                }
            }
        }
    }
}

impl<T: Overlay> ExactSizeIterator for GridIter<'_, T> {}
impl<T: Overlay> FusedIterator for GridIter<'_, T> {}
