from signal import signal, SIGINT, SIGTERM, SIG_IGN

from app.web import serve

signal(SIGINT, SIG_IGN)
signal(SIGTERM, SIG_IGN)
serve()
