//! Walk a classic libpcap capture in place and print one line per packet, as `tcpdump -n -r`
//! prints it: time of day (UTC), addresses and ports, TCP flags, relative sequence numbers,
//! window, TCP options and lengths. Every header, from the file's own to TCP's options, is a
//! `#[derive(Overlay)]` type viewed where it lies in the file; nothing is copied or parsed
//! ahead of time. Which header follows which is declared too, as tagged payloads: the link
//! type chooses the link layer ([`LinkLayer`]), the EtherType chooses IPv4 ([`EtherPayload`])
//! and IPv4's protocol chooses TCP or UDP ([`IpPayload`]).
//!
//! `cargo run --example pcap` reads `examples/data/sample.pcap`; pass another path to read that.
//! The sample is real loopback traffic captured by tcpdump 4.99.3 (libpcap 1.10.3) on Linux:
//!
//! ```text
//! apt-get install -y tcpdump        # as root
//! python3 examples/data/capture_loopback.py examples/data/sample.pcap
//! ```
//!
//! The script binds its sockets first, starts
//! `tcpdump -i lo --immediate-mode -U -w examples/data/sample.pcap host 127.0.0.1 and (port ...)`
//! on those ports, then makes a TCP conversation (the client sets 4 bytes of IPv4 options:
//! SYN, SYN-ACK, ACK, data both ways, urgent data, FIN from each end), a SYN refused with a RST,
//! a connection reset with unread data, and three UDP datagrams (one with IPv4 options), and
//! stops tcpdump with SIGINT. Linux writes `-i lo` captures as Ethernet (link type 1) with
//! all-zero MAC addresses; `--link any` captures as LINUX_SLL (113), also decoded here.
//!
//! The file is memory-mapped, not read: a capture of any size is walked where it lies.
//!
//! Bad input (a capture cut short, a packet length past the end of the file, an IPv4 IHL or a
//! TCP data offset below 5, ...) is a problem line, `error: packet N at file offset O: ...`.
//! A broken record header ends the walk after the packets before it; a broken header inside
//! one packet skips that packet only, since the records still say where the next starts. The
//! last problem of a run is printed as one line on stderr, naming the file, and the exit
//! status is 1; any earlier problems are listed in place among the packet lines on stdout
//! (where tcpdump marks a damaged packet in its line), so that a failed run is always exactly
//! one line on stderr. tcpdump's `reading from file ...` line heads stdout for the same reason.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use overlay::{Endian, Error, ErrorKind, Overlay, Tagged, VarBytes, VarOverlay};

#[path = "input.rs"]
mod input;

/// The magic number of a capture with microsecond timestamps, in the file's byte order.
pub const MAGIC_MICROSECONDS: u32 = 0xa1b2_c3d4;
/// The magic number of a capture with nanosecond timestamps.
pub const MAGIC_NANOSECONDS: u32 = 0xa1b2_3c4d;

/// The 24-byte file header. Its byte order is the writer's, announced by `magic`.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct FileHeader {
    pub magic: u32,
    pub version_major: u16,
    pub version_minor: u16,
    pub thiszone: i32,
    pub sigfigs: u32,
    pub snaplen: u32,
    /// The link type in the low 16 bits; the top bits may describe a frame check sequence.
    pub network: u32,
}

/// One packet: a 16-byte record header in the file's byte order, then `incl_len` captured bytes.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct PacketRecord {
    pub ts_sec: u32,
    /// Microseconds, or nanoseconds in a file with [`MAGIC_NANOSECONDS`].
    pub ts_fraction: u32,
    pub incl_len: u32,
    pub orig_len: u32,
    #[overlay(bytes = "incl_len")]
    pub data: VarBytes,
}

/// The link layers decoded here, chosen by the capture's link type. That tag is in the file
/// header, outside every packet record, so each packet's bytes are given to
/// [`Tagged::view_prefix`] with it; a link type not listed keeps its bytes whole.
#[derive(Overlay)]
pub enum LinkLayer {
    #[overlay(tag = LINKTYPE_ETHERNET)]
    Ethernet(Ethernet),
    #[overlay(tag = LINKTYPE_LINUX_SLL)]
    LinuxCooked(LinuxCooked),
    /// Raw IP and raw IPv4: the packet is the datagram, with no link header.
    #[overlay(tag = LINKTYPE_RAW, tag = LINKTYPE_IPV4)]
    Ipv4(Ipv4),
    #[overlay(other)]
    Other(VarBytes),
}

