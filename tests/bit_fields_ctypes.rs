//! Bit fields against CPython's `ctypes`: `BigEndianStructure` and `LittleEndianStructure` with
//! bit widths lay out the same bits as `#[overlay(bits = N)]` in big-endian (most significant
//! first) and little-endian (least significant first) structs. Random values are packed by
//! ctypes and read by overlay, and the reverse.

#[path = "support/tools.rs"]
mod tools;

use overlay::Overlay;

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct TcpWord {
    #[overlay(bits = 4)]
    pub data_offset: u8,
    #[overlay(bits = 3)]
    pub reserved: u8,
    #[overlay(bits = 9)]
    pub flags: u16,
}

#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Register {
    #[overlay(bits = 3)]
    pub mode: u8,
    #[overlay(bits = 5)]
    pub delta: i8,
    #[overlay(bits = 24)]
    pub count: u32,
}

const PYTHON: &str = r#"
import ctypes as c, sys
class TcpWord(c.BigEndianStructure):
    _pack_ = 1
    _fields_ = [("data_offset", c.c_uint16, 4), ("reserved", c.c_uint16, 3), ("flags", c.c_uint16, 9)]
class Register(c.LittleEndianStructure):
    _pack_ = 1
    _fields_ = [("mode", c.c_uint32, 3), ("delta", c.c_int32, 5), ("count", c.c_uint32, 24)]
types = {"TcpWord": TcpWord, "Register": Register}
for line in sys.stdin:
    kind, name, rest = line.split(" ", 2)
    t = types[name]
    if kind == "pack":
        values = [int(v) for v in rest.split()]
        print(bytes(t(*values)).hex())
    else:
        s = t.from_buffer_copy(bytes.fromhex(rest.strip()))
        print(" ".join(str(getattr(s, f[0])) for f in t._fields_))
"#;

fn python(input: &str) -> Option<Vec<String>> {
    if !tools::tool_available("python3", &["-c", "import ctypes"], "the ctypes comparison") {
        return None;
    }
    let output = tools::run_python(PYTHON, &[], input.to_owned());
    Some(output.lines().map(str::to_owned).collect())
}

/// A deterministic generator (splitmix64), so a failure names a reproducible case.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[test]
fn overlay_and_ctypes_agree_on_bit_layouts() {
    let mut rng = Rng(2026);
    let mut input = String::new();
    let mut tcp = Vec::new();
    let mut regs = Vec::new();
    for _ in 0..300 {
        let t = TcpWord {
            data_offset: (rng.next() % 16) as u8,
            reserved: (rng.next() % 8) as u8,
            flags: (rng.next() % 512) as u16,
        };
        let r = Register {
            mode: (rng.next() % 8) as u8,
            delta: (rng.next() % 32) as i8 - 16,
            count: (rng.next() % (1 << 24)) as u32,
        };
        input += &format!(
            "pack TcpWord {} {} {}\n",
            t.data_offset, t.reserved, t.flags
        );
        input += &format!("pack Register {} {} {}\n", r.mode, r.delta, r.count);
        let (tb, rb) = (rng.next().to_be_bytes(), rng.next().to_be_bytes());
        input += &format!("read TcpWord {:02x}{:02x}\n", tb[0], tb[1]);
        input += &format!(
            "read Register {:02x}{:02x}{:02x}{:02x}\n",
            rb[0], rb[1], rb[2], rb[3]
        );
        tcp.push((t, [tb[0], tb[1]]));
        regs.push((r, [rb[0], rb[1], rb[2], rb[3]]));
    }
    let Some(lines) = python(&input) else { return };
    assert_eq!(lines.len(), 4 * tcp.len());
    for (i, ((t, tb), (r, rb))) in tcp.iter().zip(&regs).enumerate() {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            lines[4 * i],
            hex(&t.to_bytes()),
            "ctypes packs {t:?} the same"
        );
        assert_eq!(
            lines[4 * i + 1],
            hex(&r.to_bytes()),
            "ctypes packs {r:?} the same"
        );
        let v = TcpWord::view(tb).unwrap();
        assert_eq!(
            lines[4 * i + 2],
            format!("{} {} {}", v.data_offset(), v.reserved(), v.flags())
        );
        let v = Register::view(rb).unwrap();
        assert_eq!(
            lines[4 * i + 3],
            format!("{} {} {}", v.mode(), v.delta(), v.count())
        );
    }
}
