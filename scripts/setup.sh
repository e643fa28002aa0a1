#!/usr/bin/env bash
# Installs what imputa needs (Debian/Ubuntu packages) and builds it in build/.
# Idempotent: no apt call when everything is already there. Sourced by
# demo.sh, test.sh and fuzz.sh; usage: scripts/setup.sh [--sanitize | --deps-only]
# (--deps-only installs and stops; IMPUTA_EXTRA_PACKAGES names more packages).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case "${1:-}" in
  ""|--sanitize|--deps-only) ;;
  *) echo "usage: scripts/setup.sh [--sanitize | --deps-only]" >&2; exit 2 ;;
esac

packages=(g++ cmake make pkg-config ccache libboost-dev libz3-dev libspdlog-dev libfmt-dev
          libgtest-dev libcli11-dev nlohmann-json3-dev graphviz ${IMPUTA_EXTRA_PACKAGES:-})
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# ccache: paths relative to the checkout, so another clone of the same sources
# (CI's fresh clone) reuses what an earlier build compiled.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1

# Editor tooling (editors/vscode, docs/editors.md): node and npm from Debian
# when absent; the extension's packages when node_modules is missing or older
# than package-lock.json. Without them only the grammar test cannot run.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Installing: nodejs npm"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  { $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; } ||
    echo "setup.sh: could not install nodejs and npm; the editor grammar test will fail" >&2
fi
vscode="$root/editors/vscode"
if command -v npm >/dev/null &&
   [[ ! -d "$vscode/node_modules" || "$vscode/package-lock.json" -nt "$vscode/node_modules" ]]; then
  if (cd "$vscode" && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
    touch "$vscode/node_modules"
  else
    echo "setup.sh: npm ci failed in editors/vscode; the editor grammar test will fail" >&2
  fi
fi

if [[ "${1:-}" == "--deps-only" ]]; then
  return 0 2>/dev/null || exit 0
fi

build_dir="$root/build"
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [[ "${1:-}" == "--sanitize" ]]; then
  build_dir="$root/build-sanitize"
  cmake_args=(-DCMAKE_BUILD_TYPE=Debug -DIMPUTA_SANITIZE=ON -DIMPUTA_BENCH=OFF)
fi
[[ "${CI:-}" == "true" ]] && cmake_args+=(-DIMPUTA_WERROR=ON)

jobs=$(nproc 2>/dev/null || echo 2)
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build_dir" "${cmake_args[@]}" >/dev/null
else
  cmake -S "$root" -B "$build_dir" "${cmake_args[@]}" >/dev/null
fi
# Progress lines filtered out; a failed build still fails (pipefail: the grep group never does).
cmake --build "$build_dir" -j "$jobs" 2>&1 | { grep -vE '^\[ *[0-9]+%\] (Building|Linking|Built|Generating|Embedding)' || true; }
export IMPUTA_BUILD_DIR="$build_dir"
