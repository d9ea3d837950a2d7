//! The `image` example against Pillow: Python writes BMP files with Pillow (30 seeded random
//! sizes, among them 1 x 1, 1 x N, N x 1 and odd widths; 24-bit RGB and 32-bit RGBA), then
//! rewrites each in the forms Pillow does not write itself (top-down rows, V4 and V5 headers,
//! `BI_BITFIELDS` masks, a gap before the pixels, junk in the row padding) and checks that
//! Pillow reads every form back to the same pixels. For each file and a random region of
//! interest, Python records the picture's and the ROI's RGB bytes (`tobytes`, `crop`), the
//! ROI's mean (`ImageStat`) and the picture after the same edit done by Pillow on the crop
//! (`ImageOps.invert`, `convert("L")`).
//!
//! Then: overlay's `Grid` over each file (through the example's own decoding, included here
//! as a module) must give the same picture and ROI bytes and mean; the built example, run on
//! each file with that ROI and edit, must print the same mean and write a file that Pillow
//! reads back as the expected picture, with no byte outside the ROI's pixels changed (row
//! padding, the fourth byte of 32-bit pixels and the headers stay as they were). The grayscale
//! formula is also compared with Pillow's `convert("L")` on all 2^24 colours.
//!
//! Bad input (truncated copies, a wrong magic number, zero, negative and huge dimensions, 8-
//! and 16-bit pixels, RLE and JPEG compression, unusual masks, pixel data offsets inside the
//! headers or past the end) and bad arguments must end with exit status 1 and one line on
//! standard error, writing nothing; damaged files must never make the decoder or the example
//! panic (proptest in process, and the built example on seeded mutations).
//!
//! Without python3 and Pillow the comparisons are skipped with a notice, except under
//! `CI=true`, where they fail.

#[allow(dead_code)]
#[path = "../examples/image.rs"]
mod image;
#[path = "support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use image::{Edit, Roi};
use proptest::prelude::*;

/// Writes the test files into the directory given as the first argument and prints one line
/// per file, tab-separated: the BMP's path, the stem of the `.full.rgb`, `.crop.rgb` and
/// `.expected.rgb` files beside it, width, height, bits per pixel, header size, top-down (0 or
/// 1), the ROI as X,Y,W,H, Pillow's mean of the ROI (R G B, six decimals) and the edit. The
/// shipped sample (second argument) comes last, with the example's default ROI and edit.
const SCRIPT: &str = r#"
import io
import os
import random
import struct
import sys

from PIL import Image, ImageOps, ImageStat

out, sample = sys.argv[1], sys.argv[2]
rng = random.Random(20240609)

SIZES = [(1, 1), (1, 9), (9, 1), (2, 2), (3, 5), (5, 3), (1, 64), (64, 1), (7, 7), (13, 4)]
while len(SIZES) < 30:
    SIZES.append((rng.randint(1, 80), rng.randint(1, 50)))
assert any(w % 2 for w, _ in SIZES[10:]) and any(w % 4 == 0 for w, _ in SIZES[10:])


def rebuild(plain, header_size, bitfields, top_down, gap, pad_fill):
    """Pillow's bottom-up BMP with a 40-byte header, rewritten in another form."""
    assert plain[:2] == b"BM" and struct.unpack_from("<II", plain, 10) == (54, 40)
    info = bytearray(plain[14:54])
    width, height, _planes, bits = struct.unpack_from("<iiHH", info, 4)
    row = (width * bits + 31) // 32 * 4
    used = width * bits // 8
    assert len(plain) == 54 + row * height
    rows = [bytearray(plain[54 + i * row:54 + (i + 1) * row]) for i in range(height)]
    for r in rows:
        r[used:] = bytes([pad_fill]) * (row - used)  # junk in the padding, which edits keep
    if top_down:
        rows.reverse()
        struct.pack_into("<i", info, 8, -height)
    struct.pack_into("<I", info, 0, header_size)
    masks = struct.pack("<III", 0xFF0000, 0xFF00, 0xFF)
    extra = b""
    if bitfields:
        struct.pack_into("<I", info, 16, 3)
        if header_size == 40:
            extra = masks  # after a 40-byte header, the masks follow it
    if header_size >= 108:
        alpha = 0xFF000000 if bitfields else 0
        # masks, alpha mask, LCS_sRGB, end points and gamma (unused for sRGB)
        extra += (masks if bitfields else bytes(12)) + struct.pack("<II", alpha, 0x73524742)
        extra += bytes(36 + 12)
    if header_size == 124:
        extra += struct.pack("<IIII", 4, 0, 0, 0)  # LCS_GM_IMAGES, no profile
    head = bytes(info) + extra + b"\xee" * gap
    assert len(head) == header_size + (12 if bitfields and header_size == 40 else 0) + gap
    pixels = b"".join(rows)
    offset = 14 + len(head)
    return b"BM" + struct.pack("<IHHI", offset + len(pixels), 0, 0, offset) + head + pixels


