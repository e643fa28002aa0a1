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
          libgtest-dev libcli11-dev nlohmann-json3-dev graphviz libcpp-httplib-dev libgoogle-perftools-dev
          ${IMPUTA_EXTRA_PACKAGES:-})
# Chromium for the browser test: Debian's packages. Ubuntu ships Chromium only
# as a snap, which apt cannot install quietly; there the browser test is skipped.
grep -qsx 'ID=ubuntu' /etc/os-release || packages+=(chromium chromium-driver)
# Node.js and npm from Debian only where the machine has none of its own.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
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

# Browser and editor tooling (tests/browser: the page of `imputa serve` in
# Chromium; editors/vscode: the VS Code extension's grammar test). Each folder's
# npm packages are installed (npm ci) only when node_modules is missing or was
# installed from another lock file. Without them those two tests cannot run.
npm_ci() {
  local dir="$root/$1"
  cmp -s "$dir/package-lock.json" "$dir/node_modules/.imputa-lock" 2>/dev/null && return 0
  if (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && cp package-lock.json node_modules/.imputa-lock); then
    return 0
  fi
  echo "setup.sh: npm ci failed in $1; the tests that need it will fail or be skipped" >&2
}
if command -v npm >/dev/null; then
  npm_ci tests/browser
  npm_ci editors/vscode
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
