//! The record-table and grid types, defined on their own so that the `Overlay` trait can name
//! them (its `records` and `grid` constructors return them) without depending on their code:
//! their methods are in `records.rs`, `records_mut.rs`, `grid.rs` and `grid_mut.rs`.

use core::marker::PhantomData;

use crate::endian::Endian;
use crate::strided::{Layout, Line};

/// A read-only table of records of type `T` inside a byte slice, like Python's
/// `struct.iter_unpack` and a one-dimensional `memoryview`: `get(i)` and iteration give
/// [`Overlay::View`](crate::Overlay::View)s.
///
/// Built by [`Overlay::records`](crate::Overlay::records) (records back to back) or [`Records::with_stride`] (records
/// in larger slots, as in an ELF section header table). Every record was validated when the
/// table was built, so reading never fails.
///
/// Like a `memoryview`, a table can be sliced ([`slice`](Records::slice)), stepped
/// ([`step_by`](Records::step_by)), reversed ([`rev`](Records::rev)), split
/// ([`split_at`](Records::split_at), [`chunks`](Records::chunks)) in O(1) without copying; the
/// result is again a `Records` over the same bytes.
///
/// ```
/// use overlay_core::Overlay;
///
/// let bytes: Vec<u8> = (0..10).collect();
/// let table = u8::records(&bytes)?;
/// let picked = table.slice(2..9)?.step_by(3)?.rev();
/// assert_eq!(picked.iter().collect::<Vec<_>>(), [8, 5, 2]);
/// assert_eq!(picked.stride(), -3);
/// assert_eq!(picked.to_vec(), [8, 5, 2]);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct Records<'a, T> {
    /// Holds every record (and maybe more bytes around them).
    pub(crate) bytes: &'a [u8],
    pub(crate) line: Line,
    pub(crate) endian: Endian,
    pub(crate) _type: PhantomData<fn() -> T>,
}

/// A writable table of records of type `T` inside a mutable byte slice.
///
/// Built by [`Overlay::records_mut`](crate::Overlay::records_mut) or [`RecordsMut::with_stride`]; every record was validated
/// when the table was built. No two records share a byte, so the table can be split into
/// disjoint writable parts ([`split_at_mut`](RecordsMut::split_at_mut),
/// [`chunks_mut`](RecordsMut::chunks_mut)), for example to hand them to threads.
///
/// ```
/// use overlay_core::Overlay;
///
/// let mut bytes = [0u8; 8];
/// let mut table = u8::records_mut(&mut bytes)?;
/// let (mut left, mut right) = table.split_at_mut(4)?;
/// for mut value in left.iter_mut() { value.set(1); }
/// for mut value in right.iter_mut().rev() { value.set(2); }
/// assert_eq!(bytes, [1, 1, 1, 1, 2, 2, 2, 2]);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct RecordsMut<'a, T> {
    /// Holds every record (and maybe more bytes around them).
    pub(crate) bytes: &'a mut [u8],
    pub(crate) line: Line,
    pub(crate) endian: Endian,
    pub(crate) _type: PhantomData<fn() -> T>,
}

/// A read-only two-dimensional table of `T` inside a byte slice: an image, a matrix, a
/// NumPy array, a region of interest of any of them. Python's two-dimensional `memoryview`,
/// with Rust's borrow of the buffer.
///
/// Element `(r, c)` starts at byte `origin + r * strides[0] + c * strides[1]`. Strides are in
/// bytes and signed: a bottom-up image has a negative row stride, a column-major array a row
/// stride of one element. Slicing ([`slice`](Grid::slice)), stepping, flipping and transposing
/// change only these numbers, in O(1), and give another `Grid` over the same bytes.
///
/// The origin, shape and strides are checked against the buffer once, when the grid is built
/// (and every element validated, for types with enums or bools); after that every accessor
/// is infallible.
///
/// ```
/// use overlay_core::{Grid, Overlay};
///
/// // A 3x4 image of one byte per pixel, row-major.
/// let pixels: Vec<u8> = (0..12).collect();
/// let image = u8::grid(&pixels, 3, 4)?;
/// assert_eq!(image.get(1, 2), Some(6));
///
/// // A region of interest: rows 1.., columns 1..3, without copying.
/// let roi = image.slice(1.., 1..3)?;
/// assert_eq!(roi.shape(), [2, 2]);
/// assert_eq!(roi.to_vec(), [5, 6, 9, 10]);
///
/// // Flipped upside down, then every other column.
/// let flipped = image.flip_rows().step(1, 2)?;
/// assert_eq!(flipped.row(0).unwrap().iter().collect::<Vec<_>>(), [8, 10]);
/// assert_eq!(flipped.strides(), [-4, 2]);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct Grid<'a, T> {
    /// Holds every element (and maybe more bytes around them).
    pub(crate) bytes: &'a [u8],
    pub(crate) layout: Layout,
    pub(crate) endian: Endian,
    pub(crate) _type: PhantomData<fn() -> T>,
}

/// A writable two-dimensional table of `T` inside a mutable byte slice: edit an image's region
/// of interest or a NumPy array in place. See [`Grid`] for the layout (origin, shape and signed
/// byte strides); a `GridMut` additionally refuses strides under which two elements would share
/// a byte ([`ErrorKind::GridOverlap`](crate::ErrorKind::GridOverlap)), so every element has bytes of its own.
///
/// ```
/// use overlay_core::{GridMut, Overlay};
///
/// let mut pixels = [0u8; 12];
/// let mut image = u8::grid_mut(&mut pixels, 3, 4)?;
/// let mut roi = image.slice_mut(1..3, 1..3)?;
/// roi.fill(&9)?;
/// if let Some(mut corner) = roi.get_mut(0, 0) { corner.set(7); }
/// assert_eq!(pixels, [0, 0, 0, 0, 0, 7, 9, 0, 0, 9, 9, 0]);
/// # Ok::<(), overlay_core::Error>(())
/// ```
pub struct GridMut<'a, T> {
    /// Holds every element (and maybe more bytes around them).
    pub(crate) bytes: &'a mut [u8],
    pub(crate) layout: Layout,
    pub(crate) endian: Endian,
    pub(crate) _type: PhantomData<fn() -> T>,
}
