//! The framed protocol of `examples/frames.rs` over real loopback TCP connections: frames of
//! random sizes, written in random pieces (some one byte per write) and read back in random
//! pieces, must decode to exactly the frames sent; bad input (a bad magic, an unknown kind, a
//! length past the configured maximum, a stream that ends inside a frame) must be an error that
//! names the frame's stream offset, after the frames before it decoded; and the decode loop must
//! allocate nothing, whatever the number of frames.
//!
//! The frames are built with the example's encoder (the derived `FrameFixed::to_bytes`) but
//! checked against the `Message` values they were built from, and the bad-input bytes are
//! written by hand here.

#[allow(dead_code)]
#[path = "../examples/frames.rs"]
mod frames;

use std::io::{self, Read};
use std::process::Command;

use frames::{FrameError, FrameReader, Kind, Message};
use proptest::prelude::*;

const MAX_BODY: usize = 1_000;

/// A reader that hands out at most the next size of `pieces` per `read`, so frames are split
/// across reads however the kernel happens to deliver the bytes.
struct Trickle<R> {
    inner: R,
    pieces: Vec<usize>,
    next: usize,
}

impl<R: Read> Read for Trickle<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let piece = self.pieces[self.next % self.pieces.len()].max(1);
        self.next += 1;
        let len = buf.len().min(piece);
        self.inner.read(&mut buf[..len])
    }
}

fn encode(messages: &[Message]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for message in messages {
        message.encode(&mut bytes);
    }
    bytes
}

/// What the client decoded before it stopped, and how it stopped.
struct Received {
    frames: Vec<(Kind, u8, Vec<u8>)>,
    outcome: Result<(), FrameError>,
}

/// Serves `bytes` over loopback in `write_pieces`, reads them with reads of at most
/// `read_pieces`, and decodes until `bye`, the end of the stream, or an error.
fn exchange(bytes: Vec<u8>, write_pieces: Vec<usize>, read_pieces: Vec<usize>) -> Received {
    let (stream, server) = frames::serve(bytes, write_pieces).expect("a loopback connection");
    let trickle = Trickle {
        inner: stream,
        pieces: read_pieces,
        next: 0,
    };
    let mut reader = FrameReader::new(trickle, MAX_BODY);
    let mut frames = Vec::new();
    let outcome = loop {
        match reader.next_frame() {
            Ok(Some(frame)) => {
                frames.push((frame.kind(), frame.flags(), frame.body().to_vec()));
                if frame.kind() == Kind::Bye {
                    break Ok(());
                }
            }
            Ok(None) => break Ok(()),
            Err(error) => break Err(error),
        }
    };
    drop(reader);
    server.join().expect("the server thread");
    Received { frames, outcome }
}

fn as_received(messages: &[Message]) -> Vec<(Kind, u8, Vec<u8>)> {
    messages
        .iter()
        .map(|m| (m.kind, m.flags, m.body.clone()))
        .collect()
}

fn message(kind: Kind, flags: u8, body: &[u8]) -> Message {
    Message {
        kind,
        flags,
        body: body.to_vec(),
    }
}

fn bye() -> Message {
    message(Kind::Bye, 0, b"")
}

fn kind_strategy() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::Hello), Just(Kind::Data), Just(Kind::Ping)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn frames_of_random_sizes_arrive_intact_however_they_are_cut(
        sent in proptest::collection::vec(
            (kind_strategy(), any::<u8>(), prop_oneof![
                Just(0usize), Just(MAX_BODY), 0..=MAX_BODY, 0usize..16,
            ]),
            0..60,
        ),
        seed in any::<u8>(),
        byte_by_byte in prop_oneof![Just(0usize), 1..64usize, Just(usize::MAX)],
        write_pieces in proptest::collection::vec(1usize..3_000, 1..8),
        read_pieces in proptest::collection::vec(1usize..2_000, 1..8),
    ) {
        let mut messages: Vec<Message> = sent
            .iter()
            .enumerate()
            .map(|(n, &(kind, flags, len))| Message {
                kind,
                flags,
                body: (0..len).map(|i| (i * 13 + n) as u8 ^ seed).collect(),
            })
            .collect();
        messages.push(bye());
        let bytes = encode(&messages);
        let mut pieces = vec![1; byte_by_byte.min(bytes.len())];
        pieces.extend(write_pieces);
        let received = exchange(bytes, pieces, read_pieces);
        prop_assert!(received.outcome.is_ok(), "{}", received.outcome.unwrap_err());
        prop_assert_eq!(received.frames, as_received(&messages));
    }
}

