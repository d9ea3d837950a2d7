//! A length-prefixed message protocol over a loopback TCP connection, decoded in place out of
//! one reused read buffer, with no allocation per message.
//!
//! Each frame is an 8-byte big-endian header, then the body:
//!
//! ```text
//! magic u16 = 0x4f56 ("OV") | kind u8 (1 hello, 2 data, 3 ping, 4 bye) | flags u8 | len u32 | body[len]
//! ```
//!
//! `cargo run --example frames` starts a server thread on 127.0.0.1 (ephemeral port) that sends
//! a fixed script of frames (bodies of pseudo-random sizes up to the maximum) in writes of
//! awkward sizes: the first frames one byte per write, then chunks that cut frames anywhere
//! and chunks that hold several frames. The client reads into one buffer just big enough for
//! the largest frame, views each complete frame where it lies with `VarOverlay::view_prefix`,
//! checks it against the script, moves the unread tail to the front of the buffer when it
//! needs room (compaction), and stops after the `bye` frame. A counting allocator
//! (`stats_alloc`) watches the decode loop: it reports 0 allocations, whatever the count.
//!
//! `cargo run --example frames -- FILE` decodes a recorded stream instead: FILE holds the bytes
//! a client would read off such a connection (frames back to back, as the demo sends them),
//! read through the same reader and buffer a piece at a time, so a file of any size costs one
//! buffer; it prints how many frames of each kind it holds.
//!
//! Bad input is an error naming the frame's offset in the stream: a bad magic, an unknown
//! kind, a length past the configured maximum (1,000 bytes), or a stream that ends inside a
//! frame. It is one line on standard error, and exit status 1.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Barrier};
use std::thread;

use overlay::{Overlay, VarBytes, VarOverlay};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[path = "input.rs"]
mod input;

#[global_allocator]
static GLOBAL: &StatsAlloc<std::alloc::System> = &INSTRUMENTED_SYSTEM;

/// The first two bytes of every frame.
pub const MAGIC: u16 = 0x4f56;

/// What a frame says; any other byte is rejected when the frame is viewed.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Hello = 1,
    Data = 2,
    Ping = 3,
    /// The last frame of a conversation.
    Bye = 4,
}

/// One frame: the fixed header (also available alone as the generated `FrameFixed`), then
/// `len` bytes of body.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Frame {
    pub magic: u16,
    pub kind: Kind,
    pub flags: u8,
    pub len: u32,
    #[overlay(bytes = "len")]
    pub body: VarBytes,
}

/// The magic alone, read before the rest of the header so that a stream out of step is
/// reported as such, not as whatever its next bytes happen to mean.
#[derive(Overlay)]
#[overlay(endian = "big")]
struct Preamble {
    magic: u16,
}

/// Why a stream could not be decoded; `offset` is where the frame starts in the stream.
#[derive(Debug)]
pub enum FrameError {
    Io(io::Error),
    BadMagic { offset: u64, found: u16 },
    BadHeader { offset: u64, error: overlay::Error },
    TooLong { offset: u64, len: u32, max: usize },
    Truncated { offset: u64, have: usize },
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrameError::Io(error) => write!(f, "reading the stream: {error}"),
            FrameError::BadMagic { offset, found } => write!(
                f,
                "frame at stream offset {offset}: bad magic {found:#06x}, expected {MAGIC:#06x}"
            ),
            FrameError::BadHeader { offset, error } => {
                write!(f, "frame at stream offset {offset}: {error}")
            }
            FrameError::TooLong { offset, len, max } => write!(
                f,
                "frame at stream offset {offset}: body length {len} is more than the \
                 maximum of {max} bytes"
            ),
            FrameError::Truncated { offset, have } => write!(
                f,
                "frame at stream offset {offset}: the stream ends after {have} bytes of it"
            ),
        }
    }
}

impl std::error::Error for FrameError {}

impl From<io::Error> for FrameError {
    fn from(error: io::Error) -> Self {
        FrameError::Io(error)
    }
}

/// Reads frames out of one buffer, allocated once, just big enough for the largest frame.
pub struct FrameReader<R> {
    reader: R,
    buf: Box<[u8]>,
    /// The unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    /// Stream offset of `buf[start]`.
    offset: u64,
    max_body: usize,
    /// `read` calls that returned data.
    pub reads: usize,
    /// Times the unread tail was moved to the front of the buffer.
    pub compactions: usize,
    /// Frames that were not whole in the buffer the first time they were looked at.
    pub split_frames: usize,
    /// Most frames decoded out of one read.
    pub most_in_one_read: usize,
    in_this_read: usize,
}

