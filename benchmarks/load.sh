#!/usr/bin/env bash
# Load test of the dashboard: the recorded analyst session (open the overview, filter twice,
# drill down to a film, export a CSV) replayed by 1, 10 and 50 concurrent users, each a browser
# context in one headless Chromium, against the AppHost with its sample data (or --url).
# Prints p50/p95 of the page load and of each interaction, and the errors.
#   benchmarks/load.sh [--users 1,10,50] [--iterations 3] [--url http://127.0.0.1:5182] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "Chromium is missing: apt-get install chromium" >&2; exit 1; }
dotnet build -c Release benchmarks/CinemaStats.LoadTest -v quiet -nologo >/dev/null
dotnet benchmarks/CinemaStats.LoadTest/bin/Release/net10.0/CinemaStats.LoadTest.dll "$@"
