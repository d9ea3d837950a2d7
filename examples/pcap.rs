//! Walk a packet capture in place and print one line per packet, as `tcpdump -n -r` prints
//! it: time of day (UTC), addresses and ports, TCP flags, relative sequence numbers, window,
//! TCP options and lengths, ICMP and ICMPv6 messages, ARP requests and replies. Both capture
//! formats are read, chosen by the magic at the start of the file:
//!
//! - classic libpcap files of either byte order, with microsecond or nanosecond time stamps;
//! - pcapng files (sections in either byte order, announced by each Section Header Block's
//!   byte-order magic): Interface Description Blocks with their link types, snapshot lengths
//!   and time stamp resolutions (`if_tsresol`, 10^-6 unless the block says otherwise, and
//!   `if_tsoffset`), Enhanced, Simple and (obsolete) Packet Blocks, and every other block
//!   skipped by its length.
//!
//! Links: Ethernet (with 802.1Q and 802.1ad VLAN tags, up to two), Linux cooked v1 and v2,
//! raw IP. Network layers: IPv4 with options, IPv6 with hop-by-hop, routing, fragment and
//! destination-options extension headers, ARP; above them ICMP, ICMPv6, TCP and UDP.
//!
//! Every header, from the file's own to TCP's options, is a `#[derive(Overlay)]` type viewed
//! where it lies in the file; nothing is copied or parsed ahead of time. Which header follows
//! which is declared too, as tagged payloads: a pcapng block's type chooses its body
//! ([`BlockBody`]), the link type chooses the link layer ([`LinkLayer`]), the EtherType
//! chooses IPv4, IPv6, ARP or a VLAN tag ([`EtherPayload`]), IPv4's protocol chooses TCP, UDP
//! or ICMP ([`IpPayload`]), an IPv6 next header an extension header or TCP, UDP or ICMPv6
//! ([`Ip6Next`]), and an ICMP type its message ([`IcmpMessage`], [`Icmp6Message`]). Where the
//! derive cannot say it (a chain of IPv6 extension headers of any length, raw IP whose version
//! is in the datagram's own first byte, a Simple Packet Block's length that the interface's
//! snapshot length cuts), a comment at the type says why and the code dispatches through the
//! same payload enums with [`Tagged::view_prefix`].
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
//! `examples/data/make_frames.py` writes, with scapy, the frames loopback cannot carry (ARP,
//! VLAN tags, IPv6 extension headers, fragments, ICMP errors, and the ICMP and ICMPv6 messages
//! tcpdump decodes: time stamps, address masks, router discovery, multicast listener
//! discovery, node information, RPL, and the ones it dumps in hex) as pcap and pcapng.
//!
//! The file is memory-mapped, not read: a capture of any size is walked where it lies, and
//! decoding a packet allocates nothing (the line is written into one reused `String`).
//!
//! A packet that the snapshot length cut (fewer bytes captured than were on the wire) prints
//! as tcpdump prints it: whole if its headers were captured, else up to the header the cut
//! falls in, then tcpdump's marker (` [|tcp]`, ` [|ip6]`, ...).
//!
//! Bad input (a capture cut short, a packet length past the end of the file, an IPv4 IHL or a
//! TCP data offset below 5, ...) is a problem line, `error: packet N at file offset O: ...`.
//! A broken record header (or pcapng block) ends the walk after the packets before it; a
//! broken header inside one packet skips that packet only, since the records still say where
//! the next starts. The last problem of a run is printed as one line on stderr, naming the
//! file, and the exit status is 1; any earlier problems are listed in place among the packet
//! lines on stdout (where tcpdump marks a damaged packet in its line), so that a failed run is
//! always exactly one line on stderr. tcpdump's `reading from file ...` line heads stdout for
//! the same reason.
//!
//! Where this reader is more lenient than libpcap 1.10: a pcapng file whose sections differ in
//! byte order, or whose interfaces differ in link type or snapshot length, is read (each
//! packet decoded by its own interface's link type), where libpcap stops with an error.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use overlay::{Endian, Error, ErrorKind, Overlay, Tagged, VarBytes, VarOverlay};

#[path = "input.rs"]
mod input;

// ---------------------------------------------------------------------------------------------
// Classic pcap

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

// ---------------------------------------------------------------------------------------------
// pcapng (draft-ietf-opsawg-pcapng)

/// The Section Header Block's type: `\n\r\r\n`, the same in both byte orders.
pub const BLOCK_SECTION_HEADER: u32 = 0x0a0d_0d0a;
/// The Section Header Block's byte-order magic, in the section's byte order.
pub const BYTE_ORDER_MAGIC: u32 = 0x1a2b_3c4d;
const BLOCK_INTERFACE_DESCRIPTION: u32 = 1;
const BLOCK_PACKET: u32 = 2;
const BLOCK_SIMPLE_PACKET: u32 = 3;
const BLOCK_ENHANCED_PACKET: u32 = 6;

/// The start of a Section Header Block: viewed in both byte orders, the one whose byte-order
/// magic checks is the section's.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct SectionStart {
    #[overlay(magic = 0x0a0d_0d0a)]
    pub block_type: u32,
    pub total_length: u32,
    #[overlay(magic = 0x1a2b_3c4d)]
    pub byte_order_magic: u32,
}

/// A pcapng block's type: the ones this reader knows by name, any other by its number.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum BlockType {
    SectionHeader = 0x0a0d_0d0a,
    InterfaceDescription = 1,
    Packet = 2,
    SimplePacket = 3,
    NameResolution = 4,
    InterfaceStatistics = 5,
    EnhancedPacket = 6,
    #[overlay(other)]
    Other(u32),
}

/// Every pcapng block: its type, its total length (a multiple of 4, at least 12), the body the
/// type chooses, and the total length again.
#[derive(Overlay)]
#[overlay(endian = "runtime", assert = "total_length % 4 == 0")]
pub struct Block {
    pub block_type: BlockType,
    pub total_length: u32,
    #[overlay(tag = "block_type", bytes = "total_length - 12")]
    pub body: BlockBody,
    /// The total length again, so that the file can be walked backwards. (A fixed field
    /// cannot follow a variable-length one: the record's variable part is its tail.)
    #[overlay(bytes = "4")]
    pub trailer: VarBytes,
}

/// What a block holds, chosen by its type; the catch-all keeps the body of every block this
/// reader skips (name resolution, interface statistics, decryption secrets, custom blocks...).
#[derive(Overlay)]
pub enum BlockBody {
    #[overlay(tag = BLOCK_SECTION_HEADER)]
    SectionHeader(SectionHeader),
    #[overlay(tag = BLOCK_INTERFACE_DESCRIPTION)]
    InterfaceDescription(InterfaceDescription),
    #[overlay(tag = BLOCK_ENHANCED_PACKET)]
    EnhancedPacket(EnhancedPacket),
    #[overlay(tag = BLOCK_SIMPLE_PACKET)]
    SimplePacket(SimplePacket),
    #[overlay(tag = BLOCK_PACKET)]
    ObsoletePacket(ObsoletePacket),
    #[overlay(other)]
    Other(VarBytes),
}

/// The body of a Section Header Block.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct SectionHeader {
    #[overlay(magic = 0x1a2b_3c4d)]
    pub byte_order_magic: u32,
    pub major_version: u16,
    pub minor_version: u16,
    /// -1 when not known.
    pub section_length: i64,
    #[overlay(rest)]
    pub options: VarBytes,
}

/// The body of an Interface Description Block: one per interface of the section, numbered
/// from 0 in the order they come.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct InterfaceDescription {
    pub link_type: u16,
    pub reserved: u16,
    /// 0 for no limit.
    pub snap_length: u32,
    /// `if_tsresol` (9) and `if_tsoffset` (14) among them; see [`BlockOption`].
    #[overlay(rest)]
    pub options: VarBytes,
}

/// The body of an Enhanced Packet Block.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct EnhancedPacket {
    pub interface_id: u32,
    /// The time stamp, in units of the interface's resolution: high 32 bits, then low.
    pub timestamp_high: u32,
    pub timestamp_low: u32,
    pub captured_length: u32,
    pub original_length: u32,
    #[overlay(bytes = "captured_length")]
    pub data: VarBytes,
    #[overlay(bytes = "(4 - captured_length % 4) % 4")]
    pub padding: VarBytes,
    #[overlay(rest)]
    pub options: VarBytes,
}

/// The body of a Simple Packet Block: no interface (it is interface 0), no time stamp, and no
/// captured length: that is the smaller of `original_length` and interface 0's snapshot
/// length, which is in another block, so the data is the rest of the body (padding included)
/// and `Capture` cuts it. (A length could take a parameter, but a payload variant is viewed
/// by the block that holds it, which has no way to pass one.)
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct SimplePacket {
    pub original_length: u32,
    #[overlay(rest)]
    pub data: VarBytes,
}

/// The body of the obsolete Packet Block (type 2), which older writers still produce.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct ObsoletePacket {
    pub interface_id: u16,
    pub drops_count: u16,
    pub timestamp_high: u32,
    pub timestamp_low: u32,
    pub captured_length: u32,
    pub original_length: u32,
    #[overlay(bytes = "captured_length")]
    pub data: VarBytes,
    #[overlay(bytes = "(4 - captured_length % 4) % 4")]
    pub padding: VarBytes,
    #[overlay(rest)]
    pub options: VarBytes,
}

/// One option of a block: code, length, value, padding to 4 bytes. Code 0 ends the list.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct BlockOption {
    pub code: u16,
    pub length: u16,
    #[overlay(bytes = "length")]
    pub value: VarBytes,
    #[overlay(bytes = "(4 - length % 4) % 4")]
    pub padding: VarBytes,
}

/// The `if_tsoffset` option's value: seconds added to every time stamp of the interface.
#[derive(Overlay)]
#[overlay(endian = "runtime")]
pub struct TimestampOffset {
    pub seconds: i64,
}

const OPTION_END: u16 = 0;
const OPTION_TSRESOL: u16 = 9;
const OPTION_TSOFFSET: u16 = 14;

// ---------------------------------------------------------------------------------------------
// Link layers

/// The link layers decoded here, chosen by the capture's (or the interface's) link type. That
/// tag is outside every packet record, so each packet's bytes are given to
/// [`Tagged::view_prefix`] with it; a link type not listed keeps its bytes whole.
#[derive(Overlay)]
pub enum LinkLayer {
    #[overlay(tag = LINKTYPE_ETHERNET)]
    Ethernet(Ethernet),
    #[overlay(tag = LINKTYPE_LINUX_SLL)]
    LinuxCooked(LinuxCooked),
    #[overlay(tag = LINKTYPE_LINUX_SLL2)]
    LinuxCooked2(LinuxCooked2),
    /// Raw IPv4 (228).
    #[overlay(tag = LINKTYPE_IPV4)]
    Ipv4(Ipv4),
    /// Raw IPv6 (229).
    #[overlay(tag = LINKTYPE_IPV6)]
    Ipv6(Ipv6),
    /// Raw IP (101): IPv4 or IPv6, which the datagram's first byte says; see [`RawIp`].
    #[overlay(tag = LINKTYPE_RAW)]
    RawIp(RawIp),
    #[overlay(other)]
    Other(VarBytes),
}

/// A raw IP packet, IPv4 or IPv6. The version that chooses between them is the top half of
/// the datagram's own first byte, so no field of a record before the datagram can hold it (a
/// tag is an earlier field, and fields do not overlap): the bytes are kept here and viewed
/// through [`IpDatagram`] with the version as the tag.
#[derive(Overlay)]
pub struct RawIp {
    #[overlay(rest)]
    pub datagram: VarBytes,
}

/// An IP datagram chosen by its version (the top 4 bits of its first byte).
#[derive(Overlay)]
pub enum IpDatagram {
    #[overlay(tag = 4)]
    Ipv4(Ipv4),
    #[overlay(tag = 6)]
    Ipv6(Ipv6),
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

/// Linux "cooked" capture v2 (link type 276): the interface's index and the packet's
/// direction, which tcpdump prints first.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct LinuxCooked2 {
    /// An EtherType.
    pub protocol: u16,
    pub reserved: u16,
    pub interface_index: u32,
    pub link_layer_type: u16,
    pub packet_type: u8,
    pub address_length: u8,
    pub address: [u8; 8],
    #[overlay(tag = "protocol", rest)]
    pub payload: EtherPayload,
}

/// What an Ethernet or Linux cooked frame carries, chosen by its EtherType.
#[derive(Overlay)]
pub enum EtherPayload {
    #[overlay(tag = ETHERTYPE_IPV4)]
    Ipv4(Ipv4),
    #[overlay(tag = ETHERTYPE_IPV6)]
    Ipv6(Ipv6),
    #[overlay(tag = ETHERTYPE_ARP)]
    Arp(Arp),
    #[overlay(tag = ETHERTYPE_VLAN, tag = ETHERTYPE_QINQ, tag = ETHERTYPE_VLAN_9100)]
    Vlan(Vlan),
    #[overlay(other)]
    Other(VarBytes),
}

/// An 802.1Q VLAN tag (or an 802.1ad service tag), then the EtherType of what follows.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Vlan {
    #[overlay(bits = 3)]
    pub priority: u8,
    #[overlay(bits = 1)]
    pub drop_eligible: bool,
    #[overlay(bits = 12)]
    pub id: u16,
    pub ethertype: u16,
    #[overlay(tag = "ethertype", rest)]
    pub payload: VlanPayload,
}

/// What follows a VLAN tag. A payload enum cannot hold itself, directly or through its
/// variants, so a second tag (802.1ad's outer tag, then 802.1Q's) has enums of its own, and a
/// third is kept whole by the catch-all of [`InnerVlanPayload`].
#[derive(Overlay)]
pub enum VlanPayload {
    #[overlay(tag = ETHERTYPE_IPV4)]
    Ipv4(Ipv4),
    #[overlay(tag = ETHERTYPE_IPV6)]
    Ipv6(Ipv6),
    #[overlay(tag = ETHERTYPE_ARP)]
    Arp(Arp),
    #[overlay(tag = ETHERTYPE_VLAN, tag = ETHERTYPE_QINQ, tag = ETHERTYPE_VLAN_9100)]
    Vlan(InnerVlan),
    #[overlay(other)]
    Other(VarBytes),
}

/// A second VLAN tag.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct InnerVlan {
    #[overlay(bits = 3)]
    pub priority: u8,
    #[overlay(bits = 1)]
    pub drop_eligible: bool,
    #[overlay(bits = 12)]
    pub id: u16,
    pub ethertype: u16,
    #[overlay(tag = "ethertype", rest)]
    pub payload: InnerVlanPayload,
}

/// What follows a second VLAN tag.
#[derive(Overlay)]
pub enum InnerVlanPayload {
    #[overlay(tag = ETHERTYPE_IPV4)]
    Ipv4(Ipv4),
    #[overlay(tag = ETHERTYPE_IPV6)]
    Ipv6(Ipv6),
    #[overlay(tag = ETHERTYPE_ARP)]
    Arp(Arp),
    #[overlay(other)]
    Other(VarBytes),
}

