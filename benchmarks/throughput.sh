#!/usr/bin/env bash
# Throughput and memory of the transform against DuckDB (see docs/benchmarks.md).
#   1. 1M-row sessions CSV and 1M-line POS JSONL: our engine (raw → staging → fact_* published) and
#      DuckDB's COPY (SELECT … FROM read_csv/read_json) TO parquet on the same files, same invocation.
#   2. Peak resident memory (VmHWM) of one engine pass, each in a fresh process, on ~250 MiB and
#      ~1 GiB of each source spread over 365 business dates: flat means bounded. Then ~250 MiB of
#      POS on one business date: fact_ticket_line holds one date's lines while it de-duplicates.
# Usage: benchmarks/throughput.sh [ROWS] [REPEAT] [SIZES_MIB...]   (defaults: 1000000 3 250 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
repeat=${2:-3}
shift $(( $# > 2 ? 2 : $# ))
sizes=(250 1024)
[ $# -gt 0 ] && sizes=("$@")
work=${WORK:-${TMPDIR:-/tmp}/cinemastats-throughput}
mkdir -p "$work"

dotnet build -c Release benchmarks/CinemaStats.Benchmarks -v quiet -nologo >/dev/null
bench=benchmarks/CinemaStats.Benchmarks/bin/Release/net10.0/CinemaStats.Benchmarks.dll

dotnet "$bench" throughput --rows "$rows" --repeat "$repeat" --days 30 --work "$work"

for source in sessions pos_transactions; do
  ext=csv; [ "$source" = pos_transactions ] && ext=jsonl
  for mib in "${sizes[@]}"; do
    file="$work/$source-${mib}MiB-365d.$ext"
    [ -f "$file" ] || dotnet "$bench" generate --source "$source" --megabytes "$mib" --days 365 --out "$file"
    dotnet "$bench" memory --source "$source" --file "$file" --work "$work"
  done
done

one_day="$work/pos_transactions-${sizes[0]}MiB-1d.jsonl"
[ -f "$one_day" ] || dotnet "$bench" generate --source pos_transactions --megabytes "${sizes[0]}" --days 1 --out "$one_day"
dotnet "$bench" memory --source pos_transactions --file "$one_day" --work "$work"
