#!/usr/bin/env bash
# Regenerates terraform/schemas/curated_tables.json from the schemas pinned in CinemaStats.Core.
set -euo pipefail
cd "$(dirname "$0")/.."
CINEMASTATS_UPDATE_SNAPSHOTS=1 dotnet test --project tests/CinemaStats.Core.Tests \
  --filter-method '*The_export_Terraform_reads_matches_the_schemas_in_Core'
git --no-pager diff --stat -- terraform/schemas
