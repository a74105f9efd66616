SESSION_ENGINE = "django.contrib.sessions.backends.cache"
