#!/usr/bin/env bash
# A council's forecast with the calibration's uncertainty (docs/calibration.md, "Parameter
# draws"), as a council would run it: calibrate --parameter-draws writes council.draws.yaml
# beside council.yaml; run shares its replications among the draws; shards of it merge to the whole run byte for byte;
# fewer replications than draws, a broken draws file and a command that does not read draws
# yet (synth) are each exit status 2 with nothing written; compare pairs a what-if that
# extends council.yaml with it draw by draw, plan searches over the draws, a region of
# calibrated councils runs each over its draws, a demand forecast on the council keeps them,
# and project projects each draw.
# Usage: council_draws.sh CASEFLOW ROOT
set -euo pipefail
caseflow=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$caseflow" synth "$root/scenarios/baseline.yaml" --years 5 --out "$work/returns" > /dev/null
(cd "$root" && "$caseflow" calibrate "$work/returns" --as-of 2024-03-31 --out "$work/council.yaml" --parameter-draws 8 > "$work/calibrate.txt" 2> /dev/null)
grep -q "8 parameter draws" "$work/calibrate.txt" || fail "calibrate did not say it wrote the draws"
[ "$(grep -c '^  - ' "$work/council.draws.yaml")" -eq 8 ] || fail "council.draws.yaml does not hold 8 draws"
grep -q "^parameter_draws: council.draws.yaml" "$work/council.yaml" || fail "council.yaml does not name its draws"
"$caseflow" validate "$work/council.yaml" | grep -q "8 parameter draws" || fail "validate does not see the draws"
# The draws vary the estimates, not the staff (the census is not resampled): an edit of the
# establishment in council.yaml takes effect.
! grep -q "establishment_fte" "$work/council.draws.yaml" || fail "the draws carry the staff, which they do not vary"
grep -q "^central:" "$work/council.draws.yaml" || fail "the draws file does not say what it was drawn around"

# The whole run, and the central calibration alone (a file that extends council.yaml without its draws).
printf 'extends: council.yaml\nparameter_draws: ""\n' > "$work/central.yaml"
"$caseflow" run "$work/council.yaml" --reps 24 --horizon-months 24 --threads 2 --out "$work/drawn" | grep -q "over 8 parameter draws" ||
  fail "run did not share its replications among the draws"
"$caseflow" run "$work/central.yaml" --reps 24 --horizon-months 24 --threads 2 --out "$work/central" > /dev/null
# The draws change the run (their spread is measured in docs/calibration.md, "Parameter draws",
# and tested in ParameterDraws.*): a run that ignored them would equal the central one.
! cmp -s "$work/drawn/monthly.csv" "$work/central/monthly.csv" || fail "the drawn run equals the central calibration's"

# Shards of the drawn run merge to it byte for byte (each draw's block cut across shards).
for k in 1 2 3; do "$caseflow" run "$work/council.yaml" --reps 24 --horizon-months 24 --shard "$k/3" --out "$work/part$k" > /dev/null; done
"$caseflow" merge "$work/part1" "$work/part2" "$work/part3" --out "$work/merged" | grep -q "over 8 parameter draws" ||
  fail "merge does not say the run was shared among the draws"
for f in monthly.csv annual.csv; do cmp -s "$work/drawn/$f" "$work/merged/$f" || fail "merged $f differs from the whole run's"; done
# summary.json says how many draws the replications were shared among, merged as run whole;
# the central calibration's says nothing of draws.
cmp -s <(grep -v '"wall_seconds":' "$work/drawn/summary.json") <(grep -v '"wall_seconds":' "$work/merged/summary.json") ||
  fail "the merged summary.json differs from the whole run's (beyond wall_seconds)"
grep -q '"parameter_draws": 8' "$work/drawn/summary.json" || fail "summary.json does not record the draws"
! grep -q '"parameter_draws"' "$work/central/summary.json" || fail "the central run's summary.json names draws"

# A region of calibrated councils (docs/scale.md, "Regions"): each council's outputs are its run
# alone, draws and all (the region sets no seed, so each keeps its scenario's); its shards merge
# to it byte for byte; fewer replications than a council's draws is refused, naming the council.
printf 'region: drawn-region\nshared:\n  replications: 24\n  horizon_months: 24\ncouncils:\n  - name: drawn\n    scenario: council.yaml\n  - name: central\n    scenario: central.yaml\n' > "$work/region.yaml"
"$caseflow" validate "$work/region.yaml" | grep -q "(drawn over 8 parameter draws)" || fail "validate does not see a council's draws"
"$caseflow" run "$work/region.yaml" --threads 2 --out "$work/region" | grep -q "drawn over 8 parameter draws" ||
  fail "the region run did not share the council's replications among its draws"
