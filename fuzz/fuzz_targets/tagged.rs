//! Tagged payloads (`#[overlay(tag = "..")]`): any bytes either view or fail with an error,
//! never a panic; a frame that views is read as a hand-written decoder reads it (EtherType ->
//! IPv4 or ARP or the catch-all, IP protocol -> UDP or TCP or an unknown-tag error, a bit-field
//! tag choosing a value bounded by a length); writing through the writable view changes exactly
//! the bytes written.
//!
//! Input: the whole input is one frame, and also one `Tlv` record.
#![no_main]

use libfuzzer_sys::fuzz_target;
use overlay::{ErrorKind, Overlay, VarBytes, VarOverlay};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum EtherType {
    Ipv4 = 0x0800,
    Arp = 0x0806,
    #[overlay(other)]
    Other(u16),
}

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Arp {
    htype: u16,
    ptype: u16,
    hlen: u8,
    plen: u8,
    oper: u16,
    addresses: [u8; 20],
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

#[derive(Overlay)]
#[overlay(endian = "big")]
pub struct Pair {
    a: u8,
    b: u8,
}

#[derive(Overlay)]
pub enum TlvValue {
    #[overlay(tag = 1)]
    Word(u16),
    #[overlay(tag = 2)]
    Pair(Pair),
    #[overlay(other)]
    Raw(VarBytes),
}

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

fn be16(b: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([b[at], b[at + 1]])
}

/// What a hand-written decoder finds: `(what, a value, where the value is)`, or `None` where
/// it refuses the frame (with the protocol, for an unknown IP protocol).
fn reference(frame: &[u8]) -> Result<(&'static str, u64, usize), Option<u8>> {
    if frame.len() < 14 {
        return Err(None);
    }
    let body = &frame[14..];
    match be16(frame, 12) {
        0x0800 => {
            if body.len() < 20 {
                return Err(None);
            }
            let ihl = usize::from(body[0] & 0x0f);
            let total = usize::from(be16(body, 2));
            let options = (ihl * 4).checked_sub(20).ok_or(None)?;
            let start = 20 + options;
            let len = total.checked_sub(ihl * 4).ok_or(None)?;
            if start > body.len() || start + len > body.len() {
                return Err(None);
            }
            let payload = &body[start..start + len];
            match body[9] {
                17 if payload.len() >= 8 => {
                    let data = usize::from(be16(payload, 4)).checked_sub(8).ok_or(None)?;
                    if 8 + data > payload.len() {
                        return Err(None);
                    }
                    Ok(("udp", u64::from(be16(payload, 2)), 14 + start + 2))
                }
                6 if payload.len() >= 20 => Ok((
                    "tcp",
                    u64::from(u32::from_be_bytes(payload[4..8].try_into().unwrap())),
                    14 + start + 4,
                )),
                17 | 6 => Err(None),
                other => Err(Some(other)),
            }
        }
        0x0806 if body.len() >= 28 => Ok(("arp", u64::from(be16(body, 6)), 20)),
        0x0806 => Err(None),
        _ => Ok(("unknown", body.len() as u64, 14)),
    }
}

fuzz_target!(|data: &[u8]| {
    let found = Frame::view(data).map(|view| match view.payload() {
        EtherPayloadView::Ipv4(ip) => match ip.payload() {
            IpPayloadView::Udp(udp) => ("udp", u64::from(udp.dst_port())),
            IpPayloadView::Tcp(tcp) => ("tcp", u64::from(tcp.seq())),
        },
        EtherPayloadView::Arp(arp) => ("arp", u64::from(arp.oper())),
        EtherPayloadView::Unknown(bytes) => ("unknown", bytes.len() as u64),
    });
    match (found, reference(data)) {
        (Ok(found), Ok((what, value, at))) => {
            assert_eq!(found, (what, value));
            // Write the value's first byte back inverted through the writable view: exactly
            // that byte changes (the catch-all: its first byte, if any).
            let mut copy = data.to_vec();
            let mut view = Frame::view_mut(&mut copy).unwrap();
            let flip = |b: u8| !b;
            match view.payload_mut() {
                EtherPayloadViewMut::Ipv4(ip) => match ip.payload_mut() {
                    IpPayloadViewMut::Udp(udp) => {
                        let port = udp.dst_port();
                        udp.set_dst_port(port ^ 0xff00);
                    }
                    IpPayloadViewMut::Tcp(tcp) => {
                        let seq = tcp.seq();
                        tcp.set_seq(seq ^ 0xff00_0000);
                    }
                },
                EtherPayloadViewMut::Arp(arp) => {
                    let oper = arp.oper();
                    arp.set_oper(oper ^ 0xff00);
                }
                EtherPayloadViewMut::Unknown(bytes) => {
                    if let Some(first) = bytes.first_mut() {
                        *first = flip(*first);
                    }
                }
            }
            let mut expected = data.to_vec();
            if let Some(byte) = expected.get_mut(at) {
                *byte = flip(*byte);
            }
            assert_eq!(copy, expected);
        }
        (Err(error), Err(Some(protocol))) => {
            assert!(
                matches!(error.kind(), ErrorKind::UnknownTag { tag, .. } if tag == i128::from(protocol)),
                "{error}"
            );
        }
        (Err(error), Err(None)) => {
            assert!(
                !matches!(error.kind(), ErrorKind::UnknownTag { .. }),
                "{error}"
            );
            let _ = error.to_string();
        }
        (found, expected) => panic!("overlay {found:?}, reference {expected:?}"),
    }

    // The bit-field tag: the value never reads past `len`.
    if let Ok(view) = Tlv::view(data) {
        let value = view.value_bytes();
        assert_eq!(value.len(), usize::from(data[1]));
        match view.value() {
            TlvValueView::Word(word) => {
                assert_eq!(view.kind(), 1);
                assert_eq!(word, be16(value, 0));
            }
            TlvValueView::Pair(pair) => {
                assert_eq!(view.kind(), 2);
                assert_eq!([pair.a(), pair.b()], value[..2]);
            }
            TlvValueView::Raw(raw) => {
                assert!(view.kind() > 2 || view.kind() == 0);
                assert_eq!(raw, value);
            }
        }
        assert_eq!(view.after(), &data[2 + value.len()..]);
    }
});
