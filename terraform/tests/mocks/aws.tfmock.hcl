# Shapes the provider checks even when mocked (ARNs, DNS names), shared by the tests that
# plan the whole configuration.

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "123456789012"
  }
}

mock_data "aws_availability_zones" {
  defaults = {
    names = ["eu-west-2a", "eu-west-2b", "eu-west-2c"]
  }
}

mock_data "aws_iam_policy_document" {
  defaults = {
    json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
  }
}

mock_resource "aws_iam_role" {
  defaults = { arn = "arn:aws:iam::123456789012:role/cinemastats-test-role" }
}

mock_resource "aws_iam_openid_connect_provider" {
  defaults = { arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
}

mock_resource "aws_kms_key" {
  defaults = { arn = "arn:aws:kms:eu-west-2:123456789012:key/00000000-0000-0000-0000-000000000000" }
}

mock_resource "aws_s3_bucket" {
  defaults = {
    arn                         = "arn:aws:s3:::cinemastats-test-bucket"
    bucket_regional_domain_name = "cinemastats-test-bucket.s3.eu-west-2.amazonaws.com"
  }
}

mock_resource "aws_sqs_queue" {
  defaults = {
    arn = "arn:aws:sqs:eu-west-2:123456789012:cinemastats-test-queue"
    url = "https://sqs.eu-west-2.amazonaws.com/123456789012/cinemastats-test-queue"
  }
}

mock_resource "aws_athena_workgroup" {
  defaults = { arn = "arn:aws:athena:eu-west-2:123456789012:workgroup/cinemastats-test" }
}

mock_resource "aws_glue_catalog_database" {
  defaults = { arn = "arn:aws:glue:eu-west-2:123456789012:database/cinemastats_test" }
}

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
  defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:listener/app/cinemastats-test/0123456789abcdef/0123456789abcdef" }
}

mock_resource "aws_cloudfront_distribution" {
  defaults = {
    arn         = "arn:aws:cloudfront::123456789012:distribution/E0000000000000"
    domain_name = "d0000000000000.cloudfront.net"
  }
}

mock_resource "aws_ecr_repository" {
  defaults = {
    arn            = "arn:aws:ecr:eu-west-2:123456789012:repository/cinemastats-test/service"
    repository_url = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/cinemastats-test/service"
  }
}

mock_resource "aws_ecs_cluster" {
  defaults = { arn = "arn:aws:ecs:eu-west-2:123456789012:cluster/cinemastats-test" }
}

mock_resource "aws_ecs_task_definition" {
  defaults = { arn = "arn:aws:ecs:eu-west-2:123456789012:task-definition/cinemastats-test:1" }
}

mock_resource "aws_service_discovery_service" {
  defaults = { arn = "arn:aws:servicediscovery:eu-west-2:123456789012:service/srv-0123456789abcdef" }
}

mock_resource "aws_secretsmanager_secret" {
  defaults = { arn = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:cinemastats-test/ingest/api-keys-AbCdEf" }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = { arn = "arn:aws:logs:eu-west-2:123456789012:log-group:/cinemastats-test/service" }
}

mock_resource "aws_appautoscaling_policy" {
  defaults = { arn = "arn:aws:autoscaling:eu-west-2:123456789012:scalingPolicy:00000000-0000-0000-0000-000000000000:resource/ecs/service/cinemastats-test/web:policyName/wake" }
}

mock_resource "aws_sns_topic" {
  defaults = { arn = "arn:aws:sns:eu-west-2:123456789012:cinemastats-test-alarms" }
}

mock_resource "aws_cloudwatch_log_delivery_destination" {
  defaults = { arn = "arn:aws:logs:us-east-1:123456789012:delivery-destination:cinemastats-test-cloudfront-logs" }
}

mock_resource "aws_iam_policy" {
  defaults = { arn = "arn:aws:iam::123456789012:policy/cinemastats-test-workload-boundary" }
}

mock_resource "aws_lambda_function" {
  defaults = { arn = "arn:aws:lambda:eu-west-2:123456789012:function:cinemastats-test-wake" }
}

mock_resource "aws_lambda_function_url" {
  defaults = { function_url = "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-2.on.aws/" }
}

mock_resource "aws_wafv2_web_acl" {
  defaults = { arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/cinemastats-test-edge/00000000-0000-0000-0000-000000000000" }
}

mock_resource "aws_cloudtrail" {
  defaults = { arn = "arn:aws:cloudtrail:eu-west-2:123456789012:trail/cinemastats-test" }
}

mock_resource "aws_cognito_user_pool" {
  defaults = {
    id  = "eu-west-2_Example0"
    arn = "arn:aws:cognito-idp:eu-west-2:123456789012:userpool/eu-west-2_Example0"
  }
}
