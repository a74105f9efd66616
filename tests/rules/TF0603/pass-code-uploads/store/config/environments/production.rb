Rails.application.configure do
  config.eager_load = true
  config.active_storage.service = :amazon
end
