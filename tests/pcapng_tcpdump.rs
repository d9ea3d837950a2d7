//! The pcap example (`examples/pcap.rs`) on pcapng files, and on the protocols beyond IPv4 TCP
//! and UDP (IPv6 and its extension headers, ICMP, ICMPv6, ARP, VLAN tags, Linux cooked v2),
//! against `TZ=UTC tcpdump -n -r FILE`, line for line, on files written by programs we did not
//! write:
//!
//! - `examples/data/frames.pcapng`: frames that loopback cannot carry (ARP, VLAN tags, IPv6
//!   hop-by-hop, routing, fragment and destination-options headers, IPv4 and IPv6 fragments,
//!   ICMP and ICMPv6 errors, neighbor discovery), built by scapy (`make_frames.py`);
//!   `examples/data/sample.pcapng`: the loopback sample rewritten by `to_pcapng.py` into two
//!   sections with interfaces in nanoseconds, in 2^-20 s with `if_tsoffset`, and in the
//!   default microseconds, Enhanced, Simple and obsolete Packet Blocks, and blocks to skip
//!   (custom, name resolution, interface statistics). tcpdump's output of both is recorded
//!   beside them, so those comparisons run everywhere.
//! - Fresh scapy files of the same frames and more on every link (Ethernet, Linux cooked v1
//!   and v2, raw IP): ICMP time stamps, address masks and router discovery; ICMPv6 multicast
//!   listener discovery, node information, mobility requests, RPL, router renumbering and the
//!   types tcpdump dumps in hex; headers and messages shorter on the wire than their fixed
//!   part (tcpdump prints them as it prints a cut packet); ARP operations it dumps in hex (Ethernet only); each as classic pcap and as
//!   pcapng, the pcapng also in big-endian byte order, and through `to_pcapng.py`.
//! - Fresh loopback captures as root: IPv4 and IPv6 TCP, UDP and pings
//!   (`capture_loopback_ng.py`), captured by dumpcap (pcapng, Debian package tshark) and by
//!   tcpdump, on `lo` and on `any` as Linux cooked v2, then byte-swapped and rewritten.
//!
//! Also: packets cut by every snapshot length from 1 to 100 bytes print as tcpdump prints
//! them (what it can of the header the cut falls in, then ` [|tcp]` and the like); a pcapng
//! file cut anywhere keeps the packets before the cut (the ones tcpdump prints); decoding
//! allocates nothing per packet; arbitrary bytes after a section header
//! never panic. Without tcpdump, python3 with scapy, dumpcap or root, the tests that need
//! them print a notice and pass, except under `CI=true`, where they fail.

#[allow(dead_code)]
#[path = "support/counting.rs"]
mod counting;
#[allow(dead_code)]
#[path = "../examples/pcap.rs"]
mod pcap;
#[path = "support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");

fn data(name: &str) -> PathBuf {
    Path::new(DATA).join(name)
}

/// What the example printed: packet lines and error lines.
struct Decoded {
    lines: Vec<String>,
    errors: Vec<String>,
}

fn decode(file: &[u8]) -> Decoded {
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    pcap::print_capture(file, &mut out, &mut errors).expect("writing to a Vec");
    let text = |bytes: Vec<u8>| -> Vec<String> {
        String::from_utf8(bytes)
            .expect("the example prints UTF-8")
            .lines()
            .map(str::to_owned)
            .collect()
    };
    Decoded {
        lines: text(out),
        errors: text(errors),
    }
}

fn have_tcpdump(needed_for: &str) -> bool {
    tools::tool_available("tcpdump", &["--version"], needed_for)
}

