variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "account_id" {
  description = "AWS account id (expected owner of the results bucket)."
  type        = string
}

variable "curated_bucket_name" {
  description = "Bucket holding curated/ and marts/ Parquet."
  type        = string
}

variable "results_bucket_name" {
  description = "Bucket receiving Athena query results."
  type        = string
}

variable "kms_key_arn" {
  description = "Key that encrypts query results."
  type        = string
}

variable "tables" {
  description = "Curated table schemas exported by CinemaStats.Core (terraform/schemas/curated_tables.json)."
  type = list(object({
    name        = string
    description = string
    key_prefix  = string
    columns = list(object({
      name     = string
      type     = string
      nullable = bool
      comment  = string
    }))
    partition_keys = list(object({
      name     = string
      type     = string
      nullable = bool
      comment  = string
    }))
  }))

  validation {
    condition = alltrue(flatten([
      for t in var.tables : [
        for c in concat(t.columns, t.partition_keys) :
        can(regex("^(string|int|bigint|smallint|tinyint|boolean|date|timestamp|double|float|decimal\\([0-9]+,[0-9]+\\))$", c.type))
      ]
    ]))
    error_message = "Every column type in the schema export must be an Athena type (string, int, bigint, boolean, date, timestamp, double, decimal(p,s), ...)."
  }

  validation {
    condition     = alltrue([for t in var.tables : can(regex("^(curated|marts)/[a-z0-9_]+/$", t.key_prefix))])
    error_message = "Every key_prefix must look like curated/<table>/ or marts/<table>/."
  }
}

variable "first_business_date" {
  description = "Earliest business_date partition projection generates."
  type        = string
  default     = "2000-01-01"
}

variable "bytes_scanned_cutoff_per_query" {
  description = "Athena cancels a query that scans more than this many bytes."
  type        = number

  validation {
    condition     = var.bytes_scanned_cutoff_per_query >= 10485760
    error_message = "Athena's smallest per-query limit is 10 MB (10485760 bytes)."
  }
}
