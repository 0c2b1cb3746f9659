variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "environment" {
  description = "Environment name: the Environment dimension of the services' metrics."
  type        = string
}

variable "region" {
  type = string
}

variable "kms_key_arn" {
  description = "Key encrypting the alarm topic."
  type        = string
}

variable "alarm_email" {
  description = "Subscribed to the alarm topic when not empty."
  type        = string
  default     = ""
}

variable "alb_arn_suffix" {
  type = string
}

variable "web_target_group_arn_suffix" {
  type = string
}

variable "ingest_target_group_arn_suffix" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "service_names" {
  type = map(string)
}

variable "raw_events_queue_name" {
  type = string
}

variable "raw_events_dlq_name" {
  type = string
}

variable "athena_workgroup_name" {
  type = string
}

variable "transform_log_group_name" {
  type = string
}

variable "metrics_namespace" {
  description = "Namespace of the metrics the services publish (FreshnessDeadlineMissed, TransformFailures)."
  type        = string
  default     = "CinemaStats"
}

variable "error_rate_percent" {
  description = "5xx responses as a share of requests (5-minute window) that raise the alarm."
  type        = number
  default     = 5
}

variable "athena_bytes_scanned_per_hour_alarm" {
  description = "Bytes scanned by the workgroup in an hour that raise the alarm (runaway queries or a cache that stopped working)."
  type        = number
  default     = 10737418240
}

variable "monthly_budget_usd" {
  type = number
}

variable "wake_failure_minutes" {
  description = "Minutes of refused requests without a healthy web target before the wake-failed alarm fires (a wake takes under one)."
  type        = number
  default     = 5

  validation {
    condition     = var.wake_failure_minutes >= 2 && var.wake_failure_minutes <= 10
    error_message = "wake_failure_minutes must be between 2 and 10."
  }
}
