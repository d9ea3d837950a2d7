#!/usr/bin/env python3
"""Writes seed inputs for every fuzz target into fuzz/seeds/TARGET/ (not committed).

The committed corpora (fuzz/corpus/TARGET/) were grown from these seeds by fuzzing and then
minimised with `cargo fuzz cmin`; rerun this to start a corpus afresh:

    python3 fuzz/make_seeds.py
    cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET corpus/TARGET seeds/TARGET -- -max_total_time=300
    RUSTC_BOOTSTRAP=1 cargo fuzz cmin TARGET corpus/TARGET

Seeds come from examples/data (pcap, wav), small ELF files on this machine (crt*.o,
/usr/bin/true) and ones built here: byte-swapped and extended-numbering ELF files, pcap files
in the other byte order and link types, WAV files of other formats, frame streams, formats of
every code, valid records and streams of each variable-length type, in the layout each target
reads its input (see the doc comment at the top of each target).
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "examples", "data")
OUT = os.path.join(HERE, "seeds")


def write(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(bytes(data))


def read(path):
    with open(path, "rb") as f:
        return f.read()


# --- pcap ---------------------------------------------------------------------------------

def pcap_records(data):
    """(header fields, packet bytes) of a little-endian classic pcap file."""
    out = []
    at = 24
    while at + 16 <= len(data):
        sec, frac, incl, orig = struct.unpack_from("<IIII", data, at)
        out.append(((sec, frac, incl, orig), data[at + 16 : at + 16 + incl]))
        at += 16 + incl
    return out


def pcap_file(order, magic, linktype, records):
    out = struct.pack(order + "IHHiIII", magic, 2, 4, 0, 0, 262144, linktype)
    for (sec, frac, _, orig), packet in records:
        out += struct.pack(order + "IIII", sec, frac, len(packet), orig) + packet
    return out


def pcap_seeds():
    sample = read(os.path.join(DATA, "sample.pcap"))
    write("pcap", "sample.pcap", sample)
    records = pcap_records(sample)
    write("pcap", "big-endian.pcap", pcap_file(">", 0xA1B2C3D4, 1, records))
    write("pcap", "nanoseconds.pcap", pcap_file("<", 0xA1B23C4D, 1, records))
    # Raw IPv4 (link types 101 and 228): the Ethernet header stripped.
    raw = [(h, p[14:]) for h, p in records]
    write("pcap", "raw.pcap", pcap_file("<", 0xA1B2C3D4, 101, raw[:6]))
    write("pcap", "ipv4.pcap", pcap_file(">", 0xA1B2C3D4, 228, raw[6:12]))
    # Linux cooked: a 16-byte header in place of Ethernet's 14.
    sll = [((s, f, i, o + 2), struct.pack(">HHH8sH", 0, 772, 6, b"\0" * 8, 0x0800) + p[14:])
           for (s, f, i, o), p in records]
    write("pcap", "cooked.pcap", pcap_file("<", 0xA1B2C3D4, 113, sll[:8]))
    write("pcap", "truncated.pcap", sample[: len(sample) - 7])
    write("pcap", "header-only.pcap", sample[:24])
    write("pcap", "pcapng.pcap", b"\x0a\x0d\x0d\x0a" + b"\0" * 24)
    for i, (h, p) in enumerate(records[:4]):
        write("pcap", f"one-{i}.pcap", pcap_file("<", 0xA1B2C3D4, 1, [(h, p)]))


# --- elf ----------------------------------------------------------------------------------

def swap(b, at, width):
    b[at : at + width] = b[at : at + width][::-1]


def to_big_endian(data):
    """A little-endian ELF64 file with its headers rewritten big-endian (as tests/elf_readelf.rs
    does)."""
    b = bytearray(data)
    phoff, phentsize, phnum = struct.unpack_from("<Q", b, 0x20)[0], *struct.unpack_from("<HH", b, 0x36)
    shoff = struct.unpack_from("<Q", b, 0x28)[0]
    shentsize, shnum = struct.unpack_from("<HH", b, 0x3A)
    for i in range(phnum):
        at = phoff + i * phentsize
        for field, width in [(0, 4), (4, 4), (8, 8), (16, 8), (24, 8), (32, 8), (40, 8), (48, 8)]:
            swap(b, at + field, width)
    for i in range(shnum):
        at = shoff + i * shentsize
        for field, width in [(0, 4), (4, 4), (8, 8), (16, 8), (24, 8), (32, 8), (40, 4), (44, 4), (48, 8), (56, 8)]:
            swap(b, at + field, width)
    b[5] = 2
    for field, width in [(0x10, 2), (0x12, 2), (0x14, 4), (0x18, 8), (0x20, 8), (0x28, 8), (0x30, 4)]:
        swap(b, field, width)
    for field in range(0x34, 0x40, 2):
        swap(b, field, 2)
    return bytes(b)


def tiny_elf(big):
    """A small ELF64 file: header, .text, the name table, three section headers."""
    o = ">" if big else "<"
    strings = b"\0.text\0.shstrtab\0"
    text_at, strings_at = 64, 72
    shoff = (strings_at + len(strings) + 7) // 8 * 8
    b = bytearray(shoff + 3 * 64)
    b[:8] = bytes([0x7F, ord("E"), ord("L"), ord("F"), 2, 2 if big else 1, 1, 0])
    struct.pack_into(o + "HHI", b, 0x10, 1, 62, 1)
    struct.pack_into(o + "Q", b, 0x28, shoff)
    struct.pack_into(o + "H", b, 0x34, 64)
    struct.pack_into(o + "HHH", b, 0x3A, 64, 3, 2)
    b[text_at : text_at + 8] = b"\xc3" * 8
    b[strings_at : strings_at + len(strings)] = strings
    for i, (name, kind, flags, at, size) in enumerate([(1, 1, 6, text_at, 8), (7, 3, 0, strings_at, len(strings))]):
        h = shoff + 64 * (i + 1)
        struct.pack_into(o + "IIQ", b, h, name, kind, flags)
        struct.pack_into(o + "QQ", b, h + 24, at, size)
        struct.pack_into(o + "Q", b, h + 48, 1)
    return bytes(b)


def pie_elf():
    """A tiny ET_DYN file with a PT_DYNAMIC segment whose DT_FLAGS_1 says PIE."""
    b = bytearray(tiny_elf(False))
    dyn_at = len(b)
    b += struct.pack("<qQqQ", 0x6FFFFFFB, 0x08000000, 0, 0)
    ph_at = len(b)
    b += struct.pack("<IIQQQQQQ", 2, 6, dyn_at, 0, 0, 32, 32, 8)
    struct.pack_into("<H", b, 0x10, 3)
    struct.pack_into("<Q", b, 0x20, ph_at)
    struct.pack_into("<HH", b, 0x36, 56, 1)
    return bytes(b)


def extended(data):
    """e_shnum = 0 and e_shstrndx = SHN_XINDEX, the real values in section 0."""
    b = bytearray(data)
    shoff = struct.unpack_from("<Q", b, 0x28)[0]
    shnum, shstrndx = struct.unpack_from("<HH", b, 0x3C)
    struct.pack_into("<Q", b, shoff + 32, shnum)
    struct.pack_into("<I", b, shoff + 40, shstrndx)
    struct.pack_into("<HH", b, 0x3C, 0, 0xFFFF)
    return bytes(b)


def elf_seeds():
    for name in ["tiny-le", "tiny-be"]:
        write("elf", name, tiny_elf(name.endswith("be")))
    write("elf", "tiny-pie", pie_elf())
    write("elf", "tiny-extended", extended(tiny_elf(False)))
    for path in ["/usr/lib/x86_64-linux-gnu/crtn.o", "/usr/lib/x86_64-linux-gnu/crti.o",
                 "/usr/lib/x86_64-linux-gnu/Scrt1.o", "/usr/bin/true"]:
        if os.path.exists(path):
            data = read(path)
            base = os.path.basename(path)
            write("elf", base, data)
            if data[4] == 2 and data[5] == 1 and len(data) < 4096:
                write("elf", base + "-big-endian", to_big_endian(data))
                write("elf", base + "-extended", extended(data))
    write("elf", "elf32", b"\x7fELF\x01\x01\x01" + b"\0" * 45)
    write("elf", "short", b"\x7fELF\x02\x01")


# --- wav ----------------------------------------------------------------------------------

def riff(chunks):
    body = b"WAVE"
    for cid, data in chunks:
        body += cid + struct.pack("<I", len(data)) + data
        if len(data) % 2:
            body += b"\0"
    return b"RIFF" + struct.pack("<I", len(body)) + body


def fmt(code, channels, rate, bits, extension=b""):
    align = channels * bits // 8
    data = struct.pack("<HHIIHH", code, channels, rate, rate * align, align, bits)
    return data + extension


def wav_seeds():
    write("wav", "tone.wav", read(os.path.join(DATA, "tone.wav")))
    samples16 = b"".join(struct.pack("<hh", v, -v) for v in range(-3000, 3000, 250))
    write("wav", "stereo16.wav", riff([(b"fmt ", fmt(1, 2, 44100, 16)), (b"data", samples16)]))
    write("wav", "mono8-odd.wav", riff([(b"fmt ", fmt(1, 1, 8000, 8)), (b"data", bytes(range(0, 255, 8))),
                                        (b"LIST", b"INFOISFT\x04\0\0\0abc\0")]))
    guid = b"\0\0\0\0\x10\0\x80\0\0\xaa\0\x38\x9b\x71"
    ext = struct.pack("<HHIH", 22, 16, 3, 1) + guid
    write("wav", "extensible.wav", riff([(b"fmt ", fmt(0xFFFE, 2, 48000, 16, ext)), (b"data", samples16[:40])]))
    write("wav", "no-data.wav", riff([(b"fmt ", fmt(1, 1, 8000, 8))]))
    write("wav", "float.wav", riff([(b"fmt ", fmt(3, 1, 8000, 32)), (b"data", b"\0" * 16)]))
    write("wav", "junk-first.wav", riff([(b"JUNK", b"\0" * 5), (b"fmt ", fmt(1, 3, 22050, 8)), (b"data", b"\x80" * 9)]))


# --- frames -------------------------------------------------------------------------------

def frame(kind, flags, body):
    return struct.pack(">HBBI", 0x4F56, kind, flags, len(body)) + body


def frames_seeds():
    hello = frame(1, 0, b"overlay frames v1")
    data = [frame(2, i, bytes(range(i * 7 % 40))) for i in range(6)]
    stream = hello + b"".join(data) + frame(3, 0, b"") + frame(4, 0, b"")
    for pick, seed in [(0x80, 0), (0x80, 77), (40, 3), (10, 200)]:
        write("frames", f"script-{pick}-{seed}", bytes([pick, seed]) + stream)
    write("frames", "bad-magic", bytes([0x80, 1]) + hello + b"XY" + b"\0" * 6)
    write("frames", "bad-kind", bytes([0x80, 2]) + frame(9, 0, b"abc"))
    write("frames", "too-long", bytes([5, 2]) + frame(2, 0, b"0123456789"))
    write("frames", "truncated", bytes([0x80, 9]) + (hello + data[3])[:-3])
    write("frames", "after-bye", bytes([0x80, 4]) + frame(4, 0, b"") + frame(2, 1, b"late"))


# --- library targets ----------------------------------------------------------------------

FORMATS = [
    "<4sIHH", ">HB?Q3h2xfZ", "@cid", "=qQ", "!lLhH", "bhiqlnBHIQLNP", "@b h i q", "3e2f1d",
    "<3e2f1d", ">e?", "10p", "0p3s", "256p", "c?x", "@?ixh", "@cdP", "!4s2xi", "<0s0x0i",
    "1000000000000000x", "9223372036854775807x", "99999999999999999999h", "3", " <h", "4 s",
    "@xl", "=n", "<\u00e9", "", "@", "xxxxxxxx", "2?3?", "\thq\n",
]


def struct_format_seeds():
    buffer = bytes(range(0, 256, 7)) + b"\x7e\x00\x00\x7c\xff\xff\xc0\x7f" * 2
    for i, f in enumerate(FORMATS):
        control = bytes([i % 16, i, 0, i % 8, (i * 37) % 256, 0, 0, 0])
        write("struct_format", f"format-{i:02}", f.encode() + b"\xff" + control + buffer)


def records_seeds():
    def seed(kind, offset, stride, count, ops, buffer):
        return bytes([kind]) + struct.pack("<QQQ", offset, stride, count) + bytes(ops) + bytes(buffer)

    rec = bytes([1, 0, 1, 0, 2, 0, 2, 1, 3, 0, 7, 0])
    write("records", "rec-dense", seed(0, 0, 4, 3, [0, 0x41, 1, 2, 2, 0, 3, 1], rec * 3))
    write("records", "rec-stride", seed(0, 1, 6, 4, [4, 0x23, 2, 0, 1, 3, 0, 0x90], b"\0" + rec * 3))
    write("records", "rec-bad", seed(0, 0, 4, 3, [0] * 8, rec + bytes([5, 0, 9, 0])))
    write("records", "bytes", seed(1, 3, 1, 30, [0, 0x85, 1, 4, 3, 0x81, 4, 0x19], range(40)))
    write("records", "triples", seed(2, 0, 5, 6, [2, 0, 4, 0x2b, 1, 1, 0, 0x44], range(64)))
    write("records", "nothing", seed(3, 0, 0, 1 << 63 | 5, [1, 5, 4, 0x31, 2, 0, 0, 7], b"\0" * 4))
    write("records", "huge-count", seed(3, 0, 0, 0xFFFFFFFFFFFFFFFF, [0, 0xC0, 2, 0, 3, 0x80, 1, 2], b""))
    write("records", "too-short", seed(0, 2, 9, 7, [0] * 8, rec * 4))


def var_stream_seeds():
    chunk = bytes([3]) + b"abc" + bytes([0, 1]) + b"x" + bytes([2]) + b"yz"
    write("var_stream", "chunk", bytes([0]) + chunk + bytes([9, 1]))
    item = lambda unit, ch, v: bytes([unit << 6 | ch]) + struct.pack(">h", v)
    msg = bytes([1, 0, 2]) + struct.pack(">H", 10) + item(1, 5, 300) + item(2, 63, -1) + b"body"
    write("var_stream", "msg", bytes([1]) + msg + msg + bytes([7, 1, 0, 0, 0]))
    write("var_stream", "msg-bad-item", bytes([1]) + msg + bytes([2, 0, 1, 0, 3]) + item(3, 0, 0))
    for big, name in [(True, "rt-big"), (False, "rt-little")]:
        o = ">" if big else "<"
        rt = struct.pack(o + "HH", 4, 0x0102) + bytes([1, 1, 2, 0]) + b"x"
        rt += struct.pack(o + "HH", 3, 0xFFFE) + bytes([1, 0, 2])
        write("var_stream", name, bytes([2 | (0x80 if big else 0)]) + rt)
    write("var_stream", "ratio", bytes([3]) + bytes([10, 3]) + b"abc" + bytes([1, 1, 5, 0]) + bytes([7, 0]))
    write("var_stream", "ratio-overflow", bytes([3, 200, 0x80]) + bytes([5, 0xFF]))
    write("var_stream", "bulk", bytes([4, 5]) + struct.pack(">HHH", 1, 2, 3))
    write("var_stream", "bulk-odd", bytes([4, 0xFE]) + b"abc")


def derived_seeds():
    record = bytes((i * 29 + 3) % 256 for i in range(65))
    for i in range(8):
        control = bytes([i * 9 % 256, i * 5, i, 255 - i, 0, 1, i, i * 3]) + bytes((i * 13 + k) % 256 for k in range(18))
        write("derived", f"record-{i}", control + record[i:] + record[:i])


def main():
    pcap_seeds()
    elf_seeds()
    wav_seeds()
    frames_seeds()
    struct_format_seeds()
    records_seeds()
    var_stream_seeds()
    derived_seeds()
    for target in sorted(os.listdir(OUT)):
        print(target, len(os.listdir(os.path.join(OUT, target))), "seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
