"""The grid bench's data and sums in Python, for the README's context columns: NumPy slicing
and a plain memoryview loop over the same bytes (`benches/grid.rs` makes the same data).

    python3 benches/grid_python.py      # prints one line per kernel: name numpy_ms memoryview_ms
"""
import struct
import sys
import time

import numpy as np

ROWS, COLS = 1080, 1920
(R0, R1), (C0, C1) = (100, 900), (300, 1500)


def image():
    # The same xorshift64 stream as benches/grid.rs, vectorised would change nothing: written
    # plainly so the two generators are easy to compare.
    out = bytearray(ROWS * COLS * 3)
    state = 0x2545F4914F6CDD1D
    mask = (1 << 64) - 1
    for i in range(len(out)):
        state ^= (state << 13) & mask
        state ^= state >> 7
        state ^= (state << 17) & mask
        out[i] = state & 0xFF
    return bytes(out)


def samples():
    i = np.arange(ROWS * COLS, dtype=np.int64)
    values = ((i * 7919) % 10007).astype(np.float32) * np.float32(0.25) - np.float32(1000.0)
    return values.astype(">f4").tobytes()


def best(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1e3, result


def main():
    img = image()
    smp = samples()
    a = np.frombuffer(img, dtype=np.uint8).reshape(ROWS, COLS, 3)
    f = np.frombuffer(smp, dtype=">f4").reshape(ROWS, COLS)
    m = memoryview(img).cast("B", (ROWS, COLS * 3))
    fm = memoryview(smp)

    def mv_bgr(r0, r1, c0, c1):
        total = 0
        for y in range(r0, r1):
            for x in range(c0 * 3 + 1, c1 * 3, 3):
                total += m[y, x]
        return total

    unpack = struct.Struct(">f").unpack_from

    def mv_f32(rows, cols):
        total = 0.0
        for y in rows:
            for x in cols:
                total += unpack(fm, (y * COLS + x) * 4)[0]
        return total

    def mv_f32_by_column():
        total = 0.0
        for x in range(COLS):
            for y in range(ROWS):
                total += unpack(fm, (y * COLS + x) * 4)[0]
        return total

    kernels = {
        "bgr_full": (lambda: int(a[:, :, 1].sum(dtype=np.uint64)), lambda: mv_bgr(0, ROWS, 0, COLS)),
        "bgr_roi": (
            lambda: int(a[R0:R1, C0:C1, 1].sum(dtype=np.uint64)),
            lambda: mv_bgr(R0, R1, C0, C1),
        ),
        "f32_full": (
            lambda: float(f.sum(dtype=np.float64)),
            lambda: mv_f32(range(ROWS), range(COLS)),
        ),
        "f32_roi": (
            lambda: float(f[R0:R1, C0:C1].sum(dtype=np.float64)),
            lambda: mv_f32(range(R0, R1), range(C0, C1)),
        ),
        "f32_transposed": (
            lambda: float(f.T.sum(dtype=np.float64)),
            mv_f32_by_column,
        ),
        "f32_stepped": (
            lambda: float(f[::3, ::2].sum(dtype=np.float64)),
            lambda: mv_f32(range(0, ROWS, 3), range(0, COLS, 2)),
        ),
    }
    only = sys.argv[1:]
    for name, (numpy_fn, mv_fn) in kernels.items():
        if only and name not in only:
            continue
        numpy_ms, numpy_sum = best(numpy_fn, 7)
        mv_ms, mv_sum = best(mv_fn, 1)
        assert abs(numpy_sum - mv_sum) <= 1e-6 * max(1.0, abs(mv_sum)), (name, numpy_sum, mv_sum)
        print(f"{name} {numpy_ms:.3f} {mv_ms:.1f} {numpy_sum}")


if __name__ == "__main__":
    main()
