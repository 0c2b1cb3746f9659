# Sourced by the Terraform checks: points Terraform at a local provider mirror when this
# machine has one (the folder holding registry.terraform.io), else at the public registry.
#   use_provider_mirror <work dir>   writes <work dir>/cli.tfrc and exports TF_CLI_CONFIG_FILE
#   TF_PLUGIN_MIRROR=/path           use this mirror
use_provider_mirror() {
  local work="$1" mirror="${TF_PLUGIN_MIRROR:-}" found
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
}
