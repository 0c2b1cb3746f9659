environment              = "dev"
region                   = "eu-west-2"
vpc_cidr                 = "10.40.0.0/16"
github_apply_environment = "dev"

interface_endpoint_az_count = 1
log_retention_days          = 14
web_max_tasks               = 1
transform_max_tasks         = 1
idle_minutes_before_sleep   = 15
monthly_budget_usd          = 60
