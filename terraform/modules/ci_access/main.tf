# GitHub Actions reaches AWS through OIDC: no stored keys. Three roles, each trusted by exact
# subjects of this repository:
#   images - push to ECR, from the deploy branch           repo:<repo>:ref:refs/heads/<branch>
#   plan   - read-only plan: pull requests, and the deploy's plan job
#            (environment <env>-plan, deployments from the deploy branch only)
#                                                           repo:<repo>:pull_request
#                                                           repo:<repo>:environment:<env>-plan
#   apply  - apply a saved plan, from the approved environment repo:<repo>:environment:<env>
#
# Every policy is a jsonencode document, so `terraform test` asserts what AWS will enforce.
#
# What holds the apply role in:
#   - it cannot change the CI roles, the OIDC provider or the permissions boundary (explicit
#     deny): this module is applied by an administrator (docs/deployment.md);
#   - it creates and changes roles only under this environment's name and only with the
#     workload boundary attached, so no role it makes can exceed the boundary;
#   - every other grant is scoped by this environment's names, or by its Environment tag where
#     AWS names resources by random ids; "*" only for read-only calls and for the few APIs
#     without resource-level permissions;
#   - state: this environment's key only.

locals {
  oidc_host         = "token.actions.githubusercontent.com"
  oidc_provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : "arn:aws:iam::${var.account_id}:oidc-provider/${local.oidc_host}"

  subjects = {
    images = ["repo:${var.github_repository}:ref:refs/heads/${var.deploy_branch}"]
    plan   = ["repo:${var.github_repository}:pull_request", "repo:${var.github_repository}:environment:${var.apply_environment}-plan"]
    apply  = ["repo:${var.github_repository}:environment:${var.apply_environment}"]
  }

  state_bucket_arn  = "arn:aws:s3:::${var.state_bucket_name}"
  state_object_arn  = "${local.state_bucket_arn}/${var.state_key}"
  state_lock_arn    = "${local.state_bucket_arn}/${var.state_key}.tflock"
  role_arn_prefix   = "arn:aws:iam::${var.account_id}:role/${var.name}-"
  ci_role_arns      = [for k in keys(local.subjects) : "${local.role_arn_prefix}github-${k}"]
  boundary_arn      = "arn:aws:iam::${var.account_id}:policy/${var.name}-workload-boundary"
  glue_database     = replace(var.name, "-", "_")
  environment_tag   = { "aws:ResourceTag/Environment" = var.environment }
  environment_label = { "aws:RequestTag/Environment" = var.environment }
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
}

resource "aws_iam_role" "github" {
  for_each = local.subjects

  name                 = "${var.name}-github-${each.key}"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["sts:AssumeRoleWithWebIdentity"]
      Principal = { Federated = local.oidc_provider_arn }
      Condition = {
        StringEquals = {
          "${local.oidc_host}:aud" = "sts.amazonaws.com"
          "${local.oidc_host}:sub" = each.value
        }
      }
    }]
  })
}

# --- The boundary of every workload role (tasks, the wake function) -------------------------
# A ceiling, not a grant: each role's own policy still lists exactly what it needs. What no
# workload ever does is here as a deny: IAM, STS role chaining, organizations, KMS key admin.

resource "aws_iam_policy" "workload_boundary" {
  name        = "${var.name}-workload-boundary"
  description = "Permissions boundary of the roles ${var.name} creates for its workloads"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "WorkloadActions"
        Effect = "Allow"
        Action = [
          "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListBucket",
          "s3:GetBucketLocation", "s3:ListMultipartUploadParts",
          "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl",
          "kms:Decrypt", "kms:GenerateDataKey",
          "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams",
          "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
          "cloudwatch:PutMetricData",
          "athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution", "athena:GetWorkGroup",
          "glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions",
          "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
          "ecr:BatchImportUpstreamImage", "ecr:CreateRepository",
          "secretsmanager:GetSecretValue",
          "ecs:UpdateService", "ecs:DescribeServices",
        ]
        Resource = ["*"]
      },
      {
        Sid      = "NeverAdministration"
        Effect   = "Deny"
        Action   = ["iam:*", "sts:AssumeRole", "organizations:*", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:CreateGrant"]
        Resource = ["*"]
      },
    ]
  })
}

# --- images ------------------------------------------------------------------------------

locals {
  images_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrAuthToken"
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = ["*"]
      },
      {
        Sid    = "PushServiceImages"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
          "ecr:DescribeImages", "ecr:DescribeImageScanFindings", "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart",
        ]
        Resource = var.ecr_repository_arns
      },
    ]
  }
}

