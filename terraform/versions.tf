terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: the bucket comes from -backend-config (see docs/deployment.md),
  # the key and region from environments/<env>.s3.tfbackend. S3-native locking, no DynamoDB.
  backend "s3" {
    encrypt      = true
    use_lockfile = true
  }
}