/// Ethernet II (link type 1).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ethernet {
    pub destination: [u8; 6],
    pub source: [u8; 6],
    pub ethertype: u16,
    /// What the EtherType says the frame carries, viewed over the rest of the captured frame
    /// (any padding after a short datagram stays in `payload_bytes()`).
    #[overlay(tag = "ethertype", rest)]
    pub payload: EtherPayload,
}

/// Linux "cooked" capture v1 (link type 113), what `tcpdump -i any` writes.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct LinuxCooked {
    pub packet_type: u16,
    pub link_layer_type: u16,
    pub address_length: u16,
    pub address: [u8; 8],
    /// An EtherType.
    pub protocol: u16,
    #[overlay(tag = "protocol", rest)]
    pub payload: EtherPayload,
}

/// What an Ethernet or Linux cooked frame carries, chosen by its EtherType.
#[derive(Overlay)]
pub enum EtherPayload {
    #[overlay(tag = ETHERTYPE_IPV4)]
    Ipv4(Ipv4),
    #[overlay(other)]
    Other(VarBytes),
}

/// IPv4 (RFC 791): the header is `ihl` 32-bit words, options included.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ipv4 {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 4)]
    pub ihl: u8,
    #[overlay(bits = 6)]
    pub dscp: u8,
    #[overlay(bits = 2)]
    pub ecn: u8,
    pub total_length: u16,
    pub identification: u16,
    #[overlay(bits = 1)]
    pub reserved: bool,
    #[overlay(bits = 1)]
    pub dont_fragment: bool,
    #[overlay(bits = 1)]
    pub more_fragments: bool,
    #[overlay(bits = 13)]
    pub fragment_offset: u16,
    pub ttl: u8,
    pub protocol: u8,
    pub checksum: u16,
    pub source: [u8; 4],
    pub destination: [u8; 4],
    #[overlay(bytes = "ihl * 4 - 20")]
    pub options: VarBytes,
    /// The datagram's payload, `total_length` less the header, chosen by `protocol`. A capture
    /// cut short by its snapshot length holds fewer bytes than that; `Printer::salvage` says
    /// why such a packet is walked without this field.
    #[overlay(tag = "protocol", bytes = "total_length - ihl * 4")]
    pub payload: IpPayload,
}

/// What an IPv4 datagram carries, chosen by its protocol number.
#[derive(Overlay)]
pub enum IpPayload {
    #[overlay(tag = PROTOCOL_TCP)]
    Tcp(Tcp),
    #[overlay(tag = PROTOCOL_UDP)]
    Udp(Udp),
    #[overlay(other)]
    Other(VarBytes),
}

/// TCP (RFC 9293): the header is `data_offset` 32-bit words, options included.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Tcp {
    pub source_port: u16,
    pub destination_port: u16,
    pub sequence: u32,
    pub acknowledgment: u32,
    #[overlay(bits = 4)]
    pub data_offset: u8,
    #[overlay(bits = 4)]
    pub reserved: u8,
    #[overlay(bits = 1)]
    pub cwr: bool,
    #[overlay(bits = 1)]
    pub ece: bool,
    #[overlay(bits = 1)]
    pub urg: bool,
    #[overlay(bits = 1)]
    pub ack: bool,
    #[overlay(bits = 1)]
    pub psh: bool,
    #[overlay(bits = 1)]
    pub rst: bool,
    #[overlay(bits = 1)]
    pub syn: bool,
    #[overlay(bits = 1)]
    pub fin: bool,
    pub window: u16,
    pub checksum: u16,
    pub urgent_pointer: u16,
    #[overlay(bytes = "data_offset * 4 - 20")]
    pub options: VarBytes,
    #[overlay(rest)]
    pub payload: VarBytes,
}

/// A TCP option with a length byte (every kind but 0, end of list, and 1, no-op).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct TcpOption {
    pub kind: u8,
    /// The whole option's length, kind and length bytes included.
    pub length: u8,
    #[overlay(bytes = "length - 2")]
    pub data: VarBytes,
}

/// The body of the timestamps option (kind 8).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Timestamps {
    pub value: u32,
    pub echo_reply: u32,
}

/// One block of a selective acknowledgment option (kind 5).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct SackBlock {
    pub left: u32,
    pub right: u32,
}

/// UDP (RFC 768).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Udp {
    pub source_port: u16,
    pub destination_port: u16,
    pub length: u16,
    pub checksum: u16,
    #[overlay(rest)]
    pub payload: VarBytes,
}

const LINKTYPE_ETHERNET: u32 = 1;
const LINKTYPE_RAW: u32 = 101;
const LINKTYPE_LINUX_SLL: u32 = 113;
const LINKTYPE_IPV4: u32 = 228;
const ETHERTYPE_IPV4: u16 = 0x0800;
const PROTOCOL_TCP: u8 = 6;
const PROTOCOL_UDP: u8 = 17;
const RECORD_HEADER: usize = 16;

