Rails.application.config.after_initialize do
  ActiveRecord::Tasks::DatabaseTasks.migrate if ENV["AUTO_MIGRATE"]
end
