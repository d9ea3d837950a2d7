#!/usr/bin/env python3
"""Rewrites a capture as pcapng with python3's struct module, exercising what a pcapng reader
must handle; tests/pcapng_tcpdump.rs compares the pcap example with tcpdump on the results.

    python3 examples/data/to_pcapng.py IN.pcap OUT.pcapng [--big-endian]
    python3 examples/data/to_pcapng.py IN.pcapng OUT.pcapng --big-endian

From a classic pcap file (either byte order, micro- or nanosecond time stamps) it writes:
  - a first section: a Section Header Block with options, a custom block before any
    interface, three Interface Description Blocks of the file's link type and snapshot
    length, with time stamps in nanoseconds (if_tsresol 9), in 2^-20 s (if_tsresol 0x94) with
    if_tsoffset, and in the default microseconds, and a Name Resolution Block;
  - its first half of the packets as Enhanced Packet Blocks (options: a comment and
    epb_flags) on those interfaces in turn, every fourth one as an obsolete Packet Block and,
    where a packet was captured whole, every fifth as a Simple Packet Block (no time stamp);
  - an Interface Statistics Block, then a second section (a new Section Header Block, its own
    interface) holding the other packets.
libpcap 1.10 reads all of it (it wants one link type and snapshot length for the whole file).

From a pcapng file (little-endian, as scapy and dumpcap write them) with --big-endian it
writes the same blocks in big-endian byte order: every field libpcap or the example reads is
swapped, and every option's code and length.
"""
import struct
import sys

SHB, IDB, PB, SPB, NRB, ISB, EPB = 0x0A0D0D0A, 1, 2, 3, 4, 5, 6


def pad(data):
    return data + b"\0" * (-len(data) % 4)


class Writer:
    def __init__(self, endian):
        self.e = endian
        self.out = bytearray()

    def block(self, kind, body):
        body = pad(body)
        total = 12 + len(body)
        self.out += struct.pack(self.e + "II", kind, total) + body + struct.pack(self.e + "I", total)

    def options(self, *options):
        data = b""
        for code, value in options:
            data += struct.pack(self.e + "HH", code, len(value)) + pad(value)
        return data + struct.pack(self.e + "HH", 0, 0)

    def section(self):
        options = self.options((4, b"overlay to_pcapng.py"), (1, b"a comment\r\n"))
        self.block(SHB, struct.pack(self.e + "IHHq", 0x1A2B3C4D, 1, 0, -1) + options)

    def interface(self, linktype, snaplen, *options):
        body = struct.pack(self.e + "HHI", linktype, 0, snaplen)
        if options:
            body += self.options(*options)
        self.block(IDB, body)


def read_pcap(data):
    magic = data[:4]
    endian = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    (number,) = struct.unpack(endian + "I", magic)
    nano = number == 0xA1B23C4D
    _, _, _, _, _, snaplen, network = struct.unpack_from(endian + "IHHiIII", data, 0)
    packets, at = [], 24
    while at < len(data):
        sec, frac, incl, orig = struct.unpack_from(endian + "IIII", data, at)
        nanos = frac if nano else frac * 1000
        packets.append((sec * 10**9 + nanos, orig, data[at + 16 : at + 16 + incl]))
        at += 16 + incl
    return snaplen, network & 0xFFFF, packets


