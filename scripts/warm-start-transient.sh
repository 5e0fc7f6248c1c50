#!/usr/bin/env bash
# The warm-start transient of docs/calibration.md ("The transient, measured"): one
# replication of SCENARIO written as five years of returns (synth, the scenario's seed),
# calibrated as of 31 March 2024, and the calibrated scenario run REPS replications x 36
# months, with its child-by-child warm start and again with the counted one (council.yaml
# without its `children:` line). Beside them the scenario itself, REPS replications x 60
# months, over its last year (April 2023 to March 2024), and the replication's own stocks at
# 31 March 2024 (the caseload the warm start carries).
# Usage: scripts/warm-start-transient.sh [SCENARIO] [REPS] [BINARY]
#   (defaults: scenarios/baseline.yaml, 200, build/app/caseflow)
# Columns, per stock: the replication at the as-of date; the calibrated run's month 1 and its
# months 13-36 (its own steady level); the scenario's mean; month 1 and the steady level
# against the scenario's; month 1 against the steady level, and against the same calendar
# month a year and two years on (April 2025 and 2026: the season taken out); month 1 against
# the steady level with the counted warm start.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-scenarios/baseline.yaml}
reps=${2:-200}
binary=${3:-build/app/caseflow}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$binary" synth "$scenario" --years 5 --out "$work/returns" > /dev/null
"$binary" calibrate "$work/returns" --as-of 2024-03-31 --out "$work/council.yaml" > /dev/null 2>&1
grep -v '^  children:' "$work/council.yaml" > "$work/counted.yaml"
"$binary" run "$work/council.yaml" --reps "$reps" --horizon-months 36 --out "$work/child" > /dev/null
"$binary" run "$work/counted.yaml" --reps "$reps" --horizon-months 36 --out "$work/counted" > /dev/null
"$binary" run "$scenario" --reps "$reps" --horizon-months 60 --out "$work/true" > /dev/null

/usr/bin/python3 - "$work" <<'EOF'
import sys
import pandas as pd

work = sys.argv[1]
stocks = ["assessments_open", "cin_open", "cp_open", "pre_proceedings_open", "proceedings_open",
          "cla_open", "care_leavers_open", "referrals", "icpcs"]


def monthly(path, column="mean"):
    d = pd.read_csv(path + "/monthly.csv")
    d = d[d.metric.isin(stocks) & (d.group.isna() | (d.group == "all"))]
    return d.pivot(index="month", columns="metric", values=column)


child, counted, true = monthly(work + "/child"), monthly(work + "/counted"), monthly(work + "/true")
replication = monthly(work + "/returns/simulation")
at_as_of = replication.loc["2024-03"]
true_mean = true.loc["2023-04":"2024-03"].mean()
pct = lambda a, b: f"{100 * (a / b - 1):+.1f}%"
print("| stock | the replication, 31 March 2024 | month 1 | months 13-36 | the scenario's mean | month 1 vs the scenario | steady vs the scenario | month 1 vs steady | month 1 vs months 13 and 25 | month 1 vs steady, counted warm start |")
print("|---|---|---|---|---|---|---|---|---|---|")
for s in stocks:
    m1, steady = child[s].iloc[0], child[s].iloc[12:36].mean()
    counted_m1, counted_steady = counted[s].iloc[0], counted[s].iloc[12:36].mean()
    flow = s in ("referrals", "icpcs")
    name = s + (" (a month)" if flow else "")
    print(f"| {name} | {'' if flow else f'{at_as_of[s]:.0f}'} | {m1:.4g} | {steady:.4g} | {true_mean[s]:.4g} | {pct(m1, true_mean[s])} | "
          f"{pct(steady, true_mean[s])} | {pct(m1, steady)} | {pct(m1, (child[s].iloc[12] + child[s].iloc[24]) / 2)} | {pct(counted_m1, counted_steady)} |")
EOF
