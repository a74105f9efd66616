"""Take an order over HTTP: store it and queue it for fulfilment."""
import json
import os
import uuid

import boto3
from aws_lambda_powertools import Logger

logger = Logger()
table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
sqs = boto3.client("sqs")


@logger.inject_lambda_context
def handler(event, context):
    order = json.loads(event.get("body") or "{}")
    order["id"] = str(uuid.uuid4())
    table.put_item(Item=order)
    sqs.send_message(QueueUrl=os.environ["QUEUE_URL"],
                     MessageBody=json.dumps({"id": order["id"]}))
    logger.info("order accepted", extra={"order_id": order["id"]})
    return {"statusCode": 201, "body": json.dumps({"id": order["id"]})}
