//! The pcap example's decoder (examples/pcap.rs, included as a module, not copied) on arbitrary
//! bytes: it never panics; the file header is refused with one line or gives a capture whose
//! records tile the file from offset 24, each inside it; a broken record ends the walk with one
//! line naming that record's offset; every packet is described in one line or refused in one
//! line naming its own record; and `print_capture` writes exactly those lines.
#![no_main]

#[path = "../../examples/pcap.rs"]
#[allow(dead_code)]
mod pcap;

use libfuzzer_sys::fuzz_target;
use overlay::Overlay;

/// A line of output: no newline inside, and not empty.
fn one_line(text: &str, what: &str) {
    assert!(!text.is_empty(), "{what}: empty");
    assert!(
        !text.contains('\n'),
        "{what} is more than one line: {text:?}"
    );
}

fuzz_target!(|file: &[u8]| {
    let len = file.len();
    let capture = match pcap::Capture::open(file) {
        Ok(capture) => capture,
        Err(error) => {
            one_line(&error.to_string(), "file header error");
            assert_eq!(error.packet, None);
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
    assert!(len >= pcap::FileHeader::SIZE);
    one_line(&capture.linktype_name(), "link type name");

    // What the walk should print, line by line, to compare with `print_capture`.
    let (mut lines, mut problems) = (Vec::new(), Vec::new());
    let mut printer = pcap::Printer::new(&capture);
    let mut expected_offset = pcap::FileHeader::SIZE;
    let mut index = 0;
    let endian = capture.endian;
    let mut capture = capture;
    let mut ended_by_error = false;
    for packet in capture.by_ref() {
        index += 1;
        assert!(
            !ended_by_error,
            "a record after the one that ended the walk"
        );
        match packet {
            Ok(packet) => {
                assert_eq!(packet.index, index);
                assert_eq!(packet.offset, expected_offset, "records tile the file");
                assert!(packet.offset < len);
                assert!(packet.data_offset() <= packet.end());
                assert!(packet.end() <= len, "packet {index} ends past the file");
                assert_eq!(
                    packet.end() - packet.data_offset(),
                    packet.record.incl_len() as usize
                );
                expected_offset = packet.end();
                let mut line = String::new();
                match printer.describe(&packet, &mut line) {
                    Ok(()) => {
                        assert!(!line.contains('\n'), "packet line {line:?}");
                        lines.push(line);
                    }
                    Err(error) => {
                        let text = error.to_string();
                        one_line(&text, "packet error");
                        assert_eq!(error.packet, Some(index));
                        assert_eq!(error.offset, packet.offset);
                        problems.push(text);
                    }
                }
            }
            Err(error) => {
                let text = error.to_string();
                one_line(&text, "record error");
                assert_eq!(error.packet, Some(index));
                assert_eq!(
                    error.offset, expected_offset,
                    "the error names the bad record"
                );
                assert!(error.offset < len);
                // The record header or its data does not fit the bytes left.
                let rest = len - error.offset;
                assert!(
                    rest < 16 || {
                        let field = |at: usize| {
                            let bytes: [u8; 4] = file[error.offset + at..error.offset + at + 4]
                                .try_into()
                                .unwrap();
                            match endian {
                                overlay::Endian::Big => u32::from_be_bytes(bytes),
                                overlay::Endian::Little => u32::from_le_bytes(bytes),
                            }
                        };
                        field(8) as usize > rest - 16
                    },
                    "a record that fits was refused: {text}"
                );
                problems.push(text);
                ended_by_error = true;
            }
        }
    }
    assert!(
        ended_by_error || expected_offset == len,
        "the walk stopped at {expected_offset} of {len} bytes without an error"
    );
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
    assert_eq!(out.lines().collect::<Vec<_>>(), lines);
    let expected: Vec<String> = problems.iter().map(|p| format!("error: {p}")).collect();
    assert_eq!(errors.lines().collect::<Vec<_>>(), expected);
});
