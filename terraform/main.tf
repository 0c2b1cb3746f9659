data "aws_caller_identity" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  account_id       = data.aws_caller_identity.current.account_id
  external_sign_in = var.web_auth_authority != ""
}

module "network" {
  source = "./modules/network"

  name                        = local.name
  region                      = var.region
  vpc_cidr                    = var.vpc_cidr
  availability_zones          = slice(sort(data.aws_availability_zones.available.names), 0, var.availability_zone_count)
  interface_endpoint_az_count = var.interface_endpoint_az_count
  flow_logs_bucket_arn        = module.storage.bucket_arns["logs"]
}

module "storage" {
  source = "./modules/storage"

  name               = local.name
  account_id         = local.account_id
  region             = var.region
  cloudtrail_enabled = var.cloudtrail_enabled
}

module "catalog" {
  source = "./modules/catalog"

  name                           = local.name
  account_id                     = local.account_id
  curated_bucket_name            = module.storage.bucket_names["curated"]
  results_bucket_name            = module.storage.bucket_names["results"]
  kms_key_arn                    = module.storage.kms_key_arn
  tables                         = local.curated_tables
  bytes_scanned_cutoff_per_query = var.athena_bytes_scanned_cutoff_per_query
}

module "edge" {
  source = "./modules/edge"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name                    = local.name
  account_id              = local.account_id
  vpc_id                  = module.network.vpc_id
  vpc_cidr                = module.network.vpc_cidr
  private_subnet_ids      = module.network.private_subnet_ids
  logs_bucket_arn         = module.storage.bucket_arns["logs"]
  access_logs_bucket_name = module.storage.access_logs_bucket_name
  kms_key_arn             = module.storage.kms_key_arn
  deletion_protection     = var.environment == "prod"
  wake_page_path          = "${path.module}/edge-content/wake.html"
  wake_function_url       = module.compute.wake_function_url
  wake_function_name      = module.compute.wake_function_name
}

# Sign-in: Cognito, made here, unless an external OpenID Connect issuer is given.
module "identity" {
  source = "./modules/identity"
  count  = local.external_sign_in ? 0 : 1

  name                = local.name
  region              = var.region
  domain_prefix       = var.cognito_domain_prefix != "" ? var.cognito_domain_prefix : "${local.name}-${local.account_id}"
  public_origin       = "https://${module.edge.distribution_domain_name}"
  roles               = var.web_auth_roles
  deletion_protection = var.environment == "prod"
}

module "compute" {
  source = "./modules/compute"

  name                         = local.name
  account_id                   = local.account_id
  region                       = var.region
  vpc_id                       = module.network.vpc_id
  vpc_cidr                     = module.network.vpc_cidr
  private_subnet_ids           = module.network.private_subnet_ids
  s3_prefix_list_id            = module.network.s3_prefix_list_id
  alb_security_group_id        = module.edge.alb_security_group_id
  alb_arn_suffix               = module.edge.alb_arn_suffix
  web_target_group_arn         = module.edge.web_target_group_arn
  ingest_target_group_arn      = module.edge.ingest_target_group_arn
  kms_key_arn                  = module.storage.kms_key_arn
  bucket_arns                  = module.storage.bucket_arns
  bucket_names                 = module.storage.bucket_names
  raw_events_queue_arn         = module.storage.raw_events_queue_arn
  raw_events_queue_url         = module.storage.raw_events_queue_url
  raw_events_queue_name        = module.storage.raw_events_queue_name
  athena_workgroup_name        = module.catalog.workgroup_name
  athena_workgroup_arn         = module.catalog.workgroup_arn
  glue_database_name           = module.catalog.database_name
  environment                  = var.environment
  image_tag                    = var.image_tag
  image_digests                = var.image_digests
  permissions_boundary_arn     = module.ci_access.workload_permissions_boundary_arn
  wake_function_zip            = "${path.module}/functions/wake.zip"
  log_retention_days           = var.log_retention_days
  web_max_tasks                = var.web_max_tasks
  transform_max_tasks          = var.transform_max_tasks
  idle_minutes_before_sleep    = var.idle_minutes_before_sleep
  transform_reconcile_hour_utc = var.transform_reconcile_hour_utc
  auth = {
    authority     = local.external_sign_in ? var.web_auth_authority : module.identity[0].issuer
    client_id     = local.external_sign_in ? var.web_auth_client_id : module.identity[0].client_id
    role_claim    = local.external_sign_in ? var.web_auth_role_claim : "cognito:groups"
    analyst_role  = var.web_auth_roles.analyst
    operator_role = var.web_auth_roles.operator
    # Behind CloudFront and the plain-HTTP ALB the app cannot see its public address; sign-in needs it.
    public_origin = "https://${module.edge.distribution_domain_name}"
  }
}

module "observability" {
  source = "./modules/observability"

  name                           = local.name
  environment                    = var.environment
  region                         = var.region
  kms_key_arn                    = module.storage.kms_key_arn
  alarm_email                    = var.alarm_email
  alb_arn_suffix                 = module.edge.alb_arn_suffix
  web_target_group_arn_suffix    = module.edge.web_target_group_arn_suffix
  ingest_target_group_arn_suffix = module.edge.ingest_target_group_arn_suffix
  cluster_name                   = module.compute.cluster_name
  service_names                  = module.compute.service_names
  raw_events_queue_name          = module.storage.raw_events_queue_name
  raw_events_dlq_name            = module.storage.raw_events_dlq_name
  athena_workgroup_name          = module.catalog.workgroup_name
  transform_log_group_name       = module.compute.log_group_names["transform"]
  monthly_budget_usd             = var.monthly_budget_usd
}

module "ci_access" {
  source = "./modules/ci_access"

  name                 = local.name
  environment          = var.environment
  account_id           = local.account_id
  region               = var.region
  state_key            = local.state_key
  github_repository    = var.github_repository
  deploy_branch        = var.github_deploy_branch
  apply_environment    = var.github_apply_environment
  create_oidc_provider = var.create_github_oidc_provider
  state_bucket_name    = var.state_bucket_name
  ecr_repository_arns  = values(module.compute.ecr_repository_arns)
  data_bucket_arns     = values(module.storage.bucket_arns)
}
