# Data at rest: KMS encryption, versioning, no public access, TLS only, lifecycle rules, and
# encrypted raw/ notifications with a dead-letter queue.

mock_provider "aws" {
  mock_resource "aws_kms_key" {
    defaults = { arn = "arn:aws:kms:eu-west-2:123456789012:key/00000000-0000-0000-0000-000000000000" }
  }
}

variables {
  name       = "cinemastats-test"
  account_id = "123456789012"
  region     = "eu-west-2"
}

run "data_buckets_are_kms_encrypted_versioned_and_private" {
  module {
    source = "./modules/storage"
  }

  assert {
    condition     = toset(keys(aws_s3_bucket.this)) == toset(["raw", "curated", "results", "logs"])
    error_message = "Expected exactly the raw, curated, results and logs buckets."
  }

  assert {
    condition = alltrue([
      for k, c in aws_s3_bucket_server_side_encryption_configuration.this :
      one(one(c.rule).apply_server_side_encryption_by_default).sse_algorithm == "aws:kms"
      && one(one(c.rule).apply_server_side_encryption_by_default).kms_master_key_id == aws_kms_key.data.arn
    ])
    error_message = "Every data bucket must default to SSE-KMS with the environment's key."
  }

  assert {
    condition     = aws_kms_key.data.enable_key_rotation
    error_message = "The data key must rotate."
  }

  assert {
    condition = alltrue([
      for k, p in aws_s3_bucket_public_access_block.this :
      p.block_public_acls && p.block_public_policy && p.ignore_public_acls && p.restrict_public_buckets
    ])
    error_message = "Every data bucket must block all public access."
  }

  assert {
    condition     = alltrue([for k, o in aws_s3_bucket_ownership_controls.this : one(o.rule).object_ownership == "BucketOwnerEnforced"])
    error_message = "ACLs must be disabled (BucketOwnerEnforced) on every data bucket."
  }

  assert {
    condition     = alltrue([for k, v in aws_s3_bucket_versioning.this : one(v.versioning_configuration).status == "Enabled"])
    error_message = "Every data bucket must be versioned."
  }
}

run "bucket_policies_deny_anything_but_tls" {
  module {
    source = "./modules/storage"
  }

  assert {
    condition = alltrue([
      for k, p in merge(aws_s3_bucket_policy.this, { access_logs = aws_s3_bucket_policy.access_logs }) : anytrue([
        for s in jsondecode(p.policy).Statement :
        s.Effect == "Deny" && s.Principal == "*" && s.Action == ["s3:*"]
        && toset(s.Resource) == toset([k == "access_logs" ? aws_s3_bucket.access_logs.arn : aws_s3_bucket.this[k].arn, "${k == "access_logs" ? aws_s3_bucket.access_logs.arn : aws_s3_bucket.this[k].arn}/*"])
        && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"
      ])
    ])
    error_message = "Every bucket policy must deny s3:* on the bucket and its objects without TLS (aws:SecureTransport = false)."
  }

  # Nothing is granted to everyone, and what services may write lands under their own prefix
  # of the logs buckets, scoped to this account or this trail.
  assert {
    condition = alltrue(flatten([
      for p in concat(values(aws_s3_bucket_policy.this), [aws_s3_bucket_policy.access_logs]) : [
        for s in jsondecode(p.policy).Statement : s.Effect == "Deny" || (
          s.Principal != "*" && try(s.Principal.AWS, "") != "*"
          && alltrue([for a in s.Action : contains(["s3:PutObject", "s3:GetBucketAcl"], a)])
          && (p.bucket == aws_s3_bucket.this["logs"].id || p.bucket == aws_s3_bucket.access_logs.id)
        )
      ]
    ]))
    error_message = "Bucket policies may grant nothing to \"*\", and only log delivery may write, and only into the logs buckets."
  }

  assert {
    condition = alltrue(flatten([
      for p in [aws_s3_bucket_policy.this["logs"]] : [
        for s in jsondecode(p.policy).Statement : try(s.Condition.StringEquals["aws:SourceAccount"], "") == var.account_id || try(s.Condition.StringEquals["aws:SourceArn"], "") == "arn:aws:cloudtrail:eu-west-2:123456789012:trail/cinemastats-test"
        if s.Effect == "Allow"
      ]
    ]))
    error_message = "Log delivery into the logs bucket must be limited to this account (or this environment's trail)."
  }
}

