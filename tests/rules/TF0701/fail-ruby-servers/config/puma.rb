workers 2
threads 5, 5
port 3000
preload_app!