impl<R: Read> FrameReader<R> {
    /// A reader for frames whose bodies are at most `max_body` bytes.
    pub fn new(reader: R, max_body: usize) -> Self {
        FrameReader {
            reader,
            buf: vec![0; Frame::FIXED_SIZE + max_body].into_boxed_slice(),
            start: 0,
            end: 0,
            offset: 0,
            max_body,
            reads: 0,
            compactions: 0,
            split_frames: 0,
            most_in_one_read: 0,
            in_this_read: 0,
        }
    }

    /// The next frame, viewed in place in the buffer; `None` when the stream ends between
    /// frames.
    pub fn next_frame(&mut self) -> Result<Option<FrameView<'_>>, FrameError> {
        let mut waited = false;
        loop {
            if let Some(size) = self.whole_frame()? {
                let start = self.start;
                self.start += size;
                self.offset += size as u64;
                self.in_this_read += 1;
                self.most_in_one_read = self.most_in_one_read.max(self.in_this_read);
                if waited {
                    self.split_frames += 1;
                }
                let (frame, _) = Frame::view_prefix(&self.buf[start..start + size])
                    .map_err(|error| self.bad_header(error))?;
                return Ok(Some(frame));
            }
            waited = self.start < self.end;
            if !self.fill()? {
                return match self.end - self.start {
                    0 => Ok(None),
                    have => Err(FrameError::Truncated {
                        offset: self.offset,
                        have,
                    }),
                };
            }
        }
    }

    /// The size of the frame at `start` if the buffer holds all of it; checks its header as
    /// soon as the header is in.
    fn whole_frame(&self) -> Result<Option<usize>, FrameError> {
        let unread = &self.buf[self.start..self.end];
        let Ok((preamble, _)) = Preamble::view_prefix(unread) else {
            return Ok(None);
        };
        if preamble.magic() != MAGIC {
            return Err(FrameError::BadMagic {
                offset: self.offset,
                found: preamble.magic(),
            });
        }
        if unread.len() < Frame::FIXED_SIZE {
            return Ok(None);
        }
        let (header, _) = FrameFixed::view_prefix(unread).map_err(|e| self.bad_header(e))?;
        let len = header.len();
        if len as usize > self.max_body {
            return Err(FrameError::TooLong {
                offset: self.offset,
                len,
                max: self.max_body,
            });
        }
        let size = Frame::FIXED_SIZE + len as usize;
        Ok((unread.len() >= size).then_some(size))
    }

    fn bad_header(&self, error: overlay::Error) -> FrameError {
        FrameError::BadHeader {
            offset: self.offset,
            error,
        }
    }

    /// Reads more bytes, first moving the unread tail to the front; `false` at end of stream.
    fn fill(&mut self) -> Result<bool, FrameError> {
        if self.start > 0 {
            if self.start < self.end {
                self.buf.copy_within(self.start..self.end, 0);
                self.compactions += 1;
            }
            self.end -= self.start;
            self.start = 0;
        }
        // The buffer holds a whole frame of the largest size, and `whole_frame` hands out any
        // whole frame, so there is always room here.
        loop {
            match self.reader.read(&mut self.buf[self.end..]) {
                Ok(0) => return Ok(false),
                Ok(n) => {
                    self.end += n;
                    self.reads += 1;
                    self.in_this_read = 0;
                    return Ok(true);
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error.into()),
            }
        }
    }
}

/// One frame to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub kind: Kind,
    pub flags: u8,
    pub body: Vec<u8>,
}

impl Message {
    /// Appends the frame's bytes to `out`; the header is written by the derived `FrameFixed`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        let header = FrameFixed {
            magic: MAGIC,
            kind: self.kind,
            flags: self.flags,
            len: self.body.len() as u32,
        };
        out.extend_from_slice(&header.to_bytes());
        out.extend_from_slice(&self.body);
    }

    /// Whether `frame` carries this message.
    pub fn matches(&self, frame: &FrameView<'_>) -> bool {
        frame.kind() == self.kind && frame.flags() == self.flags && frame.body() == self.body
    }
}

