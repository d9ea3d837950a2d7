//! A conversion plan: the Arrow schema of a table, and for each leaf column where its values
//! lie in a record and how they read. Derived records (`derived.rs`) and run-time formats
//! (`struct_table.rs`) both compile to a plan; `convert.rs` runs it.

use std::sync::Arc;

use arrow_array::{ArrayRef, StringArray};
use arrow_schema::{DataType, Field, FieldRef, Fields, Schema, SchemaRef};

use crate::error::Error;

/// The size of one stored value of an integer (or float) column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Width {
    W1,
    W2,
    W4,
    W8,
    W16,
}

impl Width {
    /// The width of a `bytes`-byte integer, if there is one.
    pub(crate) fn of_bytes(bytes: usize) -> Option<Width> {
        Some(match bytes {
            1 => Width::W1,
            2 => Width::W2,
            4 => Width::W4,
            8 => Width::W8,
            16 => Width::W16,
            _ => return None,
        })
    }

    /// Bytes per value.
    pub(crate) fn bytes(self) -> usize {
        match self {
            Width::W1 => 1,
            Width::W2 => 2,
            Width::W4 => 4,
            Width::W8 => 8,
            Width::W16 => 16,
        }
    }
}

/// A bit field: `width` bits at `shift` from the least significant bit of a `group`-byte
/// integer (1 to 8 bytes) read in byte order `big`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BitField {
    pub group: usize,
    pub big: bool,
    pub shift: u32,
    pub width: u32,
}

/// Where the integer of an enum comes from: a whole field or a bit field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RawInt {
    Whole { size: usize, big: bool },
    Bits(BitField),
}

impl RawInt {
    /// Bytes read from the value's offset.
    fn span(self) -> usize {
        match self {
            RawInt::Whole { size, .. } => size,
            RawInt::Bits(bits) => bits.group,
        }
    }

    /// Bits the integer has.
    pub(crate) fn bits(self) -> u32 {
        match self {
            RawInt::Whole { size, .. } => (size.min(16) * 8) as u32,
            RawInt::Bits(bits) => bits.width,
        }
    }
}

/// The variant names of an enum, and how an integer finds its name's index.
#[derive(Clone, Debug)]
pub(crate) struct Names {
    /// The dictionary: every variant's name, in declaration order.
    pub values: ArrayRef,
    lookup: Lookup,
}

#[derive(Clone, Debug)]
enum Lookup {
    /// Indexed by the integer's bits (at most 16 of them): the name's index, or -1.
    Dense(Vec<i32>),
    /// Sorted by value, for wider integers.
    Sorted(Vec<(i128, i32)>),
}

impl Names {
    /// The names of `variants` (name, value) for an integer of `bits` bits, `signed` or not:
    /// values it cannot hold never match.
    pub(crate) fn new<'n>(
        variants: impl Iterator<Item = (&'n str, i128)> + Clone,
        bits: u32,
        signed: bool,
    ) -> Names {
        let values: ArrayRef = Arc::new(StringArray::from_iter_values(
            variants.clone().map(|(name, _)| name),
        ));
        let fits = |value: i128| match (signed, bits) {
            (_, 0) => value == 0,
            (true, b) if b < 128 => (-(1i128 << (b - 1))..(1i128 << (b - 1))).contains(&value),
            (false, b) if b < 127 => (0..(1i128 << b)).contains(&value),
            (false, _) => value >= 0,
            (true, _) => true,
        };
        let keyed = variants
            .enumerate()
            .filter(|(_, (_, value))| fits(*value))
            .map(|(index, (_, value))| (value, i32::try_from(index).unwrap_or(i32::MAX)));
        let lookup = if bits <= 16 {
            let mut table = vec![-1; 1 << bits];
            for (value, index) in keyed {
                // The low `bits` bits: what `key` is given.
                let raw = (value as u128 & ((1u128 << bits) - 1)) as usize;
                if let Some(slot) = table.get_mut(raw) {
                    *slot = index;
                }
            }
            Lookup::Dense(table)
        } else {
            let mut sorted: Vec<(i128, i32)> = keyed.collect();
            sorted.sort_unstable();
            Lookup::Sorted(sorted)
        };
        Names { values, lookup }
    }

    /// The index of the name of the integer whose low bits are `raw` and whose value is
    /// `value`.
    #[inline]
    pub(crate) fn key(&self, raw: u128, value: i128) -> Option<i32> {
        match &self.lookup {
            Lookup::Dense(table) => table
                .get(usize::try_from(raw).ok()?)
                .copied()
                .filter(|&k| k >= 0),
            Lookup::Sorted(sorted) => sorted
                .binary_search_by(|(v, _)| v.cmp(&value))
                .ok()
                .map(|at| sorted[at].1),
        }
    }
}

/// How the values of one leaf column read, and so which buffer they fill.
#[derive(Clone, Debug)]
pub(crate) enum Read {
    /// An integer, or a float's bits, in byte order `big`, stored as its little-endian value.
    Int { width: Width, big: bool },
    /// A 16-byte unsigned integer stored as 16 bytes, most significant first
    /// (`FixedSizeBinary(16)`).
    U128Bytes { big: bool },
    /// A byte: nonzero is true.
    Bool,
    /// A bit field's integer, sign-extended if `signed`, stored in `out`.
    Bits {
        field: BitField,
        signed: bool,
        out: Width,
    },
    /// A bool bit field.
    BitBool { field: BitField },
    /// `len` bytes as they are (`FixedSizeBinary(len)`).
    Bytes { len: usize },
    /// A Pascal string in `len` bytes (`Binary`).
    Pascal { len: usize },
    /// The variant name of an enum's integer (`Dictionary(Int32, Utf8)`, null without one).
    EnumName {
        raw: RawInt,
        signed: bool,
        names: Names,
    },
}

