#!/usr/bin/env bash
# Cold start: CPU time (user + sys) of building, from nothing, a tiny binary crate that reads one
# field of one record with overlay, with serde + bincode, and with zerocopy, each in release
# with a fresh target directory, and the number of crates each one builds. Prints one
# Markdown table row per contender.
#
#   bash benches/cold_start.sh            # overlay from this checkout
#
# Needs network access to crates.io (or a filled cargo cache) and /usr/bin/time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

new_crate() { # name, dependencies (TOML lines), main.rs
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n%s\n\n[workspace]\n' \
    "cold-$1" "$2" > "$work/$1/Cargo.toml"
  printf '%s\n' "$3" > "$work/$1/src/main.rs"
}

new_crate overlay "overlay = { path = \"$root\" }" '
use overlay::Overlay;
#[derive(Overlay)]
#[overlay(endian = "big")]
struct Header { magic: u32, version: u16, length: u16 }
fn main() {
    let bytes = std::env::args().nth(1).unwrap_or_default().into_bytes();
    match Header::view_prefix(&bytes) {
        Ok((header, _)) => println!("{}", header.length()),
        Err(e) => println!("{e}"),
    }
}'

new_crate serde_bincode 'serde = { version = "1", features = ["derive"] }
bincode = { version = "=2.0.1", features = ["serde"] }' '
#[derive(serde::Deserialize)]
struct Header { magic: u32, version: u16, length: u16 }
fn main() {
    let bytes = std::env::args().nth(1).unwrap_or_default().into_bytes();
    let config = bincode::config::standard().with_big_endian().with_fixed_int_encoding();
    match bincode::serde::decode_from_slice::<Header, _>(&bytes, config) {
        Ok((header, _)) => println!("{} {} {}", header.magic, header.version, header.length),
        Err(e) => println!("{e}"),
    }
}'

new_crate zerocopy 'zerocopy = { version = "0.8", features = ["derive"] }' '
use zerocopy::byteorder::{BigEndian, U16, U32};
use zerocopy::{FromBytes, Immutable, KnownLayout, Unaligned};
#[derive(FromBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
struct Header { magic: U32<BigEndian>, version: U16<BigEndian>, length: U16<BigEndian> }
fn main() {
    let bytes = std::env::args().nth(1).unwrap_or_default().into_bytes();
    match Header::ref_from_prefix(&bytes) {
        Ok((header, _)) => println!("{} {} {}", header.magic, header.version, header.length),
        Err(_) => println!("too short"),
    }
}'

echo "| crate | CPU seconds (user + sys) | wall seconds | crates built |"
echo "|---|---|---|---|"
for name in overlay serde_bincode zerocopy; do
  dir="$work/$name"
  (cd "$dir" && cargo fetch -q)
  /usr/bin/time -f '%U %S %e' -o "$dir/time" \
    cargo build --release --quiet --manifest-path "$dir/Cargo.toml" --target-dir "$dir/target"
  read -r user sys wall < "$dir/time"
  crates=$(cd "$dir" && cargo tree -e normal,build --prefix none | sed 's/ (\*)$//' | sort -u | wc -l)
  awk -v n="$name" -v u="$user" -v s="$sys" -v w="$wall" -v c="$crates" \
    'BEGIN { printf "| %s | %.1f | %.1f | %s |\n", n, u + s, w, c }'
done
