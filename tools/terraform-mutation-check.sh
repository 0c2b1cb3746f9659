#!/usr/bin/env bash
# Proves the security tests can fail: weakens each asserted property in a temporary copy of
# terraform/ and .github/ (a wildcard action, a public bucket, a long error TTL, an open NACL,
# anonymous access, a missing pipefail, an unpinned action, ${{ inputs.* }} in run:, ...) and
# requires terraform test or the workflow lint to fail for every one. Prints a table of
# mutation -> caught; exits 1 if any weakening passes. The list is in tools/mutation-check.py.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

command -v terraform >/dev/null || { echo "mutation-check: terraform is not on PATH." >&2; exit 1; }
command -v python3 >/dev/null || { echo "mutation-check: python3 is required." >&2; exit 1; }
# The workflow lint (and its npm packages, shellcheck) must be installed: its script does that.
[ -f "$root/tools/actionlint/node_modules/yaml/package.json" ] && command -v shellcheck >/dev/null \
  || "$root/tools/lint-workflows.sh" >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=tools/terraform-providers.sh
. "$root/tools/terraform-providers.sh"
use_provider_mirror "$work"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

python3 "$root/tools/mutation-check.py"
