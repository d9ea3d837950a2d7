"""The outside oracle of overlay-arrow's tests: reads the Parquet and Arrow IPC files the
crate wrote with pyarrow and with DuckDB, and checks every value of every column against
CPython's `struct` reading the same input bytes.

    python3 oracle.py INPUT STRIDE COUNT FILE...  < EXPECT

INPUT holds COUNT records STRIDE bytes apart. EXPECT (standard input) is Python source written
by hand for the record type under test: it defines `expect(r)`, which takes one record's bytes
and returns a dict from column path (`"quote.bids.price"`) to the value of that column, or the
list of its values in row-major order for a column inside arrays. Values are ints, bools,
bytes, str or None (enum names), and floats as `F(code, r, offset)`, which keeps both what
`struct.unpack` makes of the bytes and their bits.

Each FILE is read with pyarrow and with DuckDB (Parquet files by DuckDB's own reader, Arrow
IPC files through pyarrow's stream as DuckDB scans it); every column must hold exactly the
expected values, and no column may be missing or extra.
"""

import math
import struct
import sys

import duckdb
import pyarrow as pa
import pyarrow.ipc
import pyarrow.parquet

INT_CODE = {2: "H", 4: "I", 8: "Q"}
FLOAT_CODE = {2: "e", 4: "f", 8: "d"}


class F:
    """A float field as CPython reads it: its value (`struct.unpack` with the float code) and
    its bits (the same bytes read as an unsigned integer of its size, in its byte order)."""

    def __init__(self, code, r, offset):
        order, letter = code[:-1], code[-1]
        self.size = struct.calcsize("<" + letter)
        self.value = struct.unpack_from(code, r, offset)[0]
        self.bits = struct.unpack_from(order + INT_CODE[self.size], r, offset)[0]

    def __repr__(self):
        return f"F(value={self.value!r}, bits={self.bits:#x})"


class Bits:
    """A float as a reader returned it: its bits and size."""

    def __init__(self, bits, size):
        self.bits, self.size = bits, size

    def value(self):
        return struct.unpack("<" + FLOAT_CODE[self.size], struct.pack("<" + INT_CODE[self.size], self.bits))[0]

    def __repr__(self):
        return f"Bits({self.bits:#x}, size={self.size})"


def same_float(expected, actual):
    """Bit for bit when the reader kept the float's size; DuckDB has no half float and
    widens `Float16` to `FLOAT`, so there the value is compared (NaN with NaN)."""
    if actual.size == expected.size:
        if actual.bits != expected.bits:
            return False
        value = actual.value()
        return (math.isnan(value) and math.isnan(expected.value)) or value == expected.value
    value = actual.value()
    if math.isnan(expected.value):
        return math.isnan(value)
    return value == expected.value


def same(expected, actual):
    if isinstance(expected, F):
        return isinstance(actual, Bits) and same_float(expected, actual)
    if isinstance(actual, Bits):
        return False
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, int) and not isinstance(actual, int):
        # Decimal128(38, 0) reads back as decimal.Decimal.
        return actual is not None and int(actual) == actual and int(actual) == expected
    return expected == actual


def leaves(array):
    """The leaf columns of `array` as {path tuple: one list of values per row}, lists
    flattened row-major into their rows."""
    kind = array.type
    if pa.types.is_struct(kind):
        out = {}
        for i in range(kind.num_fields):
            for path, values in leaves(array.field(i)).items():
                out[(kind.field(i).name,) + path] = values
        return out
    if pa.types.is_fixed_size_list(kind) or pa.types.is_list(kind) or pa.types.is_large_list(kind):
        lengths = array.value_lengths().to_pylist()
        out = {}
        for path, values in leaves(array.flatten()).items():
            rows, at = [], 0
            for n in lengths:
                rows.append([v for element in values[at : at + n] for v in element])
                at += n
            out[path] = rows
        return out
    if pa.types.is_dictionary(kind):
        return {(): [[v] for v in array.dictionary_decode().to_pylist()]}
    if pa.types.is_floating(kind):
        size = kind.bit_width // 8
        unsigned = {2: pa.uint16(), 4: pa.uint32(), 8: pa.uint64()}[size]
        return {(): [[Bits(b, size)] for b in array.view(unsigned).to_pylist()]}
    return {(): [[v] for v in array.to_pylist()]}


