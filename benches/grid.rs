//! `grid`: sums over two-dimensional data in place, the way an image or array user writes them.
//!
//! - `bgr_*`: the green channel of a 1920x1080 24-bit BGR image (a derived `Bgr` record per
//!   pixel), over the whole image and over a region of interest (ROI).
//! - `f32_*`: a 1080x1920 array of big-endian `f32` samples (as a `.npy` of `>f4` holds them):
//!   full, ROI, transposed (column by column) and stepped (every 3rd row and 2nd column).
//!
//! Contenders: overlay's `Grid` (rows, then the records of each row), hand-written index
//! arithmetic over the byte slice, and `ndarray` slicing (for BGR on the same bytes as an
//! `ArrayView3<u8>`; for big-endian `f32`, which ndarray cannot read in place, on a native
//! copy made once beforehand, so it does less work than the others).
//!
//! `GRID_PROBE=<kernel> <bench binary>` runs one kernel 20 times and exits, for callgrind
//! (`benches/grid_report.sh` prints the README table).

use std::hint::black_box;

use criterion::{criterion_group, Criterion, Throughput};
use ndarray::{s, Array2, ArrayView3};
use overlay::{Endian, Grid, Overlay};

#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bgr {
    pub b: u8,
    pub g: u8,
    pub r: u8,
}

const ROWS: usize = 1080;
const COLS: usize = 1920;
/// The region of interest: rows and columns.
const ROI: ([usize; 2], [usize; 2]) = ([100, 900], [300, 1500]);

fn image() -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    (0..ROWS * COLS * 3)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

fn samples() -> Vec<u8> {
    (0..ROWS * COLS)
        .flat_map(|i| (((i * 7919) % 10007) as f32 * 0.25 - 1000.0).to_be_bytes())
        .collect()
}

// ---- BGR image, green channel ----

#[inline(never)]
fn bgr_full_overlay(bytes: &[u8]) -> u64 {
    let image = Bgr::grid(bytes, ROWS, COLS).expect("a whole image");
    let mut sum = 0u64;
    for row in image.rows() {
        for pixel in row.iter() {
            sum += u64::from(pixel.g());
        }
    }
    sum
}

#[inline(never)]
fn bgr_full_hand(bytes: &[u8]) -> u64 {
    let mut sum = 0u64;
    for row in bytes.chunks_exact(COLS * 3) {
        for pixel in row.chunks_exact(3) {
            sum += u64::from(pixel[1]);
        }
    }
    sum
}

#[inline(never)]
fn bgr_full_ndarray(bytes: &[u8]) -> u64 {
    let image = ArrayView3::from_shape((ROWS, COLS, 3), bytes).expect("a whole image");
    image
        .slice(s![.., .., 1])
        .iter()
        .map(|&g| u64::from(g))
        .sum()
}

#[inline(never)]
fn bgr_roi_overlay(bytes: &[u8]) -> u64 {
    let ([r0, r1], [c0, c1]) = ROI;
    let image = Bgr::grid(bytes, ROWS, COLS).expect("a whole image");
    let roi = image.slice(r0..r1, c0..c1).expect("the ROI is inside");
    let mut sum = 0u64;
    for row in roi.rows() {
        for pixel in row.iter() {
            sum += u64::from(pixel.g());
        }
    }
    sum
}

#[inline(never)]
fn bgr_roi_hand(bytes: &[u8]) -> u64 {
    let ([r0, r1], [c0, c1]) = ROI;
    let stride = COLS * 3;
    let mut sum = 0u64;
    for y in r0..r1 {
        let row = &bytes[y * stride + c0 * 3..y * stride + c1 * 3];
        for pixel in row.chunks_exact(3) {
            sum += u64::from(pixel[1]);
        }
    }
    sum
}

#[inline(never)]
fn bgr_roi_ndarray(bytes: &[u8]) -> u64 {
    let ([r0, r1], [c0, c1]) = ROI;
    let image = ArrayView3::from_shape((ROWS, COLS, 3), bytes).expect("a whole image");
    let mut sum = 0u64;
    for row in image.slice(s![r0..r1, c0..c1, 1]).rows() {
        for &g in row {
            sum += u64::from(g);
        }
    }
    sum
}