resource "aws_iam_role_policy" "images" {
  name   = "push-images"
  role   = aws_iam_role.github["images"].id
  policy = jsonencode(local.images_policy)
}

# --- plan ----------------------------------------------------------------------------------

locals {
  # Terraform's S3 backend lists the bucket (workspaces) and takes a lock object next to the state.
  state_read_statements = [
    {
      Sid       = "ListOwnState"
      Effect    = "Allow"
      Action    = ["s3:ListBucket"]
      Resource  = [local.state_bucket_arn]
      Condition = { StringLike = { "s3:prefix" = [var.state_key, "${var.state_key}.tflock", "env:", "env:/*"] } }
    },
    {
      Sid      = "ReadOwnState"
      Effect   = "Allow"
      Action   = ["s3:GetObject"]
      Resource = [local.state_object_arn]
    },
    {
      Sid      = "LockOwnState"
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
      Resource = [local.state_lock_arn]
    },
  ]

  plan_policy = {
    Version = "2012-10-17"
    Statement = concat(local.state_read_statements, [
      # ReadOnlyAccess reads any object: not the data, and no other state than this environment's.
      {
        Sid      = "NoDataReads"
        Effect   = "Deny"
        Action   = ["s3:GetObject", "s3:GetObjectVersion"]
        Resource = [for arn in var.data_bucket_arns : "${arn}/*"]
      },
      {
        Sid         = "NoOtherObjects"
        Effect      = "Deny"
        Action      = ["s3:GetObject", "s3:GetObjectVersion"]
        NotResource = [local.state_object_arn, local.state_lock_arn, "arn:aws:s3:::${var.name}-*/*"]
      },
      {
        Sid      = "NoSecretValues"
        Effect   = "Deny"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = ["*"]
      },
    ])
  }
}

resource "aws_iam_role_policy_attachment" "plan_read_only" {
  role       = aws_iam_role.github["plan"].name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_role_policy" "plan" {
  name   = "plan"
  role   = aws_iam_role.github["plan"].id
  policy = jsonencode(local.plan_policy)
}

# --- apply ---------------------------------------------------------------------------------

