#!/usr/bin/python3
"""The --xlsx workbook read back with openpyxl (issue 13 point 5): for a baseline run and a
compare of the baseline with the agency reduction and a one-team plan, every sheet has its header row frozen,
numbers are stored as numbers (not text) with their formats (GBP, %, dates as dates), and
every value equals the CSV's written beside it: Budget = budget.csv (run) or
compare_budget.csv (compare), Monthly = monthly.csv's headline means (run) or
compare_monthly.csv's rows (compare), Comparison = compare_annual.csv, the Summary's yearly
totals = annual.csv's; for a plan, Plan = plan.csv and Search = plan_search.csv cell by
cell and the Summary's planned posts = plan.csv's. A percentage is stored as a fraction of the CSV's figure (85 -> 0.85);
a money value exactly as the CSV writes it.

Usage: xlsx_readback.py CASEFLOW SOURCE_DIR SCRATCH_DIR
"""
import csv
import datetime
import math
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

caseflow, source, scratch = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def number(text):
    return None if text == "" else float(text)


def same(cell, expected, what, fraction=False):
    """A workbook cell against a CSV field: both empty, or the cell a number equal to it."""
    if expected is None:
        check(cell.value is None, f"{what}: expected an empty cell, found {cell.value!r}")
        return
    check(cell.data_type == "n" and isinstance(cell.value, (int, float)), f"{what}: not stored as a number: {cell.value!r}")
    if not isinstance(cell.value, (int, float)):
        return
    want = expected / 100.0 if fraction else expected
    ok = cell.value == want if not fraction else math.isclose(cell.value, want, rel_tol=1e-12, abs_tol=1e-15)
    check(ok, f"{what}: workbook {cell.value!r}, CSV {expected!r}")


def sheet_rows(ws):
    rows = list(ws.iter_rows())
    return [c.value for c in rows[0]], rows[1:]


def check_frozen(book):
    for ws in book.worksheets:
        check(ws.freeze_panes == "A2", f"sheet {ws.title}: header row not frozen ({ws.freeze_panes})")


def run(args):
    subprocess.run([caseflow] + args, check=True, stdout=subprocess.DEVNULL)


shutil.rmtree(scratch, ignore_errors=True)
scratch.mkdir(parents=True)
common = ["--reps", "5", "--horizon-months", "15", "--threads", "2", "--xlsx"]
run(["run", str(source / "scenarios/baseline.yaml"), *common, "--out", str(scratch / "run")])
run(["compare", str(source / "scenarios/baseline.yaml"), str(source / "scenarios/agency-reduction.yaml"), *common,
     "--out", str(scratch / "compare")])

# --- run --------------------------------------------------------------------------------
out = scratch / "run"
book = openpyxl.load_workbook(out / "workbook.xlsx")
check(book.sheetnames == ["Summary", "Budget", "Monthly", "Assumptions"], f"run sheets: {book.sheetnames}")
check_frozen(book)

header, rows = sheet_rows(book["Budget"])
budget = read_csv(out / "budget.csv")
check(len(rows) == len(budget) > 0, f"Budget: {len(rows)} rows, budget.csv {len(budget)}")
for row, line in zip(rows, budget):
    check(row[0].value == line["financial_year"] and row[2].value == line["category"], f"Budget row {line}")
    same(row[1], number(line["months"]), f"Budget {line['category']} months")
    for cell, column in zip(row[3:7], ["mean_gbp", "p10_gbp", "p50_gbp", "p90_gbp"]):
        same(cell, number(line[column]), f"Budget {line['financial_year']} {line['category']} {column}")
        check("\u00a3" in cell.number_format, f"Budget {column}: format {cell.number_format!r} is not GBP")

monthly = {}
for line in read_csv(out / "monthly.csv"):
    if line["group"] == "all":
        monthly[(line["month"], line["metric"])] = number(line["mean"])
header, rows = sheet_rows(book["Monthly"])
check(len(rows) == 15, f"Monthly: {len(rows)} months")
metrics = [h.split(" (")[0] for h in header[1:]]
percent_metrics = {m for m, h in zip(metrics, header[1:]) if ", %)" in h}
check("assessments_within_45wd_pct" in percent_metrics and "total_cost_gbp" in metrics, f"Monthly columns {header}")
for row in rows:
    month = row[0]
    check(month.is_date and isinstance(month.value, datetime.datetime), f"Monthly: month {month.value!r} not a date")
    key = month.value.strftime("%Y-%m")
    for cell, metric in zip(row[1:], metrics):
        same(cell, monthly[(key, metric)], f"Monthly {key} {metric}", fraction=metric in percent_metrics)
        if metric in percent_metrics and cell.value is not None:
            check(cell.number_format == "0.0%", f"Monthly {metric}: format {cell.number_format!r}")

annual_total = {line["financial_year"]: line for line in read_csv(out / "annual.csv")
                if line["metric"] == "total_cost_gbp"}
header, rows = sheet_rows(book["Summary"])
years_seen = 0
for row in rows:
    item = row[0].value or ""
    if item.startswith("total cost, financial year "):
        year = item.split()[4]
        years_seen += 1
        for cell, column in zip(row[1:5], ["mean", "p10", "p50", "p90"]):
            same(cell, number(annual_total[year][column]), f"Summary {item} {column}")
check(years_seen == 2, f"Summary: {years_seen} yearly totals")

header, rows = sheet_rows(book["Assumptions"])
found = {r[1].value: r for r in rows}
cost = found.get("workforce.staff.permanent.cost_gbp_per_year")
check(cost is not None and cost[2].value == 54600 and "PF L169" in (cost[3].value or ""),
      f"Assumptions: permanent cost row {[c.value for c in cost] if cost else None}")
