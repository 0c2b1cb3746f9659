output "role_arns" {
  description = "Role ARNs by purpose (images, plan, apply): the AWS_*_ROLE_ARN secrets of the workflows."
  value       = { for k, r in aws_iam_role.github : k => r.arn }
}
