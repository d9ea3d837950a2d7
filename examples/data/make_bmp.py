#!/usr/bin/env python3
"""Writes sample.bmp, the sample input of `cargo run --example image`.

Made with Pillow (not with overlay) so the example reads bytes that an independent
implementation wrote: a 64 x 48 picture, 24 bits per pixel, stored bottom-up as Pillow writes
BMP files (BITMAPFILEHEADER + 40-byte BITMAPINFOHEADER, rows padded to 4 bytes: 192 bytes
each, no padding needed at this width; 9,270 bytes in all).

The pixels are computed here, not drawn with ImageDraw, so the file does not depend on how a
Pillow version rasterises shapes: a red-to-blue gradient across, green rising towards the
bottom, a white disc in the upper left and a dark bar in the lower right, so that the top and
the bottom of the picture differ and a row-order mistake shows. Deterministic: rerunning it
writes the same bytes.
"""
import os

from PIL import Image

WIDTH, HEIGHT = 64, 48


def pixel(x, y):
    if (x - 18) ** 2 + (y - 14) ** 2 <= 8**2:
        return (255, 255, 255)  # the disc, centred at (18, 14), near the top
    if 40 <= x < 58 and 32 <= y < 40:
        return (20, 30, 40)  # the bar, near the bottom
    return (255 - x * 4, y * 5, x * 4)


rgb = bytes(c for y in range(HEIGHT) for x in range(WIDTH) for c in pixel(x, y))
image = Image.frombytes("RGB", (WIDTH, HEIGHT), rgb)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample.bmp")
image.save(out, format="BMP")
with Image.open(out) as back:  # Pillow's reader gives back what was written
    assert back.size == (WIDTH, HEIGHT) and back.mode == "RGB"
    assert back.tobytes() == rgb
size = os.path.getsize(out)
assert size == 14 + 40 + WIDTH * 3 * HEIGHT
print(f"wrote {size} bytes to {out}")