/// ARP (RFC 826): hardware and protocol addresses as long as the header says.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Arp {
    pub hardware_type: u16,
    /// An EtherType: 0x0800 for IPv4.
    pub protocol_type: u16,
    pub hardware_length: u8,
    pub protocol_length: u8,
    pub operation: ArpOperation,
    #[overlay(bytes = "hardware_length")]
    pub sender_hardware: VarBytes,
    #[overlay(bytes = "protocol_length")]
    pub sender_protocol: VarBytes,
    #[overlay(bytes = "hardware_length")]
    pub target_hardware: VarBytes,
    #[overlay(bytes = "protocol_length")]
    pub target_protocol: VarBytes,
}

/// ARP's operation codes, as tcpdump names them; any other code reads as `Other`.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum ArpOperation {
    Request = 1,
    Reply = 2,
    ReverseRequest = 3,
    ReverseReply = 4,
    InverseRequest = 8,
    InverseReply = 9,
    Nak = 10,
    #[overlay(other)]
    Other(u16),
}

// ---------------------------------------------------------------------------------------------
// IPv4

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
    #[overlay(tag = PROTOCOL_ICMP)]
    Icmp(Icmp),
    #[overlay(other)]
    Other(VarBytes),
}

/// ICMP (RFC 792): type, code, checksum, and the message the type chooses.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Icmp {
    pub kind: u8,
    pub code: u8,
    pub checksum: u16,
    #[overlay(tag = "kind", rest)]
    pub message: IcmpMessage,
}

/// The ICMP messages tcpdump prints with more than their name.
#[derive(Overlay)]
pub enum IcmpMessage {
    /// Echo reply (0), echo request (8), time stamp request (13).
    #[overlay(tag = 0, tag = 8, tag = 13)]
    Echo(Echo),
    /// Destination unreachable (3), time exceeded (11): the datagram that caused them.
    #[overlay(tag = 3, tag = 11)]
    Error(IcmpError),
    #[overlay(tag = 5)]
    Redirect(IcmpRedirect),
    #[overlay(tag = 12)]
    ParameterProblem(IcmpParameterProblem),
    /// Router advertisement (9, RFC 1256).
    #[overlay(tag = 9)]
    RouterAdvertisement(RouterAdvertisement),
    /// Time stamp reply (14).
    #[overlay(tag = 14)]
    TimestampReply(Timestamp),
    /// Address mask reply (18, RFC 950).
    #[overlay(tag = 18)]
    MaskReply(AddressMask),
    #[overlay(other)]
    Other(VarBytes),
}

/// A router advertisement: `address_count` entries of `entry_size` 32-bit words each (an
/// address and its preference when the size is 2).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct RouterAdvertisement {
    pub address_count: u8,
    pub entry_size: u8,
    /// Seconds.
    pub lifetime: u16,
    #[overlay(rest)]
    pub entries: VarBytes,
}

/// A time stamp reply: its three times in milliseconds since midnight UTC.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Timestamp {
    pub identifier: u16,
    pub sequence: u16,
    pub originate: u32,
    pub receive: u32,
    pub transmit: u32,
    #[overlay(rest)]
    pub rest: VarBytes,
}

/// An address mask reply.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct AddressMask {
    pub identifier: u16,
    pub sequence: u16,
    pub mask: u32,
    #[overlay(rest)]
    pub rest: VarBytes,
}

/// An echo request or reply, ICMP's or ICMPv6's.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Echo {
    pub identifier: u16,
    pub sequence: u16,
    #[overlay(rest)]
    pub data: VarBytes,
}

/// An ICMP error: the start of the datagram that caused it follows.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct IcmpError {
    pub unused: u16,
    /// For "fragmentation needed" (RFC 1191).
    pub next_hop_mtu: u16,
    #[overlay(rest)]
    pub original: VarBytes,
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct IcmpRedirect {
    pub gateway: [u8; 4],
    #[overlay(rest)]
    pub original: VarBytes,
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct IcmpParameterProblem {
    pub pointer: u8,
    pub unused: [u8; 3],
    #[overlay(rest)]
    pub original: VarBytes,
}

// ---------------------------------------------------------------------------------------------
// IPv6

/// IPv6 (RFC 8200): a fixed 40-byte header, then `payload_length` bytes that `next_header`
/// starts to describe.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ipv6 {
    #[overlay(bits = 4)]
    pub version: u8,
    #[overlay(bits = 8)]
    pub traffic_class: u8,
    #[overlay(bits = 20)]
    pub flow_label: u32,
    pub payload_length: u16,
    pub next_header: u8,
    pub hop_limit: u8,
    pub source: [u8; 16],
    pub destination: [u8; 16],
    #[overlay(tag = "next_header", bytes = "payload_length")]
    pub payload: Ip6Next,
}

/// What an IPv6 next-header value chooses: an extension header or an upper layer. Each
/// extension header names the one after it, a chain of any length; a payload enum cannot hold
/// itself, so the chain is not one declared record: each extension header keeps the bytes
/// after it (`rest`), and `Printer::ipv6` views them with [`Tagged::view_prefix`] and
/// the header's `next_header`, again through this enum.
#[derive(Overlay)]
pub enum Ip6Next {
    #[overlay(tag = NEXT_HOP_BY_HOP)]
    HopByHop(Ip6Options),
    #[overlay(tag = NEXT_ROUTING)]
    Routing(Ip6Routing),
    #[overlay(tag = NEXT_FRAGMENT)]
    Fragment(Ip6Fragment),
    #[overlay(tag = NEXT_DESTINATION_OPTIONS)]
    DestinationOptions(Ip6Options),
    #[overlay(tag = PROTOCOL_TCP)]
    Tcp(Tcp),
    #[overlay(tag = PROTOCOL_UDP)]
    Udp(Udp),
    #[overlay(tag = PROTOCOL_ICMPV6)]
    Icmp6(Icmp6),
    #[overlay(other)]
    Other(VarBytes),
}

/// Hop-by-hop or destination options: `length` counts 8-byte units after the first 8.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ip6Options {
    pub next_header: u8,
    pub length: u8,
    #[overlay(bytes = "length * 8 + 6")]
    pub options: VarBytes,
    #[overlay(rest)]
    pub rest: VarBytes,
}

/// A routing header: types 0 and 2 list addresses after 4 reserved bytes; type 4 (segment
/// routing) has its last entry, flags and tag there.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ip6Routing {
    pub next_header: u8,
    pub length: u8,
    pub routing_type: u8,
    pub segments_left: u8,
    pub type_specific: [u8; 4],
    #[overlay(bytes = "length * 8")]
    pub addresses: VarBytes,
    #[overlay(rest)]
    pub rest: VarBytes,
}

/// A fragment header.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ip6Fragment {
    pub next_header: u8,
    pub reserved: u8,
    #[overlay(bits = 13)]
    pub offset: u16,
    #[overlay(bits = 2)]
    pub reserved_bits: u8,
    #[overlay(bits = 1)]
    pub more_fragments: bool,
    pub identification: u32,
    #[overlay(rest)]
    pub rest: VarBytes,
}

/// ICMPv6 (RFC 4443): type, code, checksum, and the message the type chooses.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Icmp6 {
    pub kind: u8,
    pub code: u8,
    pub checksum: u16,
    #[overlay(tag = "kind", rest)]
    pub message: Icmp6Message,
}

/// The ICMPv6 messages tcpdump prints with more than their name.
#[derive(Overlay)]
pub enum Icmp6Message {
    /// Destination unreachable (1), time exceeded (3).
    #[overlay(tag = 1, tag = 3)]
    Error(Icmp6Error),
    /// Packet too big (2): the MTU; parameter problem (4): the pointer.
    #[overlay(tag = 2, tag = 4)]
    Value(Icmp6Error),
    #[overlay(tag = 128, tag = 129)]
    Echo(Echo),
    /// Neighbor solicitation (135) and advertisement (136).
    #[overlay(tag = 135, tag = 136)]
    Neighbor(Neighbor),
    #[overlay(tag = 137)]
    Redirect(Redirect6),
    /// Multicast listener query (130), report (131) and done (132).
    #[overlay(tag = 130, tag = 131, tag = 132)]
    Listener(Mld),
    /// Multicast listener report version 2 (143).
    #[overlay(tag = 143)]
    ListenerReport2(Mld2Report),
    /// Node information query (139) and reply (140).
    #[overlay(tag = 139, tag = 140)]
    NodeInformation(NodeInformation),
    /// Home agent address discovery request (144) and mobile prefix solicitation (146)
    /// (RFC 6275): an identifier.
    #[overlay(tag = 144, tag = 146)]
    Mobile(MobileRequest),
    /// Router renumbering (138, RFC 2894).
    #[overlay(tag = 138)]
    Renumbering(Renumbering),
    #[overlay(other)]
    Other(VarBytes),
}

/// A multicast listener query, report or done (RFC 2710); a version 2 query (RFC 3810) goes
/// on with flags, the querier's interval code, a number of sources and the sources.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Mld {
    pub max_response_delay: u16,
    pub reserved: u16,
    pub address: [u8; 16],
    #[overlay(rest)]
    pub rest: VarBytes,
}

/// A node information query or reply (RFC 4620): the query type and flags; then a nonce of 8
/// bytes and the subject (a query) or the data (a reply).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct NodeInformation {
    pub query_type: u16,
    pub flags: u16,
    #[overlay(rest)]
    pub rest: VarBytes,
}

/// A home agent address discovery request or a mobile prefix solicitation.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct MobileRequest {
    pub identifier: u16,
    #[overlay(rest)]
    pub rest: VarBytes,
}

/// A router renumbering message (RFC 2894): a sequence number, the segment, flags and the
/// longest delay; a command goes on with a match-prefix part and its use-prefix parts.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Renumbering {
    pub sequence: u32,
    pub segment: u8,
    pub flags: u8,
    pub max_delay: u16,
    pub reserved: u32,
    #[overlay(rest)]
    pub parts: VarBytes,
}

/// A router renumbering command's match-prefix part: which prefixes the command is for.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct MatchPrefix {
    /// 1 add, 2 change, 3 set global.
    pub operation: u8,
    /// In units of 8 bytes: 3 for this part and 4 for each use-prefix part after it.
    pub length: u8,
    pub ordinal: u8,
    pub match_length: u8,
    pub min_length: u8,
    pub max_length: u8,
    pub reserved: u16,
    pub prefix: [u8; 16],
}

/// A router renumbering command's use-prefix part: the prefix to add or change to.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct UsePrefix {
    pub use_length: u8,
    pub keep_length: u8,
    pub ra_mask: u8,
    pub ra_flags: u8,
    pub valid_lifetime: u32,
    pub preferred_lifetime: u32,
    pub flags: u32,
    pub prefix: [u8; 16],
}

/// A version 2 multicast listener report (RFC 3810): a number of group records, then they.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Mld2Report {
    pub reserved: u16,
    pub record_count: u16,
    #[overlay(rest)]
    pub records: VarBytes,
}

/// An ICMPv6 error: a 32-bit value (unused, the MTU or a pointer), then the start of the
/// datagram that caused it.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Icmp6Error {
    pub value: u32,
    #[overlay(rest)]
    pub original: VarBytes,
}

/// A neighbor solicitation or advertisement (RFC 4861).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Neighbor {
    pub flags: u32,
    pub target: [u8; 16],
    #[overlay(rest)]
    pub options: VarBytes,
}

/// A redirect (RFC 4861).
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Redirect6 {
    pub reserved: u32,
    pub target: [u8; 16],
    pub destination: [u8; 16],
    #[overlay(rest)]
    pub options: VarBytes,
}

// ---------------------------------------------------------------------------------------------
// Transport
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
const LINKTYPE_IPV6: u32 = 229;
const LINKTYPE_LINUX_SLL2: u32 = 276;
const ETHERTYPE_IPV4: u16 = 0x0800;
const ETHERTYPE_ARP: u16 = 0x0806;
const ETHERTYPE_VLAN: u16 = 0x8100;
const ETHERTYPE_IPV6: u16 = 0x86dd;
const ETHERTYPE_QINQ: u16 = 0x88a8;
const ETHERTYPE_VLAN_9100: u16 = 0x9100;
const PROTOCOL_ICMP: u8 = 1;
const PROTOCOL_TCP: u8 = 6;
const PROTOCOL_UDP: u8 = 17;
const PROTOCOL_ICMPV6: u8 = 58;
const NEXT_HOP_BY_HOP: u8 = 0;
const NEXT_ROUTING: u8 = 43;
const NEXT_FRAGMENT: u8 = 44;
const NEXT_DESTINATION_OPTIONS: u8 = 60;
const RECORD_HEADER: usize = 16;
/// libpcap's snapshot length for a file that gives 0 (or more than `i32::MAX`).
const MAXIMUM_SNAPLEN: u32 = 262_144;
/// Where a problem is: the file's header, a packet (1-based, as `tcpdump --number` counts),
/// or a pcapng block that is not a packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    FileHeader,
    Packet(usize),
    Block,
}

/// Bad input, located: where, and the file offset of its record or block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub place: Place,
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::Packet(packet) => write!(
                f,
                "packet {packet} at file offset {}: {}",
                self.offset, self.message
            ),
            Place::Block => write!(f, "block at file offset {}: {}", self.offset, self.message),
            Place::FileHeader => {
                write!(f, "file header at offset {}: {}", self.offset, self.message)
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Which of the two formats, and what its header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Classic pcap: one byte order and one link type for the whole file.
    Classic { endian: Endian, nanoseconds: bool },
    /// pcapng: each section announces its byte order, each interface its link type.
    Ng,
}

/// What an Interface Description Block says, as the packets of its interface need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interface {
    pub link_type: u32,
    /// libpcap's: 0 (no limit) reads as 262144.
    pub snap_length: u32,
    /// Time stamp units a second: 10^n or 2^n (`binary`), from `if_tsresol`.
    pub resolution: u64,
    pub binary: bool,
    /// `if_tsoffset`, seconds.
    pub offset: i64,
}

/// A packet capture, walked in place one record (or block) at a time.
pub struct Capture<'a> {
    file: &'a [u8],
    pub format: Format,
    /// The byte order of the file, or of the current pcapng section.
    pub endian: Endian,
    /// The snapshot length and link type of the file (pcapng: of its first interface), for
    /// the `reading from file` line.
    pub snaplen: u32,
    pub linktype: u32,
    offset: usize,
    index: usize,
    stopped: bool,
    /// The interfaces of the current pcapng section, by number. It grows with each
    /// Interface Description Block, not with packets.
    interfaces: Vec<Interface>,
}

