locals {
  dashboard_widgets = [
    {
      type = "metric", x = 0, y = 0, width = 12, height = 6
      properties = {
        title  = "Requests and errors (ALB)"
        region = var.region
        stat   = "Sum"
        period = 60
        metrics = [
          ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", var.alb_arn_suffix],
          [".", "HTTPCode_Target_5XX_Count", ".", "."],
          [".", "HTTPCode_ELB_503_Count", ".", ".", { label = "503 while asleep (wakes the service)" }],
        ]
      }
    },
    {
      type = "metric", x = 12, y = 0, width = 12, height = 6
      properties = {
        title  = "Healthy tasks behind the ALB (0 = asleep)"
        region = var.region
        stat   = "Maximum"
        period = 60
        metrics = [
          ["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", var.web_target_group_arn_suffix, "LoadBalancer", var.alb_arn_suffix, { label = "web" }],
          ["...", var.ingest_target_group_arn_suffix, ".", ".", { label = "ingest" }],
        ]
      }
    },
    {
      type = "metric", x = 0, y = 6, width = 12, height = 6
      properties = {
        title  = "Raw events queue"
        region = var.region
        stat   = "Maximum"
        period = 60
        metrics = [
          ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", var.raw_events_queue_name, { label = "waiting" }],
          [".", "ApproximateNumberOfMessagesNotVisible", ".", ".", { label = "in flight" }],
          [".", "ApproximateNumberOfMessagesVisible", ".", var.raw_events_dlq_name, { label = "dead letters" }],
        ]
      }
    },
    {
      type = "metric", x = 12, y = 6, width = 12, height = 6
      properties = {
        title  = "Pipeline health"
        region = var.region
        stat   = "Sum"
        period = 300
        metrics = [
          [var.metrics_namespace, "TransformFailures", "Environment", var.environment],
          [".", "FreshnessDeadlineMissed", ".", ".", { stat = "Maximum" }],
        ]
      }
    },
    {
      type = "metric", x = 0, y = 12, width = 12, height = 6
      properties = {
        title  = "Athena bytes scanned"
        region = var.region
        stat   = "Sum"
        period = 3600
        metrics = [
          ["AWS/Athena", "ProcessedBytes", "QueryState", "SUCCEEDED", "QueryType", "DML", "WorkGroup", var.athena_workgroup_name],
        ]
      }
    },
    {
      type = "metric", x = 12, y = 12, width = 12, height = 6
      properties = {
        title  = "CPU by service"
        region = var.region
        stat   = "Average"
        period = 60
        metrics = [
          for k, s in var.service_names : ["AWS/ECS", "CPUUtilization", "ClusterName", var.cluster_name, "ServiceName", s, { label = k }]
        ]
      }
    },
    {
      type = "log", x = 0, y = 18, width = 24, height = 6
      properties = {
        title  = "Transform errors"
        region = var.region
        query  = "SOURCE '${var.transform_log_group_name}' | fields @timestamp, @message | filter @message like /(?i)(fail|error|exception)/ | sort @timestamp desc | limit 50"
        view   = "table"
      }
    },
  ]
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({ widgets = local.dashboard_widgets })
}
