# Puma: the web process.  Threads, processes and the port come from the
# environment; logs go to stdout.
threads_count = ENV.fetch("RAILS_MAX_THREADS", 3)
threads threads_count, threads_count
workers ENV.fetch("WEB_CONCURRENCY", 2)
port ENV.fetch("PORT", 3000)

# On SIGTERM puma stops accepting connections and finishes the requests
# in hand; stay inside the ECS stop timeout (30 s).
worker_shutdown_timeout 25
persistent_timeout 75 # longer than the ALB idle timeout (60 s)

preload_app!
