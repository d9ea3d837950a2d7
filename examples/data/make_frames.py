"""Frames that loopback cannot carry, written with scapy to a classic pcap and a pcapng file.

    python3 examples/data/make_frames.py OUT.pcap OUT.pcapng [ethernet|sll|sll2|raw]

ARP requests, replies, NAKs and unknown operations, 802.1Q VLAN tags (one and two), ICMP
echo, unreachable, time stamp, address mask and router discovery, IPv4 with options and
fragments, IPv6 with hop-by-hop, routing, fragment and destination-options extension headers,
ICMPv6 echo, neighbor discovery, unreachable, multicast listener discovery (versions 1 and 2),
node information, mobility requests, RPL, router renumbering and types tcpdump dumps in hex,
TCP and UDP over both, and headers and messages shorter on the wire than their fixed part.
Every frame has its own time stamp (a fixed date, microseconds apart), so that files made
twice are the same. The link layer is Ethernet by default; `sll`, `sll2` and `raw` wrap the
same datagrams in Linux cooked v1, v2 or nothing. ARP and stacked VLAN tags come on Ethernet
only; the cooked links carry one VLAN-tagged UDP datagram and one tagged ARP request.
Ports stay off the ones tcpdump decodes as applications (53, 80, ...), so every line is the
protocol's own.
"""

import socket
import struct
import sys

from scapy.all import (
    ARP, CookedLinux, CookedLinuxV2, Dot1Q, Ether, ICMP, IP, IPv6, IPv6ExtHdrDestOpt,
    IPv6ExtHdrFragment, IPv6ExtHdrHopByHop, IPv6ExtHdrRouting, ICMPv6DestUnreach,
    ICMPv6EchoReply, ICMPv6EchoRequest, ICMPv6MLDMultAddrRec, ICMPv6MLDone, ICMPv6MLQuery,
    ICMPv6MLQuery2, ICMPv6MLReport, ICMPv6MLReport2, ICMPv6Unknown, ICMPv6ND_NA, ICMPv6ND_NS,
    ICMPv6NIQueryIPv4, ICMPv6NIQueryIPv6, ICMPv6NIQueryName, ICMPv6NIQueryNOOP, ICMPv6NIReplyIPv6,
    ICMPv6NIReplyName, ICMPv6NIReplyRefuse, ICMPv6NIReplyUnknown,
    ICMPv6NDOptSrcLLAddr,
    ICMPv6PacketTooBig, ICMPv6TimeExceeded, Padding, PcapNgWriter, Raw, TCP, UDP, fragment, wrpcap,
)

A, B = "192.0.2.1", "198.51.100.7"
A6, B6 = "2001:db8::1", "2001:db8:0:1::7"
LL6 = "fe80::1"
MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
# Twelve router advertisement entries: an address and a preference each.
ADVERT = b"".join(bytes([198, 51, 100, i]) + (i * 1000).to_bytes(4, "big") for i in range(12))


def node_info(kind, code, qtype, flags, data):
    """A node information message of any content: query type, flags, a nonce, then `data`."""
    body = qtype.to_bytes(2, "big") + flags.to_bytes(2, "big") + b"N" * 8 + data
    return IPv6(src=A6, dst=B6) / ICMPv6Unknown(type=kind, code=code, msgbody=body)


