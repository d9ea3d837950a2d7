//! Tagged payloads: a field whose variant an earlier field chooses (`#[overlay(tag = "..")]`).
//!
//! - Ethernet frames (EtherType, an open enum, as the tag) carrying IPv4 (whose protocol byte
//!   chooses UDP or TCP, with no catch-all), ARP (a fixed record, shorter than the frame: the
//!   padding stays in `payload_bytes`) and anything else (the catch-all's bytes).
//! - A bit-field tag, a tag compared with constants and closed-enum variants, a payload as long
//!   as its variant followed by another field, a run-time byte order passed to the variant,
//!   a bool tag, `Tagged::view_prefix` for a tag read elsewhere, and streams of tagged records.
//! - Errors: an unknown tag names the record, the field, the offset and the tag; an error
//!   inside a variant names the variant's record at its absolute offset.
//! - The property tests: arbitrary bytes never panic, views agree with a hand-written reference
//!   decoder, and writing through the writable view then reading gives back the same values
//!   and the bytes a reference encoder writes.
//! - `zero_alloc`: viewing, matching and writing payloads allocates nothing.
//!
//! Serde of payload views: `tests/features/tests/serde.rs`.

#[macro_use]
mod support;

use overlay::{Endian, ErrorKind, Overlay, Tagged, VarBytes, VarOverlay};
use proptest::prelude::*;

/// EtherType (IEEE 802): an open enum, so every code reads.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum EtherType {
    Ipv4 = 0x0800,
    Arp = 0x0806,
    #[overlay(other)]
    Other(u16),
}

/// ARP for IPv4 over Ethernet (RFC 826): 28 bytes.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Arp {
    htype: u16,
    ptype: u16,
    hlen: u8,
    plen: u8,
    oper: u16,
    sha: [u8; 6],
    spa: [u8; 4],
    tha: [u8; 6],
    tpa: [u8; 4],
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Udp {
    src_port: u16,
    dst_port: u16,
    length: u16,
    checksum: u16,
    #[overlay(bytes = "length - 8")]
    data: VarBytes,
}

/// The first 20 bytes of a TCP header; options and data follow as one tail.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Tcp {
    src_port: u16,
    dst_port: u16,
    seq: u32,
    ack: u32,
    #[overlay(bits = 4)]
    data_offset: u8,
    #[overlay(bits = 12)]
    flags: u16,
    window: u16,
    checksum: u16,
    urgent: u16,
    #[overlay(rest)]
    rest: VarBytes,
}

