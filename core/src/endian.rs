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
