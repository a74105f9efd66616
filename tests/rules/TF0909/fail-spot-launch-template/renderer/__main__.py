import os
import time

import boto3

sqs = boto3.client("sqs")
QUEUE_URL = os.environ["QUEUE_URL"]

while True:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, WaitTimeSeconds=20)
    for msg in resp.get("Messages", []):
        time.sleep(1)  # render
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=msg["ReceiptHandle"])
