output "cluster_name" {
  value = aws_ecs_cluster.this.name
}

output "service_names" {
  value = { for k, s in aws_ecs_service.service : k => s.name }
}

output "ecr_repository_urls" {
  value = { for k, r in aws_ecr_repository.service : k => r.repository_url }
}

output "ecr_repository_arns" {
  value = { for k, r in aws_ecr_repository.service : k => r.arn }
}

output "task_role_arns" {
  value = { for k, r in aws_iam_role.task : k => r.arn }
}

output "execution_role_arns" {
  value = { for k, r in aws_iam_role.execution : k => r.arn }
}

output "log_group_names" {
  value = merge(
    { for k, g in aws_cloudwatch_log_group.service : k => g.name },
    { for k, g in aws_cloudwatch_log_group.otel : k => g.name },
  )
}

output "ingest_api_keys_secret_arn" {
  value = aws_secretsmanager_secret.ingest_api_keys.arn
}

output "ingest_api_keys_secret_name" {
  value = aws_secretsmanager_secret.ingest_api_keys.name
}

output "web_ingest_api_key_secret_name" {
  value = aws_secretsmanager_secret.web_ingest_api_key.name
}

output "web_oidc_client_secret_name" {
  value = aws_secretsmanager_secret.web_oidc_client_secret.name
}

output "internal_urls" {
  description = "Private addresses of ingest and transform (Cloud Map DNS), as the web app gets them."
  value       = local.internal_urls
}

output "transform_operator_api_key_secret_name" {
  value = aws_secretsmanager_secret.transform_operator_api_key.name
}

output "wake_function_name" {
  value = aws_lambda_function.wake.function_name
}

output "wake_function_url" {
  description = "Function URL of the wake function (CloudFront's origin for /_wake/start)."
  value       = aws_lambda_function_url.wake.function_url
}
