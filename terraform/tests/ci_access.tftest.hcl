# GitHub Actions assumes roles through OIDC, each trusted by exact subjects of this repository;
# the apply role cannot raise its own rights, reaches only this environment, and roles it
# creates stay under the workload boundary. The assertions read the JSON documents the roles
# carry (jsonencode, no mocked data source), so a weakened policy fails them.

mock_provider "aws" {
  mock_resource "aws_iam_openid_connect_provider" {
    defaults = { arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
  }
  mock_resource "aws_iam_policy" {
    defaults = { arn = "arn:aws:iam::123456789012:policy/cinemastats-test-workload-boundary" }
  }
}

variables {
  name                = "cinemastats-test"
  environment         = "test"
  account_id          = "123456789012"
  region              = "eu-west-2"
  github_repository   = "example-org/cinemastats"
  deploy_branch       = "main"
  apply_environment   = "production"
  state_bucket_name   = "cinemastats-tfstate-123456789012"
  state_key           = "cinemastats/test.tfstate"
  ecr_repository_arns = ["arn:aws:ecr:eu-west-2:123456789012:repository/cinemastats-test/web"]
  data_bucket_arns    = ["arn:aws:s3:::cinemastats-test-raw-123456789012"]
}

run "oidc_trust_is_limited_to_this_repository_and_branch" {
  module {
    source = "./modules/ci_access"
  }

  assert {
    condition = {
      for k, r in aws_iam_role.github : k => flatten([
        for s in jsondecode(r.assume_role_policy).Statement : s.Condition.StringEquals["token.actions.githubusercontent.com:sub"]
      ])
      } == {
      images = ["repo:example-org/cinemastats:ref:refs/heads/main"]
      plan   = ["repo:example-org/cinemastats:pull_request", "repo:example-org/cinemastats:environment:production-plan"]
      apply  = ["repo:example-org/cinemastats:environment:production"]
    }
    error_message = "Each role must trust exact subjects (StringEquals, no wildcard): main for images, pull requests and the <env>-plan environment for plan, the approved environment for apply."
  }

  assert {
    condition = alltrue(flatten([
      for k, r in aws_iam_role.github : [
        for s in jsondecode(r.assume_role_policy).Statement :
        s.Condition.StringEquals["token.actions.githubusercontent.com:aud"] == "sts.amazonaws.com"
        && length(keys(s.Condition)) == 1
        && try(s.Action, []) == ["sts:AssumeRoleWithWebIdentity"]
      ]
    ]))
    error_message = "Every trust policy must require the sts.amazonaws.com audience with StringEquals only (no StringLike wildcards)."
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

run "ci_roles_cannot_read_data_secrets_or_other_state" {
  module {
    source = "./modules/ci_access"
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_iam_role_policy.plan.policy).Statement :
      s.Effect == "Deny" && contains(try(s.Action, []), "s3:GetObject") && toset(try(s.Resource, [])) == toset([for a in var.data_bucket_arns : "${a}/*"])
    ])
    error_message = "The plan role must be denied reading data objects."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_iam_role_policy.plan.policy).Statement :
      s.Effect == "Deny" && contains(try(s.Action, []), "s3:GetObject") && toset(try(s.NotResource, [])) == toset([
        "arn:aws:s3:::cinemastats-tfstate-123456789012/cinemastats/test.tfstate",
        "arn:aws:s3:::cinemastats-tfstate-123456789012/cinemastats/test.tfstate.tflock",
        "arn:aws:s3:::cinemastats-test-*/*",
      ])
    ])
    error_message = "The plan role (ReadOnlyAccess) must be denied every object but its own environment's state, lock and buckets: another environment's state stays out of reach."
  }

  assert {
    condition = alltrue([
      for p in [aws_iam_role_policy.plan, aws_iam_role_policy.apply] :
      anytrue([for s in jsondecode(p.policy).Statement : s.Effect == "Deny" && contains(try(s.Action, []), "secretsmanager:GetSecretValue") && try(s.Resource, []) == ["*"]])
    ])
    error_message = "CI roles must be denied reading secret values."
  }

  # State: only this environment's key (and its lock), for both roles.
  assert {
    condition = alltrue(flatten([
      for p in [aws_iam_role_policy.plan, aws_iam_role_policy.apply] : [
        for s in jsondecode(p.policy).Statement : [
          for r in try(s.Resource, []) : contains([
            "arn:aws:s3:::cinemastats-tfstate-123456789012",
            "arn:aws:s3:::cinemastats-tfstate-123456789012/cinemastats/test.tfstate",
            "arn:aws:s3:::cinemastats-tfstate-123456789012/cinemastats/test.tfstate.tflock",
          ], r) if s.Effect == "Allow" && startswith(r, "arn:aws:s3:::cinemastats-tfstate-123456789012")
        ]
      ]
    ]))
    error_message = "CI roles may reach only this environment's state object and lock, never the whole state bucket."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.plan.policy).Statement :
      !contains(try(s.Action, []), "s3:PutObject") || try(s.Resource, []) == ["arn:aws:s3:::cinemastats-tfstate-123456789012/cinemastats/test.tfstate.tflock"]
    ])
    error_message = "The plan role may write only the lock object, never the state."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.images.policy).Statement :
      try(s.Action, []) == ["ecr:GetAuthorizationToken"] || toset(try(s.Resource, [])) == toset(var.ecr_repository_arns)
    ])
    error_message = "The images role may push only to this environment's repositories."
  }
}

