//! Read and write binary records **in place**.
//!
//! Describe a record once, as an ordinary struct with `#[derive(Overlay)]`, then read and write
//! it directly inside any byte slice (a file, a memory map, a network buffer): no parse step,
//! no allocation, no copy. It is what Python's `struct.unpack_from` and `memoryview` give,
//! checked at compile time and as fast as hand-written byte code.
//!
//! ```
//! use overlay::Overlay;
//!
//! #[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
//! #[repr(u8)]
//! pub enum Kind { Data = 1, Ack = 2, Close = 7 }
//!
//! #[derive(Overlay, Debug, Clone, Copy, PartialEq)]
//! #[overlay(endian = "big")]
//! pub struct Point { pub x: i32, pub y: i32 }
//!
//! #[derive(Overlay, Debug, Clone, Copy, PartialEq)]
//! #[overlay(endian = "big")]            // "big" | "little" | "native" | "network"
//! pub struct Header {
//!     pub magic: [u8; 4],               // read as &[u8; 4], no copy
//!     pub version: u16,
//!     pub kind: Kind,                   // discriminant validated once, at view time
//!     pub urgent: bool,                 // only 0 or 1 accepted
//!     #[overlay(endian = "little")]     // per-field byte order
//!     pub len: u32,
//!     pub origin: Point,                // nested record, laid out inline
//!     pub samples: [i16; 4],            // each element in the field's byte order
//!     #[overlay(pad)]                   // reserved: no accessors, written as zeros
//!     pub _reserved: [u8; 3],
//!     pub ratio: f64,
//! }
//!
//! assert_eq!(Header::SIZE, 39);
//!
//! let mut buf = [0u8; 39];
//! buf[..4].copy_from_slice(b"OVLY");
//! buf[5] = 3;                           // version = 3, big-endian
//! buf[6] = 2;                           // kind = Ack
//! buf[8] = 0x10;                        // len = 16, little-endian
//!
//! // Read in place: the length and every enum/bool are checked once, here.
//! let header = Header::view(&buf)?;
//! assert_eq!(header.magic(), b"OVLY");
//! assert_eq!(header.version(), 3);
//! assert_eq!(header.kind(), Kind::Ack);
//! assert_eq!(header.len(), 16);
//! assert_eq!(header.origin().x(), 0);
//!
//! // Write in place.
//! let mut header = Header::view_mut(&mut buf)?;
//! header.set_version(4);
//! header.origin_mut().set_y(-2);
//! header.samples_mut().set(1, 7)?;
//! assert_eq!(&buf[4..6], &[0, 4]);
//! assert_eq!(&buf[16..20], &(-2i32).to_be_bytes());
//!
//! // Copy out, and back.
//! let owned = Header::unpack(&buf)?;
//! assert_eq!(owned.samples, [0, 7, 0, 0]);
//! assert_eq!(owned.to_bytes(), buf);
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Bad input is an error, never a panic
//!
//! ```
//! # use overlay::Overlay;
//! # #[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
//! # #[repr(u8)]
//! # pub enum Kind { Data = 1, Ack = 2, Close = 7 }
//! #[derive(Overlay)]
//! struct Message { id: u16, kind: Kind }
//!
//! let err = Message::view(&[1, 0]).unwrap_err();
//! assert_eq!(err.to_string(),
//!     "Message: expected exactly 3 bytes, buffer has 2 \
//!      (use view_prefix or view_at to read a record at the start of a longer buffer)");
//!
//! let err = Message::view_at(&[0xff, 1, 0, 9], 1).unwrap_err();
//! assert_eq!(err.to_string(), "Message.kind at offset 3: 9 is not a valid Kind");
//! ```
//!
//! # Tables of records
//!
//! [`Overlay::records`] views a buffer as consecutive records, like Python's
//! `struct.iter_unpack`; the iterator is double-ended and exact-size.
//!
//! ```
//! # use overlay::Overlay;
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct Sample { t: u32, value: i16 }
//!
//! let bytes = [0, 0, 0, 1, 0, 10, 0, 0, 0, 2, 0xff, 0xf6];
//! let samples = Sample::records(&bytes)?;
//! assert_eq!(samples.len(), 2);
//! let total: i32 = samples.iter().map(|s| i32::from(s.value())).sum();
//! assert_eq!(total, 0);
//! assert_eq!(samples.get(1).map(|s| s.t()), Some(2));
//!
//! let mut bytes = bytes;
//! for mut sample in Sample::records_mut(&mut bytes)? {
//!     sample.set_t(sample.t() * 10);
//! }
//! assert_eq!(bytes[3], 10);
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Python `struct` compatibility
//!
//! Every derived record whose layout one Python format can express has it as
//! [`Overlay::FORMAT`]; `struct.pack(FORMAT, ...)` produces the same bytes as
//! [`Overlay::pack_into`]. Nested records are flattened and pads are `x`:
//!
//! ```
//! # use overlay::Overlay;
//! #[derive(Overlay)]
//! #[overlay(endian = "network")]
//! struct Packet { tag: [u8; 2], seq: u32, flags: [bool; 3], #[overlay(pad)] _pad: [u8; 1], pos: [i16; 2] }
//! assert_eq!(Packet::FORMAT, Some(">2sI3?x2h"));
//!
//! #[derive(Overlay)]
//! struct Mixed { a: u16, #[overlay(endian = "big")] b: u16 }
//! assert_eq!(Mixed::FORMAT, None); // no single prefix says "little then big"
//! ```
//!
//! # Bit fields
//!
//! `#[overlay(bits = N)]` packs consecutive fields into the bits of a group of bytes, read as
//! one integer in the struct's byte order: most significant bits first in big-endian structs
//! (network headers), least significant first in little-endian ones (C compilers);
//! `#[overlay(bit_order = "msb" | "lsb")]` on the struct overrides it. Setters refuse values
//! that do not fit; enums and bools inside bit fields are validated like any other.
//!
//! ```
//! # use overlay::Overlay;
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct TcpWord {
//!     #[overlay(bits = 4)] data_offset: u8,
//!     #[overlay(bits = 3)] reserved: u8,
//!     #[overlay(bits = 9)] flags: u16,
//! }
//!
//! let mut bytes = [0x50, 0x12];
//! let word = TcpWord::view(&bytes)?;
//! assert_eq!((word.data_offset(), word.flags()), (5, 0x012));
//! let mut word = TcpWord::view_mut(&mut bytes)?;
//! word.set_flags(0x010)?;
//! assert_eq!(word.set_data_offset(16).unwrap_err().to_string(),
//!     "TcpWord.data_offset: 16 does not fit in 4 bits");
//! assert_eq!(bytes, [0x50, 0x10]);
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Open enums
//!
//! A fieldless enum rejects codes it does not name. Give it one last variant marked
//! `#[overlay(other)]`, holding its `repr` type, and every other code reads as that variant with
//! its raw value, which writing gives back:
//!
//! ```
//! use overlay::Overlay;
//!
//! #[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
//! #[repr(u8)]
//! pub enum IpProtocol {
//!     Icmp = 1,
//!     Tcp = 6,
//!     Udp = 17,
//!     #[overlay(other)]
//!     Other(u8),
//! }
//!
//! let codes = IpProtocol::records(&[6, 17, 132])?;
//! let all: Vec<IpProtocol> = codes.iter().collect();
//! assert_eq!(all, [IpProtocol::Tcp, IpProtocol::Udp, IpProtocol::Other(132)]);
//!
//! let mut byte = [0u8];
//! IpProtocol::Other(89).pack_into(&mut byte, 0)?;
//! assert_eq!(byte, [89]);
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Magic values
//!
//! A field that must hold a constant says so: `#[overlay(magic = b"...")]` on a byte array,
//! `#[overlay(magic = 0x...)]` on an integer (read in the field's byte order). Making a view
//! checks it once, with the other checks; a mismatch is an [`ErrorKind::BadMagic`] naming the
//! field, its offset, the constant and what was found. [`FieldInfo::magic`] lists the constant.
//!
//! ```
//! use overlay::Overlay;
//!
//! #[derive(Overlay)]
//! pub struct ElfIdent {
//!     #[overlay(magic = b"\x7fELF")]
//!     pub magic: [u8; 4],
//!     pub class: u8,
//!     pub data: u8,
//!     #[overlay(magic = 1)]
//!     pub version: u8,
//! }
//!
//! assert_eq!(ElfIdent::view(b"\x7fELF\x02\x01\x01")?.class(), 2);
//! let error = ElfIdent::view(b"\x7fELG\x02\x01\x01").unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     r#"ElfIdent.magic at offset 0: expected magic b"\x7fELF", byte 3 is 0x47, not 0x46"#
//! );
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Assertions
//!
//! A record can state rules over its fields, `#[overlay(assert = "..")]` as many times as it
//! has rules, checked once when a view is made, after the fields themselves. A rule compares
//! integer terms (`== != < <= > >=`), combines comparisons with `&& || !`, and computes with
//! integer literals, integer and bool fields (bit fields too), `+ - * / %`, `min(a, b)` and
//! `max(a, b)` in `i64`; arithmetic that overflows makes the rule fail. A rule that does not hold
//! is an [`ErrorKind::AssertFailed`] naming the first field the rule names, its offset and
//! value, and the rule; [`FieldInfo::asserts`] lists the rules on that field.
//!
//! ```
//! use overlay::Overlay;
//!
//! #[derive(Overlay)]
//! #[overlay(endian = "big", assert = "version == 4", assert = "ihl >= 5")]
//! pub struct Ipv4Start {
//!     #[overlay(bits = 4)]
//!     pub version: u8,
//!     #[overlay(bits = 4)]
//!     pub ihl: u8,
//!     pub tos: u8,
//!     pub total_length: u16,
//! }
//!
//! assert_eq!(Ipv4Start::view(&[0x45, 0, 0, 20])?.ihl(), 5);
//! let error = Ipv4Start::view(&[0x43, 0, 0, 20]).unwrap_err();
//! assert_eq!(error.to_string(), "Ipv4Start.ihl at offset 0: 3 fails the assertion `ihl >= 5`");
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Byte order chosen at run time
//!
//! Formats such as pcap, ELF and TIFF announce their byte order in the data. A struct declared
//! `#[overlay(endian = "runtime")]` takes it when viewed (`view_with`, `unpack_with`,
//! `pack_into_with`, `records_with`); nested run-time structs inherit it, while fields and
//! nested structs with a byte order of their own keep theirs.
//!
//! ```
//! use overlay::{Endian, Overlay};
//!
//! #[derive(Overlay)]
//! #[overlay(endian = "runtime")]
//! struct PcapHeader { magic: u32, major: u16, minor: u16, thiszone: i32, sigfigs: u32, snaplen: u32, network: u32 }
//!
//! let mut bytes = [0u8; 24];
//! bytes[..4].copy_from_slice(&0xa1b2_c3d4u32.to_be_bytes());
//! bytes[4..6].copy_from_slice(&2u16.to_be_bytes());
//! let endian = if bytes[0] == 0xa1 { Endian::Big } else { Endian::Little };
//! let header = PcapHeader::view_with(&bytes, endian)?;
//! assert_eq!((header.magic(), header.major()), (0xa1b2_c3d4, 2));
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Variable-length fields
//!
//! A record can end in fields whose length the data gives: [`VarBytes`] (read as `&[u8]`)
//! and [`VarRecords<T>`] (read as [`Records<T>`]), sized by `#[overlay(bytes = "expr")]` or
//! `#[overlay(count = "expr")]` over the fixed fields before them (integers, `+ - * / %`,
//! parentheses, `min(a, b)`, `max(a, b)` and `if_else(condition, a, b)` with conditions as in
//! assertions; checked `i64` arithmetic, so an overflow is an error naming the field), or
//! `#[overlay(rest)]` for the rest of the buffer. Such a struct implements
//! [`VarOverlay`]: its view reads the fixed fields through `Deref` (they form a generated
//! `<Name>Fixed` struct), checks every length once when it is made, and `view_prefix` returns
//! the bytes after the record, so a stream of messages can be walked. `view_mut` and
//! `view_prefix_mut` give writable views (fixed fields through `DerefMut`, tails as
//! `&mut [u8]` or [`RecordsMut`]).
//!
//! ```
//! use overlay::{Overlay, VarBytes, VarOverlay};
//!
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct Ipv4 {
//!     #[overlay(bits = 4)] version: u8,
//!     #[overlay(bits = 4)] ihl: u8,
//!     tos: u8,
//!     total_length: u16,
//!     id: u16,
//!     fragment: u16,
//!     ttl: u8,
//!     protocol: u8,
//!     checksum: u16,
//!     source: [u8; 4],
//!     destination: [u8; 4],
//!     #[overlay(bytes = "ihl * 4 - 20")] options: VarBytes,
//!     #[overlay(rest)] payload: VarBytes,
//! }
//!
//! let mut packet = vec![0x46, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];
//! packet.extend_from_slice(&[1, 1, 1, 0]); // 4 bytes of options: ihl = 6
//! packet.extend_from_slice(b"data");
//! let ip = Ipv4::view(&packet)?;
//! assert_eq!((ip.version(), ip.ihl(), ip.ttl()), (4, 6, 64));
//! assert_eq!((ip.options(), ip.payload()), (&[1, 1, 1, 0][..], &b"data"[..]));
//!
//! packet[0] = 0x44; // ihl = 4: shorter than the fixed header
//! assert_eq!(Ipv4::view(&packet).unwrap_err().to_string(),
//!     "Ipv4.options at offset 20: length `ihl * 4 - 20` is negative (-4)");
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! Records laid back to back (a capture, a log, a message stream) are iterated with
//! [`VarOverlay::stream`]: each item is the next record's view, and the first malformed record
//! ends the stream with its error, its offset counted from the start of the whole buffer.
//! (`records()`, which fixed-size types have, is deprecated on variable-length ones with a
//! note pointing here: they have no fixed size, so there is no table of them.)
//!
//! ```
//! use overlay::{Overlay, VarBytes, VarOverlay};
//!
//! #[derive(Overlay)]
//! struct Chunk { len: u8, #[overlay(bytes = "len")] data: VarBytes }
//!
//! let bytes = [2, b'h', b'i', 0, 9, b'x'];
//! let mut stream = Chunk::stream(&bytes);
//! assert_eq!(stream.next().unwrap()?.data(), b"hi");
//! assert_eq!(stream.next().unwrap()?.data(), b"");
//! let err = stream.next().unwrap().unwrap_err();
//! assert_eq!(err.to_string(),
//!     "Chunk.data at offset 5: length `len` is 9 bytes, but only 1 is left");
//! assert!(stream.next().is_none());
//! assert_eq!(stream.remainder(), &[9, b'x']);
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Tagged payloads
//!
//! Most protocols are tagged: an EtherType picks IPv4 or ARP, an IP protocol number picks TCP
//! or UDP. A *payload enum* declares that dispatch: each variant holds one record type (fixed
//! or variable-length) and names the tag values that select it (`#[overlay(tag = 17)]`, an
//! integer or the path of a constant or closed-enum variant, repeatable); an optional last
//! `#[overlay(other)]` variant holding [`VarBytes`] keeps the bytes of every other tag. A
//! record holds one as a field with `#[overlay(tag = "field")]`, naming the earlier field
//! (an integer, bool or derived enum, bit fields too, in any byte order) whose value chooses.
//! Its extent is a length (`bytes = "..."`), the rest of the buffer (`rest`), or without
//! either the chosen variant's own size.
//!
//! The variant is chosen and validated once, when the record's view is made; the getter
//! returns an enum of views (`EtherPayloadView::Arp(ArpView)`) to match exhaustively, and
//! `<field>_bytes()` returns the whole extent (with, say, Ethernet padding after a 28-byte ARP
//! packet). A writable view's `<field>_mut()` gives the variant's writable view. A tag that no
//! variant names is [`ErrorKind::UnknownTag`] without a catch-all; an error inside the chosen
//! variant names the variant's record and field at its absolute offset. [`Tagged::view_prefix`]
//! views a payload whose tag comes from elsewhere (a capture file's link type), and
//! [`Tagged::VARIANTS`] lists the variants and their tags. A variable-length record's view
//! prints a hex dump with `hexdump()` ([`VarHexDump`]): the chosen variant is named in the
//! payload's row (`IpPayload::Udp`), its fields nested under it.
//!
//! ```
//! use overlay::{ErrorKind, Overlay, VarBytes, VarOverlay};
//!
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct Udp {
//!     source: u16,
//!     destination: u16,
//!     length: u16,
//!     checksum: u16,
//!     #[overlay(bytes = "length - 8")] data: VarBytes,
//! }
//!
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct Icmp { kind: u8, code: u8, checksum: u16, rest: [u8; 4] }
//!
//! #[derive(Overlay)]
//! enum IpPayload {
//!     #[overlay(tag = 17)] Udp(Udp),
//!     #[overlay(tag = 1)] Icmp(Icmp),
//!     #[overlay(other)] Other(VarBytes),
//! }
//!
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct Ipv4 {
//!     #[overlay(bits = 4)] version: u8,
//!     #[overlay(bits = 4)] ihl: u8,
//!     tos: u8,
//!     total_length: u16,
//!     id: u16,
//!     fragment: u16,
//!     ttl: u8,
//!     protocol: u8,
//!     checksum: u16,
//!     source: [u8; 4],
//!     destination: [u8; 4],
//!     #[overlay(bytes = "ihl * 4 - 20")] options: VarBytes,
//!     #[overlay(tag = "protocol", bytes = "total_length - ihl * 4")] payload: IpPayload,
//! }
//!
//! let mut packet = vec![0x45, 0, 0, 31, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];
//! packet.extend_from_slice(&[0x30, 0x39, 0, 53, 0, 11, 0, 0, b'a', b'b', b'c']);
//! let ip = Ipv4::view(&packet)?;
//! match ip.payload() {
//!     IpPayloadView::Udp(udp) => assert_eq!((udp.destination(), udp.data()), (53, &b"abc"[..])),
//!     IpPayloadView::Icmp(icmp) => panic!("ICMP type {}", icmp.kind()),
//!     IpPayloadView::Other(bytes) => panic!("{} bytes of protocol {}", bytes.len(), ip.protocol()),
//! }
//!
//! let mut ip = Ipv4::view_mut(&mut packet)?;
//! if let IpPayloadViewMut::Udp(udp) = ip.payload_mut() {
//!     udp.set_destination(5353);
//! }
//! assert_eq!(&packet[22..24], &5353u16.to_be_bytes());
//!
//! packet[9] = 47; // GRE: no variant, so the catch-all keeps the bytes
//! assert!(matches!(Ipv4::view(&packet)?.payload(), IpPayloadView::Other(b) if b.len() == 11));
//! assert!(Ipv4::view(&packet)?.hexdump().to_string().contains("IpPayload::Other"));
//! packet[25] = 0; // UDP length 0, shorter than its own header
//! packet[9] = 17;
//! assert_eq!(Ipv4::view(&packet).unwrap_err().to_string(),
//!     "Udp.data at offset 28: length `length - 8` is negative (-8)");
//! # let _ = ErrorKind::UnknownTag { record: "", field: "", offset: 0, payload: "", tag_field: "", tag: 0 };
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! The chosen variant's view is kept inside the record's view, so a payload enum cannot hold
//! itself, directly or through its variants (two stacked VLAN tags need two enums).
//!
//! # Self-delimiting integers
//!
//! [`Uleb128`], [`Sleb128`] (WebAssembly, DWARF, protobuf) and [`SqliteVarint`] are field
//! types of variable-length records: each measures itself, its view reads it as `u64` or `i64`
//! (decoded once, when the view is made), and later lengths and conditions can use it. A
//! truncated encoding, a LEB128 longer than 10 bytes and a value past 64 bits are
//! [`ErrorKind::BadVarint`] errors naming the field and offset; padded LEB128 (`0x80 0x00`),
//! which WebAssembly allows, reads. A writable view's setter writes the value in the bytes the
//! integer has (padded if it needs fewer) and refuses one that needs more
//! ([`ErrorKind::VarintWidth`]): it would move the fields after it.
//!
//! ```
//! use overlay::{ErrorKind, Overlay, Uleb128, VarBytes, VarOverlay};
//!
//! /// A WebAssembly section: an id, the size of its contents, the contents.
//! #[derive(Overlay)]
//! struct Section {
//!     id: u8,
//!     len: Uleb128,
//!     #[overlay(bytes = "len")] contents: VarBytes,
//! }
//!
//! let mut bytes = vec![7, 0x83, 0x00, b'a', b'b', b'c']; // 3, padded to two bytes
//! let section = Section::view(&bytes)?;
//! assert_eq!((section.id(), section.len(), section.contents()), (7, 3, &b"abc"[..]));
//!
//! let mut section = Section::view_mut(&mut bytes)?;
//! section.set_len(2)?; // two bytes of room: 0x82 0x00
//! assert!(matches!(section.set_len(1 << 14).unwrap_err().kind(),
//!     ErrorKind::VarintWidth { needed: 3, width: 2, .. }));
//! assert_eq!(bytes[1..3], [0x82, 0x00]);
//!
//! assert_eq!(Section::view(&[7, 0x83]).unwrap_err().to_string(),
//!     "Section.len at offset 1: cannot read the unsigned LEB128: the buffer ends before its last byte");
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Parameters
//!
//! Some lengths depend on a value that is not in the record: how much of a SQLite cell's
//! payload sits on the page depends on the database's usable page size. Declare it with
//! `#[overlay(param = "usable")]` (any number); lengths and their conditions use it like a
//! field, and the record is viewed with `view_in(bytes, <Name>Params { usable })` (also
//! `view_prefix_in`, `view_mut_in`, `view_prefix_mut_in`). Such a record has no
//! [`VarOverlay`] entry points, which could not be given the values: it is not streamed or used
//! as a payload variant.
//!
//! ```
//! use overlay::{Overlay, SqliteVarint, VarBytes};
//!
//! /// A table b-tree leaf cell (SQLite's file format, section 1.6): with U the usable size and
//! /// P the payload size, all of P is on the page if P <= U - 35; otherwise K = M + (P - M) %
//! /// (U - 4) bytes if K <= U - 35, else M = (U - 12) * 32 / 255 - 23; then the first
//! /// overflow page's number.
//! #[derive(Overlay)]
//! #[overlay(param = "usable")]
//! struct TableLeafCell {
//!     payload_size: SqliteVarint,
//!     rowid: SqliteVarint,
//!     #[overlay(bytes = "if_else(payload_size <= usable - 35, payload_size, \
//!         if_else((usable - 12) * 32 / 255 - 23 + (payload_size - ((usable - 12) * 32 / 255 - 23)) \
//!         % (usable - 4) <= usable - 35, (usable - 12) * 32 / 255 - 23 + (payload_size - \
//!         ((usable - 12) * 32 / 255 - 23)) % (usable - 4), (usable - 12) * 32 / 255 - 23))")]
//!     local: VarBytes,
//!     #[overlay(bytes = "if_else(payload_size <= usable - 35, 0, 4)")]
//!     first_overflow: VarBytes,
//! }
//!
//! // 600 bytes of payload in a 512-byte page: M = 39, K = 39 + 561 % 508 = 92 <= 477.
//! let mut cell = vec![0x84, 0x58, 0x01]; // varints 600 and 1
//! cell.extend(std::iter::repeat(0xab).take(92));
//! cell.extend_from_slice(&3u32.to_be_bytes());
//! let view = TableLeafCell::view_in(&cell, TableLeafCellParams { usable: 512 })?;
//! assert_eq!((view.payload_size(), view.rowid(), view.local().len()), (600, 1, 92));
//! assert_eq!(view.first_overflow(), &[0, 0, 0, 3]);
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Tables with a stride
//!
//! [`Records::with_stride`] views `count` records whose starts are `stride` bytes apart, for
//! tables whose entry size comes from a header (ELF's `e_shentsize`).
//!
//! ```
//! # use overlay::{Overlay, Records};
//! #[derive(Overlay)]
//! struct Entry { id: u16 }
//!
//! let bytes = [1, 0, 0xff, 0xff, 2, 0, 0xff, 0xff, 3, 0];
//! let entries = Records::<Entry>::with_stride(&bytes, 3, 4)?;
//! assert_eq!(entries.iter().map(|e| e.id()).collect::<Vec<_>>(), [1, 2, 3]);
//! assert!(Records::<Entry>::with_stride(&bytes, 3, 1).is_err()); // stride < record
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Slicing tables, and two-dimensional grids
//!
//! Like a `memoryview`, a table slices, steps, reverses and splits in O(1) without copying,
//! and [`Grid`] / [`GridMut`] view a buffer as rows and columns with signed byte strides: an
//! image stored bottom-up, a region of interest, a column-major NumPy array. Shape, strides and
//! origin are checked once; then every accessor is infallible.
//!
//! ```
//! use overlay::{GridMut, Overlay};
//!
//! #[derive(Overlay, Debug, Clone, Copy, PartialEq)]
//! struct Bgr { b: u8, g: u8, r: u8 }
//!
//! let mut ids: Vec<u8> = (0..10).collect();
//! let table = u8::records(&ids)?;
//! assert_eq!(table.slice(2..9)?.step_by(3)?.rev().iter().collect::<Vec<_>>(), [8, 5, 2]);
//! let (low, high) = table.split_at(4)?;
//! assert_eq!((low.len(), high.len()), (4, 6));
//! for mut chunk in u8::records_mut(&mut ids)?.chunks_mut(3)? {
//!     if let Some(mut first) = chunk.get_mut(0) { first.set(0xff); }
//! }
//! assert_eq!(ids, [0xff, 1, 2, 0xff, 4, 5, 0xff, 7, 8, 0xff]);
//!
//! // A 4x3 BGR image stored bottom-up with rows padded to 12 bytes, as in a BMP file:
//! // row 0 of the grid (the top of the picture) is the last row in the buffer.
//! let mut pixels = vec![0u8; 4 * 12];
//! let mut image = GridMut::<Bgr>::with_strides(&mut pixels, 3 * 12, [4, 3], [-12, 3])?;
//! let mut roi = image.slice_mut(0..2, 1..3)?;          // top two rows, right two columns
//! roi.fill(&Bgr { b: 0, g: 200, r: 0 })?;
//! let image = image.as_grid();
//! assert_eq!(image.get(0, 2).map(|p| p.g()), Some(200));
//! assert_eq!(image.column(2).unwrap().iter().map(|p| p.g()).collect::<Vec<_>>(), [200, 200, 0, 0]);
//! assert_eq!(&pixels[3 * 12 + 3..3 * 12 + 9], &[0, 200, 0, 0, 200, 0]); // last stored row
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # serde
//!
//! With the `serde` feature, views, record tables and array views implement
//! `serde::Serialize` straight from the bytes: records as structs (pads left out), nested
//! records as nested structs, byte arrays as bytes, enums as unit variants. An owned struct
//! serializes the same way with `#[overlay(serialize)]` on it (opt-in, so that it does not
//! collide with a `#[derive(serde::Serialize)]` of your own).
//!
//! Byte arrays (`[u8; N]` fields) and byte tails (`VarBytes`) go through `serialize_bytes`, as
//! `serde_bytes` does, so binary serializers (bincode, postcard, CBOR, MessagePack) write them
//! as bytes; serde_json, which has no byte strings, writes them as arrays of numbers. A grid
//! serializes as a list of rows. For this record (checked verbatim by
//! `tests/features/tests/serde.rs`):
//!
//! ```text
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct Packet { tag: [u8; 4], kind: Kind, urgent: bool, #[overlay(pad)] _pad: [u8; 2], len: u16 }
//! ```
//!
//! `serde_json::to_string(&Packet::view(&bytes)?)` gives
//!
//! ```text
//! {"tag":[79,86,76,89],"kind":"Ack","urgent":true,"len":513}
//! ```
//!
//! # Formats known only at run time
//!
//! [`Struct`] compiles a Python `struct` format string once and then packs and unpacks with the
//! same bytes, values and error messages as CPython's `struct` module; [`Value`]s print like
//! Python's `repr`. [`Struct::fields`] reads one record's values without allocating.
//!
//! ```
//! use overlay::{Struct, Value};
//!
//! let pair = Struct::new(">hd")?;
//! let bytes = pair.pack(&[Value::Int(-2), Value::Float(0.5)])?;
//! assert_eq!(bytes, [0xff, 0xfe, 0x3f, 0xe0, 0, 0, 0, 0, 0, 0]);
//! assert_eq!(format!("{:?}", pair.unpack(&bytes)?), "[-2, 0.5]");
//!
//! let err = pair.pack(&[Value::Int(40_000), Value::Float(0.0)]).unwrap_err();
//! assert_eq!(err.to_string(), "'h' format requires -32768 <= number <= 32767");
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! # Scaling out
//!
//! With the feature `rayon`, record tables, grids and variable-length streams are rayon
//! parallel iterators: `records.par_iter()` yields views, `records_mut.par_iter_mut()` writable
//! views, `grid.par_rows()` and `grid_mut.par_rows_mut()` rows, and `par_chunks(n)` /
//! `par_chunks_mut(n)` sub-tables. A table is cut in O(1) at any record, whatever its stride, so
//! every thread gets an even share and nothing is allocated per record. A variable-length
//! stream cannot be cut without knowing where its records start:
//! `VarStream::par_records` walks it once, keeping the start of every K-th record (a bounded
//! number of them), and hands out runs of records to the threads.
//!
//! ```
//! # #[cfg(feature = "rayon")] {
//! use overlay::rayon::prelude::*;
//! use overlay::{Overlay, Records};
//!
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct Tick { time: u64, price: f64, size: u32, _pad: [u8; 4] }
//!
//! let bytes: Vec<u8> = (0..1000u32)
//!     .flat_map(|i| {
//!         let mut record = [0u8; 24];
//!         record[16..20].copy_from_slice(&i.to_be_bytes());
//!         record
//!     })
//!     .collect();
//! let ticks = Records::<Tick>::new(&bytes)?;
//! let volume: u64 = ticks.par_iter().map(|tick| u64::from(tick.size())).sum();
//! assert_eq!(volume, (0..1000).sum::<u64>());
//! # }
//! # Ok::<(), overlay::Error>(())
//! ```
//!
//! Past one machine, the package `overlay-arrow` (a separate package, so that this one never
//! builds Arrow) turns a `Records<T>` of any derived record, or a table of a run-time
//! [`Struct`] format, into Arrow `RecordBatch`es (schema from [`Overlay::FIELDS`]: nested
//! records as struct columns, arrays as fixed-size lists, enums as their integers, bit fields
//! as their values, every value in its byte order), in parallel, and writes Parquet and Arrow
//! IPC files batch by batch in bounded memory. `overlay convert FORMAT FILE --to
//! parquet|arrow|jsonl --output OUT` does the same from the command line. The README's
//! "Scaling out" section has the figures and a DuckDB query of the output.
//!
//! # Layout as data
//!
//! [`Overlay::FIELDS`] lists every field's name, offset, size, type, byte order and how its
//! bytes read as a value ([`ValueType`]), and [`hexdump`] prints a buffer field by field: the
//! bytes in hex and as ASCII, and the value they hold.
//!
//! ```
//! # use overlay::Overlay;
//! #[derive(Overlay)]
//! #[overlay(endian = "big")]
//! struct Pair { tag: u16, value: u32 }
//!
//! assert_eq!(Pair::FIELDS[1].name, "value");
//! assert_eq!(Pair::FIELDS[1].offset, 2);
//! assert_eq!(Pair::FIELDS[1].endian, Some(overlay::Endian::Big));
//!
//! assert_eq!(overlay::hexdump::<Pair>(&[0, 7, 0, 0, 1, 0]).to_string(), "\
//! Pair: 6 bytes, buffer has 6
//! offset  size  field  type    hex                      ascii     value
//!      0     2  tag    u16 be  00 07                    ..        7
//!      2     4  value  u32 be  00 00 01 00              ....      256
//! ");
//! ```
//!
//! Nested records are indented under their field, arrays wrap onto continuation lines (8 bytes a
//! line) and bit fields show their bits; `tests/snapshots/hexdump_record.txt` is a full example.
//! [`Struct::hexdump_from`] prints a run-time Python format the same way, and so does the
//! `overlay dump FORMAT FILE` command.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// The `ndarray` crate, as `Grid::as_ndarray` uses it (feature `ndarray`).
#[cfg(feature = "ndarray")]
pub use overlay_core::ndarray;
pub use overlay_core::pystruct;
/// The `rayon` crate, whose traits the parallel iterators implement (feature `rayon`):
/// `use overlay::rayon::prelude::*` brings `map`, `sum`, `collect`, ... into scope.
#[cfg(feature = "rayon")]
pub use overlay_core::rayon;
#[cfg(feature = "ndarray")]
pub use overlay_core::NdElement;
pub use overlay_core::{
    hexdump, hexdump_with, ArrayIter, ArrayView, ArrayViewMut, BitRange, Endian, EnumType,
    EnumVariant, Error, ErrorKind, FieldInfo, FieldKind, FieldPath, Grid, GridIter, GridMut,
    GridRows, GridRowsMut, HexDump, Magic, MagicFound, Overlay, Records, RecordsChunks,
    RecordsChunksMut, RecordsIter, RecordsIterMut, RecordsMut, RuntimeEndian, ScalarMut, Segment,
    Segments, Sleb128, SqliteVarint, StructError, TableAxis, TableRequest, TagVariant, Tagged,
    TypeInfo, Uleb128, Value, ValueType, VarBytes, VarHexDump, VarOverlay, VarRecords, VarStream,
    VarintProblem,
};
#[cfg(feature = "alloc")]
pub use overlay_core::{Fields, IterUnpack, Struct, StructDump};
#[cfg(feature = "rayon")]
pub use overlay_core::{
    GridParRows, GridParRowsMut, RecordsParChunks, RecordsParChunksMut, RecordsParIter,
    RecordsParIterMut, VarParStream,
};

/// Derives [`Overlay`](trait@Overlay) for a struct with named fields or a fieldless enum.
///
/// Generates, for `struct Header`, the view types `HeaderView<'a>` and `HeaderViewMut<'a>`
/// (same visibility as the struct; rename with `#[overlay(view = "...", view_mut = "...")]`),
/// the `Overlay` impl, and an inherent `Header::to_bytes(&self) -> [u8; SIZE]`.
///
/// Attributes:
///
/// | where | attribute | meaning |
/// |---|---|---|
/// | struct, enum | `endian = "big"`, `"little"` (default), `"native"`, `"network"` | byte order of multi-byte fields |
/// | struct | `view = "Name"`, `view_mut = "Name"` | names of the generated view types |
/// | struct, enum | `crate = "path"` | path to `overlay` if it is renamed or re-exported |
/// | struct | `bit_order = "msb"` or `"lsb"` | which end of a bit group the first bit field takes |
/// | struct | `serialize` | with the `serde` feature, the owned struct implements `Serialize` |
/// | field | `bits = N` | a bit field of N bits |
/// | field | `bytes = "expr"`, `count = "expr"`, `rest` | the length of a `VarBytes` or `VarRecords<T>` field |
/// | field | `endian = "..."` | byte order of this field |
/// | field | `pad` | reserved bytes (`[u8; N]` only): no accessors, written and read as zeros |
/// | field | `tag = "field"` | a payload field, whose variant the named earlier field chooses |
/// | variant | `tag = 17`, `tag = CONST` | the tag values that select a payload enum's variant |
/// | struct | `param = "name"` | a value lengths use that the bytes do not hold, given to `view_in` |
/// | variant | `other` | an open enum's catch-all (`Other(u16)`), or a payload enum's (`Other(VarBytes)`) |
///
/// Enums need `#[repr(u8)]` (or `u16`..`u64`, `i8`..`i64`), unit variants, and
/// `Clone + Copy + Debug`; an enum without `endian` reads in the byte order of its field.
pub use overlay_derive::Overlay;

#[doc(hidden)]
pub use overlay_core::__private;
