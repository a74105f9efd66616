Rails.application.configure do
  config.eager_load = true
  config.cache_store = :redis_cache_store, { url: ENV.fetch("REDIS_URL") }
  config.session_store :cache_store, key: "_shop_session"
end
