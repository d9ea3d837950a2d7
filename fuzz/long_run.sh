#!/usr/bin/env bash
# The long fuzzing run whose figures the README's reliability section reports: each target
# (or the targets named as arguments) until 10 million executions or an hour, whichever comes
# first, starting from its committed corpus. New inputs go to a scratch directory (the
# committed corpora stay as they are); each target's last libFuzzer status line goes to
# fuzz/long_run.tsv: target, executions, seconds, exec/s, coverage (edges) and features.
#
#   bash fuzz/long_run.sh                 # every target, one after the other
#   bash fuzz/long_run.sh wav frames      # some of them
#
# cargo fuzz needs nightly features: RUSTC_BOOTSTRAP=1 on a stable toolchain (or run it with
# `cargo +nightly fuzz` where a nightly exists). The targets are built without AddressSanitizer
# (`--sanitizer none`, about three times the executions per second): the code under test has no
# `unsafe`, so what a run can find is a panic, an arithmetic overflow (debug assertions are on),
# a hang or runaway memory, which libFuzzer catches without it. CI's short runs keep ASan.
set -euo pipefail
cd "$(dirname "$0")"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list)
fi
out=long_run.tsv
[ -f "$out" ] || printf 'target\texecutions\tseconds\texec_per_s\tcov\tft\tcorpus\n' > "$out"
for target in "${targets[@]}"; do
  scratch=$(mktemp -d)
  log=$(mktemp)
  dict=()
  if [ -f "dict/$target.dict" ]; then
    dict=("-dict=dict/$target.dict")
  fi
  start=$(date +%s)
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none "$target" "$scratch" "corpus/$target" -- \
    -runs=10000000 -max_total_time=3600 -timeout=10 -print_final_stats=1 \
    ${dict[@]+"${dict[@]}"} > "$log" 2>&1
  seconds=$(( $(date +%s) - start ))
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
  corp=$(grep -o 'corp: [0-9]*' <<<"$last" | grep -o '[0-9]*' || true)
  rate=$(( runs / (seconds > 0 ? seconds : 1) ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$runs" "$seconds" "$rate" "$cov" "$ft" "$corp" >> "$out"
  rm -rf "$scratch" "$log"
done