#[test]
fn a_stream_written_one_byte_per_write_decodes() {
    let messages = frames::script(40, MAX_BODY, 7);
    let bytes = encode(&messages);
    let pieces = vec![1; bytes.len()];
    let received = exchange(bytes, pieces, vec![4096]);
    received.outcome.unwrap();
    assert_eq!(received.frames, as_received(&messages));
}

#[test]
fn frames_split_across_reads_and_several_per_read_are_both_counted() {
    let mut messages = vec![message(Kind::Data, 1, b"abcd"); 100];
    messages.push(message(Kind::Data, 2, &[9; MAX_BODY]));
    messages.push(bye());
    let bytes = encode(&messages);
    let (stream, server) = frames::serve(bytes, vec![usize::MAX]).unwrap();
    // Reads of 100 bytes: eight 12-byte frames fit in one, and the 100-byte boundaries cut
    // 8 of the 12-byte frames and the 1008-byte one.
    let mut reader = FrameReader::new(
        Trickle {
            inner: stream,
            pieces: vec![100],
            next: 0,
        },
        MAX_BODY,
    );
    let (report, outcome) = frames::receive(&mut reader, &messages);
    server.join().unwrap();
    outcome.unwrap();
    assert_eq!((report.frames, report.mismatches), (messages.len(), 0));
    assert!(report.most_in_one_read >= 8, "{report:?}");
    assert_eq!(report.split_frames, 9, "{report:?}");
    assert!(report.compactions >= 1, "{report:?}");
}

/// Two good frames, then `bad`.
fn after_two_good_frames(bad: &[u8]) -> (Vec<u8>, u64) {
    let mut bytes = encode(&[
        message(Kind::Hello, 0, b"hi"),
        message(Kind::Data, 3, b"payload"),
    ]);
    let offset = bytes.len() as u64;
    bytes.extend_from_slice(bad);
    (bytes, offset)
}

/// Decodes `bytes` written one byte at a time and returns the frames before the error and the
/// error's text.
fn error_after(bytes: Vec<u8>) -> (usize, String) {
    let pieces = vec![1; bytes.len()];
    let received = exchange(bytes, pieces, vec![4096]);
    let error = received.outcome.expect_err("bad input is an error");
    (received.frames.len(), error.to_string())
}

#[test]
fn a_bad_magic_is_an_error_naming_the_frame() {
    let (bytes, offset) = after_two_good_frames(&[0x12, 0x34, 2, 0, 0, 0, 0, 1, b'x']);
    assert_eq!(
        error_after(bytes),
        (
            2,
            format!("frame at stream offset {offset}: bad magic 0x1234, expected 0x4f56")
        )
    );
}

#[test]
fn an_unknown_kind_is_an_error_naming_the_frame() {
    let (bytes, offset) = after_two_good_frames(&[0x4f, 0x56, 9, 0, 0, 0, 0, 1, b'x']);
    assert_eq!(
        error_after(bytes),
        (
            2,
            format!(
                "frame at stream offset {offset}: Frame.kind at offset 2: 9 is not a valid Kind"
            )
        )
    );
}

#[test]
fn a_length_past_the_maximum_is_an_error_as_soon_as_the_header_is_in() {
    // Only the header: the client must not wait for a body it would refuse anyway.
    let (bytes, offset) = after_two_good_frames(&[0x4f, 0x56, 2, 0, 0, 0, 0x03, 0xe9]);
    assert_eq!(
        error_after(bytes),
        (
            2,
            format!(
                "frame at stream offset {offset}: body length 1001 is more than the maximum \
                 of 1000 bytes"
            )
        )
    );
    let (bytes, offset) = after_two_good_frames(&[0x4f, 0x56, 2, 0, 0xff, 0xff, 0xff, 0xff]);
    assert_eq!(
        error_after(bytes).1,
        format!(
            "frame at stream offset {offset}: body length 4294967295 is more than the maximum \
             of 1000 bytes"
        )
    );
}

#[test]
fn a_stream_that_ends_inside_a_frame_is_an_error() {
    for cut in 1..12 {
        let (bytes, offset) =
            after_two_good_frames(&[0x4f, 0x56, 2, 0, 0, 0, 0, 4, b'a', b'b', b'c', b'd']);
        let cut_bytes = bytes[..bytes.len() - 12 + cut].to_vec();
        assert_eq!(
            error_after(cut_bytes),
            (
                2,
                format!("frame at stream offset {offset}: the stream ends after {cut} bytes of it")
            ),
            "cut after {cut} bytes of the third frame"
        );
    }
    // Between frames, the end of the stream is a clean end.
    let (bytes, _) = after_two_good_frames(&[]);
    let received = exchange(bytes, vec![3], vec![4096]);
    received.outcome.unwrap();
    assert_eq!(received.frames.len(), 2);
}