/// One packet, where it is in the file, and what its record or block says of it.
#[derive(Clone, Copy, Debug)]
pub struct Packet<'a> {
    /// 1-based.
    pub index: usize,
    /// File offset of the record header or block.
    pub offset: usize,
    /// File offset of the first captured byte.
    pub data_offset: usize,
    /// File offset just past the record or block.
    pub end: usize,
    /// The captured bytes.
    pub data: &'a [u8],
    /// The packet's length on the wire.
    pub wire_length: u32,
    /// The time stamp as libpcap gives it to tcpdump: seconds since 1970 and microseconds.
    pub seconds: i64,
    pub microseconds: u32,
    pub linktype: u32,
}

impl<'a> Capture<'a> {
    /// Reads the file header (classic) or the first section's blocks up to its first
    /// interface (pcapng): the magic number gives the format, the byte order and, for classic
    /// files, the timestamp precision.
    pub fn open(file: &'a [u8]) -> Result<Self, DecodeError> {
        let error = |offset: usize, message: String| DecodeError {
            place: Place::FileHeader,
            offset,
            message,
        };
        if file.len() >= 4
            && u32::from_be_bytes([file[0], file[1], file[2], file[3]]) == BLOCK_SECTION_HEADER
        {
            return Self::open_ng(file);
        }
        for endian in [Endian::Big, Endian::Little] {
            let (header, _) = FileHeader::view_prefix_with(file, endian).map_err(|_| {
                error(
                    0,
                    format!(
                        "the file has {} bytes, a pcap file header needs {}",
                        file.len(),
                        FileHeader::SIZE
                    ),
                )
            })?;
            let nanoseconds = match header.magic() {
                MAGIC_MICROSECONDS => false,
                MAGIC_NANOSECONDS => true,
                _ => continue,
            };
            return Ok(Capture {
                file,
                format: Format::Classic {
                    endian,
                    nanoseconds,
                },
                endian,
                snaplen: header.snaplen(),
                linktype: header.network() & 0xffff,
                offset: FileHeader::SIZE,
                index: 0,
                stopped: false,
                interfaces: Vec::new(),
            });
        }
        let magic = u32::from_be_bytes([file[0], file[1], file[2], file[3]]);
        Err(error(
            0,
            format!(
            "magic number {magic:#010x} is neither a classic pcap magic (a1b2c3d4 or a1b23c4d, \
             in either byte order) nor a pcapng Section Header Block (0a0d0d0a)"
        ),
        ))
    }

    /// A pcapng file: its first section header, and, as libpcap does before it reads any
    /// packet, the blocks up to the first interface, which gives the file's link type.
    fn open_ng(file: &'a [u8]) -> Result<Self, DecodeError> {
        let mut capture = Capture {
            file,
            format: Format::Ng,
            endian: Endian::Little,
            snaplen: 0,
            linktype: 0,
            offset: 0,
            index: 0,
            stopped: false,
            interfaces: Vec::new(),
        };
        let error = |offset: usize, message: String| DecodeError {
            place: Place::FileHeader,
            offset,
            message,
        };
        let mut at = 0;
        loop {
            let (block, next) = capture
                .block_at(at)
                .map_err(|message| error(at, message))?
                .ok_or_else(|| {
                    error(
                        at,
                        "the capture file has no Interface Description Blocks".to_owned(),
                    )
                })?;
            match block.body() {
                BlockBodyView::InterfaceDescription(interface) => {
                    capture.linktype = u32::from(interface.link_type());
                    capture.snaplen = adjusted_snaplen(interface.snap_length());
                    return Ok(capture);
                }
                BlockBodyView::EnhancedPacket(_)
                | BlockBodyView::SimplePacket(_)
                | BlockBodyView::ObsoletePacket(_) => {
                    return Err(error(
                        at,
                        "the capture file has a packet block before any Interface Description \
                         Blocks"
                            .to_owned(),
                    ))
                }
                _ => at = next,
            }
        }
    }

    /// The pcapng block at `at`, viewed in the current section's byte order (a Section
    /// Header Block announces its own, which becomes the current one), and the offset after
    /// it; `None` at the end of the file.
    fn block_at(&mut self, at: usize) -> Result<Option<(BlockView<'a>, usize)>, String> {
        let rest = &self.file[at..];
        if rest.is_empty() {
            return Ok(None);
        }
        if rest.len() >= 4
            && u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) == BLOCK_SECTION_HEADER
        {
            let mut found = None;
            for endian in [Endian::Little, Endian::Big] {
                match SectionStart::view_prefix_with(rest, endian) {
                    Ok(_) => {
                        found = Some(endian);
                        break;
                    }
                    Err(error) if matches!(error.kind(), ErrorKind::TooShort { .. }) => {
                        return Err(format!(
                            "the capture is truncated: a section header needs {} bytes, the \
                             file has {} left",
                            SectionStart::SIZE,
                            rest.len()
                        ))
                    }
                    Err(_) => {}
                }
            }
            let Some(endian) = found else {
                return Err(
                    "a Section Header Block with a bad byte-order magic (neither 1a2b3c4d nor \
                     4d3c2b1a)"
                        .to_owned(),
                );
            };
            self.endian = endian;
        }
        match Block::view_prefix_with(rest, self.endian) {
            Ok((block, _)) => Ok(Some((block, at + block.size()))),
            Err(error) => Err(match error.kind() {
                ErrorKind::TooShort { .. } => format!(
                    "the capture is truncated: a block header needs 8 bytes, the file has {} left",
                    rest.len()
                ),
                ErrorKind::VarLength {
                    field: "body" | "trailer",
                    ..
                } if rest.len() >= 8 => {
                    let total = read_u32(&rest[4..8], self.endian);
                    if total < 12 {
                        format!("the block's total length is {total}, less than 12")
                    } else {
                        format!(
                            "the block's total length is {total} bytes, past the end of the \
                             file: {} bytes are left",
                            rest.len()
                        )
                    }
                }
                _ => format!("bad block: {}", error.offset_by(at)),
            }),
        }
    }

    /// The link type's name, as tcpdump's "reading from file" line says it.
    pub fn linktype_name(&self) -> String {
        match self.linktype {
            LINKTYPE_ETHERNET => "EN10MB (Ethernet)".to_owned(),
            LINKTYPE_LINUX_SLL => "LINUX_SLL (Linux cooked v1)".to_owned(),
            LINKTYPE_LINUX_SLL2 => "LINUX_SLL2 (Linux cooked v2)".to_owned(),
            LINKTYPE_RAW => "RAW (Raw IP)".to_owned(),
            LINKTYPE_IPV4 => "IPV4 (Raw IPv4)".to_owned(),
            LINKTYPE_IPV6 => "IPV6 (Raw IPv6)".to_owned(),
            other => format!("{other} (not decoded here)"),
        }
    }

    /// The next classic record; after a record that does not fit the file, nothing more.
    fn next_classic(&mut self, nanoseconds: bool) -> Option<Result<Packet<'a>, DecodeError>> {
        self.index += 1;
        let rest = &self.file[self.offset..];
        match PacketRecord::view_prefix_with(rest, self.endian) {
            Ok((record, _)) => {
                let fraction = record.ts_fraction();
                let packet = Packet {
                    index: self.index,
                    offset: self.offset,
                    data_offset: self.offset + RECORD_HEADER,
                    end: self.offset + record.size(),
                    data: record.data(),
                    wire_length: record.orig_len(),
                    seconds: i64::from(record.ts_sec()),
                    microseconds: if nanoseconds {
                        fraction / 1000
                    } else {
                        fraction
                    },
                    linktype: self.linktype,
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
                    place: Place::Packet(self.index),
                    offset: self.offset,
                    message,
                }))
            }
        }
    }

    /// The next pcapng packet: blocks before it that describe sections and interfaces are
    /// taken in, every other block is skipped by its length. A block whose length does not
    /// fit, or an interface that libpcap would refuse, ends the walk; a packet block that
    /// names no known interface is an error for that packet only.
    fn next_ng(&mut self) -> Option<Result<Packet<'a>, DecodeError>> {
        loop {
            let at = self.offset;
            let fail = |place, message| DecodeError {
                place,
                offset: at,
                message,
            };
            let (block, next) = match self.block_at(at) {
                Ok(Some(found)) => found,
                Ok(None) => return None,
                Err(message) => {
                    self.stopped = true;
                    return Some(Err(fail(Place::Block, message)));
                }
            };
            self.offset = next;
            let data_at = |data: &[u8]| data.as_ptr() as usize - self.file.as_ptr() as usize;
            let (interface_id, timestamp, data, wire_length) = match block.body() {
                BlockBodyView::SectionHeader(_) => {
                    self.interfaces.clear();
                    continue;
                }
                BlockBodyView::InterfaceDescription(description) => {
                    match interface(&description, self.endian) {
                        Ok(interface) => self.interfaces.push(interface),
                        Err(message) => {
                            self.stopped = true;
                            return Some(Err(fail(Place::Block, message)));
                        }
                    }
                    continue;
                }
                BlockBodyView::EnhancedPacket(packet) => (
                    packet.interface_id(),
                    Some(
                        u64::from(packet.timestamp_high()) << 32
                            | u64::from(packet.timestamp_low()),
                    ),
                    packet.data(),
                    packet.original_length(),
                ),
                BlockBodyView::ObsoletePacket(packet) => (
                    u32::from(packet.interface_id()),
                    Some(
                        u64::from(packet.timestamp_high()) << 32
                            | u64::from(packet.timestamp_low()),
                    ),
                    packet.data(),
                    packet.original_length(),
                ),
                BlockBodyView::SimplePacket(packet) => {
                    self.index += 1;
                    let Some(first) = self.interfaces.first() else {
                        return Some(Err(fail(
                            Place::Packet(self.index),
                            "a Simple Packet Block, but the section has no Interface \
                             Description Block"
                                .to_owned(),
                        )));
                    };
                    // The captured length is not in the block: libpcap takes the smaller of
                    // the packet's length and the snapshot length.
                    let captured = packet.original_length().min(first.snap_length) as usize;
                    let Some(data) = packet.data().get(..captured) else {
                        return Some(Err(fail(
                            Place::Packet(self.index),
                            format!(
                                "the Simple Packet Block holds {} bytes of packet data, less \
                                 than the {captured} its length and the snapshot length say",
                                packet.data().len()
                            ),
                        )));
                    };
                    return Some(Ok(Packet {
                        index: self.index,
                        offset: at,
                        data_offset: data_at(packet.data()),
                        end: next,
                        data,
                        wire_length: packet.original_length(),
                        seconds: 0,
                        microseconds: 0,
                        linktype: first.link_type,
                    }));
                }
                BlockBodyView::Other(_) => continue,
            };
            self.index += 1;
            let Some(interface) = self.interfaces.get(interface_id as usize) else {
                return Some(Err(fail(
                    Place::Packet(self.index),
                    format!(
                        "a packet arrived on interface {interface_id}, but there's no Interface \
                         Description Block for that interface"
                    ),
                )));
            };
            let (seconds, microseconds) = time_of(timestamp.unwrap_or(0), interface);
            return Some(Ok(Packet {
                index: self.index,
                offset: at,
                data_offset: data_at(data),
                end: next,
                data,
                wire_length,
                seconds,
                microseconds,
                linktype: interface.link_type,
            }));
        }
    }
}

impl<'a> Iterator for Capture<'a> {
    type Item = Result<Packet<'a>, DecodeError>;

    /// The next packet; after a record or block that does not fit the file, nothing more.
    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped || self.offset >= self.file.len() {
            return None;
        }
        match self.format {
            Format::Classic { nanoseconds, .. } => self.next_classic(nanoseconds),
            Format::Ng => self.next_ng(),
        }
    }
}

/// libpcap's reading of a snapshot length: 0, or one past `i32::MAX`, is the maximum.
fn adjusted_snaplen(snaplen: u32) -> u32 {
    if snaplen == 0 || snaplen > i32::MAX as u32 {
        MAXIMUM_SNAPLEN
    } else {
        snaplen
    }
}

fn read_u32(bytes: &[u8], endian: Endian) -> u32 {
    let bytes = [bytes[0], bytes[1], bytes[2], bytes[3]];
    match endian {
        Endian::Big => u32::from_be_bytes(bytes),
        Endian::Little => u32::from_le_bytes(bytes),
    }
}

/// An interface, from its description block's fields and options, checked as libpcap checks
/// them.
fn interface(
    description: &InterfaceDescriptionView<'_>,
    endian: Endian,
) -> Result<Interface, String> {
    let mut interface = Interface {
        link_type: u32::from(description.link_type()),
        snap_length: adjusted_snaplen(description.snap_length()),
        resolution: 1_000_000,
        binary: false,
        offset: 0,
    };
    let (mut saw_resolution, mut saw_offset) = (false, false);
    let mut options = description.options();
    while !options.is_empty() {
        let (option, rest) = BlockOption::view_prefix_with(options, endian).map_err(|_| {
            "an Interface Description Block's options run past the end of the block".to_owned()
        })?;
        options = rest;
        let value = option.value();
        match option.code() {
            OPTION_END => break,
            OPTION_TSRESOL => {
                let (&[exponent], false) = (value, saw_resolution) else {
                    return Err(format!(
                        "an Interface Description Block has a bad if_tsresol option ({} \
                         bytes{})",
                        value.len(),
                        if saw_resolution {
                            ", not the first"
                        } else {
                            ""
                        }
                    ));
                };
                saw_resolution = true;
                if exponent & 0x80 != 0 {
                    let shift = exponent & 0x7f;
                    if shift > 63 {
                        return Err(format!("if_tsresol resolution 2^-{shift} is too high"));
                    }
                    (interface.resolution, interface.binary) = (1 << shift, true);
                } else {
                    if exponent > 19 {
                        return Err(format!("if_tsresol resolution 10^-{exponent} is too high"));
                    }
                    (interface.resolution, interface.binary) =
                        (10u64.pow(u32::from(exponent)), false);
                }
            }
            OPTION_TSOFFSET => {
                let Ok(offset) = TimestampOffset::view_with(value, endian) else {
                    return Err(format!(
                        "an Interface Description Block has an if_tsoffset option of {} bytes, \
                         not 8",
                        value.len()
                    ));
                };
                if saw_offset {
                    return Err(
                        "an Interface Description Block has two if_tsoffset options".to_owned()
                    );
                }
                saw_offset = true;
                interface.offset = offset.seconds();
            }
            _ => {}
        }
    }
    Ok(interface)
}

/// A pcapng time stamp in the interface's units, as libpcap converts it to seconds and
/// microseconds (in unsigned 64-bit arithmetic that wraps, as libpcap's does).
fn time_of(timestamp: u64, interface: &Interface) -> (i64, u32) {
    const MICRO: u64 = 1_000_000;
    let resolution = interface.resolution;
    let seconds = (timestamp / resolution).wrapping_add(interface.offset as u64);
    let fraction = timestamp % resolution;
    let micros = if resolution == MICRO {
        fraction
    } else if interface.binary {
        fraction.wrapping_mul(MICRO) / resolution
    } else if resolution > MICRO {
        fraction / (resolution / MICRO)
    } else {
        fraction * (MICRO / resolution)
    };
    (seconds as i64, micros as u32)
}

