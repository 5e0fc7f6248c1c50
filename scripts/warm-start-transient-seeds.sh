#!/usr/bin/env bash
# The warm start measured against what happened next, over several replications of a
# scenario's returns. For each seed, synth writes five years of returns (to 31 March 2024),
# calibrate takes them as of 31 March 2023, and the calibrated scenario runs REPS replications
# x 12 months from 1 April 2023; the replication synth wrote runs on past that date, and its
# own months April 2023 to March 2024 are the truth to compare with. Against its own
# continuation, the replication's state at the as-of date and the season (Easter moves between
# March and April) are the same on both sides, so what is left is the warm start's transient
# and the estimates' error, plus the replication's own noise, which the mean over seeds shrinks.
# The table gives, per stock and flow, the calibrated mean against the truth in months 1, 2 and
# 3 and over months 1-12, each the mean over seeds with its standard error.
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
  "$caseflow" calibrate "$work/returns-$seed" --as-of 2023-03-31 --out "$work/council-$seed.yaml" > /dev/null 2>&1
  "$caseflow" run "$work/council-$seed.yaml" --reps "$reps" --horizon-months 12 --out "$work/run-$seed" --quiet > /dev/null
done
/usr/bin/python3 - "$work" "$@" <<'PY'
import sys, math
import pandas as pd

work, seeds = sys.argv[1], sys.argv[2:]
metrics = ["assessments_open", "cin_open", "cp_open", "pre_proceedings_open", "proceedings_open", "cla_open",
           "care_leavers_open", "referrals", "strategy_discussions", "icpcs", "cla_started"]
months = [f"2023-{m:02d}" for m in range(4, 13)] + [f"2024-{m:02d}" for m in range(1, 4)]


def monthly(path):
    d = pd.read_csv(path + "/monthly.csv")
    return d[d.group.isna() | (d.group == "all")].pivot(index="month", columns="metric", values="mean")


rows = []
for s in seeds:
    truth, run = monthly(f"{work}/returns-{s}/simulation"), monthly(f"{work}/run-{s}")
    for m in metrics:
        t, c = truth.loc[months, m], run.loc[months, m]
        rows.append({"seed": s, "metric": m, **{f"m{k}": 100 * (c.iloc[k - 1] / t.iloc[k - 1] - 1) for k in (1, 2, 3)},
                     "m1_12": 100 * (c.mean() / t.mean() - 1)})
t = pd.DataFrame(rows)
se = lambda v: v.std(ddof=1) / math.sqrt(len(v)) if len(v) > 1 else float("nan")
print(f"| stock or flow (a month) | month 1 | month 2 | month 3 | months 1-12 | (mean over {len(seeds)} seeds, +- its standard error) |")
print("|---|---|---|---|---|---|")
for m in metrics:
    x = t[t.metric == m]
    cells = " | ".join(f"{x[k].mean():+.1f}% +- {se(x[k]):.1f}" for k in ("m1", "m2", "m3", "m1_12"))
    print(f"| {m} | {cells} | |")
PY