def variety(pcap, endian):
    snaplen, linktype, packets = read_pcap(pcap)
    w = Writer(endian)
    w.section()
    w.block(0x00000BAD, struct.pack(w.e + "I", 32473) + b"custom, skipped")
    offset = 86400  # if_tsoffset of interface 1: its time stamps count from a day later
    w.interface(linktype, snaplen, (2, b"ns"), (9, b"\x09"))
    w.interface(linktype, snaplen, (9, b"\x94"), (14, struct.pack(w.e + "q", offset)))
    w.interface(linktype, snaplen)
    w.block(NRB, struct.pack(w.e + "HH", 1, 6) + pad(b"\x7f\0\0\x01lo") + struct.pack(w.e + "HH", 0, 0))
    half = len(packets) // 2
    for i, (nanos, orig, data) in enumerate(packets):
        if i == half:
            w.block(ISB, struct.pack(w.e + "III", 0, 0, 0) + w.options((4, struct.pack(w.e + "Q", 7))))
            w.section()
            w.interface(linktype, snaplen)
        if i >= half:
            stamp = nanos // 1000
            w.block(EPB, struct.pack(w.e + "IIIII", 0, stamp >> 32, stamp & 0xFFFFFFFF, len(data), orig) + pad(data))
            continue
        if i % 5 == 4 and len(data) == orig:
            w.block(SPB, struct.pack(w.e + "I", orig) + pad(data))
            continue
        interface = i % 3
        stamp = [nanos, ((nanos // 10**9 - offset) << 20) + (nanos % 10**9 << 20) // 10**9, nanos // 1000][interface]
        if i % 4 == 3:
            w.block(PB, struct.pack(w.e + "HHIIII", interface, 0, stamp >> 32, stamp & 0xFFFFFFFF, len(data), orig) + pad(data))
            continue
        options = w.options((1, b"packet %d" % (i + 1)), (2, struct.pack(w.e + "I", 1)))
        w.block(EPB, struct.pack(w.e + "IIIII", interface, stamp >> 32, stamp & 0xFFFFFFFF, len(data), orig) + pad(data) + options)
    return bytes(w.out)


def swap_options(data, numeric):
    """Options of a little-endian block, big-endian: code and length, and the values of the
    codes in `numeric` (code -> struct format)."""
    out, at = b"", 0
    while at + 4 <= len(data):
        code, length = struct.unpack_from("<HH", data, at)
        value = data[at + 4 : at + 4 + length]
        if code in numeric and len(value) == struct.calcsize(numeric[code]):
            value = struct.pack(">" + numeric[code], *struct.unpack("<" + numeric[code], value))
        out += struct.pack(">HH", code, length) + pad(value)
        at += 4 + length + (-length % 4)
    return out + data[at:]


def to_big_endian(data):
    out, at = bytearray(), 0
    while at < len(data):
        kind, total = struct.unpack_from("<II", data, at)
        body = data[at + 8 : at + total - 4]
        if kind == SHB:
            magic, major, minor, length = struct.unpack_from("<IHHq", body)
            body = struct.pack(">IHHq", magic, major, minor, length) + swap_options(body[16:], {})
        elif kind == IDB:
            fields = struct.unpack_from("<HHI", body)
            body = struct.pack(">HHI", *fields) + swap_options(body[8:], {14: "q", 8: "Q"})
        elif kind == EPB:
            fields = struct.unpack_from("<IIIII", body)
            end = 20 + fields[3] + (-fields[3] % 4)
            body = struct.pack(">IIIII", *fields) + body[20:end] + swap_options(body[end:], {2: "I"})
        elif kind == PB:
            fields = struct.unpack_from("<HHIIII", body)
            end = 20 + fields[4] + (-fields[4] % 4)
            body = struct.pack(">HHIIII", *fields) + body[20:end] + swap_options(body[end:], {})
        elif kind == SPB:
            body = struct.pack(">I", *struct.unpack_from("<I", body)) + body[4:]
        elif kind == ISB:
            fields = struct.unpack_from("<III", body)
            body = struct.pack(">III", *fields) + swap_options(body[12:], {})
        out += struct.pack(">II", kind, total) + body + struct.pack(">I", total)
        at += total
    return bytes(out)


def main():
    source, destination = sys.argv[1], sys.argv[2]
    big = "--big-endian" in sys.argv[3:]
    data = open(source, "rb").read()
    if data[:4] == b"\x0a\x0d\x0d\x0a":
        assert big, "a pcapng input is only turned big-endian"
        out = to_big_endian(data)
    else:
        out = variety(data, ">" if big else "<")
    open(destination, "wb").write(out)


main()
