output "database_name" {
  value = aws_glue_catalog_database.this.name
}

output "database_arn" {
  value = aws_glue_catalog_database.this.arn
}

output "table_names" {
  value = sort(keys(aws_glue_catalog_table.curated))
}

output "workgroup_name" {
  value = aws_athena_workgroup.this.name
}

output "workgroup_arn" {
  value = aws_athena_workgroup.this.arn
}

output "results_location" {
  value = "s3://${var.results_bucket_name}/athena/"
}
