import boto3

sqs = boto3.client("sqs")

while True:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, WaitTimeSeconds=1)
    if "Messages" not in resp:
        break
