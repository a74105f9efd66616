require "active_support/core_ext/integer/time"

# Framework settings for running the built application.  Nothing here
# names a deploy: staging and production run this same mode, each with
# its own environment variables.
Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = true
  config.consider_all_requests_local = false

  # TLS ends at the load balancer, which sets X-Forwarded-Proto.
  config.assume_ssl = true
  config.force_ssl = true
  config.ssl_options = { redirect: { exclude: ->(request) { request.path == "/up" } } }
  config.silence_healthcheck_path = "/up"

  config.i18n.fallbacks = true
  config.active_support.report_deprecations = false
  config.active_record.dump_schema_after_migration = false
  config.active_record.attributes_for_inspect = [:id]
end
