#!/usr/bin/env bash
# Compile time of the generated code: a crate of 100 structs (about 1,000 fields of integers,
# floats, bools, byte arrays and nested records, in several byte orders) derived three ways:
# overlay's `#[derive(Overlay)]`, serde's `Serialize + Deserialize`, zerocopy's derives.
# Dependencies are built first; what is timed is the crate itself, in release (CPU seconds,
# user + sys, best of 2). The expansion's line count comes from rustc's `-Zunpretty=expanded`
# (RUSTC_BOOTSTRAP=1). Prints one Markdown table row per derive.
#
#   bash benches/compile_time.sh
#   COMPILE_TIME_DIR=/tmp/ct bash benches/compile_time.sh   # keep the crates there
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${COMPILE_TIME_DIR:-}" ]; then
  work=$COMPILE_TIME_DIR
  rm -rf "$work" && mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

python3 - "$work" "$root" <<'PY'
import os, random, sys
work, root = sys.argv[1], sys.argv[2]
rng = random.Random(13)
scalars = ["u8", "u16", "u32", "u64", "i16", "i32", "i64", "f32", "f64", "bool"]
structs = []
for n in range(100):
    fields = []
    for k in range(rng.randint(6, 13)):
        r = rng.random()
        if r < 0.08 and n > 0:
            fields.append((f"f{k}", f"S{rng.randrange(n)}"))
        elif r < 0.16:
            fields.append((f"f{k}", f"[u8; {rng.choice([2, 4, 6, 16])}]"))
        else:
            fields.append((f"f{k}", rng.choice(scalars)))
    structs.append(fields)
total = sum(len(f) for f in structs)
print(f"{len(structs)} structs, {total} fields", file=sys.stderr)

def crate(name, deps, header, attrs, field_type):
    os.makedirs(f"{work}/{name}/src")
    with open(f"{work}/{name}/Cargo.toml", "w") as f:
        f.write(f'[package]\nname = "ct-{name}"\nversion = "0.1.0"\nedition = "2021"\n\n'
                f'[dependencies]\n{deps}\n\n[workspace]\n')
    with open(f"{work}/{name}/src/lib.rs", "w") as f:
        f.write(header)
        for n, fields in enumerate(structs):
            big = n % 2 == 1
            f.write(attrs(big))
            f.write(f"pub struct S{n} {{\n")
            for name_, ty in fields:
                f.write(f"    pub {name_}: {field_type(ty, big)},\n")
            f.write("}\n\n")

crate("overlay", f'overlay = {{ path = "{root}" }}', "use overlay::Overlay;\n\n",
      lambda big: '#[derive(Overlay)]\n' + ('#[overlay(endian = "big")]\n' if big else ''),
      lambda ty, big: ty)
crate("serde", 'serde = { version = "1", features = ["derive"] }',
      "use serde::{Deserialize, Serialize};\n\n",
      lambda big: '#[derive(Serialize, Deserialize)]\n', lambda ty, big: ty)

def zc_type(ty, big):
    order = "BigEndian" if big else "LittleEndian"
    table = {"u16": f"U16<{order}>", "u32": f"U32<{order}>", "u64": f"U64<{order}>",
             "i16": f"I16<{order}>", "i32": f"I32<{order}>", "i64": f"I64<{order}>",
             "f32": f"F32<{order}>", "f64": f"F64<{order}>", "bool": "u8"}
    return table.get(ty, ty)
crate("zerocopy", 'zerocopy = { version = "0.8", features = ["derive"] }',
      "use zerocopy::byteorder::*;\nuse zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};\n\n",
      lambda big: '#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]\n#[repr(C)]\n',
      zc_type)
PY

echo "| derive | CPU seconds (user + sys) of the crate | expansion lines |"
echo "|---|---|---|"
for name in overlay serde zerocopy; do
  dir="$work/$name"
  cargo build --release --quiet --manifest-path "$dir/Cargo.toml" --target-dir "$dir/target"
  best=""
  for _ in 1 2; do
    touch "$dir/src/lib.rs"
    /usr/bin/time -f '%U %S' -o "$dir/time" \
      cargo build --release --quiet --manifest-path "$dir/Cargo.toml" --target-dir "$dir/target"
    read -r user sys < "$dir/time"
    now=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    best=$(awk -v a="${best:-$now}" -v b="$now" 'BEGIN { print (b < a ? b : a) }')
  done
  lines=$(cd "$dir" && RUSTC_BOOTSTRAP=1 cargo rustc --release --quiet --target-dir "$dir/target" \
    -- -Zunpretty=expanded 2>/dev/null | wc -l)
  echo "| $name | $best | $lines |"
done
