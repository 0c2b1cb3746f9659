# One security group per service. Egress only to what each one calls: AWS APIs over HTTPS
# (interface endpoints inside the VPC, S3 through the gateway endpoint's prefix list), and
# for web, the ports of ingest and transform.

resource "aws_security_group" "service" {
  for_each = toset(local.services)

  name        = "${var.name}-${each.key}"
  description = "${each.key} tasks"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-${each.key}" }
}

resource "aws_vpc_security_group_egress_rule" "to_endpoints" {
  for_each = aws_security_group.service

  security_group_id = each.value.id
  description       = "AWS APIs through interface endpoints"
  cidr_ipv4         = var.vpc_cidr
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_egress_rule" "to_s3" {
  for_each = aws_security_group.service

  security_group_id = each.value.id
  description       = "S3 (data and image layers) through the gateway endpoint"
  prefix_list_id    = var.s3_prefix_list_id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "from_alb" {
  for_each = toset(["web", "ingest"])

  security_group_id            = aws_security_group.service[each.key].id
  description                  = "From the ALB"
  referenced_security_group_id = var.alb_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
}

resource "aws_vpc_security_group_ingress_rule" "ingest_from_web" {
  security_group_id            = aws_security_group.service["ingest"].id
  description                  = "Uploads forwarded by the web app"
  referenced_security_group_id = aws_security_group.service["web"].id
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
}

resource "aws_vpc_security_group_egress_rule" "web_to_ingest" {
  security_group_id            = aws_security_group.service["web"].id
  description                  = "Uploads forwarded to ingest"
  referenced_security_group_id = aws_security_group.service["ingest"].id
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
}

# The transform's operator API (status, reprocess) is reached by the web app only: no ALB rule.
resource "aws_vpc_security_group_ingress_rule" "transform_from_web" {
  security_group_id            = aws_security_group.service["transform"].id
  description                  = "Operator API called by the web app"
  referenced_security_group_id = aws_security_group.service["web"].id
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
}

resource "aws_vpc_security_group_egress_rule" "web_to_transform" {
  security_group_id            = aws_security_group.service["web"].id
  description                  = "Operator API of the transform"
  referenced_security_group_id = aws_security_group.service["transform"].id
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
}
