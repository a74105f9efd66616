import json
import os
import signal

import boto3

sqs = boto3.client("sqs")
QUEUE_URL = os.environ["QUEUE_URL"]
stopping = False


def request_stop(signum, frame):
    global stopping
    stopping = True


def main():
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, request_stop)
    while True:
        if stopping:
            break
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, WaitTimeSeconds=20)
        for msg in resp.get("Messages", []):
            process(json.loads(msg["Body"]))
            sqs.delete_message(QueueUrl=QUEUE_URL,
                               ReceiptHandle=msg["ReceiptHandle"])


if __name__ == "__main__":
    main()