/// The first sequence and acknowledgment numbers of a TCP conversation, keyed as tcpdump keys
/// them (IP version, the end with the lower port first), so later numbers print relative to
/// them.
type Conversations = HashMap<(u8, [u8; 16], [u8; 16], u32), (u32, u32)>;

/// An IPv4 or IPv6 address, printed as tcpdump prints it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Address<'a> {
    V4(&'a [u8; 4]),
    V6(&'a [u8; 16]),
}

impl Address<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Address::V4(bytes) => &bytes[..],
            Address::V6(bytes) => &bytes[..],
        }
    }

    /// The address in 16 bytes, for the conversation table.
    fn key(&self) -> [u8; 16] {
        let mut key = [0; 16];
        key[..self.bytes().len()].copy_from_slice(self.bytes());
        key
    }
}

impl fmt::Display for Address<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Address::V4(&[a, b, c, d]) => write!(f, "{a}.{b}.{c}.{d}"),
            Address::V6(bytes) => ipv6_text(bytes, f),
        }
    }
}

/// An IPv6 address as tcpdump's `addrtostr6` writes it: the longest run of two or more zero
/// words (the first, on a tie) as `::`, and an IPv4-compatible or -mapped address with its
/// last 32 bits dotted.
fn ipv6_text(bytes: &[u8; 16], f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let word = |i: usize| u16::from_be_bytes([bytes[2 * i], bytes[2 * i + 1]]);
    // Runs of zero words, as (first word, length).
    let mut best: Option<(usize, usize)> = None;
    let mut current: Option<(usize, usize)> = None;
    for i in 0..8 {
        if word(i) == 0 {
            current = Some(current.map_or((i, 1), |(base, len)| (base, len + 1)));
        } else if let Some(run) = current.take() {
            if best.is_none_or(|b| run.1 > b.1) {
                best = Some(run);
            }
        }
    }
    if let Some(run) = current {
        if best.is_none_or(|b| run.1 > b.1) {
            best = Some(run);
        }
    }
    let best = best.filter(|&(_, len)| len >= 2);
    for i in 0..8 {
        if let Some((base, len)) = best {
            if i >= base && i < base + len {
                if i == base {
                    f.write_str(":")?;
                }
                continue;
            }
        }
        if i != 0 {
            f.write_str(":")?;
        }
        if i == 6 && matches!(best, Some((0, 6)))
            || (i == 6 && best == Some((0, 5)) && word(5) == 0xffff)
        {
            return write!(f, "{}.{}.{}.{}", bytes[12], bytes[13], bytes[14], bytes[15]);
        }
        write!(f, "{:x}", word(i))?;
    }
    if best.is_some_and(|(base, len)| base + len == 8) {
        f.write_str(":")?;
    }
    Ok(())
}

/// What the IP layer tells the layer above it.
struct Ip<'a> {
    version: u8,
    source: Address<'a>,
    destination: Address<'a>,
    /// Whether TCP or UDP follows the fixed IP header directly: tcpdump then prints the
    /// addresses with the ports, and only the ports after extension headers.
    direct: bool,
    /// A fragment: UDP's length is not checked against the datagram's.
    fragmented: bool,
}

