variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "region" {
  type = string
}

variable "domain_prefix" {
  description = "Prefix of the hosted sign-in domain (<prefix>.auth.<region>.amazoncognito.com); unique per region."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", var.domain_prefix)) && !can(regex("(aws|amazon|cognito)", var.domain_prefix))
    error_message = "domain_prefix must be lower-case letters, digits and hyphens, and may not contain aws, amazon or cognito."
  }
}

variable "public_origin" {
  description = "https:// address users reach the dashboard at: the sign-in callbacks go there."
  type        = string

  validation {
    condition     = can(regex("^https://[^/]+$", var.public_origin))
    error_message = "public_origin must be an https:// origin without a path."
  }
}

variable "roles" {
  description = "Group names of the two roles (the web reads them from the cognito:groups claim)."
  type        = object({ analyst = string, operator = string })
}

variable "deletion_protection" {
  type    = bool
  default = false
}
