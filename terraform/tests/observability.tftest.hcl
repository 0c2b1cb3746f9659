# Alarms for the failure modes that matter, sent to an encrypted topic, and a dashboard.

mock_provider "aws" {
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-west-2:123456789012:cinemastats-test-alarms" }
  }
}

variables {
  name                           = "cinemastats-test"
  environment                    = "test"
  region                         = "eu-west-2"
  kms_key_arn                    = "arn:aws:kms:eu-west-2:123456789012:key/00000000-0000-0000-0000-000000000000"
  alarm_email                    = "ops@example.com"
  alb_arn_suffix                 = "app/cinemastats-test/0123456789abcdef"
  web_target_group_arn_suffix    = "targetgroup/cinemastats-test-web/0123456789abcdef"
  ingest_target_group_arn_suffix = "targetgroup/cinemastats-test-ingest/0123456789abcdef"
  cluster_name                   = "cinemastats-test"
  service_names                  = { ingest = "ingest", transform = "transform", web = "web" }
  raw_events_queue_name          = "cinemastats-test-raw-events"
  raw_events_dlq_name            = "cinemastats-test-raw-events-dlq"
  athena_workgroup_name          = "cinemastats-test"
  transform_log_group_name       = "/cinemastats-test/transform"
  monthly_budget_usd             = 60
}

run "alarms_cover_the_failure_modes" {
  module {
    source = "./modules/observability"
  }

  assert {
    condition = alltrue([
      for a in [
        aws_cloudwatch_metric_alarm.http_5xx_rate, aws_cloudwatch_metric_alarm.transform_failures,
        aws_cloudwatch_metric_alarm.freshness_deadline_missed, aws_cloudwatch_metric_alarm.dead_letters,
        aws_cloudwatch_metric_alarm.athena_bytes_scanned,
      ] : contains(a.alarm_actions, aws_sns_topic.alarms.arn)
    ])
    error_message = "The 5xx, transform failure, freshness, dead-letter and Athena scan alarms must notify the alarm topic."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.dead_letters.dimensions["QueueName"] == var.raw_events_dlq_name && aws_cloudwatch_metric_alarm.dead_letters.threshold == 1
    error_message = "A single dead letter must raise the alarm."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.freshness_deadline_missed.namespace == "CinemaStats" && aws_cloudwatch_metric_alarm.freshness_deadline_missed.metric_name == "FreshnessDeadlineMissed"
    error_message = "The freshness alarm must watch CinemaStats/FreshnessDeadlineMissed."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.transform_failures.namespace == "CinemaStats" && aws_cloudwatch_metric_alarm.transform_failures.metric_name == "TransformFailures"
    error_message = "The transform failure alarm must watch CinemaStats/TransformFailures."
  }

  assert {
    condition     = anytrue([for q in aws_cloudwatch_metric_alarm.athena_bytes_scanned.metric_query : try(q.metric[0].metric_name == "ProcessedBytes" && q.metric[0].dimensions["WorkGroup"] == var.athena_workgroup_name, false)])
    error_message = "The Athena alarm must watch the workgroup's ProcessedBytes."
  }

  assert {
    condition     = anytrue([for q in aws_cloudwatch_metric_alarm.http_5xx_rate.metric_query : q.return_data == true && try(strcontains(q.expression, "- FILL(elb_503, 0)"), false)])
    error_message = "The 5xx rate must leave out the 503s that mean \"asleep\"."
  }

  assert {
    condition = alltrue([
      for a in [aws_cloudwatch_metric_alarm.transform_failures, aws_cloudwatch_metric_alarm.freshness_deadline_missed] : try(a.dimensions["Environment"], "") == "test" && length(a.dimensions) == 1
    ])
    error_message = "Alarms on the services' own metrics must read this environment's data only (Environment dimension)."
  }

  assert {
    condition = (
      contains(aws_cloudwatch_metric_alarm.wake_failed.alarm_actions, aws_sns_topic.alarms.arn)
      && aws_cloudwatch_metric_alarm.wake_failed.evaluation_periods <= 10
      && aws_cloudwatch_metric_alarm.wake_failed.datapoints_to_alarm == aws_cloudwatch_metric_alarm.wake_failed.evaluation_periods
      && anytrue([for q in aws_cloudwatch_metric_alarm.wake_failed.metric_query : try(q.metric[0].metric_name == "HealthyHostCount" && q.metric[0].dimensions["TargetGroup"] == var.web_target_group_arn_suffix, false)])
      && anytrue([for q in aws_cloudwatch_metric_alarm.wake_failed.metric_query : try(q.metric[0].metric_name == "HTTPCode_ELB_503_Count", false)])
    )
    error_message = "A wake that leaves no healthy web target for N minutes while requests are refused must notify the alarm topic."
  }

  assert {
    condition     = aws_sns_topic.alarms.kms_master_key_id == var.kms_key_arn
    error_message = "The alarm topic must be encrypted."
  }

  assert {
    condition     = length(jsondecode(aws_cloudwatch_dashboard.this.dashboard_body).widgets) >= 6
    error_message = "The dashboard must show traffic, tasks, queues, pipeline health, Athena and CPU."
  }
}
