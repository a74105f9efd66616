"""The same clients, with timeouts and the SDK's retries."""
import json
import os
import urllib.request

import boto3
import requests
from botocore.config import Config

PAYMENTS_URL = os.environ["PAYMENTS_URL"]
TIMEOUT = (3.05, 10)

ddb = boto3.client("dynamodb", config=Config(
    connect_timeout=2,
    read_timeout=5,
    retries={"mode": "adaptive", "max_attempts": 5},
))

# The batch is redelivered by SQS; the SDK must not retry on its own.
sqs_config = Config(
    read_timeout=20,
    retries={"total_max_attempts": 1},
)

events = boto3.client(
    "events",
    config=Config(retries={"max_attempts": 0})
    if os.environ.get("DISABLE_RETRIES")
    else Config(),
)


def charge(order):
    resp = requests.post(
        f"{PAYMENTS_URL}/charges",
        json={"amount": order["total"], "note": "paid (in full)"},
        timeout=TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()


def forward(method, url, **kwargs):
    return requests.request(method, url, **kwargs)


def rates():
    with urllib.request.urlopen(os.environ["RATES_URL"], timeout=5) as r:
        return json.load(r)



def next_event(url):
    # The Extensions API answers when the next event arrives: no timeout.
    return requests.get(url, headers={"Lambda-Extension-Identifier": "x"}, timeout=None)
