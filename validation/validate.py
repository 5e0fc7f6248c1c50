#!/usr/bin/env python3
"""Emergent figures of a caseflow run set beside the national ones, as markdown tables.

  validate.py flows RUN_DIR [--year 2020|2025] [--absolute] [--check PCT]
  validate.py stationarity RUN_DIR [--check]

`flows` reads annual.csv and compares each figure of validation/national-flows.csv, averaged
over the steady financial years (every year after the first), with the national figure of
the chosen year: as counts (--absolute, for a scenario at England's scale) or per referral
(a council's scenario, whose scale is its own). Percentages compare in points.

`stationarity` reads monthly.csv: the drift of every stock a year after month 12 (the mean of
the second financial year against the mean of the last, so seasonality cancels), and the
first three months' referrals, re-referral % and CLA starts against the same calendar
months of the later years.

With --strict the exit status is 1 when a figure is outside its tolerance: flows within
--check per cent (counts and per-referral rates) or --check-points points (percentages);
stocks drifting under 1% a year; the first months within 3% (2 points for percentages). Standard library only, so either Python works.
"""
import argparse
import csv
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
STOCKS = ["open_cases", "assessments_open", "cin_open", "cp_open", "pre_proceedings_open",
          "proceedings_open", "cla_open", "care_leavers_open"]


