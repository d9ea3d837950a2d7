#!/usr/bin/env python3
"""Writes sample.npy, the sample input of `cargo run --example npy`.

Made with NumPy's own writer (`np.save`, format version 1.0) so the example reads bytes that an
independent implementation wrote: a 6x8 array of big-endian float32 (`>f4`) in C order, the
value at row r, column c being (8r + c - 20) / 8, so every value is exact in float32 and short
to print (-2.5, -2.375, ..., 3.375) and the sum of all 48 is 21. Big-endian on purpose: on the
usual little-endian machines it shows the byte order coming from the header, not the host.
Deterministic: rerunning it writes the same 320 bytes (a 128-byte header, then 192 bytes of
data).
"""
import os

import numpy as np

ROWS, COLS = 6, 8

values = (np.arange(ROWS * COLS, dtype=np.float64).reshape(ROWS, COLS) - 20) / 8
array = values.astype(">f4")
assert array.flags.c_contiguous and float(array.sum(dtype=np.float64)) == 21.0

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample.npy")
np.save(out, array)
back = np.load(out)  # NumPy's reader accepts it and sees the same values
assert back.dtype == np.dtype(">f4") and back.shape == (ROWS, COLS)
assert np.array_equal(back, array)
with open(out, "rb") as f:
    data = f.read()
assert data[:8] == b"\x93NUMPY\x01\x00" and len(data) == 128 + ROWS * COLS * 4
print(f"wrote {len(data)} bytes to {out}")
