# GitHub Actions assumes roles through OIDC, each trusted by exactly one subject of this
# repository: the deploy branch, pull requests (read-only), or the approved environment.

mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
  mock_resource "aws_iam_openid_connect_provider" {
    defaults = { arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
  }
}

variables {
  name                = "cinemastats-test"
  account_id          = "123456789012"
  github_repository   = "example-org/cinemastats"
  deploy_branch       = "main"
  apply_environment   = "production"
  state_bucket_name   = "cinemastats-tfstate-123456789012"
  ecr_repository_arns = ["arn:aws:ecr:eu-west-2:123456789012:repository/cinemastats-test/web"]
  data_bucket_arns    = ["arn:aws:s3:::cinemastats-test-raw-123456789012"]
}

run "oidc_trust_is_limited_to_this_repository_and_branch" {
  module {
    source = "./modules/ci_access"
  }

  assert {
    condition = {
      for k, doc in data.aws_iam_policy_document.trust : k => flatten([
        for s in doc.statement : [for c in s.condition : [for v in c.values : v] if c.variable == "token.actions.githubusercontent.com:sub" && c.test == "StringEquals"]
      ])
      } == {
      images = ["repo:example-org/cinemastats:ref:refs/heads/main"]
      plan   = ["repo:example-org/cinemastats:pull_request"]
      apply  = ["repo:example-org/cinemastats:environment:production"]
    }
    error_message = "Each role must trust exactly one subject (StringEquals, no wildcard) of this repository: main for images, pull requests for plan, the approved environment for apply."
  }

  assert {
    condition = alltrue([
      for k, doc in data.aws_iam_policy_document.trust : alltrue([
        for s in doc.statement : anytrue([for c in s.condition : c.variable == "token.actions.githubusercontent.com:aud" && toset(c.values) == toset(["sts.amazonaws.com"])])
      ])
    ])
    error_message = "Every trust policy must require the sts.amazonaws.com audience."
  }

  assert {
    condition     = alltrue([for k, r in aws_iam_role.github : r.assume_role_policy == data.aws_iam_policy_document.trust[k].json])
    error_message = "Each role must use its own trust policy."
  }
}

run "a_wildcard_branch_is_rejected" {
  command = plan

  module {
    source = "./modules/ci_access"
  }

  variables {
    deploy_branch = "*"
  }

  expect_failures = [var.deploy_branch]
}

run "ci_roles_cannot_read_data_or_secrets" {
  module {
    source = "./modules/ci_access"
  }

  assert {
    condition = anytrue([
      for s in data.aws_iam_policy_document.plan.statement :
      s.effect == "Deny" && contains(s.actions, "s3:GetObject") && s.resources == toset([for a in var.data_bucket_arns : "${a}/*"])
    ])
    error_message = "The pull-request (plan) role must be denied reading data objects."
  }

  assert {
    condition = alltrue([
      for doc in [data.aws_iam_policy_document.plan, data.aws_iam_policy_document.apply] :
      anytrue([for s in doc.statement : s.effect == "Deny" && contains(s.actions, "secretsmanager:GetSecretValue")])
    ])
    error_message = "CI roles must be denied reading secret values."
  }

  assert {
    condition = !anytrue(flatten([
      for doc in [data.aws_iam_policy_document.images, data.aws_iam_policy_document.plan, data.aws_iam_policy_document.apply] : [
        for s in doc.statement : (s.effect == null || s.effect == "Allow") && contains(s.actions, "*")
      ]
    ]))
    error_message = "No CI role may be allowed every action."
  }

  assert {
    condition = alltrue([
      for s in data.aws_iam_policy_document.apply.statement :
      !anytrue([for a in s.actions : startswith(a, "iam:") && a != "iam:GetPolicy" && a != "iam:GetPolicyVersion"]) || alltrue([for r in s.resources : startswith(r, "arn:aws:iam::${var.account_id}:")])
    ])
    error_message = "The apply role may manage IAM only inside this account's own names."
  }
}
