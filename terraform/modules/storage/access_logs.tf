# The one bucket without the environment's KMS key, because AWS allows none there: ALB access
# logs and S3 server access logs can be delivered only to a bucket encrypted with S3-managed
# keys (SSE-S3). Everything else about it matches the data buckets: private, versioned,
# TLS only, and its logs expire after logs_expiry_days.

locals {
  # Regions opened before August 2022 deliver ALB logs from an AWS account of the region.
  elb_log_delivery_accounts = {
    "us-east-1"      = "127311923021"
    "us-east-2"      = "033677994240"
    "us-west-1"      = "027434742980"
    "us-west-2"      = "797873946194"
    "eu-west-1"      = "156460612806"
    "eu-west-2"      = "652711504416"
    "eu-west-3"      = "009996457667"
    "eu-central-1"   = "054676820928"
    "eu-north-1"     = "897822967062"
    "ap-southeast-1" = "114774131450"
    "ap-southeast-2" = "783225319266"
    "ap-northeast-1" = "582318560864"
  }
  elb_log_principal = contains(keys(local.elb_log_delivery_accounts), var.region) ? { AWS = "arn:aws:iam::${local.elb_log_delivery_accounts[var.region]}:root" } : { Service = "logdelivery.elasticloadbalancing.amazonaws.com" }

  access_logs_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["s3:*"]
        Resource  = [aws_s3_bucket.access_logs.arn, "${aws_s3_bucket.access_logs.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "AlbWritesAccessLogs"
        Effect    = "Allow"
        Principal = local.elb_log_principal
        Action    = ["s3:PutObject"]
        Resource  = ["${aws_s3_bucket.access_logs.arn}/alb/AWSLogs/${var.account_id}/*"]
      },
      {
        Sid       = "S3WritesServerAccessLogs"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = ["s3:PutObject"]
        Resource  = ["${aws_s3_bucket.access_logs.arn}/s3/*"]
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
    ]
  }
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "${var.name}-access-logs-${var.account_id}"
  tags   = { Purpose = "access-logs" }
}

resource "aws_s3_bucket_ownership_controls" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "access_logs" {
  bucket     = aws_s3_bucket.access_logs.id
  policy     = jsonencode(local.access_logs_policy)
  depends_on = [aws_s3_bucket_public_access_block.access_logs]
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    id     = "expire-access-logs"
    status = "Enabled"
    filter {}
    expiration {
      days = var.logs_expiry_days
    }
    noncurrent_version_expiration {
      noncurrent_days = 7
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
}

# --- CloudTrail: every management call of the account, into the encrypted logs bucket --------
# Off when an organization trail already records this account (cloudtrail_enabled = false;
# docs/deployment.md says where to check).

resource "aws_cloudtrail" "this" {
  count = var.cloudtrail_enabled ? 1 : 0

  name                          = var.name
  s3_bucket_name                = aws_s3_bucket.this["logs"].id
  s3_key_prefix                 = "cloudtrail"
  kms_key_id                    = aws_kms_key.data.arn
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true

  depends_on = [aws_s3_bucket_policy.this]
}
