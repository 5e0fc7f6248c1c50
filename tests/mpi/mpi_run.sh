#!/usr/bin/env bash
# caseflow-mpi (issue 15 point 3): `mpirun -np 2` and `-np 3` (slices of 20/20 and 13/13/14)
# write every output file of a single `caseflow run` byte for byte, but for summary.json's
# wall_seconds (the ranks' wall times added up, as `caseflow merge` does); a bad scenario and
# too many ranks exit 2 with the usual message printed once and no outputs; a rank that fails
# after its slice ran (CASEFLOW_MPI_FAIL_RANK, the test hook of app/mpi/injected_failure.h)
# fails the job with its message, naming the rank, and leaves the previous outputs untouched.
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

# Every file of `single` (and no other) in $1, byte for byte; summary.json but its wall_seconds.
same_outputs() {
  local dir=$1 before=$failures
  if [ "$(cd "$work/single" && ls -A | sort)" != "$(cd "$dir" && ls -A | sort)" ]; then
    fail "$dir holds other files than the single run: $(cd "$dir" && ls -A | tr '\n' ' ')"
    return
  fi
  for f in $(cd "$work/single" && ls -A); do
    if [ "$f" = summary.json ]; then
      cmp -s <(grep -v '"wall_seconds":' "$work/single/$f") <(grep -v '"wall_seconds":' "$dir/$f") ||
        fail "$dir/$f differs from the single run's (beyond wall_seconds)"
      grep -q '"wall_seconds":' "$dir/$f" || fail "$dir/$f has no wall_seconds"
    else
      cmp -s "$work/single/$f" "$dir/$f" || fail "$dir/$f differs from the single run's"
    fi
  done
  [ "$failures" -eq "$before" ] && echo "ok: $dir is the single run, every file byte for byte"
}

for np in 2 3; do
  "${mpirun[@]}" -np "$np" "$caseflow_mpi" run "$baseline" "${run_options[@]}" --out "$work/np$np" > "$work/np$np.log" 2>&1
  status=$?
  [ "$status" -eq 0 ] || { fail "-np $np exited $status"; cat "$work/np$np.log"; continue; }
  same_outputs "$work/np$np"
done

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
    cmp -s "$out.before" <(cd "$out" && ls -A && sha256sum -- *) || fail "$out changed"
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

"${mpirun[@]}" -np 3 "$caseflow_mpi" run "$baseline" --reps 2 --horizon-months 12 --quiet --out "$work/few" \
  > "$work/few.log" 2>&1
expect_refusal 2 "caseflow: error: 3 MPI ranks for 2 replications" "$work/few" "$work/few.log" $?

# Rank 1 fails after its slice ran: into np2, which holds the outputs of the run above.
(cd "$work/np2" && ls -A && sha256sum -- *) > "$work/np2.before"
CASEFLOW_MPI_FAIL_RANK=1 "${mpirun[@]}" -x CASEFLOW_MPI_FAIL_RANK -np 2 "$caseflow_mpi" run "$baseline" \
  "${run_options[@]}" --out "$work/np2" > "$work/rank1.log" 2>&1
expect_refusal 1 "caseflow: internal error: failure injected by CASEFLOW_MPI_FAIL_RANK=1" "$work/np2" \
  "$work/rank1.log" $?
grep -q "(MPI rank 1 of 2 on " "$work/rank1.log" || fail "the failure does not name rank 1: $(cat "$work/rank1.log")"

if [ "$failures" -gt 0 ]; then
  echo "mpi_run: $failures failure(s); logs in $work"
  exit 1
fi
echo "mpi_run: all passed"
