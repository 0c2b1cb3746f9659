locals {
  services        = ["ingest", "transform", "web"]
  container_port  = 8080
  registry        = "${var.account_id}.dkr.ecr.${var.region}.amazonaws.com"
  collector_image = "${local.registry}/${aws_ecr_pull_through_cache_rule.ecr_public.ecr_repository_prefix}/${var.otel_collector_image}"

  # The web reaches ingest and transform by their private DNS names (Cloud Map), never through
  # CloudFront or the ALB; the transform has no public route at all.
  discovered_services = toset(["ingest", "transform"])
  internal_urls       = { for s in local.discovered_services : s => "http://${s}.${aws_service_discovery_private_dns_namespace.this.name}:${local.container_port}" }

  # Images by digest where the deploy promoted them (prod runs the bytes dev tested), else by tag.
  images = {
    for s in local.services : s => (
      lookup(var.image_digests, s, "") != ""
      ? "${aws_ecr_repository.service[s].repository_url}@${var.image_digests[s]}"
      : "${aws_ecr_repository.service[s].repository_url}:${var.image_tag}"
    )
  }

  common_environment = {
    ASPNETCORE_HTTP_PORTS       = tostring(local.container_port)
    DOTNET_ENVIRONMENT          = "Production"
    Storage__Mode               = "S3"
    Storage__Bucket             = var.bucket_names["curated"]
    Storage__RawBucket          = var.bucket_names["raw"]
    Storage__Region             = var.region
    OTEL_EXPORTER_OTLP_ENDPOINT = "http://localhost:4317"
    OTEL_EXPORTER_OTLP_PROTOCOL = "grpc"
  }

  service_environment = {
    ingest = {}
    transform = {
      Transform__Sqs__QueueUrl = var.raw_events_queue_url
      # The operator API refuses to start without its key, and then answers only the web.
      Transform__OperatorApi__RequireKey = "true"
    }
    web = merge(
      {
        Query__Engine     = "Athena"
        Athena__Region    = var.region
        Athena__WorkGroup = var.athena_workgroup_name
        Athena__Database  = var.glue_database_name
        # Aspire's service discovery names, as the AppHost sets them locally.
        services__ingest__http__0    = local.internal_urls["ingest"]
        services__transform__http__0 = local.internal_urls["transform"]
        # Sign-in is always on in AWS: the auth variable cannot be planned without an issuer.
        Auth__Enabled      = "true"
        Auth__Authority    = var.auth.authority
        Auth__ClientId     = var.auth.client_id
        Auth__RoleClaim    = var.auth.role_claim
        Auth__AnalystRole  = var.auth.analyst_role
        Auth__OperatorRole = var.auth.operator_role
        Auth__PublicOrigin = var.auth.public_origin
      },
    )
  }

  # Secrets Manager values are injected by ECS at start; they never appear in the task definition.
  service_secrets = {
    ingest    = { Ingest__ApiKeysJson = aws_secretsmanager_secret.ingest_api_keys.arn }
    transform = { Transform__OperatorApi__Key = aws_secretsmanager_secret.transform_operator_api_key.arn }
    web = {
      Web__IngestApiKey         = aws_secretsmanager_secret.web_ingest_api_key.arn
      Web__TransformOperatorKey = aws_secretsmanager_secret.transform_operator_api_key.arn
      Auth__ClientSecret        = aws_secretsmanager_secret.web_oidc_client_secret.arn
    }
  }

  # Liveness over plain bash: the runtime image has no curl, and /dev/tcp needs no extra package.
  health_command = "exec 3<>/dev/tcp/127.0.0.1/${local.container_port} && printf 'GET /alive HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = var.container_insights ? "enabled" : "disabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]
}

resource "aws_service_discovery_private_dns_namespace" "this" {
  name        = "${var.name}.internal"
  description = "Service-to-service names of ${var.name}"
  vpc         = var.vpc_id
}

resource "aws_service_discovery_service" "internal" {
  for_each = local.discovered_services

  name = each.key

  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.this.id
    routing_policy = "MULTIVALUE"
    dns_records {
      type = "A"
      ttl  = 10
    }
  }

  health_check_custom_config {
    failure_threshold = 1
  }
}

# The API keys: Terraform makes the secret, an operator puts the value (see docs/deployment.md),
# so the keys never pass through Terraform state.
resource "aws_secretsmanager_secret" "ingest_api_keys" {
  name                    = "${var.name}/ingest/api-keys"
  description             = "JSON array of the API keys accepted by the ingest service"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7
}

# The web's own secrets, made and filled the same way. Its ingest key is one of the keys in
# the ingest secret above (the ingest holds only its hash); the OIDC client secret comes from
# the identity provider's app registration.
resource "aws_secretsmanager_secret" "web_ingest_api_key" {
  name                    = "${var.name}/web/ingest-api-key"
  description             = "API key the web app sends to ingest for operators' uploads (its SHA-256 is in the ingest API keys)"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7
}

