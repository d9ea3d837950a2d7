//! `Grid::as_ndarray`: the same elements as the grid's own accessors, for every orientation a
//! grid can have, without copying; and a clear error where ndarray cannot see the bytes as
//! they lie.

use overlay::ndarray::ArrayView2;
use overlay::{Endian, ErrorKind, Grid, NdElement, Overlay};

fn same<T>(grid: Grid<'_, T>, array: ArrayView2<'_, T>)
where
    for<'a> T: NdElement + PartialEq + std::fmt::Debug + Overlay<View<'a> = T>,
{
    assert_eq!(array.dim(), (grid.shape()[0], grid.shape()[1]));
    for r in 0..grid.shape()[0] {
        for c in 0..grid.shape()[1] {
            assert_eq!(Some(array[[r, c]]), grid.get(r, c), "element ({r}, {c})");
        }
    }
}

#[test]
fn every_orientation_of_a_byte_grid_is_the_same_array() {
    let bytes: Vec<u8> = (0..=255).cycle().take(7 * 9).collect();
    let grid = u8::grid(&bytes, 7, 9).unwrap();
    let variants = [
        grid,
        grid.flip_rows(),
        grid.flip_cols(),
        grid.transpose(),
        grid.flip_rows().transpose().flip_rows(),
        grid.slice(1..6, 2..8).unwrap().step(2, 3).unwrap(),
        grid.slice(3..3, ..).unwrap(),
    ];
    for variant in variants {
        let array = variant.as_ndarray().unwrap();
        same(variant, array);
    }
    // No copy: the array's first element is the grid's byte.
    let array = grid.as_ndarray().unwrap();
    assert!(std::ptr::eq(&array[[2, 3]], &bytes[2 * 9 + 3]));
}

#[test]
fn native_numbers_become_arrays_and_others_are_refused_with_the_reason() {
    let values: Vec<f32> = (0..12).map(|v| v as f32 * 0.5).collect();
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_ne_bytes()).collect();
    // Vec<u8> from the allocator is aligned well beyond 4 bytes in practice; find out.
    let aligned = bytes.as_ptr().align_offset(4) == 0;
    let grid = Grid::<f32>::new_with(&bytes, 3, 4, Endian::NATIVE).unwrap();
    if aligned {
        same(
            grid.transpose().flip_cols(),
            grid.transpose().flip_cols().as_ndarray().unwrap(),
        );
    }
    let other = if Endian::NATIVE == Endian::Little {
        Endian::Big
    } else {
        Endian::Little
    };
    let swapped = Grid::<f32>::new_with(&bytes, 3, 4, other).unwrap();
    assert_eq!(
        swapped.as_ndarray().unwrap_err().to_string(),
        "Grid<f32> cannot be viewed as an ndarray array without copying: its elements are not \
         in the machine's byte order"
    );
    let odd = Grid::<f32>::with_strides_endian(&bytes, 0, [2, 2], [6, 4], Endian::NATIVE).unwrap();
    assert!(matches!(
        odd.as_ndarray().map_err(|e| e.kind()),
        Err(ErrorKind::NotNdarray {
            type_name: "f32",
            ..
        })
    ));
    if aligned {
        let shifted =
            Grid::<f32>::with_strides_endian(&bytes, 1, [2, 2], [16, 4], Endian::NATIVE).unwrap();
        assert_eq!(
            shifted.as_ndarray().unwrap_err().to_string(),
            "Grid<f32> cannot be viewed as an ndarray array without copying: its bytes are not \
             aligned for the element type"
        );
    }
}

#[test]
fn repeated_elements_are_refused_and_unused_strides_do_not_matter() {
    let bytes: Vec<u8> = (0..16).collect();
    let broadcast = Grid::<u8>::with_strides(&bytes, 0, [3, 4], [0, 1]).unwrap();
    assert_eq!(
        broadcast.as_ndarray().unwrap_err().to_string(),
        "Grid<u8> cannot be viewed as an ndarray array without copying: its strides repeat \
         elements (zero or overlapping strides), which ndarray does not accept"
    );
    // One row: its stride of 3 bytes is never used, so a u16 grid is still an array.
    let words: Vec<u8> = (0..8).flat_map(|v: u16| v.to_ne_bytes()).collect();
    if words.as_ptr().align_offset(2) == 0 {
        let row =
            Grid::<u16>::with_strides_endian(&words, 0, [1, 4], [3, 2], Endian::NATIVE).unwrap();
        same(row, row.as_ndarray().unwrap());
    }
}
