use overlay::Overlay;

#[derive(Overlay)]
struct Record<T> {
    value: T,
}

fn main() {}
