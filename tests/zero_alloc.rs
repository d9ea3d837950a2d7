//! Reading and writing records allocates nothing: a counting global allocator watches views,
//! every getter and setter, the `_mut` accessors, record tables, `unpack*`, `pack_into`,
//! `to_bytes`, the error paths (including formatting an error into a stack buffer), and hex
//! dumps (typed and of a run-time format, into a stack buffer); and
//! every way of slicing, iterating and reaching into strided tables and grids: `Records`
//! slice/step_by/rev/split_at/chunks/copy_to, `RecordsMut` split_at_mut/chunks_mut/iter_mut,
//! `Grid` get/row/column/rows/iter/slice/step/flips/transpose/copy_to, `GridMut`
//! get_mut/row_mut/rows_mut/slice_mut/split_at_row_mut/fill/copy_from, and their errors.
//!
//! Allocations are counted globally (stats_alloc), so this test runs without the test harness
//! (`harness = false`): no other thread allocates meanwhile. The counter is first shown to see
//! a deliberate allocation.

mod common;
#[path = "support/counting.rs"]
mod counting;

use std::fmt::Write as _;

use common::{Arrays, Color, Header, Level, Opcode, Packet, Point, PointLe, Trend, Value};
use counting::{assert_no_alloc, counted, StackText};
use overlay::{Endian, Grid, GridMut, Overlay, Records, RecordsMut};

fn sample_header() -> Header {
    Header {
        magic: *b"OVLY",
        version: 3,
        color: Color::Blue,
        opcode: Opcode::Erase,
        urgent: true,
        len: 0x0102_0304,
        origin: Point { x: -7, y: 9 },
        samples: [1, -2, 3, -4],
        reserved: [0; 3],
        ratio: 0.5,
        level: Level::Low,
    }
}

/// One test function, so that nothing else runs on this thread between the counter reads.
fn main() {
    reading_and_writing_records_allocates_nothing();
    strided_tables_and_grids_allocate_nothing();
    println!("zero_alloc: 2 passed, 0 failed");
}