def emit(path, stem, rgb, bits, header_size, top_down, roi, edit):
    x, y, w, h = roi
    box = (x, y, x + w, y + h)
    crop = rgb.crop(box)
    mean = ImageStat.Stat(crop).mean
    done = ImageOps.invert(crop) if edit == "invert" else crop.convert("L").convert("RGB")
    expected = rgb.copy()
    expected.paste(done, box)
    for suffix, image in [("full", rgb), ("crop", crop), ("expected", expected)]:
        with open("%s.%s.rgb" % (stem, suffix), "wb") as f:
            f.write(image.tobytes())
    print("\t".join([path, stem, str(rgb.width), str(rgb.height), str(bits), str(header_size),
                     str(int(top_down)), "%d,%d,%d,%d" % roi,
                     " ".join("%.6f" % m for m in mean), edit]))


for number, (width, height) in enumerate(SIZES):
    bits = 24 if number % 2 == 0 else 32
    mode = "RGB" if bits == 24 else "RGBA"
    header_size = (40, 108, 124)[number % 3]
    bitfields = number % 4 == 3
    gap = 6 if number % 5 == 0 else 0
    picture = Image.frombytes(mode, (width, height), rng.randbytes(width * height * len(mode)))
    buffer = io.BytesIO()
    picture.save(buffer, format="BMP")
    plain = buffer.getvalue()
    assert struct.unpack_from("<H", plain, 28)[0] == bits
    rgb = picture.convert("RGB")  # Pillow reads 32-bit BI_RGB pixels as RGB: alpha dropped
    for top_down in (False, True):
        data = rebuild(plain, header_size, bitfields, top_down, gap, rng.randrange(256))
        stem = os.path.join(out, "case%02d-%s" % (number, "top-down" if top_down else "bottom-up"))
        path = stem + ".bmp"
        with open(path, "wb") as f:
            f.write(data)
        with Image.open(path) as back:  # Pillow reads the rewritten form as it wrote the plain
            assert back.size == (width, height), (path, back.size)
            assert back.convert("RGB").tobytes() == rgb.tobytes(), path
        if number % 7 == 0:
            roi = (0, 0, width, height)
        else:
            x, y = rng.randrange(width), rng.randrange(height)
            roi = (x, y, rng.randint(1, width - x), rng.randint(1, height - y))
        emit(path, stem, rgb, bits, header_size, top_down, roi, rng.choice(["invert", "grayscale"]))

with Image.open(sample) as img:
    rgb = img.convert("RGB")
middle = (rgb.width // 4, rgb.height // 4, max(1, rgb.width // 2), max(1, rgb.height // 2))
emit(sample, os.path.join(out, "sample"), rgb, 24, 40, False, middle, "invert")
"#;

/// Reads each `output<TAB>expected` line of its input: the BMP file written by the example and
/// the RGB bytes Pillow made; prints `ok PATH` when Pillow reads the file as those bytes.
const CHECK_SCRIPT: &str = r#"
import sys

from PIL import Image

for line in sys.stdin:
    out, expected = line.rstrip("\n").split("\t")
    with Image.open(out) as img:
        size = img.size
        got = img.convert("RGB").tobytes()
    with open(expected, "rb") as f:
        want = f.read()
    if got == want:
        print("ok", out)
        continue
    first = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), None)
    if first is None:
        print("wrong length", out, len(got), len(want))
    else:
        p = first // 3
        print("wrong pixel", out, "at", (p % size[0], p // size[0]), "got",
              got[3 * p:3 * p + 3].hex(), "expected", want[3 * p:3 * p + 3].hex())
"#;

use tools::scratch_dir;

fn pillow_available() -> bool {
    tools::python_with(
        "PIL.Image, PIL.ImageOps, PIL.ImageStat",
        "the comparison with Pillow (python3 -m pip install Pillow, or apt-get install \
         python3-pil)",
    )
}

fn run_example(args: &[&std::ffi::OsStr]) -> Output {
    tools::run_example("image", args)
}

/// The value of the example's `key: value` line.
fn value<'a>(stdout: &'a str, key: &str) -> &'a str {
    stdout
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(": "))
        .unwrap_or_else(|| panic!("no `{key}` line in {stdout}"))
}

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.bmp")
}

fn sample() -> Vec<u8> {
    std::fs::read(sample_path()).expect("reads the shipped sample")
}

/// RGB bytes, row-major, from a grid of pixels.
fn rgb_bytes(grid: &overlay::Grid<'_, image::Bgr>) -> Vec<u8> {
    grid.iter().flat_map(|p| [p.r(), p.g(), p.b()]).collect()
}

