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
if [ ! -f "$emulator/node_modules/fauxqs/dist/server.js" ]; then
  command -v npm >/dev/null || { echo "npm is required to install the S3 emulator: install Node.js and npm." >&2; exit 1; }
  optional=(--omit=optional)
  node_major=$(node -p 'process.versions.node.split(".").slice(0,2).join(".")' 2>/dev/null || echo 0)
  if [ "$(uname -sm)" = "Linux x86_64" ] && ! printf '22.5\n%s\n' "$node_major" | sort -V -C; then
    optional=()
  fi
  (cd "$emulator" && npm install --no-audit --no-fund --no-package-lock --loglevel=error "${optional[@]}")
fi
echo "installed: fauxqs $(node -p "require('./$emulator/node_modules/fauxqs/package.json').version")"

# 2. Chromium for the browser tests (Debian's package; Playwright's own download cannot run here).
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

# 3. The tests.
step "dotnet test"
results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test --solution CinemaStats.sln --results-directory "$results" --report-xunit-trx "$@" || status=$?

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
