# Per-service roles, each listing the actions it needs on the resources it touches. Nowhere
# an "*" action, and "*" resources only where the API has no resource level (X-Ray,
# PutMetricData, ecr:GetAuthorizationToken), each narrowed by a condition where AWS offers one.
# Every role carries the workload permissions boundary (modules/ci_access), and every policy
# is a jsonencode document, so `terraform test` asserts the statements AWS will enforce.

locals {
  ecs_tasks_assume = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["sts:AssumeRole"]
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Condition = {
        StringEquals = { "aws:SourceAccount" = var.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:aws:ecs:${var.region}:${var.account_id}:*" }
      }
    }]
  })

  pull_through_repositories = "arn:aws:ecr:${var.region}:${var.account_id}:repository/${aws_ecr_pull_through_cache_rule.ecr_public.ecr_repository_prefix}/*"

  execution_policies = {
    for s in local.services : s => {
      Version = "2012-10-17"
      Statement = concat(
        [
          {
            Sid      = "EcrAuthToken"
            Effect   = "Allow"
            Action   = ["ecr:GetAuthorizationToken"]
            Resource = ["*"]
          },
          {
            Sid      = "PullServiceImage"
            Effect   = "Allow"
            Action   = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
            Resource = [aws_ecr_repository.service[s].arn, local.pull_through_repositories]
          },
          # The first pull of the collector through the cache creates its repository.
          {
            Sid      = "PullThroughCacheCollector"
            Effect   = "Allow"
            Action   = ["ecr:BatchImportUpstreamImage", "ecr:CreateRepository"]
            Resource = [local.pull_through_repositories]
          },
          # Image layers of the service repositories are encrypted with the environment's key.
          {
            Sid       = "DecryptImages"
            Effect    = "Allow"
            Action    = ["kms:Decrypt"]
            Resource  = [var.kms_key_arn]
            Condition = { StringEquals = { "kms:ViaService" = "ecr.${var.region}.amazonaws.com" } }
          },
          {
            Sid      = "WriteContainerLogs"
            Effect   = "Allow"
            Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
            Resource = ["${aws_cloudwatch_log_group.service[s].arn}:*"]
          },
        ],
        # Every service has injected secrets (transform: its operator API key).
        [
          {
            Sid      = "ReadInjectedSecrets"
            Effect   = "Allow"
            Action   = ["secretsmanager:GetSecretValue"]
            Resource = values(local.service_secrets[s])
          },
          {
            Sid       = "DecryptInjectedSecrets"
            Effect    = "Allow"
            Action    = ["kms:Decrypt"]
            Resource  = [var.kms_key_arn]
            Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.${var.region}.amazonaws.com" } }
          },
        ],
      )
    }
  }

  telemetry_statements = [
    {
      Sid      = "CollectorWritesTraces"
      Effect   = "Allow"
      Action   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
      Resource = ["*"]
    },
    {
      Sid    = "CollectorWritesMetricsAndLogs"
      Effect = "Allow"
      Action = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
      Resource = [
        aws_cloudwatch_log_group.otel["otel-metrics"].arn,
        "${aws_cloudwatch_log_group.otel["otel-metrics"].arn}:*",
        aws_cloudwatch_log_group.otel["otel-logs"].arn,
        "${aws_cloudwatch_log_group.otel["otel-logs"].arn}:*",
      ]
    },
    {
      Sid       = "PublishOwnMetrics"
      Effect    = "Allow"
      Action    = ["cloudwatch:PutMetricData"]
      Resource  = ["*"]
      Condition = { StringEquals = { "cloudwatch:namespace" = var.metrics_namespace } }
    },
  ]

  task_statements = {
    ingest = [
      {
        Sid      = "WriteRawObjects"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
        Resource = ["${var.bucket_arns["raw"]}/raw/*"]
      },
      {
        Sid       = "ListRaw"
        Effect    = "Allow"
        Action    = ["s3:ListBucket"]
        Resource  = [var.bucket_arns["raw"]]
        Condition = { StringLike = { "s3:prefix" = ["raw/*", "raw/"] } }
      },
      {
        Sid      = "PipelineLedger"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = ["${var.bucket_arns["curated"]}/_pipeline/*"]
      },
      {
        Sid       = "ListPipelineLedger"
        Effect    = "Allow"
        Action    = ["s3:ListBucket"]
        Resource  = [var.bucket_arns["curated"]]
        Condition = { StringLike = { "s3:prefix" = ["_pipeline/*", "_pipeline/"] } }
      },
      {
        Sid       = "EncryptedObjects"
        Effect    = "Allow"
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = [var.kms_key_arn]
        Condition = { StringEquals = { "kms:ViaService" = "s3.${var.region}.amazonaws.com" } }
      },
    ]
    transform = [
      {
        Sid      = "ReadRaw"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["${var.bucket_arns["raw"]}/raw/*"]
      },
      {
        Sid      = "ListRawAndCurated"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = [var.bucket_arns["raw"], var.bucket_arns["curated"]]
      },
      {
        Sid      = "WriteCurated"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
        Resource = ["${var.bucket_arns["curated"]}/*"]
      },
      {
        Sid      = "ConsumeRawEvents"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = [var.raw_events_queue_arn]
      },
      {
        Sid       = "EncryptedObjectsAndMessages"
        Effect    = "Allow"
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = [var.kms_key_arn]
        Condition = { StringEquals = { "kms:ViaService" = ["s3.${var.region}.amazonaws.com", "sqs.${var.region}.amazonaws.com"] } }
      },
    ]
    web = [
      {
        Sid      = "RunAthenaQueries"
        Effect   = "Allow"
        Action   = ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution", "athena:GetWorkGroup"]
        Resource = [var.athena_workgroup_arn]
      },
      {
        Sid    = "ReadCatalog"
        Effect = "Allow"
        Action = ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions"]
        Resource = [
          "arn:aws:glue:${var.region}:${var.account_id}:catalog",
          "arn:aws:glue:${var.region}:${var.account_id}:database/${var.glue_database_name}",
          "arn:aws:glue:${var.region}:${var.account_id}:table/${var.glue_database_name}/*",
        ]
      },
      {
        Sid      = "ReadCurated"
        Effect   = "Allow"
        Action   = ["s3:GetObject"]
        Resource = ["${var.bucket_arns["curated"]}/*"]
      },
      {
        Sid      = "ListCuratedAndResults"
        Effect   = "Allow"
        Action   = ["s3:ListBucket", "s3:GetBucketLocation"]
        Resource = [var.bucket_arns["curated"], var.bucket_arns["results"]]
      },
      {
        Sid      = "QueryResults"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
        Resource = ["${var.bucket_arns["results"]}/athena/*"]
      },
      {
        Sid       = "EncryptedObjects"
        Effect    = "Allow"
        Action    = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource  = [var.kms_key_arn]
        Condition = { StringEquals = { "kms:ViaService" = ["s3.${var.region}.amazonaws.com", "athena.${var.region}.amazonaws.com"] } }
      },
    ]
  }

  task_policies = {
    for s in local.services : s => {
      Version   = "2012-10-17"
      Statement = concat(local.telemetry_statements, local.task_statements[s])
    }
  }
}

# --- Execution roles: what ECS needs to start a task -----------------------------------------

resource "aws_iam_role" "execution" {
  for_each = toset(local.services)

  name                 = "${var.name}-${each.key}-execution"
  assume_role_policy   = local.ecs_tasks_assume
  permissions_boundary = var.permissions_boundary_arn
}

resource "aws_iam_role_policy" "execution" {
  for_each = toset(local.services)

  name   = "start-task"
  role   = aws_iam_role.execution[each.key].id
  policy = jsonencode(local.execution_policies[each.key])
}

# --- Task roles: what the application does --------------------------------------------------

resource "aws_iam_role" "task" {
  for_each = toset(local.services)

  name                 = "${var.name}-${each.key}-task"
  assume_role_policy   = local.ecs_tasks_assume
  permissions_boundary = var.permissions_boundary_arn
}

resource "aws_iam_role_policy" "task" {
  for_each = toset(local.services)

  name   = "${each.key}-app"
  role   = aws_iam_role.task[each.key].id
  policy = jsonencode(local.task_policies[each.key])
}
