import threading

import boto3

stop = threading.Event()
queue = boto3.resource("sqs").Queue("https://example.invalid/q")


def run():
    # stop is set by the SIGTERM handler in worker.py
    while True:
        if stop.is_set():
            return
        for msg in queue.receive_messages(WaitTimeSeconds=20):
            process(msg)
            msg.delete()
