//! Reading and writing records allocates nothing: a counting global allocator watches views,
//! every getter and setter, the `_mut` accessors, record tables, `unpack*`, `pack_into`,
//! `to_bytes`, and the error paths (including formatting an error into a stack buffer).
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
use overlay::{Overlay, Records, RecordsMut};

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
    println!("zero_alloc: 1 passed, 0 failed");
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
            let path_len = invalid.path().map_or(0, |p| p.segments().len());
            write!(
                text,
                "{short} {too_short} {invalid} {not_multiple} {stride}"
            )
            .unwrap();
            write!(text, "{:?}", Header::view(&header_bytes).unwrap()).unwrap();
            (text.len, path_len, invalid.offset())
        },
    );
}
