import os

bind = "0.0.0.0:" + os.environ.get("PORT", "8000")
# pidfile = "/tmp/gunicorn.pid"
pidfile = None
worker_tmp_dir = "/dev/shm"
