#!/usr/bin/env bash
# The demo returns, exactly as docs/returns.md and README give the commands: synth writes five
# years of the baseline's returns, inspect-returns reads them with no error and no
# data-quality problem (strict), every XML validates against its schema, a second synth into the same
# folder replaces it, and calibrate makes a council.yaml that runs (a bad --as-of: exit 2, nothing written).
# Usage: synthetic_council.sh CASEFLOW ROOT
set -euo pipefail
caseflow=$1 root=$2
dir=$(mktemp -d)/synthetic-council
trap 'rm -rf "$(dirname "$dir")"' EXIT
"$caseflow" synth "$root/scenarios/baseline.yaml" --years 5 --out "$dir" > /dev/null
"$caseflow" inspect-returns "$dir" --strict > "$dir.txt"
grep -q "^data quality: no problems counted" "$dir.txt" || { cat "$dir.txt"; echo "FAIL: data-quality problems in synth's returns"; exit 1; }
for y in 2020 2021 2022 2023 2024; do
  [ -f "$dir/cin/CIN_census_$y.xml" ] && [ -f "$dir/ssda903/$y/Episodes.csv" ] || { echo "FAIL: collection year $y missing"; exit 1; }
done
# Every XML synth wrote validates against the DfE schema the writer targets (io/returns/schemas).
for f in "$dir"/cin/*.xml; do xmllint --noout --schema "$root/io/returns/schemas/CIN_schema_2024.xsd" "$f" 2>/dev/null || { echo "FAIL: $f does not validate"; exit 1; }; done
for f in "$dir"/csww/*.xml; do xmllint --noout --schema "$root/io/returns/schemas/social_work_workforce_2022.xsd" "$f" 2>/dev/null || { echo "FAIL: $f does not validate"; exit 1; }; done
"$caseflow" synth "$root/scenarios/baseline.yaml" --years 5 --out "$dir" > /dev/null
# The README's path for a council (docs/calibration.md): calibrate, then the file validates and runs.
council="$(dirname "$dir")/council.yaml"
(cd "$root" && "$caseflow" calibrate "$dir" --as-of 2024-03-31 --out "$council" > /dev/null 2> "$dir.warn")
"$caseflow" validate "$council" > /dev/null
"$caseflow" run "$council" --reps 4 --horizon-months 12 --out "$(dirname "$dir")/council-run" > /dev/null
grep -q "default, not estimated" "$council" && grep -q "KM of" "$council" || { echo "FAIL: council.yaml lacks its comments"; exit 1; }
# Bad input: an as-of date outside the returns is exit status 2, and nothing is written.
set +e
(cd "$root" && "$caseflow" calibrate "$dir" --as-of 2030-01-01 --out "$council.bad" > /dev/null 2> "$dir.err"); rc=$?
set -e
[ "$rc" -eq 2 ] && [ ! -e "$council.bad" ] && grep -q "as-of" "$dir.err" || { cat "$dir.err"; echo "FAIL: a bad --as-of gave status $rc"; exit 1; }
set +e
(cd "$root" && "$caseflow" calibrate "$dir" --as-of 31/03/2024 --out "$council.bad" > /dev/null 2> "$dir.err"); rc=$?
set -e
[ "$rc" -eq 2 ] && [ ! -e "$council.bad" ] && grep -q "YYYY-MM-DD" "$dir.err" || { cat "$dir.err"; echo "FAIL: a malformed --as-of gave status $rc"; exit 1; }
[ -f "$(dirname "$dir")/council.children.csv" ] || { echo "FAIL: calibrate wrote no council.children.csv"; exit 1; }
# A council with the SSDA903 alone (as the care-only tools have): calibrate estimates care,
# defaults the rest with warnings, keeps the counted warm start, and the file validates.
only903="$(dirname "$dir")/only903"
mkdir -p "$only903" && cp -r "$dir/ssda903" "$only903/"
(cd "$root" && "$caseflow" calibrate "$only903" --as-of 2024-03-31 --out "$only903.yaml" > /dev/null 2> "$only903.warn")
grep -q "no CIN census" "$only903.warn" && "$caseflow" validate "$only903.yaml" > /dev/null ||
  { cat "$only903.warn"; echo "FAIL: calibrating from the SSDA903 alone"; exit 1; }
# The back-test, as docs/calibration.md gives it: its three files, and a summary row per metric.
(cd "$root" && "$caseflow" backtest "$dir" --train-to 2022-03-31 --reps 10 --out "$(dirname "$dir")/backtest" > /dev/null)
[ "$(wc -l < "$(dirname "$dir")/backtest/backtest_summary.csv")" -eq 7 ] && [ -f "$(dirname "$dir")/backtest/council.yaml" ] ||
  { echo "FAIL: backtest outputs"; exit 1; }
# Numbers as in every other output (docs/outputs.md, "Numbers"): never in exponent form.
if grep -El '[0-9]e[-+]?[0-9]' "$(dirname "$dir")"/backtest/backtest*.csv; then echo "FAIL: an exponent in the back-test"; exit 1; fi
set +e
(cd "$root" && "$caseflow" backtest "$dir" --train-to 2024-03-20 --out "$(dirname "$dir")/backtest-bad" > /dev/null 2> "$dir.err"); rc=$?
set -e
[ "$rc" -eq 2 ] && [ ! -e "$(dirname "$dir")/backtest-bad" ] || { cat "$dir.err"; echo "FAIL: a back-test with no month after it gave status $rc"; exit 1; }
set +e
(cd "$root" && "$caseflow" backtest "$dir" --train-to 2022-03-31 --reps 10 --parameter-draws 11 --out "$(dirname "$dir")/backtest-bad" > /dev/null 2> "$dir.err"); rc=$?
set -e
[ "$rc" -eq 2 ] && [ ! -e "$(dirname "$dir")/backtest-bad" ] && grep -q -- "--parameter-draws: must be 0 to the replications (10)" "$dir.err" ||
  { cat "$dir.err"; echo "FAIL: more parameter draws than replications gave status $rc"; exit 1; }
echo "synthetic council: written, read strictly with no problems, rewritten, calibrated, run and back-tested"
