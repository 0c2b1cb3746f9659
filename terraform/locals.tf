locals {
  name = "cinemastats-${var.environment}"

  tags = {
    Project     = "cinemastats"
    Environment = var.environment
    ManagedBy   = "terraform"
  }

  # The curated table schemas exported by CinemaStats.Core: the one source of the Glue tables.
  curated_tables = jsondecode(file("${path.module}/schemas/curated_tables.json")).tables
}