/// No catch-all: a protocol other than UDP and TCP is an error.
#[derive(Overlay)]
pub enum IpPayload {
    #[overlay(tag = 17)]
    Udp(Udp),
    #[overlay(tag = 6)]
    Tcp(Tcp),
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Ipv4 {
    #[overlay(bits = 4)]
    version: u8,
    #[overlay(bits = 4)]
    ihl: u8,
    tos: u8,
    total_length: u16,
    id: u16,
    frag: u16,
    ttl: u8,
    protocol: u8,
    checksum: u16,
    src: [u8; 4],
    dst: [u8; 4],
    #[overlay(bytes = "ihl * 4 - 20")]
    options: VarBytes,
    #[overlay(tag = "protocol", bytes = "total_length - ihl * 4")]
    payload: IpPayload,
}

#[derive(Overlay)]
pub enum EtherPayload {
    #[overlay(tag = 0x0800)]
    Ipv4(Ipv4),
    #[overlay(tag = 0x0806)]
    Arp(Arp),
    #[overlay(other)]
    Unknown(VarBytes),
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Frame {
    dst: [u8; 6],
    src: [u8; 6],
    ether_type: EtherType,
    #[overlay(tag = "ether_type", rest)]
    payload: EtherPayload,
}

/// Hand-written reference: what a frame holds, decoded without `overlay`.
#[derive(Debug, PartialEq)]
enum Decoded<'a> {
    Ipv4 {
        ttl: u8,
        options: &'a [u8],
        payload: Transport<'a>,
    },
    Arp {
        oper: u16,
        tpa: [u8; 4],
        bytes: &'a [u8],
    },
    Unknown(&'a [u8]),
}

#[derive(Debug, PartialEq)]
enum Transport<'a> {
    Udp {
        dst_port: u16,
        data: &'a [u8],
    },
    Tcp {
        seq: u32,
        flags: u16,
        rest: &'a [u8],
    },
}

/// Why the reference decoder refused a frame, and where.
#[derive(Debug, PartialEq)]
enum Refused {
    /// A length or a record that does not fit, or a malformed header, at this offset.
    Malformed(usize),
    /// An IP protocol with no variant, at the payload's offset.
    UnknownProtocol(usize, u8),
}

fn be16(b: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([b[at], b[at + 1]])
}

fn reference(frame: &[u8]) -> Result<Decoded<'_>, Refused> {
    if frame.len() < 14 {
        return Err(Refused::Malformed(0));
    }
    let body = &frame[14..];
    match be16(frame, 12) {
        0x0800 => {
            if body.len() < 20 {
                return Err(Refused::Malformed(14));
            }
            let ihl = usize::from(body[0] & 0x0f);
            let total = usize::from(be16(body, 2));
            let Some(options_len) = (ihl * 4).checked_sub(20) else {
                return Err(Refused::Malformed(34));
            };
            if 20 + options_len > body.len() {
                return Err(Refused::Malformed(34));
            }
            let options = &body[20..20 + options_len];
            let start = 20 + options_len;
            let Some(payload_len) = total.checked_sub(ihl * 4) else {
                return Err(Refused::Malformed(14 + start));
            };
            if start + payload_len > body.len() {
                return Err(Refused::Malformed(14 + start));
            }
            let payload = &body[start..start + payload_len];
            let at = 14 + start;
            let transport = match body[9] {
                17 => {
                    if payload.len() < 8 {
                        return Err(Refused::Malformed(at));
                    }
                    let length = usize::from(be16(payload, 4));
                    match length.checked_sub(8) {
                        Some(n) if 8 + n <= payload.len() => Transport::Udp {
                            dst_port: be16(payload, 2),
                            data: &payload[8..8 + n],
                        },
                        _ => return Err(Refused::Malformed(at + 8)),
                    }
                }
                6 => {
                    if payload.len() < 20 {
                        return Err(Refused::Malformed(at));
                    }
                    Transport::Tcp {
                        seq: u32::from_be_bytes(payload[4..8].try_into().unwrap()),
                        flags: be16(payload, 12) & 0x0fff,
                        rest: &payload[20..],
                    }
                }
                other => return Err(Refused::UnknownProtocol(at, other)),
            };
            Ok(Decoded::Ipv4 {
                ttl: body[8],
                options,
                payload: transport,
            })
        }
        0x0806 => {
            if body.len() < 28 {
                return Err(Refused::Malformed(14));
            }
            Ok(Decoded::Arp {
                oper: be16(body, 6),
                tpa: body[24..28].try_into().unwrap(),
                bytes: body,
            })
        }
        _ => Ok(Decoded::Unknown(body)),
    }
}

/// What `overlay` reads from a frame, in the reference's terms.
fn decoded(frame: &[u8]) -> Result<Decoded<'_>, overlay::Error> {
    let view = Frame::view(frame)?;
    Ok(match view.payload() {
        EtherPayloadView::Ipv4(ip) => Decoded::Ipv4 {
            ttl: ip.ttl(),
            options: ip.options(),
            payload: match ip.payload() {
                IpPayloadView::Udp(udp) => Transport::Udp {
                    dst_port: udp.dst_port(),
                    data: udp.data(),
                },
                IpPayloadView::Tcp(tcp) => Transport::Tcp {
                    seq: tcp.seq(),
                    flags: tcp.flags(),
                    rest: tcp.rest(),
                },
            },
        },
        EtherPayloadView::Arp(arp) => Decoded::Arp {
            oper: arp.oper(),
            tpa: *arp.tpa(),
            bytes: view.payload_bytes(),
        },
        EtherPayloadView::Unknown(bytes) => Decoded::Unknown(bytes),
    })
}

/// An Ethernet header with EtherType `ether_type`.
fn ethernet(ether_type: u16) -> Vec<u8> {
    let mut frame = vec![0xff; 6];
    frame.extend_from_slice(&[2, 0, 0, 0, 0, 1]);
    frame.extend_from_slice(&ether_type.to_be_bytes());
    frame
}

