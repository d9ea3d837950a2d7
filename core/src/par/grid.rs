//! Parallel iteration over the rows of a grid: read-only tables ([`Grid::par_rows`]) and
//! disjoint writable ones ([`GridMut::par_rows_mut`]).

use rayon::iter::plumbing::Producer;

use crate::error::Error;
use crate::grid::GridRows;
use crate::grid_mut::GridRowsMut;
use crate::overlay::Overlay;
use crate::tables::{Grid, GridMut, Records, RecordsMut};

impl<'a, T: Overlay> Grid<'a, T> {
    /// The rows, top to bottom, in parallel: a rayon `IndexedParallelIterator` yielding the
    /// record tables [`rows`](Grid::rows) yields, in the same order. Splitting only changes a
    /// range of row numbers, so any layout works (flipped, transposed, stepped, overlapping);
    /// a row is walked by its table's sequential iterator, or in parallel again with
    /// [`Records::par_iter`].
    ///
    /// ```
    /// use overlay_core::rayon::prelude::*;
    /// use overlay_core::Overlay;
    ///
    /// let pixels: Vec<u8> = (0..12).collect();
    /// let image = u8::grid(&pixels, 3, 4)?;
    /// let sums: Vec<u32> = image
    ///     .par_rows()
    ///     .map(|row| row.iter().map(u32::from).sum())
    ///     .collect();
    /// assert_eq!(sums, [6, 22, 38]);
    ///
    /// // Column sums: the rows of the transposed grid.
    /// let columns: Vec<u32> = image
    ///     .transpose()
    ///     .par_rows()
    ///     .map(|column| column.iter().map(u32::from).sum())
    ///     .collect();
    /// assert_eq!(columns, [12, 15, 18, 21]);
    /// # Ok::<(), overlay_core::Error>(())
    /// ```
    #[inline]
    pub fn par_rows(&self) -> GridParRows<'a, T> {
        GridParRows {
            producer: RowsProducer(self.rows()),
        }
    }
}

impl<'a, T: Overlay> GridMut<'a, T> {
    /// The rows, top to bottom, as disjoint writable record tables, in parallel: a rayon
    /// `IndexedParallelIterator` yielding the tables [`rows_mut`](GridMut::rows_mut) yields,
    /// in the same order. Rayon splits the grid with
    /// [`split_at_row_mut`](GridMut::split_at_row_mut)'s O(1) split.
    ///
    /// Errors, as `rows_mut` does, with
    /// [`ErrorKind::RowsInterleave`](crate::ErrorKind::RowsInterleave) when the rows' bytes
    /// interleave (a column-major grid): transpose it first.
    ///
    /// ```
    /// use overlay_core::rayon::prelude::*;
    /// use overlay_core::{ErrorKind, Overlay};
    ///
    /// let mut pixels = [0u8; 12];
    /// let mut image = u8::grid_mut(&mut pixels, 3, 4)?.flip_rows();
    /// image.par_rows_mut()?.enumerate().for_each(|(r, mut row)| {
    ///     for mut pixel in row.iter_mut() {
    ///         pixel.set(r as u8);
    ///     }
    /// });
    /// assert_eq!(pixels, [2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0]);
    ///
    /// let mut columns = u8::grid_mut(&mut pixels, 3, 4)?.transpose();
    /// assert!(matches!(
    ///     columns.par_rows_mut().err().map(|e| e.kind()),
    ///     Some(ErrorKind::RowsInterleave { .. })
    /// ));
    /// # Ok::<(), overlay_core::Error>(())
    /// ```
    pub fn par_rows_mut(&mut self) -> Result<GridParRowsMut<'_, T>, Error> {
        self.check_rows_apart()?;
        Ok(GridParRowsMut {
            producer: RowsMutProducer(self.reborrow()),
        })
    }
}

/// A parallel iterator over the rows of a [`Grid`], as record tables: see [`Grid::par_rows`].
///
/// ```
/// use overlay_core::rayon::prelude::*;
/// use overlay_core::{GridParRows, Overlay};
///
/// let pixels = [1u8; 12];
/// let rows: GridParRows<'_, u8> = u8::grid(&pixels, 4, 3)?.par_rows();
/// assert_eq!(rows.map(|row| row.len()).sum::<usize>(), 12);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct GridParRows<'a, T: Overlay> {
    producer: RowsProducer<'a, T>,
}

indexed_by_producer!(GridParRows => Records<'a, T>);

/// Rayon's view of a grid's rows: a range of row numbers, walked by [`GridRows`].
struct RowsProducer<'a, T: Overlay>(GridRows<'a, T>);

impl<T: Overlay> RowsProducer<'_, T> {
    #[inline]
    fn len(&self) -> usize {
        self.0.back - self.0.front
    }
}

impl<'a, T: Overlay> Producer for RowsProducer<'a, T> {
    type Item = Records<'a, T>;
    type IntoIter = GridRows<'a, T>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.0
    }

    #[inline]
    fn split_at(self, index: usize) -> (Self, Self) {
        let GridRows { grid, front, back } = self.0;
        let mid = front.saturating_add(index).min(back);
        (
            RowsProducer(GridRows {
                grid,
                front,
                back: mid,
            }),
            RowsProducer(GridRows {
                grid,
                front: mid,
                back,
            }),
        )
    }
}

/// A parallel iterator over the rows of a [`GridMut`], as disjoint writable record tables: see
/// [`GridMut::par_rows_mut`].
///
/// ```
/// use overlay_core::rayon::prelude::*;
/// use overlay_core::{GridParRowsMut, Overlay};
///
/// let mut pixels = [0u8; 6];
/// let mut image = u8::grid_mut(&mut pixels, 2, 3)?;
/// let rows: GridParRowsMut<'_, u8> = image.par_rows_mut()?;
/// rows.for_each(|mut row| {
///     if let Some(mut last) = row.get_mut(2) {
///         last.set(9);
///     }
/// });
/// assert_eq!(pixels, [0, 0, 9, 0, 0, 9]);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct GridParRowsMut<'a, T: Overlay> {
    producer: RowsMutProducer<'a, T>,
}

indexed_by_producer!(GridParRowsMut => RecordsMut<'a, T>);

/// Rayon's view of a writable grid whose rows are apart in memory: split between rows into
/// disjoint grids, walked by [`GridRowsMut`].
struct RowsMutProducer<'a, T: Overlay>(GridMut<'a, T>);

impl<T: Overlay> RowsMutProducer<'_, T> {
    #[inline]
    fn len(&self) -> usize {
        self.0.shape()[0]
    }
}

impl<'a, T: Overlay> Producer for RowsMutProducer<'a, T> {
    type Item = RecordsMut<'a, T>;
    type IntoIter = GridRowsMut<'a, T>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        GridRowsMut { rest: Some(self.0) }
    }

    #[inline]
    fn split_at(self, index: usize) -> (Self, Self) {
        let (head, tail) = self.0.split_rows(index);
        (RowsMutProducer(head), RowsMutProducer(tail))
    }
}
