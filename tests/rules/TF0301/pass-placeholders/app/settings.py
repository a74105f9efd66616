import os

SECRET_KEY = os.environ["SECRET_KEY"]
API_KEY = os.environ.get("API_KEY")
DB_PASSWORD = "${DB_PASSWORD}"
STRIPE_KEY = "<your-stripe-key>"
TOKEN = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
ADMIN_PASSWORD = "changeme"
GITHUB_TOKEN = "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
