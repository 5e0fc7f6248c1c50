#!/usr/bin/env bash
# caseflow-mpi (issue 15 point 3): `mpirun -np 2` and `-np 3` (slices of 20/20 and 13/13/14)
# write every output file of a single `caseflow run` byte for byte, of a scenario and of a
# region (every council's folder and the region's total), with and without parameter draws, but for summary.json's
# wall_seconds (the ranks' wall times added up, as `caseflow merge` does); a bad scenario and
# too many ranks exit 2 with the usual message printed once and no outputs; a rank that fails
# after its slice ran (CASEFLOW_MPI_FAIL_RANK, the test hook of app/mpi/injected_failure.h)
# fails the job with its message, naming the rank, and leaves the previous outputs untouched
# (or writes none), for a scenario and for a region.
# Usage: mpi_run.sh CASEFLOW CASEFLOW_MPI MPIEXEC SOURCE_DIR WORK_DIR
set -uo pipefail
caseflow=$1 caseflow_mpi=$2 mpiexec=$3 source=$4 work=$5
baseline=$source/scenarios/baseline.yaml
rm -rf "$work" && mkdir -p "$work"

# --oversubscribe: more ranks than cores (CI has two). Open MPI refuses to run as root unless
# told; CI's containers run as root.
# In the sanitizer build, LeakSanitizer would fail every rank on Open MPI's own leaks:
# openmpi.lsan.supp suppresses those (it says why); other builds ignore LSAN_OPTIONS.
lsan="suppressions=$source/tests/mpi/openmpi.lsan.supp:fast_unwind_on_malloc=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# Shared-memory messages without the single-copy (CMA) path, which needs ptrace rights that
# containers often lack (Open MPI then fails large messages with "Read -1, expected ...").
mpirun=(env "LSAN_OPTIONS=$lsan" "$mpiexec" --oversubscribe --mca btl_vader_single_copy_mechanism none)
[ "$(id -u)" -eq 0 ] && mpirun+=(--allow-run-as-root)

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# 40 replications of 12 months: seconds in all, and 40 does not split evenly in 3.
run_options=(--reps 40 --horizon-months 12 --threads 1 --quiet --per-replication)

"$caseflow" run "$baseline" "${run_options[@]}" --out "$work/single" > /dev/null || { echo "FAIL: the single run"; exit 1; }

# Every file of the folder $1 (and no other, subfolders included) in $2, byte for byte; each
# summary.json but its wall_seconds lines.
files_of() { (cd "$1" && find . -type f | sort); }
same_outputs() {
  local want=$1 dir=$2 before=$failures
  if [ "$(files_of "$want")" != "$(files_of "$dir")" ]; then
    fail "$dir holds other files than $want: $(files_of "$dir" | tr '\n' ' ')"
    return
  fi
  for f in $(files_of "$want"); do
    if [ "$(basename "$f")" = summary.json ]; then
      cmp -s <(grep -v '"wall_seconds":' "$want/$f") <(grep -v '"wall_seconds":' "$dir/$f") ||
        fail "$dir/$f differs from $want's (beyond wall_seconds)"
      grep -q '"wall_seconds":' "$dir/$f" || fail "$dir/$f has no wall_seconds"
    else
      cmp -s "$want/$f" "$dir/$f" || fail "$dir/$f differs from $want's"
    fi
  done
  [ "$failures" -eq "$before" ] && echo "ok: $dir is $want, every one of its $(files_of "$want" | wc -l) files byte for byte"
}

# A folder's files and their checksums, to show that a refused job left it as it was.
snapshot() { (cd "$1" && find . -type f | sort | xargs sha256sum); }

for np in 2 3; do
  "${mpirun[@]}" -np "$np" "$caseflow_mpi" run "$baseline" "${run_options[@]}" --out "$work/np$np" > "$work/np$np.log" 2>&1
  status=$?
  [ "$status" -eq 0 ] || { fail "-np $np exited $status"; cat "$work/np$np.log"; continue; }
  same_outputs "$work/single" "$work/np$np"
done

# A scenario with parameter draws (docs/calibration.md, "Parameter draws"; here three written
# by hand): the ranks' slices cut across the draws' blocks, and the outputs are the single
# run's byte for byte.
printf 'extends: %s\nname: drawn\nparameter_draws: drawn.draws.yaml\n' "$baseline" > "$work/drawn.yaml"
printf 'draws:\n  - referral: {nfa_prob: 0.05}\n  - referral: {nfa_prob: 0.09}\n  - care: {placement_moves_per_year: 0.9}\n' \
  > "$work/drawn.draws.yaml"
