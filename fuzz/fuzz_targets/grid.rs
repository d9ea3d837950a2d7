//! Grids and strided tables built from arbitrary origins, shapes, strides and operation chains
//! agree with a reference model (element `(r, c)` at byte `origin + r*s0 + c*s1`, in i128), and
//! a writable grid never lets two elements share a byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::{Grid, GridMut};
use overlay_fuzz::{pick, word};

/// The model: where each element of a grid starts, or `None` for a grid the library must refuse.
#[derive(Clone, Copy, Debug)]
struct Model {
    origin: i128,
    shape: [usize; 2],
    strides: [i128; 2],
}

impl Model {
    fn at(&self, r: usize, c: usize) -> i128 {
        self.origin + r as i128 * self.strides[0] + c as i128 * self.strides[1]
    }

    fn fits(&self, len: usize, size: usize) -> bool {
        let count = self.shape[0] as u128 * self.shape[1] as u128;
        if count
            .checked_mul(size as u128)
            .is_none_or(|b| b > isize::MAX as u128)
        {
            return false;
        }
        if count == 0 {
            return self.origin <= len as i128;
        }
        let corners = [
            self.at(0, 0),
            self.at(self.shape[0] - 1, 0),
            self.at(0, self.shape[1] - 1),
            self.at(self.shape[0] - 1, self.shape[1] - 1),
        ];
        corners
            .iter()
            .all(|&s| s >= 0 && s + size as i128 <= len as i128)
    }