# The key the web sends to the transform's operator API (the transform holds the same value).
resource "aws_secretsmanager_secret" "transform_operator_api_key" {
  name                    = "${var.name}/transform/operator-api-key"
  description             = "Shared key of the transform's operator API: read by the transform and the web"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret" "web_oidc_client_secret" {
  name                    = "${var.name}/web/oidc-client-secret"
  description             = "Client secret of the web app's OpenID Connect registration"
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = 7
}

resource "aws_cloudwatch_log_group" "service" {
  for_each = toset(local.services)

  name              = "/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
}

resource "aws_cloudwatch_log_group" "otel" {
  for_each = toset(["otel-metrics", "otel-logs"])

  name              = "/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
}

resource "aws_ecs_task_definition" "service" {
  for_each = toset(local.services)

  family                   = "${var.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.task_sizes[each.key].cpu
  memory                   = var.task_sizes[each.key].memory
  execution_role_arn       = aws_iam_role.execution[each.key].arn
  task_role_arn            = aws_iam_role.task[each.key].arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "ARM64"
  }

  # The root file systems are read-only; /tmp (uploads being spooled, Parquet temp files,
  # the web's query cache) is a task-local writable volume on Fargate ephemeral storage.
  volume {
    name = "tmp"
  }

  volume {
    name = "collector-tmp"
  }

  container_definitions = jsonencode([
    {
      name                   = each.key
      image                  = local.images[each.key]
      essential              = true
      readonlyRootFilesystem = true
      portMappings           = [{ containerPort = local.container_port, protocol = "tcp", name = "http" }]
      environment = [
        for k, v in merge(local.common_environment, local.service_environment[each.key], {
          OTEL_SERVICE_NAME        = each.key
          OTEL_RESOURCE_ATTRIBUTES = "deployment.environment=${var.environment}"
        }) : { name = k, value = v }
      ]
      secrets     = [for k, v in local.service_secrets[each.key] : { name = k, valueFrom = v }]
      mountPoints = [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }]
      healthCheck = {
        command     = ["CMD", "bash", "-c", local.health_command]
        interval    = 10
        timeout     = 3
        retries     = 3
        startPeriod = 20
      }
      stopTimeout = 30
      dependsOn   = [{ containerName = "otel-collector", condition = "START" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = var.region
          awslogs-stream-prefix = each.key
        }
      }
    },
    {
      name                   = "otel-collector"
      image                  = local.collector_image
      essential              = false
      readonlyRootFilesystem = true
      memoryReservation      = 64
      environment            = [{ name = "AOT_CONFIG_CONTENT", value = local.collector_config[each.key] }]
      mountPoints            = [{ sourceVolume = "collector-tmp", containerPath = "/tmp", readOnly = false }]
      healthCheck = {
        command     = ["/healthcheck"]
        interval    = 10
        timeout     = 3
        retries     = 3
        startPeriod = 10
      }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = var.region
          awslogs-stream-prefix = "otel-collector"
        }
      }
    },
  ])
}

# --- Services ---------------------------------------------------------------------------------

resource "aws_ecs_service" "service" {
  for_each = toset(local.services)

  name                               = each.key
  cluster                            = aws_ecs_cluster.this.id
  task_definition                    = aws_ecs_task_definition.service[each.key].arn
  desired_count                      = 0
  platform_version                   = "LATEST"
  enable_execute_command             = false
  propagate_tags                     = "SERVICE"
  wait_for_steady_state              = false
  health_check_grace_period_seconds  = each.key == "transform" ? null : 30
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  # The transform is idempotent and restartable: Spot capacity at ~70% off is the right trade.
  capacity_provider_strategy {
    capacity_provider = each.key == "transform" ? "FARGATE_SPOT" : "FARGATE"
    weight            = 1
  }

  network_configuration {
    subnets          = var.private_subnet_ids
    security_groups  = [aws_security_group.service[each.key].id]
    assign_public_ip = false
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "load_balancer" {
    for_each = each.key == "transform" ? [] : [each.key]
    content {
      target_group_arn = each.key == "web" ? var.web_target_group_arn : var.ingest_target_group_arn
      container_name   = each.key
      container_port   = local.container_port
    }
  }

  dynamic "service_registries" {
    for_each = contains(local.discovered_services, each.key) ? [1] : []
    content {
      registry_arn = aws_service_discovery_service.internal[each.key].arn
    }
  }

  # The autoscaler owns the task count (0 while idle).
  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_ecs_cluster_capacity_providers.this]
}

moved {
  from = aws_service_discovery_service.ingest
  to   = aws_service_discovery_service.internal["ingest"]
}
