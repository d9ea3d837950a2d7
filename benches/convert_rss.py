#!/usr/bin/env python3
"""Peak resident memory of `overlay convert` against the size of its input.

    python3 benches/convert_rss.py [OVERLAY] [--sizes 256M,1G,4G] [--to parquet]
        [--row-group-rows N] [--random]

Makes sparse files of the given sizes (holes read as zeros, so nothing is written to disk;
with --random, files of random bytes, which no encoding shrinks) in target/bench-data/,
converts each with `overlay convert` (OVERLAY, default
target/release/overlay: build it with `cargo build --release -p overlay-cli`) to a file in
the same directory, and prints the peak resident set size (ru_maxrss of the finished child,
which counts the file pages it had mapped as well as its heap) and the time.

Exits 1 if a peak passes --max-mib (64 by default: the heap bound overlay-arrow's docs give
for this format with the default batches and row groups, about 40 MiB, plus the program's
own pages), or if any size's peak exceeds the smallest size's by more than a quarter: the
peak must not grow with the input. CI runs it on sparse files.
"""

import argparse
import os
import subprocess
import sys
import time

FORMAT = "<qdIIB7x"  # 32-byte records: time, price, id, size, side, padding
NAMES = "time,price,id,size,side"


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    if text[-1].upper() in units:
        return int(text[:-1]) * units[text[-1].upper()]
    return int(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("overlay", nargs="?", default="target/release/overlay")
    parser.add_argument("--sizes", default="256M,1G,4G")
    parser.add_argument("--to", default="parquet", choices=["parquet", "arrow", "jsonl"])
    parser.add_argument("--batch-rows", default="65536")
    parser.add_argument("--row-group-rows", help="Parquet row group size (default: overlay's)")
    parser.add_argument("--random", action="store_true",
                        help="random bytes instead of zeros (written to disk)")
    parser.add_argument("--max-mib", type=float, default=64.0,
                        help="fail if a peak passes this many MiB")
    args = parser.parse_args()
    if not os.path.exists(args.overlay):
        sys.exit(f"{args.overlay} not found: cargo build --release -p overlay-cli")
    data_dir = os.path.join("target", "bench-data")
    os.makedirs(data_dir, exist_ok=True)
    print(f"{'input':>8} {'rows':>12} {'peak RSS':>10} {'seconds':>8}  output")
    peaks = []
    for text in args.sizes.split(","):
        size = parse_size(text)
        data = os.path.join(data_dir, f"convert-rss-{text}.bin")
        with open(data, "wb") as f:
            if args.random:
                chunk = 1 << 24
                for start in range(0, size, chunk):
                    f.write(os.urandom(min(chunk, size - start)))
            else:
                f.truncate(size)
        out = os.path.join(data_dir, f"convert-rss-{text}.{args.to}")
        command = [args.overlay, "convert", FORMAT, data, "--names", NAMES, "--to", args.to,
                   "--output", out, "--batch-rows", args.batch_rows, "--quiet"]
        if args.row_group_rows:
            command += ["--row-group-rows", args.row_group_rows]
        # Each size in a fresh child of its own: ru_maxrss of RUSAGE_CHILDREN is the largest
        # of all waited-for children, so run one child per measurement through a shell-less
        # wrapper process that reports its own child's peak.
        wrapper = (
            "import resource, subprocess, sys\n"
            "subprocess.run(sys.argv[1:], check=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        )
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", wrapper] + command,
                                capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit(f"overlay convert failed on {data}: {result.stderr.strip()}")
        peak_kib = int(result.stdout.split()[-1])
        peaks.append((text, peak_kib / 1024))
        rows = size // 32
        print(f"{text:>8} {rows:>12} {peak_kib / 1024:>7.1f} MiB {seconds:>8.2f}  "
              f"{os.path.getsize(out)} bytes")
        os.remove(out)
        os.remove(data)
    failures = [f"{text}: peak RSS {mib:.1f} MiB > --max-mib {args.max_mib:g}"
                for text, mib in peaks if mib > args.max_mib]
    base_text, smallest = min(peaks, key=lambda peak: parse_size(peak[0]))
    failures += [f"{text}: peak RSS {mib:.1f} MiB grew past 1.25 x {smallest:.1f} MiB "
                 f"({base_text})" for text, mib in peaks if mib > 1.25 * smallest]
    for failure in failures:
        print(f"convert_rss.py: {failure}", file=sys.stderr)
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