locals {
  # Calls AWS offers only on "*" (no resource-level permissions): each listed once, here.
  no_resource_level_actions = [
    "sts:GetCallerIdentity", "ecr:GetAuthorizationToken", "ecr:CreatePullThroughCacheRule",
    "ecr:DeletePullThroughCacheRule", "ecr:DescribePullThroughCacheRules", "ecs:RegisterTaskDefinition",
    "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:CreateCluster",
    "cloudwatch:PutDashboard", "cloudwatch:DeleteDashboards", "logs:DescribeLogGroups",
    "wafv2:CheckCapacity", "cloudfront:CreateVpcOrigin", "cloudfront:CreateOriginAccessControl",
    "cloudfront:CreateDistribution", "cloudfront:CreateDistributionWithTags",
    "servicediscovery:CreatePrivateDnsNamespace", "route53:CreateHostedZone",
    # VPC flow logs to S3 are set up through CloudWatch Logs' log delivery.
    "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:GetLogDelivery", "logs:ListLogDeliveries",
  ]

  # Read-only calls on "*" (Terraform refreshes what it manages); never object or secret reads.
  read_only_actions = [
    "ec2:Describe*", "ecs:Describe*", "ecs:List*", "elasticloadbalancing:Describe*",
    "cloudfront:Get*", "cloudfront:List*", "logs:Describe*", "logs:List*", "logs:GetDelivery*",
    "kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListResourceTags",
    "cloudwatch:Describe*", "cloudwatch:GetDashboard", "cloudwatch:ListTagsForResource",
    "application-autoscaling:Describe*", "servicediscovery:Get*", "servicediscovery:List*",
    "route53:GetHostedZone", "route53:ListHostedZones*", "route53:ListResourceRecordSets",
    "wafv2:Get*", "wafv2:List*", "wafv2:Describe*", "cognito-idp:Describe*", "cognito-idp:List*",
    "lambda:GetFunction*", "lambda:GetPolicy", "lambda:List*", "athena:GetWorkGroup", "athena:List*",
    "glue:GetDatabase*", "glue:GetTable*", "budgets:View*", "budgets:Describe*", "cloudtrail:Describe*",
    "cloudtrail:GetTrail*", "cloudtrail:GetEventSelectors", "cloudtrail:List*", "sns:GetTopicAttributes",
    "sns:GetSubscriptionAttributes", "sns:List*", "sqs:GetQueueAttributes", "sqs:ListQueue*",
    "ecr:DescribeRepositories", "ecr:ListTagsForResource", "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy",
    "secretsmanager:DescribeSecret", "secretsmanager:ListSecrets", "secretsmanager:GetResourcePolicy",
    "iam:GetRole", "iam:GetRolePolicy", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:GetOpenIDConnectProvider",
    "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListPolicyVersions", "iam:ListInstanceProfilesForRole",
    "s3:ListAllMyBuckets", "tag:GetResources",
  ]

  # This environment's resources by name: every ARN below contains var.name.
  named_resources = {
    "s3:*"                   = ["arn:aws:s3:::${var.name}-*", "arn:aws:s3:::${var.name}-*/*"]
    "sqs:*"                  = ["arn:aws:sqs:${var.region}:${var.account_id}:${var.name}-*"]
    "sns:*"                  = ["arn:aws:sns:${var.region}:${var.account_id}:${var.name}-*"]
    "secretsmanager:*"       = ["arn:aws:secretsmanager:${var.region}:${var.account_id}:secret:${var.name}/*"]
    "lambda:*"               = ["arn:aws:lambda:${var.region}:${var.account_id}:function:${var.name}-*"]
    "athena:*"               = ["arn:aws:athena:${var.region}:${var.account_id}:workgroup/${var.name}"]
    "cloudtrail:*"           = ["arn:aws:cloudtrail:${var.region}:${var.account_id}:trail/${var.name}"]
    "budgets:*"              = ["arn:aws:budgets::${var.account_id}:budget/${var.name}-*"]
    "elasticloadbalancing:*" = ["arn:aws:elasticloadbalancing:${var.region}:${var.account_id}:loadbalancer/app/${var.name}/*", "arn:aws:elasticloadbalancing:${var.region}:${var.account_id}:targetgroup/${var.name}-*/*", "arn:aws:elasticloadbalancing:${var.region}:${var.account_id}:listener/app/${var.name}/*", "arn:aws:elasticloadbalancing:${var.region}:${var.account_id}:listener-rule/app/${var.name}/*"]
    "ecs:*"                  = ["arn:aws:ecs:${var.region}:${var.account_id}:cluster/${var.name}", "arn:aws:ecs:${var.region}:${var.account_id}:service/${var.name}/*", "arn:aws:ecs:${var.region}:${var.account_id}:task-definition/${var.name}-*:*", "arn:aws:ecs:${var.region}:${var.account_id}:task/${var.name}/*"]
    "ecr:*"                  = ["arn:aws:ecr:${var.region}:${var.account_id}:repository/${var.name}/*", "arn:aws:ecr:${var.region}:${var.account_id}:repository/${var.name}-ecr-public/*"]
    "logs:*"                 = ["arn:aws:logs:${var.region}:${var.account_id}:log-group:/${var.name}/*", "arn:aws:logs:us-east-1:${var.account_id}:delivery-source:${var.name}-*", "arn:aws:logs:us-east-1:${var.account_id}:delivery-destination:${var.name}-*", "arn:aws:logs:us-east-1:${var.account_id}:delivery:*"]
    "glue:*"                 = ["arn:aws:glue:${var.region}:${var.account_id}:catalog", "arn:aws:glue:${var.region}:${var.account_id}:database/${local.glue_database}", "arn:aws:glue:${var.region}:${var.account_id}:table/${local.glue_database}/*"]
    "cloudwatch:*"           = ["arn:aws:cloudwatch:${var.region}:${var.account_id}:alarm:${var.name}-*", "arn:aws:cloudwatch::${var.account_id}:dashboard/${var.name}*"]
    "wafv2:*"                = ["arn:aws:wafv2:us-east-1:${var.account_id}:global/webacl/${var.name}-*/*", "arn:aws:wafv2:us-east-1:${var.account_id}:global/managedruleset/*/*"]
    "kms:CreateAlias"        = ["arn:aws:kms:${var.region}:${var.account_id}:alias/${var.name}-*"]
    "kms:DeleteAlias"        = ["arn:aws:kms:${var.region}:${var.account_id}:alias/${var.name}-*"]
  }

  # Services that name resources by random ids: this environment's by its Environment tag
  # (the provider's default_tags put it on everything), new ones only when tagged so.
  tagged_services = ["ec2", "kms", "cognito-idp", "application-autoscaling", "servicediscovery"]

  apply_policy = {
    Version = "2012-10-17"
    Statement = concat(local.state_read_statements, [
      {
        Sid      = "WriteOwnState"
        Effect   = "Allow"
        Action   = ["s3:PutObject"]
        Resource = [local.state_object_arn]
      },
      {
        Sid      = "ReadToRefresh"
        Effect   = "Allow"
        Action   = local.read_only_actions
        Resource = ["*"]
      },
      {
        Sid      = "ApisWithoutResourceLevel"
        Effect   = "Allow"
        Action   = local.no_resource_level_actions
        Resource = ["*"]
      },
      ], [
      for action, resources in local.named_resources : {
        Sid      = "Named${replace(title(replace(split(":", action)[0], "-", " ")), " ", "")}${split(":", action)[1] == "*" ? "" : replace(split(":", action)[1], "*", "")}"
        Effect   = "Allow"
        Action   = [action]
        Resource = resources
      }
      ], [
      {
        Sid       = "TaggedResources"
        Effect    = "Allow"
        Action    = [for s in local.tagged_services : "${s}:*"]
        Resource  = ["*"]
        Condition = { StringEquals = local.environment_tag }
      },
      {
        Sid       = "CreateTagged"
        Effect    = "Allow"
        Action    = concat([for s in local.tagged_services : "${s}:Create*"], ["ec2:RunInstances", "ec2:AllocateAddress", "application-autoscaling:RegisterScalableTarget", "ec2:CreateTags", "cognito-idp:TagResource"])
        Resource  = ["*"]
        Condition = { StringEquals = local.environment_label }
      },
      # CloudFront and Route 53 support neither names in ARNs nor tag conditions: the account's
      # distributions and zones (docs/deployment.md: one account per environment).
      {
        Sid      = "AccountDistributionsAndZones"
        Effect   = "Allow"
        Action   = ["cloudfront:*", "route53:ChangeResourceRecordSets", "route53:DeleteHostedZone", "route53:ChangeTagsForResource", "route53:AssociateVPCWithHostedZone", "route53:DisassociateVPCFromHostedZone"]
        Resource = ["arn:aws:cloudfront::${var.account_id}:distribution/*", "arn:aws:cloudfront::${var.account_id}:origin-access-control/*", "arn:aws:cloudfront::${var.account_id}:vpcorigin/*", "arn:aws:route53:::hostedzone/*"]
      },
      # IAM: this environment's workload roles, always under the boundary.
      {
        Sid       = "WorkloadRolesUnderBoundary"
        Effect    = "Allow"
        Action    = ["iam:CreateRole", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary"]
        Resource  = ["${local.role_arn_prefix}*"]
        Condition = { StringEquals = { "iam:PermissionsBoundary" = local.boundary_arn } }
      },
      {
        Sid      = "WorkloadRoles"
        Effect   = "Allow"
        Action   = ["iam:DeleteRole", "iam:TagRole", "iam:UntagRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy"]
        Resource = ["${local.role_arn_prefix}*"]
      },
      {
        Sid       = "PassWorkloadRoles"
        Effect    = "Allow"
        Action    = ["iam:PassRole"]
        Resource  = ["${local.role_arn_prefix}*"]
        Condition = { StringEquals = { "iam:PassedToService" = ["ecs-tasks.amazonaws.com", "lambda.amazonaws.com"] } }
      },
      {
        Sid       = "ServiceLinkedRoles"
        Effect    = "Allow"
        Action    = ["iam:CreateServiceLinkedRole"]
        Resource  = ["arn:aws:iam::${var.account_id}:role/aws-service-role/*"]
        Condition = { StringEquals = { "iam:AWSServiceName" = ["ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com", "ecs.application-autoscaling.amazonaws.com", "servicediscovery.amazonaws.com", "cloudfront.amazonaws.com"] } }
      },
      # Nothing may touch the CI roles, the OIDC provider or the boundary but an administrator.
      {
        Sid       = "NeverChangeCiAccess"
        Effect    = "Deny"
        NotAction = ["iam:Get*", "iam:List*"]
        Resource  = concat(local.ci_role_arns, [local.boundary_arn, "arn:aws:iam::${var.account_id}:oidc-provider/${local.oidc_host}"])
      },
      {
        Sid      = "NeverLiftTheBoundary"
        Effect   = "Deny"
        Action   = ["iam:DeleteRolePermissionsBoundary", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"]
        Resource = ["*"]
      },
      # The secret values are put by an operator, never read or written by CI.
      {
        Sid      = "NoSecretValues"
        Effect   = "Deny"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"]
        Resource = ["*"]
      },
    ])
  }
}

resource "aws_iam_role_policy" "apply" {
  name   = "apply"
  role   = aws_iam_role.github["apply"].id
  policy = jsonencode(local.apply_policy)
}
