"""Unit tests of the wake function with a recording stand-in for the ECS client."""
import json
import os
import unittest

import wake


class RecordingEcs:
    def __init__(self, desired):
        self.desired = dict(desired)
        self.updates = []

    def describe_services(self, cluster, services):
        assert cluster == "cinemastats-test"
        return {"services": [{"serviceName": s, "desiredCount": self.desired[s]} for s in services]}

    def update_service(self, cluster, service, desiredCount):
        self.updates.append((cluster, service, desiredCount))
        self.desired[service] = desiredCount


def post():
    return {"requestContext": {"http": {"method": "POST"}}}


class WakeTests(unittest.TestCase):
    def setUp(self):
        os.environ["CLUSTER"] = "cinemastats-test"
        os.environ["SERVICES"] = "web,ingest"

    def test_sleeping_services_get_one_task(self):
        ecs = RecordingEcs({"web": 0, "ingest": 0})
        answer = wake.handler(post(), None, ecs)
        self.assertEqual(202, answer["statusCode"])
        self.assertEqual([("cinemastats-test", "web", 1), ("cinemastats-test", "ingest", 1)], ecs.updates)
        self.assertEqual(["web", "ingest"], json.loads(answer["body"])["started"])

    def test_an_awake_service_is_left_alone(self):
        ecs = RecordingEcs({"web": 2, "ingest": 0})
        wake.handler(post(), None, ecs)
        self.assertEqual([("cinemastats-test", "ingest", 1)], ecs.updates)

    def test_repeated_calls_change_nothing_more(self):
        ecs = RecordingEcs({"web": 0, "ingest": 0})
        wake.handler(post(), None, ecs)
        wake.handler(post(), None, ecs)
        self.assertEqual(2, len(ecs.updates))

    def test_only_post_wakes(self):
        ecs = RecordingEcs({"web": 0, "ingest": 0})
        answer = wake.handler({"requestContext": {"http": {"method": "GET"}}}, None, ecs)
        self.assertEqual(405, answer["statusCode"])
        self.assertEqual([], ecs.updates)


if __name__ == "__main__":
    unittest.main()