/// An IPv4 packet carrying `payload` as protocol `protocol`, with `options`.
fn ipv4(protocol: u8, ttl: u8, options: &[u8], payload: &[u8]) -> Vec<u8> {
    let ihl = 5 + options.len() / 4;
    let total = (ihl * 4 + payload.len()) as u16;
    let mut packet = vec![0x40 | ihl as u8, 0];
    packet.extend_from_slice(&total.to_be_bytes());
    packet.extend_from_slice(&[0, 1, 0x40, 0, ttl, protocol, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
    packet.extend_from_slice(options);
    packet.extend_from_slice(payload);
    packet
}

fn udp(dst_port: u16, data: &[u8]) -> Vec<u8> {
    let mut datagram = vec![0x30, 0x39];
    datagram.extend_from_slice(&dst_port.to_be_bytes());
    datagram.extend_from_slice(&(8 + data.len() as u16).to_be_bytes());
    datagram.extend_from_slice(&[0, 0]);
    datagram.extend_from_slice(data);
    datagram
}

fn tcp(seq: u32, flags: u16, rest: &[u8]) -> Vec<u8> {
    let mut segment = vec![0x30, 0x39, 0, 80];
    segment.extend_from_slice(&seq.to_be_bytes());
    segment.extend_from_slice(&[0; 4]);
    segment.extend_from_slice(&(0x5000 | flags).to_be_bytes());
    segment.extend_from_slice(&[0xff, 0xff, 0, 0, 0, 0]);
    segment.extend_from_slice(rest);
    segment
}

fn arp(oper: u16, tpa: [u8; 4]) -> Vec<u8> {
    let mut packet = vec![0, 1, 8, 0, 6, 4];
    packet.extend_from_slice(&oper.to_be_bytes());
    packet.extend_from_slice(&[2, 0, 0, 0, 0, 1, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    packet.extend_from_slice(&tpa);
    packet
}

fn frame(ether_type: u16, body: &[u8]) -> Vec<u8> {
    let mut frame = ethernet(ether_type);
    frame.extend_from_slice(body);
    frame
}

mod dispatch {
    use super::*;

    #[test]
    fn ethertype_and_protocol_choose_the_variants() {
        let udp_frame = frame(0x0800, &ipv4(17, 64, &[], &udp(53, b"query")));
        let Ok(Decoded::Ipv4 { ttl, payload, .. }) = decoded(&udp_frame) else {
            panic!("{:?}", decoded(&udp_frame));
        };
        assert_eq!(ttl, 64);
        assert_eq!(
            payload,
            Transport::Udp {
                dst_port: 53,
                data: b"query"
            }
        );
        let tcp_frame = frame(0x0800, &ipv4(6, 1, &[1, 1, 1, 0], &tcp(7, 0x012, b"hi")));
        assert_eq!(
            decoded(&tcp_frame).unwrap(),
            Decoded::Ipv4 {
                ttl: 1,
                options: &[1, 1, 1, 0],
                payload: Transport::Tcp {
                    seq: 7,
                    flags: 0x012,
                    rest: b"hi"
                }
            }
        );
    }

    #[test]
    fn a_shorter_variant_leaves_the_rest_of_the_field_in_its_bytes() {
        // ARP is 28 bytes; Ethernet pads frames to 60.
        let mut body = arp(1, [10, 0, 0, 9]);
        body.resize(46, 0);
        let frame = frame(0x0806, &body);
        let view = Frame::view(&frame).unwrap();
        let EtherPayloadView::Arp(arp) = view.payload() else {
            panic!("{view:?}");
        };
        assert_eq!(arp.oper(), 1);
        assert_eq!(arp.as_bytes().len(), 28);
        assert_eq!(view.payload_bytes(), &frame[14..]);
        assert_eq!(view.size(), 60);
    }

    #[test]
    fn an_unknown_ethertype_keeps_its_bytes() {
        let frame = frame(0x88cc, b"lldp data");
        let view = Frame::view(&frame).unwrap();
        assert_eq!(view.ether_type(), EtherType::Other(0x88cc));
        assert!(matches!(
            view.payload(),
            EtherPayloadView::Unknown(b"lldp data")
        ));
        assert_eq!(
            format!("{:?}", view.payload()),
            format!("Unknown({:?})", b"lldp data")
        );
    }

    #[test]
    fn variants_lists_names_types_and_tags() {
        let variants = EtherPayload::VARIANTS;
        let listed: Vec<_> = variants
            .iter()
            .map(|v| (v.name, v.type_name, v.tags, v.other))
            .collect();
        assert_eq!(
            listed,
            [
                ("Ipv4", "Ipv4", &[0x0800i128][..], false),
                ("Arp", "Arp", &[0x0806][..], false),
                ("Unknown", "VarBytes", &[][..], true),
            ]
        );
    }

    #[test]
    fn view_prefix_takes_a_tag_read_elsewhere() {
        // A capture file's link type, say, chooses each packet's first layer.
        let packet = ipv4(17, 9, &[], &udp(1, b"x"));
        let mut bytes = packet.clone();
        bytes.extend_from_slice(b"next");
        let (view, rest) = EtherPayload::view_prefix(0x0800, &bytes).unwrap().unwrap();
        assert!(matches!(view, EtherPayloadView::Ipv4(ip) if ip.ttl() == 9));
        assert_eq!(rest, b"next");
        // The catch-all takes everything.
        let (view, rest) = EtherPayload::view_prefix(0x1234, &bytes).unwrap().unwrap();
        assert!(matches!(view, EtherPayloadView::Unknown(b) if b.len() == bytes.len()));
        assert!(rest.is_empty());
        // No catch-all: no view.
        assert!(IpPayload::view_prefix(1, &bytes).unwrap().is_none());
        // Variants with a run-time byte order read in the one given.
        let (view, rest) = RuntimeValue::view_prefix_with(4, &[0, 0, 0, 1, 9], Endian::Big)
            .unwrap()
            .unwrap();
        assert!(matches!(view, RuntimeValueView::Four(1)));
        assert_eq!(rest, &[9]);
    }

    #[test]
    fn frames_stream_back_to_back() {
        // UDP then ARP (unpadded) then unknown: `rest` makes each frame take the rest, so
        // stream a record whose payload is as long as its variant instead.
        let mut bytes = Vec::new();
        for (kind, body) in [(1u8, vec![0u8, 7]), (2, vec![1, 2, 3, 4]), (1, vec![0, 9])] {
            bytes.push(kind);
            bytes.extend_from_slice(&body);
        }
        let kinds: Vec<_> = Counted::stream(&bytes)
            .map(|m| match m.unwrap().body() {
                CountedBodyView::Short(v) => v as u32,
                CountedBodyView::Long(v) => v,
            })
            .collect();
        assert_eq!(kinds, [7, 0x01020304, 9]);
    }
}

/// A body as long as its variant, then more fields: the variant's size sets the extent.
#[derive(Overlay)]
pub enum CountedBody {
    #[overlay(tag = 1)]
    Short(u16),
    #[overlay(tag = 2)]
    Long(u32),
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Counted {
    kind: u8,
    #[overlay(tag = "kind")]
    body: CountedBody,
}

/// A bit-field tag (the high nibble), with the variant's extent from the next byte.
#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Tlv {
    #[overlay(bits = 4)]
    kind: u8,
    #[overlay(bits = 4)]
    flags: u8,
    len: u8,
    #[overlay(tag = "kind", bytes = "len")]
    value: TlvValue,
    #[overlay(rest)]
    after: VarBytes,
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Pair {
    a: u8,
    b: u8,
}

const PAIR: u8 = 2;

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Word = 1,
    Pair = 2,
    Flag = 3,
}

#[derive(Overlay)]
pub enum TlvValue {
    #[overlay(tag = Kind::Word)]
    Word(u16),
    #[overlay(tag = PAIR)]
    Pair(Pair),
    #[overlay(other)]
    Raw(VarBytes),
}

/// A closed enum as the tag.
#[derive(Overlay)]
pub struct Keyed {
    kind: Kind,
    #[overlay(tag = "kind", rest)]
    value: TlvValue,
}

/// A record whose byte order is chosen at run time: its variants read in it.
#[derive(Overlay)]
#[overlay(endian = "runtime", bit_order = "lsb")]
pub struct Runtime {
    kind: u16,
    #[overlay(tag = "kind", rest)]
    value: RuntimeValue,
}

#[derive(Overlay)]
pub enum RuntimeValue {
    #[overlay(tag = 4)]
    Four(u32),
    #[overlay(tag = 8)]
    Eight(u64),
}

/// A signed tag, with a negative tag value and no catch-all.
#[derive(Overlay)]
pub struct Signed {
    delta: i8,
    #[overlay(tag = "delta")]
    value: SignedValue,
}

#[derive(Overlay)]
pub enum SignedValue {
    #[overlay(tag = -2)]
    Down(u8),
    #[overlay(tag = 1)]
    Up(u8),
}

/// A bool tag.
#[derive(Overlay)]
pub struct Optional {
    present: bool,
    #[overlay(tag = "present")]
    value: Maybe,
}

#[derive(Overlay)]
pub enum Maybe {
    #[overlay(tag = 1)]
    Some(u32),
    #[overlay(tag = 0)]
    None(Empty),
}

#[derive(Overlay)]
pub struct Empty {}

mod tags {
    use super::*;

    #[test]
    fn a_bit_field_chooses_and_a_length_bounds_the_variant() {
        // kind 2 (Pair), flags 5, len 3: the pair takes 2 of the 3 bytes.
        let bytes = [0x25, 3, 7, 8, 9, 0xaa];
        let view = Tlv::view(&bytes).unwrap();
        assert_eq!((view.kind(), view.flags()), (2, 5));
        assert!(matches!(view.value(), TlvValueView::Pair(p) if (p.a(), p.b()) == (7, 8)));
        assert_eq!(view.value_bytes(), &[7, 8, 9]);
        assert_eq!(view.after(), &[0xaa]);
        // kind 1 (Word, by a closed enum's variant): big-endian like its record.
        let bytes = [0x10, 2, 0x12, 0x34];
        let view = Tlv::view(&bytes).unwrap();
        assert!(matches!(view.value(), TlvValueView::Word(0x1234)));
        // kind 9: the catch-all takes the whole length.
        let bytes = [0x90, 2, 1, 2, 3];
        let view = Tlv::view(&bytes).unwrap();
        assert!(matches!(view.value(), TlvValueView::Raw(&[1, 2])));
        assert_eq!(view.after(), &[3]);
    }

    #[test]
    fn a_variant_longer_than_the_length_is_an_error() {
        let bytes = [0x21, 1, 7, 8];
        let error = Tlv::view(&bytes).unwrap_err();
        assert_eq!(error.offset(), Some(2), "{error}");
        assert!(error.to_string().contains("Pair"), "{error}");
    }

    #[test]
    fn a_closed_enum_as_the_tag() {
        let view = Keyed::view(&[2, 4, 5]).unwrap();
        assert_eq!(view.kind(), Kind::Pair);
        assert!(matches!(view.value(), TlvValueView::Pair(p) if p.b() == 5));
        // Flag has no variant: the catch-all.
        let view = Keyed::view(&[3, 1]).unwrap();
        assert!(matches!(view.value(), TlvValueView::Raw(&[1])));
        // Not a Kind at all: the enum's own error, before any payload.
        assert!(matches!(
            Keyed::view(&[9, 1]).unwrap_err().kind(),
            ErrorKind::InvalidEnum { .. }
        ));
    }

    #[test]
    fn the_variant_reads_in_the_record_s_run_time_byte_order() {
        let little = [4, 0, 1, 0, 0, 0];
        let view = Runtime::view_with(&little, Endian::Little).unwrap();
        assert!(matches!(view.value(), RuntimeValueView::Four(1)));
        let big = [0, 8, 0, 0, 0, 0, 0, 0, 0, 2];
        let view = Runtime::view_with(&big, Endian::Big).unwrap();
        assert!(matches!(view.value(), RuntimeValueView::Eight(2)));
        let error = Runtime::view_with(&big, Endian::Little).unwrap_err();
        assert!(matches!(
            error.kind(),
            ErrorKind::UnknownTag { tag: 0x0800, .. }
        ));
    }

    #[test]
    fn a_bool_tag() {
        let view = Optional::view(&[1, 5, 0, 0, 0]).unwrap();
        assert!(matches!(view.value(), MaybeView::Some(5)));
        let view = Optional::view(&[0]).unwrap();
        assert!(matches!(view.value(), MaybeView::None(_)));
        assert_eq!(view.size(), 1);
    }
}

mod errors {
    use super::*;

    #[test]
    fn an_unknown_tag_names_the_record_field_offset_and_tag() {
        let frame = frame(0x0800, &ipv4(1, 64, &[0; 4], &[8, 0, 0, 0]));
        let error = Frame::view(&frame).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Ipv4.payload at offset 38: IpPayload has no variant for protocol = 1 (0x1)"
        );
        assert_eq!(
            error.kind(),
            ErrorKind::UnknownTag {
                record: "Ipv4",
                field: "payload",
                offset: 38,
                payload: "IpPayload",
                tag_field: "protocol",
                tag: 1,
            }
        );
        assert_eq!(error.offset(), Some(38));
    }

    #[test]
    fn an_error_inside_a_variant_is_at_its_absolute_offset() {
        // A UDP length past the packet: UDP's `data` at 14 + 20 + 8.
        let mut datagram = udp(53, b"abc");
        datagram[5] = 200;
        let bytes = frame(0x0800, &ipv4(17, 64, &[], &datagram));
        let error = Frame::view(&bytes).unwrap_err();
        assert_eq!(error.offset(), Some(42), "{error}");
        assert!(
            matches!(
                error.kind(),
                ErrorKind::VarLength {
                    record: "Udp",
                    field: "data",
                    ..
                }
            ),
            "{error}"
        );
        // A truncated ARP: its record, at the payload's offset.
        let bytes = frame(0x0806, &arp(1, [0; 4])[..20]);
        let error = Frame::view(&bytes).unwrap_err();
        assert_eq!(error.offset(), Some(14), "{error}");
        // The buffer is measured to the payload's end: here the frame's.
        assert_eq!(
            error.to_string(),
            "Arp: need 28 bytes at offset 14, buffer has 34"
        );
    }

    #[test]
    fn a_negative_tag_is_shown_as_a_number() {
        let error = Signed::view(&[0xff, 0]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Signed.value at offset 1: SignedValue has no variant for delta = -1"
        );
        assert!(matches!(
            error.kind(),
            ErrorKind::UnknownTag { tag: -1, .. }
        ));
        assert!(matches!(
            Signed::view(&[0xfe, 7]).unwrap().value(),
            SignedValueView::Down(7)
        ));
    }

    #[test]
    fn the_payload_length_is_checked_before_the_variant() {
        let mut packet = ipv4(17, 64, &[], &udp(53, b"abc"));
        packet[3] = 250;
        let frame = frame(0x0800, &packet);
        let error = Frame::view(&frame).unwrap_err();
        assert!(
            matches!(
                error.kind(),
                ErrorKind::VarLength {
                    record: "Ipv4",
                    field: "payload",
                    offset: 34,
                    ..
                }
            ),
            "{error}"
        );
    }
}

mod writing {
    use super::*;

    #[test]
    fn the_writable_view_writes_the_chosen_variant_in_place() {
        let mut bytes = frame(0x0800, &ipv4(6, 64, &[], &tcp(1, 0x002, b"")));
        let len = bytes.len();
        let mut view = Frame::view_mut(&mut bytes).unwrap();
        let EtherPayloadViewMut::Ipv4(ip) = view.payload_mut() else {
            panic!("not IPv4");
        };
        ip.set_ttl(3);
        let IpPayloadViewMut::Tcp(segment) = ip.payload_mut() else {
            panic!("not TCP");
        };
        segment.set_seq(0xdead_beef);
        segment.set_flags(0x018).unwrap();
        assert!(matches!(view.payload(), EtherPayloadViewMut::Ipv4(_)));
        assert_eq!(view.size(), len);
        assert_eq!(
            bytes,
            frame(0x0800, &ipv4(6, 3, &[], &tcp(0xdead_beef, 0x018, b"")))
        );
    }

    #[test]
    fn the_catch_all_is_writable_bytes() {
        let mut bytes = frame(0x1234, b"abcd");
        let mut view = Frame::view_mut(&mut bytes).unwrap();
        if let EtherPayloadViewMut::Unknown(body) = view.payload_mut() {
            body.copy_from_slice(b"wxyz");
        }
        assert_eq!(&bytes[14..], b"wxyz");
    }
}

/// A frame from proptest's choices: IPv4 over UDP or TCP (or an unknown protocol), ARP, or an
/// unknown EtherType, with the fields that the views read.
fn arb_frame() -> impl Strategy<Value = Vec<u8>> {
    let data = proptest::collection::vec(any::<u8>(), 0..24);
    let options = (0usize..3).prop_map(|n| vec![1u8; n * 4]);
    prop_oneof![
        (any::<u16>(), data.clone(), options.clone(), any::<u8>()).prop_map(
            |(port, data, options, ttl)| frame(0x0800, &ipv4(17, ttl, &options, &udp(port, &data)))
        ),
        (any::<u32>(), 0u16..0x1000, data.clone(), options).prop_map(
            |(seq, flags, rest, options)| frame(
                0x0800,
                &ipv4(6, 64, &options, &tcp(seq, flags, &rest))
            )
        ),
        (any::<u8>(), data.clone())
            .prop_map(|(protocol, data)| frame(0x0800, &ipv4(protocol, 1, &[], &data))),
        (any::<u16>(), any::<[u8; 4]>(), 0usize..20).prop_map(|(oper, tpa, pad)| {
            let mut body = arp(oper, tpa);
            body.resize(28 + pad, 0);
            frame(0x0806, &body)
        }),
        (any::<u16>(), data).prop_map(|(ether_type, data)| frame(ether_type, &data)),
    ]
}

/// A frame with some bytes changed or cut: lengths, tags and versions that do not agree.
fn arb_damaged_frame() -> impl Strategy<Value = Vec<u8>> {
    (
        arb_frame(),
        proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4),
        any::<usize>(),
    )
        .prop_map(|(mut frame, changes, cut)| {
            for (at, byte) in changes {
                let len = frame.len();
                frame[at % len] = byte;
            }
            let keep = frame.len() - cut % (frame.len() / 4 + 1);
            frame.truncate(keep);
            frame
        })
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..96)) {
        let _ = decoded(&bytes);
        let _ = Tlv::view(&bytes).map(|v| format!("{v:?}"));
        let _ = Keyed::view(&bytes).map(|v| format!("{v:?}"));
        let _ = Counted::stream(&bytes).count();
        let _ = Runtime::view_with(&bytes, Endian::Big);
        let mut copy = bytes.clone();
        let _ = Frame::view_mut(&mut copy).map(|v| format!("{v:?}"));
    }

    #[test]
    fn views_agree_with_the_reference(bytes in prop_oneof![arb_frame(), arb_damaged_frame()]) {
        match (decoded(&bytes), reference(&bytes)) {
            (Ok(found), Ok(expected)) => prop_assert_eq!(found, expected),
            (Err(error), Err(Refused::UnknownProtocol(offset, protocol))) => {
                prop_assert_eq!(
                    error.kind(),
                    ErrorKind::UnknownTag {
                        record: "Ipv4",
                        field: "payload",
                        offset,
                        payload: "IpPayload",
                        tag_field: "protocol",
                        tag: i128::from(protocol),
                    }
                );
            }
            (Err(error), Err(Refused::Malformed(_))) => {
                prop_assert!(!matches!(error.kind(), ErrorKind::UnknownTag { .. }), "{}", error);
            }
            (found, expected) => prop_assert!(false, "overlay {:?}, reference {:?}", found, expected),
        }
        // The writable view sees the same frame.
        let mut copy = bytes.clone();
        prop_assert_eq!(Frame::view_mut(&mut copy).is_ok(), decoded(&bytes).is_ok());
    }

    #[test]
    fn writing_then_reading_round_trips(
        frame_bytes in arb_frame(),
        ttl in any::<u8>(),
        port in any::<u16>(),
        seq in any::<u32>(),
        oper in any::<u16>(),
        fill in any::<u8>(),
    ) {
        let mut bytes = frame_bytes.clone();
        let Ok(mut view) = Frame::view_mut(&mut bytes) else {
            // An unknown IP protocol, or a UDP or TCP header that the packet cannot hold:
            // nothing to write.
            prop_assert!(reference(&frame_bytes).is_err());
            return Ok(());
        };
        // What a reference encoder writes for the same changes.
        let mut expected = frame_bytes.clone();
        match view.payload_mut() {
            EtherPayloadViewMut::Ipv4(ip) => {
                ip.set_ttl(ttl);
                expected[14 + 8] = ttl;
                let start = 14 + usize::from(ip.ihl()) * 4;
                match ip.payload_mut() {
                    IpPayloadViewMut::Udp(udp) => {
                        udp.set_dst_port(port);
                        expected[start + 2..start + 4].copy_from_slice(&port.to_be_bytes());
                    }
                    IpPayloadViewMut::Tcp(tcp) => {
                        tcp.set_seq(seq);
                        expected[start + 4..start + 8].copy_from_slice(&seq.to_be_bytes());
                    }
                }
            }
            EtherPayloadViewMut::Arp(arp) => {
                arp.set_oper(oper);
                expected[14 + 6..14 + 8].copy_from_slice(&oper.to_be_bytes());
            }
            EtherPayloadViewMut::Unknown(body) => {
                body.fill(fill);
                expected[14..].fill(fill);
            }
        }
        prop_assert_eq!(&bytes, &expected);
        let read = decoded(&bytes).unwrap();
        match read {
            Decoded::Ipv4 { ttl: found, payload, .. } => {
                prop_assert_eq!(found, ttl);
                match payload {
                    Transport::Udp { dst_port, .. } => prop_assert_eq!(dst_port, port),
                    Transport::Tcp { seq: found, .. } => prop_assert_eq!(found, seq),
                }
            }
            Decoded::Arp { oper: found, .. } => prop_assert_eq!(found, oper),
            Decoded::Unknown(body) => prop_assert!(body.iter().all(|b| *b == fill)),
        }
    }
}

