Rails.application.configure do
  config.eager_load = true
  # Store uploaded files on the local file system (see config/storage.yml for options).
  config.active_storage.service = :local
end
