# Private subnets without a route to the internet, VPC endpoints for S3 and ECR, network ACLs
# on both tiers and an unusable default security group.

mock_provider "aws" {}

variables {
  name               = "cinemastats-test"
  region             = "eu-west-2"
  vpc_cidr           = "10.40.0.0/16"
  availability_zones = ["eu-west-2a", "eu-west-2b"]

  flow_logs_bucket_arn = "arn:aws:s3:::cinemastats-test-logs-123456789012"
}

run "private_subnets_have_no_public_ips_and_no_internet_route" {
  module {
    source = "./modules/network"
  }

  assert {
    condition     = length(aws_subnet.private) == 2 && alltrue([for s in concat(aws_subnet.private, aws_subnet.public) : !s.map_public_ip_on_launch])
    error_message = "No subnet may hand out public IPs."
  }

  assert {
    condition     = length(aws_route_table.private.route) == 0 && aws_route.public_internet.route_table_id == aws_route_table.public.id
    error_message = "Only the public route table may route to the internet gateway; the private one has no default route."
  }

  assert {
    condition     = alltrue([for a in aws_route_table_association.private : a.route_table_id == aws_route_table.private.id])
    error_message = "Every private subnet must use the private route table."
  }

  assert {
    condition     = length(aws_default_security_group.this.ingress) == 0 && length(aws_default_security_group.this.egress) == 0
    error_message = "The default security group must have no rules."
  }
}

run "s3_and_ecr_traffic_stays_in_the_vpc" {
  module {
    source = "./modules/network"
  }

  assert {
    condition     = aws_vpc_endpoint.s3.vpc_endpoint_type == "Gateway" && contains(aws_vpc_endpoint.s3.route_table_ids, aws_route_table.private.id)
    error_message = "S3 must be reached through a gateway endpoint on the private route table."
  }

  assert {
    condition = alltrue([
      for svc in ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "sqs", "athena", "glue"] :
      contains(keys(aws_vpc_endpoint.interface), svc)
      && aws_vpc_endpoint.interface[svc].private_dns_enabled
      && alltrue([for id in aws_vpc_endpoint.interface[svc].subnet_ids : contains(aws_subnet.private[*].id, id)])
    ])
    error_message = "ECR (api, dkr), logs, Secrets Manager, SQS, Athena and Glue need private-DNS interface endpoints in the private subnets."
  }

  assert {
    condition     = alltrue([for r in [aws_vpc_security_group_ingress_rule.endpoints_https] : r.cidr_ipv4 == var.vpc_cidr && r.from_port == 443])
    error_message = "Interface endpoints may only accept HTTPS from inside the VPC."
  }
}

run "network_acls_guard_both_tiers" {
  module {
    source = "./modules/network"
  }

  assert {
    condition     = toset(aws_network_acl.private.subnet_ids) == toset(aws_subnet.private[*].id) && toset(aws_network_acl.public.subnet_ids) == toset(aws_subnet.public[*].id)
    error_message = "Each tier must have its own network ACL."
  }

  assert {
    condition = alltrue([
      for r in [aws_network_acl_rule.public_in_vpc] : r.cidr_block == var.vpc_cidr
    ])
    error_message = "The public tier must admit only traffic from inside the VPC."
  }

  # The private tier's rules open to 0.0.0.0/0 are exactly these TCP ranges: in, port 80 from
  # CloudFront's VPC origin and ephemeral returns; out, HTTPS (S3 endpoint) and ephemeral
  # replies. Anything wider (all protocols, all ports, another port) fails here.
  assert {
    condition = toset([
      for r in [
        aws_network_acl_rule.private_in_vpc, aws_network_acl_rule.private_in_alb_http, aws_network_acl_rule.private_in_ephemeral,
        aws_network_acl_rule.private_out_vpc, aws_network_acl_rule.private_out_https, aws_network_acl_rule.private_out_ephemeral,
      ] : "${r.egress ? "out" : "in"} ${r.protocol} ${r.from_port}-${r.to_port} ${r.rule_action}" if r.cidr_block == "0.0.0.0/0"
      ]) == toset([
      "in tcp 80-80 allow", "in tcp 1024-65535 allow", "out tcp 443-443 allow", "out tcp 1024-65535 allow",
    ])
    error_message = "The private NACL may open to 0.0.0.0/0 only TCP 80 and ephemeral ports in, TCP 443 and ephemeral ports out."
  }

  assert {
    condition = alltrue([
      for r in [aws_network_acl_rule.private_in_vpc, aws_network_acl_rule.private_out_vpc, aws_network_acl_rule.public_in_vpc, aws_network_acl_rule.public_out_vpc] :
      r.cidr_block == var.vpc_cidr
    ])
    error_message = "All-protocol NACL rules may only cover the VPC's own range."
  }
}

run "flow_logs_record_every_connection" {
  module {
    source = "./modules/network"
  }

  assert {
    condition = (
      aws_flow_log.this.vpc_id == aws_vpc.this.id && aws_flow_log.this.traffic_type == "ALL"
      && aws_flow_log.this.log_destination_type == "s3" && startswith(aws_flow_log.this.log_destination, var.flow_logs_bucket_arn)
    )
    error_message = "VPC flow logs must record accepted and rejected traffic into the encrypted logs bucket."
  }
}
