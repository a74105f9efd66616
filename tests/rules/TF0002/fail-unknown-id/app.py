import os

PORT = int(os.environ.get("PORT", "8000"))  # twelvelint:ignore TF0701,TF7001 read above
