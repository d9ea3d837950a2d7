//! A BMP picture read and edited in place: the headers are derived records viewed where they
//! lie, the pixels a two-dimensional [`Grid`] of `Bgr` records over the file's bytes, and an
//! edit of a region of interest goes through a [`GridMut`] over a memory map of the output.
//!
//! ```text
//! cargo run --example image -- [INPUT] [--roi X,Y,W,H] [--edit invert|grayscale] [-o OUTPUT]
//! ```
//!
//! With no INPUT it reads `examples/data/sample.bmp` (written by Pillow, see `make_bmp.py`
//! beside it). It prints the picture's size and layout, the region of interest (ROI) and the
//! ROI's mean colour, then copies INPUT to OUTPUT and edits the ROI of OUTPUT in place:
//!
//! - `--roi X,Y,W,H`: the rectangle whose top left pixel is column X, row Y (row 0 is the top
//!   of the picture, whatever the file's row order), W pixels wide and H high; as Pillow's
//!   `img.crop((X, Y, X + W, Y + H))`. It must lie inside the picture and hold a pixel at least.
//!   By default, the middle of the picture: `X = width / 4`, `Y = height / 4`,
//!   `W = max(1, width / 2)`, `H = max(1, height / 2)`.
//! - `--edit invert` (the default): every channel `v` becomes `255 - v`, as Pillow's
//!   `ImageOps.invert`.
//! - `--edit grayscale`: every pixel becomes its luma `L` in all three channels, exactly as
//!   Pillow's `convert("L")` and `ImageOps.grayscale` compute it:
//!   `L = (19595 R + 38470 G + 7471 B + 0x8000) >> 16`, the ITU-R 601-2 weights 0.299, 0.587
//!   and 0.114 in 16-bit fixed point, rounded. (It is not `(299 R + 587 G + 114 B) / 1000`,
//!   rounded or truncated: those differ from Pillow on 9,040 and 8,380,358 of the 2^24 colours.)
//! - `-o OUTPUT`: where the edited copy goes; by default `overlay-image.bmp` in the system's
//!   temporary directory (`$TMPDIR`, else `/tmp`), never the input. `-o INPUT` edits the input
//!   file itself.
//!
//! The mean is printed per channel, in the order R G B, with six decimals: the sum of the
//! channel over the ROI divided by the ROI's pixel count, the number Pillow's
//! `ImageStat.Stat(img.crop(box)).mean` gives (it divides the same two integers).
//!
//! Files read: a `BITMAPFILEHEADER` followed by a `BITMAPINFOHEADER` (40 bytes) or its V4
//! (108) or V5 (124) form; 24 or 32 bits per pixel, uncompressed (`BI_RGB`); bottom-up
//! (positive height, the usual order) or top-down (negative height); rows padded to 4 bytes;
//! the pixels at the header's pixel data offset, wherever that is after the headers.
//! 32-bit pixels are stored B, G, R and a fourth byte (alpha, or unused): they are read as the
//! same `Bgr` record as 24-bit ones, in 4-byte slots (a column stride of 4), so the fourth
//! byte is never read and an edit leaves it as it was, as Pillow reads such files (as RGB,
//! the fourth byte ignored). `BI_BITFIELDS` is accepted for 32-bit pixels whose masks are
//! the standard ones (R `0x00ff0000`, G `0x0000ff00`, B `0x000000ff`, alpha `0xff000000` or
//! none), which describe the same bytes as `BI_RGB`; any other masks, and `BI_BITFIELDS` at 24
//! bits, are refused. The header's file size and image size fields are not checked: many
//! writers get them wrong, and readers (Pillow among them) ignore them.
//!
//! Bad input (a wrong magic number, a header this example does not read, a zero, negative or
//! huge dimension, another bit depth or compression, a pixel data offset inside the headers or
//! past the end, pixel rows that do not fit in the file) and bad arguments are one line on
//! standard error and exit status 1, before anything is written.
//!
//! `tests/image_pillow.rs` compares the pixels, the mean and the edited files with Pillow's.