def datagrams():
    """IPv4 and IPv6 datagrams, any link."""
    out = [
        IP(src=A, dst=B) / ICMP(type=8, id=0x1234, seq=1) / Raw(b"x" * 56),
        IP(src=B, dst=A) / ICMP(type=0, id=0x1234, seq=1) / Raw(b"x" * 56),
        IP(src=B, dst=A) / ICMP(type=3, code=3) / IP(src=A, dst=B) / UDP(sport=40000, dport=9),
        IP(src=A, dst=B, options=b"\x94\x04\x00\x00") / UDP(sport=45353, dport=45053) / Raw(b"q" * 12),
        IP(src=A, dst=B) / TCP(sport=40001, dport=45080, flags="S", seq=1000,
                               options=[("MSS", 1460), ("SAckOK", b""), ("WScale", 7)]),
        IP(src=B, dst=A) / TCP(sport=45080, dport=40001, flags="SA", seq=5000, ack=1001),
        IP(src=A, dst=B) / TCP(sport=40001, dport=45080, flags="A", seq=1001, ack=5001),
        IP(src=A, dst=B) / TCP(sport=40001, dport=45080, flags="PA", seq=1001, ack=5001) / Raw(b"GET /\r\n"),
        IP(src=A, dst=B, proto=253) / Raw(b"\x00" * 8),
        IP(src=A, dst=B) / ICMP(type=13, id=0x11, seq=2, ts_ori=45296789, ts_rx=0, ts_tx=0),
        IP(src=B, dst=A) / ICMP(type=14, id=0x11, seq=2, ts_ori=45296789, ts_rx=86400000, ts_tx=0xffffffff),
        IP(src=A, dst=B) / ICMP(type=17, id=3, seq=4, addr_mask="0.0.0.0"),
        IP(src=B, dst=A) / ICMP(type=18, id=3, seq=4, addr_mask="255.255.255.0"),
        IP(src=A, dst="224.0.0.2") / ICMP(type=10),
        # Router advertisements (RFC 1256): count, entry size, lifetime, then the entries.
        IP(src=B, dst="224.0.0.1") / ICMP(type=9, unused=0x02020708) / Raw(ADVERT[:16]),
        IP(src=B, dst="224.0.0.1") / ICMP(type=9, unused=0x0c020020) / Raw(ADVERT),
        IP(src=B, dst="224.0.0.1") / ICMP(type=9, unused=0x0103ffff) / Raw(ADVERT[:12]),
        IP(src=B, dst="224.0.0.1") / ICMP(type=9, unused=0x00020e10),
        IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=7, seq=1, data=b"ping"),
        IPv6(src=B6, dst=A6) / ICMPv6EchoReply(id=7, seq=1, data=b"ping"),
        IPv6(src=A6, dst="ff02::1:ff00:7", hlim=255) / ICMPv6ND_NS(tgt=B6) / ICMPv6NDOptSrcLLAddr(lladdr=MAC_A),
        IPv6(src=B6, dst=A6, hlim=255) / ICMPv6ND_NA(tgt=B6, R=0, S=1, O=1),
        IPv6(src=B6, dst=A6) / ICMPv6DestUnreach(code=4) / IPv6(src=A6, dst=B6) / UDP(sport=40002, dport=9),
        IPv6(src=B6, dst=A6) / ICMPv6PacketTooBig(mtu=1280) / IPv6(src=A6, dst=B6) / UDP(sport=40002, dport=9),
        IPv6(src=B6, dst=A6) / ICMPv6TimeExceeded() / IPv6(src=A6, dst=B6) / UDP(sport=40002, dport=9),
        IPv6(src=B6, dst=A6) / ICMPv6DestUnreach(code=7) / IPv6(src=A6, dst=B6) / UDP(sport=40002, dport=9),
        # Multicast listener discovery, versions 1 and 2.
        IPv6(src=LL6, dst="ff02::1", hlim=1) / ICMPv6MLQuery(mladdr="::"),
        IPv6(src=LL6, dst="ff02::1", hlim=1) / ICMPv6MLQuery(mladdr="ff02::fb", mrd=1000) / Raw(b"\x01\x02"),
        IPv6(src=LL6, dst="ff02::fb", hlim=1) / ICMPv6MLReport(mladdr="ff02::fb"),
        IPv6(src=LL6, dst="ff02::2", hlim=1) / ICMPv6MLDone(mladdr="ff02::fb"),
        IPv6(src=LL6, dst="ff02::1", hlim=1) / ICMPv6MLQuery2(mladdr="ff02::fb", sources=["fe80::5"]),
        IPv6(src=LL6, dst="ff02::1", hlim=1) / ICMPv6MLQuery2(mladdr="ff02::fb", sources_number=3, sources=["fe80::5"]),
        IPv6(src=LL6, dst="ff02::1", hlim=1) / ICMPv6MLQuery2(),
        IPv6(src=LL6, dst="ff02::16", hlim=1) / ICMPv6MLReport2(records=[
            ICMPv6MLDMultAddrRec(dst="ff02::fb"), ICMPv6MLDMultAddrRec(rtype=3, dst="ff02::1:3", sources=["fe80::5"])]),
        # Node information queries and replies (RFC 4620), and forms tcpdump still reads.
        IPv6(src=A6, dst=B6) / ICMPv6NIQueryNOOP(nonce=b"N" * 8),
        IPv6(src=A6, dst=B6) / ICMPv6NIQueryName(nonce=b"N" * 8, data="2001:db8::5"),
        IPv6(src=A6, dst=B6) / ICMPv6NIQueryIPv6(nonce=b"N" * 8, data="2001:db8::5"),
        IPv6(src=A6, dst=B6) / ICMPv6NIQueryIPv4(nonce=b"N" * 8, data="192.0.2.9"),
        IPv6(src=B6, dst=A6) / ICMPv6NIReplyName(nonce=b"N" * 8, data="host.example"),
        IPv6(src=B6, dst=A6) / ICMPv6NIReplyIPv6(nonce=b"N" * 8, data=[(30, "2001:db8::7")]),
        IPv6(src=B6, dst=A6) / ICMPv6NIReplyRefuse(nonce=b"N" * 8),
        IPv6(src=B6, dst=A6) / ICMPv6NIReplyUnknown(nonce=b"N" * 8),
        node_info(139, 0, 3, 0x007F, bytes(16)),
        node_info(139, 0, 1, 0x0001, b""),
        node_info(139, 1, 2, 0, b"\x04host\x07example\x00"),
        node_info(139, 1, 2, 0, b"\x05ab\xffc\x7f"),
        node_info(139, 7, 2, 0, b"\x01\x02"),
        IPv6(src=A6, dst=B6) / ICMPv6Unknown(type=139, msgbody=b"\x00" * 8),
        node_info(140, 0, 2, 1, b"\x00\x00\x00\x1e\x04host\x00"),
        node_info(140, 0, 2, 0, b"\x00\x00\x00\x01\x03abc\x05x"),
        node_info(140, 0, 2, 0, b"\x00\x00"),
        node_info(140, 0, 3, 0x0001, b"\x00\x00\x00\x1e" + bytes(16) + b"\x00\x00\x00\x01"),
        node_info(140, 5, 2, 0, b""),
        # Home agent discovery and mobile prefix requests (their identifier), RPL (its code).
        IPv6(src=A6, dst=B6) / ICMPv6Unknown(type=144, msgbody=b"\x12\x34\x00\x00"),
        IPv6(src=A6, dst=B6) / ICMPv6Unknown(type=146, msgbody=b"\xab\xcd\x00\x00"),
    ] + [
        IPv6(src=A6, dst=B6) / ICMPv6Unknown(type=155, code=code, msgbody=bytes(4))
        for code in (0, 1, 2, 3, 9, 0x80)
    ] + [
        # Types tcpdump has no case for: it dumps them in hex.
        IPv6(src=A6, dst=B6) / ICMPv6Unknown(type=201, msgbody=bytes(range(33))),
        IPv6(src=A6, dst=B6) / ICMPv6Unknown(type=5, msgbody=b""),
        IPv6(src=A6, dst=B6) / ICMPv6Unknown(type=100, code=3, msgbody=b"\x01\x02"),
        IPv6(src=A6, dst=B6) / UDP(sport=40003, dport=45053) / Raw(b"query"),
        IPv6(src=A6, dst=B6) / TCP(sport=40004, dport=45443, flags="S", seq=77, options=[("MSS", 1440)]),
        IPv6(src=B6, dst=A6) / TCP(sport=45443, dport=40004, flags="SA", seq=99, ack=78),
        IPv6(src=A6, dst=B6) / TCP(sport=40004, dport=45443, flags="PA", seq=78, ack=100) / Raw(b"hello"),
        IPv6(src=A6, dst=B6) / IPv6ExtHdrHopByHop() / UDP(sport=40005, dport=45053) / Raw(b"hop"),
        IPv6(src=A6, dst=B6) / IPv6ExtHdrDestOpt() / UDP(sport=40006, dport=45053) / Raw(b"dst"),
        IPv6(src=A6, dst=B6) / IPv6ExtHdrRouting(addresses=["2001:db8::99"], segleft=1) / UDP(sport=40007, dport=45053),
        IPv6(src=A6, dst=B6) / IPv6ExtHdrHopByHop() / IPv6ExtHdrDestOpt() / TCP(sport=40008, dport=45022, flags="S"),
        IPv6(src=A6, dst=B6) / IPv6ExtHdrHopByHop() / ICMPv6EchoRequest(id=8, seq=2),
    ]
    out += fragment(IP(src=A, dst=B, id=0x4242) / UDP(sport=40009, dport=45053) / Raw(b"f" * 60), fragsize=32)
    frag6 = IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=0x99, m=1, offset=0) / UDP(sport=40010, dport=45053, len=108) / Raw(b"g" * 48)
    frag6b = IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=0x99, nh=17, m=0, offset=7) / Raw(b"g" * 52)
    out += [frag6, frag6b]
    return out + short_messages() + renumbering()