/// Bad input, located: which packet (1-based, as `tcpdump --number` counts; `None` for the
/// file header) and the file offset of its record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub packet: Option<usize>,
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.packet {
            Some(packet) => write!(
                f,
                "packet {packet} at file offset {}: {}",
                self.offset, self.message
            ),
            None => write!(f, "file header at offset {}: {}", self.offset, self.message),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A classic pcap file, walked in place one record at a time.
pub struct Capture<'a> {
    file: &'a [u8],
    pub endian: Endian,
    pub nanoseconds: bool,
    pub snaplen: u32,
    pub linktype: u32,
    offset: usize,
    index: usize,
    stopped: bool,
}

/// One packet's record, where it is in the file.
#[derive(Clone, Copy)]
pub struct Packet<'a> {
    /// 1-based.
    pub index: usize,
    /// File offset of the record header.
    pub offset: usize,
    pub record: PacketRecordView<'a>,
}

impl<'a> Packet<'a> {
    /// File offset of the first captured byte.
    pub fn data_offset(&self) -> usize {
        self.offset + RECORD_HEADER
    }

    /// File offset just past the last captured byte.
    pub fn end(&self) -> usize {
        self.offset + self.record.size()
    }
}

impl<'a> Capture<'a> {
    /// Reads the file header; its magic number gives the byte order and timestamp precision.
    pub fn open(file: &'a [u8]) -> Result<Self, DecodeError> {
        let error = |message: String| DecodeError {
            packet: None,
            offset: 0,
            message,
        };
        for endian in [Endian::Big, Endian::Little] {
            let (header, _) = FileHeader::view_prefix_with(file, endian).map_err(|_| {
                error(format!(
                    "the file has {} bytes, a pcap file header needs {}",
                    file.len(),
                    FileHeader::SIZE
                ))
            })?;
            let nanoseconds = match header.magic() {
                MAGIC_MICROSECONDS => false,
                MAGIC_NANOSECONDS => true,
                _ => continue,
            };
            return Ok(Capture {
                file,
                endian,
                nanoseconds,
                snaplen: header.snaplen(),
                linktype: header.network() & 0xffff,
                offset: FileHeader::SIZE,
                index: 0,
                stopped: false,
            });
        }
        let magic = u32::from_be_bytes([file[0], file[1], file[2], file[3]]);
        Err(error(match magic {
            0x0a0d_0d0a => "this is a pcapng file; only classic pcap is read here (convert \
                            with `tcpdump -r IN -w OUT`)"
                .to_owned(),
            _ => format!(
                "magic number {magic:#010x} is not a classic pcap magic \
                 (a1b2c3d4 or a1b23c4d, in either byte order)"
            ),
        }))
    }

    /// The link type's name, as tcpdump's "reading from file" line says it.
    pub fn linktype_name(&self) -> String {
        match self.linktype {
            LINKTYPE_ETHERNET => "EN10MB (Ethernet)".to_owned(),
            LINKTYPE_LINUX_SLL => "LINUX_SLL (Linux cooked v1)".to_owned(),
            LINKTYPE_RAW => "RAW (Raw IP)".to_owned(),
            LINKTYPE_IPV4 => "IPV4 (Raw IPv4)".to_owned(),
            other => format!("{other} (not decoded here)"),
        }
    }
}

impl<'a> Iterator for Capture<'a> {
    type Item = Result<Packet<'a>, DecodeError>;

    /// The next record; after a record that does not fit the file, nothing more.
    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped || self.offset >= self.file.len() {
            return None;
        }
        self.index += 1;
        let rest = &self.file[self.offset..];
        match PacketRecord::view_prefix_with(rest, self.endian) {
            Ok((record, _)) => {
                let packet = Packet {
                    index: self.index,
                    offset: self.offset,
                    record,
                };
                self.offset += record.size();
                Some(Ok(packet))
            }
            Err(error) => {
                self.stopped = true;
                let message = match error.kind() {
                    ErrorKind::TooShort { .. } => format!(
                        "the capture is truncated: a record header needs {RECORD_HEADER} bytes, \
                         the file has {} left",
                        rest.len()
                    ),
                    ErrorKind::VarLength { needed, .. } => format!(
                        "the packet length (incl_len) is {} bytes, past the end of the file: \
                         {} bytes are left after the record header",
                        needed.map_or_else(|| "too many".to_owned(), |n| n.to_string()),
                        rest.len() - RECORD_HEADER
                    ),
                    other => other.to_string(),
                };
                Some(Err(DecodeError {
                    packet: Some(self.index),
                    offset: self.offset,
                    message,
                }))
            }
        }
    }
}

