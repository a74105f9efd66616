from .base import *
DEBUG = False
ALLOWED_HOSTS = ["staging.example.com"]