mod zero_alloc {
    use super::support::counting::{assert_counter_works, assert_no_alloc};
    use super::*;

    #[test]
    fn viewing_matching_and_writing_payloads_allocates_nothing() {
        assert_counter_works();
        let frames = [
            frame(0x0800, &ipv4(17, 64, &[1, 1, 1, 1], &udp(53, b"abc"))),
            frame(0x0800, &ipv4(6, 64, &[], &tcp(1, 2, b"xy"))),
            frame(0x0806, &arp(2, [1, 2, 3, 4])),
            frame(0x9999, b"other"),
        ];
        let total = assert_no_alloc("viewing and matching payloads", || {
            let mut total = 0u64;
            for frame in &frames {
                let view = Frame::view(frame).unwrap();
                total += match view.payload() {
                    EtherPayloadView::Ipv4(ip) => match ip.payload() {
                        IpPayloadView::Udp(udp) => u64::from(udp.dst_port()),
                        IpPayloadView::Tcp(tcp) => u64::from(tcp.seq()),
                    },
                    EtherPayloadView::Arp(arp) => u64::from(arp.oper()),
                    EtherPayloadView::Unknown(bytes) => bytes.len() as u64,
                };
            }
            total
        });
        assert_eq!(total, 53 + 1 + 2 + 5);
        let mut bytes = frames[0].clone();
        assert_no_alloc("writing a payload", || {
            let mut view = Frame::view_mut(&mut bytes).unwrap();
            if let EtherPayloadViewMut::Ipv4(ip) = view.payload_mut() {
                ip.set_ttl(1);
            }
        });
        assert_eq!(bytes[22], 1);
        let unknown = frame(0x0800, &ipv4(2, 1, &[], b""));
        let error = assert_no_alloc("an unknown tag", || Frame::view(&unknown).unwrap_err());
        assert!(matches!(error.kind(), ErrorKind::UnknownTag { .. }));
    }
}

