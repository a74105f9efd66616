import os
DSN = os.environ["SENTRY_DSN"]
