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

variable "image_tag" {
  description = "Tag of the three service images."
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
  description = "Sign-in of the web app (OpenID Connect). authority = null leaves sign-in off (every visitor may do everything)."
  type = object({
    authority     = optional(string)
    client_id     = optional(string)
    role_claim    = optional(string, "roles")
    analyst_role  = optional(string, "analyst")
    operator_role = optional(string, "operator")
    public_origin = optional(string)
  })
  default = {}

  validation {
    condition     = var.auth.authority == null || (can(regex("^https://", var.auth.authority)) && try(length(var.auth.client_id) > 0, false))
    error_message = "auth.authority must be an https:// issuer URL, and needs auth.client_id."
  }

  validation {
    condition     = var.auth.authority == null || can(regex("^https://[^/]+$", var.auth.public_origin))
    error_message = "auth.public_origin must be the https:// address users reach the dashboard at (no path): the sign-in callback goes there."
  }
}
