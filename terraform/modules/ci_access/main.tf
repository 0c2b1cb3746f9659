# GitHub Actions reaches AWS through OIDC: no stored keys. Three roles, each trusted by one
# exact subject of this repository:
#   images - push to ECR, from the deploy branch          repo:<repo>:ref:refs/heads/<branch>
#   plan   - read-only plan, from pull requests           repo:<repo>:pull_request
#   apply  - terraform apply, from the approved environment repo:<repo>:environment:<env>
# (A job that names an environment gets the environment subject; the environment itself only
# accepts deployments from the deploy branch, see docs/deployment.md.)

locals {
  oidc_host         = "token.actions.githubusercontent.com"
  oidc_provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : "arn:aws:iam::${var.account_id}:oidc-provider/${local.oidc_host}"

  subjects = {
    images = "repo:${var.github_repository}:ref:refs/heads/${var.deploy_branch}"
    plan   = "repo:${var.github_repository}:pull_request"
    apply  = "repo:${var.github_repository}:environment:${var.apply_environment}"
  }

  state_bucket_arn = "arn:aws:s3:::${var.state_bucket_name}"
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "trust" {
  for_each = local.subjects

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = [each.value]
    }
  }
}

resource "aws_iam_role" "github" {
  for_each = local.subjects

  name                 = "${var.name}-github-${each.key}"
  assume_role_policy   = data.aws_iam_policy_document.trust[each.key].json
  max_session_duration = 3600
}

# --- images ------------------------------------------------------------------------------

data "aws_iam_policy_document" "images" {
  statement {
    sid       = "EcrAuthToken"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushServiceImages"
    actions = [
      "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
      "ecr:DescribeImages", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload",
      "ecr:PutImage", "ecr:UploadLayerPart",
    ]
    resources = var.ecr_repository_arns
  }
}

resource "aws_iam_role_policy" "images" {
  name   = "push-images"
  role   = aws_iam_role.github["images"].id
  policy = data.aws_iam_policy_document.images.json
}

# --- plan ----------------------------------------------------------------------------------

data "aws_iam_policy_document" "state_access" {
  statement {
    sid       = "ListState"
    actions   = ["s3:ListBucket"]
    resources = [local.state_bucket_arn]
  }

  statement {
    sid       = "ReadState"
    actions   = ["s3:GetObject"]
    resources = ["${local.state_bucket_arn}/*"]
  }

  # S3-native locking: a plan also writes and removes <key>.tflock.
  statement {
    sid       = "LockState"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["${local.state_bucket_arn}/*.tflock"]
  }
}

data "aws_iam_policy_document" "plan" {
  source_policy_documents = [data.aws_iam_policy_document.state_access.json]

  # ReadOnlyAccess reads any object: the data stays out of reach of pull-request code.
  statement {
    sid       = "NoDataReads"
    effect    = "Deny"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = [for arn in var.data_bucket_arns : "${arn}/*"]
  }

  statement {
    sid       = "NoSecretValues"
    effect    = "Deny"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy_attachment" "plan_read_only" {
  role       = aws_iam_role.github["plan"].name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy" "plan" {
  name   = "plan"
  role   = aws_iam_role.github["plan"].id
  policy = data.aws_iam_policy_document.plan.json
}

# --- apply ---------------------------------------------------------------------------------

data "aws_iam_policy_document" "apply" {
  source_policy_documents = [data.aws_iam_policy_document.state_access.json]

  statement {
    sid       = "WriteState"
    actions   = ["s3:PutObject"]
    resources = ["${local.state_bucket_arn}/*"]
  }

  # The services this configuration manages, and only those.
  statement {
    sid = "ManagePlatformServices"
    actions = [
      "application-autoscaling:*", "athena:*", "budgets:*", "cloudfront:*", "cloudwatch:*",
      "ec2:*", "ecr:*", "ecs:*", "elasticloadbalancing:*", "glue:*", "kms:*", "logs:*",
      "route53:*", "s3:*", "secretsmanager:*", "servicediscovery:*", "sns:*", "sqs:*",
      "sts:GetCallerIdentity",
    ]
    resources = ["*"]
  }

  # IAM only for this environment's own roles and the GitHub OIDC provider.
  statement {
    sid     = "ManageOwnRoles"
    actions = ["iam:*"]
    resources = [
      "arn:aws:iam::${var.account_id}:role/${var.name}-*",
      "arn:aws:iam::${var.account_id}:oidc-provider/${local.oidc_host}",
    ]
  }

  statement {
    sid       = "ServiceLinkedRoles"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["arn:aws:iam::${var.account_id}:role/aws-service-role/*"]
  }

  statement {
    sid       = "ReadAwsManagedPolicies"
    actions   = ["iam:GetPolicy", "iam:GetPolicyVersion"]
    resources = ["arn:aws:iam::aws:policy/*"]
  }

  # The ingest API keys are put by an operator, never read or written by CI.
  statement {
    sid       = "NoSecretValues"
    effect    = "Deny"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "apply" {
  name   = "apply"
  role   = aws_iam_role.github["apply"].id
  policy = data.aws_iam_policy_document.apply.json
}
