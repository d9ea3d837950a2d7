use overlay::{Overlay, VarBytes, VarOverlay, Uleb128, Sleb128, SqliteVarint};

#[derive(Overlay)]
pub struct Section {
    id: u8,
    len: Uleb128,
    #[overlay(bytes = "len")]
    contents: VarBytes,
}

#[derive(Overlay)]
pub struct Cell {
    payload_size: SqliteVarint,
    rowid: SqliteVarint,
    delta: Sleb128,
    #[overlay(bytes = "min(payload_size, 4)")]
    payload: VarBytes,
    #[overlay(rest)]
    rest: VarBytes,
}

#[test]
fn smoke() {
    let bytes = [1u8, 0x83, 0x00, 1, 2, 3];
    let s = Section::view(&bytes).unwrap();
    assert_eq!(s.len(), 3);
    assert_eq!(s.contents(), &[1, 2, 3]);
    println!("{s:?}");
    let bytes = [5u8, 0x81, 0x00, 0x7f, b'a', b'b', b'c', b'd', b'e', 9];
    let c = Cell::view(&bytes).unwrap();
    assert_eq!((c.payload_size(), c.rowid(), c.delta()), (5, 128, -1));
    assert_eq!(c.payload(), b"abcd");
    println!("{c:?}");
    let e = Section::view(&[1u8, 0x83]).unwrap_err();
    println!("{e}");
    let e = Section::view(&[1u8, 0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0xff,0x02]).unwrap_err();
    println!("{e}");
    let mut bytes = [1u8, 0x83, 0x00, 1, 2, 3];
    let mut m = Section::view_mut(&mut bytes).unwrap();
    m.set_len(100).unwrap();
    println!("{}", m.set_len(1 << 20).unwrap_err());
    assert_eq!(m.len(), 100);
    assert_eq!(bytes[1..3], [0xe4, 0x00]);
}
