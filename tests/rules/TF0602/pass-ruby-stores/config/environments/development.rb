Rails.application.configure do
  config.cache_store = :memory_store
  config.session_store :cache_store, key: "_shop_session"
end