/// A deterministic pseudo-random script: hello, `count` data frames (bodies of 0 to
/// `max_body` bytes, a ping every 97th), bye.
pub fn script(count: usize, max_body: usize, mut seed: u64) -> Vec<Message> {
    let mut next = move || {
        // xorshift64*: plenty for picking sizes.
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        seed.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    let mut messages = vec![Message {
        kind: Kind::Hello,
        flags: 0,
        body: b"overlay frames v1".to_vec(),
    }];
    for n in 0..count {
        let roll = next();
        let len = match roll % 8 {
            0 => 0,
            1 => max_body,
            _ => (roll >> 8) as usize % (max_body + 1),
        };
        let kind = if n % 97 == 96 { Kind::Ping } else { Kind::Data };
        let body = (0..len).map(|i| (n * 31 + i * 7) as u8).collect();
        messages.push(Message {
            kind,
            flags: (roll >> 40) as u8,
            body,
        });
    }
    messages.push(Message {
        kind: Kind::Bye,
        flags: 0,
        body: Vec::new(),
    });
    messages
}

/// Writes `bytes` in pieces whose sizes are `pieces` (repeated if they do not cover it), each
/// a separate `write` (Nagle off, so small writes go out as they are made).
pub fn send_in_pieces(stream: &mut TcpStream, bytes: &[u8], pieces: &[usize]) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let mut rest = bytes;
    for &piece in pieces.iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (now, later) = rest.split_at(piece.clamp(1, rest.len()));
        stream.write_all(now)?;
        rest = later;
    }
    stream.shutdown(std::net::Shutdown::Write)
}

/// What the client saw.
#[derive(Debug, Clone, Copy, Default)]
pub struct Report {
    pub frames: usize,
    pub body_bytes: u64,
    /// Frames that differ from the script.
    pub mismatches: usize,
    pub reads: usize,
    pub compactions: usize,
    pub split_frames: usize,
    pub most_in_one_read: usize,
    /// Allocations and reallocations made, by any thread, while frames were decoded.
    pub allocations: usize,
}

/// Decodes frames from `reader` until `bye` (or the end of the stream), checking each against
/// `expected` in order, and counts the allocations made meanwhile. Everything is set up before
/// the count starts; the loop itself only reads into the buffer and views frames in it.
pub fn receive<R: Read>(
    reader: &mut FrameReader<R>,
    expected: &[Message],
) -> (Report, Result<(), FrameError>) {
    let mut report = Report::default();
    let region = Region::new(GLOBAL);
    let outcome = loop {
        match reader.next_frame() {
            Ok(Some(frame)) => {
                let matches = expected
                    .get(report.frames)
                    .is_some_and(|message| message.matches(&frame));
                report.mismatches += usize::from(!matches);
                report.frames += 1;
                report.body_bytes += frame.body().len() as u64;
                if frame.kind() == Kind::Bye {
                    break Ok(());
                }
            }
            Ok(None) => break Ok(()),
            Err(error) => break Err(error),
        }
    };
    let change = region.change();
    report.allocations = change.allocations + change.reallocations;
    report.reads = reader.reads;
    report.compactions = reader.compactions;
    report.split_frames = reader.split_frames;
    report.most_in_one_read = reader.most_in_one_read;
    (report, outcome)
}

/// Serves `bytes` once on a fresh loopback port, written in `pieces`; returns the client's end
/// once the server thread has accepted it, so that the thread's own start-up (which allocates)
/// is over before any counting starts.
pub fn serve(
    bytes: Vec<u8>,
    pieces: Vec<usize>,
) -> io::Result<(TcpStream, thread::JoinHandle<()>)> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let address = listener.local_addr()?;
    let accepted = Arc::new(Barrier::new(2));
    let server = {
        let accepted = Arc::clone(&accepted);
        thread::spawn(move || {
            let stream = listener.accept();
            accepted.wait();
            // The client may hang up early on bad input; the server has nothing to add then.
            if let Ok((mut stream, _)) = stream {
                let _ = send_in_pieces(&mut stream, &bytes, &pieces);
            }
        })
    };
    let stream = TcpStream::connect(address);
    accepted.wait();
    Ok((stream?, server))
}

/// Write sizes for a stream of `total` bytes: the first `byte_by_byte` bytes one per write,
/// then uneven pieces from 1 byte to several frames, until the whole stream is covered.
pub fn pieces_for(total: usize, byte_by_byte: usize) -> Vec<usize> {
    const UNEVEN: [usize; 13] = [3, 5, 8, 700, 13, 2_100, 1, 4_096, 21, 9_000, 34, 55, 1_500];
    let mut pieces = vec![1; byte_by_byte.min(total)];
    let mut covered = pieces.len();
    for piece in UNEVEN.iter().cycle() {
        if covered >= total {
            break;
        }
        pieces.push(*piece);
        covered += piece;
    }
    pieces
}

