"""Wakes the front door on the first request: web and ingest go from zero tasks to one.

The wake page (CloudFront /_wake/start, signed by origin access control) calls this function,
so a wake no longer waits for an ALB metric to reach a CloudWatch alarm. A service that is
already awake, or already waking, is left alone: repeated calls change nothing.
"""
import json
import os

_ecs = None


def _client():
    global _ecs
    if _ecs is None:
        import boto3  # in the Lambda runtime; tests pass their own client

        _ecs = boto3.client("ecs")
    return _ecs


def handler(event, context, ecs=None):
    ecs = ecs or _client()
    method = (event.get("requestContext") or {}).get("http", {}).get("method", "POST")
    if method != "POST":
        return _answer(405, {"error": "POST starts the dashboard; nothing else is served here."})

    cluster = os.environ["CLUSTER"]
    services = [s for s in os.environ["SERVICES"].split(",") if s]
    described = ecs.describe_services(cluster=cluster, services=services)["services"]
    started, awake = [], []
    for service in described:
        name = service["serviceName"]
        if name not in services:
            continue
        if service["desiredCount"] == 0:
            ecs.update_service(cluster=cluster, service=name, desiredCount=1)
            started.append(name)
        else:
            awake.append(name)
    return _answer(202, {"started": started, "alreadyAwake": awake})


def _answer(status, body):
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json", "cache-control": "no-store"},
        "body": json.dumps(body),
    }
