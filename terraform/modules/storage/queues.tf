# raw/ object-created events drive the transform; a message that fails repeatedly lands in
# the dead-letter queue (alarmed) instead of looping. The periodic reconcile still picks the
# object up, so a dead letter delays data but never loses it.

resource "aws_sqs_queue" "raw_events_dlq" {
  name                              = "${var.name}-raw-events-dlq"
  message_retention_seconds         = 1209600
  kms_master_key_id                 = aws_kms_key.data.arn
  kms_data_key_reuse_period_seconds = 86400
}

resource "aws_sqs_queue" "raw_events" {
  name                              = "${var.name}-raw-events"
  visibility_timeout_seconds        = var.transform_visibility_timeout_seconds
  message_retention_seconds         = 345600
  receive_wait_time_seconds         = 20
  kms_master_key_id                 = aws_kms_key.data.arn
  kms_data_key_reuse_period_seconds = 86400

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.raw_events_dlq.arn
    maxReceiveCount     = var.raw_notification_max_receives
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "raw_events_dlq" {
  queue_url = aws_sqs_queue.raw_events_dlq.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.raw_events.arn]
  })
}

locals {
  raw_events_policy = {
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "RawBucketSendsEvents"
        Effect    = "Allow"
        Principal = { Service = "s3.amazonaws.com" }
        Action    = ["sqs:SendMessage"]
        Resource  = [aws_sqs_queue.raw_events.arn]
        Condition = {
          ArnEquals    = { "aws:SourceArn" = aws_s3_bucket.this["raw"].arn }
          StringEquals = { "aws:SourceAccount" = var.account_id }
        }
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["sqs:*"]
        Resource  = [aws_sqs_queue.raw_events.arn]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  }
}

resource "aws_sqs_queue_policy" "raw_events" {
  queue_url = aws_sqs_queue.raw_events.id
  policy    = jsonencode(local.raw_events_policy)
}

resource "aws_s3_bucket_notification" "raw" {
  bucket = aws_s3_bucket.this["raw"].id

  queue {
    id            = "raw-object-created"
    queue_arn     = aws_sqs_queue.raw_events.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = "raw/"
  }

  depends_on = [aws_sqs_queue_policy.raw_events]
}