/// The first sequence and acknowledgment numbers of a TCP conversation, keyed as tcpdump keys
/// them (the end with the lower port first), so later numbers print relative to them.
type Conversations = HashMap<([u8; 4], [u8; 4], u32), (u32, u32)>;

/// Turns packets into tcpdump's lines; remembers TCP conversations between packets.
pub struct Printer<'a> {
    file: &'a [u8],
    linktype: u32,
    nanoseconds: bool,
    conversations: Conversations,
}

impl<'a> Printer<'a> {
    pub fn new(capture: &Capture<'a>) -> Self {
        Printer {
            file: capture.file,
            linktype: capture.linktype,
            nanoseconds: capture.nanoseconds,
            conversations: HashMap::new(),
        }
    }

    /// Writes the packet's line (without a newline) into `line`.
    pub fn describe(&mut self, packet: &Packet<'a>, line: &mut String) -> Result<(), DecodeError> {
        let record = packet.record;
        let seconds = record.ts_sec() % 86_400;
        let micros = if self.nanoseconds {
            record.ts_fraction() / 1000
        } else {
            record.ts_fraction()
        };
        let _ = write!(
            line,
            "{:02}:{:02}:{:02}.{micros:06} ",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        );
        self.link(packet, line).map_err(|message| DecodeError {
            packet: Some(packet.index),
            offset: packet.offset,
            message,
        })
    }

    fn link(&mut self, packet: &Packet<'a>, line: &mut String) -> Result<(), String> {
        let start = packet.data_offset();
        let wire = packet.record.orig_len() as usize;
        // The declared layout, viewed once: the link type chooses the link layer, its
        // EtherType chooses IPv4, and IPv4's protocol chooses TCP or UDP. It describes a
        // datagram captured whole and well formed; `salvage` walks any other packet again.
        let tag = i128::from(self.linktype);
        let Ok(Some((link, _))) = LinkLayer::view_prefix(tag, packet.record.data()) else {
            return self.salvage(packet, line);
        };
        match link {
            LinkLayerView::Ethernet(frame) => self.network(
                frame.ethertype(),
                frame.payload(),
                start + Ethernet::FIXED_SIZE,
                wire.saturating_sub(Ethernet::FIXED_SIZE),
                line,
            ),
            LinkLayerView::LinuxCooked(frame) => self.network(
                frame.protocol(),
                frame.payload(),
                start + LinuxCooked::FIXED_SIZE,
                wire.saturating_sub(LinuxCooked::FIXED_SIZE),
                line,
            ),
            LinkLayerView::Ipv4(ip) => self.ipv4(ip, start, wire, line),
            LinkLayerView::Other(_) => {
                link_not_decoded(self.linktype, wire, line);
                Ok(())
            }
        }
    }

    /// The network layer at file offset `start`, `wire` bytes long on the wire.
    fn network(
        &mut self,
        ethertype: u16,
        payload: EtherPayloadView<'a>,
        start: usize,
        wire: usize,
        line: &mut String,
    ) -> Result<(), String> {
        match payload {
            EtherPayloadView::Ipv4(ip) => self.ipv4(ip, start, wire, line),
            EtherPayloadView::Other(_) => {
                ethertype_not_decoded(ethertype, wire, line);
                Ok(())
            }
        }
    }

    /// IPv4 datagram `ip` at file offset `start`, `wire` bytes long on the wire.
    fn ipv4(
        &mut self,
        ip: Ipv4View<'a>,
        start: usize,
        wire: usize,
        line: &mut String,
    ) -> Result<(), String> {
        match ipv4_header(ip.fixed(), start, wire, line)? {
            Some(length) => self.transport(ip.fixed(), ip.payload(), start, length, line),
            None => Ok(()),
        }
    }

