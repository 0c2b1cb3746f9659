# One customer-managed key for the data at rest of this environment: buckets, queues, log
# groups, alarm topic, secrets, images, the trail and the wake page. Rotated yearly.
resource "aws_kms_key" "data" {
  description             = "${var.name} data at rest"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = jsonencode(local.key_policy)
}

resource "aws_kms_alias" "data" {
  name          = "alias/${var.name}-data"
  target_key_id = aws_kms_key.data.key_id
}

locals {
  same_account = { StringEquals = { "aws:SourceAccount" = var.account_id } }

  key_policy = {
    Version = "2012-10-17"
    Statement = [
      # The account administers the key through IAM (roles still need an IAM grant to use it).
      {
        Sid       = "AccountAdministersThroughIam"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.account_id}:root" }
        Action    = ["kms:*"]
        Resource  = ["*"]
      },
      # S3 publishes raw/ notifications into the encrypted queue.
      {
        Sid       = "S3NotifiesEncryptedQueue"
        Effect    = "Allow"
        Principal = { Service = "s3.amazonaws.com" }
        Action    = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource  = ["*"]
        Condition = local.same_account
      },
      # CloudWatch Logs encrypts this environment's log groups.
      {
        Sid       = "CloudWatchLogsEncryptsLogGroups"
        Effect    = "Allow"
        Principal = { Service = "logs.${var.region}.amazonaws.com" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = ["*"]
        Condition = { ArnLike = { "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:${var.region}:${var.account_id}:log-group:/${var.name}/*" } }
      },
      # CloudFront access logs and VPC flow logs are delivered into the encrypted logs bucket.
      {
        Sid       = "LogDeliveryWritesEncryptedLogs"
        Effect    = "Allow"
        Principal = { Service = "delivery.logs.amazonaws.com" }
        Action    = ["kms:GenerateDataKey*", "kms:Decrypt"]
        Resource  = ["*"]
        Condition = local.same_account
      },
      # CloudWatch alarms publish to the encrypted alarm topic.
      {
        Sid       = "CloudWatchAlarmsPublishToEncryptedTopic"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = ["kms:GenerateDataKey*", "kms:Decrypt"]
        Resource  = ["*"]
        Condition = local.same_account
      },
      # CloudTrail encrypts this environment's trail.
      {
        Sid       = "CloudTrailEncryptsTrail"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = ["kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = ["*"]
        Condition = {
          StringEquals = { "aws:SourceArn" = "arn:aws:cloudtrail:${var.region}:${var.account_id}:trail/${var.name}" }
          StringLike   = { "kms:EncryptionContext:aws:cloudtrail:arn" = "arn:aws:cloudtrail:*:${var.account_id}:trail/*" }
        }
      },
      # CloudFront reads the KMS-encrypted wake page through origin access control.
      {
        Sid       = "CloudFrontReadsWakePage"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = ["kms:Decrypt"]
        Resource  = ["*"]
        Condition = { StringLike = { "aws:SourceArn" = "arn:aws:cloudfront::${var.account_id}:distribution/*" } }
      },
    ]
  }
}