mod hexdump {
    use super::support::counting::{assert_no_alloc, StackText};
    use super::*;
    use std::fmt::Write as _;

    /// Every row's hex column shows the buffer's bytes at the row's offset.
    fn assert_rows_show_their_bytes(dump: &str, bytes: &[u8]) {
        let mut lines = dump.lines().skip(1);
        let header = lines.next().unwrap();
        let (hex, ascii) = (header.find("hex").unwrap(), header.find("ascii").unwrap());
        let mut rows = 0;
        for line in lines {
            let offset: usize = line.split_whitespace().next().unwrap().parse().unwrap();
            let cell = line.get(hex..ascii.min(line.len())).unwrap_or("").trim();
            if cell.is_empty() || cell.starts_with("bits") {
                continue;
            }
            let shown: Vec<u8> = cell
                .split(' ')
                .map(|h| u8::from_str_radix(h, 16).unwrap())
                .collect();
            assert_eq!(&bytes[offset..offset + shown.len()], &shown[..], "{line}");
            rows += 1;
        }
        assert!(rows > 3, "{dump}");
    }

    #[test]
    fn shows_the_chosen_variant_its_fields_and_the_bytes_after_it() {
        let mut body = arp(1, [10, 0, 0, 9]);
        body.resize(30, 0);
        let bytes = frame(0x0806, &body);
        let dump = Frame::view(&bytes).unwrap().hexdump().to_string();
        assert_rows_show_their_bytes(&dump, &bytes);
        let lines: Vec<&str> = dump.lines().collect();
        assert_eq!(lines[0], "Frame: 44 bytes (14 fixed)");
        assert_eq!(
            lines[5],
            "    14    30  payload                EtherPayload::Arp"
        );
        assert_eq!(
            lines[10],
            "    20     2    oper                 u16 be             00 01                    ..        1"
        );
        assert_eq!(
            lines[15],
            "    42     2    (after the variant)  bytes              00 00                    .."
        );
    }