use std::ffi::OsString;
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use overlay::{Grid, GridMut, Overlay};

#[path = "input.rs"]
mod input;

/// `BITMAPFILEHEADER`: the first 14 bytes of the file.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct FileHeader {
    /// `BM`.
    pub magic: [u8; 2],
    /// The file's length as the writer saw it (not checked).
    pub file_size: u32,
    pub reserved: [u8; 4],
    /// Where the pixel rows start, from the start of the file.
    pub pixel_offset: u32,
}

/// `BITMAPINFOHEADER`, the 40 bytes after the file header; also the start of the V4 and V5
/// headers.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct InfoHeader {
    /// 40, 108 (V4) or 124 (V5): the header's own length, which says which one it is.
    pub header_size: u32,
    pub width: i32,
    /// Positive for bottom-up rows (the last row of the picture first), negative for top-down.
    pub height: i32,
    /// Always 1.
    pub planes: u16,
    pub bits_per_pixel: u16,
    /// `BI_RGB` (0), `BI_RLE8` (1), `BI_BITFIELDS` (3), ...
    pub compression: u32,
    /// The pixel data's length; may be 0 for `BI_RGB` (not checked).
    pub image_size: u32,
    pub x_pixels_per_meter: i32,
    pub y_pixels_per_meter: i32,
    pub colors_used: u32,
    pub colors_important: u32,
}

/// The channel masks of `BI_BITFIELDS` pixels: right after a 40-byte header, or inside a V4 or
/// V5 header at the same place.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct ColorMasks {
    pub red: u32,
    pub green: u32,
    pub blue: u32,
}

/// `BITMAPV4HEADER`: the info header, the masks and colour space information.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct V4Header {
    pub info: InfoHeader,
    pub masks: ColorMasks,
    pub alpha_mask: u32,
    /// `LCS_sRGB` (`0x73524742`, "sRGB"), `LCS_CALIBRATED_RGB` (0), ...
    pub color_space: u32,
    /// The red, green and blue end points (`CIEXYZTRIPLE`), for calibrated colour spaces.
    pub endpoints: [i32; 9],
    /// Red, green and blue gamma, for calibrated colour spaces.
    pub gamma: [u32; 3],
}

/// `BITMAPV5HEADER`: the V4 header, a rendering intent and an optional ICC profile.
#[derive(Overlay)]
#[overlay(endian = "little")]
pub struct V5Header {
    pub v4: V4Header,
    pub intent: u32,
    /// Where an embedded or linked profile starts, from the start of this header.
    pub profile_data: u32,
    pub profile_size: u32,
    pub reserved: u32,
}

/// One pixel as BMP files store it: blue, green, red. 32-bit pixels have a fourth byte after
/// these three, outside the record (the grid's column stride skips it).
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bgr {
    pub b: u8,
    pub g: u8,
    pub r: u8,
}

const FILE_HEADER_NAME: &str = "BITMAPFILEHEADER";
const BI_RGB: u32 = 0;
const BI_BITFIELDS: u32 = 3;
const STANDARD_MASKS: [u32; 3] = [0x00ff_0000, 0x0000_ff00, 0x0000_00ff];

/// Why a file could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A record does not fit the bytes; overlay's message names the record and the offset.
    Layout(overlay::Error),
    /// The bytes fit but do not describe a BMP file this example reads.
    Invalid {
        /// The record, such as `BITMAPINFOHEADER` or `pixel data`.
        record: &'static str,
        /// Where the record starts in the file.
        offset: usize,
        /// What is wrong, as the end of a sentence.
        problem: String,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Layout(error) => write!(f, "{error}"),
            DecodeError::Invalid {
                record,
                offset,
                problem,
            } => write!(f, "{record} at offset {offset}: {problem}"),
        }
    }
}

impl std::error::Error for DecodeError {}

impl From<overlay::Error> for DecodeError {
    fn from(error: overlay::Error) -> Self {
        DecodeError::Layout(error)
    }
}

