#!/usr/bin/env bash
# The back-test on several replications of a scenario's returns, not one: a single
# replication's noise can decide which of two forecasts looks better. For each seed, synth
# writes 5 years of returns, backtest trains to 31 March 2022 and forecasts 24 months; the
# table gives each metric's mean MAPE and coverage over the seeds, beside the Markov
# projection's MAPE, and how many seeds the simulation was at least as accurate on.
# Usage: scripts/backtest-seeds.sh SCENARIO SEEDS... (e.g. scenarios/baseline.yaml 1 2 3 4 5)
# BACKTEST_ARGS passes options to each backtest (e.g. BACKTEST_ARGS="--parameter-draws 0").
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=$1
caseflow=${CASEFLOW:-build/app/caseflow}  # another build to compare: CASEFLOW=path/to/caseflow
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for seed in "$@"; do
  "$caseflow" synth "$scenario" --years 5 --seed "$seed" --out "$work/returns-$seed" > /dev/null
  "$caseflow" backtest "$work/returns-$seed" --train-to 2022-03-31 --out "$work/backtest-$seed" ${BACKTEST_ARGS:-} > /dev/null
done
/usr/bin/python3 - "$work" "$@" <<'PY'
import sys, pandas as pd
work, seeds = sys.argv[1], sys.argv[2:]
rows = []
for s in seeds:
    d = pd.read_csv(f"{work}/backtest-{s}/backtest_summary.csv")
    d["seed"] = s
    rows.append(d)
d = pd.concat(rows)
d["sim_not_worse"] = (d["mape_pct"] <= d["markov_mape_pct"]).where(d["markov_mape_pct"].notna()).astype("float")
t = d.groupby("metric", sort=False).agg(mape_pct=("mape_pct", "mean"), coverage_pct=("coverage_p10_p90_pct", "mean"),
                                        markov_mape_pct=("markov_mape_pct", "mean"), seeds_sim_not_worse=("sim_not_worse", "sum"))
t["seeds"] = len(seeds)
print(t.round(1).to_string())
PY