check(len(rows) > 150, f"Assumptions: only {len(rows)} keys")

# --- compare ----------------------------------------------------------------------------
out = scratch / "compare"
book = openpyxl.load_workbook(out / "workbook.xlsx")
check(book.sheetnames == ["Summary", "Budget", "Monthly", "Comparison", "Assumptions"], f"compare sheets: {book.sheetnames}")
check_frozen(book)
difference = ["pairs", "base_mean", "alternative_mean", "difference_mean", "difference_ci95_low",
              "difference_ci95_high", "difference_p10", "difference_p50", "difference_p90"]

header, rows = sheet_rows(book["Budget"])
budget = read_csv(out / "compare_budget.csv")
check(len(rows) == len(budget) > 0, f"compare Budget: {len(rows)} rows, compare_budget.csv {len(budget)}")
for row, line in zip(rows, budget):
    check([c.value for c in row[:2]] + [row[3].value] == [line["alternative"], line["financial_year"], line["category"]],
          f"compare Budget row {line}")
    columns = ["pairs"] + [f"{who}_{figure}_gbp" for who in ("base", "alternative") for figure in ("mean", "p10", "p50", "p90")] \
        + [c + "_gbp" for c in difference[3:]]
    check(len(row) == 4 + len(columns), f"compare Budget: {len(row)} columns")
    for cell, name in zip(row[4:], columns):
        same(cell, number(line[name]), f"compare Budget {line['financial_year']} {line['category']} {name}")

header, rows = sheet_rows(book["Comparison"])
annual = read_csv(out / "compare_annual.csv")
check(len(rows) == len(annual) > 0, f"Comparison: {len(rows)} rows, compare_annual.csv {len(annual)}")
for row, line in zip(rows, annual):
    check([c.value for c in row[:4]] == [line["alternative"], line["financial_year"], line["metric"], line["group"]],
          f"Comparison row {line}")
    percent = line["metric"].endswith("_pct")
    for cell, column in zip(row[5:], difference):
        same(cell, number(line[column]), f"Comparison {line['financial_year']} {line['metric']} {line['group']} {column}",
             fraction=percent and column != "pairs")

compare_monthly = {(l["month"], l["metric"]): l for l in read_csv(out / "compare_monthly.csv") if l["group"] == "all"}
header, rows = sheet_rows(book["Monthly"])
for row in rows:
    key = (row[1].value.strftime("%Y-%m"), row[2].value)
    line = compare_monthly[key]
    for cell, column in zip(row[3:], difference):
        same(cell, number(line[column]), f"compare Monthly {key} {column}",
             fraction=key[1].endswith("_pct") and column != "pairs")

# --- plan -------------------------------------------------------------------------------
# A small plan (one team, 5 replications, 15 months): Plan = plan.csv and Search =
# plan_search.csv cell by cell (dates as dates, money as GBP), the Summary's posts = plan.csv's.
run(["plan", str(source / "scenarios/baseline.yaml"), "--target", "caseload_per_fte<=18", "--team", "assessment",
     "--from", "2019-10-01", *common, "--out", str(scratch / "plan")])
out = scratch / "plan"
book = openpyxl.load_workbook(out / "workbook.xlsx")
check(book.sheetnames == ["Summary", "Plan", "Search", "Assumptions"], f"plan sheets: {book.sheetnames}")
check_frozen(book)


def same_table(sheet, csv_name):
    header, rows = sheet_rows(book[sheet])
    lines = read_csv(out / csv_name)
    check(header == list(lines[0].keys()) if lines else False, f"{sheet}: header {header}")
    check(len(rows) == len(lines) > 0, f"{sheet}: {len(rows)} rows, {csv_name} {len(lines)}")
    for row, line in zip(rows, lines):
        for cell, column in zip(row, header):
            text = line[column]
            what = f"{sheet} row {line.get('evaluation') or line['month'] + ' ' + line['team']} {column}"
            if column in ("month", "recruitment_start_by"):
                if text == "":
                    check(cell.value is None, f"{what}: expected empty, found {cell.value!r}")
                    continue
                fmt = "%Y-%m" if column == "month" else "%Y-%m-%d"
                check(cell.is_date and cell.value.strftime(fmt) == text, f"{what}: {cell.value!r} against {text}")
            elif column in ("team", "meets_targets", "weakest"):
                check((cell.value or "") == text, f"{what}: {cell.value!r} against {text}")
            else:
                same(cell, number(text), what)
                if column.startswith("cost_gbp") and cell.value is not None:
                    check("\u00a3" in cell.number_format, f"{what}: format {cell.number_format!r} is not GBP")
    return lines


plan_lines = same_table("Plan", "plan.csv")
same_table("Search", "plan_search.csv")
header, rows = sheet_rows(book["Summary"])
summary = {r[0].value: r for r in rows}
last = [l for l in plan_lines if l["team"] == "assessment"][-1]
posts = summary.get("posts in the plan: assessment")
check(posts is not None and posts[1].value == number(last["establishment_fte_plan"]),
      f"Summary posts {posts[1].value if posts else None} against plan.csv {last['establishment_fte_plan']}")
years = [r for r in rows if (r[0].value or "").startswith("whole service total cost, plan less scenario")]
check(len(years) == 2 and all("\u00a3" in r[1].number_format for r in years), f"Summary: {len(years)} yearly costs")

for message in failures[:40]:
    print("FAIL:", message)
print(f"xlsx_readback: {len(failures)} failures")
shutil.rmtree(scratch, ignore_errors=True)
sys.exit(1 if failures else 0)