/// What a link layer carries, whichever link it is.
enum Network<'a> {
    Ipv4(Ipv4View<'a>),
    Ipv6(Ipv6View<'a>),
    Arp(ArpView<'a>),
    Other(u16),
}

/// A link layer's payload after its VLAN tags (at most two, as declared), and the EtherType
/// after each tag.
struct AfterTags<'a> {
    network: Network<'a>,
    tags: usize,
    inner: [u16; 2],
}

impl<'a> AfterTags<'a> {
    fn untagged(network: Network<'a>) -> Self {
        AfterTags {
            network,
            tags: 0,
            inner: [0; 2],
        }
    }

    fn of_ether(ethertype: u16, payload: EtherPayloadView<'a>) -> Self {
        match payload {
            EtherPayloadView::Ipv4(ip) => Self::untagged(Network::Ipv4(ip)),
            EtherPayloadView::Ipv6(ip) => Self::untagged(Network::Ipv6(ip)),
            EtherPayloadView::Arp(arp) => Self::untagged(Network::Arp(arp)),
            EtherPayloadView::Other(_) => Self::untagged(Network::Other(ethertype)),
            EtherPayloadView::Vlan(vlan) => {
                let (network, tags, second) = match vlan.payload() {
                    VlanPayloadView::Ipv4(ip) => (Network::Ipv4(ip), 1, 0),
                    VlanPayloadView::Ipv6(ip) => (Network::Ipv6(ip), 1, 0),
                    VlanPayloadView::Arp(arp) => (Network::Arp(arp), 1, 0),
                    VlanPayloadView::Other(_) => (Network::Other(vlan.ethertype()), 1, 0),
                    VlanPayloadView::Vlan(inner) => {
                        let network = match inner.payload() {
                            InnerVlanPayloadView::Ipv4(ip) => Network::Ipv4(ip),
                            InnerVlanPayloadView::Ipv6(ip) => Network::Ipv6(ip),
                            InnerVlanPayloadView::Arp(arp) => Network::Arp(arp),
                            InnerVlanPayloadView::Other(_) => Network::Other(inner.ethertype()),
                        };
                        (network, 2, inner.ethertype())
                    }
                };
                AfterTags {
                    network,
                    tags,
                    inner: [vlan.ethertype(), second],
                }
            }
        }
    }
}

fn is_vlan(ethertype: u16) -> bool {
    matches!(
        ethertype,
        ETHERTYPE_VLAN | ETHERTYPE_QINQ | ETHERTYPE_VLAN_9100
    )
}

/// The next step along an IPv6 header chain: a header viewed through [`Ip6Next`], or the
/// next-header value and captured bytes of a header that the snapshot length cut.
enum Step6<'a> {
    Header(Ip6NextView<'a>),
    Cut(u8, &'a [u8]),
}

/// What the layer above IP is, viewed.
enum Upper<'a> {
    Tcp(TcpView<'a>),
    Udp(UdpView<'a>),
    Icmp(IcmpView<'a>),
    Icmp6(Icmp6View<'a>),
    Other(u8),
    /// The protocol and captured bytes of a header that the snapshot length cut.
    Cut(u8, &'a [u8]),
}

/// Turns packets into tcpdump's lines; remembers TCP conversations between packets.
pub struct Printer<'a> {
    file: &'a [u8],
    conversations: Conversations,
    /// File offset just past the captured bytes of the packet being described.
    frame_end: usize,
    /// Whether the snapshot length cut that packet: a header that does not fit is then
    /// printed as far as it goes and ` [|protocol]`, as tcpdump does, not reported as bad.
    cut: bool,
    /// This machine's network interfaces by index, read once when a Linux cooked v2 packet
    /// first needs one (tcpdump prints the name `if_indextoname` gives, or `?`).
    interface_names: Option<Vec<(u32, String)>>,
}

impl<'a> Printer<'a> {
    pub fn new(capture: &Capture<'a>) -> Self {
        Printer {
            file: capture.file,
            conversations: HashMap::new(),
            frame_end: 0,
            cut: false,
            interface_names: None,
        }
    }

    /// Writes the packet's line (without a newline) into `line`.
    pub fn describe(&mut self, packet: &Packet<'a>, line: &mut String) -> Result<(), DecodeError> {
        self.frame_end = packet.data_offset + packet.data.len();
        self.cut = packet.data.len() < packet.wire_length as usize;
        let seconds = packet.seconds.rem_euclid(86_400);
        let _ = write!(
            line,
            "{:02}:{:02}:{:02}.{:06} ",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60,
            packet.microseconds
        );
        self.link(packet, line).map_err(|message| DecodeError {
            place: Place::Packet(packet.index),
            offset: packet.offset,
            message,
        })
    }

    fn link(&mut self, packet: &Packet<'a>, line: &mut String) -> Result<(), String> {
        let start = packet.data_offset;
        let wire = packet.wire_length as usize;
        // The declared layout, viewed once: the link type chooses the link layer, its
        // EtherType IPv4, IPv6, ARP or a VLAN tag, and so on up. It describes a frame captured
        // whole and well formed; `salvage` walks any other packet again.
        let tag = i128::from(packet.linktype);
        let Ok(Some((link, _))) = LinkLayer::view_prefix(tag, packet.data) else {
            return self.salvage(packet, line);
        };
        let (payload, header, cooked) = match link {
            LinkLayerView::Ethernet(frame) => (
                AfterTags::of_ether(frame.ethertype(), frame.payload()),
                Ethernet::FIXED_SIZE,
                false,
            ),
            LinkLayerView::LinuxCooked(frame) => (
                AfterTags::of_ether(frame.protocol(), frame.payload()),
                LinuxCooked::FIXED_SIZE,
                true,
            ),
            LinkLayerView::LinuxCooked2(frame) => {
                let payload = AfterTags::of_ether(frame.protocol(), frame.payload());
                if matches!(payload.network, Network::Other(t) if is_vlan(t)) {
                    return self.salvage(packet, line);
                }
                self.cooked2_prefix(frame.interface_index(), frame.packet_type(), line);
                (payload, LinuxCooked2::FIXED_SIZE, true)
            }
            LinkLayerView::Ipv4(ip) => (AfterTags::untagged(Network::Ipv4(ip)), 0, false),
            LinkLayerView::Ipv6(ip) => (AfterTags::untagged(Network::Ipv6(ip)), 0, false),
            LinkLayerView::RawIp(raw) => {
                let datagram = raw.datagram();
                let version = datagram.first().map_or(0, |b| b >> 4);
                let network = match IpDatagram::view_prefix(i128::from(version), datagram) {
                    Ok(Some((IpDatagramView::Ipv4(ip), _))) => Network::Ipv4(ip),
                    Ok(Some((IpDatagramView::Ipv6(ip), _))) => Network::Ipv6(ip),
                    _ => return self.salvage(packet, line),
                };
                (AfterTags::untagged(network), 0, false)
            }
            LinkLayerView::Other(_) => {
                link_not_decoded(packet.linktype, wire, line);
                return Ok(());
            }
        };
        // A third VLAN tag: more than the declared enums hold.
        if matches!(payload.network, Network::Other(t) if is_vlan(t)) {
            return self.salvage(packet, line);
        }
        let skipped = header + 4 * payload.tags;
        if cooked {
            for &ethertype in &payload.inner[..payload.tags] {
                let _ = write!(line, "ethertype {}, ", ethertype_name(ethertype));
            }
        }
        self.network(
            payload.network,
            start + skipped,
            wire.saturating_sub(skipped),
            line,
        )
    }

    /// Linux cooked v2's interface name and direction, which tcpdump prints before the rest.
    fn cooked2_prefix(&mut self, interface_index: u32, packet_type: u8, line: &mut String) {
        let names = self.interface_names.get_or_insert_with(interface_names);
        let name = names
            .iter()
            .find(|(index, _)| *index == interface_index)
            .map_or("?", |(_, name)| name.as_str());
        let direction = match packet_type {
            0 => "In",
            1 => "B",
            2 => "M",
            3 => "P",
            4 => "Out",
            _ => "?",
        };
        let _ = write!(line, "{name:<5} {direction:<3} ");
    }

    /// The network layer at file offset `start`, `wire` bytes long on the wire.
    fn network(
        &mut self,
        network: Network<'a>,
        start: usize,
        wire: usize,
        line: &mut String,
    ) -> Result<(), String> {
        match network {
            Network::Ipv4(ip) => match ipv4_header(ip.fixed(), start, wire, line)? {
                Some(length) => {
                    let upper = match ip.payload() {
                        IpPayloadView::Tcp(tcp) => Upper::Tcp(tcp),
                        IpPayloadView::Udp(udp) => Upper::Udp(udp),
                        IpPayloadView::Icmp(icmp) => Upper::Icmp(icmp),
                        IpPayloadView::Other(_) => Upper::Other(ip.protocol()),
                    };
                    self.ipv4_upper(ip.fixed(), upper, start, length, line)
                }
                None => Ok(()),
            },
            Network::Ipv6(ip) => {
                self.ipv6(ip.fixed(), Step6::Header(ip.payload()), start, wire, line)
            }
            Network::Arp(arp) => {
                let captured = &self.file[start.min(self.frame_end)..self.frame_end];
                arp_line(&arp, captured, wire, line);
                Ok(())
            }
            Network::Other(ethertype) => {
                ethertype_not_decoded(ethertype, wire, line);
                Ok(())
            }
        }
    }

    /// What IPv4 header `ip` (at file offset `start`) carries: `upper`, `length` bytes long.
    fn ipv4_upper(
        &mut self,
        ip: Ipv4FixedView<'a>,
        upper: Upper<'a>,
        start: usize,
        length: usize,
        line: &mut String,
    ) -> Result<(), String> {
        let ip4 = Ip {
            version: 4,
            source: Address::V4(ip.source()),
            destination: Address::V4(ip.destination()),
            direct: true,
            fragmented: ip.more_fragments(),
        };
        if !matches!(
            upper,
            Upper::Tcp(_) | Upper::Udp(_) | Upper::Cut(PROTOCOL_TCP | PROTOCOL_UDP, _)
        ) {
            let _ = write!(line, "{} > {}: ", ip4.source, ip4.destination);
        }
        let payload_start = start + usize::from(ip.ihl()) * 4;
        self.upper(&ip4, upper, payload_start, length, line)
    }

    /// An IPv6 datagram: its fixed header at file offset `start`, and `first`, what its next
    /// header chooses, then the chain of extension headers, each viewed through [`Ip6Next`]
    /// with the next header the one before names, up to the upper layer.
    fn ipv6(
        &mut self,
        ip: Ipv6FixedView<'a>,
        first: Step6<'a>,
        start: usize,
        wire: usize,
        line: &mut String,
    ) -> Result<(), String> {
        if wire < Ipv6Fixed::SIZE {
            let _ = write!(line, "truncated-ip6 {wire}");
            return Ok(());
        }
        line.push_str("IP6 ");
        if ip.version() != 6 {
            let _ = write!(line, "version error: {} != 6", ip.version());
            return Ok(());
        }
        let payload_length = usize::from(ip.payload_length());
        if Ipv6Fixed::SIZE + payload_length > wire {
            let _ = write!(
                line,
                "truncated-ip6 - {} bytes missing!",
                Ipv6Fixed::SIZE + payload_length - wire
            );
        }
        let (source, destination) = (Address::V6(ip.source()), Address::V6(ip.destination()));
        let direct = matches!(ip.next_header(), PROTOCOL_TCP | PROTOCOL_UDP);
        if !direct {
            let _ = write!(line, "{source} > {destination}: ");
        }
        let mut ip6 = Ip {
            version: 6,
            source,
            destination,
            direct,
            fragmented: false,
        };
        let (mut next, mut at, mut length) = (first, start + Ipv6Fixed::SIZE, payload_length);
        // The next-header value that chose `next`.
        let mut current = ip.next_header();
        loop {
            let view = match next {
                Step6::Header(view) => view,
                Step6::Cut(next_header, bytes) => {
                    return self.cut6(&ip6, next_header, bytes, at, length, line)
                }
            };
            let (header, next_header, rest) = match view {
                Ip6NextView::HopByHop(options) => {
                    line.push_str("HBH ");
                    (
                        Ip6Options::FIXED_SIZE + options.options().len(),
                        options.next_header(),
                        options.rest(),
                    )
                }
                Ip6NextView::DestinationOptions(options) => {
                    line.push_str("DSTOPT ");
                    (
                        Ip6Options::FIXED_SIZE + options.options().len(),
                        options.next_header(),
                        options.rest(),
                    )
                }
                Ip6NextView::Routing(routing) => {
                    if !routing_header(&routing, line) {
                        return Ok(());
                    }
                    (
                        Ip6Routing::FIXED_SIZE + routing.addresses().len(),
                        routing.next_header(),
                        routing.rest(),
                    )
                }
                Ip6NextView::Fragment(fragment) => {
                    let _ = write!(
                        line,
                        "frag ({}|{})",
                        u32::from(fragment.offset()) * 8,
                        // tcpdump's `size_t` arithmetic: a fragment header longer than
                        // what is left of the payload prints a huge number.
                        length.wrapping_sub(Ip6Fragment::FIXED_SIZE)
                    );
                    // Only the first fragment starts with the next header.
                    if fragment.offset() != 0 {
                        return Ok(());
                    }
                    line.push(' ');
                    // Nothing after the first fragment's header: tcpdump stops.
                    if fragment.rest().is_empty() {
                        return Ok(());
                    }
                    ip6.fragmented = true;
                    (
                        Ip6Fragment::FIXED_SIZE,
                        fragment.next_header(),
                        fragment.rest(),
                    )
                }
                Ip6NextView::Tcp(tcp) => {
                    return self.upper(&ip6, Upper::Tcp(tcp), at, length, line)
                }
                Ip6NextView::Udp(udp) => {
                    return self.upper(&ip6, Upper::Udp(udp), at, length, line)
                }
                Ip6NextView::Icmp6(icmp) => {
                    return self.upper(&ip6, Upper::Icmp6(icmp), at, length, line)
                }
                Ip6NextView::Other(_) => {
                    return self.upper(&ip6, Upper::Other(current), at, length, line)
                }
            };
            let Some(left) = length.checked_sub(header) else {
                line.push_str(" [|ip6]");
                return Ok(());
            };
            (at, length) = (at + header, left);
            let tag = i128::from(next_header);
            next = match Ip6Next::view_prefix(tag, rest) {
                Ok(Some((view, _))) => Step6::Header(view),
                Ok(None) => Step6::Header(Ip6NextView::Other(rest)),
                Err(error) if self.ends_inside(&error) => Step6::Cut(next_header, rest),
                Err(error) => return Err(self.bad_payload::<Ip6Next>(tag, at, error)),
            };
            current = next_header;
        }
    }

    /// What tcpdump prints of an IPv6 extension or upper-layer header (chosen by
    /// `next_header`) that the capture cut: `bytes` are what is left of the packet.
    fn cut6(
        &mut self,
        ip6: &Ip<'a>,
        next_header: u8,
        bytes: &'a [u8],
        at: usize,
        length: usize,
        line: &mut String,
    ) -> Result<(), String> {
        match next_header {
            NEXT_HOP_BY_HOP => line.push_str(" [|hbhopt]"),
            NEXT_DESTINATION_OPTIONS => line.push_str(" [|dstopt]"),
            // The offset is all tcpdump reads of a fragment header; when the capture ends
            // inside it, so does the line, without a marker.
            NEXT_FRAGMENT => match bytes.get(2..4) {
                Some(offset) => {
                    let offset = u16::from_be_bytes([offset[0], offset[1]]) & 0xfff8;
                    let _ = write!(line, "frag ({offset}|{})", length.wrapping_sub(8));
                    if offset == 0 {
                        line.push(' ');
                    }
                }
                None => line.push_str(" [|frag6]"),
            },
            NEXT_ROUTING if bytes.is_empty() => line.push_str(" [|ip6]"),
            NEXT_ROUTING => {
                // Each field as far as the bytes go, as `routing_header` prints them.
                line.push_str("RT6");
                if let Some(&len) = bytes.get(1) {
                    let _ = write!(line, " (len={len}");
                    if let Some(&kind) = bytes.get(2) {
                        let _ = write!(line, ", type={kind}");
                        if kind == 0 {
                            line.push_str(" [Deprecated]");
                        }
                    }
                    if let Some(&left) = bytes.get(3) {
                        let _ = write!(line, ", segleft={left}");
                    }
                    if let (Some(reserved), Some(0 | 2)) = (bytes.get(4..8), bytes.get(2)) {
                        let reserved = u32::from_be_bytes([
                            reserved[0],
                            reserved[1],
                            reserved[2],
                            reserved[3],
                        ]);
                        if reserved != 0 {
                            let _ = write!(line, ", rsv=0x{reserved:x}");
                        }
                        let addresses = bytes.get(8..).unwrap_or_default();
                        for (i, address) in addresses.chunks_exact(16).enumerate() {
                            if let Ok(address) = <&[u8; 16]>::try_from(address) {
                                let _ = write!(line, ", [{i}]{}", Address::V6(address));
                            }
                        }
                    }
                }
                line.push_str(" [|rt6]");
            }
            protocol => return self.upper(ip6, Upper::Cut(protocol, bytes), at, length, line),
        }
        Ok(())
    }

    /// The message for a header, chosen by `tag` through payload enum `T`, that could not be
    /// viewed at file offset `at` (the error's offsets count from there).
    fn bad_payload<T: Tagged>(&self, tag: i128, at: usize, error: Error) -> String {
        // Named as tcpdump names the header: `Tcp` -> TCP.
        let layer = T::VARIANTS
            .iter()
            .find(|variant| variant.tags.contains(&tag))
            .map_or("IP payload", |variant| variant.name)
            .to_uppercase();
        let frame = &self.file[..self.frame_end];
        bad_header(&layer, frame, at, error.offset_by(at))
    }

    /// The layer above IP, at file offset `start`, `length` bytes long as IP says.
    fn upper(
        &mut self,
        ip: &Ip<'a>,
        upper: Upper<'a>,
        start: usize,
        length: usize,
        line: &mut String,
    ) -> Result<(), String> {
        match upper {
            Upper::Tcp(tcp) => {
                let fixed = tcp.fixed();
                self.tcp(ip, &fixed, tcp.options(), false, start, length, line)
            }
            Upper::Cut(PROTOCOL_TCP, bytes) => {
                // What tcpdump prints of a TCP header the capture cut: the ports if they are
                // there, the fixed header if it is, then as many options as are.
                let Ok((fixed, rest)) = TcpFixed::view_prefix(bytes) else {
                    ports_then_cut(ip, bytes, "tcp", line);
                    return Ok(());
                };
                let header_len = usize::from(fixed.data_offset()) * 4;
                if header_len < TcpFixed::SIZE {
                    return Err(format!(
                        "bad TCP header at offset {start}: header length {header_len} is less \
                         than 20"
                    ));
                }
                let options = &rest[..rest.len().min(header_len - TcpFixed::SIZE)];
                let cut = options.len() < header_len - TcpFixed::SIZE;
                self.tcp(ip, &fixed, options, cut, start, length, line)
            }
            Upper::Udp(udp) => {
                let (sport, dport) = (udp.source_port(), udp.destination_port());
                if ip.direct {
                    let _ = write!(line, "{}.{sport} > {}.{dport}: ", ip.source, ip.destination);
                } else {
                    let _ = write!(line, "{sport} > {dport}: ");
                }
                if length < Udp::FIXED_SIZE {
                    let _ = write!(line, "truncated-udp {length}");
                    return Ok(());
                }
                let udp_length = usize::from(udp.length());
                if udp_length < Udp::FIXED_SIZE {
                    let _ = write!(line, "truncated-udplength {udp_length}");
                } else {
                    let udp_length = udp_length - Udp::FIXED_SIZE;
                    let length = (length - Udp::FIXED_SIZE).min(udp_length);
                    if udp_length > length && !ip.fragmented {
                        let _ = write!(line, "UDP, bad length {udp_length} > {length}");
                    } else {
                        let _ = write!(line, "UDP, length {udp_length}");
                    }
                }
                Ok(())
            }
            Upper::Icmp(icmp) => {
                let before = line.len();
                // A message shorter than its type's fixed part, on the wire or in the
                // capture: tcpdump prints what it printed before it ran out.
                if icmp_line(&icmp, length, line).is_none() {
                    line.truncate(before);
                    line.push_str(" [|icmp]");
                }
                Ok(())
            }
            Upper::Icmp6(icmp) => {
                let before = line.len();
                if icmp6_line(&icmp, length, line).is_none() {
                    line.truncate(before);
                    let bytes = &self.file[start.min(self.frame_end)..self.frame_end];
                    icmp6_cut(bytes, length, line);
                }
                Ok(())
            }
            Upper::Other(protocol) => {
                let _ = write!(line, " ip-proto-{protocol} {length}");
                Ok(())
            }
            // UDP's header is 8 bytes: tcpdump prints whatever ports are there.
            // A datagram whose UDP header is cut by IP's own length: the ports, then the
            // length tcpdump found.
            Upper::Cut(PROTOCOL_UDP, bytes) if length < Udp::FIXED_SIZE && bytes.len() >= 4 => {
                ports_then_cut(ip, bytes, "udp", line);
                line.truncate(line.len() - " [|udp]".len());
                let _ = write!(line, "truncated-udp {length}");
                Ok(())
            }
            Upper::Cut(PROTOCOL_UDP, bytes) => {
                ports_then_cut(ip, bytes, "udp", line);
                Ok(())
            }
            // ICMP's line is written once the message is read: nothing of it is printed,
            // unless the type and code are there and the type needs nothing more (a type
            // printed by its name, a parameter problem's code).
            Upper::Cut(PROTOCOL_ICMP, bytes) => {
                match (bytes.first(), bytes.get(1)) {
                    (Some(12), Some(&code)) if code != 0 => {
                        let _ = write!(line, "ICMP parameter problem - code {code}");
                    }
                    // The pointer is all a parameter problem's line needs.
                    (Some(12), Some(_)) if bytes.len() > 4 => {
                        let _ = write!(line, "ICMP parameter problem - octet {}", bytes[4]);
                    }
                    (Some(&kind), Some(_))
                        if !matches!(kind, 0 | 3 | 5 | 8 | 9 | 11 | 12 | 13 | 14 | 18) =>
                    {
                        line.push_str("ICMP ");
                        icmp_name(kind, line);
                    }
                    _ => {
                        line.push_str(" [|icmp]");
                        return Ok(());
                    }
                }
                let _ = write!(line, ", length {length}");
                Ok(())
            }
            Upper::Cut(PROTOCOL_ICMPV6, bytes) => {
                icmp6_cut(bytes, length, line);
                Ok(())
            }
            Upper::Cut(protocol, _) => Err(format!(
                "bad header of protocol {protocol} at offset {start}: the capture ends inside it"
            )),
        }
    }

    /// The walk for a packet that the declared layout refuses, one layer at a time in the
    /// order tcpdump checks them, each header viewed alone (the `...Fixed` part the derive
    /// generates for a variable-length record) in the file itself, cut at the end of the
    /// captured bytes, so that the offsets in errors are file offsets:
    ///
    /// - a link header, a VLAN tag, an IP header or IPv4 options that do not fit are reported
    ///   as the declared view reports them;
    /// - IP's own checks (version, lengths, fragments) come before anything the datagram
    ///   carries, as in `network`;
    /// - the payload is then viewed in the bytes that were captured. A capture cut by its
    ///   snapshot length (`tcpdump -s`) holds fewer than the IP header's length says, and
    ///   tcpdump still prints the packet's line whole. The declared length cannot say "up to
    ///   `total_length`, as far as the capture goes": a length is computed from the record's
    ///   fields, never from the bytes at hand. So here the protocol chooses the variant
    ///   through [`Tagged::view_prefix`] over the captured bytes instead.
    fn salvage(&mut self, packet: &Packet<'a>, line: &mut String) -> Result<(), String> {
        let frame = &self.file[..self.frame_end];
        let mut start = packet.data_offset;
        let mut wire = packet.wire_length as usize;
        let cooked = matches!(packet.linktype, LINKTYPE_LINUX_SLL | LINKTYPE_LINUX_SLL2);
        let mut ethertype = match packet.linktype {
            LINKTYPE_ETHERNET => {
                let header = match EthernetFixed::view_at(frame, start) {
                    Ok(header) => header,
                    Err(e) => return self.cut_or_bad(("ether", "Ethernet"), frame, start, e, line),
                };
                start += EthernetFixed::SIZE;
                wire = wire.saturating_sub(EthernetFixed::SIZE);
                header.ethertype()
            }
            LINKTYPE_LINUX_SLL => {
                let header = match LinuxCookedFixed::view_at(frame, start) {
                    Ok(header) => header,
                    Err(e) => {
                        return self.cut_or_bad(("sll", "Linux cooked"), frame, start, e, line)
                    }
                };
                start += LinuxCookedFixed::SIZE;
                wire = wire.saturating_sub(LinuxCookedFixed::SIZE);
                header.protocol()
            }
            LINKTYPE_LINUX_SLL2 => {
                let header = match LinuxCooked2Fixed::view_at(frame, start) {
                    Ok(header) => header,
                    Err(e) => {
                        return self.cut_or_bad(("sll2", "Linux cooked v2"), frame, start, e, line)
                    }
                };
                self.cooked2_prefix(header.interface_index(), header.packet_type(), line);
                start += LinuxCooked2Fixed::SIZE;
                wire = wire.saturating_sub(LinuxCooked2Fixed::SIZE);
                header.protocol()
            }
            LINKTYPE_IPV4 => ETHERTYPE_IPV4,
            LINKTYPE_IPV6 => ETHERTYPE_IPV6,
            LINKTYPE_RAW => match frame.get(start).map(|b| b >> 4) {
                Some(6) => ETHERTYPE_IPV6,
                _ => ETHERTYPE_IPV4,
            },
            // Other link types are kept whole by the catch-all, so never refused; were one
            // refused, it prints as in `link`.
            other => {
                link_not_decoded(other, wire, line);
                return Ok(());
            }
        };
        while is_vlan(ethertype) {
            let tag = match VlanFixed::view_at(frame, start) {
                Ok(tag) => tag,
                Err(e) => return self.cut_or_bad(("vlan", "VLAN"), frame, start, e, line),
            };
            ethertype = tag.ethertype();
            if cooked {
                let _ = write!(line, "ethertype {}, ", ethertype_name(ethertype));
            }
            start += VlanFixed::SIZE;
            wire = wire.saturating_sub(VlanFixed::SIZE);
        }
        match ethertype {
            // A fixed header the capture cut: tcpdump's marker, after what it prints first.
            ETHERTYPE_IPV4 if self.cut && Ipv4Fixed::view_at(frame, start).is_err() => {
                // tcpdump reads the version before it writes `IP `.
                if frame.len() > start {
                    line.push_str("IP ");
                }
                line.push_str(" [|ip]");
                Ok(())
            }
            ETHERTYPE_IPV6 if self.cut && Ipv6Fixed::view_at(frame, start).is_err() => {
                line.push_str(" [|ip6]");
                Ok(())
            }
            ETHERTYPE_ARP if self.cut && Arp::view_at(frame, start).is_err() => {
                line.push_str(" [|arp]");
                Ok(())
            }
            ETHERTYPE_IPV4 => self.salvage_ipv4(frame, start, wire, line),
            ETHERTYPE_IPV6 => {
                let ip = Ipv6Fixed::view_at(frame, start)
                    .map_err(|e| bad_header("IPv6", frame, start, e))?;
                let payload_start = start + Ipv6Fixed::SIZE;
                let end = (payload_start + usize::from(ip.payload_length())).min(frame.len());
                let captured = &frame[payload_start..end.max(payload_start)];
                let tag = i128::from(ip.next_header());
                let first = match Ip6Next::view_prefix(tag, captured) {
                    Ok(Some((first, _))) => Step6::Header(first),
                    Ok(None) => Step6::Header(Ip6NextView::Other(captured)),
                    Err(error) if self.ends_inside(&error) => {
                        Step6::Cut(ip.next_header(), captured)
                    }
                    Err(error) => {
                        // What tcpdump prints before it looks at the payload comes first.
                        if wire < Ipv6Fixed::SIZE || ip.version() != 6 {
                            let other = Step6::Header(Ip6NextView::Other(captured));
                            return self.ipv6(ip, other, start, wire, line);
                        }
                        return Err(self.bad_payload::<Ip6Next>(tag, payload_start, error));
                    }
                };
                self.ipv6(ip, first, start, wire, line)
            }
            ETHERTYPE_ARP => {
                let (arp, _) = Arp::view_prefix(&frame[start.min(frame.len())..])
                    .map_err(|e| bad_header("ARP", frame, start, e.offset_by(start)))?;
                arp_line(&arp, &frame[start.min(frame.len())..], wire, line);
                Ok(())
            }
            other => {
                ethertype_not_decoded(other, wire, line);
                Ok(())
            }
        }
    }

    /// A header at file offset `start` of `frame` that could not be viewed: in a packet the
    /// snapshot length cut, tcpdump's marker (` [|ether]`), which ends the line; in any other,
    /// the problem, named by the layer's name.
    fn cut_or_bad(
        &self,
        (marker, layer): (&str, &str),
        frame: &[u8],
        start: usize,
        error: Error,
        line: &mut String,
    ) -> Result<(), String> {
        if !self.cut {
            return Err(bad_header(layer, frame, start, error));
        }
        let _ = write!(line, " [|{marker}]");
        Ok(())
    }

    /// Whether a payload's view failed because its bytes end inside it: the snapshot length
    /// cut the packet, or the datagram (by IP's length) is shorter than the header. tcpdump
    /// prints both alike, as far as the bytes go and then ` [|protocol]`; a length field that
    /// says more than the datagram holds is the same to it.
    fn ends_inside(&self, error: &Error) -> bool {
        self.cut
            || match error.kind() {
                ErrorKind::TooShort { .. } => true,
                // A length field that says more than the datagram holds (not a negative one).
                ErrorKind::VarLength {
                    needed: Some(needed),
                    available,
                    ..
                } => needed >= 0 && needed > available as i128,
                _ => false,
            }
    }

    /// The IPv4 part of `salvage`: the datagram at file offset `start` of `frame`.
    fn salvage_ipv4(
        &mut self,
        frame: &'a [u8],
        start: usize,
        wire: usize,
        line: &mut String,
    ) -> Result<(), String> {
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
                if self.cut {
                    let _ = write!(
                        line,
                        "IP  [remaining caplen({}) < header length({})] [|ip]",
                        frame.len() - start,
                        usize::from(ip.ihl()) * 4
                    );
                    return Ok(());
                }
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
        let upper = match IpPayload::view_prefix(tag, captured) {
            Ok(Some((IpPayloadView::Tcp(tcp), _))) => Upper::Tcp(tcp),
            Ok(Some((IpPayloadView::Udp(udp), _))) => Upper::Udp(udp),
            Ok(Some((IpPayloadView::Icmp(icmp), _))) => Upper::Icmp(icmp),
            Ok(_) => Upper::Other(ip.protocol()),
            Err(error) if self.ends_inside(&error) => Upper::Cut(ip.protocol(), captured),
            Err(error) => return Err(self.bad_payload::<IpPayload>(tag, payload_start, error)),
        };
        self.ipv4_upper(ip, upper, start, length, line)
    }

    /// TCP segment `tcp` (its fixed header) at file offset `start`, `length` bytes long, with
    /// `options`: all of them, or (`cut`) those the capture holds, as tcpdump prints a header
    /// cut by the snapshot length: up to the first byte missing, then ` [|tcp]`.
    #[allow(clippy::too_many_arguments)]
    fn tcp(
        &mut self,
        ip: &Ip<'_>,
        tcp: &TcpFixedView<'_>,
        options: &[u8],
        cut: bool,
        start: usize,
        length: usize,
        line: &mut String,
    ) -> Result<(), String> {
        let (source, destination) = (ip.source, ip.destination);
        let (sport, dport) = (tcp.source_port(), tcp.destination_port());
        let header_len = usize::from(tcp.data_offset()) * 4;
        if header_len > length {
            return Err(format!(
                "bad TCP header at offset {start}: header length {header_len} is more than \
                 the {length} bytes of the IP payload"
            ));
        }
        if ip.direct {
            let _ = write!(line, "{source}.{sport} > {destination}.{dport}: Flags [");
        } else {
            let _ = write!(line, "{sport} > {dport}: Flags [");
        }
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
            reversed =
                sport > dport || (sport == dport && ip.source.bytes() > ip.destination.bytes());
            let key = if reversed {
                (
                    ip.version,
                    ip.destination.key(),
                    ip.source.key(),
                    u32::from(dport) << 16 | u32::from(sport),
                )
            } else {
                (
                    ip.version,
                    ip.source.key(),
                    ip.destination.key(),
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
        if header_len > TcpFixed::SIZE {
            line.push_str(", options [");
            let relative_to = if reversed { base_seq } else { base_ack };
            if !tcp_options(options, cut, relative_to, line) {
                return Ok(());
            }
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
        let (source, destination) = (Address::V4(ip.source()), Address::V4(ip.destination()));
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
        // many of the packet's bytes are left for this header (or for the part of it that
        // does not fit: an ICMP message after its type and code).
        ErrorKind::TooShort { needed, .. } => {
            let at = error.offset().unwrap_or(start).max(start);
            format!(
                "bad {layer} header at offset {at}: it needs {needed} bytes, only {} are there",
                bytes.len().saturating_sub(at)
            )
        }
        other => format!("bad {layer} header: {other}"),
    }
}

/// Prints TCP options as tcpdump names them, walking them in place with `view_prefix`.
/// `options` may be `cut` short by the snapshot length: tcpdump then prints up to the first
/// byte it misses and ` [|tcp]`, and this returns false (the line is complete).
fn tcp_options(mut options: &[u8], cut: bool, sack_base: u32, line: &mut String) -> bool {
    let mut first = true;
    loop {
        let Some(&kind) = options.first() else {
            if cut {
                // tcpdump writes the separator before it reads the next option's kind.
                if !first {
                    line.push(',');
                }
                line.push_str(" [|tcp]");
                return false;
            }
            return true;
        };
        let later = !first;
        if later {
            line.push(',');
        }
        first = false;
        if kind <= 1 {
            line.push_str(if kind == 0 { "eol" } else { "nop" });
            if kind == 0 {
                return true;
            }
            options = &options[1..];
            continue;
        }
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
        let Ok((option, rest)) = TcpOption::view_prefix(options) else {
            if !cut {
                line.push_str("[bad opt]");
                return true;
            }
            // tcpdump names the option once it has its length byte; when the value is what
            // is missing, it closes the list of a later option with `>`.
            if options.len() < 2 {
                line.push_str(" [|tcp]");
                return false;
            }
            if name.is_empty() {
                let _ = write!(line, "unknown-{kind}");
            } else {
                line.push_str(name);
            }
            line.push_str(if later { " [|tcp]>" } else { " [|tcp]" });
            return false;
        };
        let data = option.data();
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

/// An EtherType as tcpdump names it after a VLAN tag of a Linux cooked frame.
fn ethertype_name(ethertype: u16) -> &'static str {
    match ethertype {
        ETHERTYPE_IPV4 => "IPv4",
        ETHERTYPE_IPV6 => "IPv6",
        ETHERTYPE_ARP => "ARP",
        ETHERTYPE_VLAN => "802.1Q",
        ETHERTYPE_QINQ => "802.1Q-QinQ",
        ETHERTYPE_VLAN_9100 => "802.1Q-9100",
        _ => "Unknown",
    }
}

/// This machine's network interfaces, as `if_indextoname` knows them (Linux: sysfs).
fn interface_names() -> Vec<(u32, String)> {
    let Ok(entries) = std::fs::read_dir("/sys/class/net") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let index = std::fs::read_to_string(entry.path().join("ifindex")).ok()?;
            let name = entry.file_name().into_string().ok()?;
            Some((index.trim().parse().ok()?, name))
        })
        .collect()
}

/// A routing header as tcpdump prints it: `RT6 (len=.., type=.., segleft=.., [0]addr) `.
/// Returns whether the walk goes on (false: the header is invalid and the line complete).
fn routing_header(routing: &Ip6RoutingView<'_>, line: &mut String) -> bool {
    let length = routing.length();
    let kind = routing.routing_type();
    let _ = write!(line, "RT6 (len={length}, type={kind}");
    if kind == 0 {
        line.push_str(" [Deprecated]");
    }
    let _ = write!(line, ", segleft={}", routing.segments_left());
    let specific = routing.type_specific();
    match kind {
        0 | 2 => {
            let reserved = u32::from_be_bytes(*specific);
            if reserved != 0 {
                let _ = write!(line, ", rsv=0x{reserved:x}");
            }
        }
        4 => {
            let _ = write!(line, ", last-entry={}", specific[0]);
            if specific[1] != 0 {
                let _ = write!(line, ", flags=0x{:x}", specific[1]);
            }
            let _ = write!(
                line,
                ", tag={:x}",
                u16::from_be_bytes([specific[2], specific[3]])
            );
        }
        _ => {
            line.push_str(" (unknown type) (invalid)");
            return false;
        }
    }
    if length % 2 == 1 {
        let _ = write!(line, " (invalid length {length}) (invalid)");
        return false;
    }
    let addresses = routing.addresses();
    for (i, address) in addresses.chunks_exact(16).enumerate() {
        if let Ok(address) = <&[u8; 16]>::try_from(address) {
            let _ = write!(line, ", [{i}]{}", Address::V6(address));
        }
    }
    line.push_str(") ");
    true
}

/// A hardware address as tcpdump prints it: bytes in hex, `:` between them.
struct LinkAddress<'a>(&'a [u8]);

impl fmt::Display for LinkAddress<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, byte) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(":")?;
            }
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

/// A protocol address of ARP: IPv4 when it is 4 bytes long.
fn arp_protocol_address(bytes: &[u8]) -> Option<Address<'_>> {
    <&[u8; 4]>::try_from(bytes).ok().map(Address::V4)
}

/// An ARP packet `wire` bytes long, of which `captured` (from its start to the end of the
/// captured frame) were captured, as tcpdump prints it without `-v`.
fn arp_line(arp: &ArpView<'_>, captured: &[u8], wire: usize, line: &mut String) {
    line.push_str("ARP, ");
    let protocol = arp.protocol_type();
    let ipv4 = arp.protocol_length() == 4 && matches!(protocol, ETHERTYPE_IPV4 | 0x1000);
    let (sender, target) = (
        arp_protocol_address(arp.sender_protocol()),
        arp_protocol_address(arp.target_protocol()),
    );
    let (Some(sender), Some(target), true, false) =
        (sender, target, ipv4, arp.hardware_length() == 0)
    else {
        let hardware = match arp.hardware_type() {
            1 => "Ethernet".to_owned(),
            6 => "TokenRing".to_owned(),
            other => format!("Unknown Hardware ({other})"),
        };
        let protocol = match protocol {
            ETHERTYPE_IPV4 => "IPv4".to_owned(),
            ETHERTYPE_IPV6 => "IPv6".to_owned(),
            other => format!("Unknown Protocol (0x{other:04x})"),
        };
        let _ = write!(
            line,
            "{hardware} (len {}), {protocol} (len {}), length {wire}",
            arp.hardware_length(),
            arp.protocol_length()
        );
        return;
    };
    let (sha, tha) = (
        LinkAddress(arp.sender_hardware()),
        LinkAddress(arp.target_hardware()),
    );
    match arp.operation() {
        ArpOperation::Request => {
            let _ = write!(line, "Request who-has {target}");
            if arp.target_hardware().iter().any(|&b| b != 0) {
                let _ = write!(line, " ({tha})");
            }
            let _ = write!(line, " tell {sender}");
        }
        ArpOperation::Reply => {
            let _ = write!(line, "Reply {sender} is-at {sha}");
        }
        ArpOperation::ReverseRequest => {
            let _ = write!(line, "Reverse Request who-is {tha} tell {sha}");
        }
        ArpOperation::ReverseReply => {
            let _ = write!(line, "Reverse Reply {tha} at {target}");
        }
        ArpOperation::InverseRequest => {
            let _ = write!(line, "Inverse Request who-is {tha} tell {sha}");
        }
        ArpOperation::InverseReply => {
            let _ = write!(line, "Inverse Reply {sha} at {sender}");
        }
        // tcpdump dumps these in hex and ASCII on lines of their own after their name,
        // with no length.
        ArpOperation::Nak => {
            line.push_str("NACK Reply ");
            return hex_ascii_lines(captured, line);
        }
        ArpOperation::Other(code) => {
            let _ = write!(line, "Unknown ({code}) ");
            return hex_ascii_lines(captured, line);
        }
    }
    let _ = write!(line, ", length {wire}");
}

/// `bytes` as tcpdump's `hex_and_ascii_print` writes them after a line: each 16 on a new line
/// that starts with a tab and the offset, in groups of two bytes, padded to 40 columns, then
/// two spaces and the bytes as ASCII (`.` for what is not printable).
fn hex_ascii_lines(bytes: &[u8], line: &mut String) {
    for (index, chunk) in bytes.chunks(16).enumerate() {
        let _ = write!(line, "\n\t0x{:04x}: ", index * 16);
        let start = line.len();
        for pair in chunk.chunks(2) {
            line.push(' ');
            for byte in pair {
                let _ = write!(line, "{byte:02x}");
            }
        }
        let width = line.len() - start;
        line.extend(std::iter::repeat_n(' ', 40usize.saturating_sub(width) + 2));
        line.extend(chunk.iter().map(|&b| {
            if b.is_ascii_graphic() {
                char::from(b)
            } else {
                '.'
            }
        }));
    }
}

/// The destination (and protocol, and destination port) of the datagram an ICMP error quotes.
fn quoted_ipv4(original: &[u8]) -> Option<(Ipv4FixedView<'_>, Option<u16>)> {
    let (ip, _) = Ipv4Fixed::view_prefix(original).ok()?;
    let port_at = usize::from(ip.ihl()) * 4 + 2;
    let port = original
        .get(port_at..port_at + 2)
        .map(|p| u16::from_be_bytes([p[0], p[1]]));
    Some((ip, port))
}

/// An ICMP message, `length` bytes long, as tcpdump prints it without `-v`; `None` when the
/// message is too short for what its type says.
fn icmp_line(icmp: &IcmpView<'_>, length: usize, line: &mut String) -> Option<()> {
    let (kind, code) = (icmp.kind(), icmp.code());
    line.push_str("ICMP ");
    match icmp.message() {
        IcmpMessageView::Echo(echo) => {
            let (id, seq) = (echo.identifier(), echo.sequence());
            match kind {
                13 => {
                    let _ = write!(line, "time stamp query id {id} seq {seq}");
                }
                _ => {
                    let which = if kind == 8 { "request" } else { "reply" };
                    let _ = write!(line, "echo {which}, id {id}, seq {seq}");
                }
            }
        }
        IcmpMessageView::Error(error) if kind == 3 => {
            let (ip, port) = quoted_ipv4(error.original())?;
            let destination = Address::V4(ip.destination());
            let _ = match code {
                0 => write!(line, "net {destination} unreachable"),
                1 => write!(line, "host {destination} unreachable"),
                2 => write!(line, "{destination} protocol {} unreachable", ip.protocol()),
                3 => {
                    let port = port?;
                    match ip.protocol() {
                        PROTOCOL_TCP => write!(line, "{destination} tcp port {port} unreachable"),
                        PROTOCOL_UDP => write!(line, "{destination} udp port {port} unreachable"),
                        other => write!(
                            line,
                            "{destination} protocol {other} port {port} unreachable"
                        ),
                    }
                }
                4 => match error.next_hop_mtu() {
                    0 => write!(line, "{destination} unreachable - need to frag"),
                    mtu => write!(line, "{destination} unreachable - need to frag (mtu {mtu})"),
                },
                5 => write!(line, "{destination} unreachable - source route failed"),
                6 => write!(line, "net {destination} unreachable - unknown"),
                7 => write!(line, "host {destination} unreachable - unknown"),
                8 => write!(line, "{destination} unreachable - source host isolated"),
                9 => write!(line, "net {destination} unreachable - admin prohibited"),
                10 => write!(line, "host {destination} unreachable - admin prohibited"),
                11 => write!(line, "net {destination} unreachable - tos prohibited"),
                12 => write!(line, "host {destination} unreachable - tos prohibited"),
                13 => write!(
                    line,
                    "host {destination} unreachable - admin prohibited filter"
                ),
                14 => write!(
                    line,
                    "host {destination} unreachable - host precedence violation"
                ),
                15 => write!(line, "host {destination} unreachable - precedence cutoff"),
                _ => write!(line, "{destination} unreachable - #{code}"),
            };
        }
        // tcpdump checks that the quoted header's destination is there, and prints nothing
        // of the message when it is not.
        IcmpMessageView::Error(error) => {
            error.original().get(..20)?;
            let _ = match code {
                0 => write!(line, "time exceeded in-transit"),
                1 => write!(line, "ip reassembly time exceeded"),
                _ => write!(line, "time exceeded-#{code}"),
            };
        }
        IcmpMessageView::Redirect(redirect) => {
            let (ip, _) = quoted_ipv4(redirect.original())?;
            let (destination, gateway) = (
                Address::V4(ip.destination()),
                Address::V4(redirect.gateway()),
            );
            let _ = match code {
                0 => write!(line, "redirect {destination} to net {gateway}"),
                1 => write!(line, "redirect {destination} to host {gateway}"),
                2 => write!(line, "redirect-tos {destination} to net {gateway}"),
                3 => write!(line, "redirect-tos {destination} to host {gateway}"),
                _ => write!(line, "redirect-#{code} {destination} to {gateway}"),
            };
        }
        IcmpMessageView::ParameterProblem(problem) => {
            let _ = match code {
                0 => write!(line, "parameter problem - octet {}", problem.pointer()),
                _ => write!(line, "parameter problem - code {code}"),
            };
        }
        IcmpMessageView::RouterAdvertisement(advert) => {
            router_advertisement(&advert, line)?;
        }
        IcmpMessageView::TimestampReply(stamp) => {
            let _ = write!(
                line,
                "time stamp reply id {} seq {}: org {}, recv {}, xmit {}",
                stamp.identifier(),
                stamp.sequence(),
                TimeOfDay(stamp.originate()),
                TimeOfDay(stamp.receive()),
                TimeOfDay(stamp.transmit())
            );
        }
        IcmpMessageView::MaskReply(mask) => {
            let _ = write!(line, "address mask is 0x{:08x}", mask.mask());
        }
        IcmpMessageView::Other(_) => icmp_name(kind, line),
    }
    let _ = write!(line, ", length {length}");
    Some(())
}

/// An ICMP type tcpdump prints by name alone, or `type-#N`.
fn icmp_name(kind: u8, line: &mut String) {
    let name = match kind {
        0 => "echo reply",
        4 => "source quench",
        8 => "echo request",
        10 => "router solicitation",
        13 => "time stamp request",
        14 => "time stamp reply",
        15 => "information request",
        16 => "information reply",
        17 => "address mask request",
        _ => "",
    };
    if name.is_empty() {
        let _ = write!(line, "type-#{kind}");
    } else {
        line.push_str(name);
    }
}

/// Milliseconds since midnight UTC, as tcpdump prints an ICMP time stamp: `hh:mm:ss.mmm`, the
/// hours going past 23 for values past a day.
struct TimeOfDay(u32);

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (millis, seconds) = (self.0 % 1000, self.0 / 1000);
        let (minutes, seconds) = (seconds / 60, seconds % 60);
        let (hours, minutes) = (minutes / 60, minutes % 60);
        write!(f, "{hours:02}:{minutes:02}:{seconds:02}.{millis:03}")
    }
}

/// tcpdump writes an ICMP message's text into a buffer of 164 bytes (`MAXHOSTNAMELEN + 100`):
/// what does not fit in 163 characters is dropped.
const ICMP_TEXT_MAX: usize = 163;

/// A router advertisement as tcpdump prints it: the lifetime as `s`, `m:ss` or `h:mm:ss`, the
/// number of addresses, then each address and preference, `None` when an entry the count
/// promises is not there.
fn router_advertisement(advert: &RouterAdvertisementView<'_>, line: &mut String) -> Option<()> {
    let start = line.len();
    let lifetime = advert.lifetime();
    let _ = match lifetime {
        0..=59 => write!(line, "router advertisement lifetime {lifetime}"),
        60..=3599 => write!(
            line,
            "router advertisement lifetime {}:{:02}",
            lifetime / 60,
            lifetime % 60
        ),
        _ => write!(
            line,
            "router advertisement lifetime {}:{:02}:{:02}",
            lifetime / 3600,
            lifetime % 3600 / 60,
            lifetime % 60
        ),
    };
    let count = usize::from(advert.address_count());
    let _ = write!(line, " {count}:");
    let size = advert.entry_size();
    if size != 2 {
        let _ = write!(line, " [size {size}]");
    } else {
        let entries = advert.entries();
        for index in 0..count {
            let entry = entries.get(index * 8..index * 8 + 8)?;
            let address = Address::V4(entry[..4].try_into().ok()?);
            let preference = u32::from_be_bytes([entry[4], entry[5], entry[6], entry[7]]);
            if line.len() - start < ICMP_TEXT_MAX {
                let _ = write!(line, " {{{address} {preference}}}");
            }
        }
    }
    line.truncate(start + (line.len() - start).min(ICMP_TEXT_MAX));
    Some(())
}

/// An ICMPv6 type's name, as tcpdump prints it; empty for a type it does not know.
fn icmp6_name(kind: u8) -> &'static str {
    match kind {
        1 => "destination unreachable",
        2 => "packet too big",
        3 => "time exceeded in-transit",
        4 => "parameter problem",
        128 => "echo request",
        129 => "echo reply",
        130 => "multicast listener query",
        131 => "multicast listener report",
        132 => "multicast listener done",
        133 => "router solicitation",
        134 => "router advertisement",
        135 => "neighbor solicitation",
        136 => "neighbor advertisement",
        137 => "redirect",
        138 => "router renumbering",
        141 => "inverse neighbor solicitation",
        142 => "inverse neighbor advertisement",
        143 => "multicast listener report v2",
        144 => "ha discovery request",
        145 => "ha discovery reply",
        146 => "mobile router solicitation",
        147 => "mobile router advertisement",
        139 => "who-are-you request",
        140 => "who-are-you reply",
        155 => "RPL",
        200 => "mtrace response",
        201 => "mtrace message",
        _ => "",
    }
}

