output "role_arns" {
  description = "Role ARNs by purpose (images, plan, apply): the AWS_*_ROLE_ARN secrets of the workflows."
  value       = { for k, r in aws_iam_role.github : k => r.arn }
}

output "workload_permissions_boundary_arn" {
  description = "Permissions boundary every role this configuration creates for a workload must carry."
  value       = aws_iam_policy.workload_boundary.arn
}