fn reading_and_writing_records_allocates_nothing() {
    // The counter works: a Vec allocation is seen.
    let (_, count) = counted(|| vec![0u8; 64]);
    assert!(
        count >= 1,
        "the counting allocator must count a Vec allocation, counted {count}"
    );

    // Prepared outside the measured blocks.
    let header = sample_header();
    let header_bytes = header.to_bytes();
    let mut arrays = Arrays::zero();
    arrays.grid = [[1, 2], [3, 4], [5, 6]];
    arrays.names = [*b"abc", *b"xyz"];
    arrays.trends = [Trend::Up, Trend::Crash];
    arrays.points[1] = PointLe {
        x: 5,
        y: 1.5,
        on: true,
    };
    let arrays_bytes = arrays.to_bytes();
    let packet = Packet {
        header,
        ..Packet::zero()
    };
    let mut table = [0u8; Header::SIZE * 4];
    let mut strided = [0u8; (Header::SIZE + 5) * 3];
    let mut scratch = [0u8; Header::SIZE + 7];
    let mut text = StackText {
        buf: [0; 4096],
        len: 0,
    };

    assert_no_alloc("to_bytes and pack_into", || {
        let bytes = packet.to_bytes();
        header.pack_into(&mut scratch, 7).unwrap();
        for (i, chunk) in table.chunks_exact_mut(Header::SIZE).enumerate() {
            header.pack_into(chunk, 0).unwrap();
            chunk[1] = i as u8;
        }
        for i in 0..3 {
            header
                .pack_into(&mut strided, i * (Header::SIZE + 5))
                .unwrap();
        }
        bytes
    });

    assert_no_alloc("view, view_prefix, view_at and every getter", || {
        let view = Header::view(&header_bytes).unwrap();
        let (prefix, rest) = Header::view_prefix(&scratch[7..]).unwrap();
        let at = Header::view_at(&scratch, 7).unwrap();
        let mut sum = i64::from(view.version()) + i64::from(prefix.len()) + rest.len() as i64;
        sum += i64::from(at.magic()[0]) + view.color() as i64 + view.opcode() as i64;
        sum +=
            i64::from(view.urgent()) + i64::from(view.origin().x()) + i64::from(view.origin().y());
        sum += view.samples().iter().map(i64::from).sum::<i64>();
        sum += i64::from(view.samples().get(3).unwrap()) + i64::from(view.samples().to_array()[0]);
        sum += view.ratio() as i64 + view.level() as i64 + view.as_bytes().len() as i64;
        sum += view.samples().iter().rev().count() as i64;
        (sum, view.unpack(), at.origin().unpack())
    });

    assert_no_alloc(
        "getters of nested arrays, byte arrays, bools, enums and records",
        || {
            let view = Arrays::view(&arrays_bytes).unwrap();
            let mut sum = 0i64;
            for row in view.grid() {
                sum += row.iter().map(i64::from).sum::<i64>();
            }
            sum += i64::from(view.grid().get(2).unwrap().get(1).unwrap());
            sum += view
                .names()
                .iter()
                .map(|name| i64::from(name[2]))
                .sum::<i64>();
            sum += view.flags().iter().filter(|f| *f).count() as i64;
            sum += view.trends().iter().map(|t| t as i64).sum::<i64>();
            sum += view.levels().iter().map(|l| l as i64).sum::<i64>();
            sum += view
                .points()
                .iter()
                .map(|p| i64::from(p.x()) + i64::from(p.on()))
                .sum::<i64>();
            sum += view.weights().iter().map(|w| w as i64).sum::<i64>();
            sum += view.counters().get(1).unwrap() as i64;
            sum += view.cube().get(1).unwrap().get(1).unwrap().to_array()[1] as i64;
            sum += view.nothing().len() as i64 + view.no_bytes().len() as i64;
            (
                sum,
                view.unpack(),
                view.grid().to_array(),
                view.points().to_array(),
            )
        },
    );

    assert_no_alloc("unpack and unpack_from", || {
        (
            Header::unpack(&header_bytes).unwrap(),
            Header::unpack_from(&scratch, 7).unwrap(),
            Arrays::unpack(&arrays_bytes).unwrap(),
            Packet::unpack(&packet.to_bytes()).unwrap(),
        )
    });

    assert_no_alloc("view_mut, every setter and every _mut accessor", || {
        let mut view = Header::view_mut(&mut scratch[7..]).unwrap();
        view.set_magic(*b"ABCD");
        view.set_version(9);
        view.set_color(Color::Green);
        view.set_opcode(Opcode::Read);
        view.set_urgent(false);
        view.set_len(77);
        view.set_origin(Point { x: 1, y: 2 });
        view.set_samples([4, 3, 2, 1]);
        view.set_ratio(-1.25);
        view.set_level(Level::Floor);
        view.magic_mut()[0] = b'Z';
        view.color_mut().set(Color::Red);
        let color = view.color_mut().get();
        view.opcode_mut().set(Opcode::Write);
        view.level_mut().set(Level::High);
        view.origin_mut().set_x(-3);
        view.samples_mut().set(2, 99).unwrap();
        let out_of_range = view.samples_mut().set(4, 1).is_err();
        view.samples_mut().set_all([5, 6, 7, 8]);
        let second = view.samples_mut().get(1);
        let sum: i16 = view.samples_mut().iter().sum();
        let version = view.version() + view.as_view().version() + view.as_bytes().len() as u16;
        view.pack(&header);
        let unpacked = view.unpack();
        let view = view.into_view();
        (
            color,
            out_of_range,
            second,
            sum,
            version,
            unpacked,
            view.len(),
        )
    });

    assert_no_alloc(
        "view_prefix_mut, view_at_mut and accessors of nested arrays",
        || {
            let mut bytes = arrays_bytes;
            let mut view = Arrays::view_mut(&mut bytes).unwrap();
            view.set_grid([[0; 2]; 3]);
            view.grid_mut().get_mut(1).unwrap().set(0, 5).unwrap();
            view.names_mut().get_mut(0).unwrap()[1] = b'q';
            view.set_names([*b"one", *b"two"]);
            view.flags_mut().set(1, true).unwrap();
            view.set_flags([false; 3]);
            view.trends_mut().set(0, Trend::Moon).unwrap();
            view.set_trends([Trend::Flat; 2]);
            view.levels_mut().set_all([Level::High; 3]);
            view.set_levels([Level::Zero; 3]);
            view.points_mut().get_mut(0).unwrap().set_y(2.5);
            view.points_mut().get_mut(1).unwrap().set_on(false);
            view.set_points([PointLe::zero(); 2]);
            view.weights_mut().set(1, 0.25).unwrap();
            view.set_weights([1.0, 2.0]);
            view.counters_mut().set(0, u64::MAX).unwrap();
            view.set_counters([1, 2]);
            view.cube_mut()
                .get_mut(0)
                .unwrap()
                .get_mut(1)
                .unwrap()
                .set(1, -1)
                .unwrap();
            view.set_cube([[[1; 2]; 2]; 2]);
            view.set_nothing([]);
            view.set_no_bytes([]);
            let _ = view.nothing_mut().len() + view.no_bytes_mut().len();

            let (mut prefix, rest) = Header::view_prefix_mut(&mut scratch[7..]).unwrap();
            prefix.set_len(rest.len() as u32);
            let mut at = Header::view_at_mut(&mut table, Header::SIZE).unwrap();
            at.set_version(2);
            bytes
        },
    );

    assert_no_alloc(
        "records and records_mut: get, iteration both ways, with_stride",
        || {
            let records = Header::records(&table).unwrap();
            let mut sum = records.len() as u64;
            for view in records.iter() {
                sum += u64::from(view.len()) + u64::from(view.version());
            }
            sum += records
                .iter()
                .rev()
                .map(|v| u64::from(v.version()))
                .sum::<u64>();
            sum += u64::from(records.get(2).unwrap().version());
            sum += u64::from(records.first().unwrap().len() + records.last().unwrap().len());
            let strided_records =
                Records::<Header>::with_stride(&strided, 3, Header::SIZE + 5).unwrap();
            sum += strided_records
                .iter()
                .map(|v| u64::from(v.len()))
                .sum::<u64>();

            let mut records = Header::records_mut(&mut table).unwrap();
            for mut view in records.iter_mut() {
                view.set_version(view.version() + 1);
            }
            for mut view in records.iter_mut().rev() {
                view.samples_mut().set(0, 1).unwrap();
            }
            records.get_mut(1).unwrap().set_urgent(true);
            sum += u64::from(records.get(1).unwrap().urgent());
            sum += records.iter().count() as u64 + records.as_records().len() as u64;

            let mut strided_mut =
                RecordsMut::<Header>::with_stride(&mut strided, 3, Header::SIZE + 5).unwrap();
            for mut view in strided_mut.iter_mut() {
                view.origin_mut().set_y(1);
            }
            sum
        },
    );

    assert_no_alloc(
        "errors, and formatting them and views into a stack buffer",
        || {
            let short = Header::view(&header_bytes[1..]).unwrap_err();
            let too_short = Header::view_at(&header_bytes, 1).unwrap_err();
            let mut bad = header_bytes;
            bad[6] = 9; // not a Color
            let invalid = Header::unpack(&bad).unwrap_err();
            let not_multiple = Header::records(&table[1..]).unwrap_err();
            let stride = Records::<Header>::with_stride(&table, 2, 1).unwrap_err();
            let path_len = invalid.path().map_or(0, |p| p.segments().count());
            write!(
                text,
                "{short} {too_short} {invalid} {not_multiple} {stride}"
            )
            .unwrap();
            write!(text, "{:?}", Header::view(&header_bytes).unwrap()).unwrap();
            (text.len, path_len, invalid.offset())
        },
    );

    // Hex dumps write straight to the formatter: a typed one (nested records, arrays of every
    // kind, enums, pads) and one of a run-time format, compiled beforehand.
    let header_format = overlay::Struct::new(Header::FORMAT.unwrap()).unwrap();
    let mut dump = StackText {
        buf: [0; 4096],
        len: 0,
    };
    let lengths = assert_no_alloc(
        "hexdump and Struct::hexdump_from into a stack buffer",
        || {
            write!(dump, "{}", overlay::hexdump::<Header>(&header_bytes)).unwrap();
            let header = dump.len;
            dump.len = 0;
            write!(dump, "{}", overlay::hexdump::<Arrays>(&arrays_bytes)).unwrap();
            let arrays = dump.len;
            dump.len = 0;
            write!(dump, "{}", header_format.hexdump_from(&table, Header::SIZE)).unwrap();
            (header, arrays, dump.len)
        },
    );
    let text = std::str::from_utf8(&dump.buf[..dump.len]).unwrap();
    assert!(
        text.contains(" b'O\\x01LY'") && text.contains(" (1, -2, 3, -4)"),
        "{text}"
    );
    assert!(lengths.0 > 1000 && lengths.1 > 1000, "{lengths:?}");
}

