import json
import os

import boto3

sqs = boto3.client("sqs")
QUEUE_URL = os.environ["QUEUE_URL"]


def main():
    while True:
        resp = sqs.receive_message(
            QueueUrl=QUEUE_URL,
            MaxNumberOfMessages=10,
            WaitTimeSeconds=20,
        )
        for msg in resp.get("Messages", []):
            process(json.loads(msg["Body"]))
            sqs.delete_message(QueueUrl=QUEUE_URL,
                               ReceiptHandle=msg["ReceiptHandle"])


if __name__ == "__main__":
    main()
