environment              = "prod"
region                   = "eu-west-2"
vpc_cidr                 = "10.41.0.0/16"
github_apply_environment = "production"

# An account has one GitHub OIDC provider: set false when dev already runs in this account.
create_github_oidc_provider = true

interface_endpoint_az_count = 2
log_retention_days          = 90
web_max_tasks               = 3
transform_max_tasks         = 2
idle_minutes_before_sleep   = 30
monthly_budget_usd          = 150

# Sign-in is on in every environment: Terraform makes a Cognito user pool unless these name
# an external OpenID Connect issuer (docs/deployment.md, "Sign-in").
# web_auth_authority  = "https://login.microsoftonline.com/<tenant id>/v2.0"
# web_auth_client_id  = "<application (client) id>"
# web_auth_role_claim = "roles"
