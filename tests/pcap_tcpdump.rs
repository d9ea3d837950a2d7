//! The pcap example (`examples/pcap.rs`) against tcpdump, on captures tcpdump itself wrote.
//!
//! Every packet line the example prints is compared with `TZ=UTC tcpdump -n -r FILE`: first
//! field by field (time, addresses, ports, protocol, TCP flags, seq/ack, window, payload
//! length), then as whole lines. The inputs are the shipped sample (with tcpdump's output of it
//! recorded beside it, so the comparison runs even where tcpdump is not installed), a
//! big-endian copy of it rewritten by python3's `struct` module, and fresh loopback captures:
//! `examples/data/capture_loopback.py` makes python3 traffic over 127.0.0.1 while tcpdump
//! captures it (as root), as Ethernet with microsecond and nanosecond timestamps and as
//! LINUX_SLL with a short snapshot length.
//!
//! Bad input: the sample cut at every length, an `incl_len` past the end of the file, an IPv4
//! IHL of 4 and a TCP data offset of 4 each give one error line naming the packet and its file
//! offset, with the packets before it (and, where the records still hold, after it) printed as
//! before; where tcpdump is installed it must print the same packets from each cut file.
//! proptest feeds arbitrary bytes, and mutated samples, through the decoder: no panics.
//!
//! Without tcpdump, python3 or root, the tests that need them print a notice and pass, except
//! under `CI=true`, where they fail.

#[allow(dead_code)]
#[path = "../examples/pcap.rs"]
mod pcap;
#[path = "support/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample.pcap");
const SAMPLE_TCPDUMP: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/sample.tcpdump.txt"
);
const CAPTURE_SCRIPT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/capture_loopback.py"
);

/// What the example printed: packet lines, error lines, and its summary.
struct Decoded {
    lines: Vec<String>,
    errors: Vec<String>,
    summary: pcap::Summary,
}

fn decode(file: &[u8]) -> Decoded {
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    let summary = pcap::print_capture(file, &mut out, &mut errors).expect("writing to a Vec");
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
        summary,
    }
}

fn under_ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

/// `Some(())` if `ready`; otherwise a notice and `None`, or a failure under `CI=true`.
fn require(ready: bool, what: &str) -> Option<()> {
    if ready {
        return Some(());
    }
    assert!(
        !under_ci(),
        "{what} is required when CI=true (.ci/run installs tcpdump and python3)"
    );
    eprintln!("notice: {what} is not available; skipping this comparison");
    None
}

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn have_tcpdump() -> bool {
    runs("tcpdump", &["--version"])
}

fn have_python3() -> bool {
    runs("python3", &["-c", "import socket, struct"])
}

/// A fresh directory under the system's temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("overlay-pcap-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creating a scratch directory");
    dir
}

/// The fields of one `tcpdump -n` line for IPv4 TCP or UDP.
#[derive(Debug, PartialEq, Eq)]
struct Fields {
    time: String,
    source: String,
    source_port: u16,
    destination: String,
    destination_port: u16,
    protocol: &'static str,
    flags: Option<String>,
    seq: Option<String>,
    ack: Option<u32>,
    window: Option<u32>,
    length: u32,
}

fn endpoint(text: &str) -> Option<(String, u16)> {
    let (address, port) = text.rsplit_once('.')?;
    Some((address.to_owned(), port.parse().ok()?))
}

/// The value after `, NAME ` in a comma-separated list.
fn item<'a>(rest: &'a str, name: &str) -> Option<&'a str> {
    rest.split(", ").find_map(|part| part.strip_prefix(name))
}

fn fields(line: &str) -> Option<Fields> {
    let (time, rest) = line.split_once(' ')?;
    let rest = rest.strip_prefix("IP ")?;
    let (addresses, rest) = rest.split_once(": ")?;
    let (source, destination) = addresses.split_once(" > ")?;
    let ((source, source_port), (destination, destination_port)) =
        (endpoint(source)?, endpoint(destination)?);
    let (protocol, flags) = if let Some(tcp) = rest.strip_prefix("Flags [") {
        ("TCP", Some(tcp.split_once(']')?.0.to_owned()))
    } else if rest.starts_with("UDP, ") {
        ("UDP", None)
    } else {
        return None;
    };
    Some(Fields {
        time: time.to_owned(),
        source,
        source_port,
        destination,
        destination_port,
        protocol,
        flags,
        seq: item(rest, "seq ").map(str::to_owned),
        ack: item(rest, "ack ").and_then(|a| a.parse().ok()),
        window: item(rest, "win ").and_then(|w| w.parse().ok()),
        length: rest.rsplit_once("length ")?.1.parse().ok()?,
    })
}