def short_messages():
    """Headers and messages shorter on the wire (by IP's own length) than their type's fixed
    part: tcpdump prints them as far as they go, as it prints a packet the capture cut."""
    tcp = b"\x9c\x41\xb0\x18" + bytes(8) + b"\x50\x02" + bytes(6)
    return [
        IP(src=A, dst=B, proto=1) / Raw(b"\x08\x00\x00\x00\x12"),
        IP(src=A, dst=B, proto=1) / Raw(b"\x0b\x00" + bytes(6)),
        IP(src=A, dst=B, proto=1) / Raw(b"\x0c\x00\x00\x00\x07\x00"),
        IP(src=A, dst=B, proto=1) / Raw(b"\x03\x01" + bytes(10)),
        IP(src=A, dst=B, proto=6) / Raw(tcp[:12]),
        IP(src=A, dst=B, proto=17) / Raw(tcp[:6]),
        IP(src=A, dst=B, proto=17) / Raw(tcp[:2]),
        IPv6(src=A6, dst=B6, nh=58) / Raw(b"\x04\x00" + bytes(6)),
        IPv6(src=A6, dst=B6, nh=58) / Raw(b"\x8f\x00\x00\x00"),
        IPv6(src=A6, dst=B6, nh=58) / Raw(b"\x80\x00\x00\x00\x00\x07"),
        IPv6(src=A6, dst=B6, nh=58) / Raw(b"\x01\x00" + bytes(6)),
        IPv6(src=A6, dst=B6, nh=17) / Raw(tcp[:4]),
        IPv6(src=A6, dst=B6, nh=6) / Raw(tcp[:8]),
        # A hop-by-hop header whose length says 16 bytes, in 8; a fragment header in 4;
        # destination options with nothing after them.
        IPv6(src=A6, dst=B6, nh=0) / Raw(b"\x3a\x01" + bytes(6)),
        IPv6(src=A6, dst=B6, nh=44) / Raw(b"\x3a\x00\x00\x01"),
        IPv6(src=A6, dst=B6, nh=60) / Raw(b"\x3a\x00" + bytes(6)),
    ]


