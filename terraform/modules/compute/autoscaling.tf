# Scale to zero.
#
# Front door (web + ingest): both sleep after idle_minutes_before_sleep minutes without a
# request, an open connection (Blazor's WebSocket) or a refused request. The first request
# while asleep gets a 503 from the ALB (no healthy target), which CloudFront turns into the
# wake page, and which the wake alarm turns into "run one task". See docs/deployment.md for
# the expected latency.
#
# Transform: wakes when raw/ notifications wait in its queue, sleeps when the queue has been
# empty for the same idle time, and wakes daily for half an hour to reconcile raw/.

locals {
  front_door = toset(["web", "ingest"])
}

resource "aws_appautoscaling_target" "service" {
  for_each = toset(local.services)

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.service[each.key].name}"
  min_capacity       = 0
  max_capacity       = each.key == "transform" ? var.transform_max_tasks : var.web_max_tasks
}

resource "aws_appautoscaling_policy" "wake" {
  for_each = aws_appautoscaling_target.service

  name               = "${var.name}-${each.key}-wake"
  policy_type        = "StepScaling"
  service_namespace  = each.value.service_namespace
  scalable_dimension = each.value.scalable_dimension
  resource_id        = each.value.resource_id

  step_scaling_policy_configuration {
    adjustment_type         = "ExactCapacity"
    cooldown                = 60
    metric_aggregation_type = "Maximum"

    step_adjustment {
      metric_interval_lower_bound = 0
      scaling_adjustment          = 1
    }
  }
}

resource "aws_appautoscaling_policy" "sleep" {
  for_each = aws_appautoscaling_target.service

  name               = "${var.name}-${each.key}-sleep"
  policy_type        = "StepScaling"
  service_namespace  = each.value.service_namespace
  scalable_dimension = each.value.scalable_dimension
  resource_id        = each.value.resource_id

  step_scaling_policy_configuration {
    adjustment_type         = "ExactCapacity"
    cooldown                = 60
    metric_aggregation_type = "Maximum"

    step_adjustment {
      metric_interval_upper_bound = 0
      scaling_adjustment          = 0
    }
  }
}

# Scale out past one task on CPU; scale-in is left to the sleep policy, so the two never fight.
resource "aws_appautoscaling_policy" "cpu" {
  for_each = local.front_door

  name               = "${var.name}-${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = 60
    disable_scale_in   = true
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "front_door_wake" {
  alarm_name          = "${var.name}-front-door-wake"
  alarm_description   = "A request found web or ingest asleep (ALB 503): start one task of each."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_ELB_503_Count"
  dimensions          = { LoadBalancer = var.alb_arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [for s in local.front_door : aws_appautoscaling_policy.wake[s].arn]
}

resource "aws_cloudwatch_metric_alarm" "front_door_idle" {
  alarm_name          = "${var.name}-front-door-idle"
  alarm_description   = "No request, open connection or refused request for ${var.idle_minutes_before_sleep} minutes: web and ingest go to zero tasks."
  evaluation_periods  = var.idle_minutes_before_sleep
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [for s in local.front_door : aws_appautoscaling_policy.sleep[s].arn]

  metric_query {
    id          = "activity"
    expression  = "FILL(requests, 0) + FILL(connections, 0) + FILL(refused, 0)"
    label       = "Requests, connections and refused requests"
    return_data = true
  }

  metric_query {
    id = "requests"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "RequestCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id = "connections"
    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "ActiveConnectionCount"
      dimensions  = { LoadBalancer = var.alb_arn_suffix }
      stat        = "Sum"
      period      = 60
    }
  }

  # Requests refused while asleep count as activity, or the idle alarm would put a service
  # that is just waking straight back to sleep.
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
}

resource "aws_cloudwatch_metric_alarm" "transform_wake" {
  alarm_name          = "${var.name}-transform-wake"
  alarm_description   = "raw/ notifications are waiting: start the transform."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = var.raw_events_queue_name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_appautoscaling_policy.wake["transform"].arn]
}

resource "aws_cloudwatch_metric_alarm" "transform_idle" {
  alarm_name          = "${var.name}-transform-idle"
  alarm_description   = "The raw/ queue has been empty for ${var.idle_minutes_before_sleep} minutes: the transform goes to zero tasks."
  evaluation_periods  = var.idle_minutes_before_sleep
  threshold           = 1
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_appautoscaling_policy.sleep["transform"].arn]

  metric_query {
    id          = "backlog"
    expression  = "FILL(visible, 0) + FILL(in_flight, 0)"
    label       = "Messages waiting or being processed"
    return_data = true
  }

  metric_query {
    id = "visible"
    metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateNumberOfMessagesVisible"
      dimensions  = { QueueName = var.raw_events_queue_name }
      stat        = "Maximum"
      period      = 60
    }
  }

  metric_query {
    id = "in_flight"
    metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateNumberOfMessagesNotVisible"
      dimensions  = { QueueName = var.raw_events_queue_name }
      stat        = "Maximum"
      period      = 60
    }
  }
}

# Daily reconcile window: min capacity 1 for half an hour, then back to 0.
resource "aws_appautoscaling_scheduled_action" "transform_reconcile_start" {
  name               = "${var.name}-transform-reconcile-start"
  service_namespace  = aws_appautoscaling_target.service["transform"].service_namespace
  scalable_dimension = aws_appautoscaling_target.service["transform"].scalable_dimension
  resource_id        = aws_appautoscaling_target.service["transform"].resource_id
  schedule           = "cron(0 ${var.transform_reconcile_hour_utc} * * ? *)"

  scalable_target_action {
    min_capacity = 1
    max_capacity = var.transform_max_tasks
  }
}

resource "aws_appautoscaling_scheduled_action" "transform_reconcile_end" {
  name               = "${var.name}-transform-reconcile-end"
  service_namespace  = aws_appautoscaling_target.service["transform"].service_namespace
  scalable_dimension = aws_appautoscaling_target.service["transform"].scalable_dimension
  resource_id        = aws_appautoscaling_target.service["transform"].resource_id
  schedule           = "cron(30 ${var.transform_reconcile_hour_utc} * * ? *)"

  scalable_target_action {
    min_capacity = 0
    max_capacity = var.transform_max_tasks
  }

  depends_on = [aws_appautoscaling_scheduled_action.transform_reconcile_start]
}