def table_leaves(table):
    out = {}
    for name, column in zip(table.column_names, table.columns):
        for path, values in leaves(column.combine_chunks()).items():
            out[".".join((name,) + path)] = values
    return out


def check(reader, table, expected_rows):
    got = table_leaves(table)
    want_paths = set(expected_rows[0]) if expected_rows else set(got)
    assert set(got) == want_paths, f"{reader}: columns {sorted(got)} != expected {sorted(want_paths)}"
    for path in sorted(want_paths):
        column = got[path]
        assert len(column) == len(expected_rows), f"{reader}: {path}: {len(column)} rows, expected {len(expected_rows)}"
        for row, (values, expected) in enumerate(zip(column, expected_rows)):
            want = expected[path]
            want = want if isinstance(want, list) else [want]
            ok = len(values) == len(want) and all(same(w, v) for w, v in zip(want, values))
            assert ok, f"{reader}: {path} row {row}: got {values!r}, CPython's struct reads {want!r}"


def undictionary(kind):
    """`kind` with every dictionary replaced by its value type, and half floats by floats."""
    if pa.types.is_dictionary(kind):
        return kind.value_type
    if pa.types.is_float16(kind):
        return pa.float32()
    if pa.types.is_fixed_size_list(kind):
        item = kind.value_field
        return pa.list_(item.with_type(undictionary(item.type)), kind.list_size)
    if pa.types.is_struct(kind):
        return pa.struct([f.with_type(undictionary(f.type)) for f in kind])
    return kind


def for_duckdb_scan(table):
    """DuckDB's scan of Arrow data misreads a dictionary inside a list (it returns numbers
    that are neither the keys nor the values, for tables pyarrow builds too), and refuses
    half floats (it has no such type; from Parquet it reads them as FLOAT): such columns are
    converted by pyarrow first. Top-level dictionaries, and every column of the Parquet files
    (which DuckDB reads itself), go to DuckDB as they are."""
    columns = []
    for field, column in zip(table.schema, table.columns):
        top_dictionary = pa.types.is_dictionary(field.type)
        nested = not top_dictionary and undictionary(field.type) != field.type
        columns.append(column.cast(undictionary(field.type)) if nested else column)
    return pa.table(columns, names=table.column_names)


def duckdb_table(relation):
    for name in ("to_arrow_table", "fetch_arrow_table"):
        if hasattr(relation, name):
            return getattr(relation, name)()
    return relation.arrow()


def main():
    path, stride, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    files = sys.argv[4:]
    data = open(path, "rb").read()
    scope = {"F": F, "struct": struct}
    exec(sys.stdin.read(), scope)
    expect = scope["expect"]
    expected_rows = [expect(data[i * stride : i * stride + stride]) for i in range(count)]
    for name in files:
        if name.endswith(".parquet"):
            by_pyarrow = pyarrow.parquet.read_table(name)
            by_duckdb = duckdb_table(duckdb.sql(f"SELECT * FROM read_parquet('{name}')"))
        else:
            with pa.memory_map(name) as source:
                by_pyarrow = pyarrow.ipc.open_file(source).read_all()
            arrow_table = for_duckdb_scan(by_pyarrow)  # noqa: F841 (scanned by name)
            by_duckdb = duckdb_table(duckdb.sql("SELECT * FROM arrow_table"))
        check(f"pyarrow {name}", by_pyarrow, expected_rows)
        check(f"duckdb {name}", by_duckdb, expected_rows)
    print(f"ok: {len(files)} files, {count} rows")


main()
