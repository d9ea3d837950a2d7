use overlay::Overlay;

#[derive(Overlay, Clone, Copy, Debug)]
enum Never {}

fn main() {}