    /// The walk for a packet that the declared layout refuses, one layer at a time in the
    /// order tcpdump checks them, each header viewed alone (the `...Fixed` part the derive
    /// generates for a variable-length record) in the file itself, cut at the packet's end, so
    /// that the offsets in errors are file offsets:
    ///
    /// - a link header, an IPv4 header or IPv4 options that do not fit are reported as the
    ///   declared view reports them;
    /// - IPv4's own checks (version, lengths, fragments) come before anything the datagram
    ///   carries, as in `ipv4`;
    /// - the payload is then viewed in the bytes that were captured. A capture cut by its
    ///   snapshot length (`tcpdump -s`) holds fewer than `total_length` says, and tcpdump
    ///   still prints the packet's line whole. The declared length cannot say "up to
    ///   `total_length`, as far as the capture goes": a length is computed from the record's
    ///   fields, never from the bytes at hand. So here the protocol chooses the variant through
    ///   [`Tagged::view_prefix`] over the captured bytes instead.
    fn salvage(&mut self, packet: &Packet<'a>, line: &mut String) -> Result<(), String> {
        let frame = &self.file[..packet.end()];
        let mut start = packet.data_offset();
        let mut wire = packet.record.orig_len() as usize;
        let ethertype = match self.linktype {
            LINKTYPE_ETHERNET => {
                let header = EthernetFixed::view_at(frame, start)
                    .map_err(|e| bad_header("Ethernet", frame, start, e))?;
                start += EthernetFixed::SIZE;
                wire = wire.saturating_sub(EthernetFixed::SIZE);
                header.ethertype()
            }
            LINKTYPE_LINUX_SLL => {
                let header = LinuxCookedFixed::view_at(frame, start)
                    .map_err(|e| bad_header("Linux cooked", frame, start, e))?;
                start += LinuxCookedFixed::SIZE;
                wire = wire.saturating_sub(LinuxCookedFixed::SIZE);
                header.protocol()
            }
            LINKTYPE_RAW | LINKTYPE_IPV4 => ETHERTYPE_IPV4,
            // Other link types and EtherTypes are kept whole by the catch-alls, so never
            // refused; were one refused, it prints as in `link`.
            other => {
                link_not_decoded(other, wire, line);
                return Ok(());
            }
        };
        if ethertype != ETHERTYPE_IPV4 {
            ethertype_not_decoded(ethertype, wire, line);
            return Ok(());
        }
        let ip =
            Ipv4Fixed::view_at(frame, start).map_err(|e| bad_header("IPv4", frame, start, e))?;
        // The whole record, for what it says of the options: an error there is the header's;
        // one in the payload waits for the header's own checks below.
        if let Err(error) = Ipv4::view_at(frame, start) {
            if let ErrorKind::VarLength {
                record: "Ipv4",
                field: "options",
                ..
            } = error.kind()
            {
                return Err(bad_header("IPv4", frame, start, error));
            }
        }
        let Some(length) = ipv4_header(ip, start, wire, line)? else {
            return Ok(());
        };
        // The datagram's captured bytes: not the link layer's padding, not past the capture.
        let end = (start + usize::from(ip.total_length())).min(frame.len());
        let datagram = &frame[..end];
        let payload_start = start + usize::from(ip.ihl()) * 4;
        let captured = datagram.get(payload_start..).unwrap_or_default();
        let tag = i128::from(ip.protocol());
        let payload = match IpPayload::view_prefix(tag, captured) {
            Ok(Some((payload, _))) => payload,
            // What the catch-all holds, were there none.
            Ok(None) => IpPayloadView::Other(captured),
            Err(error) => {
                // Named as tcpdump names the header: `Tcp` -> TCP.
                let layer = IpPayload::VARIANTS
                    .iter()
                    .find(|variant| variant.tags.contains(&tag))
                    .map_or("IP payload", |variant| variant.name)
                    .to_uppercase();
                let error = error.offset_by(payload_start);
                return Err(bad_header(&layer, datagram, payload_start, error));
            }
        };
        self.transport(ip, payload, start, length, line)
    }

    /// What IPv4 header `ip` (at file offset `start`) carries: `payload`, `length` bytes long.
    fn transport(
        &mut self,
        ip: Ipv4FixedView<'a>,
        payload: IpPayloadView<'a>,
        start: usize,
        length: usize,
        line: &mut String,
    ) -> Result<(), String> {
        let (source, destination) = (Address(ip.source()), Address(ip.destination()));
        let payload_start = start + usize::from(ip.ihl()) * 4;
        match payload {
            IpPayloadView::Tcp(tcp) => self.tcp(&ip, &tcp, payload_start, length, line),
            IpPayloadView::Udp(udp) => {
                let _ = write!(
                    line,
                    "{source}.{} > {destination}.{}: ",
                    udp.source_port(),
                    udp.destination_port()
                );
                let udp_length = usize::from(udp.length());
                if udp_length < Udp::FIXED_SIZE {
                    let _ = write!(line, "truncated-udplength {udp_length}");
                } else {
                    let udp_length = udp_length - Udp::FIXED_SIZE;
                    let length = length.saturating_sub(Udp::FIXED_SIZE).min(udp_length);
                    if udp_length > length && !ip.more_fragments() {
                        let _ = write!(line, "UDP, bad length {udp_length} > {length}");
                    } else {
                        let _ = write!(line, "UDP, length {udp_length}");
                    }
                }
                Ok(())
            }
            IpPayloadView::Other(_) => {
                let _ = write!(
                    line,
                    "{source} > {destination}: ip-proto-{} {length}",
                    ip.protocol()
                );
                Ok(())
            }
        }
    }

