# CloudFront in front of an internal ALB; while the web service sleeps, CloudFront shows the
# wake page from S3, caching the error for at most 10 seconds.

mock_provider "aws" {
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

  mock_resource "aws_wafv2_web_acl" {
    defaults = {
      arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cinemastats-test-edge/00000000-0000-0000-0000-000000000000"
    }
  }

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

  kms_key_arn             = "arn:aws:kms:eu-west-2:123456789012:key/00000000-0000-0000-0000-000000000000"
  access_logs_bucket_name = "cinemastats-test-access-logs-123456789012"
  wake_function_url       = "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-2.on.aws/"
  wake_function_name      = "cinemastats-test-wake"
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
      for s in jsondecode(aws_s3_bucket_policy.wake.policy).Statement :
      s.Effect == "Deny" && s.Principal == "*" && s.Action == ["s3:*"] && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"
    ])
    error_message = "The wake page bucket must deny requests without TLS."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_s3_bucket_policy.wake.policy).Statement :
      s.Effect == "Deny" || (try(s.Principal.Service, "") == "cloudfront.amazonaws.com" && try(s.Condition.StringEquals["AWS:SourceArn"], "") == aws_cloudfront_distribution.this.arn)
    ])
    error_message = "Only this distribution may read the wake page bucket (no public or account-wide grant)."
  }

  assert {
    condition = (
      one(one(aws_s3_bucket_server_side_encryption_configuration.wake.rule).apply_server_side_encryption_by_default).sse_algorithm == "aws:kms"
      && one(one(aws_s3_bucket_server_side_encryption_configuration.wake.rule).apply_server_side_encryption_by_default).kms_master_key_id == var.kms_key_arn
    )
    error_message = "The wake page bucket must be encrypted with the environment's KMS key."
  }

  assert {
    condition     = aws_s3_bucket_logging.wake.target_bucket == var.access_logs_bucket_name
    error_message = "The wake page bucket must write S3 server access logs."
  }
}

run "a_waf_rate_limits_and_filters_every_request" {
  module {
    source = "./modules/edge"
  }

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  assert {
    condition     = aws_wafv2_web_acl.this.scope == "CLOUDFRONT" && aws_cloudfront_distribution.this.web_acl_id == aws_wafv2_web_acl.this.arn
    error_message = "The distribution must sit behind a CloudFront-scoped web ACL."
  }

  assert {
    condition = anytrue([
      for r in aws_wafv2_web_acl.this.rule : try(
        length(r.action[0].block) == 1
        && r.statement[0].rate_based_statement[0].aggregate_key_type == "IP" && r.statement[0].rate_based_statement[0].limit <= 2000
        && length(r.statement[0].rate_based_statement[0].scope_down_statement) == 0,
        false
      )
    ])
    error_message = "A rate-based rule must block any IP above the limit (at most 2000 requests per 5 minutes) on every path."
  }

  assert {
    condition = anytrue([
      for r in aws_wafv2_web_acl.this.rule : try(
        length(r.override_action[0].none) == 1
        && r.statement[0].managed_rule_group_statement[0].name == "AWSManagedRulesCommonRuleSet"
        && r.statement[0].managed_rule_group_statement[0].vendor_name == "AWS"
        && [for o in r.statement[0].managed_rule_group_statement[0].rule_action_override : o.name] == ["SizeRestrictions_BODY"],
        false
      )
    ])
    error_message = "The AWS common rule set must block (override none); only its body-size rule may be set to count, for uploads."
  }

  assert {
    condition     = length(aws_wafv2_web_acl.this.default_action[0].allow) == 1 && length(aws_wafv2_web_acl.this.rule) == 3
    error_message = "The web ACL needs the global rate limit, the wake rate limit and the common rule set."
  }
}

run "the_wake_page_starts_the_services_through_a_signed_call" {
  module {
    source = "./modules/edge"
  }

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  assert {
    condition = (
      aws_cloudfront_distribution.this.ordered_cache_behavior[0].path_pattern == "/_wake/start"
      && aws_cloudfront_distribution.this.ordered_cache_behavior[0].target_origin_id == local.wake_function_origin_id
      && aws_cloudfront_distribution.this.ordered_cache_behavior[0].cache_policy_id == local.cache_policy_caching_disabled
      && contains(aws_cloudfront_distribution.this.ordered_cache_behavior[0].allowed_methods, "POST")
    )
    error_message = "/_wake/start must come first, go uncached to the wake function, and accept POST."
  }

  assert {
    condition = anytrue([
      for o in aws_cloudfront_distribution.this.origin :
      o.origin_id == local.wake_function_origin_id && o.domain_name == "abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-2.on.aws"
      && o.origin_access_control_id == aws_cloudfront_origin_access_control.wake_function.id
    ]) && aws_cloudfront_origin_access_control.wake_function.origin_access_control_origin_type == "lambda"
    error_message = "CloudFront must reach the wake function URL signed by a Lambda origin access control."
  }

  assert {
    condition = alltrue([
      for p in [aws_lambda_permission.cloudfront_invokes_wake_url, aws_lambda_permission.cloudfront_invokes_wake] :
      p.principal == "cloudfront.amazonaws.com" && p.source_arn == aws_cloudfront_distribution.this.arn && p.function_name == var.wake_function_name
    ])
    error_message = "Only this distribution may invoke the wake function."
  }

  assert {
    condition = anytrue([
      for r in aws_wafv2_web_acl.this.rule : try(
        r.statement[0].rate_based_statement[0].scope_down_statement[0].byte_match_statement[0].search_string == "/_wake/start"
        && r.statement[0].rate_based_statement[0].limit <= 300 && length(r.action[0].block) == 1,
        false
      )
    ])
    error_message = "The wake call must have its own, tighter rate limit."
  }
}

run "the_load_balancer_writes_access_logs" {
  module {
    source = "./modules/edge"
  }

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  assert {
    condition     = one(aws_lb.this.access_logs).enabled && one(aws_lb.this.access_logs).bucket == var.access_logs_bucket_name
    error_message = "The ALB must write access logs to the access-logs bucket."
  }
}