fn invalid<T>(record: &'static str, offset: usize, problem: String) -> Result<T, DecodeError> {
    Err(DecodeError::Invalid {
        record,
        offset,
        problem,
    })
}

/// What the headers say about the pixels: plain numbers, checked against the file's length,
/// from which [`Bitmap::pixels`] and [`Bitmap::pixels_mut`] make grids over the file's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bitmap {
    /// The file's length.
    pub file_len: usize,
    /// 40, 108 or 124.
    pub header_size: u32,
    /// Pixels per row, at least 1.
    pub width: usize,
    /// Rows, at least 1.
    pub height: usize,
    /// 24 or 32.
    pub bits_per_pixel: u16,
    /// `BI_RGB` or `BI_BITFIELDS` (32-bit, standard masks).
    pub compression: u32,
    /// The alpha mask of `BI_BITFIELDS` pixels (0 when there is none).
    pub alpha_mask: u32,
    /// Whether the first stored row is the top of the picture (negative height).
    pub top_down: bool,
    /// Where the first stored row starts.
    pub pixel_offset: usize,
    /// The length of a stored row: the pixels, padded to a multiple of 4 bytes.
    pub row_size: usize,
}

/// Reads the headers of the BMP file `bytes` and checks that its pixel rows fit in it.
pub fn decode(bytes: &[u8]) -> Result<Bitmap, DecodeError> {
    let (file, _) = FileHeader::view_prefix(bytes)?;
    if file.magic() != b"BM" {
        return invalid(
            FILE_HEADER_NAME,
            0,
            format!(
                "not a BMP file (it starts with {}, not \"BM\")",
                quoted(file.magic())
            ),
        );
    }
    let at = FileHeader::SIZE;
    let info = InfoHeader::view_at(bytes, at)?;
    let header_size = info.header_size();
    let (name, alpha_mask, masks) = match header_size {
        40 => ("BITMAPINFOHEADER", 0, None),
        108 => {
            let v4 = V4Header::view_at(bytes, at)?;
            (
                "BITMAPV4HEADER",
                v4.alpha_mask(),
                Some(rgb_masks(v4.masks())),
            )
        }
        124 => {
            let v5 = V5Header::view_at(bytes, at)?;
            let v4 = v5.v4();
            (
                "BITMAPV5HEADER",
                v4.alpha_mask(),
                Some(rgb_masks(v4.masks())),
            )
        }
        size => {
            let known = match size {
                12 => " (BITMAPCOREHEADER)",
                52 => " (BITMAPV2INFOHEADER)",
                56 => " (BITMAPV3INFOHEADER)",
                64 => " (OS22XBITMAPHEADER)",
                _ => "",
            };
            return invalid(
                "bitmap header",
                at,
                format!(
                    "header size {size}{known} is not one this example reads: 40 \
                     (BITMAPINFOHEADER), 108 (BITMAPV4HEADER) or 124 (BITMAPV5HEADER)"
                ),
            );
        }
    };

    let (width, height) = (info.width(), info.height());
    if width <= 0 {
        return invalid(
            name,
            at,
            format!("the width is {width}; it must be at least 1"),
        );
    }
    if height == 0 {
        return invalid(
            name,
            at,
            String::from("the height is 0; a picture has at least one row"),
        );
    }
    if info.planes() != 1 {
        return invalid(
            name,
            at,
            format!("{} planes; BMP files have 1", info.planes()),
        );
    }
    let bits = info.bits_per_pixel();
    if bits != 24 && bits != 32 {
        return invalid(
            name,
            at,
            format!("{bits} bits per pixel; this example reads 24 and 32"),
        );
    }
    let compression = info.compression();
    let mut headers_end = at + header_size as usize;
    match compression {
        BI_RGB => {}
        BI_BITFIELDS if bits != 32 => {
            return invalid(
                name,
                at,
                format!(
                    "BI_BITFIELDS with {bits} bits per pixel; this example reads BI_BITFIELDS \
                     only for 32-bit pixels"
                ),
            )
        }
        BI_BITFIELDS => {
            let [red, green, blue] = match masks {
                Some(masks) => masks,
                None => {
                    // After a 40-byte header, the three masks follow it.
                    let masks = rgb_masks(ColorMasks::view_at(bytes, headers_end)?);
                    headers_end += ColorMasks::SIZE;
                    masks
                }
            };
            if [red, green, blue] != STANDARD_MASKS || !matches!(alpha_mask, 0 | 0xff00_0000) {
                return invalid(
                    name,
                    at,
                    format!(
                        "BI_BITFIELDS masks R {red:#010x} G {green:#010x} B {blue:#010x} A \
                         {alpha_mask:#010x}; this example reads only the standard masks R \
                         0x00ff0000 G 0x0000ff00 B 0x000000ff, with A 0xff000000 or none"
                    ),
                );
            }
        }
        other => {
            return invalid(
                name,
                at,
                format!(
                    "compression {other}{} is not read by this example, which reads \
                     uncompressed pixels (BI_RGB, or BI_BITFIELDS with the standard masks)",
                    compression_name(other)
                ),
            )
        }
    }

    let pixel_offset = file.pixel_offset() as usize;
    if pixel_offset < headers_end {
        return invalid(
            FILE_HEADER_NAME,
            0,
            format!(
                "the pixel data offset {pixel_offset} is inside the headers, which end at \
                 offset {headers_end}"
            ),
        );
    }
    if pixel_offset > bytes.len() {
        return invalid(
            FILE_HEADER_NAME,
            0,
            format!(
                "the pixel data offset {pixel_offset} is past the end of the file ({} bytes)",
                bytes.len()
            ),
        );
    }
    let rows = height.unsigned_abs();
    // In u128: a row of 2^31 32-bit pixels times 2^31 rows does not fit in 64 bits.
    let row_size = (u128::from(width.unsigned_abs()) * u128::from(bits)).div_ceil(32) * 4;
    let needed = row_size * u128::from(rows);
    let available = bytes.len() - pixel_offset;
    if needed > available as u128 {
        return invalid(
            "pixel data",
            pixel_offset,
            format!(
                "{width} x {rows} pixels of {bits} bits in rows of {row_size} bytes need \
                 {needed} bytes, but the file has {available} bytes from this offset"
            ),
        );
    }
    Ok(Bitmap {
        file_len: bytes.len(),
        header_size,
        // Both fit: they multiply to at most the file's length.
        width: width.unsigned_abs() as usize,
        height: rows as usize,
        bits_per_pixel: bits,
        compression,
        alpha_mask,
        top_down: height < 0,
        pixel_offset,
        row_size: row_size as usize,
    })
}

