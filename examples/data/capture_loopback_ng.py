#!/usr/bin/env python3
"""Captures IPv4 and IPv6 TCP, UDP and ping traffic on the loopback interface, with tcpdump
(classic pcap) or dumpcap (pcapng, Wireshark's capture engine, Debian package tshark).

    python3 examples/data/capture_loopback_ng.py OUT --with dumpcap [--link any]

tests/pcapng_tcpdump.rs runs it (as root) and compares the pcap example's lines for OUT with
`tcpdump -n -r OUT`.

The traffic comes from python3's socket module over 127.0.0.1 and ::1, on ports this script
binds first, so the capture filter sees only this exchange (and pings, whose identifiers are
this process's) even if other programs use loopback:
  - a TCP conversation over each of IPv4 and IPv6: SYN, SYN-ACK, ACK, data both ways, FIN
    from both ends;
  - a SYN to a bound port with no listener, over IPv6: answered by RST;
  - UDP datagrams both ways over each;
  - two pings over each (raw ICMP and ICMPv6 sockets; the kernel answers them).

Options after the output path:
  --with tcpdump|dumpcap   the capturing program (dumpcap by default)
  --link any               capture on the `any` device as LINUX_SLL2 (link type 276)
  --nano                   (tcpdump) nanosecond time stamps
"""
import argparse
import os
import socket
import struct
import subprocess
import sys
import time

V4, V6 = "127.0.0.1", "::1"
# tcpdump decodes some ports as other protocols; the only one in Linux's ephemeral range is
# 49152 (Broadcom LI over UDP). Keep off it so every line is plain TCP or UDP.
SPECIAL_PORTS = {49152}


def bound(family, kind):
    while True:
        sock = socket.socket(family, kind)
        sock.bind((V4 if family == socket.AF_INET else V6, 0))
        if sock.getsockname()[1] not in SPECIAL_PORTS:
            return sock


def pause():
    # Lets each segment and its ACK reach the capture in a stable order.
    time.sleep(0.05)


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ping(family, sequence):
    """One echo request; the kernel answers it."""
    ident = os.getpid() & 0xFFFF
    payload = b"overlay ping %d" % sequence
    if family == socket.AF_INET:
        sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
        header = struct.pack("!BBHHH", 8, 0, 0, ident, sequence)
        header = struct.pack("!BBHHH", 8, 0, checksum(header + payload), ident, sequence)
        sock.sendto(header + payload, (V4, 0))
    else:
        # The kernel fills in ICMPv6 checksums of raw sockets.
        sock = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
        sock.sendto(struct.pack("!BBHHH", 128, 0, 0, ident, sequence) + payload, (V6, 0))
    sock.settimeout(2)
    sock.recv(1000)  # the request itself, seen by a raw socket, or the reply
    sock.close()


def conversation(family):
    listener = bound(family, socket.SOCK_STREAM)
    listener.listen(4)
    client = bound(family, socket.SOCK_STREAM)
    return listener, client


def talk(listener, client):
    client.connect(listener.getsockname()[:2])
    server, _ = listener.accept()
    pause()
    client.sendall(b"hello, overlay\n")
    assert server.recv(100) == b"hello, overlay\n"
    pause()
    server.sendall(b"HELLO, OVERLAY, AND MORE\n")
    assert client.recv(100) == b"HELLO, OVERLAY, AND MORE\n"
    pause()
    client.shutdown(socket.SHUT_WR)
    assert server.recv(100) == b""
    pause()
    server.close()
    assert client.recv(100) == b""
    client.close()
    pause()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--with", dest="tool", choices=["tcpdump", "dumpcap"], default="dumpcap")
    parser.add_argument("--link", choices=["lo", "any"], default="lo")
    parser.add_argument("--nano", action="store_true")
    args = parser.parse_args()

    tcp4 = conversation(socket.AF_INET)
    tcp6 = conversation(socket.AF_INET6)
    refused = bound(socket.AF_INET6, socket.SOCK_STREAM)  # bound, never listening
    prober = bound(socket.AF_INET6, socket.SOCK_STREAM)
    udp = [bound(f, socket.SOCK_DGRAM) for f in (socket.AF_INET, socket.AF_INET, socket.AF_INET6, socket.AF_INET6)]
    sockets = [*tcp4, *tcp6, refused, prober, *udp]
    ports = [s.getsockname()[1] for s in sockets]
    ident = os.getpid() & 0xFFFF
    # icmp[4:2] and icmp6 fields are the echo identifiers (offset 4 of the ICMP header);
    # libpcap cannot index into ICMPv6 after extension headers, and there are none here.
    capture_filter = (
        "(" + " or ".join(f"port {p}" for p in ports) + ")"
        + f" or (icmp and icmp[4:2] = {ident}) or (icmp6 and ip6[44:2] = {ident})"
    )

    if args.tool == "tcpdump":
        command = ["tcpdump", "-i", args.link, "--immediate-mode", "-U", "-w", args.output]
        if args.link == "any":
            command += ["-y", "LINUX_SLL2"]
        if args.nano:
            command += ["--time-stamp-precision=nano"]
        command += [capture_filter]
        ready = "listening on"
    else:
        command = ["dumpcap", "-i", args.link, "-w", args.output, "-f", capture_filter]
        if args.link == "any":
            command += ["-y", "LINUX_SLL2"]
        ready = "Capturing on"
    capture = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    said = []
    while not said or ready not in said[-1]:
        said.append(capture.stderr.readline())
        if not said[-1]:
            capture.wait()
            sys.exit(f"{args.tool} did not start: " + " ".join(s.strip() for s in said))
    time.sleep(0.2)

    talk(*tcp4)
    talk(*tcp6)
    try:
        prober.connect(refused.getsockname()[:2])
    except ConnectionRefusedError:
        pass
    pause()
    for a, b in (udp[:2], udp[2:]):
        a.sendto(b"ping", b.getsockname())
        data, peer = b.recvfrom(100)
        assert data == b"ping"
        b.sendto(b"pong!", peer)
        assert a.recvfrom(100)[0] == b"pong!"
        pause()
    for sequence in (1, 2):
        ping(socket.AF_INET, sequence)
        pause()
        ping(socket.AF_INET6, sequence)
        pause()
    time.sleep(0.5)

    capture.send_signal(2)  # SIGINT: the capture writes what it has and exits
    _, errors = capture.communicate(timeout=10)
    if capture.returncode != 0:
        sys.exit(f"{args.tool} failed ({capture.returncode}): {errors.strip()}")


if __name__ == "__main__":
    main()
