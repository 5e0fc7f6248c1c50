#!/usr/bin/env python3
"""How much the paired design of `caseflow compare` narrows a difference between scenarios.

Runs BASE and ALT paired (`caseflow compare`, one seed for both: common random numbers) and
independently (`caseflow run` of each with different seeds), all with --per-replication, and
prints for a few figures the variance across replications of ALT - BASE both ways and their
ratio (independent / paired): how many times more replications independent runs would need
for the same confidence interval.

Usage: scripts/crn-variance.py CASEFLOW BASE.yaml ALT.yaml [--reps N] [--seed S] [--threads T]
"""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

# (label, file, metric, financial year or None for the headline monthly mean over the horizon)
FIGURES = [
    ("unallocated cases, monthly mean over the horizon", "headline", "unallocated", None),
    ("agency staff FTE, monthly mean over the horizon", "headline", "fte_agency", None),
    ("caseload per FTE, monthly mean over the horizon", "headline", "caseload_per_fte", None),
    ("assessments within 45 wd %, monthly mean over the horizon", "headline", "assessments_within_45wd_pct", None),
    ("agency cost, 2021-22", "annual", "agency_cost_gbp", "2021-22"),
    ("total cost, 2021-22", "annual", "total_cost_gbp", "2021-22"),
    ("total cost, 2023-24", "annual", "total_cost_gbp", "2023-24"),
]


def run(cmd):
    subprocess.run([str(c) for c in cmd], check=True, stdout=subprocess.DEVNULL)


def figure(df, kind, metric, year, value_column):
    if kind == "headline":
        rows = df[(df.metric == metric)]
        if "figure" in rows:
            rows = rows[rows.figure == "monthly_mean_over_horizon"]
    else:
        rows = df[(df.metric == metric) & (df.group == "all") & (df.financial_year == year)]
    return rows.set_index("replication")[value_column]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("caseflow")
    p.add_argument("base")
    p.add_argument("alt")
    p.add_argument("--reps", type=int, default=200)
    p.add_argument("--seed", type=int, default=20190401)
    p.add_argument("--threads", type=int, default=0)
    a = p.parse_args()
    common = ["--reps", a.reps] + (["--threads", a.threads] if a.threads else []) + ["--per-replication"]
    with tempfile.TemporaryDirectory(prefix="crn-variance-") as tmp:
        tmp = Path(tmp)
        run([a.caseflow, "compare", a.base, a.alt, "--seed", a.seed, "--out", tmp / "paired"] + common)
        run([a.caseflow, "run", a.base, "--seed", a.seed, "--out", tmp / "base"] + common)
        run([a.caseflow, "run", a.alt, "--seed", a.seed + 1, "--out", tmp / "alt"] + common)
        paired = {k: pd.read_csv(tmp / "paired" / f"per_replication_{k}.csv") for k in ("headline", "annual")}
        base = {k: pd.read_csv(tmp / "base" / f"per_replication_{k}.csv") for k in ("headline", "annual")}
        alt = {k: pd.read_csv(tmp / "alt" / f"per_replication_{k}.csv") for k in ("headline", "annual")}
        value = {"headline": "monthly_mean_over_horizon", "annual": "value"}
        print(f"{a.reps} replications; paired: seed {a.seed} for both; independent: seeds {a.seed} and {a.seed + 1}")
        print("| figure | mean difference | variance, independent | variance, paired | ratio |")
        print("|---|---:|---:|---:|---:|")
        for label, kind, metric, year in FIGURES:
            d_paired = figure(paired[kind], kind, metric, year, "difference").dropna()
            d_indep = (figure(alt[kind], kind, metric, year, value[kind])
                       - figure(base[kind], kind, metric, year, value[kind])).dropna()
            vi, vp = d_indep.var(ddof=1), d_paired.var(ddof=1)
            ratio = vi / vp if vp > 0 else float("inf")
            print(f"| {label} | {d_paired.mean():.4g} | {vi:.4g} | {vp:.4g} | {ratio:.1f} |")


if __name__ == "__main__":
    sys.exit(main())
