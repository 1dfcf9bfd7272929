"""A Lambda runtime for Python handlers, run as a worker process by `sst dev`.

It polls the Runtime API named in AWS_LAMBDA_RUNTIME_API and calls the handler _HANDLER
(`src/api.handler`, relative to LAMBDA_TASK_ROOT) with the event and a context object, as Lambda's Python
runtime does. Standard library only: it runs in the function's own interpreter and environment.
"""
import http.client
import importlib
import json
import os
import sys
import time
import traceback

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
HOST, _, BASE = API.partition("/")
PREFIX = ("/" + BASE if BASE else "") + "/2018-06-01/runtime"


def call(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection(HOST, timeout=None)
    conn.request(method, PREFIX + path, body=body, headers=headers or {})
    res = conn.getresponse()
    data = res.read()
    conn.close()
    return res.status, {k.lower(): v for k, v in res.getheaders()}, data


def error_body(exc):
    return {
        "errorType": type(exc).__name__,
        "errorMessage": str(exc),
        "stackTrace": traceback.format_tb(exc.__traceback__),
    }


def post_error(path, exc):
    body = error_body(exc)
    call("POST", path, json.dumps(body).encode(), {
        "content-type": "application/json",
        "lambda-runtime-function-error-type": body["errorType"],
    })


class Context:
    def __init__(self, headers):
        self.aws_request_id = headers.get("lambda-runtime-aws-request-id")
        self.invoked_function_arn = headers.get("lambda-runtime-invoked-function-arn")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.client_context = json.loads(headers["lambda-runtime-client-context"]) if headers.get("lambda-runtime-client-context") else None
        self.identity = json.loads(headers["lambda-runtime-cognito-identity"]) if headers.get("lambda-runtime-cognito-identity") else None
        self._deadline_ms = int(headers.get("lambda-runtime-deadline-ms", "0"))

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def load_handler():
    root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    module_path, _, name = os.environ.get("_HANDLER", "index.handler").rpartition(".")
    sys.path.insert(0, root)
    module = importlib.import_module(module_path.replace("/", "."))
    handler = getattr(module, name, None)
    if not callable(handler):
        raise AttributeError(f"{module_path}.{name} is not a function")
    return handler


def main():
    try:
        handler = load_handler()
    except Exception as exc:  # the runtime reports any import failure as an init error, as Lambda does
        post_error("/init/error", exc)
        sys.exit(1)
    while True:
        _, headers, body = call("GET", "/invocation/next")
        request_id = headers["lambda-runtime-aws-request-id"]
        try:
            event = json.loads(body) if body else None
            result = handler(event, Context(headers))
            call("POST", f"/invocation/{request_id}/response", json.dumps(result).encode(), {"content-type": "application/json"})
        except Exception as exc:
            post_error(f"/invocation/{request_id}/error", exc)


if __name__ == "__main__":
    main()