run "the_apply_role_cannot_raise_its_own_rights" {
  module {
    source = "./modules/ci_access"
  }

  # No allowed action is "*", a whole-IAM or whole-STS wildcard, or an IAM write outside the
  # environment's roles.
  assert {
    condition = !anytrue(flatten([
      for p in [aws_iam_role_policy.images, aws_iam_role_policy.plan, aws_iam_role_policy.apply] : [
        for s in jsondecode(p.policy).Statement : [
          for a in try(s.Action, []) : s.Effect == "Allow" && (a == "*" || startswith(a, "*") || startswith(a, "iam:*") || startswith(a, "sts:*") || a == "iam:Create*" || a == "iam:Put*" || a == "iam:Attach*")
        ]
      ]
    ]))
    error_message = "No CI role may be allowed every action, every IAM or STS action, or IAM writes by wildcard."
  }

  assert {
    condition = alltrue(flatten([
      for s in jsondecode(aws_iam_role_policy.apply.policy).Statement : [
        for r in try(s.Resource, []) : startswith(r, "arn:aws:iam::123456789012:role/cinemastats-test-") || r == "arn:aws:iam::123456789012:role/aws-service-role/*"
      ] if s.Effect == "Allow" && anytrue([for a in try(s.Action, []) : startswith(a, "iam:") && !startswith(a, "iam:Get") && !startswith(a, "iam:List")])
    ]))
    error_message = "The apply role may change IAM only on this environment's roles (cinemastats-test-*)."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.apply.policy).Statement :
      try(s.Condition.StringEquals["iam:PermissionsBoundary"], "") == aws_iam_policy.workload_boundary.arn
      if s.Effect == "Allow" && anytrue([for a in try(s.Action, []) : contains(["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"], a)])
    ]) && anytrue([for s in jsondecode(aws_iam_role_policy.apply.policy).Statement : s.Effect == "Allow" && contains(try(s.Action, []), "iam:CreateRole")])
    error_message = "The apply role may create roles and write their policies only with the workload permissions boundary attached."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_iam_role_policy.apply.policy).Statement :
      s.Effect == "Deny" && try(s.NotAction, []) == ["iam:Get*", "iam:List*"] && alltrue([
        for r in [
          "arn:aws:iam::123456789012:role/cinemastats-test-github-apply",
          "arn:aws:iam::123456789012:role/cinemastats-test-github-plan",
          "arn:aws:iam::123456789012:role/cinemastats-test-github-images",
          aws_iam_policy.workload_boundary.arn,
        ] : contains(try(s.Resource, []), r)
      ])
    ])
    error_message = "An explicit deny must keep the apply role off its own role, the other CI roles and the permissions boundary (anything but reads)."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_iam_role_policy.apply.policy).Statement :
      s.Effect == "Deny" && contains(try(s.Action, []), "iam:DeleteRolePermissionsBoundary") && try(s.Resource, []) == ["*"]
    ])
    error_message = "The apply role must never remove a permissions boundary."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.apply.policy).Statement :
      toset(try(s.Condition.StringEquals["iam:PassedToService"], [])) == toset(["ecs-tasks.amazonaws.com", "lambda.amazonaws.com"])
      if contains(try(s.Action, []), "iam:PassRole")
    ])
    error_message = "The apply role may pass roles only to ECS tasks and Lambda."
  }
}

