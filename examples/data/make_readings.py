#!/usr/bin/env python3
"""Writes readings.bin, the sample input of `cargo run --example quickstart`.

Made with CPython's struct module (not with overlay) so the example reads bytes that an
independent implementation wrote. Format: big-endian, 24 bytes per record:
  sensor_id u16, status u8 (0 ok, 1 warn, 2 fault), calibrated bool, timestamp u32,
  accel [i16; 3], 2 reserved bytes, temperature f32, sequence u32.
"""
import os
import struct

FORMAT = ">HB?I3h2xfI"
assert struct.calcsize(FORMAT) == 24

records = []
for i in range(16):
    status = 2 if i == 11 else (1 if i % 5 == 4 else 0)
    records.append(struct.pack(
        FORMAT,
        100 + i % 4,                  # sensor_id
        status,                       # status
        i % 3 != 0,                   # calibrated
        1_700_000_000 + 60 * i,       # timestamp
        (i * 37) % 200 - 100, -i * 11, 981 - i,   # accel x, y, z
        20.0 + i * 0.25,              # temperature (exact in f32)
        i,                            # sequence
    ))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "readings.bin")
with open(out, "wb") as f:
    f.write(b"".join(records))
print(f"wrote {len(records)} records ({24 * len(records)} bytes) to {out}")
