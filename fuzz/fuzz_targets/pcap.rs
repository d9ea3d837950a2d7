//! The pcap example's decoder (examples/pcap.rs, included as a module, not copied) on arbitrary
//! bytes, classic pcap and pcapng alike: it never panics; the file header is refused with one
//! line or gives a capture whose packets come in file order, each inside the file (classic
//! records tile it from offset 24; each pcapng packet is a packet block of its section's byte
//! order); a broken record or block ends the walk with one line naming its offset; every
//! packet is described in one line or refused in one line naming its own record; and
//! `print_capture` writes exactly those lines.
#![no_main]

#[path = "../../examples/pcap.rs"]
#[allow(dead_code)]
mod pcap;

use libfuzzer_sys::fuzz_target;
use overlay::Overlay;
use pcap::{Format, Place};

/// A line of output: no newline inside, and not empty.
fn one_line(text: &str, what: &str) {
    assert!(!text.is_empty(), "{what}: empty");
    assert!(
        !text.contains('\n'),
        "{what} is more than one line: {text:?}"
    );
}

fn read_u32(file: &[u8], at: usize, endian: overlay::Endian) -> u32 {
    let bytes: [u8; 4] = file[at..at + 4].try_into().unwrap();
    match endian {
        overlay::Endian::Big => u32::from_be_bytes(bytes),
        overlay::Endian::Little => u32::from_le_bytes(bytes),
    }
}

fuzz_target!(|file: &[u8]| {
    let len = file.len();
    let capture = match pcap::Capture::open(file) {
        Ok(capture) => capture,
        Err(error) => {
            one_line(&error.to_string(), "file header error");
            assert_eq!(error.place, Place::FileHeader);
            assert!(error.offset <= len);
            let mut out = Vec::new();
            let mut errors = Vec::new();
            let summary = pcap::print_capture(file, &mut out, &mut errors).unwrap();
            assert_eq!(summary.printed, 0);
            assert_eq!(summary.errors, 1);
            assert!(out.is_empty());
            assert_eq!(
                String::from_utf8(errors).unwrap(),
                format!("error: {error}\n")
            );
            return;
        }
    };
    let classic = matches!(capture.format, Format::Classic { .. });
    if classic {
        assert!(len >= pcap::FileHeader::SIZE);
    }
    one_line(&capture.linktype_name(), "link type name");

    // What the walk should print, line by line, to compare with `print_capture`.
    let (mut lines, mut problems) = (Vec::new(), Vec::new());
    let mut printer = pcap::Printer::new(&capture);
    let mut expected_offset = if classic { pcap::FileHeader::SIZE } else { 0 };
    let mut index = 0;
    let mut capture = capture;
    let mut ended_by_error = false;
    // Not `for`: the loop reads `capture.endian`, the byte order of the packet's section.
    loop {
        let Some(packet) = capture.next() else {
            break;
        };
        assert!(
            !ended_by_error,
            "a record after the one that ended the walk"
        );
        match packet {
            Ok(packet) => {
                index += 1;
                assert_eq!(packet.index, index);
                if classic {
                    assert_eq!(packet.offset, expected_offset, "records tile the file");
                    assert_eq!(packet.data_offset, packet.offset + 16);
                } else {
                    assert!(packet.offset >= expected_offset, "packets in file order");
                    let kind = read_u32(file, packet.offset, capture.endian);
                    assert!(matches!(kind, 2 | 3 | 6), "block type {kind} is a packet");
                }
                assert!(packet.offset < packet.data_offset);
                assert!(packet.data_offset + packet.data.len() <= packet.end);
                assert!(packet.end <= len, "packet {index} ends past the file");
                assert_eq!(
                    &file[packet.data_offset..packet.data_offset + packet.data.len()],
                    packet.data
                );
                expected_offset = packet.end;
                let mut line = String::new();
                match printer.describe(&packet, &mut line) {
                    Ok(()) => {
                        // One line, but for tcpdump's hex dump of a message it does not
                        // decode: continuation lines of `\t0x0000:  ...`.
                        let mut rows = line.split('\n');
                        let first = rows.next().unwrap_or_default();
                        assert!(!first.is_empty(), "packet line {line:?}");
                        for row in rows {
                            assert!(row.starts_with("\t0x"), "packet line {line:?}");
                        }
                        lines.push(line);
                    }
                    Err(error) => {
                        let text = error.to_string();
                        one_line(&text, "packet error");
                        assert_eq!(error.place, Place::Packet(index));
                        assert_eq!(error.offset, packet.offset);
                        problems.push(text);
                    }
                }
            }
            Err(error) => {
                let text = error.to_string();
                one_line(&text, "record error");
                assert!(error.offset < len);
                assert!(
                    error.offset >= expected_offset,
                    "the error names a later record"
                );
                match error.place {
                    Place::Packet(number) => {
                        index += 1;
                        assert_eq!(number, index);
                    }
                    Place::Block => assert!(!classic, "a block error in a classic file"),
                    Place::FileHeader => panic!("a file header error after the header: {text}"),
                }
                if classic {
                    // The record header or its data does not fit the bytes left.
                    let rest = len - error.offset;
                    assert_eq!(
                        error.offset, expected_offset,
                        "the error names the bad record"
                    );
                    assert!(
                        rest < 16
                            || read_u32(file, error.offset + 8, capture.endian) as usize
                                > rest - 16,
                        "a record that fits was refused: {text}"
                    );
                }
                problems.push(text);
                // A packet block naming an unknown interface, or too short for a Simple
                // Packet Block's length, skips that packet only; any other error ends the walk.
                ended_by_error = classic || error.place == Place::Block;
            }
        }
    }
    if classic {
        assert!(
            ended_by_error || expected_offset == len,
            "the walk stopped at {expected_offset} of {len} bytes without an error"
        );
    }
    assert!(capture.next().is_none(), "the walk is over");

    // print_capture: the same lines, packet lines on one writer and `error: ` lines on the
    // other.
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let summary = pcap::print_capture(file, &mut out, &mut errors).unwrap();
    assert_eq!(summary.printed, lines.len());
    assert_eq!(summary.errors, problems.len());
    let out = String::from_utf8(out).unwrap();
    let errors = String::from_utf8(errors).unwrap();
    // (A packet's hex dump rows are lines of the output too.)
    let expected_out: Vec<&str> = lines.iter().flat_map(|line| line.lines()).collect();
    assert_eq!(out.lines().collect::<Vec<_>>(), expected_out);
    let expected: Vec<String> = problems.iter().map(|p| format!("error: {p}")).collect();
    assert_eq!(errors.lines().collect::<Vec<_>>(), expected);
});
