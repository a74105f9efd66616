# Sidekiq reads its Redis locator from REDIS_URL, in the web process (to
# enqueue) and in the worker process type (to run jobs).
Sidekiq.configure_server do |config|
  config.redis = { url: ENV.fetch("REDIS_URL") }
  config.concurrency = Integer(ENV.fetch("SIDEKIQ_CONCURRENCY", 5))
end

Sidekiq.configure_client do |config|
  config.redis = { url: ENV.fetch("REDIS_URL") }
end
