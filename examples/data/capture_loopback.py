#!/usr/bin/env python3
"""Captures a little TCP and UDP traffic on the loopback interface with tcpdump.

Made `sample.pcap`, the default input of `cargo run --example pcap`:

    python3 examples/data/capture_loopback.py examples/data/sample.pcap

and tests/pcap_tcpdump.rs runs it to make fresh captures (needs root and tcpdump).

The traffic comes from python3's socket module over 127.0.0.1, on ports this script binds
first, so tcpdump's filter sees only this exchange even if other programs use loopback:
  - a TCP connection whose client sets IPv4 options (4 bytes: NOP NOP NOP EOL, so IHL 6):
    SYN, SYN-ACK, ACK, data both ways, one byte of urgent data, FIN from both ends;
  - a TCP connection to a bound port with no listener: SYN answered by RST;
  - a TCP connection closed with unread data: RST;
  - UDP datagrams both ways, one of them with IPv4 options.

Options after the output path:
  --nano            write nanosecond timestamps (magic 0xa1b23c4d)
  --link any        capture on the `any` device as LINUX_SLL (link type 113) instead of lo
  --snaplen N       keep only the first N bytes of each packet
"""
import argparse
import socket
import subprocess
import sys
import time

LOCAL = "127.0.0.1"
IP_OPTIONS = b"\x01\x01\x01\x00"  # NOP, NOP, NOP, end of options list


# tcpdump decodes some ports as other protocols; the only one in Linux's ephemeral range is
# 49152 (Broadcom LI over UDP). Keep off it so every line is plain TCP or UDP.
SPECIAL_PORTS = {49152}


def bound(kind):
    while True:
        sock = socket.socket(socket.AF_INET, kind)
        sock.bind((LOCAL, 0))
        if sock.getsockname()[1] not in SPECIAL_PORTS:
            return sock


def pause():
    # Lets each segment and its ACK reach the capture in a stable order.
    time.sleep(0.05)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--nano", action="store_true")
    parser.add_argument("--link", choices=["lo", "any"], default="lo")
    parser.add_argument("--snaplen", type=int, default=0)
    args = parser.parse_args()

    listener = bound(socket.SOCK_STREAM)
    listener.listen(4)
    client = bound(socket.SOCK_STREAM)
    client.setsockopt(socket.IPPROTO_IP, socket.IP_OPTIONS, IP_OPTIONS)
    refused = bound(socket.SOCK_STREAM)  # bound, never listening: a SYN to it gets a RST
    prober = bound(socket.SOCK_STREAM)
    rude = bound(socket.SOCK_STREAM)
    udp_a = bound(socket.SOCK_DGRAM)
    udp_b = bound(socket.SOCK_DGRAM)
    ports = [s.getsockname()[1] for s in (listener, client, refused, prober, rude, udp_a, udp_b)]

    command = ["tcpdump", "-i", args.link, "--immediate-mode", "-U", "-w", args.output]
    if args.link == "any":
        command += ["-y", "LINUX_SLL"]
    if args.nano:
        command += ["--time-stamp-precision=nano"]
    if args.snaplen:
        command += ["-s", str(args.snaplen)]
    command += ["host", LOCAL, "and", "(" + " or ".join(f"port {p}" for p in ports) + ")"]
    tcpdump = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    # tcpdump says "listening on ..." once the capture is active (after a note or two).
    said = []
    while not said or "listening on" not in said[-1]:
        said.append(tcpdump.stderr.readline())
        if not said[-1]:
            tcpdump.wait()
            sys.exit("tcpdump did not start: " + " ".join(s.strip() for s in said))

    # A TCP conversation with IP options on the client's side.
    client.connect(listener.getsockname())
    server, _ = listener.accept()
    pause()
    client.sendall(b"hello, overlay\n")
    assert server.recv(100) == b"hello, overlay\n"
    pause()
    server.sendall(b"HELLO, OVERLAY\n")
    assert client.recv(100) == b"HELLO, OVERLAY\n"
    pause()
    client.send(b"!", socket.MSG_OOB)
    pause()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_OOBINLINE, 1)
    assert server.recv(100) == b"!"
    client.shutdown(socket.SHUT_WR)
    assert server.recv(100) == b""
    pause()
    server.close()
    assert client.recv(100) == b""
    client.close()
    pause()

    # A SYN to a port nobody listens on.
    try:
        prober.connect(refused.getsockname())
    except ConnectionRefusedError:
        pass
    pause()

    # Closing with unread data resets the connection.
    rude.connect(listener.getsockname())
    other, _ = listener.accept()
    pause()
    rude.sendall(b"never read")
    pause()
    other.close()
    pause()

    # UDP both ways; the second datagram carries IPv4 options.
    udp_a.sendto(b"ping", udp_b.getsockname())
    data, peer = udp_b.recvfrom(100)
    assert data == b"ping"
    udp_b.setsockopt(socket.IPPROTO_IP, socket.IP_OPTIONS, IP_OPTIONS)
    udp_b.sendto(b"pong!", peer)
    assert udp_a.recvfrom(100)[0] == b"pong!"
    udp_a.sendto(bytes(range(200)), udp_b.getsockname())
    assert len(udp_b.recvfrom(1000)[0]) == 200
    time.sleep(0.5)

    tcpdump.send_signal(2)  # SIGINT: tcpdump writes what it has and exits
    _, errors = tcpdump.communicate(timeout=10)
    if tcpdump.returncode != 0:
        sys.exit(f"tcpdump failed ({tcpdump.returncode}): {errors.strip()}")
    sys.stderr.write(errors)


if __name__ == "__main__":
    main()
