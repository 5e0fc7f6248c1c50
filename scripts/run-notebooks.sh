#!/usr/bin/env bash
# Executes every notebook headless with Debian's Jupyter (the python3 on PATH may be a
# separate interpreter without pandas), writing executed copies under build/notebooks.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/notebooks
for nb in notebooks/*.ipynb; do
  echo "notebook: $nb"
  CASEFLOW_ROOT="$PWD" /usr/bin/python3 -m nbconvert --to notebook --execute \
    --ExecutePreprocessor.timeout=900 --output-dir build/notebooks "$nb"
done
