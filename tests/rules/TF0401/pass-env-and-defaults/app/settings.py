import os

# Local development falls back to the compose services.
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://app@localhost:5432/app")
CACHE_URL = os.environ["REDIS_URL"]
BROKER = f"amqp://{os.environ['MQ_USER']}@{os.environ['MQ_HOST']}/"