run "audit_trail_and_access_logs" {
  module {
    source = "./modules/storage"
  }

  assert {
    condition = (
      aws_cloudtrail.this[0].is_multi_region_trail && aws_cloudtrail.this[0].enable_log_file_validation
      && aws_cloudtrail.this[0].include_global_service_events
      && aws_cloudtrail.this[0].kms_key_id == aws_kms_key.data.arn && aws_cloudtrail.this[0].s3_bucket_name == aws_s3_bucket.this["logs"].id
    )
    error_message = "The trail must cover every region and global services, validate its files, and be KMS-encrypted into the logs bucket."
  }

  assert {
    condition = alltrue([
      for k, b in aws_s3_bucket.this : aws_s3_bucket_logging.this[k].target_bucket == aws_s3_bucket.access_logs.id && aws_s3_bucket_logging.this[k].bucket == b.id
    ])
    error_message = "Every data bucket must write S3 server access logs to the access-logs bucket."
  }

  # AWS delivers ALB and S3 access logs only into SSE-S3 buckets: that one bucket is the
  # documented exception, and it is otherwise held to the same rules.
  assert {
    condition = (
      one(one(aws_s3_bucket_server_side_encryption_configuration.access_logs.rule).apply_server_side_encryption_by_default).sse_algorithm == "AES256"
      && aws_s3_bucket_public_access_block.access_logs.block_public_acls && aws_s3_bucket_public_access_block.access_logs.block_public_policy
      && aws_s3_bucket_public_access_block.access_logs.ignore_public_acls && aws_s3_bucket_public_access_block.access_logs.restrict_public_buckets
      && one(aws_s3_bucket_lifecycle_configuration.access_logs.rule[0].expiration).days <= 400
    )
    error_message = "The access-logs bucket must be encrypted (SSE-S3, as AWS requires there), private, and expire its logs."
  }

  assert {
    condition     = one(aws_s3_bucket_lifecycle_configuration.logs.rule[0].expiration).days <= 400
    error_message = "Logs must have a retention."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_kms_key.data.policy).Statement :
      try(s.Principal.Service, "") == "cloudtrail.amazonaws.com" && try(s.Condition.StringEquals["aws:SourceArn"], "") == "arn:aws:cloudtrail:eu-west-2:123456789012:trail/cinemastats-test"
    ])
    error_message = "The key may encrypt for this environment's trail only."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(aws_kms_key.data.policy).Statement :
      try(s.Principal.AWS, "") == "arn:aws:iam::123456789012:root" || length(try(s.Condition, {})) > 0
    ])
    error_message = "Every service grant in the key policy must carry a condition (account, ARN or encryption context)."
  }
}

run "an_organization_trail_replaces_ours" {
  module {
    source = "./modules/storage"
  }

  variables {
    cloudtrail_enabled = false
  }

  assert {
    condition     = length(aws_cloudtrail.this) == 0 && !anytrue([for s in jsondecode(aws_s3_bucket_policy.this["logs"].policy).Statement : try(s.Principal.Service, "") == "cloudtrail.amazonaws.com"])
    error_message = "With an organization trail, no trail of ours and no CloudTrail grant on the logs bucket."
  }
}

run "lifecycle_rules_bound_storage_cost" {
  module {
    source = "./modules/storage"
  }

  assert {
    condition = alltrue([
      for lc in [aws_s3_bucket_lifecycle_configuration.raw, aws_s3_bucket_lifecycle_configuration.curated, aws_s3_bucket_lifecycle_configuration.results, aws_s3_bucket_lifecycle_configuration.logs] :
      anytrue([for r in lc.rule : r.status == "Enabled" && length(r.noncurrent_version_expiration) > 0 && length(r.abort_incomplete_multipart_upload) > 0])
    ])
    error_message = "Every bucket needs an enabled lifecycle rule expiring old versions and aborting stale multipart uploads."
  }

  assert {
    condition     = one(aws_s3_bucket_lifecycle_configuration.results.rule[0].expiration).days <= 30
    error_message = "Athena results are a cache and must expire within 30 days."
  }

  assert {
    condition     = one(aws_s3_bucket_lifecycle_configuration.raw.rule[0].transition).storage_class == "STANDARD_IA"
    error_message = "Raw objects (never modified) must move to Standard-IA."
  }
}

run "raw_notifications_are_encrypted_with_a_dead_letter_queue" {
  module {
    source = "./modules/storage"
  }

  assert {
    condition     = aws_sqs_queue.raw_events.kms_master_key_id == aws_kms_key.data.arn && aws_sqs_queue.raw_events_dlq.kms_master_key_id == aws_kms_key.data.arn
    error_message = "The raw events queue and its dead-letter queue must be encrypted with the environment's key."
  }

  assert {
    condition     = jsondecode(aws_sqs_queue.raw_events.redrive_policy).deadLetterTargetArn == aws_sqs_queue.raw_events_dlq.arn
    error_message = "The raw events queue must redrive to its dead-letter queue."
  }

  assert {
    condition     = jsondecode(aws_sqs_queue.raw_events.redrive_policy).maxReceiveCount <= 10
    error_message = "A poisoned notification must reach the dead-letter queue after at most 10 receives."
  }

  assert {
    condition     = aws_sqs_queue.raw_events_dlq.message_retention_seconds == 1209600
    error_message = "Dead letters must be kept the maximum 14 days, time to inspect and redrive them."
  }

  assert {
    condition = (
      one(aws_s3_bucket_notification.raw.queue).queue_arn == aws_sqs_queue.raw_events.arn
      && one(aws_s3_bucket_notification.raw.queue).filter_prefix == "raw/"
      && contains(one(aws_s3_bucket_notification.raw.queue).events, "s3:ObjectCreated:*")
    )
    error_message = "Object-created events under raw/ must go to the raw events queue."
  }

  assert {
    condition = anytrue([
      for s in jsondecode(aws_sqs_queue_policy.raw_events.policy).Statement :
      contains(s.Action, "sqs:SendMessage") && try(s.Condition.ArnEquals["aws:SourceArn"], "") == aws_s3_bucket.this["raw"].arn
    ])
    error_message = "Only the raw bucket may send to the raw events queue."
  }
}