/// A destination unreachable code's name, as tcpdump prints it; empty for one it does not
/// know.
fn unreachable6_name(code: u8) -> &'static str {
    match code {
        0 => "unreachable route",
        1 => " unreachable prohibited",
        2 => "beyond scope",
        3 => "unreachable address",
        4 => "unreachable port",
        _ => "",
    }
}

/// What tcpdump prints of an ICMPv6 message the capture cut: its type's name (and a
/// destination unreachable's code) if they are there, then ` [|icmp6]`.
fn icmp6_cut(bytes: &[u8], length: usize, line: &mut String) {
    // An extension header that ends the datagram, with ICMPv6 said to come next.
    if length == 0 {
        line.push_str("ICMP6, length 0 (invalid)");
        return;
    }
    let (Some(&kind), Some(&code)) = (bytes.first(), bytes.get(1)) else {
        // tcpdump reads the type and the code before anything else.
        if let Some(&kind) = bytes.first() {
            icmp6_type(kind, line);
        }
        line.push_str(" [|icmp6]");
        return;
    };
    icmp6_type(kind, line);
    match (kind, length) {
        // A multicast listener message tcpdump reads only if all 24 bytes are there, and
        // says nothing when they are not; a version 2 query goes on to its group address.
        (130, 24) | (131 | 132, _) => {
            let _ = write!(line, ", length {length}");
        }
        (130, 0..=27) => {
            let _ = write!(line, " unknown-version (len {length}) , length {length}");
        }
        (130, _) => line.push_str(" v2 [|icmp6]"),
        (1, _) => match unreachable6_name(code) {
            "" => {
                let _ = write!(line, ", unknown unreach code ({code})");
                hex_lines(bytes.iter().take(length), line);
            }
            name => {
                let _ = write!(line, ", {name} [|icmp6]");
            }
        },
        (139, _) => {
            let _ = write!(line, " node information query [|icmp6], length {length}");
        }
        // Router renumbering checks its own header, and reports a missing part itself.
        (138, _) => {
            let _ = write!(line, " [|icmp6], length {length}");
        }
        // Shorter than a version 2 report's header: tcpdump says so, and reads no further.
        (143, 0..=7) => {
            let _ = write!(line, " [invalid len {length}], length {length}");
        }
        (155, _) => {
            rpl(code, line);
            let _ = write!(line, ", length {length}");
        }
        (140, _) => {
            let _ = write!(line, " [|icmp6], length {length}");
        }
        // Types tcpdump prints by name alone without `-v`.
        (133 | 134 | 141 | 142 | 145 | 147, _) => {
            let _ = write!(line, ", length {length}");
        }
        (128..=147 | 2..=4, _) => line.push_str(" [|icmp6]"),
        _ => {
            let _ = write!(line, ", length {length}");
            hex_lines(bytes.iter().take(length), line);
        }
    }
}

