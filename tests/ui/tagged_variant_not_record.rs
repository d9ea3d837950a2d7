use overlay::Overlay;

struct NotARecord;

#[derive(Overlay)]
enum Payload {
    #[overlay(tag = 1)]
    One(NotARecord),
}

fn main() {}