impl Read {
    /// Bytes read from a value's offset.
    fn span(&self) -> usize {
        match self {
            Read::Int { width, .. } => width.bytes(),
            Read::U128Bytes { .. } => 16,
            Read::Bool => 1,
            Read::Bits { field, .. } | Read::BitBool { field } => field.group,
            Read::Bytes { len } | Read::Pascal { len } => *len,
            Read::EnumName { raw, .. } => raw.span(),
        }
    }
}

/// One leaf column: the values of every row, `offsets.len()` per row.
#[derive(Clone, Debug)]
pub(crate) struct Leaf {
    /// The column's path from the record (`quote.bids.price`), for errors.
    pub path: Box<str>,
    /// Where each of a row's values starts in its record, in the order Arrow lists them.
    pub offsets: Vec<usize>,
    /// Whether `offsets` are consecutive values (an array of scalars).
    pub contiguous: bool,
    pub read: Read,
    /// The type of the leaf array.
    pub data_type: DataType,
}

impl Leaf {
    /// Values per row.
    pub(crate) fn per_row(&self) -> usize {
        self.offsets.len()
    }
}

/// How a column is assembled from leaves.
#[derive(Clone, Debug)]
pub(crate) enum Node {
    /// The leaf with this index.
    Leaf(usize),
    /// A struct of these fields and columns.
    Struct { fields: Fields, children: Vec<Node> },
    /// `size` values of `item` per row.
    List {
        item: FieldRef,
        size: usize,
        child: Box<Node>,
    },
}

/// A column being built: its field and how to assemble it.
pub(crate) type Column = (FieldRef, Node);

/// What a table converts by: its schema, its columns and their leaves.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    pub schema: SchemaRef,
    pub roots: Vec<Node>,
    pub leaves: Vec<Leaf>,
    /// How many bytes from a record's start the plan reads.
    pub extent: usize,
}

/// Collects leaves while a plan's columns are built.
#[derive(Default)]
pub(crate) struct Builder {
    leaves: Vec<Leaf>,
}

impl Builder {
    /// A leaf column `name` of type `data_type` whose values of each row start at `offsets`.
    pub(crate) fn leaf(
        &mut self,
        name: &str,
        path: &str,
        offsets: Vec<usize>,
        read: Read,
        data_type: DataType,
        nullable: bool,
    ) -> Column {
        let step = read.span();
        let contiguous = offsets.windows(2).all(|pair| pair[1] == pair[0] + step);
        let field = Arc::new(Field::new(name, data_type.clone(), nullable));
        self.leaves.push(Leaf {
            path: path.into(),
            offsets,
            contiguous,
            read,
            data_type,
        });
        (field, Node::Leaf(self.leaves.len() - 1))
    }

    /// The columns as a plan.
    pub(crate) fn finish(self, columns: Vec<Column>) -> Plan {
        let (fields, roots): (Vec<FieldRef>, Vec<Node>) = columns.into_iter().unzip();
        let extent = self
            .leaves
            .iter()
            .flat_map(|leaf| {
                let span = leaf.read.span();
                leaf.offsets.iter().map(move |offset| offset + span)
            })
            .max()
            .unwrap_or(0);
        Plan {
            schema: Arc::new(Schema::new(fields)),
            roots,
            leaves: self.leaves,
            extent,
        }
    }
}

/// `item` (a column named anything) `dims` times nested in fixed-size lists, the outermost
/// named `name`: `[[T; 4]; 3]` is a list of 3 lists of 4.
pub(crate) fn lists(name: &str, item: Column, dims: &[usize]) -> Column {
    let mut column = item;
    for (level, &size) in dims.iter().enumerate().rev() {
        let (field, node) = column;
        let field = Arc::new(
            field
                .as_ref()
                .clone()
                .with_name(Field::LIST_FIELD_DEFAULT_NAME),
        );
        let name = if level == 0 {
            name
        } else {
            Field::LIST_FIELD_DEFAULT_NAME
        };
        let size_i32 = i32::try_from(size).unwrap_or(i32::MAX);
        let list = Arc::new(Field::new(
            name,
            DataType::FixedSizeList(field.clone(), size_i32),
            false,
        ));
        column = (
            list,
            Node::List {
                item: field,
                size,
                child: Box::new(node),
            },
        );
    }
    column
}

/// A struct column `name` of `children`.
pub(crate) fn structure(name: &str, children: Vec<Column>) -> Column {
    let (fields, children): (Vec<FieldRef>, Vec<Node>) = children.into_iter().unzip();
    let fields = Fields::from(fields);
    let field = Arc::new(Field::new_struct(name, fields.clone(), false));
    (field, Node::Struct { fields, children })
}

/// Fails if two of `columns` share a name; `table` and `prefix` say where, for the error.
pub(crate) fn check_unique(columns: &[Column], table: &str, prefix: &str) -> Result<(), Error> {
    for (at, (field, _)) in columns.iter().enumerate() {
        if columns[..at]
            .iter()
            .any(|(earlier, _)| earlier.name() == field.name())
        {
            return Err(Error::DuplicateColumn {
                table: table.into(),
                column: format!("{prefix}{}", field.name()).into(),
            });
        }
    }
    Ok(())
}

/// The offsets of `count` elements `size` bytes apart from `offset`, after each of `base`.
pub(crate) fn expand(base: &[usize], offset: usize, count: usize, size: usize) -> Vec<usize> {
    base.iter()
        .flat_map(|&start| (0..count).map(move |i| start + offset + i * size))
        .collect()
}
