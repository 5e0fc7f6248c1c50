#!/usr/bin/env bash
# The demo returns, exactly as docs/returns.md and README give the commands: synth writes five
# years of the baseline's returns, inspect-returns reads them with no error and no
# data-quality problem (strict), every XML validates against its schema, and a second synth into the same folder replaces it.
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
echo "synthetic council: written, read strictly with no problems, rewritten"
