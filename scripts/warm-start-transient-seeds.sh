#!/usr/bin/env bash
# The warm-start transient of docs/calibration.md over several replications of a scenario's
# returns, not one. One replication's caseload at the as-of date is its own: a stock that
# happened to sit above its level moves back toward it, which is the council's future, not a
# transient of the method, and in one replication the two cannot be told apart. Averaged over
# seeds, the replications' own states cancel and what is left is the method's: for each seed,
# synth writes 5 years of returns, calibrate takes them as of 31 March 2024, and the calibrated
# scenario runs REPS replications x 36 months; the table gives, per stock, month 1 against the
# run's own steady level (months 13-36), and against the same calendar month a year and two
# years on (months 13 and 25: the season out), as the mean over seeds with its standard error.
# Usage: scripts/warm-start-transient-seeds.sh SCENARIO REPS SEEDS... (e.g. scenarios/baseline.yaml 100 11 12 13)
# CASEFLOW names the binary (default build/app/caseflow).
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=$1 reps=$2
shift 2
caseflow=${CASEFLOW:-build/app/caseflow}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for seed in "$@"; do
  "$caseflow" synth "$scenario" --years 5 --seed "$seed" --out "$work/returns-$seed" > /dev/null
  "$caseflow" calibrate "$work/returns-$seed" --as-of 2024-03-31 --out "$work/council-$seed.yaml" > /dev/null 2>&1
  "$caseflow" run "$work/council-$seed.yaml" --reps "$reps" --horizon-months 36 --out "$work/run-$seed" --quiet > /dev/null
done
/usr/bin/python3 - "$work" "$@" <<'PY'
import sys, math
import pandas as pd

work, seeds = sys.argv[1], sys.argv[2:]
stocks = ["assessments_open", "cin_open", "cp_open", "pre_proceedings_open", "proceedings_open",
          "cla_open", "care_leavers_open", "referrals", "icpcs"]
rows = []
for s in seeds:
    d = pd.read_csv(f"{work}/run-{s}/monthly.csv")
    d = d[d.metric.isin(stocks) & (d.group.isna() | (d.group == "all"))].pivot(index="month", columns="metric", values="mean")
    for m in stocks:
        x = d[m]
        rows.append({"seed": s, "stock": m, "vs_steady": 100 * (x.iloc[0] / x.iloc[12:36].mean() - 1),
                     "vs_13_25": 100 * (x.iloc[0] / ((x.iloc[12] + x.iloc[24]) / 2) - 1)})
t = pd.DataFrame(rows)
print(f"| stock | month 1 vs steady (mean over {len(seeds)} seeds) | its standard error | month 1 vs months 13 and 25 | its standard error | seeds' range, vs steady |")
print("|---|---|---|---|---|---|")
for m in stocks:
    x = t[t.stock == m]
    se = lambda v: v.std(ddof=1) / math.sqrt(len(v)) if len(v) > 1 else float("nan")
    name = m + (" (a month)" if m in ("referrals", "icpcs") else "")
    print(f"| {name} | {x.vs_steady.mean():+.2f}% | {se(x.vs_steady):.2f} | {x.vs_13_25.mean():+.2f}% | {se(x.vs_13_25):.2f} | "
          f"{x.vs_steady.min():+.1f}% to {x.vs_steady.max():+.1f}% |")
PY
