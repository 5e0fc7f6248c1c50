#!/usr/bin/env bash
# The full test suite: installs what is missing, builds with warnings as errors, runs every
# test, then builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs every
# test there too, runs the short fuzzing campaign (scripts/fuzz.sh, clang's libFuzzer), and
# finally executes the notebooks headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
jobs=2

cmake -S . -B build -DCASEFLOW_WERROR=ON
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs")

cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASEFLOW_SANITIZE=ON -DCASEFLOW_WERROR=ON \
  -DCASEFLOW_BENCH=OFF
cmake --build build-sanitize -j"$jobs"
(cd build-sanitize && ctest --output-on-failure -j"$jobs")

bash scripts/fuzz.sh

if compgen -G "notebooks/*.ipynb" > /dev/null; then
  bash scripts/run-notebooks.sh
fi
