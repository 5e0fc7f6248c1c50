#!/usr/bin/python3
"""Writes scenarios/history/example-referrals.csv: a synthetic monthly history of contacts
to children's social care, by source, for a mid-size English county, Apr 2015 to Mar 2024.

Synthetic, not any authority's data. It exists so `caseflow forecast` has a realistic
example to run on. Standard library only; fixed seed, so the file is reproducible:

    /usr/bin/python3 scripts/make_example_history.py > scenarios/history/example-referrals.csv

Each count is drawn as  NB2(mean = level * growth^years * season[month] * shock, alpha)
(a gamma-Poisson mixture). What each number rests on:

SOURCED (reference/public-figures.md section 5, "Covid shock" derived ratios):
  - first lockdown, Apr-Jun 2020: all referrals x0.82 (-18%), schools x0.23 (-77%),
    police x1.16 (+16%). The other sources' multipliers below are ASSUMPTIONS chosen so
    the total comes out near x0.82 (the script prints the check).
  - third lockdown, Jan-Feb 2021: total about x0.77 (-23%), schools x0.43 (-57%),
    police x0.90 (-10%), individuals x0.78 (-22%).
  - August dip in referrals (Shropshire, Wakefield, B&NES local evidence) and the
    suggested monthly index (itself an unsourced estimate in that file).
ASSUMPTIONS (no public source found; reasons given inline):
  - total level about 1,100 contacts a month in Apr 2015 (a mid-size county);
  - source shares (police 38% is the brief's figure; the rest are plausible);
  - growth rates per source (contacts rose about 5% a year nationally 2008-2024 per ADCS,
    slower for referrals; 1-3.5% a year here keeps the end level near 1,400);
  - per-source seasonal shapes: schools follow the school year (deep August dip, Easter
    and Christmas holiday dips, autumn-term peak); other sources are much flatter;
  - the reopening surge in Sep-Oct 2020 (public figures give +15% Jul-Sep vs Apr-Jun
    across sources, but no month-level figure);
  - partial school closure effects outside the modelled windows (late March and July 2020);
  - month-to-month extra variation alpha = 0.004 (about 6% SD at 400 a month, beyond
    Poisson), for staffing, recording and local events.
"""
import math
import random

SEED = 20240331
FIRST = (2015, 4)
MONTHS = 108  # Apr 2015 .. Mar 2024
TOTAL_START = 1100.0  # assumption: contacts a month, mid-size county
ALPHA = 0.004  # assumption: NB2 extra dispersion

SHARES = {  # assumption except police (brief: about 38%)
    "police": 0.38, "schools": 0.16, "health": 0.14,
    "la_services": 0.10, "individuals": 0.09, "other": 0.13,
}
GROWTH_PCT_PER_YEAR = {  # assumption
    "police": 3.5, "schools": 3.0, "health": 2.0,
    "la_services": 1.0, "individuals": 1.5, "other": 2.0,
}
# Suggested national monthly index, Jan..Dec (public-figures.md s5, itself an estimate).
NATIONAL_INDEX = [1.02, 1.03, 1.08, 0.95, 1.02, 1.06, 1.04, 0.80, 1.00, 1.08, 1.07, 0.85]
SEASON = {  # Jan..Dec, normalised to mean 1 below
    # school year: Easter (Apr), summer (Aug) and Christmas (Dec) holidays; autumn-term peak
    "schools": [1.15, 1.05, 1.25, 0.75, 1.20, 1.25, 1.05, 0.25, 1.10, 1.35, 1.40, 0.90],
    # police: slight summer and Christmas peaks (assumption)
    "police": [1.00, 0.95, 1.00, 0.98, 1.03, 1.04, 1.06, 1.02, 0.97, 0.99, 0.96, 1.00],
    "health": [1.04, 1.00, 1.05, 0.96, 1.01, 1.02, 1.01, 0.92, 0.99, 1.03, 1.03, 0.94],
    # the rest: half the amplitude of the national index
    "la_services": [1 + 0.5 * (v - 1) for v in NATIONAL_INDEX],
    "individuals": [1 + 0.5 * (v - 1) for v in NATIONAL_INDEX],
    "other": [1 + 0.5 * (v - 1) for v in NATIONAL_INDEX],
}
SHOCKS = {  # (year, month) -> multiplier by source; sources not named are x1
    # first lockdown: police and schools sourced, the rest assumed (see docstring)
    **{(2020, m): {"police": 1.16, "schools": 0.23, "health": 0.75, "la_services": 0.80,
                   "individuals": 0.80, "other": 0.65} for m in (4, 5, 6)},
    # schools closed to most pupils from 23 March and most of July 2020 (assumption)
    (2020, 3): {"schools": 0.80},
    (2020, 7): {"schools": 0.60},
    # reopening surge (assumption on size)
    **{(2020, m): {"schools": 1.35, "health": 1.10, "la_services": 1.05,
                   "individuals": 1.10, "other": 1.10} for m in (9, 10)},
    # third lockdown: schools, police, individuals sourced; health, la_services, other assumed
    **{(2021, m): {"police": 0.90, "schools": 0.43, "health": 0.85, "la_services": 0.90,
                   "individuals": 0.78, "other": 0.85} for m in (1, 2)},
}


def poisson(rng, mean):
    # Knuth's method in chunks of at most 30, so exp(-mean) never underflows.
    total = 0
    while mean > 0:
        chunk = min(mean, 30.0)
        mean -= chunk
        limit, k, p = math.exp(-chunk), 0, rng.random()
        while p > limit:
            k += 1
            p *= rng.random()
        total += k
    return total


def main():
    rng = random.Random(SEED)
    seasons = {s: [v * 12 / sum(vals) for v in vals] for s, vals in SEASON.items()}
    print("month,source,count")
    check = {"base": 0.0, "shocked": 0.0}
    for t in range(MONTHS):
        year, month = FIRST[0] + (FIRST[1] - 1 + t) // 12, (FIRST[1] - 1 + t) % 12 + 1
        for source, share in SHARES.items():
            mean = (TOTAL_START * share * (1 + GROWTH_PCT_PER_YEAR[source] / 100) ** (t / 12)
                    * seasons[source][month - 1])
            shock = SHOCKS.get((year, month), {}).get(source, 1.0)
            if (year, month) in [(2020, 4), (2020, 5), (2020, 6)]:
                check["base"] += mean
                check["shocked"] += mean * shock
            lam = rng.gammavariate(1 / ALPHA, ALPHA * mean * shock)
            print(f"{year:04d}-{month:02d},{source},{poisson(rng, lam)}")
    import sys
    print(f"first lockdown total multiplier (expected means): {check['shocked'] / check['base']:.3f}"
          " (target about 0.82)", file=sys.stderr)


if __name__ == "__main__":
    main()
