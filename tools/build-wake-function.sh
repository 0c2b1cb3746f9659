#!/usr/bin/env bash
# Builds terraform/functions/wake.zip from terraform/functions/wake/wake.py, byte for byte
# the same on every machine (fixed timestamps and permissions), so the committed zip can be
# checked against its source:
#   tools/build-wake-function.sh           write the zip
#   tools/build-wake-function.sh --check   fail when the committed zip differs from a fresh build
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/terraform/functions/wake/wake.py"
zip="$root/terraform/functions/wake.zip"
command -v python3 >/dev/null || { echo "build-wake-function: python3 is required." >&2; exit 1; }

build() {
  python3 - "$src" "$1" <<'PY'
import sys, zipfile
source, target = sys.argv[1], sys.argv[2]
info = zipfile.ZipInfo("wake.py", date_time=(1980, 1, 1, 0, 0, 0))
info.external_attr = 0o644 << 16
info.compress_type = zipfile.ZIP_DEFLATED
with open(source, "rb") as f, zipfile.ZipFile(target, "w") as z:
    z.writestr(info, f.read())
PY
}

if [ "${1:-}" = "--check" ]; then
  fresh="$(mktemp)"
  trap 'rm -f "$fresh"' EXIT
  build "$fresh"
  cmp -s "$fresh" "$zip" || { echo "terraform/functions/wake.zip is stale: run tools/build-wake-function.sh and commit it." >&2; exit 1; }
  echo "wake.zip matches wake.py"
else
  build "$zip"
  echo "wrote terraform/functions/wake.zip"
fi
