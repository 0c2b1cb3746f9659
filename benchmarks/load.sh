#!/usr/bin/env bash
# Load test of the dashboard: the recorded analyst session (open the overview, filter twice,
# drill down to a film, export a CSV) replayed by concurrent users against the AppHost with its
# sample data (or --url), in three modes (docs/load-test.md):
#   browser  each user a browser context in one headless Chromium (1 and 10 users by default)
#   circuit  each user a Blazor circuit over SignalR without a browser, like shinycannon (1, 10, 50)
#   http     the server-rendered pages and the CSV only (1, 10, 50)
# Prints p50/p95 of the page load and of each interaction, and the errors, per mode.
#   benchmarks/load.sh [--mode browser,circuit,http] [--users 1,10,50] [--browser-users 1,10]
#                      [--loaded-s 30] [--ramp-ms recording|2000] [--url http://127.0.0.1:5182 [--web-pid PID]]
#                      [--think-ms 1000] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " != *" --mode "* || "$*" == *browser* ]]; then
  command -v chromium >/dev/null || { echo "Chromium is missing: apt-get install chromium (or --mode circuit,http)" >&2; exit 1; }
fi
dotnet build -c Release benchmarks/CinemaStats.LoadTest -v quiet -nologo >/dev/null
dotnet benchmarks/CinemaStats.LoadTest/bin/Release/net10.0/CinemaStats.LoadTest.dll "$@"