for council in drawn central; do
  for f in monthly.csv annual.csv; do
    cmp -s "$work/$council/$f" "$work/region/councils/$council/$f" || fail "the region's $council/$f differs from the council's run alone"
  done
done
grep -q '"parameter_draws": 8' "$work/region/summary.json" || fail "the region's summary.json does not record the council's draws"
for k in 1 2 3; do "$caseflow" run "$work/region.yaml" --shard "$k/3" --out "$work/rpart$k" > /dev/null; done
"$caseflow" merge "$work/rpart1" "$work/rpart2" "$work/rpart3" --out "$work/rmerged" > /dev/null
for f in monthly.csv annual.csv councils/drawn/monthly.csv councils/central/annual.csv councils/drawn/summary.json; do
  [ "${f##*/}" = summary.json ] && { cmp -s <(grep -v '"wall_seconds":' "$work/region/$f") <(grep -v '"wall_seconds":' "$work/rmerged/$f") ||
    fail "the merged region shards' $f differs from the whole region run's (beyond wall_seconds)"; continue; }
  cmp -s "$work/region/$f" "$work/rmerged/$f" || fail "the merged region shards' $f differs from the whole region run's"
done

# A demand forecast on the calibrated council: forecast.yaml extends council.yaml, so a run of
# it shares its replications among the draws, with the forecast's demand laid over each; the
# same forecast on the central calibration alone runs otherwise.
for base in council central; do
  "$caseflow" forecast "$root/scenarios/history/example-referrals.csv" --horizon-months 12 --simulations 200 --level-paths 50 \
    --base "$work/$base.yaml" --out "$work/fc-$base" > "$work/fc-$base.txt" 2>&1 ||
    { cat "$work/fc-$base.txt"; fail "forecast --base $base.yaml"; }
done
grep -q "forecast.yaml extends .*council.yaml and so its 8 parameter draws" "$work/fc-council.txt" ||
  fail "forecast does not say its scenario keeps the council's draws"
"$caseflow" run "$work/fc-council/forecast.yaml" --reps 16 --out "$work/fc-run" | grep -q "over 8 parameter draws" ||
  fail "a run of the forecast on the council does not share its replications among the draws"
"$caseflow" run "$work/fc-central/forecast.yaml" --reps 16 --out "$work/fc-central-run" > /dev/null
! cmp -s "$work/fc-run/monthly.csv" "$work/fc-central-run/monthly.csv" || fail "the forecast over the draws equals the central one"

# project over the draws: markov.csv is the mean of markov_draws.csv's eight projections, row
# by row (three decimals each, so within a thousandth), and differs from the central one.
"$caseflow" project "$work/council.yaml" --horizon-months 12 --out "$work/proj" | grep -q "over 8 parameter draws" ||
  fail "project did not project the draws"
"$caseflow" project "$work/central.yaml" --horizon-months 12 --out "$work/proj-central" > /dev/null
[ "$(tail -n +2 "$work/proj/markov_draws.csv" | wc -l)" -eq $((8 * 12 * 7)) ] || fail "markov_draws.csv does not hold 8 draws x 12 months x 7 stages"
[ "$(tail -n +2 "$work/proj/markov.csv" | wc -l)" -eq $((12 * 7)) ] || fail "markov.csv does not hold 12 months x 7 stages"
awk -F, 'NR == FNR { if (FNR > 1) { k = $1 "," $2; for (c = 4; c <= 6; c++) s[k, c] += $c; n[k]++ } next }
         FNR > 1 { k = $1 "," $2
                   for (c = 3; c <= 5; c++) { d = s[k, c + 1] / n[k] - $c
                     if (n[k] != 8 || d > 0.001 || d < -0.001) { print "row " k " column " c ": " s[k, c + 1] / n[k] " against " $c; bad = 1 } } }
         END { exit bad }' "$work/proj/markov_draws.csv" "$work/proj/markov.csv" || fail "markov.csv is not the mean over the draws"
! cmp -s "$work/proj/markov.csv" "$work/proj-central/markov.csv" || fail "the projection over the draws equals the central one"

