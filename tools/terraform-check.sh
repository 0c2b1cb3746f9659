#!/usr/bin/env bash
# Offline checks of terraform/: fmt, init (no backend), validate, and `terraform test` with a
# mocked AWS provider. Needs terraform >= 1.11 and the AWS provider in a local filesystem
# mirror (found at run time) or a reachable registry.
#   tools/terraform-check.sh            all checks
#   TF_PLUGIN_MIRROR=/path tools/terraform-check.sh   use this mirror (the folder holding registry.terraform.io)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tf_dir="$root/terraform"

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'terraform-check: %s\n' "$*" >&2; exit 1; }

command -v terraform >/dev/null || fail "terraform is not on PATH: install Terraform 1.11 or newer."

# Provider installation: a filesystem mirror when one exists here, else the public registry.
work="$(mktemp -d)"
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
# shellcheck source=tools/terraform-providers.sh
. "$root/tools/terraform-providers.sh"
use_provider_mirror "$work"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
# Keep .terraform/ out of the working tree.
export TF_DATA_DIR="$work/data"

step "terraform fmt -check -recursive"
if ! terraform -chdir="$tf_dir" fmt -check -recursive -diff; then
  fail "formatting differs (above): run 'terraform -chdir=terraform fmt -recursive'."
fi

for config in "$tf_dir" "$tf_dir/bootstrap"; do
  name="${config#"$root"/}"
  export TF_DATA_DIR="$work/data-$(basename "$config")"
  step "terraform init -backend=false ($name)"
  # The committed lock file decides the provider build; init may not change it.
  terraform -chdir="$config" init -backend=false -input=false -no-color -lockfile=readonly >"$work/init.log" 2>&1 \
    || { cat "$work/init.log" >&2; fail "init failed in $name (with the committed .terraform.lock.hcl: see docs/deployment.md, 'Updates')."; }
  step "terraform validate ($name)"
  # -no-tests: validate misreads run blocks that pass an aliased mock provider to a module
  # (Terraform 1.11); `terraform test` below parses and runs the test files anyway.
  terraform -chdir="$config" validate -no-color -no-tests || fail "validate failed in $name."
done

step "wake function: unit tests, and the committed package matches its source"
command -v python3 >/dev/null || fail "python3 is required for the wake function's tests."
(cd "$tf_dir/functions/wake" && PYTHONDONTWRITEBYTECODE=1 python3 -m unittest -q test_wake) || fail "the wake function's tests failed."
"$root/tools/build-wake-function.sh" --check || fail "terraform/functions/wake.zip is stale."

step "state backend: S3, encrypted, locked with a lock file"
backend="$(awk '/backend "s3"/,/^  }/' "$tf_dir/versions.tf")"
grep -Eq 'use_lockfile[[:space:]]*=[[:space:]]*true' <<<"$backend" || fail "terraform/versions.tf: the s3 backend must set use_lockfile = true."
grep -Eq 'encrypt[[:space:]]*=[[:space:]]*true' <<<"$backend" || fail "terraform/versions.tf: the s3 backend must set encrypt = true."
echo "ok"

# Every test against the dev variables; the whole-platform test also against prod's, in
# parallel (the tests keep their state in memory, so the two runs share the init).
export TF_DATA_DIR="$work/data-terraform"
step "terraform test (mocked AWS provider; dev, and the platform test with prod)"
terraform -chdir="$tf_dir" test -no-color -var-file=environments/prod.tfvars -filter=tests/platform.tftest.hcl >"$work/test-prod.log" 2>&1 &
prod_pid=$!
dev_status=0
terraform -chdir="$tf_dir" test -no-color -var-file=environments/dev.tfvars || dev_status=$?
prod_status=0
wait "$prod_pid" || prod_status=$?
echo "--- prod variables:"
cat "$work/test-prod.log"
[ "$dev_status" = 0 ] && [ "$prod_status" = 0 ] || fail "terraform test failed: a security or cost property above no longer holds."

echo
echo "terraform: fmt, validate and test passed"
