# The wake function: the wake page calls it through CloudFront (/_wake/start, signed by origin
# access control) and it sets web and ingest from zero tasks to one, so a wake starts within a
# second of the first request instead of after the ALB metric reaches the wake alarm (which
# stays as the fallback). It may update and describe those two services and nothing else;
# reserved concurrency caps it at two at a time, and CloudFront's WAF rate-limits the path.

locals {
  wake_function_name = "${var.name}-wake"
  woken_services     = ["web", "ingest"]
  woken_service_arns = [for s in local.woken_services : "arn:aws:ecs:${var.region}:${var.account_id}:service/${var.name}/${s}"]

  wake_function_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WakeTheFrontDoor"
        Effect   = "Allow"
        Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
        Resource = local.woken_service_arns
      },
      {
        Sid      = "WriteOwnLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${aws_cloudwatch_log_group.wake_function.arn}:*"]
      },
    ]
  }
}

resource "aws_cloudwatch_log_group" "wake_function" {
  name              = "/${var.name}/wake-function"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
}

resource "aws_iam_role" "wake_function" {
  name                 = "${var.name}-wake-function"
  permissions_boundary = var.permissions_boundary_arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["sts:AssumeRole"]
      Principal = { Service = "lambda.amazonaws.com" }
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })
}

resource "aws_iam_role_policy" "wake_function" {
  name   = "wake-front-door"
  role   = aws_iam_role.wake_function.id
  policy = jsonencode(local.wake_function_policy)
}

resource "aws_lambda_function" "wake" {
  function_name = local.wake_function_name
  description   = "Sets web and ingest of ${var.name} from zero tasks to one"
  role          = aws_iam_role.wake_function.arn
  runtime       = "python3.13"
  architectures = ["arm64"]
  handler       = "wake.handler"
  memory_size   = 128
  timeout       = 10
  # Built by tools/build-wake-function.sh; the offline check fails when it is stale.
  filename         = var.wake_function_zip
  source_code_hash = filebase64sha256(var.wake_function_zip)

  # The rate limit of the function itself: at most this many wakes run at once.
  reserved_concurrent_executions = var.wake_function_concurrency

  environment {
    variables = {
      CLUSTER  = aws_ecs_cluster.this.name
      SERVICES = join(",", local.woken_services)
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.wake_function.name
  }

  depends_on = [aws_iam_role_policy.wake_function]
}

# Only CloudFront, signing with origin access control, may call it (docs/deployment.md §5).
resource "aws_lambda_function_url" "wake" {
  function_name      = aws_lambda_function.wake.function_name
  authorization_type = "AWS_IAM"
}
