//! A type whose derive failed still implements `Overlay` (a stand-in), so code that uses it
//! reports only the one real error.
use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
enum Kind {
    Data = 1,
    Ack = 2,
}

#[derive(Overlay)]
struct Record {
    id: u32,
    kind: Kind,
    kinds: [Kind; 2],
}

fn size() -> usize {
    Kind::SIZE + Record::SIZE
}

fn main() {
    let _ = size();
    let _ = Kind::unpack(&[1]);
}