    fn apply(&mut self, op: u8, a: usize, b: usize) {
        let [rows, cols] = self.shape;
        match op % 5 {
            0 => {
                // slice: a..b style ranges inside the shape
                let (r0, r1) = (a % rows.saturating_add(1), b % rows.saturating_add(1));
                let (c0, c1) = (b % cols.saturating_add(1), a % cols.saturating_add(1));
                let (r0, r1) = (r0.min(r1), r0.max(r1));
                let (c0, c1) = (c0.min(c1), c0.max(c1));
                if r1 > r0 && c1 > c0 {
                    self.origin = self.at(r0, c0);
                }
                self.shape = [r1 - r0, c1 - c0];
            }
            1 => {
                let (rs, cs) = (a % 4 + 1, b % 4 + 1);
                self.shape = [rows.div_ceil(rs), cols.div_ceil(cs)];
                self.strides = [self.strides[0] * rs as i128, self.strides[1] * cs as i128];
            }
            2 => {
                if rows > 0 && cols > 0 {
                    self.origin = self.at(rows - 1, 0);
                }
                self.strides[0] = -self.strides[0];
            }
            3 => {
                if rows > 0 && cols > 0 {
                    self.origin = self.at(0, cols - 1);
                }
                self.strides[1] = -self.strides[1];
            }
            _ => {
                self.shape = [cols, rows];
                self.strides = [self.strides[1], self.strides[0]];
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 48 {
        return;
    }
    let origin = pick(word(data, 0), 64) as usize;
    let shape = [
        pick(word(data, 8), 12) as usize,
        pick(word(data, 16), 12) as usize,
    ];
    let strides = [
        pick(word(data, 24), 17) as i64 as isize - 8,
        pick(word(data, 32), 9) as i64 as isize - 4,
    ];
    let ops = &data[40..48];
    let mut buffer = data[48..].to_vec();
    let len = buffer.len();
    let mut model = Model {
        origin: origin as i128,
        shape,
        strides: [strides[0] as i128, strides[1] as i128],
    };

    // Validation: a grid of bools (elements may overlap) is accepted exactly when it fits and
    // no element start holds a byte other than 0 or 1; an error names a bad start.
    let count = shape[0].saturating_mul(shape[1]);
    if model.fits(len, 1) && count > 0 && count <= 1 << 16 {
        let bad_starts: Vec<usize> = (0..shape[0])
            .flat_map(|r| (0..shape[1]).map(move |c| (r, c)))
            .map(|(r, c)| model.at(r, c) as usize)
            .filter(|&at| buffer[at] > 1)
            .collect();
        match Grid::<bool>::with_strides(&buffer, origin, shape, strides).map_err(|e| e.kind()) {
            Ok(_) => assert!(
                bad_starts.is_empty(),
                "accepted bad bools at {bad_starts:?}"
            ),
            Err(overlay::ErrorKind::InvalidBool { offset, .. }) => {
                assert!(
                    bad_starts.contains(&offset),
                    "{offset} is not a bad element start"
                )
            }
            Err(other) => panic!("unexpected {other}"),
        }
    }

    // Read-only: accepted exactly when the model fits; then every accessor agrees with it.
    let built = Grid::<[u8; 2]>::with_strides(&buffer, origin, shape, strides);
    assert_eq!(
        built.is_ok(),
        model.fits(len, 2),
        "{model:?} over {len} bytes: {built:?}"
    );
    if let Ok(mut grid) = built {
        for chunk in ops.chunks_exact(2) {
            let (op, arg) = (chunk[0], chunk[1] as usize);
            grid = match op % 5 {
                0 => {
                    let [rows, cols] = grid.shape();
                    let (a, b) = (arg, arg / 3 + 1);
                    let (r0, r1) = (a % rows.saturating_add(1), b % rows.saturating_add(1));
                    let (c0, c1) = (b % cols.saturating_add(1), a % cols.saturating_add(1));
                    grid.slice(r0.min(r1)..r0.max(r1), c0.min(c1)..c0.max(c1))
                        .unwrap()
                }
                1 => grid.step(arg % 4 + 1, arg / 3 % 4 + 1).unwrap(),
                2 => grid.flip_rows(),
                3 => grid.flip_cols(),
                _ => grid.transpose(),
            };
            model.apply(op, arg, if op % 5 == 0 { arg / 3 + 1 } else { arg / 3 });
            assert_eq!(grid.shape(), model.shape);
        }
        if grid.is_empty() {
            assert_eq!(grid.iter().count(), 0);
            assert_eq!(grid.to_vec(), Vec::<u8>::new());
            return;
        }
        let mut flat = vec![0u8; grid.len() * 2];
        grid.copy_to(&mut flat).unwrap();
        let mut elements = grid.iter();
        for r in 0..model.shape[0] {
            let row = grid.row(r).unwrap();
            for c in 0..model.shape[1] {
                let at = model.at(r, c) as usize;
                let expected = [buffer[at], buffer[at + 1]];
                assert_eq!(grid.get(r, c), Some(&expected));
                assert_eq!(row.get(c), Some(&expected));
                assert_eq!(grid.column(c).unwrap().get(r), Some(&expected));
                assert_eq!(elements.next(), Some(&expected));
                let i = (r * model.shape[1] + c) * 2;
                assert_eq!(&flat[i..i + 2], &expected);
            }
        }
        assert_eq!(elements.next(), None);
        assert!(grid.get(model.shape[0], 0).is_none());
    }

    // Writable: accepted only without overlap; writing each element's index into it and reading
    // every element back proves no two share a byte.
    if let Ok(mut grid) = GridMut::<u16>::with_strides(&mut buffer, origin, shape, strides) {
        let [rows, cols] = grid.shape();
        if grid.is_empty() {
            return;
        }
        for r in 0..rows {
            for c in 0..cols {
                grid.get_mut(r, c).unwrap().set((r * cols + c) as u16);
            }
        }
        for r in 0..rows {
            for c in 0..cols {
                assert_eq!(
                    grid.get(r, c),
                    Some((r * cols + c) as u16),
                    "({r}, {c}) aliased"
                );
            }
        }
        if let Ok(mut rows_mut) = grid.rows_mut() {
            let all: Vec<_> = rows_mut.by_ref().collect();
            assert_eq!(all.len(), rows);
        }
        let _ = grid.split_at_row_mut(ops[0] as usize % rows.saturating_add(2));
    }
});
