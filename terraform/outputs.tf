output "url" {
  description = "Public address of the dashboard (and of the ingest API under /v1/)."
  value       = "https://${module.edge.distribution_domain_name}"
}

output "ecr_repository_urls" {
  description = "Where the deploy workflow pushes each service image."
  value       = module.compute.ecr_repository_urls
}

output "github_role_arns" {
  description = "Roles the workflows assume (set them as the AWS_*_ROLE_ARN repository secrets)."
  value       = module.ci_access.role_arns
}

output "ingest_api_keys_secret_name" {
  description = "Secret to fill with the ingest API keys (a JSON array) before the first start."
  value       = module.compute.ingest_api_keys_secret_name
}

output "web_ingest_api_key_secret_name" {
  description = "Secret to fill with the web app's ingest key (its SHA-256 must be in the ingest API keys)."
  value       = module.compute.web_ingest_api_key_secret_name
}

output "web_oidc_client_secret_name" {
  description = "Secret to fill with the client secret of the web app's OpenID Connect registration."
  value       = module.compute.web_oidc_client_secret_name
}

output "bucket_names" {
  value = module.storage.bucket_names
}

output "ecs_cluster_name" {
  value = module.compute.cluster_name
}

output "ecs_service_names" {
  value = module.compute.service_names
}

output "athena_workgroup" {
  value = module.catalog.workgroup_name
}

output "glue_database" {
  value = module.catalog.database_name
}

output "dashboard_name" {
  value = module.observability.dashboard_name
}

output "image_tag" {
  description = "Image tag the services run (pull-request plans keep it; a rollback applies an older one)."
  value       = var.image_tag
}

output "image_digests" {
  description = "Digests the services run by (pull-request plans keep them)."
  value       = var.image_digests
}

output "transform_operator_api_key_secret_name" {
  description = "Secret to fill with the key the web sends to the transform's operator API (openssl rand -hex 32)."
  value       = module.compute.transform_operator_api_key_secret_name
}

output "cognito_user_pool_id" {
  description = "User pool of the sign-in (null with an external issuer): create users and add them to the analyst or operator group."
  value       = local.external_sign_in ? null : module.identity[0].user_pool_id
}

output "sign_in_url" {
  description = "Cognito's hosted sign-in (null with an external issuer)."
  value       = local.external_sign_in ? null : module.identity[0].hosted_ui_domain
}
