import os

SECRET_KEY_NAME = "session"
CACHE_URL = 'redis://cache.internal:6379/0'
QUEUE = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