/// The example's lines for `file` are tcpdump's, one by one; returns them.
fn assert_prints_as_tcpdump(file: &Path) -> Vec<String> {
    let what = file.display();
    let (theirs, stderr, ok) = tools::tcpdump(file);
    assert!(ok, "{what}: tcpdump failed: {stderr}");
    assert!(!theirs.is_empty(), "{what}: tcpdump printed no packets");
    let decoded = decode(&std::fs::read(file).unwrap());
    assert!(decoded.errors.is_empty(), "{what}: {:?}", decoded.errors);
    for (index, (ours, reference)) in decoded.lines.iter().zip(&theirs).enumerate() {
        assert_eq!(ours, reference, "{what}: packet {}", index + 1);
    }
    assert_eq!(
        decoded.lines.len(),
        theirs.len(),
        "{what}: number of packets"
    );
    theirs
}

fn recorded(name: &str) -> Vec<String> {
    std::fs::read_to_string(data(&format!("{name}.tcpdump.txt")))
        .expect("reading tcpdump's recorded output")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn python(script: &str, args: &[&Path]) {
    let output = Command::new("python3")
        .arg(data(script))
        .args(args)
        .output()
        .expect("running python3");
    assert!(
        output.status.success(),
        "{script} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn python_args(script: &str, args: &[&str]) -> std::process::Output {
    Command::new("python3")
        .arg(data(script))
        .args(args)
        .output()
        .expect("running python3")
}

fn scratch(name: &str) -> PathBuf {
    tools::fresh_scratch_dir(name)
}

/// Every text in `wanted` is in some line.
fn assert_has(lines: &[String], wanted: &[&str], what: &str) {
    for text in wanted {
        assert!(
            lines.iter().any(|line| line.contains(text)),
            "{what}: no line has {text:?}"
        );
    }
}

#[test]
fn the_shipped_pcapng_samples_print_as_tcpdump_printed_them() {
    for name in ["frames.pcapng", "sample.pcapng"] {
        let decoded = decode(&std::fs::read(data(name)).unwrap());
        assert!(decoded.errors.is_empty(), "{name}: {:?}", decoded.errors);
        assert_eq!(decoded.lines, recorded(name), "{name}");
    }
    let frames = recorded("frames.pcapng");
    assert_has(
        &frames,
        &[
            "ARP, Request who-has",
            "ARP, Reply",
            "ICMP echo request",
            "udp port 9 unreachable",
            "IP6 ",
            "HBH ",
            "DSTOPT ",
            "RT6 (",
            "frag (0|",
            "ICMP6, echo request",
            "ICMP6, neighbor solicitation",
            "ICMP6, packet too big",
            "ip-proto-17",
            "ICMP6, router renumbering, command, seq=7 match(setglobal,",
            "truncated-udp 6",
            "ICMP parameter problem - octet 7, length 6",
            "[invalid len 4]",
        ],
        "frames.pcapng",
    );
    // The two sections, three interfaces and five kinds of block of sample.pcapng, read
    // with plain slicing rather than the example's types.
    let sample = std::fs::read(data("sample.pcapng")).unwrap();
    let mut kinds = Vec::new();
    let mut at = 0;
    while at < sample.len() {
        let word = |at: usize| u32::from_le_bytes(sample[at..at + 4].try_into().unwrap());
        kinds.push(word(at));
        at += word(at + 4) as usize;
    }
    for (kind, count) in [
        (0x0a0d_0d0a, 2),
        (1, 4),
        (2, 3),
        (3, 2),
        (4, 1),
        (5, 1),
        (0xbad, 1),
    ] {
        assert_eq!(
            kinds.iter().filter(|&&k| k == kind).count(),
            count,
            "blocks of type {kind:#x}: {kinds:?}"
        );
    }
}

#[test]
fn the_shipped_pcapng_samples_print_as_tcpdump_prints_them_now() {
    if !have_tcpdump("comparing the pcapng samples with tcpdump") {
        return;
    }
    for name in ["frames.pcapng", "sample.pcapng"] {
        let theirs = assert_prints_as_tcpdump(&data(name));
        assert_eq!(
            theirs,
            recorded(name),
            "{name}: the recorded output is current"
        );
    }
}

#[test]
fn scapy_frames_on_every_link_print_as_tcpdump_prints_them() {
    if !have_tcpdump("the scapy frames") || !tools::python_with("scapy", "the scapy frames") {
        return;
    }
    let dir = scratch("scapy");
    for link in ["ethernet", "sll", "sll2", "raw"] {
        let pcap = dir.join(format!("{link}.pcap"));
        let pcapng = dir.join(format!("{link}.pcapng"));
        let output = python_args(
            "make_frames.py",
            &[pcap.to_str().unwrap(), pcapng.to_str().unwrap(), link],
        );
        assert!(
            output.status.success(),
            "make_frames.py {link}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let lines = assert_prints_as_tcpdump(&pcap);
        assert_eq!(
            assert_prints_as_tcpdump(&pcapng),
            lines,
            "{link}: pcap and pcapng"
        );
        assert_has(
            &lines,
            &[
                "IP6 ",
                "HBH ",
                "ICMP6, ",
                "ICMP ",
                "frag (",
                "ICMP time stamp query id 17",
                "ICMP time stamp reply id 17 seq 2: org 12:34:56.789, recv 24:00:00.000",
                "ICMP address mask request",
                "ICMP address mask is 0xffffff00",
                "ICMP router solicitation",
                "ICMP router advertisement lifetime 30:00 2: {198.51.100.0 0}",
                "ICMP router advertisement lifetime 18:12:15 1: [size 3]",
                "ICMP6, multicast listener querymax resp delay: 10000 addr: ::",
                "ICMP6, multicast listener query unknown-version (len 26) ",
                "ICMP6, multicast listener reportmax resp delay: 0 addr: ff02::fb",
                "ICMP6, multicast listener donemax resp delay: 0 addr: ff02::fb",
                "ICMP6, multicast listener query v2 [gaddr ff02::fb, 1 source(s)]",
                "[gaddr ff02::fb [invalid number of sources]]",
                "ICMP6, multicast listener report v2, 2 group record(s)",
                "ICMP6, mtrace message, length 37",
                "\t0x0020:  1c1d 1e1f 20",
                "ICMP6, unknown icmp6 type (100), length 6",
                "unknown unreach code (7)",
                "ICMP6, who-are-you request node information query (noop)",
                "(node addresses [GSLCA], subject=2001:db8::5)",
                "(unknown, subject=192.0.2.9)",
                "node information reply (DNS name, \"host.example.\")",
                "node information reply (node addresses 2001:db8::7(30))",
                "node information reply (refused)",
                "(DNS name, subject=DNS name, \"abM-^?c^?\")",
                "ICMP6, who-are-you request who-are-you request, length 12",
                "(DNS name, \"host.\" [TTL=30])",
                "node information reply (DNS name [|icmp6]",
                "ICMP6, ha discovery request, id 0x1234, length 8",
                "ICMP6, mobile router solicitation, id 0xabcd, length 8",
                "ICMP6, RPL, (CLR)DODAG Information Solicitation, length 8",
                "ICMP6, RPL, (CLR)Destination Advertisement Object Ack",
                "ICMP6, RPL, (CLR)RPL message, unknown code 9",
                "ICMP6, RPL, (SEC) [worktodo]",
            ],
            link,
        );
        if link == "ethernet" {
            assert_has(
                &lines,
                &[
                    "ARP, Unknown (20) ",
                    "ARP, NACK Reply ",
                    "\t0x0020:  4200 4142 0041 4200 4142 0041 4200       B.AB.AB.AB.AB.",
                ],
                link,
            );
        }
        let big = dir.join(format!("{link}-be.pcapng"));
        python("to_pcapng.py", &[&pcapng, &big, Path::new("--big-endian")]);
        assert_eq!(
            &std::fs::read(&big).unwrap()[8..12],
            &[0x1a, 0x2b, 0x3c, 0x4d]
        );
        assert_eq!(assert_prints_as_tcpdump(&big), lines, "{link}: big-endian");
        // libpcap 1.10 compares a raw-IP interface's LINKTYPE_RAW (101) with the DLT_RAW (12)
        // it made of the first one, and refuses a second interface; the example reads it.
        if link != "raw" {
            for order in ["", "--big-endian"] {
                let rewritten = dir.join(format!("{link}-sections{order}.pcapng"));
                python("to_pcapng.py", &[&pcap, &rewritten, Path::new(order)]);
                assert_prints_as_tcpdump(&rewritten);
            }
        }
    }
}

#[test]
fn loopback_captures_by_dumpcap_and_tcpdump_print_as_tcpdump_prints_them() {
    if !tools::is_root() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "root is required when CI=true, to capture on loopback"
        );
        eprintln!("notice: not root; skipping the loopback captures");
        return;
    }
    if !have_tcpdump("the loopback captures")
        || !tools::tool_available("dumpcap", &["--version"], "the pcapng loopback captures")
        || !tools::python_with("socket, struct", "the loopback captures")
    {
        return;
    }
    let dir = scratch("loopback");
    let captures: [(&str, &[&str]); 4] = [
        ("dumpcap-lo.pcapng", &["--with", "dumpcap"]),
        (
            "dumpcap-any.pcapng",
            &["--with", "dumpcap", "--link", "any"],
        ),
        ("tcpdump-lo.pcap", &["--with", "tcpdump"]),
        (
            "tcpdump-any.pcap",
            &["--with", "tcpdump", "--link", "any", "--nano"],
        ),
    ];
    for (name, options) in captures {
        let file = dir.join(name);
        let mut args = vec![file.to_str().unwrap()];
        args.extend_from_slice(options);
        let output = python_args("capture_loopback_ng.py", &args);
        assert!(
            output.status.success(),
            "{name}: capture failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let lines = assert_prints_as_tcpdump(&file);
        assert_has(
            &lines,
            &[
                "IP 127.0.0.1.",
                "IP6 ::1.",
                "Flags [S.]",
                "Flags [R.]",
                "UDP, length 5",
                "ICMP echo request",
                "ICMP echo reply",
                "ICMP6, echo request",
                "ICMP6, echo reply",
            ],
            name,
        );
        if name.contains("any") {
            assert_has(&lines, &["lo    In  IP"], name);
        }
        let big = dir.join(format!("{name}-be.pcapng"));
        python("to_pcapng.py", &[&file, &big, Path::new("--big-endian")]);
        let theirs = assert_prints_as_tcpdump(&big);
        if name.ends_with(".pcapng") {
            assert_eq!(theirs, lines, "{name}: big-endian");
        }
    }
}

#[test]
fn sections_of_either_byte_order_follow_each_other_in_one_file() {
    if !tools::python_with("struct", "rewriting a pcapng file big-endian") {
        return;
    }
    // libpcap 1.10 stops at a section whose byte order differs from the first one's ("the
    // file has sections with different byte orders"); the pcapng specification allows it,
    // and the example reads each section in its own order. The oracle is tcpdump's recorded
    // output of the little-endian file, which the big-endian copy must print again.
    let dir = scratch("mixed");
    let big = dir.join("frames-be.pcapng");
    python(
        "to_pcapng.py",
        &[&data("frames.pcapng"), &big, Path::new("--big-endian")],
    );
    let mut file = std::fs::read(data("frames.pcapng")).unwrap();
    file.extend_from_slice(&std::fs::read(&big).unwrap());
    let decoded = decode(&file);
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    let once = recorded("frames.pcapng");
    assert_eq!(decoded.lines, [once.clone(), once].concat());
}

/// The blocks of a little-endian pcapng file up to its first packet block, and the rest.
fn split_at_first_packet(file: &[u8]) -> (&[u8], &[u8]) {
    let mut at = 0;
    loop {
        let kind = u32::from_le_bytes(file[at..at + 4].try_into().unwrap());
        if matches!(kind, 2 | 3 | 6) {
            return file.split_at(at);
        }
        at += u32::from_le_bytes(file[at + 4..at + 8].try_into().unwrap()) as usize;
    }
}

#[test]
fn decoding_allocates_nothing_per_packet() {
    counting::assert_counter_works();
    let frames = std::fs::read(data("frames.pcapng")).unwrap();
    let (head, packets) = split_at_first_packet(&frames);
    let mut counts = Vec::new();
    for copies in [1, 50] {
        let mut file = head.to_vec();
        for _ in 0..copies {
            file.extend_from_slice(packets);
        }
        let mut line = String::with_capacity(4096);
        let (printed, allocations) = counting::counted(|| {
            let capture = pcap::Capture::open(&file).unwrap();
            let mut printer = pcap::Printer::new(&capture);
            let mut printed = 0;
            for packet in capture {
                line.clear();
                printer.describe(&packet.unwrap(), &mut line).unwrap();
                printed += 1;
            }
            printed
        });
        counts.push((printed, allocations));
    }
    assert_eq!(counts[1].0, 50 * counts[0].0, "{counts:?}");
    // The interface table and the TCP conversations: the same few allocations however many
    // packets there are.
    assert_eq!(counts[1].1, counts[0].1, "{counts:?}");
}

#[test]
fn a_pcapng_file_cut_anywhere_keeps_the_packets_before_the_cut() {
    let file = std::fs::read(data("sample.pcapng")).unwrap();
    let full = decode(&file).lines;
    // Where each block and each packet block ends, read with plain slicing.
    let (mut ends, mut boundaries, mut first_interface_end, mut at) =
        (Vec::new(), Vec::new(), None, 0);
    while at < file.len() {
        let kind = u32::from_le_bytes(file[at..at + 4].try_into().unwrap());
        at += u32::from_le_bytes(file[at + 4..at + 8].try_into().unwrap()) as usize;
        boundaries.push(at);
        if matches!(kind, 2 | 3 | 6) {
            ends.push(at);
        }
        if kind == 1 {
            first_interface_end.get_or_insert(at);
        }
    }
    let first_interface_end = first_interface_end.expect("the sample has an interface");
    let dir = scratch("cut");
    let tcpdump_here = have_tcpdump("comparing cut pcapng files with tcpdump");
    for cut in 0..file.len() {
        let decoded = decode(&file[..cut]);
        let whole = ends.iter().filter(|&&end| end <= cut).count();
        assert_eq!(decoded.lines, full[..whole], "cut at {cut}");
        assert!(
            decoded.errors.len() <= 1,
            "cut at {cut}: {:?}",
            decoded.errors
        );
        if cut < first_interface_end {
            // Before the first interface: the file cannot be opened, as with libpcap.
            assert_eq!(decoded.errors.len(), 1, "cut at {cut}");
            assert!(decoded.errors[0].starts_with("error: file header at offset"));
            continue;
        }
        let at_boundary = boundaries.contains(&cut);
        if at_boundary {
            assert!(
                decoded.errors.is_empty(),
                "cut at {cut}: {:?}",
                decoded.errors
            );
        } else if whole > 0 {
            assert!(
                decoded.errors[0].contains("at file offset"),
                "cut at {cut}: {:?}",
                decoded.errors
            );
        }
        if tcpdump_here && (cut % 97 == 0 || at_boundary) && whole > 0 {
            let path = dir.join("cut.pcapng");
            std::fs::write(&path, &file[..cut]).unwrap();
            let (theirs, _, _) = tools::tcpdump(&path);
            assert_eq!(decoded.lines, theirs, "cut at {cut}: tcpdump's packets");
        }
    }
}

/// A packet as a classic record holds it: seconds, microseconds, wire length, bytes.
type Record<'a> = (u32, u32, u32, &'a [u8]);

/// The packets of a capture, read with plain slicing: classic little-endian pcap records or
/// the Enhanced Packet Blocks of a little-endian pcapng file, and the link type.
fn packets_of(file: &[u8]) -> (u32, Vec<Record<'_>>) {
    let word = |at: usize| u32::from_le_bytes(file[at..at + 4].try_into().unwrap());
    let mut packets = Vec::new();
    if word(0) == 0xa1b2_c3d4 {
        let mut at = 24;
        while at < file.len() {
            let incl = word(at + 8) as usize;
            packets.push((
                word(at),
                word(at + 4),
                word(at + 12),
                &file[at + 16..at + 16 + incl],
            ));
            at += 16 + incl;
        }
        return (word(20), packets);
    }
    let (mut at, mut linktype) = (0, 0);
    while at < file.len() {
        match word(at) {
            1 => linktype = u32::from(u16::from_le_bytes([file[at + 8], file[at + 9]])),
            6 => {
                // Microsecond time stamps (scapy's and tcpdump's default).
                let stamp = u64::from(word(at + 12)) << 32 | u64::from(word(at + 16));
                let incl = word(at + 20) as usize;
                packets.push((
                    (stamp / 1_000_000) as u32,
                    (stamp % 1_000_000) as u32,
                    word(at + 24),
                    &file[at + 28..at + 28 + incl],
                ));
            }
            _ => {}
        }
        at += word(at + 4) as usize;
    }
    (linktype, packets)
}

/// A classic pcap file of `packets`, each cut to `snaplen` bytes as a capture with that
/// snapshot length would hold it.
fn cut_to(linktype: u32, packets: &[Record<'_>], snaplen: usize) -> Vec<u8> {
    let mut file = Vec::new();
    for value in [0xa1b2_c3d4u32, 0x0004_0002, 0, 0, snaplen as u32, linktype] {
        file.extend_from_slice(&value.to_le_bytes());
    }
    for &(seconds, micros, wire, bytes) in packets {
        let kept = &bytes[..bytes.len().min(snaplen)];
        for value in [seconds, micros, kept.len() as u32, wire] {
            file.extend_from_slice(&value.to_le_bytes());
        }
        file.extend_from_slice(kept);
    }
    file
}

#[test]
fn every_snapshot_length_prints_as_tcpdump_prints_it() {
    if !have_tcpdump("the snapshot length cuts") {
        return;
    }
    // tcpdump prints what it can of a header the snapshot length cut, then ` [|tcp]`, ` [|ip6]`
    // and the like: so does the example, at every length that cuts a header of these
    // captures (Ethernet, VLAN tags, IPv4 with options, IPv6 extension headers, ARP, ICMP,
    // ICMPv6, TCP options, UDP).
    let dir = scratch("snaplen");
    for name in ["frames.pcapng", "sample.pcap"] {
        let file = std::fs::read(data(name)).unwrap();
        let (linktype, packets) = packets_of(&file);
        assert!(!packets.is_empty(), "{name}");
        for snaplen in 1..=100 {
            let path = dir.join(format!("{name}-{snaplen}.pcap"));
            std::fs::write(&path, cut_to(linktype, &packets, snaplen)).unwrap();
            assert_prints_as_tcpdump(&path);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_blocks_after_a_section_header_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        big in any::<bool>(),
    ) {
        let word = |value: u32| if big { value.to_be_bytes() } else { value.to_le_bytes() };
        let mut file = Vec::new();
        file.extend_from_slice(&[0x0a, 0x0d, 0x0d, 0x0a]);
        file.extend_from_slice(&word(28));
        file.extend_from_slice(&word(0x1a2b_3c4d));
        file.extend_from_slice(&[0; 12]);
        file.extend_from_slice(&word(28));
        // An interface, then whatever comes.
        file.extend_from_slice(&word(1));
        file.extend_from_slice(&word(20));
        file.extend_from_slice(&[0; 8]);
        file[36..38].copy_from_slice(if big { &[0, 1] } else { &[1, 0] });
        file.extend_from_slice(&word(20));
        file.extend_from_slice(&bytes);
        let _ = decode(&file);
    }
}