/// Which bytes of the file hold the three channels of the ROI's pixels, worked out from the
/// BMP layout directly (not through the grid's origin and strides).
fn roi_bytes(bitmap: &image::Bitmap, roi: Roi, file_len: usize) -> Vec<bool> {
    let mut mask = vec![false; file_len];
    for row in roi.y..roi.y + roi.height {
        let stored = if bitmap.top_down {
            row
        } else {
            bitmap.height - 1 - row
        };
        for column in roi.x..roi.x + roi.width {
            let at = bitmap.pixel_offset + stored * bitmap.row_size + column * bitmap.pixel_size();
            mask[at..at + 3].fill(true);
        }
    }
    mask
}

/// Asserts that `after` differs from `before` only in bytes the mask allows.
fn assert_only_changed(before: &[u8], after: &[u8], allowed: &[bool], context: &str) {
    assert_eq!(before.len(), after.len(), "{context}: file length changed");
    if let Some(at) = (0..before.len()).find(|&i| before[i] != after[i] && !allowed[i]) {
        panic!(
            "{context}: byte {at} outside the ROI's pixels changed from {} to {}",
            before[at], after[at]
        );
    }
}

fn parse_roi(text: &str) -> Roi {
    Roi::parse(text).expect("Python prints X,Y,W,H")
}

#[test]
fn agrees_with_pillow() {
    if !pillow_available() {
        return;
    }
    let dir = scratch_dir("cases");
    let sample = sample_path();
    let listing = tools::run_python(
        SCRIPT,
        &[
            dir.to_str().expect("UTF-8 target path"),
            sample.to_str().expect("UTF-8 path"),
        ],
        String::new(),
    );
    let mut checks = String::new();
    let mut files = 0;
    for line in listing.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [path, stem, width, height, bits, header_size, top_down, roi, mean, edit] = fields[..]
        else {
            panic!("unexpected line from Python: {line:?}");
        };
        let context = path;
        let roi = parse_roi(roi);
        let edit_kind = match edit {
            "invert" => Edit::Invert,
            _ => Edit::Grayscale,
        };
        let read = |suffix: &str| {
            std::fs::read(format!("{stem}.{suffix}.rgb")).expect("Python wrote the RGB bytes")
        };

        // In process: the decoded layout, the grid's pixels, the ROI's pixels and mean.
        let bytes = std::fs::read(path).expect("reads the BMP file");
        let bitmap = image::decode(&bytes).unwrap_or_else(|e| panic!("{context}: {e}"));
        assert_eq!(bitmap.width.to_string(), width, "{context}: width");
        assert_eq!(bitmap.height.to_string(), height, "{context}: height");
        assert_eq!(bitmap.bits_per_pixel.to_string(), bits, "{context}: bits");
        assert_eq!(bitmap.header_size.to_string(), header_size, "{context}");
        assert_eq!(bitmap.top_down, top_down == "1", "{context}: row order");
        let pixels = bitmap.pixels(&bytes).expect("the decoded pixels fit");
        assert_eq!(pixels.shape(), [bitmap.height, bitmap.width]);
        assert!(rgb_bytes(&pixels) == read("full"), "{context}: the picture");
        let (rows, columns) = roi.ranges(bitmap.width, bitmap.height).expect("ROI fits");
        let region = pixels.slice(rows, columns).expect("the ROI slices");
        let crop = read("crop");
        assert!(rgb_bytes(&region) == crop, "{context}: the ROI {roi}");
        // The ROI copied out as packed Bgr records agrees too.
        let packed: Vec<u8> = region
            .to_vec()
            .chunks_exact(3)
            .flat_map(|bgr| [bgr[2], bgr[1], bgr[0]])
            .collect();
        assert!(packed == crop, "{context}: the ROI copied out");
        let [r, g, b] = image::mean_rgb(&region);
        assert_eq!(format!("{r:.6} {g:.6} {b:.6}"), mean, "{context}: mean");

        // The built example: the same mean, and an edited copy.
        let is_sample = Path::new(path) == sample;
        let (output, out_path) = if is_sample {
            // Bare, as in the README: the default input, ROI, edit and output directory.
            let tmp = scratch_dir("bare");
            let output = Command::new(tools::example_binary("image"))
                .env("TMPDIR", &tmp)
                .output()
                .expect("the image example starts");
            (output, tmp.join("overlay-image.bmp"))
        } else {
            let out_path = PathBuf::from(format!("{stem}.out.bmp"));
            let roi_arg = roi.to_string();
            let args = [
                path.as_ref(),
                "--roi".as_ref(),
                roi_arg.as_ref(),
                "--edit".as_ref(),
                edit.as_ref(),
                "-o".as_ref(),
                out_path.as_os_str(),
            ];
            (run_example(&args), out_path)
        };
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{context}: the example failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(value(&stdout, "size"), format!("{width} x {height}"));
        assert_eq!(value(&stdout, "roi mean (R G B)"), mean, "{context}: mean");
        assert!(value(&stdout, "roi").starts_with(&roi.to_string()));
        assert_eq!(value(&stdout, "edit"), edit);
        let edited = std::fs::read(&out_path).expect("the example wrote its output");
        let allowed = roi_bytes(&bitmap, roi, bytes.len());
        assert_only_changed(&bytes, &edited, &allowed, context);
        // And the edit in process, on a copy, gives the same bytes.
        let mut copy = bytes.clone();
        let mut all = bitmap.pixels_mut(&mut copy).expect("the pixels fit");
        let (rows, columns) = roi.ranges(bitmap.width, bitmap.height).expect("ROI fits");
        let mut region = all.slice_mut(rows, columns).expect("the ROI slices");
        image::apply_edit(&mut region, edit_kind).expect("the ROI is writable");
        assert!(copy == edited, "{context}: in-process edit differs");

        checks.push_str(&format!("{}\t{stem}.expected.rgb\n", out_path.display()));
        files += 1;
    }
    assert_eq!(
        files, 61,
        "Python wrote 30 cases in two row orders, and the sample"
    );

    // Pillow reads every edited file as the picture it edited itself.
    let verdicts = tools::run_python(CHECK_SCRIPT, &[], checks);
    let wrong: Vec<&str> = verdicts
        .lines()
        .filter(|line| !line.starts_with("ok "))
        .collect();
    assert!(wrong.is_empty(), "Pillow disagrees:\n{}", wrong.join("\n"));
    assert_eq!(verdicts.lines().count(), files);
}