/// The largest body the client's buffer holds, in the demo and for a recorded stream.
const MAX_BODY: usize = 1_000;

/// The demo: the script sent over loopback and checked frame by frame. Returns the report;
/// an error is the line to print.
fn demo() -> Result<String, String> {
    const COUNT: usize = 2_000;

    let messages = script(COUNT, MAX_BODY, 0x6f76_6572_6c61_7921);
    let mut bytes = Vec::new();
    for message in &messages {
        message.encode(&mut bytes);
    }
    let mut out = format!(
        "sending {} frames, {} bytes, bodies of 0..={MAX_BODY} bytes, over 127.0.0.1\n",
        messages.len(),
        bytes.len()
    );
    let pieces = pieces_for(bytes.len(), 200);
    let (stream, server) = serve(bytes, pieces).map_err(|e| format!("serving on loopback: {e}"))?;
    let mut reader = FrameReader::new(stream, MAX_BODY);
    out += &format!(
        "client buffer: {} bytes (8-byte header + {MAX_BODY}-byte maximum body), allocated \
         once\n",
        Frame::FIXED_SIZE + MAX_BODY
    );

    let (report, outcome) = receive(&mut reader, &messages);
    // Hang up before waiting for the server, which may still be writing after a bad frame.
    drop(reader);
    server
        .join()
        .map_err(|_| "the server thread panicked".to_owned())?;
    outcome.map_err(|e| e.to_string())?;

    out += &format!(
        "received {} frames ({} body bytes) in {} reads\n  {} frames arrived split across \
         reads, up to {} came in one read, {} compactions\n  {} frames differ from what was \
         sent\nallocations while decoding: {} in total, {} per frame\n",
        report.frames,
        report.body_bytes,
        report.reads,
        report.split_frames,
        report.most_in_one_read,
        report.compactions,
        report.mismatches,
        report.allocations,
        report.allocations as f64 / report.frames as f64
    );
    if report.mismatches > 0 || report.frames != messages.len() {
        return Err("the frames received are not the frames sent".to_owned());
    }
    Ok(out)
}

/// Decodes a recorded stream (the bytes a client would read off the connection, saved to a
/// file) with the same reader and buffer as the demo, reading the file as it would read the
/// socket, and returns the report: frames of each kind, body bytes, reads, allocations.
/// Decoding stops after a `bye` frame, as a client does.
pub fn decode_recording(file: File) -> Result<String, FrameError> {
    let mut reader = FrameReader::new(file, MAX_BODY);
    let mut kinds = [0usize; 4];
    let mut body_bytes = 0u64;
    let mut bye = false;
    let region = Region::new(GLOBAL);
    while let Some(frame) = reader.next_frame()? {
        let slot = match frame.kind() {
            Kind::Hello => 0,
            Kind::Data => 1,
            Kind::Ping => 2,
            Kind::Bye => 3,
        };
        kinds[slot] += 1;
        body_bytes += frame.body().len() as u64;
        if frame.kind() == Kind::Bye {
            bye = true;
            break;
        }
    }
    let change = region.change();
    let [hello, data, ping, byes] = kinds;
    Ok(format!(
        "frames: {} (hello {hello}, data {data}, ping {ping}, bye {byes}), {body_bytes} body \
         bytes, in {} reads of a {}-byte buffer\n{}\nallocations while decoding: {}\n",
        kinds.iter().sum::<usize>(),
        reader.reads,
        Frame::FIXED_SIZE + MAX_BODY,
        if bye {
            "stopped after the bye frame"
        } else {
            "the stream ended between frames, without a bye frame"
        },
        change.allocations + change.reallocations,
    ))
}

fn main() -> ExitCode {
    let result = match std::env::args_os().nth(1) {
        None => demo(),
        Some(path) => {
            let path = PathBuf::from(path);
            let in_error = |e: &dyn fmt::Display| format!("{}: {e}", path.display());
            input::open_stream(path.as_ref())
                .map_err(|e| in_error(&e))
                .and_then(|file| decode_recording(file).map_err(|e| in_error(&e)))
                .map(|report| format!("{}\n{report}", path.display()))
        }
    };
    let report = match result {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match io::stdout().lock().write_all(report.as_bytes()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing the output: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}
