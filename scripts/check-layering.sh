#!/usr/bin/env bash
# Checks the #include lines against the layering in CMakeLists.txt ("Dependencies point one
# way: engine <- sim <- io <- app; models stands alone"):
#   1. nothing under sim/journey/ or sim/workforce/ includes "sim/model.h";
#   2. nothing under sim/engine/ includes a sim/ header outside sim/engine/;
#   3. nothing under sim/ includes an io/, app/ or models/ header;
#   4. nothing under models/ includes a sim/, io/ or app/ header;
#   5. nothing under sim/workforce/ includes a sim/journey/ header (the journey asks the
#      workforce for workers, never the other way round);
#   6. nothing under io/returns/ includes a header outside io/returns/ and sim/engine/ (the
#      returns layer knows the statutory returns, not the simulation);
#   7. nothing under sim/, models/ or io/ includes a calibrate/ header, and nothing under
#      calibrate/ includes an app/ header (calibration sits between io and the app).
# A quoted include that names a file next to the includer ("model.h", "../model.h") is
# resolved to its path from the root first, so it cannot slip past a rule.
# Prints FILE:LINE: rule and include for each breach and exits 1 if there is any, else 0.
# Usage: scripts/check-layering.sh [ROOT]   (ROOT defaults to the repository root)
set -euo pipefail
root=${1:-"$(cd "$(dirname "$0")/.." && pwd)"}
cd "$root"

breaches=0
report() {  # file line rule target
  local written=${written_as:-$4}
  if [ "$written" = "$4" ]; then
    echo "$1:$2: $3: #include \"$4\""
  else
    echo "$1:$2: $3: #include \"$written\" (that is, $4)"
  fi
  breaches=$((breaches + 1))
}

# Every include under sim/, models/, io/ and calibrate/ as "file<TAB>line<TAB>target<TAB>as written", the
# target resolved to its path from the root when it is relative to the including file.
includes() {
  local dirs=()
  for d in sim models io calibrate; do [ -d "$d" ] && dirs+=("$d"); done
  [ ${#dirs[@]} -gt 0 ] || return 0
  grep -rnE --include='*.h' --include='*.hpp' --include='*.cpp' --include='*.cc' --include='*.ipp' \
    '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"][^>"]+[>"]' "${dirs[@]}" |
    while IFS= read -r hit; do
      local file=${hit%%:*} rest=${hit#*:}
      local line=${rest%%:*} text=${rest#*:}
      [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*([<\"])([^>\"]+) ]] || continue
      local target=${BASH_REMATCH[2]} written=${BASH_REMATCH[2]}
      if [ "${BASH_REMATCH[1]}" = '"' ] && [ -e "${file%/*}/$target" ]; then
        target=$(realpath -m --relative-to=. "${file%/*}/$target")
      fi
      printf '%s\t%s\t%s\t%s\n' "$file" "$line" "$target" "$written"
    done
}

while IFS=$'\t' read -r file line target written_as; do
  if [[ ($file == sim/journey/* || $file == sim/workforce/*) && $target == sim/model.h ]]; then
    report "$file" "$line" "rule 1 (journey and workforce do not include the model)" "$target"
  fi
  if [[ $file == sim/engine/* && $target == sim/* && $target != sim/engine/* ]]; then
    report "$file" "$line" "rule 2 (the engine includes only sim/engine/ from sim/)" "$target"
  fi
  if [[ $file == sim/* && ($target == io/* || $target == app/* || $target == models/*) ]]; then
    report "$file" "$line" "rule 3 (sim/ does not include io/, app/ or models/)" "$target"
  fi
  if [[ $file == models/* && ($target == sim/* || $target == io/* || $target == app/*) ]]; then
    report "$file" "$line" "rule 4 (models/ does not include sim/, io/ or app/)" "$target"
  fi
  if [[ $file == sim/workforce/* && $target == sim/journey/* ]]; then
    report "$file" "$line" "rule 5 (the workforce does not include the journey)" "$target"
  fi
  if [[ $file == io/returns/* && ($target == */* && $target != io/returns/* && $target != sim/engine/* && $target != libxml/*) ]]; then
    report "$file" "$line" "rule 6 (io/returns/ includes only io/returns/ and sim/engine/)" "$target"
  fi
  if [[ ($file == sim/* || $file == models/* || $file == io/*) && $target == calibrate/* ]]; then
    report "$file" "$line" "rule 7 (only calibrate/ and app/ include calibrate/)" "$target"
  fi
  if [[ $file == calibrate/* && $target == app/* ]]; then
    report "$file" "$line" "rule 7 (calibrate/ does not include app/)" "$target"
  fi
done < <(includes)

if [ "$breaches" -gt 0 ]; then
  echo "check-layering: $breaches include(s) break the layering (see scripts/check-layering.sh)"
  exit 1
fi
echo "check-layering: includes follow the layering"