    /// TCP segment `tcp` at file offset `start`, `length` bytes long.
    fn tcp(
        &mut self,
        ip: &Ipv4FixedView<'_>,
        tcp: &TcpView<'_>,
        start: usize,
        length: usize,
        line: &mut String,
    ) -> Result<(), String> {
        let (source, destination) = (Address(ip.source()), Address(ip.destination()));
        let (sport, dport) = (tcp.source_port(), tcp.destination_port());
        let header_len = usize::from(tcp.data_offset()) * 4;
        if header_len > length {
            return Err(format!(
                "bad TCP header at offset {start}: header length {header_len} is more than \
                 the {length} bytes of the IP payload"
            ));
        }
        let _ = write!(line, "{source}.{sport} > {destination}.{dport}: Flags [");
        let flags = [
            (tcp.fin(), 'F'),
            (tcp.syn(), 'S'),
            (tcp.rst(), 'R'),
            (tcp.psh(), 'P'),
            (tcp.ack(), '.'),
            (tcp.urg(), 'U'),
            (tcp.ece(), 'E'),
            (tcp.cwr(), 'W'),
        ];
        if flags.iter().any(|&(set, _)| set) {
            line.extend(flags.iter().filter(|f| f.0).map(|f| f.1));
        } else {
            line.push_str("none");
        }
        line.push(']');

        // Relative sequence numbers, as tcpdump computes them without -S: a conversation's
        // first packet with ACK set (or any SYN-ACK) records the bases and prints absolute.
        let (mut seq, mut ack) = (tcp.sequence(), tcp.acknowledgment());
        let (mut base_seq, mut base_ack, mut reversed) = (0, 0, false);
        if tcp.ack() {
            reversed = sport > dport || (sport == dport && ip.source() > ip.destination());
            let key = if reversed {
                (
                    *ip.destination(),
                    *ip.source(),
                    u32::from(dport) << 16 | u32::from(sport),
                )
            } else {
                (
                    *ip.source(),
                    *ip.destination(),
                    u32::from(sport) << 16 | u32::from(dport),
                )
            };
            match self.conversations.get(&key) {
                Some(&(first_seq, first_ack)) if !tcp.syn() => {
                    (base_seq, base_ack) = (first_seq, first_ack);
                    if reversed {
                        seq = seq.wrapping_sub(first_ack);
                        ack = ack.wrapping_sub(first_seq);
                    } else {
                        seq = seq.wrapping_sub(first_seq);
                        ack = ack.wrapping_sub(first_ack);
                    }
                }
                _ => {
                    let bases = if reversed {
                        (ack.wrapping_sub(1), seq)
                    } else {
                        (seq, ack.wrapping_sub(1))
                    };
                    self.conversations.insert(key, bases);
                    (base_seq, base_ack) = bases;
                }
            }
        }
        let payload = length - header_len;
        if payload > 0 || tcp.syn() || tcp.fin() || tcp.rst() {
            let _ = write!(line, ", seq {seq}");
            if payload > 0 {
                let _ = write!(line, ":{}", seq.wrapping_add(payload as u32));
            }
        }
        if tcp.ack() {
            let _ = write!(line, ", ack {ack}");
        }
        let _ = write!(line, ", win {}", tcp.window());
        if tcp.urg() {
            let _ = write!(line, ", urg {}", tcp.urgent_pointer());
        }
        if !tcp.options().is_empty() {
            line.push_str(", options [");
            let relative_to = if reversed { base_seq } else { base_ack };
            tcp_options(tcp.options(), relative_to, line);
            line.push(']');
        }
        let _ = write!(line, ", length {payload}");
        Ok(())
    }
}