/// `luma` against Pillow's `convert("L")` on every 24-bit colour.
#[test]
fn grayscale_matches_pillow_on_every_colour() {
    if !pillow_available() {
        return;
    }
    let dir = scratch_dir("luma");
    let (colours, grays) = (dir.join("colours.rgb"), dir.join("grays.l"));
    let rgb: Vec<u8> = (0u32..1 << 24)
        .flat_map(|c| [(c >> 16) as u8, (c >> 8) as u8, c as u8])
        .collect();
    std::fs::write(&colours, &rgb).expect("writes the colours");
    tools::run_python(
        "import sys\nfrom PIL import Image\n\
         data = open(sys.argv[1], 'rb').read()\n\
         img = Image.frombytes('RGB', (4096, 4096), data)\n\
         open(sys.argv[2], 'wb').write(img.convert('L').tobytes())\n",
        &[
            colours.to_str().expect("UTF-8 target path"),
            grays.to_str().expect("UTF-8 target path"),
        ],
        String::new(),
    );
    let pillow = std::fs::read(&grays).expect("Python wrote the grays");
    assert_eq!(pillow.len(), 1 << 24);
    let differ = rgb
        .chunks_exact(3)
        .zip(&pillow)
        .filter(|(c, &l)| image::luma(c[0], c[1], c[2]) != l)
        .count();
    assert_eq!(differ, 0, "colours whose luma differs from Pillow's");
    let _ = std::fs::remove_file(colours);
    let _ = std::fs::remove_file(grays);
}

/// A BMP file written here, for the forms and damage Pillow does not write: `width` x
/// `height` pixels of `bits` bits (channel values from the position), a header of
/// `header_size` bytes, `BI_BITFIELDS` with the standard masks if `bitfields`.
fn bmp(width: i32, height: i32, bits: u16, header_size: u32, bitfields: bool) -> Vec<u8> {
    let rows = height.unsigned_abs() as usize;
    let pixel_size = usize::from(bits / 8);
    let row_size = (width as usize * pixel_size).div_ceil(4) * 4;
    let masks_after = if bitfields && header_size == 40 {
        12
    } else {
        0
    };
    let offset = 14 + header_size as usize + masks_after;
    let mut b = Vec::new();
    b.extend_from_slice(b"BM");
    b.extend_from_slice(&((offset + rows * row_size) as u32).to_le_bytes());
    b.extend_from_slice(&[0; 4]);
    b.extend_from_slice(&(offset as u32).to_le_bytes());
    b.extend_from_slice(&header_size.to_le_bytes());
    b.extend_from_slice(&width.to_le_bytes());
    b.extend_from_slice(&height.to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes());
    b.extend_from_slice(&bits.to_le_bytes());
    b.extend_from_slice(&(if bitfields { 3u32 } else { 0 }).to_le_bytes());
    b.extend_from_slice(&((rows * row_size) as u32).to_le_bytes());
    b.extend_from_slice(&[0; 16]);
    let masks = [0x00ff_0000u32, 0x0000_ff00, 0x0000_00ff, 0xff00_0000];
    let mask_bytes: Vec<u8> = masks.iter().flat_map(|m| m.to_le_bytes()).collect();
    if masks_after > 0 {
        b.extend_from_slice(&mask_bytes[..12]);
    }
    if header_size >= 108 {
        b.extend_from_slice(&mask_bytes);
        b.extend_from_slice(&0x7352_4742u32.to_le_bytes());
        b.extend_from_slice(&[0; 48]);
    }
    if header_size == 124 {
        b.extend_from_slice(&[4, 0, 0, 0]);
        b.extend_from_slice(&[0; 12]);
    }
    assert_eq!(b.len(), offset);
    for row in 0..rows {
        for column in 0..width as usize {
            let seed = (row * 31 + column * 7) as u8;
            b.extend_from_slice(&[seed, seed.wrapping_mul(3), seed ^ 0x5a, 0x80][..pixel_size]);
        }
        b.resize(offset + (row + 1) * row_size, 0xa5);
    }
    b
}

