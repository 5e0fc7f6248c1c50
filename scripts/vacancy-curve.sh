#!/usr/bin/env bash
# The vacancy curve of docs/scenarios.md: the baseline with 0%, 5%, ..., 30% of the
# assessment team's posts empty on the start date and no agency cover beyond the baseline's
# (the service-wide agency share is already at its target, so empty posts wait for permanent
# recruitment), against the assessment team's unallocated cases, caseload per FTE and the
# share of assessments within 45 working days.
# Usage: scripts/vacancy-curve.sh [BINARY] [REPS] [SEED]
#   (defaults: build/app/caseflow, 100, 20190401)
# Columns: vacancy share; peak month (the month with the highest mean unallocated
# assessment cases); that month's mean and P50 of unallocated cases; the assessment team's
# caseload per FTE (mean) that month; the lowest monthly mean % of assessments within 45 wd
# and the mean over the first twelve months.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
binary=${1:-build/app/caseflow}
reps=${2:-100}
seed=${3:-20190401}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '| vacancy share | peak month | unallocated (mean) | unallocated (P50) | caseload per FTE | lowest 45-wd %% | 45-wd %%, first year |\n'
printf '|---|---|---|---|---|---|---|\n'
for share in 0.00 0.05 0.10 0.15 0.20 0.25 0.30; do
  cat > "$work/v$share.yaml" <<EOF
name: vacancy-curve-$share
description: baseline with $share of assessment posts empty at the start, no extra agency cover
extends: $root/scenarios/baseline.yaml
workforce:
  teams:
    assessment:
      initial_vacancy_share: $share
EOF
  "$binary" run "$work/v$share.yaml" --reps "$reps" --seed "$seed" --out "$work/out$share" > /dev/null
  python3 - "$work/out$share/monthly.csv" "$share" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def series(metric, group):
    return {r["month"]: r for r in rows if r["metric"] == metric and r["group"] == group}
un = series("unallocated", "assessment")
load = series("caseload_per_fte", "assessment")
on_time = series("assessments_within_45wd_pct", "all")
peak = max(un, key=lambda m: float(un[m]["mean"]))
months = sorted(on_time)
pct = [float(on_time[m]["mean"]) for m in months if on_time[m]["mean"]]
print(f"| {float(sys.argv[2]):.0%} | {peak} | {float(un[peak]['mean']):.1f} | {float(un[peak]['p50']):.0f} "
      f"| {float(load[peak]['mean']):.1f} | {min(pct):.1f} | {sum(pct[:12]) / 12:.1f} |")
EOF
done