def read_annual(run_dir):
    """{metric: {financial_year: mean over replications}} for the 'all' (or only) group."""
    out = defaultdict(dict)
    with open(os.path.join(run_dir, "annual.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["group"] in ("all", ""):
                out[row["metric"]][row["financial_year"]] = (float(row["mean"]), int(row["months"]))
    return out


def read_monthly(run_dir):
    """{metric: [(YYYY-MM, mean)]} for the 'all' (or only) group, in month order."""
    out = defaultdict(list)
    with open(os.path.join(run_dir, "monthly.csv"), newline="") as f:
        for row in csv.DictReader(f):
            if row["group"] in ("all", ""):
                out[row["metric"]].append((row["month"], float(row["mean"])))
    return out


def steady_years(annual, skip):
    """Complete financial years after the first `skip`, which carry the warm start."""
    years = sorted(y for y, (_, months) in annual["referrals"].items() if months == 12)
    return years[skip:]


def national_figures(year):
    with open(os.path.join(HERE, "national-flows.csv"), newline="") as f:
        return [dict(r, national=float(r[f"national_{year}"])) for r in csv.DictReader(f)]


def mean_stock(monthly, metric, years):
    values = [v for month, v in monthly[metric] if str(fy_of(month)) in {y[:4] for y in years}]
    return sum(values) / len(values)


def flows(args):
    annual = read_annual(args.run_dir)
    monthly = read_monthly(args.run_dir)
    years = steady_years(annual, args.skip_years)
    if not years:
        sys.exit(f"{args.run_dir}: no complete financial year after the first {args.skip_years}; run longer")
    per_year = {m: sum(annual[m][y][0] for y in years) / len(years) for m in annual}
    figures = national_figures(args.year)
    national_referrals = next(f["national"] for f in figures if f["numerator"] == "referrals")
    print(f"Steady years {years[0]} to {years[-1]} ({len(years)}), mean of replications; "
          f"national figures for the year ending March {args.year}.\n")
    unit = "per year" if args.absolute else "per 1,000 referrals"
    print(f"| figure | caseflow ({unit}) | national | caseflow / national | source |")
    print("|---|---:|---:|---:|---|")
    failures = []
    for f in figures:
        num = per_year.get(f["numerator"])
        if num is None:
            print(f"| {f['figure']} | not measured | | | {f['source']} |")
            continue
        if f["kind"] == "per_stock":
            value = num / mean_stock(monthly, f["denominator"], years)
            ratio = value / f["national"]
            shown = f"{value:.3f}", f"{f['national']:.3f}", f"{ratio:.3f}"
            off = abs(ratio - 1.0) > args.check / 100.0
        elif f["kind"] == "pct":
            value = 100.0 * num / per_year[f["denominator"]]
            nat = f["national"]
            shown = f"{value:.1f}%", f"{nat:.1f}%", f"{value - nat:+.1f} points"
            off = abs(value - nat) > args.check_points
        else:
            value = num if args.absolute else 1000.0 * num / per_year["referrals"]
            nat = f["national"] if args.absolute else 1000.0 * f["national"] / national_referrals
            ratio = value / nat
            shown = f"{value:,.0f}" if args.absolute else f"{value:.1f}", \
                f"{nat:,.0f}" if args.absolute else f"{nat:.1f}", f"{ratio:.3f}"
            off = abs(ratio - 1.0) > args.check / 100.0
        off = off and f["checked"] == "yes"
        if off:
            failures.append(f["figure"])
        note = " **off**" if off else ("" if f["checked"] == "yes" else " (reported, not an input)")
        print(f"| {f['figure']} | {shown[0]} | {shown[1]} | {shown[2]}{note} | {f['source']} |")
    return failures


def fy_of(month):
    y, m = map(int, month.split("-"))
    return y if m >= 4 else y - 1


def stationarity(args):
    monthly = read_monthly(args.run_dir)
    failures = []
    print("| stock | mean, year 2 | mean, last year | drift per year |")
    print("|---|---:|---:|---:|")
    for stock in STOCKS:
        by_year = defaultdict(list)
        for month, value in monthly[stock]:
            by_year[fy_of(month)].append(value)
        full = sorted(y for y, v in by_year.items() if len(v) == 12)
        if len(full) < 3:
            sys.exit(f"{args.run_dir}: stationarity needs at least three complete financial years")
        first, last = full[1], full[-1]
        a, b = sum(by_year[first]) / 12, sum(by_year[last]) / 12
        drift = (b / a) ** (1.0 / (last - first)) - 1.0 if a > 0 else 0.0
        off = abs(drift) > 0.01
        if off:
            failures.append(stock)
        print(f"| {stock} | {a:.1f} | {b:.1f} | {100 * drift:+.2f}%{' **off**' if off else ''} |")

    print("\n| first three months | caseflow, months 1-3 | same months, later years | difference |")
    print("|---|---:|---:|---:|")
    def first_vs_later(metric):
        series = monthly[metric]
        head = [v for _, v in series[:3]]
        calendar = {m[-2:] for m, _ in series[:3]}
        later = [v for m, v in series[12:] if m[-2:] in calendar]
        return sum(head) / len(head), sum(later) / len(later)
    for metric in ["referrals", "cla_started"]:
        a, b = first_vs_later(metric)
        diff = a / b - 1.0
        off = abs(diff) > 0.03
        if off:
            failures.append(metric)
        print(f"| {metric} | {a:.1f} | {b:.1f} | {100 * diff:+.1f}%{' **off**' if off else ''} |")
    a, b = first_vs_later("re_referral_pct")
    off = abs(a - b) > 2.0
    if off:
        failures.append("re_referral_pct")
    print(f"| re_referral_pct | {a:.1f}% | {b:.1f}% | {a - b:+.1f} points{' **off**' if off else ''} |")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("flows")
    f.add_argument("run_dir")
    f.add_argument("--year", choices=["2020", "2025"], default="2020")
    f.add_argument("--skip-years", type=int, default=1, help="financial years left out at the start (default 1)")
    f.add_argument("--absolute", action="store_true", help="compare counts (England's scale)")
    f.add_argument("--check", type=float, default=5.0, help="tolerance in per cent for counts (default 5)")
    f.add_argument("--check-points", type=float, default=2.0, help="tolerance in points for percentages (default 2)")
    f.add_argument("--strict", action="store_true", help="exit 1 when a figure is outside the tolerance")
    s = sub.add_parser("stationarity")
    s.add_argument("run_dir")
    s.add_argument("--strict", action="store_true", help="exit 1 when a figure is outside the tolerance")
    args = parser.parse_args()
    failures = flows(args) if args.command == "flows" else stationarity(args)
    if failures:
        print(f"\nOutside the tolerance: {', '.join(failures)}", file=sys.stderr)
        if args.strict:
            sys.exit(1)


if __name__ == "__main__":
    main()