fn scratch_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch_dir("bad").join(format!("{name}.bmp"));
    std::fs::write(&path, bytes).expect("the scratch file is written");
    path
}

/// Runs the example with `args` and checks it failed the way bad input must: exit status 1,
/// exactly one line on standard error, no report, and no output file. Returns the line.
fn assert_rejected(name: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = scratch_dir("bad").join(format!("{name}.out.bmp"));
    let _ = std::fs::remove_file(&out);
    let mut all = args.to_vec();
    all.extend(["-o".as_ref(), out.as_os_str()]);
    let output = run_example(&all);
    let stderr = tools::assert_one_line_error(&output, name);
    assert!(output.stdout.is_empty(), "{name}: printed a report");
    assert!(!out.exists(), "{name}: wrote an output file");
    stderr
}

fn assert_file_rejected(name: &str, bytes: &[u8], expected: &str) {
    let path = scratch_file(name, bytes);
    let line = assert_rejected(name, &[path.as_os_str()]);
    assert!(line.contains(expected), "{name}: {line}");
}

#[test]
fn truncated_files_are_one_line_errors() {
    let sample = sample();
    for cut in [0, 1, 13, 14, 30, 53, 54, 100, 9000, sample.len() - 1] {
        let expected = match cut {
            0..=13 => "FileHeader: need 14 bytes",
            14..=53 => "InfoHeader: need 40 bytes at offset 14",
            _ => {
                "pixel data at offset 54: 64 x 48 pixels of 24 bits in rows of 192 bytes need \
                 9216 bytes"
            }
        };
        assert_file_rejected(&format!("cut-{cut}"), &sample[..cut], expected);
    }
    let v5 = bmp(5, -3, 32, 124, true);
    assert_file_rejected(
        "cut-v5",
        &v5[..100],
        "V5Header: need 124 bytes at offset 14",
    );
    let masks = bmp(5, 3, 32, 40, true);
    assert_file_rejected(
        "cut-masks",
        &masks[..60],
        "ColorMasks: need 12 bytes at offset 54",
    );
}