/// IPv4 header `ip` (at file offset `start`, of a datagram `wire` bytes long on the wire),
/// checked as tcpdump checks it before anything the datagram carries. Writes the start of the
/// line and returns the payload's length, or `None` when the line is complete: a fragment
/// other than the first, whose payload does not start with a header.
fn ipv4_header(
    ip: Ipv4FixedView<'_>,
    start: usize,
    wire: usize,
    line: &mut String,
) -> Result<Option<usize>, String> {
    if ip.version() != 4 {
        return Err(format!(
            "bad IPv4 header at offset {start}: version {}, expected 4",
            ip.version()
        ));
    }
    let header_len = usize::from(ip.ihl()) * 4;
    let total = usize::from(ip.total_length());
    if total < header_len {
        return Err(format!(
            "bad IPv4 header at offset {start}: total length {total} is less than the \
             header length {header_len}"
        ));
    }
    if total > wire {
        return Err(format!(
            "bad IPv4 header at offset {start}: total length {total} is more than the \
             {wire} bytes on the wire"
        ));
    }
    let _ = write!(line, "IP ");
    if ip.fragment_offset() != 0 {
        let (source, destination) = (Address(ip.source()), Address(ip.destination()));
        let _ = write!(line, "{source} > {destination}: ip-proto-{}", ip.protocol());
        return Ok(None);
    }
    Ok(Some(total - header_len))
}

/// The line of a packet whose link type is not decoded here.
fn link_not_decoded(linktype: u32, wire: usize, line: &mut String) {
    let _ = write!(line, "link type {linktype} (not decoded), length {wire}");
}

/// The line of a frame whose EtherType is not decoded here.
fn ethertype_not_decoded(ethertype: u16, wire: usize, line: &mut String) {
    let _ = write!(
        line,
        "ethertype {ethertype:#06x} (not decoded), length {wire}"
    );
}

/// The message for a header that could not be viewed at `start` in `bytes` (the file, cut at
/// the end of what the header may use).
fn bad_header(layer: &str, bytes: &[u8], start: usize, error: Error) -> String {
    match error.kind() {
        // `Error`'s message counts the whole file as the buffer; what matters here is how
        // many of the packet's bytes are left for this header.
        ErrorKind::TooShort { needed, .. } => format!(
            "bad {layer} header at offset {start}: it needs {needed} bytes, only {} are there",
            bytes.len().saturating_sub(start)
        ),
        other => format!("bad {layer} header: {other}"),
    }
}

/// Prints TCP options as tcpdump names them, walking them in place with `view_prefix`.
fn tcp_options(mut options: &[u8], sack_base: u32, line: &mut String) {
    let mut first = true;
    while let Some(&kind) = options.first() {
        if !first {
            line.push(',');
        }
        first = false;
        if kind <= 1 {
            line.push_str(if kind == 0 { "eol" } else { "nop" });
            if kind == 0 {
                return;
            }
            options = &options[1..];
            continue;
        }
        let Ok((option, rest)) = TcpOption::view_prefix(options) else {
            line.push_str("[bad opt]");
            return;
        };
        let data = option.data();
        let name = match kind {
            2 => "mss",
            3 => "wscale",
            4 => "sackOK",
            5 => "sack",
            6 => "echo",
            7 => "echoreply",
            8 => "TS",
            11 => "cc",
            12 => "ccnew",
            13 => "ccecho",
            19 => "md5",
            28 => "uto",
            29 => "tcp-ao",
            30 => "mptcp",
            34 => "tfo",
            _ => "",
        };
        if name.is_empty() {
            let _ = write!(line, "unknown-{kind}");
        } else {
            line.push_str(name);
        }
        let shown = match (kind, data.len()) {
            (2, 2) => {
                let _ = write!(line, " {}", u16::from_be_bytes([data[0], data[1]]));
                true
            }
            (3, 1) => {
                let _ = write!(line, " {}", data[0]);
                true
            }
            (4, 0) => true,
            (5, n) if n % 8 == 0 => {
                let _ = write!(line, " {} ", n / 8);
                for block in SackBlock::records(data).into_iter().flat_map(|b| b.iter()) {
                    let left = block.left().wrapping_sub(sack_base);
                    let right = block.right().wrapping_sub(sack_base);
                    let _ = write!(line, "{{{left}:{right}}}");
                }
                true
            }
            (8, 8) => match Timestamps::view(data) {
                Ok(ts) => {
                    let _ = write!(line, " val {} ecr {}", ts.value(), ts.echo_reply());
                    true
                }
                Err(_) => false,
            },
            _ => false,
        };
        if !shown && !data.is_empty() {
            line.push_str(" 0x");
            for byte in data {
                let _ = write!(line, "{byte:02x}");
            }
        }
        options = rest;
    }
}

/// An IPv4 address in dotted decimal.
struct Address<'a>(&'a [u8; 4]);

impl fmt::Display for Address<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d] = *self.0;
        write!(f, "{a}.{b}.{c}.{d}")
    }
}

/// What a walk over a capture found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Packets printed.
    pub printed: usize,
    /// Error lines written.
    pub errors: usize,
}

