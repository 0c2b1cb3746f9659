variable "name" {
  description = "Name prefix of every resource."
  type        = string
}

variable "region" {
  description = "Region of the VPC endpoints' service names."
  type        = string
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
}

variable "availability_zones" {
  description = "Availability zones of the public and private subnets."
  type        = list(string)
}

variable "interface_endpoint_az_count" {
  description = "How many of the private subnets get an interface endpoint network interface."
  type        = number
  default     = 1
}

variable "interface_endpoint_services" {
  description = "AWS services reached through interface endpoints, since the private subnets have no route to the internet."
  type        = list(string)
  default = [
    "ecr.api",        # image manifests and auth tokens
    "ecr.dkr",        # image pulls (layers come from S3 through the gateway endpoint)
    "logs",           # awslogs driver and the collector's metrics (EMF)
    "secretsmanager", # ingest API keys
    "sqs",            # raw/ notifications
    "athena",         # web queries
    "glue",           # Athena and the web read the catalog
    "xray",           # traces from the collector
    "monitoring",     # custom metrics (freshness, transform failures)
  ]
}

variable "flow_logs_bucket_arn" {
  description = "Encrypted logs bucket receiving the VPC flow logs (under vpc-flow-logs/)."
  type        = string
}