"$caseflow" run "$work/drawn.yaml" "${run_options[@]}" --out "$work/drawn-single" > /dev/null || fail "the single run with draws"
"${mpirun[@]}" -np 3 "$caseflow_mpi" run "$work/drawn.yaml" "${run_options[@]}" --out "$work/drawn-np3" > "$work/drawn-np3.log" 2>&1 ||
  { fail "-np 3 with draws exited $?"; cat "$work/drawn-np3.log"; }
grep -q "over 3 parameter draws" "$work/drawn-np3.log" || fail "caseflow-mpi did not run the draws: $(cat "$work/drawn-np3.log")"
same_outputs "$work/drawn-single" "$work/drawn-np3"
# A region whose council has draws (docs/scale.md, "Regions"): the ranks' slices cut across
# the council's draw blocks too.
printf 'region: drawn-region\ncouncils:\n  - name: drawn\n    scenario: drawn.yaml\n  - name: base\n    scenario: %s\n' "$baseline" \
  > "$work/drawn-region.yaml"
"$caseflow" run "$work/drawn-region.yaml" "${run_options[@]}" --out "$work/drawn-region-single" > /dev/null ||
  fail "the single region run with a drawn council"
"${mpirun[@]}" -np 3 "$caseflow_mpi" run "$work/drawn-region.yaml" "${run_options[@]}" --out "$work/drawn-region-np3" \
  > "$work/drawn-region-np3.log" 2>&1 || { fail "region -np 3 with a drawn council exited $?"; cat "$work/drawn-region-np3.log"; }
grep -q "drawn over 3 parameter draws" "$work/drawn-region-np3.log" ||
  fail "caseflow-mpi did not run the region's council over its draws: $(cat "$work/drawn-region-np3.log")"
same_outputs "$work/drawn-region-single" "$work/drawn-region-np3"

# A refused job: exit status $1, the message ($2, a fixed string) printed exactly once, and
# nothing in the output folder $3 but what was there before (its listing and checksums in
# $3.before, or no folder at all).
expect_refusal() {
  local want=$1 message=$2 out=$3 log=$4 status=$5
  [ "$status" -eq "$want" ] || fail "$log: exit status $status, not $want"
  local count
  count=$(grep -cF -- "$message" "$log")
  [ "$count" -eq 1 ] || fail "$log: '$message' printed $count times, not once"
  if [ -f "$out.before" ]; then
    cmp -s "$out.before" <(snapshot "$out") || fail "$out changed"
  else
    [ ! -e "$out" ] || fail "$out was written"
  fi
  if compgen -G "$(dirname "$out")/.$(basename "$out")*" > /dev/null; then fail "a staging folder of $out was left"; fi
  echo "ok: $log exited $status with the message once and no outputs"
}

printf 'extends: %s\nreferal_rate: 3\n' "$baseline" > "$work/bad.yaml"  # a misspelt key
"${mpirun[@]}" -np 2 "$caseflow_mpi" run "$work/bad.yaml" "${run_options[@]}" --out "$work/bad" > "$work/bad.log" 2>&1
expect_refusal 2 "caseflow: error: $work/bad.yaml" "$work/bad" "$work/bad.log" $?
"$caseflow" run "$work/bad.yaml" "${run_options[@]}" --out "$work/bad" 2> "$work/bad-single.log" > /dev/null
# The message is the single run's: the same line.
grep -F "caseflow: error:" "$work/bad-single.log" | cmp -s - <(grep -F "caseflow: error:" "$work/bad.log") ||
  fail "the bad scenario's message differs from caseflow run's"

# A command-line mistake points to caseflow-mpi's own --help, not caseflow's.
"${mpirun[@]}" -np 2 "$caseflow_mpi" run "$baseline" --reps 0 --out "$work/reps0" > "$work/reps0.log" 2>&1
expect_refusal 2 "(see caseflow-mpi --help)" "$work/reps0" "$work/reps0.log" $?

"${mpirun[@]}" -np 3 "$caseflow_mpi" run "$baseline" --reps 2 --horizon-months 12 --quiet --out "$work/few" \
  > "$work/few.log" 2>&1
