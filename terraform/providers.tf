provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

# CloudFront log delivery sources live in us-east-1, whatever the home region.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = local.tags
  }
}