fn rgb_masks(masks: ColorMasksView<'_>) -> [u32; 3] {
    [masks.red(), masks.green(), masks.blue()]
}

fn compression_name(compression: u32) -> &'static str {
    match compression {
        1 => " (BI_RLE8)",
        2 => " (BI_RLE4)",
        4 => " (BI_JPEG)",
        5 => " (BI_PNG)",
        6 => " (BI_ALPHABITFIELDS)",
        11 => " (BI_CMYK)",
        12 => " (BI_CMYKRLE8)",
        13 => " (BI_CMYKRLE4)",
        _ => "",
    }
}

/// Two bytes as text, with bytes outside printable ASCII escaped.
fn quoted(magic: &[u8; 2]) -> String {
    let text: String = magic
        .iter()
        .flat_map(|&b| std::ascii::escape_default(b))
        .map(char::from)
        .collect();
    format!("\"{text}\"")
}

impl Bitmap {
    /// The header's name.
    pub fn header_name(&self) -> &'static str {
        match self.header_size {
            108 => "BITMAPV4HEADER",
            124 => "BITMAPV5HEADER",
            _ => "BITMAPINFOHEADER",
        }
    }

    /// Bytes from one pixel to the next in a row: 3 or 4.
    pub fn pixel_size(&self) -> usize {
        usize::from(self.bits_per_pixel / 8)
    }

    /// Where the grid's row 0 (the top of the picture) starts in the file, its shape
    /// `[height, width]` and its strides in bytes: bottom-up files store the top row last,
    /// so their grid starts at the last stored row and steps back one row at a time.
    pub fn layout(&self) -> (usize, [usize; 2], [isize; 2]) {
        // A row fits in the file, whose length fits in an isize.
        let row_size = isize::try_from(self.row_size).unwrap_or(isize::MAX);
        let (origin, row_stride) = if self.top_down {
            (self.pixel_offset, row_size)
        } else {
            let last = self.row_size.saturating_mul(self.height.saturating_sub(1));
            (self.pixel_offset.saturating_add(last), -row_size)
        };
        let pixel_size = self.pixel_size() as isize;
        (origin, [self.height, self.width], [row_stride, pixel_size])
    }

    /// The picture as a grid of pixels over the whole file `bytes`, row 0 at the top. Fails
    /// only if `bytes` is not the file this was decoded from.
    pub fn pixels<'a>(&self, bytes: &'a [u8]) -> Result<Grid<'a, Bgr>, DecodeError> {
        let (origin, shape, strides) = self.layout();
        Ok(Grid::with_strides(bytes, origin, shape, strides)?)
    }

    /// The picture as a writable grid over the whole file `bytes`, row 0 at the top.
    pub fn pixels_mut<'a>(&self, bytes: &'a mut [u8]) -> Result<GridMut<'a, Bgr>, DecodeError> {
        let (origin, shape, strides) = self.layout();
        Ok(GridMut::with_strides(bytes, origin, shape, strides)?)
    }
}

