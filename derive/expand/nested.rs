/// Nested records, arrays of records and multi-dimensional arrays, with a field in its own
/// byte order.
#[derive(Overlay)]
pub struct Scene {
    pub origin: Point,
    pub corners: [Point; 4],
    pub grid: [[i16; 3]; 2],
    #[overlay(endian = "big")]
    pub id: u32,
}
