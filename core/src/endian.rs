//! Byte orders.

/// The byte order of a multi-byte field.
///
/// Derived structs fix their byte order at compile time with `#[overlay(endian = "...")]`;
/// this type is what [`FieldInfo`](crate::FieldInfo) reports and what run-time byte order
/// selection takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Endian {
    /// Least significant byte first (x86, ARM in its usual mode, most file formats from PCs).
    Little,
    /// Most significant byte first ("network order": IP, TCP, most Internet protocols).
    Big,
}

impl Endian {
    /// The byte order of the machine this code was compiled for.
    pub const NATIVE: Endian = if cfg!(target_endian = "big") {
        Endian::Big
    } else {
        Endian::Little
    };

    /// Network byte order, which is big-endian.
    pub const NETWORK: Endian = Endian::Big;

    /// The prefix character Python's `struct` module uses for this byte order with standard sizes.
    pub const fn struct_prefix(self) -> char {
        match self {
            Endian::Little => '<',
            Endian::Big => '>',
        }
    }
}

/// A type whose byte order is chosen when it is viewed, so that the `_with` methods of
/// [`Overlay`](crate::Overlay) and [`VarOverlay`](crate::VarOverlay) (`view_with`,
/// `unpack_with`, `records_with`, `stream_with`, ...) can be asked for either order.
///
/// Implemented by `#[derive(Overlay)]` for structs declared with
/// `#[overlay(endian = "runtime")]` (formats that announce their byte order in the data, like
/// pcap, ELF or TIFF) and for enums without an `endian` of their own, and here for the scalars
/// and for arrays of such types. A type with a byte order of its own does not implement it,
/// so it cannot be read in the other order by mistake.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not take its byte order at run time, so it has no `_with` methods",
    label = "`{Self}` does not implement `RuntimeEndian`",
    note = "the `_with` methods take the byte order when the view is made: declare the type \
            with `#[overlay(endian = \"runtime\")]` for that, or call the method without `_with`"
)]
pub trait RuntimeEndian {}

/// How a type's bytes depend on byte order; used to decide whether one Python `struct`
/// prefix can describe a whole record.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndianClass {
    /// Single bytes only: reads the same in either order.
    Any,
    /// Multi-byte, and takes the byte order of the field that holds it (scalars, enums).
    Inherit,
    /// Multi-byte, with a byte order of its own (a derived struct).
    Fixed(Endian),
    /// Contains fields of both byte orders: no single prefix describes it.
    Mixed,
}

impl EndianClass {
    /// The class of a field of a type with class `self`, declared with byte order `field`.
    pub const fn resolve(self, field: Endian) -> EndianClass {
        match self {
            EndianClass::Inherit => EndianClass::Fixed(field),
            other => other,
        }
    }

    /// The class of a record holding fields of classes `self` and `other`.
    pub const fn merge(self, other: EndianClass) -> EndianClass {
        match (self, other) {
            (EndianClass::Any, x) | (x, EndianClass::Any) => x,
            (EndianClass::Fixed(Endian::Little), EndianClass::Fixed(Endian::Little)) => {
                EndianClass::Fixed(Endian::Little)
            }
            (EndianClass::Fixed(Endian::Big), EndianClass::Fixed(Endian::Big)) => {
                EndianClass::Fixed(Endian::Big)
            }
            (EndianClass::Inherit, EndianClass::Inherit) => EndianClass::Inherit,
            _ => EndianClass::Mixed,
        }
    }
}
