//! A grid of plain numbers handed to the `ndarray` crate without copying (feature `ndarray`).

use ndarray::{ArrayView2, Axis as NdAxis, ShapeBuilder};

use crate::endian::Endian;
use crate::error::{Error, Site};
use crate::overlay::Overlay;
use crate::tables::Grid;
use crate::type_info::TypeInfo;

/// Element types a [`Grid`] can hand to `ndarray` as they lie in memory: the integer and
/// floating-point scalars, whose `Overlay` view is the value itself.
pub trait NdElement: Overlay + bytemuck::Pod {}

macro_rules! nd_element {
    ($($ty:ty),*) => {$( impl NdElement for $ty {} )*};
}
nd_element!(u8, i8, u16, i16, u32, i32, u64, i64, u128, i128, f32, f64);

impl<'a, T: NdElement> Grid<'a, T> {
    /// The grid as an `ndarray::ArrayView2` over the same bytes, without copying.
    ///
    /// Possible when the elements can be read as they lie: in the machine's byte order (or
    /// one byte each), at addresses aligned for `T`, with strides that are whole multiples
    /// of `T`'s size and that do not repeat elements. Otherwise an [`ErrorKind::NotNdarray`](crate::ErrorKind::NotNdarray) says which condition fails; copy
    /// the grid (`to_vec`) or read it through [`Grid::get`] instead. Negative strides
    /// (flipped grids) are supported.
    pub fn as_ndarray(&self) -> Result<ArrayView2<'a, T>, Error> {
        // One static error site per reason.
        macro_rules! refuse {
            ($reason:expr $(,)?) => {
                Error::not_ndarray(
                    const { &Site::not_ndarray(const { &TypeInfo::of::<T>() }, $reason) },
                )
            };
        }
        let size = core::mem::size_of::<T>();
        if size > 1 && self.endian() != Endian::NATIVE {
            return Err(refuse!("its elements are not in the machine's byte order"));
        }
        let [rows, cols] = self.shape();
        let strides = self.strides();
        // The stride of an axis of one element is never used, so it may be anything.
        let used = |axis: usize| [rows, cols][axis] > 1;
        if (0..2).any(|axis| used(axis) && strides[axis] % size as isize != 0) {
            return Err(refuse!(
                "its strides are not whole multiples of the element size",
            ));
        }
        if self.overlaps() {
            return Err(refuse!(
                "its strides repeat elements (zero or overlapping strides), which ndarray does \
                 not accept",
            ));
        }
        if self.is_empty() {
            return ArrayView2::from_shape((rows, cols), &[])
                .map_err(|_| refuse!("ndarray refused its shape"));
        }
        // Built from the element lowest in memory with the strides' magnitudes, then flipped
        // along every axis whose stride is negative.
        let bytes = self.lowest_bytes();
        let numbers: &'a [T] = bytemuck::try_cast_slice(bytes)
            .map_err(|_| refuse!("its bytes are not aligned for the element type"))?;
        let magnitude = |axis: usize, n: usize| {
            if n <= 1 {
                0
            } else {
                strides[axis].unsigned_abs() / size
            }
        };
        let shape = (rows, cols).strides((magnitude(0, rows), magnitude(1, cols)));
        let mut view = ArrayView2::from_shape(shape, numbers)
            .map_err(|_| refuse!("ndarray refused its shape and strides"))?;
        for (axis, n) in [rows, cols].into_iter().enumerate() {
            if strides[axis] < 0 && n > 1 {
                view.invert_axis(NdAxis(axis));
            }
        }
        Ok(view)
    }
}