/// Every line of `ours` has tcpdump's fields, then tcpdump's text.
fn assert_same_packets(ours: &[String], theirs: &[String], what: &str) {
    assert!(!theirs.is_empty(), "{what}: tcpdump printed no packets");
    for (index, (mine, reference)) in ours.iter().zip(theirs).enumerate() {
        let expected = fields(reference).unwrap_or_else(|| {
            panic!(
                "{what}: tcpdump line {} is not TCP/UDP: {reference}",
                index + 1
            )
        });
        let got = fields(mine)
            .unwrap_or_else(|| panic!("{what}: our line {} does not parse: {mine}", index + 1));
        assert_eq!(got, expected, "{what}: packet {}", index + 1);
        assert_eq!(mine, reference, "{what}: packet {} as text", index + 1);
    }
    assert_eq!(ours.len(), theirs.len(), "{what}: number of packets");
}

fn sample() -> Vec<u8> {
    std::fs::read(SAMPLE).expect("reading the sample capture")
}

fn recorded_tcpdump_lines() -> Vec<String> {
    std::fs::read_to_string(SAMPLE_TCPDUMP)
        .expect("reading tcpdump's recorded output")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// File offsets of the records of a little-endian capture, and the end: read here with plain
/// slicing, not with the example's types.
fn record_offsets(file: &[u8]) -> Vec<usize> {
    assert_eq!(
        &file[..4],
        &[0xd4, 0xc3, 0xb2, 0xa1],
        "a little-endian capture"
    );
    let mut offsets = vec![24];
    let mut at = 24;
    while at < file.len() {
        let incl_len = u32::from_le_bytes(file[at + 8..at + 12].try_into().unwrap());
        at += 16 + incl_len as usize;
        offsets.push(at);
    }
    assert_eq!(at, file.len(), "records end at the end of the file");
    offsets
}

#[test]
fn the_sample_prints_as_tcpdump_printed_it() {
    let decoded = decode(&sample());
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    assert_same_packets(&decoded.lines, &recorded_tcpdump_lines(), "sample.pcap");
    let protocols: Vec<_> = decoded
        .lines
        .iter()
        .filter_map(|l| fields(l))
        .map(|f| (f.protocol, f.flags.unwrap_or_default()))
        .collect();
    for wanted in ["S", "S.", ".", "P.", "F.", "R.", "P.U"] {
        assert!(
            protocols.contains(&("TCP", wanted.to_owned())),
            "the sample has a TCP [{wanted}]"
        );
    }
    assert!(protocols.iter().any(|p| p.0 == "UDP"), "the sample has UDP");
    let file = sample();
    let offsets = record_offsets(&file);
    let with_ip_options = offsets[..offsets.len() - 1]
        .iter()
        .filter(|&&record| file[record + 16 + 14] == 0x46)
        .count();
    assert!(
        with_ip_options >= 5,
        "the sample has IPv4 headers with options"
    );
}

#[test]
fn the_sample_prints_as_tcpdump_prints_it_now() {
    if require(have_tcpdump(), "tcpdump").is_none() {
        return;
    }
    let (theirs, stderr, ok) = tools::tcpdump(Path::new(SAMPLE));
    assert!(ok, "tcpdump failed: {stderr}");
    assert_same_packets(&decode(&sample()).lines, &theirs, "sample.pcap");
    assert_eq!(
        theirs,
        recorded_tcpdump_lines(),
        "the recorded output is current"
    );
}

/// python3's `struct` rewrites a little-endian capture in big-endian byte order.
const TO_BIG_ENDIAN: &str = r#"
import struct, sys
data = open(sys.argv[1], "rb").read()
header = struct.unpack_from("<IHHiIII", data, 0)
assert header[0] in (0xa1b2c3d4, 0xa1b23c4d)
out = bytearray(struct.pack(">IHHiIII", *header))
at = 24
while at < len(data):
    record = struct.unpack_from("<IIII", data, at)
    out += struct.pack(">IIII", *record) + data[at + 16 : at + 16 + record[2]]
    at += 16 + record[2]
open(sys.argv[2], "wb").write(out)
"#;

fn to_big_endian(source: &Path, destination: &Path) {
    let status = Command::new("python3")
        .args(["-c", TO_BIG_ENDIAN])
        .arg(source)
        .arg(destination)
        .status()
        .expect("running python3");
    assert!(status.success(), "python3 could not rewrite {source:?}");
}

#[test]
fn a_big_endian_capture_prints_the_same() {
    if require(have_python3(), "python3").is_none() {
        return;
    }
    let dir = scratch("big-endian");
    let big = dir.join("sample-be.pcap");
    to_big_endian(Path::new(SAMPLE), &big);
    let bytes = std::fs::read(&big).unwrap();
    assert_eq!(&bytes[..4], &[0xa1, 0xb2, 0xc3, 0xd4]);
    let decoded = decode(&bytes);
    assert!(decoded.errors.is_empty(), "{:?}", decoded.errors);
    assert_same_packets(
        &decoded.lines,
        &recorded_tcpdump_lines(),
        "big-endian sample",
    );
    if have_tcpdump() {
        let (theirs, stderr, ok) = tools::tcpdump(&big);
        assert!(ok, "tcpdump failed: {stderr}");
        assert_same_packets(&decoded.lines, &theirs, "big-endian sample, tcpdump now");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn fresh_loopback_captures_print_as_tcpdump_prints_them() {
    let ready = have_tcpdump() && have_python3() && tools::is_root();
    if require(ready, "capturing with tcpdump (tcpdump, python3 and root)").is_none() {
        return;
    }
    let dir = scratch("fresh");
    let variants: [(&str, &[&str]); 3] = [
        ("ethernet-microseconds", &[]),
        ("ethernet-nanoseconds", &["--nano"]),
        (
            "linux-sll-snaplen-100",
            &["--link", "any", "--snaplen", "100"],
        ),
    ];
    for (name, options) in variants {
        let file = dir.join(format!("{name}.pcap"));
        let output = Command::new("python3")
            .arg(CAPTURE_SCRIPT)
            .arg(&file)
            .args(options)
            .output()
            .expect("running the capture script");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let refused = stderr.contains("Operation not permitted") || stderr.contains("ermission");
        if !output.status.success() && refused && require(false, "permission to capture").is_none()
        {
            return;
        }
        assert!(output.status.success(), "{name}: capture failed: {stderr}");
        let bytes = std::fs::read(&file).unwrap();
        let (theirs, stderr, ok) = tools::tcpdump(&file);
        assert!(ok, "{name}: tcpdump failed: {stderr}");
        let decoded = decode(&bytes);
        assert!(decoded.errors.is_empty(), "{name}: {:?}", decoded.errors);
        assert_same_packets(&decoded.lines, &theirs, name);
        assert!(
            theirs.len() >= 20,
            "{name}: the whole exchange was captured"
        );

        let big = dir.join(format!("{name}-be.pcap"));
        to_big_endian(&file, &big);
        let (theirs_big, stderr, ok) = tools::tcpdump(&big);
        assert!(ok, "{name} big-endian: tcpdump failed: {stderr}");
        let decoded_big = decode(&std::fs::read(&big).unwrap());
        assert_same_packets(
            &decoded_big.lines,
            &theirs_big,
            &format!("{name}, big-endian"),
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_capture_cut_anywhere_keeps_the_packets_before_the_cut() {
    let file = sample();
    let full = decode(&file).lines;
    let offsets = record_offsets(&file);
    for cut in 0..file.len() {
        let decoded = decode(&file[..cut]);
        if cut < 24 {
            assert!(decoded.lines.is_empty());
            assert_eq!(decoded.errors.len(), 1, "cut at {cut}");
            assert!(
                decoded.errors[0].starts_with("error: file header at offset 0: "),
                "{}",
                decoded.errors[0]
            );
            continue;
        }
        let whole = offsets.iter().filter(|&&end| end <= cut).count() - 1;
        assert_eq!(decoded.lines, full[..whole], "cut at {cut}");
        assert_eq!(decoded.summary.printed, whole);
        let record = offsets[whole];
        if cut == record {
            assert!(
                decoded.errors.is_empty(),
                "cut at {cut}: {:?}",
                decoded.errors
            );
            continue;
        }
        assert_eq!(
            decoded.errors.len(),
            1,
            "cut at {cut}: {:?}",
            decoded.errors
        );
        let left = cut - record;
        let expected = if left < 16 {
            format!(
                "error: packet {} at file offset {record}: the capture is truncated: a record \
                 header needs 16 bytes, the file has {left} left",
                whole + 1
            )
        } else {
            let incl_len = offsets[whole + 1] - record - 16;
            format!(
                "error: packet {} at file offset {record}: the packet length (incl_len) is \
                 {incl_len} bytes, past the end of the file: {} bytes are left after the \
                 record header",
                whole + 1,
                left - 16
            )
        };
        assert_eq!(decoded.errors[0], expected, "cut at {cut}");
    }
}

#[test]
fn tcpdump_prints_the_same_packets_from_cut_captures() {
    if require(have_tcpdump(), "tcpdump").is_none() {
        return;
    }
    let file = sample();
    let offsets = record_offsets(&file);
    let dir = scratch("cut");
    let path = dir.join("cut.pcap");
    let mut cuts: Vec<usize> = offsets
        .iter()
        .flat_map(|&o| [o - 1, o + 5, o + 16, o + 30])
        .filter(|&c| c > 24 && c < file.len())
        .collect();
    cuts.extend([24, file.len()]);
    for cut in cuts {
        std::fs::write(&path, &file[..cut]).unwrap();
        let (theirs, stderr, ok) = tools::tcpdump(&path);
        let decoded = decode(&file[..cut]);
        assert_eq!(decoded.lines, theirs, "cut at {cut}");
        let complete = offsets.contains(&cut);
        assert_eq!(
            ok, complete,
            "cut at {cut}: tcpdump's exit status: {stderr}"
        );
        assert_eq!(decoded.errors.is_empty(), complete, "cut at {cut}");
        if !complete {
            assert!(stderr.contains("truncated dump file"), "{stderr}");
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The index (0-based) and record offset of the first packet whose line matches `wanted`.
fn find_packet(file: &[u8], wanted: impl Fn(&Fields) -> bool) -> (usize, usize) {
    let lines = decode(file).lines;
    let index = lines
        .iter()
        .position(|l| fields(l).is_some_and(|f| wanted(&f)))
        .expect("the sample has such a packet");
    (index, record_offsets(file)[index])
}

#[test]
fn an_incl_len_past_the_end_of_the_file_is_reported_and_ends_the_walk() {
    let mut file = sample();
    let full = decode(&file).lines;
    let (index, record) = (5, record_offsets(&file)[5]);
    file[record + 8..record + 12].copy_from_slice(&100_000u32.to_le_bytes());
    let decoded = decode(&file);
    assert_eq!(decoded.lines, full[..index]);
    assert_eq!(
        decoded.errors,
        [format!(
            "error: packet 6 at file offset {record}: the packet length (incl_len) is 100000 \
             bytes, past the end of the file: {} bytes are left after the record header",
            file.len() - record - 16
        )]
    );
    file[record + 8..record + 12].copy_from_slice(&u32::MAX.to_le_bytes());
    let decoded = decode(&file);
    assert_eq!(decoded.lines, full[..index]);
    assert!(decoded.errors[0].contains("is 4294967295 bytes, past the end of the file"));
}

/// Checks what the example prints for `file`, the sample with packet `index` (its record at
/// `record`) damaged: that packet alone is reported, with `problem`, and every other packet
/// prints as it does in the sample.
fn assert_only_that_packet_is_skipped(file: &[u8], index: usize, record: usize, problem: &str) {
    let decoded = decode(file);
    assert_eq!(
        decoded.errors,
        [format!(
            "error: packet {} at file offset {record}: {problem}",
            index + 1
        )]
    );
    let mut expected = decode(&sample()).lines;
    expected.remove(index);
    assert_eq!(
        decoded.lines, expected,
        "every other packet prints as before"
    );
}

#[test]
fn an_ihl_below_5_is_reported_and_only_that_packet_is_skipped() {
    let mut file = sample();
    let (index, record) = find_packet(&file, |f| f.protocol == "UDP");
    let ip = record + 16 + 14;
    assert_eq!(file[ip] >> 4, 4, "an IPv4 header");
    file[ip] = 0x44;
    let problem = format!(
        "bad IPv4 header: Ipv4.options at offset {}: length `ihl * 4 - 20` is negative (-4)",
        ip + 20
    );
    assert_only_that_packet_is_skipped(&file, index, record, &problem);
}

#[test]
fn a_tcp_data_offset_below_5_is_reported_and_only_that_packet_is_skipped() {
    let mut file = sample();
    let (index, record) = find_packet(&file, |f| f.flags.as_deref() == Some("P."));
    let ip = record + 16 + 14;
    let tcp = ip + usize::from(file[ip] & 0x0f) * 4;
    assert_eq!(file[tcp + 12] >> 4, 8, "a TCP header with timestamps");
    file[tcp + 12] = 0x40 | (file[tcp + 12] & 0x0f);
    let problem = format!(
        "bad TCP header: Tcp.options at offset {}: length `data_offset * 4 - 20` is negative \
         (-4)",
        tcp + 20
    );
    assert_only_that_packet_is_skipped(&file, index, record, &problem);
}

#[test]
fn files_that_are_neither_pcap_nor_pcapng_are_named_as_such() {
    let errors = |bytes: &[u8]| decode(bytes).errors;
    assert_eq!(
        errors(b"short"),
        ["error: file header at offset 0: the file has 5 bytes, a pcap file header needs 24"]
    );
    // A pcapng block type with no byte-order magic after it (tests/pcapng_tcpdump.rs reads
    // real pcapng files).
    let mut pcapng = vec![0x0a, 0x0d, 0x0d, 0x0a];
    pcapng.resize(64, 0);
    assert!(errors(&pcapng)[0].contains("a Section Header Block with a bad byte-order magic"));
    assert!(
        errors(&[0x55; 30])[0].contains("magic number 0x55555555 is neither a classic pcap magic")
    );
}

/// A classic little-endian pcap file of the given link type holding `packets`.
fn capture_of(linktype: u32, packets: &[Vec<u8>]) -> Vec<u8> {
    let mut file = Vec::new();
    for value in [0xa1b2_c3d4u32, 0x0004_0002, 0, 0, 262_144, linktype] {
        file.extend_from_slice(&value.to_le_bytes());
    }
    for (i, packet) in packets.iter().enumerate() {
        for value in [i as u32, 0, packet.len() as u32, packet.len() as u32] {
            file.extend_from_slice(&value.to_le_bytes());
        }
        file.extend_from_slice(packet);
    }
    file
}

/// An Ethernet + IPv4 prefix whose protocol is `protocol`, for the fuzzing below.
fn ipv4_prefix(protocol: u8, ihl: u8, total_length: u16) -> Vec<u8> {
    let mut bytes = vec![0; 12];
    bytes.extend_from_slice(&[0x08, 0x00, 0x40 | ihl, 0]);
    bytes.extend_from_slice(&total_length.to_be_bytes());
    bytes.extend_from_slice(&[
        0, 0, 0x40, 0, 64, protocol, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1,
    ]);
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&bytes);
        let mut with_magic = 0xa1b2_c3d4u32.to_le_bytes().to_vec();
        with_magic.extend_from_slice(&bytes);
        let _ = decode(&with_magic);
    }

    #[test]
    fn arbitrary_packets_of_every_link_type_never_panic(
        linktype in prop_oneof![Just(1u32), Just(101), Just(113), Just(228), any::<u32>()],
        packets in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..120), 1..6),
    ) {
        let decoded = decode(&capture_of(linktype, &packets));
        prop_assert_eq!(decoded.summary.printed + decoded.summary.errors, packets.len());
    }

    #[test]
    fn arbitrary_ip_tcp_and_udp_headers_never_panic(
        protocol in prop_oneof![Just(6u8), Just(17), any::<u8>()],
        ihl in 0u8..16,
        total_length in proptest::option::of(any::<u16>()),
        rest in proptest::collection::vec(any::<u8>(), 0..100),
    ) {
        // Mostly the datagram's real length, so that the TCP and UDP headers get decoded.
        let total_length = total_length.unwrap_or(20 + rest.len() as u16);
        let mut packet = ipv4_prefix(protocol, ihl, total_length);
        packet.extend_from_slice(&rest);
        let decoded = decode(&capture_of(1, &[packet.clone(), packet]));
        prop_assert_eq!(decoded.summary.printed + decoded.summary.errors, 2);
    }

    #[test]
    fn a_sample_with_bytes_changed_never_panics(
        changes in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8),
    ) {
        let mut file = sample();
        for (at, value) in changes {
            let len = file.len();
            file[at % len] = value;
        }
        let _ = decode(&file);
    }
}
