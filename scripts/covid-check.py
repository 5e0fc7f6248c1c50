#!/usr/bin/python3
"""The Covid replay's shape against the national figures.

Runs scenarios/baseline.yaml and scenarios/post-covid-surge.yaml with the same seed and
replications (common random numbers: the two runs differ only by the shocks and the
scenario's changes) and prints five ratios with their target ranges:

  1. referrals April-June 2020, scenario / baseline            PF L188: -18% nationally
  2. CLA starts April-June 2020, scenario / baseline           PF L188: "down about a third"
  3. referrals July-September / April-June 2020, scenario      PF L191: +15% (county councils)
  4. referrals FY2020-21 / FY2019-20, scenario                 PF L196: 0.930
  5. referrals FY2021-22 / FY2019-20, scenario                 PF L196: 1.011

(PF = /work/shared/reference/public-figures.md, as the scenario files cite it.) The target
ranges are wider than the national points: one county is not the nation, and the county
councils' +15% is a survey of its members. The baseline's own values of ratios 3-5 are
printed for comparison (its seasonality and warm start, no shocks).

Exit status 0 when every ratio is inside its range, 1 otherwise, 2 on a failed run.

Usage: scripts/covid-check.py [--binary build/app/caseflow] [--reps 100] [--seed 20190401]
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HORIZON = 36  # April 2019 to March 2022: every month the five ratios use

TARGETS = [  # label, low, high (as ratios), national figure
    ("referrals Apr-Jun 2020 vs baseline", 0.78, 0.86, "0.82 (PF L188)"),
    ("CLA starts Apr-Jun 2020 vs baseline", 0.55, 0.80, "about 0.67 (PF L188)"),
    ("referrals Jul-Sep / Apr-Jun 2020", 1.08, 1.22, "1.15 (PF L191)"),
    ("referrals FY2020-21 / FY2019-20", 0.90, 0.96, "0.930 (PF L196)"),
    ("referrals FY2021-22 / FY2019-20", 0.98, 1.05, "1.011 (PF L196)"),
]


def run(binary, scenario, reps, seed, out):
    cmd = [binary, "run", os.path.join(ROOT, "scenarios", scenario), "--reps", str(reps), "--seed", str(seed),
           "--horizon-months", str(HORIZON), "--out", out]
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"covid-check: {' '.join(cmd)} failed ({result.returncode}): {result.stderr.strip()}")
    totals = {}  # (metric, month) -> mean over replications, all groups summed
    with open(os.path.join(out, "monthly.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["metric"] in ("referrals", "cla_started") and row["group"] != "all" and row["mean"]:
                key = (row["metric"], row["month"])
                totals[key] = totals.get(key, 0.0) + float(row["mean"])
    return totals


def months(first, last):
    """YYYY-MM from first to last, inclusive."""
    y, m = map(int, first.split("-"))
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def total(series, metric, first, last):
    values = [series.get((metric, month)) for month in months(first, last)]
    if any(v is None for v in values):
        sys.exit(f"covid-check: {metric} missing for some month of {first}..{last}")
    return sum(values)


def ratios(s, b):
    """The five ratios for scenario series s against baseline series b."""
    apr_jun, jul_sep = ("2020-04", "2020-06"), ("2020-07", "2020-09")
    fy = {y: (f"{y}-04", f"{y + 1}-03") for y in (2019, 2020, 2021)}
    return [
        total(s, "referrals", *apr_jun) / total(b, "referrals", *apr_jun),
        total(s, "cla_started", *apr_jun) / total(b, "cla_started", *apr_jun),
        total(s, "referrals", *jul_sep) / total(s, "referrals", *apr_jun),
        total(s, "referrals", *fy[2020]) / total(s, "referrals", *fy[2019]),
        total(s, "referrals", *fy[2021]) / total(s, "referrals", *fy[2019]),
    ]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--binary", default=os.path.join(ROOT, "build", "app", "caseflow"))
    p.add_argument("--reps", type=int, default=100)
    p.add_argument("--seed", type=int, default=20190401)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="covid-check-") as tmp:
        base = run(args.binary, "baseline.yaml", args.reps, args.seed, os.path.join(tmp, "baseline"))
        covid = run(args.binary, "post-covid-surge.yaml", args.reps, args.seed, os.path.join(tmp, "covid"))
    measured = ratios(covid, base)
    own = ratios(base, base)  # the baseline's own ratios 3-5: seasonality and warm start alone
    print(f"post-covid-surge against baseline: {args.reps} replications, seed {args.seed}, {HORIZON} months")
    print(f"| ratio | measured | target | national | baseline's own | inside |")
    print(f"|---|---|---|---|---|---|")
    inside_all = True
    for i, ((label, low, high, national), value) in enumerate(zip(TARGETS, measured)):
        inside = low <= value <= high
        inside_all &= inside
        baseline = f"{own[i]:.3f}" if i >= 2 else "-"
        print(f"| {label} | {value:.3f} | {low:.2f}-{high:.2f} | {national} | {baseline} | {'yes' if inside else 'NO'} |")
    return 0 if inside_all else 1


if __name__ == "__main__":
    sys.exit(main())
