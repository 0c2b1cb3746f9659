#!/usr/bin/env bash
# Throughput and memory of the transform against DuckDB (see docs/benchmarks.md).
#   1. 1M-row sessions CSV and 1M-line POS JSONL: our engine (raw → staging → fact_* published) and
#      DuckDB's COPY (SELECT … FROM read_csv/read_json) TO parquet on the same files, same invocation.
#      Each source runs in its own process (with its DuckDB reference), so neither inherits the
#      other's warmed-up or grown process.
#   2. Peak resident memory (VmHWM) of one engine pass, each in a fresh process, on ~250 MiB and
#      ~1 GiB of each source spread over 365 business dates, and of POS on one business date:
#      flat means bounded. Then the largest files again with the managed heap capped at 256 MiB
#      (DOTNET_GCHeapHardLimit): a pass that completes needed no more, whatever the file's size.
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

for source in sessions pos_transactions; do
  dotnet "$bench" throughput --source "$source" --rows "$rows" --repeat "$repeat" --days 30 --work "$work"
done

# input FILE for SOURCE, SIZE MiB over DAYS business dates (generated once, then reused)
input() {
  local source=$1 mib=$2 days=$3 ext=csv
  [ "$source" = pos_transactions ] && ext=jsonl
  local file="$work/$source-${mib}MiB-${days}d.$ext"
  [ -f "$file" ] || dotnet "$bench" generate --source "$source" --megabytes "$mib" --days "$days" --out "$file" >&2
  echo "$file"
}

largest=${sizes[-1]}
for source in sessions pos_transactions; do
  for mib in "${sizes[@]}"; do
    dotnet "$bench" memory --source "$source" --file "$(input "$source" "$mib" 365)" --work "$work"
  done
done
for mib in "${sizes[@]}"; do
  dotnet "$bench" memory --source pos_transactions --file "$(input pos_transactions "$mib" 1)" --work "$work"
done

echo "With the managed heap capped at 256 MiB:"
for run in "sessions $largest 365" "pos_transactions $largest 365" "pos_transactions $largest 1"; do
  set -- $run
  if ! DOTNET_GCHeapHardLimit=0x10000000 dotnet "$bench" memory --source "$1" --file "$(input "$1" "$2" "$3")" --work "$work" 2>&1 | grep -v '^   at '; then
    echo "  $1, $2 MiB over $3 business dates: FAILED within 256 MiB"
  fi
done