#[test]
fn bad_headers_are_one_line_errors() {
    let sample = sample();
    let huge = 100_000i32.to_le_bytes();
    // Name, (offset, new bytes) edits, what the message must say.
    type Edits = Vec<(usize, Vec<u8>)>;
    let patches: Vec<(&str, Edits, &str)> = vec![
        (
            "not-bmp",
            vec![(0, b"BX".to_vec())],
            "not a BMP file (it starts with \"BX\"",
        ),
        (
            "header-12",
            vec![(14, 12u32.to_le_bytes().to_vec())],
            "header size 12 (BITMAPCOREHEADER)",
        ),
        (
            "header-1000",
            vec![(14, 1000u32.to_le_bytes().to_vec())],
            "header size 1000 is not",
        ),
        (
            "v4-over-pixels",
            vec![(14, 108u32.to_le_bytes().to_vec())],
            "offset 54 is inside the headers, which end at offset 122",
        ),
        (
            "zero-width",
            vec![(18, 0i32.to_le_bytes().to_vec())],
            "the width is 0",
        ),
        (
            "negative-width",
            vec![(18, (-64i32).to_le_bytes().to_vec())],
            "the width is -64",
        ),
        (
            "zero-height",
            vec![(22, 0i32.to_le_bytes().to_vec())],
            "the height is 0",
        ),
        (
            "huge",
            vec![(18, huge.to_vec()), (22, huge.to_vec())],
            "need 30000000000 bytes, but the file has 9216",
        ),
        (
            "huge-width",
            vec![(18, i32::MAX.to_le_bytes().to_vec())],
            "2147483647 x 48 pixels",
        ),
        (
            "huge-top-down",
            vec![(22, i32::MIN.to_le_bytes().to_vec())],
            "64 x 2147483648 pixels",
        ),
        (
            "planes",
            vec![(26, 2u16.to_le_bytes().to_vec())],
            "2 planes",
        ),
        (
            "16-bit",
            vec![(28, 16u16.to_le_bytes().to_vec())],
            "16 bits per pixel; this example reads 24 and 32",
        ),
        (
            "8-bit",
            vec![(28, 8u16.to_le_bytes().to_vec())],
            "8 bits per pixel",
        ),
        (
            "rle8",
            vec![(30, 1u32.to_le_bytes().to_vec())],
            "compression 1 (BI_RLE8) is not read",
        ),
        (
            "jpeg",
            vec![(30, 4u32.to_le_bytes().to_vec())],
            "compression 4 (BI_JPEG)",
        ),
        (
            "bitfields-24",
            vec![(30, 3u32.to_le_bytes().to_vec())],
            "BI_BITFIELDS with 24 bits per pixel; this example reads BI_BITFIELDS only for \
             32-bit pixels",
        ),
        (
            "offset-past-end",
            vec![(10, 100_000u32.to_le_bytes().to_vec())],
            "offset 100000 is past the end of the file (9270 bytes)",
        ),
        (
            "offset-in-header",
            vec![(10, 20u32.to_le_bytes().to_vec())],
            "offset 20 is inside the headers",
        ),
        (
            "offset-late",
            vec![(10, 60u32.to_le_bytes().to_vec())],
            "need 9216 bytes, but the file has 9210 bytes",
        ),
    ];
    for (name, edits, expected) in patches {
        let mut bytes = sample.clone();
        for (at, value) in edits {
            bytes[at..at + value.len()].copy_from_slice(&value);
        }
        assert_file_rejected(name, &bytes, expected);
    }
    // Masks other than the standard ones, in a V5 header and after a 40-byte one.
    let mut bytes = bmp(5, -3, 32, 124, true);
    bytes[54..58].copy_from_slice(&0x0000_00ffu32.to_le_bytes());
    assert_file_rejected("masks-rgba", &bytes, "masks R 0x000000ff");
    let mut bytes = bmp(5, -3, 32, 108, true);
    bytes[66..70].copy_from_slice(&0x00ff_00ffu32.to_le_bytes());
    assert_file_rejected("masks-alpha", &bytes, "A 0x00ff00ff");
    let mut bytes = bmp(5, 3, 32, 40, true);
    bytes[58..62].copy_from_slice(&0x0000_f800u32.to_le_bytes());
    assert_file_rejected("masks-after-header", &bytes, "G 0x0000f800");
    assert_file_rejected(
        "alpha-bitfields",
        &{
            let mut b = bmp(5, 3, 32, 108, false);
            b[30..34].copy_from_slice(&6u32.to_le_bytes());
            b
        },
        "compression 6 (BI_ALPHABITFIELDS)",
    );
}

#[test]
fn bad_arguments_are_one_line_errors() {
    let sample = sample_path();
    let s = sample.as_os_str();
    let cases: [(&str, Vec<&std::ffi::OsStr>, &str); 8] = [
        (
            "roi-outside",
            vec![s, "--roi".as_ref(), "60,40,10,10".as_ref()],
            "the ROI 60,40,10,10 does not lie inside the 64 x 48 picture",
        ),
        (
            "roi-empty",
            vec![s, "--roi".as_ref(), "0,0,0,5".as_ref()],
            "at least one pixel",
        ),
        (
            "roi-overflow",
            vec![s, "--roi".as_ref(), "18446744073709551615,0,2,2".as_ref()],
            "does not lie inside",
        ),
        (
            "roi-syntax",
            vec![s, "--roi".as_ref(), "1,2,3".as_ref()],
            "expected X,Y,W,H",
        ),
        (
            "edit",
            vec![s, "--edit".as_ref(), "blur".as_ref()],
            "expected invert or grayscale",
        ),
        (
            "flag",
            vec![s, "--frobnicate".as_ref()],
            "unknown option --frobnicate",
        ),
        ("two-inputs", vec![s, s], "more than one input file"),
        (
            "missing",
            vec!["/nonexistent/overlay-image-test.bmp".as_ref()],
            "/nonexistent/overlay-image-test.bmp: ",
        ),
    ];
    for (name, args, expected) in cases {
        let line = assert_rejected(name, &args);
        assert!(line.contains(expected), "{name}: {line}");
    }
}

