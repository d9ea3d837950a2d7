//! `#[overlay(endian = "runtime")]`: the byte order is chosen when the view is made, for
//! formats that announce it in their data (pcap's magic, ELF's EI_DATA, TIFF's II/MM).

use overlay::{Endian, Overlay, Records};

#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum LinkType {
    Ethernet = 1,
    Raw = 101,
}

/// A nested run-time record: it inherits its parent's byte order.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime")]
pub struct Version {
    pub major: u16,
    pub minor: u16,
}

/// A nested record with a byte order of its own keeps it.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "big")]
pub struct Tag {
    pub id: u32,
}

/// The classic pcap global header, in whichever byte order the capture was written.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
#[overlay(endian = "runtime")]
pub struct PcapHeader {
    pub magic: u32,
    pub version: Version,
    pub thiszone: i32,
    pub sigfigs: u32,
    pub snaplen: u32,
    pub network: LinkType,
    #[overlay(pad)]
    pub _pad: [u8; 2],
    pub tag: Tag,
    #[overlay(endian = "little")]
    pub always_little: u16,
}

fn header(endian: Endian) -> Vec<u8> {
    let mut b = Vec::new();
    let push = |b: &mut Vec<u8>, le: &[u8], be: &[u8]| {
        b.extend_from_slice(if endian == Endian::Little { le } else { be })
    };
    push(
        &mut b,
        &0xa1b2_c3d4u32.to_le_bytes(),
        &0xa1b2_c3d4u32.to_be_bytes(),
    );
    push(&mut b, &2u16.to_le_bytes(), &2u16.to_be_bytes());
    push(&mut b, &4u16.to_le_bytes(), &4u16.to_be_bytes());
    push(&mut b, &(-3600i32).to_le_bytes(), &(-3600i32).to_be_bytes());
    push(&mut b, &0u32.to_le_bytes(), &0u32.to_be_bytes());
    push(&mut b, &65535u32.to_le_bytes(), &65535u32.to_be_bytes());
    push(&mut b, &101u16.to_le_bytes(), &101u16.to_be_bytes());
    b.extend_from_slice(&[0, 0]);
    b.extend_from_slice(&7u32.to_be_bytes());
    b.extend_from_slice(&0x0102u16.to_le_bytes());
    b
}

/// What a pcap reader does: look at the magic, then view in that order.
fn detect(bytes: &[u8]) -> Endian {
    if bytes[..4] == 0xa1b2_c3d4u32.to_le_bytes() {
        Endian::Little
    } else {
        Endian::Big
    }
}

#[test]
fn the_same_type_reads_both_byte_orders() {
    for endian in [Endian::Little, Endian::Big] {
        let bytes = header(endian);
        assert_eq!(bytes.len(), PcapHeader::SIZE);
        let view = PcapHeader::view_with(&bytes, detect(&bytes)).unwrap();
        assert_eq!(view.magic(), 0xa1b2_c3d4, "{endian:?}");
        assert_eq!(view.version().major(), 2, "nested run-time records inherit");
        assert_eq!(view.version().minor(), 4);
        assert_eq!(view.thiszone(), -3600);
        assert_eq!(view.snaplen(), 65535);
        assert_eq!(
            view.network(),
            LinkType::Raw,
            "enums read in the chosen order"
        );
        assert_eq!(view.tag().id(), 7, "fixed-order nested records keep theirs");
        assert_eq!(
            view.always_little(),
            0x0102,
            "fixed-order fields keep theirs"
        );
        let owned = PcapHeader::unpack_with(&bytes, endian).unwrap();
        assert_eq!(owned, view.unpack());
        assert_eq!(owned.to_bytes_with(endian).to_vec(), bytes);
        assert_eq!(format!("{view:?}"), format!("{owned:?}"));
    }
}

#[test]
fn enum_validation_uses_the_chosen_order() {
    let bytes = header(Endian::Big);
    // 101 big-endian read as little-endian is 0x6500, not a LinkType.
    let err = PcapHeader::view_with(&bytes, Endian::Little).unwrap_err();
    assert_eq!(
        err.to_string(),
        "PcapHeader.network at offset 20: 25856 is not a valid LinkType"
    );
}

#[test]
fn writes_go_in_the_views_order() {
    let mut bytes = header(Endian::Big);
    let mut view = PcapHeader::view_mut_with(&mut bytes, Endian::Big).unwrap();
    view.set_snaplen(1);
    view.version_mut().set_minor(5);
    view.set_network(LinkType::Ethernet);
    assert_eq!(view.as_view().snaplen(), 1);
    assert_eq!(&bytes[16..20], &1u32.to_be_bytes());
    assert_eq!(&bytes[6..8], &5u16.to_be_bytes());
    assert_eq!(&bytes[20..22], &1u16.to_be_bytes());
    let value = PcapHeader::unpack_with(&bytes, Endian::Big).unwrap();
    let mut little = vec![0u8; PcapHeader::SIZE];
    value
        .pack_into_with(&mut little, 0, Endian::Little)
        .unwrap();
    assert_eq!(&little[16..20], &1u32.to_le_bytes());
}

#[test]
fn record_tables_carry_the_order() {
    let mut bytes = header(Endian::Big);
    bytes.extend_from_slice(&header(Endian::Big));
    let records = PcapHeader::records_with(&bytes, Endian::Big).unwrap();
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|h| h.version().minor() == 4));
    let strided =
        Records::<Version>::with_stride_endian(&bytes[4..], 2, PcapHeader::SIZE, Endian::Big)
            .unwrap();
    assert_eq!(
        strided.iter().map(|v| v.major()).collect::<Vec<_>>(),
        [2, 2]
    );
    let mut table = PcapHeader::records_mut_with(&mut bytes, Endian::Big).unwrap();
    table.get_mut(1).unwrap().set_sigfigs(9);
    assert_eq!(
        &bytes[PcapHeader::SIZE + 12..PcapHeader::SIZE + 16],
        &9u32.to_be_bytes()
    );
}

#[test]
fn format_is_known_only_once_the_order_is() {
    assert_eq!(PcapHeader::FORMAT, None);
    assert_eq!(Version::FORMAT, None);

    #[derive(Overlay)]
    #[overlay(endian = "big")]
    struct Fixed {
        version: Version,
        n: u8,
    }
    assert_eq!(
        Fixed::FORMAT,
        Some(">HHB"),
        "a fixed parent gives its nested run-time record its order"
    );
    // Without a byte order, views read little-endian.
    let bytes = header(Endian::Little);
    assert_eq!(PcapHeader::view(&bytes).unwrap().snaplen(), 65535);
}