impl fmt::Display for Bitmap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "file size: {} bytes", self.file_len)?;
        writeln!(
            f,
            "header: {} ({} bytes)",
            self.header_name(),
            self.header_size
        )?;
        writeln!(f, "size: {} x {}", self.width, self.height)?;
        let compression = if self.compression == BI_BITFIELDS {
            if self.alpha_mask == 0 {
                "BI_BITFIELDS, no alpha"
            } else {
                "BI_BITFIELDS, alpha mask 0xff000000"
            }
        } else {
            "BI_RGB"
        };
        writeln!(f, "bits per pixel: {} ({compression})", self.bits_per_pixel)?;
        let order = if self.top_down {
            "top-down"
        } else {
            "bottom-up"
        };
        writeln!(f, "row order: {order}")?;
        let (origin, _, strides) = self.layout();
        writeln!(
            f,
            "pixel data: offset {}, {} rows of {} bytes",
            self.pixel_offset, self.height, self.row_size
        )?;
        writeln!(
            f,
            "grid: origin {origin}, strides {} {}",
            strides[0], strides[1]
        )
    }
}

/// A rectangle of pixels: `width` x `height` from column `x`, row `y` (row 0 at the top).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Roi {
    pub x: usize,
    pub y: usize,
    pub width: usize,
    pub height: usize,
}

impl Roi {
    /// The middle of a `width` x `height` picture, half its size (at least one pixel).
    pub fn middle(width: usize, height: usize) -> Roi {
        Roi {
            x: width / 4,
            y: height / 4,
            width: (width / 2).max(1),
            height: (height / 2).max(1),
        }
    }

    /// Reads `X,Y,W,H`.
    pub fn parse(text: &str) -> Result<Roi, String> {
        let numbers: Result<Vec<usize>, _> = text.split(',').map(|n| n.trim().parse()).collect();
        match numbers.as_deref() {
            Ok(&[x, y, width, height]) => Ok(Roi {
                x,
                y,
                width,
                height,
            }),
            _ => Err(format!(
                "--roi {text:?}: expected X,Y,W,H, four whole numbers such as 8,4,16,12"
            )),
        }
    }