# compare pairs a what-if that extends council.yaml with it draw by draw: its base is the
# drawn run itself, replication for replication.
printf 'extends: council.yaml\nname: fewer-referrals-closed\nreferral:\n  nfa_prob: 0.03\n' > "$work/what-if.yaml"
"$caseflow" compare "$work/council.yaml" "$work/what-if.yaml" --reps 24 --horizon-months 24 --per-replication --out "$work/cmp" > /dev/null
"$caseflow" run "$work/council.yaml" --reps 24 --horizon-months 24 --per-replication --out "$work/drawn-pr" > /dev/null
# Each replication's base figures in the comparison are the drawn run's own.
cut -d, -f2-7 "$work/cmp/per_replication_annual.csv" | tail -n +2 > "$work/cmp-base.csv"
tail -n +2 "$work/drawn-pr/per_replication_annual.csv" > "$work/run-values.csv"
cmp -s "$work/cmp-base.csv" "$work/run-values.csv" || fail "compare's base is not the drawn run, replication for replication"
awk -F, 'NR > 1 && $9 != 0 { found = 1 } END { exit !found }' "$work/cmp/per_replication_annual.csv" || fail "the what-if made no difference"

# plan searches the staffing over the draws: every staffing it simulates is each draw's.
"$caseflow" plan "$work/council.yaml" --target 'caseload_per_fte<=18' --reps 16 --horizon-months 12 --out "$work/plan" |
  grep -q "over 8 parameter draws" || fail "plan did not simulate over the draws"

# Bad input: exit status 2, a message naming the problem, and no outputs.
expect_refusal() {  # OUT PATTERN COMMAND...
  local out=$1 pattern=$2; shift 2
  set +e; "$@" > /dev/null 2> "$work/err"; local rc=$?; set -e
  [ "$rc" -eq 2 ] && [ ! -e "$out" ] && grep -q "$pattern" "$work/err" || { cat "$work/err"; fail "$* gave status $rc"; }
}
expect_refusal "$work/few" "each draw needs one at least" "$caseflow" run "$work/council.yaml" --reps 4 --out "$work/few"
expect_refusal "$work/rfew" "4 replications, but council 'drawn' (.*council.yaml) has 8 parameter draws.*--reps 8" \
  "$caseflow" run "$work/region.yaml" --reps 4 --out "$work/rfew"
sed 's/replications: 24/replications: 6/' "$work/region.yaml" > "$work/region-few.yaml"
expect_refusal "$work/rfew2" "region-few.yaml:3:17: shared.replications: 6, but council 'drawn'.*give at least 8" \
  "$caseflow" run "$work/region-few.yaml" --out "$work/rfew2"
set +e; "$caseflow" validate "$work/region-few.yaml" > /dev/null 2>&1; rc=$?; set -e
[ "$rc" -eq 2 ] || fail "validate passed a region with fewer replications than a council's draws (status $rc)"
expect_refusal "$work/synth" "parameter_draws" "$caseflow" synth "$work/council.yaml" --years 1 --out "$work/synth"
expect_refusal "$work/cmp2" "compare pairs replications draw by draw" \
  "$caseflow" compare "$work/council.yaml" "$work/central.yaml" --reps 24 --out "$work/cmp2"
# An edit of a drawn key in council.yaml would be hidden by every draw: refused at its line.
cp "$work/council.yaml" "$work/council.yaml.kept"
sed -i 's/^  nfa_prob: [0-9.]*/  nfa_prob: 0.2/' "$work/council.yaml"
expect_refusal "$work/edited" "council.yaml:[0-9]*:[0-9]*: referral.nfa_prob: .* were drawn around" \
  "$caseflow" run "$work/council.yaml" --reps 24 --out "$work/edited"
cp "$work/council.yaml.kept" "$work/council.yaml"
# A calibrated council with draws serves as another calibration's defaults (its central file).
(cd "$root" && "$caseflow" calibrate "$work/returns" --as-of 2023-03-31 --out "$work/again.yaml" --defaults "$work/council.yaml" > /dev/null 2>&1) ||
  fail "a council with draws as --defaults"
! grep -q "^parameter_draws" "$work/again.yaml" || fail "calibrate copied the defaults' parameter_draws"
sed -i '0,/^  - /s//  - horizon_months: 12\n    /' "$work/council.draws.yaml"
expect_refusal "$work/bad" "council.draws.yaml:[0-9]*:[0-9]*: parameter draw: 'horizon_months' is not a parameter" \
  "$caseflow" run "$work/council.yaml" --reps 24 --out "$work/bad"
echo "council draws: calibrated, run pooled over its draws (alone and in a region), sharded and merged exactly, bad input refused"
