#!/usr/bin/env bash
# Rewrites tests/regression/fingerprints.tsv from the current code: builds the regression
# test program and runs it with CASEFLOW_UPDATE_FINGERPRINTS=1, which recomputes every row at
# its stored seed, replications and horizon (to change those, edit them in the file first).
# A changed value must go in a commit of its own that says why the results changed
# (docs/regression.md).
# Usage: scripts/update-fingerprints.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-build}

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -DCASEFLOW_WERROR=ON -DCASEFLOW_BENCH=OFF
fi
# The test program writes into the source tree it was configured from: make sure it is this one.
configured=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
if [ "$(realpath "$configured")" != "$(realpath "$root")" ]; then
  echo "update-fingerprints: $build was configured from $configured, not $root" >&2
  exit 2
fi
cmake --build "$build" -j2 --target regression_tests
CASEFLOW_UPDATE_FINGERPRINTS=1 "$build/tests/regression_tests"

if git diff --quiet -- tests/regression/fingerprints.tsv; then
  echo "update-fingerprints: no stored value changed"
else
  git --no-pager diff --word-diff=color -- tests/regression/fingerprints.tsv
  echo "update-fingerprints: values changed; commit tests/regression/fingerprints.tsv on its own, saying why"
fi
