variable "environment" {
  description = "Environment name (dev, prod): part of every resource name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "environment must be 2-10 lower-case letters or digits, starting with a letter."
  }
}

variable "region" {
  description = "AWS region of the platform."
  type        = string
  default     = "eu-west-2"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC; split into public and private /20 subnets."
  type        = string
  default     = "10.40.0.0/16"
}

variable "availability_zone_count" {
  description = "How many availability zones the subnets span (the ALB needs at least 2)."
  type        = number
  default     = 2

  validation {
    condition     = var.availability_zone_count >= 2 && var.availability_zone_count <= 3
    error_message = "availability_zone_count must be 2 or 3."
  }
}

variable "interface_endpoint_az_count" {
  description = "In how many availability zones the interface VPC endpoints get a network interface (1 is cheapest, 2+ survives an AZ outage)."
  type        = number
  default     = 1
}

variable "image_tag" {
  description = "Tag of the ingest, transform and web images to run: the full commit SHA the deploy workflow built (\"bootstrap\" before the first release)."
  type        = string
  default     = "bootstrap"

  validation {
    condition     = can(regex("^([0-9a-f]{40}|bootstrap)$", var.image_tag))
    error_message = "image_tag must be a full 40-digit lower-case commit SHA (or \"bootstrap\"): anything else is refused before it reaches a task definition."
  }
}

variable "image_digests" {
  description = "Per service (ingest, transform, web), the sha256 digest to run: the deploy promotes prod by digest, the bytes dev ran."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, d in var.image_digests : contains(["ingest", "transform", "web"], k) && can(regex("^sha256:[0-9a-f]{64}$", d))])
    error_message = "image_digests maps ingest, transform or web to sha256:<64 lower-case hex digits>."
  }
}

variable "cloudtrail_enabled" {
  description = "Create a trail of this environment (false when an organization trail already records the account: docs/deployment.md)."
  type        = bool
  default     = true
}

variable "cognito_domain_prefix" {
  description = "Prefix of Cognito's hosted sign-in domain; empty uses cinemastats-<env>-<account id>."
  type        = string
  default     = ""
}

variable "github_repository" {
  description = "owner/name of the GitHub repository allowed to deploy through OIDC."
  type        = string
}

variable "github_deploy_branch" {
  description = "Branch whose workflows may push images."
  type        = string
  default     = "main"
}

variable "github_apply_environment" {
  description = "GitHub environment (with required reviewers) whose jobs may run terraform apply."
  type        = string
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (false when another stack already owns it)."
  type        = bool
  default     = true
}

variable "state_bucket_name" {
  description = "Name of the Terraform state bucket made by terraform/bootstrap (CI roles get access to it)."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of every CloudWatch log group."
  type        = number
  default     = 30
}

variable "athena_bytes_scanned_cutoff_per_query" {
  description = "Athena cancels a query that scans more than this many bytes (minimum 10 MB)."
  type        = number
  default     = 1073741824
}

variable "web_max_tasks" {
  description = "Most web (and ingest) tasks the autoscaler may run."
  type        = number
  default     = 2
}

variable "transform_max_tasks" {
  description = "Most transform tasks the autoscaler may run."
  type        = number
  default     = 1
}

variable "idle_minutes_before_sleep" {
  description = "Minutes without a request or open connection before web and ingest scale to zero."
  type        = number
  default     = 15
}

variable "transform_reconcile_hour_utc" {
  description = "Hour (UTC) at which the transform wakes for half an hour to reconcile raw/ and check freshness, even without new events."
  type        = number
  default     = 6

  validation {
    condition     = var.transform_reconcile_hour_utc >= 0 && var.transform_reconcile_hour_utc <= 22
    error_message = "transform_reconcile_hour_utc must be between 0 and 22."
  }
}

variable "alarm_email" {
  description = "E-mail address subscribed to alarm notifications; empty for none."
  type        = string
  default     = ""
}

variable "monthly_budget_usd" {
  description = "Monthly cost budget; an e-mail goes out at 80% forecast (needs alarm_email)."
  type        = number
  default     = 60
}

variable "web_auth_authority" {
  description = "An external OpenID Connect issuer of the web app's sign-in (e.g. https://login.microsoftonline.com/<tenant>/v2.0). Empty: Terraform makes a Cognito user pool. Sign-in is on in every environment either way."
  type        = string
  default     = ""

  validation {
    condition     = var.web_auth_authority == "" || can(regex("^https://[^/]+", var.web_auth_authority))
    error_message = "web_auth_authority must be empty (Cognito) or an https:// issuer URL."
  }
}

variable "web_auth_client_id" {
  description = "Client id of the web app's registration at the external issuer (its secret goes into Secrets Manager, see docs/deployment.md). Required with web_auth_authority."
  type        = string
  default     = ""

  validation {
    condition     = (var.web_auth_client_id == "") == (var.web_auth_authority == "")
    error_message = "web_auth_client_id must be set exactly when web_auth_authority is."
  }
}

variable "web_auth_role_claim" {
  description = "Claim carrying the user's roles at the external issuer (Entra: roles). With Terraform's Cognito pool it is cognito:groups."
  type        = string
  default     = "roles"
}

variable "web_auth_roles" {
  description = "Names of the two roles in the identity provider: analysts read, operators also upload and reprocess."
  type        = object({ analyst = string, operator = string })
  default     = { analyst = "analyst", operator = "operator" }
}
