"""moto's server for the aws home's tests: single-threaded, over HTTPS (a throwaway self-signed
certificate), on a free port of 127.0.0.1; prints `port <n>` once it listens.

- One thread: `python -m moto.server` serves each request on its own thread, and moto's S3 checks
  `If-None-Match` and writes in two steps, so two conditional PUTs could both pass there. One thread makes
  each request atomic, as S3 is.
- Bucket policies: moto evaluates only `StringEquals` conditions, gives none of the request's context
  keys, and denies when a statement's condition fails (whatever its effect), so the state bucket's TLS-only
  policy (Deny when `Bool aws:SecureTransport=false`) would deny every request. Here `Bool` is evaluated,
  `aws:SecureTransport` is the request's real scheme, and a statement whose condition fails does not
  apply, so the policy works as on S3: HTTPS passes, plain HTTP is refused.
"""
import json
import os

import flask
from werkzeug.serving import make_server
from moto.iam import policy_conditions
from moto.iam.access_control import IAMPolicy
from moto.moto_server.werkzeug_app import MotoRequestHandler  # type: ignore
from moto.s3.models import FakeBucket
from moto.server import DomainDispatcherApplication, create_backend_app


def bool_equals(expected, actual):
    values = expected if isinstance(expected, list) else [expected]
    return str(actual).lower() in [str(v).lower() for v in values]


policy_conditions.CONDITION_OPERATIONS["Bool"] = bool_equals


def conditions_met(statement, context):
    for condition in policy_conditions.TrustRelationShipConditions(statement.get("Condition") or {}):
        actual = [context[key] for key in condition.context_keys if key in context]
        if not actual or not condition.verify_condition(actual):
            return False
    return True


def get_permission(self, action, resource):
    """A statement whose condition does not hold does not apply (moto would deny instead)."""
    from moto.iam.access_control import PermissionResult

    if self.policy is None:
        return PermissionResult.NEUTRAL
    secure = flask.request.is_secure if flask.has_request_context() else True
    context = {"aws:SecureTransport": "true" if secure else "false"}
    policy = json.loads(self.policy.decode())
    statements = policy["Statement"] if isinstance(policy["Statement"], list) else [policy["Statement"]]
    applying = [s for s in statements if conditions_met(s, context)]
    if not applying:
        return PermissionResult.NEUTRAL
    return IAMPolicy(json.dumps({**policy, "Statement": applying})).is_action_permitted(action, resource, incoming_condition_values=context)


FakeBucket.get_permission = get_permission

app = DomainDispatcherApplication(create_backend_app)
server = make_server("127.0.0.1", 0, app, threaded=False, request_handler=MotoRequestHandler, ssl_context="adhoc")
os.environ["MOTO_PORT"] = str(server.port)
print(f"port {server.port}", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
