import json

from sst import Resource


def handler(event, context):
    """Answers with the linked value."""
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"message": Resource.MyLinkableValue.foo}),
    }
