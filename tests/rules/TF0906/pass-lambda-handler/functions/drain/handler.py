import json
import os

import boto3

sqs = boto3.client("sqs")


def handler(event, context):
    for record in event["Records"]:
        process(json.loads(record["body"]))
    # Redrive what is left in the dead-letter queue, then return.
    while True:
        resp = sqs.receive_message(QueueUrl=os.environ["DLQ_URL"])
        if "Messages" not in resp:
            return
        for msg in resp["Messages"]:
            redrive(msg)