/// The other forms, without Pillow: the layout each gives and the pixels a Rust-written file
/// holds where the BMP layout puts them.
#[test]
fn every_form_decodes_to_the_same_picture() {
    let forms = [
        (24, 40, false),
        (24, 108, false),
        (24, 124, false),
        (32, 40, false),
        (32, 40, true),
        (32, 108, true),
        (32, 124, false),
    ];
    for (bits, header_size, bitfields) in forms {
        for (width, height) in [(1, 1), (5, 3), (3, 5), (7, 1)] {
            let up = bmp(width, height, bits, header_size, bitfields);
            let down = {
                // The same stored rows in the other order, announced by a negative height.
                let mut b = up.clone();
                b[22..26].copy_from_slice(&(-height).to_le_bytes());
                let bitmap = image::decode(&up).expect("decodes");
                let start = bitmap.pixel_offset;
                let rows: Vec<&[u8]> = up[start..].chunks(bitmap.row_size).collect();
                let reversed: Vec<u8> = rows.iter().rev().flat_map(|r| r.iter().copied()).collect();
                b[start..].copy_from_slice(&reversed);
                b
            };
            let context =
                format!("{width}x{height} {bits}-bit header {header_size} bitfields {bitfields}");
            let a = image::decode(&up).unwrap_or_else(|e| panic!("{context}: {e}"));
            let b = image::decode(&down).unwrap_or_else(|e| panic!("{context}: {e}"));
            assert!(!a.top_down && b.top_down, "{context}");
            assert_eq!((a.width, a.height), (width as usize, height as usize));
            assert_eq!(a.header_size, header_size);
            let top_to_bottom = rgb_bytes(&a.pixels(&up).expect("fits"));
            assert_eq!(
                top_to_bottom,
                rgb_bytes(&b.pixels(&down).expect("fits")),
                "{context}"
            );
            // Row 0 of the grid is the last stored row of the bottom-up file.
            let last_row = a.pixel_offset + (a.height - 1) * a.row_size;
            assert_eq!(
                &top_to_bottom[..3],
                &[up[last_row + 2], up[last_row + 1], up[last_row]],
                "{context}"
            );
        }
    }
}

#[test]
fn the_default_run_reads_the_sample_and_leaves_it_alone() {
    let before = sample();
    let tmp = scratch_dir("default");
    let output = Command::new(tools::example_binary("image"))
        .env("TMPDIR", &tmp)
        .output()
        .expect("the image example starts");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(value(&stdout, "size"), "64 x 48");
    assert_eq!(value(&stdout, "header"), "BITMAPINFOHEADER (40 bytes)");
    assert_eq!(value(&stdout, "row order"), "bottom-up");
    assert_eq!(value(&stdout, "grid"), "origin 9078, strides -192 3");
    assert!(value(&stdout, "roi").starts_with("16,12,32,24 "));
    assert_eq!(value(&stdout, "edit"), "invert");
    assert_eq!(sample(), before, "the sample was changed");
    let out = tmp.join("overlay-image.bmp");
    assert_eq!(value(&stdout, "output"), out.display().to_string());
    let edited = std::fs::read(&out).expect("the default output was written");
    let bitmap = image::decode(&before).expect("the sample decodes");
    let roi = Roi::middle(64, 48);
    let allowed = roi_bytes(&bitmap, roi, before.len());
    assert_only_changed(&before, &edited, &allowed, "default run");
    for (i, (&a, &b)) in before.iter().zip(&edited).enumerate() {
        if allowed[i] {
            assert_eq!(b, 255 - a, "byte {i} is not inverted");
        }
    }
}

#[test]
fn output_onto_the_input_edits_it_in_place() {
    let dir = scratch_dir("in-place");
    let (copy, reference) = (dir.join("copy.bmp"), dir.join("reference.bmp"));
    std::fs::write(&copy, sample()).expect("copies the sample");
    let roi = "3,40,50,8";
    let reference_run = run_example(&[
        sample_path().as_os_str(),
        "--roi".as_ref(),
        roi.as_ref(),
        "--edit".as_ref(),
        "grayscale".as_ref(),
        "-o".as_ref(),
        reference.as_os_str(),
    ]);
    assert!(reference_run.status.success());
    let in_place = run_example(&[
        copy.as_os_str(),
        "--roi".as_ref(),
        roi.as_ref(),
        "--edit".as_ref(),
        "grayscale".as_ref(),
        "-o".as_ref(),
        copy.as_os_str(),
    ]);
    assert!(
        in_place.status.success(),
        "{}",
        String::from_utf8_lossy(&in_place.stderr)
    );
    let edited = std::fs::read(&copy).expect("reads the edited copy");
    assert!(edited != sample(), "nothing was edited");
    assert!(edited == std::fs::read(&reference).expect("reads the reference"));
}

