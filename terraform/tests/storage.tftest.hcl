# Data at rest: KMS encryption, versioning, no public access, TLS only, lifecycle rules, and
# encrypted raw/ notifications with a dead-letter queue.

mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
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
      for k, doc in data.aws_iam_policy_document.bucket : anytrue([
        for s in doc.statement :
        s.effect == "Deny" && contains(s.actions, "s3:*")
        && contains(s.resources, aws_s3_bucket.this[k].arn) && contains(s.resources, "${aws_s3_bucket.this[k].arn}/*")
        && anytrue([for c in s.condition : c.test == "Bool" && c.variable == "aws:SecureTransport" && contains(c.values, "false")])
      ])
    ])
    error_message = "Every data bucket policy must deny s3:* on the bucket and its objects without TLS (aws:SecureTransport = false)."
  }

  assert {
    condition     = alltrue([for k, p in aws_s3_bucket_policy.this : p.policy == data.aws_iam_policy_document.bucket[k].json])
    error_message = "Each bucket must carry its own TLS-only policy document."
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
      for s in data.aws_iam_policy_document.raw_events.statement :
      contains(s.actions, "sqs:SendMessage") && anytrue([for c in s.condition : c.variable == "aws:SourceArn" && contains(c.values, aws_s3_bucket.this["raw"].arn)])
    ])
    error_message = "Only the raw bucket may send to the raw events queue."
  }
}