// ---- big-endian f32 array ----

#[inline(never)]
fn f32_full_overlay(bytes: &[u8]) -> f64 {
    let array = Grid::<f32>::new_with(bytes, ROWS, COLS, Endian::Big).expect("whole array");
    let mut sum = 0f64;
    for row in array.rows() {
        for value in row.iter() {
            sum += f64::from(value);
        }
    }
    sum
}

#[inline(never)]
fn f32_full_hand(bytes: &[u8]) -> f64 {
    let mut sum = 0f64;
    for row in bytes.chunks_exact(COLS * 4) {
        for value in row.chunks_exact(4) {
            sum += f64::from(f32::from_be_bytes([value[0], value[1], value[2], value[3]]));
        }
    }
    sum
}

#[inline(never)]
fn f32_full_ndarray(array: &Array2<f32>) -> f64 {
    let mut sum = 0f64;
    for row in array.rows() {
        for &value in row {
            sum += f64::from(value);
        }
    }
    sum
}

#[inline(never)]
fn f32_roi_overlay(bytes: &[u8]) -> f64 {
    let ([r0, r1], [c0, c1]) = ROI;
    let array = Grid::<f32>::new_with(bytes, ROWS, COLS, Endian::Big).expect("whole array");
    let mut sum = 0f64;
    for row in array.slice(r0..r1, c0..c1).expect("inside").rows() {
        for value in row.iter() {
            sum += f64::from(value);
        }
    }
    sum
}

#[inline(never)]
fn f32_roi_hand(bytes: &[u8]) -> f64 {
    let ([r0, r1], [c0, c1]) = ROI;
    let mut sum = 0f64;
    for y in r0..r1 {
        let row = &bytes[(y * COLS + c0) * 4..(y * COLS + c1) * 4];
        for value in row.chunks_exact(4) {
            sum += f64::from(f32::from_be_bytes([value[0], value[1], value[2], value[3]]));
        }
    }
    sum
}

#[inline(never)]
fn f32_roi_ndarray(array: &Array2<f32>) -> f64 {
    let ([r0, r1], [c0, c1]) = ROI;
    let mut sum = 0f64;
    for row in array.slice(s![r0..r1, c0..c1]).rows() {
        for &value in row {
            sum += f64::from(value);
        }
    }
    sum
}

#[inline(never)]
fn f32_transposed_overlay(bytes: &[u8]) -> f64 {
    let array = Grid::<f32>::new_with(bytes, ROWS, COLS, Endian::Big).expect("whole array");
    let mut sum = 0f64;
    for column in array.transpose().rows() {
        for value in column.iter() {
            sum += f64::from(value);
        }
    }
    sum
}

#[inline(never)]
fn f32_transposed_hand(bytes: &[u8]) -> f64 {
    let mut sum = 0f64;
    for x in 0..COLS {
        for y in 0..ROWS {
            let at = (y * COLS + x) * 4;
            let value = &bytes[at..at + 4];
            sum += f64::from(f32::from_be_bytes([value[0], value[1], value[2], value[3]]));
        }
    }
    sum
}

#[inline(never)]
fn f32_transposed_ndarray(array: &Array2<f32>) -> f64 {
    let mut sum = 0f64;
    for column in array.t().rows() {
        for &value in column {
            sum += f64::from(value);
        }
    }
    sum
}

#[inline(never)]
fn f32_stepped_overlay(bytes: &[u8]) -> f64 {
    let array = Grid::<f32>::new_with(bytes, ROWS, COLS, Endian::Big).expect("whole array");
    let mut sum = 0f64;
    for row in array.step(3, 2).expect("steps of 3 and 2").rows() {
        for value in row.iter() {
            sum += f64::from(value);
        }
    }
    sum
}

#[inline(never)]
fn f32_stepped_hand(bytes: &[u8]) -> f64 {
    let mut sum = 0f64;
    for y in (0..ROWS).step_by(3) {
        let row = &bytes[y * COLS * 4..(y + 1) * COLS * 4];
        for value in row.chunks_exact(8) {
            sum += f64::from(f32::from_be_bytes([value[0], value[1], value[2], value[3]]));
        }
    }
    sum
}

