# Glue tables are generated from the schema export of CinemaStats.Core, so the catalog cannot
# drift from what the transform writes. Partitions are never crawled or added: partition
# projection computes them from the key layout (business_date=YYYY-MM-DD).

resource "aws_glue_catalog_database" "this" {
  name        = replace(var.name, "-", "_")
  description = "Cinema Stats curated tables and marts (Parquet on S3)"
}

locals {
  tables = { for t in var.tables : t.name => t }

  # Projection per partition key: dates enumerate a range, anything else must be given in the query.
  projection = {
    for name, t in local.tables : name => merge(
      length(t.partition_keys) == 0 ? {} : {
        "projection.enabled"        = "true"
        "storage.location.template" = "s3://${var.curated_bucket_name}/${t.key_prefix}${join("/", [for k in t.partition_keys : "${k.name}=$${${k.name}}"])}/"
      },
      merge([
        for k in t.partition_keys : k.type == "date" ? {
          "projection.${k.name}.type"          = "date"
          "projection.${k.name}.format"        = "yyyy-MM-dd"
          "projection.${k.name}.range"         = "${var.first_business_date},NOW"
          "projection.${k.name}.interval"      = "1"
          "projection.${k.name}.interval.unit" = "DAYS"
          } : {
          "projection.${k.name}.type" = "injected"
        }
      ]...)
    )
  }
}

resource "aws_glue_catalog_table" "curated" {
  for_each = local.tables

  name          = each.key
  database_name = aws_glue_catalog_database.this.name
  description   = each.value.description
  table_type    = "EXTERNAL_TABLE"

  parameters = merge({
    EXTERNAL              = "TRUE"
    classification        = "parquet"
    "parquet.compression" = "SNAPPY"
  }, local.projection[each.key])

  dynamic "partition_keys" {
    for_each = each.value.partition_keys
    content {
      name    = partition_keys.value.name
      type    = partition_keys.value.type
      comment = partition_keys.value.comment
    }
  }

  storage_descriptor {
    location      = "s3://${var.curated_bucket_name}/${each.value.key_prefix}"
    input_format  = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
    output_format = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"

    ser_de_info {
      serialization_library = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
      parameters            = { "serialization.format" = "1" }
    }

    dynamic "columns" {
      for_each = each.value.columns
      content {
        name    = columns.value.name
        type    = columns.value.type
        comment = columns.value.comment
      }
    }
  }
}

resource "aws_athena_workgroup" "this" {
  name          = var.name
  description   = "Cinema Stats dashboard queries"
  state         = "ENABLED"
  force_destroy = false

  configuration {
    # Clients cannot override the output location, encryption or the scan limit.
    enforce_workgroup_configuration    = true
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.bytes_scanned_cutoff_per_query
    requester_pays_enabled             = false

    engine_version {
      selected_engine_version = "Athena engine version 3"
    }

    result_configuration {
      output_location       = "s3://${var.results_bucket_name}/athena/"
      expected_bucket_owner = var.account_id

      encryption_configuration {
        encryption_option = "SSE_KMS"
        kms_key_arn       = var.kms_key_arn
      }
    }
  }
}
