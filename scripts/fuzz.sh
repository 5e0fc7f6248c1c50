#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (AddressSanitizer and UndefinedBehavior-
# Sanitizer on the whole build) and runs each from its seed corpus. With no argument it runs the
# short, fixed campaign CI runs (the same inputs every time: -seed=1 and a count of runs);
# `scripts/fuzz.sh RUNS` runs RUNS inputs per target (docs/reliability.md has the campaigns).
# A crash, a sanitizer report or a disagreement with libxml2 stops it with the input saved
# under build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-}
targets=(xml_scanner returns_xml ssda903_csv scenario history_csv demand_paths_csv forecast)
# CI's counts: about 15-30 s a target on a quiet machine (docs/reliability.md).
declare -A ci_runs=([xml_scanner]=200000 [returns_xml]=6000 [ssda903_csv]=6000 [scenario]=4000 [history_csv]=6000 [demand_paths_csv]=6000 [forecast]=1500)

CXX=clang++ cmake -S . -B build-fuzz -DCASEFLOW_FUZZ=ON -DCASEFLOW_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build-fuzz -j2 --target "${targets[@]/%/_fuzz}"
mkdir -p build-fuzz/findings
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  n=${runs:-${ci_runs[$t]}}
  log="build-fuzz/$t.log"
  # The first folder takes the inputs that reach new code; the seeds are read only.
  start=$(date +%s)
  if ! "build-fuzz/fuzz/${t}_fuzz" -seed=1 -runs="$n" -max_len=8192 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="build-fuzz/findings/$t-" "build-fuzz/corpus/$t" "fuzz/corpus/$t" > "$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $t FAILED: the input is in build-fuzz/findings/ (the log: $log)" >&2
    exit 1
  fi
  echo "fuzz: $t: $(grep -o 'number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$') inputs in $(( $(date +%s) - start )) s, no finding"
done