fn strided_tables_and_grids_allocate_nothing() {
    // Prepared outside the measured blocks: a 12x16 image of bytes, 4x6 big-endian f32
    // samples, a 3x4 table of points (7-byte records with a bool, so validated) stored
    // bottom-up in 32-byte rows, and the buffers written to.
    let mut pixels = [0u8; 12 * 16];
    for (i, pixel) in pixels.iter_mut().enumerate() {
        *pixel = (i * 7) as u8;
    }
    let mut samples = [0u8; 4 * 6 * 4];
    for (i, sample) in samples.chunks_exact_mut(4).enumerate() {
        sample.copy_from_slice(&(i as f32 * 0.5).to_be_bytes());
    }
    let mut points = [0u8; 3 * 32];
    for row in 0..3 {
        for col in 0..4 {
            let point = PointLe {
                x: (10 * row + col) as i16,
                y: 0.25,
                on: col % 2 == 0,
            };
            point
                .pack_into(&mut points, (2 - row) * 32 + col * 7)
                .unwrap();
        }
    }
    let mut image = [0u8; 12 * 16];
    let mut copy = [0u8; 12 * 16];
    let mut floats = [0u8; 4 * 6 * 4];
    let mut text = StackText {
        buf: [0; 4096],
        len: 0,
    };

    assert_no_alloc(
        "Records slice, step_by, rev, split_at, chunks, copy_to and iteration",
        || {
            let table = u8::records(&pixels).unwrap();
            let picked = table.slice(10..90).unwrap().step_by(3).unwrap().rev();
            let mut sum = picked.iter().map(u64::from).sum::<u64>();
            sum += picked.iter().rev().map(u64::from).sum::<u64>();
            sum += u64::from(picked.get(5).unwrap()) + u64::from(picked.last().unwrap());
            sum += u64::from(picked.first().unwrap());
            sum += picked.len() as u64 + picked.stride().unsigned_abs() as u64;
            sum += u64::from(picked.is_contiguous()) + picked.as_bytes().len() as u64;
            let (left, right) = picked.split_at(10).unwrap();
            sum += left
                .iter()
                .chain(right.iter().rev())
                .map(u64::from)
                .sum::<u64>();
            for chunk in table.slice(..=100).unwrap().chunks(7).unwrap() {
                sum += chunk.iter().map(u64::from).sum::<u64>();
            }
            for chunk in picked.chunks(4).unwrap().rev() {
                sum += u64::from(chunk.last().unwrap());
            }
            sum += table
                .slice((std::ops::Bound::Excluded(3), std::ops::Bound::Unbounded))
                .unwrap()
                .len() as u64;
            picked.copy_to(&mut copy[..picked.len()]).unwrap();
            // The first point of each 32-byte row.
            let firsts = Records::<PointLe>::with_stride(&points, 3, 32).unwrap();
            for point in firsts.rev().step_by(2).unwrap() {
                sum += point.x() as u64;
            }
            sum
        },
    );

    assert_no_alloc(
        "Grid get, row, column, rows, iter, slice, step, flips, transpose and copy_to",
        || {
            let grid = u8::grid(&pixels, 12, 16).unwrap();
            let mut sum = u64::from(grid.get(3, 4).unwrap());
            sum += grid.row(2).unwrap().iter().map(u64::from).sum::<u64>();
            sum += grid
                .column(5)
                .unwrap()
                .iter()
                .rev()
                .map(u64::from)
                .sum::<u64>();
            for row in grid.rows().rev() {
                sum += u64::from(row.get(1).unwrap());
            }
            sum += grid.iter().map(u64::from).sum::<u64>();
            sum += grid.iter().rev().step_by(5).map(u64::from).sum::<u64>();
            let roi = grid.slice(2..10, 3..=12).unwrap().step(2, 3).unwrap();
            sum += roi.iter().map(u64::from).sum::<u64>();
            let turned = grid.transpose().flip_cols().flip_rows();
            sum += u64::from(turned.get(0, 0).unwrap()) + turned.rows().len() as u64;
            sum +=
                u64::from(grid.is_contiguous()) + grid.as_contiguous_bytes().unwrap().len() as u64;
            sum += u64::from(roi.as_contiguous_bytes().is_none());
            turned.copy_to(&mut copy).unwrap();
            roi.copy_to(&mut copy[..roi.len()]).unwrap();

            let big = Grid::<f32>::new_with(&samples, 4, 6, Endian::Big).unwrap();
            let total: f32 = big.slice(1.., ..).unwrap().transpose().iter().sum();
            sum += total as u64 + big.column(2).unwrap().iter().map(|v| v as u64).sum::<u64>();

            let stored = Grid::<PointLe>::with_strides(&points, 64, [3, 4], [-32, 7]).unwrap();
            for row in stored.rows() {
                for point in row {
                    sum += point.x() as u64 + u64::from(point.on());
                }
            }
            sum += stored.flip_cols().get(2, 0).unwrap().x() as u64;
            write!(text, "{:?}", grid.slice(..2, ..3).unwrap()).unwrap();
            sum
        },
    );

    assert_no_alloc(
        "GridMut get_mut, row_mut, rows_mut, slice_mut, split_at_row_mut, fill and copy_from",
        || {
            let source = u8::grid(&pixels, 12, 16).unwrap();
            let mut grid = u8::grid_mut(&mut image, 12, 16).unwrap();
            grid.copy_from(&source).unwrap();
            grid.get_mut(1, 1).unwrap().set(9);
            for mut value in grid.row_mut(3).unwrap().iter_mut().rev() {
                value.set(value.get() / 2);
            }
            for mut row in grid.rows_mut().unwrap().rev() {
                row.get_mut(0).unwrap().set(1);
            }
            grid.slice_mut(4..8, 2..6).unwrap().fill(&7).unwrap();
            {
                let (mut top, mut bottom) = grid.split_at_row_mut(6).unwrap();
                top.fill(&2).unwrap();
                bottom
                    .slice_mut(.., ..8)
                    .unwrap()
                    .copy_from(&source.slice(..6, 8..).unwrap())
                    .unwrap();
            }
            let mut flipped = grid.reborrow().flip_rows().step(2, 1).unwrap().transpose();
            flipped.get_mut(0, 0).unwrap().set(3);
            let sum: u64 = grid.as_grid().iter().map(u64::from).sum();

            let big = Grid::<f32>::new_with(&samples, 4, 6, Endian::Big).unwrap();
            let mut little = GridMut::<f32>::new(&mut floats, 6, 4).unwrap();
            little.copy_from(&big.transpose()).unwrap();
            little.get_mut(5, 3).unwrap().set(-1.0);

            let mut stored =
                GridMut::<PointLe>::with_strides(&mut points, 64, [3, 4], [-32, 7]).unwrap();
            stored.get_mut(0, 0).unwrap().set_y(1.5);
            for mut row in stored.rows_mut().unwrap() {
                for mut point in row.iter_mut() {
                    point.set_on(true);
                }
            }
            stored
                .slice_mut(1.., 1..3)
                .unwrap()
                .fill(&PointLe {
                    x: 5,
                    y: 2.0,
                    on: false,
                })
                .unwrap();
            sum
        },
    );

    assert_no_alloc(
        "RecordsMut split_at_mut, chunks_mut, iter_mut, slice_mut, step_by and rev",
        || {
            let mut table = u8::records_mut(&mut copy).unwrap();
            {
                let (mut left, mut right) = table.split_at_mut(100).unwrap();
                for mut value in left.iter_mut() {
                    value.set(1);
                }
                for mut value in right.iter_mut().rev() {
                    value.set(2);
                }
            }
            for (i, mut chunk) in table.chunks_mut(9).unwrap().enumerate() {
                chunk.get_mut(0).unwrap().set(i as u8);
            }
            for mut chunk in table.chunks_mut(10).unwrap().rev() {
                for mut value in chunk.iter_mut() {
                    value.set(value.get().wrapping_add(1));
                }
            }
            for mut value in table.slice_mut(5..50).unwrap().iter_mut() {
                value.set(3);
            }
            let mut picked = table.reborrow().step_by(4).unwrap().rev();
            for mut value in picked.iter_mut() {
                value.set(4);
            }
            let mut strided = RecordsMut::<PointLe>::with_stride(&mut points, 3, 32)
                .unwrap()
                .rev();
            for mut point in strided.iter_mut() {
                point.set_x(-1);
            }
            let mut nothing: [u8; 0] = [];
            let mut empty = RecordsMut::<[u8; 0]>::with_stride(&mut nothing, 8, 0).unwrap();
            let zero_sized = empty.iter_mut().count() + empty.chunks_mut(3).unwrap().count();
            (zero_sized, table.iter().map(u64::from).sum::<u64>())
        },
    );

    assert_no_alloc(
        "errors of tables and grids, formatted into a stack buffer",
        || {
            let table = u8::records(&pixels).unwrap();
            let grid = u8::grid(&pixels, 12, 16).unwrap();
            let range = table.slice(5..500).unwrap_err();
            let step = table.step_by(0).unwrap_err();
            let chunks = table.chunks(0).err().unwrap();
            let split = table.split_at(1000).unwrap_err();
            let bounds = Grid::<u16>::with_strides(&pixels, 6, [3, 4], [-4, 2]).unwrap_err();
            let huge = Grid::<u8>::with_strides(&pixels, 0, [usize::MAX, 2], [0, 0]).unwrap_err();
            let length = Grid::<u8>::new(&pixels, 5, 5).unwrap_err();
            let overlap = GridMut::<u16>::with_strides(&mut image, 0, [2, 3], [1, 1]).unwrap_err();
            let mut column_major = u8::grid_mut(&mut image, 12, 16).unwrap().transpose();
            let interleave = column_major.rows_mut().err().unwrap();
            let split_rows = column_major.split_at_row_mut(3).err().unwrap();
            let shape = column_major.copy_from(&grid).unwrap_err();
            let copy_length = grid.copy_to(&mut copy[..10]).unwrap_err();
            write!(
                text,
                "{range} {step} {chunks} {split} {bounds} {huge} {length} {overlap} \
                 {interleave} {split_rows} {shape} {copy_length}"
            )
            .unwrap();
            text.len
        },
    );
}
