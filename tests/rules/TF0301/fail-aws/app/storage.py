import boto3

# Synthetic credentials pasted into the code: the case the rule exists for.
s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAABCDEFGH234567AB",
    aws_secret_access_key="AbCd01+/EfGh23IjAbCd01+/EfGh23IjAbCd01+/",
)
