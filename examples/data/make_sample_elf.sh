#!/bin/sh
# Writes examples/data/sample.elf, the elf example's default input: a small 32-bit big-endian
# MIPS program (ELF32, EI_DATA = 2) linked against a shared library with two version nodes,
# from the sources in tests/data/elf, with Debian's cross binutils (binutils-mips-linux-gnu).
#
#     sh examples/data/make_sample_elf.sh
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mips-linux-gnu-as -o lib.o "$root/tests/data/elf/lib.s"
mips-linux-gnu-as -o main.o "$root/tests/data/elf/main.s"
mips-linux-gnu-ld -shared --build-id --hash-style=both -soname libgreet.so \
  --version-script "$root/tests/data/elf/lib.map" -o libgreet.so lib.o
mips-linux-gnu-ld --build-id -e _start -dynamic-linker /lib/ld.so.1 -o main main.o libgreet.so
cp main "$root/examples/data/sample.elf"
