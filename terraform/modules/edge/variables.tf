variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "account_id" {
  description = "AWS account id (names the wake-page bucket)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the load balancer."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR of the VPC (where the tasks are)."
  type        = string
}

variable "private_subnet_ids" {
  description = "Subnets of the internal load balancer."
  type        = list(string)
}

variable "logs_bucket_arn" {
  description = "Encrypted bucket receiving CloudFront access logs."
  type        = string
}

variable "container_port" {
  description = "Port the web and ingest containers listen on."
  type        = number
  default     = 8080
}

variable "error_caching_seconds" {
  description = "How long CloudFront caches a 502/503/504 before asking the origin again (at most 10 s, so a woken service shows quickly)."
  type        = number
  default     = 5

  validation {
    condition     = var.error_caching_seconds >= 0 && var.error_caching_seconds <= 10
    error_message = "error_caching_seconds must be between 0 and 10: a longer value keeps showing the wake page after the service is up."
  }
}

variable "price_class" {
  description = "CloudFront price class (PriceClass_100: North America and Europe edges, the cheapest)."
  type        = string
  default     = "PriceClass_100"
}

variable "deletion_protection" {
  description = "Protect the load balancer from deletion."
  type        = bool
  default     = false
}

variable "wake_page_path" {
  description = "Local file served while the web service wakes."
  type        = string
}

variable "kms_key_arn" {
  description = "The environment's key: the wake page bucket is encrypted with it."
  type        = string
}

variable "access_logs_bucket_name" {
  description = "SSE-S3 bucket for ALB and S3 server access logs (AWS accepts no KMS key there)."
  type        = string
}

variable "wake_function_url" {
  description = "Function URL of the wake function (https://<id>.lambda-url.<region>.on.aws/)."
  type        = string
}

variable "wake_function_name" {
  description = "Name of the wake function (CloudFront is allowed to invoke its URL)."
  type        = string
}

variable "rate_limit_per_ip" {
  description = "Requests per IP address in any 5 minutes before the WAF blocks it (a dashboard page is ~20 requests; uploads are a handful)."
  type        = number
  default     = 1000

  validation {
    condition     = var.rate_limit_per_ip >= 100 && var.rate_limit_per_ip <= 5000
    error_message = "rate_limit_per_ip must be between 100 and 5000 requests per 5 minutes."
  }
}

variable "wake_rate_limit_per_ip" {
  description = "Calls of /_wake/start per IP address in any 5 minutes (the page calls it once per load)."
  type        = number
  default     = 100

  validation {
    condition     = var.wake_rate_limit_per_ip >= 10 && var.wake_rate_limit_per_ip <= 300
    error_message = "wake_rate_limit_per_ip must be between 10 and 300 per 5 minutes."
  }
}