/// Decodes `bytes` as the example does and, if that succeeds, measures and edits a ROI,
/// checking what decoding promises: the pixel grid fits, and an edit changes only the ROI's
/// pixel bytes.
fn exercise(bytes: &mut [u8], roi: Roi, edit: Edit) {
    let Ok(bitmap) = image::decode(bytes) else {
        return;
    };
    let pixels = bitmap
        .pixels(bytes)
        .expect("decoded pixels fit in the file");
    assert_eq!(pixels.shape(), [bitmap.height, bitmap.width]);
    let roi = match roi.ranges(bitmap.width, bitmap.height) {
        Ok(_) => roi,
        Err(_) => Roi::middle(bitmap.width, bitmap.height),
    };
    let (rows, columns) = roi
        .ranges(bitmap.width, bitmap.height)
        .expect("the middle fits");
    let region = pixels
        .slice(rows.clone(), columns.clone())
        .expect("the ROI slices");
    let mean = image::mean_rgb(&region);
    assert!(mean.iter().all(|m| (0.0..=255.0).contains(m)), "{mean:?}");
    let before = bytes.to_vec();
    let mut pixels = bitmap
        .pixels_mut(bytes)
        .expect("decoded pixels fit in the file");
    let mut region = pixels.slice_mut(rows, columns).expect("the ROI slices");
    image::apply_edit(&mut region, edit).expect("the ROI is writable");
    let allowed = roi_bytes(&bitmap, roi, before.len());
    assert_only_changed(&before, bytes, &allowed, "damaged file");
}

fn bases() -> [Vec<u8>; 4] {
    [
        sample(),
        bmp(5, -3, 32, 124, true),
        bmp(3, 2, 24, 108, false),
        bmp(2, 3, 32, 40, true),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn damaged_files_never_panic(
        base in 0usize..4,
        edits in proptest::collection::vec((0usize..160, any::<u8>()), 1..8),
        cut in 0usize..400,
        roi in (0usize..70, 0usize..50, 0usize..70, 0usize..50),
        grayscale in any::<bool>(),
    ) {
        let mut bytes = bases()[base].clone();
        for (at, value) in edits {
            if let Some(byte) = bytes.get_mut(at) {
                *byte = value;
            }
        }
        if cut < bytes.len() && cut % 4 == 0 {
            bytes.truncate(cut);
        }
        let roi = Roi { x: roi.0, y: roi.1, width: roi.2, height: roi.3 };
        exercise(&mut bytes, roi, if grayscale { Edit::Grayscale } else { Edit::Invert });
    }

    #[test]
    fn arbitrary_headers_never_panic(
        width in prop_oneof![-2i32..80, any::<i32>()],
        height in prop_oneof![-60i32..60, any::<i32>()],
        bits in prop_oneof![Just(24u16), Just(32), any::<u16>()],
        header_size in prop_oneof![Just(40u32), Just(108), Just(124), any::<u32>()],
        compression in prop_oneof![Just(0u32), Just(3), any::<u32>()],
        offset in prop_oneof![0u32..200, any::<u32>()],
        tail in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut bytes = b"BM\0\0\0\0\0\0\0\0".to_vec();
        bytes.extend_from_slice(&offset.to_le_bytes());
        bytes.extend_from_slice(&header_size.to_le_bytes());
        bytes.extend_from_slice(&width.to_le_bytes());
        bytes.extend_from_slice(&height.to_le_bytes());
        bytes.extend_from_slice(&1u16.to_le_bytes());
        bytes.extend_from_slice(&bits.to_le_bytes());
        bytes.extend_from_slice(&compression.to_le_bytes());
        bytes.extend_from_slice(&tail);
        exercise(&mut bytes, Roi { x: 0, y: 0, width: 1, height: 1 }, Edit::Invert);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let mut bytes = bytes;
        exercise(&mut bytes, Roi { x: 0, y: 0, width: 1, height: 1 }, Edit::Grayscale);
    }
}

/// The built example on seeded random damage to the sample and to other forms: it ends with
/// status 0 or 1, never a panic (101) or a signal.
#[test]
fn the_example_never_panics_on_damaged_files() {
    // xorshift64*: deterministic without another dependency.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |bound: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) as usize % bound
    };
    let bases = bases();
    let dir = scratch_dir("damaged");
    let out = dir.join("out.bmp");
    let (mut ok, mut rejected) = (0, 0);
    for case in 0..48 {
        let mut bytes = bases[case % bases.len()].clone();
        for _ in 0..1 + next(6) {
            // Mostly the headers, where damage changes what is decoded.
            let at = if next(4) == 0 {
                next(bytes.len())
            } else {
                next(140)
            };
            if let Some(byte) = bytes.get_mut(at) {
                *byte = next(256) as u8;
            }
        }
        if next(5) == 0 {
            let len = next(bytes.len() + 1);
            bytes.truncate(len);
        }
        let path = dir.join(format!("case{case:02}.bmp"));
        std::fs::write(&path, &bytes).expect("writes the damaged file");
        let output = run_example(&[path.as_os_str(), "-o".as_ref(), out.as_os_str()]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "case {case}: {stderr}");
        match output.status.code() {
            Some(0) => ok += 1,
            Some(1) => {
                assert_eq!(stderr.lines().count(), 1, "case {case}: {stderr}");
                rejected += 1;
            }
            other => panic!("case {case}: status {other:?}: {stderr}"),
        }
    }
    assert!(ok > 0 && rejected > 0, "{ok} accepted, {rejected} rejected");
}
