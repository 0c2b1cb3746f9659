# CloudFront in front of an internal ALB; while the web service sleeps, CloudFront shows the
# wake page from S3, caching the error for at most 10 seconds.

mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }

  # The provider validates ARNs even when mocked.
  mock_resource "aws_lb" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:loadbalancer/app/cinemastats-test/0123456789abcdef"
      arn_suffix = "app/cinemastats-test/0123456789abcdef"
      dns_name   = "internal-cinemastats-test-1.eu-west-2.elb.amazonaws.com"
    }
  }

  mock_resource "aws_lb_target_group" {
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:targetgroup/cinemastats-test/0123456789abcdef"
      arn_suffix = "targetgroup/cinemastats-test/0123456789abcdef"
    }
  }

  mock_resource "aws_lb_listener" {
    defaults = {
      arn = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:listener/app/cinemastats-test/0123456789abcdef/0123456789abcdef"
    }
  }

  mock_resource "aws_cloudfront_distribution" {
    defaults = {
      arn = "arn:aws:cloudfront::123456789012:distribution/E0000000000000"
    }
  }
}

mock_provider "aws" {
  alias = "us_east_1"

  mock_resource "aws_cloudwatch_log_delivery_destination" {
    defaults = {
      arn = "arn:aws:logs:us-east-1:123456789012:delivery-destination:cinemastats-test-cloudfront-logs"
    }
  }
}

variables {
  name               = "cinemastats-test"
  account_id         = "123456789012"
  vpc_id             = "vpc-0123456789abcdef0"
  vpc_cidr           = "10.40.0.0/16"
  private_subnet_ids = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]
  logs_bucket_arn    = "arn:aws:s3:::cinemastats-test-logs-123456789012"
  wake_page_path     = "edge-content/wake.html"
}

run "cloudfront_shows_the_wake_page_while_the_service_sleeps" {
  module {
    source = "./modules/edge"
  }

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  assert {
    condition     = toset([for r in aws_cloudfront_distribution.this.custom_error_response : r.error_code]) == toset([502, 503, 504])
    error_message = "502, 503 and 504 from the sleeping or starting origin must show the wake page."
  }

  assert {
    condition     = alltrue([for r in aws_cloudfront_distribution.this.custom_error_response : r.error_caching_min_ttl <= 10])
    error_message = "CloudFront may cache an origin error for at most 10 seconds, or the wake page outlives the wake-up."
  }

  assert {
    condition = alltrue([
      for r in aws_cloudfront_distribution.this.custom_error_response :
      r.response_page_path == "/${aws_s3_object.wake_page.key}" && r.response_code == 503
    ])
    error_message = "The error responses must serve the wake page from S3 and keep a 503 status, so clients retry."
  }

  assert {
    condition = anytrue([
      for b in aws_cloudfront_distribution.this.ordered_cache_behavior :
      b.path_pattern == "/_wake/*" && b.target_origin_id == local.wake_origin_id
    ])
    error_message = "The wake page path must be served by the S3 origin (the app origin is the one that is down)."
  }

  assert {
    condition     = anytrue([for o in aws_cloudfront_distribution.this.origin : o.origin_id == local.wake_origin_id && o.origin_access_control_id == aws_cloudfront_origin_access_control.wake.id])
    error_message = "CloudFront must read the wake page bucket through origin access control."
  }
}

run "error_caching_over_ten_seconds_is_rejected" {
  command = plan

  module {
    source = "./modules/edge"
  }

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  variables {
    error_caching_seconds = 300
  }

  expect_failures = [var.error_caching_seconds]
}

run "the_app_is_reached_only_through_cloudfront_over_https" {
  module {
    source = "./modules/edge"
  }

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  assert {
    condition     = aws_lb.this.internal && toset(aws_lb.this.subnets) == toset(var.private_subnet_ids)
    error_message = "The ALB must be internal, in the private subnets."
  }

  assert {
    condition     = aws_lb.this.drop_invalid_header_fields
    error_message = "The ALB must drop invalid header fields."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.alb_from_cloudfront.prefix_list_id == data.aws_ec2_managed_prefix_list.cloudfront_origin_facing.id && aws_vpc_security_group_ingress_rule.alb_from_cloudfront.cidr_ipv4 == null
    error_message = "The ALB may accept connections only from CloudFront's origin-facing prefix list."
  }

  assert {
    condition = alltrue(concat(
      [aws_cloudfront_distribution.this.default_cache_behavior[0].viewer_protocol_policy != "allow-all"],
      [for b in aws_cloudfront_distribution.this.ordered_cache_behavior : b.viewer_protocol_policy != "allow-all"]
    ))
    error_message = "Viewers must use HTTPS on every path."
  }

  assert {
    condition     = anytrue([for o in aws_cloudfront_distribution.this.origin : o.origin_id == local.alb_origin_id && length(o.vpc_origin_config) == 1])
    error_message = "CloudFront must reach the ALB through a VPC origin (no public load balancer)."
  }

  assert {
    condition     = aws_cloudfront_distribution.this.default_cache_behavior[0].cache_policy_id == local.cache_policy_caching_disabled
    error_message = "Dynamic app responses must not be cached."
  }

  assert {
    condition     = anytrue([for c in aws_lb_listener_rule.ingest.condition : anytrue([for p in c.path_pattern : p.values == toset(["/v1/*"])])]) && one(aws_lb_listener_rule.ingest.action).target_group_arn == aws_lb_target_group.ingest.arn
    error_message = "The ingest API (/v1/*) must be routed to the ingest target group."
  }
}

run "wake_page_bucket_is_private_and_tls_only" {
  module {
    source = "./modules/edge"
  }

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  assert {
    condition     = aws_s3_bucket_public_access_block.wake.block_public_acls && aws_s3_bucket_public_access_block.wake.block_public_policy && aws_s3_bucket_public_access_block.wake.ignore_public_acls && aws_s3_bucket_public_access_block.wake.restrict_public_buckets
    error_message = "The wake page bucket must block public access (CloudFront reads it through OAC)."
  }

  assert {
    condition = anytrue([
      for s in data.aws_iam_policy_document.wake.statement :
      s.effect == "Deny" && anytrue([for c in s.condition : c.variable == "aws:SecureTransport" && contains(c.values, "false")])
    ])
    error_message = "The wake page bucket must deny requests without TLS."
  }

  assert {
    condition     = one(one(aws_s3_bucket_server_side_encryption_configuration.wake.rule).apply_server_side_encryption_by_default).sse_algorithm != ""
    error_message = "The wake page bucket must be encrypted at rest."
  }
}
