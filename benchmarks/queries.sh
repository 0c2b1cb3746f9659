#!/usr/bin/env bash
# Query-layer benchmark: p50/p95 of every dashboard query on DuckDB, cold and warm, over a generated
# year (1M sessions, 10M ticket lines by default), and the bytes a one-month overview would scan on Athena.
# Usage: benchmarks/queries.sh [SESSIONS] [TICKET_LINES]   (the generated data is kept in the temp folder and reused)
set -euo pipefail
cd "$(dirname "$0")/.."
sessions=${1:-1000000}
lines=${2:-10000000}

dotnet build -c Release benchmarks/CinemaStats.Benchmarks -v quiet -nologo >/dev/null
dotnet benchmarks/CinemaStats.Benchmarks/bin/Release/net10.0/CinemaStats.Benchmarks.dll queries --sessions "$sessions" --ticket-lines "$lines"
