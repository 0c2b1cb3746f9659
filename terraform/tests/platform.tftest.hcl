# The whole platform, wired together: Glue tables come from Core's export, the services get
# the names of what Terraform made, and the state backend locks.

mock_provider "aws" {
  source = "./tests/mocks"
}

mock_provider "aws" {
  alias  = "us_east_1"
  source = "./tests/mocks"
}

variables {
  github_repository = "example-org/cinemastats"
  state_bucket_name = "cinemastats-tfstate-123456789012"
  alarm_email       = "ops@example.com"
  # Sign-in is required in prod (this file also runs with prod.tfvars).
  web_auth_authority = "https://login.example.com/tenant/v2.0"
  web_auth_client_id = "cinemastats-web"
}

run "the_platform_plans_and_wires_together" {
  assert {
    condition     = module.catalog.table_names == sort([for t in jsondecode(file("${path.module}/schemas/curated_tables.json")).tables : t.name])
    error_message = "The Glue tables must be exactly the tables of schemas/curated_tables.json (Core's export)."
  }

  assert {
    condition     = output.url == "https://d0000000000000.cloudfront.net"
    error_message = "The dashboard must be published through CloudFront over HTTPS."
  }

  assert {
    condition     = keys(output.ecr_repository_urls) == ["ingest", "transform", "web"]
    error_message = "There must be one image repository per service."
  }

  assert {
    condition     = toset(keys(output.github_role_arns)) == toset(["images", "plan", "apply"])
    error_message = "CI needs the images, plan and apply roles."
  }
}

run "prod_cannot_run_without_sign_in" {
  command = plan

  variables {
    environment        = "prod"
    web_auth_authority = ""
    web_auth_client_id = ""
  }

  expect_failures = [var.web_auth_authority]
}

run "an_issuer_needs_a_client_id" {
  command = plan

  variables {
    web_auth_client_id = ""
  }

  expect_failures = [var.web_auth_client_id]
}
