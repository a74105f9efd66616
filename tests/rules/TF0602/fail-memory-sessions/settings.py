import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
SESSION_ENGINE = "django.contrib.sessions.backends.file"
