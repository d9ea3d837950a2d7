//! One line per record: Python's tuple repr, or a JSON array.

use std::io::{self, Write};

use overlay::{Fields, Value};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// How records are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `(1, 2.5, b'ab', True)`, as `print(struct.unpack(...))` prints it.
    Python,
    /// `[1,2.5,[97,98],true]`: see `overlay unpack --help` for the encoding.
    Json,
}

/// Writes one record and its newline.
pub fn write_record(out: &mut impl Write, style: Style, fields: Fields<'_, '_>) -> io::Result<()> {
    match style {
        Style::Python => write_tuple(out, fields)?,
        Style::Json => serde_json::to_writer(&mut *out, &JsonRecord(fields))?,
    }
    out.write_all(b"\n")
}

/// Writes one record as a JSON object keyed by `names` (one per value), and its newline.
pub fn write_object(
    out: &mut impl Write,
    names: &[String],
    fields: Fields<'_, '_>,
) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &JsonObject(names, fields))?;
    out.write_all(b"\n")
}

/// Python's tuple repr: `()`, `(5,)`, `(1, 2)`; each value's `Display` is its Python repr.
fn write_tuple(out: &mut impl Write, fields: Fields<'_, '_>) -> io::Result<()> {
    let single = fields.len() == 1;
    out.write_all(b"(")?;
    for (index, value) in fields.enumerate() {
        if index > 0 {
            out.write_all(b", ")?;
        }
        write!(out, "{value}")?;
    }
    out.write_all(if single { b",)" } else { b")" })
}

/// A record as a JSON array, serialized straight from the bytes (nothing is collected first).
struct JsonRecord<'s, 'a>(Fields<'s, 'a>);

impl Serialize for JsonRecord<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for value in self.0.clone() {
            seq.serialize_element(&JsonValue(value))?;
        }
        seq.end()
    }
}

/// A record as a JSON object: each name with its value, in order.
struct JsonObject<'n, 's, 'a>(&'n [String], Fields<'s, 'a>);

impl Serialize for JsonObject<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0.iter().zip(self.1.clone()) {
            map.serialize_entry(name, &JsonValue(value))?;
        }
        map.end()
    }
}

/// One value: integers exactly, floats as numbers (serde_json writes NaN and the infinities as
/// `null`), bools, and bytes as an array of numbers (serde_json's encoding of bytes).
struct JsonValue<'a>(Value<'a>);

impl Serialize for JsonValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Int(v) => serializer.serialize_i64(v),
            Value::UInt(v) => serializer.serialize_u64(v),
            Value::Float(v) => serializer.serialize_f64(v),
            Value::Bool(v) => serializer.serialize_bool(v),
            Value::Bytes(v) => serializer.serialize_bytes(v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use overlay::Struct;

    fn printed(format: &str, bytes: &[u8], style: Style) -> String {
        let format = Struct::new(format).unwrap();
        let mut out = Vec::new();
        write_record(&mut out, style, format.fields(bytes).unwrap()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tuples_as_python_prints_them() {
        assert_eq!(printed("<B", &[5], Style::Python), "(5,)\n");
        assert_eq!(printed("<2x", &[0, 0], Style::Python), "()\n");
        assert_eq!(
            printed("<bH2s?", b"\xff\x02\x00a\x00\x01", Style::Python),
            "(-1, 2, b'a\\x00', True)\n"
        );
    }

    #[test]
    fn json_objects_are_keyed_by_name() {
        let format = Struct::new("<bx2s").unwrap();
        let mut out = Vec::new();
        let names = ["a".to_owned(), "b\"".to_owned()];
        write_object(&mut out, &names, format.fields(b"\xffzab").unwrap()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"a\":-1,\"b\\\"\":[97,98]}\n"
        );
    }

    #[test]
    fn json_lines() {
        assert_eq!(printed("<B", &[5], Style::Json), "[5]\n");
        assert_eq!(printed("<2x", &[0, 0], Style::Json), "[]\n");
        assert_eq!(
            printed("<bH2s?", b"\xff\x02\x00a\x00\x01", Style::Json),
            "[-1,2,[97,0],true]\n"
        );
        let nan_inf_half = [f64::NAN, f64::NEG_INFINITY, 0.5]
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .collect::<Vec<_>>();
        assert_eq!(
            printed("<3d", &nan_inf_half, Style::Json),
            "[null,null,0.5]\n"
        );
        let extremes = [u64::MAX.to_le_bytes(), i64::MIN.to_le_bytes()].concat();
        assert_eq!(
            printed("<Qq", &extremes, Style::Json),
            "[18446744073709551615,-9223372036854775808]\n"
        );
    }
}
