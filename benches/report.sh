#!/usr/bin/env bash
# Runs the comparison benchmarks in a quick mode and prints the README's results table
# (Markdown) on stdout; progress goes to stderr. About 3 minutes on a 2-core machine, plus
# writing ~3 GB of data files under target/bench-data the first time.
#
#   bash benches/report.sh > target/bench-report/table.md
#
# Needs valgrind (instruction counts) and /usr/bin/time (peak memory); python3 formats the table.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/bench-report
DATA=target/bench-data
mkdir -p "$OUT" "$DATA"
log() { echo "== $*" >&2; }

for tool in valgrind /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "benches/report.sh needs $tool" >&2; exit 1; }
done

log "building"
cargo build --release -p overlay-bench --bin bench_probe >&2
cargo bench -p overlay-bench --no-run --bench scan --bench decode_one --bench write_in_place --bench random_access --bench loops --bench bit_fields --bench dispatch --bench leb128 >&2
PROBE=target/release/bench_probe

log "criterion, quick mode"
rm -rf target/criterion/{scan,decode_one,write_in_place,random_access,loops}_* target/criterion/decode_one target/criterion/bit_field_1000 target/criterion/dispatch_1000 target/criterion/leb128_1000
for bench in scan decode_one write_in_place random_access loops bit_fields dispatch leb128; do
  cargo bench -p overlay-bench --bench "$bench" -- --quick --noplot >&2
done

CONTENDERS="hand_written overlay overlay_unpack zerocopy bincode postcard binrw"

log "heap bytes per call (N = 1,000,000; decode_one: one record)"
: > "$OUT/heap.tsv"
for question in scan decode_one write_in_place random_access; do
  for contender in $CONTENDERS; do
    [ "$contender" = overlay_unpack ] && [ "$question" != scan ] && continue
    "$PROBE" heap "$question" "$contender" 1000000 >> "$OUT/heap.tsv"
  done
done

log "callgrind instructions (N = 1,000; 200 calls, minus a set-up-only baseline)"
: > "$OUT/instr.tsv"
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$PROBE" instr "$@" 2>&1 \
    | sed -n 's/.*refs: *//p' | tr -d ,
}
for question in scan decode_one write_in_place random_access; do
  base=$(instructions "$question" none 1000 200)
  for contender in $CONTENDERS; do
    [ "$contender" = overlay_unpack ] && [ "$question" != scan ] && continue
    total=$(instructions "$question" "$contender" 1000 200)
    echo "question=$question contender=$contender total=$total baseline=$base calls=200" >> "$OUT/instr.tsv"
  done
done
# Several loops in one function (benches/loops.rs), the bit-field contenders
# (benches/bit_fields.rs), dispatch on tagged payloads (benches/dispatch.rs) and LEB128
# decoding (benches/leb128.rs), which have
# contenders of their own.
for spec in "loops:hand_written overlay zerocopy" \
            "bits:hand_written overlay bitfield_struct modular_bitfield" \
            "dispatch:hand_written overlay" \
            "leb128:hand_written overlay"; do
  question=${spec%%:*}
  base=$(instructions "$question" none 1000 200)
  for contender in ${spec#*:}; do
    total=$(instructions "$question" "$contender" 1000 200)
    echo "question=$question contender=$contender total=$total baseline=$base calls=200" >> "$OUT/instr.tsv"
  done
done

log "cold_open: fresh process per run, page cache warm"
: > "$OUT/cold.tsv"
for size in 32mb:1000000 1gb:33554432; do
  name=${size%%:*}; records=${size##*:}
  if [ ! -s "$DATA/$name/postcard.bin" ]; then
    log "writing $DATA/$name ($records records)"
    "$PROBE" make "$DATA/$name" "$records"
  fi
  cat "$DATA/$name"/*.bin > /dev/null   # warm the page cache
  for contender in overlay zerocopy bincode postcard binrw; do
    for run in 1 2 3; do
      line=$(/usr/bin/time -f "maxrss_kb=%M" -o "$OUT/time.txt" "$PROBE" cold-open "$contender" "$DATA/$name")
      echo "size=$name run=$run $line $(cat "$OUT/time.txt")" >> "$OUT/cold.tsv"
    done
  done
done

log "table"
python3 benches/report.py "$OUT"