run "the_apply_role_reaches_only_this_environment" {
  module {
    source = "./modules/ci_access"
  }

  # "*" resources: read-only calls, the listed APIs without resource-level permissions, or a
  # condition on this environment's tag.
  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.apply.policy).Statement :
      alltrue([for a in try(s.Action, []) : can(regex("^[a-z0-9-]+:(Describe|Get|List|View)[A-Za-z]*\\*?$", a)) && !startswith(a, "s3:Get") && a != "secretsmanager:GetSecretValue"])
      || alltrue([for a in try(s.Action, []) : contains([
        "sts:GetCallerIdentity", "ecr:GetAuthorizationToken", "ecr:CreatePullThroughCacheRule",
        "ecr:DeletePullThroughCacheRule", "ecr:DescribePullThroughCacheRules", "ecs:RegisterTaskDefinition",
        "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:CreateCluster",
        "cloudwatch:PutDashboard", "cloudwatch:DeleteDashboards", "logs:DescribeLogGroups",
        "wafv2:CheckCapacity", "cloudfront:CreateVpcOrigin", "cloudfront:CreateOriginAccessControl",
        "cloudfront:CreateDistribution", "cloudfront:CreateDistributionWithTags",
        "servicediscovery:CreatePrivateDnsNamespace", "route53:CreateHostedZone",
        "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:GetLogDelivery", "logs:ListLogDeliveries",
      ], a)])
      || try(s.Condition.StringEquals["aws:ResourceTag/Environment"], "") == "test"
      || try(s.Condition.StringEquals["aws:RequestTag/Environment"], "") == "test"
      if s.Effect == "Allow" && contains(try(s.Resource, []), "*")
    ])
    error_message = "The apply role may use \"*\" resources only for read-only calls, APIs without resource-level permissions, or with this environment's Environment tag as a condition."
  }

  # Named resources: every other allowed ARN names this environment (or is a documented
  # account-wide exception: CloudFront and Route 53, service-linked roles, the state, the
  # catalog, managed WAF rule sets).
  assert {
    condition = alltrue(flatten([
      for s in jsondecode(aws_iam_role_policy.apply.policy).Statement : [
        for r in try(s.Resource, []) :
        strcontains(r, "cinemastats-test") || strcontains(r, "cinemastats_test") || r == "*"
        || startswith(r, "arn:aws:s3:::cinemastats-tfstate-123456789012")
        || contains([
          "arn:aws:glue:eu-west-2:123456789012:catalog",
          "arn:aws:wafv2:us-east-1:123456789012:global/managedruleset/*/*",
          "arn:aws:logs:us-east-1:123456789012:delivery:*",
          "arn:aws:iam::123456789012:role/aws-service-role/*",
          "arn:aws:cloudfront::123456789012:distribution/*",
          "arn:aws:cloudfront::123456789012:origin-access-control/*",
          "arn:aws:cloudfront::123456789012:vpcorigin/*",
          "arn:aws:route53:::hostedzone/*",
        ], r)
      ] if s.Effect == "Allow"
    ]))
    error_message = "Every resource the apply role may change must carry this environment's name (documented exceptions aside): dev's role must not reach prod."
  }

  assert {
    condition = !anytrue([
      for s in jsondecode(aws_iam_role_policy.apply.policy).Statement :
      s.Effect == "Allow" && anytrue([for a in try(s.Action, []) : contains(["ec2:*", "kms:*", "cognito-idp:*", "s3:*", "ecs:*", "secretsmanager:*"], a)]) && contains(try(s.Resource, []), "*") && try(length(s.Condition), 0) == 0
    ])
    error_message = "Service wildcards such as ec2:*, kms:*, s3:* must not be granted on \"*\" without a condition."
  }
}

run "the_boundary_caps_every_workload_role" {
  module {
    source = "./modules/ci_access"
  }

  assert {
    condition = alltrue(flatten([
      for s in jsondecode(aws_iam_policy.workload_boundary.policy).Statement : [
        for a in try(s.Action, []) : !endswith(a, "*") && !startswith(a, "iam:") && !startswith(a, "sts:")
      ] if s.Effect == "Allow"
    ]))
    error_message = "The workload boundary may allow only named actions, never IAM, STS or wildcards."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_iam_policy.workload_boundary.policy).Statement :
      s.Effect == "Deny" && contains(try(s.Action, []), "iam:*") && contains(try(s.Action, []), "sts:AssumeRole")
    ])
    error_message = "The workload boundary must deny IAM and role chaining outright."
  }
}