expect_refusal 2 "caseflow: error: 3 MPI ranks for 2 replications" "$work/few" "$work/few.log" $?

# Rank 1 fails after its slice ran: into np2, which holds the outputs of the run above.
snapshot "$work/np2" > "$work/np2.before"
CASEFLOW_MPI_FAIL_RANK=1 "${mpirun[@]}" -x CASEFLOW_MPI_FAIL_RANK -np 2 "$caseflow_mpi" run "$baseline" \
  "${run_options[@]}" --out "$work/np2" > "$work/rank1.log" 2>&1
expect_refusal 1 "caseflow: internal error: failure injected by CASEFLOW_MPI_FAIL_RANK=1" "$work/np2" \
  "$work/rank1.log" $?
grep -q "(MPI rank 1 of 2 on " "$work/rank1.log" || fail "the failure does not name rank 1: $(cat "$work/rank1.log")"

# A region (docs/scale.md, "Regions in shards and under MPI"): ranks take replication slices of
# every council; rank 0 writes every file of every council's folder and of the region's total
# as `caseflow run REGION.yaml` does. 7 replications of 12 months of three councils: 3 + 4,
# and 2 + 2 + 3.
region=$source/scenarios/region-example/region.yaml
region_options=(--reps 7 --horizon-months 12 --threads 1 --quiet --per-replication)
"$caseflow" run "$region" "${region_options[@]}" --out "$work/region-single" > /dev/null ||
  { echo "FAIL: the single region run"; exit 1; }
for np in 2 3; do
  "${mpirun[@]}" -np "$np" "$caseflow_mpi" run "$region" "${region_options[@]}" --out "$work/region-np$np" \
    > "$work/region-np$np.log" 2>&1
  status=$?
  [ "$status" -eq 0 ] || { fail "region -np $np exited $status"; cat "$work/region-np$np.log"; continue; }
  same_outputs "$work/region-single" "$work/region-np$np"
done

# A bad region file (an unknown key) and too many ranks: refused before anything runs, as for a
# scenario.
printf 'region: bad\nseed: 3\ncouncils:\n  - name: a\n    scenario: %s\n' "$baseline" > "$work/bad-region.yaml"
"${mpirun[@]}" -np 2 "$caseflow_mpi" run "$work/bad-region.yaml" "${region_options[@]}" --out "$work/bad-region" \
  > "$work/bad-region.log" 2>&1
expect_refusal 2 "caseflow: error: $work/bad-region.yaml:2:1: unknown key 'seed'" "$work/bad-region" \
  "$work/bad-region.log" $?
"${mpirun[@]}" -np 3 "$caseflow_mpi" run "$region" --reps 2 --horizon-months 12 --quiet --out "$work/region-few" \
  > "$work/region-few.log" 2>&1
expect_refusal 2 "caseflow: error: 3 MPI ranks for 2 replications" "$work/region-few" "$work/region-few.log" $?

# Rank 2 of 3 fails after its slices ran: the job fails naming it, region-np3 is left as it was.
snapshot "$work/region-np3" > "$work/region-np3.before"
CASEFLOW_MPI_FAIL_RANK=2 "${mpirun[@]}" -x CASEFLOW_MPI_FAIL_RANK -np 3 "$caseflow_mpi" run "$region" \
  "${region_options[@]}" --out "$work/region-np3" > "$work/region-rank2.log" 2>&1
expect_refusal 1 "caseflow: internal error: failure injected by CASEFLOW_MPI_FAIL_RANK=2" "$work/region-np3" \
  "$work/region-rank2.log" $?
grep -q "(MPI rank 2 of 3 on " "$work/region-rank2.log" ||
  fail "the failure does not name rank 2: $(cat "$work/region-rank2.log")"
# And into a new folder: nothing written.
CASEFLOW_MPI_FAIL_RANK=1 "${mpirun[@]}" -x CASEFLOW_MPI_FAIL_RANK -np 2 "$caseflow_mpi" run "$region" \
  "${region_options[@]}" --out "$work/region-failed" > "$work/region-rank1.log" 2>&1
expect_refusal 1 "caseflow: internal error: failure injected by CASEFLOW_MPI_FAIL_RANK=1" "$work/region-failed" \
  "$work/region-rank1.log" $?

if [ "$failures" -gt 0 ]; then
  echo "mpi_run: $failures failure(s); logs in $work"
  exit 1
fi
echo "mpi_run: all passed"
