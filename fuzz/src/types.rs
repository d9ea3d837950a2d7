//! The derived types that more than one target uses.

use overlay::Overlay;

/// Declares `Kind`, an 8-bit enum with the variants `Data = 1`, `Ack = 2` and `Close = 7`
/// (the values the targets' reference walkers and models check by hand), followed by any
/// variants given: `kind!()` is the `Kind` of this library, `kind! { Big = 12, }` a `Kind`
/// with one more value, declared where it is used.
#[macro_export]
macro_rules! kind {
    ($($more:tt)*) => {
        #[derive(::overlay::Overlay, Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Kind {
            Data = 1,
            Ack = 2,
            Close = 7,
            $($more)*
        }
    };
}

kind!();

/// Fits two bits, where the patterns 0 and 3 are no variant; in a whole byte, every value but 1
/// and 2 is invalid.
#[derive(Overlay, Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Unit {
    Celsius = 1,
    Kelvin = 2,
}

/// No bytes at all: any number of them takes no room.
#[derive(Overlay, Debug, Clone, Copy, PartialEq)]
pub struct Nothing {}
