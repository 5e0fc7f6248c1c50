#!/usr/bin/env bash
# Emergent figures beside the national ones: runs each scenario named (the baseline by
# default) and prints validation/validate.py's flow and stationarity tables, the tables of
# docs/validation.md. Usage: scripts/validate.sh [--reps N] [scenario.yaml ...]
# A scenario whose name starts with "england" is compared in counts with the national
# figures of the year ending March 2020 (its first year); a council's scenario per referral
# with the 2025 ratios its parameters cite.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=100
if [[ "${1:-}" == "--reps" ]]; then reps=$2; shift 2; fi
scenarios=("$@")
[[ ${#scenarios[@]} -gt 0 ]] || scenarios=(scenarios/baseline.yaml)
caseflow=${CASEFLOW:-build/app/caseflow}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for scenario in "${scenarios[@]}"; do
  name=$(basename "$scenario" .yaml)
  "$caseflow" run "$scenario" --reps "$reps" --out "$work/$name" > /dev/null
  if [[ $name == england* ]]; then flow_args=(--year 2020 --absolute --skip-years 2); else flow_args=(--year 2025); fi
  echo "### $name: flows ($reps replications, seed as bundled)"
  echo
  /usr/bin/python3 validation/validate.py flows "$work/$name" "${flow_args[@]}"
  echo
  echo "### $name: stationarity"
  echo
  /usr/bin/python3 validation/validate.py stationarity "$work/$name"
  echo
done
