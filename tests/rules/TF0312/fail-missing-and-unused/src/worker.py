import os

SENTRY_DSN = os.getenv("SENTRY_DSN")
AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")