def renumbering():
    """Router renumbering (RFC 2894): commands with match and use prefixes, results, resets,
    and parts missing or of a length that is not 3 + 4n."""
    def message(code, seq, body=b""):
        header = bytes([138, code, 0, 0]) + struct.pack(">IBBH", seq, 0, 0x40, 100) + bytes(4)
        return IPv6(src=A6, dst="ff05::2", nh=58) / Raw(header + body)

    def match(op, length, prefix):
        return bytes([op, length, 1, 48, 48, 64, 0, 0]) + socket.inet_pton(socket.AF_INET6, prefix)

    def use(flags, prefix):
        lifetimes = struct.pack(">III", 3600, 0xFFFFFFFF, flags)
        return bytes([64, 48, 0xC0, 0x80]) + lifetimes + socket.inet_pton(socket.AF_INET6, prefix)

    return [
        message(0, 5, match(1, 3, "2001:db8::")),
        message(0, 6, match(2, 7, "2001:db8::") + use(0x80000000, "2001:db8:5::")),
        message(0, 7, match(3, 11, "2001:db8::") + use(0x40000000, "2001:db8:5::") + use(0xC0000000, "::")),
        message(0, 8, match(9, 11, "2001:db8::") + use(0, "2001:db8:5::")),
        message(0, 9, match(1, 5, "2001:db8::") + use(0, "2001:db8:5::")),
        message(0, 10, match(1, 3, "2001:db8::")[:20]),
        message(1, 11, bytes(24)),
        message(255, 12),
        message(7, 13),
        IPv6(src=A6, dst="ff05::2", nh=58) / Raw(b"\x8a\x00" + bytes(10)),
    ]