    /// The grid rows and columns of the rectangle, if it lies inside a `width` x `height`
    /// picture and holds at least one pixel.
    pub fn ranges(
        &self,
        width: usize,
        height: usize,
    ) -> Result<(Range<usize>, Range<usize>), String> {
        let fits = |start: usize, len: usize, limit: usize| {
            len > 0 && start.checked_add(len).is_some_and(|end| end <= limit)
        };
        if !fits(self.x, self.width, width) || !fits(self.y, self.height, height) {
            return Err(format!(
                "the ROI {self} does not lie inside the {width} x {height} picture with at \
                 least one pixel"
            ));
        }
        Ok((self.y..self.y + self.height, self.x..self.x + self.width))
    }
}

impl fmt::Display for Roi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{},{},{},{}", self.x, self.y, self.width, self.height)
    }
}

/// The mean of each channel over `pixels`, in the order R, G, B: the exact sum divided by
/// the pixel count, as Pillow's `ImageStat` divides them (0 for no pixels).
pub fn mean_rgb(pixels: &Grid<'_, Bgr>) -> [f64; 3] {
    let mut sums = [0u64; 3];
    for pixel in pixels.iter() {
        sums[0] += u64::from(pixel.r());
        sums[1] += u64::from(pixel.g());
        sums[2] += u64::from(pixel.b());
    }
    let count = pixels.len();
    if count == 0 {
        return [0.0; 3];
    }
    // Exact as f64: both stay below 2^53 for any picture that fits in memory.
    sums.map(|sum| sum as f64 / count as f64)
}

/// What `--edit` does to each pixel of the ROI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// `255 - v` in every channel.
    Invert,
    /// The luma, as Pillow's `convert("L")`, in every channel.
    Grayscale,
}

impl Edit {
    fn parse(text: &str) -> Result<Edit, String> {
        match text {
            "invert" => Ok(Edit::Invert),
            "grayscale" => Ok(Edit::Grayscale),
            _ => Err(format!("--edit {text:?}: expected invert or grayscale")),
        }
    }

    /// The edited pixel, given and returned as `[r, g, b]`.
    pub fn apply(self, [r, g, b]: [u8; 3]) -> [u8; 3] {
        match self {
            Edit::Invert => [255 - r, 255 - g, 255 - b],
            Edit::Grayscale => [luma(r, g, b); 3],
        }
    }
}

impl fmt::Display for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Edit::Invert => "invert",
            Edit::Grayscale => "grayscale",
        })
    }
}

/// Pillow's `L` from RGB (`ImagingConvert`'s `rgb2l`, its `L24` macro): the ITU-R 601-2
/// weights in 16-bit fixed point, rounded to nearest.
pub fn luma(r: u8, g: u8, b: u8) -> u8 {
    let weighted = 19595 * u32::from(r) + 38470 * u32::from(g) + 7471 * u32::from(b) + 0x8000;
    // The weights add up to 65536, so this is at most 255.
    (weighted >> 16) as u8
}

/// Applies `edit` to every pixel of `pixels`, where they lie.
pub fn apply_edit(pixels: &mut GridMut<'_, Bgr>, edit: Edit) -> Result<(), DecodeError> {
    for mut row in pixels.rows_mut()? {
        for mut pixel in row.iter_mut() {
            let [r, g, b] = edit.apply([pixel.r(), pixel.g(), pixel.b()]);
            pixel.set_r(r);
            pixel.set_g(g);
            pixel.set_b(b);
        }
    }
    Ok(())
}

/// Whether `a` and `b` name the same existing file (through links too), so that copying one
/// onto the other would truncate the source.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

