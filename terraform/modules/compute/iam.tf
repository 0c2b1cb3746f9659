# Per-service roles, each listing the actions it needs on the resources it touches. Nowhere
# an "*" action, and "*" resources only where the API has no resource level (X-Ray,
# PutMetricData, ecr:GetAuthorizationToken), each narrowed by a condition where AWS offers one.

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.account_id]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:ecs:${var.region}:${var.account_id}:*"]
    }
  }
}

# --- Execution roles: what ECS needs to start a task -----------------------------------------

resource "aws_iam_role" "execution" {
  for_each = toset(local.services)

  name               = "${var.name}-${each.key}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "execution" {
  for_each = toset(local.services)

  statement {
    sid       = "EcrAuthToken"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid     = "PullServiceImage"
    actions = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = [
      aws_ecr_repository.service[each.key].arn,
      "arn:aws:ecr:${var.region}:${var.account_id}:repository/${aws_ecr_pull_through_cache_rule.ecr_public.ecr_repository_prefix}/*",
    ]
  }

  # The first pull of the collector through the cache creates its repository.
  statement {
    sid       = "PullThroughCacheCollector"
    actions   = ["ecr:BatchImportUpstreamImage", "ecr:CreateRepository"]
    resources = ["arn:aws:ecr:${var.region}:${var.account_id}:repository/${aws_ecr_pull_through_cache_rule.ecr_public.ecr_repository_prefix}/*"]
  }

  statement {
    sid       = "WriteContainerLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.service[each.key].arn}:*"]
  }

  dynamic "statement" {
    for_each = length(local.service_secrets[each.key]) > 0 ? [1] : []
    content {
      sid       = "ReadInjectedSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = values(local.service_secrets[each.key])
    }
  }

  dynamic "statement" {
    for_each = length(local.service_secrets[each.key]) > 0 ? [1] : []
    content {
      sid       = "DecryptInjectedSecrets"
      actions   = ["kms:Decrypt"]
      resources = [var.kms_key_arn]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${var.region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  for_each = toset(local.services)

  name   = "start-task"
  role   = aws_iam_role.execution[each.key].id
  policy = data.aws_iam_policy_document.execution[each.key].json
}

# --- Task roles: what the application does --------------------------------------------------

resource "aws_iam_role" "task" {
  for_each = toset(local.services)

  name               = "${var.name}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "telemetry" {
  for_each = toset(local.services)

  statement {
    sid       = "CollectorWritesTraces"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
    resources = ["*"]
  }

  statement {
    sid     = "CollectorWritesMetricsAndLogs"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = [
      aws_cloudwatch_log_group.otel["otel-metrics"].arn,
      "${aws_cloudwatch_log_group.otel["otel-metrics"].arn}:*",
      aws_cloudwatch_log_group.otel["otel-logs"].arn,
      "${aws_cloudwatch_log_group.otel["otel-logs"].arn}:*",
    ]
  }

  statement {
    sid       = "PublishOwnMetrics"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = [var.metrics_namespace]
    }
  }
}

data "aws_iam_policy_document" "ingest" {
  source_policy_documents = [data.aws_iam_policy_document.telemetry["ingest"].json]

  statement {
    sid       = "WriteRawObjects"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["${var.bucket_arns["raw"]}/raw/*"]
  }

  statement {
    sid       = "ListRaw"
    actions   = ["s3:ListBucket"]
    resources = [var.bucket_arns["raw"]]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["raw/*", "raw/"]
    }
  }

  statement {
    sid       = "PipelineLedger"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${var.bucket_arns["curated"]}/_pipeline/*"]
  }

  statement {
    sid       = "ListPipelineLedger"
    actions   = ["s3:ListBucket"]
    resources = [var.bucket_arns["curated"]]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["_pipeline/*", "_pipeline/"]
    }
  }

  statement {
    sid       = "EncryptedObjects"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${var.region}.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "transform" {
  source_policy_documents = [data.aws_iam_policy_document.telemetry["transform"].json]

  statement {
    sid       = "ReadRaw"
    actions   = ["s3:GetObject"]
    resources = ["${var.bucket_arns["raw"]}/raw/*"]
  }

  statement {
    sid       = "ListRawAndCurated"
    actions   = ["s3:ListBucket"]
    resources = [var.bucket_arns["raw"], var.bucket_arns["curated"]]
  }

  statement {
    sid       = "WriteCurated"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${var.bucket_arns["curated"]}/*"]
  }

  statement {
    sid       = "ConsumeRawEvents"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
    resources = [var.raw_events_queue_arn]
  }

  statement {
    sid       = "EncryptedObjectsAndMessages"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${var.region}.amazonaws.com", "sqs.${var.region}.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "web" {
  source_policy_documents = [data.aws_iam_policy_document.telemetry["web"].json]

  statement {
    sid       = "RunAthenaQueries"
    actions   = ["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution", "athena:GetWorkGroup"]
    resources = [var.athena_workgroup_arn]
  }

  statement {
    sid     = "ReadCatalog"
    actions = ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions"]
    resources = [
      "arn:aws:glue:${var.region}:${var.account_id}:catalog",
      "arn:aws:glue:${var.region}:${var.account_id}:database/${var.glue_database_name}",
      "arn:aws:glue:${var.region}:${var.account_id}:table/${var.glue_database_name}/*",
    ]
  }

  statement {
    sid       = "ReadCurated"
    actions   = ["s3:GetObject"]
    resources = ["${var.bucket_arns["curated"]}/*"]
  }

  statement {
    sid       = "ListCuratedAndResults"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [var.bucket_arns["curated"], var.bucket_arns["results"]]
  }

  statement {
    sid       = "QueryResults"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["${var.bucket_arns["results"]}/athena/*"]
  }

  statement {
    sid       = "EncryptedObjects"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
    resources = [var.kms_key_arn]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${var.region}.amazonaws.com", "athena.${var.region}.amazonaws.com"]
    }
  }
}

locals {
  task_policies = {
    ingest    = data.aws_iam_policy_document.ingest.json
    transform = data.aws_iam_policy_document.transform.json
    web       = data.aws_iam_policy_document.web.json
  }
}

resource "aws_iam_role_policy" "task" {
  for_each = toset(local.services)

  name   = "${each.key}-app"
  role   = aws_iam_role.task[each.key].id
  policy = local.task_policies[each.key]
}