/// Prints every packet of `file` to `out`, one line each, and every problem to `errors`, one
/// `error: ...` line each. Never panics, whatever the bytes.
pub fn print_capture(
    file: &[u8],
    out: &mut dyn Write,
    errors: &mut dyn Write,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let capture = match Capture::open(file) {
        Ok(capture) => capture,
        Err(error) => {
            writeln!(errors, "error: {error}")?;
            summary.errors += 1;
            return Ok(summary);
        }
    };
    let mut printer = Printer::new(&capture);
    let mut line = String::new();
    for packet in capture {
        line.clear();
        match packet.and_then(|packet| printer.describe(&packet, &mut line)) {
            Ok(()) => {
                writeln!(out, "{line}")?;
                summary.printed += 1;
            }
            Err(error) => {
                writeln!(errors, "error: {error}")?;
                summary.errors += 1;
            }
        }
    }
    Ok(summary)
}

/// Standard output for packet lines and problem lines alike, in file order, except that the
/// latest problem line is held back: when nothing follows it (a walk that a broken record
/// ended, or a last packet that could not be decoded), it becomes the one line `main` prints
/// on standard error instead, so that a failed run is always exactly one line there.
struct Listing<W> {
    out: W,
    /// The latest problem line, and whether its newline has arrived.
    held: Vec<u8>,
    held_complete: bool,
    problems: usize,
}

impl<W: Write> Listing<W> {
    fn release_held(&mut self) -> io::Result<()> {
        if !self.held.is_empty() {
            self.out.write_all(&self.held)?;
            self.held.clear();
        }
        Ok(())
    }
}

/// What `print_capture` writes as packet lines.
struct PacketLines<'a, W>(&'a RefCell<Listing<W>>);

impl<W: Write> Write for PacketLines<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut listing = self.0.borrow_mut();
        listing.release_held()?;
        listing.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.borrow_mut().out.flush()
    }
}

/// What `print_capture` writes as problem lines (`error: ...`, one line each).
struct ProblemLines<'a, W>(&'a RefCell<Listing<W>>);

impl<W: Write> Write for ProblemLines<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut listing = self.0.borrow_mut();
        if listing.held_complete || listing.held.is_empty() {
            // A new problem line: the one before it, if any, was not the last.
            listing.release_held()?;
            listing.problems += 1;
        }
        listing.held.extend_from_slice(buf);
        listing.held_complete = buf.ends_with(b"\n");
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn main() -> ExitCode {
    let path = std::env::args_os().nth(1).map_or_else(
        || concat!(env!("CARGO_MANIFEST_DIR"), "/data/sample.pcap").into(),
        PathBuf::from,
    );
    let file = match input::open(&path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let listing = RefCell::new(Listing {
        out: io::stdout().lock(),
        held: Vec::new(),
        held_complete: false,
        problems: 0,
    });
    let mut written = Ok(());
    if let Ok(capture) = Capture::open(&file) {
        // tcpdump prints this line on standard error; here standard error is kept for the
        // one line of a failed run, so it heads the listing instead.
        written = writeln!(
            listing.borrow_mut().out,
            "reading from file {}, link-type {}, snapshot length {}",
            path.display(),
            capture.linktype_name(),
            capture.snaplen
        );
    }
    let written = written.and_then(|()| {
        print_capture(
            &file,
            &mut PacketLines(&listing),
            &mut ProblemLines(&listing),
        )
    });
    let listing = listing.into_inner();
    match written {
        // The reader went away (`| head`): stop quietly, as tcpdump does.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: writing the output: {e}");
            return ExitCode::FAILURE;
        }
        Ok(_) if listing.problems == 0 => return ExitCode::SUCCESS,
        Ok(_) => {}
    }
    let last = String::from_utf8_lossy(&listing.held);
    let last = last.trim_end().trim_start_matches("error: ");
    let problems = listing.problems;
    match problems - 1 {
        // Packets followed the last problem too: every problem is in the listing already.
        _ if last.is_empty() => {
            let packets = if problems == 1 { "packet" } else { "packets" };
            eprintln!(
                "error: {}: {problems} {packets} could not be decoded (shown in place in the \
                 output)",
                path.display()
            );
        }
        0 => eprintln!("error: {}: {last}", path.display()),
        1 => eprintln!(
            "error: {}: {last} (after 1 other problem, shown in place in the output)",
            path.display()
        ),
        earlier => eprintln!(
            "error: {}: {last} (after {earlier} other problems, shown in place in the output)",
            path.display()
        ),
    }
    ExitCode::FAILURE
}
