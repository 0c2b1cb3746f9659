#!/usr/bin/env bash
# History benchmark: a published history (730 days × 100 cinemas × 4,000 sessions a day by default,
# staged straight into the store and published by the engine once; kept in the temp folder and reused),
# then one more day's upload to every asset published, beside the same upload on an empty store and
# under a GC heap limit, then the dashboard's overview and its incremental update in a web process.
# Usage: benchmarks/history.sh [DAYS] [CINEMAS] [SESSIONS_PER_DAY] [SAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-730}
cinemas=${2:-100}
per_day=${3:-4000}
samples=${4:-7}

dotnet build -c Release benchmarks/CinemaStats.Benchmarks -v quiet -nologo >/dev/null
dotnet benchmarks/CinemaStats.Benchmarks/bin/Release/net10.0/CinemaStats.Benchmarks.dll history \
  --days "$days" --cinemas "$cinemas" --sessions-per-day "$per_day" --samples "$samples"
