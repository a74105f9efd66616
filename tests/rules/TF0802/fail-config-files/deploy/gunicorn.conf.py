import multiprocessing

bind = "0.0.0.0:8000"
workers = multiprocessing.cpu_count() * 2 + 1
pidfile = "/var/run/gunicorn.pid"
accesslog = "-"
