output "alb_arn_suffix" {
  value = aws_lb.this.arn_suffix
}

output "alb_security_group_id" {
  value = aws_security_group.alb.id
}

output "web_target_group_arn" {
  value = aws_lb_target_group.web.arn
}

output "ingest_target_group_arn" {
  value = aws_lb_target_group.ingest.arn
}

output "web_target_group_arn_suffix" {
  value = aws_lb_target_group.web.arn_suffix
}

output "ingest_target_group_arn_suffix" {
  value = aws_lb_target_group.ingest.arn_suffix
}

output "listener_arn" {
  value = aws_lb_listener.http.arn
}

output "distribution_id" {
  value = aws_cloudfront_distribution.this.id
}

output "distribution_domain_name" {
  value = aws_cloudfront_distribution.this.domain_name
}

output "distribution_arn" {
  value = aws_cloudfront_distribution.this.arn
}

output "web_acl_arn" {
  value = aws_wafv2_web_acl.this.arn
}
