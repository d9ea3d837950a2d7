use renamed_overlay::Overlay;

#[derive(Overlay)]
#[overlay(crate = "::renamed_overlay", endian = "middle")]
struct Record {
    id: u32,
}

#[derive(Overlay, Clone, Copy, Debug)]
#[overlay(crate = "::renamed_overlay")]
enum Kind {
    Data = 1,
}

#[derive(Overlay)]
#[overlay(crate = "::renamed_overlay")]
struct Uses {
    record: Record,
    kinds: [Kind; 2],
}

fn main() {
    let _ = Record::SIZE + Kind::SIZE + Uses::SIZE;
}
