//! Tagged payloads: smoke.

#[macro_use]
mod support;

use overlay::{ErrorKind, Overlay, Tagged, VarBytes, VarOverlay};

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
pub enum IpPayload {
    #[overlay(tag = 17)]
    Udp(Udp),
    #[overlay(other)]
    Other(VarBytes),
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

#[test]
fn smoke() {
    let mut frame = vec![0u8; 12];
    frame.extend_from_slice(&[0x08, 0x00]);
    let mut ip = vec![
        0x45,
        0,
        0,
        20 + 8 + 3,
        0,
        1,
        0,
        0,
        64,
        17,
        0,
        0,
        10,
        0,
        0,
        1,
        10,
        0,
        0,
        2,
    ];
    ip.extend_from_slice(&[0, 53, 0x12, 0x34, 0, 11, 0, 0, 1, 2, 3]);
    frame.extend_from_slice(&ip);
    frame.extend_from_slice(&[0; 4]);
    let view = Frame::view(&frame).unwrap();
    match view.payload() {
        EtherPayloadView::Ipv4(ip) => {
            assert_eq!(ip.ttl(), 64);
            match ip.payload() {
                IpPayloadView::Udp(udp) => {
                    assert_eq!(udp.dst_port(), 0x1234);
                    assert_eq!(udp.data(), &[1, 2, 3]);
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
    println!("{view:?}");
    frame[13] = 0x99;
    let error = Frame::view(&frame).unwrap_err();
    println!("{error}");
    assert!(matches!(
        error.kind(),
        ErrorKind::UnknownTag { tag: 0x0899, .. }
    ));
    frame[13] = 0x00;
    let mut view = Frame::view_mut(&mut frame).unwrap();
    if let EtherPayloadViewMut::Ipv4(ip) = view.payload_mut() {
        ip.set_ttl(7);
        if let IpPayloadViewMut::Udp(udp) = ip.payload_mut() {
            udp.set_dst_port(99);
        }
    }
    assert_eq!(frame[14 + 8], 7);
    assert_eq!(frame[14 + 20 + 3], 99);
    assert_eq!(EtherPayload::VARIANTS.len(), 2);
}
