Rails.application.configure do
  config.eager_load = true
  config.log_level = :info

  # A 64 MB cache in each Puma worker.
  config.cache_store = :memory_store, { size: 64.megabytes }
  config.session_store :cache_store, key: "_shop_session", expire_after: 1.day
end
