//! A crate that forbids `unsafe` can derive: the generated code has none, for every field kind.
#![forbid(unsafe_code)]

use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i8)]
enum Mode {
    Off = -1,
    On = 1,
}

#[derive(Overlay, Clone, Copy, Debug, PartialEq)]
struct Pair {
    a: u8,
    b: i16,
}

#[derive(Overlay, Debug, PartialEq)]
#[overlay(endian = "big")]
struct Everything {
    tag: [u8; 2],
    small: u8,
    count: u32,
    #[overlay(endian = "little")]
    little: u64,
    wide: i128,
    ratio: f32,
    flag: bool,
    mode: Mode,
    pair: Pair,
    pairs: [Pair; 2],
    modes: [Mode; 2],
    values: [u16; 2],
    grid: [[i8; 2]; 2],
    #[overlay(pad)]
    _pad: [u8; 1],
}

#[test]
fn derived_types_work_without_unsafe() -> Result<(), Box<dyn std::error::Error>> {
    let value = Everything {
        tag: *b"FU",
        small: 1,
        count: 2,
        little: 3,
        wide: -4,
        ratio: 0.25,
        flag: true,
        mode: Mode::Off,
        pair: Pair { a: 5, b: -6 },
        pairs: [Pair { a: 7, b: 8 }, Pair { a: 9, b: 10 }],
        modes: [Mode::On, Mode::Off],
        values: [11, 12],
        grid: [[1, -1], [2, -2]],
        _pad: [0],
    };
    let mut bytes = value.to_bytes();
    assert_eq!(
        bytes.len(),
        2 + 1 + 4 + 8 + 16 + 4 + 1 + 1 + 3 + 6 + 2 + 4 + 4 + 1
    );
    assert_eq!(&bytes[..7], &[b'F', b'U', 1, 0, 0, 0, 2]);
    assert_eq!(&bytes[7..15], &3u64.to_le_bytes());
    // A nested struct keeps its own (little-endian) byte order.
    assert_eq!(&bytes[37..40], &[5, 0xFA, 0xFF]);

    let view = Everything::view(&bytes)?;
    assert_eq!(view.tag(), b"FU");
    assert_eq!(view.wide(), -4);
    assert_eq!(view.mode(), Mode::Off);
    assert_eq!(view.pair().b(), -6);
    assert_eq!(view.pairs().get(1).map(|p| p.a()), Some(9));
    assert_eq!(view.modes().to_array(), [Mode::On, Mode::Off]);
    assert_eq!(view.grid().to_array(), [[1, -1], [2, -2]]);
    assert_eq!(view.unpack(), value);

    let mut view = Everything::view_mut(&mut bytes)?;
    view.set_mode(Mode::On);
    view.pair_mut().set_b(100);
    view.values_mut().set(1, 13)?;
    assert_eq!(Everything::unpack(&bytes)?.values, [11, 13]);
    assert_eq!(Everything::unpack(&bytes)?.pair, Pair { a: 5, b: 100 });
    Ok(())
}
