require_relative "boot"

require "rails"
require "active_model/railtie"
require "active_job/railtie"
require "active_record/railtie"
require "action_controller/railtie"

Bundler.require(*Rails.groups)

module Bookmarks
  class Application < Rails::Application
    config.load_defaults 8.1
    config.api_only = true

    # Logs are an event stream: every process writes to stdout and the
    # platform (awslogs on ECS, the log router on a Procfile platform)
    # collects it.  No log files, in any mode.
    config.logger = ActiveSupport::TaggedLogging.logger($stdout)
    config.log_level = ENV.fetch("LOG_LEVEL", "info")
    config.log_tags = [:request_id]

    config.active_job.queue_adapter = :sidekiq
    config.time_zone = "UTC"
    config.x.version = File.read(File.expand_path("../VERSION", __dir__)).strip
  end
end