#[inline(never)]
fn f32_stepped_ndarray(array: &Array2<f32>) -> f64 {
    let mut sum = 0f64;
    for row in array.slice(s![..;3, ..;2]).rows() {
        for &value in row {
            sum += f64::from(value);
        }
    }
    sum
}

/// Every kernel by name, for the probe mode.
fn run(kernel: &str, image: &[u8], samples: &[u8], native: &Array2<f32>) -> Option<f64> {
    Some(match kernel {
        "bgr_full_overlay" => bgr_full_overlay(image) as f64,
        "bgr_full_hand" => bgr_full_hand(image) as f64,
        "bgr_full_ndarray" => bgr_full_ndarray(image) as f64,
        "bgr_roi_overlay" => bgr_roi_overlay(image) as f64,
        "bgr_roi_hand" => bgr_roi_hand(image) as f64,
        "bgr_roi_ndarray" => bgr_roi_ndarray(image) as f64,
        "f32_full_overlay" => f32_full_overlay(samples),
        "f32_full_hand" => f32_full_hand(samples),
        "f32_full_ndarray" => f32_full_ndarray(native),
        "f32_roi_overlay" => f32_roi_overlay(samples),
        "f32_roi_hand" => f32_roi_hand(samples),
        "f32_roi_ndarray" => f32_roi_ndarray(native),
        "f32_transposed_overlay" => f32_transposed_overlay(samples),
        "f32_transposed_hand" => f32_transposed_hand(samples),
        "f32_transposed_ndarray" => f32_transposed_ndarray(native),
        "f32_stepped_overlay" => f32_stepped_overlay(samples),
        "f32_stepped_hand" => f32_stepped_hand(samples),
        "f32_stepped_ndarray" => f32_stepped_ndarray(native),
        "none" => 0.0,
        _ => return None,
    })
}

const KERNELS: [&str; 6] = [
    "bgr_full",
    "bgr_roi",
    "f32_full",
    "f32_roi",
    "f32_transposed",
    "f32_stepped",
];

fn native(samples: &[u8]) -> Array2<f32> {
    let values = samples
        .chunks_exact(4)
        .map(|v| f32::from_be_bytes([v[0], v[1], v[2], v[3]]))
        .collect();
    Array2::from_shape_vec((ROWS, COLS), values).expect("rows * cols values")
}

fn bench(c: &mut Criterion) {
    let image = image();
    let samples = samples();
    let native = native(&samples);
    for kernel in KERNELS {
        let expected = run(&format!("{kernel}_hand"), &image, &samples, &native);
        for contender in ["overlay", "ndarray"] {
            let got = run(&format!("{kernel}_{contender}"), &image, &samples, &native);
            assert_eq!(
                got, expected,
                "{kernel}: {contender} sums what hand-written code sums"
            );
        }
    }

    let mut group = c.benchmark_group("grid");
    group.sample_size(20);
    for kernel in KERNELS {
        group.throughput(Throughput::Elements(1));
        for contender in ["hand_written", "overlay", "ndarray"] {
            let name = format!("{kernel}_{}", contender.trim_end_matches("_written"));
            group.bench_function(format!("{kernel}/{contender}"), |b| {
                b.iter(|| {
                    run(
                        black_box(&name),
                        black_box(&image),
                        black_box(&samples),
                        &native,
                    )
                })
            });
        }
    }
    group.finish();
}

fn probe(kernel: &str) {
    let image = image();
    let samples = samples();
    let native = native(&samples);
    let mut total = 0.0;
    for _ in 0..20 {
        total += run(kernel, black_box(&image), black_box(&samples), &native)
            .unwrap_or_else(|| panic!("unknown kernel {kernel}"));
    }
    println!("{kernel} {total}");
}

criterion_group!(benches, bench);

fn main() {
    match std::env::var("GRID_PROBE") {
        Ok(kernel) => probe(&kernel),
        Err(_) => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}