/// A router renumbering message after its type's name, as tcpdump prints it without `-v`: the
/// code and the sequence number, then a command's match prefix and use prefixes as far as the
/// message holds them (` [|icmp6]` where one is missing or the match part's length is not
/// 3 + 4n).
fn renumbering(message: &RenumberingView<'_>, code: u8, line: &mut String) {
    let _ = match code {
        0 => write!(line, ", command"),
        1 => write!(line, ", result"),
        255 => write!(line, ", sequence number reset"),
        _ => write!(line, ", code-#{code}"),
    };
    let _ = write!(line, ", seq={}", message.sequence());
    if code != 0 {
        return;
    }
    let Ok((part, mut rest)) = MatchPrefix::view_prefix(message.parts()) else {
        line.push_str(" [|icmp6]");
        return;
    };
    let _ = match part.operation() {
        1 => write!(line, " match(add"),
        2 => write!(line, " match(change"),
        3 => write!(line, " match(setglobal"),
        other => write!(line, " match(#{other}"),
    };
    let _ = write!(
        line,
        ",{}/{})",
        Address::V6(part.prefix()),
        part.match_length()
    );
    let Some(uses) = part.length().checked_sub(3).filter(|n| n % 4 == 0) else {
        line.push_str(" [|icmp6]");
        return;
    };
    for _ in 0..uses / 4 {
        let Ok((part, next)) = UsePrefix::view_prefix(rest) else {
            line.push_str(" [|icmp6]");
            return;
        };
        rest = next;
        line.push_str(" use(");
        // tcpdump tests the flags' first byte against the flags' values as this (little-endian)
        // host stores them in network order: the same bits, V and P.
        let flags = part.flags().to_be_bytes()[0];
        if flags != 0 {
            let v = if flags & 0x80 != 0 { "V" } else { "" };
            let p = if flags & 0x40 != 0 { "P" } else { "" };
            let _ = write!(line, "{v}{p},");
        }
        let _ = write!(
            line,
            "{}/{}/{})",
            Address::V6(part.prefix()),
            part.use_length(),
            part.keep_length()
        );
    }
}

/// `ICMP6, ` and the type's name, or tcpdump's words for a type it does not know.
fn icmp6_type(kind: u8, line: &mut String) {
    let _ = match icmp6_name(kind) {
        "" => write!(line, "ICMP6, unknown icmp6 type ({kind})"),
        name => write!(line, "ICMP6, {name}"),
    };
}