def ethernet_only():
    return [
        Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff") / ARP(op=1, hwsrc=MAC_A, psrc=A, pdst=B),
        Ether(src=MAC_B, dst=MAC_A) / ARP(op=2, hwsrc=MAC_B, psrc=B, hwdst=MAC_A, pdst=A),
        # Operations tcpdump dumps in hex and ASCII: an unknown one (padded, as on the wire),
        # and a NAK (RFC 2390).
        Ether(src=MAC_A, dst=MAC_B) / ARP(op=20, hwsrc=MAC_A, psrc=A, pdst=B) / Padding(b"AB\x00" * 6),
        Ether(src=MAC_A, dst=MAC_B) / ARP(op=10, hwsrc=MAC_A, psrc=A, pdst=B),
        Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=100, prio=3) / IP(src=A, dst=B) / UDP(sport=40011, dport=45053) / Raw(b"vlan"),
        Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=200) / IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=9, seq=3),
        Ether(src=MAC_A, dst=MAC_B) / Dot1Q(vlan=300) / ARP(op=1, hwsrc=MAC_A, psrc=A, pdst=B),
        Ether(src=MAC_A, dst=MAC_B, type=0x88a8) / Dot1Q(vlan=10, type=0x8100) / Dot1Q(vlan=20) / IP(src=A, dst=B) / ICMP(id=5, seq=9),
    ]


def frames(link):
    if link == "ethernet":
        return ethernet_only() + [Ether(src=MAC_A, dst=MAC_B) / d for d in datagrams()]
    tagged = [
        Dot1Q(vlan=100) / IP(src=A, dst=B) / UDP(sport=40012, dport=45053) / Raw(b"vlan"),
        Dot1Q(vlan=200) / ARP(op=1, hwsrc=MAC_A, psrc=A, pdst=B),
    ]
    if link == "sll":
        return [CookedLinux(pkttype=0, lladdrtype=1, lladdrlen=6, src=b"\x02\0\0\0\0\x0a\0\0") / d for d in datagrams() + tagged]
    if link == "sll2":
        # Interface 1 is the loopback interface on Linux: tcpdump prints its name, `lo`.
        return [CookedLinuxV2(pkttype=4, lladdrtype=1, lladdrlen=6, ifindex=1, src=b"\x02\0\0\0\0\x0a\0\0") / d for d in datagrams() + tagged]
    return datagrams()


def main():
    pcap, pcapng = sys.argv[1], sys.argv[2]
    link = sys.argv[3] if len(sys.argv) > 3 else "ethernet"
    packets = frames(link)
    for i, packet in enumerate(packets):
        packet.time = 1_700_000_000 + i + (i * 1234 % 1_000_000) / 1e6
    linktype = {"ethernet": 1, "sll": 113, "sll2": 276, "raw": 101}[link]
    wrpcap(pcap, packets, linktype=linktype)
    writer = PcapNgWriter(pcapng)
    writer.linktype = linktype
    for packet in packets:
        writer.write(packet)
    writer.close()


main()
