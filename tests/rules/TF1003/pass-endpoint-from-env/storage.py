import os

import boto3

# AWS_ENDPOINT_URL points at LocalStack in docker-compose.yml only.
s3 = boto3.client("s3", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))
