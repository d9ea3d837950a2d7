#!/usr/bin/env python3
"""One field of every record of a 1,000,000-record `>IHHQQfI` file (32 MB, the benchmark data
set), summed by NumPy (`np.frombuffer(data, dtype)['id'].sum()`) and by overlay: a run-time
`Struct` column (`column::<u64>(bytes, 3)`), `fields().nth(3)`, and the derived view of the same
layout; and every value of every record, by NumPy one field at a time and by `fields()`. Best
of 7 runs each, nanoseconds per record, all in one run on the same file. Prints a Markdown
table.

    python3 benches/struct_numpy.py

Needs numpy and a release build of bench_probe (built here).
"""
import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "target", "bench-data", "struct-numpy")
PROBE = os.path.join(ROOT, "target", "release", "bench_probe")
RECORDS = 1_000_000
RUNS = 7


def main():
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "overlay-bench", "--bin", "bench_probe"],
                   cwd=ROOT, check=True)
    raw = os.path.join(DATA, "raw.bin")
    if not os.path.exists(raw) or os.path.getsize(raw) != RECORDS * 32:
        subprocess.run([PROBE, "make", DATA, str(RECORDS)], check=True)
    with open(raw, "rb") as f:
        data = f.read()
    dtype = np.dtype([("magic", ">u4"), ("version", ">u2"), ("flags", ">u2"), ("id", ">u8"),
                      ("timestamp", ">u8"), ("value", ">f4"), ("count", ">u4")])
    best = float("inf")
    total = None
    for _ in range(RUNS):
        start = time.perf_counter()
        total = int(np.frombuffer(data, dtype)["id"].sum(dtype=np.uint64))
        best = min(best, (time.perf_counter() - start) * 1e9 / RECORDS)
    # Every field, one column at a time: NumPy's cost per record for all seven values.
    best_all = float("inf")
    for _ in range(RUNS):
        start = time.perf_counter()
        array = np.frombuffer(data, dtype)
        for name in dtype.names:
            array[name].sum()
        best_all = min(best_all, (time.perf_counter() - start) * 1e9 / RECORDS)
    out = subprocess.run([PROBE, "column", DATA, str(RUNS)], check=True, capture_output=True,
                         text=True).stdout
    rows = {}
    for line in out.splitlines():
        name, *fields = line.split()
        values = dict(field.split("=") for field in fields)
        rows[name] = float(values["ns_per_record"])
        if "sum" in values and int(values["sum"]) != total:
            sys.exit(f"{name}: sum {values['sum']} differs from NumPy's {total}")
    print("| reader | ns per record | vs NumPy |")
    print("|---|---|---|")
    print(f"| NumPy `frombuffer(data, dtype)['id'].sum()` | {best:.2f} | 1.00x |")
    names = {
        "struct_column": "overlay `Struct::column::<u64>(bytes, 3)`",
        "struct_fields_nth": "overlay `fields().nth(3)`",
        "derived_view": "overlay derived view `records().iter()`",
    }
    for key, label in names.items():
        print(f"| {label} | {rows[key]:.2f} | {rows[key] / best:.2f}x |")
    print(f"| NumPy, all seven fields (`array[name].sum()` for each) | {best_all:.2f} | {best_all / best:.2f}x |")
    print(f"| overlay `fields()`, all seven values | {rows['struct_fields_all']:.2f} | "
          f"{rows['struct_fields_all'] / best:.2f}x ({rows['struct_fields_all'] / best_all:.2f}x NumPy's all) |")


if __name__ == "__main__":
    main()
