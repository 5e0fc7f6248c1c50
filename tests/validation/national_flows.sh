#!/usr/bin/env bash
# Validation against the national figures (docs/validation.md), on short runs:
# - England (scenarios/england.yaml), 1 replication x 36 months at the bundled seed: every
#   checked flow of its third year (validation/national-flows.csv) within 5% of the national
#   figure for 2019-20 (2 points for percentages). The second year still carries the warm
#   start's older children in care (docs/validation.md). One replication is enough at
#   England's scale: the smallest checked flow (children ceasing care, about 30,000 a year)
#   has a Poisson noise of 0.6%, an eighth of the tolerance.
# - The baseline, 100 replications x 60 months: every stock drifts under 1% a year after the
#   first year, and the first three months are within 3% (2 points) of the same months later.
#   At 100 replications a stock's yearly mean has a noise of about 0.3%.
# Usage: national_flows.sh CASEFLOW_BINARY SOURCE_DIR
set -euo pipefail
caseflow=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$caseflow" run "$source_dir/scenarios/england.yaml" --reps 1 --horizon-months 36 --out "$work/england" > /dev/null
/usr/bin/python3 "$source_dir/validation/validate.py" flows "$work/england" --year 2020 --absolute --skip-years 2 --strict
"$caseflow" run "$source_dir/scenarios/baseline.yaml" --reps 100 --out "$work/baseline" > /dev/null
/usr/bin/python3 "$source_dir/validation/validate.py" stationarity "$work/baseline" --strict
