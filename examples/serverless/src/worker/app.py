"""Fulfil queued orders; report the ones that failed so SQS retries them."""
import json
import os

import boto3
from aws_lambda_powertools import Logger

logger = Logger()
table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


@logger.inject_lambda_context
def handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            order_id = json.loads(record["body"])["id"]
            table.update_item(Key={"id": order_id},
                              UpdateExpression="SET #s = :s",
                              ExpressionAttributeNames={"#s": "status"},
                              ExpressionAttributeValues={":s": "fulfilled"})
            logger.info("order fulfilled", extra={"order_id": order_id})
        except Exception:
            logger.exception("order failed")
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
