variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "account_id" {
  description = "AWS account id."
  type        = string
}

variable "region" {
  description = "AWS region."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the tasks."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR of the VPC (interface endpoints answer inside it)."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets of the tasks (no route to the internet)."
  type        = list(string)
}

variable "s3_prefix_list_id" {
  description = "Prefix list of the S3 gateway endpoint (tasks reach S3 through it)."
  type        = string
}

variable "alb_security_group_id" {
  description = "Security group of the internal ALB."
  type        = string
}

variable "alb_arn_suffix" {
  description = "ARN suffix of the ALB (CloudWatch dimension of the wake and idle alarms)."
  type        = string
}

variable "web_target_group_arn" {
  type = string
}

variable "ingest_target_group_arn" {
  type = string
}

variable "kms_key_arn" {
  description = "Key of the buckets, queues, log groups and secret."
  type        = string
}

variable "bucket_arns" {
  description = "Bucket ARNs by purpose: raw, curated, results."
  type        = map(string)
}

variable "bucket_names" {
  description = "Bucket names by purpose: raw, curated, results."
  type        = map(string)
}

variable "raw_events_queue_arn" {
  type = string
}

variable "raw_events_queue_url" {
  type = string
}

variable "raw_events_queue_name" {
  type = string
}

variable "athena_workgroup_name" {
  type = string
}

variable "athena_workgroup_arn" {
  type = string
}

variable "glue_database_name" {
  type = string
}

variable "environment" {
  description = "Environment name: the Environment dimension of every custom metric."
  type        = string
}

variable "image_tag" {
  description = "Tag of the three service images: the 40-digit commit SHA the deploy built (or bootstrap before the first release)."
  type        = string

  validation {
    condition     = can(regex("^([0-9a-f]{40}|bootstrap)$", var.image_tag))
    error_message = "image_tag must be a full 40-digit lower-case commit SHA (or \"bootstrap\")."
  }
}

variable "image_digests" {
  description = "Per service, the sha256 digest to run instead of the tag (the deploy promotes prod by digest)."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, d in var.image_digests : contains(["ingest", "transform", "web"], k) && can(regex("^sha256:[0-9a-f]{64}$", d))])
    error_message = "image_digests maps ingest, transform or web to sha256:<64 hex digits>."
  }
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary every role of this module carries (modules/ci_access)."
  type        = string
}

variable "otel_collector_image" {
  description = "ECR Public path of the OpenTelemetry collector (pulled through the private registry's cache)."
  type        = string
  default     = "aws-observability/aws-otel-collector:v0.43.3"
}

variable "log_retention_days" {
  type = number
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the services' own metrics."
  type        = string
  default     = "CinemaStats"
}

variable "web_max_tasks" {
  type = number
}

variable "transform_max_tasks" {
  type = number
}

variable "idle_minutes_before_sleep" {
  type = number
}

variable "transform_reconcile_hour_utc" {
  type = number
}

variable "container_insights" {
  description = "CloudWatch Container Insights (billed per metric): off unless debugging."
  type        = bool
  default     = false
}

variable "task_sizes" {
  description = "Fargate CPU units and memory (MiB) per service, collector sidecar included."
  type        = map(object({ cpu = number, memory = number }))
  default = {
    web       = { cpu = 512, memory = 1024 }
    ingest    = { cpu = 256, memory = 512 }
    transform = { cpu = 512, memory = 1024 }
  }
}

variable "auth" {
  description = "Sign-in of the web app (OpenID Connect). Required: an AWS environment never runs without sign-in."
  type = object({
    authority     = optional(string)
    client_id     = optional(string)
    role_claim    = optional(string, "roles")
    analyst_role  = optional(string, "analyst")
    operator_role = optional(string, "operator")
    public_origin = optional(string)
  })

  validation {
    condition     = try(can(regex("^https://", var.auth.authority)) && length(var.auth.client_id) > 0, false)
    error_message = "auth.authority must be an https:// issuer URL with auth.client_id: anonymous access is not possible in AWS."
  }

  validation {
    condition     = can(regex("^https://[^/]+$", var.auth.public_origin))
    error_message = "auth.public_origin must be the https:// address users reach the dashboard at (no path): the sign-in callback goes there."
  }
}

variable "wake_function_zip" {
  description = "Package of the wake function (terraform/functions/wake.zip)."
  type        = string
}

variable "wake_function_concurrency" {
  description = "Reserved concurrency of the wake function: its own rate limit."
  type        = number
  default     = 2

  validation {
    condition     = var.wake_function_concurrency >= 1 && var.wake_function_concurrency <= 5
    error_message = "wake_function_concurrency must be between 1 and 5: the function only starts two services."
  }
}
