#!/usr/bin/env bash
# Executes every notebook headless with Debian's Jupyter (the python3 on PATH may be a
# separate interpreter without pandas), writing executed copies under build/notebooks.
# The notebooks find the binary through CASEFLOW_BIN (notebooks/caseflow_notebook.py). The
# baseline notebook reads a run made here through CASEFLOW_RUN_DIR, as a user's run folder
# would be; the others make their own runs, the other way a notebook gets its data.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/notebooks build/notebook-runs
export CASEFLOW_ROOT="$PWD" CASEFLOW_BIN="$PWD/build/app/caseflow"
run_dir="build/notebook-runs/baseline-for-notebook"
rm -rf "$run_dir"
"$CASEFLOW_BIN" run scenarios/baseline.yaml --reps 50 --out "$run_dir" > /dev/null
for nb in notebooks/*.ipynb; do
  echo "notebook: $nb"
  if [[ "$nb" == notebooks/baseline.ipynb ]]; then
    CASEFLOW_RUN_DIR="$PWD/$run_dir" /usr/bin/python3 -m nbconvert --to notebook --execute \
      --ExecutePreprocessor.timeout=900 --output-dir build/notebooks "$nb"
  else
    env -u CASEFLOW_RUN_DIR /usr/bin/python3 -m nbconvert --to notebook --execute \
      --ExecutePreprocessor.timeout=900 --output-dir build/notebooks "$nb"
  fi
done
