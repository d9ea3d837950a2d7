//! The path of a field inside a record (`Outer.more[1].flags[2]`), recovered from static layout
//! data and a byte offset rather than stored.

use core::fmt;

use crate::field_info::{FieldInfo, FieldKind, ValueType};
use crate::type_info::{TypeInfo, VarField};

/// One step of a [`FieldPath`]: a named field or an array index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment {
    /// A struct field, by name.
    Field(&'static str),
    /// An element of an array field.
    Index(usize),
}

/// Where in a record a value was found, printed as `Header.origin.x` or `Header.samples[2]`.
///
/// It is a few words: the outermost record's [`TypeInfo`] (and, for a value in the records of a
/// variable-length field, that field) and the value's offset (and, for a bit field, its bit)
/// from the record's (or the field's) start. The field names and array indices are found from
/// the layouts' [`FIELDS`](crate::Overlay::FIELDS) when asked for, so a path costs nothing to
/// build or to carry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    root: &'static TypeInfo,
    tail: Option<&'static VarField>,
    within: usize,
    bit: Option<u8>,
}

impl FieldPath {
    pub(crate) const fn new(root: &'static TypeInfo, within: usize, bit: Option<u8>) -> Self {
        FieldPath {
            root,
            tail: None,
            within,
            bit,
        }
    }

    /// The path of a value `within` bytes into the records of variable-length field `tail`.
    pub(crate) const fn in_tail(tail: &'static VarField, within: usize, bit: Option<u8>) -> Self {
        FieldPath {
            root: tail.record,
            tail: Some(tail),
            within,
            bit,
        }
    }

    /// The outermost type's name.
    pub const fn root(&self) -> &'static str {
        self.root.name
    }

    /// The outermost type's layout.
    pub const fn record(&self) -> &'static TypeInfo {
        self.root
    }

    /// Where the value starts, in bytes from the start of the outermost record, or, for a value
    /// in the records of a variable-length field, from the start of that field.
    pub const fn within(&self) -> usize {
        self.within
    }

    /// For a bit field, its shift from the least significant bit of its group.
    pub const fn bit(&self) -> Option<u32> {
        match self.bit {
            Some(bit) => Some(bit as u32),
            None => None,
        }
    }

    /// The steps below the root, outermost first.
    pub fn segments(&self) -> Segments {
        let (head, ty) = match self.tail {
            Some(tail) => (Some(tail.field), tail.item),
            None => (None, Some(self.root)),
        };
        let Some(ty) = ty else {
            // The bytes of a `VarBytes` field: nothing below the field.
            return Segments::new(head, None, &[], 0, None);
        };
        let index = self.within.checked_div(ty.size);
        let (index, rel) = match index {
            // Each record of a variable-length field, or an array of records viewed directly:
            // the value's record is the one its offset falls in.
            Some(index) if head.is_some() || index > 0 => (Some(index), self.within % ty.size),
            _ => (None, self.within),
        };
        Segments::new(head, index, ty.fields, rel, self.bit)
    }

    /// The innermost field that holds the value, or `None` if the value is the whole record
    /// (a bool or enum viewed by itself).
    pub fn field(&self) -> Option<&'static FieldInfo> {
        let mut segments = self.segments();
        for _ in segments.by_ref() {}
        segments.leaf
    }

    /// How the value's bytes read: the innermost field's, or else the record's (the records',
    /// for a value in a variable-length field).
    pub(crate) fn value_type(&self) -> Option<ValueType> {
        match (self.field(), self.tail) {
            (Some(field), _) => field.value,
            (None, Some(tail)) => tail.item.and_then(|item| item.value),
            (None, None) => self.root.value,
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.root.name)?;
        for segment in self.segments() {
            match segment {
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{self}\"")
    }
}

/// The steps of a [`FieldPath`], outermost first: see [`FieldPath::segments`].
#[derive(Clone, Debug)]
pub struct Segments {
    /// A variable-length field to name before anything else.
    head: Option<&'static str>,
    /// The fields of the record the walk is in.
    fields: &'static [FieldInfo],
    /// The value's offset from the start of that record.
    rel: usize,
    bit: Option<u8>,
    /// An index to give before any field (an array viewed directly).
    index: Option<usize>,
    /// The dimensions of the array field just entered whose indices are still to be given.
    dims: &'static [usize],
    /// The element's index in that array, counted over all its dimensions.
    flat: usize,
    leaf: Option<&'static FieldInfo>,
}

impl Segments {
    fn new(
        head: Option<&'static str>,
        index: Option<usize>,
        fields: &'static [FieldInfo],
        rel: usize,
        bit: Option<u8>,
    ) -> Self {
        Segments {
            head,
            fields,
            rel,
            bit,
            index,
            dims: &[],
            flat: 0,
            leaf: None,
        }
    }

    /// The field holding `rel` (and `bit`, for bit fields), if any.
    fn holder(&self) -> Option<&'static FieldInfo> {
        let rel = self.rel;
        let holds = |field: &&FieldInfo| {
            field.offset <= rel
                && rel - field.offset < field.size
                && field.kind != FieldKind::Pad
                && match (field.bits, self.bit) {
                    (Some((shift, _)), Some(bit)) => shift == u32::from(bit),
                    (Some(_), None) => false,
                    (None, _) => true,
                }
        };
        self.fields.iter().find(holds)
    }
}

impl Iterator for Segments {
    type Item = Segment;

    fn next(&mut self) -> Option<Segment> {
        if let Some(field) = self.head.take() {
            return Some(Segment::Field(field));
        }
        if let Some(index) = self.index.take() {
            return Some(Segment::Index(index));
        }
        if let Some((_, inner)) = self.dims.split_first() {
            let stride = inner
                .iter()
                .try_fold(1usize, |n, &d| n.checked_mul(d))
                .filter(|&n| n > 0)?;
            let index = self.flat / stride;
            self.flat %= stride;
            self.dims = inner;
            return Some(Segment::Index(index));
        }
        let field = self.holder()?;
        self.leaf = Some(field);
        self.rel -= field.offset;
        self.fields = &[];
        if field.bits.is_some() {
            self.bit = None;
        }
        match field.kind {
            FieldKind::Array if field.elements > 0 && field.size > 0 => {
                let element = field.size / field.elements;
                if let Some(flat) = self.rel.checked_div(element) {
                    self.flat = flat;
                    self.rel %= element;
                    self.fields = field.fields;
                    let count = field.dims.iter().try_fold(1usize, |n, &d| n.checked_mul(d));
                    self.dims = if count == Some(field.elements) {
                        field.dims
                    } else {
                        &[]
                    };
                    if self.dims.is_empty() {
                        self.index = Some(self.flat);
                    }
                }
            }
            FieldKind::Struct => self.fields = field.fields,
            _ => {}
        }
        Some(Segment::Field(field.name))
    }
}