/// Maps `path` for reading and writing and applies `edit` to `roi`, decoding the file again
/// from the map: what is edited is what the map holds.
fn edit_in_place(path: &Path, roi: Roi, edit: Edit) -> Result<(), String> {
    // The output is one this process just wrote (or the input, for `-o INPUT`, whose read-only
    // map was dropped first); the map is checked by decoding it below.
    let mut map = match input::open_writable(path).map_err(|e| format!("cannot map it: {e}"))? {
        input::Input::MappedMut(map) => map,
        _ => return Err(String::from("cannot map it: the file is empty")),
    };
    let bitmap = decode(&map).map_err(|e| e.to_string())?;
    let (rows, columns) = roi.ranges(bitmap.width, bitmap.height)?;
    let mut pixels = bitmap.pixels_mut(&mut map).map_err(|e| e.to_string())?;
    let mut region = pixels.slice_mut(rows, columns).map_err(|e| e.to_string())?;
    apply_edit(&mut region, edit).map_err(|e| e.to_string())?;
    map.flush().map_err(|e| e.to_string())
}

/// The command line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Options {
    input: PathBuf,
    roi: Option<Roi>,
    edit: Edit,
    output: PathBuf,
}

const USAGE: &str = "usage: image [INPUT] [--roi X,Y,W,H] [--edit invert|grayscale] [-o OUTPUT]";

/// Reads the arguments; `Ok(None)` for `--help`.
fn parse_args(mut args: impl Iterator<Item = OsString>) -> Result<Option<Options>, String> {
    let mut input = None;
    let mut roi = None;
    let mut edit = Edit::Invert;
    let mut output = None;
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| {
            args.next()
                .ok_or_else(|| format!("{flag} needs a value ({USAGE})"))
        };
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some("--roi") => {
                let text = value("--roi")?;
                roi = Some(Roi::parse(&text.to_string_lossy())?);
            }
            Some("--edit") => edit = Edit::parse(&value("--edit")?.to_string_lossy())?,
            Some("-o" | "--output") => output = Some(PathBuf::from(value("-o")?)),
            Some(flag) if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option {flag} ({USAGE})"))
            }
            _ if input.is_none() => input = Some(PathBuf::from(arg)),
            _ => return Err(format!("more than one input file ({USAGE})")),
        }
    }
    Ok(Some(Options {
        input: input
            .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample.bmp").into()),
        roi,
        edit,
        output: output.unwrap_or_else(|| std::env::temp_dir().join("overlay-image.bmp")),
    }))
}

/// Reads the input, measures the ROI, writes the edited copy and returns the report; an
/// error is the line to print.
fn run(options: &Options) -> Result<String, String> {
    let Options {
        input: input_path,
        output: output_path,
        ..
    } = options;
    let in_error = |e: &dyn fmt::Display| format!("{}: {e}", input_path.display());
    let input = input::open(input_path).map_err(|e| in_error(&e))?;
    let bitmap = decode(&input).map_err(|e| in_error(&e))?;
    let roi = options
        .roi
        .unwrap_or_else(|| Roi::middle(bitmap.width, bitmap.height));
    let (rows, columns) = roi
        .ranges(bitmap.width, bitmap.height)
        .map_err(|e| in_error(&e))?;
    let pixels = bitmap.pixels(&input).map_err(|e| in_error(&e))?;
    let region = pixels.slice(rows, columns).map_err(|e| in_error(&e))?;
    let [r, g, b] = mean_rgb(&region);
    let report = format!(
        "{}\n{bitmap}roi: {roi} ({} x {} from column {}, row {})\nroi mean (R G B): {r:.6} \
         {g:.6} {b:.6}\nedit: {}\noutput: {}\n",
        input_path.display(),
        roi.width,
        roi.height,
        roi.x,
        roi.y,
        options.edit,
        output_path.display()
    );

    let out_error = |e: &dyn fmt::Display| format!("{}: {e}", output_path.display());
    let in_place = same_file(input_path, output_path);
    if !in_place {
        std::fs::write(output_path, &*input).map_err(|e| out_error(&e))?;
    }
    // The input map goes before the output is mapped for writing: for `-o INPUT` they are
    // the same file.
    drop(input);
    edit_in_place(output_path, roi, options.edit).map_err(|e| out_error(&e))?;
    Ok(report)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let report = match run(&options) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match write!(io::stdout().lock(), "{report}") {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
