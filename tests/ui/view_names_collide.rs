use overlay::Overlay;

#[derive(Overlay)]
#[overlay(view = "RecordAccess", view_mut = "RecordAccess")]
struct Record {
    id: u32,
}

fn main() {}
