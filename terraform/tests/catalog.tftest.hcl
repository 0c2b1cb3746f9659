# The Glue tables come from Core's schema export and use partition projection; the Athena
# workgroup enforces its settings, encrypts results and caps the bytes a query scans.

mock_provider "aws" {}

variables {
  name                           = "cinemastats-test"
  account_id                     = "123456789012"
  curated_bucket_name            = "cinemastats-test-curated-123456789012"
  results_bucket_name            = "cinemastats-test-results-123456789012"
  kms_key_arn                    = "arn:aws:kms:eu-west-2:123456789012:key/00000000-0000-0000-0000-000000000000"
  tables                         = jsondecode(file("schemas/curated_tables.json")).tables
  bytes_scanned_cutoff_per_query = 1073741824
}

run "glue_tables_match_the_schema_export" {
  module {
    source = "./modules/catalog"
  }

  assert {
    condition     = toset(keys(aws_glue_catalog_table.curated)) == toset([for t in var.tables : t.name])
    error_message = "There must be one Glue table per table in schemas/curated_tables.json, and no other."
  }

  assert {
    condition = alltrue([
      for t in var.tables :
      [for c in aws_glue_catalog_table.curated[t.name].storage_descriptor[0].columns : { name = c.name, type = c.type }]
      == [for c in t.columns : { name = c.name, type = c.type }]
    ])
    error_message = "Each Glue table's columns (names, types, order) must equal the export's."
  }

  assert {
    condition = alltrue([
      for t in var.tables :
      [for k in aws_glue_catalog_table.curated[t.name].partition_keys : { name = k.name, type = k.type }]
      == [for k in t.partition_keys : { name = k.name, type = k.type }]
    ])
    error_message = "Each Glue table's partition keys must equal the export's."
  }

  assert {
    condition = alltrue([
      for t in var.tables :
      aws_glue_catalog_table.curated[t.name].storage_descriptor[0].location == "s3://${var.curated_bucket_name}/${t.key_prefix}"
      && aws_glue_catalog_table.curated[t.name].storage_descriptor[0].ser_de_info[0].serialization_library == "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
    ])
    error_message = "Each table must read Parquet at s3://<curated bucket>/<key_prefix>."
  }
}

run "date_partitions_are_projected_not_crawled" {
  module {
    source = "./modules/catalog"
  }

  assert {
    condition = alltrue([
      # HCL evaluates both sides of ||: filter unpartitioned tables out instead.
      for t in var.tables : (
        aws_glue_catalog_table.curated[t.name].parameters["projection.enabled"] == "true"
        && aws_glue_catalog_table.curated[t.name].parameters["storage.location.template"] == "s3://${var.curated_bucket_name}/${t.key_prefix}${join("/", [for k in t.partition_keys : "${k.name}=$${${k.name}}"])}/"
      ) if length(t.partition_keys) > 0
    ])
    error_message = "Partitioned tables must enable projection with a storage.location.template following the key layout."
  }

  assert {
    condition = alltrue(flatten([
      for t in var.tables : [
        for k in t.partition_keys : k.type != "date" || (
          aws_glue_catalog_table.curated[t.name].parameters["projection.${k.name}.type"] == "date"
          && aws_glue_catalog_table.curated[t.name].parameters["projection.${k.name}.format"] == "yyyy-MM-dd"
          && endswith(aws_glue_catalog_table.curated[t.name].parameters["projection.${k.name}.range"], ",NOW")
          && aws_glue_catalog_table.curated[t.name].parameters["projection.${k.name}.interval.unit"] == "DAYS"
        )
      ]
    ]))
    error_message = "Date partition keys must be projected as dates (yyyy-MM-dd, up to NOW, daily)."
  }

  assert {
    condition     = length([for t in var.tables : t if length(t.partition_keys) > 0]) > 0
    error_message = "The export has no partitioned table: the projection assertions above checked nothing."
  }
}

run "unpartitioned_tables_have_no_projection" {
  module {
    source = "./modules/catalog"
  }

  variables {
    tables = [{
      name           = "dim_film"
      description    = "films"
      key_prefix     = "curated/dim_film/"
      columns        = [{ name = "film_id", type = "string", nullable = false, comment = "" }]
      partition_keys = []
    }]
  }

  assert {
    condition     = !contains(keys(aws_glue_catalog_table.curated["dim_film"].parameters), "projection.enabled")
    error_message = "A table without partition keys must not enable projection."
  }
}

run "schema_export_with_a_non_athena_type_is_rejected" {
  command = plan

  module {
    source = "./modules/catalog"
  }

  variables {
    tables = [{
      name           = "fact_bad"
      description    = ""
      key_prefix     = "curated/fact_bad/"
      columns        = [{ name = "amount", type = "System.Decimal", nullable = false, comment = "" }]
      partition_keys = []
    }]
  }

  expect_failures = [var.tables]
}

run "workgroup_enforces_encrypted_results_and_a_scan_limit" {
  module {
    source = "./modules/catalog"
  }

  assert {
    condition     = aws_athena_workgroup.this.configuration[0].enforce_workgroup_configuration
    error_message = "The workgroup must enforce its configuration (clients cannot lift the scan limit or skip encryption)."
  }

  assert {
    condition     = aws_athena_workgroup.this.configuration[0].bytes_scanned_cutoff_per_query == var.bytes_scanned_cutoff_per_query && var.bytes_scanned_cutoff_per_query <= 10737418240
    error_message = "The workgroup must cancel queries scanning more than the configured limit (at most 10 GiB)."
  }

  assert {
    condition = (
      aws_athena_workgroup.this.configuration[0].result_configuration[0].encryption_configuration[0].encryption_option == "SSE_KMS"
      && aws_athena_workgroup.this.configuration[0].result_configuration[0].encryption_configuration[0].kms_key_arn == var.kms_key_arn
    )
    error_message = "Query results must be encrypted with the environment's KMS key."
  }

  assert {
    condition     = startswith(aws_athena_workgroup.this.configuration[0].result_configuration[0].output_location, "s3://${var.results_bucket_name}/")
    error_message = "Query results must go to the results bucket."
  }

  assert {
    condition     = aws_athena_workgroup.this.configuration[0].publish_cloudwatch_metrics_enabled
    error_message = "The workgroup must publish metrics (the bytes-scanned alarm reads them)."
  }
}

run "scan_limit_above_athena_minimum_is_required" {
  command = plan

  module {
    source = "./modules/catalog"
  }

  variables {
    bytes_scanned_cutoff_per_query = 1000
  }

  expect_failures = [var.bytes_scanned_cutoff_per_query]
}
