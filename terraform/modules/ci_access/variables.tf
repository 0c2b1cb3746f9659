variable "name" {
  description = "Name prefix of every resource of this environment (cinemastats-<env>)."
  type        = string
}

variable "environment" {
  description = "Environment name: the value of the Environment tag every resource of this environment carries."
  type        = string
}

variable "account_id" {
  type = string
}

variable "region" {
  description = "Home region of the platform."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the repository whose workflows may assume the roles."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name, without wildcards."
  }
}

variable "deploy_branch" {
  description = "The only branch whose workflows may push images."
  type        = string

  validation {
    condition     = !can(regex("[*?]", var.deploy_branch))
    error_message = "deploy_branch must be one branch name, not a pattern."
  }
}

variable "apply_environment" {
  description = "The GitHub environment (required reviewers, deployments from the deploy branch only) whose jobs may apply."
  type        = string

  validation {
    condition     = !can(regex("[*?]", var.apply_environment))
    error_message = "apply_environment must be one environment name, not a pattern."
  }
}

variable "create_oidc_provider" {
  type    = bool
  default = true
}

variable "state_bucket_name" {
  description = "Terraform state bucket (plan reads this environment's state and takes its lock, apply writes it)."
  type        = string
}

variable "state_key" {
  description = "Key of this environment's state object (environments/<env>.s3.tfbackend): the only state the roles reach."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_./-]+\\.tfstate$", var.state_key)) && !can(regex("[*?]", var.state_key))
    error_message = "state_key must be one object key ending in .tfstate, without wildcards."
  }
}

variable "ecr_repository_arns" {
  description = "Repositories the image job pushes to."
  type        = list(string)
}

variable "data_bucket_arns" {
  description = "Buckets whose objects the plan role must not read."
  type        = list(string)
}
