Rails.application.configure do
  config.eager_load = true
end