/// What tcpdump prints of a TCP or UDP header the capture cut before its fixed part ends:
/// the addresses and ports as far as they go, then ` [|tcp]` or ` [|udp]`.
fn ports_then_cut(ip: &Ip<'_>, bytes: &[u8], protocol: &str, line: &mut String) {
    let (source, destination) = (ip.source, ip.destination);
    match bytes.get(..4) {
        Some(ports) => {
            let sport = u16::from_be_bytes([ports[0], ports[1]]);
            let dport = u16::from_be_bytes([ports[2], ports[3]]);
            let _ = if ip.direct {
                write!(line, "{source}.{sport} > {destination}.{dport}: ")
            } else {
                write!(line, "{sport} > {dport}: ")
            };
        }
        // tcpdump's TCP printer names the addresses here; its UDP printer only when UDP
        // follows the IP header directly, and with a space after the colon.
        None if protocol == "tcp" => {
            let _ = write!(line, "{source} > {destination}:");
        }
        None if ip.direct => {
            let _ = write!(line, "{source} > {destination}: ");
        }
        None => {}
    }
    let _ = write!(line, " [|{protocol}]");
}

/// The destination, protocol and destination port of the IPv6 datagram an ICMPv6 error
/// quotes, past its extension headers (tcpdump's `get_upperlayer`).
fn quoted_ipv6(original: &[u8]) -> Option<(Ipv6FixedView<'_>, u8, u16)> {
    let (ip, mut rest) = Ipv6Fixed::view_prefix(original).ok()?;
    let mut next = ip.next_header();
    loop {
        let header = match next {
            NEXT_HOP_BY_HOP | NEXT_ROUTING | NEXT_DESTINATION_OPTIONS => {
                (usize::from(*rest.get(1)?) + 1) * 8
            }
            NEXT_FRAGMENT => 8,
            // The authentication header counts 4-byte units, less 2.
            51 => (usize::from(*rest.get(1)?) + 2) * 4,
            PROTOCOL_TCP | PROTOCOL_UDP => {
                let port = rest.get(2..4)?;
                return Some((ip, next, u16::from_be_bytes([port[0], port[1]])));
            }
            _ => return None,
        };
        next = *rest.first()?;
        rest = rest.get(header..)?;
    }
}

/// An ICMPv6 message, `length` bytes long, as tcpdump prints it without `-v`; `None` when the
/// message is too short for what its type says.
fn icmp6_line(icmp: &Icmp6View<'_>, length: usize, line: &mut String) -> Option<()> {
    let (kind, code) = (icmp.kind(), icmp.code());
    icmp6_type(kind, line);
    match icmp.message() {
        Icmp6MessageView::Error(error) if kind == 1 => {
            let code_name = unreachable6_name(code);
            if code_name.is_empty() {
                let _ = write!(line, ", unknown unreach code ({code})");
            } else {
                let _ = write!(line, ", {code_name}");
            }
            let original = error.original();
            let _ = match code {
                0 | 1 | 3 => {
                    let (ip, _) = Ipv6Fixed::view_prefix(original).ok()?;
                    write!(line, " {}", Address::V6(ip.destination()))
                }
                2 => {
                    let (ip, _) = Ipv6Fixed::view_prefix(original).ok()?;
                    write!(
                        line,
                        " {}, source address {}",
                        Address::V6(ip.destination()),
                        Address::V6(ip.source())
                    )
                }
                4 => {
                    let (ip, protocol, port) = quoted_ipv6(original)?;
                    let destination = Address::V6(ip.destination());
                    match protocol {
                        PROTOCOL_TCP => write!(line, ", {destination} tcp port {port}"),
                        _ => write!(line, ", {destination} udp port {port}"),
                    }
                }
                // tcpdump dumps the message (as far as it was captured) in hex on lines
                // of their own here, and does not print the length.
                _ => {
                    let checksum = icmp.checksum().to_be_bytes();
                    let value = error.value().to_be_bytes();
                    let header = [kind, code, checksum[0], checksum[1]];
                    let message = header.iter().chain(&value).chain(original.iter());
                    hex_lines(message.take(length), line);
                    return Some(());
                }
            };
        }
        Icmp6MessageView::Error(error) => {
            let _ = match code {
                0 => {
                    let (ip, _) = Ipv6Fixed::view_prefix(error.original()).ok()?;
                    write!(line, " for {}", Address::V6(ip.destination()))
                }
                1 => write!(line, " (reassembly)"),
                _ => write!(line, ", unknown code ({code})"),
            };
        }
        Icmp6MessageView::Value(value) if kind == 2 => {
            let _ = write!(line, ", mtu {}", value.value());
        }
        // tcpdump checks that the quoted header's destination is there first.
        Icmp6MessageView::Value(value) => {
            value.original().get(..40)?;
            let pointer = value.value();
            let _ = match code {
                0 => write!(line, ", erroneous - octet {pointer}"),
                1 => write!(line, ", next header - octet {pointer}"),
                2 => write!(line, ", option - octet {pointer}"),
                3 => write!(line, ", incomplete header chain - octet {pointer}"),
                _ => write!(line, ", code-#{code}"),
            };
        }
        Icmp6MessageView::Echo(echo) => {
            let _ = write!(line, ", id {}, seq {}", echo.identifier(), echo.sequence());
        }
        Icmp6MessageView::Neighbor(neighbor) => {
            let target = Address::V6(neighbor.target());
            let _ = if kind == 135 {
                write!(line, ", who has {target}")
            } else {
                write!(line, ", tgt is {target}")
            };
        }
        Icmp6MessageView::Redirect(redirect) => {
            let _ = write!(
                line,
                ", {} to {}",
                Address::V6(redirect.destination()),
                Address::V6(redirect.target())
            );
        }
        Icmp6MessageView::Listener(listener) if kind == 130 && length != 24 => {
            if length < 28 {
                let _ = write!(line, " unknown-version (len {length}) ");
            } else {
                mld2_query(&listener, length, line);
                if line.ends_with(" [|icmp6]") {
                    return Some(());
                }
            }
        }
        Icmp6MessageView::Listener(listener) => {
            let _ = write!(
                line,
                "max resp delay: {} addr: {}",
                listener.max_response_delay(),
                Address::V6(listener.address())
            );
        }
        Icmp6MessageView::NodeInformation(info) => {
            if node_information(&info, kind, code, length, line).is_none() {
                return Some(());
            }
        }
        Icmp6MessageView::Renumbering(message) => renumbering(&message, code, line),
        Icmp6MessageView::Mobile(request) => {
            let _ = write!(line, ", id 0x{:04x}", request.identifier());
        }
        Icmp6MessageView::Other(_) if kind == 155 => rpl(code, line),
        Icmp6MessageView::ListenerReport2(report) => {
            let _ = write!(line, ", {} group record(s)", report.record_count());
        }
        // The types tcpdump's ICMPv6 printer has no case for: the length, then the message
        // (as far as it was captured) in hex on lines of their own.
        Icmp6MessageView::Other(body) if !matches!(kind, 128..=147 | 155) => {
            let _ = write!(line, ", length {length}");
            let checksum = icmp.checksum().to_be_bytes();
            let header = [kind, code, checksum[0], checksum[1]];
            let captured = header.iter().chain(body.iter());
            hex_lines(captured.take(length), line);
            return Some(());
        }
        Icmp6MessageView::Other(_) => {}
    }
    let _ = write!(line, ", length {length}");
    Some(())
}

/// A version 2 multicast listener query as tcpdump prints it without `-v`: ` v2 [gaddr
/// ADDRESS`, the number of sources if any, `]`; ` [|icmp6]` where the capture ends first.
fn mld2_query(query: &MldView<'_>, length: usize, line: &mut String) {
    let _ = write!(line, " v2 [gaddr {}", Address::V6(query.address()));
    let Some(count) = query.rest().get(2..4) else {
        line.push_str(" [|icmp6]");
        return;
    };
    let count = usize::from(u16::from_be_bytes([count[0], count[1]]));
    if count > 0 {
        if length < 28 + count * 16 {
            line.push_str(" [invalid number of sources]");
        } else {
            let _ = write!(line, ", {count} source(s)");
        }
    }
    line.push(']');
}

/// A node information query or reply as tcpdump prints it without `-v`, after the type's name
/// (`who-are-you request`, `who-are-you reply`); `None` when tcpdump stops at a byte the
/// capture does not hold (it then prints ` [|icmp6]` and no length).
fn node_information(
    info: &NodeInformationView<'_>,
    kind: u8,
    code: u8,
    length: usize,
    line: &mut String,
) -> Option<()> {
    // What tcpdump reads: the captured bytes of the message, from its ICMPv6 header.
    let rest = info.rest();
    let size = 8 + rest.len();
    let (query_type, flags) = (info.query_type(), info.flags());
    let address_flags = |line: &mut String, truncate: bool| {
        if flags != 0 {
            line.push_str(" [");
            for (bit, letter) in [
                (0x40, 'a'),
                (0x20, 'G'),
                (0x10, 'S'),
                (0x08, 'L'),
                (0x04, 'C'),
            ]
            .into_iter()
            .chain([(0x02, 'A')])
            .chain(truncate.then_some((0x01, 'T')))
            {
                if flags & bit != 0 {
                    line.push(letter);
                }
            }
            line.push(']');
        }
    };
    if kind == 139 {
        if size == 12 {
            line.push_str(" who-are-you request");
            return Some(());
        }
        line.push_str(" node information query");
        if size < 16 {
            line.push_str(" [|icmp6]");
            return Some(());
        }
        line.push_str(" (");
        match query_type {
            0 => line.push_str("noop"),
            1 => {
                line.push_str("supported qtypes");
                if flags != 0 {
                    line.push_str(if flags & 1 != 0 { " [C]" } else { " []" });
                }
            }
            2 => line.push_str("DNS name"),
            3 => {
                line.push_str("node addresses");
                address_flags(line, false);
            }
            _ => line.push_str("unknown"),
        }
        if query_type > 1 {
            let subject = &rest[8..];
            if size == 16 {
                line.push_str(", 03 draft");
            } else {
                match code {
                    0 if size == 32 => {
                        let _ = write!(
                            line,
                            ", subject={}",
                            Address::V6(subject.try_into().unwrap())
                        );
                    }
                    0 => {}
                    1 => {
                        line.push_str(", subject=DNS name");
                        dns_name(subject, line);
                    }
                    2 if size == 20 => {
                        let _ = write!(
                            line,
                            ", subject={}",
                            Address::V4(subject.try_into().unwrap())
                        );
                    }
                    2 => {}
                    _ => line.push_str(", unknown subject"),
                }
            }
        }
        line.push(')');
        return Some(());
    }
    if length > size || size < 16 {
        line.push_str(" [|icmp6]");
        return Some(());
    }
    line.push_str(" node information reply (");
    match code {
        0 => {}
        1 => line.push_str("refused"),
        2 => line.push_str("unknown"),
        _ => {}
    }
    if code != 0 {
        line.push(')');
        return Some(());
    }
    let data = &rest[8..];
    match query_type {
        0 => line.push_str("noop"),
        1 => {
            line.push_str("supported qtypes");
            if flags != 0 {
                line.push_str(if flags & 1 != 0 { " [C]" } else { " []" });
            }
        }
        2 => {
            line.push_str("DNS name");
            // The name follows a TTL of 4 bytes; tcpdump reads its first byte whatever.
            let Some(name) = data.get(4..).filter(|name| !name.is_empty()) else {
                line.push_str(" [|icmp6]");
                return None;
            };
            dns_name(name, line);
            if flags & 1 != 0 {
                let ttl = u32::from_be_bytes([data[0], data[1], data[2], data[3]]);
                let _ = write!(line, " [TTL={ttl}]");
            }
        }
        3 => {
            line.push_str("node addresses");
            for entry in data.chunks_exact(20) {
                let ttl = u32::from_be_bytes([entry[0], entry[1], entry[2], entry[3]]);
                let address = Address::V6(entry[4..].try_into().unwrap());
                let _ = write!(line, " {address}({ttl})");
            }
            address_flags(line, true);
        }
        _ => line.push_str("unknown"),
    }
    line.push(')');
    Some(())
}

/// An RPL message (RFC 6550) as tcpdump prints it without `-v`: secured or in the clear, and
/// the kind its code names.
fn rpl(code: u8, line: &mut String) {
    if code & 0x80 != 0 {
        line.push_str(", (SEC) [worktodo]");
        return;
    }
    line.push_str(", (CLR)");
    let _ = match code {
        0 => write!(line, "DODAG Information Solicitation"),
        1 => write!(line, "DODAG Information Object"),
        2 => write!(line, "Destination Advertisement Object"),
        3 => write!(line, "Destination Advertisement Object Ack"),
        _ => write!(line, "RPL message, unknown code {code}"),
    };
}

/// A DNS name (RFC 1035 labels, no compression) or a length-prefixed string (an old draft's
/// form, when its first byte counts the bytes after it), as tcpdump's node information
/// printer writes it: `, "NAME"`.
fn dns_name(bytes: &[u8], line: &mut String) {
    line.push_str(", \"");
    if bytes
        .first()
        .is_some_and(|&n| usize::from(n) + 1 == bytes.len())
    {
        bytes[1..].iter().for_each(|&c| tcpdump_char(c, line));
        line.push('"');
        return;
    }
    let mut at = 0;
    while at < bytes.len() {
        let label = usize::from(bytes[at]);
        at += 1;
        if label != 0 {
            if label > bytes.len() - at {
                line.push_str("???");
                break;
            }
            bytes[at..at + label]
                .iter()
                .for_each(|&c| tcpdump_char(c, line));
            at += label;
            if at + 1 < bytes.len() && bytes[at] != 0 {
                line.push('.');
            }
        } else {
            if at == bytes.len() {
                line.push('.');
            } else if !(at + 1 == bytes.len() && bytes[at] == 0) {
                line.push_str("???");
            }
            break;
        }
    }
    line.push('"');
}

/// A byte as tcpdump's `fn_print_char` prints it: `M-` before one past ASCII, `^` and the
/// letter for a control character.
fn tcpdump_char(byte: u8, line: &mut String) {
    let mut c = byte;
    if !c.is_ascii() {
        c &= 0x7f;
        line.push_str("M-");
    }
    if !(0x20..=0x7e).contains(&c) {
        c ^= 0x40;
        line.push('^');
    }
    line.push(char::from(c));
}

/// `bytes` in hex as tcpdump's `hex_print` writes them after a line: each 16 on a new line
/// that starts with a tab and the offset, in groups of two bytes.
fn hex_lines<'a>(bytes: impl Iterator<Item = &'a u8>, line: &mut String) {
    for (index, byte) in bytes.enumerate() {
        if index % 16 == 0 {
            let _ = write!(line, "\n\t0x{index:04x}: ");
        }
        if index % 2 == 0 {
            line.push(' ');
        }
        let _ = write!(line, "{byte:02x}");
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