    #[test]
    fn nests_a_variable_length_variant_inside_another() {
        let bytes = frame(0x0800, &ipv4(17, 64, &[1, 1, 1, 0], &udp(53, b"abc")));
        let dump = Frame::view(&bytes).unwrap().hexdump().to_string();
        assert_rows_show_their_bytes(&dump, &bytes);
        let lines: Vec<&str> = dump.lines().collect();
        assert_eq!(lines[5], "    14    35  payload         EtherPayload::Ipv4");
        assert_eq!(
            lines[18],
            "    34     4    options       bytes               01 01 01 00              ...."
        );
        assert_eq!(lines[19], "    38    11    payload       IpPayload::Udp");
        assert_eq!(
            lines[21],
            "    40     2      dst_port    u16 be              00 35                    .5        53"
        );
        assert_eq!(
            lines[24],
            "    46     3      data        bytes               61 62 63                 abc"
        );
    }

    #[test]
    fn shows_tables_varints_and_catch_alls() {
        let bytes = [0x95, 2, 1, 2, 0xaa];
        let dump = Tlv::view(&bytes).unwrap().hexdump().to_string();
        assert_rows_show_their_bytes(&dump, &bytes);
        assert!(
            dump.contains("     2     2  value    TlvValue::Raw\n     2     2    Raw    bytes"),
            "{dump}"
        );
        let bytes = frame(0x88cc, b"lldp");
        let dump = Frame::view(&bytes).unwrap().hexdump().to_string();
        assert!(
            dump.ends_with(
                "    14     4    Unknown   bytes                  6c 6c 64 70              lldp\n"
            ),
            "{dump}"
        );
    }

    #[test]
    fn allocates_nothing() {
        let bytes = frame(0x0800, &ipv4(6, 64, &[], &tcp(1, 2, b"xy")));
        let view = Frame::view(&bytes).unwrap();
        let mut out = StackText::new();
        assert_no_alloc("a hex dump of a payload", || {
            write!(out, "{}", view.hexdump()).unwrap()
        });
        assert!(out.text().contains("IpPayload::Tcp"));
    }
}
