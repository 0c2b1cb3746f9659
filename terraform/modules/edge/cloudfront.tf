locals {
  # AWS managed policies (stable, documented ids).
  cache_policy_caching_disabled         = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  cache_policy_caching_optimized        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  origin_request_policy_all_viewer      = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  response_headers_policy_security_hdrs = "67f7725c-6f97-4210-82d7-5512b31e9d03"

  origin_request_policy_all_viewer_except_host = "b689b0a8-53d0-40ab-baf2-68738e2966ac"

  alb_origin_id           = "app"
  wake_origin_id          = "wake-page"
  wake_function_origin_id = "wake-function"
  # https://<id>.lambda-url.<region>.on.aws/ -> <id>.lambda-url.<region>.on.aws
  wake_function_domain = trimsuffix(trimprefix(var.wake_function_url, "https://"), "/")

  # While web has no healthy task the ALB answers 503 (502/504 while one is starting):
  # CloudFront shows the wake page instead, keeping the status so clients know to retry.
  wake_status_codes = [502, 503, 504]
}

resource "aws_cloudfront_vpc_origin" "alb" {
  vpc_origin_endpoint_config {
    name                   = "${var.name}-alb"
    arn                    = aws_lb.this.arn
    http_port              = 80
    https_port             = 443
    origin_protocol_policy = "http-only"

    origin_ssl_protocols {
      items    = ["TLSv1.2"]
      quantity = 1
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  enabled         = true
  comment         = "${var.name} web and ingest"
  is_ipv6_enabled = true
  http_version    = "http2and3"
  price_class     = var.price_class
  web_acl_id      = aws_wafv2_web_acl.this.arn

  origin {
    origin_id   = local.alb_origin_id
    domain_name = aws_lb.this.dns_name

    vpc_origin_config {
      vpc_origin_id            = aws_cloudfront_vpc_origin.alb.id
      origin_keepalive_timeout = 5
      origin_read_timeout      = 60
    }
  }

  origin {
    origin_id                = local.wake_origin_id
    domain_name              = aws_s3_bucket.wake.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.wake.id
  }

  origin {
    origin_id                = local.wake_function_origin_id
    domain_name              = local.wake_function_domain
    origin_access_control_id = aws_cloudfront_origin_access_control.wake_function.id

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  # The app: never cached, every method (Blazor posts, ingest PUTs), WebSockets pass through.
  default_cache_behavior {
    target_origin_id           = local.alb_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.cache_policy_caching_disabled
    origin_request_policy_id   = local.origin_request_policy_all_viewer
    response_headers_policy_id = local.response_headers_policy_security_hdrs
    compress                   = true
  }

  # The wake page's call that starts the services (listed first: the first match wins).
  ordered_cache_behavior {
    path_pattern               = "/_wake/start"
    target_origin_id           = local.wake_function_origin_id
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.cache_policy_caching_disabled
    origin_request_policy_id   = local.origin_request_policy_all_viewer_except_host
    response_headers_policy_id = local.response_headers_policy_security_hdrs
    compress                   = false
  }

  ordered_cache_behavior {
    path_pattern               = "/_wake/*"
    target_origin_id           = local.wake_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.cache_policy_caching_optimized
    response_headers_policy_id = local.response_headers_policy_security_hdrs
    compress                   = true
  }

  dynamic "custom_error_response" {
    for_each = local.wake_status_codes
    content {
      error_code            = custom_error_response.value
      response_code         = 503
      response_page_path    = "/_wake/index.html"
      error_caching_min_ttl = var.error_caching_seconds
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

# --- The wake page -------------------------------------------------------------------------

resource "aws_s3_bucket" "wake" {
  bucket = "${var.name}-wake-page-${var.account_id}"
}

resource "aws_s3_bucket_ownership_controls" "wake" {
  bucket = aws_s3_bucket.wake.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "wake" {
  bucket                  = aws_s3_bucket.wake.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "wake" {
  bucket = aws_s3_bucket.wake.id
  versioning_configuration {
    status = "Enabled"
  }
}

# The environment's key like every bucket; its key policy lets CloudFront decrypt for this
# account's distributions (modules/storage/kms.tf).
resource "aws_s3_bucket_server_side_encryption_configuration" "wake" {
  bucket = aws_s3_bucket.wake.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_logging" "wake" {
  bucket        = aws_s3_bucket.wake.id
  target_bucket = var.access_logs_bucket_name
  target_prefix = "s3/${aws_s3_bucket.wake.bucket}/"
}

resource "aws_s3_bucket_lifecycle_configuration" "wake" {
  bucket = aws_s3_bucket.wake.id
  rule {
    id     = "expire-old-versions"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
  }
}

resource "aws_cloudfront_origin_access_control" "wake_function" {
  name                              = "${var.name}-wake-function"
  description                       = "CloudFront signs calls to the wake function URL"
  origin_access_control_origin_type = "lambda"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# The function URL takes only CloudFront's signed calls, from this distribution.
resource "aws_lambda_permission" "cloudfront_invokes_wake_url" {
  statement_id           = "CloudFrontInvokesWakeUrl"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = var.wake_function_name
  principal              = "cloudfront.amazonaws.com"
  source_arn             = aws_cloudfront_distribution.this.arn
  function_url_auth_type = "AWS_IAM"
}

resource "aws_lambda_permission" "cloudfront_invokes_wake" {
  statement_id  = "CloudFrontInvokesWake"
  action        = "lambda:InvokeFunction"
  function_name = var.wake_function_name
  principal     = "cloudfront.amazonaws.com"
  source_arn    = aws_cloudfront_distribution.this.arn
}

resource "aws_cloudfront_origin_access_control" "wake" {
  name                              = "${var.name}-wake-page"
  description                       = "CloudFront reads the wake page"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

locals {
  wake_bucket_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "CloudFrontReadsWakePage"
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = ["s3:GetObject"]
        Resource  = ["${aws_s3_bucket.wake.arn}/_wake/*"]
        Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.this.arn } }
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["s3:*"]
        Resource  = [aws_s3_bucket.wake.arn, "${aws_s3_bucket.wake.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  }
}

resource "aws_s3_bucket_policy" "wake" {
  bucket     = aws_s3_bucket.wake.id
  policy     = jsonencode(local.wake_bucket_policy)
  depends_on = [aws_s3_bucket_public_access_block.wake]
}

resource "aws_s3_object" "wake_page" {
  bucket        = aws_s3_bucket.wake.id
  key           = "_wake/index.html"
  source        = var.wake_page_path
  source_hash   = filemd5(var.wake_page_path) # etag is not an MD5 under SSE-KMS
  content_type  = "text/html; charset=utf-8"
  cache_control = "public, max-age=300"
}

# --- Access logs: CloudFront -> encrypted logs bucket (standard logging v2) ----------------

resource "aws_cloudwatch_log_delivery_source" "cloudfront" {
  provider = aws.us_east_1

  name         = "${var.name}-cloudfront"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.this.arn
}

resource "aws_cloudwatch_log_delivery_destination" "logs_bucket" {
  provider = aws.us_east_1

  name          = "${var.name}-cloudfront-logs"
  output_format = "parquet"

  delivery_destination_configuration {
    destination_resource_arn = "${var.logs_bucket_arn}/cloudfront"
  }
}

resource "aws_cloudwatch_log_delivery" "cloudfront" {
  provider = aws.us_east_1

  delivery_source_name     = aws_cloudwatch_log_delivery_source.cloudfront.name
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.logs_bucket.arn
}
