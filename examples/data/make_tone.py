#!/usr/bin/env python3
"""Writes tone.wav, the sample input of `cargo run --example wav`.

Made with CPython's wave module (not with overlay) so the example reads bytes that an
independent implementation wrote: a 440 Hz tone, 8-bit unsigned mono PCM at 8000 Hz, peak
amplitude 100 (samples 28..228 around the silence level 128), 2001 frames. An odd number of
8-bit mono frames makes the data chunk's size odd, so RIFF wants a pad byte after it (the
wave module of CPython 3.11 leaves it out when the chunk ends the file; this script adds it);
then a LIST/INFO chunk (the software that made the file) is appended, as audio editors do,
so the example shows the pad byte skipped and an unknown chunk walked past. Deterministic:
rerunning it writes the same 2,080 bytes.
"""
import io
import math
import os
import struct
import wave

RATE = 8000
FRAMES = 2001
AMPLITUDE = 100

samples = bytes(
    128 + round(AMPLITUDE * math.sin(2 * math.pi * 440 * i / RATE)) for i in range(FRAMES)
)
buffer = io.BytesIO()
with wave.open(buffer, "wb") as w:
    w.setnchannels(1)
    w.setsampwidth(1)
    w.setframerate(RATE)
    w.writeframes(samples)
data = bytearray(buffer.getvalue())
assert data[:4] == b"RIFF" and data[8:16] == b"WAVEfmt " and data[36:40] == b"data"
assert len(data) in (44 + FRAMES, 44 + FRAMES + 1)
if len(data) % 2:
    data += b"\0"  # the pad byte after the odd-sized data chunk

name = b"make_tone.py\0\0"  # ISFT (software): NUL-terminated, padded to an even size
info = b"INFO" + b"ISFT" + struct.pack("<I", len(name)) + name
data += b"LIST" + struct.pack("<I", len(info)) + info
struct.pack_into("<I", data, 4, len(data) - 8)  # the RIFF size covers the new chunk

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tone.wav")
with open(out, "wb") as f:
    f.write(data)
with wave.open(out, "rb") as w:  # CPython's reader accepts it
    assert (w.getnchannels(), w.getsampwidth(), w.getnframes()) == (1, 1, FRAMES)
print(f"wrote {len(data)} bytes to {out}")
