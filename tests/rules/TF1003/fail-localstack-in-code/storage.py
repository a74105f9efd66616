import boto3

s3 = boto3.client("s3", endpoint_url="http://localhost:4566")
