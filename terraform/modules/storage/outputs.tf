output "kms_key_arn" {
  value = aws_kms_key.data.arn
}

output "bucket_names" {
  description = "Bucket names by purpose (raw, curated, results, logs)."
  value       = { for k, b in aws_s3_bucket.this : k => b.bucket }
}

output "bucket_arns" {
  description = "Bucket ARNs by purpose (raw, curated, results, logs)."
  value       = { for k, b in aws_s3_bucket.this : k => b.arn }
}

output "logs_bucket_domain_name" {
  value = aws_s3_bucket.this["logs"].bucket_regional_domain_name
}

output "raw_events_queue_url" {
  value = aws_sqs_queue.raw_events.id
}

output "raw_events_queue_arn" {
  value = aws_sqs_queue.raw_events.arn
}

output "raw_events_queue_name" {
  value = aws_sqs_queue.raw_events.name
}

output "raw_events_dlq_name" {
  value = aws_sqs_queue.raw_events_dlq.name
}

output "raw_events_dlq_arn" {
  value = aws_sqs_queue.raw_events_dlq.arn
}

output "access_logs_bucket_name" {
  description = "SSE-S3 bucket of ALB and S3 server access logs."
  value       = aws_s3_bucket.access_logs.bucket
}

output "access_logs_bucket_arn" {
  value = aws_s3_bucket.access_logs.arn
}

output "trail_arn" {
  value = var.cloudtrail_enabled ? aws_cloudtrail.this[0].arn : null
}
