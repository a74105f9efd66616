"""Gunicorn settings.  Everything a deploy varies comes from the
environment; gunicorn.conf.py is read from the working directory."""
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# On SIGTERM gunicorn stops accepting connections and gives in-flight
# requests graceful_timeout seconds: keep it under the ECS stopTimeout
# (30 s by default) so nothing is cut off on a deploy or a scale-in.
graceful_timeout = 25
timeout = 30
keepalive = 75  # longer than the ALB idle timeout (60 s)

# Access and error logs are event streams on stdout/stderr.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

# The load balancer terminates TLS.
forwarded_allow_ips = "*"
