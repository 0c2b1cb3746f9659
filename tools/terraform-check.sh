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
# init writes a provider lock file next to the configuration; the project pins the version instead.
cleanup() {
  rm -rf "$work"
  for dir in "$tf_dir" "$tf_dir/bootstrap"; do
    [ -n "$(cd "$dir" && git ls-files .terraform.lock.hcl 2>/dev/null)" ] || rm -f "$dir/.terraform.lock.hcl"
  done
}
trap cleanup EXIT
mirror="${TF_PLUGIN_MIRROR:-}"
if [ -z "$mirror" ]; then
  # Terraform's per-user plugin folder, else any folder near the file-system root that holds one.
  [ -d "$HOME/.terraform.d/plugins/registry.terraform.io/hashicorp/aws" ] && mirror="$HOME/.terraform.d/plugins"
fi
if [ -z "$mirror" ]; then
  found="$(find / -maxdepth 4 -type d -name registry.terraform.io -not -path '*/.terraform/*' 2>/dev/null | head -n 1 || true)"
  [ -n "$found" ] && [ -d "$found/hashicorp/aws" ] && mirror="$(dirname "$found")"
fi
if [ -n "$mirror" ]; then
  cat > "$work/cli.tfrc" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
CFG
  export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
  echo "providers from the mirror at $mirror"
else
  unset TF_CLI_CONFIG_FILE
  echo "no provider mirror found: providers come from the registry"
fi
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
  terraform -chdir="$config" init -backend=false -input=false -no-color >"$work/init.log" 2>&1 \
    || { cat "$work/init.log" >&2; fail "init failed in $name."; }
  step "terraform validate ($name)"
  # -no-tests: validate misreads run blocks that pass an aliased mock provider to a module
  # (Terraform 1.11); `terraform test` below parses and runs the test files anyway.
  terraform -chdir="$config" validate -no-color -no-tests || fail "validate failed in $name."
done

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
