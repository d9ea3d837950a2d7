#!/usr/bin/env python3
"""Formats the output of benches/report.sh as Markdown: criterion medians, callgrind
instruction counts, heap bytes and cold-open runs, each compared with hand-written code."""
import json
import os
import platform
import re
import statistics
import subprocess
import sys
from datetime import date

OUT = sys.argv[1]
RECORD = 32
CONTENDERS = ["hand_written", "overlay", "overlay_unpack", "zerocopy", "bincode", "postcard", "binrw"]
QUESTIONS = {
    # question: (criterion groups, records per call (per group), what one "record" is)
    "scan": (["scan_1000", "scan_1000000"], [1000, 1000000]),
    "decode_one": (["decode_one"], [1]),
    "write_in_place": (["write_in_place_1000", "write_in_place_1000000"], [1000, 1000000]),
    "random_access": (["random_access_1000", "random_access_1000000"], [1000, 1000]),
}


def kv(line):
    return dict(part.split("=", 1) for part in line.split())


def rows(name):
    with open(os.path.join(OUT, name)) as f:
        return [kv(line) for line in f if line.strip()]


def median_ns(group, contender):
    path = os.path.join("target", "criterion", group, contender, "new", "estimates.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"]


def fmt_time(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.2f} ns"


def fmt_rate(bytes_per_s):
    return f"{bytes_per_s / 2**30:.1f} GiB/s" if bytes_per_s >= 2**30 else f"{bytes_per_s / 2**20:.0f} MiB/s"


def fmt_bytes(n):
    n = int(n)
    if n == 0:
        return "0"
    if n >= 2**20:
        return f"{n / 2**20:.1f} MiB"
    if n >= 2**10:
        return f"{n / 2**10:.1f} KiB"
    return f"{n} B"


heap = {(r["question"], r["contender"]): r["heap_bytes"] for r in rows("heap.tsv")}
instr = {}
for r in rows("instr.tsv"):
    per_call = (int(r["total"]) - int(r["baseline"])) / int(r["calls"])
    instr[(r["question"], r["contender"])] = per_call

cpu = "unknown CPU"
try:
    with open("/proc/cpuinfo") as f:
        cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
except (OSError, StopIteration):
    pass
rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()

print(f"Measured {date.today().isoformat()} on {cpu}, {os.cpu_count()} cores, "
      f"{platform.system()} {platform.release()}, {rustc}; `bash benches/report.sh` "
      "(criterion `--quick`, medians). Ratios are to hand-written `from_be_bytes` code on the "
      "same data in the same run; instructions are callgrind counts at N = 1,000; heap is what "
      "one call allocates on N = 1,000,000 records (one record for decode_one).\n")

for question, (groups, per_call) in QUESTIONS.items():
    unit = "lookup" if question == "random_access" else "record"
    headers = ["contender"]
    for group in groups:
        headers += [f"{group}: time/{unit}", "throughput", "vs hand"]
    headers += [f"instructions/{unit}", "vs hand", "heap bytes"]
    print(f"**{question}**\n")
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for contender in CONTENDERS:
        if contender == "overlay_unpack" and question != "scan":
            continue
        cells = [contender]
        for group, n in zip(groups, per_call):
            ns = median_ns(group, contender)
            hand = median_ns(group, "hand_written")
            if ns is None:
                cells += ["", "", ""]
                continue
            cells += [
                fmt_time(ns / n),
                fmt_rate(n * RECORD / (ns / 1e9)),
                f"{ns / hand:.2f}x" if hand else "",
            ]
        records = 1 if question == "decode_one" else 1000
        ins = instr.get((question, contender))
        hand_ins = instr.get((question, "hand_written"))
        cells += [
            f"{ins / records:.2f}" if ins is not None else "",
            f"{ins / hand_ins:.3f}x" if ins is not None and hand_ins else "",
            fmt_bytes(heap.get((question, contender), 0)),
        ]
        print("| " + " | ".join(cells) + " |")
    print()

