import os

DATABASES = {
    "default": {
        "ENGINE": os.environ.get("SQL_ENGINE", "django.db.backends.sqlite3"),
        "NAME": os.environ.get("SQL_DATABASE", "db.sqlite3"),
        "HOST": os.environ.get("SQL_HOST", "localhost"),
    }
}
