resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = var.kms_key_arn
}

resource "aws_sns_topic_subscription" "email" {
  count = var.alarm_email == "" ? 0 : 1

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

locals {
  alarm_actions = [aws_sns_topic.alarms.arn]
}

# 5xx rate of what users and data sources get, not counting the 503s that mean "asleep"
# (those show the wake page and wake the service).
resource "aws_cloudwatch_metric_alarm" "http_5xx_rate" {
  alarm_name          = "${var.name}-5xx-rate"
  alarm_description   = "More than ${var.error_rate_percent}% of requests failed with a 5xx (excluding wake-up 503s) over 5 minutes."
  evaluation_periods  = 1
  threshold           = var.error_rate_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "rate"
    expression  = "IF(FILL(requests, 0) >= 10, 100 * (FILL(target_5xx, 0) + FILL(elb_5xx, 0) - FILL(elb_503, 0)) / requests, 0)"
    label       = "5xx rate (%)"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = {
      requests   = "RequestCount"
      target_5xx = "HTTPCode_Target_5XX_Count"
      elb_5xx    = "HTTPCode_ELB_5XX_Count"
      elb_503    = "HTTPCode_ELB_503_Count"
    }
    content {
      id = metric_query.key
      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = metric_query.value
        dimensions  = { LoadBalancer = var.alb_arn_suffix }
        stat        = "Sum"
        period      = 300
      }
    }
  }
}

# A wake that never finishes: for wake_failure_minutes in a row requests were refused (the
# ALB's 503 while nothing is healthy) and no web target was healthy. The 5xx rate above leaves
# those 503s out, so without this alarm a wake that fails would go unseen.
resource "aws_cloudwatch_metric_alarm" "wake_failed" {
  alarm_name          = "${var.name}-wake-failed"
  alarm_description   = "Requests found web asleep and no web task became healthy within ${var.wake_failure_minutes} minutes: see the web service's events and stopped tasks."
  evaluation_periods  = var.wake_failure_minutes
  datapoints_to_alarm = var.wake_failure_minutes
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "stuck"
    expression  = "IF(FILL(refused, 0) > 0 AND FILL(healthy, 0) < 1, 1, 0)"
    label       = "Refused requests while no web target is healthy"
    return_data = true
  }

  metric_query {
    id = "refused"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_503_Count"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id = "healthy"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HealthyHostCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix, TargetGroup = var.web_target_group_arn_suffix }
      stat        = "Maximum"
      period      = 60
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "transform_failures" {
  alarm_name          = "${var.name}-transform-failures"
  alarm_description   = "A materialization failed. See the transform log group and _pipeline/ materializations."
  namespace           = var.metrics_namespace
  metric_name         = "TransformFailures"
  dimensions          = { Environment = var.environment }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "freshness_deadline_missed" {
  alarm_name          = "${var.name}-freshness-deadline-missed"
  alarm_description   = "A source's data for the business day did not arrive by its deadline."
  namespace           = var.metrics_namespace
  metric_name         = "FreshnessDeadlineMissed"
  dimensions          = { Environment = var.environment }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  alarm_name          = "${var.name}-raw-events-dead-letters"
  alarm_description   = "raw/ notifications failed repeatedly and sit in the dead-letter queue: inspect, fix, then redrive."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = var.raw_events_dlq_name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "athena_bytes_scanned" {
  alarm_name          = "${var.name}-athena-bytes-scanned"
  alarm_description   = "The workgroup scanned more than ${var.athena_bytes_scanned_per_hour_alarm} bytes in an hour ($5 per TB)."
  evaluation_periods  = 1
  threshold           = var.athena_bytes_scanned_per_hour_alarm
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions

  metric_query {
    id          = "scanned"
    expression  = "FILL(succeeded, 0) + FILL(failed, 0) + FILL(cancelled, 0)"
    label       = "Bytes scanned per hour"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = { succeeded = "SUCCEEDED", failed = "FAILED", cancelled = "CANCELED" }
    content {
      id = metric_query.key
      metric {
        namespace   = "AWS/Athena"
        metric_name = "ProcessedBytes"
        dimensions  = { WorkGroup = var.athena_workgroup_name, QueryState = metric_query.value, QueryType = "DML" }
        stat        = "Sum"
        period      = 3600
      }
    }
  }
}

resource "aws_budgets_budget" "monthly" {
  count = var.alarm_email == "" ? 0 : 1

  name         = "${var.name}-monthly"
  budget_type  = "COST"
  limit_amount = tostring(var.monthly_budget_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = [var.alarm_email]
  }
}
