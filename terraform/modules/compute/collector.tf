# OpenTelemetry collector (ADOT) sidecar: the services export OTLP to localhost:4317; traces
# go to X-Ray, metrics to CloudWatch (embedded metric format), logs to CloudWatch Logs.
locals {
  collector_config = {
    for s in local.services : s => yamlencode({
      extensions = { health_check = {} }
      receivers = {
        otlp = {
          protocols = {
            grpc = { endpoint = "127.0.0.1:4317" }
            http = { endpoint = "127.0.0.1:4318" }
          }
        }
      }
      processors = {
        batch          = { timeout = "10s" }
        "batch/traces" = { timeout = "1s", send_batch_size = 50 }
        # Every metric carries the environment, so dev's and prod's alarms never read each
        # other's data when both run in one account.
        "attributes/environment" = {
          actions = [{ key = "Environment", value = var.environment, action = "upsert" }]
        }
        # The alarm names of the two pipeline counters (observability module).
        metricstransform = {
          transforms = [
            { include = "cinemastats.transform.failures", action = "update", new_name = "TransformFailures" },
            { include = "cinemastats.transform.freshness_deadline_missed", action = "update", new_name = "FreshnessDeadlineMissed" },
          ]
        }
      }
      exporters = {
        awsxray = { region = var.region }
        awsemf = {
          region                  = var.region
          namespace               = var.metrics_namespace
          log_group_name          = aws_cloudwatch_log_group.otel["otel-metrics"].name
          log_stream_name         = s
          dimension_rollup_option = "NoDimensionRollup"
          # Exactly these dimension sets are published: always with Environment, never without.
          metric_declarations = [
            { dimensions = [["Environment"], ["Environment", "source"]], metric_name_selectors = ["^FreshnessDeadlineMissed$"] },
            { dimensions = [["Environment"]], metric_name_selectors = [".*"] },
          ]
        }
        awscloudwatchlogs = {
          region          = var.region
          log_group_name  = aws_cloudwatch_log_group.otel["otel-logs"].name
          log_stream_name = s
        }
      }
      service = {
        extensions = ["health_check"]
        pipelines = {
          traces  = { receivers = ["otlp"], processors = ["batch/traces"], exporters = ["awsxray"] }
          metrics = { receivers = ["otlp"], processors = ["attributes/environment", "metricstransform", "batch"], exporters = ["awsemf"] }
          logs    = { receivers = ["otlp"], processors = ["batch"], exporters = ["awscloudwatchlogs"] }
        }
      }
    })
  }
}
