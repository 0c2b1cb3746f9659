variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "account_id" {
  description = "AWS account id: makes bucket names globally unique and scopes service principals."
  type        = string
}

variable "region" {
  description = "Region of the buckets (scopes the CloudWatch Logs key grant)."
  type        = string
}

variable "raw_to_infrequent_access_days" {
  description = "Raw objects are never modified: after this many days they move to Standard-IA."
  type        = number
  default     = 30
}

variable "query_results_expiry_days" {
  description = "Athena results are a cache: they expire after this many days."
  type        = number
  default     = 7
}

variable "logs_expiry_days" {
  description = "Access logs expire after this many days."
  type        = number
  default     = 90
}

variable "noncurrent_version_expiry_days" {
  description = "Overwritten or deleted object versions are kept this long for recovery, then expire."
  type        = number
  default     = 30
}

variable "raw_notification_max_receives" {
  description = "Deliveries of one raw/ notification before it moves to the dead-letter queue."
  type        = number
  default     = 5
}

variable "transform_visibility_timeout_seconds" {
  description = "How long a received notification stays hidden while the transform works on it."
  type        = number
  default     = 900
}

variable "cloudtrail_enabled" {
  description = "Record the account's API calls with a trail of this environment (false when an organization trail already covers the account)."
  type        = bool
  default     = true
}
