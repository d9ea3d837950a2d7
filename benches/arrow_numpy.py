"""The contender of the `convert` group of benches/parallel.rs: the same conversion of a
record file to Arrow with NumPy and pyarrow, the fastest way they offer.

    python3 benches/arrow_numpy.py [FILE] [--runs N] [--batch-rows N]

FILE holds market-data ticks of 32 bytes (the `Tick` of benches/parallel.rs): a big-endian
u64 timestamp, u32 id, f64 price, u32 quantity, a u8 side (1 buy, 2 sell), 4 venue bytes and
3 pad bytes. Without FILE, or if FILE does not exist, 512 MiB of ticks are made there first
(default: $TMPDIR/overlay-ticks-512M.bin, the bench's default file too).

The file is read into memory once; each run then times `np.frombuffer` with the structured
dtype (zero-copy), each field made a contiguous little-endian array (`astype` with the
native dtype: one strided pass with the byte swap) and wrapped by pyarrow without a copy
(`pa.array` of a NumPy array, `FixedSizeBinaryArray.from_buffers` for the venue), then one
`pyarrow.RecordBatch` of the six columns, the same columns and types overlay-arrow makes.
With `--batch-rows N`, a batch of N rows at a time (as overlay-arrow's `batches` and its
writers convert: the arrays of one batch are freed before the next, and its records stay in
cache from one column to the next). Prints the best and median MB/s (MB = 10^6 bytes of
input).
"""

import os
import statistics
import sys
import tempfile
import time

import numpy as np
import pyarrow as pa

TICK = np.dtype(
    [
        ("time", ">u8"),
        ("id", ">u4"),
        ("price", ">f8"),
        ("qty", ">u4"),
        ("side", "u1"),
        ("venue", "S4"),
        ("pad", "V3"),
    ]
)
assert TICK.itemsize == 32


def make(path, size=512 << 20):
    """Random ticks with valid sides (the bench's own generator writes the same kind)."""
    rng = np.random.default_rng(16)
    count = size // TICK.itemsize
    ticks = np.frombuffer(rng.bytes(count * TICK.itemsize), dtype=TICK).copy()
    ticks["side"] = rng.integers(1, 3, count, dtype=np.uint8)
    ticks["venue"] = b"XNAS"
    ticks["pad"] = b"\0\0\0"
    with open(path, "wb") as out:
        out.write(ticks.tobytes())


def convert(data):
    ticks = np.frombuffer(data, dtype=TICK)
    columns = []
    for name in ("time", "id", "price", "qty", "side"):
        native = TICK[name].newbyteorder("=")
        columns.append(pa.array(ticks[name].astype(native)))
    venue = np.ascontiguousarray(ticks["venue"]).view(np.uint8)
    columns.append(
        pa.FixedSizeBinaryArray.from_buffers(pa.binary(4), len(ticks), [None, pa.py_buffer(venue)])
    )
    return pa.RecordBatch.from_arrays(
        columns, names=["time", "id", "price", "qty", "side", "venue"]
    )


def option(name, default):
    """The value after `--name` on the command line, and the arguments without both."""
    argv = sys.argv[1:]
    if f"--{name}" in argv:
        at = argv.index(f"--{name}")
        return int(argv[at + 1]), argv[:at] + argv[at + 2 :]
    return default, argv


def main():
    runs, _ = option("runs", 10)
    batch_rows, _ = option("batch-rows", 0)
    argv = sys.argv[1:]
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or not argv[i - 1].startswith("--"))]
    path = args[0] if args else os.path.join(tempfile.gettempdir(), "overlay-ticks-512M.bin")
    if not os.path.exists(path):
        print(f"making {path}", file=sys.stderr)
        make(path)
    with open(path, "rb") as f:
        data = f.read()
    count = len(data) // TICK.itemsize
    step = batch_rows or count
    view = memoryview(data)
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = 0
        for first in range(0, count, step):
            end = min(first + step, count)
            batch = convert(view[first * TICK.itemsize : end * TICK.itemsize])
            rows += batch.num_rows
            del batch
        elapsed = time.perf_counter() - start
        rates.append(len(data) / elapsed / 1e6)
        assert rows == count
    shape = f"batches of {batch_rows} rows" if batch_rows else "one batch"
    print(
        f"numpy+pyarrow, {shape}: {len(data) / 1e6:.0f} MB, best {max(rates):.0f} MB/s, "
        f"median {statistics.median(rates):.0f} MB/s ({runs} runs, 1 thread)"
    )


main()
