locals {
  name = "cinemastats-${var.environment}"

  # The state object of this environment, as environments/<env>.s3.tfbackend names it (a test
  # compares the two): the CI roles reach this key and no other.
  state_key = "cinemastats/${var.environment}.tfstate"

  tags = {
    Project     = "cinemastats"
    Environment = var.environment
    ManagedBy   = "terraform"
  }

  # The curated table schemas exported by CinemaStats.Core: the one source of the Glue tables.
  curated_tables = jsondecode(file("${path.module}/schemas/curated_tables.json")).tables
}
