#!/usr/bin/env bash
# Prints the README's grid table (Markdown) on stdout: for each kernel of benches/grid.rs,
# callgrind instructions per run (minus a set-up-only baseline) and criterion's median time for
# overlay, hand-written code and ndarray, then NumPy's and a Python memoryview loop's time on the
# same data (benches/grid_python.py). Progress goes to stderr. About 4 minutes on 2 cores.
#
#   bash benches/grid_report.sh > target/grid-report.md
#
# Needs valgrind, python3 with numpy.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "== $*" >&2; }

log "building"
BIN=$(cargo bench -p overlay-bench --bench grid --no-run --message-format=json 2>/dev/null \
  | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "grid" and m.get("executable"):
        print(m["executable"])')

log "callgrind (20 runs per kernel)"
instructions() {
  GRID_PROBE="$1" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" 2>&1 \
    | sed -n 's/.*refs: *//p' | tr -d ,
}
OUT=target/grid-report
mkdir -p "$OUT"
base=$(instructions none)
: > "$OUT/instr.txt"
for kernel in bgr_full bgr_roi f32_full f32_roi f32_transposed f32_stepped; do
  for contender in hand overlay ndarray; do
    echo "$kernel $contender $(( ($(instructions "${kernel}_$contender") - base) / 20 ))" >> "$OUT/instr.txt"
  done
done

log "criterion"
rm -rf target/criterion/grid
"$BIN" --bench --noplot >&2

log "python"
python3 benches/grid_python.py > "$OUT/python.txt"

python3 - "$OUT" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
instr = {}
for line in (out / "instr.txt").read_text().split("\n"):
    if line:
        k, c, n = line.split()
        instr[(k, c)] = int(n)
def median_ms(kernel, contender):
    p = pathlib.Path("target/criterion/grid") / f"{kernel}_{contender}" / "new" / "estimates.json"
    return json.loads(p.read_text())["median"]["point_estimate"] / 1e6
py = {}
for line in (out / "python.txt").read_text().split("\n"):
    if line:
        k, numpy_ms, mv_ms, _ = line.split()
        py[k] = (float(numpy_ms), float(mv_ms))
print("| kernel | overlay | hand-written | ndarray | overlay / hand (instr) | overlay / hand (time) | NumPy | memoryview loop |")
print("|---|---|---|---|---|---|---|---|")
for kernel in ["bgr_full", "bgr_roi", "f32_full", "f32_roi", "f32_transposed", "f32_stepped"]:
    t = {c: median_ms(kernel, c) for c in ["overlay", "hand_written", "ndarray"]}
    i = {c: instr[(kernel, c)] for c in ["overlay", "hand", "ndarray"]}
    cell = lambda c, ic: f"{t[c]:.3f} ms, {i[ic] / 1e6:.2f} M instr"
    print(f"| {kernel} | {cell('overlay','overlay')} | {cell('hand_written','hand')} | "
          f"{cell('ndarray','ndarray')} | {i['overlay'] / i['hand']:.3f}x | "
          f"{t['overlay'] / t['hand_written']:.3f}x | {py[kernel][0]:.3f} ms | {py[kernel][1]:.0f} ms |")
PY
