#!/usr/bin/env bash
# Installs what caseflow needs from Debian's packages, only where missing (idempotent: a
# second run installs nothing and takes about a second).
set -euo pipefail
packages=(
  g++ cmake make git
  libeigen3-dev libboost-dev libcli11-dev libyaml-cpp-dev nlohmann-json3-dev librandom123-dev
  libgtest-dev libbenchmark-dev libxml2-dev libxml2-utils clang libclang-rt-dev libxlsxwriter-dev pkg-config
  python3-pandas python3-openpyxl python3-matplotlib python3-nbconvert python3-ipykernel jupyter-nbconvert
  chromium  # test only: the HTML report opened headless (tests/report/browser_test.py)
  libopenmpi-dev openmpi-bin  # caseflow-mpi, a run across the ranks of an MPI job (docs/scale.md, "MPI")
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install: all ${#packages[@]} packages present"
  exit 0
fi
echo "install: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
