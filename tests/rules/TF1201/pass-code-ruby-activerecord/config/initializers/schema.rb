Rails.application.config.after_initialize do
  if ActiveRecord::Base.connection.migration_context.needs_migration?
    Rails.logger.warn("pending migrations: run the release task")
  end
end
