Rails.application.configure do
  # A per-process cache is fine for fragments; sessions go to the database.
  config.cache_store = :memory_store
  config.session_store :active_record_store, key: "_shop_session"
end