# Questions with contenders of their own: several loops in one function, bit fields,
# dispatch on tagged payloads and LEB128 decoding.
OWN = {
    # question: (title, criterion groups, contenders, what instructions are counted per)
    "loops": ("loops (benches/loops.rs: increment, scans and random reads in one function)",
              ["loops_1000", "loops_100000"], ["hand_written", "overlay", "zerocopy"], "call", 1),
    "bits": ("bits (benches/bit_fields.rs: `ihl` and `fragment_offset` of 1,000 IPv4 headers)",
             ["bit_field_1000/ihl_and_fragment"],
             ["hand_written", "overlay", "bitfield_struct", "modular_bitfield"], "header", 1000),
    "dispatch": ("dispatch (benches/dispatch.rs: 1,000 mixed Ethernet frames matched on tagged "
                 "payloads, against a hand-written `match`)",
                 ["dispatch_1000"], ["hand_written", "overlay"], "frame", 1000),
    "leb128": ("leb128 (benches/leb128.rs: 1,000 unsigned LEB128 values read through a derived "
               "record, against a hand-written loop)",
               ["leb128_1000"], ["hand_written", "overlay"], "value", 1000),
}
for question, (title, groups, contenders, unit, per) in OWN.items():
    print(f"**{title}**\n")
    headers = ["contender"]
    for group in groups:
        headers += [f"{group}: median", "vs hand"]
    headers += [f"instructions/{unit}", "vs hand"]
    print("| " + " | ".join(headers) + " |")
    print("|" + "---|" * len(headers))
    for contender in contenders:
        cells = [contender]
        for group in groups:
            ns = median_ns(group, contender)
            hand = median_ns(group, "hand_written")
            cells += [fmt_time(ns) if ns else "", f"{ns / hand:.2f}x" if ns and hand else ""]
        ins = instr.get((question, contender))
        hand_ins = instr.get((question, "hand_written"))
        cells += [
            f"{ins / per:,.2f}" if ins is not None else "",
            f"{ins / hand_ins:.3f}x" if ins is not None and hand_ins else "",
        ]
        print("| " + " | ".join(cells) + " |")
    print()

# Ceilings beside scan.
print("**scan ceilings** (read bandwidth of the same buffer)\n")
print("| ceiling | N = 1,000 | N = 1,000,000 |")
print("|---|---|---|")
for ceiling in ["ceiling_sum_u64", "ceiling_memcpy"]:
    cells = [ceiling]
    for group, n in zip(QUESTIONS["scan"][0], QUESTIONS["scan"][1]):
        ns = median_ns(group, ceiling)
        cells.append(f"{fmt_time(ns)} ({fmt_rate(n * RECORD / (ns / 1e9))})" if ns else "")
    print("| " + " | ".join(cells) + " |")
print()

cold = rows("cold.tsv")
print("**cold_open** (fresh process per run, page cache warm; open the file and read the "
      "last record's id; median of 3 runs)\n")
print("| contender | 32 MB: time | peak RSS | heap | 1 GB: time | peak RSS | heap | 1 GB vs overlay |")
print("|---|---|---|---|---|---|---|---|")
by = {}
for r in cold:
    by.setdefault((r["contender"], r["size"]), []).append(r)
overlay_1gb = statistics.median(float(r["micros"]) for r in by[("overlay", "1gb")])
for contender in ["overlay", "zerocopy", "bincode", "postcard", "binrw"]:
    cells = [contender]
    for size in ["32mb", "1gb"]:
        runs = by[(contender, size)]
        micros = statistics.median(float(r["micros"]) for r in runs)
        rss = max(int(r["maxrss_kb"]) for r in runs) * 1024
        cells += [fmt_time(micros * 1e3), fmt_bytes(rss), fmt_bytes(runs[0]["heap_bytes"])]
    micros_1gb = statistics.median(float(r["micros"]) for r in by[(contender, "1gb")])
    cells.append(f"{micros_1gb / overlay_1gb:,.0f}x")
    print("| " + " | ".join(cells) + " |")