/// `frames FILE`: a recorded stream decodes from a file through the same reader, every frame
/// counted by kind; cut inside its last frame, it is the same error as over TCP.
#[test]
fn a_recorded_stream_decodes_from_a_file() {
    let messages = frames::script(300, MAX_BODY, 0x7265_636f_7264);
    let bytes = encode(&messages);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("frames_tcp-recording");
    let decode = |bytes: &[u8]| {
        std::fs::write(&path, bytes).expect("the recording is written");
        frames::decode_recording(std::fs::File::open(&path).expect("the recording opens"))
    };
    let count = |kind| messages.iter().filter(|m| m.kind == kind).count();
    let body: usize = messages.iter().map(|m| m.body.len()).sum();
    let report = decode(&bytes).expect("the recording decodes");
    let expected = format!(
        "frames: {} (hello {}, data {}, ping {}, bye {}), {body} body bytes, in ",
        messages.len(),
        count(Kind::Hello),
        count(Kind::Data),
        count(Kind::Ping),
        count(Kind::Bye)
    );
    assert!(report.starts_with(&expected), "{report}");
    assert!(
        report.contains("\nstopped after the bye frame\n"),
        "{report}"
    );

    // The bye frame is a bare 8-byte header: cut its last byte.
    let error = decode(&bytes[..bytes.len() - 1]).expect_err("a cut recording is an error");
    assert_eq!(
        error.to_string(),
        format!(
            "frame at stream offset {}: the stream ends after 7 bytes of it",
            bytes.len() - 8
        )
    );
    std::fs::remove_file(&path).expect("the recording is removed");
}

/// Set in the child process that runs the allocation count alone.
const ALLOCATION_CHILD: &str = "OVERLAY_FRAMES_ALLOCATION_CHILD";

/// The counting allocator counts every thread, so the count runs in a child process where this
/// test is the only one (the server thread it starts writes from a buffer built beforehand).
#[test]
fn decoding_allocates_nothing_per_frame() {
    if std::env::var_os(ALLOCATION_CHILD).is_none() {
        let output = Command::new(std::env::current_exe().unwrap())
            .args([
                "decoding_allocates_nothing_per_frame",
                "--exact",
                "--test-threads=1",
                "--nocapture",
            ])
            .env(ALLOCATION_CHILD, "1")
            .output()
            .expect("running this test alone in a child process");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.contains("1 passed"),
            "the child failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        return;
    }
    // The harness's main thread allocates once when it starts waiting for this test's result;
    // give it time to get there before counting.
    std::thread::sleep(std::time::Duration::from_millis(100));
    for (count, seed) in [(10, 1), (3_000, 2)] {
        let messages = frames::script(count, MAX_BODY, seed);
        let bytes = encode(&messages);
        let pieces = frames::pieces_for(bytes.len(), 100);
        let (stream, server) = frames::serve(bytes, pieces).unwrap();
        let mut reader = FrameReader::new(stream, MAX_BODY);
        let (report, outcome) = frames::receive(&mut reader, &messages);
        server.join().unwrap();
        outcome.unwrap();
        println!("{count} frames: {report:?}");
        assert_eq!((report.frames, report.mismatches), (messages.len(), 0));
        assert_eq!(report.allocations, 0, "{count} frames: {report:?}");
    }
    // The count is real: it sees an allocation made in the same kind of loop.
    let messages = frames::script(5, MAX_BODY, 3);
    let (stream, server) = frames::serve(encode(&messages), vec![usize::MAX]).unwrap();
    let mut reader = FrameReader::new(stream, MAX_BODY);
    let region = stats_alloc::Region::new(&stats_alloc::INSTRUMENTED_SYSTEM);
    let mut copies = Vec::new();
    while let Some(frame) = reader.next_frame().unwrap() {
        copies.push(frame.body().to_vec());
        if frame.kind() == Kind::Bye {
            break;
        }
    }
    assert!(region.change().allocations >= messages.len());
    server.join().unwrap();
}

proptest! {
    /// Arbitrary bytes, read in arbitrary pieces, never make the decoder panic or loop: it
    /// returns frames, the end of the stream, or an error, and stops.
    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        pieces in proptest::collection::vec(1usize..64, 1..8),
    ) {
        let trickle = Trickle { inner: &bytes[..], pieces, next: 0 };
        let mut reader = FrameReader::new(trickle, MAX_BODY);
        let mut frames = 0usize;
        loop {
            match reader.next_frame() {
                Ok(Some(_)) => frames += 1,
                Ok(None) => break,
                Err(error) => {
                    prop_assert!(!error.to_string().is_empty());
                    break;
                }
            }
            prop_assert!(frames <= bytes.len(), "more frames than bytes");
        }
    }
}
